"""Statements leaving claimtrack: CSV, JSON Lines or JSON, always logical-order Unicode.

Article text is hostile input: a CSV cell that starts like a formula is neutralised, so a spreadsheet shows
it instead of running it.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Sequence
from typing import TextIO

from .controls import json_safe, safe
from .store import STATEMENT_COLUMNS

FORMATS = ("csv", "jsonl", "json")
# What a spreadsheet takes as the start of a formula (OWASP CSV injection), full-width forms included.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
EXCEL_BOM = "\ufeff"


def write(
    rows: Iterable[dict],
    fmt: str,
    out: TextIO,
    columns: Sequence[str] = STATEMENT_COLUMNS,
    *,
    excel: bool = False,
    visible: bool = False,
) -> int:
    """Write rows in a format; returns how many were written.

    ``excel`` starts a CSV with a UTF-8 byte order mark, without which Excel reads Arabic as mojibake.
    ``visible`` (CSV on a terminal) shows control characters instead of writing them (``controls.safe``);
    JSON always writes them as escapes, which read back as the same text.
    """
    rows = list(rows)
    if fmt == "csv":
        if excel:
            out.write(EXCEL_BOM)
        writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k), visible) for k in columns})
    elif excel:
        raise ValueError("the Excel byte order mark is for CSV only")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json_safe(json.dumps({k: row.get(k) for k in columns}, ensure_ascii=False)) + "\n")
    elif fmt == "json":
        out.write(
            json_safe(json.dumps([{k: row.get(k) for k in columns} for row in rows], ensure_ascii=False, indent=2))
        )
        out.write("\n")
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return len(rows)


def _cell(value, visible: bool = False):
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    if not isinstance(value, str):
        return value
    return neutralise(safe(value) if visible else value)


def neutralise(cell: str) -> str:
    """A text cell a spreadsheet will show, never evaluate: a leading quote before anything formula-like.

    A plain number such as "-12.5" is left alone; a spreadsheet reads it as the number it is.
    """
    if cell.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell
