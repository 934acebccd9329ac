"""Public API: clean/explain, options and their errors, presets, offsets, pickling."""

from __future__ import annotations

import pickle

import pytest

import zhclean
from zhclean import OptionError, Options


def test_clean_examples():
    assert zhclean.clean("员 带 领 群 众 一 起 投 身 战\"疫\",2 月 14 日") == "员带领群众一起投身战“疫”，2月14日"
    assert zhclean.clean("ICU 病房", cjk_latin_space="one") == "ICU 病房"
    assert zhclean.clean("ICU病房", cjk_latin_space="one") == "ICU 病房"
    assert zhclean.clean("ICU 病房") == "ICU病房"
    assert zhclean.clean("ICU  病房", cjk_latin_space="keep") == "ICU  病房"
    assert zhclean.clean("战\"疫\"", quotes="corner") == "战「疫」"
    assert zhclean.clean("漢字", convert="t2s") == "汉字"


@pytest.mark.parametrize(
    "kwargs, needle",
    [
        ({"reflw": True}, "unknown option 'reflw'"),
        ({"quotes": "fancy"}, "quotes='fancy'"),
        ({"cjk_latin_space": "two"}, "'none', 'one', 'keep'"),
        ({"reflow": "yes"}, "reflow must be True or False"),
        ({"convert": "x2y"}, "'t2s'"),
        ({"paragraph_separator": "\r\n"}, "paragraph_separator"),
    ],
)
def test_bad_options_name_the_problem(kwargs, needle):
    with pytest.raises(OptionError) as info:
        zhclean.clean("文本", **kwargs)
    assert needle in str(info.value)
    assert isinstance(info.value, TypeError) and isinstance(info.value, ValueError)


def test_unknown_preset():
    with pytest.raises(OptionError, match="unknown preset 'fast'"):
        zhclean.clean("文本", preset="fast")


def test_options_are_frozen_and_presets_are_options():
    with pytest.raises(Exception):
        Options().reflow = False  # type: ignore[misc]
    assert all(isinstance(v, Options) for v in zhclean.PRESETS.values())


@pytest.mark.parametrize("bad", [b"\xe4\xb8\xad", None, 12, object()])
def test_non_str_input(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        zhclean.clean(bad)
    with pytest.raises(TypeError, match=type(bad).__name__):
        zhclean.explain(bad)


def test_explain_changes_point_into_raw_text():
    raw = "突袭,疫情\n员 带 领\n\n群众"
    r = zhclean.explain(raw)
    assert r.text == zhclean.clean(raw)
    by_step = {c.step for c in r.changes}
    assert {"cjk_punctuation", "spacing", "reflow"} <= by_step
    comma = next(c for c in r.changes if c.step == "cjk_punctuation")
    assert raw[comma.start:comma.end] == "," and comma.after == "，"
    for c in r.changes:
        assert 0 <= c.start <= c.end <= len(raw)


def test_span_mapping_both_ways():
    raw = "2 月 14 日是支援湖北医生马建\n科的生日，志愿者买来蛋糕，与其\n家属通过网络为其庆生；2 月 15\n日，支援湖北护士陈玲玲家属遇到\n更换煤气瓶难题。"
    r = zhclean.explain(raw)
    i = r.text.index("马建科")
    s, e = r.to_raw(i, i + 3)
    assert raw[s:e].replace("\n", "") == "马建科"
    assert r.to_clean(s, e) == (i, i + 3)
    assert r.to_raw(0, len(r.text)) == (0, len(raw))


def test_removed_furniture_is_reported():
    raw = "闻\n\n加\n\n动\n\n正文第一句。\n\n- 12 -\n\n正文第二句。"
    r = zhclean.explain(raw)
    removed = {c.before for c in r.changes if c.step.startswith("drop_")}
    assert removed == {"闻", "加", "动", "- 12 -"}
    assert "闻" not in r.text and "正文第一句。" in r.text


def test_pipeline_is_picklable_and_cached():
    p = zhclean.pipeline()
    q = pickle.loads(pickle.dumps(p))
    assert q("突袭,疫情") == p("突袭,疫情") == "突袭，疫情"
    assert zhclean.pipeline() is p


def test_pipeline_is_a_normalizer_and_composes():
    inner = zhclean.pipeline(preset="minimal")
    outer = zhclean.Pipeline([inner, zhclean.pipeline()])
    assert outer("Ａ１ 突袭,疫情") == "A1突袭，疫情"
    assert outer.explain("突袭,疫情").text == "突袭，疫情"
