"""SQLite storage through sqlite-utils: schema, migrations, transactions and the queries the CLI asks.

Only this module writes SQL. Every article is written with its statements in one transaction, so a reader
or a crash never sees half an article.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from . import dbfile
from .dbfile import BUSY_TIMEOUT_MS, DEFAULT_DB, default_path  # noqa: F401 - the store's public names
from .lang.text import fold_for_match
from .errors import ClaimtrackError, DatabaseError
from .models import Article, Speaker, Statement
from .scope import EVERYTHING, STATEMENT_COLUMNS, Scope  # noqa: F401 - the store's public names
from .search import index_text
from .sentences import TITLE_END

# What a storage fault raises: a run stops at once on one, since every later article would meet it too.
STORAGE_ERRORS = (sqlite3.Error, DatabaseError)


def _create_v1(db: sqlite_utils.Database) -> None:
    db["articles"].create(
        {
            "id": str,
            "path": str,
            "outlet": str,
            "outlet_source": str,
            "published": str,
            "published_source": str,
            "title": str,
            "url": str,
            "language": str,
            "encoding": str,
            "hash": str,
            "text": str,
            "ingested_at": str,
        },
        pk="id",
    )
    db["stories"].create(
        {"article_id": str, "number": int, "start": int, "end": int, "title": str},
        pk=("article_id", "number"),
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["speakers"].create({"id": int, "canonical": str, "kind": str, "gender": str}, pk="id")
    db["speakers"].create_index(["canonical"], unique=True)
    db["aliases"].create(
        {"speaker_id": int, "alias": str, "norm": str},
        pk=("speaker_id", "alias"),
        foreign_keys=[("speaker_id", "speakers", "id")],
    )
    db["aliases"].create_index(["norm"])
    db["roles"].create(
        {"speaker_id": int, "role": str},
        pk=("speaker_id", "role"),
        foreign_keys=[("speaker_id", "speakers", "id")],
    )
    db["clusters"].create({"id": int, "size": int, "representative": int}, pk="id")
    db["statements"].create(
        {
            "id": int,
            "article_id": str,
            "story": int,
            "sentence": int,
            "speaker_id": int,
            "speaker_as_written": str,
            "role_as_written": str,
            "cue": str,
            "kind": str,
            "text": str,
            "norm": str,
            "char_start": int,
            "char_end": int,
            "via": str,
            "confidence": float,
            "attribution": str,
            "cluster_id": int,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")],
    )
    for cols in (["article_id"], ["speaker_id"], ["cluster_id"]):
        db["statements"].create_index(cols)


def _claims_fts_v2(db: sqlite_utils.Database) -> None:
    """Full-text index over folded claims, kept in step with ``statements`` by triggers.

    The index holds ``statements.norm`` (``lang.text.fold_for_match``), so hamza forms, alif maqsura, ta marbuta
    and diacritics do not matter; ``search_statements`` is given a query folded the same way.
    """
    # One statement at a time: executescript would commit the migration's transaction half-way.
    for sql in (
        "CREATE VIRTUAL TABLE claims_fts USING fts5(norm, content='statements', content_rowid='id')",
        "INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')",
        """CREATE TRIGGER claims_fts_insert AFTER INSERT ON statements BEGIN
               INSERT INTO claims_fts (rowid, norm) VALUES (new.id, new.norm);
           END""",
        """CREATE TRIGGER claims_fts_delete AFTER DELETE ON statements BEGIN
               INSERT INTO claims_fts (claims_fts, rowid, norm) VALUES ('delete', old.id, old.norm);
           END""",
        """CREATE TRIGGER claims_fts_update AFTER UPDATE OF norm ON statements BEGIN
               INSERT INTO claims_fts (claims_fts, rowid, norm) VALUES ('delete', old.id, old.norm);
               INSERT INTO claims_fts (rowid, norm) VALUES (new.id, new.norm);
           END""",
    ):
        db.execute(sql)


def _settings_v3(db: sqlite_utils.Database) -> None:
    """Settings a database was matched with, so a later ingest matches new claims the same way."""
    db["settings"].create({"key": str, "value": str}, pk="key")


def _said_on_v4(db: sqlite_utils.Database) -> None:
    """The day a statement was made, when the article dates it ("اليوم الثلاثاء") and its own date is known."""
    db["statements"].add_column("said_on", str)


def _author_v5(db: sqlite_utils.Database) -> None:
    """Who wrote an article, when its page or metadata says (a byline is not a speaker)."""
    db["articles"].add_column("author", str)


_COUNT_CLUSTERS = """
    INSERT INTO clusters (id, size, representative, first_seen, outlets, speakers)
    SELECT s.cluster_id, COUNT(*), MIN(s.id), MIN(a.published), COUNT(DISTINCT COALESCE(a.outlet, a.id)),
           COUNT(DISTINCT s.speaker_id)
    FROM statements s JOIN articles a ON a.id = s.article_id"""


def _chunks(values: list, size: int = 500) -> Iterator[list]:
    for k in range(0, len(values), size):
        yield values[k : k + size]


def _insert_sql(table: str, row: dict) -> str:
    """INSERT of one row's columns, by name (``:column``), to run with that row or many like it."""
    columns = ", ".join(f'"{c}"' for c in row)
    values = ", ".join(f":{c}" for c in row)
    return f"INSERT INTO {table} ({columns}) VALUES ({values})"


def check_location(path: str | os.PathLike) -> None:
    """Raise, in one line, when a database could not be made at ``path``: its folder is missing or not a folder."""
    folder = Path(path).parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise ClaimtrackError(f"the folder {folder} {what}", path=str(path))


def _relations_v12(db: sqlite_utils.Database) -> None:
    """Sentence vectors (float32 bytes, when the encoder is installed) and typed relations between statements.

    A relation row is a pair matching compared and found to be one claim family: its relation, score, the rule
    that related them, whether it joined their clusters and what changed. A trigger drops a statement's rows
    with it, whichever way it goes.
    """
    db["statements"].add_column("vector", bytes)
    db["relations"].create(
        {"a": int, "b": int, "relation": str, "score": float, "rule": str, "joined": int, "changes": str},
        pk=("a", "b"),
    )
    db["relations"].create_index(["b"])
    db["relations"].create_index(["relation"])
    db.execute("""CREATE TRIGGER relations_statement_delete AFTER DELETE ON statements BEGIN
               DELETE FROM relations WHERE a = old.id OR b = old.id;
           END""")


