"""Fetch and build the damage corpus: real, clean Chinese text of eight genres.

    python benchmarks/damage_corpus.py [--cache DIR] [--out DIR] [--per-genre N]

Every document comes from a Debian package that ships Chinese text, fetched
with ``apt-get download`` (no install; run ``apt-get update`` once first) and
unpacked with ``dpkg-deb -x``. HTML is turned into text by ``lynx -dump`` (as
a user would save a page; tables by ``w3m -dump``, which draws them with box rules), man pages by ``groff -k -Tutf8 -mandoc`` (left
adjusted, no hyphenation), fortunes are split at their ``%`` lines with their
colour codes removed. Long dumps are cut into documents of about 4,000
characters at blank lines. Documents are drawn with a fixed seed, so a rebuild
from the same packages gives the same corpus. The corpus stays out of git
(``benchmarks/.corpus``); ``tests/damage/`` holds a small committed sample.

| genre | packages | licence |
|---|---|---|
| prose | fortunes-zh (``chinese``), debian-reference-zh-cn | GPL-2+ (fortunes-zh), GPL-2+ (debian-reference) |
| technical | maint-guide-zh-cn, lilypond-doc-html-zh, libreoffice-help-zh-cn | GPL-2+, GFDL-1.3+, MPL-2.0 |
| reference | manpages-zh (``zh_CN`` sections 1 and 8) | GFDL-1.2+ |
| verse | fortunes-zh (``tang300``, ``song100``) | GPL-2+ (the poems themselves are centuries old) |
| dialogue | debian-faq-zh-cn (questions and answers) | GPL-2+ |
| lists | debian-edu-doc-zh-cn (the bookworm manual) | GPL-2+ |
| tables | debian-reference-zh-cn through ``w3m -dump`` (box-drawn tables; documents with three rows or more) | GPL-2+ |
| traditional | maint-guide-zh-tw, debian-reference-zh-tw, manpages-zh (``zh_TW``) | GPL-2+, GFDL-1.2+ |
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".corpus" / "cache"
OUT = HERE / ".corpus" / "damage"

PACKAGES = [
    "fortunes-zh", "debian-reference-zh-cn", "maint-guide-zh-cn", "lilypond-doc-html-zh", "manpages-zh",
    "debian-faq-zh-cn", "debian-edu-doc-zh-cn", "libreoffice-help-zh-cn", "maint-guide-zh-tw", "debian-reference-zh-tw",
]
# (genre, package, glob under the unpacked package, converter)
SOURCES = [
    ("prose", "fortunes-zh", "usr/share/games/fortunes/chinese", "fortune"),
    ("prose", "debian-reference-zh-cn", "usr/share/debian-reference/*.zh-cn.html", "html"),
    ("technical", "maint-guide-zh-cn", "usr/share/doc/maint-guide-zh-cn/html/*.html", "html"),
    ("technical", "lilypond-doc-html-zh", "**/*.html", "html"),
    ("reference", "manpages-zh", "usr/share/man/zh_CN/man[18]/*.gz", "man"),
    ("verse", "fortunes-zh", "usr/share/games/fortunes/tang300", "fortune"),
    ("verse", "fortunes-zh", "usr/share/games/fortunes/song100", "fortune"),
    ("dialogue", "debian-faq-zh-cn", "**/*.html", "html"),
    ("lists", "debian-edu-doc-zh-cn", "usr/share/doc/debian-edu-doc-zh-cn/debian-edu-bookworm-manual.html", "html"),
    ("technical", "libreoffice-help-zh-cn", "usr/share/libreoffice/help/zh-CN/text/shared/**/*.html", "html"),
    ("tables", "debian-reference-zh-cn", "usr/share/debian-reference/*.zh-cn.html", "w3m"),
    ("traditional", "maint-guide-zh-tw", "usr/share/doc/maint-guide-zh-tw/html/*.html", "html"),
    ("traditional", "debian-reference-zh-tw", "usr/share/debian-reference/*.zh-tw.html", "html"),
    ("traditional", "manpages-zh", "usr/share/man/zh_TW/man1/*.gz", "man"),
]
DOC_CHARS = 4000
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# A table row as w3m draws one, between box rules.
_ROW = re.compile(r"(?m)^│.*│$")
# A document of the tables genre holds this many rows or more.
MIN_ROWS = 3


def fetch(cache: Path) -> Path:
    """Download and unpack the packages (once); the unpacked root."""
    debs, root = cache / "debs", cache / "x"
    debs.mkdir(parents=True, exist_ok=True)
    missing = [p for p in PACKAGES if not list(debs.glob(f"{p}_*.deb"))]
    if missing:
        subprocess.run(["apt-get", "download", *missing], cwd=debs, check=True)
    for p in PACKAGES:
        dest = root / p
        if not dest.exists():
            deb = next(debs.glob(f"{p}_*.deb"))
            dest.mkdir(parents=True)
            subprocess.run(["dpkg-deb", "-x", str(deb), str(dest)], check=True)
    return root


def _html(path: Path) -> list[str]:
    out = subprocess.run(
        ["lynx", "-dump", "-nolist", "-width=100", "-assume_charset=utf-8", "-display_charset=utf-8", str(path)],
        capture_output=True, check=True,
    ).stdout.decode("utf-8", "replace")
    return _cut(out)


def _w3m(path: Path) -> list[str]:
    out = subprocess.run(["w3m", "-dump", "-cols", "120", str(path)], capture_output=True, check=True).stdout
    return _cut(out.decode("utf-8", "replace"))


def _man(path: Path) -> list[str]:
    source = gzip.decompress(path.read_bytes())
    out = subprocess.run(
        ["groff", "-k", "-Tutf8", "-mandoc", "-P-cbou", "-dAD=l", "-rHY=0"], input=source, capture_output=True,
    ).stdout.decode("utf-8", "replace")
    return _cut(out)


def _fortune(path: Path) -> list[str]:
    text = _ANSI.sub("", path.read_text(encoding="utf-8"))
    return [doc.strip("\n") for doc in text.split("\n%\n") if doc.strip()]


def _cut(text: str) -> list[str]:
    """Documents of about DOC_CHARS characters, cut at blank lines."""
    docs: list[str] = []
    current: list[str] = []
    size = 0
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        current.append(block)
        size += len(block)
        if size >= DOC_CHARS:
            docs.append("\n\n".join(current))
            current, size = [], 0
    if current:
        docs.append("\n\n".join(current))
    return docs


CONVERT = {"html": _html, "w3m": _w3m, "man": _man, "fortune": _fortune}


def build(root: Path, out: Path, per_genre: int, seed: int = 20261205) -> dict[str, int]:
    """Write ``out/<genre>/<nnn>.txt``; the number of documents per genre."""
    by_genre: dict[str, list[tuple[str, str]]] = {}
    for genre, package, pattern, kind in SOURCES:
        for path in sorted((root / package).glob(pattern)):
            if path.is_file():
                for k, doc in enumerate(CONVERT[kind](path)):
                    if len(_HAN.findall(doc)) < 20:  # not Chinese text (an index of English names)
                        continue
                    if genre == "tables" and len(_ROW.findall(doc)) < MIN_ROWS:
                        continue
                    by_genre.setdefault(genre, []).append((f"{package}/{path.name}#{k}", doc))
    counts = {}
    rng = random.Random(seed)
    for genre, docs in sorted(by_genre.items()):
        chosen = sorted(rng.sample(docs, min(per_genre, len(docs))))
        folder = out / genre
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.txt"):
            old.unlink()
        for k, (name, doc) in enumerate(chosen):
            (folder / f"{k:03d}.txt").write_text(f"{doc}\n", encoding="utf-8")
        (folder / "SOURCES").write_text("".join(f"{k:03d}.txt {name}\n" for k, (name, _) in enumerate(chosen)), encoding="utf-8")
        counts[genre] = len(chosen)
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--per-genre", type=int, default=80)
    args = ap.parse_args(argv)
    counts = build(fetch(args.cache), args.out, args.per_genre)
    print(" ".join(f"{g}={n}" for g, n in counts.items()), "->", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
