"""Paragraph recovery on layouts the seeds do not show.

    python benchmarks/layouts.py            # the table alone (bench.py includes it)

The golden files' clean paragraphs are printed again, hard-wrapped at column
widths 10 to 48 (48: an A4 page in one column) in four layouts, and each tool's output is scored on its
paragraph boundaries (precision, recall, F1, as ``bench.py`` scores the seeds):

- **print**: first lines indented by two ideographic spaces, closing marks never
  start a line (they hang at the end of the line before, as printers set them);
- **indent dropped**: the same with the indent gone, as most PDF extractors give it;
- **flush**: never indented (hard-wrapped plain text);
- **blank lines**: flush, with a blank line after every paragraph.

Without an indent or a blank line, a paragraph whose last line is full reads
exactly like a line that goes on; no rule can see that break. The table gives
the share of such breaks, the limit of recall in the two layouts without either.
Documents are drawn with a fixed seed, so runs compare.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from zhclean.normalizers.lines import width  # noqa: E402

LAYOUTS = ("print", "indent dropped", "flush", "blank lines")
WIDTHS = (10, 14, 18, 24, 30, 36, 40, 44, 48)  # up to an A4 page in one column
PARAGRAPHS_PER_DOC = 6


def _rewrap():
    spec = importlib.util.spec_from_file_location("rewrap", HERE.parent / "tests" / "rewrap.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _boundaries(paras: list[str]) -> set[int]:
    """Breaks between paragraphs, as offsets into the text without whitespace
    (the end of the document is no break: every tool would get it right)."""
    out, pos = set(), 0
    for para in paras:
        if para.strip():
            out.add(pos)
            pos += len("".join(para.split()))
    out.discard(0)
    return out


def render(paras: list[str], w: int, layout: str, wrap) -> tuple[str, int]:
    """The document printed in ``layout`` at width ``w``, and how many of its
    paragraph breaks follow a full last line (invisible without indent or blank)."""
    lines: list[str] = []
    full_ends = 0
    for k, p in enumerate(paras):
        printed = wrap(p, w, indent=layout in ("print", "indent dropped"), kinsoku=True)
        if layout == "indent dropped":
            printed = [line.lstrip("\u3000") for line in printed]
        if k < len(paras) - 1 and width(printed[-1]) >= w - 1:
            full_ends += 1
        lines.extend(printed)
        if layout == "blank lines":
            lines.append("")
    return "\n".join(lines), full_ends


def run(cleaners: dict, docs: int = 40) -> dict:
    """Per layout and width, per tool: boundary precision, recall and F1 summed over
    ``docs`` documents; and the share of breaks after a full last line."""
    rw = _rewrap()
    pool = rw.clean_paragraphs()
    res: dict = {"docs": docs, "widths": list(WIDTHS), "layouts": {}}
    for layout in LAYOUTS:
        rows: dict = {"full_last_line": {}, "tools": {name: {} for name in cleaners}}
        for w in WIDTHS:
            rng = random.Random(f"{layout}-{w}")
            counts = {name: [0, 0, 0] for name in cleaners}  # true positives, found, expected
            breaks = full = 0
            for _ in range(docs):
                paras = rng.sample(pool, PARAGRAPHS_PER_DOC)
                text, full_ends = render(paras, w, layout, rw.wrap)
                gold = _boundaries(paras)
                breaks += len(paras) - 1
                full += full_ends
                for name, fn in cleaners.items():
                    found = _boundaries(fn(text).split("\n"))
                    c = counts[name]
                    c[0] += len(gold & found)
                    c[1] += len(found)
                    c[2] += len(gold)
            rows["full_last_line"][w] = round(full / breaks, 3)
            for name, (tp, n_found, n_gold) in counts.items():
                p, r = (tp / n_found if n_found else 0.0), tp / n_gold
                rows["tools"][name][w] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}
        res["layouts"][layout] = rows
    return res


def markdown(res: dict) -> list[str]:
    widths = res["widths"]
    head = "| tool | " + " | ".join(f"w={w}" for w in widths) + " |"
    rule = "|---|" + "---|" * len(widths)
    md = [f"{res['docs']} documents of {PARAGRAPHS_PER_DOC} paragraphs per cell; paragraph-boundary F1 "
          "(zhclean's precision / recall below each table).", ""]
    for layout, rows in res["layouts"].items():
        md += [f"**{layout}**", "", head, rule]
        for name, by_w in rows["tools"].items():
            md.append(f"| {name} | " + " | ".join(f"{by_w[w]['f1']:.3f}" for w in widths) + " |")
        if "zhclean" in rows["tools"]:
            z = rows["tools"]["zhclean"]
            md.append("| zhclean P / R | " + " | ".join(f"{z[w]['precision']:.2f} / {z[w]['recall']:.2f}" for w in widths) + " |")
        if layout in ("indent dropped", "flush"):
            md.append("| breaks after a full last line | " + " | ".join(f"{rows['full_last_line'][w]:.2f}" for w in widths) + " |")
        md.append("")
    return md


if __name__ == "__main__":
    import peers

    cleaners, skipped = peers.load()
    print("\n".join(markdown(run(cleaners))))
    for name, why in skipped.items():
        print(f"skipped {name}: {why}")
