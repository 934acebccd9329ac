"""Traditional/Simplified conversion through OpenCC (only when asked for)."""

from __future__ import annotations

from functools import lru_cache

import opencc

from ..core import Edit, Normalizer, check_text, diff_edits
from ..options import OPENCC_CONFIGS, OptionError


@lru_cache(maxsize=None)
def _converter(config: str) -> "opencc.OpenCC":
    # Building a converter loads dictionaries (milliseconds); one per config per process.
    return opencc.OpenCC(config if config.endswith(".json") else f"{config}.json")


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
        return _converter(self.config).convert(text)

    def edits(self, text: str) -> list[Edit]:
        # Report per changed word: equal-length lines are compared character by
        # character (runs of changes); lines whose length changed (phrase
        # conversion such as s2twp) get one edit per line.
        out_text = self(text)
        if out_text == text:
            return []
        a, b = text.split("\n"), out_text.split("\n")
        if len(a) != len(b):
            return diff_edits(text, out_text)
        edits: list[Edit] = []
        pos = 0
        for la, lb in zip(a, b):
            if la != lb:
                if len(la) == len(lb):
                    i = 0
                    n = len(la)
                    while i < n:
                        if la[i] != lb[i]:
                            j = i
                            while j < n and la[j] != lb[j]:
                                j += 1
                            edits.append(Edit(pos + i, pos + j, lb[i:j]))
                            i = j
                        else:
                            i += 1
                else:
                    edits.extend(Edit(e.start + pos, e.end + pos, e.new) for e in diff_edits(la, lb))
            pos += len(la) + 1
        return edits
