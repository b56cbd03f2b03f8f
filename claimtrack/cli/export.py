"""`claimtrack export`: every statement or claim to a file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import export
from ..errors import ClaimtrackError
from ..store import STATEMENT_COLUMNS, Store
from .app import DbOption, app, err, open_store


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
) -> None:
    """Write every statement out, one row each, with its claim cluster; or every claim cluster (--what claims)."""
    if fmt not in export.FORMATS:
        raise ClaimtrackError(f"unknown format {fmt!r}; choose one of {', '.join(export.FORMATS)}")
    if excel and fmt != "csv":
        raise ClaimtrackError("--excel writes CSV; leave out --format or use --format csv")
    if what not in ("statements", "claims"):
        raise ClaimtrackError(f"unknown --what {what!r}; choose statements or claims")
    with open_store(db) as store:
        if what == "claims":
            rows, columns = store.claims(), Store.CLAIM_COLUMNS
        else:
            rows, columns = store.statements(min_confidence=min_confidence), STATEMENT_COLUMNS
    if output is None:
        export.write(rows, fmt, sys.stdout, columns, excel=excel)
        return
    tmp = output.with_name(output.name + ".part")
    with open(tmp, "w", encoding="utf-8", newline="") as out:
        n = export.write(rows, fmt, out, columns, excel=excel)
    tmp.replace(output)
    err.print(f"Wrote {n} {what} to {output}")
