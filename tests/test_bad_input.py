"""Bad input, one table: every problem gets one clear error naming it, never a traceback,
and no input is ever truncated."""

from __future__ import annotations

import subprocess
import sys

import pytest

import zhclean
from zhclean.batch import clean_batch


@pytest.mark.parametrize(
    "call, error, needle",
    [
        (lambda: zhclean.clean(b"\xe4\xb8\xad"), TypeError, "got bytes (decode it first"),
        (lambda: zhclean.clean(None), TypeError, "got NoneType"),
        (lambda: zhclean.clean(12), TypeError, "got int"),
        (lambda: zhclean.clean(["中"]), TypeError, "got list"),
        (lambda: zhclean.explain(3.5), TypeError, "got float"),
        (lambda: zhclean.clean("x", reflow="yes"), zhclean.OptionError, "reflow"),
        (lambda: zhclean.clean("x", colour=True), zhclean.OptionError, "colour"),
        (lambda: zhclean.clean("x", quotes="fancy"), zhclean.OptionError, "'curly'"),
        (lambda: zhclean.clean("x", convert="x2y"), zhclean.OptionError, "'t2s'"),
        (lambda: zhclean.clean("x", preset="fast"), zhclean.OptionError, "unknown preset 'fast'"),
        (lambda: clean_batch({"body": ["x"]}), KeyError, "no column 'text'"),
        (lambda: clean_batch({"text": [b"x"]}), TypeError, "got bytes"),
    ],
)
def test_library_errors(call, error, needle):
    with pytest.raises(error) as info:
        call()
    assert needle in str(info.value)


def _files(d):
    (d / "ok.txt").write_text("文本", encoding="utf-8")
    (d / "bad.txt").write_bytes("中".encode() + b"\xff\xfe")
    (d / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00text")
    (d / "bad.jsonl").write_text('{"text": "x"}\n{oops\n', encoding="utf-8")
    (d / "corrupt.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (d / "empty").mkdir()


@pytest.mark.parametrize(
    "args, code, needle",
    [
        (["{d}/missing.txt"], 1, "missing.txt: no such file"),
        (["{d}/empty"], 1, "is a directory with no files matching"),
        (["{d}/bad.txt"], 1, "not valid UTF-8 at byte offset 3 (byte 0xff)"),
        (["{d}/binary.txt"], 1, "looks like a binary file (NUL byte at offset 4)"),
        (["--jsonl", "{d}/bad.jsonl"], 1, "bad.jsonl:2: not a JSON line"),
        (["{d}/corrupt.txt.gz"], 1, "corrupt.txt.gz: cannot read"),
        (["{d}/ok.txt", "-o", "{d}/ok.txt"], 1, "output file is also an input"),
        (["{d}/ok.txt", "--report", "{d}/ok.txt"], 1, "report file is also an input"),
        (["--in-place", "-"], 1, "--in-place needs files"),
        (["--quotes", "fancy", "{d}/ok.txt"], 2, "invalid choice"),
        (["--convert", "x2y", "{d}/ok.txt"], 2, "'t2s'"),
        (["--bogus"], 2, "unrecognized arguments"),
        (["-j", "-1", "{d}/ok.txt"], 2, "-j must be"),
        (["--in-place", "-o", "x", "{d}/ok.txt"], 2, "cannot be combined"),
    ],
)
def test_cli_errors(tmp_path, args, code, needle):
    _files(tmp_path)
    p = subprocess.run([sys.executable, "-m", "zhclean", *[a.format(d=tmp_path) for a in args]],
                       capture_output=True, input=b"")
    err = p.stderr.decode()
    assert p.returncode == code, err
    assert needle in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1  # one line
    assert (tmp_path / "ok.txt").read_text(encoding="utf-8") == "文本"  # never truncated
    assert not [f for f in tmp_path.iterdir() if f.name.startswith(".zhclean-")]
