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

Everything is found by regex scans; text without ASCII letters, ``/``, ``.``,
backticks, box rules or indented lines is answered by one cheap search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Span", "LINE_BLOCKS", "protected_spans", "could_protect"]

# Kinds of span that are whole lines (with the line breaks around them).
LINE_BLOCKS = frozenset({"command", "block", "table"})


@dataclass(frozen=True, slots=True)
class Span:
    """``text[start:end]`` is protected, as a ``kind`` (see the module's table)."""

    start: int
    end: int
    kind: str


# What any span needs at least one of: a Latin letter, a digit beside a dot, a
# slash, a backtick, a mark quoted or spaced alone, a box rule, a line set in
# by four spaces or a tab. Text without (most Chinese prose) costs one search.
_ANY = re.compile(r"[A-Za-z/`│┃┌┐└┘├┤┬┴┼═║╔╗╚╝]|\d\.\d|[“‘'\" ][.\-,;:!?]{1,3}[”’'\" \n]|(?m:^(?: {4}|\t))")

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
# An option: one or two hyphens and a letter, after a space, a bracket, a quote
# or a line start (so Wi-Fi and COVID-19 are no options, nor 2-4).
# After Chinese too, a double hyphen and a lower-case word: Chinese text uses
# "--" for a dash, but before Chinese, not before a Latin word ("指定--quiet").
_OPTION = re.compile(
    r"(?:(?<=[\s(\[{（“‘'\"，、：；。])|^)--?[A-Za-z][A-Za-z0-9_-]*(?:=[^\s，。；、）)]+)?"
    r"|(?<=[\u4e00-\u9fff])--[a-z][a-z0-9_-]+(?:=[^\s，。；、）)]+)?",
    re.M,
)
# Dotted names (two dots or a letter on both sides of one) and versions.
_DOTTED = re.compile(
    r"(?<![A-Za-z0-9_.])(?:[vV]?\d+(?:\.\d+){2,}|[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)+)(?![A-Za-z0-9_])"
)
# A mark quoted on its own (“.”, ‘--’, 「.」), or . and .. set apart by spaces
# (a lone . after a word: in letter-spaced text, "5 . 2", every glyph stands
# alone). Between straight quotes only where the first opens (after a space, a
# bracket or a mark) and the second closes: in '"隔离区","送餐"' and '"1":""'
# the mark stands between a closing and an opening quote.
_LITERAL = re.compile(
    r"(?<=[“‘「『])[.\-,;:!?]{1,3}(?=[”’」』])"
    r"|(?<=[\s(（\[，、：；。]['\"])[.\-,;:!?]{1,3}(?=['\"](?:[\s)）\]，、：；。]|$))"
    r"|(?:(?<=\S\S )|^)\.(?= |$)|(?:(?<= )|^)\.\.(?= |$)",
    re.M,
)
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


def could_protect(text: str) -> bool:
    """False when ``text`` can hold no protected span (one search)."""
    return _ANY.search(text) is not None


def _ascii_share(line: str) -> float:
    chars = line.replace(" ", "").replace("\t", "")
    return sum(1 for c in chars if c < "\x80") / len(chars) if chars else 0.0


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


# Where a line block may start: a fence, a prompt, a line set in by four
# spaces or a tab, a line holding a box rule, a Markdown table row.
_BLOCK_START = re.compile(
    r"^(?:[ \t]*(?:```|~~~|(?:\$|#|>>>|%)[ \t])| {4,}\S|\t|[ \t]*\||[^\n]*?[│┃┌┐└┘├┤┬┴┼═║╔╗╚╝])", re.M
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


def _line_spans(text: str) -> list[tuple[int, int, str]]:
    """Line-block spans (command, block, table), with the line breaks around them."""
    lines = _Lines(text)
    out: list[tuple[int, int, str]] = []
    done = 0
    for m in _BLOCK_START.finditer(text):
        start = m.start()
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


def protected_spans(text: str) -> list[Span]:
    """The protected spans of ``text``, sorted, overlapping ones merged."""
    if not could_protect(text):
        return []
    found = _line_spans(text)
    inline = (
        ("url", _URL), ("url", _EMAIL), ("path", _PATH), ("option", _OPTION), ("dotted", _DOTTED),
        ("literal", _LITERAL), ("code", _INLINE_CODE),
    )
    for kind, pattern in inline:
        for m in pattern.finditer(text):
            if kind == "path" and _LETTER.search(m.group()) is None and not m.group().startswith(("/", "~", ".")):
                continue
            found.append((*_with_spaces(text, m.start(), m.end()), kind))
    for m in _MARKER.finditer(text):
        # The marker and its space, not the indent (reflow's evidence of paragraphs).
        found.append((m.start() + _indent(m.group()), m.end() + 1, "marker"))
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
