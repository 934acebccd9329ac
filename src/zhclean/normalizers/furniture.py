"""Page furniture (spec §6): running heads, page numbers, stranded headline glyphs.

Each kind is its own normaliser so it can be switched off and so ``explain()``
names what removed a line. A removed line's text is emptied but its line break is
kept: the blank line left behind is exactly the evidence reflow needs (a page or
column break), see docs/adr/0005-furniture-leaves-blank-line.md.
"""

from __future__ import annotations

from itertools import accumulate
from typing import Callable

import regex

from ..chars import QUOTE_FORMS
from ..core import Edit, Step
from .lines import is_closed, is_label, is_lone_glyph, width

# Length of a line that counts as text of substance beside furniture.
MIN_TEXT = 5
_PAGE_NUMBER = regex.compile(
    r"[-－—–]\s*\d{1,4}\s*[-－—–]"
    r"|第\s*[\d一二三四五六七八九十]{1,4}\s*[版页]"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:[Pp]age|P\.?)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
)
_BARE_NUMBER = regex.compile(r"[0-9]{1,3}")  # pages, not years
_PUBLICATION = regex.compile(r"\p{Han}{1,10}(?:日报|晚报|早报|周刊|专刊|副刊|时报|周报|月刊|导报|商报)")
_DATE_HEAD = regex.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天]")
_HEAD_WORDS = regex.compile(r"日报|晚报|早报|周刊|专刊|副刊|时报|周报|月刊|导报|商报|星期|周[一二三四五六日天]")
_DIGITS = regex.compile(r"\d+")
_END_PUNCT = regex.compile(r"[，。！？；：,.!?;:、]")
_SPACE = regex.compile(r"\s+")
# Characters (not spaces) between two occurrences of a running head: a page.
PAGE_TEXT = 200
# The text between two occurrences of a running head varies by at most this
# factor (full pages; the first and last, partial, lie outside the occurrences).
PAGE_SPREAD = 2.0
# Characters on each side that make a repeated line's surroundings.
CONTEXT = 16


_HAN = regex.compile(r"\p{Han}")
_QUOTES = regex.compile(f"[{regex.escape(QUOTE_FORMS)}]+")


def _unquoted(line: str) -> str:
    return _QUOTES.sub("", line)


class _Neighbours:
    """The nearest non-blank line before and after a line (-1: none), found when
    asked by walking over blank lines. Callers ask only about candidate lines, so
    a text costs nothing per line (two lists built by a Python loop cost more than
    the decisions); the walks from distinct non-blank lines cover distinct blank
    runs, so they stay linear. Lines marked in ``gone`` count as blank."""

    __slots__ = ("lines", "gone")

    def __init__(self, lines: list[str], gone: list[bool] | None = None) -> None:
        self.lines = lines
        self.gone = gone

    def prev(self, i: int) -> int:
        lines, gone = self.lines, self.gone
        i -= 1
        while i >= 0 and (not lines[i] or (gone is not None and gone[i])):
            i -= 1
        return i

    def next(self, i: int) -> int:
        lines, gone = self.lines, self.gone
        n = len(lines)
        i += 1
        while i < n and (not lines[i] or (gone is not None and gone[i])):
            i += 1
        return i if i < n else -1


def _substance(s: str) -> int:
    return len(s) - s.count(" ") - s.count("…") - s.count("⋯")


class DropLines(Step):
    """Empty every line that ``decide`` marks as furniture (the line break stays)."""

    keeps_protected = True
    deletes_text = True

    def __init__(self, name: str, decide: Callable[[list[str], _Neighbours], list[bool]], guard: Callable[[str], bool]) -> None:
        self.name = name
        self.decide = decide
        self.guard = guard

    def __call__(self, text: str) -> str:
        if not self.guard(text):
            return text
        return super().__call__(text)

    def edits(self, text: str) -> list[Edit]:
        if not self.guard(text):
            return []
        lines = text.split("\n")
        stripped = [line.strip() for line in lines]
        drop = self.decide(stripped, _Neighbours(stripped))
        # Furniture surrounds text. Where nothing of substance would be left (a
        # JSONL field "2020", a one-character document), nothing is furniture.
        # Counted over all the text that stays, not per line: reflow joins lines,
        # and the second clean must find the same amount of substance.
        if not any(drop):
            return []
        # Without spaces and ellipsis dots, which later steps add ('…' becomes '……'):
        # the next clean must not count more substance than this one (fuzz find).
        dropped = sum(_substance(s) for s, d in zip(stripped, drop) if d)
        if _substance("".join(stripped)) - dropped < MIN_TEXT:
            return []
        out: list[Edit] = []
        pos = 0
        for line, d in zip(lines, drop):
            if d and line:
                out.append(Edit(pos, pos + len(line), ""))
            pos += len(line) + 1
        return out