def remove_if_empty(path: str | os.PathLike) -> None:
    """Delete the database at ``path`` if it holds no article: what a run that found nothing to store leaves."""
    if not Path(path).exists():
        return
    with Store.open(path, create=False) as store:
        if store.counts()["articles"]:
            return
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def claim_clusters_sql(scope: Scope, clusters: list[int] | None = None) -> tuple[str, list]:
    """SQL for one row per claim cluster (the ``claim_clusters`` view, and ``Store.claims`` within a scope) and
    its parameters: the statements in ``scope`` counted, and where the cluster was first seen among them;
    with ``clusters``, those clusters only."""
    where, params = scope.where()
    if clusters is not None:
        where.append(f"s.cluster_id IN ({', '.join(str(int(c)) for c in clusters)})")
    first_where, first_params = scope.where("a2")

    def first(column: str) -> str:
        return f"""(SELECT {column} FROM statements s2 JOIN articles a2 ON a2.id = s2.article_id
                WHERE {" AND ".join(["s2.cluster_id = s.cluster_id", *first_where])}
                ORDER BY a2.published IS NULL, a2.published, s2.id LIMIT 1)"""

    sql = f"""
        SELECT s.cluster_id AS cluster, COUNT(*) AS size, r.text AS claim,
               json_group_array(DISTINCT COALESCE(a.outlet, a.id)) AS outlets,
               json_group_array(DISTINCT sp.canonical) AS speakers,
               COUNT(DISTINCT s.norm) AS versions,
               MIN(a.published) AS first_seen, MAX(a.published) AS last_seen,
               {first("COALESCE(a2.outlet, a2.id)")} AS first_outlet,
               {first("a2.title")} AS first_title,
               {first("a2.url")} AS first_url
        FROM statements s JOIN articles a ON a.id = s.article_id JOIN speakers sp ON sp.id = s.speaker_id
             JOIN clusters c ON c.id = s.cluster_id JOIN statements r ON r.id = c.representative
        {"WHERE " + " AND ".join(where) if where else ""}
        GROUP BY s.cluster_id"""
    return sql, first_params * 3 + params


# Views for reading the database without knowing its joins (Datasette, the sqlite3 shell, `Store.claims`).
# They are recreated whenever their SQL here changes, so they are no migration; being views, every ingest
# and rematch keeps them current. An outlet missing from an article's metadata is stood in for by its id.
VIEWS = {
    "statement_list": """
        SELECT s.id, sp.canonical AS speaker, sp.kind AS speaker_kind, COALESCE(a.outlet, a.id) AS outlet,
               COALESCE(s.said_on, a.published) AS day, s.kind, s.cue, s.text AS claim, s.cluster_id AS cluster,
               s.article_id AS article, s.speaker_as_written, s.role_as_written, s.via, s.confidence,
               s.char_start, s.char_end, a.url, s.restates
        FROM statements s JOIN speakers sp ON sp.id = s.speaker_id JOIN articles a ON a.id = s.article_id""",
    "who_said_what": """
        WITH said AS (
            SELECT s.speaker_id, s.cluster_id, MIN(s.id) AS first_id, COUNT(*) AS statements,
                   json_group_array(DISTINCT COALESCE(a.outlet, a.id)) AS outlets,
                   MIN(COALESCE(s.said_on, a.published)) AS first_seen
            FROM statements s JOIN articles a ON a.id = s.article_id
            GROUP BY s.speaker_id, COALESCE(s.cluster_id, -s.id))
        SELECT sp.canonical AS speaker, f.text AS claim, said.outlets, said.first_seen, said.statements,
               said.cluster_id AS cluster, said.first_id AS statement
        FROM said JOIN speakers sp ON sp.id = said.speaker_id JOIN statements f ON f.id = said.first_id""",
    "claim_clusters": claim_clusters_sql(EVERYTHING)[0],
    # As `match.attribution_conflicts`: one claim put in more than one speaker's mouth.
    "attribution_conflicts": "SELECT * FROM claim_clusters WHERE json_array_length(speakers) > 1",
}


_CREATE_VIEWS = {name: f"CREATE VIEW {name} AS {sql.strip()}" for name, sql in VIEWS.items()}


def _stored_views(db: sqlite_utils.Database) -> dict[str, str]:
    return dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall())


def _drop_views(db: sqlite_utils.Database) -> None:
    """Drop claimtrack's views, latest first (attribution_conflicts reads claim_clusters); the caller holds the
    transaction. A migration runs without them, so it may change any column they read."""
    stored = _stored_views(db)
    for name in reversed(list(_CREATE_VIEWS)):
        if name in stored:
            db.execute(f"DROP VIEW {name}")


def _refresh_views(db: sqlite_utils.Database) -> None:
    """Recreate every view; the caller holds the transaction."""
    _drop_views(db)
    for sql in _CREATE_VIEWS.values():
        db.execute(sql)


def _claim_parts_v6(db: sqlite_utils.Database) -> None:
    """Parts of one quotation or one cue's several claims (``part`` 1..n, ``cue_start`` shared), and whether a
    statement denies its claim or hedges it, for matching to compare."""
    db["statements"].add_column("cue_start", int)
    db["statements"].add_column("part", int)
    db["statements"].add_column("polarity", str)
    db["statements"].add_column("hedged", int)


def _files_v7(db: sqlite_utils.Database) -> None:
    """Each input file's raw hash once all its articles are stored, so an unchanged file is skipped unparsed."""
    db["files"].create({"path": str, "hash": str, "articles": int}, pk="path")


def _claim_index_v10(db: sqlite_utils.Database) -> None:
    """Matching's blocking index, kept in the database so new claims are matched without reading every stored
    one: each claim's shingles (as 64-bit hashes) and its stems in order, forwards and backwards (sorted
    neighbourhood). Filled by the next matching (``index.valid`` is not set yet)."""
    db.execute(
        "CREATE TABLE claim_shingles (shingle INTEGER, statement_id INTEGER, "
        "PRIMARY KEY (shingle, statement_id)) WITHOUT ROWID"
    )
    db.execute("CREATE TABLE claim_keys (statement_id INTEGER PRIMARY KEY, forward TEXT, backward TEXT)")
    db.execute("CREATE INDEX claim_keys_forward ON claim_keys (forward, statement_id)")
    db.execute("CREATE INDEX claim_keys_backward ON claim_keys (backward, statement_id)")


def _corrections_v8(db: sqlite_utils.Database) -> None:
    """A user's speaker corrections, re-applied after every resolution; the cue's gender, which resolution reads."""
    db["corrections"].create({"id": int, "action": str, "args": str, "created_at": str}, pk="id")
    db["statements"].add_column("gender", str)


def _search_stems_v9(db: sqlite_utils.Database) -> None:
    """Claims indexed by search keys too (``statements.stems``, ``search.index_text``), so a word finds its
    clitic forms; ``norm`` stays for exact phrases. The index is rebuilt with both columns."""
    db["statements"].add_column("stems", str)
    db.conn.executemany(
        "UPDATE statements SET stems = ? WHERE id = ?",
        [(index_text(text), sid) for sid, text in db.execute("SELECT id, text FROM statements").fetchall()],
    )
    for sql in (
        "DROP TRIGGER claims_fts_insert",
        "DROP TRIGGER claims_fts_delete",
        "DROP TRIGGER claims_fts_update",
        "DROP TABLE claims_fts",
        "CREATE VIRTUAL TABLE claims_fts USING fts5(norm, stems, content='statements', content_rowid='id')",
        "INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')",
        """CREATE TRIGGER claims_fts_insert AFTER INSERT ON statements BEGIN
               INSERT INTO claims_fts (rowid, norm, stems) VALUES (new.id, new.norm, new.stems);
           END""",
        """CREATE TRIGGER claims_fts_delete AFTER DELETE ON statements BEGIN
               INSERT INTO claims_fts (claims_fts, rowid, norm, stems) VALUES ('delete', old.id, old.norm, old.stems);
           END""",
        """CREATE TRIGGER claims_fts_update AFTER UPDATE OF norm, stems ON statements BEGIN
               INSERT INTO claims_fts (claims_fts, rowid, norm, stems) VALUES ('delete', old.id, old.norm, old.stems);
               INSERT INTO claims_fts (rowid, norm, stems) VALUES (new.id, new.norm, new.stems);
           END""",
    ):
        db.execute(sql)


