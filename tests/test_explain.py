"""`claimtrack show ARTICLE --explain`: the stages and data entries behind each statement."""

from __future__ import annotations

import json

from claimtrack.cli import app


def _explained(runner, db, article):
    result = runner.invoke(app, ["show", article, "--explain", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["statements"]


def test_every_seed_statement_is_explained_by_its_rule_and_cue_entry(runner, seed_db):
    for article in ("levant-news", "baghdad-today", "arab-files", "seoul-dateline", "us-expects-talks"):
        for st in _explained(runner, seed_db, article):
            assert st["explain"][0].startswith("rule "), st
            assert "not found again" not in " ".join(st["explain"])


def test_a_split_quotation_says_which_part_it_is(runner, seed_db):
    parts = [st for st in _explained(runner, seed_db, "baghdad-today") if st["part"]]
    assert parts and all(any(step.startswith("split_claims: part") for step in st["explain"]) for st in parts)


def test_hedges_name_the_data_that_fired(runner, seed_db):
    hedged = [st for st in _explained(runner, seed_db, "levant-news") if st["hedged"]]
    assert hedged and all(any("grammar.toml hedges" in step for step in st["explain"]) for st in hedged)


def test_the_table_lists_the_steps_under_the_article(runner, seed_db):
    result = runner.invoke(app, ["--bidi", "off", "show", "levant-news", "--explain", "--db", seed_db])
    assert result.exit_code == 0
    assert "why each statement was taken" in result.stdout
    assert "· rule verb: cue" in result.stdout


def test_without_explain_no_steps_are_printed(runner, seed_db):
    result = runner.invoke(app, ["show", "levant-news", "--json", "--db", seed_db])
    assert all("explain" not in st for st in json.loads(result.stdout)["statements"])
