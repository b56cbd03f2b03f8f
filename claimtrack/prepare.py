"""The per-file half of an ingest: read a source, skip it if unchanged, extract its statements.

Everything here is a function of one file and the database as it stood before the run (read only), so it runs
in a pool of worker processes (``--workers``); speaker resolution, which depends on every article before, and
all writing stay in the parent (``pipeline.ingest``), which takes the results in file order. One worker and
many give the same database.
"""

from __future__ import annotations

import hashlib
import itertools
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from . import corpus
from .errors import ClaimtrackError, unexpected
from .extract import extract_article
from .models import Article, Statement
from .store import STORAGE_ERRORS, Store

MIN_FILES_PER_WORKER = 16
"""Fewer files than this per worker are read in this process: starting a pool would cost more."""
# Files in flight per worker: enough to keep each busy, few enough that results waiting for the parent
# stay a bounded amount of memory.
IN_FLIGHT_PER_WORKER = 8


@dataclass
class Extracted:
    """One article read and hashed; ``statements`` None when the database already holds it unchanged."""

    article: Article
    digest: str
    statements: list[Statement] | None


@dataclass
class Prepared:
    """What one source yielded, in order: articles and problems; ``raw_hash`` is set when the file can be
    recorded as stored whole once its articles are (no problem in it), ``skipped`` counts the articles of a
    file whose raw hash is unchanged since it was last stored whole."""

    source: str
    items: list[Extracted | corpus.Problem] = field(default_factory=list)
    raw_hash: str | None = None
    skipped: int = 0
    timings: dict[str, float] = field(default_factory=dict)


@contextmanager
def timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    """Add the time the block takes to ``timings[stage]``."""
    started = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - started


def date_statements(article: Article, statements: list[Statement]) -> None:
    """Set ``said_on`` from a day named in a statement's sentence before its claim ("قال، الاثنين، إن")."""
    days = corpus.relative_days(article)
    if not days:
        return
    for st in statements:
        line_start = max(article.text.rfind("\n", 0, st.char_start), article.text.rfind(".", 0, st.char_start)) + 1
        before = [day for start, end, day in days if line_start <= start and end <= st.char_start]
        if before:
            st.said_on = before[-1].isoformat()


def raw_hash(path: Path, outlet: str | None, article_id: str) -> str | None:
    """A file's bytes hashed with what else decides its articles (the ``--outlet`` given, the id the folder
    named gives it); None when it is too large to be read."""
    try:
        if path.stat().st_size > corpus.MAX_FILE_BYTES:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    return hashlib.sha256(data + "\0{}\0{}".format(outlet or "", article_id).encode("utf-8")).hexdigest()


def prepare_source(source, outlet: str | None, store: Store, debug: bool = False) -> Prepared:
    """Read one input, extracting each article unless it is unchanged: a file (``corpus.Source``), "-" for
    standard input, or a reader function giving articles (a web page).

    What cannot be read or extracted is a Problem among the items (``debug`` lets an unexpected error through).
    """
    out = Prepared(str(source))
    if isinstance(source, corpus.Source):
        with timed(out.timings, "read"):
            out.raw_hash = raw_hash(source.path, outlet, source.id)
            known = store.file_hash(str(source.path.resolve())) if out.raw_hash else None
        if known is not None and known[0] == out.raw_hash:
            out.skipped = known[1]
            return out
    read = source if callable(source) else partial(corpus.read_articles, source)
    try:
        for found in _timed_reads(read(), out.timings):
            out.items.append(found if isinstance(found, corpus.Problem) else _extract(found, outlet, store, out, debug))
    except STORAGE_ERRORS:
        raise
    except ClaimtrackError as exc:
        out.items.append(corpus.Problem(exc.path or str(source), exc.message, exc.line))
    except Exception as exc:  # noqa: BLE001 - as for an article, for a file claimtrack fails to read
        if debug:
            raise
        out.items.append(corpus.Problem(str(source), unexpected(exc)))
    if any(isinstance(item, corpus.Problem) for item in out.items):
        out.raw_hash = None
    return out


def _extract(
    article: Article, outlet: str | None, store: Store, out: Prepared, debug: bool
) -> Extracted | corpus.Problem:
    if outlet:
        article.outlet, article.outlet_source = outlet, "option"
    digest = article_digest(article)
    if store.article_hash(article.id) == digest:
        return Extracted(article, digest, None)
    try:
        with timed(out.timings, "extract"):
            statements = extract(article)
    except ClaimtrackError as exc:
        return corpus.Problem(article.path or out.source, exc.message, article.line)
    except Exception as exc:  # noqa: BLE001 - one article claimtrack cannot handle must not stop the run
        if debug:
            raise
        return corpus.Problem(article.path or out.source, unexpected(exc), article.line)
    return Extracted(article, digest, statements)


def article_digest(article: Article) -> str:
    """What decides whether a stored article is unchanged: its text and outlet."""
    return corpus.content_hash(article.text + "\0" + (article.outlet or ""))


def extract(article: Article) -> list[Statement]:
    """An article's statements before speaker resolution, each dated from its sentence: a function of the
    article alone, so it runs anywhere (a worker process, a Dask worker)."""
    statements = extract_article(article)
    date_statements(article, statements)
    return statements


def _timed_reads(articles: Iterator, timings: dict[str, float]) -> Iterator:
    articles = iter(articles)
    while True:
        with timed(timings, "read"):
            item = next(articles, None)
        if item is None:
            return
        yield item


def prepared(
    inputs: Iterable[tuple[str, object]], outlet: str | None, store: Store, workers: int, debug: bool = False
) -> Iterator[tuple[str, corpus.Problem | Prepared]]:
    """Each input (a name, and a Problem or what ``prepare_source`` reads) with what it yields, in order.

    With ``workers`` > 1 and at least MIN_FILES_PER_WORKER files for each, files are read in that many
    processes, each reading the database through its own read-only connection; standard input and web pages
    are always read here.
    """
    inputs = iter(inputs)
    head = list(itertools.islice(inputs, workers * MIN_FILES_PER_WORKER))
    workers = min(workers, sum(isinstance(item, corpus.Source) for _, item in head) // MIN_FILES_PER_WORKER)
    inputs = itertools.chain(head, inputs)
    if workers <= 1:
        for name, item in inputs:
            yield name, item if isinstance(item, corpus.Problem) else prepare_source(item, outlet, store, debug)
        return
    # fork shares the loaded language data with the workers for free; elsewhere spawn re-imports it.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(workers, initializer=_open_reader, initargs=(store.path,)) as pool:
        pending: deque = deque()
        for name, item in inputs:
            if isinstance(item, corpus.Source):
                item = pool.apply_async(_prepare_in_worker, (item, outlet, debug))
            elif not isinstance(item, corpus.Problem):
                item = prepare_source(item, outlet, store, debug)
            pending.append((name, item))
            while len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())


def _result(pending: tuple[str, object]) -> tuple[str, corpus.Problem | Prepared]:
    name, item = pending
    return name, item if isinstance(item, (corpus.Problem, Prepared)) else item.get()


_reader: Store | None = None


def _open_reader(path: str) -> None:
    global _reader
    _reader = Store.reader(path)


def _prepare_in_worker(source: corpus.Source, outlet: str | None, debug: bool) -> Prepared:
    assert _reader is not None, "the pool's initializer opens the database"
    return prepare_source(source, outlet, _reader, debug)


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
