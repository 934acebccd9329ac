"""The extraction matrix: typesetters x layouts x extractors, scored cell by cell.

    python benchmarks/matrix.py                # score the committed outputs in tests/matrix/
    python benchmarks/matrix.py --golden       # rebuild the golden text from Debian's packages
    python benchmarks/matrix.py --regenerate   # typeset and extract every cell again first

**Golden text.** Two documents of real, clean Chinese prose that is not the
seeds: the first section of *Debian Reference* (debian-reference-zh-cn and
-zh-tw 2.100, GPL-2+) with ten or more paragraphs of 60-200 characters
that end with ``。``, are mostly Han and that ``zhclean.clean`` leaves as they
are; the section's title is the headline. ``sc`` is Simplified, ``tc``
Traditional. Fetched by ``damage_corpus.py``'s cache (``apt-get download``).

**Layouts** (each a multi-page A5 document; Chromium and reportlab draw the
headline twice, a fraction of a point apart, as fake bold is; LibreOffice sets
it in the font's own bold face):

| layout | typesetter | what it puts in the text |
|---|---|---|
| chromium-one | Chromium (HTML, CSS page margin boxes) | one justified column, first lines indented, last lines distributed across the measure (``text-align-last: justify``), running head, ``- N -`` page numbers |
| chromium-two | Chromium | two columns, first lines indented, ``第 N 页`` page numbers |
| reportlab-one | reportlab, every glyph placed by ``drawString`` (CID font STSong-Light / MSung-Light) | one justified column, indents kept, running head, ``第N页`` |
| reportlab-flush | reportlab | indents dropped, last lines distributed, ``N/M`` page numbers |
| libreoffice-one | LibreOffice from a python-docx ``.docx`` (``soffice --convert-to pdf``) | one justified column, indents, header and ``- N -`` footer |
| libreoffice-two | LibreOffice | two columns (a section of two), header and footer |

**Extractors**, each with its defaults: pdftotext (reading order and
``-layout``), PyMuPDF ``get_text()`` (and ``sort=True``), pdfminer.six,
pdfplumber, pypdf, pypdfium2, and Tesseract (``chi_sim`` / ``chi_tra``) on
200 dpi renderings by pdftoppm. Pages are joined by ``\\f`` where the
extractor gives pages one by one.

**Scores** per cell, raw and cleaned: CER without whitespace, paragraph-boundary
F1, and *characters lost*: golden characters that the raw
extraction holds and the cleaned text
does not (counted per character, whitespace and order ignored). Regenerating needs chromium, poppler-utils,
tesseract-ocr-chi-sim/-chi-tra, fonts-noto-cjk, libreoffice-writer and the
``bench`` extra; the committed text files, not a regeneration, are what the
tests read.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import quality  # noqa: E402

DIR = HERE.parent / "tests" / "matrix"
CACHE = HERE / ".corpus" / "cache" / "x"
DOCS = {
    "sc": (CACHE / "debian-reference-zh-cn/usr/share/debian-reference", "zh-cn", "Noto Serif CJK SC", "STSong-Light", "chi_sim"),
    "tc": (CACHE / "debian-reference-zh-tw/usr/share/debian-reference", "zh-tw", "Noto Serif CJK TC", "MSung-Light", "chi_tra"),
}
HEAD = {"sc": "Debian 参考手册", "tc": "Debian 參考手冊"}
LAYOUTS = ("chromium-one", "chromium-two", "reportlab-one", "reportlab-flush", "libreoffice-one", "libreoffice-two")
EXTRACTORS = ("pdftotext", "pdftotext-layout", "pymupdf", "pymupdf-sort", "pdfminer", "pdfplumber", "pypdf",
              "pdfium", "tesseract")
# Extractors that do not keep the reading order of columns (they read across
# them line by line): a cleaner cannot put the columns back from their text.
INTERLEAVING = {"pdftotext-layout", "pymupdf-sort", "tesseract"}


# --- golden text ------------------------------------------------------------------------------

class _Blocks(HTMLParser):
    """(tag, text) of every <p>, <h2> in a DocBook HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[tuple[str, str]] = []
        self._tag: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "h2") and self._tag is None:
            self._tag, self._buf = tag, []

    def handle_endtag(self, tag):
        if tag == self._tag:
            self.blocks.append((tag, _flatten("".join(self._buf))))
            self._tag = None

    def handle_data(self, data):
        if self._tag is not None:
            self._buf.append(data)


def _flatten(text: str) -> str:
    text = re.sub(r"(?<=[^\x00-\x7f])\s*\n\s*(?=[^\x00-\x7f])", "", html.unescape(text))
    return re.sub(r"\s+", " ", text).strip()


