"""Arabic and English articles in one database: one speaker for one person, whichever language came first."""

from __future__ import annotations

import json

import pytest

from claimtrack.cli import app
from conftest import write

ARABIC = (
    "قال جون كيربي المتحدث باسم مجلس الأمن القومي يوم الاثنين إن الولايات المتحدة سترسل مساعدات جديدة إلى الميناء.\n"
    "وأضاف كيربي أن واشنطن لن تتراجع عن خطتها.\n"
)
ENGLISH = (
    "National security spokesman John Kirby said on Monday that the United States would send new aid to the port.\n"
    '"We will not back down from our plan," Kirby said.\n'
)


@pytest.mark.parametrize("first", ["ar", "en"])
def test_one_speaker_for_a_person_named_in_both_languages(runner, db, tmp_path, first):
    files = {"ar": write(tmp_path, "ar.txt", ARABIC), "en": write(tmp_path, "en.txt", ENGLISH)}
    for code in (first, *(c for c in files if c != first)):
        assert runner.invoke(app, ["ingest", str(files[code]), "--db", db]).exit_code == 0
    speakers = json.loads(runner.invoke(app, ["speakers", "--db", db, "--json"]).stdout)
    assert [(s["speaker"], s["statements"], s["articles"]) for s in speakers] == [("John Kirby", 4, 2)]
    for name in ("Kirby", "جون كيربي", "كيربي"):
        rows = json.loads(runner.invoke(app, ["who-said", name, "--db", db, "--json"]).stdout)
        assert {r["speaker"] for r in rows} == {"John Kirby"}
        assert sorted(r["article"].rpartition("/")[2] for r in rows) == ["ar.txt", "ar.txt", "en.txt", "en.txt"]


def test_a_name_in_another_script_is_romanised_with_its_own_pack():
    from claimtrack import lexicon
    from claimtrack.speakers.latin import latin_name

    name = "مارك ستيفنسون"  # nobody in the speaker data: spelt letter by letter
    assert latin_name(lexicon.load("en"), name) == latin_name(lexicon.load("ar"), name) == "Mark Satifnsun"


def _version(text: str, speaker: str = "John Kirby", polarity: str | None = None) -> dict:
    return {"text": text, "speaker": speaker, "polarity": polarity}


AID_AR = "الولايات المتحدة سترسل 500 شاحنة مساعدات إلى الميناء"
AID_EN = "the United States would send 500 aid trucks to the port"


@pytest.mark.parametrize(
    "arabic, english, kind, a, b, verdict",
    [
        (AID_AR, AID_EN, "numbers", "500", "500", "same"),
        (AID_AR, "the United States would send 300 aid trucks to the port", "numbers", "500", "300", "changed"),
        (AID_AR, "the United States would send aid trucks to the port", "numbers", "500", "", "changed"),
        (AID_AR, AID_EN, "names", "United States", "United States", "same"),
        (AID_AR, "Russia would send 500 aid trucks to the port", "names", "United States", "Russia", "changed"),
        (AID_AR, AID_EN, "negation", "affirmed", "affirmed", "same"),
        (
            AID_AR,
            "the United States would not send 500 aid trucks to the port",
            "negation",
            "affirmed",
            "negated",
            "changed",
        ),
        (
            "الولايات المتحدة لن ترسل 500 شاحنة مساعدات إلى الميناء",
            AID_EN,
            "negation",
            "negated",
            "affirmed",
            "changed",
        ),
        (AID_AR, AID_EN, "speaker", "John Kirby", "John Kirby", "same"),
        (AID_AR, AID_EN, "hedge", "certain", "certain", "same"),
        (AID_AR, "the United States may send 500 aid trucks to the port", "hedge", "certain", "hedged", "changed"),
        (AID_AR, AID_EN, "places", "United States", "United States", "same"),
        (
            "الولايات المتحدة سترسل 500 شاحنة مساعدات إلى اليمن",
            "the United States would send 500 aid trucks to Syria",
            "places",
            "United States, Yemen",
            "Syria, United States",
            "changed",
        ),
        (
            "الولايات المتحدة سترسل 500 شاحنة مساعدات من الأردن",
            "the United States would send 500 aid trucks to Syria",
            "places",
            "Jordan, United States",
            "Syria, United States",
            "same",
        ),
        (AID_AR, AID_EN, "dates", "", "", "same"),
        (
            "الولايات المتحدة سترسل 500 شاحنة مساعدات إلى الميناء في مارس",
            "the United States would send 500 aid trucks to the port in May",
            "dates",
            "month 3",
            "month 5",
            "changed",
        ),
        (
            "الولايات المتحدة سترسل 500 شاحنة مساعدات إلى الميناء يوم الاثنين",
            "the United States would send 500 aid trucks to the port on Monday",
            "dates",
            "weekday 1",
            "weekday 1",
            "same",
        ),
    ],
)
def test_two_languages_compared_by_numbers_names_and_negation(arabic, english, kind, a, b, verdict):
    from claimtrack.crossdiff import compare_facts

    (fact,) = [f for f in compare_facts(_version(arabic), _version(english)) if str(f.kind) == kind]
    assert (fact.a, fact.b, str(fact.verdict)) == (a, b, verdict)


