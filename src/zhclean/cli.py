"""The ``zhclean`` command (also ``python -m zhclean``).

Exit codes: 0 success, 1 a problem with the data or files (missing file,
directory, invalid UTF-8, output equal to an input), 2 a usage error (unknown
option, bad value). Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import fields
from typing import Sequence

from . import __version__
from .options import CHOICES, OPENCC_CONFIGS, OptionError, Options
from .presets import PRESETS, build, preset

_SEPARATORS = {"line": "\n", "blank": "\n\n"}


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit code 1."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="zhclean",
        description="Clean Chinese text from PDF extraction, OCR, newspaper layouts and web pages.",
    )
    p.add_argument("files", nargs="*", help="input files (UTF-8); none or '-' reads stdin")
    p.add_argument("-o", "--output", help="write here instead of stdout (never one of the inputs)")
    p.add_argument("--preset", default="default", choices=sorted(PRESETS), help="starting options (default: default)")
    p.add_argument("--explain", action="store_true", help="write the changes as JSON lines instead of the text")
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


def _read(path: str) -> tuple[str, str]:
    """(display name, text) of one input; decoding errors name the file and byte offset."""
    if path == "-":
        name, data = "<stdin>", sys.stdin.buffer.read()
    else:
        name = path
        if os.path.isdir(path):
            raise UserError(f"{path}: is a directory")
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except FileNotFoundError:
            raise UserError(f"{path}: no such file") from None
        except OSError as e:
            raise UserError(f"{path}: cannot read ({e.strerror})") from None
    try:
        return name, data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise UserError(f"{name}: not valid UTF-8 at byte offset {e.start} (byte 0x{data[e.start]:02x})") from None


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    overrides = {}
    for f in fields(Options):
        v = getattr(args, f.name)
        if v is None:
            continue
        overrides[f.name] = _SEPARATORS[v] if f.name == "paragraph_separator" else v
    try:
        opts = Options.from_kwargs(preset(args.preset), **overrides)
        pipe = build(opts)
    except OptionError as e:
        print(f"zhclean: error: {e}", file=sys.stderr)
        return 2

    files = args.files or ["-"]
    try:
        if args.output:
            for f in files:
                if f != "-" and os.path.exists(args.output) and _same_file(f, args.output):
                    raise UserError(f"{args.output}: output file is also an input; refusing to overwrite it")
        texts = [_read(f) for f in files]
        chunks: list[str] = []
        for name, text in texts:
            if args.explain:
                result = pipe.explain(text)
                for c in result.changes:
                    chunks.append(json.dumps({"file": name, "kind": "change", **c.as_dict()}, ensure_ascii=False) + "\n")
                for n in result.notices:
                    chunks.append(json.dumps({"file": name, "kind": "notice", **n.as_dict()}, ensure_ascii=False) + "\n")
            else:
                out = pipe(text)
                chunks.append(out if out.endswith("\n") or not out else out + "\n")
        data = "".join(chunks)
        if args.output:
            try:
                with open(args.output, "w", encoding="utf-8", newline="") as fh:
                    fh.write(data)
            except OSError as e:
                raise UserError(f"{args.output}: cannot write ({e.strerror})") from None
        else:
            sys.stdout.write(data)
            sys.stdout.flush()
    except UserError as e:
        print(f"zhclean: error: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
