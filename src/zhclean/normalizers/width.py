"""Unicode normal form and character width (spec §1)."""

from __future__ import annotations

import unicodedata

from ..chars import FULLWIDTH_ALNUM
from ..core import AnyChar, Rule, Wrapped

nfc = Wrapped(
    "nfc",
    lambda t: unicodedata.normalize("NFC", t),
    guard=lambda t: not unicodedata.is_normalized("NFC", t),
)

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