def test_a_denying_cue_counts_as_the_negation_of_its_version():
    from claimtrack.crossdiff import compare_facts

    facts = compare_facts(_version(AID_AR, polarity="denied"), _version(AID_EN))
    assert [(f.a, f.b, str(f.verdict)) for f in facts if str(f.kind) == "negation"] == [
        ("denied", "affirmed", "changed")
    ]


def test_another_speaker_is_marked_changed():
    from claimtrack.crossdiff import compare_facts

    facts = compare_facts(_version(AID_AR), _version(AID_EN, speaker="Dmitry Peskov"))
    assert [str(f.verdict) for f in facts if str(f.kind) == "speaker"] == ["changed"]


def test_diff_across_languages_shows_both_versions_and_compares_facts(runner, db, tmp_path):
    files = [
        write(tmp_path, "ar.txt", "---\noutlet: صحيفة الشمال\n---\nوقال جون كيربي إن " + AID_AR + ".\n"),
        write(
            tmp_path,
            "en.txt",
            "---\noutlet: Northern Post\n---\nJohn Kirby said " + AID_EN.replace("500", "300") + ".\n",
        ),
        write(
            tmp_path,
            "ar2.txt",
            "---\noutlet: صحيفة الجنوب\n---\nوقال جون كيربي إن " + AID_AR.replace("500", "600") + ".\n",
        ),
    ]
    assert runner.invoke(app, ["ingest", *map(str, files), "--db", db]).exit_code == 0
    ids = {r["article"].rpartition("/")[2]: r["id"] for r in map(json.loads, _export(runner, db))}
    shown = runner.invoke(app, ["diff", "--a", str(ids["ar.txt"]), "--b", str(ids["en.txt"]), "--db", db])
    assert shown.exit_code == 0, shown.output
    lines = [line.strip() for line in shown.stdout.splitlines()]
    assert "! numbers changed: 500 | 300" in lines
    assert "= names same: United States | United States" in lines
    assert "= negation same: affirmed | affirmed" in lines
    assert "= speaker same: John Kirby | John Kirby" in lines
    assert AID_EN.replace("500", "300") in lines and AID_AR in lines  # both versions whole, no word marks
    assert "[-" not in shown.stdout and "{+" not in shown.stdout
    found = json.loads(
        runner.invoke(app, ["diff", "--a", str(ids["ar.txt"]), "--b", str(ids["en.txt"]), "--db", db, "--json"]).stdout
    )
    (pair,) = found["diffs"]
    assert pair["across_languages"] and pair["ops"] == []
    assert [(f["kind"], f["verdict"]) for f in pair["facts"]] == [
        ("numbers", "changed"),
        ("names", "same"),
        ("places", "same"),
        ("negation", "same"),
        ("dates", "same"),
        ("hedge", "same"),
        ("speaker", "same"),
    ]
    assert [v["language"] for v in found["versions"]] == ["ar", "en"]
    # In one language the word diff stays, and no facts are listed.
    same = json.loads(
        runner.invoke(app, ["diff", "--a", str(ids["ar.txt"]), "--b", str(ids["ar2.txt"]), "--db", db, "--json"]).stdout
    )
    assert not same["diffs"][0]["across_languages"] and same["diffs"][0]["facts"] == []
    assert {"op": "replace", "a": "500", "b": "600"} in same["diffs"][0]["ops"]


