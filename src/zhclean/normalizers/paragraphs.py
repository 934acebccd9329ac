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

import re
from functools import lru_cache
from itertools import accumulate, repeat
from string import ascii_letters, ascii_lowercase, digits
from typing import Iterable, Iterator

import regex

from ..chars import CJK_PUNCT, CONTINUES, LABEL_BULLETS, SENTENCE_END, TRAILING_CLOSERS
from ..core import Edit, Step, apply_spans, check_text, compose_edits
from .lines import MAX_COL, continues, table_rows, verse_runs, starts_bullet, field_offsets, marked_lines, plain_piece_widths, plain_width, plain_widths, is_closed, is_field_line, is_label, is_lone_glyph, starts_item

WINDOW = 4
MIN_COLUMN = 5.0
SLACK = 2.5
# An unfinished line may be up to this much narrower than its column and still
# continue: the first line of a paragraph is indented by two characters, and
# extractors usually drop the indent.
INDENT_SLACK = 4.0
# A finished line continues its paragraph only when it is really full.
CLOSED_SLACK = 1.5
# The first line of a paragraph is indented by about two characters.
FIRST_LINE_INDENT = 2.0
# Lines on each side over which "this text indents its paragraphs" is judged.
INDENT_WINDOW = 40
# Passes after the first, at most, while reflow's own output still changes.
_MAX_PASSES = 3
# Lines narrower than this are too short to show a column (headlines, labels).
MIN_LINE = 10.0
# A line indented this far or more may be centred, not indented (pdftotext -layout).
CENTRED_INDENT = 4
# Lines on each side over which a column wider than MAX_COL shows itself.
WIDE_WINDOW = 6
_INNER_PUNCT = regex.compile(r"[，、,；;]")
# Marks that show running prose inside a line; or four Latin words in a row
# (English sets fewer commas, but a line of words is a sentence under way).
_INNER_MARK = regex.compile(r"[，、,；;。！？!?：:“”\"（）()《》…—]|(?:[A-Za-z]+ ){4}")
# Letter-spaced: four single glyphs in a row, apart by one space or more (justified
# columns spread glyphs unevenly, and spacing makes every run one space later).
# A space between Han and a Latin letter or digit is no letter-spacing: the 'one'
# policy puts one there, and '0一0一' read as letter-spaced on the second clean
# (nightly find). Nor are Latin letters and digits glyphs of it: 'A B C D' is an
# answer key or a formula, not a justified line, and '1 1  1 1第' read as
# letter-spaced once the 'one' policy had spaced '1第' (fuzz find).
def _four_glyphs(gap: str) -> "regex.Pattern[str]":
    glyph = r"[^\sA-Za-z0-9]"
    return regex.compile(rf"(?:^|(?<= )){glyph}(?= )(?:{gap}{glyph}(?= |$)){{3,}}+")


_SPACED = _four_glyphs(r"(?:(?<=\p{Han}) ++(?![A-Za-z0-9])|(?<=[A-Za-z0-9%]) ++(?!\p{Han})|(?<![\p{Han}A-Za-z0-9%]) ++)")
# The same where no Latin letter or digit can make a gap one the policy put there
# (most letter-spaced Chinese): the plain pattern scans at a fraction of the cost,
# and only a line it matches is asked the precise question.
_SPACED_PLAIN = _four_glyphs(" ++")
_PANGU_SIDE = re.compile(r"[A-Za-z0-9%]")
# What a join asks of the last character of one line and the first of the next.
_LATIN = frozenset(ascii_letters + digits)
_LOWER = frozenset(ascii_lowercase)
_SEGMENT = regex.compile(r"[^ ]+")
# Chinese for this purpose: Han, CJK marks, and the ASCII marks, straight quotes and
# dashes the punctuation steps make CJK marks before spacing removes the space. (The
# class is the same before and after lines._final_marks, so pieces can be measured
# on the marked line.)
_CJK = f"\\p{{Han}}{regex.escape(CJK_PUNCT)}{regex.escape(',.;:!?()-－' + chr(34) + chr(39))}"
# A run of spaces without Chinese on both sides (possessive: no backtracking into the run).
_OTHER_GAP = regex.compile(f"(?<![{_CJK} ]) ++| ++(?![{_CJK}])")
# A run of spaces with Chinese on both sides, and the last such run of a line.
_CJK_GAP = regex.compile(f"(?<=[{_CJK}]) ++(?=[{_CJK}])")
_LAST_CJK_GAP = regex.compile(_CJK_GAP.pattern, flags=regex.REVERSE)
# A piece of a line: up to a run of spaces with Chinese on both sides.
_SEGMENT_CJK = regex.compile(f"(?:[^ ]++|(?<![{_CJK} ]) ++| ++(?![{_CJK}]))++")
# First and last characters that can make the line predicates true: most lines
# are decided by one set lookup instead of a function call and a regex.
_ENDS = frozenset(SENTENCE_END)
_MAY_CLOSE = frozenset(TRAILING_CLOSERS)
_GOES_ON = frozenset(CONTINUES)
_LABEL_FIRST = frozenset(LABEL_BULLETS + "/#")
_ITEM_FIRST = frozenset("一二三四五六七八九十（(0123456789第-*+•" + "".join(map(chr, range(0x2460, 0x2474))) + "".join(map(chr, range(0x2776, 0x2780))))


