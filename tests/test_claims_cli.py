"""claims, diff, conflicts, rematch and export --what claims through the command line."""

from __future__ import annotations

import csv
import io
import json

from claimtrack.cli import app


def _claims(runner, db, *args):
    result = runner.invoke(app, ["claims", "--db", db, "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _urging_cluster(rows):
    return next(r for r in rows if "وقف مفاوضات الأسلحة" in r["claim"])


def test_claims_lists_clusters_with_outlets_and_speakers(runner, seed_db):
    rows = _claims(runner, seed_db, "--multi-outlet")
    assert rows and all(len(r["outlets"]) > 1 for r in rows)
    urging = _urging_cluster(rows)
    assert urging["size"] == 3 and {"John Kirby", "Adrienne Watson"} <= set(urging["speakers"])
    assert {"cluster", "first_seen", "first_outlet"} <= set(urging)
    kirby = _claims(runner, seed_db, "--speaker", "kirbi", "--min-size", "2")
    assert kirby and all("John Kirby" in r["speakers"] and r["size"] >= 2 for r in kirby)
    assert len(_claims(runner, seed_db, "--limit", "2")) == 2


def test_diff_of_a_cluster_and_of_two_statements(runner, seed_db):
    cluster = _urging_cluster(_claims(runner, seed_db))["cluster"]
    result = runner.invoke(app, ["diff", str(cluster), "--db", seed_db, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["versions"]) == 3 and len(data["diffs"]) == 2
    ops = {op["op"] for d in data["diffs"] for op in d["ops"]}
    assert "equal" in ops and ops & {"insert", "replace"}
    first, second = data["versions"][0]["id"], data["versions"][1]["id"]
    plain = runner.invoke(app, ["diff", "--a", str(first), "--b", str(second), "--db", seed_db])
    assert plain.exit_code == 0, plain.output
    assert "{+" in plain.stdout and "وقف مفاوضات الأسلحة" in plain.stdout
    assert data["versions"][0]["speaker_as_written"] in plain.stdout


def test_diff_needs_a_cluster_or_two_statements(runner, seed_db):
    for args, code in ((["diff"], 2), (["diff", "--a", "1"], 2), (["diff", "99999"], 1)):
        result = runner.invoke(app, [*args, "--db", seed_db])
        assert result.exit_code == code and "Traceback" not in result.output


def test_conflicts_name_the_urging_put_in_three_mouths(runner, seed_db):
    result = runner.invoke(app, ["conflicts", "--db", seed_db, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    urging = _urging_cluster(data["claims"])
    assert {"John Kirby", "Adrienne Watson"} <= set(urging["speakers"]) and len(urging["speakers"]) == 3
    assert all(len(c["speakers"]) > 1 for c in data["claims"])
    assert "John Kirby" in {t["speaker"] for t in data["titles"]}


def test_rematch_applies_new_thresholds(runner, seed_db, tmp_path):
    import shutil

    db = str(tmp_path / "copy.db")
    shutil.copy(seed_db, db)
    before = _claims(runner, db, "--min-size", "2")
    strict = runner.invoke(app, ["rematch", "--db", db, "--verbatim", "100", "--min-overlap", "1", "--json"])
    assert strict.exit_code == 0, strict.output
    assert json.loads(strict.stdout)["min_overlap"] == 1
    assert len(_claims(runner, db, "--min-size", "2")) < len(before)
    # The thresholds stay with the database: a plain rematch keeps them, --defaults goes back.
    runner.invoke(app, ["rematch", "--db", db])
    assert len(_claims(runner, db, "--min-size", "2")) < len(before)
    runner.invoke(app, ["rematch", "--db", db, "--defaults"])
    assert _claims(runner, db, "--min-size", "2") == before


def test_every_matching_setting_is_a_rematch_option_kept_with_the_database(runner, seed_db, tmp_path):
    import shutil
    from dataclasses import fields

    import typer

    from claimtrack.cli.admin import MATCH_OPTIONS
    from claimtrack.settings import MatchSettings

    rematch = typer.main.get_command(app).commands["rematch"]
    options = {opt for param in rematch.params for opt in param.opts}
    assert {f"--{f.name.replace('_', '-')}" for f in fields(MatchSettings)} <= options
    # each with its own help: a setting added to MatchSettings needs its line in cli/admin.py's MATCH_OPTIONS
    assert not {f.name for f in fields(MatchSettings)} - set(MATCH_OPTIONS)
    db = str(tmp_path / "copy.db")
    shutil.copy(seed_db, db)
    args = ["--min-copy-words", "3", "--semantic-other-speaker", "0.9", "--other-speaker-dice", "0.4", "--json"]
    chosen = json.loads(runner.invoke(app, ["rematch", "--db", db, *args]).stdout)
    assert (chosen["min_copy_words"], chosen["semantic_other_speaker"], chosen["other_speaker_dice"]) == (3, 0.9, 0.4)
    kept = json.loads(runner.invoke(app, ["rematch", "--db", db, "--json"]).stdout)
    assert kept["min_copy_words"] == 3 and kept["other_speaker_dice"] == 0.4
    assert "claimtrack[semantic]" in runner.invoke(app, ["rematch", "--help"]).output


def test_later_ingests_match_with_the_stored_thresholds(runner, db, tmp_path):
    first = tmp_path / "a.txt"
    first.write_text(
        "وقال الوزير إن الحكومة ستخفض أسعار الوقود في المحافظات الجنوبية الشهر المقبل.\n", encoding="utf-8"
    )
    second = tmp_path / "b.txt"
    second.write_text(
        "وقال الوزير إن الحكومة ستخفض أسعار البنزين في المحافظات الجنوبية الشهر المقبل.\n", encoding="utf-8"
    )
    runner.invoke(app, ["ingest", str(first), "--db", db])
    runner.invoke(app, ["rematch", "--db", db, "--verbatim", "100", "--min-overlap", "1", "--semantic", "1.01"])
    runner.invoke(app, ["ingest", str(second), "--db", db])
    rows = json.loads(runner.invoke(app, ["export", "--db", db, "--format", "json"]).stdout)
    assert len({r["cluster"] for r in rows}) == 2
    runner.invoke(app, ["rematch", "--db", db, "--defaults"])
    rows = json.loads(runner.invoke(app, ["export", "--db", db, "--format", "json"]).stdout)
    assert len({r["cluster"] for r in rows}) == 1


def test_export_claims(runner, seed_db):
    result = runner.invoke(app, ["export", "--what", "claims", "--db", seed_db, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [
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
    ]
    urging = _urging_cluster(rows)
    assert urging["size"] == "3" and "John Kirby" in urging["speakers"].split("; ")
    lines = runner.invoke(app, ["export", "--what", "claims", "--db", seed_db, "--format", "jsonl"]).stdout
    assert len(lines.splitlines()) == len(rows)
    bad = runner.invoke(app, ["export", "--what", "quotes", "--db", seed_db])
    assert bad.exit_code == 2 and "'--what'" in bad.output


def test_new_commands_have_examples(runner):
    for command in ("claims", "diff", "conflicts", "rematch"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Example: claimtrack" in result.output


def test_ingest_in_two_steps_clusters_as_one(runner, db, seed_db, tmp_path):
    from conftest import CORPUS

    files = sorted(str(p) for p in CORPUS.glob("*.txt"))
    assert runner.invoke(app, ["ingest", *files[:2], "--db", db]).exit_code == 0
    assert runner.invoke(app, ["ingest", *files[2:], "--db", db]).exit_code == 0

    def groups(path):
        rows = json.loads(runner.invoke(app, ["export", "--db", path, "--format", "json"]).stdout)
        by = {}
        for r in rows:
            by.setdefault(r["cluster"], set()).add((r["article"], r["char_start"]))
        return {frozenset(g) for g in by.values()}

    assert groups(db) == groups(seed_db)
