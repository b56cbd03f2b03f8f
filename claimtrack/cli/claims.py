"""Commands about claims across outlets: claims, diff, conflicts."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .. import render
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
    one_more,
    open_store,
    output_format,
    scope,
    trimmed,
)


@app.command(epilog="Example: claimtrack claims --multi-outlet --speaker Kirby")
def claims(
    db: DbOption = None,
    multi_outlet: Annotated[
        bool, typer.Option("--multi-outlet", help="Only claims carried by more than one outlet.")
    ] = False,
    speaker: Annotated[
        Optional[str], typer.Option("--speaker", help="Only claims this speaker is said to have made (any spelling).")
    ] = None,
    min_size: Annotated[
        int, typer.Option("--min-size", min=1, help="Only clusters of at least this many statements.")
    ] = 1,
    since: SinceOpt = None,
    until: UntilOpt = None,
    outlet: OutletFilterOpt = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Add the links that joined each cluster: statement ids, the rule and the score."
        ),
    ] = False,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    nl: NlOpt = False,
    limit: LimitOpt = DEFAULT_LIMIT,
) -> None:
    """Claim clusters: the same claim across outlets, with size, outlets, speakers and first appearance."""
    from .. import queries
    from ..store import Store

    fmt = output_format(json_, csv_, nl)
    where = scope(since, until, outlet)
    with open_store(db, write=False) as store:
        canonical = queries.find_speaker(store, speaker).speaker if speaker else None
        rows = store.claims(
            speaker=canonical, min_size=min_size, multi_outlet=multi_outlet, scope=where, limit=one_more(limit)
        )
        if explain:
            queries.explain_claims(store, rows)
    rows = trimmed(rows, limit)
    columns = ["cluster", "size", "claim", "outlets", "speakers", "first_seen", "first_outlet"]
    columns = columns if fmt == "table" else list(Store.CLAIM_COLUMNS)
    render.emit(rows, columns + ["links"] * explain, fmt, title="Claims")


@app.command(epilog="Example: claimtrack diff 21   (or: claimtrack diff --a 5 --b 40 --json)")
def diff(
    cluster: Annotated[
        Optional[int], typer.Argument(help="A claim cluster id (see `claimtrack claims`).", show_default=False)
    ] = None,
    a: Annotated[Optional[int], typer.Option("--a", help="A statement id (see `claimtrack export`).")] = None,
    b: Annotated[Optional[int], typer.Option("--b", help="The statement to compare it with.")] = None,
    db: DbOption = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    outlet: OutletFilterOpt = None,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    nl: NlOpt = False,
) -> None:
    """Versions of a claim side by side, the earliest published first, word-level changes marked: deletions
    struck out, insertions underlined. A version in another language than the first is shown whole, with its
    numbers, names, negation, dates, hedge and speaker compared to the first's, each marked same or changed."""
    from .. import queries

    fmt = output_format(json_, csv_, nl)
    if (cluster is None) == (a is None or b is None) or (a is None) != (b is None):
        raise typer.BadParameter("give a CLUSTER, or both --a and --b statement ids", param_hint="'CLUSTER'")
    where = scope(since, until, outlet)
    with open_store(db, write=False) as store:
        if cluster is not None:
            found = queries.compare_cluster(store, cluster, where)
        else:
            found = queries.compare_statements(store, a, b)
    if fmt == "json":
        render.print_json(found.to_dict())
    elif fmt == "table":
        render.show_diff(found.versions, found.diffs, relations=found.marks(), facts=found.facts)
    else:
        render.emit(found.rows(), queries.COMPARISON_COLUMNS, fmt)


@app.command(epilog="Example: claimtrack conflicts --type contradicts --json")
def conflicts(
    db: DbOption = None,
    type_: Annotated[
        Optional[list[str]],
        typer.Option(
            "--type",
            help="Only these relations (contradicts, changed, reattributed); repeat for more. Default: all three.",
            show_default=False,
        ),
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    outlet: OutletFilterOpt = None,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    nl: NlOpt = False,
    limit: LimitOpt = DEFAULT_LIMIT,
) -> None:
    """Versions of one claim that differ: contradicted (one negates or denies what the other asserts, the opposite
    direction), changed (a number, date, place or hedge, a quote made indirect, a negation of words the other does
    not say) or put in another speaker's mouth, with both versions, outlets and dates; then claims carried under
    several speakers, and speakers whose titles differ."""
    from .. import queries
    from ..relation import Relation

    fmt = output_format(json_, csv_, nl)
    where = scope(since, until, outlet)
    shown = (Relation.contradicts, Relation.changed, Relation.reattributed)
    kinds = [str(k).lower() for k in (type_ or shown)]
    if any(k not in {str(r) for r in shown} for k in kinds):
        raise typer.BadParameter("takes contradicts, changed or reattributed", param_hint="'--type'")
    with open_store(db, write=False) as store:
        found = queries.conflicts(store, where, limit, kinds)
    if fmt == "json":
        render.print_json(found)
    else:
        render.emit(queries.conflict_rows(found), queries.CONFLICT_COLUMNS, fmt, title="Conflicts")
