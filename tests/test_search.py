"""Search that understands Arabic: a word finds its clitic forms, a "quoted phrase" still matches exactly."""

from __future__ import annotations

import json

import pytest

from claimtrack.cli import app
from claimtrack.search import Clitics, index_text, query_key, word_keys
from conftest import write

DEAL = "صفقه"  # the search key of صفقة, folded


@pytest.mark.parametrize(
    "word",
    ["صفقة", "الصفقة", "والصفقة", "فالصفقة", "بالصفقة", "وبالصفقة", "للصفقة", "وللصفقة", "كالصفقة", "صفقتهم", "صفقتها"],
)
def test_clitic_forms_share_one_key(word):
    assert query_key(word) == DEAL
    assert DEAL in word_keys(word)


@pytest.mark.parametrize(
    "word, keys",
    [
        ("وصفقة", ("وصفقه", DEAL)),  # a lone و may be a clitic: indexed both ways
        ("وزير", ("وزير", "زير")),  # ... or the word's own letter: the query keeps it
        ("الوزير", ("وزير",)),
        ("بوتين", ("بوتين", "وتين")),
        ("لروسيا", ("لروسيا", "روسيا")),
        ("بيع", ("بيع",)),  # never below three letters
        ("التي", ("التي",)),
        ("بالمعاهده", ("معاهده", "معاهد")),  # a final ه may be a ta marbuta without its dots
        ("حكومتنا", ("حكومه",)),
        ("الأسلحة", ("اسلحه",)),  # hamza and ta marbuta fold as everywhere else
    ],
)
def test_keys_of_words_that_may_not_carry_a_clitic(word, keys):
    assert word_keys(word) == keys
    assert query_key(word) == keys[0]


def test_clitic_lists_are_language_data():
    clitics = Clitics.load("ar")
    assert {"و", "ف"} == set(clitics.conjunctions) and {"ب", "ل", "ك"} == set(clitics.prepositions)
    assert "لل" in clitics.article_runs and "وبال" in clitics.article_runs and "بلل" not in clitics.article_runs
    assert clitics.pronouns[0] in ("هما", "كما")  # longest first


def test_index_text_keeps_word_order():
    assert index_text("وقال إن الصفقة لم تكتمل.") == "وقال قال ان صفقه لم تكتمل"


STATEMENTS = [
    "وقال المتحدث باسم الكرملين دميتري بيسكوف إن الصفقة ستوقع في موسكو الأسبوع المقبل.",
    "وأكد وزير الخارجية الروسي سيرغي لافروف أن بلاده لن تتخلى عن صفقتها مع بيونغ يانغ.",
    "وقالت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا إن موسكو ملتزمة بالصفقة رغم الضغوط.",
    "وقال المتحدث باسم مجلس الأمن القومي الأمريكي جون كيربي إن واشنطن تراقب صفقة الأسلحة عن كثب.",
]


@pytest.fixture(scope="module")
def deal_db(tmp_path_factory):
    from typer.testing import CliRunner

    folder = tmp_path_factory.mktemp("deal")
    db = str(folder / "deal.db")
    for n, text in enumerate(STATEMENTS):
        write(folder, f"a{n}.txt", text + "\n")
    assert CliRunner().invoke(app, ["ingest", str(folder), "--db", db]).exit_code == 0
    return db


def _speakers(runner, db, query) -> list[str]:
    result = runner.invoke(app, ["search", query, "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    return sorted(r["speaker"] for r in json.loads(result.stdout))


ALL_FOUR = ["Dmitry Peskov", "John Kirby", "Maria Zakharova", "Sergei Lavrov"]


@pytest.mark.parametrize(
    "query, speakers",
    [
        ("الصفقة", ALL_FOUR),
        ("صفقة", ALL_FOUR),
        ("بالصفقة", ALL_FOUR),
        ("صفقتهم", ALL_FOUR),
        ("صفق*", ALL_FOUR),
        ('"الصفقة"', ["Dmitry Peskov"]),  # a quoted phrase is exact
        ('"صفقة الأسلحة"', ["John Kirby"]),
        ('"الصفقه ستوقع"', ["Dmitry Peskov"]),  # exact, but folded: ة/ه do not matter
        ("الصفقة NOT موسكو", ["John Kirby", "Sergei Lavrov"]),
        ("NEAR(صفقة اسلحة, 2)", ["John Kirby"]),
        ("موسكو", ["Dmitry Peskov", "Maria Zakharova"]),
    ],
)
def test_search_finds_clitic_forms_and_phrases_stay_exact(runner, deal_db, query, speakers):
    assert _speakers(runner, deal_db, query) == speakers


def test_snippet_picks_out_the_clitic_form_found(runner, deal_db):
    rows = json.loads(runner.invoke(app, ["search", "الصفقة", "--db", deal_db, "--json"]).stdout)
    matches = {r["speaker"]: r["matches"] for r in rows}
    assert matches["Sergei Lavrov"] == ["صفقتها"] and matches["Maria Zakharova"] == ["بالصفقة"]


@pytest.mark.parametrize("query", ['"الصفقة', "*", '""', "،"])
def test_a_query_with_nothing_to_find_is_one_line(runner, deal_db, query):
    result = runner.invoke(app, ["search", query, "--db", deal_db])
    assert result.exit_code == 1 and result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
