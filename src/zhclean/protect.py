"""Protected spans (spec §0): text that no layout or punctuation step may change.

Technical Chinese text carries commands, options, paths, URLs, code and
literal marks. Each normaliser would otherwise have to recognise them on its
own; instead they are found once, here, and the pipeline withholds every edit
of a protecting step (``Normalizer.keeps_protected``) that touches one (see
``Pipeline``). A span is one of:

==============  ==============================================================
kind            what
==============  ==============================================================
``url``         ``https://…``, ``ftp://…``, ``www.…``; an e-mail address
``path``        ``/usr/bin``, ``~/x``, ``./a``, ``build/release``, ``C:\\x``
``option``      ``-l``, ``--sort``, ``--color=auto`` after a space, a bracket or a line start
``dotted``      dotted names and versions: ``us.map.gz``, ``os.path``, ``v2.3.1``
``literal``     a mark quoted alone (``“.”``, ``“--”``), ``.`` or ``..`` set apart by spaces
``code``        inline code in backticks
``command``     a prompt line (``$ …``, ``# cmd``, ``>>> …``) and the output under it
``block``       an indented code block (mostly ASCII, 4+ spaces or a tab), a fenced block
``table``       a line of a box-drawing or Markdown table
``marker``      a heading or list marker at a line start (``#``, ``-``, ``1.``)
==============  ==============================================================

Inline spans take one space on each side with them (``指定 --sort，``): a space
that separates a protected span from Chinese stays, whatever the CJK-Latin
spacing policy. Line spans (command, block, table) take the line breaks around
them, so reflow neither joins them to their neighbours nor joins their lines.

Every kind is found from a literal it cannot do without (``://``, ``@``, ``/``,
``-``, ``.``, a quote, a line break, a box rule), which the regex engines find by
a fast scan, and only then matched in full where one stands: a pattern that
opens with a lookbehind or an alternation is tried at every position (the
first version cost 50x one regex pass on the seeds' text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Span", "LINE_BLOCKS", "protected_spans"]

# Kinds of span that are whole lines (with the line breaks around them).
LINE_BLOCKS = frozenset({"command", "block", "table"})


@dataclass(frozen=True, slots=True)
class Span:
    """``text[start:end]`` is protected, as a ``kind`` (see the module's table)."""

    start: int
    end: int
    kind: str


# Characters that end a URL or path: space, Chinese punctuation and brackets,
# quotes, Han, full-width forms.
_STOP = "\\s<>\"'“”‘’（）()，。、；：！？《》【】「」\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_URL = re.compile(f"(?:(?:https?|ftp|file)://|www\\.)[^{_STOP}]*[^{_STOP}.,;:!?]")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# A path: ASCII segments joined by slashes, with a letter somewhere (2/3 and
# 2020/03/04 are numbers), or a rooted path; never ending in a sentence mark.
_PATH = re.compile(
    r"(?<![A-Za-z0-9_.~+-])(?:[A-Za-z]:\\[A-Za-z0-9_.\\-]+"
    r"|(?:~|\.{1,2})?/[A-Za-z0-9_.~+-]+(?:/[A-Za-z0-9_.~+-]*)*"
    r"|[A-Za-z0-9_.~+-]+(?:/[A-Za-z0-9_.~+-]+)+/?)"
)
_LETTER = re.compile(r"[A-Za-z]")
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_PROMPT = re.compile(r"^([ \t]*)(?:\$|#|>>>|%)[ \t]+[A-Za-z0-9./~\[\-_'\"]", re.M)
_INDENTED = re.compile(r"^(?: {4,}|\t)[^\n]*\S", re.M)
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)", re.M)
# Box rules but the plain horizontal one, which Chinese text also uses as a dash (──).
_BOX = re.compile(r"[│┃┌┐└┘├┤┬┴┼═║╔╗╚╝]")
_MD_TABLE = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)
# (A hyphen before a number is a page number's, "- 12 -", not a list marker.)
_MARKER = re.compile(r"^[ \t]*(?:#{1,6}|[-*+](?! \d)|\d{1,3}(?:\.\d{1,3})*[.)])(?= )", re.M)

# A line of code is at least this share ASCII (of what is not a space): Chinese
# prose indented by an extractor is not code.
CODE_ASCII_SHARE = 0.6
# ... and holds a mark that code has and English prose seldom does (an English
# sentence a text browser set in is no code). Judged on the line alone, so the
# next clean, which finds the line unchanged, judges it the same.
_CODE_MARK = re.compile(r"[{}()<>;=$\\|&_/#*`\[\]]|^\s*[a-z][\w.-]* +-")


