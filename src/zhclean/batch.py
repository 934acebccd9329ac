"""Columns in, columns out: the shape ``datasets.Dataset.map(batched=True)`` and
Ray Data ``map_batches`` pass around.

>>> from zhclean.batch import clean_batch
>>> clean_batch({"id": [1, 2], "text": ["突袭,疫情", "员 带 领"]})
{'id': [1, 2], 'text': ['突袭，疫情', '员带领']}

``Cleaner`` is the picklable, reusable form: it holds only its Options, and a
worker process rebuilds the (cached) pipeline on first use.
"""

from __future__ import annotations

from typing import Any, Mapping, MutableMapping

from .options import Options
from .presets import build, preset

__all__ = ["clean_batch", "Cleaner"]


class Cleaner:
    """Clean one column of a batch (a dict of columns); other columns pass through.

    A step that fails on a value (a bug) keeps that step's input for it, as
    ``clean()`` does; ``failed`` counts such values in this process, and
    ``failure_column``, when named, gets each row's failures (``""`` for none), so
    a distributed run can count them where they happened.
    """

    def __init__(
        self,
        column: str = "text",
        *,
        output_column: str | None = None,
        preset_name: str = "default",
        failure_column: str | None = None,
        **options: Any,
    ) -> None:
        self.column = column
        self.output_column = output_column or column
        self.failure_column = failure_column
        self.options = Options.from_kwargs(preset(preset_name), **options)
        self.failed = 0
        build(self.options)  # fail fast on bad options, in the caller's process

    def __call__(self, batch: Mapping[str, Any]) -> MutableMapping[str, Any]:
        if self.column not in batch:
            raise KeyError(f"batch has no column {self.column!r} (columns: {', '.join(map(str, batch))})")
        pipe = build(self.options)
        values = batch[self.column]
        # pandas Series / numpy arrays (Ray Data's pandas and numpy formats) have
        # tolist(); lists are used as they are.
        items = values.tolist() if hasattr(values, "tolist") else list(values)
        cleaned: list[str | None] = []
        failures: list[str] = []
        for v in items:
            if v is None:
                cleaned.append(None)
                failures.append("")
                continue
            run = pipe.run(v)
            cleaned.append(run.text)
            failures.append("; ".join(f.message for f in run.failures))
            self.failed += bool(run.failures)
        columns = {self.output_column: cleaned}
        if self.failure_column is not None:
            columns[self.failure_column] = failures
        if hasattr(batch, "columns") and hasattr(batch, "copy"):  # a pandas DataFrame
            frame = batch.copy()
            for name, values in columns.items():
                frame[name] = values
            return frame
        out = dict(batch)
        out.update(columns)
        return out

    def __reduce__(self):
        return (_rebuild, (self.column, self.output_column, self.options, self.failure_column))


def _rebuild(column: str, output_column: str, options: Options, failure_column: str | None = None) -> Cleaner:
    c = Cleaner.__new__(Cleaner)
    c.column, c.output_column, c.options, c.failure_column, c.failed = column, output_column, options, failure_column, 0
    return c


def clean_batch(batch: Mapping[str, Any], column: str = "text", **options: Any) -> MutableMapping[str, Any]:
    """Clean ``batch[column]`` (a list of str; None stays None) and return the batch with it replaced."""
    return Cleaner(column, **options)(batch)
