"""Measurements of a printed line, shared by furniture detection and reflow."""

from __future__ import annotations

import re
from itertools import repeat

import regex

from ..chars import CJK_PUNCT, CONTINUES, FIELD_WORDS, LABEL_BULLETS, LABEL_MAX, SENTENCE_END, TRAILING_CLOSERS, WHITE_SPACE

# A line longer than this (in full-width columns) is not a column line but a whole
# paragraph (web text, or a PDF extractor that flattened a paragraph).
MAX_COL = 40

# A '.' right after Chinese ends a sentence too: cjk_punctuation makes it '。' after
# the layout steps, and the next clean must find the line finished as this one does.
_CLOSED = regex.compile(
    f"(?:[{regex.escape(SENTENCE_END)}]|(?<=[\\p{{Han}}{regex.escape(CJK_PUNCT)}])\\.)[{regex.escape(TRAILING_CLOSERS)}]*$"
)
_LABEL = regex.compile(f"^(?:[{LABEL_BULLETS}] ?\\S|/ \\S|#{{1,6}} \\S)")
_FIELD = regex.compile(f"(?:^|[\\s（(])(?:{FIELD_WORDS})(?:\\s|$|[:：])|\\S摄(?:\\s|$|[）)])")
# The same matches found in a whole text at once (they start inside the line
# they belong to): callers look only at lines that hold one. \x1c-\x1f are there,
# before and after, because str.strip() removes them and \s does not match them. Each scan starts
# with what it looks for, and what must come before is checked after: a pattern
# that opens with ^ or a lookbehind is tried at every position (the two scans cost
# 2.1x one regex pass so, 0.7x now). The words run on re, which finds an
# alternation of literals faster than regex does, with regex's \s spelled out.
_FIELD_WORD_IN_TEXT = re.compile(f"(?:{FIELD_WORDS})(?=[{WHITE_SPACE}\\x1c-\\x1f:：]|\\Z)")
_BEFORE_FIELD_WORD = re.compile(f"[{WHITE_SPACE}\\x1c-\\x1f（(]")
_CREDIT_IN_TEXT = regex.compile(r"(?m)(?<=\S)摄(?:\s|$|[\x1c-\x1f）)])")


def field_offsets(text: str) -> list[int]:
    """Sorted offsets in ``text`` where a byline word or a photo credit starts."""
    # A word counts at the start of the text or after a space or an open bracket
    # (no match can hide another: words hold no space).
    before = _BEFORE_FIELD_WORD.match
    found = [k for k in (m.start() for m in _FIELD_WORD_IN_TEXT.finditer(text)) if k == 0 or before(text, k - 1)]
    found.extend(m.start() - 1 for m in _CREDIT_IN_TEXT.finditer(text))  # the credit starts at its name's last glyph
    found.sort()
    return found


_SENTENCE_PUNCT = regex.compile(r"[，。！？；,!?;]")


# The punctuation steps run after reflow and change marks: ASCII ,;:?!() to full
# width, straight quotes to curly, "…" "⋯" "..." "。。。" to "……", "--" "－－" to
# "——". If that changed a line's width, the second clean would decide breaks
# differently from the first. So widths are measured on the text as those steps
# would leave it: those ASCII marks count one column, quotes half (straight or
# curly; Chinese fonts set curly quotes narrow, and the seeds' columns agree;
# corner brackets too, since the quote style turns one into the other), and
# each of those ellipses and dashes two. A run of one mark that dedupe_punctuation
# makes one mark (，， ;; 。。) counts one column.
_TWO_COLUMNS = regex.compile(r"(?<![…⋯])[…⋯](?![…⋯])|\.\.\.|。。。|--|－－")
# Found as one class-first run (a fast scan; an alternation made every position a
# trial), then collapsed as dedupe_punctuation will: one mark for a run of one mark.
# This pattern and the two after it are classes of literal characters, so they use
# the standard library's engine, whose scan for a class is about twice as fast as
# regex's on Chinese text (benchmarks/bench.py; regex is kept where \p{Han} or
# its \s semantics are needed). No possessive quantifier: Python 3.10's re lacks
# it, and a lone run of one class has nothing to backtrack into.
_MARK_RUN = re.compile(r"[，,、；;：:。]{2,}")
_SAME_MARK = str.maketrans(",;:", "，；：")


def _deduped(m: "re.Match[str]") -> str:
    run = m.group().translate(_SAME_MARK)
    out = [run[0]]
    for k in range(1, len(run)):
        if run[k] != run[k - 1]:
            out.append(run[k])
        elif run[k] == "。" and (k >= 2 and run[k - 2] == "。" or k + 1 < len(run) and run[k + 1] == "。"):
            out.append(run[k])  # only a pair of 。 is one mark ('。。。' is an ellipsis)
    return "、" * len(out)


