"""Speakers and the user's corrections: `speakers` (list, alias, merge, rename, split), `statement set-speaker`,
`corrections` (list, export, import, remove).

A correction is stored in the database and applied again after every resolution (ingest, re-ingest,
rematch), so nothing a user corrected is undone by the tool.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .. import render
from ..errors import ClaimtrackError
from .app import (
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
    open_store,
    output_format,
    scope,
)

if TYPE_CHECKING:  # for annotations only: a command imports the library when it runs
    from ..speakers.corrections import Action
    from ..store import Store

speakers_app = typer.Typer(
    help="Every speaker with statement, article and outlet counts; subcommands correct them.",
    epilog="Example: claimtrack speakers --limit 10   (or: claimtrack speakers alias 'John Kirby' 'Admiral Kirby')",
    invoke_without_command=True,
    no_args_is_help=False,
)
statement_app = typer.Typer(
    help="Correct one statement.", epilog="Example: claimtrack statement set-speaker 42 'John Kirby'"
)
corrections_app = typer.Typer(
    help="The speaker corrections stored in the database, applied again on every ingest and rematch.",
    epilog="Example: claimtrack corrections   (or: claimtrack corrections export newsroom.json)",
    invoke_without_command=True,
)
app.add_typer(speakers_app, name="speakers")
app.add_typer(statement_app, name="statement")
app.add_typer(corrections_app, name="corrections")

NameArg = Annotated[str, typer.Argument(help="A speaker as `claimtrack speakers` lists it.")]


@speakers_app.callback()
def speakers(
    ctx: typer.Context,
    db: DbOption = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    outlet: OutletFilterOpt = None,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    nl: NlOpt = False,
    limit: LimitOpt = None,
) -> None:
    """Every speaker with how many statements and outlets quote them, and a Latin name."""
    from .. import queries

    if ctx.invoked_subcommand is not None:
        return
    fmt = output_format(json_, csv_, nl)
    where = scope(since, until, outlet)
    with open_store(db, write=False) as store:
        rows = queries.speaker_list(store, where)[:limit]
    render.emit(rows, ["speaker", "latin", "kind", "statements", "articles", "outlets"], fmt, title="Speakers")


def _speaker(store: Store, name: str) -> str:
    """A stored speaker named exactly (canonical name); a correction must not guess."""
    from .. import queries

    present = {row["speaker"] for row in queries.speaker_list(store)}
    if name in present:
        return name
    match = queries.find_speaker(store, name)
    if match.kind in ("exact", "alias"):
        return match.speaker
    raise ClaimtrackError(f"no speaker is called {name!r}; did you mean {match.speaker!r}? Name it as listed")


def _correct(db: Path | None, action: Action, args: dict, json_: bool) -> None:
    from ..speakers.corrections import Correction
    from ..speakers.rebuild import resolve_all

    with open_store(db) as store:
        with store.transaction():
            correction_id = store.add_correction(action, args)
            resolve_all(store)
    correction = Correction(action, args, correction_id)
    if json_:
        render.print_json({"id": correction_id, "action": str(action), "args": args})
    else:
        err.print(f"correction {correction_id}: {correction.describe()}", markup=False, highlight=False)


@speakers_app.command(epilog="Example: claimtrack speakers alias 'John Kirby' 'the US coordinator'")
def alias(
    name: NameArg,
    alias: Annotated[str, typer.Argument(help="Another way outlets write this speaker.")],
    db: DbOption = None,
    json_: JsonOpt = False,
) -> None:
    """A phrase that names this speaker from now on, in every article."""
    from ..speakers.corrections import Action

    with open_store(db) as store:
        name = _speaker(store, name)
    _correct(db, Action.alias, {"speaker": name, "alias": alias}, json_)


@speakers_app.command(epilog="Example: claimtrack speakers merge 'John Kirby' 'Jon Kerby'")
def merge(
    keep: Annotated[str, typer.Argument(help="The speaker to keep.")],
    other: Annotated[str, typer.Argument(help="The speaker who is the same person; its statements move.")],
    db: DbOption = None,
    json_: JsonOpt = False,
) -> None:
    """Two speakers are one: OTHER's statements and names go to KEEP."""
    from ..speakers.corrections import Action

    with open_store(db) as store:
        keep, other = _speaker(store, keep), _speaker(store, other)
    if keep == other:
        raise ClaimtrackError(f"{keep!r} and {other!r} are the same speaker already")
    _correct(db, Action.merge, {"keep": keep, "other": other}, json_)


@speakers_app.command(epilog="Example: claimtrack speakers rename 'Mukhtar Ghabashi' 'Mokhtar al-Ghabashi'")
def rename(
    name: NameArg,
    new: Annotated[str, typer.Argument(help="The name to show from now on.")],
    db: DbOption = None,
    json_: JsonOpt = False,
) -> None:
    """Call a speaker by another name; the old one stays an alias."""
    from ..speakers.corrections import Action

    with open_store(db) as store:
        name = _speaker(store, name)
    _correct(db, Action.rename, {"speaker": name, "new": new}, json_)


