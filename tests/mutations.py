"""Real extractor output, mutated the way extractors differ from one another.

Hypothesis-made strings never take the shape of a real page (a crash in
``split_columns`` took 26 lines of pdfplumber's output to show), so this
strategy starts from real output instead: the committed extractions in
``tests/extracted/`` and the raw seeds, and changes them as another extractor
or another page would: two columns' lines joined by spaces, blank lines dropped
or added, a line repeated (fake bold, a running head), a block shuffled, a form
feed between lines or inside one (a page cut mid-line), a line doubled glyph by
glyph or letter-spaced, two documents run together.

Used by ``tests/test_extracted_fuzz.py`` (a modest count in CI) and
``benchmarks/fuzz_extracted.py`` (long runs that count failures).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from hypothesis import strategies as st

HERE = Path(__file__).resolve().parent
SOURCES = sorted(
    [p for p in (HERE / "extracted").glob("*.txt")]
    + [p for p in (HERE.parent / "seeds").glob("*.txt") if not p.name.endswith(".expected.txt")]
)
TEXTS = {p.name: p.read_text(encoding="utf-8") for p in SOURCES}

Draw = Callable[..., object]


def _span(draw: Draw, n: int, most: int) -> tuple[int, int]:
    """A run ``[i, j)`` of at least one of ``n`` lines, at most ``most`` long."""
    i = draw(st.integers(0, max(0, n - 1)))
    j = draw(st.integers(i + 1, min(n, i + most)))
    return i, j


def join_columns(lines: list[str], draw: Draw) -> list[str]:
    """A block's first half and second half joined row by row, as pdfplumber
    joins two columns (one space) or pdftotext -layout sets them (a gutter)."""
    i, j = _span(draw, len(lines), 24)
    half = (j - i) // 2
    if half < 1:
        return lines
    gap = " " * draw(st.sampled_from([1, 1, 1, 2, 3, 6]))
    left, right = lines[i : i + half], lines[i + half : i + 2 * half]
    return lines[:i] + [a + gap + b if b else a for a, b in zip(left, right)] + lines[i + 2 * half :]


def drop_blanks(lines: list[str], draw: Draw) -> list[str]:
    return [line for line in lines if line.strip()]


def add_blank(lines: list[str], draw: Draw) -> list[str]:
    i = draw(st.integers(0, len(lines)))
    return lines[:i] + [""] + lines[i:]


def repeat_line(lines: list[str], draw: Draw) -> list[str]:
    """A line printed twice (fake bold), at once or at the block's end."""
    i = draw(st.integers(0, len(lines) - 1))
    at = draw(st.sampled_from([i + 1, len(lines)]))
    return lines[:at] + [lines[i]] + lines[at:]


def shuffle_block(lines: list[str], draw: Draw) -> list[str]:
    i, j = _span(draw, len(lines), 6)
    return lines[:i] + draw(st.permutations(lines[i:j])) + lines[j:]


def form_feed(lines: list[str], draw: Draw) -> list[str]:
    """A page break between two lines."""
    i = draw(st.integers(1, max(1, len(lines) - 1)))
    return lines[:i] + ["\f" + lines[i] if i < len(lines) else "\f"] + lines[i + 1 :]


def cut_page(lines: list[str], draw: Draw) -> list[str]:
    """A page break inside a line (a page cut mid-line)."""
    i = draw(st.integers(0, len(lines) - 1))
    line = lines[i]
    k = draw(st.integers(0, len(line)))
    return lines[:i] + [line[:k] + "\f" + line[k:]] + lines[i + 1 :]


def double_glyphs(lines: list[str], draw: Draw) -> list[str]:
    """A line doubled glyph by glyph, as pdfplumber prints a fake-bold headline."""
    i = draw(st.integers(0, len(lines) - 1))
    return lines[:i] + ["".join(c + c for c in lines[i])] + lines[i + 1 :]


def letter_space(lines: list[str], draw: Draw) -> list[str]:
    """A line's glyphs set apart by spaces (a justified or spread line)."""
    i = draw(st.integers(0, len(lines) - 1))
    return lines[:i] + [" ".join(lines[i])] + lines[i + 1 :]


def one_glyph_per_line(lines: list[str], draw: Draw) -> list[str]:
    """A line printed a glyph per line, as PyMuPDF prints a distributed line."""
    i = draw(st.integers(0, len(lines) - 1))
    return lines[:i] + list(lines[i].replace(" ", "")) + lines[i + 1 :]


MUTATIONS = [
    join_columns, drop_blanks, add_blank, repeat_line, shuffle_block, form_feed, cut_page, double_glyphs,
    letter_space, one_glyph_per_line,
]


@st.composite
def extracted_documents(draw: Draw, most: int = 4) -> str:
    """A real extraction (or two run together), cut to a window of lines, mutated
    by up to ``most`` of the MUTATIONS."""
    names = draw(st.lists(st.sampled_from(sorted(TEXTS)), min_size=1, max_size=2))
    lines: list[str] = []
    for name in names:
        all_lines = TEXTS[name].split("\n")
        i, j = _span(draw, len(all_lines), 80)
        lines += all_lines[i:j]
    for mutation in draw(st.lists(st.sampled_from(MUTATIONS), max_size=most)):
        if lines:
            lines = mutation(lines, draw)
    return "\n".join(lines)
