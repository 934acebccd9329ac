"""Corpora through the CLI and zhclean.corpus: streaming pieces, parts, JSONL, gzip,
-j, --in-place, --check, --diff, errors that leave no half-written file."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import pytest

import zhclean
from conftest import RAW
from zhclean import corpus
from zhclean.cli import main
from zhclean.options import Options

SEEDS_TEXT = "\n\n".join(p.read_text(encoding="utf-8") for p in RAW)


def run(args, stdin=None):
    return subprocess.run([sys.executable, "-m", "zhclean", *args], input=stdin, capture_output=True)


def _part_output(part: corpus.Part, tmp_path) -> str:
    r = corpus.run_part(part, str(tmp_path))
    with open(r.tmp, encoding="utf-8") as fh:
        out = fh.read()
    os.unlink(r.tmp)
    return out


@pytest.mark.parametrize("chunk", [2048, 16384])
@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_streamed_pieces_equal_cleaning_whole(tmp_path, monkeypatch, chunk, sep):
    src = tmp_path / "seeds.txt"
    src.write_text(SEEDS_TEXT, encoding="utf-8")
    monkeypatch.setattr(corpus, "CHUNK_BYTES", chunk)
    monkeypatch.setattr(corpus, "_READ", 1000)
    opts = Options(paragraph_separator=sep)
    whole = zhclean.clean(SEEDS_TEXT, paragraph_separator=sep).rstrip("\n") + "\n"
    assert _part_output(corpus.Part(str(src), 0, None, "text", opts), tmp_path) == whole


@pytest.mark.parametrize("pieces", [2, 3, 7])
def test_parts_of_one_file_concatenate_to_the_whole(tmp_path, monkeypatch, pieces):
    src = tmp_path / "seeds.txt"
    src.write_text(SEEDS_TEXT * 2, encoding="utf-8")
    monkeypatch.setattr(corpus, "CHUNK_BYTES", 4096)
    parts = corpus.plan(str(src), "text", Options(), pieces)
    assert len(parts) > 1
    out = "".join(_part_output(p, tmp_path) for p in parts)
    assert out == zhclean.clean(SEEDS_TEXT * 2).rstrip("\n") + "\n"


def test_safe_cut_only_where_cleaning_apart_equals_cleaning_together():
    pipe = zhclean.pipeline()
    text = "第一段说完了。\n\n\u3000\u3000第二段"
    assert corpus.safe_cut(text, pipe) == len("第一段说完了。\n\n")
    assert corpus.safe_cut("没有说完\n\n  的句子", pipe) == 0  # no finished sentence
    long = "网" * 90 + "。\n"
    assert corpus.safe_cut(long + "下一段", pipe) == len(long)  # a finished web paragraph
    # A full finished line, then a column break: the paragraph goes on after the
    # blank line (the text indents its paragraphs, the next line is not indented).
    # Cutting there would split the paragraph; the cut is refused.
    text = (
        "\u3000\u3000各地党组织迅速行动起来，广大党员干部\n冲锋在前，坚守岗位，日夜奋战在一线。\n\n"
        "社区工作者挨家挨户排查登记，宣传防\n疫知识，为居民送去生活物资和药品，\n让群众感受到组织的温暖和关怀。\n\n"
        "\u3000\u3000下一段从这里开始，内容照常。\n"
    )
    i = text.index("一线。\n\n") + len("一线。\n\n")
    assert "一线。社区" in pipe(text)
    assert corpus._verified(text, i, pipe) is False
    assert corpus.safe_cut(text, pipe) == text.index("\u3000\u3000下一段")


def _jsonl(tmp_path, n):
    paras = [p for p in SEEDS_TEXT.split("\n") if p.strip()]
    path = tmp_path / "docs.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": i, "text": paras[i % len(paras)], "meta": {"k": [1, 2.5, None]}}, ensure_ascii=False) + "\n")
    return path


def test_jsonl_100k_documents_j2_equals_j1(tmp_path):
    src = _jsonl(tmp_path, 100_000)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    # -j 2 on one file cuts it into two parts at line boundaries.
    for out, j in ((one, "1"), (two, "2")):
        p = run(["--jsonl", "-j", j, "-q", str(src), "-o", str(out)])
        assert p.returncode == 0, p.stderr
    assert one.read_bytes() == two.read_bytes()
    rows_in = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines()]
    rows_out = [json.loads(line) for line in one.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows_out] == list(range(100_000))
    assert all(a["meta"] == b["meta"] for a, b in zip(rows_in, rows_out))
    assert all(b["text"] == zhclean.clean(a["text"]) for a, b in zip(rows_in[:300], rows_out[:300]))


def test_jsonl_bad_lines_stop_or_are_kept_with_skip(tmp_path):
    src = tmp_path / "bad.jsonl"
    src.write_text('{"text": "突袭,疫情"}\nnot json\n{"body": "x"}\n{"text": 3}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    p = run(["--jsonl", str(src), "-o", str(out)])
    assert p.returncode == 1 and f"{src}:2: not a JSON line" in p.stderr.decode()
    assert not out.exists() and not [f for f in os.listdir(tmp_path) if f.startswith(".zhclean-")]
    p = run(["--jsonl", "--on-error", "skip", str(src), "-o", str(out)])
    assert p.returncode == 0, p.stderr
    err = p.stderr.decode()
    assert f"{src}:3: no field 'text'" in err and f"{src}:4: field 'text' is int" in err
    assert out.read_text(encoding="utf-8").splitlines() == ['{"text": "突袭，疫情"}', "not json", '{"body": "x"}', '{"text": 3}']


def test_directories_globs_include_and_gzip(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text("突袭,疫情", encoding="utf-8")
    with gzip.open(d / "sub" / "b.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("员 带 领 群 众")
    (d / "skip.md").write_text("不要处理,这个", encoding="utf-8")
    out = tmp_path / "out"
    assert main([str(d), "--out-dir", str(out), "-q"]) == 0
    assert (out / "a.txt").read_text(encoding="utf-8") == "突袭，疫情\n"
    with gzip.open(out / "sub" / "b.txt.gz", "rt", encoding="utf-8") as fh:
        assert fh.read() == "员带领群众\n"
    assert not (out / "skip.md").exists()
    assert main([str(d), "--include", "*.md", "--out-dir", str(out), "-q"]) == 0
    assert (out / "skip.md").read_text(encoding="utf-8") == "不要处理，这个\n"
    p = run([str(d / "*.txt"), "-q"])
    assert p.stdout.decode() == "突袭，疫情\n"


def test_in_place_is_atomic_and_leaves_inputs_intact_on_failure(tmp_path):
    good, bad = tmp_path / "a.txt", tmp_path / "b.txt"
    good.write_text("突袭,疫情", encoding="utf-8")
    bad.write_bytes("中文".encode() + b"\xff")
    os.chmod(good, 0o640)
    p = run(["--in-place", str(good), str(bad)])
    assert p.returncode == 1 and "not valid UTF-8" in p.stderr.decode()
    assert good.read_text(encoding="utf-8") == "突袭，疫情\n"  # finished before the failure
    assert oct(os.stat(good).st_mode & 0o777) == "0o640"  # mode kept
    assert bad.read_bytes() == "中文".encode() + b"\xff"  # never truncated
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt"]  # no temporary file left


def test_check_and_diff(tmp_path):
    dirty, clean = tmp_path / "dirty.txt", tmp_path / "clean.txt"
    dirty.write_text("突袭,疫情\n", encoding="utf-8")
    clean.write_text("突袭，疫情\n", encoding="utf-8")
    p = run(["--check", str(dirty), str(clean)])
    assert p.returncode == 1 and f"would change: {dirty}" in p.stderr.decode() and str(clean) + "\n" not in p.stderr.decode()
    assert dirty.read_text(encoding="utf-8") == "突袭,疫情\n"
    assert run(["--check", str(clean)]).returncode == 0
    p = run(["--diff", str(dirty), str(clean)])
    assert p.returncode == 0
    assert p.stdout.decode().splitlines()[-2:] == ["-突袭,疫情", "+突袭，疫情"]


def test_summary_line_and_quiet(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("突袭,疫情", encoding="utf-8")
    err = run([str(src)]).stderr.decode()
    assert err.startswith("zhclean: 1 file, 1 document (1 changed), 0.0 MB in")
    assert run([str(src), "-q"]).stderr == b""


def test_summary_counts_characters_deleted_as_furniture(tmp_path):
    # The count is what explain() shows the deleting steps removing, and only that.
    for raw in RAW:
        text = raw.read_text(encoding="utf-8")
        shown = sum(len("".join(c.before.split())) for c in zhclean.explain(text).changes if c.step.startswith("drop_"))
        err = run([str(raw), "-o", str(tmp_path / "out.txt")]).stderr.decode()
        if shown:
            assert f", {shown} characters deleted as page furniture)" in err, (raw.name, err)
        else:
            assert "deleted" not in err, (raw.name, err)
    assert any(c.step.startswith("drop_") for raw in RAW for c in zhclean.explain(raw.read_text(encoding="utf-8")).changes)


def test_j2_over_several_files_equals_j1(tmp_path):
    files = []
    for k, p in enumerate(RAW):
        f = tmp_path / f"{k}.txt"
        f.write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
        files.append(str(f))
    a = run(["-j", "1", "-q", *files])
    b = run(["-j", "2", "-q", *files])
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout
    assert a.stdout.decode() == "".join(zhclean.clean(p.read_text(encoding="utf-8")).rstrip("\n") + "\n" for p in RAW)


def test_broken_pipe_ends_quietly(tmp_path):
    src = tmp_path / "big.txt"
    src.write_text(SEEDS_TEXT * 20, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "zhclean", "-q", str(src)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141
    assert b"Traceback" not in err and err == b""
