"""`claimtrack export`: every statement or claim to a file."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import dbfile, export, render
from ..errors import ClaimtrackError
from ..store import STATEMENT_COLUMNS, Store, default_path
from .app import DbOption, OutletFilterOpt, SinceOpt, UntilOpt, app, err, open_store, scope


@app.command("export", epilog="Example: claimtrack export --format jsonl --output statements.jsonl")
def export_cmd(
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl or json.")] = "csv",
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0, max=1, help="Leave out doubtful statements.")
    ] = 0.0,
    what: Annotated[
        str, typer.Option("--what", help="statements (one row each) or claims (one row per claim cluster).")
    ] = "statements",
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV for Excel: starts with a UTF-8 byte order mark so Arabic shows.")
    ] = False,
    since: SinceOpt = None,
    until: UntilOpt = None,
    outlet: OutletFilterOpt = None,
) -> None:
    """Write every statement out, one row each, with its claim cluster; or every claim cluster (--what claims)."""
    if fmt not in export.FORMATS:
        raise ClaimtrackError(f"unknown format {fmt!r}; choose one of {', '.join(export.FORMATS)}")
    if excel and fmt != "csv":
        raise ClaimtrackError("--excel writes CSV; leave out --format or use --format csv")
    if what not in ("statements", "claims"):
        raise ClaimtrackError(f"unknown --what {what!r}; choose statements or claims")
    if output is not None:
        refuse_database_output(output, Path(db or default_path()))
    where = scope(since, until, outlet)
    with open_store(db, write=False) as store:
        if what == "claims":
            rows, columns = store.claims(scope=where), Store.CLAIM_COLUMNS
        else:
            rows, columns = store.statements(min_confidence=min_confidence, scope=where), STATEMENT_COLUMNS
    if output is None:
        export.write(rows, fmt, sys.stdout, columns, excel=excel, visible=render.is_terminal(sys.stdout))
        return
    tmp = output.with_name(output.name + ".part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as out:
            n = export.write(rows, fmt, out, columns, excel=excel)
        tmp.replace(output)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ClaimtrackError(f"cannot write it ({(exc.strerror or str(exc)).lower()})", path=str(output)) from None
    err.print(f"Wrote {n} {what} to {output}", markup=False, highlight=False)


# Files SQLite keeps beside a database while it is open: writing over one corrupts the database.
DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def refuse_database_output(output: Path, db: Path) -> None:
    """Raise when writing ``output`` would destroy a database: the one being read (however the path is spelt,
    through links included), a file SQLite keeps beside it, or any other SQLite file."""
    target = output.resolve()
    for suffix in DATABASE_COMPANIONS:
        companion = db.with_name(db.name + suffix)
        if target == companion.resolve() or _same_file(output, companion):
            raise ClaimtrackError(
                f"--output {output} is the database being exported{' (its ' + suffix[1:] + ' file)' if suffix else ''}; "
                "choose another file"
            )
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
