"""Columns laid side by side (spec §2): text that a layout-keeping extractor
(``pdftotext -layout`` and its kin) printed as it stood on the page, two or
three columns on every line with a gutter of spaces between them.

Read line by line, such text interleaves the columns: the first line of the
left column, then the first line of the right one, then the second of the
left... Reflow cannot repair that, and every sentence is cut in two. This step
puts each column's lines after those of the column before it, the order the
text is read in; nothing inside a column moves, and a line that crosses the
gutter (a headline over both columns) stays where it is and ends the block
(ADR 0015).

The evidence, all of which must hold for a block of consecutive lines:

- a gutter: at least ``MIN_ROWS`` lines hold a run of two or more spaces that
  ends at one and the same character column (a layout-keeping extractor puts
  every column's lines at the same offset; a wider run there is a column's
  first-line indent); the longer column's lines go on below the gutter rows;
- the gutter is wider than every run of spaces to its left, in most of those
  lines (letter-spaced text has runs as wide all along the line; the leftmost
  gutter is tried first, and the columns right of it are split in turn);
- both sides are prose: the left parts fill most of the column, and a quarter of
  the parts on each side hold a punctuation mark, as lines of wrapped sentences
  do (a table's cells seldom do, and a table stays as it is).

Some extractors join the parts of a line with one space instead
(pdfplumber's ``extract_text``, which puts a space wherever glyphs lie apart):
``左栏的一行 右栏的一行``. Such a line is a row of two or three columns when
its single spaces cut it into that many parts (a letter-spaced part, single
glyphs apart, counts as one, in at most a quarter of the rows); at least
``MIN_ROWS`` rows in a row with the same number of parts make a block, read
column by column, where every column's parts are wide and punctuated, and the
block's parts are mostly full (at about their column's width, as the lines of
a justified column are) and often end mid-sentence. Lines after the rows with fewer parts, each no wider than
its column, are the longer columns' last lines (columns fill from the left).
Nothing marks a page break inside such output, so pages must come apart by
``\\f`` or a blank line (ADR 0015, addendum 2).

Pages (``\\f``) are judged one by one, so the first step of the pipeline runs
it, before ``\\f`` becomes a line break.
"""

from __future__ import annotations

import re
from collections import Counter

from ..core import Edit, Step, check_text
from .lines import is_closed, width

__all__ = ["SplitColumns", "split_columns"]

# A gutter is at least this many lines tall (a two-line "gutter" is as likely a
# table row or a heading beside a date).
MIN_ROWS = 4
# ... or this many, near a gutter another page of the same text showed (the
# extractor's character grid moves a little from page to page).
MIN_ROWS_KNOWN = 2
KNOWN_SLACK = 3
# Share of gutter lines on which the gutter is the widest run of spaces.
MIN_DISTINCT_SHARE = 0.8
# The left column's lines fill at least this share of its widest line (median).
MIN_LEFT_FILL = 0.5
# Both sides hold at least this many characters (median).
MIN_SIDE_CHARS = 4
# Share of rows whose parts on each side hold a punctuation mark: sentences run
# across the lines of a prose column, while table cells seldom hold one.
MIN_PROSE_SHARE = 1 / 4
# Columns side by side: a page holds at most this many (three gutters).
MAX_DEPTH = 3
# A page's lines all set in by this many spaces or more share a margin, removed.
MIN_MARGIN = 3
_LEAD = re.compile("[ \ufeff\u200b\u2060\u200e\u200f\u202a-\u202e\u2066-\u2069]*")
# Gutter positions tried, the most frequent first.
CANDIDATES = 5

# A run of two or more spaces with text on both sides of it. Written to start
# with its literal, which re finds by a fast scan (0.07x one regex pass on the
# seeds; a lookbehind first tried every position, 1.7x).
_GAP = re.compile(r"  (?<=\S  ) *(?=\S)")
_RUN = re.compile(r" {2,}")
_MARK = re.compile(r"[，。、；：！？,.;:!?“”‘’…—《》]")  # (no brackets: table headers hold （万人）)


def _max_run(s: str) -> int:
    return max((len(m.group()) for m in _RUN.finditer(s)), default=1 if " " in s else 0)


