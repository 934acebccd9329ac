"""The step order, written once, and the named presets.

Every position has a reason; changing the order changes behaviour, so it lives
here and nowhere else.
"""

from __future__ import annotations


from functools import lru_cache
from typing import Callable

from .core import Normalizer
from .normalizers import columns, doubling, encoding, furniture, paragraphs, punctuation, spacing, whitespace, width
from .normalizers.script import ConvertScript
from .options import Options, OptionError
from .pipeline import Pipeline

__all__ = ["PRESETS", "STEPS", "build", "preset"]

# (option that switches it on, factory, why it sits here)
STEPS: tuple[tuple[str | None, Callable[[Options], Normalizer | None], str], ...] = (
    ("unescape_html", lambda o: encoding.unescape_html,
     "first: a reference can stand for a line break, a form feed, a space or a quote, which every later "
     "step reads; and its ';' must not reach the punctuation steps"),
    (None, lambda o: whitespace.normalize_spaces,
     "U+3000, tabs and other spaces become spaces so rule 3 judges one kind of space; before the page and "
     "column steps, which read runs of spaces (a tab gutter found only on the next clean would not be "
     "idempotent: fuzz find); before mojibake repair, so ftfy sees the same line on every clean"),
    ("drop_running_heads", lambda o: furniture.drop_page_heads,
     "while \\f still marks pages: a line every page repeats once is found by the pages; and before "
     "split_columns, which would read a foot under the left column as that column's last line"),
    ("split_columns", lambda o: columns.split_columns,
     "while \\f still marks pages, which it reads one by one; before every step that reads lines, in the "
     "order they are read"),
    (None, lambda o: whitespace.normalize_newlines,
     "once the page steps are done: line structure is evidence for every layout step, and \\f/VT must "
     "become breaks before controls go"),
    (None, lambda o: encoding.fix_surrogates,
     "before anything that encodes text (ftfy, OpenCC, writers): a lone surrogate is not valid Unicode"),
    ("remove_invisible", lambda o: whitespace.remove_invisible,
     "early: a zero-width space inside mojibake or doubled text hides it; none of these is latin-1"),
    ("halfwidth_alnum", lambda o: width.halfwidth_alnum,
     "so digits look alike to doubling and punctuation rules; before mojibake repair, because ftfy "
     "judges a sequence by its neighbours ('０aÄ“' is left alone, '0aÄ“' repaired), and no "
     "full-width letter is a byte of mojibake; after zero-width characters go, which would split a token"),
    ("fix_mojibake", lambda o: encoding.fix_gbk_mojibake,
     "before everything that reads characters, and before controls go: C1 bytes are lead bytes of "
     "GBK read as latin-1; before the UTF-8 repair, which would take pieces of a GBK run for UTF-8"),
    ("fix_mojibake", lambda o: encoding.fix_mojibake,
     "same reason: C1 bytes and the soft hyphen are part of UTF-8 read as latin-1"),
    ("fix_mojibake", lambda o: encoding.fix_c1_controls,
     "a lone C1 control is a cp1252 byte: converted on every line, not only on lines ftfy saw, so "
     "a line joined later to a flagged one is not converted on the second clean; after GBK repair, "
     "whose lead bytes they can be"),
    ("remove_invisible", lambda o: whitespace.remove_controls, "after mojibake repair, see above"),
    ("fix_mojibake", lambda o: encoding.fix_gbk_mojibake,
     "again, only where the controls just removed had hidden mojibake ('\\x85¡®°¡' is '‘啊' once "
     "the control is gone); clean() must be idempotent. Guarded: a regex search on clean text"),
    ("fix_mojibake", lambda o: encoding.fix_mojibake,
     "again, the same for UTF-8 read as latin-1 (a soft hyphen before 'Ü\\x98')"),
    (None, lambda o: whitespace.normalize_nbsp, "NBSP after mojibake repair (it is a byte of mojibake); see normalize_spaces"),
    (None, lambda o: width.nfc, "before tables that compare characters"),
    ("fold_radicals", lambda o: width.fold_radicals,
     "with NFC: a radical a PDF font gave for an ideograph is that ideograph to every step that compares "
     "characters (doubling, furniture, reflow)"),
    (None, lambda o: encoding.missing_glyphs,
     "reports only (explain's notices): (cid:N) and U+FFFD that mojibake repair left, before any step moves them"),
    ("undo_fake_bold", lambda o: doubling.undo_fake_bold,
     "before furniture and reflow: doubled lines are wider than their column and would mislead both"),
    ("drop_page_numbers", lambda o: furniture.drop_page_numbers, "furniture is found before lines are joined"),
    ("drop_running_heads", lambda o: furniture.drop_running_heads, "furniture is found before lines are joined"),
    ("drop_stranded_chars", lambda o: furniture.drop_stranded_chars, "furniture is found before lines are joined"),
    ("reflow", lambda o: paragraphs.Reflow(o.paragraph_separator),
     "before punctuation: quotes pair within a paragraph, so paragraphs must exist first"),
    (None, lambda o: None if o.quotes == "keep" else punctuation.Quotes(o.quotes),
     "before width: a straight quote's neighbour decides whether ',' or ':' is Chinese"),
    ("cjk_punctuation", lambda o: punctuation.cjk_parentheses, "pairs first, so marks after them see （）"),
    ("cjk_punctuation", lambda o: punctuation.cjk_punctuation, "after quotes and parentheses, before spacing"),
    ("fix_ellipsis", lambda o: punctuation.fix_ellipsis,
     "after width, so its Chinese context is final ('...' survives width: a '.' before '.' stays ASCII)"),
    ("fix_ellipsis", lambda o: punctuation.fix_dash, "with the ellipsis: both are multi-character marks"),
    ("close_spacing", lambda o: spacing.Spacing(o.cjk_latin_space),
     "after doubling and punctuation: a space is judged by the characters it separates, in their final form"),
    (None, lambda o: spacing.pangu_space if o.cjk_latin_space == "one" else None, "only for the 'one' policy"),
    ("dedupe_punctuation", lambda o: punctuation.dedupe_punctuation,
     "after the ellipsis took 。。。, and after width and spacing, which can bring two ，together"),
    (None, lambda o: ConvertScript(o.convert) if o.convert else None,
     "after the text is clean: conversion is a choice about the clean text, and OpenCC works best on "
     "whole paragraphs"),
    ("undo_fake_bold", lambda o: doubling.undo_fake_bold,
     "again, last: dedupe and spacing can join tokens into one that looks fake-bold (一，一，， -> "
     "一，一，), and so can conversion ('許思文许思文' once converted is a doubled word: atheris find); "
     "clean() must be idempotent"),
)

