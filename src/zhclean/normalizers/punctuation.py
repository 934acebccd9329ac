"""Punctuation in Chinese text (spec §4, GB/T 15834-2011).

ASCII marks become full-width only where they sit in Chinese text: the
character before them (or, for ``, ? !``, after them) is Han or CJK punctuation.
Numbers (``2.6``, ``1,000``, ``13:56``), URLs, e-mail, code and Latin sentences keep
their ASCII, because there the neighbours are not Chinese.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate, count
from operator import add

from functools import lru_cache

import re

import regex

from ..chars import ASCII_TO_CJK, CJK_PUNCT, QUOTE_FORMS
from ..core import Edit, Normalizer, Note, Rule, check_text, line_edits

_HAN = r"\p{Han}"
_CJK_CTX = f"[{_HAN}{regex.escape(CJK_PUNCT)}]"

# Each of the two rules counts the other's ASCII form as Chinese context
# (`…--`, `...——`), so their order does not decide the result (idempotence).
_ELL_CTX = f"(?:{_CJK_CTX}|--|－－|─)"
_DASH_CTX = f"(?:{_CJK_CTX}|\\.\\.\\.)"

# ⋯⋯ / ⋯ / … alone / ... and 。。。 next to Chinese -> …… (。。。 letter-spaced too: spacing
# would close '。。 。' up after this step, and the next clean would find '。。。').
fix_ellipsis = Rule(
    "fix_ellipsis",
    rf"⋯+|(?<=[^…]|^)…(?!…)(?:(?<={_ELL_CTX} *…)|(?= *{_ELL_CTX}))"
    rf"|(?<![.])\.{{3,6}}(?![.])(?:(?<={_ELL_CTX} *\.{{3,6}})|(?= *{_ELL_CTX}))|(?<!。 *)。(?: *。){{2,5}}(?! *。)",
    lambda m: "…" * max(2, len(m.group())) if m.group()[0] == "⋯" else "……",
    guard=r"[⋯…]|\.\.\.|。 *。 *。",
)

# -- / －－ / ─ ─ next to Chinese -> ——; a single — is left alone. A run of these
# forms is one dash: judged together, so a form does not wait for its neighbour
# to become —— before it sees Chinese (`──－－党`: fuzz find). The run starts after
# no dash character and is possessive, so a long line of dashes is linear
# (starting inside a run made it quadratic).
_DASH_UNIT = r"(?<![-])-{2,3}(?![-])|(?<!－)－－(?!－)|─ *+─"  # (spaces between box rules: spacing squeezes two to one, and the next clean must see the dash already: nightly find)
_DASH_RUN = rf"(?<![-－─])(?:{_DASH_UNIT})++"
_DASH_UNITS = regex.compile(r"-{2,3}|－－|─ *+─")
_CTX_BEFORE = regex.compile(rf"{_DASH_CTX} *\Z")  # \Z: regex's $ also matches before a final newline
_CTX_AFTER = regex.compile(rf" *{_DASH_CTX}")


def _dash(m: "regex.Match[str]") -> str:
    # Chinese (or an ellipsis) on either side, past spaces, which spacing removes
    # next to CJK punctuation later. Judged here rather than by lookarounds in
    # the pattern: a lookbehind tried at every position cost 3x on Chinese text.
    s, start, end = m.string, m.start(), m.end()
    if _CTX_AFTER.match(s, end) is None and _CTX_BEFORE.search(s, max(0, start - 64), start) is None:
        return m.group()
    return "——" * len(_DASH_UNITS.findall(m.group()))


fix_dash = Rule("fix_dash", _DASH_RUN, _dash, guard=r"--|－－|─")
fix_ellipsis.keeps_protected = fix_dash.keeps_protected = True


def _dedupe(m: "regex.Match[str]") -> str:
    if m.group("mark"):
        return m.group("mark")
    if m.group("stop"):
        return "。"
    # Doubled (or deeper) brackets around the same text: one pair goes, for each
    # level both sides have ('（（（党）））' -> '（党）', '（（党）' stays unbalanced as is).
    if m.group("paren") is not None:
        o, c, inner, pair = m.group("po"), m.group("pc"), m.group("paren"), "（）"
    else:
        o, c, inner, pair = m.group("bo"), m.group("bc"), m.group("book"), "《》"
    k = min(len(o), len(c)) - 1
    return pair[0] * (len(o) - k) + inner + pair[1] * (len(c) - k)


# ，， 、、 ；； ：： and 。。 left by rendering (。。。 is an ellipsis, handled first);
# doubled brackets around the same text: （（徐能））. ！！ and ？？ are prose and stay.
# (Bracket runs are possessive and start at a run's start: linear on long runs.)
dedupe_punctuation = Rule(
    "dedupe_punctuation",
    r"(?P<mark>[，、；：])(?P=mark)+|(?P<stop>(?<!。)。。(?!。))"
    r"|(?<!（)(?P<po>（{2,}+)(?P<paren>[^（）\n]{1,60})(?P<pc>）{2,}+)"
    r"|(?<!《)(?P<bo>《{2,}+)(?P<book>[^《》\n]{1,60})(?P<bc>》{2,}+)",
    _dedupe,
    guard=re.compile(r"([，、；：。（《])\1"),  # on re: half the cost of regex's scan (ADR 0011)
)
dedupe_punctuation.keeps_protected = True


_ASCII_MARKS = frozenset(",.;:!?")
_DASH_FORMS = "-－─"  # what fix_dash turns into —— next to Chinese
_LOOK_PAST = _ASCII_MARKS | frozenset("\"'“”‘’")


def _before(line: str, i: int) -> str:
    """The nearest non-space character before index i ('' if none); bounded lookback."""
    j = i - 1
    while j >= 0 and j > i - 64 and line[j] == " ":
        j -= 1
    return line[j] if j >= 0 and line[j] != " " else ""


def _chinese_side(line: str, i: int, step: int) -> bool:
    """Is the neighbour of line[i] on that side (past spaces) Chinese? An ASCII
    mark counts as Chinese when Chinese lies beyond it (cjk_punctuation will
    convert it), so the answer is the same before and after that step."""
    c = _before(line, i) if step < 0 else _after(line, i)
    # Look past ASCII marks and quotes (straight or curly): what they become
    # depends on what lies beyond them (bounded: 8 marks).
    for _ in range(8):
        if not c or c not in _LOOK_PAST:
            break
        i = line.rfind(c, 0, i) if step < 0 else line.find(c, i + 1)
        c = _before(line, i) if step < 0 else _after(line, i)
    return bool(c) and (c in CJK_PUNCT or _HANRE.match(c) is not None)


def _after(line: str, i: int) -> str:
    """The nearest non-space character after index i ('' if none); bounded lookahead."""
    j = i + 1
    n = len(line)
    while j < n and j < i + 64 and line[j] == " ":
        j += 1
    return line[j] if j < n and line[j] != " " else ""


class Quotes(Normalizer):
    """Straight quotes to paired curly quotes (or corner brackets), per line (= paragraph)."""

    keeps_protected = True

    name = "quotes"

    def __init__(self, style: str = "curly") -> None:
        self.style = style
        if style == "corner":
            self.table = {"“": "「", "”": "」", "‘": "『", "’": "』"}
        else:
            self.table = {}

    def __reduce__(self):
        return (Quotes, (self.style,))

    _LINE = regex.compile(r"[^\n]*[\"'“”‘’][^\n]*")
    _HANRE = regex.compile(_HAN)
    _DQ_RUN = regex.compile('"+')
    _SQ_RUN = regex.compile("'+")

    # Every change keeps the length (one quote for one, a run of quotes for a run),
    # kept as (offset, new): Edit objects only for edits(), the fast path splices
    # the text directly.
    def _line(self, line: str, base: int, out: list[tuple[int, str]]) -> None:
        if self._HANRE.search(line) is None:
            return
        if "(" in line and ")" in line and ('"' in line or "'" in line):
            # Decided on the brackets as cjk_parentheses leaves them (it keeps the
            # length, and looks past quotes in either form): '党("a")党' kept "a"
            # straight beside '(', and curled it beside the '（' it became.
            line = cjk_parentheses(line)
        mine: list[tuple[int, str]] = []
        self._straight(line, 0, '"', "“", "”", mine)
        self._straight(line, 0, "'", "‘", "’", mine, han_only=True)
        # Curly openers that close are judged on the line as the straight quotes
        # leave it: judged before them, '一"““"' became '一“““”' and only the next
        # clean found the '““' (nightly find).
        fixed: dict[int, str] = {}
        if (mine or "““" in line) and line.count("“") + line.count('"') >= 3:
            if mine:
                view = list(line)
                for i, c in mine:
                    view[i : i + len(c)] = c
                back = {v: k for k, v in self.table.items()}
                curly = "".join(back.get(c, c) for c in view) if back else "".join(view)
            else:
                curly = line
            if "““" in curly:
                fixed = self._reoriented(curly)
                runs = {i for i, c in mine if len(c) > 1}
                if any(i in runs for i in fixed):
                    fixed = {}  # (a run of straight quotes: left to the straight rules)
        if fixed:
            close = self.table.get("”", "”")
            mine = [(i, close if i in fixed else c) for i, c in mine]
            mine.extend((i, close) for i in fixed if line[i] != '"')
        if base:
            out.extend((base + i, c) for i, c in mine)
        else:
            out.extend(mine)
        if self.table:
            for i, c in enumerate(line):
                if c in self.table and i not in fixed:
                    out.append((base + i, self.table[c]))

    def _straight(self, line: str, base: int, q: str, op: str, cl: str, out: list[tuple[int, str]], han_only: bool = False) -> None:
        pieces = line.split(q)
        if len(pieces) == 1:
            return
        # Offsets of q from the lengths of the pieces between them, summed in C (a
        # match object per quote cost more than the decisions on a line of quotes).
        pos = list(map(add, accumulate(map(len, pieces[:-1])), count()))
        if self.table:
            op, cl = self.table[op], self.table[cl]
        # Pair by alternation. An odd one out is converted only when its shape says
        # which it is: an opener right before text (after a space, start or CJK
        # punctuation); otherwise it is left as found.
        pairs = [(pos[k], pos[k + 1]) for k in range(0, len(pos) - 1, 2)]
        runs: list[list[int]] = []  # filled on first need: starts and ends of mark runs
        memo: dict[tuple[int, int], bool] = {}  # (run, side) -> Chinese beyond it?
        inside = self._inside_curly(line, [a for a, _ in pairs]) if q == '"' and "“" in line else ()
        run_of = self._DQ_RUN if q == '"' else self._SQ_RUN

        def pair(n: int) -> tuple[str, str] | None:
            """The marks pair n becomes, or None where it stays straight."""
            a, b = pairs[n]
            # Neighbours past any spaces: spacing removes those spaces later, and
            # the decision must not change when it does. (An empty pair, as in a
            # run of quotes, holds no Han: no search.)
            han = b > a + 1 and self._HANRE.search(line, a + 1, b) is not None
            if not (han or (not han_only and (self._chinese(line, a, -1, runs, memo) or self._chinese(line, b, 1, runs, memo)))):
                return None
            if inside and inside[n]:
                # Straight double quotes inside curly double ones are the inner level.
                return ("‘", "’") if not self.table else (self.table["‘"], self.table["’"])
            return op, cl

        n = 0
        while n < len(pairs):
            a, b = pairs[n]
            if b == a + 1:
                # A run of straight quotes: its pairs after the first and before the
                # last each have a quote on both sides, so each sees what lies beyond
                # the run, one answer for all (and no curly quote between them to
                # change their level). Decided once, replaced as one span: a line of
                # a million quotes is no million decisions.
                last = n + (run_of.match(line, a).end() - a) // 2 - 1
                if last - n >= 2:
                    got = pair(n + 1)
                    if got is not None:
                        out.append((base + pairs[n + 1][0], (got[0] + got[1]) * (last - n - 1)))
                    for k in (n, last):
                        got = pair(k)
                        if got is not None:
                            out.append((base + pairs[k][0], got[0]))
                            out.append((base + pairs[k][1], got[1]))
                    n = last + 1
                    continue
            got = pair(n)
            if got is not None:
                out.append((base + a, got[0]))
                out.append((base + b, got[1]))
            n += 1
        if len(pos) % 2 and not han_only:
            k = pos[-1]
            j = k - 1
            while j >= 0 and line[j] in _DASH_FORMS:  # a dash fix_dash may make ——: what lies before it
                j -= 1
            prev = line[j] if j >= 0 else " "
            nxt = _after(line, k) or " "
            # ASCII marks count as the CJK marks cjk_punctuation will make of them,
            # so the decision is the same before and after that step (idempotence).
            # (')' too: cjk_parentheses runs next and may make it '）'.)
            if (prev in " \"',.:;!?()" or prev in CJK_PUNCT or self._HANRE.match(prev)) and self._HANRE.match(nxt):
                out.append((base + k, op))
            elif (
                q == '"' and k and (prev != " " or self._chinese(line, k, -1, runs, memo))
                and line.count("“") == line.count("”") + 1 and line.count("“", 0, k) > line.count("”", 0, k)
            ):
                # The straight quote left over after pairing closes the line's one
                # unclosed curly opener before it ('“作战物资"，': OCR and hand edits
                # mix the forms). Pairs become “” or, inside the curly pair, ‘’, so
                # the curly balance is the same before and after they are curled
                # (nightly find: with only one straight quote counted, '一“"""'
                # closed on the second clean). After a space only where Chinese
                # lies before it: spacing removes that space, and '一“ "' closed
                # on the second clean (nightly find).
                out.append((base + k, cl))

    # Every form a quote takes is looked past, corner brackets too: the style turns
    # curly quotes and converted pairs into them, and the next clean must see
    # what this one saw (nightly and atheris finds: '党－""“', '"""a党"'). So is
    # every form of the marks cjk_punctuation converts: ':' looked past while '：'
    # counted as Chinese left '党"1":""' straight after ':', and curled it once
    # ':' was '：' (fuzz find). (Not brackets, judged as cjk_parentheses judges
    # them, in _line: 'print("hi") 即可' is code.)
    # And the dashes fix_dash makes —— of: '一--"一' kept its quote straight, and
    # curled it once '--' was '——' (nightly find).
    _MARK_FORMS = ",.;:!?，。；：！？" + _DASH_FORMS
    _QUOTE_PAST = frozenset(_MARK_FORMS + QUOTE_FORMS)
    _PAST_RUN = regex.compile(f"[ {regex.escape(_MARK_FORMS + QUOTE_FORMS)}]+")

    def _chinese(self, line: str, i: int, step: int, runs: list[list[int]], memo: dict[tuple[int, int], bool]) -> bool:
        """Is what lies beyond line[i] on that side, past every space, ASCII mark
        and quote, Chinese? Unbounded, unlike _chinese_side: a pair inside a long
        run of quotes must be judged the same once the first clean has curled its
        neighbours. The runs are found once per line (linear), then bisected, and
        each run's answer is kept: every quote in it sees the same thing beyond."""
        c = _before(line, i) if step < 0 else _after(line, i)
        if c not in self._QUOTE_PAST:
            return bool(c) and (c in CJK_PUNCT or _HANRE.match(c) is not None)
        if not runs:
            found = [(m.start(), m.end()) for m in self._PAST_RUN.finditer(line)]
            runs.append([a for a, _ in found])
            runs.append([b for _, b in found])
        k = bisect_right(runs[0], i) - 1  # the run holding line[i] (a quote is a run character)
        got = memo.get((k, step))
        if got is None:
            j = runs[0][k] - 1 if step < 0 else runs[1][k]
            c = line[j] if 0 <= j < len(line) else ""
            got = memo[(k, step)] = bool(c) and (c in CJK_PUNCT or _HANRE.match(c) is not None)
        return got

    @staticmethod
    def _closes_after(line: str, i: int) -> bool:
        """Whether a quote at ``i`` may close what stands before it: it follows text,
        not a space that will stay. A space after Chinese or a mark is one spacing
        removes once the mark is Chinese ('我先上! ““疫情'), so it is looked past,
        as the next clean, which no longer sees it, would; after a Latin letter or
        a digit the space stays, and the quote opens."""
        j = i
        while j and line[j - 1] == " ":
            j -= 1
        if not j:
            return False
        return j == i or not (line[j - 1].isascii() and line[j - 1].isalnum())

    @staticmethod
    def _reoriented(line: str) -> dict[int, str]:
        """Curly openers that close: in '“好！““走”' the first of '““' closes the open
        quote (OCR reads ” as “ beside another “). Only where that balances the line."""
        fixes: dict[int, str] = {}
        depth = 0
        for i, c in enumerate(line):
            if c == "“":
                if depth and line.startswith("““", i) and Quotes._closes_after(line, i):
                    fixes[i] = "”"
                    depth -= 1
                else:
                    depth += 1
            elif c == "”":
                depth = max(0, depth - 1)
        if not fixes or line.count("“") - len(fixes) != line.count("”") + len(fixes):
            return {}
        return fixes

    @staticmethod
    def _inside_curly(line: str, starts: list[int]) -> list[bool]:
        """For each position (ascending), is it inside an open “…” pair? One scan."""
        flags = []
        depth = 0
        i = 0
        for a in starts:
            depth = max(0, depth + line.count("“", i, a) - line.count("”", i, a))
            i = a
            flags.append(depth > 0)
        return flags

    def _changes(self, text: str) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        for m in self._LINE.finditer(text):
            self._line(m.group(), m.start(), out)
        out.sort()
        return out

    def edits(self, text: str) -> list[Edit]:
        check_text(text)
        return [Edit(i, i + len(c), c) for i, c in self._changes(text)]

    def notes(self, text: str) -> list[Note]:
        """Every straight double quote in Chinese text that has no partner on its line."""
        check_text(text)
        if '"' not in text:
            return []
        out: list[Note] = []
        for m in self._LINE.finditer(text):
            line = m.group()
            if line.count('"') % 2 == 0 or self._HANRE.search(line) is None:
                continue
            k = line.rfind('"')
            converted: list[tuple[int, str]] = []
            self._straight(line, 0, '"', "“", "”", converted)
            how = "read as an opening quote" if any(i <= k < i + len(c) for i, c in converted) else "left as found"
            out.append(Note(m.start() + k, m.start() + k + 1, f"unpaired straight quote, {how}"))
        return out

    def __call__(self, text: str) -> str:
        check_text(text)
        if '"' not in text and "'" not in text and "““" not in text and not (self.table and regex.search("[“”‘’]", text)):
            return text
        parts: list[str] = []
        last = 0
        for i, c in self._changes(text):
            parts.append(text[last:i])
            parts.append(c)
            last = i + len(c)
        parts.append(text[last:])
        return "".join(parts)


