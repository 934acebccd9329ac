"""Unicode normal form and character width (spec §1)."""

from __future__ import annotations

import unicodedata

from ..chars import FULLWIDTH_ALNUM
from ..core import Table, Wrapped

nfc = Wrapped(
    "nfc",
    lambda t: unicodedata.normalize("NFC", t),
    guard=lambda t: not unicodedata.is_normalized("NFC", t),
)

# Letters and digits only: full-width punctuation is correct in Chinese text.
halfwidth_alnum = Table("halfwidth_alnum", FULLWIDTH_ALNUM)
