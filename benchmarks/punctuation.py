"""How many rows of the punctuation tables each tool gets right.

    python benchmarks/punctuation.py

The tables are the test suite's (``tests/cases_punctuation.py``): KEEP rows are
right when the tool returns them unchanged, CHANGE rows when it returns the
expected text exactly. Trailing newlines are ignored for every tool alike.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import peers  # noqa: E402
import regex  # noqa: E402


def tables():
    spec = importlib.util.spec_from_file_location("cases_punctuation", ROOT / "tests" / "cases_punctuation.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod.KEEP, mod.CHANGE


_CJK_SPACE = regex.compile(r"(?<=[\p{Han}\p{P}]) +| +(?=[\p{Han}\p{P}])")


def unspaced(text: str) -> str:
    """Text with the spaces next to Han or punctuation removed: the score that
    ignores the CJK–Latin spacing policy (autocorrect always adds pangu spaces)."""
    return _CJK_SPACE.sub("", text)


def score(fn, keep, change, key=lambda s: s) -> dict:
    """Rows right, overall and per category, plus the first few misses for the record."""
    by_cat: dict[str, list[int]] = {}
    misses = []
    k_ok = c_ok = 0
    for cat, text in keep:
        ok = key(fn(text).rstrip("\n")) == key(text)
        k_ok += ok
        by_cat.setdefault(f"keep/{cat}", [0, 0])[0] += ok
        by_cat[f"keep/{cat}"][1] += 1
        if not ok and len(misses) < 5:
            misses.append({"raw": text, "want": text, "got": fn(text).rstrip("\n")})
    for cat, raw, want in change:
        got = fn(raw).rstrip("\n")
        ok = key(got) == key(want)
        c_ok += ok
        by_cat.setdefault(f"change/{cat}", [0, 0])[0] += ok
        by_cat[f"change/{cat}"][1] += 1
        if not ok and len(misses) < 10:
            misses.append({"raw": raw, "want": want, "got": got})
    return {
        "keep_right": k_ok,
        "keep_rows": len(keep),
        "change_right": c_ok,
        "change_rows": len(change),
        "categories": {k: f"{a}/{b}" for k, (a, b) in sorted(by_cat.items())},
        "misses": misses,
    }


def run() -> dict:
    keep, change = tables()
    cleaners, skipped = peers.load(["zhclean", "autocorrect", "ftfy (defaults)", "ftfy (Chinese-safe)"])
    return {
        "tools": {name: score(fn, keep, change) for name, fn in cleaners.items()},
        "tools_ignoring_spacing": {name: score(fn, keep, change, unspaced) for name, fn in cleaners.items()},
        "skipped": skipped,
    }


def markdown(res: dict) -> list[str]:
    md = ["| tool | must-not-change kept | must-change right | all rows | all rows, CJK spacing ignored |", "|---|---|---|---|---|"]
    for name, s in res["tools"].items():
        u = res["tools_ignoring_spacing"][name]
        total = s["keep_rows"] + s["change_rows"]
        right, uright = s["keep_right"] + s["change_right"], u["keep_right"] + u["change_right"]
        md.append(f"| {name} | {s['keep_right']}/{s['keep_rows']} | {s['change_right']}/{s['change_rows']} | "
                  f"{right}/{total} ({100 * right / total:.0f}%) | {uright}/{total} ({100 * uright / total:.0f}%) |")
    for name, why in res["skipped"].items():
        md.append(f"| {name} | skipped: {why} | | |")
    return md


if __name__ == "__main__":
    print("\n".join(markdown(run())))