_PAREN_PAIR = regex.compile(r"\(([^()\n]{0,80})\)")
_HANRE = regex.compile(_HAN)
_MARKS = ASCII_TO_CJK


@lru_cache(maxsize=16384)  # three characters in, one out: a text repeats few triples
def _mark(c: str, prev: str, nxt: str) -> str:
    """The width of one ASCII mark given its neighbours (prev already in final form)."""
    han_prev = bool(prev) and (_HANRE.match(prev) is not None or prev in CJK_PUNCT)
    han_next = bool(nxt) and _HANRE.match(nxt) is not None
    if c == ".":
        # Only a full stop after Chinese that is not part of a number, name or URL.
        if han_prev and not (nxt.isascii() and nxt.isalnum()) and nxt != ".":
            return "。"
        return c
    if prev.isdigit() and nxt.isdigit():
        return c  # 1,000  13:56
    # A mark between a Latin token and Chinese text belongs to the Chinese
    # sentence (``2.6%,高于`` ``report.pdf,并`` ``ID:张三``); inside a token it
    # has no Chinese neighbour and stays.
    if han_prev or han_next:
        return _MARKS[c]
    return c


def _final_stop(s: str, start: int) -> bool:
    """Is the ``.`` at ``start`` ending a Chinese sentence after one Latin token?

    ``联系邮箱：news@example.com.`` ends a Chinese sentence; ``Hello world.`` and
    ``U.S.A.`` do not. Only a line-final stop is judged, looking back at most 64
    characters for the Chinese text the token belongs to.
    """
    if start >= 2 and s[start - 2] == ".":
        return False  # an abbreviation: U.S.A.
    j = start - 1
    while j >= 0 and start - j <= 64:
        c = s[j]
        if c == " ":
            # One token after Chinese and a space ('党 0.'): the space goes with
            # the CJK-Latin policy, and the stop must not change when it does.
            while j > 0 and s[j - 1] == " " and start - j <= 64:
                j -= 1
            # ASCII marks there become Chinese after Chinese ('党, 0.' is '党，0.'
            # on the next clean, where the stop sees '，': fuzz find).
            while j > 0 and s[j - 1] in ",;:?!" and start - j <= 64:
                j -= 1
            return j > 0 and (_HANRE.match(s[j - 1]) is not None or s[j - 1] in CJK_PUNCT)
        if c == "\n":
            return False
        if _HANRE.match(c) or c in CJK_PUNCT:
            return True
        j -= 1
    return False


