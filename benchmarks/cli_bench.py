"""The CLI on files: peak memory on a large file, and -j 2 against -j 1.

    python benchmarks/cli_bench.py --gb 1        # the issue's 1 GB memory run (~10 min here)
    python benchmarks/cli_bench.py --gb 0.05     # a quick look

The input is generated from the seeds (never committed) into --work. Peak RSS is
the largest resident set of any process the run started (the CLI and its
workers), read from getrusage(RUSAGE_CHILDREN) in a fresh Python process per
run so earlier runs do not count.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = sorted(p for p in (ROOT / "seeds").glob("*.txt") if not p.name.endswith(".expected.txt"))

_MEASURE = """
import resource, subprocess, sys, time
t0 = time.perf_counter()
with open(sys.argv[1], "wb") as out:
    rc = subprocess.run(sys.argv[2:], stdout=out).returncode
secs = time.perf_counter() - t0
print(rc, secs, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def generate(path: Path, mb: float, rotate: int = 0) -> Path:
    """Seeds in a rotated order, repeated to about ``mb`` megabytes, written in blocks."""
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    block = ("\n\n".join(texts[(rotate + i) % len(texts)] for i in range(len(texts))) + "\n\n").encode("utf-8")
    n = max(1, round(mb * 1e6 / len(block)))
    with open(path, "wb") as fh:
        for _ in range(n):
            fh.write(block)
    return path


def measure(args: list[str], out: Path) -> dict:
    cmd = [sys.executable, "-c", _MEASURE, str(out), sys.executable, "-m", "zhclean", "-q", *args]
    rc, secs, rss_kb = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.split()
    if rc != "0":
        raise SystemExit(f"zhclean exited {rc} on {args}")
    return {"seconds": round(float(secs), 2), "peak_rss_mb": round(int(rss_kb) / 1024, 1)}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gb", type=float, default=1.0, help="size of the memory-run input in GB")
    ap.add_argument("--mb-per-file", type=float, default=6.0, help="size of each of the four -j files")
    ap.add_argument("--work", default=str(HERE / "data"))
    ap.add_argument("--out", default=str(HERE / "out"))
    args = ap.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    res: dict = {}
    files = [generate(work / f"part{k}.txt", args.mb_per_file, rotate=k) for k in range(4)]
    size = sum(f.stat().st_size for f in files) / 1e6
    j1 = measure(["-j", "1", *map(str, files)], work / "out-j1.txt")
    j2 = measure(["-j", "2", *map(str, files)], work / "out-j2.txt")
    res["parallel"] = {
        "mb": round(size, 1), "j1": j1, "j2": j2,
        "speedup": round(j1["seconds"] / j2["seconds"], 2),
        "identical": (work / "out-j1.txt").read_bytes() == (work / "out-j2.txt").read_bytes(),
    }
    big = generate(work / "big.txt", args.gb * 1000)
    res["memory"] = {"mb": round(big.stat().st_size / 1e6, 1), **measure([str(big)], work / "out-big.txt")}
    res["memory"]["mb_s"] = round(res["memory"]["mb"] / res["memory"]["seconds"], 2)
    for f in [*files, big, work / "out-j1.txt", work / "out-j2.txt", work / "out-big.txt"]:
        os.unlink(f)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "cli_results.json").write_text(json.dumps(res, indent=2), encoding="utf-8")
    print(json.dumps(res, indent=2))
    return res


if __name__ == "__main__":
    main()
