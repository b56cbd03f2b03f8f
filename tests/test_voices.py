"""Whom a speaker speaks for (speakers/voices.py): one source named by the body or by its spokesperson."""

import pytest

from claimtrack.speakers.registry import Registry
from claimtrack.speakers.voices import one_voice, spoken_for, voices


@pytest.fixture(scope="module")
def registry():
    return Registry.load("en")


@pytest.mark.parametrize(
    "title, bodies",
    [
        ("Foreign Ministry of Ruritania spokesman", []),  # a body the packs do not know names no one
        ("State Department spokesman", ["US State Department"]),
        ("spokesperson for the White House National Security Council", ["White House"]),
        ("المتحدث باسم الكرملين", ["Kremlin"]),
        ("الناطقة باسم وزارة الخارجية الأمريكية", ["US State Department"]),
        ("US Ambassador to the United Nations", []),  # an ambassador to a body does not speak for it
        ("وزير الخارجية الأمريكي", []),  # a minister's title: not a spokesperson's
        ("", []),
    ],
)
def test_a_spokespersons_title_names_the_body_spoken_for(registry, title, bodies):
    assert spoken_for(registry, title) == bodies


def test_voices_come_from_the_packs_and_from_the_titles_articles_give(registry):
    found = voices(registry, [("Rafael Quintero", "spokesman for the Kremlin"), ("Nadia Sorel", "ambassador to NATO")])
    assert found["Adrienne Watson"] == {"White House"}  # the pack's speaks_for
    assert found["Matthew Miller"] == {"US State Department"}  # the pack's role, "State Department spokesman"
    assert found["Rafael Quintero"] == {"Kremlin"}  # the article's apposition
    assert "Nadia Sorel" not in found


def test_a_group_speaks_with_the_voice_of_each_of_its_members():
    from claimtrack.models import Speaker

    registry = Registry.load("en")
    for name in ("Microsoft and Samsung", "International Federation of Red Cross and Red Crescent Societies and Apple"):
        registry.add(Speaker(name, "group", [name]))
    found = voices(registry)
    assert found["Microsoft and Samsung"] == {"Microsoft", "Samsung"}  # a joint statement is each signer's
    # a member's name may hold "and" itself
    assert found["International Federation of Red Cross and Red Crescent Societies and Apple"] == {
        "International Federation of Red Cross and Red Crescent Societies",
        "Apple",
    }
    assert one_voice("Microsoft and Samsung", "Samsung", found)
    assert not one_voice("Microsoft and Samsung", "Apple", found)


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("John Kirby", "White House", True),  # a spokesperson and the body
        ("White House", "John Kirby", True),
        ("John Kirby", "Adrienne Watson", True),  # two voices of one body
        ("John Kirby", "Kremlin", False),
        ("John Kirby", "Dmitry Peskov", False),  # two bodies' spokesmen are two sources
        ("White House", "Kremlin", False),
        (None, "White House", False),
    ],
)
def test_one_voice(registry, a, b, same):
    assert one_voice(a, b, voices(registry)) is same


def test_the_title_an_article_gives_a_speaker_is_stored_for_matching(runner, db, tmp_path):
    from claimtrack.cli import app
    from claimtrack.store import Store
    from conftest import write

    article = write(
        tmp_path,
        "en.txt",
        "Rafael Quintero, a spokesman for the Kremlin, said on Monday that Moscow would open the border crossing"
        " to aid trucks next week.\nThe ambassador to NATO, Nadia Sorel, said the alliance would send observers"
        " to the crossing.\n",
    )
    assert runner.invoke(app, ["ingest", str(article), "--db", db]).exit_code == 0
    store = Store.open(db, write=False)
    found = voices(Registry.for_store(store), store.speaker_roles())
    assert found["Rafael Quintero"] == {"Kremlin"} and "Nadia Sorel" not in found


@pytest.mark.parametrize("speaker, rule", [("John Kirby", "cross-language"), ("Dmitry Peskov", "similar")])
def test_diff_relates_a_body_and_its_spokesperson_as_matching_did(speaker, rule):
    """``diff`` compares a cluster's versions again: a report naming the White House and the original naming its
    spokesman are related by the cross-language rule there too."""
    np = pytest.importorskip("numpy")
    from claimtrack.pipeline import compare_versions

    def unit(*point):
        vector = np.zeros(512, dtype=np.float32)
        vector[: len(point)] = point
        return (vector / np.linalg.norm(vector)).astype(np.float32).tobytes()

    versions = [
        {"id": 1, "text": "نحث الحكومة على فتح المعابر أمام قوافل المساعدات فورا", "speaker": "White House"},
        {"id": 2, "text": "we urge the government to open the crossings to aid convoys at once", "speaker": speaker},
    ]
    comparison = compare_versions(versions, {1: unit(1.0, 0.0), 2: unit(0.7, 0.714)})[0]
    assert comparison.rule == rule