def _is_prose(text: str) -> bool:
    import zhclean

    han = sum("\u4e00" <= c <= "\u9fff" for c in text)
    return 60 <= len(text) <= 200 and text.endswith("。") and han / len(text) > 0.7 and zhclean.clean(text) == text


def golden() -> None:
    """Write <doc>.expected.txt: the first section with ten prose paragraphs."""
    DIR.mkdir(parents=True, exist_ok=True)
    for doc, (base, lang, *_) in DOCS.items():
        for page in sorted(base.glob(f"ch*.{lang}.html")):
            parser = _Blocks()
            parser.feed(page.read_text(encoding="utf-8"))
            title, paras = None, []
            for tag, text in [*parser.blocks, ("h2", "")]:
                if tag == "h2":
                    if title and len(paras) >= 10:
                        break
                    title, paras = re.sub(r"^[\d.]+\s*", "", text), []
                elif _is_prose(text):
                    paras.append(text)
            if title and len(paras) >= 10:
                (DIR / f"{doc}.expected.txt").write_text("\n".join([title, *paras[:14]]) + "\n", encoding="utf-8")
                break


def _read_golden(doc: str) -> tuple[str, list[str]]:
    title, *paras = (DIR / f"{doc}.expected.txt").read_text(encoding="utf-8").splitlines()
    return title, paras


# --- typesetters ------------------------------------------------------------------------------

def _chromium(doc: str, layout: str, pdf: Path) -> None:
    title, paras = _read_golden(doc)
    font = DOCS[doc][2]
    two = layout == "chromium-two"
    foot = '"第 " counter(page) " 页"' if two else '"- " counter(page) " -"'
    css = f"""@page {{ size: A5; margin: 16mm 13mm;
  @top-center {{ content: "{HEAD[doc]}"; font: 8pt "{font}"; }}
  @bottom-center {{ content: {foot}; font: 8pt "{font}"; }} }}
body {{ font-family: "{font}"; font-size: 12pt; line-height: 1.6; margin: 0; }}
.cols {{ column-count: {2 if two else 1}; column-gap: 6mm; text-align: justify; }}
p {{ text-indent: 2em; margin: 0; {'' if two else 'text-align-last: justify;'} }}
h1 {{ font-size: 15pt; font-weight: normal; text-align: center; position: relative; margin: 0 0 4mm; }}
h1 .copy {{ position: absolute; left: 0.25pt; right: -0.25pt; top: 0.2pt; }}"""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
    page = (f'<html><head><meta charset="utf-8"><style>{css}</style></head><body>'
            f'<h1>{html.escape(title)}<span class="copy">{html.escape(title)}</span></h1>'
            f'<div class="cols">{body}</div></body></html>')
    src = pdf.with_suffix(".html")
    src.write_text(page, encoding="utf-8")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--disable-background-networking", "--no-first-run", f"--print-to-pdf={pdf}", str(src)],
                   check=True, capture_output=True)


_NO_LINE_START = set("，。、；：？！）》」』”’…")


def _lines(text: str, width: float, font: str, size: float, indent: float) -> list[str]:
    """Greedy line breaking by glyph widths; closing marks never start a line."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line, used = [], "", indent
    for ch in text:
        w = stringWidth(ch, font, size)
        if used + w > width and line and ch not in _NO_LINE_START:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += w
    return [*lines, line]


def _place(c, line: str, x: float, y: float, width: float, font: str, size: float, spread: bool) -> None:
    """Draw a line glyph by glyph, spreading the slack between glyphs when justified."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    widths = [stringWidth(ch, font, size) for ch in line]
    gap = (width - sum(widths)) / (len(line) - 1) if spread and len(line) > 1 else 0.0
    for ch, w in zip(line, widths):
        c.drawString(x, y, ch)
        x += w + gap


