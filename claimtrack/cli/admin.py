"""Commands that maintain the database: rematch."""

from __future__ import annotations

import inspect
from dataclasses import asdict, fields, replace
from typing import Annotated, Optional

import typer

from .. import render
from ..settings import MatchSettings
from .app import DbOption, JsonOpt, app, err, open_store

# Every matching threshold, as ``rematch --name-with-dashes``: what it decides and the values it may take (the
# default is added from MatchSettings). A setting added to MatchSettings needs its line here. Rich reads [...] as
# markup: a literal bracket is written \[.
SEMANTIC = "needs claimtrack\\[semantic]"
MATCH_OPTIONS: dict[str, tuple[str, dict]] = {
    "verbatim": ("RapidFuzz ratio at which two claims are copies", {"min": 0, "max": 100}),
    "min_overlap": ("Weighted share of the shorter claim the other must carry", {"min": 0, "max": 1}),
    "overlap_step": ("More overlap needed per in-order word short of min-shared + 2", {"min": 0, "max": 1}),
    "min_shared": ("Content words a pair must share, in order", {"min": 1}),
    "min_dice": ("Weighted word overlap (Dice) of a paraphrase", {"min": 0, "max": 1}),
    "toll": (
        "Cosine (words: Dice) at which two claims giving one death toll are one, whoever said them",
        {"min": 0, "max": 1.01},
    ),
    "min_toll": ("... from this many dead", {"min": 0}),
    "reordered": (
        "Word overlap (Dice) at which a named speaker's two claims are one in any order",
        {"min": 0, "max": 1},
    ),
    "other_speaker_dice": ("... and of a paraphrase by two speakers", {"min": 0, "max": 1}),
    "other_speaker_meaning": (
        f"... and the encoder cosine below which a paraphrase by two speakers is two claims ({SEMANTIC})",
        {"min": 0, "max": 1},
    ),
    "max_df": ("Words in more statements than this are not blocked on", {"min": 2}),
    "min_words": ("Claims with fewer content words are never matched", {"min": 1}),
    "min_copy_words": ("... but as near-verbatim copies by one source, from this many content words", {"min": 1}),
    "window": ("Neighbours compared in stem-sorted order", {"min": 0}),
    "entity_weight": ("Weight of a name or place word", {"min": 0, "max": 1}),
    "semantic": (
        f"Encoder cosine at which claims with some words in common are the same claim; above 1 turns the rule off "
        f"({SEMANTIC})",
        {"min": 0, "max": 1.01},
    ),
    "semantic_support": ("Word overlap (Dice) the semantic rule needs", {"min": 0, "max": 1}),
    "semantic_shared": ("Words besides names the semantic rule needs in common", {"min": 0}),
    "semantic_shared_named": ("... when one named speaker says both claims", {"min": 0}),
    "semantic_other_speaker": (
        f"Cosine at which the semantic rule joins two speakers' claims with no number in common ({SEMANTIC})",
        {"min": 0, "max": 1.01},
    ),
    "counterpart": (
        f"Encoder cosine from which one speaker's statements in two articles, each the other's closest in meaning, are "
        f"the same claim; above 1 turns the rule off ({SEMANTIC})",
        {"min": 0, "max": 1.01},
    ),
    "counterpart_margin": (
        "... by this margin over the speaker's next closest statement in either article",
        {"min": 0, "max": 1},
    ),
    "cross_language": (
        f"Encoder cosine at which claims in two languages by one speaker are the same claim; above 1 turns the rule "
        f"off ({SEMANTIC})",
        {"min": 0, "max": 1.01},
    ),
    "cross_language_counted": (
        f"... or, by one source giving one count (the claim's first number), are the same claim ({SEMANTIC})",
        {"min": 0, "max": 1.01},
    ),
    "cross_language_linkage": (
        f"Mean cosine of two clusters' pairs in two languages for the clusters to join ({SEMANTIC})",
        {"min": 0, "max": 1.01},
    ),
    "cross_language_voice": (
        f"... or, by a body and one who speaks for it, are the same claim ({SEMANTIC})",
        {"min": 0, "max": 1.01},
    ),
    "cross_language_unattributed": (
        f"... or, with no speaker read on one side, are the same claim ({SEMANTIC})",
        {"min": 0, "max": 1.01},
    ),
    "semantic_weight": ("Share of the encoder's cosine in the same-claim score", {"min": 0, "max": 1}),
    "linkage_share": (
        "Share of two clusters' member pairs that must be one claim for them to join, the others one claim family "
        "(1: complete linkage; 0.66 joins more versions of a claim, and sometimes two claims)",
        {"min": 0, "max": 1},
    ),
    "restatement": (
        "Word overlap (Dice) at which one source's two statements of one article restate one claim",
        {"min": 0, "max": 1},
    ),
    "restatement_meaning": (
        "Encoder cosine at which they restate one claim too (a lead and the statement it sums up)",
        {"min": -1, "max": 1},
    ),
    "family": (
        "Same-claim score from which two claims are one claim family (relation, not cluster)",
        {"min": 0, "max": 1},
    ),
    "contradiction_factor": ("The score of a pair that contradicts is multiplied by this", {"min": 0, "max": 1}),
    "change_factor": (
        "... and of one that changes a number, date, place, body, hedge or word by this",
        {"min": 0, "max": 1},
    ),
}


def _setting_option(name: str) -> inspect.Parameter:
    """``--name``: the setting's own type, unset (None) unless given, its default in the help. A setting without
    its line in MATCH_OPTIONS is still an option, named by its field (tests/test_claims_cli.py asks for the line)."""
    help_text, bounds = MATCH_OPTIONS.get(name, (f"Matching setting {name}", {}))
    default = getattr(MatchSettings, name)
    option = typer.Option(f"--{name.replace('_', '-')}", help=f"{help_text} (default {default}).", **bounds)
    annotation = Annotated[Optional[type(default)], option]
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)


def rematch(
    db: DbOption = None,
    defaults: Annotated[bool, typer.Option("--defaults", help="Go back to the default thresholds.")] = False,
    json_: JsonOpt = False,
    **settings: float | int | None,
) -> None:
    """Recompute every claim cluster and relation; thresholds given here are kept for later ingests."""
    from ..pipeline import match_settings
    from ..pipeline import rematch as run_rematch

    changes = {k: v for k, v in settings.items() if v is not None}
    with open_store(db) as store:
        base = MatchSettings() if defaults else match_settings(store)
        chosen = replace(base, **changes)
        n = run_rematch(store, chosen)
        summary = {"clusters": n, "multi_statement": len(store.claims(min_size=2)), **asdict(chosen)}
    if json_:
        render.print_json(summary)
    else:
        err.print(f"{n} claim clusters, {summary['multi_statement']} with more than one statement")


# The command's signature: the database, one option per matching setting in MatchSettings' order, then its own.
_own = [
    p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
    for p in inspect.signature(rematch, eval_str=True).parameters.values()
]
rematch.__signature__ = inspect.Signature(
    [_own[0], *(_setting_option(f.name) for f in fields(MatchSettings)), *_own[1:3]]
)
app.command(epilog="Example: claimtrack rematch --min-overlap 0.5 --verbatim 90")(rematch)
