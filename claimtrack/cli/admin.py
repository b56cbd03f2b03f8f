"""Commands that maintain the database: rematch."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Annotated, Optional

import typer

from .. import render
from ..settings import MatchSettings
from .app import DbOption, JsonOpt, app, err, open_store


@app.command(epilog="Example: claimtrack rematch --min-overlap 0.5 --verbatim 90")
def rematch(
    db: DbOption = None,
    verbatim: Annotated[
        Optional[float],
        typer.Option(
            "--verbatim",
            min=0,
            max=100,
            help=f"RapidFuzz ratio at which two claims are copies (default {MatchSettings.verbatim}).",
        ),
    ] = None,
    min_overlap: Annotated[
        Optional[float],
        typer.Option(
            "--min-overlap",
            min=0,
            max=1,
            help=f"Weighted share of the shorter claim the other must carry (default {MatchSettings.min_overlap}).",
        ),
    ] = None,
    min_shared: Annotated[
        Optional[int],
        typer.Option(
            "--min-shared",
            min=1,
            help=f"Content words a pair must share, in order (default {MatchSettings.min_shared}).",
        ),
    ] = None,
    overlap_step: Annotated[
        Optional[float],
        typer.Option(
            "--overlap-step",
            min=0,
            max=1,
            help=f"More overlap needed per in-order word short of min-shared + 2 (default {MatchSettings.overlap_step}).",
        ),
    ] = None,
    max_df: Annotated[
        Optional[int],
        typer.Option(
            "--max-df",
            min=2,
            help=f"Words in more statements than this are not blocked on (default {MatchSettings.max_df}).",
        ),
    ] = None,
    min_words: Annotated[
        Optional[int],
        typer.Option(
            "--min-words",
            min=1,
            help=f"Claims with fewer content words are never matched (default {MatchSettings.min_words}).",
        ),
    ] = None,
    window: Annotated[
        Optional[int],
        typer.Option(
            "--window", min=0, help=f"Neighbours compared in stem-sorted order (default {MatchSettings.window})."
        ),
    ] = None,
    entity_weight: Annotated[
        Optional[float],
        typer.Option(
            "--entity-weight",
            min=0,
            max=1,
            help=f"Weight of a name or place word (default {MatchSettings.entity_weight}).",
        ),
    ] = None,
    semantic: Annotated[
        Optional[float],
        typer.Option(
            "--semantic",
            min=0,
            max=1.01,
            help=f"Encoder cosine at which claims with some words in common are the same claim; above 1 turns "
            f"the rule off (default {MatchSettings.semantic}; needs claimtrack[semantic]).",
        ),
    ] = None,
    cross_language: Annotated[
        Optional[float],
        typer.Option(
            "--cross-language",
            min=0,
            max=1.01,
            help=f"Encoder cosine at which claims in two languages by one speaker are the same claim; above 1 "
            f"turns the rule off (default {MatchSettings.cross_language}; needs claimtrack[semantic]).",
        ),
    ] = None,
    defaults: Annotated[bool, typer.Option("--defaults", help="Go back to the default thresholds.")] = False,
    json_: JsonOpt = False,
) -> None:
    """Recompute every claim cluster and relation; thresholds given here are kept for later ingests."""
    from ..pipeline import match_settings
    from ..pipeline import rematch as run_rematch

    changes = {
        k: v
        for k, v in dict(
            verbatim=verbatim,
            min_overlap=min_overlap,
            min_shared=min_shared,
            overlap_step=overlap_step,
            max_df=max_df,
            min_words=min_words,
            window=window,
            entity_weight=entity_weight,
            semantic=semantic,
            cross_language=cross_language,
        ).items()
        if v is not None
    }
    with open_store(db) as store:
        base = MatchSettings() if defaults else match_settings(store)
        settings = replace(base, **changes)
        n = run_rematch(store, settings)
        summary = {"clusters": n, "multi_statement": len(store.claims(min_size=2)), **asdict(settings)}
    if json_:
        render.print_json(summary)
    else:
        err.print(f"{n} claim clusters, {summary['multi_statement']} with more than one statement")
