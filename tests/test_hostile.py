"""Nothing lost, nothing trusted, round two: the database protected from its own commands, one bad file or
record never stops a run, article ids that never collide, hostile text kept out of terminals, limits per article,
and every error a user can cause on one line."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from claimtrack import Store, ingest
from claimtrack.cli import app
from conftest import write

GOOD = "وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات ستجري في موسكو.\n"
OTHER = "وقال وزير الخارجية الروسي سيرغي لافروف إن الاجتماع انتهى بلا اتفاق.\n"


def _export(runner, db: str) -> list[dict]:
    result = runner.invoke(app, ["export", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture
def filled(runner, db, tmp_path) -> str:
    (tmp_path / "in").mkdir()
    write(tmp_path / "in", "a.txt", GOOD)
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db])
    assert result.exit_code == 0, result.output
    return db


# ----- 1. export never writes over a database -----


@pytest.mark.parametrize(
    "target",
    [
        lambda db, tmp: db,  # the database itself
        lambda db, tmp: db + "-wal",
        lambda db, tmp: db + "-shm",
        lambda db, tmp: str(Path(db).parent / "." / Path(db).name),
        lambda db, tmp: _link(tmp / "link.db", db, symbolic=True),
        lambda db, tmp: _link(tmp / "hard.db", db, symbolic=False),
    ],
    ids=["same", "wal", "shm", "dot", "symlink", "hardlink"],
)
def test_export_refuses_to_write_over_its_database(runner, filled, tmp_path, target):
    before = _export(runner, filled)
    out = target(filled, tmp_path)
    result = runner.invoke(app, ["export", "--db", filled, "--output", out])
    assert result.exit_code == 1, result.output
    assert "--output" in result.stderr and "database" in result.stderr
    assert _export(runner, filled) == before
    assert not Path(out + ".part").exists()


def test_export_refuses_to_overwrite_any_sqlite_file(runner, filled, tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = other.read_bytes()
    result = runner.invoke(app, ["export", "--db", filled, "-o", str(other)])
    assert result.exit_code == 1 and "SQLite database" in result.stderr
    assert other.read_bytes() == before
    plain = tmp_path / "old.csv"
    plain.write_text("old\n")
    assert runner.invoke(app, ["export", "--db", filled, "-o", str(plain)]).exit_code == 0
    assert plain.read_text().startswith("id,")


def _link(link: Path, target: str, *, symbolic: bool) -> str:
    (link.symlink_to if symbolic else link.hardlink_to)(target)
    return str(link)


# ----- 2. one bad file or record never stops a run -----


def _front(published: str) -> str:
    return f"---\noutlet: نشرة\ntitle: خبر\npublished: {published}\n---\n{OTHER}"


BAD_FILES = {
    "b-month.txt": (_front("2023-13-45"), 4, "published"),
    "c-feb30.md": (_front("2023-02-30"), 4, "published"),
    "d-hour.txt": (_front("2023-09-05T25:61:00"), None, None),  # the date is good; the time is not needed
    "e-deep.txt": ("---\nx: " + "[" * 20_000 + "]" * 20_000 + "\n---\n" + OTHER, 2, "nested"),
    "f-deep.json": ("[" * 100_000 + "]" * 100_000, 1, "nested"),
}


def test_bad_files_and_records_are_named_counted_and_skipped(runner, db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "a-good.txt", GOOD)
    for name, (text, _, _) in BAD_FILES.items():
        write(folder, name, text)
    records = [
        json.dumps({"id": "r1", "text": OTHER.replace("بلا", "دون")}),
        '{"id": "deep", "x": ' + "[" * 100_000 + "]" * 100_000 + ', "text": "x"}',
        json.dumps({"id": "r3", "published": "2023-13-45", "text": OTHER}),
        json.dumps({"id": "r4", "text": GOOD.replace("موسكو", "جنيف")}),
    ]
    write(folder, "g-records.jsonl", "\n".join(records) + "\n")
    write(folder, "z-good.txt", GOOD.replace("المحادثات", "المفاوضات"))
    for attempt in range(2):  # a re-run meets the same files the same way
        result = runner.invoke(app, ["ingest", str(folder), "--db", db])
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output and "Error:" in result.stderr
        for word in ("RecursionError", "ValueError", "must be in"):
            assert word not in result.output
        lines = result.stderr.splitlines()
        for name, (_, line, reason) in BAD_FILES.items():
            where = f"{folder / name}:{line}:" if line else f"{folder / name}:"
            if reason:
                assert sum(line.startswith(f"Error: {where}") and reason in line for line in lines) == 1, (name, lines)
            else:
                assert not any(name in line for line in lines)
        for n, reason in ((2, "nested"), (3, "published")):
            assert sum(f"g-records.jsonl:{n}:" in line and reason in line for line in lines) == 1, lines
    rows = _export(runner, db)
    assert {r["article"] for r in rows} == {"in/a-good.txt", "in/d-hour.txt", "r1", "r4", "in/z-good.txt"}
    assert all(r["cluster"] is not None for r in rows)  # matching ran over everything stored


def test_an_article_claimtrack_fails_on_is_reported_and_the_run_goes_on(runner, db, tmp_path, monkeypatch):
    from claimtrack import prepare

    real = prepare.extract_article

    def fails_on_b(article, *args):
        if "b.txt" in (article.path or ""):
            raise RecursionError("maximum recursion depth exceeded")
        return real(article, *args)

    monkeypatch.setattr(prepare, "extract_article", fails_on_b)
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path, name, GOOD.replace("موسكو", name[0]))
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", db])
    assert result.exit_code == 1
    [line] = [line for line in result.stderr.splitlines() if "b.txt" in line]
    assert "RecursionError" not in line and "--debug" in line
    assert len(_export(runner, db)) == 2
    debug = runner.invoke(app, ["--debug", "ingest", str(tmp_path), "--db", db])
    assert isinstance(debug.exception, RecursionError)


def test_strict_stops_but_what_was_stored_is_matched(db, tmp_path):
    from claimtrack.errors import ClaimtrackError

    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "b.txt", GOOD.replace("قال", "وقال أيضا"))
    write(tmp_path, "c.txt", _front("2023-13-45"))
    write(tmp_path, "d.txt", OTHER)
    with Store.open(db) as store:
        with pytest.raises(ClaimtrackError, match="published"):
            ingest([str(tmp_path)], store, strict=True)
        assert store.counts()["articles"] == 2 and store.unmatched() == 0


# ----- 3. article ids: unique per source, stable across runs -----


def test_files_with_the_same_name_are_different_articles(runner, db, tmp_path, monkeypatch):
    folder = tmp_path / "news"
    for sub, text in (("one", GOOD), ("two", OTHER)):
        (folder / sub).mkdir(parents=True)
        write(folder / sub, "article.txt", text)
    write(folder, "x.txt", GOOD.replace("موسكو", "جنيف"))
    write(folder, "x.md", OTHER.replace("بلا", "دون"))
    first = ingest_json(runner, [str(folder)], db)
    assert first["articles_new"] == 4
    ids = {r["article"] for r in _export(runner, db)}
    assert ids == {"news/one/article.txt", "news/two/article.txt", "news/x.txt", "news/x.md"}
    monkeypatch.chdir(folder)  # the same folder named another way, from another directory
    again = ingest_json(runner, [".", "x.md"], db)
    assert (again["articles_new"], again["articles_updated"], again["articles_unchanged"]) == (0, 0, 4)


def test_show_finds_an_article_by_its_file_name_unless_two_share_it(runner, db, tmp_path):
    for sub in ("one", "two"):
        (tmp_path / sub).mkdir()
        write(tmp_path / sub, "article.txt", GOOD)
    write(tmp_path / "one", "only.txt", OTHER)
    ingest_json(runner, [str(tmp_path)], db)
    for name in ("only", "only.txt", "one/only.txt", str(tmp_path / "one" / "only.txt")):
        result = runner.invoke(app, ["show", name, "--db", db, "--json"])
        assert result.exit_code == 0, (name, result.output)
        assert json.loads(result.stdout)["article"]["id"] == f"{tmp_path.name}/one/only.txt"
    result = runner.invoke(app, ["show", "article", "--db", db])
    assert result.exit_code == 1 and "one/article.txt" in result.stderr and "two/article.txt" in result.stderr


def test_two_records_with_one_id_in_a_run_are_a_problem_not_an_overwrite(runner, db, tmp_path):
    records = [json.dumps({"id": "same", "text": t}) for t in (GOOD, OTHER)]
    path = write(tmp_path, "dump.jsonl", "\n".join(records) + "\n")
    result = runner.invoke(app, ["ingest", str(path), "--db", db])
    assert result.exit_code == 1
    assert f"{path}:2: article id 'same' is already {path}:1's" in result.stderr
    assert [r["speaker"] for r in _export(runner, db)] == ["Dmitry Peskov"]


def test_a_database_with_old_ids_takes_the_new_ones_without_doubling(runner, db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    write(tmp_path / "news", "a.txt", GOOD)
    ingest_json(runner, ["news"], db)
    with sqlite3.connect(db) as conn:  # what an older claimtrack stored: the file name without extension
        conn.execute("PRAGMA foreign_keys = OFF")
        for table, column in (("statements", "article_id"), ("stories", "article_id"), ("articles", "id")):
            conn.execute(f"UPDATE {table} SET {column} = 'a' WHERE {column} = 'news/a.txt'")
        conn.execute("DELETE FROM files")  # nor did it keep a record of the files it read whole
    again = ingest_json(runner, ["news"], db)
    assert (again["articles_new"], again["articles_updated"]) == (0, 1)
    assert [r["article"] for r in _export(runner, db)] == ["news/a.txt"]


def ingest_json(runner, paths: list[str], db: str) -> dict:
    result = runner.invoke(app, ["ingest", *paths, "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)[0]


# ----- 4. hostile text never reaches a terminal as control sequences -----

CLEAR, TITLE, C1 = "\x1b[2J", "\x1b]0;pwned\x07", "\x9b31m"
LINK = "\x1b]8;;https://evil/x\x1b\\click\x1b]8;;\x1b\\"
HOSTILE = (CLEAR, TITLE, LINK, C1, "\u202e", "\u2066", "\r", "\x08")
EVIL_CLAIM = f"وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات {CLEAR}ستجري{TITLE} في موسكو {LINK} قريبا {C1}\u202eجدا\u2066 الآن.\n"
TERMINAL = {"TTY_COMPATIBLE": "1", "COLUMNS": "120", "NO_COLOR": None, "FORCE_COLOR": None, "TERM": "xterm-256color"}


def _no_controls(text: str) -> bool:
    """No escape sequence but the colour and style (SGR) ones Rich writes itself, no C1 control, no bidi override."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return not any(ch in text for ch in "\x1b\x07\x08\r\x9b\u202e\u2066")


