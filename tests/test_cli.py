from __future__ import annotations

import json

from claimtrack.cli import app
from conftest import CORPUS, write


def test_ingest_then_who_said_kirby(runner, db):
    result = runner.invoke(app, ["ingest", str(CORPUS), "--db", db])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["who-said", "Kirby", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) >= 8
    assert {r["speaker"] for r in rows} == {"John Kirby"}
    assert len({r["article"] for r in rows}) == 3


def test_who_said_any_spelling(runner, seed_db):
    for name in ("kirbi", "كيربي", "KIRBY"):
        result = runner.invoke(app, ["who-said", name, "--db", seed_db, "--json"])
        assert result.exit_code == 0, result.output
        assert {r["speaker"] for r in json.loads(result.stdout)} == {"John Kirby"}
    result = runner.invoke(app, ["who-said", "شويجو", "--db", seed_db, "--json"])
    rows = json.loads(result.stdout)
    # three statements, one of them a quotation of two sentences, so two parts
    assert len(rows) == 4 and {r["speaker"] for r in rows} == {"Sergei Shoigu"}
    assert {r["speaker_as_written"] for r in rows} >= {"شويغو"}


def test_who_said_unknown_name_is_one_line_error(runner, seed_db):
    result = runner.invoke(app, ["who-said", "Zzyzx Qwerty", "--db", seed_db])
    assert result.exit_code == 1
    assert "no speaker matches" in result.output
    assert "Traceback" not in result.output


def test_reingest_changes_nothing(runner, db):
    runner.invoke(app, ["ingest", str(CORPUS), "--db", db])
    first = runner.invoke(app, ["export", "--db", db, "--format", "jsonl"]).stdout
    again = runner.invoke(app, ["ingest", str(CORPUS), "--db", db, "--json"])
    assert again.exit_code == 0
    summary = json.loads(again.stdout)[0]
    assert summary["articles_unchanged"] == 5 and summary["articles_new"] == 0
    assert runner.invoke(app, ["export", "--db", db, "--format", "jsonl"]).stdout == first


def test_changed_article_replaces_its_statements(runner, db, tmp_path):
    path = write(tmp_path, "a.txt", "وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات ستجري في موسكو.\n")
    runner.invoke(app, ["ingest", str(path), "--db", db])
    path.write_text("وقال وزير الخارجية الروسي سيرغي لافروف إن الاجتماع انتهى بلا اتفاق.\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(path), "--db", db, "--json"])
    assert json.loads(result.stdout)[0]["articles_updated"] == 1
    rows = json.loads(runner.invoke(app, ["export", "--db", db, "--format", "json"]).stdout)
    assert [r["speaker"] for r in rows] == ["Sergei Lavrov"]
    speakers = json.loads(runner.invoke(app, ["speakers", "--db", db, "--json"]).stdout)
    assert [s["speaker"] for s in speakers] == ["Sergei Lavrov"]


def test_bad_inputs_are_reported_and_the_rest_ingested(runner, db, tmp_path):
    good = write(tmp_path, "good.txt", "وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات ستجري في موسكو.\n")
    empty = write(tmp_path, "empty.txt", "  \n")
    latin1 = tmp_path / "bad.txt"
    latin1.write_bytes(b"first line\n\xff\xfe\xfa not utf-8\n")
    result = runner.invoke(
        app, ["ingest", str(good), str(empty), str(latin1), str(tmp_path / "missing.txt"), "--db", db]
    )
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.stderr
    assert "missing.txt: no such file or directory" in result.stderr
    assert "bad.txt" in result.stderr
    assert "Traceback" not in result.output
    rows = json.loads(runner.invoke(app, ["export", "--db", db, "--format", "json"]).stdout)
    assert [r["speaker"] for r in rows] == ["Dmitry Peskov"]


def test_strict_stops_at_first_bad_file(runner, db, tmp_path):
    empty = write(tmp_path, "a-empty.txt", "")
    write(tmp_path, "b-good.txt", "وقال بيسكوف إن المحادثات ستجري في موسكو.\n")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", db, "--strict"])
    assert result.exit_code == 1
    assert f"{empty}: empty file" in result.stderr


def test_speakers_lists_counts(runner, seed_db):
    result = runner.invoke(app, ["speakers", "--db", seed_db, "--json"])
    rows = {r["speaker"]: r for r in json.loads(result.stdout)}
    assert rows["John Kirby"]["statements"] >= 9
    assert rows["John Kirby"]["articles"] == 3


def test_export_formats(runner, seed_db, tmp_path):
    out = tmp_path / "s.csv"
    result = runner.invoke(app, ["export", "--db", seed_db, "--format", "csv", "--output", str(out)])
    assert result.exit_code == 0
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    for col in (
        "article",
        "outlet",
        "speaker",
        "speaker_as_written",
        "role_as_written",
        "cue",
        "kind",
        "text",
        "char_start",
        "char_end",
        "via",
        "cluster",
    ):
        assert col in header
    bad = runner.invoke(app, ["export", "--db", seed_db, "--format", "xml"])
    assert bad.exit_code == 2 and "'--format'" in bad.output and "Usage:" in bad.output
    upper = runner.invoke(app, ["export", "--db", seed_db, "--format", "JSONL", "--what", "Claims"])
    assert upper.exit_code == 0 and json.loads(upper.stdout.splitlines()[0])["cluster"]


def test_db_from_environment(runner, tmp_path, monkeypatch):
    path = write(tmp_path, "a.txt", "وقال بيسكوف إن المحادثات ستجري في موسكو.\n")
    monkeypatch.setenv("CLAIMTRACK_DB", str(tmp_path / "env.db"))
    assert runner.invoke(app, ["ingest", str(path)]).exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_every_command_help_has_an_example(runner):
    for command in ("ingest", "who-said", "speakers", "export"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Example: claimtrack" in result.output


def test_missing_database_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(app, ["speakers", "--db", str(tmp_path / "nope.db")])
    assert result.exit_code == 1
    assert "no database" in result.stderr


def test_serve_without_datasette_says_how_to_get_it(runner, seed_db, monkeypatch):
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    result = runner.invoke(app, ["serve", "--db", seed_db])
    assert result.exit_code == 1
    assert "pip install 'claimtrack[serve]'" in result.stderr


def test_error_messages_keep_square_brackets(runner, tmp_path, db):
    bad = tmp_path / "[draft] notes.txt"
    bad.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(bad), "--db", db])
    assert "[draft] notes.txt: empty file" in result.stderr
