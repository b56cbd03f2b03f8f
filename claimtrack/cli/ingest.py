"""`claimtrack ingest`: read articles and store who said what."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .. import render
from ..pipeline import ingest as run_ingest
from .app import DbOption, JsonOpt, app, err, open_store


@app.command(epilog="Example: claimtrack ingest corpus/ --db claims.db")
def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Article files or folders (.txt .md .html .htm .json .jsonl), or - for standard input.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    outlet: Annotated[Optional[str], typer.Option("--outlet", help="Outlet name for every article given.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first file that cannot be read.")] = False,
    json_: JsonOpt = False,
) -> None:
    """Read articles, extract who said what, resolve speakers, match claims and store it all."""
    with open_store(db, create=True) as store:
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=json_,
        ) as progress:
            task = progress.add_task("Reading", total=None)

            def on_file(name: str, n: int) -> None:
                progress.update(task, description=f"Reading {Path(name).name}", completed=n - 1)

            report = run_ingest(
                paths, store, outlet=outlet, strict=strict, on_file=on_file, debug=bool(ctx.obj and ctx.obj["debug"])
            )
            progress.update(task, completed=report.new + report.updated + report.unchanged + report.failed)
    for problem in report.problems:
        err.print(f"[red]Error:[/red] {escape(str(problem))}", markup=True, highlight=False, soft_wrap=True)
    summary = {
        "articles_new": report.new,
        "articles_updated": report.updated,
        "articles_unchanged": report.unchanged,
        "files_failed": report.failed,
        "statements": report.statements,
        "unattributed": report.unattributed,
        "speakers": report.speakers,
    }
    if json_:
        render.emit([summary], list(summary), "json")
    else:
        table = Table(title="Ingest", show_header=True)
        for col in ("articles new", "updated", "unchanged", "failed", "statements", "unattributed", "speakers"):
            table.add_column(col, justify="right")
        table.add_row(*(str(v) for v in summary.values()))
        Console(stderr=not sys.stdout.isatty()).print(table)
    if report.failed:
        raise typer.Exit(1)