# A vertical headline is at most this many glyphs; a longer run of one-glyph
# lines is a line of text an extractor printed a glyph per line.
MAX_VERTICAL = 8


def _stranded(stripped: list[str], around: _Neighbours) -> list[bool]:
    # Vertical headlines leave one glyph per line: 闻 / 加 / 动. A run of such
    # lines (blank lines between allowed) is dropped only where it is one:
    # - two glyphs or more (a lone one is as likely a one-word line: 去 / 好);
    # - Han glyphs only, at most MAX_VERTICAL of them: a digit or a mark among
    #   them, or a longer run, is a line of text printed a glyph per line
    #   (PyMuPDF prints a distributed 分散对齐 line so);
    # - not reading on from an unfinished sentence before it: there it is that
    #   sentence's distributed last line, which reflow joins to it.
    single = [len(s) == 1 for s in stripped]
    drop = [False] * len(stripped)
    i = 0
    n = len(stripped)
    while i < n:
        if not single[i]:
            i += 1
            continue
        group = [i]
        j = around.next(i)
        while j >= 0 and single[j]:
            group.append(j)
            j = around.next(j)
        p = around.prev(i)
        if (
            2 <= len(group) <= MAX_VERTICAL
            and all(is_lone_glyph(stripped[g]) for g in group)
            and (p < 0 or is_closed(stripped[p]))
        ):
            for g in group:
                drop[g] = True
        i = group[-1] + 1
    return drop


def _page_numbers(stripped: list[str], around: _Neighbours) -> list[bool]:
    drop = [False] * len(stripped)
    bare: list[tuple[int, int]] = []
    for i, s in enumerate(stripped):
        if not s or len(s) > 16:
            continue
        if _PAGE_NUMBER.fullmatch(s):
            drop[i] = True
        elif _BARE_NUMBER.fullmatch(s) and ((p := around.prev(i)) < 0 or is_closed(stripped[p])):
            bare.append((i, int(s)))
    # A bare number is a page number only as one of a run of page numbers (a
    # neighbouring value a page of text away) and where no sentence runs into
    # it. Blank lines around it are no evidence: with paragraph_separator="\n\n"
    # every clean paragraph stands between blank lines, and a lone "12" or a
    # year heading is more likely text than furniture; nor are numbers close
    # together (a command's output, a list's numbers, a table's column).
    if len(bare) < 2:
        return drop
    sizes = [0, *accumulate(len(s) for s in stripped)]
    at = {v: i for i, v in bare}
    for i, v in bare:
        for w in (v - 2, v - 1, v + 1, v + 2):
            k = at.get(w)
            if k is not None and abs(sizes[max(i, k)] - sizes[min(i, k) + 1]) >= PAGE_TEXT:
                drop[i] = True
                break
    return drop


def _key(s: str) -> str:
    # Spacing and page numbers vary from page to page; the head is the rest.
    return _DIGITS.sub("#", _SPACE.sub("", s))


def _is_head_like(s: str) -> bool:
    # A head is a title: it ends in no mark, not even inside closing brackets
    # ("(注：我为它添加了行号。)" is a sentence).
    return _END_PUNCT.search(s[-1]) is None and not is_closed(s) and not is_label(s)


def _running_heads(stripped: list[str], around: _Neighbours) -> list[bool]:
    n = len(stripped)
    drop = [False] * n
    # Short lines grouped by text first, so each distinct line is judged once.
    by_line: dict[str, list[int]] = {}
    for i, s in enumerate(stripped):
        if s and len(s) <= 24:
            by_line.setdefault(s, []).append(i)
    shaped = _HEAD_WORDS.search("\n".join(by_line)) is not None
    occurrences: dict[str, list[int]] = {}
    for s, found in by_line.items():
        if not _is_head_like(s):
            continue
        if shaped and (_PUBLICATION.fullmatch(s) or _DATE_HEAD.fullmatch(s)):
            for i in found:
                drop[i] = True
        elif _HAN.search(s) is not None:
            # Without pages (\f, see drop_page_heads) a repeated line is a head
            # only in Chinese: an ASCII line that comes back (a code line of every
            # example, a navigation line) is the text's own.
            occurrences.setdefault(_key(s), []).extend(found)
    repeated = [sorted(found) for found in occurrences.values() if len(found) >= 3]
    if not repeated:
        return drop
    # Characters on each line: the text between two occurrences is a page.
    # Counted without spaces and ellipsis dots, the only things later steps
    # add ("…" becomes "……"), so a second clean never counts more between two
    # lines than the first did. str.replace: a regex over every mark costs 12x.
    sizes = list(map(len, "\n".join(stripped).replace(" ", "").replace("…", "").replace("⋯", "").split("\n")))
    # Judged again, without the lines just dropped, until nothing more goes: a
    # head of two lines (a section line over a page line) is each the other's
    # neighbour, and the next clean sees one without the other (fuzz find).
    pending = repeated
    while pending:
        if any(drop):
            around = _Neighbours(stripped, drop)
        before = [0, *accumulate(0 if d else k for k, d in zip(sizes, drop))]
        heads = [_is_head(found, stripped, around, before) for found in pending]
        if not any(heads):
            break
        for found, head in zip(pending, heads):
            if head:
                for i in found:
                    drop[i] = True
        pending = [found for found, head in zip(pending, heads) if not head]
    return drop


