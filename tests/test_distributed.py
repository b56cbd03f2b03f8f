"""Past one machine: `ingest --engine dask` extracts on a local Dask cluster into Parquet, `load` stores it, and
the database equals a plain ingest of the same articles."""

from __future__ import annotations

import json
import shlex
import shutil
import sqlite3

import pytest

pytest.importorskip("distributed", reason="the dask extra (claimtrack[dask]) is in the test extra")

from claimtrack import parquet, partitions  # noqa: E402
from claimtrack.cli import app  # noqa: E402

SPEAKERS = (
    ("وزير المالية العراقي خالد الشمري", "الشمري"),
    ("المتحدث باسم الحكومة سامي الحداد", "الحداد"),
    ("رئيسة البرلمان ليلى الخطيب", "الخطيب"),
)
CLAIMS = (
    "الحكومة ستخصص مئتي مليون دولار لدعم المزارعين في البصرة",
    "الوزارة افتتحت اثنتي عشرة مدرسة جديدة في الموصل",
    "البرلمان سيناقش قانون الموازنة الأسبوع المقبل",
    "شركة الكهرباء أعادت تأهيل محطة الطاقة في كربلاء",
)
OUTLETS = ("وكالة الأنباء العراقية", "صحيفة الصباح", "قناة الرافدين")


def _article(i: int) -> dict:
    """Article i: a speaker named in full, later by surname (resolution depends on the articles before), a
    claim carried by several outlets (clusters), an indirect and a direct statement."""
    full, surname = SPEAKERS[i % 3]
    name = full if i < 3 else surname
    claim, other = CLAIMS[i % 4], CLAIMS[(i + 1) % 4]
    text = f"وقال {name} إن {claim}.\nوأضاف: «{other}».\n"
    record = {"id": f"a{i:02d}", "text": text, "outlet": OUTLETS[i % 3], "title": f"خبر {i}"}
    if i % 2:
        record["published"] = f"2024-03-{i + 1:02d}"
    return record


@pytest.fixture
def corpus_file(tmp_path):
    """Twelve articles, and a record without an id (named after its line, as the plain ingest names it)."""
    lines = [json.dumps(_article(i), ensure_ascii=False) for i in range(12)]
    lines.append(json.dumps({"text": f"وأكد {SPEAKERS[0][0]} أن {CLAIMS[2]}."}, ensure_ascii=False))
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def extracted_once(tmp_path_factory):
    """The corpus extracted once on a local cluster of one worker, for the tests of ``load``."""
    from typer.testing import CliRunner

    folder = tmp_path_factory.mktemp("extracted")
    corpus = folder / "news.jsonl"
    corpus.write_text("\n".join(json.dumps(_article(i)) for i in range(12)) + "\n", encoding="utf-8")
    out = folder / "extracted"
    args = ["ingest", "--engine", "dask", "--workers", "1", "--out", str(out), str(corpus)]
    assert CliRunner().invoke(app, args).exit_code == 0
    return out


def _tables(db: str) -> dict[str, list[tuple]]:
    """Every table a plain ingest fills, row by row, but for when (ingested_at) and the files it read whole."""
    conn = sqlite3.connect(db)
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    tables = {}
    for name in names:
        if name == "files" or name.startswith("sqlite_"):
            continue
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({name})") if r[1] != "ingested_at"]
        rows = conn.execute(f"SELECT {', '.join(columns)} FROM {name}").fetchall()
        tables[name] = sorted(rows, key=repr)
    conn.close()
    return tables


def _statements(db: str) -> list[tuple]:
    """Each statement's speaker, span, kind and cue, and the statements it shares a claim cluster with."""
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT s.id, s.article_id, sp.canonical, s.text, s.char_start, s.char_end, s.kind, s.cue, s.cluster_id "
        "FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id ORDER BY s.id"
    ).fetchall()
    conn.close()
    key = {row[0]: (row[1], row[4]) for row in rows}
    members: dict = {}
    for row in rows:
        members.setdefault(row[8], []).append(key[row[0]])
    return [(*row[1:8], sorted(members[row[8]]) if row[8] is not None else None) for row in rows]


