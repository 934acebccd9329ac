"""Spec §1: mojibake, invisible characters, exotic spaces, width. Negatives beside positives."""

from __future__ import annotations

import ftfy
import pytest

import zhclean
from zhclean.normalizers.encoding import fix_gbk_mojibake, fix_mojibake
from zhclean.normalizers.whitespace import normalize_nbsp, normalize_newlines, normalize_spaces, remove_controls, remove_invisible
from zhclean.normalizers.width import fold_radicals, halfwidth_alnum, nfc
from conftest import SEEDS


def _gbk_ok(line: str) -> bool:
    try:
        line.encode("gbk")
    except UnicodeEncodeError:
        return False
    return True

SENTENCES = [
    "疫情防控，党员先上！",
    "“战疫”一线（宁波）：共克时艰。",
    "2月14日是支援湖北医生马建科的生日。",
]


@pytest.mark.parametrize("s", SENTENCES)
@pytest.mark.parametrize("codec", ["sloppy-windows-1252", "latin-1"])
def test_utf8_read_as_single_byte_is_repaired(s, codec):
    import ftfy.bad_codecs  # noqa: F401  registers sloppy-windows-1252

    broken = s.encode("utf-8").decode(codec)
    assert broken != s
    assert fix_mojibake(broken) == s
    assert zhclean.clean(broken, preset="minimal") == s


@pytest.mark.parametrize("s", ["中国人民银行发布公告", "疫情防控工作领导小组", "宁波市援助湖北"])
def test_gbk_read_as_latin1_is_repaired(s):
    broken = s.encode("gbk").decode("latin-1")
    assert fix_gbk_mojibake(broken) == s


@pytest.mark.parametrize("s", ["×", "5×3", "——", "党×党"])
def test_utf8_read_as_cp1252_is_repaired_next_to_dashes(s):
    # "×" is C3 97; cp1252 shows 97 as "—", so "Ã—" is mojibake while "Ã——" is a
    # letter before a Chinese dash.
    assert fix_mojibake(s.encode("utf-8").decode("sloppy-windows-1252")) == s


def test_mojibake_mixed_into_clean_lines_only_touches_that_line():
    bad = "党员先上".encode("utf-8").decode("sloppy-windows-1252")
    text = f"第一行，“引号”（括号）！\n{bad}，好\n第三行：　全角空格"
    out = fix_mojibake(text)
    assert out == "第一行，“引号”（括号）！\n党员先上，好\n第三行：　全角空格"


@pytest.mark.parametrize("s", ["élégant Müller café", "naïve façade", "Ångström ±5°C", "price: 5€ or £4", "Â……", "café……", "一“Â”", "Ã——", "á†……", "党“Î”"])
def test_latin_text_with_accents_is_not_mojibake(s):
    assert fix_gbk_mojibake(s) == s
    assert fix_mojibake(s) == s


@pytest.mark.parametrize("s", ["中文，标点：（括号）！“引号”‘单引号’", "全角空格　在这里", "《书名》【注】……——"])
def test_correct_chinese_punctuation_survives_minimal_and_default(s):
    assert fix_mojibake(s) == s
    assert zhclean.clean(s, preset="minimal").replace(" ", "　") == s  # U+3000 becomes a space in minimal


def test_ftfy_defaults_would_damage_chinese_which_is_why_we_never_use_them():
    # Pin the reason for docs/adr/0001: if ftfy ever stops doing this, the ADR can go.
    assert ftfy.fix_text("中文，标点！（括号）") != "中文，标点！（括号）"


def test_invisible_and_controls_removed_newlines_tabs_kept_as_structure():
    assert remove_controls(remove_invisible("\ufeff零\u200b宽\u00ad字\x00符\x7f\x85")) == "零宽字符"
    assert remove_invisible("a\nb") == "a\nb"
    assert remove_invisible("👨\u200d👩") == "👨\u200d👩"  # ZWJ joins emoji: kept


def test_newlines_and_spaces():
    assert normalize_newlines("a\r\nb\rc\u2028d\x0ce") == "a\nb\nc\nd\ne"
    assert normalize_nbsp(normalize_spaces("a\u00a0b\u3000c\td\u2009e")) == "a b c d e"
    assert normalize_spaces("Ã\u00a0") == "Ã\u00a0"  # NBSP waits for mojibake repair: "Ã\xa0" is "à"


