"""Undo fake-bold doubling (spec §5): ``22 月月 99 日日，，`` → ``2 月 9 日，``.

Some PDFs draw bold headlines twice; extraction then repeats every character or
every run. The decision is made per run of whitespace-separated tokens, never per
character pair (docs/adr/0004-doubling-evidence.md):

1. a token is *fully doubled* when it splits, left to right, into blocks ``XX``
   (``X`` up to 40 characters; longer blocks are preferred);
2. a maximal run of consecutive fully-doubled tokens is undone only with evidence
   that a renderer did it: a doubled non-final punctuation mark (``，，`` ``（（``)
   or a doubled block of at least 3 characters, 2 of them distinct, with a Han character.

So ``欢欢喜喜``, ``谢谢``, ``2020``, ``1111`` and ``非常非常`` alone stay, while
``队队员队队员。。`` becomes ``队队员。``. Work is bounded: tokens over 256
characters are skipped, blocks are at most 40 characters, no back-references.
"""

from __future__ import annotations

import re

import regex

from ..chars import WHITE_SPACE
from ..core import Edit, Step, apply_edits

MAX_BLOCK = 40
MAX_TOKEN = 256
# Punctuation that a writer never doubles on purpose; ！！ and ？？ are excluded.
EVIDENCE_PUNCT = frozenset("，。、；：（）《》“”‘’【】「」,;:")
# Blocks that may never be taken as doubled single characters (…… and —— are one mark).
NEVER_SINGLE = frozenset("…—·-_=.~～*")

_HAN = regex.compile(r"\p{Han}")
# The token patterns run on the standard re engine, with regex's \S spelled out
# (chars.WHITE_SPACE): the candidate scan costs half what it does on regex.
_NS = f"[^{WHITE_SPACE}]"
_TOKEN = re.compile(f"{_NS}+")
# Tokens whose first character comes back within MAX_BLOCK characters: the only
# ones that can be doubled (a superset of _starts_doubled). Finding them costs a
# regex pass about twice _TOKEN's, which pays only where tokens are short and
# many (a Python loop per token costs more then): see UndoFakeBold.edits.
_CANDIDATE = re.compile(f"(?<!{_NS})(?=({_NS}){_NS}{{0,{MAX_BLOCK - 1}}}?\\1){_NS}+")


def _split_doubled(tok: str) -> list[tuple[int, int]] | None:
    """Blocks ``(start, L)`` such that ``tok`` is the concatenation of ``tok[s:s+L]*2``, or None."""
    n = len(tok)
    if n < 2 or n % 2 or n > MAX_TOKEN:
        return None
    # back[i] = block length that reaches position i (0 = unreachable); position 0 is the start.
    back = [0] * (n + 1)
    back[0] = -1
    for i in range(n):
        if back[i] == 0:
            continue
        for L in range(min(MAX_BLOCK, (n - i) // 2), 0, -1):
            j = i + 2 * L
            if back[j]:
                continue
            if tok[i : i + L] == tok[i + L : j]:
                if L == 1 and tok[i] in NEVER_SINGLE:
                    continue
                back[j] = L
    if not back[n]:
        return None
    blocks: list[tuple[int, int]] = []
    i = n
    while i > 0:
        L = back[i]
        i -= 2 * L
        blocks.append((i, L))
    blocks.reverse()
    # A parse that mixes single characters with longer blocks, in a token where
    # every character is doubled, is a character doubler's work: read it that way
    # throughout, so real reduplication inside it survives (就就是是就就是是 from
    # 就是就是, next to 朱朱书书记记).
    if any(L == 1 for _, L in blocks) and any(L > 1 for _, L in blocks):
        if all(tok[k] == tok[k + 1] and tok[k] not in NEVER_SINGLE for k in range(0, n, 2)):
            return [(k, 1) for k in range(0, n, 2)]
    return blocks


def _starts_doubled(tok: str) -> bool:
    """Cheap necessary condition: the token opens with some block X followed by X again."""
    n = len(tok)
    if n < 2 or n % 2 or n > MAX_TOKEN:
        return False
    first = tok[0]
    L = tok.find(first, 1, MAX_BLOCK + 1)
    while 0 < L <= n // 2:
        if tok.startswith(tok[:L], L):
            return True
        L = tok.find(first, L + 1, MAX_BLOCK + 1)
    return False


def _is_evidence(tok: str, start: int, L: int) -> bool:
    block = tok[start : start + L]
    if L == 1:
        return block in EVIDENCE_PUNCT
    if any(c in EVIDENCE_PUNCT for c in block):
        return True
    # Latin-only blocks (``byebye``, ``blahblah``) are not evidence on their own.
    return L >= 3 and len(set(block)) >= 2 and _HAN.search(block) is not None


def _doubled_again(tok: str, blocks: list[tuple[int, int]]) -> bool:
    half = "".join(tok[s : s + L] for s, L in blocks)
    again = _split_doubled(half)
    return again is not None and any(_is_evidence(half, s, L) for s, L in again)


class UndoFakeBold(Step):
    """Restore runs of tokens that fake-bold rendering doubled, given evidence."""

    name = "undo_fake_bold"

    def __call__(self, text: str) -> str:
        edits = self.edits(text)
        return apply_edits(text, edits) if edits else text

    def edits(self, text: str) -> list[Edit]:
        short_tokens = (text.count(" ") + text.count("\n")) * 16 > len(text)
        return self.scan(text, _CANDIDATE if short_tokens else _TOKEN)

    @staticmethod
    def scan(text: str, tokens: "re.Pattern[str]") -> list[Edit]:
        """Edits from the tokens ``tokens`` finds; both patterns give the same result
        (a token _CANDIDATE skips is never doubled)."""
        out: list[Edit] = []
        run: list[tuple[int, str, list[tuple[int, int]]]] = []
        evidence = False
        prev_end = -1

        def flush() -> None:
            if evidence:
                for pos, _tok, blocks in run:
                    for s, L in blocks:
                        out.append(Edit(pos + s + L, pos + s + 2 * L, ""))

        for m in tokens.finditer(text):
            tok = m.group()
            gap = text[prev_end : m.start()] if prev_end >= 0 else ""
            blocks = _split_doubled(tok) if _starts_doubled(tok) else None
            if blocks is not None and _doubled_again(tok, blocks):
                blocks = None  # fake bold doubles exactly once; 4x is something else
            # A run continues across spaces and line breaks, not across blank lines
            # nor across a token that is not doubled (skipped by _CANDIDATE: the
            # gap then holds text).
            if blocks is None or gap.count("\n") > 1 or _TOKEN.search(gap) is not None:
                flush()
                run, evidence = [], False
            if blocks is not None:
                run.append((m.start(), tok, blocks))
                evidence = evidence or any(_is_evidence(tok, s, L) for s, L in blocks)
            prev_end = m.end()
        flush()
        return out


undo_fake_bold = UndoFakeBold()
undo_fake_bold.keeps_protected = True
