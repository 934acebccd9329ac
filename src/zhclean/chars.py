"""Character classes and tables shared by the normalisers (kept apart from the logic,
as ftfy keeps ``chardata.py`` apart from ``fixes.py``).

Every class here is a string fragment for use inside ``[...]`` in a ``regex`` pattern.
"""

from __future__ import annotations

import unicodedata

# Han ideographs plus the ideographic zero; \p{Han} also covers 々 and 〆.
HAN = r"\p{Han}"

# What regex's \s matches (the Unicode White_Space property), spelled out for
# patterns run on the standard re engine, whose \s also takes \x1c-\x1f
# (str.isspace). tests/test_contract.py checks it against regex over all of Unicode.
WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"

# Full-width (CJK) punctuation that ends, opens or sits inside Chinese sentences.
CJK_OPEN = "“‘（《〈【「『〔［｛"
CJK_CLOSE = "”’）》〉】」』〕］｝"
CJK_STOP = "。！？；：，、"
CJK_OTHER = "…⋯—·～・"  # ⋯ always becomes ……, so it is Chinese context already
CJK_PUNCT = CJK_OPEN + CJK_CLOSE + CJK_STOP + CJK_OTHER

# Characters after which a sentence is finished (spec §2).
SENTENCE_END = "。！？!?…⋯；;：:"
# Characters that may follow a sentence end and still close it.
TRAILING_CLOSERS = "”’」』）)》〉】\"'"

# Characters after which a line obviously continues.
# (A straight quote is not here: at a line end it closes as often as it opens.)
CONTINUES = "，,、" + CJK_OPEN + "("

# Exotic spaces that become an ASCII space (spec §1). The ideographic space U+3000
# is included: inside running text it is a layout artefact, and indentation is
# handled by reflow before it matters.
EXOTIC_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"

# Invisible format characters that carry no text (spec §1): BOM/ZWNBSP, zero-width
# space, word joiner, bidi marks, and C0 controls except \t \n \r, and DEL.
# ZWJ/ZWNJ stay (they matter in emoji and scripts). None of these is a byte that
# UTF-8 or GBK mojibake is made of, so removing them first cannot break a repair,
# and it cannot glue two halves of mojibake together afterwards either.
INVISIBLE = "\ufeff\u200b\u2060\u200e\u200f\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f"

# C1 controls and the soft hyphen ARE latin-1 characters and appear inside
# mojibake (中 as UTF-8 read as latin-1 is "ä¸\xad"), so they go only after repair.
CONTROLS = "\x80-\x9f\u00ad"

# Full-width ASCII letters and digits -> half-width (never punctuation: ，（）！ stay).
FULLWIDTH_ALNUM = {
    **{chr(0xFF10 + i): chr(0x30 + i) for i in range(10)},
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
}

# Chinese-context ASCII -> full-width punctuation (spec §4).
ASCII_TO_CJK = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。", "(": "（", ")": "）"}

# Bullets that start a label line such as "■ 本期关注".
# Every form a quotation mark takes here: straight, curly, and the corner brackets
# the "corner" style turns curly ones into. Steps that must decide the same before
# and after the quotes step treat them all alike (reflow widths, quote pairing,
# running-head surroundings).
QUOTE_FORMS = "\"'“”‘’「」『』"

LABEL_BULLETS = "■□●○◆◇▲△★☆▶►◎※"
# A label or kicker line is at most this many characters; a longer line is prose
# that happens to start with a bullet. Shared by reflow (which keeps a label on
# its own line) and spacing (which keeps the space after its marker): if they
# disagreed, the second clean would no longer see the label the first one kept.
LABEL_MAX = 60

# Field words that make a short line a byline/credit whose inner spaces are kept.
# Two characters or more, so that a letter-spaced line (文 化 自 信) never looks like one.
FIELD_WORDS = (
    "本报记者|见习记者|特约记者|记者|通讯员|实习生|摄影|编辑|责编|责任编辑|校对|审核|来源|作者|"
    "供图|制图|整理|本报讯|美编|主编|编审|签发|"
    # Traditional forms, so converted or Traditional text keeps its bylines.
    "本報記者|記者|通訊員|實習生|攝影|編輯|責編|責任編輯|來源|供圖|製圖|本報訊|美編|主編"
)

# Radicals a PDF font's glyph-to-text table gives for ordinary ideographs
# ('⼈⺠⽇报' for 人民日报, '⻓⻔' for 长门): the ideograph they stand for. The
# Kangxi Radicals block by its compatibility decomposition (NFKC, which maps each
# of the 214 to its ideograph); from the CJK Radicals Supplement only the forms
# that are whole characters, each to the ideograph Unicode gives as equivalent
# (EquivalentUnifiedIdeograph.txt). Component forms such as ⺅ (亻) and ⺡ (氵)
# are left: they are not characters of running text, and no font puts them for one.
RADICALS = {
    **{chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)},
    "⺟": "母", "⺠": "民", "⻄": "西", "⻅": "见", "⻆": "角", "⻉": "贝", "⻋": "车", "⻓": "长",
    "⻔": "门", "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻢": "马",
    "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾",
    "⻬": "齐", "⻮": "齿", "⻰": "龙", "⻳": "龟",
}
# Radicals whose ideograph is written one way in Simplified text and another in
# Traditional (户/戶, 黄/黃): a PDF font shares the radical's glyph with the
# ideograph of its own locale, so the text around it decides (pypdf gave ⼾ for
# 户 on a page set in Noto Serif CJK SC: tests/extracted). (Simplified, Traditional.)
RADICAL_VARIANTS = {"⼾": ("户", "戶"), "⿈": ("黄", "黃")}
# 靑 (U+9751) is neither script's form of 青: Simplified and Traditional text alike write 青.
RADICALS["⾭"] = "青"
# Frequent characters written only in one script, in pairs: which script a text is in.
SIMPLIFIED_ONLY = "们这个国说时为会来对发经过还与业动没书长门问间车东见让给从实现学将"
TRADITIONAL_ONLY = "們這個國說時為會來對發經過還與業動沒書長門問間車東見讓給從實現學將"
# One range holding every key: regex scans a single range at 0.05x one regex pass.
RADICAL_RANGE = "\u2e9f-\u2fd5"