def test_dask_extraction_loads_the_database_a_plain_ingest_makes(runner, corpus_file, tmp_path):
    plain, loaded, out = str(tmp_path / "plain.db"), str(tmp_path / "loaded.db"), tmp_path / "extracted"
    result = runner.invoke(app, ["ingest", "--db", plain, "--workers", "1", str(corpus_file)])
    assert result.exit_code == 0, result.output
    args = ["ingest", "--engine", "dask", "--workers", "2", "--partition-size", "5", "--out", str(out)]
    result = runner.invoke(app, [*args, "--json", str(corpus_file)])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)[0]
    assert (summary["partitions"], summary["articles"], summary["workers"]) == (3, 13, 2)
    assert sorted(p.name for p in (out / "statements").iterdir()) == [parquet.part_name(n) for n in range(3)]
    result = runner.invoke(app, ["load", "--db", loaded, "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["articles_new"] == 13

    statements = _statements(plain)
    assert len(statements) >= 24 and len({s[1] for s in statements}) >= 3
    assert any(len(s[7] or []) > 1 for s in statements)  # claims matched across outlets
    assert _statements(loaded) == statements
    assert _tables(loaded) == _tables(plain)


def test_loading_twice_stores_nothing_twice(runner, extracted_once, tmp_path):
    out, db = extracted_once, str(tmp_path / "claims.db")
    first = runner.invoke(app, ["load", "--db", db, "--json", str(out)])
    before = _tables(db)
    again = runner.invoke(app, ["load", "--db", db, "--json", str(out)])
    assert first.exit_code == again.exit_code == 0, again.output
    assert json.loads(again.stdout)[0] | {"speakers": 0} == {
        **json.loads(first.stdout)[0],
        "articles_new": 0,
        "articles_unchanged": 12,
        "statements": 0,
        "unattributed": 0,
        "speakers": 0,
    }
    assert _tables(db) == before


def test_a_bad_line_names_file_and_line_and_nothing_is_written(runner, corpus_file, tmp_path):
    lines = corpus_file.read_text(encoding="utf-8").splitlines()
    lines[6] = '{"id": "broken", "text": '
    corpus_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "extracted"
    args = ["ingest", "--engine", "dask", "--workers", "1", "--partition-size", "4", "--out", str(out)]
    result = runner.invoke(app, [*args, str(corpus_file)])
    assert result.exit_code == 1
    assert f"{corpus_file}:7: not valid JSON" in result.stderr
    assert "Nothing written" in result.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == [corpus_file]


def test_a_parquet_corpus_gives_the_statements_of_its_json_lines(runner, corpus_file, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [json.loads(line) for line in corpus_file.read_text(encoding="utf-8").splitlines()][:12]
    table = pa.Table.from_pylist(records)
    pq.write_table(table, tmp_path / "news.parquet", row_group_size=5)  # partitions within and across row groups
    dbs = {}
    for name in ("news.jsonl", "news.parquet"):
        corpus_file.with_name("only.jsonl").write_text("\n".join(map(json.dumps, records)) + "\n", encoding="utf-8")
        source = corpus_file.with_name("only.jsonl") if name.endswith("jsonl") else tmp_path / name
        out, dbs[name] = tmp_path / f"out-{name}", str(tmp_path / f"{name}.db")
        args = ["ingest", "--engine", "dask", "--workers", "1", "--partition-size", "3", "--out", str(out)]
        assert runner.invoke(app, [*args, str(source)]).exit_code == 0
        assert runner.invoke(app, ["load", "--db", dbs[name], str(out)]).exit_code == 0
    assert _statements(dbs["news.parquet"]) == _statements(dbs["news.jsonl"])
    parts = partitions.plan([str(tmp_path / "news.parquet")], 3)
    assert [(p.start, p.first, p.count) for p in parts] == [(0, 1, 3), (0, 4, 2), (1, 6, 3), (1, 9, 2), (2, 11, 2)]


def test_the_readme_examples_run_on_a_local_cluster_and_a_scheduler_address(runner, tmp_path, monkeypatch):
    """The README's Dask lines as written, the scheduler's made-up address pointed at a cluster started here
    and /shared/ at a folder of this test."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from distributed import LocalCluster

    from test_readme import examples

    monkeypatch.chdir(tmp_path)
    records = [_article(i) for i in range(6)]
    (tmp_path / "news.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    (tmp_path / "shared" / "corpus").mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "shared" / "corpus" / "news.parquet")
    lines = [line for line in examples() if "--engine dask" in line or line.startswith("claimtrack load")]
    assert (
        any("--scheduler" in line for line in lines) and sum(line.startswith("claimtrack load") for line in lines) == 2
    )
    with LocalCluster(
        n_workers=1, processes=False, protocol="tcp://", host="127.0.0.1", dashboard_address=":0"
    ) as cluster:
        for line in lines:
            line = line.replace("tcp://scheduler.example:8786", cluster.scheduler_address)
            args = shlex.split(line.replace("/shared/", f"{tmp_path}/shared/"))[1:]
            result = runner.invoke(app, args)
            assert result.exit_code == 0, (line, result.output)
    rows = sqlite3.connect(tmp_path / "claims.db").execute("SELECT count(*) FROM articles").fetchone()
    assert rows == (6,)  # the same six articles from the JSON Lines and the Parquet corpus: stored once


USAGE = [
    (["ingest", "--engine", "dask", "news.jsonl"], "--out", "needs --out"),
    (["ingest", "--out", "x", "news.jsonl"], "--out", "only with --engine dask"),
    (["ingest", "--scheduler", "tcp://127.0.0.1:9", "news.jsonl"], "--scheduler", "only with --engine dask"),
    (["ingest", "--engine", "dask", "--out", "x", "--db", "c.db", "news.jsonl"], "--db", "then claimtrack load"),
    (["ingest", "--engine", "dask", "--out", "x", "--feed", "http://127.0.0.1:9/rss", "n.jsonl"], "--feed", ""),
    (
        ["ingest", "--engine", "dask", "--out", "x", "--scheduler", "tcp://h:1", "--workers", "2", "n.jsonl"],
        "--workers",
        "",
    ),
    (["ingest", "--engine", "dask", "--out", "x", "http://127.0.0.1:9/a.html"], "SOURCES", "JSON Lines or Parquet"),
    (["ingest", "--engine", "spark", "--out", "x", "n.jsonl"], "--engine", ""),
    (["ingest", "--engine", "dask", "--out", "x", "--partition-size", "0", "n.jsonl"], "--partition-size", ""),
]


@pytest.mark.parametrize("args, option, words", USAGE, ids=[" ".join(a[1:4]) for a, _, _ in USAGE])
def test_options_of_the_other_engine_are_usage_errors(runner, tmp_path, monkeypatch, args, option, words):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "Usage: " in result.output and option in result.output and words in result.output
    assert list(tmp_path.iterdir()) == []


LOAD_PROBLEMS = {
    "no folder": (lambda d: None, "no such folder"),
    "a folder without manifest": (lambda d: d.mkdir(), "no manifest.json: not a folder written by claimtrack"),
    "another format": (lambda d: (d / "manifest.json").write_text('{"format": "x"}'), "not a claimtrack manifest"),
    "a part missing": (lambda d: (d / "statements" / "part-00000.parquet").unlink(), "part-00000.parquet: missing"),
    "a part broken": (lambda d: (d / "articles" / "part-00000.parquet").write_bytes(b"PAR1"), "not a readable Parquet"),
}


@pytest.mark.parametrize("case", LOAD_PROBLEMS)
def test_load_names_the_file_and_the_problem_and_stores_nothing(runner, extracted_once, tmp_path, case):
    out, db = tmp_path / "extracted", tmp_path / "claims.db"
    make, message = LOAD_PROBLEMS[case]
    if "manifest" not in case and "folder" not in case:
        shutil.copytree(extracted_once, out)
    elif case == "another format":
        out.mkdir()
    make(out)
    result = runner.invoke(app, ["load", "--db", str(db), str(out)])
    assert result.exit_code == 1 and message in result.stderr and str(out) in result.stderr, result.output
    assert not db.exists()


def test_an_unreachable_scheduler_is_one_line(runner, corpus_file, tmp_path, monkeypatch):
    monkeypatch.setattr("claimtrack.distributed.CONNECT_SECONDS", 1)
    args = ["ingest", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "--out", str(tmp_path / "x")]
    result = runner.invoke(app, [*args, str(corpus_file)])
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert list(tmp_path.iterdir()) == [corpus_file]


def _no_text_parquet(path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist([{"id": "a", "body": "نص"}]), path)


CORPUS_PROBLEMS = {
    "no such file": (None, "missing.jsonl", "missing.jsonl: no such file"),
    "another format": (lambda p: p.write_text("نص", encoding="utf-8"), "a.txt", "is JSON Lines (.jsonl) or Parquet"),
    "an empty file": (lambda p: p.write_bytes(b""), "empty.jsonl", "nothing to ingest in empty.jsonl; nothing written"),
    "no text column": (_no_text_parquet, "t.parquet", 't.parquet: no "text" column'),
    "a folder without records": (lambda p: p.mkdir(), "folder", "folder: no .jsonl or .parquet files"),
}


@pytest.mark.parametrize("case", CORPUS_PROBLEMS)
def test_a_corpus_that_cannot_be_partitioned_is_one_line_before_any_cluster(runner, tmp_path, monkeypatch, case):
    make, name, message = CORPUS_PROBLEMS[case]
    monkeypatch.chdir(tmp_path)
    if make:
        make(tmp_path / name)
    monkeypatch.setattr("claimtrack.distributed._client", None)  # no cluster is started: it would fail
    result = runner.invoke(app, ["ingest", "--engine", "dask", "--out", "out", name])
    assert result.exit_code == 1 and message in result.stderr, result.output
    assert not (tmp_path / "out").exists()


def test_an_out_folder_holding_other_files_is_refused(runner, corpus_file, tmp_path):
    out = tmp_path / "papers"
    out.mkdir()
    (out / "draft.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["ingest", "--engine", "dask", "--out", str(out), str(corpus_file)])
    assert result.exit_code == 1 and "is not empty and holds no manifest.json" in result.stderr
    assert [p.name for p in out.iterdir()] == ["draft.txt"]


def test_the_outlet_option_names_every_article_as_in_a_plain_ingest(runner, corpus_file, tmp_path):
    plain, loaded, out = str(tmp_path / "plain.db"), str(tmp_path / "loaded.db"), tmp_path / "extracted"
    outlet = ["--outlet", "صحيفة المدى"]
    assert runner.invoke(app, ["ingest", *outlet, "--db", plain, str(corpus_file)]).exit_code == 0
    args = ["ingest", "--engine", "dask", *outlet, "--workers", "1", "--out", str(out), str(corpus_file)]
    assert runner.invoke(app, args).exit_code == 0
    assert runner.invoke(app, ["load", "--db", loaded, str(out)]).exit_code == 0
    assert _tables(loaded) == _tables(plain)
    assert {row[0] for row in sqlite3.connect(loaded).execute("SELECT outlet FROM articles")} == {"صحيفة المدى"}


def test_a_scheduler_without_workers_is_one_line_not_a_wait_for_ever(runner, corpus_file, tmp_path, monkeypatch):
    from distributed import LocalCluster

    monkeypatch.setattr("claimtrack.distributed.CONNECT_SECONDS", 1)
    with LocalCluster(n_workers=0, processes=False, protocol="tcp://", host="127.0.0.1", dashboard_address=":0") as c:
        args = ["ingest", "--engine", "dask", "--scheduler", c.scheduler_address, "--out", str(tmp_path / "x")]
        result = runner.invoke(app, [*args, str(corpus_file)])
    assert result.exit_code == 1
    assert f"Error: the Dask scheduler at {c.scheduler_address} has no workers" in result.stderr
    assert list(tmp_path.iterdir()) == [corpus_file]
