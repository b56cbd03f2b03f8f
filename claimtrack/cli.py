"""The claimtrack command line: parse options, call the library, print. Nothing else lives here."""

from __future__ import annotations

import os
import sys
from dataclasses import asdict, replace
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from typer.core import TyperGroup

from . import __version__, export, queries, render
from .errors import ClaimtrackError
from .diff import word_diff
from .match import MatchSettings, attribution_conflicts, title_conflicts
from .pipeline import ingest as run_ingest
from .pipeline import match_settings
from .pipeline import rematch as run_rematch
from .store import STATEMENT_COLUMNS, Store, default_path

err = Console(stderr=True)

# `claimtrack --help` lists commands in the order a new user needs them; any not named here come last.
COMMAND_ORDER = (
    "ingest",
    "who-said",
    "speakers",
    "search",
    "show",
    "claims",
    "diff",
    "conflicts",
    "export",
    "rematch",
    "serve",
)


class _Group(TyperGroup):
    """Shows any ClaimtrackError as one line and exits 1; other errors too, unless --debug."""

    def list_commands(self, ctx):
        known = [name for name in COMMAND_ORDER if name in self.commands]
        return known + [name for name in self.commands if name not in COMMAND_ORDER]

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ClaimtrackError as exc:
            err.print(f"[red]Error:[/red] {escape(str(exc))}", markup=True, highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            # The reader went away (`| head`): stop quietly like other Unix tools, and point stdout at
            # /dev/null so the interpreter's last flush does not fail again on the way out.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(141) from None
        except Exception as exc:  # noqa: BLE001 - the user sees one line; --debug shows the traceback
            if ctx.obj and ctx.obj.get("debug"):
                raise
            import click

            if isinstance(exc, click.ClickException):
                raise
            err.print(
                f"Error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
            raise typer.Exit(2) from None


app = typer.Typer(
    cls=_Group,
    help="Who said what in the news: attributed statements from Arabic articles, matched across outlets.",
    epilog="Example: claimtrack ingest corpus/ && claimtrack who-said Kirby",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

# ----- options shared by commands -----
DbOption = Annotated[
    Optional[Path],
    typer.Option("--db", envvar="CLAIMTRACK_DB", help="SQLite database (default ./claims.db).", show_default=False),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]
CsvOpt = Annotated[bool, typer.Option("--csv", help="Print CSV.")]
NlOpt = Annotated[bool, typer.Option("--nl", help="Print JSON Lines, one record a line.")]
LimitOpt = Annotated[Optional[int], typer.Option("--limit", min=1, help="At most this many rows.")]


def output_format(json_: bool, csv_: bool, nl: bool) -> str:
    chosen = [name for name, on in (("json", json_), ("csv", csv_), ("nl", nl)) if on]
    if len(chosen) > 1:
        raise ClaimtrackError("choose one of --json, --csv, --nl")
    return chosen[0] if chosen else "table"


def open_store(db: Path | None, *, create: bool = False) -> Store:
    return Store.open(db or default_path(), create=create)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimtrack {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
    bidi: Annotated[
        render.Bidi,
        typer.Option(
            "--bidi",
            envvar="CLAIMTRACK_BIDI",
            case_sensitive=False,
            help="Shape and reorder Arabic for display: on, off, or auto (on unless the terminal does it itself "
            "or output is piped). JSON, CSV and exports are never reordered.",
        ),
    ] = render.Bidi.auto,
) -> None:
    ctx.obj = {"debug": debug}
    render.use_bidi(bidi)


@app.command(epilog="Example: claimtrack ingest corpus/ --db claims.db")
def ingest(
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

            report = run_ingest(paths, store, outlet=outlet, strict=strict, on_file=on_file)
            progress.update(task, completed=report.new + report.updated + report.unchanged + report.failed)
    for problem in report.problems:
        err.print(f"[red]Error:[/red] {escape(str(problem))}", markup=True, highlight=False, soft_wrap=True)
    summary = {
        "articles_new": report.new,
        "articles_updated": report.updated,
        "articles_unchanged": report.unchanged,
        "files_failed": report.failed,
        "statements": report.statements,
        "speakers": report.speakers,
    }
    if json_:
        render.emit([summary], list(summary), "json")
    else:
        table = Table(title="Ingest", show_header=True)
        for col in ("articles new", "updated", "unchanged", "failed", "statements", "speakers"):
            table.add_column(col, justify="right")
        table.add_row(*(str(v) for v in summary.values()))
        Console(stderr=not sys.stdout.isatty()).print(table)
    if report.failed:
        raise typer.Exit(1)


@app.command("who-said", epilog="Example: claimtrack who-said Kirby --json   (or: claimtrack who-said كيربي)")
def who_said(
    name: Annotated[str, typer.Argument(help="A speaker's name, Latin or Arabic, any spelling.")],
    db: DbOption = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0, max=1, help="Hide doubtful statements.")
    ] = 0.0,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    nl: NlOpt = False,
    limit: LimitOpt = None,
) -> None:
    """What one speaker said: one row per claim, with every outlet that carried it."""
    fmt = output_format(json_, csv_, nl)
    with open_store(db) as store:
        speaker, rows = queries.who_said(store, name, min_confidence=min_confidence, limit=limit)
    if fmt == "table":
        grouped = queries.group_by_cluster(rows)
        render.emit(grouped, ["text", "outlets", "cues", "kind", "statements"], fmt, title=f"Who said: {speaker}")
    else:
        render.emit(rows, STATEMENT_COLUMNS, fmt)


@app.command(epilog="Example: claimtrack speakers --limit 10")
def speakers(
    db: DbOption = None,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    nl: NlOpt = False,
    limit: LimitOpt = None,
) -> None:
    """Every speaker with how many statements and outlets quote them."""
    fmt = output_format(json_, csv_, nl)
    with open_store(db) as store:
        rows = store.speaker_table()[:limit]
    render.emit(rows, ["speaker", "kind", "statements", "articles", "outlets"], fmt, title="Speakers")


@app.command(
    epilog="Example: claimtrack search 'كوريا الشمالية'   (or: claimtrack search '\"مفاوضات الأسلحة\" OR ذخيرة*')"
)
def search(
    query: Annotated[
        str,
        typer.Argument(
            help="Words to find in claims; hamza forms, ى/ي, ة/ه and diacritics do not matter. "
            'FTS5 syntax works: "a phrase", OR, NOT, prefix*.',
        ),
    ],
    db: DbOption = None,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    nl: NlOpt = False,
    limit: LimitOpt = None,
) -> None:
    """Claims that say something, best match first, with speaker, outlet and a snippet."""
    fmt = output_format(json_, csv_, nl)
    with open_store(db) as store:
        rows = queries.search(store, query, limit=limit)
    if fmt == "table" and not rows:
        err.print(f"No claim matches {query!r}.", markup=False, highlight=False)
    elif fmt == "table":
        render.emit(
            rows,
            ["speaker", "outlet", "article", "snippet"],
            fmt,
            title=f"Search: {query}",
            highlight={"snippet": "matches"},
        )
    else:
        render.emit(rows, ["score", *STATEMENT_COLUMNS, "snippet"], fmt)


@app.command(epilog="Example: claimtrack show baghdad-today   (or: claimtrack show corpus/baghdad-today.txt --json)")
def show(
    article: Annotated[str, typer.Argument(help="An article id (its file name without extension) or its file.")],
    db: DbOption = None,
    json_: JsonOpt = False,
    csv_: CsvOpt = False,
    nl: NlOpt = False,
    limit: LimitOpt = None,
) -> None:
    """An article's text with every statement marked: claim underlined, cue in bold, speaker labelled."""
    fmt = output_format(json_, csv_, nl)
    with open_store(db) as store:
        row, statements = queries.article_statements(store, article)
    statements = statements[:limit]
    if fmt == "json":
        render.print_json({"article": row, "statements": statements})
    elif fmt == "table":
        render.show_article(row, statements)
    else:
        render.emit(statements, STATEMENT_COLUMNS, fmt)


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
        canonical = queries.find_speaker(store, speaker) if speaker else None
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
    defaults: Annotated[bool, typer.Option("--defaults", help="Go back to the default thresholds.")] = False,
    json_: JsonOpt = False,
) -> None:
    """Recompute every claim cluster; thresholds given here are kept for later ingests."""
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


@app.command(epilog="Example: claimtrack serve --port 8001   (needs: pip install 'claimtrack[serve]')")
def serve(
    db: DbOption = None,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on (localhost only).")] = 8001,
) -> None:
    """Browse the database in Datasette: every table, with SQL and facets."""
    import importlib.util
    import subprocess

    path = str(db or default_path())
    open_store(db).close()  # a clear error for a missing or foreign database before Datasette starts
    if importlib.util.find_spec("datasette") is None:
        raise ClaimtrackError("Datasette is not installed; pip install 'claimtrack[serve]'")
    raise typer.Exit(subprocess.call([sys.executable, "-m", "datasette", "serve", path, "--port", str(port)]))


def main() -> None:
    app()
