"""Measurements of a printed line, shared by furniture detection and reflow."""

from __future__ import annotations

import regex

from ..chars import CONTINUES, FIELD_WORDS, LABEL_BULLETS, SENTENCE_END, TRAILING_CLOSERS

# A line longer than this (in full-width columns) is not a column line but a whole
# paragraph (web text, or a PDF extractor that flattened a paragraph).
MAX_COL = 40

_CLOSED = regex.compile(f"[{regex.escape(SENTENCE_END)}][{regex.escape(TRAILING_CLOSERS)}]*$")
_LABEL = regex.compile(f"^(?:[{LABEL_BULLETS}] ?\\S|/ \\S|#{{1,6}} \\S)")
_FIELD = regex.compile(f"(?:^|[\\s（(])(?:{FIELD_WORDS})(?:\\s|$|[:：])|\\S摄(?:\\s|$|[）)])")
# The same matches found in a whole text at once (they start inside the line
# they belong to): callers look only at lines that hold one. \x1c-\x1f are there
# because str.strip() removes them and \s does not match them.
FIELD_IN_TEXT = regex.compile(f"(?m)(?:^|(?<=[\\s\\x1c-\\x1f（(]))(?:{FIELD_WORDS})(?:\\s|$|[:：])|\\S摄(?:\\s|$|[）)])")
_SENTENCE_PUNCT = regex.compile(r"[，。！？；,!?;]")


# The punctuation steps (after reflow) turn ASCII ,;:?!() one for one into
# full-width marks, and straight quotes into curly ones. Widths are counted so
# that neither changes a line's width, or the second clean would decide breaks
# differently from the first: these marks count one column, and quotes half a
# column, straight or curly (Chinese fonts set curly quotes narrow, and the seeds'
# column widths agree).
_WIDENS = b",;:?!()"


def width(s: str) -> float:
    """Printed width in full-width columns: ASCII counts half (``,;:?!()`` one),
    curly quotes half, spaces nothing."""
    # Counted in C: encoding to ASCII with errors ignored keeps exactly the ASCII
    # characters (a per-character Python loop cost a fifth of reflow).
    ascii_b = s.encode("ascii", "ignore")
    # (The `in` tests cost half of four counts, and most lines have no quotes.)
    curly = s.count("“") + s.count("”") + s.count("‘") + s.count("’") if ("“" in s or "”" in s or "‘" in s or "’" in s) else 0
    marks = len(ascii_b) - len(ascii_b.translate(None, _WIDENS)) if ascii_b else 0
    return (len(s) - len(ascii_b) - 0.5 * curly) + marks + 0.5 * (len(ascii_b) - marks - s.count(" "))


_TRAILING_GROUP = regex.compile(r"\s*[（(][^（）()\n]{1,24}[）)]$")
_CREDIT = regex.compile(r"[（(][^（）()\n]{0,20}(?:摄|攝|供图|供圖|图|圖|记者|記者|通讯员|通訊員|编辑|編輯)[^（）()\n]{0,12}[）)]$")


def is_closed(s: str) -> bool:
    """The line ends a sentence (``。！？…；：`` possibly followed by closing quotes/brackets),
    or ends with a credit (``（徐能 摄）``) or a bracketed aside after a finished sentence."""
    s = s.rstrip()
    if _CLOSED.search(s) is not None or _CREDIT.search(s) is not None:
        return True
    m = _TRAILING_GROUP.search(s)
    return m is not None and m.start() > 0 and _CLOSED.search(s[: m.start()]) is not None


def continues(s: str) -> bool:
    """The line obviously continues on the next one (ends with ``，、`` or an opening mark)."""
    s = s.rstrip()
    return bool(s) and s[-1] in CONTINUES


def is_label(s: str) -> bool:
    """A section label or kicker: ``■ 本期关注``, ``/ 战鼓催征 / …``, ``## 标题``."""
    return _LABEL.match(s.lstrip()) is not None


def is_field_line(s: str) -> bool:
    """A short byline or credit line: ``记者 黄合 通讯员 勇祖轩``, ``徐能 摄``."""
    s = s.strip()
    return len(s) <= 30 and _SENTENCE_PUNCT.search(s) is None and _FIELD.search(s) is not None


# A list item's marker at the start of a line: 一、 （二） (3) 4. 5、 ⑥ 第七，
_ENUMERATOR = regex.compile(
    r"(?:[一二三四五六七八九十]{1,3}、"
    r"|[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)]"
    r"|\d{1,2}(?:[、．)）]|\.(?!\d))"
    r"|[\u2460-\u2473\u2776-\u277f]"
    r"|第[一二三四五六七八九十]{1,3}[，,、]"
    r"|[-*+•] (?=\S))"
)


def starts_item(s: str) -> bool:
    """The line starts with a list marker: ``一、`` ``（二）`` ``(3)`` ``4.`` ``5、`` ``⑥`` ``第七，`` ``- ``."""
    return _ENUMERATOR.match(s) is not None


def indent(s: str) -> int:
    """Number of leading spaces (exotic spaces are already plain spaces)."""
    return len(s) - len(s.lstrip(" "))
