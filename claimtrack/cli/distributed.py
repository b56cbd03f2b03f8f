"""`claimtrack ingest --engine dask` (extraction on a Dask cluster, into Parquet) and `claimtrack load`.

Dask and pyarrow are imported only when one of these runs, so every other command starts as fast without them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from .. import render
from ..dbfile import default_path
from .app import DbOption, JsonOpt, app, err, show_error


class Engine(str, enum.Enum):
    """Where ``ingest`` extracts: in this machine's processes, straight into the database, or on Dask."""

    local = "local"
    dask = "dask"


EngineOpt = Annotated[
    Engine,
    typer.Option(
        "--engine",
        case_sensitive=False,
        help="local: read, extract and store here. dask: extract a JSON Lines or Parquet corpus on a Dask cluster "
        "into Parquet (--out), for claimtrack load.",
    ),
]
OutOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--out",
        help="With --engine dask: the folder the Parquet output goes to (on a cluster, one every worker writes to).",
        show_default=False,
    ),
]
SchedulerOpt = Annotated[
    Optional[str],
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="With --engine dask: a Dask scheduler's address (tcp://host:8786); default: a cluster of --workers "
        "processes on this machine.",
        show_default=False,
    ),
]
PartitionOpt = Annotated[
    Optional[int],
    typer.Option(
        "--partition-size",
        min=1,
        help="With --engine dask: articles per partition, one task each (default 500).",
        show_default=False,
    ),
]

_DASK_ONLY = ("--out", "--scheduler", "--partition-size")


def check_local_options(out: Path | None, scheduler: str | None, partition_size: int | None) -> None:
    """Usage error for an option of the Dask engine given to the local one."""
    for name, value in zip(_DASK_ONLY, (out, scheduler, partition_size)):
        if value is not None:
            raise typer.BadParameter("only with --engine dask", param_hint=f"'{name}'")


def ingest_on_dask(
    sources: list[str],
    *,
    out: Path | None,
    scheduler: str | None,
    workers: int | None,
    partition_size: int | None,
    outlet: str | None,
    json_: bool,
    local_only: dict[str, object],
) -> None:
    """``ingest --engine dask``: extract on Dask into ``out``; ``local_only`` holds the options given that
    only the local engine takes, each refused."""
    for name, given in local_only.items():
        if given:
            raise typer.BadParameter(
                "only with --engine local; with --engine dask give --out, then claimtrack load", param_hint=f"'{name}'"
            )
    if out is None:
        raise typer.BadParameter("--engine dask needs --out FOLDER for the Parquet output", param_hint="'--out'")
    if scheduler is not None and workers is not None:
        raise typer.BadParameter("the cluster at --scheduler has its own workers", param_hint="'--workers'")
    addresses = [s for s in sources if "://" in s or s == "-"]
    if addresses:
        raise typer.BadParameter(
            f"{addresses[0]}: --engine dask reads JSON Lines or Parquet files", param_hint="'SOURCES...'"
        )
    from .. import distributed
    from ..prepare import default_workers

    with _progress(json_, "Extracting") as (progress, task):
        report = distributed.extract_corpus(
            sources,
            out,
            scheduler=scheduler,
            workers=workers or default_workers(),
            partition_articles=partition_size or distributed.PARTITION_ARTICLES,
            outlet=outlet,
            on_start=lambda parts: progress.update(task, total=parts),
            on_part=lambda result: progress.advance(task),
        )
    for problem in report.problems:
        show_error(str(problem))
    if json_:
        render.print_json([report.summary()])
    else:
        _say_extracted(report.summary())
    if report.problems:
        raise typer.Exit(1)


def _say_extracted(summary: dict) -> None:
    if not summary["written"]:
        err.print(f"Nothing written to {summary['out']}: {summary['failed']} record(s) could not be read.")
        return
    err.print(
        f"{_count(summary['articles'], 'article')}, {_count(summary['statements'], 'statement')} in "
        f"{_count(summary['partitions'], 'partition')} ({_count(summary['workers'], 'Dask worker')}) "
        f"written to {summary['out']}. "
        f"Next: claimtrack load {summary['out']}",
        markup=False,
        highlight=False,
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@app.command(
    epilog="Example: claimtrack ingest --engine dask --out extracted/ corpus.jsonl && claimtrack load extracted/"
)
def load(
    ctx: typer.Context,
    folder: Annotated[
        Path, typer.Argument(help="A folder written by claimtrack ingest --engine dask.", show_default=False)
    ],
    db: DbOption = None,
    json_: JsonOpt = False,
) -> None:
    """Store Parquet output of ingest --engine dask: speakers resolved, articles stored, claims matched, as a
    plain ingest of the same articles would; loading it again changes nothing."""
    from .. import distributed
    from ..store import check_location

    path = db or default_path()
    check_location(path)
    with _progress(json_, "Loading") as (progress, task):
        report = distributed.load(
            folder,
            path,
            on_start=lambda articles: progress.update(task, total=articles),
            on_article=lambda name, n: progress.update(task, completed=n),
            debug=bool(ctx.obj and ctx.obj["debug"]),
        )
    for problem in report.problems:
        show_error(str(problem))
    if json_:
        render.print_json([report.summary()])
    else:
        render.show_ingest(report.summary())
    if report.failed:
        raise typer.Exit(1)


@contextmanager
def _progress(quiet: bool, what: str) -> Iterator[tuple[Progress, TaskID]]:
    """A progress bar on standard error (none with --json), with its one task."""
    columns = (TextColumn(what), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=quiet) as progress:
        yield progress, progress.add_task("", total=None)
