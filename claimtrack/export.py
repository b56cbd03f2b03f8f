"""Statements leaving claimtrack: CSV, JSON Lines or JSON, always logical-order Unicode.

Article text is hostile input: a CSV cell that starts like a formula is neutralised, so a spreadsheet shows
it instead of running it.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import dbfile
from .controls import json_safe, safe
from .errors import ClaimtrackError
from .scope import EVERYTHING, STATEMENT_COLUMNS, Scope

if TYPE_CHECKING:
    from .store import Store


class Format(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    json = "json"


class What(str, Enum):
    """What an export holds a row for."""

    statements = "statements"
    claims = "claims"


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


def rows(
    store: Store, what: What | str = What.statements, *, min_confidence: float = 0.0, scope: Scope = EVERYTHING
) -> tuple[list[dict], Sequence[str]]:
    """What an export of ``what`` holds: the rows and their columns."""
    if What(what) is What.claims:
        return store.claims(scope=scope), store.CLAIM_COLUMNS
    return store.statements(min_confidence=min_confidence, scope=scope), STATEMENT_COLUMNS


def write_file(
    rows: Iterable[dict], fmt: str, path: Path, columns: Sequence[str] = STATEMENT_COLUMNS, *, excel: bool = False
) -> int:
    """``write`` to a file, atomically: rows go to ``<path>.part``, which replaces ``path`` only once complete,
    so a reader never sees half an export and an interrupted one leaves the old file as it was."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as out:
            n = write(rows, fmt, out, columns, excel=excel)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ClaimtrackError(f"cannot write it ({(exc.strerror or str(exc)).lower()})", path=str(path)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n


# Files SQLite keeps beside a database while it is open: writing over one corrupts the database.
DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def refuse_database_output(output: Path, db: Path) -> None:
    """Raise when writing ``output`` would destroy a database: the one being read (however the path is spelt,
    through links included), a file SQLite keeps beside it, or any other SQLite file."""
    target = output.resolve()
    for suffix in DATABASE_COMPANIONS:
        companion = db.with_name(db.name + suffix)
        if target == companion.resolve() or _same_file(output, companion):
            which = f" (its {suffix[1:]} file)" if suffix else ""
            raise ClaimtrackError(f"--output {output} is the database being exported{which}; choose another file")
    try:
        with open(output, "rb") as existing:
            head = existing.read(len(dbfile.SQLITE_MAGIC))
    except OSError:
        return  # nothing there (or unreadable: writing it will say why)
    if head == dbfile.SQLITE_MAGIC:
        raise ClaimtrackError(f"--output {output} is an SQLite database; claimtrack never writes over one")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
