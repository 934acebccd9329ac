"""Paragraph reflow (spec §2): one paragraph per line, every break decided from evidence.

Each pair of neighbouring non-blank lines gets JOIN or BREAK from: closing
punctuation at the end of the first line, its width against the column width
estimated from its neighbours, a blank line between them (a column or page break
when the sentence is unfinished), indentation, and the shape of labels and
bylines. Lines wider than :data:`~.lines.MAX_COL` are whole paragraphs (web text
or a flattened PDF paragraph); their breaks follow punctuation alone.

The column width needs evidence: at least three nearby lines of about the same
width. Text without it (already one paragraph per line) is never joined except
after ``，``/``、`` or an opening mark, which keeps clean text unchanged
(docs/adr/0006-reflow-column-evidence.md).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..core import Edit, Step
from .lines import MAX_COL, continues, indent, is_closed, is_field_line, is_label, width

WINDOW = 4
SLACK = 2.5
_LATIN_END = regex.compile(r"[A-Za-z0-9]$")
_LATIN_START = regex.compile(r"^[A-Za-z0-9]")
_HYPHENATED = regex.compile(r"[a-z]-$")


@dataclass
class _Line:
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    text: str  # stripped content
    indent: int
    width: float
    blank_before: bool
    long: bool
    closed: bool


def _column_width(widths: list[float]) -> float | None:
    """The column width shown by at least three lines of nearly the same width."""
    ws = sorted(widths, reverse=True)
    for k, w in enumerate(ws):
        n = 0
        for v in ws[k:]:
            if v < w - SLACK:
                break
            n += 1
        if n >= 3:
            return w
    return None


class Reflow(Step):
    """Rejoin hard-wrapped lines into paragraphs, one paragraph per line."""

    name = "reflow"

    def __init__(self, separator: str = "\n") -> None:
        self.separator = separator

    def __reduce__(self):
        return (Reflow, (self.separator,))

    def edits(self, text: str) -> list[Edit]:
        items = self._items(text)
        if not items:
            return [Edit(0, len(text), "")] if text else []
        n = len(items)
        short_w = [it.width if not it.long else None for it in items]
        cols: list[float | None] = []
        for i in range(n):
            ws = [w for w in short_w[max(0, i - WINDOW) : i + WINDOW + 1] if w is not None]
            cols.append(_column_width(ws))

        def full(i: int, col: float | None = None) -> bool:
            col = cols[i] if col is None else col
            return col is not None and items[i].width >= col - SLACK and items[i].width >= 4

        join = [False] * (n - 1)
        moved: dict[int, int] = {}  # caption index -> index of the line it follows
        para_start = True
        i = 0
        while i < n - 1:
            a, b = items[i], items[i + 1]
            # A caption the layout dropped into a sentence: long unfinished line,
            # a short standalone line, then the sentence goes on in a long line.
            if (
                a.long
                and not a.closed
                and not continues(a.text)
                and i + 2 < n
                and not b.long
                and b.blank_before
                and items[i + 2].blank_before
                and items[i + 2].long
                and not is_label(b.text)
            ):
                moved[i + 1] = i
                join[i] = join[i + 1] = True  # a joins c; b's slot is handled by the move
                i += 2
                para_start = False
                continue
            j = self._decide(i, a, b, para_start, full, cols)
            join[i] = j
            para_start = not j
            i += 1

        return self._build(text, items, join, moved)

    @staticmethod
    def _decide(i, a: _Line, b: _Line, para_start: bool, full, cols) -> bool:
        if is_label(a.text) or is_label(b.text):
            return False
        if is_field_line(a.text) or is_field_line(b.text):
            return False
        if continues(a.text):
            return True
        if a.long:
            return not a.closed and (b.long or not b.blank_before)
        if b.long:
            return False
        if a.closed:
            if b.indent > a.indent or b.blank_before:
                return False
            return full(i)
        # An unfinished column line.
        if not b.blank_before:
            return full(i)
        if not para_start:
            return full(i)
        # A paragraph's first line followed by a blank: join only if it has the
        # width of the column that follows.
        col = cols[i + 1]
        if col is None or not (col - SLACK <= a.width <= col + 1):
            return False
        return b.closed or full(i + 1)

    @staticmethod
    def _items(text: str) -> list[_Line]:
        items: list[_Line] = []
        pos = 0
        blank = False
        for line in text.split("\n"):
            s = line.strip(" ")
            if s:
                lead = indent(line)
                w = width(s)
                items.append(
                    _Line(pos + lead, pos + lead + len(s), s, lead, w, blank, w > MAX_COL, is_closed(s))
                )
                blank = False
            else:
                blank = bool(items)
            pos += len(line) + 1
        return items

    def _joiner(self, a: str, b: str) -> tuple[int, str]:
        """(characters to drop from the end of a, text to insert) when joining a and b."""
        if _HYPHENATED.search(a) and b[:1].islower():
            return 1, ""
        if _LATIN_END.search(a) and _LATIN_START.search(b):
            return 0, " "
        return 0, ""

    def _build(self, text: str, items: list[_Line], join: list[bool], moved: dict[int, int]) -> list[Edit]:
        out: list[Edit] = []
        sep = self.separator
        if items[0].start > 0:
            out.append(Edit(0, items[0].start, ""))
        pending: list[str] = []  # captions waiting for the end of their paragraph
        n = len(items)
        i = 0
        while i < n - 1:
            a = items[i]
            if i + 1 in moved:
                c = items[i + 2]
                drop, ins = self._joiner(a.text, c.text)
                out.append(Edit(a.end - drop, c.start, ins))
                pending.append(items[i + 1].text)
                i += 2
                continue
            b = items[i + 1]
            if join[i]:
                drop, ins = self._joiner(a.text, b.text)
                gap = text[a.end - drop : b.start]
                if gap != ins:
                    out.append(Edit(a.end - drop, b.start, ins))
            else:
                tail = "".join(sep + p for p in pending)
                pending = []
                if text[a.end : b.start] != sep or tail:
                    out.append(Edit(a.end, b.start, tail + sep))
            i += 1
        last = items[-1]
        tail = "".join(sep + p for p in pending)
        if last.end < len(text) or tail:
            out.append(Edit(last.end, len(text), tail))
        return out


def reflow(separator: str = "\n") -> Reflow:
    """A reflow normaliser with the given paragraph separator."""
    return Reflow(separator)