def _cluster_stats_v11(db: sqlite_utils.Database) -> None:
    """What a page of ``claims`` or ``conflicts`` is sorted and filtered by, kept with each cluster, so a query
    reads the page's clusters only: the first day it was seen, how many outlets and speakers carry it."""
    for column, kind in (("first_seen", str), ("outlets", int), ("speakers", int)):
        db["clusters"].add_column(column, kind)
    db.execute("CREATE INDEX clusters_by_size ON clusters (size DESC, first_seen IS NULL, first_seen, id)")
    db.execute("DELETE FROM clusters")
    db.execute(f"{_COUNT_CLUSTERS} WHERE s.cluster_id IS NOT NULL GROUP BY s.cluster_id")


def _resolutions_v13(db: sqlite_utils.Database) -> None:
    """What the last speaker resolution made of each article, so an ingest resolves only the articles new
    speakers could change (``speakers.rebuild``): the content hash it read, the changes it made to the speaker
    registry (replayed for an article not resolved again), each statement's speaker and role before the user's
    corrections; and, hashed, the words and name keys each article holds, to find the articles a speaker's new
    alias or key could reach. Filled by the next resolution."""
    db.execute(
        "CREATE TABLE resolutions (n INTEGER PRIMARY KEY, article_id TEXT UNIQUE, hash TEXT, changes TEXT, "
        "speakers TEXT)"
    )
    # Contentless, no positions: only which articles hold a term. A replaced article's old terms stay behind
    # under its old number, which no resolution row names any more: a look-up skips them.
    db.execute("CREATE VIRTUAL TABLE resolution_terms USING fts5(terms, content='', detail=none)")


def _relation_page_v14(db: sqlite_utils.Database) -> None:
    """`conflicts` pages relations by type, then score: an index in that order lets a page be read from its
    start instead of sorting every relation of the database for each page."""
    db.execute("CREATE INDEX idx_relations_page ON relations(relation, score DESC, a, b)")


def _restatements_v15(db: sqlite_utils.Database) -> None:
    """Which statement of its article a statement restates (a headline restating the body: ``match.MatchResult``):
    a restatement is a cluster of its own that no cluster count includes, tied to its article's version by this
    link. Filled by the next matching; until then every statement is its own article's version."""
    db["statements"].add_column("restates", int)
    db.execute("CREATE INDEX statements_restates ON statements (restates) WHERE restates IS NOT NULL")


# Each entry upgrades a database from the version before it; never edit one that has shipped.
MIGRATIONS = {
    1: _create_v1,
    2: _claims_fts_v2,
    3: _settings_v3,
    4: _said_on_v4,
    5: _author_v5,
    6: _claim_parts_v6,
    7: _files_v7,
    8: _corrections_v8,
    9: _search_stems_v9,
    10: _claim_index_v10,
    11: _cluster_stats_v11,
    12: _relations_v12,
    13: _resolutions_v13,
    14: _relation_page_v14,
    15: _restatements_v15,
}
SCHEMA_VERSION = max(MIGRATIONS)
# Tables every claimtrack database has had since schema 1: a file with a user_version but not these is not ours.
OWN_TABLES = frozenset({"articles", "stories", "speakers", "aliases", "roles", "clusters", "statements"})


