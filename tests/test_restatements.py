"""A headline restating its article's body: tied to the body's statement, out of the cross-outlet cluster, and still
shown by every query (sentences written for these tests)."""

from __future__ import annotations

import json

from claimtrack.cli import app

CLAIM = "الحكومة لن ترفع أسعار الخبز في المحافظات الجنوبية ابتداء من الشهر المقبل"
# Article a: the headline "X: claim" and the body giving the minister's name; b and c: another outlet's version each.
TEXTS = {
    "a": f"وزير المالية: {CLAIM}\n\nقال وزير المالية سامي عادل إن {CLAIM}.\n",
    "b": f"أسعار الخبز\n\nوأكد وزير المالية سامي عادل أن {CLAIM}.\n",
    "c": f"الخبز في الجنوب\n\nوأوضح وزير المالية سامي عادل أن {CLAIM}.\n",
    # a title that is a sentence with its cue ("X says that ..."), no full stop, restating the body
    "d": f"وزير المالية سامي عادل يؤكد أن {CLAIM}\n\nقال وزير المالية سامي عادل إن {CLAIM}.\n",
}


def _ingest(runner, db, tmp_path, *names: str) -> None:
    paths = []
    for day, name in enumerate(names, 1):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"---\noutlet: صحيفة {name}\npublished: 2024-03-0{day}\n---\n{TEXTS[name]}", encoding="utf-8")
        paths.append(str(path))
    result = runner.invoke(app, ["ingest", *paths, "--db", db])
    assert result.exit_code == 0, result.output


def _statements(runner, db) -> dict[str, dict]:
    """The export's rows by their attribution and outlet: "headline a", "explicit b", ..."""
    rows = runner.invoke(app, ["export", "--db", db, "--format", "jsonl"]).stdout.splitlines()
    return {f"{r['attribution']} {r['outlet'].split()[-1]}": r for r in map(json.loads, rows)}


def _assert_tied(runner, db) -> None:
    rows = _statements(runner, db)
    headline, body = rows["headline a"], rows["explicit a"]
    assert headline["restates"] == body["id"] and headline["cluster"] == headline["id"]
    assert body["restates"] is None
    others = [r for key, r in rows.items() if key not in ("headline a", "explicit a")]
    assert others and all(r["cluster"] == body["cluster"] and r["restates"] is None for r in others)
    claims = json.loads(runner.invoke(app, ["claims", "--db", db, "--explain", "--json"]).stdout)
    # The headline is no claim of its own, nor one more version of the cluster; the cluster's links name it.
    (claim,) = claims
    assert claim["cluster"] == body["cluster"] and claim["size"] == 1 + len(others)
    assert f"{headline['id']} restates {body['id']}" in claim["links"]


def test_a_headline_restating_its_body_is_tied_to_the_body_and_shown_by_every_query(runner, db, tmp_path):
    _ingest(runner, db, tmp_path, "a", "b")
    _assert_tied(runner, db)
    headline = _statements(runner, db)["headline a"]
    cluster = _statements(runner, db)["explicit a"]["cluster"]
    diffed = json.loads(runner.invoke(app, ["diff", str(cluster), "--db", db, "--json"]).stdout)
    # The versions first, the restatement last, marked.
    assert [v["restates"] for v in diffed["versions"]] == [None, None, headline["restates"]]
    piped = runner.invoke(app, ["diff", str(cluster), "--db", db]).stdout
    assert f"restates {headline['restates']}" in piped
    timeline = json.loads(runner.invoke(app, ["timeline", str(cluster), "--db", db, "--json"]).stdout)
    assert {row["id"]: row["restates"] for row in timeline["statements"]}[headline["id"]] == headline["restates"]
    said = json.loads(runner.invoke(app, ["who-said", "وزير المالية", "--db", db, "--json"]).stdout)
    assert headline["id"] in {row["id"] for row in said}


def test_a_restatement_is_matched_no_more_and_a_rematch_ties_it_again(runner, db, tmp_path):
    _ingest(runner, db, tmp_path, "a", "b")
    _ingest(runner, db, tmp_path, "c")  # matched against the stored index: joins the body's cluster
    _assert_tied(runner, db)
    assert runner.invoke(app, ["rematch", "--db", db]).exit_code == 0
    _assert_tied(runner, db)


def test_a_title_line_restating_its_body_is_tied_whatever_its_cue(runner, db, tmp_path):
    _ingest(runner, db, tmp_path, "d", "b")
    rows = [json.loads(r) for r in runner.invoke(app, ["export", "--db", db, "--format", "jsonl"]).stdout.splitlines()]
    title, body = sorted((r for r in rows if r["outlet"].endswith(" d")), key=lambda r: r["char_start"])
    other = next(r for r in rows if r["outlet"].endswith(" b"))
    assert title["restates"] == body["id"] and title["cluster"] == title["id"]
    assert body["cluster"] == other["cluster"] and body["restates"] is None
