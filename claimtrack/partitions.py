"""A corpus of article records cut into partitions, each read on its own by whichever worker gets it.

A corpus is JSON Lines (one record a line, as ``claimtrack ingest`` reads them) or Parquet (one record a row,
the same fields as columns). A record is ``id`` and ``text``, with optional ``outlet``, ``title``, ``url``,
``published``, ``author`` and ``language``. A JSON Lines partition is a run of lines from a byte offset the
client found by counting line feeds, so a worker reads only its own lines; a Parquet partition is a run of
rows of one row group. Each record gets the article id, line number and problems the plain ingest gives it.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from . import corpus, parquet
from .errors import ClaimtrackError
from .models import Article

JSONL, PARQUET = ".jsonl", ".parquet"
SUFFIXES = (JSONL, PARQUET)
_SCAN_BYTES = 2**20
_PARQUET_FIELDS = ("id", "text", *corpus.METADATA_FIELDS)
UNSEEN = "a Dask worker finds no such file: the corpus must be where every worker sees it, at the same path"


@dataclass(frozen=True)
class Partition:
    """Records ``first`` .. ``first + count - 1`` (line or row numbers from 1) of one corpus file.

    ``name`` is the file as the user named it (the articles' path, as in a plain ingest); ``location`` is its
    absolute path, which a worker opens; ``start`` is the first line's byte offset (JSON Lines) or the row
    group (Parquet)."""

    number: int
    name: str
    location: str
    file_id: str
    start: int
    first: int
    count: int

    @property
    def parquet(self) -> bool:
        return self.location.endswith(PARQUET)


def plan(paths: list[str], size: int) -> list[Partition]:
    """The partitions of every corpus file under ``paths`` (files, or folders holding .jsonl and .parquet
    files), at most ``size`` records each, numbered in corpus order."""
    parts: list[Partition] = []
    for source in corpus_files(paths):
        cuts = _parquet_cuts if source.path.suffix.lower() == PARQUET else _jsonl_cuts
        for start, first, count in cuts(source.path, size):
            location = os.path.abspath(source.path)
            parts.append(Partition(len(parts), str(source.path), location, source.id, start, first, count))
    return parts


def corpus_files(paths: list[str]) -> Iterator[corpus.Source]:
    """Each corpus file, with the id the plain ingest gives it; a folder gives its .jsonl and .parquet files."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
            if not found:
                raise ClaimtrackError("no .jsonl or .parquet files in this folder", path=raw)
            yield from (corpus.Source(p, corpus.source_id(p, path)) for p in found)
        elif not path.is_file():
            raise ClaimtrackError("no such file" if not path.exists() else "not a regular file", path=raw)
        elif path.suffix.lower() not in SUFFIXES:
            raise ClaimtrackError("a corpus for --engine dask is JSON Lines (.jsonl) or Parquet (.parquet)", path=raw)
        else:
            yield corpus.Source(path, corpus.source_id(path, Path(os.path.abspath(path)).parent))


def _jsonl_cuts(path: Path, size: int) -> Iterator[tuple[int, int, int]]:
    """(byte offset, first line, lines) of each run of ``size`` lines, split at line feeds as the reader does."""
    starts, line, offset = [0], 1, 0
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_SCAN_BYTES):
                at = chunk.find(b"\n")
                while at != -1:
                    line += 1
                    if (line - 1) % size == 0:
                        starts.append(offset + at + 1)
                    at = chunk.find(b"\n", at + 1)
                offset += len(chunk)
    except OSError as exc:
        raise ClaimtrackError(f"cannot be read ({exc.strerror})", path=str(path)) from None
    lines = line if offset and not _ends_with_line_feed(path) else line - 1
    for n, start in enumerate(starts):
        first = n * size + 1
        if first <= lines:
            yield start, first, min(size, lines - first + 1)


def _ends_with_line_feed(path: Path) -> bool:
    with open(path, "rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def _parquet_cuts(path: Path, size: int) -> Iterator[tuple[int, int, int]]:
    """(row group, first row, rows) of each run of at most ``size`` rows within one row group."""
    meta = parquet.open_file(path, missing="no such file")
    if "text" not in meta.schema_arrow.names:
        raise ClaimtrackError('no "text" column: a corpus row is an article, its text in "text"', path=str(path))
    first = 1
    for group in range(meta.num_row_groups):
        rows = meta.metadata.row_group(group).num_rows
        for offset in range(0, rows, size):
            yield group, first + offset, min(size, rows - offset)
        first += rows


def read(part: Partition) -> Iterator[Article | corpus.Problem]:
    """The partition's articles, or a Problem for each record that cannot be read, in order."""
    if part.parquet:
        yield from _parquet_records(part)
        return
    former = Path(part.name).stem
    with open(part.location, "rb") as handle:
        handle.seek(part.start)
        lines = itertools.islice(corpus.byte_lines(handle), part.count)
        yield from corpus.json_lines(lines, part.name, part.file_id, former, part.first)


def _parquet_records(part: Partition) -> Iterator[Article | corpus.Problem]:
    meta = parquet.open_file(part.location, part.name, UNSEEN)
    group_first = part.first - sum(meta.metadata.row_group(g).num_rows for g in range(part.start)) - 1
    columns = [c for c in _PARQUET_FIELDS if c in meta.schema_arrow.names]
    table = meta.read_row_group(part.start, columns=columns).slice(group_first, part.count)
    former = Path(part.name).stem
    for n, record in enumerate(table.to_pylist(), part.first):
        yield corpus.line_record(_plain(record), part.name, part.file_id, former, n)


def _plain(record: dict) -> dict:
    """A row's values as a JSON record would hold them: dates as YYYY-MM-DD, ids and numbers as text."""
    for key, value in record.items():
        if isinstance(value, datetime):
            record[key] = value.date().isoformat()
        elif isinstance(value, date):
            record[key] = value.isoformat()
        elif value is not None and key != "text" and not isinstance(value, str):
            record[key] = str(value)
    return record
