"""Fuzzing with Hypothesis: every normaliser in every variant, clean() and explain()
with every option, on arbitrary text. Short in CI; long with HYPOTHESIS_PROFILE=nightly
(see docs/architecture.md, "Fuzzing"). Any failure found becomes an @example here."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import zhclean
from zhclean.core import apply_edits
from zhclean.options import CHOICES, Options
from zhclean.presets import registry

STEPS = registry()

# Text built from the characters the rules look at, plus anything at all.
texty = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("党员带领群众一起投身战疫，。、；：？！“”‘’（）《》…⋯—－─,.;:?!\"'()-_/@%+ \n\n\n\t\r\u3000\u200b\ufeff\x85\xad0123456789abcXYZ０１ＡＢ")),
        st.characters(),
    ),
    max_size=400,
)

options = st.fixed_dictionaries(
    {},
    optional={
        **{name: st.sampled_from(values) for name, values in CHOICES.items()},
        **{f.name: st.booleans() for f in Options.__dataclass_fields__.values() if f.type in ("bool", bool)},
        "paragraph_separator": st.sampled_from(["\n", "\n\n"]),
        "convert": st.sampled_from([None, "t2s", "s2t", "s2twp", "hk2s"]),
    },
)


@given(st.sampled_from(STEPS), texty)
@example(STEPS[0], "")
@example(next(s for s in STEPS if s.name.startswith("convert_")), "\ud800")  # OpenCC cannot encode it
def test_every_normaliser_on_anything(step, text):
    out = step(text)
    assert isinstance(out, str)
    edits = step.edits(text)
    assert apply_edits(text, edits) == out
    assert all(n.start <= n.end <= len(text) for n in step.notes(text))


@given(texty, options)
# Found by the nightly profile; kept as regressions.
@example('"",一', {})
@example("一\r0", {})
@example("丽", {})
@example("…--", {})
@example("\ud800a\ud83d\ude00", {"convert": "t2s"})
@example("党党党党党党党党党党\n\n党党党党党党党党党党", {})
@example("⋯,", {})
@example("党党党党党党党党,党\n党党党党党党党党党党", {})
@example("党党党党党党党党,党\n。", {"paragraph_separator": "\n\n"})
@example("０\n党党党党党", {"paragraph_separator": "\n\n"})
@example("党\n党党党“\n党", {})
@example("\xadÜ\x98", {})
@example("党党党党党党，…党\r。", {})
@example("，，\x00", {"remove_invisible": False, "dedupe_punctuation": False, "convert": "s2twp"})
@example("党－－,", {})
@example("党...,", {})
@example("((党))", {})
@example("Â⋯\x85", {"remove_invisible": False})
@example(  # atheris: lines joined on indent evidence made a column on the second clean
    "=" + "\udc8f" * 14 + "  $\n-$\n  $\n-$\n" + "\udc8f" * 14 + "  $\n-$\n  $" + "\udc8f" * 17 + "\n\rS\t\x00J\n#", {}
)
@example(  # atheris: short lines joined into a long paragraph; under "\n\n" a long line followed
    "\udcff\udcff`\udcff\udccc,,,\n蓓\udcb7\x0c\x00\udcff\udcff\udcff\udcb7\udcff\udcff\udcbf\udcff\udcccE~-,,,\n"
    "\udce8\udcff\udcff\udcff\udcff\udcff~\udcff\x00\n[\x00'~\udcff\n\udcff\udcff\udcff\udcff\udcff\udcff~\udcff\n"
    "\udcff\udcff~" + "\udcb9" * 105 + "\udcff\x00\x00\x0c-\x00\udcff",
    {"paragraph_separator": "\n\n"},
)
@example(  # atheris, shrunk: a short first line made the next paragraph long only once joined
    "a" + "党" * 40 + "\x0caaaaaaa,\n" + "a" * 30 + "党" * 21, {"paragraph_separator": "\n\n"}
)
@example(  # atheris, shrunk: a repeated line's surroundings changed once reflow joined the line before it
    (
        '蓓\udcb7\udc8c\udcb7\udcff\udcff' + '\udca0' * 42 + '\udca8' + '\udca0' * 28 + '\udcff' * 8
        + '\udcfa\udcff\udcff\udcff\udcff\udcff~\udcff\n' + '\udcff' * 6 + '~\udcff\n[-E-' + '\udcff' * 20
        + '[E--' + '\udcff' * 28 + 'C' * 14 + '\udcff' * 35 + '\n a,\n蓓\udcb7\udc8c\udcb7\udcff\udcff'
        + '\udca0' * 42 + '\udca8' + '\udca0' * 28 + '\udcff' * 8
        + '\udcfa\udcff\udcff\udcff\udcff\udcff~\udcff\n' + '\udcff' * 6 + '~\udcff\n[-E-' + '\udcff' * 20
        + '[E--' + '\udcff' * 28 + 'C' * 14 + '\udcff' * 35 + '\n' + 'a' * 95 + '\n' + '\udcff' * 6
        + '~\udcff'
    ),
    {"cjk_latin_space": "keep", "dedupe_punctuation": False},
)
@example("Ü“Â\t", {"reflow": False, "close_spacing": False})  # a tab left ftfy alone; the space it became did not
@example("á\x86⋯", {})  # "á†……" read as "ᆅ…" on the second clean
@example("党,--,", {})  # the mark before the dash became Chinese, so did the dash, so must the mark after it
@example("党 , -- ,", {})
@example("(),党", {})  # the pair saw '，' beside it only on the second clean
@example("党 0.", {})  # the stop after '0' saw Chinese only once spacing removed the space
@example("０aÄ“", {})  # ftfy left 'Ä“' alone beside '０' and repaired it beside '0'
@example('()"党', {})  # the lone quote saw '）' only on the second clean
@example('党"Î"', {})  # '党“Î”' read as '党“Δ' on the second clean
@example("\x85¡®°¡", {})  # a C1 control hid GBK mojibake until the second clean
@example("党Ã－－", {})
@example("──－－党", {})  # the first dash saw Chinese only once the second was ——  # "Ã——" (fix_dash's output) read as "×—" on the second clean
# atheris: under "\n\n" a short line repeated after unfinished paragraphs
# read as a running head only once blank lines stood around it (ADR 0005).
@example("\udcef\n,\udcce,\udcce\n\udcff\udcff\udcff\udcffO\r\udcf4\r\udcf4", {"paragraph_separator": "\n\n"})
# nightly and atheris: with corner brackets the curly quote (or a converted pair)
# becomes 「, which was Chinese context for the straight pair before it only on
# the second clean; every form of quote is now looked past.
@example('党－""“', {"quotes": "corner"})
@example('"""a党"', {"quotes": "corner"})
# atheris, shrunk: reflow measured a line before a later step changed its width.
# dedupe made ',,' one mark, and the line no longer wider than a column:
@example("党" * 37 + ",,党党\n。", {})
# corner brackets measured a column, curly quotes half, and the style turns one into the other:
@example("”党党党党党\n党a党党党党党党党\n党党。党党党", {"quotes": "corner"})
# a line of 66 characters after '/ ' was a label to reflow but not to spacing, which took its space:
@example("/ " + "党" * 64 + "\n" + "党" * 44, {"paragraph_separator": "\n\n"})
# spacing took the space between two runs of Han, and the second clean saw
# printed lines of a flattened paragraph in the pieces left between U+FFFD spaces:
@example("党党党党\udce9 党党党 党党党 \udce9" + "党" * 27 + "\n党", {"cjk_latin_space": "keep", "dedupe_punctuation": False})
# a pair deep in a run of straight quotes looked past at most 8 marks for Chinese,
# and the first clean's curled neighbours moved what lay within reach:
@example('党' + '"' * 12 + "a", {})
# fix_dash makes box-drawing '──' after Chinese a dash, and the comma after it saw that only the second time:
@example("党──,", {})
# the ellipsis step doubled '…' after furniture had counted too little text to call anything furniture:
@example("党\n党党党…", {})
# one word in both scripts is a doubled word once converted; doubling is undone after conversion:
@example("打好\n許思文许思文\n打好", {"convert": "s2twp"})
# glyphs apart by two spaces were not letter-spaced until spacing made it one:
@example("a\t\ta\ta\t党\n党", {"cjk_latin_space": "keep", "dedupe_punctuation": False})
# the 'one' policy's spaces between Han and Latin read as the spaces of a flattened paragraph:
@example("党党党党。a党党党党党党党党aa\udcd3" + "党" * 26 + "\n党", {"cjk_latin_space": "one"})
# atheris, shrunk (session 7): a lone glyph kept after an unfinished line ('a'), then
# reflow moved the finished line before the flattened paragraph behind it as a
# caption, and the next clean found the glyph after a finished line and dropped it:
@example("党" * 8 + "\n\n" + "党" * 11 + "。\n\n" + "党" * 9 + " " + "党" * 9 + " " + "党" * 8 + "a" + "党" * 14 + "\na\n\n党", {})
@example("党" * 8 + "\n\n" + "党" * 11 + "。\n\n" + "党" * 9 + " " + "党" * 9 + " " + "党" * 8 + "a" + "党" * 14 + "\na\n\n党", {"paragraph_separator": "\n\n"})
# box rules apart by two spaces (a tab) are a dash once spacing squeezes them (nightly):
@example("党─ \t─", {})
# a stop after a number after an ASCII comma after Chinese and a space (nightly):
@example("党,\t0.", {})
# a '.' after a quote measured half a column, the '。' it became one (nightly, session 11):
@example("党党党党党党党党党党党，“.党\n0党党党党党党党党党党党党党党党党", {})
def test_clean_and_explain_with_every_option(text, opts):
    out = zhclean.clean(text, **opts)
    result = zhclean.explain(text, **opts)
    assert result.text == out
    for c in result.changes:
        assert 0 <= c.start <= c.end <= len(text)
    assert zhclean.clean(out, **opts) == out  # idempotent under these options too


