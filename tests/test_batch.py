"""zhclean.batch: dict-of-columns in and out, picklable, as datasets.map / Ray map_batches use it."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

import zhclean
from conftest import RAW
from zhclean.batch import Cleaner, clean_batch


def test_clean_batch_replaces_only_its_column():
    batch = {"id": [1, 2, 3], "text": ["突袭,疫情", "员 带 领", None], "meta": ["a", "b", "c"]}
    out = clean_batch(batch)
    assert out == {"id": [1, 2, 3], "text": ["突袭，疫情", "员带领", None], "meta": ["a", "b", "c"]}
    assert batch["text"][0] == "突袭,疫情"  # the input batch is not mutated


def test_options_output_column_and_errors():
    c = Cleaner("body", output_column="clean", cjk_latin_space="one")
    assert c({"body": ["ICU病房"]}) == {"body": ["ICU病房"], "clean": ["ICU 病房"]}
    with pytest.raises(KeyError, match="no column 'text'"):
        Cleaner()({"body": ["x"]})
    with pytest.raises(zhclean.OptionError):
        Cleaner(quotes="fancy")
    with pytest.raises(TypeError, match="got int"):
        clean_batch({"text": [3]})


def _worker(args):
    cleaner, batch = args
    return cleaner(batch)


def test_cleaner_pickles_and_runs_in_worker_processes():
    docs = [p.read_text(encoding="utf-8") for p in RAW]
    cleaner = pickle.loads(pickle.dumps(Cleaner()))
    batches = [{"text": docs[:2]}, {"text": docs[2:]}]
    with ProcessPoolExecutor(2) as pool:
        outs = list(pool.map(_worker, [(cleaner, b) for b in batches]))
    assert [t for o in outs for t in o["text"]] == [zhclean.clean(d) for d in docs]


def test_datasets_map_batched_num_proc_2_equals_clean():
    datasets = pytest.importorskip("datasets")
    docs = [p.read_text(encoding="utf-8") for p in RAW] * 4
    ds = datasets.Dataset.from_dict({"id": list(range(len(docs))), "text": docs})
    out = ds.map(Cleaner(), batched=True, batch_size=3, num_proc=2)
    assert out["id"] == list(range(len(docs)))
    assert out["text"] == [zhclean.clean(d) for d in docs]
