"""Reading bytes (zhclean.decode and the CLI's --encoding): real Chinese text
saved in the encodings Chinese files are saved in, through Python's own codecs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import opencc
import pytest
from hypothesis import given
from hypothesis import strategies as st

import zhclean
from conftest import SEEDS
from rewrap import clean_paragraphs
from zhclean.plausibility import common_share, looks_chinese

GOLD = sorted(SEEDS.glob("*.expected.txt"))
SIMPLIFIED = [p.read_text(encoding="utf-8") for p in GOLD]
# Traditional: the committed sample of Debian's zh_TW pages, and the seeds in Taiwan's standard.
TRADITIONAL = [(Path(__file__).parent / "damage" / "traditional.txt").read_text(encoding="utf-8")]
TRADITIONAL += [opencc.OpenCC("s2tw").convert(t) for t in SIMPLIFIED]
PARAGRAPHS = clean_paragraphs()


def run(args, stdin=None):
    return subprocess.run([sys.executable, "-m", "zhclean", *args], input=stdin, capture_output=True)


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


# (text, how it is saved, what it reads back as): Simplified in the mainland's
# encodings, Traditional in Taiwan's, both in UTF.
CASES = [
    (k, encoding, read_as)
    for k in range(len(SIMPLIFIED))
    for encoding, read_as in [("gbk", "gb18030"), ("gb18030", "gb18030"), ("utf-16", "utf-16"), ("utf-32", "utf-32"), ("utf-8-sig", "utf-8-sig"), ("utf-8", "utf-8")]
] + [
    (len(SIMPLIFIED) + k, encoding, read_as)
    for k in range(len(TRADITIONAL))
    for encoding, read_as in [("big5", "big5hkscs"), ("big5hkscs", "big5hkscs"), ("utf-16", "utf-16")]
]


@pytest.mark.parametrize("k, encoding, read_as", CASES)
def test_files_read_back_exactly(k, encoding, read_as):
    text = (SIMPLIFIED + TRADITIONAL)[k]
    if not _encodable(text, encoding):
        pytest.skip(f"text {k} has a character {encoding} lacks")
    assert zhclean.decode(text.encode(encoding)) == (text, read_as)


def test_every_text_is_encodable_somewhere():
    # The skips above are exceptions: most texts take part in every row.
    assert sum(_encodable(t, "gbk") for t in SIMPLIFIED) >= 3
    assert sum(_encodable(t, "big5") for t in TRADITIONAL) >= 2


@given(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=6), st.sampled_from(["gbk", "gb18030", "utf-16", "utf-8"]))
def test_any_clean_text_reads_back_exactly(paras, encoding):
    text = "\n".join(paras)
    assert zhclean.decode(text.encode(encoding)).text == text


@pytest.mark.parametrize(
    "data, message",
    [
        ("café au lait".encode("latin-1"), "not valid UTF-8 at byte offset 3 (byte 0xe9), and not Chinese text in gb18030 or big5hkscs"),
        (b"PK\x03\x04\x00\x00", "looks like a binary file (NUL byte at offset 4)"),
        ("记者从市教育局获悉".encode("gbk")[:-1], "not Chinese text"),  # a cut lead byte: no codec reads it
    ],
)
def test_bytes_that_are_no_text_are_refused_by_name(data, message):
    with pytest.raises(zhclean.DecodeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        zhclean.decode(data)


def test_a_named_encoding_is_used_strictly():
    data = "记者从市教育局获悉".encode("gbk")
    assert zhclean.decode(data, "gbk") == ("记者从市教育局获悉", "gbk")
    with pytest.raises(zhclean.DecodeError, match="not valid utf-8 at byte offset 0"):
        zhclean.decode(data, "utf-8")
    with pytest.raises(zhclean.DecodeError, match="unknown encoding 'klingon'"):
        zhclean.decode(data, "klingon")


def test_the_wrong_legacy_codec_does_not_look_chinese():
    # What the guess decides on: read with the other codec, text is rare characters.
    for text in SIMPLIFIED + TRADITIONAL:
        assert common_share(text) > 0.9
        for encoding, wrong in (("gbk", "big5hkscs"), ("big5", "gb18030")):
            if _encodable(text, encoding):
                assert not looks_chinese(text.encode(encoding).decode(wrong, errors="ignore"))


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-16", "utf-8-sig"])
def test_cli_reads_a_legacy_file_to_the_same_output_as_utf8(tmp_path, encoding):
    raw = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    utf8, other = tmp_path / "utf8.txt", tmp_path / "other.txt"
    utf8.write_bytes(raw.encode("utf-8"))
    other.write_bytes(raw.encode(encoding))
    a, b = run([str(utf8)]), run([str(other)])
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout
    said = f"zhclean: {other}: read as "
    assert said in b.stderr.decode() and said not in a.stderr.decode()
    assert run(["-q", str(other)]).stderr == b""


def test_cli_reads_big5_and_writes_utf8_in_place(tmp_path):
    text = next(t for t in TRADITIONAL if _encodable(t, "big5"))
    src = tmp_path / "big5.txt"
    src.write_bytes(text.encode("big5"))
    p = run(["--in-place", str(src)])
    assert p.returncode == 0
    assert f"{src}: read as big5hkscs, written as UTF-8" in p.stderr.decode()
    assert src.read_text(encoding="utf-8") == zhclean.clean(text) + "\n"


def test_cli_names_a_file_it_cannot_read(tmp_path):
    src = tmp_path / "latin.txt"
    src.write_bytes("café".encode("latin-1"))
    p = run([str(src)])
    assert p.returncode == 1 and f"{src}: not valid UTF-8 at byte offset 3" in p.stderr.decode()
    p = run(["--encoding", "latin-1", str(src)])
    assert p.returncode == 0 and p.stdout.decode() == "café\n"
    assert run(["--encoding", "klingon", str(src)]).returncode == 2
    assert run(["--jsonl", "--encoding", "gbk", str(src)]).returncode == 2
