"""Extracted articles and their statements as Parquet: what ``ingest --engine dask`` writes and ``load`` reads.

An output folder holds::

    manifest.json                  what wrote it: the corpus, and each part with its counts
    articles/part-00000.parquet    one row per article: every ``Article`` field
    statements/part-00000.parquet  one row per statement, before speaker resolution: ``article_id``,
                                   ``position`` (its place in the article's list) and every ``Statement`` field

Part N of both holds partition N of the corpus, in corpus order. The columns follow the dataclasses' fields,
so a field added to ``Article`` or ``Statement`` is carried without a change here (a type this module cannot
map fails the tests, not a user's run).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__
from .errors import ClaimtrackError
from .models import Article, Statement, Story

FORMAT = "claimtrack-extracted"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
ARTICLES, STATEMENTS = "articles", "statements"
STATEMENT_KEYS = (("article_id", pa.string()), ("position", pa.int64()))

_SCALARS = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}


def _struct(record: type) -> pa.StructType:
    return pa.struct([(f.name, _arrow_type(f.type)) for f in dataclasses.fields(record)])


def _arrow_type(annotation: str) -> pa.DataType:
    base = annotation.removesuffix(" | None")
    if base in _SCALARS:
        return _SCALARS[base]
    nested = {
        "list[str]": lambda: pa.list_(pa.string()),
        "list[tuple[int, int]]": lambda: pa.list_(pa.list_(pa.int64())),
        "list[Story]": lambda: pa.list_(_struct(Story)),
    }
    if base not in nested:
        raise TypeError(f"no Parquet type for a field of type {annotation!r}")
    return nested[base]()


def article_schema() -> pa.Schema:
    return pa.schema([(f.name, _arrow_type(f.type)) for f in dataclasses.fields(Article)])


def statement_schema() -> pa.Schema:
    return pa.schema([*STATEMENT_KEYS, *((f.name, _arrow_type(f.type)) for f in dataclasses.fields(Statement))])


def part_name(number: int) -> str:
    return f"part-{number:05d}.parquet"


def write_part(folder: Path, number: int, extracted: list[tuple[Article, list[Statement]]]) -> int:
    """Write part ``number`` of both tables under ``folder``; returns the number of statements."""
    articles = [dataclasses.asdict(article) for article, _ in extracted]
    statements = [
        {"article_id": article.id, "position": n, **dataclasses.asdict(st)}
        for article, found in extracted
        for n, st in enumerate(found)
    ]
    for table, rows, schema in ((ARTICLES, articles, article_schema()), (STATEMENTS, statements, statement_schema())):
        (folder / table).mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), folder / table / part_name(number))
    return len(statements)


def read_part(folder: Path, number: int) -> Iterator[tuple[Article, list[Statement]]]:
    """The articles of part ``number`` in order, each with its statements in order."""
    statements: dict[str, list[tuple[int, Statement]]] = {}
    path = folder / STATEMENTS / part_name(number)
    for row in _rows(path, statement_schema()):
        article_id, position = row.pop("article_id"), row.pop("position")
        statements.setdefault(article_id, []).append((position, Statement(**row)))
    path = folder / ARTICLES / part_name(number)
    for row in _rows(path, article_schema()):
        row["stories"] = [Story(**story) for story in row["stories"] or []]
        row["blocked"] = [tuple(span) for span in row["blocked"] or []]
        found = sorted(statements.pop(row["id"], []), key=lambda item: item[0])
        yield Article(**row), [st for _, st in found]
    if statements:
        orphan = next(iter(statements))
        raise ClaimtrackError(
            f"statements of article {orphan!r}, which its articles part does not hold", path=str(path)
        )


def open_file(path: str | Path, name: str | None = None, missing: str = "missing (the manifest lists it)"):
    """A Parquet file opened (its footer read), or an error naming it (``name``, else ``path``)."""
    try:
        return pq.ParquetFile(path)
    except FileNotFoundError:
        raise ClaimtrackError(missing, path=name or str(path)) from None
    except (OSError, pa.ArrowException) as exc:
        raise ClaimtrackError(f"not a readable Parquet file ({exc})", path=name or str(path)) from None


def _rows(path: Path, schema: pa.Schema) -> list[dict]:
    found = open_file(path)
    check_columns(path, found.schema_arrow, schema)
    try:
        return found.read(columns=schema.names).to_pylist()
    except (OSError, pa.ArrowException) as exc:
        raise ClaimtrackError(f"not a readable Parquet file ({exc})", path=str(path)) from None


def check_columns(path: Path, found: pa.Schema, wanted: pa.Schema) -> None:
    """Raise, naming the file and the column, when ``found`` lacks a column of ``wanted`` or holds another type."""
    for name in wanted.names:
        if name not in found.names:
            raise ClaimtrackError(f"no column {name!r} (written by another version of claimtrack?)", path=str(path))
        if found.field(name).type != wanted.field(name).type:
            raise ClaimtrackError(
                f"column {name!r} holds {found.field(name).type}, not {wanted.field(name).type}", path=str(path)
            )


def write_manifest(folder: Path, corpus: list[str], parts: list[dict]) -> dict:
    manifest = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "claimtrack": __version__,
        "corpus": corpus,
        "articles": sum(p["articles"] for p in parts),
        "statements": sum(p["statements"] for p in parts),
        "parts": parts,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def read_manifest(folder: Path) -> dict:
    """The folder's manifest, checked: the format, and each part's two files present with the rows it says."""
    path = folder / MANIFEST
    if not folder.is_dir():
        raise ClaimtrackError("no such folder", path=str(folder))
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ClaimtrackError(
            f"no {MANIFEST}: not a folder written by claimtrack ingest --engine dask", path=str(folder)
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ClaimtrackError(f"cannot be read ({exc})", path=str(path)) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ClaimtrackError(f'not a claimtrack manifest (no "format": "{FORMAT}")', path=str(path))
    if manifest.get("version") != FORMAT_VERSION:
        raise ClaimtrackError(
            f"format version {manifest.get('version')!r}; this claimtrack reads version {FORMAT_VERSION}",
            path=str(path),
        )
    for part in manifest.get("parts", []):
        _check_part(folder, part)
    return manifest


def _check_part(folder: Path, part: dict) -> None:
    """Both files of a part exist, with the manifest's row counts and the columns wanted (metadata only)."""
    for table, schema, count in (
        (ARTICLES, article_schema(), part["articles"]),
        (STATEMENTS, statement_schema(), part["statements"]),
    ):
        path = folder / table / part_name(part["number"])
        meta = open_file(path)
        check_columns(path, meta.schema_arrow, schema)
        if meta.metadata.num_rows != count:
            raise ClaimtrackError(
                f"{meta.metadata.num_rows} rows where the manifest says {count} (a part written over?)",
                path=str(path),
            )
