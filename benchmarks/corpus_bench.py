"""Throughput on one JSONL corpus: CLI -j 1, CLI -j 2, datasets.map(num_proc=2), Ray Data.

    python benchmarks/corpus_bench.py --mb 100

The corpus (generated, not committed) is the seeds' paragraphs as JSONL documents
with an id and a metadata field. Every run's cleaned texts are compared with the
CLI -j 1 output; MB/s counts input bytes. Tools not installed are skipped.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = sorted(p for p in (ROOT / "seeds").glob("*.txt") if not p.name.endswith(".expected.txt"))


def generate(path: Path, mb: float) -> int:
    paras = [p for s in SEEDS for p in s.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    n = 0
    size = 0
    with open(path, "w", encoding="utf-8") as fh:
        while size < mb * 1e6:
            line = json.dumps({"id": n, "text": paras[n % len(paras)], "meta": {"source": "seed"}}, ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return n


def texts_of(paths: list[Path]) -> list[str]:
    rows = [json.loads(line) for p in sorted(paths) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["text"] for r in sorted(rows, key=lambda r: r["id"])]


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=100.0)
    ap.add_argument("--work", default=str(HERE / "data"))
    args = ap.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    src = work / "corpus.jsonl"
    docs = generate(src, args.mb)
    mb = src.stat().st_size / 1e6
    res: dict = {"mb": round(mb, 1), "documents": docs, "runs": {}}

    def record(name: str, secs: float, texts: list[str]) -> None:
        res["runs"][name] = {"seconds": round(secs, 1), "mb_s": round(mb / secs, 2), "identical_to_j1": texts == reference}

    reference: list[str] = []
    for j in ("1", "2"):
        out = work / f"cli-j{j}.jsonl"
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "zhclean", "--jsonl", "-q", "-j", j, str(src), "-o", str(out)], check=True)
        secs = time.perf_counter() - t0
        texts = texts_of([out])
        if j == "1":
            reference = texts
        record(f"CLI -j {j}", secs, texts)
        out.unlink()

    try:
        import datasets

        from zhclean.batch import Cleaner

        datasets.disable_progress_bars()
        t0 = time.perf_counter()
        ds = datasets.load_dataset("json", data_files=str(src), split="train", cache_dir=str(work / "hf"))
        ds = ds.map(Cleaner(), batched=True, batch_size=512, num_proc=2, load_from_cache_file=False)
        texts = ds["text"]
        record("datasets.map(num_proc=2)", time.perf_counter() - t0, list(texts))
    except ImportError as e:
        res["runs"]["datasets.map(num_proc=2)"] = f"skipped: {e}"

    try:
        import ray

        from zhclean.raydata import clean_directory

        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
        indir = work / "ray-in"
        indir.mkdir(exist_ok=True)
        (indir / "corpus.jsonl").write_bytes(src.read_bytes())
        t0 = time.perf_counter()
        clean_directory(str(indir), str(work / "ray-out"))
        secs = time.perf_counter() - t0
        ray.shutdown()
        record("Ray Data (local, 2 CPUs)", secs, texts_of(list((work / "ray-out").glob("*.json*"))))
    except ImportError as e:
        res["runs"]["Ray Data (local, 2 CPUs)"] = f"skipped: {e}"
    print(json.dumps(res, indent=2))
    return res


if __name__ == "__main__":
    main()