doubled = st.lists(
    st.one_of(texty, st.text(alphabet="党员先锋有我，。 \n", max_size=6).map(lambda s: "".join(c * 2 for c in s))),
    max_size=12,
).map("".join)


@given(doubled)
def test_fake_bold_scans_agree(text):
    # undo_fake_bold picks its token pattern by the shape of the text; both must agree.
    from zhclean.normalizers.doubling import _CANDIDATE, _TOKEN, UndoFakeBold

    assert UndoFakeBold.scan(text, _CANDIDATE) == UndoFakeBold.scan(text, _TOKEN)


lines_text = st.lists(
    st.one_of(texty, st.sampled_from(["记者 黄合", "（徐能 摄）", "■ 本期", "一、", "（二）", "3. ", "- ", "。", "”", "，", "\t", " "])),
    max_size=20,
).map("".join)


@given(lines_text)
@example("\x1f记者 黄合")
def test_reflow_line_shortcuts_agree_with_the_predicates(text):
    # Reflow decides most line predicates from one character or one whole-text
    # scan; each must agree with the predicate it stands for.
    from zhclean.normalizers import lines
    from zhclean.normalizers import paragraphs as P

    for it in P.Reflow._items(text):
        s = it[P._TEXT]
        assert (it[P._CLOSED], it[P._LABEL], it[P._FIELD], it[P._CONT], it[P._ITEM]) == (
            lines.is_closed(s), lines.is_label(s), lines.is_field_line(s), lines.continues(s), lines.starts_item(s),
        ), s
        assert it[P._WIDTH] == lines.width(s), s  # measured from the whole text's marked copy