@pytest.fixture
def hostile_db(runner, db, tmp_path) -> str:
    record = {"id": "evil" + CLEAR, "outlet": "نشرة" + TITLE, "title": "خبر" + LINK, "text": EVIL_CLAIM}
    copy = dict(record, id="evil-2", outlet="وكالة", text=EVIL_CLAIM.replace("بيسكوف", "بيسكوف الناطق"))
    write(tmp_path, "evil.jsonl", json.dumps(record) + "\n" + json.dumps(copy) + "\n")
    result = runner.invoke(app, ["ingest", str(tmp_path / "evil.jsonl"), "--db", db])
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize(
    "command",
    [
        ["who-said", "Peskov"],
        ["search", "المحادثات"],
        ["show", "evil" + CLEAR],
        ["claims"],
        ["diff", "1"],
        ["speakers"],
        ["conflicts"],
        ["export"],
        ["claims", "--csv"],
        ["claims", "--json"],
        ["who-said", "Peskov", "--nl"],
    ],
    ids=lambda c: "-".join(c),
)
@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "pipe"])
def test_control_sequences_in_articles_never_reach_the_terminal(runner, hostile_db, command, terminal):
    if not terminal and any(opt in command for opt in ("--csv", "export")):
        pytest.skip("CSV piped to a file or program is data: it keeps the text as it is")
    result = runner.invoke(app, ["--bidi", "off", *command, "--db", hostile_db], env=TERMINAL if terminal else {})
    assert result.exit_code == 0, result.output
    assert _no_controls(result.stdout) and _no_controls(result.stderr), repr(result.stdout[:2000])
    if "--json" in command or "--nl" in command:  # escaped, not lost: the same text comes back
        assert CLEAR in result.stdout.encode().decode("unicode_escape", "ignore") or "\\u001b" in result.stdout