def _is_head(found: list[int], stripped: list[str], around: _Neighbours, before: list[int]) -> bool:
    # Blank lines are no evidence either way: a head may stand without them
    # in extracted text, and with paragraph_separator="\n\n" every clean
    # paragraph stands between them (see ADR 0005).
    # A head repeats once a page, and a page holds text: a refrain, a poem's
    # repeated line or a heading over short sections repeats sooner.
    # A head printed twice with nothing between (doubled by the extractor) is one
    # occurrence: reflow puts the two on one line and undo_fake_bold makes them
    # one, so the next clean counts one (fuzz find).
    firsts, lasts = [found[0]], [found[0]]
    for a, b in zip(found, found[1:]):
        if before[b] == before[a + 1]:
            lasts[-1] = b
        else:
            firsts.append(b)
            lasts.append(b)
    if len(firsts) < 3:
        return False
    gaps = [before[b] - before[a + 1] for a, b in zip(lasts, firsts[1:])]
    if min(gaps) < PAGE_TEXT:
        return False
    # Pages of one document hold about as much text each; a line that comes
    # back at uneven distances is the text's own (a code line in every example
    # of a manual, a note, a navigation line between sections of any length).
    if max(gaps) > PAGE_SPREAD * min(gaps):
        return False
    # The same line in the same surroundings each time is a repeated
    # document (or passage), which is real text. Surroundings are the end of
    # the line before and the start of the line after: reflow joins lines onto
    # the start of the one before and the end of the one after, so these stay
    # the same on the next clean (whole lines did not: fuzz find).
    # Without quotes: a straight pair across two copies of one sentence curls as
    # “疫” in one and ”疫“ in the other, and the next clean must see as many
    # distinct contexts as this one (fuzz find).
    # (Three distinct surroundings are enough: stop looking there.)
    # (Neighbours seen before give a context seen before: a repeated document
    # repeats them, and comparing lines is cheaper than cutting contexts.)
    contexts: set[tuple[str, str]] = set()
    seen: set[tuple[str, str]] = set()
    for i, j in zip(firsts, lasts):
        p, q = around.prev(i), around.next(j)
        pair = (stripped[p] if p >= 0 else "", stripped[q] if q >= 0 else "")
        if pair in seen:
            continue
        seen.add(pair)
        contexts.add((_unquoted(pair[0])[-CONTEXT:], _unquoted(pair[1])[:CONTEXT]))
        if len(contexts) == 3:
            break
    else:
        return False
    # A page breaks wherever the text happens to be, most often inside a
    # sentence, so at least half the time the head interrupts one (a head at
    # the top of the text follows nothing, and counts neither way). A kicker, a
    # numbered heading ("第1条") or a note's title ("[提示] 提示") comes after a
    # finished paragraph nearly every time, even when its digits change.
    # A line that numbers its pages in order ("第3版", "- 12 -") is itself
    # evidence of pages, and one interruption is enough.
    before_each = [stripped[p] for p in map(around.prev, firsts) if p >= 0]
    interrupting = sum(1 for s in before_each if not is_closed(s) and not is_label(s))
    if interrupting == 0:
        return False
    return _numbers_pages([stripped[i] for i in firsts]) or 2 * interrupting >= len(before_each)


def _numbers_pages(lines: list[str]) -> bool:
    # Each occurrence holds a page number, and the numbers rise through the text.
    # (Pages numbered in Chinese numerals are not read: their lines keep the
    # stricter rule above.)
    numbers = []
    for s in lines:
        page = _PAGE_NUMBER.search(s)
        digits = _DIGITS.search(page.group()) if page is not None else None
        if digits is None:
            return False
        numbers.append(int(digits.group()))
    return all(a < b for a, b in zip(numbers, numbers[1:]))


