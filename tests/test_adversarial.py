"""No input can make zhclean hang: 256 KB of the shapes that make naive regexes quadratic.

This is a hang detector with a generous bound (an alarm), not a speed assertion;
speed is measured as ratios in benchmarks/.
"""

from __future__ import annotations

import signal

import pytest

import zhclean
from zhclean.presets import registry

SIZE = 256 * 1024
BOUND_SECONDS = 60

INPUTS = {
    "spaces": " " * SIZE,
    "one_char": "中" * SIZE,
    "one_line_no_newline": ("疫情防控，党员先上" * (SIZE // 9))[:SIZE],
    "blank_lines": "\n" * SIZE,
    "alternating_cjk_space": "中 " * (SIZE // 2),
    "doubled_text": "先锋有我先锋有我，，" * (SIZE // 10),
    "quotes_unbalanced": '"中' * (SIZE // 2),
    "parens_nested": "(" * (SIZE // 2) + ")" * (SIZE // 2),
    "controls": "".join(chr(c) for c in range(32)) * (SIZE // 32),
    "dots": "." * SIZE,
    "latin1_run": "\u00c3" * SIZE,
    "single_glyph_lines": "闻\n" * (SIZE // 2),
}


@pytest.fixture
def alarm():
    def boom(signum, frame):
        raise TimeoutError(f"took more than {BOUND_SECONDS}s")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(BOUND_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_clean_and_explain_finish(name, alarm):
    text = INPUTS[name]
    out = zhclean.clean(text)
    assert zhclean.clean(out) == out
    assert zhclean.explain(text).text == out


@pytest.mark.parametrize("name", ["spaces", "one_char", "alternating_cjk_space", "doubled_text", "quotes_unbalanced"])
def test_every_normaliser_finishes(name, alarm):
    for step in registry():
        step.edits(INPUTS[name])