def _ascii_share(line: str) -> float:
    chars = line.replace(" ", "").replace("\t", "")
    return sum(1 for c in chars if c < "\x80") / len(chars) if chars else 0.0


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


# Line starts worth a look, in one scan (two scans of line starts cost as much
# as one of every character): a list or heading marker (group "marker"), or
# where a line block may start: a fence, a prompt, a line set in by four spaces
# or a tab, a Markdown table row. A marker line is looked at as a block start
# too ("# " is a heading and a root prompt).
_LINE_START = re.compile(
    r"\n(?:(?P<marker>[ \t]*(?:#{1,6}|[-*+](?! \d)|\d{1,3}(?:\.\d{1,3})*[.)])(?= ))"
    r"|[ \t]*(?:```|~~~|(?:\$|#|>>>|%)[ \t])| {4,}\S|\t|[ \t]*\|)"
)


class _Lines:
    """Lines of ``text`` looked up from a position, without splitting the whole text."""

    def __init__(self, text: str) -> None:
        self.text = text

    def end(self, start: int) -> int:
        """Where the line starting at ``start`` ends (its newline, or the text's end)."""
        e = self.text.find("\n", start)
        return len(self.text) if e < 0 else e

    def line(self, start: int) -> str:
        return self.text[start : self.end(start)]


def _block_end(lines: _Lines, start: int, kind: str, first: str) -> int:
    """The start of the first line after the block that begins at ``start``."""
    text = lines.text
    n = len(text)

    def following(pos: int):
        while pos < n:
            nxt = lines.end(pos) + 1
            if nxt > n:
                return
            yield nxt, lines.line(nxt) if nxt < n else ""
            pos = nxt

    pos = lines.end(start) + 1
    if kind == "fence":
        # To the closing fence; an unclosed one to the end of its block.
        for nxt, line in following(start):
            if _FENCE.match(line):
                return lines.end(nxt) + 1
            if not line.strip() or nxt >= n:
                return nxt
        return n + 1
    if kind == "command":
        indent = _indent(first)
        for nxt, line in following(start):
            # The output under a prompt: the lines after it, as far set in, up to
            # a blank line; under a prompt at the margin, mostly ASCII lines.
            if nxt >= n or not line.strip() or not (
                _PROMPT.match(line) or _indent(line) >= indent > 0
                or (indent == 0 and _ascii_share(line) >= CODE_ASCII_SHARE)
            ):
                return nxt
        return n + 1
    if kind == "indented":
        # Over lines set in as far, and over blank lines followed by such a line.
        last = pos
        for nxt, line in following(start):
            if nxt >= n:
                break
            if _indent(line) >= _indent(first) and line.strip():
                last = lines.end(nxt) + 1
            elif line.strip():
                break
        return last
    # A table: while lines hold box rules or are Markdown rows.
    for nxt, line in following(start):
        if nxt >= n or not (_BOX.search(line) or _MD_TABLE.match(line)):
            return nxt
    return n + 1


_CJK_SENTENCE = re.compile(r"[，。；！？、]")


def _is_code(line: str) -> bool:
    """An indented line of code: mostly ASCII, with a mark of code, no Chinese
    sentence marks, not a list item (a list item with a URL is mostly ASCII)."""
    return (
        _ascii_share(line) >= CODE_ASCII_SHARE
        and _CODE_MARK.search(line) is not None
        and _CJK_SENTENCE.search(line) is None
        and _MARKER.match(line) is None
    )