def _gutter_at(spans: list[tuple[int, int]], p: int) -> tuple[int, int] | None:
    """The gap (of a line's ``spans``) that covers the two columns before ``p``, if any."""
    for s, e in spans:
        if s > p - 2:
            break
        if e >= p:
            return s, e
    return None


def _blocks(lines: list[str], spans: list[list[tuple[int, int]]], p: int) -> list[tuple[int, int, list[tuple[int, int] | None]]]:
    """Runs of lines ``[i, j)`` that no text crosses at ``p``, with each line's gutter."""
    out = []
    start = None
    gaps: list[tuple[int, int] | None] = []
    for k, line in enumerate(lines):
        g = _gutter_at(spans[k], p)
        if g is None and len(line.rstrip()) > p - 2 and len(line) - len(line.lstrip(" ")) < p - 2:
            if start is not None:  # text crosses the gutter: the block ends
                out.append((start, k, gaps))
            start, gaps = None, []
            continue
        if start is None:
            start = k
        gaps.append(g)
    if start is not None:
        out.append((start, len(lines), gaps))
    return out


def _min_rows(p: int, known: frozenset[int]) -> int:
    return MIN_ROWS_KNOWN if any(abs(p - k) <= KNOWN_SLACK for k in known) else MIN_ROWS


def _split(lines: list[str], depth: int = 0, known: frozenset[int] = frozenset(), used: set[int] | None = None) -> list[str] | None:
    """``lines`` with the columns of every block read one after another, or None.

    ``known``: gutters found on other pages of the same text, where a short page
    (the last of an article) needs fewer rows to show one. ``used`` collects the
    gutters split at."""
    if depth >= MAX_DEPTH:
        return None
    spans = [[m.span() for m in _GAP.finditer(line)] if "  " in line else [] for line in lines]
    ends = Counter(e for line_spans in spans for _, e in line_spans)
    # A gutter shows on every line whose gap covers it, also where a right
    # column's indented first line ends the gap a little past it.
    support = {p: sum(1 for sp in spans if _gutter_at(sp, p) is not None) for p, _ in ends.most_common(CANDIDATES)}
    # The leftmost gutter first: its right side then holds any further columns,
    # read by the recursion in order.
    for p in sorted(p for p, rows in support.items() if rows >= _min_rows(p, known)):
        min_rows = _min_rows(p, known)
        out: list[str] = []
        done = 0
        changed = False
        for i, j, gaps in _blocks(lines, spans, p):
            # The block ends with its last gutter row and the lines that follow it
            # without a blank line (the longer column's last lines); after a blank
            # line comes what follows the columns.
            last = max(k for k, g in enumerate(gaps) if g is not None) if any(gaps) else 0
            end = last + 1
            while end < len(gaps) and lines[i + end].strip():
                end += 1
            j, gaps = i + end, gaps[:end]
            split = _split_block(lines[i:j], gaps, p, depth, min_rows)
            if split is None:
                continue
            out.extend(lines[done:i])
            out.extend(split)
            done = j
            changed = True
        if changed:
            out.extend(lines[done:])
            if used is not None:
                used.add(p)
            return out
    return None


