"""The normaliser contract, checked for every registered normaliser."""

from __future__ import annotations

import pytest

from hypothesis import example, given, settings
from hypothesis import strategies as st

from zhclean.core import Edit, apply_edits, compose_edits
from zhclean.presets import registry
from conftest import RAW, gold_of

STEPS = registry()
SAMPLES = [p.read_text(encoding="utf-8") for p in RAW] + [
    "员 带 领 群 众 一 起\n2 月 14 日,ICU 病房\"战疫\"⋯⋯\n\n- 3 -\n",
    "ä¸­æ–‡ï¼Œæµ‹è¯•\r\n\ufeff零\u200b宽\u3000空格ＡＢＣ１２３",
    "",
    "\n\n\n",
]


@pytest.mark.parametrize("step", STEPS, ids=[repr(s) for s in STEPS])
@pytest.mark.parametrize("k", range(len(SAMPLES)))
def test_edits_reproduce_fast_output(step, k):
    text = SAMPLES[k]
    edits = step.edits(text)
    assert all(e.start <= e.end for e in edits)
    assert all(a.end <= b.start for a, b in zip(edits, edits[1:])), "edits must be sorted and non-overlapping"
    assert apply_edits(text, edits) == step(text)


@pytest.mark.parametrize("step", STEPS, ids=[repr(s) for s in STEPS])
@pytest.mark.parametrize("k", range(len(SAMPLES)))
def test_idempotent(step, k):
    once = step(SAMPLES[k])
    assert step(once) == once


@pytest.mark.parametrize("step", [s for s in STEPS if not s.name.startswith("convert_")], ids=repr)
@pytest.mark.parametrize("raw", RAW, ids=[p.name[:3] for p in RAW])
def test_clean_text_passes_unchanged(step, raw):
    gold = gold_of(raw).read_text(encoding="utf-8")
    if (
        step.name == "pangu_space"
        or getattr(step, "separator", "\n") != "\n"
        or getattr(step, "policy", "none") == "one"
        or getattr(step, "style", "curly") == "corner"
    ):
        pytest.skip("a variant that changes the house style on purpose")
    assert step(gold) == gold
    assert step.edits(gold) == []


