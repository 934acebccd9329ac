"""Files and corpora: finding inputs, streaming them in bounded pieces, JSONL, gzip.

The CLI's engine, usable on its own. A file is never read whole: text is cleaned
in pieces cut at *safe boundaries* (a finished sentence followed by a blank
line — no rule joins across one of those), JSONL line by line. Work is cut into
:class:`Part` s that a worker process opens and reads itself; the parent only
receives the name of a temporary file holding the part's output, so memory stays
bounded and no text is shipped between processes.
"""

from __future__ import annotations

import codecs
import difflib
import fnmatch
import glob
import gzip
import io
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from itertools import chain
from typing import BinaryIO, Iterator

import regex

from .chars import SENTENCE_END, TRAILING_CLOSERS
from .decoding import BOMS, Decoded, DecodeError, decode
from .options import Options
from .presets import build

__all__ = ["UserError", "Part", "PartResult", "find_inputs", "plan", "run_part", "safe_cut", "CHUNK_BYTES"]

# Size of one cleaned piece. Large enough that page furniture repeated on every
# page is seen many times in one piece; small enough to keep the CLI's memory
# far below 200 MB.
CHUNK_BYTES = 4 << 20
_READ = 1 << 20

# Candidate cut points: a finished sentence before blank line(s), or a finished
# line wider than any column (80+ characters: web text, one paragraph per line).
# Reflow can still join across a candidate (a full finished line, then a page
# break), so each one is verified before use; see
# docs/adr/0008-streaming-boundaries.md.
_END = f"[{regex.escape(SENTENCE_END)}][{regex.escape(TRAILING_CLOSERS)}]*[ \\t]*\\n"
_CANDIDATE = regex.compile(
    f"(?m){_END}(?:[ \\t]*\\n)+"
    f"|^(?=[^\\n]{{80}})[^\\n]*{_END}(?:[ \\t]*\\n)*"
)
# Lines of context on each side when verifying a cut: more than the furthest
# any reflow decision looks (its indent convention, 40 lines each way).
_CONTEXT_LINES = 100
FALLBACK_PIECES = 8


class UserError(Exception):
    """A problem with the data or files that the user can fix (printed as one line, exit 1)."""


def _around(text: str, pos: int, lines: int) -> tuple[int, int]:
    lo = pos
    for _ in range(lines):
        lo = text.rfind("\n", 0, lo - 1) + 1 if lo > 0 else 0
        if lo == 0:
            break
    hi = pos
    for _ in range(lines):
        k = text.find("\n", hi + 1)
        if k < 0:
            return lo, len(text)
        hi = k
    return lo, hi


def safe_cut(text: str, pipe, min_pos: int = 0, tries: int = 16) -> int:
    """The last offset past ``min_pos`` where ``text`` can be cut without changing
    the result: cleaning the two sides apart, joined by the paragraph separator,
    equals cleaning them together on a window of context. 0 if none is found.
    """
    cuts = [m.end() for m in _CANDIDATE.finditer(text, min_pos)]
    for c in reversed(cuts[-tries:]):
        if _verified(text, c, pipe):
            return c
    return 0


def _verified(text: str, c: int, pipe) -> bool:
    sep = getattr(getattr(pipe, "options", None), "paragraph_separator", "\n")
    lo, hi = _around(text, c, _CONTEXT_LINES)
    left, right = pipe(text[lo:c]).rstrip("\n"), pipe(text[c:hi]).rstrip("\n")
    return sep.join(x for x in (left, right) if x) == pipe(text[lo:hi]).rstrip("\n")


def find_inputs(args: list[str], include: list[str]) -> list[tuple[str, str]]:
    """(path, name relative to the argument it came from) for every input, in a stable order.

    Directories are walked recursively and filtered by ``include`` patterns; other
    arguments are files or glob patterns. ``-`` is standard input.
    """
    out: list[tuple[str, str]] = []
    for arg in args:
        if arg == "-":
            out.append(("-", "-"))
        elif os.path.isdir(arg):
            found = []
            for root, dirs, files in os.walk(arg):
                dirs.sort()
                for f in sorted(files):
                    if any(fnmatch.fnmatch(f, pat) for pat in include):
                        p = os.path.join(root, f)
                        found.append((p, os.path.relpath(p, arg)))
            if not found:
                raise UserError(f"{arg}: is a directory with no files matching {' '.join(include)}")
            out.extend(found)
        elif os.path.exists(arg):
            out.append((arg, os.path.basename(arg)))
        else:
            matches = sorted(p for p in glob.glob(arg, recursive=True) if os.path.isfile(p))
            if not matches:
                raise UserError(f"{arg}: no such file")
            out.extend((p, os.path.basename(p)) for p in matches)
    return out


