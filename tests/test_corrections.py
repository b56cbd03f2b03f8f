"""Corrections that last, and speakers that do not depend on the order articles arrived in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack.cli import app
from conftest import write

HEALTH = "وقال الوزير إن المستشفيات ستستقبل المرضى.\nوقال المحافظ حسن عبد الله إن الطرق مغلقة.\n"
SPORT = "وأكد الوزير أن المنتخب سيشارك في البطولة.\nوقال عبد الله إن الملعب جاهز.\n"
NEWS = "وقالت وزيرة الصحة ليلى حمدان إن اللقاحات وصلت.\nوأضافت الوزيرة أن الحملة تبدأ غدا.\n"


def _folders(tmp_path: Path) -> tuple[str, str]:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    write(a, "health.txt", HEALTH)
    write(a, "news.txt", NEWS)
    write(b, "sport.txt", SPORT)
    return str(a), str(b)


def _run(runner, *args) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.stdout


def _said(runner, db: str) -> dict[tuple[str, int], str]:
    """(article file name without suffix, offset) -> speaker; article ids carry the folder they were read from."""
    rows = [json.loads(line) for line in _run(runner, "export", "--db", db, "--format", "jsonl").splitlines()]
    return {(Path(r["article"]).stem, r["char_start"]): r["speaker"] for r in rows}


def _article_id(runner, db: str, stem: str) -> str:
    rows = [json.loads(line) for line in _run(runner, "export", "--db", db, "--format", "jsonl").splitlines()]
    return next(r["article"] for r in rows if Path(r["article"]).stem == stem)


def test_ingest_order_does_not_change_speakers(runner, tmp_path):
    a, b = _folders(tmp_path)
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    _run(runner, "ingest", a, "--db", one)
    _run(runner, "ingest", b, "--db", one)
    _run(runner, "ingest", b, "--db", two)
    _run(runner, "ingest", a, "--db", two)
    assert _said(runner, one) == _said(runner, two)


def test_a_person_named_in_two_scripts_is_one_speaker_in_either_order(runner, tmp_path):
    """Nobody in the packs' data: named in Arabic letters in one article and in Latin in the other."""
    arabic, latin = tmp_path / "ar", tmp_path / "en"
    arabic.mkdir()
    latin.mkdir()
    write(arabic, "floods.txt", "وقال تامر رمضان إن عدد المفقودين بلغ عشرة آلاف شخص.\n")
    write(latin, "floods-en.txt", "Tamer Ramadan said that the number of missing people had reached ten thousand.\n")
    said = []
    for first, second in ((arabic, latin), (latin, arabic)):
        db = str(tmp_path / f"{first.name}.db")
        _run(runner, "ingest", first, "--db", db)
        _run(runner, "ingest", second, "--db", db)
        said.append(_said(runner, db))
    assert said[0] == said[1] and len(set(said[0].values())) == 1, said


def test_the_minister_of_two_articles_is_two_speakers(runner, tmp_path):
    a, b = _folders(tmp_path)
    db = str(tmp_path / "c.db")
    _run(runner, "ingest", a, b, "--db", db)
    said = _said(runner, db)
    ministers = {sp for (article, start), sp in said.items() if article in ("health", "sport") and start < 20}
    assert len(ministers) == 2 and all(" · " in sp for sp in ministers), said
    speakers = json.loads(_run(runner, "speakers", "--db", db, "--json"))
    titles = [s for s in speakers if s["kind"] == "title"]
    assert all("(unnamed" in s["latin"] for s in titles)


def test_a_body_of_one_article_is_shown_romanised_with_its_article(runner, tmp_path):
    # A body named by a common noun only ("the central bank") belongs to its article; its Latin name romanises
    # the name and gives the article as it is, not the article's path spelled out as words of the name.
    for name in ("first", "second"):
        write(tmp_path, f"{name}.txt", "وقال البنك المركزي إن التضخم تراجع خلال الشهر الماضي.\n")
    db = str(tmp_path / "c.db")
    _run(runner, "ingest", tmp_path / "first.txt", tmp_path / "second.txt", "--db", db)
    scoped = [s for s in json.loads(_run(runner, "speakers", "--db", db, "--json")) if " · " in s["speaker"]]
    assert len(scoped) == 2, scoped
    for s in scoped:
        article = s["speaker"].rpartition(" · ")[2]
        assert s["latin"].endswith(f" ({article})") and "txt" not in s["latin"].removesuffix(f" ({article})"), s


