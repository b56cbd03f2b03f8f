"""`claimtrack serve` and `publish`: Datasette over HTTP with claimtrack's metadata, search, views and plugin."""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import signal
import time
import urllib.parse
from pathlib import Path

import pytest

from claimtrack import Store, serve as web
from claimtrack.cli import app
from claimtrack.serve import process
from claimtrack.serve.plugin import marked_text, rewrite_query
from served import alive, children, port_open, serve


BAGHDAD = "corpus/baghdad-today.txt"  # the article id: its path in the corpus


def _stored(served) -> int:
    with Store.open(served.path) as store:
        return store.counts()["statements"]


def q(text: str) -> str:
    return urllib.parse.quote(text)


@pytest.fixture(scope="module")
def served(seed_db, tmp_path_factory):
    path = str(tmp_path_factory.mktemp("served") / "seed.db")
    shutil.copy(seed_db, path)
    server = serve(path)
    yield server
    server.stop()


def digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# ----- over HTTP -----


def test_statements_table_shows_speaker_names_and_hides_internal_columns(served):
    data = served.json(f"/{served.name}/statements.json?_labels=on&_shape=objects&_size=max")
    rows = data["rows"]
    assert len(rows) == _stored(served)
    kirby = [r for r in rows if r["speaker_id"]["label"] == "John Kirby"]
    assert len(kirby) >= 8
    assert "norm" not in rows[0]  # folded text is internal
    assert served.json(f"/{served.name}/statements.json?_col=norm&_size=1")["columns"] == ["id", "norm"]
    status, html = served.get(f"/{served.name}/statements")
    assert status == 200 and "John Kirby" in html and 'dir="auto"' in html
    assert "Full-text search folds Arabic spelling" in html  # the table's description


def test_faceted_view_counts_by_speaker_and_outlet(served):
    data = served.json(f"/{served.name}/statement_list.json?_facet=speaker&_facet=outlet&_shape=objects")
    speakers = {f["value"]: f["count"] for f in data["facet_results"]["speaker"]["results"]}
    outlets = {f["value"]: f["count"] for f in data["facet_results"]["outlet"]["results"]}
    with Store.open(served.path, create=False) as store:
        rows = store.statements()
    assert speakers["John Kirby"] == sum(r["speaker"] == "John Kirby" for r in rows)
    assert outlets["بغداد اليوم"] == sum(r["outlet"] == "بغداد اليوم" for r in rows)
    status, html = served.get(f"/{served.name}/statement_list?speaker=John+Kirby")
    assert status == 200 and "Statements, readable" in html  # the title from our metadata
    assert all(f'id="facet-{c}"' in html for c in ("speaker", "outlet", "kind", "cue", "day"))  # default facets


def test_search_folds_arabic_like_claimtrack_search(served, runner):
    # The claims write الأسلحة; a search without hamza or ta marbuta finds the same statements as the CLI.
    cli = runner.invoke(app, ["search", "الاسلحه", "--db", served.path, "--json"])
    expected = {r["id"] for r in json.loads(cli.stdout)}
    assert len(expected) >= 5
    for word in ("الاسلحه", "الأسلحة"):
        data = served.json(f"/{served.name}/statement_list.json?_search={q(word)}&_shape=objects&_size=max")
        assert {r["id"] for r in data["rows"]} == expected
        canned = served.json(f"/{served.name}/search_claims.json?q={q(word)}&_shape=objects")
        assert {r["id"] for r in canned["rows"]} == expected
    assert served.json(f"/{served.name}/search_claims.json?q=&_shape=objects")["rows"] == []


