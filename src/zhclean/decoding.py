"""Bytes to text: UTF-8, the Chinese legacy encodings, and UTF-16/32 with a BOM.

``decode(data)`` reads what Chinese text on disk is saved as (ADR 0019): a
byte-order mark decides; else strict UTF-8; else whichever of GB18030 (which
covers GBK and GB 2312) and Big5-HKSCS decodes the bytes into text that reads as
Chinese (``zhclean.plausibility``); else a ``DecodeError`` naming the offset and
the encodings tried. Nothing is ever decoded with replacement characters.
"""

from __future__ import annotations

import codecs
from typing import NamedTuple

from .plausibility import PLAUSIBLE, common_share, unusable_share

__all__ = ["decode", "Decoded", "DecodeError", "BOMS", "LEGACY"]

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Tried in this order when the bytes are not UTF-8; a tie goes to the first.
LEGACY = ("gb18030", "big5hkscs")
# Characters of a candidate decode that are scored (a file's start is enough to
# tell a codec apart, and keeps guessing cheap on large files).
SAMPLE = 65536


class DecodeError(ValueError):
    """The bytes are not text in the encoding asked for, nor in any tried."""


class Decoded(NamedTuple):
    """What :func:`decode` returns."""

    text: str
    # The codec's name as Python spells it ("utf-8", "gb18030", "utf-16", ...).
    encoding: str


def _bom(data: bytes) -> str | None:
    for mark, name in BOMS:
        if data.startswith(mark):
            return name
    return None


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise DecodeError(f"not valid {encoding} at byte offset {e.start} (byte 0x{data[e.start]:02x})") from None


def _score(text: str) -> float:
    sample = text[:SAMPLE]
    return common_share(sample) - unusable_share(sample)


def decode(data: bytes, encoding: str = "auto") -> Decoded:
    """Decode ``data``; ``encoding`` is a codec name or ``"auto"`` (see the module)."""
    if encoding != "auto":
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            raise DecodeError(f"unknown encoding {encoding!r}") from None
        return Decoded(_strict(data, name), name)
    bom = _bom(data)
    if bom is not None:
        return Decoded(_strict(data, bom), bom)
    nul = data.find(b"\x00")
    if nul >= 0:
        # Text in a legacy encoding or UTF-8 has no NUL; UTF-16 without a mark
        # is not guessed.
        raise DecodeError(f"looks like a binary file (NUL byte at offset {nul})")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as e:
        not_utf8 = e
    best: Decoded | None = None
    best_score = PLAUSIBLE
    for name in LEGACY:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = _score(text)
        if score >= best_score and (best is None or score > best_score):
            best, best_score = Decoded(text, name), score
    if best is None:
        raise DecodeError(
            f"not valid UTF-8 at byte offset {not_utf8.start} (byte 0x{data[not_utf8.start]:02x}), "
            f"and not Chinese text in {' or '.join(LEGACY)}; name the encoding (encoding=..., or --encoding)"
        )
    return best
