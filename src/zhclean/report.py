"""A self-contained HTML page showing what ``explain()`` did: raw and clean text side
by side, every change highlighted and labelled with the normaliser that made it,
counts per step at the top. No network, no external assets.

Each change is one ``<mark class="chg" data-step=... data-i=...>`` on the raw side
(an empty span where text was inserted) and the same ``data-i`` on the clean side
where the result is not empty, so a reader (or a test) can pair them. Overlapping
changes are nested in the order the steps ran.
"""

from __future__ import annotations

import html
from typing import Iterable

from .pipeline import Change, Result

__all__ = ["render"]

_CSS = """
body{font:14px/1.6 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em}h2{font-size:1.1em;margin-top:2em}
table.counts{border-collapse:collapse;margin:.5em 0}
table.counts td,table.counts th{border:1px solid #ccc;padding:2px 8px;text-align:left}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.cols pre{white-space:pre-wrap;word-break:break-all;border:1px solid #ddd;padding:.6em;margin:0;
 font:15px/1.7 "Noto Sans CJK SC","Source Han Sans SC",sans-serif;background:#fcfcfc}
mark.chg{background:#ffe08a;border-bottom:2px solid #d08c00;padding:0}
mark.chg:empty::before{content:"\\2038";color:#c00}
mark.chg:hover{outline:1px solid #c00}
.notice{background:#fde2e2}
.legend span{display:inline-block;margin-right:1em}
"""

_SCRIPT = """
document.querySelectorAll('mark.chg').forEach(function(m){
  m.addEventListener('mouseenter',function(){
    document.querySelectorAll('mark.chg[data-i="'+m.dataset.i+'"][data-f="'+m.dataset.f+'"]').forEach(function(o){o.style.outline='2px solid #c00'});});
  m.addEventListener('mouseleave',function(){
    document.querySelectorAll('mark.chg[data-i="'+m.dataset.i+'"][data-f="'+m.dataset.f+'"]').forEach(function(o){o.style.outline=''});});
});
document.body.setAttribute('data-ready','1');
"""


def _marked(text: str, spans: list[tuple[int, int, int, str, str]], file_no: int) -> str:
    """``text`` as HTML with each (start, end, index, step, title) span wrapped in a mark.

    Spans nest: sorted by start, longer first; a span that would cross another's
    end is cut there and reopened (same data-i), so the HTML stays well formed.
    """
    opens: dict[int, list[tuple[int, int, int, str, str]]] = {}
    for s in spans:
        opens.setdefault(s[0], []).append(s)
    points = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    out: list[str] = []
    stack: list[tuple[int, int, int, str, str]] = []

    def tag(s: tuple[int, int, int, str, str]) -> str:
        return f'<mark class="chg" data-f="{file_no}" data-i="{s[2]}" data-step="{s[3]}" title="{html.escape(s[4])}">'

    for k, pos in enumerate(points):
        # Close spans ending here (and any opened inside them), then reopen the survivors.
        if any(s[1] <= pos for s in stack):
            keep = [s for s in stack if s[1] > pos]
            out.append("</mark>" * len(stack))
            stack = keep
            out.extend(tag(s) for s in stack)
        for s in sorted(opens.get(pos, ()), key=lambda s: (-(s[1] - s[0]), s[2])):
            if s[1] == s[0]:
                out.append(tag(s) + "</mark>")  # an insertion point
            else:
                out.append(tag(s))
                stack.append(s)
        if k + 1 < len(points):
            out.append(html.escape(text[pos : points[k + 1]]))
    out.append("</mark>" * len(stack))
    return "".join(out)


def _title(c: Change) -> str:
    return f"{c.step}: {c.before!r} → {c.after!r}"


def _file_section(name: str, result: Result, file_no: int) -> str:
    raw_spans = [(c.start, c.end, i, c.step, _title(c)) for i, c in enumerate(result.changes)]
    clean_spans = []
    for i, c in enumerate(result.changes):
        a, b = result.to_clean(c.start, c.end)
        if b > a:
            clean_spans.append((a, b, i, c.step, _title(c)))
    counts = result.counts()
    rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{v}</td></tr>" for k, v in counts.items())
    notices = "".join(
        f'<li class="notice">{html.escape(n.step)} at {n.start}: {html.escape(n.message)}</li>' for n in result.notices
    )
    return (
        f'<section data-f="{file_no}"><h2>{html.escape(name)}</h2>'
        f'<table class="counts"><tr><th>step</th><th>changes</th></tr>{rows}'
        f"<tr><th>total</th><th>{len(result.changes)}</th></tr></table>"
        + (f"<ul>{notices}</ul>" if notices else "")
        + '<div class="cols"><div><h3>raw</h3><pre class="raw">'
        + _marked(result.raw, raw_spans, file_no)
        + '</pre></div><div><h3>clean</h3><pre class="clean">'
        + _marked(result.text, clean_spans, file_no)
        + "</pre></div></div></section>"
    )


def render(results: Iterable[tuple[str, Result]], title: str = "zhclean report") -> str:
    """One HTML page for (name, explain() result) pairs."""
    sections = "".join(_file_section(name, r, k) for k, (name, r) in enumerate(results))
    return (
        "<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p>Highlighted: every change, labelled with the normaliser that made it "
        "(hover for before → after; ‸ marks an insertion). Raw offsets are the input's.</p>"
        f"{sections}<script>{_SCRIPT}</script></body></html>\n"
    )
