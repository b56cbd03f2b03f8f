"""Commands that read speakers and statements: who-said, search, show (`speakers` is in cli/speakers.py)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from .. import render
from ..scope import STATEMENT_COLUMNS
from .app import (
    DEFAULT_LIMIT,
    CsvOpt,
    DbOption,
    JsonOpt,
    LimitOpt,
    NlOpt,
    OutletFilterOpt,
    SinceOpt,
    UntilOpt,
    app,
    err,
    one_more,
    open_store,
    output_format,
    scope,
    trimmed,
)


@app.command(
    "who-said", epilog="Example: claimtrack who-said Kirby --json   (or in the article's script, any spelling)"
)
def who_said(
    name: Annotated[str, typer.Argument(help="A speaker's name, Latin or Arabic, any spelling.")],
    db: DbOption = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0, max=1, help="Hide doubtful statements.")
    ] = 0.0,
    since: SinceOpt = None,
    until: UntilOpt = None,
    outlet: OutletFilterOpt = None,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    nl: NlOpt = False,
    limit: LimitOpt = DEFAULT_LIMIT,
) -> None:
    """What one speaker said: one row per claim, with every outlet that carried it and when."""
    from .. import queries

    fmt = output_format(json_, csv_, nl)
    where = scope(since, until, outlet)
    with open_store(db, write=False) as store:
        match, rows = queries.who_said(store, name, min_confidence=min_confidence, scope=where, limit=one_more(limit))
    rows = trimmed(rows, limit)
    if fmt == "table":
        grouped = queries.group_by_cluster(rows)
        title = f"Who said: {match.speaker} ({match.describe()})"
        if not sys.stdout.isatty():
            err.print(title, markup=False, highlight=False)  # piped lines carry no title: say who matched
        render.emit(grouped, ["text", "sources", "cues", "kind", "statements"], fmt, title=title)
    else:
        render.emit(rows, [*STATEMENT_COLUMNS, *queries.MATCH_COLUMNS], fmt)


@app.command(
    epilog="Example: claimtrack search 'North Korea'   (or: claimtrack search '\"arms talks\" OR ammunition*')"
)
def search(
    query: Annotated[
        str,
        typer.Argument(
            help="Words to find in claims, in any language; spelling variants (hamza forms, ta marbuta, alif "
            "maqsura) and diacritics do not matter. "
            'FTS5 syntax works: "a phrase", OR, NOT, prefix*.',
        ),
    ],
    db: DbOption = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    outlet: OutletFilterOpt = None,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    nl: NlOpt = False,
    limit: LimitOpt = DEFAULT_LIMIT,
) -> None:
    """Claims that say something, best match first, with speaker, outlet, date and a snippet."""
    from .. import queries

    fmt = output_format(json_, csv_, nl)
    where = scope(since, until, outlet)
    with open_store(db, write=False) as store:
        rows = queries.search(store, query, scope=where, limit=one_more(limit))
    rows = trimmed(rows, limit)
    if fmt == "table" and not rows:
        err.print(f"No claim matches {query!r}.", markup=False, highlight=False)
    elif fmt == "table":
        render.emit(
            rows,
            ["speaker", "outlet", "published", "snippet"],
            fmt,
            title=f"Search: {query}",
            highlight={"snippet": "matches"},
        )
    else:
        render.emit(rows, ["score", *STATEMENT_COLUMNS, "snippet"], fmt)


@app.command(epilog="Example: claimtrack show baghdad-today   (or: claimtrack show corpus/baghdad-today.txt --json)")
def show(
    article: Annotated[
        str, typer.Argument(help="An article id (corpus/x.txt), its file, or a file name only one article has (x).")
    ],
    db: DbOption = None,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    nl: NlOpt = False,
    limit: LimitOpt = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="For each statement, the extraction stages and data entries that made it.")
    ] = False,
) -> None:
    """An article's text with every statement marked: claim underlined, cue in bold, speaker labelled."""
    from .. import queries

    fmt = output_format(json_, csv_, nl)
    with open_store(db, write=False) as store:
        row, statements = queries.article_statements(store, article)
    statements = statements[:limit]
    if explain:
        queries.explain_statements(row, statements)
    if fmt == "table" and explain:
        render.show_article(row, statements)
        render.show_explanations(statements)
    elif fmt == "json":
        render.print_json({"article": row, "statements": statements})
    elif fmt == "table":
        render.show_article(row, statements)
    else:
        render.emit(statements, [*STATEMENT_COLUMNS, *(["explain"] if explain else [])], fmt)