# A dash or ellipsis in ASCII form after Chinese (党-- 党...): fix_dash and
# fix_ellipsis run later and turn it into —— or ……, so a mark after it already
# has Chinese before it (idempotence: '党--,' must not become '党——,').
# (An ASCII mark between the Chinese and the dash becomes Chinese too: '党,--,', '党.--:'.
# Box-drawing '──' too: fix_dash takes it for a dash, '党──,' nightly find.)
_BECOMES_CJK = regex.compile(rf"{_CJK_CTX}[,;:?!. ]*(?:(?<![-])-{{2,3}}|(?<!－)－－|─ *+─|(?<![.])\.{{3,6}}) *$")


_REFERENCE_BEFORE = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31})\Z")


def _width_repl(m: "regex.Match[str]") -> str:
    # A run of marks (",." "?!" ", ,") is decided left to right, each mark seeing
    # the converted one before it (spaces skipped, as spacing later removes them
    # next to CJK punctuation), so one pass gives the final form. Spaces inside
    # and around the run belong to the match only so every mark sees its real
    # neighbours; they are given back unchanged.
    s = m.string
    whole = m.group()
    prev = s[m.start() - 1] if m.start() > 0 else ""
    if whole == ";" and prev.isascii() and prev.isalnum() and _REFERENCE_BEFORE.search(s[max(0, m.start() - 34) : m.start()]):
        return whole  # the end of an HTML reference that unescape_html left (the text holds markup)
    after = s[m.end()] if m.end() < len(s) else ""  # the character after any trailing spaces
    if len(whole) == 1 and prev and prev not in "-－.─" and not (whole == "." and after in ("", "\n")):
        return _mark(whole, prev, after)  # one mark, no dash or stop before it: most matches
    marks = [k for k, c in enumerate(whole) if c != " "]
    out = list(whole)
    for n, k in enumerate(marks):
        c = whole[k]
        at = m.start() + k
        if prev in "-－.─" and not (c == prev == ".") and _BECOMES_CJK.search(s[max(0, at - 16) : at]):
            prev = "—"
        nxt = whole[marks[n + 1]] if n + 1 < len(marks) else after
        if c == "." and len(marks) == 1 and after in ("", "\n") and prev.isascii() and prev.isalnum():
            new = "。" if _final_stop(s, m.start() + k) else c
        else:
            new = _mark(c, prev, nxt)
        out[k] = new
        prev = new
    return "".join(out)


