"""``Pipeline``: a sequence of normalisers that is itself a normaliser, with provenance.

``pipeline(text)`` runs the fast path of every step. ``pipeline.explain(text)``
runs the tracked path and returns a :class:`Result` whose changes carry offsets
in the *raw* input, and which maps spans between raw and clean text.
"""

from __future__ import annotations

import os
import sys
import warnings
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable, NamedTuple, Sequence

from .core import Edit, Normalizer, Note, apply_edits, check_text, diff_edits
from .protect import LINE_BLOCKS, Span, protected_spans

__all__ = ["Pipeline", "Run", "Result", "Change", "Notice", "OffsetMap", "StepFailure", "StepFailedWarning", "STRICT_ENV"]

# Set to 1 in the environment, every pipeline is strict (the test suite does it).
STRICT_ENV = "ZHCLEAN_STRICT"


class StepFailedWarning(RuntimeWarning):
    """A step raised on a document; the document went on without that step's change."""


@dataclass(frozen=True, slots=True)
class StepFailure:
    """``step`` raised ``error`` (``"ValueError: …"``) on a document; its input was kept."""

    step: str
    error: str

    @property
    def message(self) -> str:
        """One line for a notice, a warning or the CLI's stderr."""
        return f"step {self.step} failed ({self.error}); its input was kept for this document"


_PACKAGE = os.path.dirname(os.path.abspath(__file__))


def _outside() -> int:
    """The ``stacklevel`` of the first caller outside zhclean, so a warning names the user's line."""
    frame, level = sys._getframe(1), 1
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame, level = frame.f_back, level + 1
    return level


# (step, exception type) pairs already warned about: one warning each per process,
# not one per document of a million-document run.
_warned: set[tuple[str, str]] = set()


@dataclass(frozen=True, slots=True)
class Change:
    """One change: ``step`` replaced ``before`` by ``after`` at raw offsets ``start:end``.

    ``before`` is the text as that step saw it (earlier steps may already have
    changed it); ``start``/``end`` always point into the raw input.
    """

    step: str
    start: int
    end: int
    before: str
    after: str

    def as_dict(self) -> dict[str, object]:
        """The change as a JSON-ready dict."""
        return {"step": self.step, "start": self.start, "end": self.end, "before": self.before, "after": self.after}


@dataclass(frozen=True, slots=True)
class Notice:
    """Something ``step`` left as found and reports instead of guessing, at raw offsets ``start:end``."""

    step: str
    start: int
    end: int
    text: str
    message: str

    def as_dict(self) -> dict[str, object]:
        """The notice as a JSON-ready dict."""
        return {"step": self.step, "start": self.start, "end": self.end, "text": self.text, "message": self.message}


class OffsetMap:
    """Maps offsets between the input and output of one step, from its edits (O(log n) per lookup)."""

    __slots__ = ("in_starts", "in_ends", "out_starts", "out_ends")

    def __init__(self, edits: Sequence[Edit]) -> None:
        self.in_starts: list[int] = []
        self.in_ends: list[int] = []
        self.out_starts: list[int] = []
        self.out_ends: list[int] = []
        delta = 0
        for e in edits:
            self.in_starts.append(e.start)
            self.in_ends.append(e.end)
            self.out_starts.append(e.start + delta)
            delta += len(e.new) - (e.end - e.start)
            self.out_ends.append(e.end + delta)

    @staticmethod
    def _map(pos: int, starts: list[int], ends: list[int], o_starts: list[int], o_ends: list[int], right: bool) -> int:
        i = bisect_right(starts, pos) - 1
        if i < 0:
            return pos
        if pos == starts[i]:
            # A boundary exactly at an edit stays before it, for span starts and ends alike.
            return o_starts[i]
        if pos < ends[i]:
            return o_ends[i] if right else o_starts[i]
        return pos - ends[i] + o_ends[i]

    def backward(self, pos: int, right: bool = False) -> int:
        """Map an output offset to the input."""
        return self._map(pos, self.out_starts, self.out_ends, self.in_starts, self.in_ends, right)

    def forward(self, pos: int, right: bool = False) -> int:
        """Map an input offset to the output."""
        return self._map(pos, self.in_starts, self.in_ends, self.out_starts, self.out_ends, right)


