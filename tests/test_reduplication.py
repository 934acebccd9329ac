"""Real reduplication and look-alikes are never "undone" (spec §5). Every row passes unchanged."""

from __future__ import annotations

import pytest

import zhclean
from zhclean.normalizers.doubling import undo_fake_bold

KEEP = [
    # AA
    "大家的心紧紧地靠在了一起。", "这是一名小护士，名叫沈双双。", "陈玲玲家属遇到难题。", "留在宁波厚厚的地方史志之中。",
    "他常常加班到深夜。", "党旗高高飘扬。", "谢谢你们！", "看看这些数字。", "妈妈做的饭最好吃。", "宝宝睡着了。",
    "天天在岗没有休息日。", "人人都是志愿者。", "事事有回应。", "件件有着落，事事有反馈。", "慢慢来，不要急。",
    "她轻轻地关上门。", "哈哈哈，太好了！", "嘻嘻，我赢了。", "星星点点的灯光。", "他刚刚到达武汉。",
    "恰恰也是体现党组织力量的时候。", "仅仅过了三个小时。", "整整睡了十个小时。", "纷纷表示支持。", "好好补了个觉。",
    # AABB
    "欢欢喜喜的农历春节。", "安安心心待着。", "时时刻刻在为我们着想。", "千千万万名党员干部凝聚在一起。", "干干净净的街道。",
    "认认真真做好每一件事。", "清清楚楚地写在纸上。", "明明白白地告诉群众。", "高高兴兴上班去。", "平平安安回家来。",
    "大大小小的社区都行动起来。", "来来往往的车辆。", "上上下下齐心协力。", "家家户户贴春联。", "实实在在的成效。",
    # ABAB
    "真的是一场非常非常困难的大考。", "研究研究再决定。", "讨论讨论这个方案。", "雪白雪白的口罩。", "通红通红的脸。",
    "休息休息吧。", "考虑考虑明天的安排。", "商量商量怎么办。", "打扫打扫卫生。", "高兴高兴。",
    # 一AA
    "一个个感人的故事。", "一面面鲜红的党旗。", "一封封请战书。", "一枚枚红手印。", "一声声誓言口号。",
    "一次次冲锋在前。", "一位位院士专家。", "一波波硬核操作。", "一股股力量注入最前沿。", "一道道防护屏障。",
    # look-alikes
    "医疗队队员斗志昂扬。", "驻村工作队队员包组联户。", "同事献花送别医疗队队员。", "党员楼栋长曾炜炜正挨家挨户走访。", "江北滴滴党员雷锋车队的队长王波波。",
    "烽火书记跑跑团。", "暖宝宝和取暖器。", "他是人人皆知的好人。", "工作组组长亲自带队。", "大学学生会主席。",
    # digits and Latin
    "2020年的这个开春。", "1111号房间。", "全市有1000万人口。", "累计采集核酸1188万人次。", "12320热线。",
    "全天24小时3班交替。", "byebye", "blahblah", "coco", "MM豆",
    "2020 2020", "11 22 33", "哈哈 哈哈", "谢谢 谢谢", "好好 学习",
]


def test_table_is_big_enough():
    assert len(KEEP) >= 80


@pytest.mark.parametrize("s", KEEP)
def test_reduplication_is_kept_by_the_doubling_step(s):
    assert undo_fake_bold(s) == s


@pytest.mark.parametrize("s", [k for k in KEEP if " " not in k])
def test_reduplication_survives_the_whole_pipeline(s):
    assert zhclean.clean(s) == s


CHANGE = [
    ("22 月月 99 日日，，", "2 月 9 日，"),
    ("先锋有我先锋有我，，挺起宁波铁脊梁挺起宁波铁脊梁", "先锋有我，挺起宁波铁脊梁"),
    ("（（徐能徐能 摄摄））", "（徐能 摄）"),
    ("队队员队队员。。", "队队员。"),
    ("疫疫情情防防控控，，人人人人有有责责", "疫情防控，人人有责"),
    ("第四批医疗队第四批医疗队\n出征仪式出征仪式。。", "第四批医疗队\n出征仪式。"),
]


@pytest.mark.parametrize("raw, expected", CHANGE)
def test_fake_bold_is_undone(raw, expected):
    assert undo_fake_bold(raw) == expected


def test_character_doubled_headline_keeps_real_reduplication_inside_it():
    # Found by nightly fuzzing: 就是就是 (as printed) inside a character-doubled
    # headline must come back as 就是就是, not 就就是是.
    assert zhclean.clean("朱朱书书记记，，一一个个支支部部就就是是就就是是") == "朱书记，一个支部就是就是"