# The blank-line family (atheris): a blank line kept two lines apart on the
# first clean; the second clean, with no blank between them, joined them. Reflow
# now runs to a fixed point of its own output (ADR 0006, fixed point).
def test_blank_line_that_kept_lines_apart_is_judged_once_and_for_all():
    # A full unfinished first line kept apart by a blank; the column (three
    # unfinished lines of width 5) is still there the second time.
    text = '党党党党aa\naa党党党党党党党\n\n党党党党党\n\n"党党党党a\naaaa党党党党党党'
    once = zhclean.clean(text)
    assert once == '党党党党aa\naa党党党党党党党\n党党党党党“党党党党a aaaa党党党党党党'
    assert zhclean.clean(once) == once
    # Its first pass alone did keep them apart: the fixed point is what joins them.
    from zhclean.core import apply_spans
    from zhclean.normalizers.paragraphs import Reflow

    curled = text.replace('"', "“")
    assert "党党党党党\n“" in apply_spans(curled, Reflow()._edits_once(curled))


def test_blank_line_after_a_flattened_paragraph_is_judged_once_and_for_all():
    # A flattened paragraph (printed lines joined by spaces) went on into 'a';
    # the blank after 'a' kept the next line apart, until the blank was gone.
    # (The atheris find joined its printed lines with spaces next to U+FFFD,
    # which no longer split a line: only spaces between Chinese characters do.)
    from zhclean.normalizers.paragraphs import _FLAT, Reflow

    opts = {"cjk_latin_space": "keep", "dedupe_punctuation": False}
    text = "党" * 10 + " " + "党" * 10 + " " + "党" * 10 + " " + "党" * 16 + "a\n\na"
    assert Reflow._items(text)[0][_FLAT] == 10.0  # a flattened paragraph, column 10
    once = zhclean.clean(text, **opts)
    assert once == "党" * 46 + "a a"
    assert zhclean.clean(once, **opts) == once