@pytest.mark.parametrize(
    "command, expect",
    [
        (["speakers", "rename", "ليلى حمدان", "Layla Hamdan"], {"news": "Layla Hamdan"}),
        (["speakers", "merge", "حسن عبد الله", "عبد الله"], {"health": "حسن عبد الله", "sport": "حسن عبد الله"}),
        (["speakers", "split", "ليلى حمدان", "Another Layla", "--article", "@news"], {"news": "Another Layla"}),
    ],
    ids=["rename", "merge", "split"],
)
def test_a_correction_survives_reingest_and_rematch(runner, tmp_path, command, expect):
    a, b = _folders(tmp_path)
    db = str(tmp_path / "c.db")
    _run(runner, "ingest", a, b, "--db", db)
    before = _said(runner, db)
    assert "عبد الله" in before.values() or command[1] != "merge"
    command = [_article_id(runner, db, c[1:]) if c.startswith("@") else c for c in command]
    _run(runner, *command, "--db", db)

    def check():
        said = _said(runner, db)
        for article, speaker in expect.items():
            assert speaker in {sp for (art, _), sp in said.items() if art == article}, said

    check()
    # The same folder again, with one article changed so it is really re-read and re-resolved.
    write(Path(a), "news.txt", NEWS + "وقالت الوزيرة إن المراكز تفتح مساء.\n")
    _run(runner, "ingest", a, b, "--db", db)
    check()
    _run(runner, "rematch", "--db", db)
    check()
    listed = json.loads(_run(runner, "corrections", "--db", db, "--json"))
    assert [c["action"] for c in listed] == [command[1]]


def test_set_speaker_and_alias_last_and_travel_in_a_file(runner, tmp_path):
    a, _ = _folders(tmp_path)
    db, other = str(tmp_path / "c.db"), str(tmp_path / "d.db")
    _run(runner, "ingest", a, "--db", db)
    shown = json.loads(_run(runner, "show", "health", "--db", db, "--json"))
    first = shown["statements"][0]
    _run(runner, "statement", "set-speaker", first["id"], "Minister of Health", "--db", db)
    _run(runner, "speakers", "alias", "ليلى حمدان", "الدكتورة ليلى", "--db", db)
    write(Path(a), "health.txt", HEALTH + "وقال الطبيب إن العدوى محدودة.\n")
    _run(runner, "ingest", a, "--db", db)
    assert _said(runner, db)[("health", first["char_start"])] == "Minister of Health"
    path = tmp_path / "fixes.json"
    _run(runner, "corrections", "export", path, "--db", db)
    _run(runner, "ingest", a, "--db", other)
    _run(runner, "corrections", "import", path, "--db", other)
    _run(runner, "corrections", "import", path, "--db", other)  # twice: nothing doubled
    assert len(json.loads(_run(runner, "corrections", "--db", other, "--json"))) == 2
    assert _said(runner, other)[("health", first["char_start"])] == "Minister of Health"


def test_corrections_file_errors_name_the_file(runner, tmp_path, db):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "claimtrack-corrections/1", "corrections": [{"action": "merge", "args": {}}]}')
    _run(runner, "ingest", write(tmp_path, "x.txt", HEALTH), "--db", db)
    result = runner.invoke(app, ["corrections", "import", str(bad), "--db", db])
    assert result.exit_code == 1 and "bad.json" in result.output and "keep" in result.output


def test_a_correction_must_name_a_speaker(runner, tmp_path, db):
    _run(runner, "ingest", write(tmp_path, "x.txt", HEALTH), "--db", db)
    result = runner.invoke(app, ["speakers", "rename", "Nobody Here", "X", "--db", db])
    assert result.exit_code == 1 and "did you mean" in result.output


def test_who_said_unknown_exits_1_with_did_you_mean(runner, seed_db):
    result = runner.invoke(app, ["who-said", "Kim Yo Jong", "--db", seed_db])
    assert result.exit_code == 1 and "did you mean" in result.output and "Kim Jong Un" in result.output


def test_who_said_rows_carry_the_match(runner, seed_db):
    rows = json.loads(_run(runner, "who-said", "Peskov", "--db", seed_db, "--json"))
    assert rows and all((r["matched_speaker"], r["match"]) == ("Dmitry Peskov", "alias") for r in rows)


def test_unattributed_statements_are_kept_counted_and_not_listed(runner, tmp_path, db):
    path = write(tmp_path, "x.txt", "وقالت حصيلة رسمية إن عدد الضحايا ارتفع.\nوقال الوزير إن الإغاثة وصلت.\n")
    summary = json.loads(_run(runner, "ingest", path, "--db", db, "--json"))
    assert summary[0]["unattributed"] == 1
    speakers = json.loads(_run(runner, "speakers", "--db", db, "--json"))
    assert "(unattributed)" not in {s["speaker"] for s in speakers}
    assert "(unattributed)" in _run(runner, "show", "x", "--db", db)


def test_a_correction_that_finds_nothing_any_more_says_so(runner, tmp_path):
    a, _ = _folders(tmp_path)
    db = str(tmp_path / "c.db")
    _run(runner, "ingest", a, "--db", db)
    first = json.loads(_run(runner, "show", "health", "--db", db, "--json"))["statements"][0]
    _run(runner, "statement", "set-speaker", first["id"], "Minister of Health", "--db", db)
    assert [c["in_effect"] for c in json.loads(_run(runner, "corrections", "--db", db, "--json"))] == [True]
    write(Path(a), "health.txt", "عنوان جديد للخبر\n" + HEALTH)  # every offset moves
    _run(runner, "ingest", a, "--db", db)
    assert [c["in_effect"] for c in json.loads(_run(runner, "corrections", "--db", db, "--json"))] == [False]
    result = runner.invoke(app, ["corrections", "--db", db])
    assert "find nothing to correct" in result.output
