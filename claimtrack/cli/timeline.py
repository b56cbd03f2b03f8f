"""`claimtrack timeline`: a speaker's or a claim's statements over time."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import render
from .app import (
    CsvOpt,
    DbOption,
    JsonOpt,
    NlOpt,
    OutletFilterOpt,
    SinceOpt,
    UntilOpt,
    app,
    open_store,
    output_format,
    scope,
)


@app.command(epilog="Example: claimtrack timeline Kirby   (or: claimtrack timeline 21 --since 2023-09-01 --json)")
def timeline(
    subject: Annotated[
        str,
        typer.Argument(help="A speaker's name (any spelling) or a claim cluster id.", metavar="SPEAKER|CLUSTER"),
    ],
    db: DbOption = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    outlet: OutletFilterOpt = None,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    nl: NlOpt = False,
) -> None:
    """Statements over time: a bar per day (or week, or month), the first appearance marked, then each
    statement with its date, outlet and title."""
    from ..timeline import TIMELINE_COLUMNS, timeline as build_timeline

    fmt = output_format(json_, csv_, nl)
    where = scope(since, until, outlet)
    with open_store(db, write=False) as store:
        found = build_timeline(store, subject, where)
    if fmt == "json":
        render.print_json(found.to_dict())
    elif fmt == "table":
        render.show_timeline(found)
    else:
        render.emit(found.statements, TIMELINE_COLUMNS, fmt)
