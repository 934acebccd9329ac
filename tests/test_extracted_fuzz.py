"""No document may stop a run.

Real extractor output, mutated as extractors differ (tests/mutations.py), must
clean without raising and idempotently; and when a step does raise (a bug),
the pipeline keeps that step's input for that document, reports it, and goes
on, unless it is strict (the suite is: conftest sets ZHCLEAN_STRICT).
"""

from __future__ import annotations

import sys
import warnings

import pytest
from hypothesis import given

import zhclean
from mutations import HERE, extracted_documents
from zhclean.cli import main
from zhclean.normalizers import columns

# The module, not the function zhclean.pipeline that shadows it as an attribute.
pipeline_module = sys.modules["zhclean.pipeline"]
REPRO = HERE / "extracted" / "news-two-columns-cut.pdfplumber.txt"
RAW_EXTRACTIONS = sorted(p for p in (HERE / "extracted").glob("*.txt") if not p.name.endswith(".expected.txt"))


@pytest.mark.parametrize("preset", sorted(zhclean.PRESETS))
def test_pdfplumber_page_whose_joined_rows_overlapped_cleans_idempotently(preset):
    # Two hints of space-joined rows whose regions shared lines made two
    # overlapping edits ("edits overlap or are unsorted at offset 405").
    text = REPRO.read_text(encoding="utf-8")
    once = zhclean.clean(text, preset=preset)
    assert zhclean.clean(once, preset=preset) == once
    assert zhclean.explain(text, preset=preset).text == once


def test_joined_regions_never_share_a_line():
    text = REPRO.read_text(encoding="utf-8")
    regions = columns._joined_regions(text)
    assert len(regions) >= 2
    assert all(a_end < b_start for (_, a_end), (b_start, _) in zip(regions, regions[1:]))


@given(extracted_documents())
def test_mutated_real_extractions_clean_idempotently(text):
    once = zhclean.clean(text)  # strict in the suite: any step's exception fails here
    assert zhclean.clean(once) == once
    assert zhclean.explain(text).text == once


# A step that fails: split_columns raises on every page that holds a form feed.
def _failing_split_columns(monkeypatch):
    def edits(self, text):
        if "\f" in text:
            raise RuntimeError("injected failure")
        return []

    monkeypatch.setattr(columns.SplitColumns, "edits", edits)
    monkeypatch.delenv(pipeline_module.STRICT_ENV)
    monkeypatch.setattr(pipeline_module, "_warned", set())


def test_a_failing_step_keeps_its_input_reports_it_and_warns_once(monkeypatch):
    _failing_split_columns(monkeypatch)
    text = "员 带 领 群 众\f一起投身战疫,再接再厉"
    without = zhclean.clean(text, split_columns=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert zhclean.clean(text) == without
        assert zhclean.clean(text + "。") == zhclean.clean(text + "。", split_columns=False)
    assert [w.category for w in caught] == [zhclean.StepFailedWarning]  # once per step and error type
    assert "split_columns" in str(caught[0].message) and "injected failure" in str(caught[0].message)

    result = zhclean.explain(text)
    assert result.text == without
    assert result.failures == [zhclean.StepFailure("split_columns", "RuntimeError: injected failure")]
    assert [n.step for n in result.notices if "failed" in n.message] == ["split_columns"]

    with pytest.raises(RuntimeError, match="injected failure"):
        zhclean.clean(text, strict=True)


def test_strict_in_the_environment_reraises(monkeypatch):
    _failing_split_columns(monkeypatch)
    monkeypatch.setenv(pipeline_module.STRICT_ENV, "1")
    with pytest.raises(RuntimeError, match="injected failure"):
        zhclean.clean("一\f二")


def test_corpus_run_with_a_failing_step_finishes_and_counts_the_documents(monkeypatch, tmp_path, capsys):
    _failing_split_columns(monkeypatch)
    out = tmp_path / "out"
    assert main([*map(str, RAW_EXTRACTIONS), "--out-dir", str(out)]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    failing = [p for p in RAW_EXTRACTIONS if "\f" in p.read_text(encoding="utf-8")]
    assert 0 < len(failing) < len(RAW_EXTRACTIONS)
    for p in failing:
        assert f"{p}: step split_columns failed (RuntimeError: injected failure)" in err
    assert f"{len(failing)} with a failed step" in err
    for p in RAW_EXTRACTIONS:
        text = p.read_text(encoding="utf-8")
        # The failing documents are cleaned by every other step; the rest fully.
        expected = zhclean.clean(text, split_columns=p not in failing)
        assert (out / p.name).read_text(encoding="utf-8") == expected.rstrip("\n") + "\n"


def test_batch_cleaner_counts_and_names_failures(monkeypatch):
    _failing_split_columns(monkeypatch)
    from zhclean.batch import Cleaner

    cleaner = Cleaner(failure_column="failures")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = cleaner({"text": ["一,二", "一\f二", None]})
    assert out["text"] == ["一，二", zhclean.clean("一\f二", split_columns=False), None]
    assert out["failures"][0] == "" and "split_columns" in out["failures"][1] and out["failures"][2] == ""
    assert cleaner.failed == 1