def test_canned_queries_answer_without_sql(served):
    name = served.name
    kirby = served.json(f"/{name}/speaker_statements.json?speaker=kirbi&_shape=objects")["rows"]
    assert kirby and {r["speaker"] for r in kirby} == {"John Kirby"}
    who = served.json(f"/{name}/who_said_what.json?speaker=John+Kirby&_shape=objects")["rows"]
    assert sum(r["statements"] for r in who) == len(kirby)
    conflicts = served.json(f"/{name}/attribution_conflicts.json?_shape=objects")["rows"]
    urging = next(c for c in conflicts if c["size"] == 3)
    versions = served.json(f"/{name}/claim_versions.json?cluster={urging['cluster']}&_shape=objects")["rows"]
    assert len(versions) == 3 and len({v["speaker"] for v in versions}) > 1
    article = served.json(f"/{name}/article_statements.json?article={q(BAGHDAD)}&_shape=objects")["rows"]
    assert article and [r["char_start"] for r in article] == sorted(r["char_start"] for r in article)
    titles = served.json(f"/{name}/title_conflicts.json?_shape=objects")["rows"]
    assert "Dmitry Peskov" in {t["speaker"] for t in titles}


def test_statement_links_to_its_place_in_the_article(served):
    status, html = served.get(f"/{served.name}/statement_list?speaker=John+Kirby")
    assert f"/-/claimtrack/{served.name}/article/{q(BAGHDAD)}#s" in html
    statement = served.json(f"/{served.name}/statement_list.json?speaker=John+Kirby&_shape=objects")["rows"][0]
    status, page = served.get(f"/-/claimtrack/{served.name}/article/{statement['article']}")
    assert status == 200 and f'id="s{statement["id"]}"' in page and "John Kirby" in page
    assert served.get(f"/-/claimtrack/{served.name}/article/no-such-article")[0] == 404


def test_charts_page_is_served_with_its_scripts_locally(served):
    status, html = served.get("/-/dashboards/claims")
    assert status == 200 and "Statements by speaker and outlet" in html
    assert "https://" not in "".join(line for line in html.splitlines() if "<script" in line)


def test_writes_are_refused_and_the_file_is_untouched(served):
    before = digest(served.path)
    status, body = served.get(f"/{served.name}.json?sql={q('DELETE FROM statements')}")
    assert status == 400 and "must be a SELECT" in body
    assert served.post(f"/{served.name}/statements/-/insert", b'{"row": {"text": "x"}}') in (403, 404, 405)
    assert served.post(f"/{served.name}.json?sql={q('DELETE FROM statements')}", b"") in (403, 404, 405)
    assert served.json(f"/{served.name}/statements.json?_size=0")["filtered_table_rows_count"] == _stored(served)
    assert served.json("/-/databases.json")[0]["is_mutable"] is False
    assert digest(served.path) == before


# ----- stopping -----


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_no_process_survives_a_signal(seed_db, tmp_path, signum):
    path = str(tmp_path / "seed.db")
    shutil.copy(seed_db, path)
    server = serve(path)
    family = children(server.process.pid)
    assert family, "Datasette runs as a child"
    server.stop(signum)
    assert server.process.returncode == 0
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in family) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in family if alive(pid)]
    assert not port_open(server.port)


def test_datasette_dies_with_a_killed_claimtrack(seed_db, tmp_path):
    path = str(tmp_path / "seed.db")
    shutil.copy(seed_db, path)
    server = serve(path)
    family = children(server.process.pid)
    os.kill(server.process.pid, signal.SIGKILL)
    server.process.wait()
    deadline = time.monotonic() + 15
    while any(alive(pid) for pid in family) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in family if alive(pid)]


# ----- without a server -----


def test_without_the_extra_one_line_says_how_to_install(runner, seed_db, monkeypatch):
    monkeypatch.setattr(web, "REQUIRED_MODULES", ("datasette_not_installed_here",))
    for command in ("serve", "publish"):
        result = runner.invoke(app, [command, "--db", seed_db])
        assert result.exit_code == 1
        assert result.output.strip().splitlines() == [
            "Error: datasette-not-installed-here is not installed; pip install 'claimtrack[serve]'"
        ]


def test_serve_warns_on_another_host_and_serves_immutable(runner, seed_db, monkeypatch):
    seen = []
    monkeypatch.setattr(process, "run", lambda args: seen.append(args) or 0)
    result = runner.invoke(app, ["serve", "--db", seed_db, "--host", "0.0.0.0"])
    assert result.exit_code == 0
    assert "Warning: listening on 0.0.0.0" in result.output
    assert seen[0][:3] == ["serve", "-i", seed_db]
    result = runner.invoke(app, ["serve", "--db", seed_db])
    assert "Warning" not in result.output and seen[1][seen[1].index("--host") + 1] == "127.0.0.1"


