"""`claimtrack export`: every statement or claim to a file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import export, render
from ..dbfile import default_path
from .app import DbOption, OutletFilterOpt, SinceOpt, UntilOpt, app, err, open_store, scope


@app.command("export", epilog="Example: claimtrack export --format jsonl --output statements.jsonl")
def export_cmd(
    db: DbOption = None,
    fmt: Annotated[
        export.Format, typer.Option("--format", "-f", case_sensitive=False, help="csv, jsonl or json.")
    ] = export.Format.csv,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0, max=1, help="Leave out doubtful statements.")
    ] = 0.0,
    what: Annotated[
        export.What,
        typer.Option(
            "--what", case_sensitive=False, help="statements (one row each) or claims (one row per claim cluster)."
        ),
    ] = export.What.statements,
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV for Excel: starts with a UTF-8 byte order mark so Arabic shows.")
    ] = False,
    since: SinceOpt = None,
    until: UntilOpt = None,
    outlet: OutletFilterOpt = None,
) -> None:
    """Write every statement out, one row each, with its claim cluster; or every claim cluster (--what claims)."""
    if excel and fmt is not export.Format.csv:
        raise typer.BadParameter("--excel writes CSV; leave out --format or use --format csv", param_hint="'--excel'")
    database = Path(db or default_path())
    if output is not None:
        export.refuse_database_output(output, database)
    with open_store(db, write=False) as store:
        rows, columns = export.rows(store, what, min_confidence=min_confidence, scope=scope(since, until, outlet))
    if output is None:
        export.write(rows, fmt, sys.stdout, columns, excel=excel, visible=render.is_terminal(sys.stdout))
        return
    n = export.write_file(rows, fmt, output, columns, excel=excel)
    err.print(f"Wrote {n} {what.value} to {output}", markup=False, highlight=False)
