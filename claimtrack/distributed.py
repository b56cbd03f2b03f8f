"""Past one machine: extraction on a Dask cluster, written as Parquet, then loaded into SQLite here.

Extraction is a function of one article (``prepare.extract``), so partitions of a corpus are extracted on any
number of Dask workers (``extract``), each writing its part of the output (``parquet``) to a folder every
worker and this machine see. What depends on every article before it stays on one machine and runs in
``load``: speaker resolution, the SQLite write and claim matching, through the plain ingest's own parent half
(``pipeline.ingest_prepared``), so the database is the one a plain ingest of the same articles makes.

Dask is imported only here, and only when a run needs it.
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import corpus, parquet, partitions, pipeline
from .errors import ClaimtrackError, unexpected
from .models import Article, Statement
from .prepare import Extracted, Prepared, article_digest, extract
from .store import Store, remove_if_empty

PARTITION_ARTICLES = 500
"""Articles per partition: a few seconds of one worker's time, few enough that a part's rows stay small in
memory, many enough that scheduling costs little."""
CONNECT_SECONDS = 20


@dataclass
class PartResult:
    """What one worker made of one partition: counts, and the records it could not read or extract."""

    number: int
    articles: int = 0
    statements: int = 0
    problems: list[corpus.Problem] = field(default_factory=list)


@dataclass
class ExtractReport:
    out: str
    parts: list[PartResult] = field(default_factory=list)
    workers: int = 0

    @property
    def problems(self) -> list[corpus.Problem]:
        return [p for part in sorted(self.parts, key=lambda r: r.number) for p in part.problems]

    def summary(self) -> dict:
        return {
            "out": self.out,
            "written": not self.problems,
            "partitions": len(self.parts),
            "articles": sum(p.articles for p in self.parts),
            "statements": sum(p.statements for p in self.parts),
            "failed": len(self.problems),
            "workers": self.workers,
        }


def extract_partition(part: partitions.Partition, staging: str, outlet: str | None) -> PartResult:
    """Read and extract one partition and write its part under ``staging`` (runs on a Dask worker).

    Nothing is written when a record cannot be read or extracted: the run writes no output then.
    """
    result = PartResult(part.number)
    extracted: list[tuple[Article, list[Statement]]] = []
    try:
        for found in partitions.read(part):
            if isinstance(found, corpus.Problem):
                result.problems.append(found)
            else:
                _extract_one(found, outlet, extracted, result)
    except ClaimtrackError as exc:
        result.problems.append(corpus.Problem(exc.path or part.name, exc.message, exc.line))
    except OSError as exc:
        reason = f"a Dask worker cannot read it ({exc.strerror}): the corpus must be where every worker sees it"
        result.problems.append(corpus.Problem(part.name, reason))
    if result.problems:
        return result
    try:
        result.statements = parquet.write_part(Path(staging), part.number, extracted)
    except OSError as exc:
        reason = f"a Dask worker cannot write there ({exc.strerror}): --out must be where every worker writes"
        result.problems.append(corpus.Problem(staging, reason))
    result.articles = len(extracted)
    return result


def _extract_one(
    article: Article, outlet: str | None, extracted: list[tuple[Article, list[Statement]]], result: PartResult
) -> None:
    if outlet:
        article.outlet, article.outlet_source = outlet, "option"
    try:
        extracted.append((article, extract(article)))
    except ClaimtrackError as exc:
        result.problems.append(corpus.Problem(article.path, exc.message, article.line))
    except Exception as exc:  # noqa: BLE001 - one article claimtrack cannot handle is reported with its line
        result.problems.append(corpus.Problem(article.path, unexpected(exc), article.line))


def extract_corpus(
    paths: list[str],
    out: str | os.PathLike,
    *,
    scheduler: str | None = None,
    workers: int = 1,
    partition_articles: int = PARTITION_ARTICLES,
    outlet: str | None = None,
    on_start: Callable[[int], None] | None = None,
    on_part: Callable[[PartResult], None] | None = None,
) -> ExtractReport:
    """Extract the corpus files under ``paths`` on a Dask cluster into the folder ``out``.

    ``scheduler`` is a Dask scheduler's address; without it a local cluster of ``workers`` processes runs
    here. ``on_start`` is told the number of partitions, ``on_part`` each one done. The output appears whole
    or not at all: parts are written to a hidden folder beside ``out``, which replaces ``out`` (a previous
    output) only when every record was read and extracted; otherwise the report's problems say why.
    """
    out = Path(out)
    _check_out(out)
    parts = partitions.plan(paths, partition_articles)
    if not parts:
        raise ClaimtrackError(f"nothing to ingest in {', '.join(paths)}; nothing written")
    report = ExtractReport(str(out))
    staging = out.parent / f".{out.name}.partial-{uuid.uuid4().hex[:8]}"
    try:
        with _client(scheduler, workers) as client:
            report.workers = len(client.nthreads())
            if on_start:
                on_start(len(parts))
            for result in _run_parts(client, parts, staging, outlet):
                report.parts.append(result)
                if on_part:
                    on_part(result)
        if not report.problems:
            done = sorted(report.parts, key=lambda r: r.number)  # as they finished: loaded in corpus order
            parquet.write_manifest(staging, [str(p) for p in paths], [_part_entry(r, parts) for r in done])
            _replace(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return report


def _run_parts(client, parts: list[partitions.Partition], staging: Path, outlet: str | None) -> Iterator[PartResult]:
    from distributed import as_completed

    staging.mkdir(parents=True)
    futures = client.map(extract_partition, parts, staging=str(staging.resolve()), outlet=outlet, pure=False)
    for future in as_completed(futures):
        try:
            yield future.result()
        except Exception as exc:  # noqa: BLE001 - a worker lost or killed: said as one line, the run writes nothing
            number = futures.index(future)
            yield PartResult(number, problems=[corpus.Problem(parts[number].name, f"a Dask task failed ({exc})")])


def _part_entry(result: PartResult, parts: list[partitions.Partition]) -> dict:
    part = parts[result.number]
    return {
        "number": result.number,
        "source": part.name,
        "first": part.first,
        "records": part.count,
        "articles": result.articles,
        "statements": result.statements,
    }


def _check_out(out: Path) -> None:
    """Refuse an ``--out`` that is a file, or a folder holding something other than a previous output."""
    if out.exists() and not out.is_dir():
        raise ClaimtrackError("exists and is not a folder", path=str(out))
    if out.is_dir() and any(out.iterdir()) and not (out / parquet.MANIFEST).is_file():
        raise ClaimtrackError(
            f"is not empty and holds no {parquet.MANIFEST}: give a new folder for the output", path=str(out)
        )
    if not out.parent.is_dir():
        raise ClaimtrackError(f"the folder {out.parent} does not exist", path=str(out))


def _replace(staging: Path, out: Path) -> None:
    """Put the finished output in place of ``out`` by renames, so a reader sees the old output or the new one."""
    old = out.parent / f".{out.name}.old-{uuid.uuid4().hex[:8]}"
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def _client(scheduler: str | None, workers: int):
    """A Dask client: of the scheduler at ``scheduler``, or of a cluster of ``workers`` processes on this
    machine, listening on 127.0.0.1 only."""
    from distributed import Client, LocalCluster

    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,  # extraction is pure Python: threads would share one core
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",  # the scheduler's web server on a free port of 127.0.0.1, never a fixed one
            silence_logs=logging.ERROR,
        )
        with cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClaimtrackError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
    with client:
        try:  # a scheduler without workers would hold the tasks for ever
            client.wait_for_workers(1, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError) as exc:
            raise ClaimtrackError(
                f"the Dask scheduler at {scheduler} has no workers (none joined in {CONNECT_SECONDS} s: {exc})"
            ) from None
        yield client


def load(
    folder: str | os.PathLike,
    db: str | os.PathLike,
    *,
    on_start: Callable[[int], None] | None = None,
    on_article: Callable[[str, int], None] | None = None,
    debug: bool = False,
) -> pipeline.IngestReport:
    """Store the articles and statements of an output of ``extract_corpus`` in the database at ``db``:
    speakers resolved, articles stored and claims matched as the plain ingest does them.

    Every file is checked (present, the columns, the row counts) before anything is stored. An article
    stored already with the same text and outlet is left as it is, so loading twice stores nothing twice.
    """
    folder = Path(folder)
    manifest = parquet.read_manifest(folder)
    if on_start:
        on_start(manifest["articles"])
    existed = Path(db).exists()
    try:
        with Store.open(db) as store:
            results = _prepared(folder, manifest, store)
            return pipeline.ingest_prepared(results, store, on_input=on_article, debug=debug)
    finally:
        if not existed:
            remove_if_empty(db)


def _prepared(folder: Path, manifest: dict, store: Store) -> Iterator[tuple[str, Prepared]]:
    """Each stored article as the plain ingest's workers would hand it over: statements None when unchanged."""
    for part in manifest["parts"]:
        for article, statements in parquet.read_part(folder, part["number"]):
            digest = article_digest(article)
            unchanged = store.article_hash(article.id) == digest
            item = Extracted(article, digest, None if unchanged else statements)
            yield article.id, Prepared(article.path or str(folder), items=[item])
