"""The command line: files/stdin, -o, --explain, presets, flags, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import RAW, gold_of
from zhclean.cli import main


def run(args, stdin=None):
    return subprocess.run([sys.executable, "-m", "zhclean", *args], input=stdin, capture_output=True)


def test_seed_file_to_stdout_matches_golden_plus_final_newline():
    p = run([str(RAW[0])])
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode("utf-8") == gold_of(RAW[0]).read_text(encoding="utf-8") + "\n"


def test_stdin_and_flags():
    p = run(["--cjk-latin-space", "one", "--no-cjk-punctuation"], "ICU病房,2 月".encode())
    assert p.stdout.decode() == "ICU 病房,2 月\n"


def test_output_file_and_preset(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("突袭,疫情\n\n员 带 领", encoding="utf-8")
    out = tmp_path / "out.txt"
    assert main([str(src), "-o", str(out), "--preset", "web"]) == 0
    assert out.read_text(encoding="utf-8") == "突袭，疫情\n\n员带领\n"


def test_explain_writes_json_lines(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text('突袭,疫情 "他说', encoding="utf-8")
    p = run(["--explain", str(src)])
    rows = [json.loads(line) for line in p.stdout.decode().splitlines()]
    assert rows == [
        {"file": str(src), "kind": "change", "step": "quotes", "start": 6, "end": 7, "before": '"', "after": "“"},
        {"file": str(src), "kind": "change", "step": "cjk_punctuation", "start": 2, "end": 3, "before": ",", "after": "，"},
        {"file": str(src), "kind": "change", "step": "spacing", "start": 5, "end": 6, "before": " ", "after": ""},
        {"file": str(src), "kind": "notice", "step": "quotes", "start": 6, "end": 7, "text": '"', "message": "unpaired straight quote, read as an opening quote"},
    ]


@pytest.mark.parametrize(
    "make, code, needle",
    [
        (lambda d: [str(d / "missing.txt")], 1, "no such file"),
        (lambda d: [str(d / "empty")], 1, "is a directory with no files matching"),
        (lambda d: [str(d / "bad.txt")], 1, "not valid UTF-8 at byte offset 3"),
        (lambda d: [str(d / "ok.txt"), "-o", str(d / "ok.txt")], 1, "output file is also an input"),
        (lambda d: ["--quotes", "fancy"], 2, "invalid choice"),
        (lambda d: ["--convert", "x2y", str(d / "ok.txt")], 2, "'t2s'"),
        (lambda d: ["--bogus"], 2, "unrecognized arguments"),
    ],
)
def test_user_errors_are_one_line_without_traceback(tmp_path, make, code, needle):
    (tmp_path / "bad.txt").write_bytes("中".encode() + b"\xff\xfe")
    (tmp_path / "ok.txt").write_text("文本", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    p = run(make(tmp_path))
    err = p.stderr.decode()
    assert p.returncode == code
    assert needle in err
    assert "Traceback" not in err
    assert (tmp_path / "ok.txt").read_text(encoding="utf-8") == "文本"  # never truncated
