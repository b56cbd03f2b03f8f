"""Statements leaving claimtrack: CSV, JSON Lines or JSON, always logical-order Unicode."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import TextIO

from .store import STATEMENT_COLUMNS

FORMATS = ("csv", "jsonl", "json")


def write(rows: Iterable[dict], fmt: str, out: TextIO, columns: Sequence[str] = STATEMENT_COLUMNS) -> int:
    """Write rows in a format; returns how many were written."""
    rows = list(rows)
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in columns})
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps({k: row.get(k) for k in columns}, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump([{k: row.get(k) for k in columns} for row in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return len(rows)


def _cell(value):
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return value
