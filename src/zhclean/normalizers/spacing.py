"""Spaces (spec §3): close letter-spacing and wrap spaces, apply the CJK–Latin policy,
keep the one space that separates fields in bylines, credits, datelines and labels.
Letter-spaced digits and Latin beside letter-spaced Chinese close up too
(``成 立 于 1 9 4 9 年`` → ``成立于1949年``).

Every run of spaces is judged by the characters on both sides of it; protected
positions (field separators) are found first by bounded patterns, so a line of
any length costs linear time. ``edits()`` judges run by run (``_decide``);
``__call__`` makes the same decisions by whole-text passes between the protected
runs, about 2.7x faster, and a property test holds the two together.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import chain

import regex

from ..chars import CJK_PUNCT, FIELD_WORDS, LABEL_BULLETS, LABEL_MAX, WHITE_SPACE
from ..core import Edit, Normalizer, check_text
from .lines import table_rows

_CJKP = frozenset(CJK_PUNCT)
_SPACES = regex.compile(r"(?<! ) +")
_RUN = regex.compile(r" +")
# The fast path's passes (Spacing.__call__), each the rule _decide applies to a run:
# no space next to a line break, the text's ends or a CJK mark, nor between two CJK
# characters; under the policy "none" none next to a CJK character either. Runs
# that remain separate Latin (and, unless the policy is "keep", CJK from Latin) and
# become one space.
_CJK_CLASS = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}"
_CJK = regex.compile(f"[{_CJK_CLASS}]")
_EDGE = f"{regex.escape(CJK_PUNCT)}\\n"
_NEXT_TO_EDGE = f"(?:^|(?<=[{_EDGE}])) ++|(?<! ) ++(?=[{_EDGE}]|$)"
_DROP = regex.compile(f"{_NEXT_TO_EDGE}|(?<=[{_CJK_CLASS}]) ++(?=[{_CJK_CLASS}])")
_DROP_ANY_CJK = regex.compile(_NEXT_TO_EDGE.replace(_EDGE, _EDGE + _CJK_CLASS))
_SQUEEZE = regex.compile(r" {2,}+")
_SQUEEZE_LATIN = regex.compile(f"(?<![{_CJK_CLASS} ]) {{2,}}+(?![{_CJK_CLASS}])")
_GUARD = regex.compile(r" ")

# Where a space separates fields; the space itself is captured as group "sp".
_PROTECT = [
    # Byline / credit lines: 记者 黄合 通讯员 勇祖轩 (short line with a field word).
    regex.compile(
        rf"(?m)^(?=[^\n]{{0,40}}$)(?=[^\n，。！？；]*$)[^\n]*?(?:^|(?<= ))(?:{FIELD_WORDS})(?= )[^\n]*$"
    ),
    # Credits inside short brackets: （徐能 摄）, (本报记者 黄欢).
    regex.compile(r"[（(](?=[^（）()\n]{1,24}[）)])[^（）()\n]*?(?:摄|攝|记者|記者|通讯员|通訊員|供图|供圖|编辑|編輯|图|圖|文)[^（）()\n]*?[）)]"),
    # Datelines that open a paragraph: 本报讯 记者王云峰报道 …, 新华社北京3月1日电 …
    regex.compile(r"(?m)^(?:本[报報]\S{0,10}[讯訊]|新[华華]社\S{0,16}[电電]|\S{0,8}网\S{0,10}讯)(?: +(?:记者|記者|通讯员|通訊員|见习记者)\S{1,16}?(?:报道|報道)?)? "),
    # Section labels and kickers: ■ 信息直通车 ZHITONGCHE, / 战鼓催征 / …
    regex.compile(rf"(?m)^(?=[^\n]{{1,{LABEL_MAX}}}$)(?:[{LABEL_BULLETS}]|/ )[^\n]*$"),
    # Article and chapter numbers that open a line in statutes and reports:
    # 第二十三条　本办法… (set with an ideographic space, read as one space; two
    # spaces or more, as layout-keeping extractors print the gap, are one too).
    regex.compile(r"(?m)^(?:#{1,6} )?第[一二三四五六七八九十百千零〇两\d]{1,8}[条章节款编條節] +(?=\S)"),
    # List and Markdown block markers that open a line (- 戴口罩, 1. 勤洗手, ## 标题,
    # > 引文): the space is part of the marker; without it the structure is lost.
    regex.compile(r"(?m)^ {0,3}(?:[-*+>•]|#{1,6}|\d{1,3}[.)]) +(?=\S)"),
    # A field after a date or headline: 2020年03月04日13:56 来源：…
    regex.compile(r"(?<![ （(【〔［「『“]) +(?=(?:来源|來源|作者|编辑|編輯|责编|責編|责任编辑|責任編輯|原标题|原標題|发布时间|發佈時間|字号|字號|浏览次数)[:：])"),
]


# A pattern written for the start of a line, (?m)^..., is run as two: anchored at the
# start of the text, and after a literal newline everywhere else. Same matches
# (regex's ^ knows no line break but \n), but regex scans quickly for a literal and
# tries (?m)^ at every position: the dateline pattern cost 2.3x one regex pass, 0.2x so.
_LINE_START = "(?m)^"
_SCANS = [
    (regex.compile(p.pattern), regex.compile("(?m)\n" + p.pattern[len(_LINE_START) :]))
    if p.pattern.startswith(_LINE_START)
    else (None, p)
    for p in _PROTECT
]


def _protected(text: str) -> set[int]:
    """Offsets of space runs that separate fields (each kept as one space)."""
    keep: set[int] = set()
    # The cells of a table's rows (lines.table_rows).
    for a, b in table_rows(text):
        keep.update(r.start() for r in _RUN.finditer(text, a, b) if a < r.start() and r.end() < b)
    for first, rest in _SCANS:
        found = list(rest.finditer(text))
        if first is not None:
            m = first.match(text)
            if m is not None:
                found.append(m)
        for m in found:
            s = m.group()
            if " " not in s:
                continue
            base = m.start()
            i = s.find(" ")
            while i >= 0:
                if i == 0 or s[i - 1] != " ":
                    keep.add(base + i)
                i = s.find(" ", i + 1)
    return keep


# Letter-spacing spreads digits and Latin letters too (justified columns, and OCR
# that sets a space after every glyph): 成 立 于 1 9 4 9 年, 增 长 5 . 2 %, G D P.
# A run of two or more one-glyph tokens, letters and digits, is closed up where
# letter-spaced Chinese goes on beside it (_spaced_han), the evidence of
# letter-spacing ("x = 1 + 2" or "A B" in prose has none). A mark joins the run only between two of them, as in
# a number or a URL (5.2, 1,000, 13:56, COVID-19, a.cn), and a percent sign only at
# its end: a mark at a run's edge, closed up against Chinese, is one the punctuation
# steps would convert on the next clean (党 1 . -> 党1. -> 党1。: fuzz find), and so
# are ". . ." and "- -". The scan starts with the space or newline before a run
# (ADR 0011); a run that opens the text is matched there. See ADR 0012.
_ALNUM = "[A-Za-z0-9]"
_SPREAD = regex.compile(f"{_ALNUM}(?: ++(?:[.,:/+\\-] ++)?{_ALNUM}(?![^ \\n]))++(?: ++%(?![^ \\n]))?")
# Runs after a space or newline, found whole (a lookahead for the run from every
# space would read a long run once per space: quadratic).
_SPREAD_AT = regex.compile(f"[ \\n]({_SPREAD.pattern})")
_HAN = regex.compile(r"\p{Han}")


def _lone(text: str, k: int) -> bool:
    """text[k] stands alone between spaces or line ends."""
    return 0 <= k < len(text) and (k == 0 or text[k - 1] in " \n") and (k + 1 == len(text) or text[k + 1] in " \n")


def _skip_spaces(text: str, k: int, step: int) -> int:
    while 0 <= k < len(text) and text[k] == " ":
        k += step
    return k


def _spaced_han(text: str, edge: int, step: int) -> bool:
    """Letter-spaced Chinese goes on from ``edge`` (the run's first or last space,
    ``step`` the direction): a lone Han glyph there, and past it a lone Han glyph
    or CJK mark. One lone Han glyph is no evidence: the 'one' policy sets a space
    between Han and digits, so 1 1党 would read "1 1 党" on the next clean."""
    k = _skip_spaces(text, edge, step)
    if k == edge or not _lone(text, k) or _HAN.match(text, k) is None:
        return False
    j = _skip_spaces(text, k + step, step)
    return j != k + step and _lone(text, j) and (text[j] in _CJKP or _HAN.match(text, j) is not None)


# A cheap superset of the runs above, on the standard engine: two glyphs apart by
# spaces, the second alone, neither in the main Han block, at the start of the text
# or after a space or newline (where every run starts). Most text has none, and the
# scan above (1.1x one regex pass on letter-spaced text) is skipped; each of these
# starts with a literal, which re finds fast (0.1x; a class first cost 0.7x).
_HINT = f"[^{WHITE_SPACE}\u4e00-\u9fff] +[^{WHITE_SPACE}\u4e00-\u9fff](?![^ \\n])"
_HINT_SCANS = (re.compile(f" (?={_HINT})"), re.compile(f"\\n(?={_HINT})"))
_HINT_AT_START = re.compile(_HINT)


def _spread(text: str) -> list[tuple[int, int]]:
    """Spans of letter-spaced digits and Latin, whose spaces are closed up."""
    if _HINT_AT_START.match(text) is None and all(scan.search(text) is None for scan in _HINT_SCANS):
        return []
    return _spread_runs(text)


def _spread_runs(text: str) -> list[tuple[int, int]]:
    """:func:`_spread` without the guard."""
    first = _SPREAD.match(text)
    rest = _SPREAD_AT.finditer(text, 0 if first is None else first.end())  # runs do not overlap
    runs = chain([] if first is None else [(0, first.end())], (m.span(1) for m in rest))
    return [(start, last) for start, last in runs if _spaced_han(text, start - 1, -1) or _spaced_han(text, last, 1)]


@lru_cache(maxsize=8192)  # a text uses a few thousand distinct characters
def _kind(c: str) -> str:
    if c in _CJKP:
        return "P"
    if _CJK.match(c):
        return "C"
    if c == "\n":
        return "N"
    return "L"  # Latin letters, digits, ASCII symbols and anything else


class Spacing(Normalizer):
    """Remove, keep or set spaces by what they separate (spec §3)."""

    keeps_protected = True

    name = "spacing"

    def __init__(self, policy: str = "none") -> None:
        if policy not in ("none", "one", "keep"):
            raise ValueError(f"cjk_latin_space must be 'none', 'one' or 'keep', got {policy!r}")
        self.policy = policy

    def __reduce__(self):
        return (Spacing, (self.policy,))

    def _decide(self, text: str, start: int, end: int, keep: set[int], close: set[int]) -> str:
        run = text[start:end]
        before = _kind(text[start - 1]) if start > 0 else "N"
        after = _kind(text[end]) if end < len(text) else "N"
        if before == "N" or after == "N":
            return ""  # no space at the start or end of a line
        if start in keep:
            return " "
        if start in close:
            return ""
        if before == "P" or after == "P":
            return ""
        if before == "C" and after == "C":
            return ""
        if before == "C" or after == "C":
            if self.policy == "keep":
                return run
            return " " if self.policy == "one" else ""
        return " "

    def edits(self, text: str) -> list[Edit]:
        check_text(text)
        if _GUARD.search(text) is None:
            return []
        keep = _protected(text)
        close = {r.start() for a, b in _spread(text) for r in _RUN.finditer(text, a, b)}
        out: list[Edit] = []
        for m in _SPACES.finditer(text):
            new = self._decide(text, m.start(), m.end(), keep, close)
            if new != m.group():
                out.append(Edit(m.start(), m.end(), new))
        return out

    def __call__(self, text: str) -> str:
        # The same decisions as _decide, made by whole-text passes instead of a
        # Python call per run of spaces (a letter-spaced text has one per glyph):
        # the text between protected runs is handled by _DROP then _SQUEEZE, and
        # each protected run becomes one space unless it starts or ends a line.
        check_text(text)
        if _GUARD.search(text) is None:
            return text
        # Letter-spaced digits and Latin (_spread) are closed up inside the pieces
        # before the passes (the rules look only at a run's two neighbours, which a
        # span keeps); in a span that holds a protected run (kept, as _decide keeps
        # it) the other runs are closed one by one, like protected ones.
        keep = _protected(text)
        spans: list[tuple[int, int]] = []
        close: set[int] = set()
        spread = _spread(text)
        ordered = sorted(keep) if spread and keep else []
        for a, b in spread:
            i = bisect_left(ordered, a)
            if i < len(ordered) and ordered[i] < b:
                close.update(r.start() for r in _RUN.finditer(text, a, b) if r.start() not in keep)
            else:
                spans.append((a, b))
        out: list[str] = []
        prev = 0
        n = 0  # spans before this one are done

        def piece(end: int) -> str:
            nonlocal n
            parts: list[str] = []
            pos = prev
            while n < len(spans) and spans[n][1] <= end:
                a, b = spans[n]
                parts.append(text[pos:a])
                parts.append(text[a:b].replace(" ", ""))
                pos = b
                n += 1
            parts.append(text[pos:end])
            return self._unprotected("".join(parts))

        for k in sorted(keep.union(close)):
            if k < prev or (k > 0 and text[k - 1] == " "):
                continue  # not the start of a run (_decide never sees it either)
            end = _RUN.match(text, k).end()
            out.append(piece(k))
            at_edge = k == 0 or end == len(text) or text[k - 1] == "\n" or text[end] == "\n"
            out.append(" " if not at_edge and k in keep else "")
            prev = end
        out.append(piece(len(text)))
        return "".join(out)

    def _unprotected(self, piece: str) -> str:
        # A piece starts and ends where a protected run begins or ends (or the
        # text does), so every run inside it has both neighbours inside it.
        if " " not in piece:
            return piece
        if self.policy == "none":
            return _SQUEEZE.sub(" ", _DROP_ANY_CJK.sub("", piece))
        piece = _DROP.sub("", piece)
        return _SQUEEZE.sub(" ", piece) if self.policy == "one" else _SQUEEZE_LATIN.sub(" ", piece)


_INSERT = regex.compile(r"(?<=[\p{Han}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%])(?=[\p{Han}])")


class PanguSpace(Normalizer):
    """Insert one space between CJK and Latin/digits where there is none (policy ``one``)."""

    keeps_protected = True

    name = "pangu_space"

    def __call__(self, text: str) -> str:
        check_text(text)
        return _INSERT.sub(" ", text)

    def edits(self, text: str) -> list[Edit]:
        check_text(text)
        return [Edit(m.start(), m.start(), " ") for m in _INSERT.finditer(text)]


def spacing(policy: str = "none") -> Spacing:
    """A spacing normaliser with the given CJK–Latin policy."""
    return Spacing(policy)


pangu_space = PanguSpace()