_STRANDED_GUARD = regex.compile(r"(?m)^[^\S\n]*\p{Han}[^\S\n]*$")
_PAGE_GUARD = regex.compile(r"(?m)^[^\S\n]*(?:\d|[-－—–第Pp])")
drop_stranded_chars = DropLines("drop_stranded_chars", _stranded, lambda t: _STRANDED_GUARD.search(t) is not None)
drop_page_numbers = DropLines("drop_page_numbers", _page_numbers, lambda t: _PAGE_GUARD.search(t) is not None)
# A running head names a publication or a dated page, or repeats once a page
# over at least three pages; shorter text without those words has none.
drop_running_heads = DropLines(
    "drop_running_heads",
    _running_heads,
    lambda t: len(t) >= 2 * PAGE_TEXT or _HEAD_WORDS.search(t) is not None,
)


# Pages (pdftotext and its kin end every page with \f). A short unfinished line at
# the same edge of every page, or of all pages but one, is a running head or foot; so is
# a short unfinished line found exactly once on each of those pages wherever the
# extractor put it (a browser's URL footer lands mid-page in reading order). Also
# where there are too few pages for drop_running_heads to see a head repeat: a
# 2-page text. Runs before \f becomes a line break (whitespace.normalize_newlines).
EDGE_LINES = 2  # non-blank lines at the top and at the bottom of a page
# Printed width (ASCII half) without spaces: wider lines are text. Width, not
# characters: a browser's foot is the page's URL, often longer than 40 ASCII
# characters (pdfplumber sets it and the page count on one line; real find).
EDGE_MAX = 40


def _page_furniture(pages: list[list[str]]) -> list[list[int]]:
    """For each page, the indices of its lines that are furniture."""
    filled_pages = sum(1 for lines in pages if any(line.strip() for line in lines))
    need = max(2, filled_pages - 1)
    edge_count: dict[tuple[str, int, str], int] = {}
    page_count: dict[str, int] = {}
    edges = []
    keys = []
    for lines in pages:
        filled = [k for k, line in enumerate(lines) if line.strip()]
        page_edges = [("top", n, k) for n, k in enumerate(filled[:EDGE_LINES])]
        page_edges += [("bottom", n, k) for n, k in enumerate(reversed(filled[-EDGE_LINES:]))]
        page_edges = [
            (side, n, k) for side, n, k in page_edges
            if width(_key(lines[k])) <= EDGE_MAX and _is_head_like(lines[k].strip())
        ]
        edges.append(page_edges)
        for side, n, k in set(page_edges):
            key = (side, n, _key(lines[k].strip()))
            edge_count[key] = edge_count.get(key, 0) + 1
        short = {}
        for k in filled:
            st = lines[k].strip()
            if width(_key(st)) <= EDGE_MAX and _is_head_like(st):
                short.setdefault(_key(st), []).append(k)
        keys.append(short)
        for key, found in short.items():
            if len(found) == 1:
                page_count[key] = page_count.get(key, 0) + 1
    out = []
    for lines, page_edges, short in zip(pages, edges, keys):
        drop = {k for side, n, k in page_edges if edge_count[(side, n, _key(lines[k].strip()))] >= need}
        drop.update(found[0] for key, found in short.items() if len(found) == 1 and page_count[key] >= need)
        out.append(sorted(drop))
    return out


class DropPageHeads(Step):
    """Empty the short lines that every page (``\f``-separated) repeats once, the line break kept."""

    name = "drop_page_heads"

    def edits(self, text: str) -> list[Edit]:
        if "\f" not in text:
            return []
        pages = [page.split("\n") for page in text.split("\f")]
        if sum(1 for lines in pages if any(line.strip() for line in lines)) < 2:
            return []
        out: list[Edit] = []
        pos = 0
        for lines, drop in zip(pages, _page_furniture(pages)):
            starts = [0, *accumulate(len(line) + 1 for line in lines)]
            for k in drop:
                if lines[k]:
                    out.append(Edit(pos + starts[k], pos + starts[k] + len(lines[k]), ""))
            pos += starts[-1]  # the page, its newlines and the \f after it
        # Nothing of substance left: nothing is furniture (as for DropLines).
        dropped = sum(_substance(text[e.start:e.end].strip()) for e in out)
        if _substance(_SPACE.sub("", text)) - dropped < MIN_TEXT:
            return []
        return out


drop_page_heads = DropPageHeads()