_ONE_COLUMN = re.compile(r"[,;:?!()]")
_HALF_COLUMN = re.compile(r"[“”‘’「」『』]")  # QUOTE_FORMS less the straight ones, which are ASCII already


# A '.' after Chinese or a quote counts one column: cjk_punctuation may make it
# '。', and where it does not, the next clean measures it the same way again
# ('“.党' was 0.5 narrower than the '“。党' it became: fuzz find). Literal first.
_STOP_AFTER_CJK = regex.compile(f'\\.(?<=[\\p{{Han}}{regex.escape(CJK_PUNCT)}"]\\.)')


def _final_marks(text: str) -> str:
    marked = _HALF_COLUMN.sub('"', _ONE_COLUMN.sub("、", _MARK_RUN.sub(_deduped, _TWO_COLUMNS.sub("……", text))))
    return _STOP_AFTER_CJK.sub("、", marked) if "." in marked else marked


def _plain_width(s: str) -> float:
    # Non-ASCII one column, ASCII half, spaces nothing. Counted in C: encoding to
    # ASCII with errors ignored keeps exactly the ASCII characters (a per-character
    # Python loop cost a fifth of reflow).
    ascii_n = len(s.encode("ascii", "ignore"))
    return (len(s) - ascii_n) + 0.5 * (ascii_n - s.count(" "))


def width(s: str) -> float:
    """Printed width in full-width columns: ASCII counts half, spaces nothing,
    measured with the marks in the form the punctuation steps give them."""
    if s.isalnum():  # no marks to change (most pieces of a spaced line): skip three regex passes
        return _plain_width(s)
    return _plain_width(_final_marks(s))


def marked_lines(text: str) -> list[str]:
    """The lines of ``text`` with marks in their final form, for :func:`plain_width`
    and :func:`plain_piece_widths`: widths without a regex pass per line. No
    replacement crosses a line break or involves a space, so the lines and their
    pieces stay the same."""
    return _final_marks(text).split("\n")


def plain_piece_widths(marked: str) -> list[float]:
    """:func:`width` of each space-separated piece of a line already in :func:`marked_lines` form."""
    return [_plain_width(p) for p in marked.split(" ") if p]


def plain_width(marked: str) -> float:
    """:func:`width` of a line already in :func:`marked_lines` form."""
    return _plain_width(marked)  # spaces count nothing, so no strip


def plain_widths(marked: list[str]) -> list[float]:
    """:func:`plain_width` of every line of a :func:`marked_lines` list (0 for a blank line).

    The same sum as _plain_width, with the per-line counts made by ``map`` over C
    methods instead of a Python call per line (a fifth of reflow's line pass)."""
    n_ascii = map(len, map(str.encode, marked, repeat("ascii"), repeat("ignore")))
    n_space = map(str.count, marked, repeat(" "))
    return [(n - a) + 0.5 * (a - sp) for n, a, sp in zip(map(len, marked), n_ascii, n_space)]


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


_HAN_CHAR = regex.compile(r"\p{Han}")


def is_lone_glyph(s: str) -> bool:
    """A line of one Han character: what a vertical headline leaves. drop_stranded_chars
    keeps one only after an unfinished line, and reflow then joins it to that line:
    both must ask the same question."""
    return len(s) == 1 and _HAN_CHAR.match(s) is not None


def continues(s: str) -> bool:
    """The line obviously continues on the next one (ends with ``，、`` or an opening mark)."""
    s = s.rstrip()
    return bool(s) and s[-1] in CONTINUES


def is_label(s: str) -> bool:
    """A section label or kicker: ``■ 本期关注``, ``/ 战鼓催征 / …``, ``## 标题``."""
    s = s.strip()
    return len(s) <= LABEL_MAX and _LABEL.match(s) is not None


def is_field_line(s: str) -> bool:
    """A short byline or credit line: ``记者 黄合 通讯员 勇祖轩``, ``徐能 摄``."""
    s = s.strip()
    return len(s) <= 30 and _SENTENCE_PUNCT.search(s) is None and _FIELD.search(s) is not None


# A list item's marker at the start of a line: 一、 （二） (3) 4. 5、 ⑥ 第七，
_ENUMERATOR = regex.compile(
    r"(?:[一二三四五六七八九十]{1,3}、"
    r"|[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)]"
    r"|\d{1,2}(?:\.\d{1,2})*(?:[、．)）]|\.(?!\d))"  # (4.  4.1.  4.1.2.  as sections are numbered)
    r"|[\u2460-\u2473\u2776-\u277f]"
    r"|第[一二三四五六七八九十]{1,3}[，,、]"
    r"|[-*+•] (?=\S))"
)


# A bullet or a section number and a space ("* 项目", "- 项目", "4.1. 标题"): a list
# item or a heading wherever it stands, never a wrapped line (a page number's
# hyphen, "- 12 -", is none).
_BULLET = regex.compile(r"(?:[*+•]|-(?! \d)|\d{1,2}(?:\.\d{1,2})*[.)]) (?=\S)")


