"""The normaliser contract: edits, and the small bases every normaliser is built on.

A normaliser has two faces:

* ``__call__(text) -> str`` — the fast path used by :func:`zhclean.clean`;
* ``edits(text) -> list[Edit]`` — the tracked path used by :func:`zhclean.explain`:
  sorted, non-overlapping replacements relative to *its own input*.

Applying ``edits(text)`` to ``text`` must give ``self(text)``; the contract test
in ``tests/test_contract.py`` checks that for every registered normaliser.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import wraps
from typing import Callable, Iterable, Mapping, Union

import re

import regex

__all__ = [
    "Edit",
    "Note",
    "Normalizer",
    "Rule",
    "Table",
    "Step",
    "Wrapped",
    "apply_edits",
    "apply_spans",
    "compose_edits",
    "diff_edits",
    "check_text",
]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``new`` (offsets in the normaliser's input)."""

    start: int
    end: int
    new: str


@dataclass(frozen=True, slots=True)
class Note:
    """Something a normaliser saw and deliberately did not fix (offsets in its input)."""

    start: int
    end: int
    message: str


def check_text(text: object) -> str:
    """Return ``text`` if it is a ``str``; otherwise raise ``TypeError`` naming its type."""
    if isinstance(text, str):
        return text
    hint = " (decode it first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
    raise TypeError(f"zhclean expects text as str, got {type(text).__name__}{hint}")


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply sorted, non-overlapping ``edits`` to ``text``."""
    return apply_spans(text, ((e.start, e.end, e.new) for e in edits))


def apply_spans(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """Apply sorted, non-overlapping ``(start, end, new)`` replacements to ``text``:
    what a step that makes many edits uses on its fast path (a tuple of plain
    values is untracked by the garbage collector; an Edit never is)."""
    parts: list[str] = []
    pos = 0
    for start, end, new in spans:
        if start < pos:
            raise ValueError(f"edits overlap or are unsorted at offset {start}")
        parts.append(text[pos:start])
        parts.append(new)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def compose_edits(text: str, first: list[Edit], second: list[Edit]) -> list[Edit]:
    """Edits on ``text`` that do what ``first`` and then ``second`` do (``second``'s
    offsets are in ``first``'s output). Edits of the two that touch become one; the
    rest stay as they were, so a step that runs twice still reports fine changes."""
    if not first or not second:
        return list(first or second)
    mid = apply_edits(text, first)
    # (start, end, which, index) in mid coordinates: which 0 = first, 1 = second.
    spans: list[tuple[int, int, int, int]] = []
    delta = 0
    for k, e in enumerate(first):
        spans.append((e.start + delta, e.start + delta + len(e.new), 0, k))
        delta += len(e.new) - (e.end - e.start)
    spans.extend((e.start, e.end, 1, k) for k, e in enumerate(second))
    spans.sort()
    out: list[Edit] = []
    delta = 0  # of the first edits before the current cluster
    i = 0
    while i < len(spans):
        j = i + 1
        end = spans[i][1]
        while j < len(spans) and spans[j][0] <= end:
            end = max(end, spans[j][1])
            j += 1
        cluster = spans[i:j]
        start = spans[i][0]
        after = delta + sum(len(first[k].new) - (first[k].end - first[k].start) for _, _, w, k in cluster if w == 0)
        if all(w == 0 for _, _, w, _ in cluster):
            out.extend(first[k] for _, _, _, k in cluster)
        else:
            parts: list[str] = []
            pos = start
            for _, _, w, k in cluster:
                if w == 1:
                    e = second[k]
                    parts.append(mid[pos : e.start])
                    parts.append(e.new)
                    pos = e.end
            parts.append(mid[pos:end])
            out.append(Edit(start - delta, end - after, "".join(parts)))
        delta = after
        i = j
    return out


def _trimmed(start: int, old: str, new: str) -> Edit | None:
    """The minimal edit turning ``old`` (at ``start``) into ``new``: shared ends are dropped."""
    if old == new:
        return None
    n = min(len(old), len(new))
    p = 0
    while p < n and old[p] == new[p]:
        p += 1
    s = 0
    while s < n - p and old[len(old) - 1 - s] == new[len(new) - 1 - s]:
        s += 1
    return Edit(start + p, start + len(old) - s, new[p : len(new) - s])


def diff_edits(before: str, after: str) -> list[Edit]:
    """One edit covering the span between the common prefix and suffix (linear time).

    Black boxes (ftfy, unicodedata) do not say what they changed; this is the
    cheapest honest answer. Callers that know the change is local (per line)
    diff line by line to get finer edits.
    """
    e = _trimmed(0, before, after)
    return [] if e is None else [e]


def _checked(fn):
    @wraps(fn)
    def wrapper(self, text, *args, **kwargs):
        if not isinstance(text, str):
            check_text(text)
        return fn(self, text, *args, **kwargs)

    wrapper.__zhclean_checked__ = True  # type: ignore[attr-defined]
    return wrapper


def line_edits(before: str, after: str, by_char: bool = False) -> list[Edit]:
    """Edits line by line (linear): one trimmed edit per changed line, or, with
    ``by_char`` and equal line lengths, one per run of changed characters (what a
    1:1 conversion such as OpenCC s2t changes). Falls back to one edit when the
    number of lines differs."""
    a, b = before.split("\n"), after.split("\n")
    if len(a) != len(b):
        return diff_edits(before, after)
    edits: list[Edit] = []
    pos = 0
    for la, lb in zip(a, b):
        if la != lb:
            if by_char and len(la) == len(lb):
                i, n = 0, len(la)
                while i < n:
                    if la[i] == lb[i]:
                        i += 1
                        continue
                    j = i
                    while j < n and la[j] != lb[j]:
                        j += 1
                    edits.append(Edit(pos + i, pos + j, lb[i:j]))
                    i = j
            else:
                e = _trimmed(pos, la, lb)
                if e is not None:
                    edits.append(e)
        pos += len(la) + 1
    return edits


class Normalizer:
    """Base class: a named text -> text function with tracked edits.

    Every subclass's ``__call__`` and ``edits`` reject non-``str`` input with a
    ``TypeError`` naming the type; the base does it so no normaliser can forget.
    """

    name: str = "normalizer"
    # Whether the pipeline withholds this step's edits that touch a protected
    # span (code, commands, options, paths, URLs, literal marks: zhclean.protect).
    # True for every step that changes layout, punctuation or spacing; the
    # encoding and character steps (mojibake, invisible characters, NFC) repair
    # code as much as prose.
    keeps_protected: bool = False
    # Whether the step moves text (reflow takes a caption out of the sentence it
    # interrupts: one edit deletes it, another inserts it). Withholding one half
    # of a move would lose or double the text: where an edit of such a step is
    # withheld, the pipeline runs its ``without_moves()`` variant instead.
    moves_text: bool = False
    # Whether the step deletes text as page furniture (running heads, page
    # numbers, stranded glyphs): the pipeline counts what it removes, and the
    # CLI reports the count (undoing doubling removes copies, not text).
    deletes_text: bool = False

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        for attr in ("__call__", "edits"):
            fn = cls.__dict__.get(attr)
            if fn is not None and not getattr(fn, "__zhclean_checked__", False):
                setattr(cls, attr, _checked(fn))

    def __call__(self, text: str) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def edits(self, text: str) -> list[Edit]:
        """Sorted, non-overlapping edits turning ``text`` into ``self(text)``."""
        return diff_edits(text, self(text))

    def without_moves(self) -> "Normalizer":
        """This step, making no move (see ``moves_text``); itself if it makes none."""
        return self

    def notes(self, text: str) -> list[Note]:
        """What this normaliser left alone but a reader should know (e.g. an unpaired quote)."""
        return []

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"


Replacement = Union[str, Callable[["regex.Match[str]"], str]]


class AnyChar:
    """A guard that looks for any of a few characters with ``in``, one C scan each.

    A regex class of several ranges is no fast scan in the ``regex`` engine (1-3x
    one regex pass on text that has none of them); forty ``in`` scans cost 0.2x
    on text without those characters and up to 0.85x on Chinese text. For more
    than MAX_IN_SCANS characters one ``re`` class scan is used instead.
    """

    # Past this many characters one class scan on the standard re engine is
    # cheaper than an ``in`` scan per character (about 0.45x one regex pass against
    # 0.012-0.02x per character, measured on the benchmark text).
    MAX_IN_SCANS = 40

    def __init__(self, chars: Iterable[str]) -> None:
        self.chars = tuple(dict.fromkeys(chars))
        self._class = re.compile("[" + "".join(map(re.escape, self.chars)) + "]") if len(self.chars) > self.MAX_IN_SCANS else None

    @classmethod
    def of_class(cls, body: str) -> "AnyChar":
        """From a regex class body of characters and ``a-b`` ranges (no escapes)."""
        out: list[str] = []
        i = 0
        while i < len(body):
            if i + 2 < len(body) and body[i + 1] == "-":
                out.extend(map(chr, range(ord(body[i]), ord(body[i + 2]) + 1)))
                i += 3
            else:
                out.append(body[i])
                i += 1
        return cls(out)

    def search(self, text: str) -> bool | None:
        """True if ``text`` holds one of the characters, else None (like a failed match)."""
        if self._class is not None:
            return True if self._class.search(text) is not None else None
        return True if any(c in text for c in self.chars) else None


class Rule(Normalizer):
    """A regex substitution, skipped entirely when the cheap ``guard`` does not match."""

    def __init__(
        self,
        name: str,
        pattern: "regex.Pattern[str] | str",
        repl: Replacement,
        guard: "regex.Pattern[str] | re.Pattern[str] | AnyChar | str | None" = None,
    ) -> None:
        self.name = name
        self.pattern = regex.compile(pattern) if isinstance(pattern, str) else pattern
        self.repl = repl
        self.guard = regex.compile(guard) if isinstance(guard, str) else guard

    def _skip(self, text: str) -> bool:
        return self.guard is not None and self.guard.search(text) is None

    def __call__(self, text: str) -> str:
        check_text(text)
        if self._skip(text):
            return text
        return self.pattern.sub(self.repl, text)

    def edits(self, text: str) -> list[Edit]:
        check_text(text)
        if self._skip(text):
            return []
        out: list[Edit] = []
        repl = self.repl
        for m in self.pattern.finditer(text):
            new = repl(m) if callable(repl) else m.expand(repl)
            e = _trimmed(m.start(), m.group(), new)
            if e is not None:
                out.append(e)
        return out


class Table(Rule):
    """A 1:1 character table applied through one regex class (faster than
    ``str.translate`` on CJK text, see docs/adr/0003-no-str-translate.md)."""

    def __init__(self, name: str, mapping: Mapping[str, str], guard: "regex.Pattern[str] | None" = None) -> None:
        self.mapping = dict(mapping)
        cls = "".join(regex.escape(k) for k in sorted(self.mapping))
        get = self.mapping.__getitem__
        super().__init__(name, f"[{cls}]+", lambda m: "".join(map(get, m.group())), guard=guard or AnyChar(self.mapping))


class Step(Normalizer):
    """A hand-written structural normaliser: ``edits`` is primary, the call applies them.

    Subclasses may override ``__call__`` with a faster path, the contract test
    keeps the two in agreement.
    """

    def __call__(self, text: str) -> str:
        return apply_edits(text, self.edits(check_text(text)))

    def edits(self, text: str) -> list[Edit]:  # pragma: no cover - abstract
        raise NotImplementedError


class Wrapped(Normalizer):
    """A black-box function (ftfy, opencc, unicodedata) made into a normaliser.

    ``guard`` is a cheap test; when it says "nothing to do" the function is not called.
    Edits come from a per-line prefix/suffix diff, so they stay linear and local.
    """

    def __init__(
        self,
        name: str,
        fn: Callable[[str], str],
        guard: Callable[[str], bool] | None = None,
        per_line: bool = True,
    ) -> None:
        self.name = name
        self.fn = fn
        self.guard = guard
        self.per_line = per_line

    def __call__(self, text: str) -> str:
        check_text(text)
        if self.guard is not None and not self.guard(text):
            return text
        return self.fn(text)

    def edits(self, text: str) -> list[Edit]:
        out = self(text)
        if out == text:
            return []
        return line_edits(text, out) if self.per_line else diff_edits(text, out)