_CID = regex.compile(r"cid:\d+")


def _paren(m: "regex.Match[str]") -> str:
    inner = m.group(1)
    if _CID.fullmatch(inner):
        return m.group()  # pdfminer's placeholder for a glyph it could not map (encoding.missing_glyphs)
    s = m.string
    before = s[m.start() - 1] if m.start() > 0 else ""
    after = _after(s, m.end() - 1)  # past any spaces, which spacing removes later
    # The start of a line counts as Chinese on the outside: list numbers such as
    # ``(2)落实`` open a Chinese line.
    # An ASCII mark beside the pair counts by what lies beyond it, as it will
    # become Chinese there ('(),党': the pair waited for '，' until the second clean).
    han_out = not before or before == "\n" or _chinese_side(s, m.start(), -1)
    han_after = bool(after) and _chinese_side(s, m.end() - 1, 1)
    if _HANRE.search(inner) or (han_out and han_after and len(inner) <= 12):
        # Marks inside are left to cjk_punctuation, which runs next and sees （.
        return "（" + inner + "）"
    return m.group()


# A pair half full-width, half ASCII ('（村)', '(村）': typed so, or an OCR misread)
# is Chinese by its full-width half; and an angle bracket closed by a round one
# ('〈村)', Tesseract's usual misreading of '（') is a round pair, since '〈' only
# ever pairs with '〉'. Innermost pairs, as _PAREN_PAIR takes them.
# One pattern per pair of ends, each starting with its literal (a scan for a class
# of two characters is slow on Chinese text); each runs only where both ends are.
_INNER = r"([^()（）〈〉\n]{0,80})"
_MIXED_PAIRS = [(a, b, re.compile(re.escape(a) + _INNER + re.escape(b))) for a, b in (("（", ")"), ("〈", ")"), ("(", "）"), ("〈", "）"))]


