"""What real extractors make of three PDF pages, and what each tool makes of that.

    python benchmarks/extractors.py               # score the outputs in tests/extracted/
    python benchmarks/extractors.py --regenerate  # typeset and extract them again first

``tests/extracted/<page>.html`` holds 12-16 clean paragraphs of the golden files
under a headline, set by Chromium in one, two or three justified columns with
indented first lines (A4, Noto Serif CJK SC); ``<page>.expected.txt`` is the
headline and paragraphs. Each page was printed to PDF and extracted by pdftotext
(reading order, and ``-layout``), pypdf, pypdfium2, pdfminer.six and pdfplumber
(each with its defaults; pdfplumber's pages joined by ``\\f``), and by Tesseract
(chi_sim) from 200 dpi images of the pages. Regenerating needs ``chromium``, ``pdftotext``,
``pdftoppm`` and ``tesseract`` with ``chi_sim`` on the PATH (Debian: chromium,
poppler-utils, tesseract-ocr, tesseract-ocr-chi-sim, fonts-noto-cjk) and the
``bench`` extra (pypdf and pypdfium2 come with unstructured; pdfplumber brings pdfminer.six); versions change
the output, so the committed files, not a regeneration, are what the tests read.

Scored as ``bench.py`` scores the seeds: CER with and without whitespace,
paragraph-boundary F1. Paragraph boundaries are offsets into the text without
whitespace, so on OCR output, whose misread characters shift every offset after
them, F1 says little; read the CER there.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import quality  # noqa: E402

DIR = HERE.parent / "tests" / "extracted"
STEMS = ("one-column", "two-columns", "three-columns")
# The same pages printed with the browser's head and foot (date, URL, page count),
# extracted by pdftotext and pdfplumber; scored against the same expected text.
HEADFOOT = ("one-column", "three-columns")
EXTRACTORS = ("pdftotext", "pdftotext-layout", "pypdf", "pdfium", "pdfminer", "pdfplumber", "tesseract")


def regenerate() -> None:
    """Typeset every HTML page to PDF and extract it with every extractor."""
    for tool in ("chromium", "pdftotext", "pdftoppm", "tesseract"):
        if shutil.which(tool) is None:
            sys.exit(f"--regenerate needs {tool} on the PATH")
    import pypdf
    import pypdfium2

    for stem in STEMS:
        _regenerate(stem, pypdf, pypdfium2)
    for stem in HEADFOOT:
        _regenerate_headfoot(stem)


def _regenerate_headfoot(stem: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / f"{stem}.pdf"
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}",
                        str(DIR / f"{stem}.html")], check=True, capture_output=True)
        subprocess.run(["pdftotext", str(pdf), str(DIR / f"{stem}-headfoot.pdftotext.txt")], check=True)
        subprocess.run(["pdftotext", "-layout", str(pdf), str(DIR / f"{stem}-headfoot.pdftotext-layout.txt")], check=True)
        import pdfplumber

        with pdfplumber.open(str(pdf)) as doc:
            text = "\f".join(page.extract_text() for page in doc.pages)
        (DIR / f"{stem}-headfoot.pdfplumber.txt").write_text(text, encoding="utf-8")


def _regenerate(STEM: str, pypdf, pypdfium2) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / f"{STEM}.pdf"
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", str(DIR / f"{STEM}.html")], check=True, capture_output=True)
        subprocess.run(["pdftotext", str(pdf), str(DIR / f"{STEM}.pdftotext.txt")], check=True)
        subprocess.run(["pdftotext", "-layout", str(pdf), str(DIR / f"{STEM}.pdftotext-layout.txt")], check=True)
        reader = pypdf.PdfReader(str(pdf))
        (DIR / f"{STEM}.pypdf.txt").write_text("\n".join(p.extract_text() for p in reader.pages), encoding="utf-8")
        doc = pypdfium2.PdfDocument(str(pdf))
        text = "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
        (DIR / f"{STEM}.pdfium.txt").write_text(text, encoding="utf-8", newline="")
        from pdfminer.high_level import extract_text
        import pdfplumber

        (DIR / f"{STEM}.pdfminer.txt").write_text(extract_text(str(pdf)), encoding="utf-8")
        with pdfplumber.open(str(pdf)) as doc:
            text = "\f".join(page.extract_text() for page in doc.pages)
        (DIR / f"{STEM}.pdfplumber.txt").write_text(text, encoding="utf-8")
        subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(Path(tmp) / "page")], check=True)
        pages = []
        for png in sorted(Path(tmp).glob("page-*.png")):
            subprocess.run(["tesseract", str(png), str(png.with_suffix("")), "-l", "chi_sim"], check=True, capture_output=True)
            pages.append(png.with_suffix(".txt").read_text(encoding="utf-8"))
        (DIR / f"{STEM}.tesseract.txt").write_text("".join(pages), encoding="utf-8")


def run(cleaners: dict) -> dict:
    res: dict = {}
    for stem in (*STEMS, *(f"{s}-headfoot" for s in HEADFOOT)):
        gold = (DIR / f"{stem.removesuffix('-headfoot')}.expected.txt").read_text(encoding="utf-8")
        for ext in EXTRACTORS:
            if not (DIR / f"{stem}.{ext}.txt").exists():
                continue
            raw = (DIR / f"{stem}.{ext}.txt").read_bytes().decode("utf-8")
            res.setdefault(stem, {}).setdefault("raw input", {})[ext] = quality(raw, gold, raw, fast=False)
            for name, fn in cleaners.items():
                res[stem].setdefault(name, {})[ext] = quality(fn(raw), gold, raw, fast=False)
    return res


def markdown(res: dict) -> list[str]:
    md = []
    for stem, by_tool in res.items():
        md += [f"**{stem}**", "", "| tool | " + " | ".join(EXTRACTORS) + " |", "|---|" + "---|" * len(EXTRACTORS)]
        for name, by_ext in by_tool.items():
            cells = [f"{by_ext[e]['cer_no_ws']:.4f} / {by_ext[e]['f1']:.2f}" if e in by_ext else "" for e in EXTRACTORS]
            md.append(f"| {name} | " + " | ".join(cells) + " |")
        md.append("")
    md += ["Each cell: CER without whitespace / paragraph-boundary F1."]
    return md


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--regenerate", action="store_true", help="typeset and extract the page again first")
    args = ap.parse_args()
    if args.regenerate:
        regenerate()
    import peers

    cleaners, skipped = peers.load()
    print("\n".join(markdown(run(cleaners))))
    for name, why in skipped.items():
        print(f"skipped {name}: {why}")
