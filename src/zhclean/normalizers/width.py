"""Unicode normal form, radicals for ideographs, and character width (spec §1)."""

from __future__ import annotations

import unicodedata

import regex

from ..chars import FULLWIDTH_ALNUM, RADICAL_RANGE, RADICAL_VARIANTS, RADICALS, SIMPLIFIED_ONLY, TRADITIONAL_ONLY
from ..core import AnyChar, Edit, Normalizer, Rule, Table, Wrapped

nfc = Wrapped(
    "nfc",
    lambda t: unicodedata.normalize("NFC", t),
    guard=lambda t: not unicodedata.is_normalized("NFC", t),
)

# Always, not only beside other ideographs: whether a radical touches one changes
# as later steps join lines and close spaces, and the decision must not (a radical
# code point in running text means the ideograph it looks like; NFKC folds them too).
_SIMPLIFIED = regex.compile(f"[{SIMPLIFIED_ONLY}]")
_TRADITIONAL = regex.compile(f"[{TRADITIONAL_ONLY}]")


class FoldRadicals(Normalizer):
    """Radicals a PDF font gave for ideographs become those ideographs (ADR 0014);
    the few written differently in the two scripts (``RADICAL_VARIANTS``) take the
    form of the script the text around them is in (Simplified where it shows neither)."""

    name = "fold_radicals"

    def __init__(self) -> None:
        guard = regex.compile(f"[{RADICAL_RANGE}]")
        self._tables = [
            Table(self.name, {**RADICALS, **{r: forms[k] for r, forms in RADICAL_VARIANTS.items()}}, guard=guard)
            for k in (0, 1)
        ]

    def _table(self, text: str) -> Table:
        if any(r in text for r in RADICAL_VARIANTS):
            traditional = len(_TRADITIONAL.findall(text)) > len(_SIMPLIFIED.findall(text))
            return self._tables[1 if traditional else 0]
        return self._tables[0]

    def __call__(self, text: str) -> str:
        return self._table(text)(text)

    def edits(self, text: str) -> list[Edit]:
        return self._table(text).edits(text)


fold_radicals = FoldRadicals()

# Letters and digits only: full-width punctuation is correct in Chinese text.
# The exception is a joiner *between* full-width letters or digits (ＣＯＶＩＤ－１９,
# ２．６, １３：５６): there it is part of the token, and a half-width token with a
# full-width joiner in it would be neither.
_JOINERS = {"－": "-", "．": ".", "：": ":", "／": "/", "＿": "_", "＠": "@"}
_ALNUM = "".join(sorted(FULLWIDTH_ALNUM))
_TOKEN_MAP = {**FULLWIDTH_ALNUM, **_JOINERS}
halfwidth_alnum = Rule(
    "halfwidth_alnum",
    f"[{_ALNUM}]+(?:[{''.join(_JOINERS)}][{_ALNUM}]+)*",
    lambda m: "".join(map(_TOKEN_MAP.__getitem__, m.group())),
    guard=AnyChar(_ALNUM),
)