@pytest.mark.parametrize("step", STEPS, ids=repr)
@pytest.mark.parametrize("bad", [b"bytes", None, 3, ["list"]])
def test_non_str_raises_type_error_naming_type(step, bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        step(bad)
    with pytest.raises(TypeError, match=type(bad).__name__):
        step.edits(bad)


def test_registry_covers_every_module():
    names = {s.name for s in STEPS}
    for expected in ["fix_mojibake", "fix_gbk_mojibake", "normalize_newlines", "remove_invisible", "remove_controls", "normalize_spaces", "normalize_nbsp",
                     "nfc", "fold_radicals", "missing_glyphs", "halfwidth_alnum", "undo_fake_bold", "drop_page_numbers", "drop_running_heads",
                     "drop_stranded_chars", "reflow", "fix_ellipsis", "fix_dash", "dedupe_punctuation", "quotes",
                     "cjk_parentheses", "cjk_punctuation", "spacing", "pangu_space", "convert_t2s", "convert_s2t"]:
        assert expected in names


def _edits_on(draw, text: str) -> list[Edit]:
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits: list[Edit] = []
    for a, b in zip(cuts[::2], cuts[1::2]):
        if not edits or a >= edits[-1].end:
            edits.append(Edit(a, b, draw(st.text("xy\n", max_size=3))))
    return edits


@given(st.text("党a ,\n", max_size=16), st.data())
def test_compose_edits_does_what_both_passes_do(text, data):
    # Reflow's passes are combined this way (ADR 0006): the result must apply as
    # one valid edit list and give what the two passes give one after the other.
    first = _edits_on(data.draw, text)
    mid = apply_edits(text, first)
    second = _edits_on(data.draw, mid)
    both = compose_edits(text, first, second)
    assert all(a.end <= b.start for a, b in zip(both, both[1:]))
    assert apply_edits(text, both) == apply_edits(mid, second)
    if not second:
        assert both == first  # nothing to combine: the first pass's edits unchanged


# Spacing decides runs of spaces twice, by design: edits() one run at a time
# (_decide, for explain) and __call__ by whole-text passes between protected runs.
# The two must agree on text full of the cases that tell them apart: line starts,
# CJK marks, kana and Hangul, Latin, and the field words and markers that protect.
_SPACING_PARTS = list("党的人民 ，。ab1\n■/（）()カ한\t-#:：") + [
    "  ", "   ", "记者", "本报讯", "来源：", "\n- ", "\n1. ", "\n## ", "第一条 ", "（徐能 摄）", "新华社北京3月1日电 ",
    " 党 ", " 党 党 ", " 1 ", " . ", " % ", " a ",  # letter-spaced digits and Latin beside lone Han glyphs
]


@settings(max_examples=max(2000, settings.default.max_examples))  # cheap: a few µs an example
@given(st.lists(st.sampled_from(_SPACING_PARTS), max_size=60).map("".join), st.sampled_from(["none", "one", "keep"]))
@example("党  a  b", "keep")  # kept between CJK and Latin, squeezed between Latin
@example("记者 黄合  \n 1. 勤洗手", "one")  # protected runs, at line ends too
@example("党 党 1 1 .", "none")  # the run after a closed-up span still has its left neighbour
def test_spacing_fast_path_agrees_with_its_edits(text, policy):
    from zhclean.normalizers.spacing import Spacing

    step = Spacing(policy)
    assert step(text) == apply_edits(text, step.edits(text))


def test_white_space_class_is_regex_s():
    # Patterns on the standard re engine spell regex's \s out; they must agree on
    # every code point (re's own \s also takes \x1c-\x1f, which regex's does not).
    import re
    import sys

    import regex

    from zhclean.chars import WHITE_SPACE

    ours = re.compile(f"[{WHITE_SPACE}]")
    theirs = regex.compile(r"\s")
    differ = [hex(c) for c in range(sys.maxunicode + 1) if (ours.match(chr(c)) is None) != (theirs.match(chr(c)) is None)]
    assert differ == []


# cjk_punctuation converts a mark alone between Han characters by a plain
# replacement before its general pass; edits() decides every mark in one pass.
_MARK_PARTS = list("党的 ,;:?!.-－─，”“《》a1\n") + ["--", "...", "──", "U.S.A.", "2.6", "news@example.com."]


@settings(max_examples=max(2000, settings.default.max_examples))
@given(st.lists(st.sampled_from(_MARK_PARTS), max_size=40).map("".join))
@example("党,党--,党.abc.")
def test_cjk_punctuation_fast_path_agrees_with_its_edits(text):
    from zhclean.normalizers.punctuation import cjk_punctuation

    assert cjk_punctuation(text) == apply_edits(text, cjk_punctuation.edits(text))


# Reflow asks is_field_line only of lines that hold one of field_offsets: the
# whole-text scan must find every line the per-line test would accept.
_FIELD_PARTS = list("党 \n\t\x1c\u3000（(摄:：)）a，") + ["记者", "本报记者", "通讯员", "摄影", "编辑", "来源", "记", "者"]


@settings(max_examples=max(2000, settings.default.max_examples))
@given(st.lists(st.sampled_from(_FIELD_PARTS), max_size=30).map("".join))
@example("来源摄)摄\t党")
def test_field_offsets_cover_every_field_line(text):
    from zhclean.normalizers.lines import field_offsets, is_field_line

    found = field_offsets(text)
    pos = 0
    for line in text.split("\n"):
        if is_field_line(line):
            assert any(pos <= k < pos + len(line) for k in found), line
        pos += len(line) + 1


# The quotes step replaces the inside of a run of straight quotes as one span,
# decided once; edits() must give the same text, and the pairs at the run's ends
# are still decided one by one.
_QUOTE_PARTS = list('党a "\'“”‘’「」,.!\n') + ['"""""', '""""""', "''''", " " * 70]


@settings(max_examples=max(2000, settings.default.max_examples))
@given(st.lists(st.sampled_from(_QUOTE_PARTS), max_size=40).map("".join), st.sampled_from(["curly", "corner"]))
@example('党""""""a', "curly")
@example('a""""""""党', "corner")
def test_quotes_fast_path_agrees_with_its_edits(text, style):
    from zhclean.normalizers.punctuation import Quotes

    step = Quotes(style)
    assert step(text) == apply_edits(text, step.edits(text))


# Reflow measures a line once for all its passes (a later pass looks up lines the
# first one measured), so a line's shape must depend on the line alone: the same
# measured inside any text as on its own.
_LINE_PARTS = list('党a 1.,;:!?"“”…⋯-－。，、（）()摄\t\x1c\n') + ["记者", "  ", "一、", "■ ", "。。", "...", "党" * 12, "\n\n"]


@settings(max_examples=max(1000, settings.default.max_examples))
@given(st.lists(st.sampled_from(_LINE_PARTS), max_size=40).map("".join))
@example("记者 黄合\n记者")
@example("党党党党党党党党党党党党 党党党党党党党党党党党党 党党党党党党党党党党党。 党党党党党党党党党党党党党党党党党党党党")
def test_reflow_line_shape_depends_on_the_line_alone(text):
    from zhclean.normalizers.paragraphs import _TEXT, _WIDTH, Reflow

    for it in Reflow._items(text):
        (alone,) = Reflow._items(it[_TEXT])
        assert alone[_WIDTH:] == it[_WIDTH:], it[_TEXT]


# Spacing looks for letter-spaced digits and Latin only where a cheap scan on the
# standard engine finds a hint; the hint must be there wherever a run is.
_SPREAD_PARTS = list(" \n党，。1a.%α°①\x1c\t\u3000") + ["  ", " 党 ", " 1 "]


@settings(max_examples=max(2000, settings.default.max_examples))
@given(st.lists(st.sampled_from(_SPREAD_PARTS), max_size=30).map("".join))
@example("α °  党")
@example("1 9 4 9 年 成 立")  # a run at the start of the text is found once
def test_spread_guard_misses_no_run(text):
    from zhclean.normalizers.spacing import _spread, _spread_runs

    spans = _spread(text)
    assert spans == _spread_runs(text)
    assert all(b <= c for (_, b), (c, _) in zip(spans, spans[1:])), spans  # in order, apart
