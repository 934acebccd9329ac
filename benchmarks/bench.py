"""zhclean benchmark: accuracy on the seeds and speed as ratios to one regex pass.

    python benchmarks/bench.py [--mb 5] [--out benchmarks/out]

Writes results.json and results.md. Speeds are ratios against a baseline measured
in the same run (one `regex` pass of (?<=\\p{Han}) (?=\\p{Han}) over the same text),
because absolute MB/s vary by +-30% on shared machines. Never run by the tests
(a smoke test runs it with --mb 0.05).
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from datetime import date
from pathlib import Path

import regex

import zhclean

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(p for p in (ROOT / "seeds").glob("*.txt") if not p.name.endswith(".expected.txt"))
BASELINE = regex.compile(r"(?<=\p{Han}) (?=\p{Han})")


def best_of(fn, text: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
    return best


def levenshtein(a: str, b: str) -> int:
    # Plain O(n*m) DP in Python; seeds are ~10k characters, so this runs in seconds.
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def boundaries(text: str) -> set[int]:
    """Paragraph boundaries as offsets into the text with all whitespace removed."""
    out, pos = set(), 0
    for para in text.split("\n"):
        pos += len("".join(para.split()))
        out.add(pos)
    return out


def accuracy(fast: bool) -> list[dict]:
    rows = []
    for p in SEEDS:
        raw = p.read_text(encoding="utf-8")
        gold = p.with_name(p.name[:-4] + ".expected.txt").read_text(encoding="utf-8")
        out = zhclean.clean(raw)
        row = {"seed": p.name[:3], "exact": out == gold}
        if not fast:
            squeeze = lambda s: "".join(s.split())  # noqa: E731
            row["cer"] = levenshtein(out, gold) / len(gold)
            row["cer_no_ws"] = levenshtein(squeeze(out), squeeze(gold)) / len(squeeze(gold))
            row["cer_raw"] = levenshtein(raw, gold) / len(gold)
        g, o = boundaries(gold), boundaries(out)
        tp = len(g & o)
        prec, rec = tp / len(o), tp / len(g)
        row.update(precision=prec, recall=rec, f1=2 * prec * rec / (prec + rec) if prec + rec else 0.0)
        rows.append(row)
    return rows


def speed(mb: float) -> dict:
    corpus = "\n\n".join(p.read_text(encoding="utf-8") for p in SEEDS)
    text = corpus * max(1, int(mb * 1e6 / len(corpus.encode("utf-8"))))
    size = len(text.encode("utf-8")) / 1e6
    pipe = zhclean.pipeline()
    base = best_of(lambda t: BASELINE.sub("", t), text)
    res = {"mb": round(size, 2), "baseline_mb_s": round(size / base, 1)}
    clean_t = best_of(pipe, text)
    res["clean_ratio"] = round(clean_t / base, 2)
    res["clean_mb_s"] = round(size / clean_t, 2)
    explain_t = best_of(pipe.explain, text, repeat=1)
    res["explain_ratio"] = round(explain_t / base, 2)
    res["explain_over_clean"] = round(explain_t / clean_t, 2)
    steps = {}
    t = text
    for step in pipe.steps:
        st = best_of(step, t, repeat=1)
        key = step.name if step.name not in steps else f"{step.name} (again)"
        steps[key] = round(st / base, 2)
        t = step(t)
    res["steps_ratio"] = steps
    layout = ("undo_fake_bold", "undo_fake_bold (again)", "drop_page_numbers", "drop_running_heads", "drop_stranded_chars", "reflow", "spacing")
    punct = ("quotes", "cjk_parentheses", "cjk_punctuation", "fix_ellipsis", "fix_dash", "dedupe_punctuation")
    res["layout_ratio"] = round(sum(v for k, v in steps.items() if k in layout), 2)
    res["punctuation_ratio"] = round(sum(v for k, v in steps.items() if k in punct), 2)
    return res


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="size of the speed corpus in MB")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "out"))
    ap.add_argument("--fast", action="store_true", help="skip the character error rate (slow DP)")
    args = ap.parse_args(argv)
    result = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()} {platform.processor() or ''} Python {platform.python_version()}".strip(),
        "accuracy": accuracy(args.fast),
        "speed": speed(args.mb),
    }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    md = [f"# zhclean benchmark ({result['date']}, {result['machine']})", "", "## Accuracy on the seeds", "",
          "| seed | exact | CER | CER (no whitespace) | CER of raw | para P | para R | para F1 |", "|---|---|---|---|---|---|---|---|"]
    for r in result["accuracy"]:
        md.append(f"| {r['seed']} | {r['exact']} | {r.get('cer', float('nan')):.4f} | {r.get('cer_no_ws', float('nan')):.4f} | "
                  f"{r.get('cer_raw', float('nan')):.4f} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} |")
    s = result["speed"]
    md += ["", f"## Speed on {s['mb']} MB (ratio = time / one regex pass; baseline {s['baseline_mb_s']} MB/s)", "",
           f"- clean(): {s['clean_ratio']}x ({s['clean_mb_s']} MB/s)", f"- explain(): {s['explain_ratio']}x ({s['explain_over_clean']}x clean())",
           f"- layout steps: {s['layout_ratio']}x; punctuation steps: {s['punctuation_ratio']}x", "", "| step | ratio |", "|---|---|"]
    md += [f"| {k} | {v} |" for k, v in s["steps_ratio"].items()]
    (out / "results.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print("\n".join(md))
    return result


if __name__ == "__main__":
    main()
