"""--report: one self-contained HTML page whose highlights are exactly explain()'s changes,
rendered in headless Chromium without errors."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import pytest

import zhclean
from conftest import RAW


class _Page(HTMLParser):
    """Collects the text of each <pre> (raw/clean) and every mark's attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pre: dict[str, list[str]] = {}
        self.current: str | None = None
        self.marks: dict[str, list[dict[str, str]]] = {"raw": [], "clean": []}
        self.counts: list[tuple[str, str]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "pre":
            self.current = a["class"]
            self.pre[self.current] = []
        elif tag == "mark" and self.current:
            self.marks[self.current].append(a)
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        for k in ("src", "href"):
            if k in a:
                self.external.append(a[k])

    def handle_endtag(self, tag):
        if tag == "pre":
            self.current = None
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.counts.append(tuple(self._row))
            self._row = None

    def handle_data(self, data):
        if self.current:
            self.pre[self.current].append(data)
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "seed000.html"
    p = subprocess.run([sys.executable, "-m", "zhclean", "--report", str(out), str(RAW[0])], capture_output=True)
    assert p.returncode == 0, p.stderr
    return out


def test_report_highlights_are_explains_changes(report):
    raw = RAW[0].read_text(encoding="utf-8")
    result = zhclean.explain(raw)
    page = _Page()
    page.feed(report.read_text(encoding="utf-8"))
    assert page.external == []  # self-contained: no src/href at all
    assert "".join(page.pre["raw"]) == raw
    assert "".join(page.pre["clean"]) == result.text
    # Every change appears on the raw side, with its step (a change cut around a
    # nested one appears more than once, with the same data-i).
    by_i = {}
    for m in page.marks["raw"]:
        by_i.setdefault(int(m["data-i"]), set()).add(m["data-step"])
    assert by_i == {i: {c.step} for i, c in enumerate(result.changes)}
    # Per-step counts at the top are explain()'s.
    table = {row[0]: int(row[1]) for row in page.counts if row[0] not in ("step", "total")}
    assert table == result.counts()
    assert len(result.changes) > 100  # seed 000 has every artefact family


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.mark.skipif(_chromium() is None, reason="no Chromium (.ci/run installs Debian's chromium)")
def test_report_renders_in_headless_chromium(report, tmp_path):
    args = [
        _chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
    ]
    p = subprocess.run([*args, "--dump-dom", report.as_uri()], capture_output=True, timeout=120)
    dom = p.stdout.decode("utf-8")
    assert 'data-ready="1"' in dom, "the page's script did not finish"
    assert "Uncaught" not in p.stderr.decode("utf-8", "replace")
    static = report.read_text(encoding="utf-8")
    assert len(re.findall(r'<mark class="chg"', dom)) == len(re.findall(r'<mark class="chg"', static))
    # The clean column as the browser holds it is the clean text.
    clean_pre = re.search(r'<pre class="clean">(.*?)</pre>', dom, re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", clean_pre)) == zhclean.clean(RAW[0].read_text(encoding="utf-8"))
    shot = tmp_path / "report.png"
    subprocess.run([*args, f"--screenshot={shot}", "--window-size=1400,900", report.as_uri()], capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 10_000
