"""`claimtrack ingest` and `claimtrack watch`: read articles from files, web pages and feeds, and store them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .. import render
from ..errors import ClaimtrackError
from ..settings import FetchSettings
from ..dbfile import default_path
from .app import DbOption, JsonOpt, app, err
from .distributed import Engine, EngineOpt, OutOpt, PartitionOpt, SchedulerOpt, check_local_options, ingest_on_dask

if TYPE_CHECKING:  # for annotations only: the command imports the pipeline when it runs
    from .. import pipeline

_FETCH = FetchSettings()
FeedOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--feed", help="An RSS or Atom feed's address; its new items are fetched (repeatable).", show_default=False
    ),
]
TimeoutOpt = Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to wait for one web request.")]
RetriesOpt = Annotated[
    int,
    typer.Option("--retries", min=0, max=10, help="Further attempts after a timeout, dropped connection, 429 or 5xx."),
]
DelayOpt = Annotated[float, typer.Option("--delay", min=0, help="Seconds between two requests to the same host.")]
OutletOpt = Annotated[Optional[str], typer.Option("--outlet", help="Outlet name for every article given.")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Stop at the first source that cannot be read.")]
WorkersOpt = Annotated[
    Optional[int],
    typer.Option(
        "--workers",
        min=1,
        help="Processes that read and extract files (default: the machine's cores); any number gives the same "
        "database.",
        show_default=False,
    ),
]


@app.command(
    epilog="Example: claimtrack ingest corpus/   (or: claimtrack ingest https://example.org/news/1.html; "
    "claimtrack ingest --feed https://example.org/rss.xml)"
)
def ingest(
    ctx: typer.Context,
    sources: Annotated[
        Optional[list[str]],
        typer.Argument(
            help="Article files or folders (.txt .md .html .htm .json .jsonl), web addresses (http:// or "
            "https://), or - for standard input.",
            show_default=False,
        ),
    ] = None,
    feed: FeedOpt = None,
    db: DbOption = None,
    outlet: OutletOpt = None,
    strict: StrictOpt = False,
    workers: WorkersOpt = None,
    timeout: TimeoutOpt = _FETCH.timeout,
    retries: RetriesOpt = _FETCH.retries,
    delay: DelayOpt = _FETCH.host_delay,
    json_: JsonOpt = False,
    engine: EngineOpt = Engine.local,
    out: OutOpt = None,
    scheduler: SchedulerOpt = None,
    partition_size: PartitionOpt = None,
) -> None:
    """Read articles, extract who said what, resolve speakers, match claims and store it all."""
    from ..prepare import default_workers
    from ..store import check_location

    if not sources and not feed:
        raise typer.BadParameter("give a file, folder or web address, or --feed URL", param_hint="'SOURCES...'")
    if engine is Engine.dask:
        given_db = db if ctx.get_parameter_source("db").name == "COMMANDLINE" else None  # CLAIMTRACK_DB is for load
        local_only = {"--feed": feed, "--db": given_db, "--strict": strict}
        dask_options = {"out": out, "scheduler": scheduler, "partition_size": partition_size, "outlet": outlet}
        return ingest_on_dask(sources or [], workers=workers, json_=json_, local_only=local_only, **dask_options)
    check_local_options(out, scheduler, partition_size)
    check_location(db or default_path())  # before any reading, so the message is the only thing said
    fetch_settings = FetchSettings(timeout, retries, delay)
    debug = bool(ctx.obj and ctx.obj["debug"])
    options = {"outlet": outlet, "strict": strict, "debug": debug, "workers": workers or default_workers()}
    report = _run(db, sources or [], feed or [], fetch_settings, json_, **options)
    _show(report, json_)
    if report.nothing_found:
        raise ClaimtrackError(
            f"nothing to ingest in {', '.join([*(sources or []), *(feed or [])])}; no database written"
        )
    if report.failed:
        raise typer.Exit(1)


@app.command(epilog="Example: claimtrack watch --feed https://example.org/rss.xml --every 15m")
def watch(
    feed: Annotated[
        list[str], typer.Option("--feed", help="An RSS or Atom feed's address (repeatable).", show_default=False)
    ],
    every: Annotated[str, typer.Option("--every", help="Time between two reads of the feeds: 90s, 15m, 2h.")] = "15m",
    rounds: Annotated[
        Optional[int], typer.Option("--rounds", min=1, help="Stop after this many reads (default: run until Ctrl-C).")
    ] = None,
    db: DbOption = None,
    outlet: OutletOpt = None,
    timeout: TimeoutOpt = _FETCH.timeout,
    retries: RetriesOpt = _FETCH.retries,
    delay: DelayOpt = _FETCH.host_delay,
    json_: JsonOpt = False,
) -> None:
    """Read feeds again and again, ingesting each new item once; a line per round says what came in."""
    from .. import pipeline

    try:
        seconds = pipeline.parse_duration(every)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--every'") from None
    fetch_settings = FetchSettings(timeout, retries, delay)

    def one_round(report: pipeline.IngestReport) -> None:
        _show_problems(report)
        if json_:  # JSON Lines: one record a round, so a reader can follow the loop line by line
            print(json.dumps(report.summary()), flush=True)
        else:
            err.print(render.round_line(report.summary()), markup=False, highlight=False)

    try:
        pipeline.watch(
            db or default_path(),
            feed,
            every=seconds,
            rounds=rounds,
            on_round=one_round,
            fetch_settings=fetch_settings,
            outlet=outlet,
        )
    except KeyboardInterrupt:
        err.print("Stopped.")


def _run(db, sources, feeds, fetch_settings, quiet, **options) -> pipeline.IngestReport:
    from .. import pipeline

    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=quiet,
    ) as progress:
        task = progress.add_task("Reading", total=None)

        def on_item(name: str, n: int) -> None:
            shown = name if "://" in name else Path(name).name
            progress.update(task, description=f"Reading {escape(shown)}", completed=n - 1)

        return pipeline.ingest_sources(
            db or default_path(),
            sources,
            feeds=feeds,
            fetch_settings=fetch_settings,
            on_input=on_item,
            **options,
        )


def _show_problems(report: pipeline.IngestReport) -> None:
    for problem in report.problems:
        err.print(f"[red]Error:[/red] {escape(str(problem))}", markup=True, highlight=False, soft_wrap=True)


def _show(report: pipeline.IngestReport, json_: bool) -> None:
    _show_problems(report)
    if json_:
        render.print_json([report.summary()])
    elif not report.nothing_found:
        render.show_ingest(report.summary())
