"""Clean paragraphs of the golden files, and a printer that hard-wraps them again.

Shared by the property tests (artefacts injected into clean text must be undone)
and by ``benchmarks/layouts.py`` (paragraph recovery over layouts the seeds do not
show). Plain functions; no test framework needed.
"""

from __future__ import annotations

from pathlib import Path

from zhclean.normalizers.lines import is_closed, width

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Marks that Chinese typesetting never puts at the start of a line (kinsoku).
NO_LINE_START = frozenset("，。、；：！？）》」』”’…—,.;:!?)")


def clean_paragraphs() -> list[str]:
    """Paragraphs of the golden files that are finished sentences, at least 20
    columns wide, without spaces (a space in a byline is kept on purpose, so it
    cannot be injected) and not labels."""
    return sorted(
        {
            line
            for p in SEEDS.glob("*.expected.txt")
            for line in p.read_text(encoding="utf-8").split("\n")
            if " " not in line and is_closed(line) and 20 <= width(line) and not line.startswith(("■", "/"))
        }
    )


def _printed(c: str) -> float:
    # A printed character's width; width() of a lone "…" is 2 (the final form
    # "……"), but here it is one half of a printed "……".
    return 1.0 if c in "…⋯" else width(c)


def wrap(p: str, w: float, indent: bool, kinsoku: bool = False) -> list[str]:
    """Hard-wrap p at width w, never inside a Latin word or number, which goes to
    the next line whole where it would run past this one (as layouts do).

    indent: the first line starts with two ideographic spaces. kinsoku: a closing
    mark never starts a line; one hangs at the end of the line before (so that
    line is wider than w), as printers set Chinese; a second one is carried over
    with the character before it (so that line is narrower)."""
    lines, cur, cw = [], "\u3000\u3000" if indent else "", 2.0 if indent else 0.0
    hung = False
    for i, c in enumerate(p):
        # A Latin word or number that would run past the line goes to the next
        # line whole, as layouts set it (Chromium carried '335个' and '1643个' over
        # on the extracted pages, leaving the line before short).
        if c.isascii() and c.isalnum() and not (i and p[i - 1].isascii() and p[i - 1].isalnum()) and cw > 2.0:
            run = len(p[i:]) - len(p[i:].lstrip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
            if cw + 0.5 * run > w:
                lines.append(cur)
                cur, cw, hung = "", 0.0, False
        cur += c
        cw += _printed(c)
        nxt = p[i + 1] if i + 1 < len(p) else ""
        if cw >= w and nxt and not (c.isascii() and c.isalnum() and nxt.isascii() and nxt.isalnum()):
            if kinsoku and nxt in NO_LINE_START:
                if not hung:
                    hung = True
                    continue
                # Carry the last other character over, with the marks after it.
                k = max((j for j, ch in enumerate(cur) if ch not in NO_LINE_START), default=0)
                if k > 0:
                    lines.append(cur[:k])
                    cur, hung = cur[k:], False
                    cw = sum(map(_printed, cur))
                    continue
            lines.append(cur)
            cur, cw, hung = "", 0.0, False
    if cur:
        lines.append(cur)
    return lines
