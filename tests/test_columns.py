"""Columns printed side by side (split_columns, ADR 0015): small tables of cases,
negatives beside positives, and the output of real extractors.

The rows are laid out here the way ``pdftotext -layout`` lays out a page: every
column's lines start at one character offset, and a gutter of spaces lies
between them. ``tests/extracted/`` holds what real extractors made of one
two-column PDF page (see its README); they are cleaned whole.
"""

from __future__ import annotations

from itertools import zip_longest
from pathlib import Path

import pytest

import zhclean
from test_seeds import readable_diff
from zhclean.normalizers.columns import split_columns

LEFT = [
    "  记者昨天从市卫健委获悉，全市各",
    "级医疗机构已经全面落实预检分诊制",
    "度，发热门诊实行二十四小时值守，",
    "确保患者得到及时救治。",
    "  下一步，各地将继续加强社区防控",
    "工作，做好外来人员排查登记。",
]
RIGHT = [
    "  市场监管部门持续加大对口罩等防",
    "护用品的监督检查力度，严厉打击哄",
    "抬物价等违法行为，维护市场秩序。",
    "  各社区志愿者主动请缨，协助做好",
    "卡口值守和物资配送，连日来累计服",
    "务居民一万余人次。",
]
THIRD = [
    "  全市各级党组织把疫情防控作为",
    "当前最重要的工作来抓，层层压实",
    "责任，确保各项措施落到实处。",
    "  广大党员干部冲锋在前，在疫情",
    "防控一线亮身份、作表率，筑起了",
    "群防群控的坚固防线。",
]
THIRD_READ = (
    "全市各级党组织把疫情防控作为当前最重要的工作来抓，层层压实责任，确保各项措施落到实处。\n"
    "广大党员干部冲锋在前，在疫情防控一线亮身份、作表率，筑起了群防群控的坚固防线。"
)
READ = (
    "记者昨天从市卫健委获悉，全市各级医疗机构已经全面落实预检分诊制度，发热门诊实行二十四小时值守，确保患者得到及时救治。\n"
    "下一步，各地将继续加强社区防控工作，做好外来人员排查登记。\n"
    "市场监管部门持续加大对口罩等防护用品的监督检查力度，严厉打击哄抬物价等违法行为，维护市场秩序。\n"
    "各社区志愿者主动请缨，协助做好卡口值守和物资配送，连日来累计服务居民一万余人次。"
)


def side_by_side(*columns: list[str], gutter: int = 4, width: int | None = None) -> str:
    """Columns laid out as a layout-keeping extractor prints them (``width``: of
    each column in characters, by default its longest line)."""
    widths = [(width or max(map(len, c))) + gutter for c in columns[:-1]]
    rows = []
    for parts in zip_longest(*columns, fillvalue=""):
        row = "".join(p.ljust(w) for p, w in zip(parts, widths)) + parts[-1]
        rows.append(row.rstrip())
    return "\n".join(rows)


