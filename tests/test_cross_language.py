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