def _reportlab(doc: str, layout: str, pdf: Path) -> None:
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase import cidfonts
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    title, paras = _read_golden(doc)
    font = DOCS[doc][3]
    # reportlab 4 pairs MSung-Light (Adobe-CNS1) with the GB CMap, which no
    # reader can resolve; the CNS one is what the font needs.
    cidfonts.defaultUnicodeEncodings["MSung-Light"] = ("cht", "UniCNS-UCS2-H")
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    flush = layout == "reportlab-flush"
    size, lead = 12.0, 19.0
    left, width = 14 * mm, A5[0] - 28 * mm
    top, bottom = A5[1] - 18 * mm, 18 * mm
    pages: list[list] = [[]]  # per page: (kind, text, x, y, spread)
    y = top - 8 * mm
    tw = pdfmetrics.stringWidth(title, font, 15)
    pages[0].append(("title", title, left + (width - tw) / 2, y, False))
    y -= 2 * lead
    for para in paras:
        indent = 0.0 if flush else 2 * size
        lines = _lines(para, width, font, size, indent)
        for i, line in enumerate(lines):
            if y < bottom:
                pages.append([])
                y = top - 8 * mm
            last = i == len(lines) - 1
            x = left + (indent if i == 0 else 0.0)
            pages[-1].append(("body", line, x, y, (not last) or flush))
            y -= lead
        if flush:
            y -= lead / 2
    c = Canvas(str(pdf), pagesize=A5)
    for n, page in enumerate(pages, 1):
        c.setFont(font, 8)
        c.drawCentredString(A5[0] / 2, A5[1] - 11 * mm, HEAD[doc])
        c.drawCentredString(A5[0] / 2, 10 * mm, f"{n}/{len(pages)}" if flush else f"第{n}页")
        for kind, text, x, y, spread in page:
            if kind == "title":
                c.setFont(font, 15)
                for dx in (0.0, 0.3):  # fake bold: the headline drawn twice
                    c.drawString(x + dx, y, text)
                continue
            c.setFont(font, size)
            right = left + width
            _place(c, text, x, y, right - x, font, size, spread)
        c.showPage()
    c.save()


def _libreoffice(doc: str, layout: str, pdf: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    title, paras = _read_golden(doc)
    font = DOCS[doc][2]
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(148), Mm(210)
    sec.left_margin = sec.right_margin = Mm(13)
    sec.top_margin = sec.bottom_margin = Mm(18)

    def style(run, pt: float) -> None:
        run.font.size = Pt(pt)
        run.font.name = font
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)

    head = sec.header.paragraphs[0]
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    style(head.add_run(HEAD[doc]), 8)
    foot = sec.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    style(foot.add_run("- "), 8)
    run = foot.add_run()
    style(run, 8)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = run._element.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): kind})
        else:
            el = run._element.makeelement(qn("w:instrText"), {})
            el.text = text
        run._element.append(el)
    style(foot.add_run(" -"), 8)

    h = d.add_paragraph()
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = h.add_run(title)
    r.bold = True
    style(r, 15)
    if layout == "libreoffice-two":
        body = d.add_section(0)  # WD_SECTION.CONTINUOUS
        cols = body._sectPr.makeelement(qn("w:cols"), {qn("w:num"): "2", qn("w:space"): "340"})
        body._sectPr.append(cols)
    for para in paras:
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Pt(24)
        p.paragraph_format.space_after = Pt(0)
        style(p.add_run(para), 12)
    src = pdf.with_suffix(".docx")
    d.save(str(src))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(pdf.parent), str(src)],
                   check=True, capture_output=True)


TYPESETTERS = {"chromium": _chromium, "reportlab": _reportlab, "libreoffice": _libreoffice}


# --- extractors -------------------------------------------------------------------------------

def _extract(pdf: Path, extractor: str, lang: str) -> str:
    if extractor == "pdftotext":
        return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True).stdout.decode()
    if extractor == "pdftotext-layout":
        return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True).stdout.decode()
    if extractor in ("pymupdf", "pymupdf-sort"):
        import pymupdf

        with pymupdf.open(str(pdf)) as d:
            return "\f".join(page.get_text(sort=extractor == "pymupdf-sort") for page in d)
    if extractor == "pdfminer":
        from pdfminer.high_level import extract_text

        return extract_text(str(pdf))
    if extractor == "pdfplumber":
        import pdfplumber

        with pdfplumber.open(str(pdf)) as d:
            return "\f".join(page.extract_text() for page in d.pages)
    if extractor == "pypdf":
        import pypdf

        return "\n".join(p.extract_text() for p in pypdf.PdfReader(str(pdf)).pages)
    if extractor == "pdfium":
        import pypdfium2

        d = pypdfium2.PdfDocument(str(pdf))
        return "\n".join(d[i].get_textpage().get_text_range() for i in range(len(d)))
    if extractor == "tesseract":
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), f"{tmp}/page"], check=True)
            pages = []
            for png in sorted(Path(tmp).glob("page-*.png")):
                subprocess.run(["tesseract", str(png), str(png.with_suffix("")), "-l", lang], check=True,
                               capture_output=True)
                pages.append(png.with_suffix(".txt").read_text(encoding="utf-8"))
            return "".join(pages)
    raise ValueError(extractor)


