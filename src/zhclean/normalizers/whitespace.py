"""Line breaks, invisible characters and exotic spaces (spec §1)."""

from __future__ import annotations

from ..chars import CONTROLS, EXOTIC_SPACES, INVISIBLE
from ..core import AnyChar, Rule, Table

# pdftotext separates pages with \f; treat it, VT and the Unicode separators as line
# breaks. Runs before remove_invisible, which would otherwise drop \f and VT.
normalize_newlines = Rule("normalize_newlines", r"\r\n?|[\u2028\u2029\x0b\x0c]", "\n", guard=AnyChar("\r\u2028\u2029\x0b\x0c"))

remove_invisible = Rule("remove_invisible", f"[{INVISIBLE}]+", "", guard=AnyChar.of_class(INVISIBLE))

remove_controls = Rule("remove_controls", f"[{CONTROLS}]+", "", guard=AnyChar.of_class(CONTROLS))

# Exotic spaces become spaces before mojibake repair, so ftfy judges a line the
# same way on every clean ("Ü“Â\t" was left alone, "Ü“Â " repaired as "ܓ" with
# an NBSP: fuzz find). All but NBSP, which is itself a byte of mojibake
# ("Ã\xa0" is "à") and becomes a space only after repair.
normalize_spaces = Table("normalize_spaces", {c: " " for c in EXOTIC_SPACES if c != "\u00a0"})
normalize_nbsp = Table("normalize_nbsp", {"\u00a0": " "})
