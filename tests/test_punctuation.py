"""Punctuation, quotes, ellipses, dashes and CJK–Latin spacing on sentence tables (spec §3, §4).

The two big tables live in ``cases_punctuation.py`` (the benchmark scores peers on
them too); the small tables here pin one normaliser or one option each,
negatives beside positives.
"""

from __future__ import annotations

import pytest

import zhclean
from cases_punctuation import CHANGE, KEEP
from zhclean.normalizers import punctuation, spacing


def _clean(text: str, **options: object) -> str:
    return zhclean.clean(text, **options).removesuffix("\n")


def test_tables_are_big_enough_to_mean_something():
    assert len(KEEP) >= 100 and len(CHANGE) >= 100
    assert len({t for _, t in KEEP}) == len(KEEP), "duplicate KEEP rows"
    assert len({r for _, r, _ in CHANGE}) == len(CHANGE), "duplicate CHANGE rows"


@pytest.mark.parametrize("text", [t for _, t in KEEP], ids=[f"{c}-{i}" for i, (c, _) in enumerate(KEEP)])
def test_must_not_change(text):
    assert _clean(text) == text


@pytest.mark.parametrize("raw, expected", [(r, e) for _, r, e in CHANGE], ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(CHANGE)])
def test_must_change(raw, expected):
    assert _clean(raw) == expected
    assert _clean(expected) == expected  # the expected form is itself clean


# --- one normaliser at a time -------------------------------------------------

@pytest.mark.parametrize(
    "raw, expected",
    [
        ("他沉默了⋯⋯", "他沉默了……"),
        ("他沉默了⋯⋯⋯⋯", "他沉默了…………"),  # a double ellipsis stays double
        ("Wait...", "Wait..."),  # English
        ("a...b", "a...b"),  # code, ranges
        ("range(1..10)", "range(1..10)"),
        ("他沉默了. . .", "他沉默了. . ."),  # spaced dots are not guessed
        ("他沉默了...,", "他沉默了……,"),  # (this step only; the comma is cjk_punctuation's)
    ],
)
def test_fix_ellipsis(raw, expected):
    assert punctuation.fix_ellipsis(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("这件事--说来话长", "这件事——说来话长"),
        ("--写在前面", "——写在前面"),
        ("git commit --amend", "git commit --amend"),  # a command-line flag
        ("a--b", "a--b"),
        ("这件事—说来话长", "这件事—说来话长"),  # one em dash is left alone
        ("----------", "----------"),  # a rule line
    ],
)
def test_fix_dash(raw, expected):
    assert punctuation.fix_dash(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("北京，，上海", "北京，上海"),
        ("结束了。。", "结束了。"),
        ("结束了。。。", "结束了。。。"),  # an ellipsis, fix_ellipsis's business
        ("快跑！！", "快跑！！"),  # emphasis in prose
        ("真的吗？？", "真的吗？？"),
        ("真的吗？！", "真的吗？！"),
        ("（（徐能））", "（徐能）"),
        ("（（1）加强领导）", "（（1）加强领导）"),  # nested, not doubled
    ],
)
def test_dedupe_punctuation(raw, expected):
    assert punctuation.dedupe_punctuation(raw) == expected


@pytest.mark.parametrize(
    "raw, curly, corner",
    [
        ('战"疫"', "战“疫”", "战「疫」"),
        ('"战\'疫\'必胜"', "“战‘疫’必胜”", "「战『疫』必胜」"),
        ('“战"疫"必胜”', "“战‘疫’必胜”", "「战『疫』必胜」"),
        ("他说“好”", "他说“好”", "他说「好」"),
        ('He said "yes".', 'He said "yes".', 'He said "yes".'),  # no Chinese on the line
        ("It's 他的", "It's 他的", "It's 他的"),  # an apostrophe, not a quote
        ('身高6\'2"的他', '身高6\'2"的他', '身高6\'2"的他'),  # feet and inches
        ('型号："X1"', "型号：“X1”", "型号：「X1」"),  # no Chinese inside: judged past the mark, in either form
        ('称为("AI")技术', "称为(“AI”)技术", "称为(「AI」)技术"),  # brackets cjk_parentheses converts count as Chinese
        ('调用 print("hi") 即可', '调用 print("hi") 即可', '调用 print("hi") 即可'),  # code: brackets it keeps do not
    ],
)
def test_quote_styles(raw, curly, corner):
    assert punctuation.Quotes("curly")(raw) == curly
    assert punctuation.Quotes("corner")(raw) == corner


@pytest.mark.parametrize(
    "raw, message",
    [
        ('我们走吧"', "unpaired straight quote, left as found"),
        ('他说:"我们走', "unpaired straight quote, read as an opening quote"),
        ('他说 "我们走', "unpaired straight quote, read as an opening quote"),
        ('"好"他说"走', "unpaired straight quote, read as an opening quote"),
    ],
)
def test_unpaired_quote_is_reported(raw, message):
    result = zhclean.explain(raw)
    assert [(n.step, n.text, n.message) for n in result.notices] == [("quotes", '"', message)]
    n = result.notices[0]
    assert raw[n.start : n.end] == '"'


def test_paired_quotes_give_no_notice():
    assert zhclean.explain('他说:"我们走"。').notices == []