SPLIT = [
    ("two columns", side_by_side(LEFT, RIGHT), READ),
    ("a narrow gutter", side_by_side(LEFT, RIGHT, gutter=2), READ),
    # One left line ran over (numbers no printer breaks), so the gutter lies far
    # right of most left lines (nightly find).
    ("a left line that ran over", side_by_side([*LEFT[:3], "确保患者得到及时救治，已救治12345、67890人次。", *LEFT[4:]], RIGHT, gutter=8),
     READ.replace("确保患者得到及时救治。", "确保患者得到及时救治，已救治12345、67890人次。")),
    # Quotes are the only marks in most left lines (nightly find).
    ("lines of quoted slogans", side_by_side(['  敬业街道华工社区党委书记', '召集社区七类人员开展“党日说事', '”活动。', '  “在中转站设立党员示范岗”', '“将临时党支部设在隔离病区”“党', '员主动请缨，递交请战申请书”“', '第一时间成立党员志愿服务队”“', '支部组建抗击肺炎应急第一梯队'], ['”……武汉市金银潭医院结核第三', '党支部、宜昌市第三人民医院党', '委、襄阳市中西医结合医院党委', '、孝感市中心医院感染肿瘤党支', '部、麻城市人民医院内科党支部', '等医院基层党组织在救治一线谱', '写了一曲曲凝心聚力的战斗壮歌', '。'], gutter=2),
     '敬业街道华工社区党委书记召集社区七类人员开展“党日说事”活动。\n“在中转站设立党员示范岗”“将临时党支部设在隔离病区”“党员主动请缨，递交请战申请书”“第一时间成立党员志愿服务队”“支部组建抗击肺炎应急第一梯队”……武汉市金银潭医院结核第三党支部、宜昌市第三人民医院党委、襄阳市中西医结合医院党委、孝感市中心医院感染肿瘤党支部、麻城市人民医院内科党支部等医院基层党组织在救治一线谱写了一曲曲凝心聚力的战斗壮歌。'),
    # Four rows side by side, one left part in four with a mark (nightly find).
    ("a short right column beside few marks", side_by_side(['  华中科技大学同济医学院附', '属协和医院1253名党员递交请战', '书，“不计报酬，无论生死”，呼', '吸科党支部第一时间成立党员防', '控疫情突击队，喊响“我是党员，', '跟我上”，主动带头承担进驻隔离', '病房、陪护患者转院、支援发热', '门诊等急难险重任务。', '  南京市中医院党委委员、副', '院长徐辉倒下的前几分钟，还在'], ['和医疗处主任通电话。作为医院', '新冠肺炎防治指挥部副组长和工', '作小组组长，她已经在一线不分', '昼夜连续奋战了18天。'], gutter=2),
     '华中科技大学同济医学院附属协和医院1253名党员递交请战书，“不计报酬，无论生死”，呼吸科党支部第一时间成立党员防控疫情突击队，喊响“我是党员，跟我上”，主动带头承担进驻隔离病房、陪护患者转院、支援发热门诊等急难险重任务。\n南京市中医院党委委员、副院长徐辉倒下的前几分钟，还在和医疗处主任通电话。作为医院新冠肺炎防治指挥部副组长和工作小组组长，她已经在一线不分昼夜连续奋战了18天。'),
    # A page margin (the extractor set the text in from a running head further
    # left): every line shares it, and a first-line indent is what is over it.
    ("a page margin", "\n".join("      " + line for line in LEFT), READ.split("\n", 2)[0] + "\n" + READ.split("\n", 2)[1]),
    ("a page margin and columns", "\n".join("      " + line for line in side_by_side(LEFT, RIGHT).split("\n")), READ),
    ("a headline over both columns stays first", "      社区防控工作扎实推进各项措施落到实处\n" + side_by_side(LEFT, RIGHT),
     "社区防控工作扎实推进各项措施落到实处\n" + READ),
    ("the right column shorter", side_by_side(LEFT, RIGHT[:4]), READ.rsplit("\n", 1)[0] + "\n各社区志愿者主动请缨，协助做好"),
    ("the left column longer than the right", side_by_side(LEFT + ["  此外，各地还加强了巡查。"], RIGHT),
     READ.replace("登记。\n", "登记。\n此外，各地还加强了巡查。\n")),
    ("three columns", side_by_side(LEFT, RIGHT, THIRD), READ + "\n" + THIRD_READ),
    ("pages apart, the short last page",
     side_by_side(LEFT, RIGHT) + "\f" + side_by_side(["今后将进一步加强巡查和指导工作，", "确保落实。"], ["  市民如有问题，可拨打热", "线电话咨询。"], width=16),
     READ + "\n今后将进一步加强巡查和指导工作，确保落实。\n市民如有问题，可拨打热线电话咨询。"),
]

def joined(*columns: list[str]) -> str:
    """Columns as pdfplumber's ``extract_text`` gives them: each row's parts joined
    by one space, indents dropped."""
    return "\n".join(" ".join(p.strip() for p in parts if p.strip()) for parts in zip_longest(*columns, fillvalue=""))


def column_order(*columns: list[str]) -> str:
    return "\n".join(line.strip() for column in columns for line in column)