def starts_bullet(s: str) -> bool:
    """The line starts with a bullet or a section number and a space (``* ``, ``4.1. ``)."""
    return _BULLET.match(s) is not None


def starts_item(s: str) -> bool:
    """The line starts with a list marker: ``一、`` ``（二）`` ``(3)`` ``4.`` ``5、`` ``⑥`` ``第七，`` ``- ``."""
    return _ENUMERATOR.match(s) is not None


# Rows of a table as extractors give them: cells apart by spaces, one row a line
# ('地区 确诊病例 治愈出院' / '湖北 67000 50000'). A cell holds no space and no
# sentence mark; a row has three cells or more. Found from a newline (or the
# text's start), so the scan looks for a literal.
TABLE_MIN_ROWS = 3
_CELL = r"[^\s，。；！？、,;!?]{1,16}"
_ROW = f" *((?:{_CELL} +){{2,}}{_CELL}) *(?=\\n|\\Z)"
_ROW_AT_START = re.compile(_ROW)
_ROW_AFTER_NEWLINE = re.compile("\n" + _ROW)


def table_rows(text: str) -> list[tuple[int, int]]:
    """Spans of the lines (from the line's start to its last cell's end) that are
    rows of a table: ``TABLE_MIN_ROWS`` lines or more in a row with one number of
    cells, most cells two characters or more (letter-spaced text has one glyph a
    cell; a wrapped headline, one line of two pieces)."""
    if "  " not in text and text.count(" ") < 2 * TABLE_MIN_ROWS:
        return []
    found = []
    m = _ROW_AT_START.match(text)
    if m is not None:
        found.append(m)
    found.extend(_ROW_AFTER_NEWLINE.finditer(text))
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    cells_in_run = 0
    end_of_run = -2
    for m in found:
        cells = m.group(1).split()
        long_cells = sum(1 for c in cells if len(c) >= 2)
        line_start = text.rfind("\n", 0, m.start(1)) + 1
        row_ok = 2 * long_cells > len(cells)
        if row_ok and line_start == end_of_run + 1 and len(cells) == cells_in_run:
            run.append((line_start, m.end(1)))
        else:
            if len(run) >= TABLE_MIN_ROWS:
                out.extend(run)
            run = [(line_start, m.end(1))] if row_ok else []
            cells_in_run = len(cells)
        end_of_run = m.end() if row_ok else -2
    if len(run) >= TABLE_MIN_ROWS:
        out.extend(run)
    return out


# Verse: lines of one or two phrases of the same number of Han characters (four
# to nine: 四言, 五言, 七言, and the like), each phrase closed by a mark, two
# lines or more in a row with the same phrase length; or, as in 词 and lyrics,
# four lines or more in a row of one phrase each, of any of those lengths.
# Hard-wrapped prose ends a line at a mark by chance, seldom twice in a row with
# no other mark inside the lines, and its lines are as wide as their column; so
# a run of such lines is a poem, whose breaks are its own.
VERSE_MIN_LINES = 2
VERSE_MIN_MIXED = 4
_VERSE_MARKS = "，。！？；、：,.!?;:"
_VERSE_LINE = regex.compile(
    f"(?m)^[ \\u3000]*((\\p{{Han}}{{4,9}})[{_VERSE_MARKS}](?:\\p{{Han}}{{4,9}}[{_VERSE_MARKS}])?)[”’」』]?[ \\u3000]*$"
)


def verse_runs(text: str) -> dict[int, int]:
    """Each verse line's end (after its last non-space character, as reflow's
    lines end) mapped to the number of its run; lines of one run keep their breaks."""
    if "\n" not in text:
        return {}
    out: dict[int, int] = {}
    run: list[int] = []
    same = single = True  # the run's lines: all of one phrase length; all of one phrase
    prev_end = -2
    prev_n = 0

    def close() -> None:
        if (same and len(run) >= VERSE_MIN_LINES) or (single and len(run) >= VERSE_MIN_MIXED):
            number = len(set(out.values())) + 1
            out.update((e, number) for e in run)

    for m in _VERSE_LINE.finditer(text):
        line = m.group(1)
        n = len(m.group(2))
        # Every phrase of the line as long as its first (五言 or 七言 throughout).
        phrases = [p for p in regex.split(f"[{_VERSE_MARKS}]", line) if p]
        if any(len(p) != n for p in phrases):
            n = -1
        one = len(phrases) == 1
        end = m.start() + len(m.group(0).rstrip(" \u3000"))
        if n > 0 and run and m.start() == prev_end + 1 and ((same and n == prev_n) or (single and one)):
            run.append(end)
            same = same and n == prev_n
            single = single and one
        else:
            close()
            run, same, single = ([end], True, one) if n > 0 else ([], True, True)
        prev_end, prev_n = m.end(), n
    close()
    return out
