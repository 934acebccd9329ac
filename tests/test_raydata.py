"""A small real Ray Data run on a 2-CPU local cluster gives what the local CLI gives."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import RAW

ray = pytest.importorskip("ray")


def _rows(paths):
    rows = []
    for p in sorted(paths):
        rows += [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def test_ray_directory_run_equals_local_cli(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    paras = [p for raw in RAW for p in raw.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    for k in range(2):
        with open(src / f"part{k}.jsonl", "w", encoding="utf-8") as fh:
            for i, text in enumerate(paras[k::2]):
                fh.write(json.dumps({"id": k * 100_000 + i, "text": text, "lang": "zh"}, ensure_ascii=False) + "\n")

    # The local CLI on the same files.
    cli_out = tmp_path / "cli"
    p = subprocess.run([sys.executable, "-m", "zhclean", "--jsonl", "-q", str(src), "--out-dir", str(cli_out)], capture_output=True)
    assert p.returncode == 0, p.stderr
    expected = _rows(cli_out.glob("*.jsonl"))

    from zhclean.raydata import main

    ray_out = tmp_path / "ray"
    assert main([str(src), str(ray_out), "--num-cpus", "2"]) == 0
    got = sorted(_rows(ray_out.glob("*.json*")), key=lambda r: r["id"])
    assert got == sorted(expected, key=lambda r: r["id"])
    assert len(got) == len(paras)