# Columns joined by one space (pdfplumber): split_columns puts each column's
# lines after the column before it. (Without the dropped indents, where the
# paragraphs break is reflow's question, as in any reading-order output.)
JOINED = [
    ("two columns", joined(LEFT, RIGHT), column_order(LEFT, RIGHT)),
    ("three columns", joined(LEFT, RIGHT, THIRD), column_order(LEFT, RIGHT, THIRD)),
    ("a headline over the columns", "社区防控工作扎实推进\n" + joined(LEFT, RIGHT), "社区防控工作扎实推进\n" + column_order(LEFT, RIGHT)),
    # The left column is the longer one: its last line, alone on the row, goes on
    # its unfinished line above.
    ("the left column longer", joined(LEFT, RIGHT[:5]), column_order(LEFT, RIGHT[:5])),
    # ... but where that line is finished, what comes after the rows may follow the
    # columns instead (pdfplumber sets no blank line), and stays after them.
    ("a finished left column, then a line", joined(LEFT[:4], RIGHT[:4]) + "\n" + "（本报记者张三）",
     column_order(LEFT[:4], RIGHT[:4]) + "\n" + "（本报记者张三）"),
    # A justified line spread out (single glyphs apart) is one part, kept spaced:
    # reflow reads a letter-spaced line as full.
    ("a letter-spaced part", joined(["“ 在 中 转 站 设 立 党 员 示 范", *LEFT[1:]], RIGHT),
     column_order(["“ 在 中 转 站 设 立 党 员 示 范", *LEFT[1:]], RIGHT)),
    # A short right column whose lines mostly end at a mark: the lines that break
    # mid-sentence are counted over both columns (Hypothesis find).
    ("a right column of lines ending at marks", joined(LEFT[:4] + ["工作，做好外来人员排查登记"], [
        "护用品的监督检查力度，严厉打击。", "抬物价等违法行为，维护市场秩序、", "各社区志愿者主动请缨，协助做好",
        "卡口值守和物资配送，连日来累计，", "务居民一万余人次。"]),
     column_order(LEFT[:4] + ["工作，做好外来人员排查登记"], ["护用品的监督检查力度，严厉打击。", "抬物价等违法行为，维护市场秩序、",
                  "各社区志愿者主动请缨，协助做好", "卡口值守和物资配送，连日来累计，", "务居民一万余人次。"])),
    ("pages apart by form feeds", joined(LEFT, RIGHT) + "\f" + joined(THIRD[:3], THIRD[3:]),
     column_order(LEFT, RIGHT) + "\f" + column_order(THIRD[:3], THIRD[3:])),
    ("pages apart by a blank line", joined(LEFT, RIGHT) + "\n\n" + joined(THIRD[:3], THIRD[3:]),
     column_order(LEFT, RIGHT) + "\n\n" + column_order(THIRD[:3], THIRD[3:])),
]

KEEP = [
    # A poem's lines with a space between their halves: every half ends with a mark.
    "白日依山尽， 黄河入海流。\n欲穷千里目， 更上一层楼。\n两个黄鹂鸣翠柳， 一行白鹭上青天。\n窗含西岭千秋雪， 门泊东吴万里船。",
    # A table of short cells apart by one space.
    "地区 确诊病例 治愈出院\n湖北省 67000例 50000例\n广东省 1300例 1200例\n浙江省 1200例 1100例\n河南省 1270例 1200例",
    # Wrapped text with spaces around Latin words and numbers (pangu spacing).
    "我们使用 Python 编写了数据清洗脚本，\n并在 2020 年完成了第一版的开发工作，\n随后又在 GitHub 上公开了全部源代码，\n欢迎大家使用 zhclean 并提出宝贵意见。",
    # Running text whose every line opens with a letter-spaced run: the spaced
    # glyphs make one part before the rest, but this is no column (Hypothesis find).
    "\n".join(" ".join(p[:n]) + p[n:] for p, n in zip((READ + "\n" + THIRD_READ).split("\n"), (9, 6, 2, 8, 10, 12))),
    # Question and answer side by side, each finished.
    "问：口罩应该多久更换一次？ 答：一般四个小时更换一次。\n问：外出回家后应该做什么？ 答：先洗手，再更换衣物。\n"
    "问：家中需要每天消毒吗？ 答：保持通风，定期清洁即可。\n问：出现发热症状怎么办？ 答：及时到发热门诊就医。",

    # A table: short cells far apart, not columns of prose.
    "地区        确诊      治愈\n湖北        67000     50000\n广东        1300      1200\n浙江        1200      1100\n河南        1270      1200",
    # A table whose first cells are long: no sentence runs through its rows.
    "\n".join(f"{a}    {b}    {c}" for a, b, c in [("上海市浦东新区张江镇", "1300", "1200"), ("江苏省苏州市工业园区", "1250", "1190"),
               ("浙江省杭州市西湖区", "980", "950"), ("广东省深圳市南山区", "1020", "1000"), ("湖北省武汉市江汉区", "3400", "3100")]),
    # Letter-spaced lines: every gap as wide as the one at the "gutter".
    "\n".join(["员  带  领  群  众  一  起  投  身", "战  疫  一  线  不  断  取  得  胜", "利  的  消  息  传  来  大  家  都",
               "非  常  高  兴  纷  纷  表  示  要", "继  续  努  力  做  好  防  控  工"]),
    # One column, indented: no gap with text on both sides.
    "\n".join(LEFT),
    # A gutter only three lines tall.
    side_by_side(LEFT[:3], RIGHT[:3]),
    # Every line indented by two: the text's own paragraph indents, no margin.
    "  记者昨天从市卫健委获悉。\n  下一步，各地将继续加强防控。",
    # A dateline beside a headline, once.
    "本报讯          2020年3月4日",
]