@dataclass(frozen=True)
class Part:
    """Bytes ``start:end`` of ``path`` (``end`` None: to the end), cleaned as ``mode``."""

    path: str
    start: int
    end: int | None
    mode: str  # "text" or "jsonl"
    options: Options
    field: str = "text"
    on_error: str = "stop"
    want: str = "output"  # "output", "check" (only whether it changes) or "diff"
    name: str = ""
    # Of a text file: a codec name or "auto" (zhclean.decode). JSON lines are UTF-8.
    encoding: str = "auto"


@dataclass
class PartResult:
    """What a worker reports: where its output is, and counts for the summary."""

    tmp: str | None = None
    bytes_in: int = 0
    documents: int = 0
    changed: int = 0
    skipped: list[str] = field(default_factory=list)
    # "where: step … failed (…)" for each document a step failed on (kept as
    # that step's input, otherwise cleaned; see Pipeline.run).
    failed: list[str] = field(default_factory=list)
    # Characters deleted as page furniture (see Pipeline.run).
    deleted: int = 0
    # What the text was read as (zhclean.decode), when not plain UTF-8.
    encoding: str = "utf-8"
    diff: str = ""

    def clean(self, pipe, text: str, where: str) -> str:
        """``pipe(text)``, with any step failure recorded against ``where``."""
        run = pipe.run(text)
        self.failed.extend(f"{where}: {f.message}" for f in run.failures)
        self.deleted += run.deleted
        return run.text


def _is_gz(path: str) -> bool:
    return path.endswith(".gz")


def plan(path: str, mode: str, options: Options, pieces: int, **kw: object) -> list[Part]:
    """Cut one file into about ``pieces`` parts at safe boundaries (gzip: one part)."""
    size = os.path.getsize(path)
    if pieces <= 1 or _is_gz(path) or size < 2 * CHUNK_BYTES:
        return [Part(path, 0, None, mode, options, **kw)]  # type: ignore[arg-type]
    whole = Part(path, 0, None, mode, options, **kw)  # type: ignore[arg-type]
    if mode == "text":
        with open(path, "rb") as fh:
            if _needs_decode(whole, fh.read(_READ)):
                return [whole]  # decoded whole, in one part
    cuts = [0]
    pipe = build(options)
    with open(path, "rb") as fh:
        for k in range(1, pieces):
            target = size * k // pieces
            if target <= cuts[-1]:
                continue
            fh.seek(target)
            cut = _next_boundary(fh, mode, pipe)
            if cut is not None and cut > cuts[-1]:
                cuts.append(cut)
    cuts.append(size)
    return [Part(path, a, b, mode, options, **kw) for a, b in zip(cuts, cuts[1:]) if b > a]  # type: ignore[arg-type]


def _next_boundary(fh: BinaryIO, mode: str, pipe) -> int | None:
    """The first safe boundary at or after the file position (line start for JSONL)."""
    base = fh.tell()
    buf = b""
    while True:
        block = fh.read(_READ)
        if not block:
            return None
        buf += block
        if mode == "jsonl":
            i = buf.find(b"\n")
            if i >= 0:
                return base + i + 1
            continue
        # Decode from the first line start so we never split a UTF-8 sequence.
        nl = buf.find(b"\n")
        if nl < 0:
            continue
        text = buf[nl + 1 :].decode("utf-8", errors="replace")
        for k, m in enumerate(_CANDIDATE.finditer(text)):
            if k >= 16:
                break
            if _verified(text, m.end(), pipe):
                return base + nl + 1 + len(text[: m.end()].encode("utf-8", errors="replace"))
        if len(buf) > 16 * _READ:
            return None  # no boundary nearby: leave this stretch to one part


def _open_in(part: Part) -> BinaryIO:
    if part.path == "-":
        return sys.stdin.buffer
    try:
        if _is_gz(part.path):
            return gzip.open(part.path, "rb")  # type: ignore[return-value]
        fh = open(part.path, "rb")
    except FileNotFoundError:
        raise UserError(f"{part.path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{part.path}: is a directory") from None
    except OSError as e:
        raise UserError(f"{part.path}: cannot read ({e.strerror})") from None
    fh.seek(part.start)
    return fh


