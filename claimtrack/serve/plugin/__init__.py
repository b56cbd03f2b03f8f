"""claimtrack's Datasette plugin: Arabic-aware search, readable cells, links into articles, an article page.

Datasette finds it through the ``datasette`` entry point whenever claimtrack is installed beside it, so it does
nothing to a database unless claimtrack's metadata names it (``plugins.claimtrack.database``).
"""

from __future__ import annotations

import json
import sqlite3
from functools import lru_cache
from urllib.parse import parse_qsl, quote, urlencode

import datasette.handle_exception
import sqlite_utils
from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

from ...lang.text import fold_for_match
from ...errors import ClaimtrackError
from ...queries import find_speaker, fts_query
from ...store import Store

PLUGIN = "claimtrack"

# Datasette 0.65 prints every error through Rich (a claimtrack dependency) outside the `except` block Rich
# needs, which turned each 404 or 405 into a 500 of its own; without Rich it prints a plain traceback for 500s.
datasette.handle_exception.rich = None
# Columns holding a claim cluster, an article id, an article's source address, a statement's position.
CLUSTER_COLUMNS = ("cluster", "cluster_id")
ARTICLE_COLUMNS = ("article",)
URL_COLUMNS = ("url", "first_url")
POSITION_COLUMNS = ("char_start",)
JSON_LIST_COLUMNS = ("outlets", "speakers", "titles")


def _config(datasette) -> dict:
    return datasette.plugin_config(PLUGIN) or {}


def _ours(datasette, database: str | None) -> bool:
    return database is not None and _config(datasette).get("database") == database


# ----- SQL functions -----


MATCH_NOTHING = '""'


def folded_search(query: str | None) -> str:
    """``queries.fts_query`` for SQL: an empty phrase (no rows) instead of an error when there is nothing to
    search for, as when a search form is first opened."""
    try:
        return fts_query(query or "")
    except ClaimtrackError:
        return MATCH_NOTHING


@lru_cache(maxsize=256)
def _speakers_named(path: str, immutable: bool, name: str) -> str:
    """The stored speakers a name means, as a JSON array: the one `who-said` would pick, else every speaker
    one of whose spellings contains the name (so an ambiguous or partial name still finds candidates)."""
    # Its own read-only connection: a query cannot be run on the connection whose query called this function.
    conn = sqlite3.connect(f"file:{quote(path)}?{'immutable=1' if immutable else 'mode=ro'}", uri=True)
    try:
        store = Store(sqlite_utils.Database(conn), path)
        try:
            return json.dumps([find_speaker(store, name).speaker], ensure_ascii=False)
        except ClaimtrackError:
            folded = fold_for_match(name)
            names = {
                sp.canonical
                for sp in store.stored_speakers()
                if folded and any(folded in fold_for_match(a) for a in [sp.canonical, *sp.aliases])
            }
            return json.dumps(sorted(names), ensure_ascii=False)
    finally:
        conn.close()


@hookimpl
def prepare_connection(conn, database, datasette):
    conn.create_function("claimtrack_fold", 1, lambda text: fold_for_match(text or ""), deterministic=True)
    conn.create_function("claimtrack_fts", 1, folded_search, deterministic=True)
    db = datasette.databases.get(database)
    path = getattr(db, "path", None)
    if path:
        immutable = not db.is_mutable
        conn.create_function(
            "claimtrack_speaker", 1, lambda name: _speakers_named(path, immutable, (name or "").strip())
        )


# ----- requests: folded search, internal columns left out -----


def rewrite_query(path: str, query: list[tuple[str, str]], database: str, hidden: dict) -> list[tuple[str, str]]:
    """A table page's query string as claimtrack means it: ``_search`` folded as `claimtrack search` folds it
    (with raw FTS syntax kept), and the table's internal columns left out unless ``_col``/``_nocol`` is given."""
    parts = path.strip("/").split("/")
    if len(parts) != 2 or parts[0] != database:
        return query
    table = parts[1].rsplit(".", 1)[0] if parts[1].endswith((".json", ".csv")) else parts[1]
    out = []
    for key, value in query:
        if key == "_search" or key.startswith("_search_"):
            value = folded_search(value) if value.strip() else value
        out.append((key, value))
    if not any(key in ("_col", "_nocol") for key, _ in query):
        out += [("_nocol", column) for column in hidden.get(table, ())]
    return out


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def rewritten(scope, receive, send):
            config = _config(datasette)
            if scope.get("type") == "http" and config.get("database"):
                query = parse_qsl(scope.get("query_string", b"").decode("utf-8"), keep_blank_values=True)
                new = rewrite_query(scope["path"], query, config["database"], config.get("hidden_columns", {}))
                if new != query:
                    scope = dict(scope, query_string=urlencode(new).encode("utf-8"))
            await app(scope, receive, send)

        return rewritten

    return wrap