def test_lone_c1_control_is_a_cp1252_byte_on_every_line():
    # nightly Hypothesis: ftfy's C1 fix ran only on lines flagged as mojibake, and
    # reflow joined the unflagged '\x80(' to the flagged 'à\x80' after repair, so
    # the second clean converted the first '\x80' too. Now every lone C1 control is
    # converted as the cp1252 byte it is, flagged line or not.
    for opts in ({}, {"remove_invisible": False}):
        once = zhclean.clean("\x80(\nà\x80", **opts)
        assert once == "€(à€"
        assert zhclean.clean(once, **opts) == once
    assert zhclean.clean("他说\x93你好\x94") == "他说“你好”"  # cp1252 quotes, not dropped
    assert zhclean.clean("\x81\x8d") == ""  # undefined in cp1252: controls, removed


# Mojibake that later steps complete: ftfy judges a sequence by its neighbours, and
# with the tab (a space by then) between them it leaves 'á“”' and 'Ü“' alone, which
# spacing then joins (nightly Hypothesis, session 6); the quotes step curls the '"'
# after 'á' and fix_c1_controls makes '\x86' a '†', and 'á“†' is UTF-8 for 'ᓆ'
# (nightly, session 7). The pipeline cleans once more while a repair would still
# change its output (Pipeline.settle), so the first clean repairs what the second would.
@pytest.mark.parametrize("text, clean", [("á“”\tÜ“", "ᓔܓ"), ('á"\x86一"', "ᓆ一”")])
def test_mojibake_completed_by_later_steps_is_repaired_at_once(text, clean):
    once = zhclean.clean(text)
    assert once == clean
    assert zhclean.clean(once) == once
    assert zhclean.explain(text).text == once


def test_settle_pass_only_where_repair_is_left():
    # Clean text and text whose mojibake the first pass repaired need no second pass;
    # with mojibake repair switched off there is nothing to settle.
    pipe = zhclean.pipeline()
    assert pipe.settle and not pipe._unsettled(zhclean.clean("他说“你好”。ÄÖÜ café"))
    assert zhclean.pipeline(fix_mojibake=False).settle == ()