def _line_starts(text: str) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Where a line block may start, and the list and heading markers."""
    starts = [0]
    markers = []
    first = _MARKER.match(text)
    if first is not None:
        markers.append((_indent(first.group()), first.end(), "marker"))
    for m in _LINE_START.finditer(text):
        starts.append(m.start() + 1)
        if m.group("marker") is not None:
            markers.append((m.start() + 1 + _indent(m.group("marker")), m.end(), "marker"))
    return starts, markers


def _line_spans(text: str, starts: list[int]) -> list[tuple[int, int, str]]:
    """Line-block spans (command, block, table), with the line breaks around
    them, looked for at ``starts`` and at every line with a box rule."""
    lines = _Lines(text)
    out: list[tuple[int, int, str]] = []
    done = 0
    # (A table drawn with box rules has a vertical one: three 'in' scans decide
    # whether the class scan, which costs half a regex pass, is needed.)
    if "│" in text or "║" in text or "┃" in text:
        starts.extend(text.rfind("\n", 0, m.start()) + 1 for m in _BOX.finditer(text))
    for start in sorted(set(starts)):
        if start < done:
            continue
        first = lines.line(start)
        if _FENCE.match(first):
            kind, name = "fence", "block"
        elif _PROMPT.match(first):
            kind, name = "command", "command"
        elif _INDENTED.match(first) and _is_code(first):
            kind, name = "indented", "block"
        elif _BOX.search(first) or _MD_TABLE.match(first):
            kind, name = "table", "table"
        else:
            continue
        end = min(_block_end(lines, start, kind, first), len(text) + 1)
        done = end
        # With the line breaks around the block: reflow may not join across them.
        out.append((max(0, start - 1), min(len(text), end), name))
    return out


def _with_spaces(text: str, start: int, end: int) -> tuple[int, int]:
    """The span with the one space that separates it from a word on each side,
    where there is one: not an indent, nor spaces before a line break (which
    reflow and spacing remove as they would anywhere)."""
    if start >= 2 and text[start - 1] == " " and not text[start - 2].isspace():
        start -= 1
    if end + 1 < len(text) and text[end] == " " and not text[end + 1].isspace():
        end += 1
    return start, end


# The literal each inline kind is found from, and what may stand before it.
_SCHEME_ANCHOR = re.compile("://")
_WWW_ANCHOR = re.compile(r"www\.")
_SCHEME_BACK = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_EMAIL_BACK = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_PATH_ANCHORS = (re.compile("/"), re.compile(r":\\"))
_PATH_BACK = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.~+-:")
# An option: one or two hyphens and a letter after a space, a bracket, a quote
# or a line start (Wi-Fi, COVID-19 and 2-4 are none). After Chinese (a Han
# character or a Chinese mark, with or without spaces between: spacing removes
# them, and the next clean must find the same option), "-" and a letter
# ("给出了-p 选项"), or "--" and a lower-case word ("指定--quiet"), since
# Chinese text uses "--" as a dash before Chinese, not before a Latin word.
_OPTION_ANCHOR = re.compile(r"--?[A-Za-z]")
_OPTION_FULL = re.compile(r"--?[A-Za-z][A-Za-z0-9_-]*(?:=[^\s，。；、）)]+)?")
_LONG_OPTION = re.compile(r"--[a-z][a-z0-9_-]+(?:=[^\s，。；、）)]+)?")
_OPTION_BEFORE = frozenset(" \t\n\r\f\v([{'\"")
_SPACE_BEFORE = frozenset(" \t\n\r\f\v")


def _is_chinese(c: str) -> bool:
    # Han, CJK marks and full-width forms, and the general punctuation Chinese
    # uses (curly quotes, ellipsis, dash, middle dot).
    return c >= "\u2e80" or c in "“”‘’…⋯—·"


# Dotted names (a letter on both sides of a dot) and versions (two dots or more).
_DOT_ANCHOR = re.compile(r"\.(?=[A-Za-z0-9_])")
_DOTTED_BACK = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
_DOTTED_FULL = re.compile(r"(?:[vV]?\d+(?:\.\d+){2,}|[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)+)(?![A-Za-z0-9_])")
_NOT_BEFORE_DOTTED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.")
# A mark quoted on its own (“.”, 「--」), or . and .. set apart by spaces.
# One pattern per opening quote: each starts with a literal, which the
# engine finds at memchr speed (a class at the start is tried at every character,
# twice the time).
_QUOTED_MARKS = tuple((q, re.compile(f"({q})([.\\-,;:!?]{{1,3}})([”’」』'\"])")) for q in "“‘「『'\"")
_CURLY_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』"}
_STRAIGHT_BEFORE = frozenset(" \t\n(（[，、：；。")
_STRAIGHT_AFTER = frozenset(" \t\n)）]，、：；。")
# ".." set apart before Chinese too: spacing joins "文件 ..   文件名" so, and the
# next clean must find the same literal (a lone "." before Chinese is a period).
_SPACED_DOT = re.compile(r" (\.\.?)(?= |\n|$)| (\.\.)(?=[\u4e00-\u9fff])")


def _back(text: str, i: int, chars: frozenset[str]) -> int:
    """The start of the run of ``chars`` that ends at ``i``."""
    while i > 0 and text[i - 1] in chars:
        i -= 1
    return i


def _urls(text: str):
    done = -1
    anchors = [(m.start(), m.group()) for m in _SCHEME_ANCHOR.finditer(text)]
    if "www." in text:
        anchors = sorted(anchors + [(m.start(), m.group()) for m in _WWW_ANCHOR.finditer(text)])
    for at, anchor in anchors:
        if at < done:
            continue
        start = _back(text, at, _SCHEME_BACK) if anchor == "://" else at
        full = _URL.match(text, start)
        if full is not None:
            done = full.end()
            yield full.start(), full.end(), "url"
    if "@" in text:
        for m in re.finditer("@", text):
            full = _EMAIL.match(text, _back(text, m.start(), _EMAIL_BACK))
            if full is not None and full.end() > m.start():
                yield full.start(), full.end(), "url"


def _paths(text: str):
    done = -1
    anchors = sorted(m.start() for anchor in _PATH_ANCHORS for m in anchor.finditer(text))
    for at in anchors:
        if at < done:
            continue
        start = _back(text, at, _PATH_BACK)
        full = _PATH.match(text, start)
        if full is None and text.startswith(":", start):
            continue
        if full is None or full.end() <= at:
            continue
        done = full.end()
        found = full.group()
        # A letter somewhere, or a rooted path: 2/3 and 2020/03/04 are numbers.
        if _LETTER.search(found) is not None or found.startswith(("/", "~", ".")):
            yield full.start(), full.end(), "path"


def _options(text: str):
    for m in _OPTION_ANCHOR.finditer(text):
        p = m.start()
        before = text[p - 1] if p else "\n"
        if before == "-":
            continue
        q = p - 1
        while q >= 0 and text[q] in _SPACE_BEFORE:
            q -= 1
        if q >= 0 and _is_chinese(text[q]):
            full = _LONG_OPTION.match(text, p) if text.startswith("--", p) else _OPTION_FULL.match(text, p)
        elif before in _OPTION_BEFORE:
            full = _OPTION_FULL.match(text, p)
        else:
            continue
        if full is not None:
            yield p, full.end(), "option"


def _dotted(text: str):
    done = -1
    for m in _DOT_ANCHOR.finditer(text):
        if m.start() < done:
            continue
        start = _back(text, m.start(), _DOTTED_BACK)
        if start and text[start - 1] in _NOT_BEFORE_DOTTED:
            continue
        full = _DOTTED_FULL.match(text, start)
        if full is not None and full.end() > m.start():
            done = full.end()
            yield start, full.end(), "dotted"


def _literals(text: str):
    for m in (m for q, pattern in _QUOTED_MARKS if q in text for m in pattern.finditer(text)):
        opening, closing = m.group(1), m.group(3)
        if opening in _CURLY_PAIRS:
            if _CURLY_PAIRS[opening] != closing:
                continue
        elif opening != closing or (m.start() and text[m.start() - 1] not in _STRAIGHT_BEFORE) or (
            m.end() < len(text) and text[m.end()] not in _STRAIGHT_AFTER
        ):
            continue  # between a closing and an opening straight quote: '"隔离区","送餐"'
        yield m.start(2), m.end(2), "literal"
    for m in _SPACED_DOT.finditer(text):
        # A lone '.' after a word (in letter-spaced text, "5 . 2", every glyph stands alone).
        if m.group(1) == "." and (m.start() < 2 or text[m.start() - 1].isspace() or text[m.start() - 2].isspace()):
            continue
        yield m.start(m.lastindex), m.end(m.lastindex), "literal"


def _code(text: str):
    if "`" in text:
        for m in _INLINE_CODE.finditer(text):
            yield m.start(), m.end(), "code"


# Every kind but a box-drawn table needs a printable ASCII character.
_ASCII = re.compile(r"[!-~]")


def protected_spans(text: str) -> list[Span]:
    """The protected spans of ``text``, sorted, overlapping ones merged."""
    if _ASCII.search(text) is None and "│" not in text and "║" not in text and "┃" not in text:
        return []  # (one class scan and three 'in' scans: text without ASCII costs about nothing)
    starts, markers = _line_starts(text)
    found = _line_spans(text, starts)
    for finder in (_urls, _paths, _options, _dotted, _literals, _code):
        found.extend((*_with_spaces(text, a, b), kind) for a, b, kind in finder(text))
    # The marker alone: not the indent (reflow's evidence of paragraphs), nor the
    # space after it, which spacing keeps as one (ADR 0009).
    found.extend(markers)
    if not found:
        return []
    found.sort()
    merged: list[Span] = []
    for start, end, kind in found:
        if merged and start < merged[-1].end:
            last = merged[-1]
            if end > last.end or kind in LINE_BLOCKS:
                # A span that holds a line block is a line block.
                merged[-1] = Span(last.start, max(end, last.end), kind if kind in LINE_BLOCKS else last.kind)
            continue
        merged.append(Span(start, end, kind))
    return merged
