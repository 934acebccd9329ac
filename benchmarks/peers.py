"""The tools a user would otherwise pick, each as ``text -> text``, loaded lazily.

Installed with ``pip install -e '.[bench]'``. A peer that is not installed is
skipped with the reason, never faked. Each adapter calls the tool the way its
documentation suggests for cleaning text; nothing is tuned to the seeds.
"""

from __future__ import annotations

from typing import Callable

import zhclean

Cleaner = Callable[[str], str]


def _zhclean() -> Cleaner:
    return zhclean.pipeline()


def _autocorrect() -> Cleaner:
    import autocorrect_py  # Rust, PyPI autocorrect-py

    return autocorrect_py.format


def _ftfy_defaults() -> Cleaner:
    import ftfy

    return ftfy.fix_text


def _ftfy_safe() -> Cleaner:
    # The Chinese-safe configuration zhclean itself uses (no width folding,
    # no uncurling): the fairest ftfy there is for this text.
    import ftfy

    from zhclean.normalizers.encoding import FTFY_CONFIG

    return lambda t: ftfy.fix_text(t, FTFY_CONFIG)


def _unstructured() -> Cleaner:
    from unstructured.cleaners.core import clean_extra_whitespace, group_broken_paragraphs

    # Paragraph by paragraph as unstructured's docs show; whitespace first.
    return lambda t: group_broken_paragraphs(clean_extra_whitespace(t))


def _jionlp() -> Cleaner:
    import jionlp

    return jionlp.clean_text


LOADERS: dict[str, Callable[[], Cleaner]] = {
    "zhclean": _zhclean,
    "autocorrect": _autocorrect,
    "ftfy (defaults)": _ftfy_defaults,
    "ftfy (Chinese-safe)": _ftfy_safe,
    "unstructured": _unstructured,
    "jionlp": _jionlp,
}


def load(names: list[str] | None = None) -> tuple[dict[str, Cleaner], dict[str, str]]:
    """The cleaners that load, and for the others why not (a one-line reason)."""
    ok: dict[str, Cleaner] = {}
    skipped: dict[str, str] = {}
    for name in names or list(LOADERS):
        try:
            ok[name] = LOADERS[name]()
        except Exception as e:  # ImportError, or a broken install of a peer
            skipped[name] = f"{type(e).__name__}: {e}".splitlines()[0][:120]
    return ok, skipped