@pytest.mark.parametrize(
    "raw, none, one, keep",
    [
        ("新款 iPhone 正式发布", "新款iPhone正式发布", "新款 iPhone 正式发布", "新款 iPhone 正式发布"),
        ("全市共有1000名志愿者", "全市共有1000名志愿者", "全市共有 1000 名志愿者", "全市共有1000名志愿者"),
        ("截至 3 月 1 日", "截至3月1日", "截至 3 月 1 日", "截至 3 月 1 日"),
        ("员 带 领 群 众", "员带领群众", "员带领群众", "员带领群众"),  # CJK–CJK is never a policy question
        ("使用 Python 3.11 版本", "使用Python 3.11版本", "使用 Python 3.11 版本", "使用 Python 3.11 版本"),
        ("“OK”好的", "“OK”好的", "“OK”好的", "“OK”好的"),  # no space next to CJK punctuation
    ],
)
def test_cjk_latin_space_policy(raw, none, one, keep):
    assert _clean(raw, cjk_latin_space="none") == none
    assert _clean(raw, cjk_latin_space="one") == one
    assert _clean(raw, cjk_latin_space="keep") == keep


@pytest.mark.parametrize(
    "text",
    [
        "记者 黄合 通讯员 勇祖轩",
        "（徐能 摄）",
        "2020年03月04日13:56 来源：人民网",
        "■ 信息直通车 ZHITONGCHE",
        "第二十三条 本办法自发布之日起施行。",
    ],
)
def test_field_separators_are_kept(text):
    assert spacing.spacing("none")(text) == text


def test_label_is_the_same_label_to_reflow_and_spacing():
    # A label keeps its own line (reflow) and the space after its marker (spacing)
    # up to LABEL_MAX characters; past it, it is prose for both.
    from zhclean.chars import LABEL_MAX
    from zhclean.normalizers.lines import is_label

    label = "/ 战鼓催征 / " + "及" * (LABEL_MAX - 9)
    prose = label + "时"
    assert len(label) == LABEL_MAX and is_label(label) and not is_label(prose)
    assert spacing.spacing("none")(label) == label
    assert spacing.spacing("none")(prose) == prose.replace(" ", "")


@pytest.mark.parametrize("config", ["s2t", "s2twp", "t2s", "tw2sp", "s2hk", "jp2t"])
def test_conversion_never_drops_text_after_a_nul_or_surrogate(config):
    # OpenCC's phrase configurations stop at NUL and drop the rest of the text.
    from zhclean.normalizers.script import ConvertScript

    conv = ConvertScript(config)
    for raw in ["你好\x00世界", "汉字\ud800汉字", "\x00\x00"]:
        out = conv(raw)
        assert out.count("\x00") == raw.count("\x00") and out.count("\ud800") == raw.count("\ud800")
        assert len(out) == len(raw)  # these words keep their length in every configuration


@pytest.mark.parametrize(
    "config, raw, expected, noticed",
    [
        # The phrase table repeats itself on its own output: converted by s2tw, reported.
        ("s2twp", "因脑梗摔倒，但鄞州区", "因腦梗摔倒，但鄞州區", True),
        ("s2twp", "腦梗塞", "腦梗塞", True),
        # A chain the first pass leaves half done (创建 -> 創建 -> 建立) is followed to its end.
        ("s2twp", "有8支，创建党员先锋", "有8支，建立黨員先鋒", False),
        # Negatives: what settles at once is OpenCC's own answer, with no notice.
        ("s2twp", "软件和鼠标", "軟體和滑鼠", False),
        ("s2t", "因脑梗摔倒", "因腦梗摔倒", False),
        ("t2s", "腦梗塞", "脑梗塞", False),
    ],
)
def test_script_conversion_settles(config, raw, expected, noticed):
    once = zhclean.clean(raw, convert=config)
    assert once == expected
    assert zhclean.clean(once, convert=config) == once
    notices = zhclean.explain(raw, convert=config).notices
    assert bool(notices) == noticed
    assert all(n.step == f"convert_{config}" and "does not settle" in n.message for n in notices)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("党--,", "党——，"), ("党－－,好", "党——，好"), ("党...,", "党……，"), ("他说...,好", "他说……，好"),
        ("git --amend,", "git --amend,"), ("a...,", "a...,"), ("1...,", "1...,"),
    ],
)
def test_mark_after_a_dash_or_ellipsis_that_becomes_chinese(raw, expected):
    assert _clean(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("((党))", "（党）"), ("(((党)))", "（党）"), ("(a(党)b)", "（a（党）b）"), ("（（徐能））", "（徐能）"),
        ("((1))党", "((1))党"), ("(see (note))", "(see (note))"), ("（（党）", "（（党）"),  # unbalanced: left
    ],
)
def test_nested_parentheses(raw, expected):
    assert _clean(raw) == expected



@pytest.mark.parametrize(
    "raw, expected",
    [
        ("““好”，他说。", "““好”，他说。"),  # '““' that no reading balances stays as found
        ('他说“你"好。', "他说“你“好。"),  # a straight quote before text opens, by its shape
        ('“甲”和"乙', "“甲”和“乙"),  # every curly quote closed: the straight one is no closer
    ],
)
def test_quotes_reoriented_only_where_the_line_balances(raw, expected):
    assert zhclean.clean(raw) == expected