@dataclass
class Result:
    """What :func:`zhclean.explain` returns: the clean ``text``, the ``changes``, and span maps."""

    raw: str
    text: str
    changes: list[Change] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    failures: list[StepFailure] = field(default_factory=list)
    _maps: list[OffsetMap] = field(default_factory=list, repr=False)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the clean text to the span of the raw input it came from."""
        for m in reversed(self._maps):
            start, end = m.backward(start), m.backward(end, right=True)
        return start, end

    def to_clean(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the raw input to the span of the clean text it became."""
        for m in self._maps:
            start, end = m.forward(start), m.forward(end, right=True)
        return start, end

    def counts(self) -> dict[str, int]:
        """Number of changes per step, in pipeline order."""
        out: dict[str, int] = {}
        for c in self.changes:
            out[c.step] = out.get(c.step, 0) + 1
        return out


class Run(NamedTuple):
    """What :meth:`Pipeline.run` returns: the clean text and what to report."""

    text: str
    # The steps that failed on this text (their input went on; see ``strict``).
    failures: list[StepFailure]
    # Characters other than white space removed as page furniture.
    deleted: int


def _visible(text: str) -> int:
    # str.count per kind of space: a regex over the text costs several times more.
    return len(text) - sum(map(text.count, " \n\t\f\r\u3000"))