PRESETS: dict[str, Options] = {
    # Everything on: PDF, OCR and newspaper text.
    "default": Options(),
    # Characters only: encoding, invisible characters, width. Layout and punctuation untouched.
    "minimal": Options(
        split_columns=False, undo_fake_bold=False, drop_stranded_chars=False, drop_page_numbers=False,
        drop_running_heads=False, reflow=False, close_spacing=False, cjk_punctuation=False, quotes="keep", fix_ellipsis=False,
        dedupe_punctuation=False,
    ),
    # Web text: no hard wraps or page furniture to find.
    "web": Options(drop_stranded_chars=False, drop_page_numbers=False, drop_running_heads=False, reflow=False),
    # The pangu style: one space between CJK and Latin/digits.
    "pangu": Options(cjk_latin_space="one"),
}


def preset(name: str) -> Options:
    """The ``Options`` of a named preset."""
    try:
        return PRESETS[name]
    except KeyError:
        raise OptionError(f"unknown preset {name!r}; choose one of: {', '.join(PRESETS)}") from None


@lru_cache(maxsize=64)
def build(options: Options = Options()) -> Pipeline:
    """The pipeline for ``options`` (cached: building is done once per distinct ``Options``)."""
    steps: list[Normalizer] = []
    for switch, factory, _why in STEPS:
        if switch is not None and not getattr(options, switch):
            continue
        step = factory(options)
        if step is not None:
            steps.append(step)
    # Mojibake can be completed by later steps (a curled quote, a converted C1
    # byte); while a repair would still change the output, clean once more.
    settle = (encoding.fix_mojibake, encoding.fix_gbk_mojibake) if options.fix_mojibake else ()
    return Pipeline(steps, name="zhclean", options=options, settle=settle, strict=options.strict, protect=options.protect)


def registry() -> list[Normalizer]:
    """Every normaliser the pipeline can contain, in every variant its options give."""
    out: dict[str, Normalizer] = {}
    variants = [Options(), Options(cjk_latin_space="one", quotes="corner", paragraph_separator="\n\n"),
                Options(cjk_latin_space="keep", convert="t2s"), Options(convert="s2t")]
    for o in variants:
        for step in build(o).steps:
            key = f"{step.name}:{getattr(step, 'policy', '')}{getattr(step, 'style', '')}{getattr(step, 'separator', '')!r}"
            out.setdefault(key, step)
    return list(out.values())