def test_serve_refuses_a_missing_database(runner, tmp_path):
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no database" in result.output


def test_metadata_names_the_database_everywhere():
    meta = web.metadata("news")
    assert list(meta["databases"]) == ["news"]
    assert "__db__" not in json.dumps(meta)
    charts = meta["plugins"]["datasette-dashboards"]["claims"]["charts"]
    assert {c["db"] for c in charts.values()} == {"news"}
    tables = meta["databases"]["news"]["tables"]
    assert {"statements", "statement_list", "who_said_what", "claim_clusters", "attribution_conflicts"} <= set(tables)
    assert set(meta["databases"]["news"]["queries"]) == {
        "speaker_statements",
        "search_claims",
        "claim_versions",
        "article_statements",
        "title_conflicts",
    }


@pytest.mark.parametrize(
    "path, query, expected",
    [
        ("/news/statements", [("_search", "الأسلحة")], [("_search", '"اسلحه"'), ("_nocol", "norm")]),
        ("/news/statements.json", [("_col", "text")], [("_col", "text")]),
        ("/news/articles.csv", [], [("_nocol", "hash"), ("_nocol", "text")]),
        ("/news/statement_list", [("_search", '"إن" OR أكد*')], [("_search", 'norm : "ان" OR "اكد"*')]),
        ("/other/statements", [("_search", "الأسلحة")], [("_search", "الأسلحة")]),
        ("/news/statements/1", [], []),
    ],
)
def test_requests_are_rewritten_for_our_database_only(path, query, expected):
    hidden = {"statements": ["norm"], "articles": ["hash", "text"]}
    assert rewrite_query(path, query, "news", hidden) == expected


def test_article_text_is_marked_without_overlaps():
    text = "abcdefghij"
    statements = [
        {"id": 1, "char_start": 2, "char_end": 5},
        {"id": 2, "char_start": 4, "char_end": 8},  # overlaps the first: left unmarked
        {"id": 3, "char_start": 8, "char_end": 10},
    ]
    pieces = marked_text(text, statements)
    assert "".join(p["text"] for p in pieces) == text
    assert [p.get("statement", {}).get("id") for p in pieces] == [None, 1, None, 3]


# ----- views kept current -----