def regenerate() -> None:
    """Typeset every document in every layout and extract it with every extractor."""
    for tool in ("chromium", "soffice", "pdftotext", "pdftoppm", "tesseract"):
        if shutil.which(tool) is None:
            sys.exit(f"--regenerate needs {tool} on the PATH")
    with tempfile.TemporaryDirectory() as tmp:
        for doc in DOCS:
            for layout in LAYOUTS:
                pdf = Path(tmp) / f"{doc}.{layout}.pdf"
                TYPESETTERS[layout.split("-")[0]](doc, layout, pdf)
                for ext in EXTRACTORS:
                    text = _extract(pdf, ext, DOCS[doc][4])
                    (DIR / f"{doc}.{layout}.{ext}.txt").write_text(text, encoding="utf-8", newline="")


# --- scores -----------------------------------------------------------------------------------

def _squeeze(text: str) -> str:
    return "".join(text.split())


def lost(gold: str, raw: str, cleaned: str) -> str:
    """The golden characters the raw extraction holds and the cleaned text does not.

    Counted per character, whitespace ignored, order not: a character counts as
    held as many times as both texts have it. Order-free so that an extractor
    that interleaves columns does not make moved text look lost.
    """
    g, r, c = Counter(_squeeze(gold)), Counter(_squeeze(raw)), Counter(_squeeze(cleaned))
    return "".join(ch * (min(n, r[ch]) - min(n, c[ch])) for ch, n in g.items() if min(n, r[ch]) > min(n, c[ch]))


def cells() -> list[tuple[str, str, str, Path]]:
    return [(doc, layout, ext, DIR / f"{doc}.{layout}.{ext}.txt") for doc in DOCS for layout in LAYOUTS
            for ext in EXTRACTORS if (DIR / f"{doc}.{layout}.{ext}.txt").exists()]


def run(clean) -> list[dict]:
    rows = []
    for doc, layout, ext, path in cells():
        gold = (DIR / f"{doc}.expected.txt").read_text(encoding="utf-8")
        raw = path.read_bytes().decode("utf-8")
        out = clean(raw)
        before, after = quality(raw, gold, raw, fast=False), quality(out, gold, raw, fast=False)
        rows.append(dict(doc=doc, layout=layout, ext=ext, raw_cer=before["cer_no_ws"], cer=after["cer_no_ws"],
                         raw_f1=before["f1"], f1=after["f1"], lost=lost(gold, raw, out)))
    return rows


def markdown(rows: list[dict]) -> list[str]:
    md = ["| doc | layout | " + " | ".join(EXTRACTORS) + " |", "|---|---|" + "---|" * len(EXTRACTORS)]
    by = {(r["doc"], r["layout"], r["ext"]): r for r in rows}
    for doc in DOCS:
        for layout in LAYOUTS:
            row = []
            for ext in EXTRACTORS:
                r = by.get((doc, layout, ext))
                row.append("" if r is None else f"{r['cer']:.3f} / {r['f1']:.2f}" + (f" / -{len(r['lost'])}" if r["lost"] else ""))
            md.append(f"| {doc} | {layout} | " + " | ".join(row) + " |")
    md += ["", "Each cell after `zhclean.clean`: CER without whitespace / paragraph-boundary F1 "
               "(/ -N: N golden characters the raw text held and the clean text lost)."]
    return md


def summary(rows: list[dict]) -> list[str]:
    ordered = [r for r in rows if r["ext"] not in INTERLEAVING]
    n = len(ordered)
    good = sum(r["f1"] >= 0.95 for r in ordered)
    cut = sum(r["raw_cer"] == 0 or r["cer"] <= 0.1 * r["raw_cer"] for r in ordered)
    lost_cells = [r for r in rows if r["lost"]]
    return [f"cells: {len(rows)}; with characters lost: {len(lost_cells)} ({sum(len(r['lost']) for r in lost_cells)} characters)",
            f"reading-order cells ({n}): paragraph F1 >= 0.95 in {good}; CER without whitespace cut by >= 90% in {cut}",
            f"mean F1 raw -> clean: {sum(r['raw_f1'] for r in rows) / len(rows):.3f} -> {sum(r['f1'] for r in rows) / len(rows):.3f}"]


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--golden", action="store_true", help="rebuild the golden text from the package cache")
    ap.add_argument("--regenerate", action="store_true", help="typeset and extract every cell again first")
    args = ap.parse_args()
    if args.golden:
        golden()
    if args.regenerate:
        regenerate()
    import zhclean

    rows = run(zhclean.clean)
    print("\n".join(markdown(rows)))
    print()
    print("\n".join(summary(rows)))
    for r in rows:
        if r["lost"]:
            print(f"lost {r['doc']}.{r['layout']}.{r['ext']}: {r['lost'][:80]}")