@pytest.mark.parametrize("name, raw, expected", SPLIT, ids=[row[0] for row in SPLIT])
def test_columns_are_read_in_order(name, raw, expected):
    assert zhclean.clean(raw) == expected


@pytest.mark.parametrize("name, raw, expected", JOINED, ids=[row[0] for row in JOINED])
def test_columns_joined_by_a_space_are_read_in_order(name, raw, expected):
    assert split_columns(raw) == expected


@pytest.mark.parametrize("raw", KEEP)
def test_no_columns_no_change(raw):
    assert split_columns(raw) == raw


def test_edits_apply_to_the_output_and_name_the_step():
    raw = "标题\n" + side_by_side(LEFT, RIGHT) + "\n\n完"
    edits = split_columns.edits(raw)
    assert len(edits) == 1 and raw[: edits[0].start] == "标题\n" and raw[edits[0].end :] == "\n\n完"
    assert "\n".join(LEFT) in split_columns(raw) and "\n".join(RIGHT) in split_columns(raw)
    assert any(c.step == "split_columns" for c in zhclean.explain(raw).changes)


def test_windows_line_ends():
    assert zhclean.clean(side_by_side(LEFT, RIGHT).replace("\n", "\r\n")) == READ


def test_off_by_option():
    raw = side_by_side(LEFT, RIGHT)
    assert zhclean.clean(raw, split_columns=False) != READ


EXTRACTED = Path(__file__).resolve().parent / "extracted"


def _read(name: str) -> str:
    return (EXTRACTED / name).read_bytes().decode("utf-8")  # as made: \r\n and \f kept


def test_pdftotext_layout_of_a_two_column_page():
    gold = _read("two-columns.expected.txt").rstrip("\n")
    actual = zhclean.clean(_read("two-columns.pdftotext-layout.txt"))
    assert actual == gold, "\n" + readable_diff(gold, actual)


@pytest.mark.parametrize("page", ["three-columns", "three-columns-headfoot", "one-column", "one-column-headfoot"])
def test_pdftotext_layout_of_other_pages(page):
    # -headfoot: printed with the browser's date head and URL and page-count foot,
    # which set every line in by a margin; the heads go by their pages (\f).
    # one-column: an A4 column of 45 characters a line, first lines indented.
    gold = _read(f"{page.removesuffix('-headfoot')}.expected.txt").rstrip("\n")
    actual = zhclean.clean(_read(f"{page}.pdftotext-layout.txt"))
    assert actual == gold, "\n" + readable_diff(gold, actual)


@pytest.mark.parametrize("page", ["one-column", "two-columns", "three-columns"])
@pytest.mark.parametrize("extractor", ["pdftotext", "pdftotext-layout", "pdfium", "pypdf", "pdfplumber"])
def test_pdf_extractors_lose_and_invent_nothing(page, extractor):
    # Paragraph breaks are not all recoverable (without the indent most extractors
    # drop, a paragraph whose last line is full reads as going on), characters
    # are: pypdf's radicals included.
    squeeze = lambda s: "".join(s.split())  # noqa: E731
    gold = squeeze(_read(f"{page}.expected.txt"))
    actual = squeeze(zhclean.clean(_read(f"{page}.{extractor}.txt")))
    assert actual == gold, "\n" + readable_diff(gold, actual)


@pytest.mark.parametrize("page", ["one-column", "three-columns"])
@pytest.mark.parametrize("extractor", ["pdftotext", "pdftotext-layout", "pdfplumber"])
def test_browser_head_and_foot_go_and_nothing_else(page, extractor):
    # pdfplumber sets the foot's URL and page count on one line, 56 characters
    # wide in ASCII: page heads are judged by printed width, not characters.
    squeeze = lambda s: "".join(s.split())  # noqa: E731
    gold = squeeze(_read(f"{page}.expected.txt"))
    actual = squeeze(zhclean.clean(_read(f"{page}-headfoot.{extractor}.txt")))
    assert actual == gold, "\n" + readable_diff(gold, actual)