class Pipeline(Normalizer):
    """Run normalisers in order; ``Pipeline([...])`` is itself a normaliser."""

    # Passes after the first, at most, while a ``settle`` check still finds work.
    MAX_SETTLE = 2

    def __init__(
        self,
        steps: Iterable[Normalizer],
        name: str = "pipeline",
        options: object = None,
        settle: Iterable[Normalizer] = (),
        strict: bool = False,
        protect: bool = True,
    ) -> None:
        self.steps: tuple[Normalizer, ...] = tuple(steps)
        self.name = name
        # An exception inside a step is a bug of that step. Strict, it propagates;
        # otherwise the step's input goes on as its output for that document, and
        # the failure is reported (a notice, a warning, the CLI's summary): one
        # document must not stop a corpus run.
        self.strict = strict
        # Protected spans (zhclean.protect) are found at the first step that
        # keeps them and carried through the later ones that do; a step that
        # does not keep them and changes the text moves their offsets, so they
        # are found again where next needed. A step's edits that touch one are
        # withheld.
        self.protect = protect
        # Set by zhclean.presets.build: the pipeline then pickles as its Options
        # and is rebuilt (cheaply, cached) in a worker process.
        self.options = options
        # Steps whose work can appear only once later steps have run (mojibake that
        # quote curling or a converted C1 byte completes: 'á"\x86' becomes 'á“†',
        # UTF-8 for 'ᓆ'). If one of them would still change the output, the whole
        # pipeline runs again on it, as a second clean would (docs/adr/0002).
        # Checking costs their guards, a regex search each, on clean text.
        self.settle: tuple[Normalizer, ...] = tuple(settle)

    def _unsettled(self, text: str) -> bool:
        return any(s(text) != text for s in self.settle)

    def __call__(self, text: str) -> str:
        return self.run(text)[0]

    def run(self, text: str) -> Run:
        """The clean text, the steps that failed on it (see ``strict``) and the
        count of characters deleted as page furniture."""
        check_text(text)
        failures: list[StepFailure] = []
        deleted = 0
        for _ in range(1 + self.MAX_SETTLE):
            spans: list[Span] | None = None if self.protect else []
            for step in self.steps:
                before = text
                try:
                    if step.keeps_protected and spans is None:
                        spans = protected_spans(text)
                    if step.keeps_protected and spans:
                        text, spans, _, _ = _kept(step, text, spans)
                    else:
                        text = step(text)
                        if spans and text is not before and text != before:
                            spans = None  # offsets moved: found again where next needed
                except Exception as exc:  # a bug in a step: keep its input (see __init__)
                    self._failed(step, exc, failures)
                if step.deletes_text and text is not before and text != before:
                    deleted += _visible(before) - _visible(text)
            if not self._unsettled(text):
                break
        return Run(text, failures, deleted)

    def _failed(self, step: Normalizer, exc: Exception, failures: list[StepFailure]) -> None:
        """Record that ``step`` raised ``exc``, or re-raise it when strict."""
        if self.strict or os.environ.get(STRICT_ENV) == "1":
            raise exc
        failure = StepFailure(step.name, f"{type(exc).__name__}: {exc}")
        if failure in failures:  # the same step again, in a settle pass
            return
        failures.append(failure)
        key = (step.name, type(exc).__name__)
        if key not in _warned:
            _warned.add(key)
            warnings.warn(
                f"zhclean: {failure.message} (warned once per step and error type)", StepFailedWarning, stacklevel=_outside()
            )

    def edits(self, text: str) -> list[Edit]:
        # Composed edits are not needed by anyone; a single prefix/suffix diff
        # keeps Pipeline usable as a step inside another pipeline.
        return diff_edits(text, self(text))

    def explain(self, text: str) -> Result:
        """Run every step on its tracked path and collect changes with raw offsets."""
        raw = check_text(text)
        maps: list[OffsetMap] = []
        changes: list[Change] = []
        notices: list[Notice] = []
        failures: list[StepFailure] = []
        for _ in range(1 + self.MAX_SETTLE):
            text = self._explain_pass(raw, text, maps, changes, notices, failures)
            if not self._unsettled(text):
                break
        return Result(raw, text, changes, notices, failures, maps)

    def _explain_pass(
        self, raw: str, text: str, maps: list[OffsetMap], changes: list[Change], notices: list[Notice], failures: list[StepFailure]
    ) -> str:
        spans: list[Span] | None = None if self.protect else []
        for step in self.steps:
            try:
                found = step.notes(text)
                withheld: list[tuple[Edit, Span]] = []
                if step.keeps_protected and spans is None:
                    spans = protected_spans(text)
                if step.keeps_protected and spans:
                    new, spans, edits, withheld = _kept(step, text, spans, tracked=True)
                else:
                    edits = step.edits(text)
                    new = apply_edits(text, edits) if edits else text
                    if spans and edits:
                        spans = None  # as in run()
            except Exception as exc:  # as in run(): the step's input goes on
                before = len(failures)
                self._failed(step, exc, failures)
                if len(failures) > before:  # a document-wide notice: offsets 0:0
                    notices.append(Notice(step.name, 0, 0, "", failures[-1].message))
                continue
            # One notice a span, however many of the step's edits it held back.
            held = dict.fromkeys(s for _, s in withheld)
            found.extend(Note(s.start, s.end, f"protected {s.kind}: {step.name} left it as found") for s in held)
            for n in found:
                start, end = n.start, n.end
                for m in reversed(maps):
                    start, end = m.backward(start), m.backward(end, right=True)
                notices.append(Notice(step.name, start, end, raw[start:end], n.message))
            if not edits:
                continue
            for e in edits:
                start, end = e.start, e.end
                for m in reversed(maps):
                    start, end = m.backward(start), m.backward(end, right=True)
                changes.append(Change(step.name, start, end, text[e.start : e.end], e.new))
            text = new
            maps.append(OffsetMap(edits))
        return text

    def __reduce__(self):
        if self.options is not None:
            from .presets import build

            return (build, (self.options,))
        return (Pipeline, (self.steps, self.name, None, self.settle, self.strict, self.protect))

    def __repr__(self) -> str:
        return f"Pipeline([{', '.join(s.name for s in self.steps)}])"


