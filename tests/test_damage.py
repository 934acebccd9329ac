"""Do no harm: real clean text of eight genres, and the shapes that text takes.

The committed sample (tests/damage/, one document a genre from Debian's
packages) must lose no letter, keep every URL, path, option and dotted name,
and keep every poem line, list item and table row on a line of its own; the
measures are tests/damage_metrics.py, rules of their own. Then the cases of
harm that clean text once suffered, each beside its negative, and Hypothesis
properties: protected tokens embedded in Chinese prose come out unchanged,
and generated verse keeps every break.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import zhclean
from damage_metrics import breaks_removed, deleted, tokens_changed
from zhclean.protect import protected_spans

SAMPLES = sorted((Path(__file__).resolve().parent / "damage").glob("*.txt"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_real_clean_text_is_not_damaged(path):
    raw = path.read_text(encoding="utf-8")
    clean = zhclean.clean(raw)
    assert deleted(raw, clean) == 0
    assert tokens_changed(raw, clean) == []
    breaks = breaks_removed(raw, clean)
    assert {k: v for k, v in breaks.items() if not k.endswith("_seen")} == {"verse": 0, "lists": 0, "tables": 0}
    assert zhclean.clean(clean) == clean
    assert zhclean.explain(raw).text == clean


def test_samples_hold_what_they_are_there_for():
    # The sample must exercise the measures it is checked by (a test that cannot fail is none).
    seen = {p.stem: breaks_removed(p.read_text(encoding="utf-8"), "") for p in SAMPLES}
    assert seen["verse"]["verse_seen"] >= 10
    assert seen["lists"]["lists_seen"] >= 3
    assert seen["tables"]["tables_seen"] >= 3


@pytest.mark.parametrize(
    "raw, expected",
    [
        # An option stays an option; a dash between Chinese is still a dash.
        ("也没有指定 --sort，则按字母排序项目。", "也没有指定 --sort，则按字母排序项目。"),
        ("若指定--quiet选项，将不显示标题。", "若指定--quiet选项，将不显示标题。"),
        ("中国--世界", "中国——世界"),
        # ... also where a man page's line break or justified spaces stood before it.
        ("如果给出了-p 选项，将打印在这个shell中被导出的所有名字的列表。", "如果给出了-p 选项，将打印在这个shell中被导出的所有名字的列表。"),
        ("绝不掉链子”……    --sort    ……服从", "绝不掉链子”……--sort……服从"),
        # Rows that start with an option are an option list, not two columns.
        (
            "--sort 1月5日，为进一步保\n--color=auto 障疫情防控期间辖区居\n--sort 民的医、食、行等民生\nfoo@example.org 需求，北仑新碶街道紧急开通了“红领热线”，以红领之家为依托，分别从北仑邮政、81890北仑分中心抽调了20名党员志愿者。",
            "--sort 1月5日，为进一步保\n--color=auto 障疫情防控期间辖区居\n--sort 民的医、食、行等民生\nfoo@example.org 需求，北仑新碶街道紧急开通了“红领热线”，以红领之家为依托，分别从北仑邮政、81890北仑分中心抽调了20名党员志愿者。",
        ),
        # A literal mark quoted alone, or set apart, stays; a stop after Chinese is Chinese.
        ("不要忽略以点号（“.”）起始的条目，不要列出隐含的 . 和 ..", "不要忽略以点号（“.”）起始的条目，不要列出隐含的 . 和 .."),
        ("这是一个句子.", "这是一个句子。"),
        # ... also after Windows line ends (pypdfium2 gives them).
        ("无限循环。\r\n“.”目录链接到它所在的目录。", "无限循环。\n“.”目录链接到它所在的目录。"),
        ("       文件 ..     文件名列表。", "文件 ..文件名列表。"),
        ("今 年 G D P 增 长 5 . 2 % ， 超 过 预 期", "今年GDP增长5.2%，超过预期"),
        # A path keeps the space that separates it from Chinese; Latin words still close up.
        ("运行 make -C build/release 查看结果", "运行make -C build/release 查看结果"),
        ("详见 https://www.debian.org/doc/ 和 /usr/share/doc 目录", "详见 https://www.debian.org/doc/ 和 /usr/share/doc 目录"),
        ("ICU 病房", "ICU病房"),
        # A command and its output are not page numbers.
        (
            "示例：\n    $ [ 1 = 1 ] ; echo $?\n    0\n    $ [ 1 = 2 ] ; echo $?\n    1",
            "示例：\n    $ [ 1 = 1 ] ; echo $?\n    0\n    $ [ 1 = 2 ] ; echo $?\n    1",
        ),
        # Verse keeps its breaks; hard-wrapped prose is joined.
        ("春风吹过小河边，\n柳枝轻摆水连天。\n孩童追逐田埂上，\n笑声飞入白云间。", "春风吹过小河边，\n柳枝轻摆水连天。\n孩童追逐田埂上，\n笑声飞入白云间。"),
        ("床前明月光，疑是地上霜。\n举头望明月，低头思故乡。", "床前明月光，疑是地上霜。\n举头望明月，低头思故乡。"),
        ("茫茫九派流中国，\n沉沉一线穿南北。\n烟雨莽苍苍，\n龟蛇锁大江。", "茫茫九派流中国，\n沉沉一线穿南北。\n烟雨莽苍苍，\n龟蛇锁大江。"),  # 词
        ("记者昨天从市卫健委获悉，全市医\n疗机构已全面落实预检分诊制度。", "记者昨天从市卫健委获悉，全市医疗机构已全面落实预检分诊制度。"),
        # A distributed last line printed a glyph per line is joined into its sentence.
        (
            "系统在设计时充分考虑了各种情况，保证设备稳定运行，并在紧\n急\n情\n况\n下\n正\n常\n工\n作\n。",
            "系统在设计时充分考虑了各种情况，保证设备稳定运行，并在紧急情况下正常工作。",
        ),
        # A one-word reply is no stranded glyph; a vertical headline still is.
        ("你去吗？\n去\n好的。", "你去吗？\n去\n好的。"),
        ("闻\n\n加\n\n动\n\n正文第一句。", "正文第一句。"),
        # A short note repeated through a text without pages is text.
        (
            "小心\n删除文件前请先备份。这一步骤非常重要，务必认真执行。\n小心\n不要在生产环境直接运行测试脚本。\n小心\n修改配置后需要重新启动服务。",
            "小心\n删除文件前请先备份。这一步骤非常重要，务必认真执行。\n小心\n不要在生产环境直接运行测试脚本。\n小心\n修改配置后需要重新启动服务。",
        ),
        # List items and section numbers stay at the start of their lines.
        ("包括：\n* 一套网络应用，\n* 一套办公应用。", "包括：\n* 一套网络应用，\n* 一套办公应用。"),
    ],
)
def test_harm_cases(raw, expected):
    assert zhclean.clean(raw) == expected
    assert zhclean.clean(expected) == expected


def test_explain_names_what_protection_kept():
    result = zhclean.explain("也没有指定 --sort，则按字母排序项目。")
    kept = [n for n in result.notices if n.message.startswith("protected option")]
    assert kept and all(n.text.strip() == "--sort" for n in kept)
    assert zhclean.clean("也没有指定 --sort，则按字母排序项目。", protect=False) != result.text


def test_an_unclosed_fence_protects_to_the_end_of_its_block():
    text = "说明：\n```\nls -l\n\n后面的段落,不是代码."
    spans = [s for s in protected_spans(text) if s.kind == "block"]
    assert len(spans) == 1 and text[spans[0].start : spans[0].end].strip() == "```\nls -l"
    assert zhclean.clean(text).endswith("后面的段落，不是代码。")


# Chinese prose from the golden paragraphs, with protected tokens put between its sentences.
from rewrap import clean_paragraphs  # noqa: E402

PARAGRAPHS = clean_paragraphs()
TOKENS = st.sampled_from([
    "--sort", "--color=auto", "-l", "/usr/share/doc", "~/.bashrc", "build/release", "https://www.debian.org/doc/",
    "foo@example.org", "v2.3.1", "us.map.gz", "os.path", "`ls -l`",
])


@given(st.sampled_from(PARAGRAPHS), st.lists(TOKENS, min_size=1, max_size=4), st.data())
def test_tokens_embedded_in_chinese_prose_come_out_unchanged(paragraph, tokens, data):
    # Set apart by a space, by the runs of spaces of justified text, or by a
    # man page's line break and indent.
    cut = data.draw(st.lists(st.integers(0, len(paragraph)), min_size=len(tokens), max_size=len(tokens)))
    gap = data.draw(st.sampled_from([" ", "    ", "\n       "]))
    # (Tokens a line apart at least: lines of one token each are a table.)
    assume(gap != "\n       " or all(b - a >= 10 for a, b in zip(sorted(cut), sorted(cut)[1:])))
    pieces, last = [], 0
    for k, token in sorted(zip(cut, tokens)):
        pieces += [paragraph[last:k], f"{gap}{token}{gap[-1]}"]
        last = k
    raw = "".join(pieces) + paragraph[last:]
    clean = zhclean.clean(raw)
    for token in tokens:
        assert clean.count(token) >= raw.count(token), token
    assert zhclean.clean(clean) == clean
    # Windows line ends and an invisible character shift every offset after
    # them; what is protected stays protected.
    assert zhclean.clean("\u200b" + raw.replace("\n", "\r\n")) == clean


HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@given(st.sampled_from([5, 7]), st.integers(2, 8), st.booleans(), st.data())
def test_generated_verse_keeps_every_break(n, lines, two_phrases, data):
    def phrase() -> str:
        return "".join(data.draw(st.lists(HAN, min_size=n, max_size=n)))

    poem = [phrase() + "，" + phrase() + "。" if two_phrases else phrase() + ("，" if k % 2 == 0 else "。") for k in range(lines)]
    raw = "\n".join(poem)
    assert zhclean.clean(raw) == raw