def _split_block(
    lines: list[str], gaps: list[tuple[int, int] | None], p: int, depth: int, min_rows: int
) -> list[str] | None:
    rows = [(line, g) for line, g in zip(lines, gaps) if g is not None]
    if len(rows) < min_rows:
        return None
    lefts = [line[:s].strip() for line, (s, e) in rows]
    # The right part up to its own gap: further columns lie past that.
    rights = [_RUN.split(line[e:].strip(), 1)[0] for line, (s, e) in rows]
    distinct = sum(1 for (line, (s, e)), a in zip(rows, lefts) if e - s > _max_run(a))
    if distinct < MIN_DISTINCT_SHARE * len(rows):
        return None
    # Fill against the widest left part, not the gutter's offset: one line that
    # ran over (a long number) pushes the gutter right (nightly find).
    widths = sorted(map(len, lefts))
    if widths[len(widths) // 2] < max(MIN_SIDE_CHARS, MIN_LEFT_FILL * widths[-1]):
        return None
    if sorted(map(len, rights))[len(rights) // 2] < MIN_SIDE_CHARS:
        return None
    for side in (lefts, rights):
        if sum(1 for part in side if _MARK.search(part)) < MIN_PROSE_SHARE * len(side):
            return None
    left: list[str] = []
    right: list[str] = []
    for line, g in zip(lines, gaps):
        if g is not None:
            left.append(line[: g[0]].rstrip())
            right.append(line[p:].rstrip())
        elif len(line) - len(line.lstrip(" ")) >= p - 2:  # the right column alone
            left.append("")
            right.append(line[min(p, len(line) - len(line.lstrip(" "))) :].rstrip())
        else:  # the left column alone, or nothing
            left.append(line.rstrip())
            right.append("")
    while left and not left[-1]:
        left.pop()
    while right and not right[-1]:
        right.pop()
    while right and not right[0]:
        right.pop(0)
    # Each column less the margin its lines share (the page's margin is the first
    # column's); then a column may hold columns of its own (three side by side).
    left = _without_margin(left, 1) or left
    right = _without_margin(right, 1) or right
    return (_split(left, depth + 1) or left) + (_split(right, depth + 1) or right)


# Columns joined by one space (see the module's docstring).
# Each column's parts are this wide or wider (median): a table's cells are narrower.
MIN_JOINED_WIDTH = 6.0
# At least this share of all parts are full: within JOINED_SLACK of their
# column's upper-quartile width (justified lines, and first lines short by the
# indent the extractor dropped; the rest end paragraphs). Over all columns: a
# short column of short paragraphs may have few full lines (Hypothesis find).
MIN_FULL_SHARE = 0.5
JOINED_SLACK = 4.0
# At most this share of rows hold a part spread out (single glyphs apart).
MAX_SPREAD_SHARE = 1 / 4
# At least this share of all parts end without a mark: columns' lines break
# mid-sentence, while the halves of a poem's lines set apart by a space
# (白日依山尽， 黄河入海流。) each end with one. Over all columns, not each: a
# short column can end most of its few lines at a mark (Hypothesis find).
MIN_OPEN_SHARE = 1 / 4
# Three lines in a row, the middle one cut by one or two single spaces, the
# others holding a space at their end and start: where space-joined rows may be.
# Starts with its literal, so the scan visits only the text after spaces.
_JOINED_HINT = re.compile(r" [^ \n]+\n[^ \n]+(?: [^ \n]+){1,2}\n[^ \n]+ ")
# Lines after a block of rows looked at as the longer columns' last lines.
MAX_TAIL = 20


def _row_like(line: str) -> bool:
    return " " in line and "  " not in line and line[0] != " " and line[-1] != " " and "\r" not in line


def _joined_regions(page: str) -> list[tuple[int, int]]:
    """(start, end) offsets in ``page`` of runs of lines that may be space-joined
    rows, each with the lines after it up to a blank line (at most MAX_TAIL)."""
    out: list[tuple[int, int]] = []
    end = -1
    for m in _JOINED_HINT.finditer(page):
        if m.start() < end:
            continue
        # Rows before the hint belong to this region, but not those the region
        # before it already holds: two regions never share a line (each is one
        # edit, and edits must not overlap).
        floor = end + 1
        start = page.rfind("\n", 0, m.start()) + 1
        while start > floor:
            prev = page.rfind("\n", 0, start - 1) + 1
            if not _row_like(page[prev : start - 1]):
                break
            start = prev
        end = page.find("\n", m.end())
        end = len(page) if end < 0 else end
        rows = True
        tail = 0
        while end < len(page) and tail < MAX_TAIL:
            nxt = page.find("\n", end + 1)
            nxt = len(page) if nxt < 0 else nxt
            line = page[end + 1 : nxt]
            if not line.strip():
                break
            rows = rows and _row_like(line)
            tail += not rows
            end = nxt
        out.append((start, end))
    return out


def _joined_parts(line: str) -> list[str] | None:
    """The parts of a line whose columns an extractor joined with single spaces,
    if it has two or three; else None. Single glyphs apart (a letter-spaced
    part) are one part, its spaces kept."""
    if not _row_like(line):
        return None
    pieces = line.split(" ")
    if len(pieces) > 3:
        merged: list[str] = []
        for k, piece in enumerate(pieces):
            if len(piece) == 1 and k and len(pieces[k - 1]) == 1:
                merged[-1] += " " + piece  # kept spaced: reflow reads a letter-spaced line as full
            else:
                merged.append(piece)
        pieces = merged
    return pieces if 2 <= len(pieces) <= 3 else None


def _joined_widths(rows: list[list[str]]) -> list[float] | None:
    """Each column's width, if the columns of ``rows`` read as columns of prose
    (wide, mostly full, punctuated, lines broken mid-sentence); else None."""
    cols = []
    full = 0
    for column in zip(*rows):
        ws = sorted(map(width, column))
        top = ws[(3 * len(ws)) // 4]
        if ws[len(ws) // 2] < MIN_JOINED_WIDTH:
            return None
        if sum(1 for part in column if _MARK.search(part)) < MIN_PROSE_SHARE * len(column):
            return None
        full += sum(1 for w in ws if w >= top - JOINED_SLACK)
        cols.append(top)
    # A part spread out by justification is rare in a column; a letter-spaced
    # run inside every line of running text makes one part of each (Hypothesis
    # find: five paragraphs, each with a spaced run, read as three columns).
    if sum(1 for row in rows if any(" " in part for part in row)) > MAX_SPREAD_SHARE * len(rows):
        return None
    parts = len(rows) * len(cols)
    if full < MIN_FULL_SHARE * parts:
        return None
    if sum(1 for row in rows for part in row if _MARK.match(part, len(part) - 1) is None) < MIN_OPEN_SHARE * parts:
        return None
    return cols


def _split_joined(lines: list[str], min_rows: int = MIN_ROWS) -> list[str] | None:
    """``lines`` with every block of space-joined columns read column by column, or None."""
    n = len(lines)
    parts = [_joined_parts(line) if line else None for line in lines]
    out: list[str] = []
    done = 0
    tried = 0  # rows up to here were judged as part of a block (once: linear)
    for i in range(n):
        if i < max(done, tried) or parts[i] is None:
            continue
        k = len(parts[i])
        j = i
        while j < n and parts[j] is not None and len(parts[j]) == k:
            j += 1
        tried = j
        cols = _joined_widths(parts[i:j]) if j - i >= min_rows else None
        if cols is None:
            continue
        columns: list[list[str]] = [[] for _ in range(k)]
        for row in parts[i:j]:
            for c, part in enumerate(row):
                columns[c].append(part)
        # The longer columns' last lines: fewer parts, none wider than its column,
        # where the first column's last line is unfinished (else a line after the
        # block is as likely what follows the columns: pdfplumber sets no blank).
        while j < n and lines[j].strip() and not is_closed(columns[0][-1]):
            tail = parts[j] or ([lines[j]] if " " not in lines[j] else None)
            if tail is None or len(tail) >= k or any(width(p) > w + JOINED_SLACK for p, w in zip(tail, cols)):
                break
            for c, part in enumerate(tail):
                columns[c].append(part)
            j += 1
        out.extend(lines[done:i])
        for column in columns:
            out.extend(column)
        done = j
    if not done:
        return None
    out.extend(lines[done:])
    return out


def _without_margin(lines: list[str], least: int = MIN_MARGIN) -> list[str] | None:
    """``lines`` less the margin every non-blank line shares, if it is ``least``
    or more (and more than none); else None. A layout-keeping extractor sets a
    page's text in from the leftmost thing printed on it (a running head, a page
    number), and every line then reads as indented; a first-line indent is what
    is left over the margin. (A margin of two is taken for the text's own indent
    of every paragraph.)"""
    # Invisible characters before the text count as margin: remove_invisible drops
    # them later, and the next clean must find no margin left (fuzz find).
    margin = min((_LEAD.match(line).end() for line in lines if line.strip()), default=0)
    if margin < max(least, 1):
        return None
    return [line[margin:] if line.strip() else "" for line in lines]


class SplitColumns(Step):
    """Read columns that an extractor printed side by side one after another, and
    take off the margin a page's lines all share (spec §2)."""

    name = "split_columns"
    # A region that holds code, a command, an option or a path is a table or an
    # option list ("--sort  按名称排序"), not columns: it is left as found.
    keeps_protected = True

    def edits(self, text: str) -> list[Edit]:
        check_text(text)
        if " " not in text:  # neither a gutter, nor a margin, nor columns joined by a space
            return []
        pages = text.split("\f")
        # Most pages have neither a gap nor two lines with a space: no line work.
        gapped = [_GAP.search(page) is not None for page in pages] if "  " in text else [False] * len(pages)
        # Space-joined rows are looked for only near three lines that hint at them.
        joined = [_joined_regions(page) for page in pages]
        if not any(gapped) and not any(page.startswith("   ") or "\n   " in page for page in pages):
            return self._joined_edits(pages, joined, [None] * len(pages))
        plain_pages = [[line[:-1] if line.endswith("\r") else line for line in page.split("\n")] for page in pages]
        found: set[int] = set()
        splits = [_split(plain, used=found) if gap else None for gap, plain in zip(gapped, plain_pages)]
        if found and len(pages) > 1:  # short pages again, with the gutters the others showed
            known = frozenset(found)
            splits = [
                _split(plain, known=known) if split is None and gap else split
                for gap, plain, split in zip(gapped, plain_pages, splits)
            ]
        out: list[Edit] = []
        pos = 0
        for page, plain, split in zip(pages, plain_pages, splits):
            if split is None and not (page.startswith("   ") or "\n   " in page):  # no margin of three
                pos += len(page) + 1
                continue
            split = _without_margin(split if split is not None else plain) or split
            if split is not None:
                lines = page.split("\n")
                ends = [line.endswith("\r") for line in lines]
                # One edit per page, trimmed to the lines that changed.
                head = 0
                while head < len(plain) and head < len(split) and plain[head] == split[head] and not ends[head]:
                    head += 1
                start = pos + sum(len(line) + 1 for line in lines[:head])
                tail = 0
                while (
                    tail < len(plain) - head and tail < len(split) - head
                    and plain[-1 - tail] == split[-1 - tail] and not ends[-1 - tail]
                ):
                    tail += 1
                end = pos + len(page) - sum(len(line) + 1 for line in lines[len(lines) - tail :])
                new = "\n".join(split[head : len(split) - tail])
                out.append(Edit(start, end, new))
            pos += len(page) + 1
        return sorted(out + self._joined_edits(pages, joined, splits), key=lambda e: e.start)

    @staticmethod
    def _joined_edits(pages: list[str], joined: list[list[tuple[int, int]]], splits: list) -> list[Edit]:
        """Edits that read space-joined columns in order, on pages no gutter split.
        Once one block shows, shorter ones (a page's last rows) need fewer rows."""
        if not any(joined):
            return []
        offsets = [0]
        for page in pages[:-1]:
            offsets.append(offsets[-1] + len(page) + 1)
        todo = [(off + a, page[a:b].split("\n")) for page, off, regions, split in zip(pages, offsets, joined, splits)
                if split is None for a, b in regions]
        done = [_split_joined(lines) for _, lines in todo]
        if any(d is not None for d in done):
            done = [d if d is not None else _split_joined(lines, MIN_ROWS_KNOWN) for d, (_, lines) in zip(done, todo)]
        out = []
        for (start, lines), new in zip(todo, done):
            if new is None:
                continue
            head = 0
            while head < len(lines) and head < len(new) and lines[head] == new[head]:
                head += 1
            tail = 0
            while tail < len(lines) - head and tail < len(new) - head and lines[-1 - tail] == new[-1 - tail]:
                tail += 1
            begin = start + sum(len(line) + 1 for line in lines[:head])
            end = start + sum(len(line) + 1 for line in lines) - 1 - sum(len(line) + 1 for line in lines[len(lines) - tail :])
            out.append(Edit(begin, end, "\n".join(new[head : len(new) - tail])))
        return out


split_columns = SplitColumns()
