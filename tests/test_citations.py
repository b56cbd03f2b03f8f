"""Answers with citations and time: title, outlet, address and date on every statement; --since, --until and
--outlet on every query command; timelines; diff's base is the earliest published version."""

from __future__ import annotations

import csv
import io
import json

import pytest

from claimtrack.cli import app
from conftest import write

TALKS = (
    "وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات حول الصفقة ستجري في موسكو الأسبوع المقبل بمشاركة الوفدين."
)
VISIT = "وأكد وزير الخارجية الروسي سيرغي لافروف أن الوفد سيزور العاصمة الكورية الشهر المقبل لبحث ملف التعاون."
LATER = "وقال المتحدث باسم الكرملين دميتري بيسكوف إن موسكو لم تتلق أي رد رسمي على مقترحها حتى الآن."

# name: (outlet, published, title, url, text). Written so the later article is ingested first.
ARTICLES = {
    "later.txt": ("وكالة الأنباء", "2024-03-03", "الكرملين يؤكد موعد المحادثات", "https://b.example/1", TALKS),
    "early.txt": (
        "صحيفة الشرق",
        "2024-03-01",
        "بيسكوف: المحادثات في موسكو",
        "https://a.example/1",
        TALKS + "\n" + VISIT,
    ),
    "last.txt": ("وكالة الانباء", "2024-03-20", "لا رد على المقترح", "https://b.example/2", LATER),
}


def _article(outlet, published, title, url, text) -> str:
    return f'---\noutlet: {outlet}\npublished: {published}\ntitle: "{title}"\nurl: {url}\n---\n{text}\n'


@pytest.fixture(scope="module")
def dated_db(tmp_path_factory):
    from typer.testing import CliRunner

    folder = tmp_path_factory.mktemp("dated")
    db = str(folder / "dated.db")
    runner = CliRunner()
    for name, fields in ARTICLES.items():
        path = write(folder, name, _article(*fields))
        result = runner.invoke(app, ["ingest", str(path), "--db", db])
        assert result.exit_code == 0, result.output
    return db


def _json(runner, *args):
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_export_carries_each_statements_citation(runner, dated_db):
    out = runner.invoke(app, ["export", "--db", dated_db]).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {"url", "title", "published"} <= set(rows[0])
    talks = [r for r in rows if r["text"].startswith("المحادثات حول الصفقة")]
    assert sorted((r["published"], r["url"], r["title"]) for r in talks) == [
        ("2024-03-01", "https://a.example/1", "بيسكوف: المحادثات في موسكو"),
        ("2024-03-03", "https://b.example/1", "الكرملين يؤكد موعد المحادثات"),
    ]


def test_who_said_search_and_claims_cite_their_sources(runner, dated_db):
    rows = _json(runner, "who-said", "Peskov", "--db", dated_db)
    assert all(r["url"] and r["title"] and r["published"] for r in rows)
    piped = runner.invoke(app, ["who-said", "Peskov", "--db", dated_db]).stdout
    assert "صحيفة الشرق (2024-03-01), وكالة الأنباء (2024-03-03)" in piped
    hits = _json(runner, "search", "موسكو", "--db", dated_db)
    assert {h["url"] for h in hits} == {"https://a.example/1", "https://b.example/1", "https://b.example/2"}
    assert "2024-03-20" in runner.invoke(app, ["search", "مقترحها", "--db", dated_db]).stdout
    claims = _json(runner, "claims", "--multi-outlet", "--db", dated_db)
    assert claims[0]["first_outlet"] == "صحيفة الشرق" and claims[0]["first_url"] == "https://a.example/1"
    assert claims[0]["first_title"] == "بيسكوف: المحادثات في موسكو"


# command, arguments, how many rows (a function of the JSON) everything gives
QUERIES = [
    ("who-said", ["Peskov"], len),
    ("speakers", [], len),
    ("search", ["موسكو"], len),
    ("claims", [], lambda rows: sum(r["size"] for r in rows)),
    ("timeline", ["Peskov"], lambda doc: len(doc["statements"])),
    ("conflicts", [], lambda doc: len(doc["claims"]) + len(doc["titles"])),
]


@pytest.mark.parametrize("command, args, count", QUERIES, ids=[q[0] for q in QUERIES])
def test_every_query_command_takes_since_until_and_outlet(runner, dated_db, command, args, count):
    everything = count(_json(runner, command, *args, "--db", dated_db))
    assert everything > 0 or command == "conflicts"
    later = count(_json(runner, command, *args, "--db", dated_db, "--since", "2024-03-02"))
    earlier = count(_json(runner, command, *args, "--db", dated_db, "--until", "2024-03-01"))
    if command == "speakers":  # counts speakers, not statements: both periods have Peskov
        assert later >= 1 and earlier == 2
    elif command != "conflicts":
        assert later + earlier == everything and later and earlier
    # Outlets compare folded: الانباء and الأنباء are one outlet.
    result = runner.invoke(app, [command, *args, "--db", dated_db, "--outlet", "وكالة الانباء", "--json"])
    assert result.exit_code == 0, result.output
    nowhere = runner.invoke(app, [command, *args, "--db", dated_db, "--outlet", "لا أحد", "--json"])
    assert nowhere.exit_code in (0, 1)  # a speaker-led query says the speaker said nothing there