def test_halfwidth_alnum_letters_and_digits_only():
    assert halfwidth_alnum("ＡＢＣ１２３ａｂｃ") == "ABC123abc"
    assert halfwidth_alnum("，（）！：；？％") == "，（）！：；？％"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("⼈⺠⽇报", "人民日报"),  # Kangxi radicals (by NFKC) and a supplement form
        ("⻆⾊扮演", "角色扮演"),
        ("⻓江⼤桥⻔⼝", "长江大桥门口"),  # simplified forms from the supplement
        ("⻢⻋⻜⻦⻥⻰", "马车飞鸟鱼龙"),
        ("⾨⾺⿓", "門馬龍"),  # traditional: Kangxi radicals fold to the traditional ideograph
        # 户/戶 and 黄/黃 by the script around them (pypdf on an SC page gave ⼾ for 户);
        # 青 in both scripts (NFKC would give the variant 靑).
        ("楼上住⼾生活，这是⿈河", "楼上住户生活，这是黄河"),
        ("樓上住⼾生活，這是⿈河", "樓上住戶生活，這是黃河"),
        ("⼾⼝", "户口"),  # no evidence either way: Simplified
        ("⾭年", "青年"),
        # Negatives: the ideographs themselves, and component forms that are no
        # character of running text (⺅ is 亻, ⺡ is 氵, ⻌ is 辶).
        ("人民日报", "人民日报"),
        ("⺅⺡⻌", "⺅⺡⻌"),
        ("部首", "部首"),
        ("住户", "住户"),
    ],
)
def test_fold_radicals(raw, expected):
    assert fold_radicals(raw) == expected
    assert zhclean.clean(raw) == expected
    assert zhclean.explain(raw).text == expected
    assert zhclean.clean(raw, fold_radicals=False) == raw


def test_radical_table_maps_to_unified_ideographs():
    import unicodedata

    from zhclean.chars import RADICAL_RANGE, RADICALS

    lo, hi = map(ord, RADICAL_RANGE.split("-"))
    for radical, ideograph in RADICALS.items():
        assert lo <= ord(radical) <= hi, radical  # the guard's one range holds every key
        assert "RADICAL" in unicodedata.name(radical)
        assert unicodedata.name(ideograph).startswith("CJK UNIFIED IDEOGRAPH"), (radical, ideograph)


@pytest.mark.parametrize(
    "raw, expected, noticed",
    [
        ("中国(cid:1234)人民", "中国(cid:1234)人民", ["(cid:1234)"]),  # pdfminer's placeholder: no （） for it
        ("党(cid:12)(cid:345)员,好", "党(cid:12)(cid:345)员，好", ["(cid:12)(cid:345)"]),
        ("中国\ufffd\ufffd人民", "中国\ufffd\ufffd人民", ["\ufffd\ufffd"]),
        ("中国(注:1234)人民", "中国（注：1234）人民", []),  # brackets of real text
        ("see (cid:12) here", "see (cid:12) here", ["(cid:12)"]),
    ],
)
def test_missing_glyphs_are_kept_and_reported(raw, expected, noticed):
    r = zhclean.explain(raw)
    assert r.text == expected
    assert [n.text for n in r.notices if n.step == "missing_glyphs"] == noticed


def test_nfc():
    assert nfc("e\u0301") == "é"
    assert nfc("中文") == "中文"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("他说&quot;你好&quot;，欢迎来到&nbsp;北京&amp;上海。", "他说“你好”，欢迎来到北京&上海。"),
        ("价格&yen;100元，&#8220;优惠&#8221;活动", "价格¥100元，“优惠”活动"),
        ("标题&#x3010;要闻&#x3011;", "标题【要闻】"),
        ("转义两次的&amp;quot;引号&amp;quot;", "转义两次的“引号”"),  # text escaped twice
        # Negatives: no ';', a name HTML does not know, and HTML source (a tag).
        ("版权所有&copy 2020", "版权所有&copy 2020"),
        ("研发&测试;上线", "研发&测试；上线"),
        ("<p>他说&quot;你好&quot;</p>", "<p>他说&quot;你好&quot;</p>"),
    ],
)
def test_html_references(raw, expected):
    assert zhclean.clean(raw) == expected
    assert zhclean.explain(raw).text == expected
    assert zhclean.clean(expected) == expected


def test_html_references_off_by_option():
    assert zhclean.clean("&quot;好&quot;", unescape_html=False) != "“好”"


# Lines of the seeds' gold files: real Chinese prose with its marks, each a
# whole line of GBK read as latin-1 (mostly a run of pairs from end to end).
_GOLD_LINES = [
    line
    for p in sorted(SEEDS.glob("*.expected.txt"))
    for line in p.read_text(encoding="utf-8").split("\n")
    if len(line) >= 10 and _gbk_ok(line)
][:60]


@pytest.mark.parametrize("line", _GOLD_LINES)
def test_gbk_read_as_latin1_is_repaired_whole_on_real_lines(line):
    broken = line.encode("gbk").decode("latin-1")
    assert zhclean.clean(broken) == zhclean.clean(line)


@pytest.mark.parametrize("line", _GOLD_LINES[:20])
def test_lossy_mojibake_never_yields_a_han_character_the_text_lacks(line):
    # UTF-8 read as latin-1 with its C1 bytes dropped (groff without preconv):
    # the bytes are lost, and no repair may guess them.
    lossy = "".join(c for c in line.encode("utf-8").decode("latin-1") if not "\x80" <= c <= "\x9f")
    out = zhclean.clean(lossy)
    invented = {c for c in out if "\u4e00" <= c <= "\u9fff"} - set(line)
    assert not invented, invented


def test_lossy_mojibake_from_a_man_page_is_left_as_found():
    assert zhclean.clean("ç¨æ·å½ä»¤") == "ç¨æ·å½ä»¤"
