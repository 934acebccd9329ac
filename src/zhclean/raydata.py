"""Ray Data integration (``pip install 'zhclean[ray]'``); Ray is imported only when used.

    python -m zhclean.raydata IN_DIR OUT_DIR [--format jsonl|parquet] [--field text] [--address ADDR]

cleans a directory of JSONL or Parquet files on a Ray cluster — a local one by
default, an existing one when ``--address`` is given — and writes the same
format to OUT_DIR with the rows in input order. In code::

    from zhclean.raydata import clean_dataset
    ds = clean_dataset(ray.data.read_json("in/"), column="text")
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Sequence

from .batch import Cleaner

__all__ = ["clean_dataset", "clean_directory", "main"]


def _ray():
    try:
        import ray
    except ImportError:  # pragma: no cover - depends on the extra
        raise ImportError("zhclean.raydata needs Ray: pip install 'zhclean[ray]'") from None
    return ray


def clean_dataset(ds: Any, column: str = "text", *, batch_size: int = 256, **options: Any) -> Any:
    """A Ray Dataset with ``column`` cleaned (other columns untouched), built lazily."""
    return ds.map_batches(Cleaner(column, **options), batch_format="pandas", batch_size=batch_size)


def clean_directory(src: str, dst: str, *, fmt: str = "jsonl", column: str = "text", **options: Any) -> None:
    """Read ``src`` (JSONL or Parquet), clean ``column``, write ``dst`` in the same format, order kept."""
    ray = _ray()
    ray.data.DataContext.get_current().execution_options.preserve_order = True
    if fmt == "jsonl":
        ds = ray.data.read_json(src, lines=True) if _accepts_lines(ray) else ray.data.read_json(src)
        clean_dataset(ds, column, **options).write_json(dst, force_ascii=False)
    elif fmt == "parquet":
        clean_dataset(ray.data.read_parquet(src), column, **options).write_parquet(dst)
    else:
        raise ValueError(f"format must be 'jsonl' or 'parquet', got {fmt!r}")


def _accepts_lines(ray: Any) -> bool:
    import inspect

    return "lines" in inspect.signature(ray.data.read_json).parameters


def main(argv: Sequence[str] | None = None) -> int:
    """Clean a directory on a Ray cluster; returns the exit code."""
    ap = argparse.ArgumentParser(prog="python -m zhclean.raydata", description=__doc__.splitlines()[0])
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    ap.add_argument("--field", default="text")
    ap.add_argument("--address", help="an existing Ray cluster (default: start a local one)")
    ap.add_argument("--num-cpus", type=int, help="CPUs of the local cluster (default: all)")
    args = ap.parse_args(argv)
    ray = _ray()
    if args.address:
        ray.init(address=args.address)
    else:
        ray.init(num_cpus=args.num_cpus, include_dashboard=False)
    try:
        clean_directory(args.src, args.dst, fmt=args.format, column=args.field)
    finally:
        ray.shutdown()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