def _blocks(part: Part) -> Iterator[bytes]:
    fh = _open_in(part)
    left = None if part.end is None else part.end - part.start
    try:
        while left is None or left > 0:
            try:
                block = fh.read(_READ if left is None else min(_READ, left))
            except (OSError, EOFError) as e:  # corrupt gzip, I/O error
                raise UserError(f"{part.path}: cannot read ({e})") from None
            if not block:
                return
            if left is not None:
                left -= len(block)
            yield block
    finally:
        if part.path != "-":
            fh.close()


def _decode(data: bytes, part: Part, offset: int) -> str:
    nul = data.find(b"\x00")
    if nul >= 0:
        # Valid UTF-8 perhaps, but not text: cleaning would strip the NULs and
        # return something that is neither the file nor text.
        raise UserError(f"{part.path}: looks like a binary file (NUL byte at offset {part.start + offset + nul})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        at = part.start + offset + e.start
        hint = "; name its encoding with --encoding" if part.mode == "text" else " (JSON lines are UTF-8)"
        raise UserError(f"{part.path}: not valid UTF-8 at byte offset {at} (byte 0x{data[e.start]:02x}){hint}") from None


def _utf8_so_far(head: bytes) -> bool:
    """Whether ``head`` is UTF-8, but for a sequence the next block completes."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _needs_decode(part: Part, head: bytes) -> bool:
    """Whether the file is read whole through zhclean.decode: an encoding named,
    a byte-order mark, or a start that is not UTF-8. Plain UTF-8 streams."""
    if part.encoding not in ("auto", "utf-8"):
        return True
    return part.start == 0 and part.encoding == "auto" and (
        any(head.startswith(mark) for mark, _ in BOMS) or not _utf8_so_far(head)
    )


def _decoded(part: Part, data: bytes) -> Decoded:
    """The whole file through zhclean.decode (legacy encodings have no
    self-synchronising line ends to cut pieces at)."""
    try:
        return decode(data, part.encoding)
    except DecodeError as e:
        raise UserError(f"{part.path}: {e}") from None


def read_whole(part: Part) -> Decoded:
    """The part's text in one piece, and what it was read as."""
    data = b"".join(_blocks(part))
    if _needs_decode(part, data[:CHUNK_BYTES]):
        return _decoded(part, data)
    return Decoded(_decode(data, part, 0), "utf-8")


def _text_pieces(part: Part, pipe, result: PartResult) -> Iterator[tuple[str, int]]:
    """(piece of text, bytes it came from) cut at safe boundaries, each about CHUNK_BYTES."""
    blocks = _blocks(part)
    head = b""
    for block in blocks:
        head += block
        if len(head) >= CHUNK_BYTES:
            break
    if _needs_decode(part, head):
        data = head + b"".join(blocks)
        text, result.encoding = _decoded(part, data)
        yield text, len(data)
        return
    pending = b""
    offset = 0  # bytes of the part already handed out
    for block in chain((head,), blocks):
        pending += block
        if len(pending) < CHUNK_BYTES:
            continue
        # Decode up to the last complete line, then cut at the last safe boundary.
        nl = pending.rfind(b"\n")
        if nl < 0:
            continue
        text = _decode(pending[: nl + 1], part, offset)
        cut = safe_cut(text, pipe, len(text) // 2)
        if cut == 0:
            if len(pending) < FALLBACK_PIECES * CHUNK_BYTES:
                continue  # keep reading until a boundary appears
            cut = len(text)  # none in 8 pieces: a line end, the best there is
        piece = text[:cut]
        used = len(piece.encode("utf-8"))
        yield piece, used
        pending = pending[used:]
        offset += used
    if pending:
        yield _decode(pending, part, offset), len(pending)


def _clean_jsonl_line(line: bytes, pipe, part: Part, lineno: int, result: PartResult) -> bytes:
    where = f"{part.path}:{lineno}"
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError) as e:
        problem = f"{where}: not a JSON line ({e.__class__.__name__}: {str(e)[:60]})"
    else:
        if not isinstance(obj, dict):
            problem = f"{where}: not a JSON object"
        elif part.field not in obj:
            problem = f"{where}: no field {part.field!r}"
        elif not isinstance(obj[part.field], str):
            problem = f"{where}: field {part.field!r} is {type(obj[part.field]).__name__}, not a string"
        else:
            result.documents += 1
            text = obj[part.field]
            new = result.clean(pipe, text, where)
            if new == text:
                return line
            result.changed += 1
            if part.want == "diff":
                result.diff += _diff(text, new, f"{part.name or part.path}:{lineno}")
            obj[part.field] = new
            return json.dumps(obj, ensure_ascii=False).encode("utf-8") + (b"\n" if line.endswith(b"\n") else b"")
    if part.on_error == "stop":
        raise UserError(problem)
    result.skipped.append(problem)
    return line  # kept unchanged: skipping never drops a user's data


def _diff(a: str, b: str, name: str) -> str:
    return "".join(
        difflib.unified_diff(a.splitlines(keepends=True), b.splitlines(keepends=True), f"a/{name}", f"b/{name}")
    )


class _Unclosed(io.RawIOBase):
    """A caller's stream, written through but left open when the part is done."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:  # type: ignore[override]
        self.raw.write(b)
        return len(b)


class _Same:
    """Whether two streams fed in pieces are equal, holding only their unmatched tails."""

    def __init__(self) -> None:
        self.a = ""
        self.b = ""
        self.differ = False

    def _settle(self) -> None:
        n = min(len(self.a), len(self.b))
        if self.a[:n] != self.b[:n]:
            self.differ = True
        self.a, self.b = self.a[n:], self.b[n:]

    def feed_in(self, s: str) -> None:
        if not self.differ:
            self.a += s
            self._settle()

    def feed_out(self, s: str) -> None:
        if not self.differ:
            self.b += s
            self._settle()

    def equal(self) -> bool:
        return not self.differ and self.a == self.b


def _first_line_number(part: Part) -> int:
    """Line number of the part's first line (parts after the first count the lines before them)."""
    if part.start == 0:
        return 1
    n = 1
    with open(part.path, "rb") as fh:
        left = part.start
        while left > 0:
            block = fh.read(min(_READ, left))
            if not block:
                break
            n += block.count(b"\n")
            left -= len(block)
    return n


def run_part(part: Part, tmp_dir: str | None = None, sink: BinaryIO | None = None) -> PartResult:
    """Clean one part. Its output goes to ``sink`` when given (the in-process
    path, which then streams), else to a temporary file whose name the result
    carries (a worker's path); nothing is written for ``want='check'``."""
    pipe = build(part.options)
    result = PartResult()
    out: BinaryIO
    if part.want == "output" and sink is not None:
        out = _Unclosed(sink)
    elif part.want == "output":
        fd, result.tmp = tempfile.mkstemp(prefix=".zhclean-", suffix=".part", dir=tmp_dir)
        out = os.fdopen(fd, "wb")
    else:
        out = io.BytesIO()  # discarded; counts and diffs only
    try:
        with out:
            if part.mode == "jsonl":
                lineno = _first_line_number(part)
                rest = b""
                for block in _blocks(part):
                    result.bytes_in += len(block)
                    lines = (rest + block).split(b"\n")
                    rest = lines.pop()
                    for line in lines:
                        if line.strip():
                            out.write(_clean_jsonl_line(line + b"\n", pipe, part, lineno, result))
                        else:
                            out.write(line + b"\n")
                        lineno += 1
                if rest.strip():
                    out.write(_clean_jsonl_line(rest, pipe, part, lineno, result))
            else:
                result.documents = 1
                sep = part.options.paragraph_separator
                same = _Same()
                first = True
                for text, n in _text_pieces(part, pipe, result):
                    result.bytes_in += n
                    same.feed_in(text)
                    new = result.clean(pipe, text, part.path).rstrip("\n")
                    if not new:
                        continue
                    # Pieces end at blank lines, so the paragraph separator joins them,
                    # exactly as it would have joined those paragraphs in one piece.
                    # A part that starts inside a file follows a part that already
                    # ended with a newline: it owes the rest of the separator.
                    emitted = (sep[1:] + new if part.start else new) if first else sep + new
                    first = False
                    same.feed_out(emitted)
                    if part.want == "diff" and text.rstrip("\n") != new:
                        result.diff += _diff(text, new + "\n", part.name or part.path)
                    if part.want == "output":
                        out.write(emitted.encode("utf-8"))
                if not first:
                    same.feed_out("\n")
                    if part.want == "output":
                        out.write(b"\n")
                result.changed = int(not same.equal())
    except BaseException:
        if result.tmp:
            os.unlink(result.tmp)
        raise
    return result
