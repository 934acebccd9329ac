"""The benchmark runs (on a tiny input); its numbers are never asserted here."""

import importlib.util
from pathlib import Path


def test_benchmark_runs_on_a_small_input(tmp_path):
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "bench.py"
    spec = importlib.util.spec_from_file_location("bench", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    result = bench.main(["--mb", "0.05", "--fast", "--scale", "0.02,0.04", "--adversarial-mb", "0.01", "--layout-docs", "2",
                         "--peers", "zhclean,ftfy (defaults)", "--out", str(tmp_path)])
    assert (tmp_path / "results.json").exists() and (tmp_path / "results.md").exists()
    assert set(result["accuracy"]["zhclean"]) == {"000", "001", "002", "003", "004"}
    assert result["speed"]["clean_ratio"] > 0
    assert len(result["scaling"]["rows"]) == 2
    assert {"vs_linear", "baseline_vs_linear", "ratio_vs_linear"} <= set(result["scaling"]["rows"][1])
    assert "all spaces" in result["adversarial"]["inputs"]
    assert result["punctuation"]["tools"]["zhclean"]["keep_rows"] >= 100
    assert set(result["layouts"]["layouts"]) == {"print", "indent dropped", "flush", "blank lines"}