def test_export_and_diff_take_the_period_too(runner, dated_db):
    rows = json.loads(
        runner.invoke(app, ["export", "--db", dated_db, "--format", "json", "--since", "2024-03-02"]).stdout
    )
    assert {r["published"] for r in rows} == {"2024-03-03", "2024-03-20"}
    outlet = json.loads(
        runner.invoke(app, ["export", "--db", dated_db, "--format", "json", "--outlet", "وكالة الأنباء"]).stdout
    )
    assert {r["outlet"] for r in outlet} == {"وكالة الأنباء", "وكالة الانباء"}


@pytest.mark.parametrize(
    "args, named",
    [
        (["--since", "yesterday"], "--since"),
        (["--until", "2024-13-01"], "--until"),
        (["--since", "2024-03-05", "--until", "2024-03-01"], "--since"),
    ],
)
def test_a_bad_period_is_a_usage_error(runner, dated_db, args, named):
    result = runner.invoke(app, ["who-said", "Peskov", "--db", dated_db, *args])
    assert result.exit_code == 2
    assert named in result.output and "Usage:" in result.output


def test_diff_base_is_the_earliest_published(runner, dated_db):
    cluster = _json(runner, "claims", "--multi-outlet", "--db", dated_db)[0]["cluster"]
    doc = _json(runner, "diff", str(cluster), "--db", dated_db)
    assert [v["published"] for v in doc["versions"]] == ["2024-03-01", "2024-03-03"]
    assert doc["diffs"][0]["a"] == doc["versions"][0]["id"]
    # The later article was ingested first, so its statement has the lower id.
    assert doc["versions"][0]["id"] > doc["versions"][1]["id"]
    piped = runner.invoke(app, ["diff", str(cluster), "--db", dated_db]).stdout
    assert piped.splitlines()[0].startswith("صحيفة الشرق · 2024-03-01")
    rows = list(
        csv.DictReader(io.StringIO(runner.invoke(app, ["diff", str(cluster), "--db", dated_db, "--csv"]).stdout))
    )
    assert [r["published"] for r in rows] == ["2024-03-01", "2024-03-03"] and "changes" in rows[0]


def test_timeline_of_a_speaker_marks_the_first_appearance(runner, dated_db):
    doc = _json(runner, "timeline", "Peskov", "--db", dated_db)
    assert doc["subject"] == "Dmitry Peskov" and doc["unit"] == "day"
    assert [s["published"] for s in doc["statements"]] == ["2024-03-01", "2024-03-03", "2024-03-20"]
    assert [s["first"] for s in doc["statements"]] == [True, False, False]
    assert doc["counts"] == [
        {"period": "2024-03-01", "statements": 1, "first": True},
        {"period": "2024-03-03", "statements": 1, "first": False},
        {"period": "2024-03-20", "statements": 1, "first": False},
    ]
    env = {"TTY_COMPATIBLE": "1", "COLUMNS": "80", "CLAIMTRACK_BIDI": "off"}
    screen = runner.invoke(app, ["timeline", "Peskov", "--db", dated_db], env=env).stdout
    first_bar = next(line for line in screen.splitlines() if "2024-03-01" in line)
    assert "█" in first_bar and "◆ first" in first_bar


def test_timeline_of_a_cluster_and_its_errors(runner, dated_db):
    cluster = _json(runner, "claims", "--multi-outlet", "--db", dated_db)[0]["cluster"]
    doc = _json(runner, "timeline", str(cluster), "--db", dated_db)
    assert doc["kind"] == "cluster" and [s["outlet"] for s in doc["statements"]] == ["صحيفة الشرق", "وكالة الأنباء"]
    assert runner.invoke(app, ["timeline", "99999", "--db", dated_db]).exit_code == 1
    rows = list(
        csv.DictReader(io.StringIO(runner.invoke(app, ["timeline", "Peskov", "--db", dated_db, "--csv"]).stdout))
    )
    assert rows[0]["first"] == "True" and rows[0]["url"] == "https://a.example/1"


def test_timeline_counts_by_week_or_month_over_a_long_span():
    from claimtrack.timeline import build

    rows = [{"id": i, "published": day} for i, day in enumerate(["2024-01-01", "2024-01-03", "2024-05-20"])]
    tl = build("x", "speaker", rows)
    assert tl.unit == "week" and [c["period"] for c in tl.counts] == ["2024-W01", "2024-W21"]
    rows.append({"id": 9, "published": "2025-06-01"})
    assert build("x", "speaker", rows).unit == "month"