# A line record (_Line) is a plain tuple read by these indexes, not a class
# instance: the garbage collector stops tracking a tuple of plain values, while
# every instance of a class stays tracked, and its full passes walked each line
# record again (at 100 MB of text, a million of them, several times per pass).
_START = 0  # offset of the first non-space character
_END = 1  # offset after the last non-space character
_TEXT = 2  # stripped content
_INDENT = 3
_BLANK = 4  # a blank line before it
# The rest is the line's shape (_Shape): a function of its text alone.
_WIDTH = 5
_LONG = 6  # wider than MAX_COL
_CLOSED = 7  # ends a sentence (lines.is_closed)
_NSEG = 8  # space-separated pieces
_LAST_W = 9  # width of the last piece
_FLAT = 10  # column width when the line is a flattened paragraph, else None
_SPLITS = 11  # spaces (offsets in text) inside a flattened line where a paragraph ends
_LETTER_SPACED = 12  # letter-spaced (justified): at least four single glyphs in a row
_LABEL = 13  # a section label or kicker (lines.is_label)
_FIELD = 14  # a byline or credit line (lines.is_field_line)
_CONT = 15  # obviously continues on the next line (lines.continues)
_ITEM = 16  # starts with a list marker (lines.starts_item)

# width, long, closed, n_segments, last_width, flat, splits, spaced, label, field, cont, item
_Shape = tuple[float, bool, bool, int, float, "float | None", tuple[tuple[int, int], ...], bool, bool, bool, bool, bool]
# A pass's edits are (start, end, new) tuples too; Edit objects only for explain.
_Span = tuple[int, int, str]
_Line = tuple[int, int, str, int, bool, float, bool, bool, int, float, "float | None", tuple[tuple[int, int], ...], bool, bool, bool, bool, bool]