def test_the_database_and_piped_csv_keep_the_text_as_it_was(runner, hostile_db):
    with sqlite3.connect(hostile_db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles WHERE text = ?", [EVIL_CLAIM]).fetchone()[0] == 1
    result = runner.invoke(app, ["export", "--db", hostile_db, "--format", "csv"])
    assert CLEAR in result.stdout and "\u202e" in result.stdout
    rows = _export(runner, hostile_db)
    assert any(CLEAR in r["text"] for r in rows)  # JSON escapes controls; the text read back is the same


def test_a_file_name_with_escapes_is_shown_harmless(runner, db, tmp_path):
    name = f"bad{TITLE}{CLEAR}.txt"
    (tmp_path / name).write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", db, "--json"], env=TERMINAL)
    assert result.exit_code == 1
    assert "empty file" in result.stderr and _no_controls(result.stderr), repr(result.stderr)


# ----- 6. limits per article on every input path -----


def test_json_lines_end_at_line_feeds_only(runner, db, tmp_path):
    records = [
        json.dumps({"id": "a", "title": "عنوان\u2028ثان", "text": GOOD.strip() + "\u2028"}, ensure_ascii=False),
        json.dumps({"id": "b", "title": "x\u0085y", "text": OTHER}, ensure_ascii=False),
        '{"id": "broken", "text": ',
    ]
    path = write(tmp_path, "dump.jsonl", "\n".join(records) + "\n")
    result = runner.invoke(app, ["ingest", str(path), "--db", db])
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("Error:")] == [
        f"Error: {path}:3: not valid JSON (Expecting value, column 26)"
    ]
    assert {r["article"] for r in _export(runner, db)} == {"a", "b"}


