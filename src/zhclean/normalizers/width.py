"""Unicode normal form, radicals for ideographs, and character width (spec §1)."""

from __future__ import annotations

import unicodedata

import regex

from ..chars import FULLWIDTH_ALNUM, RADICAL_RANGE, RADICALS
from ..core import AnyChar, Rule, Table, Wrapped

nfc = Wrapped(
    "nfc",
    lambda t: unicodedata.normalize("NFC", t),
    guard=lambda t: not unicodedata.is_normalized("NFC", t),
)

# Always, not only beside other ideographs: whether a radical touches one changes
# as later steps join lines and close spaces, and the decision must not (a radical
# code point in running text means the ideograph it looks like; NFKC folds them too).
fold_radicals = Table("fold_radicals", RADICALS, guard=regex.compile(f"[{RADICAL_RANGE}]"))

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
