"""The ``zhclean`` command (also ``python -m zhclean``).

Exit codes: 0 success; 1 a problem with the data or files (missing file,
invalid UTF-8, a bad JSONL line, output equal to an input) or, with
``--check``, something would change; 2 a usage error (unknown option, bad
value); 130 interrupted; 141 the reader of stdout went away. Errors are one
line on stderr, never a traceback. The engine (inputs, streaming, parts,
workers) is :mod:`zhclean.corpus`.
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import json
import os
import shutil
import sys
import tempfile
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import fields
from typing import Sequence

from . import __version__, corpus
from .corpus import UserError
from .options import CHOICES, OPENCC_CONFIGS, OptionError, Options
from .pipeline import StepFailedWarning
from .presets import PRESETS, build, preset

_SEPARATORS = {"line": "\n", "blank": "\n\n"}


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line; the full usage is one ``--help`` away (it is 20 lines)."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="zhclean",
        description="Clean Chinese text from PDF extraction, OCR, newspaper layouts and web pages.",
    )
    p.add_argument("files", nargs="*", help="files, directories (recursive) or glob patterns (.gz allowed; see --encoding); none or '-' reads stdin")
    p.add_argument("-o", "--output", help="write everything here instead of stdout (.gz compresses; never one of the inputs)")
    p.add_argument("--out-dir", metavar="DIR", help="write each input to DIR under its relative name")
    p.add_argument("--in-place", action="store_true", help="replace each input with its cleaned text (atomic: temporary file, then rename)")
    p.add_argument("--include", action="append", metavar="GLOB", help="file name patterns taken from directories (default *.txt *.txt.gz, or *.jsonl *.jsonl.gz with --jsonl)")
    p.add_argument("--jsonl", action="store_true", help="inputs are JSON lines; clean one string field, keep the rest and the line order")
    p.add_argument(
        "--encoding", default="auto", metavar="NAME",
        help="of text files: auto (default: a byte-order mark, else UTF-8, else GB18030 or Big5, whichever reads as Chinese) "
        "or a codec name (gbk, big5, utf-16, ...); output is always UTF-8; JSON lines are UTF-8",
    )
    p.add_argument("--field", default="text", help="the JSONL field to clean (default: text)")
    p.add_argument("--on-error", choices=["stop", "skip"], default="stop", help="a bad JSONL line: stop (default) or keep it unchanged and go on")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if anything would change")
    p.add_argument("--diff", action="store_true", help="write a unified diff instead of the text")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes, each reading its own inputs (default 1; 0 = all cores)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    p.add_argument("--preset", default="default", choices=sorted(PRESETS), help="starting options (default: default)")
    p.add_argument("--explain", action="store_true", help="write the changes as JSON lines instead of the text")
    p.add_argument("--report", metavar="HTML", help="write a self-contained HTML page of every change instead of the text")
    p.add_argument("--version", action="version", version=f"zhclean {__version__}")
    g = p.add_argument_group("options (override the preset)")
    for f in fields(Options):
        flag = "--" + f.name.replace("_", "-")
        if f.name == "paragraph_separator":
            g.add_argument(flag, choices=sorted(_SEPARATORS), default=None, help="'line' (default) or 'blank' between paragraphs")
        elif f.name == "convert":
            g.add_argument(flag, metavar="CONFIG", default=None, help=f"OpenCC configuration: {', '.join(OPENCC_CONFIGS)}")
        elif f.name in CHOICES:
            g.add_argument(flag, choices=CHOICES[f.name], default=None)
        else:
            g.add_argument(flag, action=argparse.BooleanOptionalAction, default=None)
    return p



def _options(args: argparse.Namespace) -> Options:
    overrides = {}
    for f in fields(Options):
        v = getattr(args, f.name)
        if v is not None:
            overrides[f.name] = _SEPARATORS[v] if f.name == "paragraph_separator" else v
    return Options.from_kwargs(preset(args.preset), **overrides)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _work(task: tuple[corpus.Part, str]) -> corpus.PartResult:
    part, tmp_dir = task
    with warnings.catch_warnings():  # failures come back in the result, reported once by main
        warnings.simplefilter("ignore", StepFailedWarning)
        return corpus.run_part(part, tmp_dir)


def _explained(inputs: list[tuple[str, str]], opts: Options, encoding: str = "auto"):
    """(name, explain() result) per input; explain needs each input whole."""
    pipe = build(opts)
    for path, _ in inputs:
        part = corpus.Part(path, 0, None, "text", opts, encoding=encoding)
        text = corpus.read_whole(part).text
        yield ("<stdin>" if path == "-" else path), pipe.explain(text)


def _explain(inputs: list[tuple[str, str]], opts: Options, write, encoding: str = "auto") -> None:
    """--explain: the changes of each input as JSON lines."""
    for name, result in _explained(inputs, opts, encoding):
        for c in result.changes:
            write(json.dumps({"file": name, "kind": "change", **c.as_dict()}, ensure_ascii=False) + "\n")
        for n in result.notices:
            write(json.dumps({"file": name, "kind": "notice", **n.as_dict()}, ensure_ascii=False) + "\n")


class _Sink:
    """Where cleaned output goes: stdout, or a file written atomically (temporary
    file in the same directory, renamed over the target only when complete)."""

    def __init__(self, target: str | None, like: str | None = None) -> None:
        self.target = target
        self.like = like
        self.tmp: str | None = None
        if target is None:
            self.fh = sys.stdout.buffer
            return
        d = os.path.dirname(os.path.abspath(target))
        os.makedirs(d, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=".zhclean-", dir=d)
        raw = os.fdopen(fd, "wb")
        self.fh = gzip.GzipFile(fileobj=raw, mode="wb") if target.endswith(".gz") else raw
        self._raw = raw

    def copy_from(self, path: str) -> None:
        with open(path, "rb") as src:
            shutil.copyfileobj(src, self.fh, 1 << 20)
        os.unlink(path)

    def commit(self) -> None:
        if self.tmp is None:
            self.fh.flush()
            return
        self.fh.close()
        if self.fh is not self._raw:
            self._raw.close()
        if self.like and os.path.exists(self.like):
            shutil.copymode(self.like, self.tmp)
        else:
            # mkstemp makes 0600; a new output gets the usual mode under the umask.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(self.tmp, 0o666 & ~umask)  # type: ignore[arg-type]
        os.replace(self.tmp, self.target)  # type: ignore[arg-type]
        self.tmp = None

    def abort(self) -> None:
        if self.tmp is not None:
            try:
                self.fh.close()
            except Exception:
                pass
            if os.path.exists(self.tmp):
                os.unlink(self.tmp)
            self.tmp = None


def _progress(total: int, quiet: bool):
    if quiet or not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # the bar is a comfort, not a requirement
        return None
    return tqdm(total=total, unit="B", unit_scale=True, file=sys.stderr, leave=False)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    # A step that fails on a document is reported in the command's own words
    # (one line per document and a count in the summary), not as a Python warning.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StepFailedWarning)
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:  # noqa: C901 - the command's whole flow, read top to bottom
    parser = _parser()
    args = parser.parse_args(argv)
    if args.in_place and (args.output or args.out_dir):
        parser.error("--in-place cannot be combined with -o/--out-dir")
    if args.output and args.out_dir:
        parser.error("-o and --out-dir cannot be combined")
    if args.jobs < 0:
        parser.error("-j must be 0 (all cores) or more")
    if args.encoding != "auto":
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            parser.error(f"--encoding: unknown encoding {args.encoding!r}")
        args.encoding = codecs.lookup(args.encoding).name  # "utf8", "GBK" -> "utf-8", "gbk"
        if args.jsonl and args.encoding != "utf-8":
            parser.error("--encoding: JSON lines are UTF-8 (RFC 8259)")
    try:
        opts = _options(args)
        build(opts)
    except OptionError as e:
        print(f"zhclean: error: {e}", file=sys.stderr)
        return 2
    jobs = args.jobs or os.cpu_count() or 1
    include = args.include or (["*.jsonl", "*.jsonl.gz"] if args.jsonl else ["*.txt", "*.txt.gz"])
    mode = "jsonl" if args.jsonl else "text"
    want = "check" if args.check else "diff" if args.diff else "output"
    sinks: list[_Sink] = []
    work_dir = tempfile.mkdtemp(prefix="zhclean-")
    started = time.perf_counter()
    try:
        inputs = corpus.find_inputs(args.files or ["-"], include)
        if args.in_place and any(p == "-" for p, _ in inputs):
            raise UserError("--in-place needs files, not standard input")
        if args.output and args.output != "-":
            for p, _ in inputs:
                if p != "-" and os.path.exists(args.output) and _same_file(p, args.output):
                    raise UserError(f"{args.output}: output file is also an input; refusing to overwrite it")
        if args.out_dir:
            for p, rel in inputs:
                dest = os.path.join(args.out_dir, rel)
                if p != "-" and os.path.exists(dest) and _same_file(p, dest):
                    raise UserError(f"{dest}: output file is also an input; refusing to overwrite it")
        if args.explain:
            _explain(inputs, opts, sys.stdout.write, args.encoding)
            sys.stdout.flush()
            return 0
        if args.report:
            from .report import render

            if any(p != "-" and os.path.exists(args.report) and _same_file(p, args.report) for p, _ in inputs):
                raise UserError(f"{args.report}: report file is also an input; refusing to overwrite it")
            page = render(_explained(inputs, opts, args.encoding))
            sink = _Sink(args.report)
            sinks.append(sink)
            sink.fh.write(page.encode("utf-8"))
            sink.commit()
            return 0

        # Parts: one per file, or a file cut at safe boundaries when there are
        # more workers than files. Workers read their own parts.
        pieces = jobs if len(inputs) < jobs else 1
        per_input: list[list[corpus.Part]] = []
        for p, rel in inputs:
            kw = dict(field=args.field, on_error=args.on_error, want=want, name=rel, encoding=args.encoding)
            if p == "-":
                per_input.append([corpus.Part("-", 0, None, mode, opts, **kw)])
            else:
                per_input.append(corpus.plan(p, mode, opts, pieces, **kw))
        tasks = [(part, work_dir) for parts in per_input for part in parts]
        total = sum(os.path.getsize(p) for p, _ in inputs if p != "-")
        bar = _progress(total, args.quiet)

        pool = None
        results = None
        if jobs > 1 and len(tasks) > 1 and all(p != "-" for p, _ in inputs):
            pool = ProcessPoolExecutor(max_workers=min(jobs, len(tasks)))
            results = pool.map(_work, tasks)

        shared = _Sink(None if not args.output or args.output == "-" else args.output) if want == "output" and not (args.in_place or args.out_dir) else None
        if shared is not None:
            sinks.append(shared)
        docs = changed_docs = bytes_in = 0
        would_change: list[str] = []
        skipped: list[str] = []
        failed: list[str] = []
        deleted = 0
        try:
            for (path, rel), parts in zip(inputs, per_input):
                sink = shared
                if want == "output" and sink is None:
                    sink = _Sink(path if args.in_place else os.path.join(args.out_dir, rel), like=path)
                    sinks.append(sink)
                file_changed = False
                read_as = "utf-8"
                for part in parts:
                    # Workers hand back temporary files; in process, the part
                    # streams straight into the sink.
                    r = next(results) if results is not None else corpus.run_part(part, work_dir, sink.fh if sink else None)
                    docs += r.documents
                    changed_docs += r.changed
                    bytes_in += r.bytes_in
                    skipped += r.skipped
                    failed += r.failed
                    deleted += r.deleted
                    read_as = r.encoding
                    file_changed |= bool(r.changed)
                    if r.diff:
                        sys.stdout.write(r.diff)
                    if r.tmp:
                        sink.copy_from(r.tmp)  # type: ignore[union-attr]
                    if bar is not None:
                        bar.update(r.bytes_in)
                if sink is not None and sink is not shared:
                    sink.commit()
                if read_as != "utf-8" and not args.quiet:
                    written = ", written as UTF-8" if args.in_place else ""
                    print(f"zhclean: {'<stdin>' if path == '-' else path}: read as {read_as}{written}", file=sys.stderr)
                if file_changed:
                    would_change.append("<stdin>" if path == "-" else path)
            if shared is not None:
                shared.commit()
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
            if bar is not None:
                bar.close()
        sys.stdout.flush()
        for s in skipped[:20]:
            print(f"zhclean: skipped (kept unchanged): {s}", file=sys.stderr)
        if len(skipped) > 20:
            print(f"zhclean: ... and {len(skipped) - 20} more skipped lines", file=sys.stderr)
        for s in failed[:20]:
            print(f"zhclean: {s}", file=sys.stderr)
        if len(failed) > 20:
            print(f"zhclean: ... and {len(failed) - 20} more step failures", file=sys.stderr)
        if args.check:
            for name in would_change:
                print(f"would change: {name}", file=sys.stderr)
        if not args.quiet and (args.check or any(p != "-" for p, _ in inputs)):
            secs = time.perf_counter() - started
            mb = bytes_in / 1e6
            print(
                f"zhclean: {len(inputs)} file{'s' * (len(inputs) != 1)}, {docs} document{'s' * (docs != 1)} "
                f"({changed_docs} changed{f', {len(skipped)} skipped' if skipped else ''}"
                f"{f', {len(failed)} with a failed step' if failed else ''}"
                f"{f', {deleted} characters deleted as page furniture' if deleted else ''}), "
                f"{mb:.1f} MB in {secs:.1f} s ({mb / secs if secs else 0:.1f} MB/s)",
                file=sys.stderr,
            )
        return 1 if args.check and would_change else 0
    except UserError as e:
        print(f"zhclean: error: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as a shell expects.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        return 130
    finally:
        for s in sinks:
            s.abort()
        shutil.rmtree(work_dir, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
