"""Reading inputs: formats, outlet and date found in the text, boilerplate, glued stories, language."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from claimtrack import corpus, lang
from claimtrack.cli import app
from claimtrack.errors import ClaimtrackError
from conftest import CORPUS, write

# Sentences written for these tests; each has one attributed statement claimtrack extracts.
CLAIM = "وقال وزير الخارجية الروسي سيرغي لافروف إن الاجتماع انتهى بلا اتفاق.\n"
CLAIM_2 = "وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات ستجري في موسكو.\n"


def articles(path: Path) -> list:
    return list(corpus.read_articles(path))


def export(runner, db: str) -> list[dict]:
    result = runner.invoke(app, ["export", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# ----- formats -----


def test_txt_front_matter_sets_metadata_and_offsets_stay_in_the_file(tmp_path):
    text = (
        "---\noutlet: نشرة الاختبار\npublished: 2024-03-02\ntitle: عنوان من البيانات\nurl: https://example.org/a\n---\n"
        + CLAIM
    )
    path = write(tmp_path, "fm.txt", text)
    [article] = articles(path)
    assert (article.outlet, article.outlet_source) == ("نشرة الاختبار", "front-matter")
    assert (article.published, article.published_source) == ("2024-03-02", "front-matter")
    assert article.title == "عنوان من البيانات" and article.url == "https://example.org/a"
    assert article.text == text  # the whole file: offsets point into what is on disk
    assert article.stories[0].start == text.index("وقال")
    assert article.blocked[0] == (0, text.index("وقال"))


def test_front_matter_error_names_its_line(tmp_path):
    path = write(tmp_path, "bad.txt", "---\noutlet: نشرة\npublished: [2024\n---\n" + CLAIM)
    with pytest.raises(ClaimtrackError) as caught:
        corpus.read_file(path)
    assert caught.value.path == str(path) and caught.value.line is not None and caught.value.line >= 3


def test_markdown_title_without_heading_marks(tmp_path):
    path = write(tmp_path, "note.md", "# لافروف يتحدث عن الاجتماع\n\n" + CLAIM)
    [article] = articles(path)
    assert article.title == "لافروف يتحدث عن الاجتماع"


def test_html_main_text_without_navigation_or_footer(tmp_path):
    page = (
        "<html><head><title>صفحة</title><meta property='og:site_name' content='موقع التجربة'>"
        "<meta property='article:published_time' content='2024-05-06'></head><body>"
        "<nav><a href='/'>الرئيسية</a> | <a href='/x'>رياضة واقتصاد وثقافة</a></nav>"
        "<article><h1>لافروف والاجتماع</h1><p>" + CLAIM.strip() + " وأضاف أن الوفود ستلتقي مجددا الشهر المقبل.</p>"
        "<p>" + CLAIM_2.strip() + "</p></article>"
        "<footer>جميع الحقوق محفوظة لموقع التجربة</footer></body></html>"
    )
    path = write(tmp_path, "page.html", page)
    [article] = articles(path)
    assert "لافروف" in article.text and "الرئيسية" not in article.text and "الحقوق" not in article.text
    assert (article.outlet, article.outlet_source) == ("موقع التجربة", "html-metadata")
    assert article.published == "2024-05-06"


def test_html_statements_point_into_the_extracted_text(runner, db, tmp_path):
    page = (
        "<html><body><article><h1>خبر</h1><p>"
        + CLAIM.strip()
        + "</p><p>"
        + CLAIM_2.strip()
        + "</p></article></body></html>"
    )
    path = write(tmp_path, "page.htm", page)
    assert runner.invoke(app, ["ingest", str(path), "--db", db]).exit_code == 0
    [article] = articles(path)
    rows = export(runner, db)
    assert {r["speaker"] for r in rows} == {"Sergei Lavrov", "Dmitry Peskov"}
    for row in rows:
        assert article.text[row["char_start"] : row["char_end"]] == row["text"]


def test_jsonl_bad_line_reported_with_its_number_and_the_rest_ingested(runner, db, tmp_path):
    lines = [
        json.dumps({"id": "a1", "outlet": "وكالة الأولى", "published": "2024-01-02", "title": "خبر", "text": CLAIM}),
        '{"id": "broken", "text": ',
        json.dumps({"outlet": "الثانية", "text": CLAIM_2}),
    ]
    path = write(tmp_path, "dump.jsonl", "\n".join(lines) + "\n")
    found = articles(path)
    problems = [p for p in found if isinstance(p, corpus.Problem)]
    assert [(p.path, p.line) for p in problems] == [(str(path), 2)]
    first, third = [a for a in found if not isinstance(a, corpus.Problem)]
    assert (first.id, first.outlet, first.outlet_source, first.published) == (
        "a1",
        "وكالة الأولى",
        "record",
        "2024-01-02",
    )
    assert third.id == f"{tmp_path.name}/dump.jsonl:3"  # a record without an id: its file and line
    result = runner.invoke(app, ["ingest", str(path), "--db", db])
    assert result.exit_code == 1 and f"{path}:2" in result.output
    assert {r["article"] for r in export(runner, db)} == {"a1", f"{tmp_path.name}/dump.jsonl:3"}


def test_json_array_and_single_object(tmp_path):
    many = write(
        tmp_path, "many.json", json.dumps([{"id": "x", "text": CLAIM}, {"text": ""}, {"id": "y", "text": CLAIM_2}])
    )
    found = articles(many)
    assert [a.id for a in found if isinstance(a, corpus.Problem) is False] == ["x", "y"]
    assert [p.reason for p in found if isinstance(p, corpus.Problem)] == ['record 2: record has no "text"']
    one = write(tmp_path, "one.json", json.dumps({"title": "واحد", "text": CLAIM}))
    assert [a.id for a in articles(one)] == [f"{tmp_path.name}/one.json"]


def test_stdin(runner, db):
    result = runner.invoke(app, ["ingest", "-", "--db", db, "--outlet", "نشرة"], input=CLAIM.encode("utf-8"))
    assert result.exit_code == 0, result.output
    [row] = export(runner, db)
    assert row["speaker"] == "Sergei Lavrov" and row["article"].startswith("stdin-") and row["outlet"] == "نشرة"


def test_stdin_json_lines(runner, db):
    records = "\n".join(json.dumps({"id": i, "text": t}) for i, t in (("s1", CLAIM), ("s2", CLAIM_2)))
    result = runner.invoke(app, ["ingest", "-", "--db", db], input=records.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert {r["article"] for r in export(runner, db)} == {"s1", "s2"}


# ----- outlet and date -----


@pytest.mark.parametrize(
    "line, outlet",
    [
        ("المصدر: وكالة الشمال الإخبارية", "الشمال الإخبارية"),
        ("صوت المدينة- متابعة", "صوت المدينة"),
        ("أخبار الساحل_ وكالات", "أخبار الساحل"),
        ("وأضاف الخبير في تصريحات خاصة لـ'نافذة الشرق' إن الأمر محسوم.", "نافذة الشرق"),
        ("وأضاف الخبير في تصريحات خاصة لـ”نافذة الشرق”: إن الأمر محسوم.", "نافذة الشرق"),
        ("وأضاف الخبير في حديث خاص لـ «نافذة الشرق» إن الأمر محسوم.", "نافذة الشرق"),
        ("وقال الخبير في تصريحات خاصة لـ نافذة الشرق: إن الأمر محسوم.", "نافذة الشرق"),
    ],
)
def test_outlet_signature(line, outlet):
    article = corpus.parse_text(CLAIM + line + "\n")
    assert (article.outlet, article.outlet_source) == (outlet, "signature")


def test_a_dateline_city_is_not_an_outlet():
    assert corpus.parse_text("موسكو - وكالات\n" + CLAIM).outlet is None


def test_outlet_option_overrides_signature(runner, db, tmp_path):
    path = write(tmp_path, "a.txt", CLAIM + "المصدر: وكالة الشمال\n")
    runner.invoke(app, ["ingest", str(path), "--db", db, "--outlet", "نشرة الخيار"])
    [row] = export(runner, db)
    assert row["outlet"] == "نشرة الخيار"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("تاريخ النشر: 5th, September 2023 GMT", date(2023, 9, 5)),
        ("الجمعة ٠٨ / نوفمبر / ٢٠٢٤", date(2024, 11, 8)),
        ("اليوم الاثنين (4 أيلول 2023)", date(2023, 9, 4)),
        ("في 12 كانون الثاني 2022", date(2022, 1, 12)),
        ("September 5, 2023", date(2023, 9, 5)),
        ("30 أغسطس/آب 2023", date(2023, 8, 30)),
        ("2023-09-05T10:00", date(2023, 9, 5)),
        ("05/09/2023", date(2023, 9, 5)),
        ("من 10 إلى 13 سبتمبر الجاري", None),
    ],
)
def test_find_date(text, expected):
    assert corpus.find_date(text) == expected


def test_published_from_label_and_from_masthead():
    labelled = corpus.parse_text("عنوان الخبر\nتاريخ النشر: 3rd, March 2024\n" + CLAIM)
    assert (labelled.published, labelled.published_source) == ("2024-03-03", "label")
    masthead = corpus.parse_text("السبت ٠٢ / مارس / ٢٠٢٤\nعنوان الخبر\n" + CLAIM)
    assert (masthead.published, masthead.published_source) == ("2024-03-02", "masthead")
    assert masthead.title == "عنوان الخبر"  # the date line is masthead furniture, not the title
    in_body = corpus.parse_text("عنوان الخبر\n" + CLAIM + "وجرى اللقاء في 4 أيلول 2023.\n")
    assert in_body.published is None  # a date in the story is an event's, not the publication's


def test_relative_day_resolved_against_publication_date():
    article = corpus.parse_text("تاريخ النشر: 2024-03-07\nأعلن المجلس اليوم الثلاثاء، ثم اجتمع أمس الأربعاء.\n")
    days = corpus.relative_days(article)
    assert [d for _, _, d in days] == [date(2024, 3, 5), date(2024, 3, 6)]
    assert article.text[days[0][0] : days[0][1]] == "اليوم الثلاثاء"
    assert corpus.relative_days(corpus.parse_text("أعلن المجلس اليوم الثلاثاء.\n")) == []


# ----- boilerplate and glued stories -----


def test_boilerplate_lines_are_blocked_and_a_glued_story_is_story_2(runner, db, tmp_path):
    text = (
        "الوضع الداكن\nعنوان القصة الأولى\n" + CLAIM + "شارك هذا المقال\nاشترك في نشرتنا البريدية\n"
        "إقرأ أيضاً:\nعنوان القصة الثانية\n" + CLAIM_2
    )
    path = write(tmp_path, "glued.txt", text)
    [article] = articles(path)
    blocked = [text[a:b] for a, b in article.blocked]
    assert {"الوضع الداكن", "شارك هذا المقال", "اشترك في نشرتنا البريدية", "إقرأ أيضاً:"} <= set(blocked)
    assert [(s.number, s.title) for s in article.stories] == [(1, "عنوان القصة الأولى"), (2, "عنوان القصة الثانية")]
    runner.invoke(app, ["ingest", str(path), "--db", db])
    rows = {r["speaker"]: r for r in export(runner, db)}
    assert (rows["Sergei Lavrov"]["story"], rows["Dmitry Peskov"]["story"]) == (1, 2)
    for row in rows.values():
        assert text[row["char_start"] : row["char_end"]] == row["text"]


# ----- language -----


def test_detect_language():
    assert lang.detect_language(CLAIM) == "ar"
    assert lang.detect_language("The minister said that the talks would take place in Moscow next week.") == "en"
    assert lang.detect_language("وزیر امور خارجه گفت که گفتگوها در مسکو برگزار می‌شود و پیشرفت کرده است.") == "fa"


def test_unsupported_language_is_a_problem_line_not_a_crash(runner, db, tmp_path):
    french = write(tmp_path, "fr.txt", "Deux ministres se sont rencontrés hier à Berlin pour des discussions.\n")
    declared = write(tmp_path, "declared.txt", "---\nlanguage: fr\n---\n" + CLAIM)
    write(tmp_path, "ar.txt", CLAIM)
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", db])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{french}: the article is in language 'und-Latn'" in result.output
    assert f"{declared}: the article is in language 'fr'" in result.output  # front matter wins
    assert {r["article"] for r in export(runner, db)} == {f"{tmp_path.name}/ar.txt"}


# ----- the seed corpus -----


def test_seed_outlets_dates_and_glued_story(seed_db):
    from claimtrack import Store

    with Store.open(seed_db) as store:
        rows = {
            r["id"].removeprefix("corpus/").removesuffix(".txt"): r for r in store.db.query("SELECT * FROM articles")
        }
        story = store.db.execute(
            "SELECT DISTINCT story FROM statements WHERE article_id = 'corpus/baghdad-today.txt' AND text LIKE '%إيران%'"
        ).fetchall()
    assert rows["levant-news"]["outlet"] == "ليفانت نيوز"
    assert rows["arab-files"]["outlet"] == "ملفات عربية"
    assert rows["baghdad-today"]["outlet"] == "بغداد اليوم"
    assert {rows[k]["outlet_source"] for k in ("levant-news", "arab-files", "baghdad-today")} == {"signature"}
    assert (rows["baghdad-today"]["published"], rows["baghdad-today"]["published_source"]) == ("2023-09-05", "label")
    assert story == [(2,)]


def test_seed_baghdad_today_russia_iran_story_is_story_2():
    article = corpus.read_file(CORPUS / "baghdad-today.txt")
    assert len(article.stories) == 2
    second = article.stories[1]
    assert "روسيا وإيران" in second.title and article.text.index("روسيا وإيران") >= second.start


def test_statements_are_dated_by_the_day_their_sentence_names(runner, db, tmp_path):
    write(
        tmp_path,
        "dated.txt",
        "---\npublished: 2023-09-05\n---\n"
        "وقال الوزير، اليوم الثلاثاء، إن الحدود ستفتح.\n"
        "وقال المتحدث، الاثنين، إن الاتفاق جاهز.\n"
        "وقال السفير إن الحوار مستمر.\n",
    )
    runner.invoke(app, ["ingest", str(tmp_path / "dated.txt"), "--db", db])
    assert [r["said_on"] for r in export(runner, db)] == ["2023-09-05", "2023-09-04", None]
