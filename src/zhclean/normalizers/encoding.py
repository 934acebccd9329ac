"""Mojibake repair (spec §1): UTF-8 read as cp1252/latin-1 via ftfy, GBK read as latin-1 by hand.

ftfy is never called with its defaults: they turn ``，：（）！“”`` into ASCII and
U+3000 into a space (docs/adr/0001-ftfy-chinese-safe-config.md). It is also slow
(~1/60 of a regex pass), so it only sees lines that a cheap pattern flags.
"""

from __future__ import annotations

import html

import ftfy
import regex

from ..core import Edit, Normalizer, Note, Table, Rule, Wrapped, check_text
from ..plausibility import gb2312_level1, looks_chinese

# The only ftfy fixes we want: encoding repair. Everything that touches
# punctuation, width, quotes, line breaks or normalisation is off.
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

# A UTF-8 lead byte seen as latin-1 (Â..ô) followed by a continuation byte seen
# as latin-1 (C1 controls, NBSP..¿) or as cp1252 (€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ).
# Continuation bytes 80-BF as latin-1 or cp1252 shows them; "…" (85) apart.
_CONT_TWO_BYTE = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u201a\u201e\u2020-\u2022\u2030\u2039\u203a\u20ac\u2122"
)
_CONT = _CONT_TWO_BYTE + "\u2014\u2018\u2019\u201c\u201d"
# A lead byte followed by a continuation byte. Exceptions, all nightly fuzz
# finds where zhclean's own output looked like mojibake on the second clean:
# - after Â (C2) only NBSP..¿ count: C2 80-9F would decode to a C1 control, no
#   text worth repairing, and "Â”" is likelier a letter before a curled quote;
# - a two-byte lead (Ã-ß) takes one continuation byte, so "……" or "——" after
#   it is not a sequence's rest but fix_ellipsis's or fix_dash's output ("Ã……",
#   "Ã——"; "Ã—" alone is "×" and is repaired); nor is "……" a three-byte
#   sequence's last byte ("á\x86⋯" became "á†……", then "ᆅ…"); nor, after a
#   two-byte lead, a curly quote: the quotes step curls '党"Î"' to '党“Î”', which
#   read as "Δ" on the second clean. Such a letter (Ó Ô Δ Д ...) is still
#   repaired when anything else on its line is flagged.
# Written as one character class first, the lead byte then checked by lookbehind:
# the regex engine scans for a single class fast, while a leading alternation
# made every position a trial (3x one regex pass on clean text, now 0.06x).
UTF8_MOJIBAKE = regex.compile(
    f"[\u00c2-\u00f4](?:(?<=\u00c2)[\u00a0-\u00bf]|(?<=[\u00c3-\u00df])(?:…(?!…)|—(?!—)|[{_CONT_TWO_BYTE}])"
    f"|(?<=[\u00e0-\u00f4])(?:[{_CONT}](?!……)|…(?!…)))"
)


