"""Traditional/Simplified conversion through OpenCC (only when asked for).

OpenCC's phrase tables are not idempotent: s2twp turns 脑梗 into 腦梗塞, and
腦梗塞 again into 腦梗塞塞; it turns 创建 into 創建 and only a second pass makes
that 建立. clean() must be idempotent, so a conversion is repeated until it
settles (one extra pass on text where it already has). A clause on which it
never settles is converted by the configuration's character-level sibling and
reported as a notice (docs/adr/0010-stable-script-conversion.md).
"""

from __future__ import annotations

from functools import lru_cache

import opencc
import regex

from ..core import Edit, Normalizer, Note, check_text, line_edits
from ..options import OPENCC_CONFIGS, OptionError


@lru_cache(maxsize=None)
def _converter(config: str) -> "opencc.OpenCC":
    # Building a converter loads dictionaries (milliseconds); one per config per process.
    return opencc.OpenCC(config if config.endswith(".json") else f"{config}.json")


# Characters OpenCC cannot take: surrogates (not UTF-8) and NUL (s2twp and other
# phrase configurations stop at it and silently drop the rest of the text).
_UNSAFE = regex.compile("[\ud800-\udfff\x00]")
_UNSAFE_RUNS = regex.compile("([\ud800-\udfff\x00]+)")
# Phrase tables do not reach across these, so a clause is converted on its own.
_CLAUSE = regex.compile(r"(?<=[，。！？；：、,.!?;:\n])")
# Passes after the first before a conversion counts as not settling.
_SETTLE = 3
# The character-level sibling of a phrase configuration (None: leave unconverted).
_SIBLING = {"s2twp": "s2tw", "tw2sp": "tw2s"}


def _settled(conv, text: str) -> str | None:
    """``conv`` repeated on ``text`` until it stops changing, or None if it does not."""
    out = conv(text)
    for _ in range(_SETTLE):
        again = conv(out)
        if again == out:
            return out
        out = again
    return None


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
        if _UNSAFE.search(text) is None:
            return self._stable(text)
        # Convert around them (the pipeline removes both before this step unless
        # remove_invisible is off).
        return "".join(p if _UNSAFE.match(p) else self._stable(p) for p in _UNSAFE_RUNS.split(text))

    def _stable(self, text: str) -> str:
        conv = _converter(self.config).convert
        out = conv(text)
        if conv(out) == out:
            return out
        # Rare: settle clause by clause, so one unsettled phrase costs only its clause.
        return "".join(self._clause(c) for c in _CLAUSE.split(text))

    def _clause(self, clause: str) -> str:
        out = _settled(_converter(self.config).convert, clause)
        if out is not None:
            return out
        sibling = _SIBLING.get(self.config)
        out = _settled(_converter(sibling).convert, clause) if sibling else None
        return clause if out is None else out

    def notes(self, text: str) -> list[Note]:
        conv = _converter(self.config).convert
        safe = _UNSAFE.sub(" ", text)  # same length; notes only, not output
        once = conv(safe)
        if conv(once) == once:
            return []
        out: list[Note] = []
        pos = 0
        for clause in _CLAUSE.split(safe):
            if clause and _settled(conv, clause) is None:
                sibling = _SIBLING.get(self.config)
                how = f"converted with {sibling}" if sibling else "left unconverted"
                out.append(Note(pos, pos + len(clause), f"OpenCC {self.config} does not settle on this clause "
                                f"(each pass changes it again); {how}"))
            pos += len(clause)
        return out

    def edits(self, text: str) -> list[Edit]:
        # Per run of changed characters where a line keeps its length, else per line
        # (phrase conversion such as s2twp changes lengths).
        out = self(text)
        return [] if out == text else line_edits(text, out, by_char=True)