def test_views_follow_ingest_and_rematch(runner, db, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات ستجري في موسكو.\n", encoding="utf-8")
    runner.invoke(app, ["ingest", str(article), "--db", db])
    with Store.open(db) as store:
        assert [r["speaker"] for r in store.db.query("SELECT speaker FROM who_said_what")] == ["Dmitry Peskov"]
    other = tmp_path / "b.txt"
    other.write_text("وقال دميتري بيسكوف إن المحادثات ستجري في موسكو.\n", encoding="utf-8")
    runner.invoke(app, ["ingest", str(other), "--db", db])
    with Store.open(db) as store:
        rows = list(store.db.query("SELECT * FROM who_said_what"))
        assert len(rows) == 1 and rows[0]["statements"] == 2
        assert [r["id"] for r in store.db.query("SELECT rowid AS id FROM claims_fts WHERE claims_fts MATCH 'موسكو'")]
    runner.invoke(app, ["rematch", "--db", db, "--verbatim", "100", "--min-overlap", "1"])
    with Store.open(db) as store:
        assert store.db.execute("SELECT COUNT(*) FROM claim_clusters").fetchone()[0] == store.counts()["clusters"]


def test_an_outdated_view_is_recreated_on_open(db):
    Store.open(db).close()
    with Store.open(db) as store:
        store.db.execute("DROP VIEW attribution_conflicts")
        store.db.execute("DROP VIEW claim_clusters")
        store.db.execute("CREATE VIEW claim_clusters AS SELECT 1 AS old")
    with Store.open(db) as store:
        assert "size" in store.db["claim_clusters"].columns_dict
        assert store.db["attribution_conflicts"].exists()


# ----- publish -----


def test_publish_prints_a_package_command_with_our_metadata_and_plugin(runner, seed_db, tmp_path):
    out = tmp_path / "bundle"
    result = runner.invoke(app, ["publish", "--db", seed_db, "--out", str(out)])
    assert result.exit_code == 0, result.output
    command = shlex.split(result.stdout.strip())
    assert command[:3] == ["datasette", "package", seed_db]
    meta = json.loads((out / "metadata.json").read_text(encoding="utf-8"))
    assert meta == web.metadata(Path(seed_db).stem)
    wheel = command[command.index("dist/" + next(p.name for p in (out / "dist").glob("*.whl")))]
    assert "datasette-dashboards" in command and command[command.index("--static") + 1] == f"dist:{out / 'dist'}"
    # What Datasette builds from it: the wheel inside the image's build folder, installed by the Dockerfile.
    from datasette.utils import temporary_docker_directory

    static = [tuple(command[command.index("--static") + 1].split(":", 1))]
    with temporary_docker_directory(
        [seed_db], "claims", None, "", None, None, None, static, ["datasette-dashboards", wheel], False, None, "s"
    ) as folder:
        assert (Path(folder) / wheel).is_file()
        assert f"pip install -U datasette datasette-dashboards {wheel}" in (Path(folder) / "Dockerfile").read_text()


def test_publish_run_runs_the_command_it_prints(runner, seed_db, tmp_path, monkeypatch):
    # A stand-in `datasette` first on PATH records what it was given: the real one would need Docker.
    bin_dir, record = tmp_path / "bin", tmp_path / "args.json"
    bin_dir.mkdir()
    fake = bin_dir / "datasette"
    fake.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$@\" > {record}\nexit 3\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    wheel = tmp_path / "claimtrack-0.1.0-py3-none-any.whl"
    wheel.write_bytes(b"not really a wheel, never installed here")
    out = tmp_path / "bundle"
    args = ["publish", "--db", seed_db, "--out", str(out), "--wheel", str(wheel), "--target", "cloudrun"]
    printed = runner.invoke(app, args)
    result = runner.invoke(app, [*args, "--run"])
    assert result.exit_code == 3  # the command's own exit status
    assert ["datasette", *record.read_text(encoding="utf-8").splitlines()] == shlex.split(printed.stdout)
    assert (out / "dist" / wheel.name).is_file()


def test_publish_refuses_an_unknown_target(runner, seed_db, tmp_path):
    result = runner.invoke(app, ["publish", "--db", seed_db, "--target", "ftp", "--out", str(tmp_path)])
    assert result.exit_code == 1 and "--target must be one of" in result.output


def test_help_names_the_extra_to_install(runner):
    result = runner.invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert "pip install 'claimtrack[serve]'" in result.output  # not eaten as Rich markup


def test_every_table_and_column_a_user_sees_is_described(seed_db):
    tables = web.metadata("seed")["databases"]["seed"]["tables"]
    with Store.open(seed_db, create=False) as store:
        names = [
            row[0]
            for row in store.db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
            if not row[0].startswith(("claims_fts", "resolution_terms_", "sqlite_"))  # FTS5's own tables
        ]
        undescribed = {
            name: [c for c in store.db[name].columns_dict if c not in tables.get(name, {}).get("columns", {})]
            for name in names
        }
    assert {name for name in names if not tables.get(name, {}).get("description")} == set()
    # A new column or table needs a line in claimtrack/serve/metadata.yaml.
    assert {name: cols for name, cols in undescribed.items() if cols} == {}


def test_a_read_only_database_is_served_as_it_is(runner, seed_db, monkeypatch):
    from claimtrack import dbfile

    seen = []
    monkeypatch.setattr(process, "run", lambda args: seen.append(args) or 0)
    monkeypatch.setattr(dbfile, "_writable", lambda path: False)  # as a read-only file or disk
    before = digest(seed_db)
    result = runner.invoke(app, ["serve", "--db", seed_db])
    assert result.exit_code == 0, result.output
    assert "Note: the database is read-only" in result.output and "serving it as it is" in result.output
    assert seen[0][:3] == ["serve", "-i", seed_db] and digest(seed_db) == before