class SpeakerRecords:
    """Speakers and the user's corrections as stored (a part of ``Store``: it reads ``self.db``)."""

    # ----- speakers: resolution over the whole database, and the user's corrections -----

    def resolution_input(self, articles: list[str]) -> Iterator[tuple[dict, list[dict]]]:
        """Each of these articles (id, text, language) that has statements, with its statements in text order, as
        speaker resolution reads them."""
        sql = (
            "SELECT id, article_id, speaker_as_written, cue, kind, text, char_start, char_end, sentence, story, "
            "gender, attribution, cue_start FROM statements WHERE article_id = ? ORDER BY char_start, id"
        )
        rows = (row for article in articles for row in self.db.query(sql, [article]))
        current: dict | None = None
        statements: list[dict] = []
        for row in rows:
            if current is None or row["article_id"] != current["id"]:
                if current is not None:
                    yield current, statements
                current = self.db.execute(
                    "SELECT id, text, language FROM articles WHERE id = ?", [row["article_id"]]
                ).fetchone()
                current, statements = {"id": current[0], "text": current[1], "language": current[2]}, []
            statements.append(row)
        if current is not None:
            yield current, statements

    def add_correction(self, action: str, args: dict) -> int:
        row = {
            "action": action,
            "args": json.dumps(args, ensure_ascii=False, sort_keys=True),
            "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        return self.db["corrections"].insert(row).last_pk

    def corrections(self) -> list[dict]:
        """The user's corrections in the order they were made: id, action, args (a dict), created_at."""
        rows = list(self.db.query("SELECT id, action, args, created_at FROM corrections ORDER BY id"))
        for row in rows:
            row["args"] = json.loads(row["args"])
        return rows

    def delete_correction(self, correction_id: int) -> bool:
        return self.db.execute("DELETE FROM corrections WHERE id = ?", [correction_id]).rowcount > 0

    def stored_speakers(self) -> list[Speaker]:
        out = {}
        for row in self.db.query("SELECT id, canonical, kind, gender FROM speakers"):
            out[row["id"]] = Speaker(row["canonical"], row["kind"], [], [], row["gender"])
        for row in self.db.query("SELECT speaker_id, alias FROM aliases"):
            out[row["speaker_id"]].aliases.append(row["alias"])
        for row in self.db.query("SELECT speaker_id, role FROM roles"):
            out[row["speaker_id"]].roles.append(row["role"])
        return list(out.values())

    def prune_speakers(self) -> None:
        """Forget speakers no statement names any more (an article that changed may have dropped them)."""
        unused = "SELECT id FROM speakers WHERE id NOT IN (SELECT DISTINCT speaker_id FROM statements)"
        self.db.execute(f"DELETE FROM aliases WHERE speaker_id IN ({unused})")
        self.db.execute(f"DELETE FROM roles WHERE speaker_id IN ({unused})")
        self.db.execute(f"DELETE FROM speakers WHERE id IN ({unused})")


class ResolutionRecords:
    """Each article's stored speaker resolution and the terms that find articles (a part of ``Store``)."""

    def resolutions(self) -> dict[str, tuple[int, str, list, list]]:
        """Article id -> (number, content hash, registry changes, statements' speakers), as last resolved."""
        rows = self.db.execute("SELECT article_id, n, hash, changes, speakers FROM resolutions")
        return {a: (n, h, json.loads(c), json.loads(sp)) for a, n, h, c, sp in rows}

    def article_states(self) -> list[tuple[str, str]]:
        """(id, content hash) of every article, in the order resolution reads them."""
        return [tuple(row) for row in self.db.execute("SELECT id, hash FROM articles ORDER BY id")]

    def stored_assignment(self) -> Iterator[tuple[str, int, str | None, str | None, int, int]]:
        """(article, statement id, speaker's canonical name, role, start, end) of every statement, in resolution
        order."""
        yield from self.db.execute(
            "SELECT s.article_id, s.id, sp.canonical, s.role_as_written, s.char_start, s.char_end FROM statements s "
            "LEFT JOIN speakers sp ON sp.id = s.speaker_id ORDER BY s.article_id, s.char_start, s.id"
        )

    def save_resolutions(self, rows: list[tuple[str, str, list, list, list[str] | None]]) -> None:
        """Store (article, hash, changes, speakers, terms) rows; with terms, the article is numbered afresh and
        its terms indexed. The caller holds the transaction."""
        conn = self.db.conn
        for article, digest, changes, speakers, terms in rows:
            values = [json.dumps(changes, ensure_ascii=False), json.dumps(speakers, ensure_ascii=False)]
            if terms is None:
                conn.execute(
                    "UPDATE resolutions SET changes = ?, speakers = ? WHERE article_id = ?", [*values, article]
                )
                continue
            conn.execute("DELETE FROM resolutions WHERE article_id = ?", [article])
            n = conn.execute(
                "INSERT INTO resolutions (article_id, hash, changes, speakers) VALUES (?, ?, ?, ?) RETURNING n",
                [article, digest, *values],
            ).fetchone()[0]
            conn.execute("INSERT INTO resolution_terms (rowid, terms) VALUES (?, ?)", [n, " ".join(terms)])

    def drop_resolutions(self, articles: Iterable[str]) -> None:
        """Forget the stored resolution of these articles (their terms stay, under numbers no row names)."""
        for part in _chunks(list(articles)):
            self.db.execute(f"DELETE FROM resolutions WHERE article_id IN ({', '.join('?' * len(part))})", part)

    def numbers_with_terms(self, terms: list[str]) -> set[int]:
        """The numbers of the articles that hold every one of ``terms`` (hashed terms, see ``speakers.rebuild``)."""
        query = " AND ".join(f'"{t}"' for t in terms)
        return {
            row[0]
            for row in self.db.execute("SELECT rowid FROM resolution_terms WHERE resolution_terms MATCH ?", [query])
        }

    def speaker_kinds(self, names: Iterable[str]) -> dict[str, str]:
        return dict(self._in("SELECT canonical, kind FROM speakers WHERE canonical IN ({})", names))

    def update_speakers(self, speakers: dict[str, Speaker], changed: dict[int, tuple[str, str | None]]) -> None:
        """Make the speakers table exactly ``speakers`` (aliases and roles in their order) and set the speaker and
        role of the ``changed`` statements, writing only what differs from what is stored. One transaction."""
        stored = {sp.canonical: sp for sp in self.stored_speakers()}
        with self.transaction():
            different = [sp for c, sp in speakers.items() if _speaker_row(stored.get(c)) != _speaker_row(sp)]
            known = {c: i for c, i in self.db.execute("SELECT canonical, id FROM speakers")}
            for part in _chunks([known[sp.canonical] for sp in different if sp.canonical in known]):
                marks = ", ".join("?" * len(part))
                self.db.execute(f"DELETE FROM aliases WHERE speaker_id IN ({marks})", part)
                self.db.execute(f"DELETE FROM roles WHERE speaker_id IN ({marks})", part)
            ids = self.save_speakers(different)
            self.db.conn.executemany(
                "UPDATE speakers SET kind = ?, gender = ? WHERE id = ?",
                [(sp.kind, sp.gender, ids[sp.canonical]) for sp in different],
            )
            ids = {c: i for c, i in self.db.execute("SELECT canonical, id FROM speakers")}
            self.db.conn.executemany(
                "UPDATE statements SET speaker_id = ?, role_as_written = ? WHERE id = ?",
                [(ids[canonical], role, sid) for sid, (canonical, role) in changed.items()],
            )
            self.prune_speakers()


def _speaker_row(sp: Speaker | None) -> tuple | None:
    return None if sp is None else (sp.kind, sp.gender, list(dict.fromkeys(sp.aliases)), list(dict.fromkeys(sp.roles)))


class ClusterRecords:
    """Claim clusters, relations, vectors and the stored blocking index (a part of ``Store``)."""

    # ----- clusters -----

    def claim_norms(self, ids: Iterable[int] | None = None) -> dict[int, str]:
        """Statement id -> folded claim, of every statement or of those ``ids``."""
        if ids is None:
            return {row[0]: row[1] for row in self.db.execute("SELECT id, norm FROM statements")}
        return dict(self._in("SELECT id, norm FROM statements WHERE id IN ({})", ids))

    def claim_texts(self, ids: Iterable[int] | None = None) -> dict[int, str]:
        """Statement id -> claim as written (its numbers whole: folding splits "2,059"), of all or of those ``ids``."""
        if ids is None:
            return {row[0]: row[1] for row in self.db.execute("SELECT id, text FROM statements")}
        return dict(self._in("SELECT id, text FROM statements WHERE id IN ({})", ids))

    def claim_versions(self, ids: Iterable[int] | None = None) -> dict[int, tuple[str, ...]]:
        """Statement id -> (claim text, speaker's canonical name, kind, article id, polarity, speaker's kind,
        attribution): what matching compares; of every statement or of those ``ids``. A statement read from its
        article's headline (its title where the text first writes it, no full stop ending it, as headlines are) is
        attributed "headline" whatever its cue: "X says that ..." over the body restates the body's claim as
        "X: ..." does."""
        sql = (
            "SELECT s.id, s.text, sp.canonical, s.kind, s.article_id, s.polarity, sp.kind,"
            " CASE WHEN s.char_start >= instr(a.text, a.title) - 1"
            " AND s.char_end <= instr(a.text, a.title) - 1 + length(a.title)"
            " AND instr(a.text, a.title) > 0 AND substr(rtrim(a.title), -1) != ? THEN ? ELSE s.attribution END"
            " FROM statements s"
            " JOIN speakers sp ON sp.id = s.speaker_id"
            " JOIN articles a ON a.id = s.article_id"
        )
        marks = (TITLE_END, "headline")
        if ids is None:
            rows = self.db.execute(sql, marks)
        else:
            rows = self._in(sql + " WHERE s.id IN ({})", ids, marks)
        return {row[0]: tuple(row[1:]) for row in rows}

    def speaker_roles(self) -> list[tuple[str, str]]:
        """(speaker's canonical name, title an article gave them) for every distinct pair: whom speakers speak for."""
        sql = (
            "SELECT DISTINCT sp.canonical, s.role_as_written FROM statements s JOIN speakers sp ON sp.id = s.speaker_id"
            " WHERE s.role_as_written IS NOT NULL AND s.role_as_written != ''"
        )
        return [(row[0], row[1]) for row in self.db.execute(sql)]

    def vectors(self, ids: Iterable[int] | None = None) -> dict[int, bytes]:
        """Statement id -> stored sentence vector, of every statement that has one or of those ``ids``."""
        sql = "SELECT id, vector FROM statements WHERE vector IS NOT NULL"
        rows = self.db.execute(sql) if ids is None else self._in(sql + " AND id IN ({})", ids)
        return {row[0]: row[1] for row in rows}

    def texts_without_vectors(self) -> dict[int, str]:
        return {row[0]: row[1] for row in self.db.execute("SELECT id, text FROM statements WHERE vector IS NULL")}

    def set_vectors(self, vectors: dict[int, bytes]) -> None:
        with self.transaction():
            self.db.conn.executemany(
                "UPDATE statements SET vector = ? WHERE id = ?", [(v, k) for k, v in vectors.items()]
            )

    def set_relations(self, rows: list[dict], *, replace_all: bool = False) -> None:
        """Store relation rows (``a``, ``b``, ``relation``, ``score``, ``rule``, ``joined``, ``changes`` as a
        list); ``replace_all`` forgets every stored relation first (a full rematch)."""
        with self.transaction():
            if replace_all:
                self.db.execute("DELETE FROM relations")
            self.db["relations"].upsert_all(
                [{**row, "changes": json.dumps(row["changes"], ensure_ascii=False)} for row in rows], pk=("a", "b")
            )

    _RELATION_SQL = """
        SELECT r.relation, r.score, r.rule, r.joined, r.changes, r.a, r.b,
               sa.text AS a_text, spa.canonical AS a_speaker, COALESCE(aa.outlet, aa.id) AS a_outlet,
               COALESCE(sa.said_on, aa.published) AS a_date, sa.cluster_id AS a_cluster,
               sb.text AS b_text, spb.canonical AS b_speaker, COALESCE(ab.outlet, ab.id) AS b_outlet,
               COALESCE(sb.said_on, ab.published) AS b_date, sb.cluster_id AS b_cluster
        FROM relations r
             JOIN statements sa ON sa.id = r.a JOIN speakers spa ON spa.id = sa.speaker_id
             JOIN articles aa ON aa.id = sa.article_id
             JOIN statements sb ON sb.id = r.b JOIN speakers spb ON spb.id = sb.speaker_id
             JOIN articles ab ON ab.id = sb.article_id
    """

    def relations(
        self,
        *,
        kinds: Iterable[str] | None = None,
        joined: bool | None = None,
        scope: Scope = EVERYTHING,
        limit: int | None = None,
    ) -> list[dict]:
        """Relation rows with both versions (text, speaker, outlet, date, cluster), by relation then score; in
        ``scope`` when either version's article is."""
        where, params = [], []
        if kinds is not None:
            kinds = list(kinds)
            where.append(f"r.relation IN ({', '.join('?' * len(kinds))})")
            params.extend(kinds)
        if joined is not None:
            where.append("r.joined = ?")
            params.append(int(joined))
        if scope != EVERYTHING:
            sides = [scope.where(side) for side in ("aa", "ab")]
            where.append("(" + " OR ".join("(" + " AND ".join(clauses) + ")" for clauses, _ in sides) + ")")
            params.extend(v for _, values in sides for v in values)
        sql = self._RELATION_SQL + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY r.relation, r.score DESC, r.a, r.b"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        rows = list(self.db.query(sql, params))
        for row in rows:
            row["changes"] = json.loads(row["changes"] or "[]")
            row["joined"] = bool(row["joined"])
        return rows

    def _in(self, sql: str, values: Iterable, before: tuple = (), chunk: int = 500) -> Iterator[tuple]:
        """Rows of ``sql`` whose ``{}`` is filled with placeholders for ``values``, asked a chunk at a time; ``before``,
        the values of the placeholders ahead of it."""
        values = list(values)
        for k in range(0, len(values), chunk):
            part = values[k : k + chunk]
            yield from self.db.execute(sql.format(", ".join("?" * len(part))), [*before, *part])

    def set_clusters(
        self, assignment: dict[int, int], *, whole: bool = False, restates: dict[int, int] | None = None
    ) -> None:
        """Store statement -> cluster; a cluster's id is its first statement's id, so re-runs give the same ids.
        ``restates``: the statements of the assignment that restate another of their article (-> that one); the
        others of the assignment restate none. A restatement's cluster is its own, and no cluster counts it.

        ``whole``: the assignment is every statement's, and the clusters table is written afresh; otherwise
        only the clusters the changed statements leave or join are counted again.
        """
        restates = restates or {}
        with self.transaction():
            if whole:
                self.db.execute("DELETE FROM clusters")
                touched = None
            else:
                touched = {c for (c,) in self._in("SELECT cluster_id FROM statements WHERE id IN ({})", assignment)}
                touched = (touched | set(assignment.values())) - {None}
            self.db.conn.executemany(
                "UPDATE statements SET cluster_id = ?, restates = ? WHERE id = ?",
                [(c, restates.get(s), s) for s, c in assignment.items()],
            )
            if touched is None:
                self.db.execute(
                    f"{_COUNT_CLUSTERS} WHERE s.cluster_id IS NOT NULL AND s.restates IS NULL GROUP BY s.cluster_id"
                )
                return
            for part in _chunks(sorted(touched)):
                marks = ", ".join("?" * len(part))
                self.db.execute(f"DELETE FROM clusters WHERE id IN ({marks})", part)
                self.db.execute(
                    f"{_COUNT_CLUSTERS} WHERE s.cluster_id IN ({marks}) AND s.restates IS NULL GROUP BY s.cluster_id",
                    part,
                )

    def forget_clusters(self) -> None:
        """Mark every statement unmatched, so matching starts afresh even if this run dies before it."""
        self.db.execute("UPDATE statements SET cluster_id = NULL, restates = NULL WHERE cluster_id IS NOT NULL")
        self.db.execute("DELETE FROM clusters")
        self.db.execute("DELETE FROM settings WHERE key = 'index.valid'")

    def unmatched(self) -> int:
        """How many statements no matching has seen yet: stored by a run that stopped before matching."""
        return self.db.execute("SELECT COUNT(*) FROM statements WHERE cluster_id IS NULL").fetchone()[0]

    def unmatched_ids(self) -> list[int]:
        return [row[0] for row in self.db.execute("SELECT id FROM statements WHERE cluster_id IS NULL ORDER BY id")]

    def matched_ids(self) -> list[int]:
        return [row[0] for row in self.db.execute("SELECT id FROM statements WHERE cluster_id IS NOT NULL ORDER BY id")]

    def matched_count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM statements WHERE cluster_id IS NOT NULL").fetchone()[0]

    def clusters_of(self, ids: Iterable[int]) -> dict[int, int | None]:
        """Statement id -> its cluster id (None when not matched yet), for those ``ids``."""
        return dict(self._in("SELECT id, cluster_id FROM statements WHERE id IN ({})", ids))

    def restating(self, ids: Iterable[int]) -> set[int]:
        """Those of ``ids`` that restate another statement of their article (``set_clusters``)."""
        return {row[0] for row in self._in("SELECT id FROM statements WHERE restates IS NOT NULL AND id IN ({})", ids)}

    def restatements(self, clusters: Iterable[int] | None = None) -> list[dict]:
        """Each restatement (``id``) with the statement it restates (``restates``) and that one's ``cluster``; of
        every cluster or of those ``clusters``."""
        sql = (
            "SELECT r.id, r.restates, s.cluster_id AS cluster FROM statements r JOIN statements s ON s.id = r.restates"
        )
        if clusters is None:
            return list(self.db.query(sql + " ORDER BY r.id"))
        rows = self._in(sql + " WHERE s.cluster_id IN ({}) ORDER BY r.id", clusters)
        return [{"id": row[0], "restates": row[1], "cluster": row[2]} for row in rows]

    def same_sources(self, ids: Iterable[int]) -> dict[int, int | None]:
        """Statement id -> cluster id (None when not matched yet) of every statement by the speaker of one of ``ids``
        in that statement's article: a speaker's other claims there, which ``counterparts`` weighs."""
        sql = (
            "SELECT o.id, o.cluster_id FROM statements s JOIN statements o"
            " ON o.article_id = s.article_id AND o.speaker_id = s.speaker_id WHERE s.id IN ({})"
        )
        return dict(self._in(sql, ids))

    def cluster_members(self, clusters: Iterable[int]) -> dict[int, int]:
        """Statement id -> cluster id of every statement in those ``clusters``."""
        return dict(self._in("SELECT id, cluster_id FROM statements WHERE cluster_id IN ({})", clusters))

    # ----- the stored blocking index (see match_index) -----

    def claim_index_valid(self, min_words: int) -> bool:
        """Whether the stored blocking index holds every matched claim, built for claims of ``min_words``."""
        return self.settings("index").get("valid") == str(min_words)

    def clear_claim_index(self) -> None:
        self.db.execute("DELETE FROM claim_shingles")
        self.db.execute("DELETE FROM claim_keys")
        self.db.execute("DELETE FROM settings WHERE key = 'index.valid'")

    def mark_claim_index(self, min_words: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('index.valid', ?)", [str(min_words)])

    def add_to_claim_index(self, rows: Iterable[tuple[int, list[int], str, str]]) -> None:
        """Index claims: (statement id, shingle hashes, stems forwards, stems backwards) each."""
        rows = list(rows)
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO claim_shingles (shingle, statement_id) VALUES (?, ?)",
            [(h, sid) for sid, hashes, _, _ in rows for h in hashes],
        )
        self.db.conn.executemany(
            "INSERT OR REPLACE INTO claim_keys (statement_id, forward, backward) VALUES (?, ?, ?)",
            [(sid, forward, backward) for sid, _, forward, backward in rows],
        )

    def shingle_counts(self, hashes: Iterable[int]) -> dict[int, int]:
        """How many indexed claims carry each shingle (those carried by none are left out)."""
        return dict(
            self._in("SELECT shingle, COUNT(*) FROM claim_shingles WHERE shingle IN ({}) GROUP BY shingle", hashes)
        )

    def shingle_postings(self, hashes: Iterable[int]) -> dict[int, list[int]]:
        """The indexed claims carrying each shingle."""
        out: dict[int, list[int]] = {}
        for h, sid in self._in("SELECT shingle, statement_id FROM claim_shingles WHERE shingle IN ({})", hashes):
            out.setdefault(h, []).append(sid)
        return out

    def key_neighbours(self, sid: int, forward: str, backward: str, window: int) -> set[int]:
        """The ``window`` indexed claims before and after a claim in each order of its stems (ties by id)."""
        out = set()
        for column, key in (("forward", forward), ("backward", backward)):
            for op, order in (("<", "DESC"), (">", "ASC")):
                out.update(
                    row[0]
                    for row in self.db.execute(
                        f"SELECT statement_id FROM claim_keys WHERE ({column}, statement_id) {op} (?, ?) "
                        f"ORDER BY {column} {order}, statement_id {order} LIMIT ?",
                        [key, sid, window],
                    )
                )
        return out


class StatementQueries:
    """What the query commands read: statements, searches, speakers, claims (a part of ``Store``)."""

    # ----- queries -----

    _STATEMENT_SQL = """
        SELECT s.id, s.article_id AS article, a.outlet, a.title, a.url, a.published, s.story, s.sentence,
               sp.canonical AS speaker, sp.kind AS speaker_kind, s.speaker_as_written, s.role_as_written, s.cue, s.kind,
               s.text, s.char_start, s.char_end, s.via, s.confidence, s.attribution, s.said_on, s.part, s.polarity,
               s.hedged, s.cluster_id AS cluster, s.restates
        FROM statements s JOIN speakers sp ON sp.id = s.speaker_id JOIN articles a ON a.id = s.article_id
    """

    def statements(
        self,
        *,
        speakers: Iterable[str] | None = None,
        article: str | None = None,
        min_confidence: float = 0.0,
        scope: Scope = EVERYTHING,
        limit: int | None = None,
    ) -> list[dict]:
        where, params = scope.where()
        where.append("s.confidence >= ?")
        params.append(min_confidence)
        if speakers is not None:
            speakers = list(speakers)
            where.append(f"sp.canonical IN ({', '.join('?' * len(speakers))})")
            params.extend(speakers)
        if article is not None:
            where.append("s.article_id = ?")
            params.append(article)
        sql = self._STATEMENT_SQL + " WHERE " + " AND ".join(where) + " ORDER BY s.article_id, s.char_start"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return list(self.db.query(sql, params))

    def search_statements(self, fts_query: str, *, scope: Scope = EVERYTHING, limit: int | None = None) -> list[dict]:
        """Statements whose folded claim matches an FTS5 query, best first (bm25, lower is better)."""
        where, params = scope.where()
        sql = (
            self._STATEMENT_SQL.replace("SELECT ", "SELECT bm25(claims_fts) AS score, ", 1)
            + " JOIN claims_fts ON claims_fts.rowid = s.id WHERE "
            + " AND ".join(["claims_fts MATCH ?", *where])
            + " ORDER BY score, s.id"
        )
        params.insert(0, fts_query)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        try:
            return list(self.db.query(sql, params))
        except sqlite3.OperationalError as exc:
            if not str(exc).startswith(("fts5:", "no such column", "unknown special query", "unterminated string")):
                raise
            raise ClaimtrackError(
                f'cannot search for {fts_query!r} ({exc}); use words, "a phrase", OR, NOT, NEAR(...) and prefix*'
            ) from None

    def article(self, article_id: str) -> dict | None:
        return next(self.db.query("SELECT * FROM articles WHERE id = ?", [article_id]), None)

    def article_ids(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT id FROM articles ORDER BY id")]

    def speaker_table(self, scope: Scope = EVERYTHING) -> list[dict]:
        where, params = scope.where()
        return list(
            self.db.query(
                f"""
            SELECT sp.canonical AS speaker, sp.kind, COUNT(s.id) AS statements,
                   COUNT(DISTINCT s.article_id) AS articles,
                   COUNT(DISTINCT COALESCE(a.outlet, a.id)) AS outlets
            FROM speakers sp JOIN statements s ON s.speaker_id = sp.id JOIN articles a ON a.id = s.article_id
            {"WHERE " + " AND ".join(where) if where else ""}
            GROUP BY sp.id ORDER BY statements DESC, sp.canonical
        """,
                params,
            )
        )

    def counts(self) -> dict[str, int]:
        return {t: self.db[t].count for t in ("articles", "statements", "speakers", "clusters")}

    def claim_clusters(self) -> dict[int, int | None]:
        """Statement id -> its cluster id, None for statements not matched yet (just ingested)."""
        return {row[0]: row[1] for row in self.db.execute("SELECT id, cluster_id FROM statements")}

    CLAIM_COLUMNS = (
        "cluster",
        "size",
        "claim",
        "speakers",
        "outlets",
        "first_seen",
        "last_seen",
        "first_outlet",
        "first_title",
        "first_url",
    )

    def claims(
        self,
        *,
        speaker: str | None = None,
        min_size: int = 1,
        multi_outlet: bool = False,
        cluster: int | None = None,
        scope: Scope = EVERYTHING,
        limit: int | None = None,
        conflicting: bool = False,
    ) -> list[dict]:
        """One row per claim cluster: its representative claim, size, outlets, speakers, first and last seen, and
        where it was first seen (outlet, title, address). With a ``scope``, only its statements count;
        ``conflicting``: only clusters put in more than one speaker's mouth.

        An outlet missing from an article's metadata is stood in for by the article id.
        """
        page = None
        if scope == EVERYTHING and cluster is None and limit is not None:
            page = self._cluster_page(speaker, min_size, multi_outlet, conflicting, limit)
        clusters, params = claim_clusters_sql(scope, page)
        where = ["size >= ?"]
        params.append(min_size)
        if multi_outlet:
            where.append("json_array_length(outlets) > 1")
        if conflicting:
            where.append("json_array_length(speakers) > 1")
        if speaker is not None:
            where.append("EXISTS (SELECT 1 FROM json_each(speakers) WHERE value = ?)")
            params.append(speaker)
        if cluster is not None:
            where.append("cluster = ?")
            params.append(cluster)
        columns = ", ".join(self.CLAIM_COLUMNS)
        sql = f"""
            SELECT {columns} FROM ({clusters}) WHERE {" AND ".join(where)}
            ORDER BY size DESC, first_seen IS NULL, first_seen, cluster
        """
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        rows = list(self.db.query(sql, params))
        for row in rows:
            row["outlets"], row["speakers"] = json.loads(row["outlets"]), json.loads(row["speakers"])
        return rows

    def _cluster_page(
        self, speaker: str | None, min_size: int, multi_outlet: bool, conflicting: bool, limit: int
    ) -> list[int]:
        """The clusters of one page of ``claims`` over everything, in its order, from the counts the clusters
        table keeps (``_cluster_stats_v11``): the page is then described without reading the other clusters."""
        where, params = ["size >= ?"], [min_size]
        if multi_outlet:
            where.append("outlets > 1")
        if conflicting:
            where.append("speakers > 1")
        if speaker is not None:
            where.append(
                "id IN (SELECT s.cluster_id FROM statements s JOIN speakers sp ON sp.id = s.speaker_id "
                "WHERE sp.canonical = ?)"
            )
            params.append(speaker)
        sql = f"""SELECT id FROM clusters WHERE {" AND ".join(where)}
                  ORDER BY size DESC, first_seen IS NULL, first_seen, id LIMIT ?"""
        return [row[0] for row in self.db.execute(sql, [*params, limit])]

    def speakers_present(self) -> set[str]:
        """Canonical names of the speakers at least one statement names (an index look-up per speaker)."""
        sql = "SELECT canonical FROM speakers sp WHERE EXISTS (SELECT 1 FROM statements s WHERE s.speaker_id = sp.id)"
        return {row[0] for row in self.db.execute(sql)}

    def role_rows(self, scope: Scope = EVERYTHING) -> list[dict]:
        """Each speaker's titles as outlets wrote them (``role_as_written``), once per speaker, title and outlet:
        what ``match.title_conflicts`` compares, without reading every statement's text."""
        where, params = scope.where()
        sql = f"""SELECT DISTINCT sp.canonical AS speaker, s.role_as_written, COALESCE(a.outlet, a.id) AS outlet
                  FROM statements s JOIN speakers sp ON sp.id = s.speaker_id JOIN articles a ON a.id = s.article_id
                  WHERE {" AND ".join(["s.role_as_written IS NOT NULL", "s.role_as_written != ''", *where])}"""
        return list(self.db.query(sql, params))

    def statements_by_id(self, ids: Iterable[int]) -> list[dict]:
        ids = list(ids)
        sql = self._STATEMENT_SQL + f" WHERE s.id IN ({', '.join('?' * len(ids))}) ORDER BY s.id"
        return list(self.db.query(sql, ids))

    def cluster_statements(self, cluster: int, scope: Scope = EVERYTHING) -> list[dict]:
        """A cluster's statements, earliest published first (unknown dates last), then in the order stored; then
        the statements restating one of them in its article (``restates`` says which), in the same order."""
        where, params = scope.where()
        member = "(s.cluster_id = ? OR s.restates IN (SELECT id FROM statements WHERE cluster_id = ?))"
        sql = (
            self._STATEMENT_SQL
            + " WHERE "
            + " AND ".join([member, *where])
            + " ORDER BY s.restates IS NOT NULL, a.published IS NULL, a.published, s.id"
        )
        return list(self.db.query(sql, [cluster, cluster, *params]))


class Store(SpeakerRecords, ResolutionRecords, ClusterRecords, StatementQueries):
    """A claimtrack database. Open with ``Store.open(path)``; use as a context manager to close it."""

    def __init__(self, db: sqlite_utils.Database, path: str, *, writable: bool = True):
        self.db = db
        self.path = path
        self.writable = writable

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, create: bool = True, write: bool = True) -> "Store":
        """Open (with ``create``, make) a claimtrack database; raises ``DatabaseError`` with one clear line.

        A file that is not a claimtrack database (another program's SQLite file, a text file, an empty file)
        is refused before anything is written to it. Without ``write`` the database is opened read-only, so
        the read commands work on a read-only disk or file too.
        """
        path = str(path or default_path())
        check_location(path)
        dbfile.refuse_unusable(path, create=create, write=write)
        try:
            store = cls(sqlite_utils.Database(dbfile.connect(path, write=write)), path, writable=write)
            store.db.conn.create_function("claimtrack_fold", 1, fold_for_match, deterministic=True)
            store.db.execute("PRAGMA foreign_keys = ON")
            # Check and migrate (or refuse) before switching to WAL, which writes to the file: a newer
            # claimtrack's database, or a SQLite file that is not ours, is left as it was.
            if store._check_ours() and not write:
                store.close()
                return cls.open(path, create=False, write=True)  # an older schema: upgrade it once
            if write:
                if store.db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    store.db.enable_wal()
                # In WAL mode NORMAL never corrupts the database and loses no committed transaction on a crash
                # of claimtrack, only (on power loss) the last ones, which a re-run stores again; FULL would
                # fsync every commit.
                store.db.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as exc:
            raise dbfile.database_error(exc, path) from exc
        return store

    @classmethod
    def reader(cls, path: str) -> "Store":
        """A read-only connection to an existing database, for worker processes that only look things up."""
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        return cls(sqlite_utils.Database(conn), path)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.conn.close()

    def checkpoint(self) -> bool:
        """Move the write-ahead log into the database file, so a reader that ignores the log (Datasette's
        immutable mode) sees every committed write; False when a reader kept part of the log in use."""
        busy, _, _ = self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return not busy

    @property
    def version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _check_ours(self) -> bool:
        """Refuse a database that is not claimtrack's or is newer; migrate an older one when writing.

        Returns whether the database still needs migrating (it was opened read-only).
        """
        version = self.version
        if version > SCHEMA_VERSION:
            raise DatabaseError(
                f"database schema {version} is newer than this claimtrack understands ({SCHEMA_VERSION}); "
                "upgrade claimtrack to use it",
                path=self.path,
            )
        tables = set(self.db.table_names())
        if (version == 0 and tables) or (version > 0 and not OWN_TABLES <= tables):
            raise DatabaseError(
                "not a claimtrack database (another program's SQLite file); choose another --db", path=self.path
            )
        if version < SCHEMA_VERSION:
            if not self.writable:
                return True
            self._migrate()
        if self.writable and _stored_views(self.db) != _CREATE_VIEWS:
            with self.transaction():
                _refresh_views(self.db)
        return False

    def _migrate(self) -> None:
        with self.transaction():
            # Another process may have migrated while we waited for the write lock.
            current = self.version
            _drop_views(self.db)
            for target in range(current + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[target](self.db)
                self.db.execute(f"PRAGMA user_version = {target}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction, taken with BEGIN IMMEDIATE so two writers queue instead of deadlocking.

        Inside another transaction it joins that one, so a caller can make several steps one.
        """
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                # SQLite may have rolled back itself (a full disk does): a second ROLLBACK would fail and
                # hide the real cause.
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise dbfile.database_error(exc, self.path) from exc

    # ----- articles -----

    def article_hash(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT hash FROM articles WHERE id = ?", [article_id]).fetchone()
        return row[0] if row else None

    def delete_article(self, article_id: str) -> None:
        """Forget an article and its statements; the caller holds the transaction."""
        self.db.execute("DELETE FROM statements WHERE article_id = ?", [article_id])
        self.db.execute("DELETE FROM stories WHERE article_id = ?", [article_id])
        self.db.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def file_hash(self, path: str) -> tuple[str, int] | None:
        """The raw hash recorded for an input file, and how many articles it held; None if never stored whole."""
        row = self.db.execute("SELECT hash, articles FROM files WHERE path = ?", [path]).fetchone()
        return (row[0], row[1]) if row else None

    def save_file(self, path: str, raw_hash: str, articles: int) -> None:
        """Record a file whose articles are all stored; the caller holds the transaction."""
        self.db.execute(
            "INSERT INTO files (path, hash, articles) VALUES (?, ?, ?) "
            "ON CONFLICT (path) DO UPDATE SET hash = excluded.hash, articles = excluded.articles",
            [path, raw_hash, articles],
        )

    def save_article(
        self, article: Article, content_hash: str, statements: list[Statement], speakers: dict[str, Speaker]
    ) -> None:
        """Replace an article and its statements; the caller holds the transaction.

        Plain prepared statements, many rows each (executemany): sqlite-utils would read the table's layout
        again for every call.
        """
        conn = self.db.conn
        conn.execute("DELETE FROM statements WHERE article_id = ?", [article.id])
        conn.execute("DELETE FROM stories WHERE article_id = ?", [article.id])
        row = {
            "id": article.id,
            "path": article.path,
            "outlet": article.outlet,
            "outlet_source": article.outlet_source,
            "published": article.published,
            "published_source": article.published_source,
            "title": article.title,
            "url": article.url,
            "author": article.author,
            "language": article.language,
            "encoding": article.encoding,
            "hash": content_hash,
            "text": article.text,
            "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        updates = ", ".join(f"{c} = excluded.{c}" for c in row if c != "id")
        conn.execute(f"{_insert_sql('articles', row)} ON CONFLICT (id) DO UPDATE SET {updates}", row)
        stories = [
            {"article_id": article.id, "number": s.number, "start": s.start, "end": s.end, "title": s.title}
            for s in article.stories
        ]
        if stories:
            conn.executemany(_insert_sql("stories", stories[0]), stories)
        ids = self.save_speakers(speakers.values())
        rows = [
            {
                "article_id": article.id,
                "story": st.story,
                "sentence": st.sentence,
                "speaker_id": ids[st.speaker],
                "speaker_as_written": st.speaker_as_written,
                "role_as_written": st.role_as_written,
                "cue": st.cue,
                "kind": st.kind,
                "text": st.text,
                "norm": fold_for_match(st.text),
                "stems": index_text(st.text),
                "char_start": st.char_start,
                "char_end": st.char_end,
                "via": st.via,
                "confidence": st.confidence,
                "attribution": st.attribution,
                "said_on": st.said_on,
                "cue_start": st.cue_start,
                "part": st.part,
                "polarity": st.polarity,
                "hedged": int(st.hedged),
                "gender": st.gender,
                "cluster_id": None,
            }
            for st in statements
        ]
        if rows:
            conn.executemany(_insert_sql("statements", rows[0]), rows)

    def save_speakers(self, speakers: Iterable[Speaker]) -> dict[str, int]:
        """Store speakers (new aliases and roles added to known ones); canonical name -> id."""
        conn = self.db.conn
        ids: dict[str, int] = {}
        aliases, roles = [], []
        for speaker in speakers:
            row = conn.execute("SELECT id FROM speakers WHERE canonical = ?", [speaker.canonical]).fetchone()
            if row is None:
                row = conn.execute(
                    "INSERT INTO speakers (canonical, kind, gender) VALUES (?, ?, ?) RETURNING id",
                    [speaker.canonical, speaker.kind, speaker.gender],
                ).fetchone()
            speaker_id = ids[speaker.canonical] = row[0]
            aliases.extend((speaker_id, a, fold_for_match(a)) for a in speaker.aliases)
            roles.extend((speaker_id, r) for r in speaker.roles)
        conn.executemany("INSERT OR IGNORE INTO aliases (speaker_id, alias, norm) VALUES (?, ?, ?)", aliases)
        conn.executemany("INSERT OR IGNORE INTO roles (speaker_id, role) VALUES (?, ?)", roles)
        return ids

    # ----- settings -----

    def settings(self, prefix: str) -> dict[str, str]:
        """Stored settings whose key starts with ``prefix.``, without the prefix."""
        rows = self.db.execute("SELECT key, value FROM settings WHERE key LIKE ? || '.%'", [prefix]).fetchall()
        return {key[len(prefix) + 1 :]: value for key, value in rows}

    def save_settings(self, prefix: str, values: dict[str, object]) -> None:
        """Replace the settings under ``prefix``; the caller holds the transaction."""
        self.db.execute("DELETE FROM settings WHERE key LIKE ? || '.%'", [prefix])
        self.db["settings"].insert_all([{"key": f"{prefix}.{k}", "value": str(v)} for k, v in values.items()], pk="key")