# ----- cells -----


def _link(href: str, text, **attrs) -> Markup:
    extra = "".join(f' {k}="{escape(v)}"' for k, v in attrs.items())
    return Markup(f'<a href="{escape(href)}" dir="auto"{extra}>{escape(str(text))}</a>')


def article_url(datasette, database: str, article: str, statement: int | None = None) -> str:
    url = datasette.urls.path(f"/-/claimtrack/{quote(database)}/article/{quote(article)}")
    return url + (f"#s{statement}" if statement is not None else "")


def _row(row, key: str):
    try:
        return row[key]
    except (IndexError, KeyError):
        return None


def _cell_link(row, value, column, database, datasette) -> Markup | None:
    if column in CLUSTER_COLUMNS and isinstance(value, int):
        return _link(datasette.urls.path(f"/{quote(database)}/claim_versions?cluster={value}"), value)
    if column in ARTICLE_COLUMNS and isinstance(value, str):
        return _link(article_url(datasette, database, value), value)
    if column in URL_COLUMNS and isinstance(value, str) and value.startswith(("http://", "https://")):
        return _link(value, value, rel="noopener noreferrer nofollow", target="_blank")
    article = _row(row, "article") or _row(row, "article_id")
    if column in POSITION_COLUMNS and isinstance(value, int) and isinstance(article, str):
        return _link(article_url(datasette, database, article, _row(row, "id")), value, title="Show it in the article")
    if column == "statement" and isinstance(value, int):
        return _link(datasette.urls.path(f"/{quote(database)}/statement_list?id={value}"), value)
    return None


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if not _ours(datasette, database):
        return None
    link = _cell_link(row, value, column, database, datasette)
    if link is not None:
        return link
    if column.endswith("_id"):
        return None  # a foreign key: Datasette shows its label (the speaker's name, the article)
    if column in JSON_LIST_COLUMNS and isinstance(value, str) and value.startswith("["):
        try:
            items = json.loads(value)
        except ValueError:
            return None
        return Markup('<span dir="auto">' + " · ".join(str(escape(str(i))) for i in items) + "</span>")
    if isinstance(value, str):
        return Markup(f'<span dir="auto">{escape(value)}</span>')
    return None


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins(PLUGIN, "claimtrack.css")]


# ----- the article page -----


def marked_text(text: str, statements: list[dict]) -> list[dict]:
    """The article's text as plain and statement pieces, in order; a statement overlapping an earlier one is
    left unmarked (its link still reaches the page)."""
    pieces, at = [], 0
    for st in sorted(statements, key=lambda s: (s["char_start"], s["id"])):
        start, end = st["char_start"], st["char_end"]
        if start < at or end <= start or end > len(text):
            continue
        if start > at:
            pieces.append({"text": text[at:start]})
        pieces.append({"text": text[start:end], "statement": st})
        at = end
    if at < len(text):
        pieces.append({"text": text[at:]})
    return pieces


async def article_page(datasette, request):
    database = request.url_vars["database"]
    if not _ours(datasette, database):
        raise NotFound("not a claimtrack database")
    db = datasette.get_database(database)
    article_id = request.url_vars["article"]
    rows = (await db.execute("SELECT * FROM articles WHERE id = ?", [article_id])).rows
    if not rows:
        raise NotFound(f"no article {article_id}")
    article = dict(rows[0])
    statements = [
        dict(r)
        for r in (
            await db.execute(
                "SELECT id, speaker, cue, kind, claim, cluster, char_start, char_end FROM statement_list "
                "WHERE article = ? ORDER BY char_start",
                [article_id],
            )
        ).rows
    ]
    context = {
        "database": database,
        "article": article,
        "statements": statements,
        "pieces": marked_text(article["text"] or "", statements),
    }
    return Response.html(await datasette.render_template("claimtrack_article.html", context, request=request))


@hookimpl
def register_routes():
    return [(r"^/-/claimtrack/(?P<database>[^/]+)/article/(?P<article>.+)$", article_page)]
