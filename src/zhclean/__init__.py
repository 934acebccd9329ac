"""zhclean: clean Chinese text from PDF extraction, OCR, newspaper layouts and web pages.

>>> import zhclean
>>> zhclean.clean("员 带 领 群 众 一 起 投 身 战“疫”")
'员带领群众一起投身战“疫”'
"""

from __future__ import annotations

from typing import Any

from .decoding import Decoded, DecodeError, decode
from .core import Edit, Normalizer, Rule, Step, Table, Wrapped
from .options import OPENCC_CONFIGS, OptionError, Options
from .pipeline import Change, Notice, Pipeline, Result, Run, StepFailedWarning, StepFailure
from .presets import PRESETS, build, preset

__all__ = [
    "clean", "explain", "pipeline", "decode", "Decoded", "DecodeError", "Options", "OptionError", "Pipeline", "Result", "Change", "Notice",
    "Run", "StepFailure", "StepFailedWarning", "Normalizer", "Rule", "Table", "Step", "Wrapped", "Edit", "PRESETS", "OPENCC_CONFIGS", "preset",
]
__version__ = "0.1.0"


def pipeline(preset: str = "default", **options: Any) -> Pipeline:
    """The (cached) pipeline for a preset with ``options`` overriding it."""
    from .presets import preset as _preset

    return build(Options.from_kwargs(_preset(preset), **options))


def clean(text: str, *, preset: str = "default", **options: Any) -> str:
    """Clean ``text``; options are the fields of :class:`Options`, ``preset`` names a starting point."""
    return pipeline(preset, **options)(text)


def explain(text: str, *, preset: str = "default", **options: Any) -> Result:
    """Clean ``text`` and report every change with raw offsets; ``.text == clean(text)``."""
    return pipeline(preset, **options).explain(text)
