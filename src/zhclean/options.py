"""``Options``: the frozen record of every switch, with validation that names the problem."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

__all__ = ["Options", "OptionError", "OPENCC_CONFIGS", "CHOICES"]

OPENCC_CONFIGS = (
    "s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "s2twp", "tw2sp", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t",
)


class OptionError(TypeError, ValueError):
    """An unknown option or a bad option value. A ``TypeError`` (like a bad keyword
    argument) and a ``ValueError`` (like a bad value), so either ``except`` catches it."""


@dataclass(frozen=True, kw_only=True)
class Options:
    """Every switch of the default pipeline, with its default.

    Encoding and characters (spec §1): ``unescape_html``, ``fix_mojibake``, ``remove_invisible``,
    ``fold_radicals``, ``halfwidth_alnum``. Layout (§2, §5, §6): ``split_columns``, ``undo_fake_bold``,
    ``drop_stranded_chars``, ``drop_page_numbers``, ``drop_running_heads``,
    ``reflow``, ``paragraph_separator`` (``"\\n"`` or ``"\\n\\n"``).
    Spaces (§3): ``close_spacing``, ``cjk_latin_space`` (``"none"``, ``"one"``,
    ``"keep"``). Punctuation (§4): ``cjk_punctuation``, ``quotes`` (``"curly"``,
    ``"corner"``, ``"keep"``), ``fix_ellipsis``, ``dedupe_punctuation``.
    Script: ``convert`` (an OpenCC configuration such as ``"t2s"``, or ``None``).
    Protection (§0): ``protect`` (code, commands, options, paths, URLs and literal marks are
    left as found by every layout, punctuation and spacing step; see ``zhclean.protect``).
    Failures: ``strict`` (an exception inside a step propagates; by default the step's
    input is kept for that document and the failure reported, see ``Pipeline``).
    """

    unescape_html: bool = True
    fix_mojibake: bool = True
    remove_invisible: bool = True
    fold_radicals: bool = True
    halfwidth_alnum: bool = True
    split_columns: bool = True
    undo_fake_bold: bool = True
    drop_stranded_chars: bool = True
    drop_page_numbers: bool = True
    drop_running_heads: bool = True
    reflow: bool = True
    paragraph_separator: str = "\n"
    close_spacing: bool = True
    cjk_latin_space: str = "none"
    cjk_punctuation: bool = True
    quotes: str = "curly"
    fix_ellipsis: bool = True
    dedupe_punctuation: bool = True
    convert: str | None = None
    protect: bool = True
    strict: bool = False

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            allowed = CHOICES.get(f.name)
            if allowed is not None:
                if value not in allowed:
                    shown = ", ".join(repr(a) for a in allowed)
                    raise OptionError(f"option {f.name}={value!r} is not allowed; choose one of: {shown}")
            elif not isinstance(value, bool):
                raise OptionError(f"option {f.name} must be True or False, got {value!r}")

    @classmethod
    def from_kwargs(cls, base: "Options | None" = None, **kwargs: Any) -> "Options":
        """``base`` (default: the defaults) with ``kwargs`` applied; unknown names raise ``OptionError``."""
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(kwargs) - names)
        if unknown:
            raise OptionError(f"unknown option {unknown[0]!r}; known options: {', '.join(sorted(names))}")
        return replace(base or cls(), **kwargs)


CHOICES: dict[str, tuple[object, ...]] = {
    "paragraph_separator": ("\n", "\n\n"),
    "cjk_latin_space": ("none", "one", "keep"),
    "quotes": ("curly", "corner", "keep"),
    "convert": (None, *OPENCC_CONFIGS),
}
