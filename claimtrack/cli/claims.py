"""Commands about claims across outlets: claims, diff, conflicts."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .. import queries, render
from ..errors import ClaimtrackError
from ..diff import word_diff
from ..match import attribution_conflicts, title_conflicts
from .app import CsvOpt, DbOption, JsonOpt, LimitOpt, NlOpt, app, open_store, output_format


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
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    nl: NlOpt = False,
    limit: LimitOpt = None,
) -> None:
    """Claim clusters: the same claim across outlets, with size, outlets, speakers and first appearance."""
    fmt = output_format(json_, csv_, nl)
    with open_store(db) as store:
        canonical = queries.find_speaker(store, speaker).speaker if speaker else None
        rows = store.claims(speaker=canonical, min_size=min_size, multi_outlet=multi_outlet, limit=limit)
    render.emit(
        rows, ["cluster", "size", "claim", "outlets", "speakers", "first_seen", "first_outlet"], fmt, title="Claims"
    )


@app.command(epilog="Example: claimtrack diff 21   (or: claimtrack diff --a 5 --b 40 --json)")
def diff(
    cluster: Annotated[
        Optional[int], typer.Argument(help="A claim cluster id (see `claimtrack claims`).", show_default=False)
    ] = None,
    a: Annotated[Optional[int], typer.Option("--a", help="A statement id (see `claimtrack export`).")] = None,
    b: Annotated[Optional[int], typer.Option("--b", help="The statement to compare it with.")] = None,
    db: DbOption = None,
    json_: JsonOpt = False,
) -> None:
    """Versions of a claim side by side, word-level changes marked: deletions struck out, insertions underlined."""
    if (cluster is None) == (a is None or b is None) or (a is None) != (b is None):
        raise ClaimtrackError("give a CLUSTER, or both --a and --b statement ids")
    with open_store(db) as store:
        if cluster is not None:
            versions = store.cluster_statements(cluster)
            if not versions:
                raise ClaimtrackError(f"no claim cluster {cluster}; `claimtrack claims` lists them")
        else:
            versions = store.statements_by_id([a, b])
            missing = {a, b} - {v["id"] for v in versions}
            if missing:
                raise ClaimtrackError(f"no statement {min(missing)}; `claimtrack export` lists them")
            versions.sort(key=lambda v: v["id"] != a)
    diffs = [word_diff(versions[0]["text"], v["text"]) for v in versions[1:]]
    if json_:
        render.print_json(
            {
                "versions": [
                    {k: v[k] for k in ("id", "article", "outlet", "speaker", "speaker_as_written", "cue", "text")}
                    for v in versions
                ],
                "diffs": [
                    {"a": versions[0]["id"], "b": v["id"], "ops": [op.to_dict() for op in ops]}
                    for v, ops in zip(versions[1:], diffs)
                ],
            }
        )
    else:
        render.show_diff(versions, diffs)


@app.command(epilog="Example: claimtrack conflicts --json")
def conflicts(
    db: DbOption = None,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    nl: NlOpt = False,
    limit: LimitOpt = None,
) -> None:
    """Claims put in different speakers' mouths by different outlets, and speakers whose titles differ."""
    fmt = output_format(json_, csv_, nl)
    with open_store(db) as store:
        claim_rows = attribution_conflicts(store.claims(min_size=2))[:limit]
        title_rows = title_conflicts(store.statements())[:limit]
    if fmt == "json":
        render.print_json({"claims": claim_rows, "titles": title_rows})
        return
    rows = [
        {
            "conflict": "speakers",
            "cluster": c["cluster"],
            "who": c["speakers"],
            "claim": c["claim"],
            "outlets": c["outlets"],
        }
        for c in claim_rows
    ]
    rows += [{"conflict": "titles", "who": t["speaker"], "claim": t["titles"]} for t in title_rows]
    render.emit(rows, ["conflict", "cluster", "who", "claim", "outlets"], fmt, title="Conflicts")
