"""Golden tests: each seed in, its hand-made golden file out, compared whole."""

from __future__ import annotations

import difflib

import pytest

import zhclean
from conftest import RAW, gold_of


def readable_diff(expected: str, actual: str) -> str:
    """Which line, what differs: a unified diff plus the first differing characters."""
    exp, act = expected.split("\n"), actual.split("\n")
    lines = list(difflib.unified_diff(exp, act, "golden", "clean()", n=0, lineterm=""))
    for i, (a, b) in enumerate(zip(exp, act)):
        if a != b:
            k = next((j for j, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            lines.append(f"first difference: line {i + 1}, column {k + 1}: golden {a[k:k + 20]!r} vs clean() {b[k:k + 20]!r}")
            break
    else:
        if len(exp) != len(act):
            lines.append(f"line count differs: golden {len(exp)} vs clean() {len(act)}")
    return "\n".join(line[:300] for line in lines)


@pytest.mark.parametrize("raw", RAW, ids=[p.name[:3] for p in RAW])
def test_seed_matches_golden_file(raw):
    expected = gold_of(raw).read_text(encoding="utf-8")
    actual = zhclean.clean(raw.read_text(encoding="utf-8"))
    assert actual == expected, "\n" + readable_diff(expected, actual)


@pytest.mark.parametrize("raw", RAW, ids=[p.name[:3] for p in RAW])
def test_golden_file_passes_through_unchanged(raw):
    gold = gold_of(raw).read_text(encoding="utf-8")
    assert zhclean.clean(gold) == gold, "\n" + readable_diff(gold, zhclean.clean(gold))


@pytest.mark.parametrize("raw", RAW, ids=[p.name[:3] for p in RAW])
def test_blank_line_separator_gives_the_same_paragraphs(raw):
    # With paragraph_separator="\n\n" every break of the output is a blank line,
    # which reflow must not read as a page break on the next clean.
    expected = gold_of(raw).read_text(encoding="utf-8").replace("\n", "\n\n")
    once = zhclean.clean(raw.read_text(encoding="utf-8"), paragraph_separator="\n\n")
    assert once == expected, "\n" + readable_diff(expected, once)
    again = zhclean.clean(once, paragraph_separator="\n\n")
    assert again == once, "\n" + readable_diff(once, again)


@pytest.mark.parametrize("raw", RAW, ids=[p.name[:3] for p in RAW])
def test_explain_text_equals_clean(raw):
    text = raw.read_text(encoding="utf-8")
    result = zhclean.explain(text)
    assert result.text == zhclean.clean(text)
    assert result.changes, "a raw seed always needs some change"


def test_readable_diff_names_line_and_column():
    msg = readable_diff("甲\n乙丙丁", "甲\n乙丙戊")
    assert "line 2, column 3" in msg and "-乙丙丁" in msg and "+乙丙戊" in msg