def _mixed(m: "re.Match[str]") -> str:
    return "（" + m.group(1) + "）"


_MARK_RE = regex.compile(r"(?<! ) *[,;:?!.](?: *[,;:?!.])* *")

# Parentheses first, as a pair judged by what they enclose; then single marks,
# which can then see a converted ）or ” as their Chinese neighbour.
class CjkParentheses(Normalizer):
    """ASCII parentheses around Chinese become （）, judged as a pair, nested pairs too;
    a pair half full-width, or opened by '〈' and closed by a round one, becomes （）."""

    keeps_protected = True

    name = "cjk_parentheses"
    # The pattern takes innermost pairs; an outer pair is judged once the pairs
    # inside it are converted ('((党))' -> '（（党））', which dedupe makes '（党）').
    # Each round is linear and nesting deeper than this is not text.
    ROUNDS = 6

    def __call__(self, text: str) -> str:
        check_text(text)
        for a, b, pair in _MIXED_PAIRS:
            if b in text and a in text:
                text = pair.sub(_mixed, text)
        for _ in range(self.ROUNDS):
            if "(" not in text:
                break
            out = _PAREN_PAIR.sub(_paren, text)
            if out == text:
                break
            text = out
        return text

    def edits(self, text: str) -> list[Edit]:
        # Every conversion keeps the length, so the edits are the changed characters.
        out = self(text)
        return [] if out == text else line_edits(text, out, by_char=True)


cjk_parentheses = CjkParentheses()
# The commonest case in extracted text, an ASCII mark alone between two Han
# characters ('突袭,疫情'), always becomes its full-width form (_mark's rule). One
# plain replacement per mark does those first; the general pass then calls back
# only for the rest (on the benchmark text 18K of 22K marks). A mark converted early
# has Han on both sides, so it is never the neighbour, nor within the look-back, of
# a run the general pass decides: both paths give the same text.
_BETWEEN_HAN = [(c, regex.compile(f"(?<={_HAN}){regex.escape(c)}(?={_HAN})"), ASCII_TO_CJK[c]) for c in ",;:?!"]


class CjkPunctuation(Rule):
    """ASCII marks in Chinese context become full-width ones (``edits`` marks by mark)."""

    keeps_protected = True

    def __call__(self, text: str) -> str:
        check_text(text)
        if self._skip(text):
            return text
        for c, between, new in _BETWEEN_HAN:
            if c in text:
                text = between.sub(new, text)
        return self.pattern.sub(self.repl, text)


cjk_punctuation = CjkPunctuation("cjk_punctuation", _MARK_RE, _width_repl, guard=r"[,;:?!.]")