def _kept(
    step: Normalizer, text: str, spans: list[Span], tracked: bool = False
) -> tuple[str, list[Span], list[Edit], list[tuple[Edit, Span]]]:
    """``step``'s edits of ``text`` less those that touch a protected span: the
    text they give, the spans moved to that text, the kept edits, and the
    withheld ones with the span each touched. ``tracked`` (explain's path) goes
    to the edits at once; otherwise the step's fast output is tried first.

    Where the text holds line blocks (code, commands, tables), the step runs on
    the text between them, piece by piece: a block is neither joined to what
    surrounds it nor evidence for it (a column width, an indent), on this clean
    and the next alike, so the result settles at once."""
    blocks = [s for s in spans if s.kind in LINE_BLOCKS]
    new: str | None = None
    if not blocks:
        if not tracked:
            new = step(text)
            if new == text:  # only a step that changes something pays for its edits
                return text, spans, [], []
        kept, withheld = _piece(step, text, spans, step.edits(text))
    else:
        kept, withheld = [], []
        starts = [0, *(b.end for b in blocks)]
        ends = [*(b.start for b in blocks), len(text)]
        inner = iter(s for s in spans if s.kind not in LINE_BLOCKS)
        pending = next(inner, None)
        for a, b in zip(starts, ends):
            if b <= a:
                continue
            mine: list[Span] = []
            while pending is not None and pending.start < b:
                mine.append(Span(pending.start - a, pending.end - a, pending.kind))
                pending = next(inner, None)
            k, w = _piece(step, text[a:b], mine, None)
            kept.extend(Edit(e.start + a, e.end + a, e.new) for e in k)
            withheld.extend((Edit(e.start + a, e.end + a, e.new), Span(s.start + a, s.end + a, s.kind)) for e, s in w)
    text = new if not withheld and new is not None else apply_edits(text, kept)
    moved: list[Span] = []
    delta = 0
    j = 0
    for s in spans:
        # No kept edit touches a span: each lies wholly before or after it.
        while j < len(kept) and kept[j].end <= s.start:
            delta += len(kept[j].new) - (kept[j].end - kept[j].start)
            j += 1
        moved.append(Span(s.start + delta, s.end + delta, s.kind) if delta else s)
    return text, moved, kept, withheld


def _piece(
    step: Normalizer, text: str, spans: list[Span], edits: list[Edit] | None
) -> tuple[list[Edit], list[tuple[Edit, Span]]]:
    """The edits of ``step`` on ``text`` that touch no span, and those that do."""
    if edits is None:
        edits = step.edits(text)
    kept, withheld = _split(edits, spans)
    if step.moves_text and any(_bare(text[e.start : e.end]) != _bare(e.new) for e, _ in withheld):
        # Half a move (an edit that takes text out, or puts it in) must not be
        # made: the step again, making no move.
        kept, withheld = _split(step.without_moves().edits(text), spans)
    return kept, withheld


def _split(edits: list[Edit], spans: list[Span]) -> tuple[list[Edit], list[tuple[Edit, Span]]]:
    """Edits that touch no span, and those that do with the span each touches.
    Spans and edits are both sorted, so one walk over the two (linear)."""
    kept: list[Edit] = []
    withheld: list[tuple[Edit, Span]] = []
    k = 0
    for e in edits:
        while k < len(spans) and spans[k].end <= e.start:
            k += 1
        # The first span that ends after the edit starts: the edit overlaps it,
        # or inserts strictly inside it, when that span starts before the edit
        # ends (an insertion right before or after a span leaves it whole).
        if k < len(spans) and spans[k].start < e.end:
            withheld.append((e, spans[k]))
        else:
            kept.append(e)
    return kept, withheld


def _bare(s: str) -> str:
    """``s`` without white space: what a move carries (a join changes none of it)."""
    return "".join(s.split())
