"""Page furniture (spec §6): running heads, page numbers, stranded headline glyphs.

Each kind is its own normaliser so it can be switched off and so ``explain()``
names what removed a line. A removed line's text is emptied but its line break is
kept: the blank line left behind is exactly the evidence reflow needs (a page or
column break), see docs/adr/0005-furniture-leaves-blank-line.md.
"""

from __future__ import annotations

from typing import Callable

import regex

from ..core import Edit, Step
from .lines import is_closed, is_label

_HAN1 = regex.compile(r"\p{Han}")
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
_DIGITS = regex.compile(r"\d+")
_END_PUNCT = regex.compile(r"[，。！？；：,.!?;:、]")



def _neighbours(stripped: list[str]) -> tuple[list[int], list[int]]:
    prev = [-1] * len(stripped)
    nxt = [-1] * len(stripped)
    last = -1
    for i, s in enumerate(stripped):
        prev[i] = last
        if s:
            last = i
    last = -1
    for i in range(len(stripped) - 1, -1, -1):
        nxt[i] = last
        if stripped[i]:
            last = i
    return prev, nxt


class DropLines(Step):
    """Empty every line that ``decide`` marks as furniture (the line break stays)."""

    def __init__(self, name: str, decide: Callable[[list[str], list[int], list[int]], list[bool]], guard: "regex.Pattern[str]") -> None:
        self.name = name
        self.decide = decide
        self.guard = guard

    def __call__(self, text: str) -> str:
        if self.guard.search(text) is None:
            return text
        return super().__call__(text)

    def edits(self, text: str) -> list[Edit]:
        if self.guard.search(text) is None:
            return []
        lines = text.split("\n")
        stripped = [line.strip() for line in lines]
        prev, nxt = _neighbours(stripped)
        drop = self.decide(stripped, prev, nxt)
        # Furniture surrounds text. Where nothing of substance would be left (a
        # JSONL field "2020", a one-character document), nothing is furniture.
        # Counted over all the text that stays, not per line: reflow joins lines,
        # and the second clean must find the same amount of substance.
        if not any(drop) or sum(len(s) - s.count(" ") for s, d in zip(stripped, drop) if not d) < MIN_TEXT:
            return []
        out: list[Edit] = []
        pos = 0
        for line, d in zip(lines, drop):
            if d and line:
                out.append(Edit(pos, pos + len(line), ""))
            pos += len(line) + 1
        return out


def _stranded(stripped: list[str], prev: list[int], nxt: list[int]) -> list[bool]:
    # Vertical headlines leave one glyph per line: 闻 / 加 / 动. Two or more such
    # lines in a row (blank lines between allowed) are dropped; a lone one only
    # where it cannot be the tail of a sentence (after a finished line or at the start).
    single = [len(s) == 1 and _HAN1.match(s) is not None for s in stripped]
    drop = [False] * len(stripped)
    i = 0
    n = len(stripped)
    while i < n:
        if not single[i]:
            i += 1
            continue
        group = [i]
        j = nxt[i]
        while j >= 0 and single[j]:
            group.append(j)
            j = nxt[j]
        p = prev[i]
        if len(group) >= 2 or p < 0 or is_closed(stripped[p]):
            for g in group:
                drop[g] = True
        i = group[-1] + 1
    return drop


def _page_numbers(stripped: list[str], prev: list[int], nxt: list[int]) -> list[bool]:
    drop = [False] * len(stripped)
    bare: list[tuple[int, int]] = []
    for i, s in enumerate(stripped):
        if not s or len(s) > 16:
            continue
        if _PAGE_NUMBER.fullmatch(s):
            drop[i] = True
        elif _BARE_NUMBER.fullmatch(s) and (prev[i] < 0 or is_closed(stripped[prev[i]])):
            bare.append((i, int(s)))
    # A bare number is a page number only as one of a run of page numbers (a
    # neighbouring value elsewhere in the text) and where no sentence runs into
    # it. Blank lines around it are no evidence: with paragraph_separator="\n\n"
    # every clean paragraph stands between blank lines, and a lone "12" or a
    # year heading is more likely text than furniture.
    values = {v for _, v in bare}
    for i, v in bare:
        if v - 1 in values or v + 1 in values or v - 2 in values or v + 2 in values:
            drop[i] = True
    return drop


def _running_heads(stripped: list[str], prev: list[int], nxt: list[int]) -> list[bool]:
    def key(s: str) -> str:
        return _DIGITS.sub("#", s)

    n = len(stripped)
    candidates = [bool(s) and len(s) <= 24 and _END_PUNCT.search(s[-1]) is None and not is_label(s) for s in stripped]
    # A running head stands at a page break: a blank line (or the start or end of
    # the text) on at least one side. A wrapped line inside a paragraph does not.
    apart = [c and (i == 0 or not stripped[i - 1] or i == n - 1 or not stripped[i + 1]) for i, c in enumerate(candidates)]
    occurrences: dict[str, list[int]] = {}
    for i, a in enumerate(apart):
        if a:
            occurrences.setdefault(key(stripped[i]), []).append(i)
    drop = [False] * n
    for i, s in enumerate(stripped):
        if candidates[i] and (_PUBLICATION.fullmatch(s) or _DATE_HEAD.fullmatch(s)):
            drop[i] = True
    for found in occurrences.values():
        if len(found) < 3:
            continue
        # A head repeats on pages with different text around it. The same line
        # in the same surroundings each time is a repeated document (or a
        # repeated passage), which is real text and stays.
        contexts = {(stripped[prev[i]] if prev[i] >= 0 else "", stripped[nxt[i]] if nxt[i] >= 0 else "") for i in found}
        # And it shows it is furniture: its page number or date changes from page
        # to page, or it interrupts a sentence somewhere (a page broke there). A
        # kicker repeated between finished paragraphs is text; so, with
        # paragraph_separator="\n\n", is every repeated clean paragraph.
        varied = len({stripped[i] for i in found}) > 1
        cuts = any(prev[i] >= 0 and not is_closed(stripped[prev[i]]) and not is_label(stripped[prev[i]]) for i in found)
        if len(contexts) >= 3 and (varied or cuts):
            for i in found:
                drop[i] = True
    return drop


drop_stranded_chars = DropLines("drop_stranded_chars", _stranded, regex.compile(r"(?m)^[^\S\n]*\p{Han}[^\S\n]*$"))
drop_page_numbers = DropLines("drop_page_numbers", _page_numbers, regex.compile(r"(?m)^[^\S\n]*(?:\d|[-－—–第Pp])"))
# A running head repeats next to page breaks (blank lines) or names a
# publication or a dated page; text with neither has none to look for.
drop_running_heads = DropLines(
    "drop_running_heads",
    _running_heads,
    regex.compile(r"\n[^\S\n]*\n|日报|晚报|早报|周刊|专刊|副刊|时报|周报|月刊|导报|商报|星期|周[一二三四五六日天]"),
)