@speakers_app.command(
    epilog="Example: claimtrack speakers split 'the minister' 'Minister of Health' --article health-1"
)
def split(
    name: NameArg,
    new: Annotated[str, typer.Argument(help="The other person's name.")],
    article: Annotated[list[str], typer.Option("--article", help="An article whose statements are NEW's (repeat).")],
    db: DbOption = None,
    json_: JsonOpt = False,
) -> None:
    """One name covers two people: NAME's statements in the articles given are NEW's."""
    from ..speakers.corrections import Action

    with open_store(db) as store:
        name = _speaker(store, name)
        known = set(store.article_ids())
    unknown = [a for a in article if a not in known]
    if unknown:
        raise ClaimtrackError(f"--article: no article {unknown[0]!r}; `claimtrack show` takes an article id")
    _correct(db, Action.split, {"speaker": name, "new": new, "articles": sorted(set(article))}, json_)


@statement_app.command("set-speaker", epilog="Example: claimtrack statement set-speaker 42 'John Kirby'")
def set_speaker(
    statement: Annotated[int, typer.Argument(help="A statement id (`claimtrack show ARTICLE --json` gives them).")],
    name: Annotated[str, typer.Argument(help="Who said it: a listed speaker, or a new name.")],
    db: DbOption = None,
    json_: JsonOpt = False,
) -> None:
    """Who said this statement, whatever resolution finds; kept across re-ingests (by article and offsets)."""
    from .. import queries
    from ..speakers.corrections import Action

    with open_store(db) as store:
        rows = store.statements_by_id([statement])
        if not rows:
            raise ClaimtrackError(f"no statement {statement}; `claimtrack show ARTICLE --json` lists their ids")
        present = {row["speaker"] for row in queries.speaker_list(store)}
    row = rows[0]
    args = {"article": row["article"], "char_start": row["char_start"], "char_end": row["char_end"]}
    _correct(db, Action.set_speaker, {**args, "speaker": name if name in present else name.strip()}, json_)


@corrections_app.callback()
def corrections(
    ctx: typer.Context, db: DbOption = None, json_: JsonOpt = False, csv_: CsvOpt = False, nl: NlOpt = False
) -> None:
    """Every correction, oldest first: what it says and when it was made."""
    from ..speakers.corrections import in_effect
    from ..speakers.rebuild import stored_corrections

    if ctx.invoked_subcommand is not None:
        return
    fmt = output_format(json_, csv_, nl)
    with open_store(db, write=False) as store:
        speakers = {row["speaker"] for row in store.speaker_table()}
        spots = {(r["article"], r["char_start"], r["char_end"]) for r in store.statements()}
        rows = [
            {
                "id": c.id,
                "action": str(c.action),
                "correction": c.describe(),
                "in_effect": in_effect(c, speakers, spots),
                "args": c.args,
                "created_at": c.created_at,
            }
            for c in stored_corrections(store)
        ]
    render.emit(rows, ["id", "action", "correction", "in_effect", "created_at"], fmt, title="Corrections")
    stale = [str(row["id"]) for row in rows if not row["in_effect"]]
    if stale and fmt == "table":
        err.print(
            f"corrections {', '.join(stale)} find nothing to correct any more (speaker gone, or the article's "
            "text moved); `claimtrack corrections remove ID` drops one",
            markup=False,
            highlight=False,
        )


@corrections_app.command("export", epilog="Example: claimtrack corrections export newsroom.json")
def export_corrections(
    path: Annotated[Path, typer.Argument(help="JSON file to write (replaced whole, never half-written).")],
    db: DbOption = None,
) -> None:
    """Write every correction to a file another newsroom can import."""
    from ..speakers.corrections import write_file
    from ..speakers.rebuild import stored_corrections

    with open_store(db, write=False) as store:
        found = stored_corrections(store)
    write_file(found, path)
    err.print(f"{len(found)} corrections written to {path}", markup=False, highlight=False)


@corrections_app.command("import", epilog="Example: claimtrack corrections import newsroom.json")
def import_corrections(
    path: Annotated[Path, typer.Argument(help="A file written by `claimtrack corrections export`.")],
    db: DbOption = None,
) -> None:
    """Add the corrections in a file (those already stored are skipped) and apply them."""
    from ..speakers.corrections import read_file
    from ..speakers.rebuild import resolve_all, stored_corrections

    incoming = read_file(path)
    with open_store(db) as store, store.transaction():
        have = {(str(c.action), repr(sorted(c.args.items()))) for c in stored_corrections(store)}
        added = 0
        for c in incoming:
            key = (str(c.action), repr(sorted(c.args.items())))
            if key not in have:
                store.add_correction(c.action, c.args)
                have.add(key)
                added += 1
        resolve_all(store)
    err.print(f"{added} corrections added, {len(incoming) - added} already there", markup=False, highlight=False)


@corrections_app.command("remove", epilog="Example: claimtrack corrections remove 3")
def remove(
    correction: Annotated[int, typer.Argument(help="A correction id (`claimtrack corrections` lists them).")],
    db: DbOption = None,
) -> None:
    """Take back one of your corrections; speakers are resolved again without it."""
    from ..speakers.rebuild import resolve_all

    with open_store(db) as store, store.transaction():
        if not store.delete_correction(correction):
            raise ClaimtrackError(f"no correction {correction}; `claimtrack corrections` lists them")
        resolve_all(store)
    err.print(f"correction {correction} removed", markup=False, highlight=False)