def test_a_big_json_lines_file_is_read_record_by_record(runner, db, tmp_path):
    from claimtrack import corpus

    filler = "ملء " * 2000  # no statement in it; about 16 KB a record
    records = [json.dumps({"id": f"r{n}", "text": f"{filler}\n{GOOD}"}, ensure_ascii=False) for n in range(80)]
    records.insert(40, json.dumps({"id": "huge", "text": "كلمة " * (corpus.MAX_FILE_BYTES // 8)}, ensure_ascii=False))
    path = write(tmp_path, "big.jsonl", "\n".join(records) + "\n")
    assert path.stat().st_size > corpus.MAX_FILE_BYTES
    result = runner.invoke(app, ["ingest", str(path), "--db", db, "--json"])
    assert result.exit_code == 1
    [line] = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert line.startswith(f"Error: {path}:41: ") and "larger than 1 MiB" in line
    assert json.loads(result.stdout)[0]["articles_new"] == 80


def test_standard_input_has_limits_too(runner, db):
    from claimtrack import corpus

    big = ("وقال " * (corpus.MAX_FILE_BYTES // 8)).encode()  # one article over the limit
    result = runner.invoke(app, ["ingest", "-", "--db", db], input=big)
    assert result.exit_code == 1 and "<stdin>: larger than 1 MiB" in result.stderr
    flood = b"x" * (corpus.MAX_STDIN_BYTES + 10)
    result = runner.invoke(app, ["ingest", "-", "--db", db], input=flood)
    assert result.exit_code == 1 and f"more than {corpus.MAX_STDIN_BYTES // 2**20} MiB" in result.stderr
    lines = "\n".join(json.dumps({"id": f"s{n}", "text": GOOD}) for n in range(3))
    assert runner.invoke(app, ["ingest", "-", "--db", db], input=lines.encode()).exit_code == 0


# ----- 8. every error a user can cause is one line naming what to fix -----

RAW_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:Error|Exception|Parameter|Usage)\b")


def _commands():
    """Every command and subcommand with its own options, as Typer builds them (its own copy of Click)."""
    import typer.main

    def walk(cmd, path):
        subs = getattr(cmd, "commands", None)
        if subs:
            for name, sub in subs.items():
                yield from walk(sub, [*path, name])
        if path:
            yield path, cmd

    yield from walk(typer.main.get_command(app), [])


def _bad_uses():
    for path, cmd in _commands():
        yield pytest.param(path, "--no-such-option", ["--no-such-option"], id=f"{' '.join(path)}-unknown")
        for param in cmd.params:
            flag = next((o for o in param.opts if o.startswith("--")), None)
            if flag is None or flag in ("--help", "--db"):
                continue
            if getattr(param, "is_flag", False):
                args = [f"{flag}=3"]
            elif param.bare_type() in ("int", "float", "datetime"):
                args = [flag, "not-a-value"]
            else:
                continue
            yield pytest.param(path, flag, args, id=f"{' '.join(path)}{flag}")


@pytest.mark.parametrize("path, option, args", list(_bad_uses()))
def test_a_usage_error_shows_usage_names_the_option_and_exits_2(runner, path, option, args):
    result = runner.invoke(app, [*path, *args])
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert "Usage:" in result.output and option in result.output, result.output
    assert "Traceback" not in result.output and not RAW_NAME.search(result.output), result.output


@pytest.mark.parametrize(
    "args, option",
    [
        (["export", "--format", "xml"], "--format"),
        (["export", "--what", "everything"], "--what"),
        (["export", "--excel", "--format", "json"], "--excel"),
        (["claims", "--json", "--csv"], "--json"),
        (["who-said", "Kirby", "--nl", "--json"], "--json"),
    ],
)
def test_option_values_claimtrack_checks_itself_are_usage_errors_too(runner, seed_db, args, option):
    result = runner.invoke(app, [*args, "--db", seed_db])
    assert result.exit_code == 2 and "Usage:" in result.output and option in result.output, result.output


def test_an_unexpected_error_names_no_exception_class(runner, db, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("statements")

    monkeypatch.setattr("claimtrack.queries.speaker_list", broken)
    write(tmp_path, "a.txt", GOOD)
    assert runner.invoke(app, ["ingest", str(tmp_path), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["speakers", "--db", db])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: ") and "--debug" in line and "KeyError" not in line, line
    assert isinstance(runner.invoke(app, ["--debug", "speakers", "--db", db]).exception, KeyError)
