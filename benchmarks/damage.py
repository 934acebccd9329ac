"""Damage on real text that needed nothing: what zhclean deletes, rewrites and joins.

    python benchmarks/damage_corpus.py      # fetch and build the corpus (once)
    python benchmarks/damage.py [--corpus DIR] [--json FILE] [--show N]

For every genre of the damage corpus (see damage_corpus.py) the default
pipeline cleans each document and the table reports: documents changed,
letters and digits deleted, protected-kind tokens (URLs, paths, options,
dotted names) changed, verse lines / list items / table rows that no longer
start a line (verse also per 1,000 poem lines), and the changes by step (from
explain()). The measures are tests/damage_metrics.py, rules of their own.
Targets: 0 deleted and 0 tokens changed in every genre, at most 5 verse breaks
joined per 1,000 poem lines. ``--show N`` prints the first N damaged documents' diffs.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import zhclean  # noqa: E402
from damage_metrics import TOKEN, breaks_removed, deleted, tokens_changed  # noqa: E402

CORPUS = HERE / ".corpus" / "damage"


def measure(corpus: Path, show: int = 0) -> dict[str, dict]:
    results: dict[str, dict] = {}
    shown = 0
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        row = {"documents": 0, "changed": 0, "unsettled": 0, "characters": 0, "deleted": 0, "tokens_seen": 0, "tokens": 0,
               "verse": 0, "lists": 0, "tables": 0, "verse_seen": 0, "lists_seen": 0, "tables_seen": 0, "steps": Counter()}
        for path in sorted(folder.glob("*.txt")):
            raw = path.read_text(encoding="utf-8")
            result = zhclean.explain(raw)
            clean = result.text
            row["documents"] += 1
            row["characters"] += len(raw)
            row["tokens_seen"] += sum(1 for _ in TOKEN.finditer(raw))
            row["changed"] += clean != raw.rstrip("\n")
            # A second clean that still changes something: the first was not done.
            row["unsettled"] += zhclean.clean(clean) != clean
            lost, toks, brk = deleted(raw, clean), tokens_changed(raw, clean), breaks_removed(raw, clean)
            row["deleted"] += lost
            row["tokens"] += len(toks)
            for k, v in brk.items():
                row[k] += v
            row["steps"].update(result.counts())
            if show and shown < show and (lost or toks or any(v for k, v in brk.items() if not k.endswith("_seen"))):
                shown += 1
                print(f"=== {path} deleted={lost} tokens={toks[:5]} breaks={brk}")
                diff = difflib.unified_diff(raw.split("\n"), clean.split("\n"), lineterm="", n=0)
                print("\n".join(list(diff)[:40]))
        row["verse_per_1000"] = round(1000 * row["verse"] / row["verse_seen"], 1) if row["verse_seen"] else 0.0
        row["steps"] = dict(row["steps"].most_common())
        results[folder.name] = row
    return results


def table(results: dict[str, dict]) -> str:
    head = ("| genre | documents (characters) | changed | changed again by a second clean | letters deleted | tokens changed / seen | "
            "verse lines joined / seen | list items joined / seen | table rows joined / seen | changes by step (most first) |")
    lines = [head, "|" + "---|" * 10]
    for genre, r in results.items():
        steps = ", ".join(f"{k} {v}" for k, v in list(r["steps"].items())[:4])
        lines.append(
            f"| {genre} | {r['documents']} ({r['characters']:,}) | {r['changed']} | {r['unsettled']} | {r['deleted']} | "
            f"{r['tokens']} / {r['tokens_seen']} | {r['verse']} / {r['verse_seen']} | "
            f"{r['lists']} / {r['lists_seen']} | {r['tables']} / {r['tables_seen']} | {steps} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: run python benchmarks/damage_corpus.py first", file=sys.stderr)
        return 2
    results = measure(args.corpus, args.show)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