def _fix_utf8_lines(text: str) -> str:
    # Only the flagged lines go through ftfy, so clean lines never pay for it
    # and ftfy cannot touch a line it has no reason to.
    parts: list[str] = []
    pos = 0
    for m in UTF8_MOJIBAKE.finditer(text):
        if m.start() < pos:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        parts.append(text[pos:start])
        parts.append(_repaired_line(text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _repaired_line(line: str) -> str:
    # A line that still looks like mojibake after ftfy lost bytes (UTF-8 read as
    # latin-1 with its C1 bytes dropped, as groff prints a man page without
    # preconv). What ftfy made of it is a guess ('å»æ¤' became '廿¤'), and a
    # guess invents characters: the line stays as found.
    fixed = ftfy.fix_text(line, FTFY_CONFIG)
    return line if UTF8_MOJIBAKE.search(fixed) is not None else fixed


fix_mojibake = Wrapped("fix_mojibake", _fix_utf8_lines, guard=lambda t: UTF8_MOJIBAKE.search(t) is not None)

# A C1 control left after repair is a cp1252 byte read as latin-1 (spec §1): the
# quotes of '他说\x93你好\x94', a '\x80' for '€'. ftfy's own C1 fix ran only on the
# lines flagged as mojibake, so a control on a line that reflow later joined to
# a flagged one was converted only on the next clean (nightly fuzz find). So every
# lone one is converted, flagged line or not; the five bytes cp1252 leaves
# undefined stay controls. Runs after GBK repair, whose lead bytes they can be.
_CP1252_C1 = {chr(b): bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
fix_c1_controls = Table("fix_c1_controls", _CP1252_C1)


# GBK read as latin-1: pairs of a lead byte 0x81-0xFE and a trail byte 0x40-0xFE.
# ftfy does not undo this, so it is done here, and only where the result is
# wholly Chinese, reads as Chinese (zhclean.plausibility) and the run is not glued
# to a Latin word (``élégant``). It runs before the UTF-8 repair: GBK's bytes
# hold UTF-8 lead and continuation bytes too, and ftfy, seeing them first,
# would turn pieces of a GBK run into other letters ('ÊÐ½Ì' into 'Êн').
GBK_RUN = regex.compile(r"(?:[\u0081-\u00fe][\u0040-\u007e\u0080-\u00fe])+")
GBK_GUARD = regex.compile(r"[\u0081-\u00fe][\u0080-\u00fe]")
_CHINESE = regex.compile(r"[\p{Han}，。、；：？！“”‘’（）《》…—·\d]+")


def _gbk_decoded(run: str) -> str | None:
    """The run as GBK, if that is wholly Chinese; else None."""
    try:
        out = run.encode("latin-1").decode("gbk")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return None
    if _CHINESE.fullmatch(out) is None or out.isdigit():
        return None
    return out


def _is_evidence(run: str) -> bool:
    # A run long enough to judge alone: four pairs or more, or eight characters.
    high = sum(1 for c in run if c >= "\u0080")
    return len(run) >= 8 or (len(run) >= 4 and high == len(run))


def _fix_gbk(text: str) -> str:
    runs = list(GBK_RUN.finditer(text))
    decoded = [_gbk_decoded(m.group()) for m in runs]
    # Bytes that are not GBK still pair up into Han characters, rare ones: UTF-8
    # read as latin-1 with its C1 bytes lost ('ç¨æ·å½ä»¤', groff without
    # preconv) would become '绋娣褰浠'. Only runs that read as Chinese count,
    # all of them together (one GBK text), and only then a short run between
    # digits or Latin ('2ÔÂ14ÈÕ', '“12320¡±') is repaired too: alone, one
    # pair is as likely a pair of accented letters.
    evidence = "".join(d for m, d in zip(runs, decoded) if d is not None and _is_evidence(m.group()))
    if not evidence or not looks_chinese(evidence, gb2312_level1()):
        return text
    parts: list[str] = []
    pos = 0
    for m, d in zip(runs, decoded):
        if d is None or not (looks_chinese(d, gb2312_level1()) or regex.search(r"\p{Han}", d) is None):
            continue
        parts += [text[pos : m.start()], d]
        pos = m.end()
    parts.append(text[pos:])
    return "".join(parts)


fix_gbk_mojibake = Wrapped("fix_gbk_mojibake", _fix_gbk, guard=lambda t: GBK_GUARD.search(t) is not None)


def _surrogate(m: "regex.Match[str]") -> str:
    s = m.group()
    if len(s) == 2:
        return chr(0x10000 + ((ord(s[0]) - 0xD800) << 10) + (ord(s[1]) - 0xDC00))
    return "\ufffd"


# A str can hold surrogate code points (JSON "\ud83d\ude00" decoded by a lax
# reader, or a file decoded with surrogateescape). A pair becomes the character
# it encodes; a lone one cannot be written as UTF-8 at all and becomes U+FFFD,
# visibly, rather than crashing every later writer (OpenCC, json, files).
fix_surrogates = Rule(
    "fix_surrogates",
    "[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]",
    _surrogate,
    guard="[\ud800-\udfff]",
)


class MissingGlyphs(Normalizer):
    """Changes nothing; reports where the extractor had no text for a glyph.

    pdfminer and pdfplumber write ``(cid:1234)`` for a glyph whose font has no
    map to Unicode, other extractors U+FFFD. The characters are lost before
    zhclean sees the text and cannot be guessed, and deleting the placeholder
    would hide the loss, so each run is left as found and named in
    ``explain().notices``."""

    name = "missing_glyphs"
    _RUN = regex.compile(r"(?:\(cid:\d+\))+|\ufffd+")

    def __call__(self, text: str) -> str:
        return check_text(text)  # (and the base's edits() finds none)

    def notes(self, text: str) -> list[Note]:
        """Every run of (cid:N) placeholders or U+FFFD."""
        check_text(text)
        if "(cid:" not in text and "\ufffd" not in text:
            return []
        return [
            Note(m.start(), m.end(), "glyphs the extractor could not map to text (the characters are missing), left as found")
            for m in self._RUN.finditer(text)
        ]


missing_glyphs = MissingGlyphs()


# HTML character references left in text taken from web pages ('&quot;', '&nbsp;',
# '&#8220;'): an encoding of the character, like mojibake, and worse left alone,
# since the punctuation steps read the ';' as a Chinese mark ('&quot；'). Only
# references that end in ';', and none where the text holds markup (a tag): that
# is HTML source, not text. An escaped ampersand before a reference ('&amp;quot;',
# text escaped twice) is part of it, so one pass leaves nothing for the next clean
# to undo (ADR 0017). A name HTML5 does not know stays as found.
_REF = r"(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_REFERENCE = regex.compile(f"&(?:amp;|#0{{0,5}}38;|#[xX]0{{0,4}}26;)*({_REF})")
_MARKUP = regex.compile(r"</?[A-Za-z][A-Za-z0-9]*+(?:\s[^<>\n]*+)?/?>")


def _unescaped(m: "regex.Match[str]") -> str:
    # Each level of escaping turns one '&amp;' back into '&'; what is left at the
    # end is '&' and the last reference.
    return html.unescape("&" + m.group(1))


class UnescapeHtml(Normalizer):
    """HTML character references (``&quot;`` ``&#8220;``) become the characters they encode."""

    name = "unescape_html"

    @staticmethod
    def _skip(text: str) -> bool:
        return "&" not in text or _REFERENCE.search(text) is None or _MARKUP.search(text) is not None

    def __call__(self, text: str) -> str:
        check_text(text)
        return text if self._skip(text) else _REFERENCE.sub(_unescaped, text)

    def edits(self, text: str) -> list[Edit]:
        check_text(text)
        if self._skip(text):
            return []
        out = []
        for m in _REFERENCE.finditer(text):
            new = _unescaped(m)
            if new != m.group():
                out.append(Edit(m.start(), m.end(), new))
        return out


unescape_html = UnescapeHtml()
