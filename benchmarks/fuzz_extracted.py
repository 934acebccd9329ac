"""Long fuzz run over real extractor output, mutated as extractors differ.

    python benchmarks/fuzz_extracted.py [--examples 5000] [--seed N] [--preset default]

Draws documents from tests/mutations.py (the committed extractions and seeds,
with columns joined by spaces, blank lines dropped or added, lines repeated,
blocks shuffled, form feeds between and inside lines, glyphs doubled, spread or
set one per line) and counts, instead of stopping at the first:

- exceptions (strict: any step that raises),
- idempotence failures (clean(clean(x)) != clean(x)),
- explain() disagreeing with clean().

Prints one JSON object; the first few failing inputs are written to
``--failures DIR`` (default: none) so they can become regression examples.
Exit 1 when anything failed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
os.environ["ZHCLEAN_STRICT"] = "1"

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

import zhclean  # noqa: E402
from mutations import extracted_documents  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=None, help="Hypothesis seed (default: random)")
    ap.add_argument("--preset", default="default", choices=sorted(zhclean.PRESETS))
    ap.add_argument("--failures", metavar="DIR", help="write failing inputs here")
    args = ap.parse_args(argv)
    counts = {"examples": 0, "exceptions": 0, "not_idempotent": 0, "explain_differs": 0}
    kept: list[tuple[str, str]] = []

    def record(kind: str, text: str) -> None:
        counts[kind] += 1
        if len(kept) < 20:
            kept.append((kind, text))

    @settings(max_examples=args.examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(extracted_documents())
    def run(text: str) -> None:
        counts["examples"] += 1
        try:
            once = zhclean.clean(text, preset=args.preset)
            if zhclean.clean(once, preset=args.preset) != once:
                record("not_idempotent", text)
            if zhclean.explain(text, preset=args.preset).text != once:
                record("explain_differs", text)
        except Exception as exc:  # counted, not raised: the run goes on
            record("exceptions", f"{type(exc).__name__}: {exc}\n{text}")

    started = time.perf_counter()
    (seed(args.seed)(run) if args.seed is not None else run)()
    counts["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(counts))
    if args.failures and kept:
        out = Path(args.failures)
        out.mkdir(parents=True, exist_ok=True)
        for k, (kind, text) in enumerate(kept):
            (out / f"{k:02d}-{kind}.txt").write_text(text, encoding="utf-8")
    return 1 if any(counts[k] for k in ("exceptions", "not_idempotent", "explain_differs")) else 0


if __name__ == "__main__":
    sys.exit(main())
