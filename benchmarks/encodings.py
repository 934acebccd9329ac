"""Reading Chinese files in their legacy encodings: zhclean.decode against charset-normalizer.

    python benchmarks/encodings.py [--corpus DIR]

Every document of the seeds, the committed damage sample and (when fetched,
see damage_corpus.py) the damage corpus is encoded as the encodings Chinese
files are saved in: GBK and GB18030 (Simplified genres), Big5 (the Traditional
genre; documents with a character Big5 lacks are skipped), UTF-16 with a BOM
and UTF-8. A decode is right when it gives back the document exactly.
charset-normalizer is measured the same way when it is installed.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import zhclean
from zhclean.decoding import DecodeError

ROOT = Path(__file__).resolve().parent.parent


def documents(corpus: Path) -> list[tuple[str, str]]:
    """(genre, text) of every document found."""
    docs = [("seeds", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.expected.txt"))]
    docs += [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "tests" / "damage").glob("*.txt"))]
    if corpus.is_dir():
        docs += [(p.parent.name, p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*/*.txt"))]
    return docs


def encodings_for(genre: str) -> tuple[str, ...]:
    return ("big5", "utf-16", "utf-8") if genre == "traditional" else ("gbk", "gb18030", "utf-16", "utf-8")


def _charset_normalizer(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else str(best)


def _zhclean(data: bytes) -> str | None:
    try:
        return zhclean.decode(data).text
    except DecodeError:
        return None


def measure(corpus: Path) -> dict[str, dict[str, dict[str, int | float]]]:
    deciders = {"zhclean": _zhclean}
    try:
        import charset_normalizer  # noqa: F401

        deciders["charset-normalizer"] = _charset_normalizer
    except ImportError:
        pass
    out: dict[str, dict[str, dict[str, int | float]]] = {name: {} for name in deciders}
    for genre, text in documents(corpus):
        for enc in encodings_for(genre):
            try:
                data = text.encode(enc)
            except UnicodeEncodeError:
                continue
            for name, fn in deciders.items():
                row = out[name].setdefault(enc, {"documents": 0, "exact": 0, "refused": 0, "wrong": 0, "seconds": 0.0})
                t0 = time.perf_counter()
                got = fn(data)
                row["seconds"] += time.perf_counter() - t0
                row["documents"] += 1
                if got is None:
                    row["refused"] += 1
                elif got.lstrip("\ufeff") == text:
                    row["exact"] += 1
                else:
                    row["wrong"] += 1
    return out


def table(results: dict[str, dict[str, dict[str, int | float]]]) -> str:
    lines = ["| decoder | saved as | documents | exact | refused | wrong | seconds |", "|---|---|---|---|---|---|---|"]
    for name, rows in results.items():
        for enc, r in rows.items():
            lines.append(f"| {name} | {enc} | {r['documents']} | {r['exact']} | {r['refused']} | {r['wrong']} | {r['seconds']:.2f} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "benchmarks" / ".corpus" / "damage")
    args = ap.parse_args()
    print(table(measure(args.corpus)))


if __name__ == "__main__":
    main()
