"""Coverage-guided fuzzing of clean() and explain() with atheris (libFuzzer).

    pip install atheris
    python benchmarks/fuzz_atheris.py -max_total_time=600      # ten minutes
    python benchmarks/fuzz_atheris.py crash-<hash>             # replay a find

Complements the Hypothesis suite (tests/test_fuzz.py): libFuzzer mutates bytes
towards new branches of zhclean's own code. Each input is decoded as UTF-8 (with
surrogateescape, so any bytes make a str) and the first byte picks options. The
checks are the library's contract: only the documented errors, explain() agrees
with clean(), offsets in range, and cleaning is idempotent. Not run in CI.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["zhclean"]):
    import zhclean

OPTION_SETS = [
    {},
    {"paragraph_separator": "\n\n"},
    {"cjk_latin_space": "one"},
    {"quotes": "corner"},
    {"remove_invisible": False},
    {"convert": "s2twp"},
    {"reflow": False, "undo_fake_bold": False},
    {"cjk_latin_space": "keep", "dedupe_punctuation": False},
]


def one_input(data: bytes) -> None:
    if not data:
        return
    opts = OPTION_SETS[data[0] % len(OPTION_SETS)]
    text = data[1:].decode("utf-8", "surrogateescape")
    out = zhclean.clean(text, **opts)
    result = zhclean.explain(text, **opts)
    if result.text != out:
        raise AssertionError(f"explain() != clean() for {text!r} {opts}")
    for c in result.changes:
        if not 0 <= c.start <= c.end <= len(text):
            raise AssertionError(f"offset out of range: {c} for {text!r}")
    again = zhclean.clean(out, **opts)
    if again != out:
        raise AssertionError(f"not idempotent for {text!r} {opts}: {out!r} -> {again!r}")


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
