"""Line breaks, invisible characters and exotic spaces (spec §1)."""

from __future__ import annotations

from ..chars import CONTROLS, EXOTIC_SPACES, INVISIBLE
from ..core import AnyChar, Rule, Table

# pdftotext separates pages with \f; treat it, VT and the Unicode separators as line
# breaks. Runs before remove_invisible, which would otherwise drop \f and VT.
normalize_newlines = Rule("normalize_newlines", r"\r\n?|[\u2028\u2029\x0b\x0c]", "\n", guard=r"[\r\u2028\u2029\x0b\x0c]")

remove_invisible = Rule("remove_invisible", f"[{INVISIBLE}]+", "", guard=AnyChar.of_class(INVISIBLE))

remove_controls = Rule("remove_controls", f"[{CONTROLS}]+", "", guard=AnyChar.of_class(CONTROLS))

normalize_spaces = Table("normalize_spaces", {c: " " for c in EXOTIC_SPACES})
