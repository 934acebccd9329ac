"""Traditional/Simplified conversion through OpenCC (only when asked for)."""

from __future__ import annotations

from functools import lru_cache

import opencc
import regex

from ..core import Edit, Normalizer, check_text, line_edits
from ..options import OPENCC_CONFIGS, OptionError


@lru_cache(maxsize=None)
def _converter(config: str) -> "opencc.OpenCC":
    # Building a converter loads dictionaries (milliseconds); one per config per process.
    return opencc.OpenCC(config if config.endswith(".json") else f"{config}.json")


# Characters OpenCC cannot take: surrogates (not UTF-8) and NUL (s2twp and other
# phrase configurations stop at it and silently drop the rest of the text).
_UNSAFE = regex.compile("[\ud800-\udfff\x00]")
_UNSAFE_RUNS = regex.compile("([\ud800-\udfff\x00]+)")


class ConvertScript(Normalizer):
    """Convert script with an OpenCC configuration such as ``t2s`` or ``s2twp``."""

    def __init__(self, config: str) -> None:
        if config not in OPENCC_CONFIGS:
            raise OptionError(f"unknown OpenCC configuration {config!r}; choose one of: {', '.join(OPENCC_CONFIGS)}")
        self.config = config
        self.name = f"convert_{config}"

    def __reduce__(self):
        return (ConvertScript, (self.config,))

    def __call__(self, text: str) -> str:
        check_text(text)
        conv = _converter(self.config).convert
        if _UNSAFE.search(text) is None:
            return conv(text)
        # Convert around them (the pipeline removes both before this step unless
        # remove_invisible is off).
        return "".join(p if _UNSAFE.match(p) else conv(p) for p in _UNSAFE_RUNS.split(text))

    def edits(self, text: str) -> list[Edit]:
        # Per run of changed characters where a line keeps its length, else per line
        # (phrase conversion such as s2twp changes lengths).
        out = self(text)
        return [] if out == text else line_edits(text, out, by_char=True)
