"""What cleaning did to text that needed nothing: the damage measures.

Shared by ``benchmarks/damage.py`` (the full corpus) and
``tests/test_damage.py`` (the committed sample). Each measure is taken from the
input and the output alone, with rules of its own (not zhclean's), so a rule
of zhclean cannot hide its own damage:

- ``deleted``: letters and digits (Han included) the input holds more often
  than the output, compared after NFKC (full-width digits, radicals and
  compatibility forms count as the characters they become);
- ``tokens``: URLs, e-mail addresses, paths, options and dotted names or
  versions of the input that the output holds fewer times;
- ``verse``/``lists``/``tables``: lines of a poem (one or two equal phrases,
  each closed by a mark), list items (a marker at the line start) and table
  rows (cells apart by two or more spaces twice, without sentence marks, or
  box rules) of the input that no longer start a line of the output.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_WORD = re.compile(r"[^\W_]", re.UNICODE)
TOKEN = re.compile(
    r"(?:https?|ftp)://[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\"'<>“”]+[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\"'<>“”.,;:]"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|(?<![\w/.~-])(?:~|\.{1,2})?/[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+"
    r"|(?<![\w-])--?[A-Za-z][A-Za-z0-9-]{0,30}"
    r"|(?<![\w.])[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+"
    r"|(?<![\w.])\d+\.\d+\.\d+"
)
_PHRASE_MARK = "，。！？；、：,.!?;:"
_VERSE = re.compile(f"([\u4e00-\u9fff]{{4,9}})[{_PHRASE_MARK}](?:([\u4e00-\u9fff]{{4,9}})[{_PHRASE_MARK}])?")
_ITEM = re.compile(r"^\s*(?:[*+•o#-]|\d{1,3}[.)、]|[一二三四五六七八九十]{1,3}、|[（(]\d{1,2}[）)])\s+\S")
_ROW = re.compile(r"\S(?: {2,}|\t)\S.*?\S(?: {2,}|\t)\S|[│┃┌┐└┘├┤┬┴┼║]")
# A line justified by a typesetter (groff, lynx) has wide gaps too, but holds
# sentence marks; table cells seldom do.
_SENTENCE = re.compile(r"[，。；！？,;!?]")


def _words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(unicodedata.normalize("NFKC", text)))


def deleted(raw: str, clean: str) -> int:
    """Letters and digits lost."""
    before, after = _words(raw), _words(clean)
    return sum(n - after[c] for c, n in before.items() if n > after[c])


def tokens_changed(raw: str, clean: str) -> list[str]:
    """Protected-kind tokens of ``raw`` that ``clean`` holds fewer times."""
    counts = Counter(m.group() for m in TOKEN.finditer(raw))
    return [t for t, n in counts.items() if clean.count(t) < n]


_NOT_KEY = re.compile(r"[\s\"'“”‘’「」『』]+")


def _key(line: str) -> str:
    """A line's start as spacing, width and quote steps may leave it: its first
    eight characters after NFKC, without spaces or quotes."""
    return _NOT_KEY.sub("", unicodedata.normalize("NFKC", line))[:8]


def _line_starts(clean: str) -> set[str]:
    return {_key(line) for line in clean.split("\n") if line.strip()}


def _is_verse(line: str) -> bool:
    m = _VERSE.fullmatch(line)
    return m is not None and (m.group(2) is None or len(m.group(1)) == len(m.group(2)))


def breaks_removed(raw: str, clean: str) -> dict[str, int]:
    """Verse lines, list items and table rows of ``raw`` that no longer start a
    line (and, as ``<kind>_seen``, how many were looked at).

    A verse line counts only beside another of the same length (a poem's line);
    an item or a row, only where the line before it is not blank or is another
    item or row (what a reflow could join it to)."""
    starts = _line_starts(clean)
    raw_lines = raw.split("\n")
    lines = [line.strip() for line in raw_lines]
    out = {"verse": 0, "lists": 0, "tables": 0, "verse_seen": 0, "lists_seen": 0, "tables_seen": 0}
    for k, line in enumerate(lines):
        if not line or k == 0 or not lines[k - 1]:
            continue  # a line after a blank one starts a paragraph anyway
        kind = None
        if _is_verse(line) and _is_verse(lines[k - 1]) and len(line) == len(lines[k - 1]):
            kind = "verse"
        elif _ITEM.match(raw_lines[k]):
            kind = "lists"
        elif all(_ROW.search(x) and not _SENTENCE.search(x) for x in (raw_lines[k], raw_lines[k - 1])):
            kind = "tables"
        if kind is not None:
            out[kind + "_seen"] += 1
            out[kind] += _key(line) not in starts
    return out
