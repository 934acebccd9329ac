"""Shared fixtures; Hypothesis profiles: 'ci' (default, short) and 'nightly' (long fuzzing)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Every pipeline in the suite is strict: a step that raises fails the test that
# reached it, instead of keeping its input and warning (zhclean.pipeline.STRICT_ENV).
# The tests of that fallback remove it with monkeypatch; CLI subprocesses inherit it.
os.environ["ZHCLEAN_STRICT"] = "1"

settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("nightly", max_examples=20000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RAW = sorted(p for p in SEEDS.glob("*.txt") if not p.name.endswith(".expected.txt"))


def gold_of(raw: Path) -> Path:
    return raw.with_name(raw.name[: -len(".txt")] + ".expected.txt")


@pytest.fixture(scope="session")
def seed_pairs() -> list[tuple[str, str, str]]:
    return [(p.name, p.read_text(encoding="utf-8"), gold_of(p).read_text(encoding="utf-8")) for p in RAW]