def _export(runner, db: str) -> list[str]:
    return runner.invoke(app, ["export", "--db", db, "--format", "jsonl"]).stdout.splitlines()


def test_the_terminal_table_shows_the_facts_row_above_the_versions():
    import io

    from rich.console import Console

    from claimtrack import render
    from claimtrack.crossdiff import compare_facts

    base = {**_version(AID_AR), "article": "ar", "speaker_as_written": "جون كيربي", "cue": "قال"}
    other = {**_version(AID_EN), "article": "en", "speaker_as_written": "John Kirby", "cue": "said"}
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=160, color_system=None)
    render.show_diff([base, other], [[]], relations=["same"], facts=[compare_facts(base, other)], console=console)
    shown = out.getvalue()
    assert "numbers same: 500 | 500" in shown and "speaker same: John Kirby | John Kirby" in shown
    assert shown.index("numbers same") < shown.index("the United States would send")


@pytest.mark.parametrize(
    "arabic, english, canonical",
    [
        ("وقالت وكالة الأنباء المركزية الكورية", "The Korean Central News Agency said", "KCNA"),
        ("وقالت واشنطن", "Washington said", "United States"),
    ],
)
def test_a_body_named_in_full_in_both_languages_is_one_speaker(runner, db, tmp_path, arabic, english, canonical):
    files = [
        write(tmp_path, "ar.txt", arabic + " إن المحادثات ستبدأ في الميناء الأسبوع المقبل.\n"),
        write(tmp_path, "en.txt", english + " that the talks would begin at the port next week.\n"),
    ]
    assert runner.invoke(app, ["ingest", *map(str, files), "--db", db]).exit_code == 0
    speakers = json.loads(runner.invoke(app, ["speakers", "--db", db, "--json"]).stdout)
    assert [(s["speaker"], s["articles"]) for s in speakers] == [(canonical, 2)]


def test_compare_two_claims_in_two_languages_lists_their_facts(runner):
    arabic = "الولايات المتحدة سترسل 500 شاحنة مساعدات إلى اليمن"
    english = "the United States would send 300 aid trucks to Syria"
    found = json.loads(runner.invoke(app, ["compare", arabic, english, "--lexical", "--json"]).stdout)
    assert found["across_languages"]
    facts = {f["kind"]: (f["a"], f["b"], f["verdict"]) for f in found["facts"]}
    assert facts["numbers"] == ("500", "300", "changed")
    assert facts["places"] == ("United States, Yemen", "Syria, United States", "changed")
    assert facts["negation"] == ("affirmed", "affirmed", "same")
    assert "speaker" not in facts  # two claims in hand have no speaker
    shown = runner.invoke(app, ["compare", arabic, english, "--lexical"])
    assert shown.exit_code == 0 and "places\tUnited States, Yemen\tSyria, United States\tchanged" in shown.stdout
    # In one language the words are compared as before, and no facts are listed.
    one = json.loads(runner.invoke(app, ["compare", english, english.replace("300", "500"), "--json"]).stdout)
    assert not one["across_languages"] and one["facts"] == []