def _flattened(widths: list[float]) -> float | None:
    """Column width of a line that is a whole paragraph whose printed lines were
    joined with single spaces (some PDF extractors do this), else None; ``widths``
    are its pieces' widths."""
    ws = sorted(widths[:-1])
    if len(ws) < 2:
        return None
    med = ws[len(ws) // 2]
    near = sum(1 for w in ws if abs(w - med) <= SLACK)
    return med if med >= 6 and near * 2 >= len(ws) and near >= 2 else None


def _short_block(a: _Line, b: _Line) -> bool:
    """Two lines with no column around them that still read as one wrapped block:
    the first shows a sentence under way (inner punctuation; unpunctuated titles
    stay apart) and the second is about as wide or finishes the sentence shorter
    (a caption, a pull quote, a column's first lines). Used with and without a
    blank line between them: the first clean turns every break into the same
    separator, so a rule that looked at the blank would decide differently the
    second time."""
    if a[_WIDTH] < MIN_LINE or _INNER_PUNCT.search(a[_TEXT]) is None:
        return False
    # The next line may be wider only by the first line's dropped indent: a headline
    # with a comma over a wider one-line paragraph is not one block (Hypothesis find).
    return (b[_WIDTH] >= MIN_LINE and -FIRST_LINE_INDENT <= a[_WIDTH] - b[_WIDTH] <= INDENT_SLACK) or (
        b[_CLOSED] and b[_WIDTH] < a[_WIDTH]
    )


def _prefix(flags: Iterable[float]) -> list[float]:
    """Running sums: element k is how many of the first k flags are true (or the
    sum of the first k numbers)."""
    out = [0]
    out.extend(accumulate(flags))
    return out


def _shift(prefix: list[float], n: int, d: int) -> list[float]:
    """``prefix[i + d]`` for each line ``i`` in ``range(n)``, clamped to ``[0, n]``."""
    if d <= 0:
        pad = min(-d, n)
        return [0] * pad + prefix[: n - pad]
    body = prefix[d : n + 1][:n]
    return body + [prefix[n]] * (n - len(body))


@lru_cache(maxsize=8192)
def _column_width(widths: tuple[float, ...]) -> float | None:
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


_LEADING_TOKEN = regex.compile(r"[A-Za-z0-9]+")


def _carried(line: str) -> float:
    """The width of the number or Latin word that opens ``line`` (0 if none)."""
    m = _LEADING_TOKEN.match(line)
    return 0.5 * len(m.group()) if m is not None else 0.0


class Reflow(Step):
    """Rejoin hard-wrapped lines into paragraphs, one paragraph per line."""

    keeps_protected = True
    moves_text = True

    name = "reflow"

    def __init__(self, separator: str = "\n", moves: bool = True) -> None:
        self.separator = separator
        # Whether a caption dropped into a sentence is taken out of it (the one
        # move reflow makes); see Normalizer.without_moves.
        self.moves = moves

    def __reduce__(self):
        return (Reflow, (self.separator, self.moves))

    def without_moves(self) -> "Reflow":
        return Reflow(self.separator, moves=False) if self.moves else self

    def __call__(self, text: str) -> str:
        # The passes applied one after another: no pass's edits outlive it, so the
        # garbage collector's full passes do not walk them while the next pass
        # runs (composing them is only needed for explain).
        out = check_text(text)
        for edits, out in self._passes(out):
            del edits
        return out

    def edits(self, text: str) -> list[Edit]:
        edits: list[Edit] = []
        for more, _ in self._passes(text):
            edits = compose_edits(text, edits, [Edit(*e) for e in more])
        return edits

    def _passes(self, text: str) -> Iterator[tuple[list[_Span], str]]:
        """Each pass's edits, as (start, end, new) relative to that pass's input,
        and its output.

        Decisions read blank lines and the widths of neighbouring lines, and the
        first pass changes both (a blank that kept two lines apart is gone, joined
        lines are wider), so a second clean could decide differently. Reflow runs
        again on its own output until that changes nothing: the second pass costs
        less, its input has one line per paragraph (docs/adr/0006, fixed point)."""
        known: dict[str, _Shape] = {}  # line shapes, measured once for all passes
        edits = self._edits_once(text, known)
        if not edits:
            return
        # Edits only in the leading or trailing whitespace change no decision
        # (text already one paragraph per line, but for its final newline).
        head = len(text) - len(text.lstrip(" \n"))
        tail = len(text.rstrip(" \n"))
        settled = all(end <= head or start >= tail for start, end, _ in edits)
        text = apply_spans(text, edits)
        yield edits, text
        if settled:
            return
        for _ in range(_MAX_PASSES):
            edits = []  # dropped before the pass: the caller decides whether to keep them
            edits = self._edits_once(text, known)
            if not edits:
                return
            text = apply_spans(text, edits)
            yield edits, text

    def _edits_once(self, text: str, known: dict[str, _Shape] | None = None) -> list[_Span]:
        items = self._items(text, known)
        if not items:
            return [(0, len(text), "")] if text else []
        n = len(items)
        # Only unfinished lines show a column: a wrapped line ends mid-sentence,
        # while clean text (one paragraph per line) has finished lines of any width.
        # (Stranded glyphs and tiny labels say nothing about a column either.)
        short_w = [it[_WIDTH] if not it[_LONG] and not it[_CLOSED] and it[_WIDTH] >= MIN_COLUMN else None for it in items]
        known_w = [w for w in short_w if w is not None]
        known_n = _prefix(w is not None for w in short_w)
        # And a column of wrapped prose has punctuation inside its lines, since
        # sentences do not end where lines do. Equal unpunctuated lines are a poem,
        # a list of titles or a table of contents, already one item per line; the
        # first clean's joined lines of such text must not make a column either.
        prose_n = _prefix(w is not None and _INNER_MARK.search(it[_TEXT]) is not None for w, it in zip(short_w, items))
        prose = [b > a for a, b in zip(_shift(prose_n, n, -WINDOW), _shift(prose_n, n, WINDOW + 1))]

        # Column width around each line, from the lines before it, around it and
        # after it: a block boundary (a new column) then spoils only one of them.
        # Window bounds are shifted slices of the prefix counts (no loop per line
        # in Python); a column needs three lines to show itself.
        def windows(starts: list[int], ends: list[int]) -> list[float | None]:
            # Windows repeat (a column's lines have a few widths), hence the cache.
            return [_column_width(tuple(known_w[a:b])) if b - a >= 3 else None for a, b in zip(starts, ends)]

        before, after = _shift(known_n, n, -WINDOW), _shift(known_n, n, WINDOW + 1)
        cols = windows(before, after)
        lefts = windows(before, _shift(known_n, n, 1))
        rights = windows(known_n[:n], after)
        # The narrowest and widest of the estimates (centre, left, right) per line.
        lo: list[float | None] = []
        hi: list[float | None] = []
        for k, est in enumerate(zip(cols, lefts, rights)):
            if not prose[k]:
                cols[k] = lefts[k] = rights[k] = None
                lo.append(None)
                hi.append(None)
            elif None not in est:  # (most lines)
                lo.append(min(est))
                hi.append(max(est))
            elif est == (None, None, None):
                lo.append(None)
                hi.append(None)
            else:
                known = [c for c in est if c is not None]
                lo.append(min(known))
                hi.append(max(known))

        def full(i: int, slack: float = SLACK, strict: bool = False) -> bool:
            # strict: against the widest estimate (a finished line must be really
            # full to go on); otherwise any estimate will do.
            # A line much wider than every estimate is not a line of that column
            # (a kicker, a caption, or on a second clean a paragraph the first
            # one joined, next to lines that only now make a column).
            col = hi[i] if strict else lo[i]
            w = items[i][_WIDTH]
            return col is not None and w >= 4 and col - slack <= w <= hi[i] + SLACK

        # Does this text keep first-line indents of column paragraphs?
        # Judged over the lines around each line, not the whole text: a corpus file
        # joins documents with different conventions, and a decision that
        # depends only on nearby lines is the same when the text is cleaned in
        # pieces (zhclean.corpus streams files that way).
        # (A long line counts where it is a line of a wide column, as an A4 page's
        # indented first lines are; a web paragraph's indent does not.)
        wide = self._wide_column(items)
        ind = _prefix(it[_INDENT] >= 2 and (not it[_LONG] or w) for it, w in zip(items, wide))
        indented = [b > a for a, b in zip(_shift(ind, n, -INDENT_WINDOW), _shift(ind, n, INDENT_WINDOW + 1))]
        rows = {end for _, end in table_rows(text)}  # ends of rows: past any trailing spaces, as items end
        verse = verse_runs(text)  # ends of verse lines, and their run
        blank_free = "\n\n" in self.separator  # blank lines are the separator, not evidence
        join = [False] * (n - 1)
        moved: set[int] = set()  # captions taken out of the sentence they interrupt
        prev: _Line | None = None  # the line that went on into items[i]
        head = items[0]  # the first line of the paragraph items[i] is in
        i = 0
        acc = 0.0  # width of the paragraph so far, items[i] included
        long_paras = 0  # paragraphs that ended wider than any column
        while i < n - 1:
            a, b = items[i], items[i + 1]
            if prev is None:
                head = a
                acc = a[_WIDTH]
            else:
                acc += a[_WIDTH]
            # A caption the layout dropped into a sentence: a standalone line that
            # was not wrapped and is wider than the column the sentence continues in.
            if self.moves and i + 2 < n and not a[_CLOSED] and not a[_CONT] and b[_BLANK] and items[i + 2][_BLANK]:
                c = items[i + 2]
                col = c[_FLAT] if c[_FLAT] is not None else rights[i + 2]
                if (
                    col is not None
                    and b[_NSEG] == 1
                    and b[_WIDTH] > col + SLACK
                    and not b[_LONG]
                    and not b[_LABEL]
                    and self._decide(i, a, c, prev, full, rights, indented[i], hi, wide, acc, blank_free)
                ):
                    moved.add(i + 1)
                    join[i] = join[i + 1] = True
                    i += 2
                    prev = a
                    continue
            # A list marker after a finished line, or inside a list, starts an
            # item: equal-width items look like a column and must not be joined.
            if b[_ITEM] and (a[_CLOSED] or head[_ITEM] or starts_bullet(b[_TEXT])):
                j = False
            elif rows and (a[_END] in rows or b[_END] in rows):
                j = False  # a table's rows stay rows, apart from the text around them
            elif verse and verse.get(a[_END], -1) == verse.get(b[_END]):
                j = False  # a poem's lines stay lines
            else:
                j = self._decide(i, a, b, prev, full, rights, indented[i], hi, wide, acc, blank_free)
            join[i] = j
            prev = a if j else None
            if not j and acc > MAX_COL:
                long_paras += 1
            i += 1

        if long_paras:  # a join there needs a long paragraph before the last one
            self._join_long_paragraphs(items, join, moved, blank_free)
        return self._build(text, items, join, moved)

    @staticmethod
    def _join_long_paragraphs(items: list[_Line], join: list[bool], moved: set[int], blank_free: bool) -> None:
        """The page-break rule for web paragraphs, once more on whole paragraphs.

        _decide judges the paragraph so far against the next *line*; the next
        clean sees the whole next paragraph as one line. So an unfinished
        paragraph wider than any column also goes on into a next paragraph that
        is wider than any column, though its first line was short (fuzz find).
        Only adds joins; a left-to-right sweep so chains of them close at once.
        """
        n = len(items)
        starts = [0] + [k + 1 for k in range(n - 1) if not join[k]]
        ends = [k - 1 for k in starts[1:]] + [n - 1]
        # Paragraph widths as differences of running sums (widths are multiples of
        # a half column, so the float sums are exact); moved captions count nothing.
        run = _prefix(0.0 if j in moved else it[_WIDTH] for j, it in enumerate(items))
        widths = [run[b + 1] - run[a] for a, b in zip(starts, ends)]
        merged_w = widths[0]
        for p in range(1, len(starts)):
            last, first = items[ends[p - 1]], items[starts[p]]
            if (
                merged_w > MAX_COL
                and widths[p] > MAX_COL
                and (first[_BLANK] or blank_free)
                and not last[_CLOSED]
                and last[_TEXT][-1] not in _MAY_CLOSE
                and not (last[_LABEL] or first[_LABEL] or last[_FIELD] or first[_FIELD] or first[_ITEM])
                and ends[p - 1] not in moved
            ):
                join[ends[p - 1]] = True
                merged_w += widths[p]
            else:
                merged_w = widths[p]

    @staticmethod
    def _wide_column(items: list[_Line]) -> list[bool]:
        """Unfinished lines wider than MAX_COL with at least two more such lines of
        about their width within WIDE_WINDOW lines: a column wider than MAX_COL
        (email, an A4 page set in one column). Not only consecutive lines: where
        paragraphs are two or three lines long, finished last lines come between
        the column's full lines (an A4 page typeset and extracted: real find)."""
        n = len(items)
        wide = [False] * n
        if not any(it[_LONG] for it in items):
            return wide
        # Lines a little under MAX_COL count as evidence too: a column of about
        # MAX_COL has lines either side of it (a hanging mark, a dropped indent).
        cand = [k for k, it in enumerate(items) if it[_WIDTH] > MAX_COL - 2 * SLACK and not it[_CLOSED] and it[_FLAT] is None]
        lo = 0
        for k in cand:
            w = items[k][_WIDTH]
            while cand[lo] < k - WIDE_WINDOW:
                lo += 1
            near = 0
            for j in cand[lo:]:
                if j > k + WIDE_WINDOW:
                    break
                if abs(items[j][_WIDTH] - w) <= SLACK:
                    near += 1
            if near >= 3:
                wide[k] = True
        return wide

    @staticmethod
    def _decide(
        i, a: _Line, b: _Line, prev: _Line | None, full, rights, indented_doc: bool, hi, wide, acc: float, blank_free: bool
    ) -> bool:
        # prev: the line that went on into a; None when a starts a paragraph.
        para_start = prev is None
        if a[_LABEL] or b[_LABEL]:
            return False
        if a[_FIELD] or b[_FIELD]:
            return False
        # A line set far in whose right edge is not the next line's (a headline
        # that a layout-keeping extractor printed centred) stands alone over a
        # line set less far in. (A column's indented first line ends where the
        # full line under it ends.)
        if (
            a[_INDENT] >= CENTRED_INDENT and b[_INDENT] < a[_INDENT] - 1
            and abs(a[_INDENT] + a[_WIDTH] - b[_INDENT] - b[_WIDTH]) > SLACK
        ):
            return False
        if a[_CONT]:
            return True
        # A lone Han glyph after an unfinished line is the tail of that sentence:
        # that is why drop_stranded_chars kept it (it drops one after a finished
        # line). Joined even across a blank line: left on its own, it is dropped by
        # the next clean once reflow has put a finished line before it (a caption
        # moved behind the paragraph: atheris find).
        if len(b[_TEXT]) == 1 and not a[_CLOSED] and is_lone_glyph(b[_TEXT]):
            return True
        if a[_LONG] or (b[_LONG] and acc > MAX_COL):
            if a[_CLOSED]:
                # Where a wide column's paragraphs are indented, a full finished
                # line goes on into an unindented one: full as the line that went
                # on into it, or as the column's next line.
                if not indented_doc or b[_BLANK] or b[_INDENT] > 0:
                    return False
                col = prev[_WIDTH] + min(prev[_INDENT], 2) if prev is not None else (b[_WIDTH] if wide[i + 1] else None)
                return col is not None and a[_WIDTH] + min(a[_INDENT], 2) >= col - CLOSED_SLACK
            if a[_FLAT] is not None:
                # A flattened paragraph goes on only if its last printed line was full.
                return a[_LAST_W] >= a[_FLAT] - SLACK
            # A page break inside a web paragraph: an unfinished paragraph wider
            # than any column, a blank line, a long line. Judged on the paragraph
            # so far, not its last line: that is what a second clean sees as one
            # line. A paragraph that ends in a closing quote or bracket most
            # likely ended there, its full stop missing. Where the separator is
            # itself a blank line, every break of the first clean's output has
            # one, so a blank is no evidence and the rule holds without it.
            if b[_LONG] and (b[_BLANK] or blank_free) and a[_TEXT][-1] not in _MAY_CLOSE:
                return True
            if not a[_LONG] and not wide[i]:
                return False  # (a line of a column about MAX_COL wide goes on as a long one)
            # Otherwise a long line goes on only in a column wider than MAX_COL,
            # which shows itself as a narrow one does, by three lines of one width
            # (two of the first clean's long joined lines can agree in width by
            # chance: fuzz find): into the next line of that width, or into a
            # shorter finished last line.
            # A paragraph's first line may be narrower by its dropped indent.
            room = SLACK + (FIRST_LINE_INDENT if para_start else 0.0)
            d = b[_WIDTH] - a[_WIDTH]
            return wide[i] and ((wide[i + 1] and -SLACK <= d <= room) or (b[_CLOSED] and d <= room))
        if b[_LONG]:
            # A short line joins a flattened paragraph only as a full line of its
            # column; and a column just wider than MAX_COL only as one of its lines
            # (a first line whose indent was dropped falls to MAX_COL or under).
            if a[_CLOSED]:
                return False
            if b[_FLAT] is not None:
                return a[_WIDTH] >= b[_FLAT] - SLACK
            room = SLACK + (FIRST_LINE_INDENT if para_start and a[_INDENT] < 2 else 0.0)
            return wide[i + 1] and a[_WIDTH] + min(a[_INDENT], 2) >= b[_WIDTH] - room
        if a[_CLOSED]:
            if b[_INDENT] > 0:  # an indented line starts a paragraph
                return False
            if b[_BLANK]:
                # Where the text keeps first-line indents, an unindented line after a
                # page break continues the paragraph of a full finished line (full
                # with the number or Latin word carried over to that line, see below).
                if not indented_doc or para_start:
                    return False
                carried = _carried(b[_TEXT])
                # Without column evidence (the last lines of a text, where
                # finished lines leave fewer than three unfinished ones nearby),
                # the line that went on into this one was full (nightly find).
                widest = hi[i] if hi[i] is not None else prev[_WIDTH] + min(prev[_INDENT], 2)
                aw = a[_WIDTH]
                return aw >= 4 and (
                    widest - CLOSED_SLACK <= aw <= widest + SLACK
                    or (carried > 0 and widest - CLOSED_SLACK <= aw + carried <= widest + SLACK)
                )
            # A sentence that happens to end at the line end: the line is as wide
            # as the column and as the next line (less the indent of a first line).
            # A visible indent counts as width; a dropped one (most extractors)
            # is allowed for on a paragraph's first line.
            shown = min(a[_INDENT], 2)
            indent = FIRST_LINE_INDENT if para_start and not shown else 0.0
            widest = hi[i]
            if widest is None and indented_doc:
                # No column evidence yet (a paragraph of finished lines): where
                # paragraphs are indented, the line that went on into this one was
                # full (its shown indent counts), or else the unindented next line
                # is the column (nightly find: a full line closed by …… over the
                # short last line of its paragraph, at the top of a text).
                widest = b[_WIDTH] if prev is None else prev[_WIDTH] + min(prev[_INDENT], 2)
            aw = a[_WIDTH] + shown
            # A number or Latin word that opens the next line would not have fit on
            # this one: layouts carry it over whole, leaving this line short by up
            # to its width (Chromium did so on the extracted pages).
            carried = _carried(b[_TEXT])
            # (A line much wider than the estimate is not in that column: repeated
            # short kickers between paragraphs look like a narrow column.)
            return (
                widest is not None
                and widest - CLOSED_SLACK - indent <= aw + carried and aw <= widest + SLACK
                and aw + carried >= b[_WIDTH] - CLOSED_SLACK - indent / 4
            )
        if indented_doc and b[_INDENT] > a[_INDENT]:
            return False  # where indents are kept, an indented line starts a paragraph
        # An unfinished line. Letter-spaced lines were justified, so they are full.
        if a[_LETTER_SPACED] and not b[_BLANK]:
            return True
        if not b[_BLANK]:
            if not para_start:
                return True  # inside a paragraph, an unfinished line goes on
            if full(i, INDENT_SLACK) and b[_WIDTH] <= hi[i] + SLACK:
                return True  # (the next line must fit the column too)
            if indented_doc and a[_INDENT] >= 2 and b[_INDENT] == 0:
                # An indented first line that is unfinished goes on into the
                # unindented line under it, column evidence or not.
                return True
            return _short_block(a, b)
        if prev is not None:
            # Inside a wrapped paragraph: the page or column broke mid-sentence if
            # the line is full, or at least as wide as the wrapped line before it
            # (finished or not: it went on into this one, so it was full; where
            # dialogue ends most lines no column estimate is left: nightly find).
            return full(i, INDENT_SLACK) or a[_LETTER_SPACED] or a[_WIDTH] >= prev[_WIDTH] - SLACK
        if a[_WIDTH] >= MIN_LINE and not b[_FIELD]:
            # A justified (letter-spaced) line is a full column line: a first line
            # about as wide continues into it.
            if b[_LETTER_SPACED] and abs(a[_WIDTH] - b[_WIDTH]) <= INDENT_SLACK:
                return True
            # A sentence begun in a line with inner punctuation and finished in a
            # shorter line: the blank between them is a break of a shaped text block.
            if b[_CLOSED] and _short_block(a, b):
                return True
        # A paragraph's first line followed by a blank: join only if it has the
        # width of the column that follows.
        col = rights[i + 1]
        if col is None:
            return _short_block(a, b)  # as without the blank
        if not (col - INDENT_SLACK <= a[_WIDTH] <= col + 1):
            return False
        return b[_CLOSED] or full(i + 1)

    @staticmethod
    def _items(text: str, known: dict[str, _Shape] | None = None) -> list[_Line]:
        """The non-blank lines of ``text``. ``known`` maps a stripped line to its
        shape: lines already there are not measured again (the fixed point's later
        passes see mostly lines the first pass measured: paragraphs that were one
        line already). Lines are measured fresh within a pass, repeats included."""
        if known is None:
            known = {}
        lines = text.split("\n")
        strips = list(map(str.strip, lines, repeat(" ")))
        Reflow._measure([s for s in strips if s and s not in known] if known else [s for s in strips if s], known)
        items: list[_Line] = []
        pos = 0
        blank = False
        for line, s in zip(lines, strips):
            if s:
                lead = len(line) - len(line.lstrip(" "))
                items.append((pos + lead, pos + lead + len(s), s, lead, blank) + known[s])
                blank = False
            else:
                blank = bool(items)
            pos += len(line) + 1
        return items

    @staticmethod
    def _measure(todo: list[str], known: dict[str, _Shape]) -> None:  # noqa: C901 - one pass, kept together
        """Add the shape of each stripped line in ``todo`` to ``known``. The lines are
        measured together (joined by newlines): one pass of each whole-text scan."""
        joined = "\n".join(todo)
        # Offsets of byline/credit words; a line without one is no field line.
        fields = field_offsets(joined)
        fields.append(len(joined) + 1)
        f = 0
        pos = 0
        marks = marked_lines(joined)
        for s, marked, w in zip(todo, marks, plain_widths(marks)):
            nseg = 1
            last_w = w
            flat = None
            splits: tuple[tuple[int, int], ...] = ()
            spaced = False
            if " " in s:
                if s.count(" ") >= 3:
                    # The plain pattern first; a precise match is also a plain
                    # one, so it cannot start before the first plain one.
                    found = _SPACED_PLAIN.search(s)
                    if found is not None:
                        spaced = _PANGU_SIDE.search(s) is None or _SPACED.search(s, found.start()) is not None
                # A flattened paragraph's printed lines were joined by a space
                # between Chinese characters, the spaces spacing removes. Any
                # other space is the text's own (between Han and Latin the
                # cjk_latin_space policy adds or removes it): splitting there,
                # the first clean would see printed lines the next clean does
                # not, or the reverse. So the pieces are what lies between
                # runs of spaces with Chinese on both sides; counted, and the
                # last one measured, in C.
                gaps = len(_CJK_GAP.findall(marked))
                if gaps:
                    nseg = gaps + 1
                    last_w = plain_width(marked[_LAST_CJK_GAP.search(marked).end() :])
                m = nseg - 1
                # A flattened line's other pieces have a median width >= 6, so at
                # least half of them are that wide: this bound skips the piece by
                # piece work on letter-spaced and other finely spaced lines.
                if nseg >= 3 and w > MAX_COL and w - last_w >= 6 * (m - m // 2):
                    if _OTHER_GAP.search(s) is None:
                        pw, seg_re = plain_piece_widths(marked), _SEGMENT
                    else:
                        pw, seg_re = plain_piece_widths(_OTHER_GAP.sub("", marked.strip(" "))), _SEGMENT_CJK
                    # Most such lines are no flattened paragraph: their pieces are
                    # located only once the widths say it is one.
                    flat = _flattened(pw[: len(seg_re.findall(s))])
                    if flat is not None:
                        segs = tuple((g.start(), g.end(), pw_k) for g, pw_k in zip(seg_re.finditer(s), pw))
                        # A printed line that ends a sentence at under half the column
                        # width ends its paragraph, even inside a flattened line.
                        splits = tuple(
                            (segs[k][1], segs[k + 1][0])
                            for k in range(nseg - 1)
                            if segs[k][2] <= flat / 2 and is_closed(s[segs[k][0] : segs[k][1]])
                        )
            while fields[f] < pos:
                f += 1
            first, last = s[0], s[-1]
            odd = first.isspace() or last.isspace()  # tabs and the like: ask the predicates
            known[s] = (
                w, w > MAX_COL,
                last in _ENDS or ((odd or last in _MAY_CLOSE or last == ".") and is_closed(s)),
                nseg, last_w, flat, splits,
                spaced,
                (odd or first in _LABEL_FIRST) and is_label(s),
                fields[f] < pos + len(s) and (odd or len(s) <= 30) and is_field_line(s),
                (last in _GOES_ON) if not odd else continues(s),
                (odd or first in _ITEM_FIRST or first.isdecimal()) and starts_item(s),
            )
            pos += len(s) + 1

    def _joiner(self, a: str, b: str) -> tuple[int, str]:
        """(characters to drop from the end of a, text to insert) when joining a and b."""
        # a and b are stripped lines, never empty: a word hyphenated at the line
        # end (a lowercase letter, '-') is mended; Latin meets Latin over a space.
        if a[-1] == "-" and a[-2:-1] in _LOWER and b[0].islower():
            return 1, ""
        if a[-1] in _LATIN and b[0] in _LATIN:
            return 0, " "
        return 0, ""

    def _build(self, text: str, items: list[_Line], join: list[bool], moved: set[int]) -> list[_Span]:
        out: list[_Span] = []
        sep = self.separator
        if items[0][_START] > 0:
            out.append((0, items[0][_START], ""))
        pending: list[str] = []  # captions waiting for the end of their paragraph

        def flush() -> str:
            # The paragraph ends here: captions moved out of it follow it.
            nonlocal pending
            tail = "".join(sep + p for p in pending)
            pending = []
            return tail

        def split(item: _Line) -> None:
            for s0, s1 in item[_SPLITS]:
                out.append((item[_START] + s0, item[_START] + s1, flush() + sep))

        n = len(items)
        i = 0
        split(items[0])
        while i < n - 1:
            a = items[i]
            if i + 1 in moved:
                c = items[i + 2]
                drop, ins = self._joiner(a[_TEXT], c[_TEXT])
                out.append((a[_END] - drop, c[_START], ins))
                pending.append(items[i + 1][_TEXT])
                split(c)
                i += 2
                continue
            b = items[i + 1]
            if join[i]:
                drop, ins = self._joiner(a[_TEXT], b[_TEXT])
                gap = text[a[_END] - drop : b[_START]]
                if gap != ins:
                    out.append((a[_END] - drop, b[_START], ins))
            else:
                tail = flush() if pending else ""
                if tail or text[a[_END] : b[_START]] != sep:
                    out.append((a[_END], b[_START], tail + sep))
            if b[_SPLITS]:
                split(b)
            i += 1
        last = items[-1]
        tail = flush()
        if last[_END] < len(text) or tail:
            out.append((last[_END], len(text), tail))
        return out

