"""A CLI without rough edges: usage errors name the option, global options anywhere, a header on piped lines,
nothing silent, tables that never cut a word, help without noise."""

from __future__ import annotations

import json
import re
from importlib.metadata import requires, version

import pytest
from rich.cells import cell_len

from claimtrack.cli import app
from claimtrack.cli.app import globals_first
from conftest import CORPUS, write

PIPE = {"TTY_COMPATIBLE": None, "FORCE_COLOR": None}


def _commands() -> dict:
    import typer.main

    group = typer.main.get_command(app)
    return {name: group.get_command(None, name) for name in group.list_commands(None)}


# Each command's own options, given a value it refuses: exit 2, the usage line, the option named.
BAD_VALUES = [
    (["who-said", "Kirby", "--limit", "0"], "--limit"),
    (["who-said", "Kirby", "--min-confidence", "2"], "--min-confidence"),
    (["speakers", "--limit", "many"], "--limit"),
    (["search", "كوريا", "--since", "last week"], "--since"),
    (["show", "x", "--limit", "-1"], "--limit"),
    (["claims", "--min-size", "0"], "--min-size"),
    (["diff", "--a", "one", "--b", "2"], "--a"),
    (["diff"], "CLUSTER"),
    (["timeline", "Kirby", "--until", "2024-02-30"], "--until"),
    (["conflicts", "--json", "--nl"], "--nl"),
    (["export", "--format", "xml"], "--format"),
    (["export", "--what", "quotes"], "--what"),
    (["export", "--excel", "--format", "json"], "--excel"),
    (["rematch", "--verbatim", "101"], "--verbatim"),
    (["rematch", "--min-copy-words", "0"], "--min-copy-words"),
    (["rematch", "--semantic-other-speaker", "2"], "--semantic-other-speaker"),
    (["rematch", "--other-speaker-dice", "half"], "--other-speaker-dice"),
    (["ingest", "corpus/", "--retries", "-1"], "--retries"),
    (["ingest"], "SOURCES"),
    (["watch", "--feed", "http://127.0.0.1:9/rss.xml", "--every", "soon"], "--every"),
    (["serve", "--port", "0"], "--port"),
]


@pytest.mark.parametrize("args, option", BAD_VALUES, ids=[" ".join(a) for a, _ in BAD_VALUES])
def test_a_bad_value_is_a_usage_error_naming_the_option(runner, seed_db, args, option):
    result = runner.invoke(app, [*args, "--db", seed_db])
    assert result.exit_code == 2, result.output
    assert "Usage: " in result.output and f" {args[0]} " in result.output
    assert option in result.output and "Traceback" not in result.output and "--debug" not in result.output


@pytest.mark.parametrize("command", sorted(_commands()))
def test_an_unknown_option_is_a_usage_error_on_every_command(runner, command):
    result = runner.invoke(app, [command, "--bogus"])
    assert result.exit_code == 2
    assert "No such option: --bogus" in result.output and f" {command} [OPTIONS]" in result.output


@pytest.mark.parametrize("command", sorted(_commands()))
def test_help_has_an_example_and_no_type_noise(runner, command):
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "Example: claimtrack" in result.output
    assert "<bool>" not in result.output and "%Y" not in result.output


def test_top_help_lists_every_command_without_type_noise(runner):
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "120"})
    assert "<bool>" not in result.output
    for command in ("ingest", "watch", "timeline", "search"):
        assert command in result.output


def test_the_declared_typer_range_is_the_one_tested():
    """The range in pyproject.toml is the Typer this suite runs on: a Typer outside it is untested (its Click
    copy, its help layout), so widening the range needs a run on the new bound first."""
    declared = next(r for r in requires("claimtrack") if r.startswith("typer"))
    low = re.search(r">=\s*([\d.]+)", declared).group(1)
    high = re.search(r"<\s*([\d.]+)", declared).group(1)
    installed = tuple(int(x) for x in version("typer").split(".")[:2])

    def minor(v: str) -> tuple[int, ...]:
        return tuple(int(x) for x in v.split(".")[:2])

    assert minor(low) <= installed < minor(high)
    assert minor(high) <= (minor(low)[0], minor(low)[1] + 1)  # one minor release: the one tested


@pytest.mark.parametrize(
    "args, expected",
    [
        (["who-said", "Kirby", "--bidi", "off"], ["--bidi", "off", "who-said", "Kirby"]),
        (["who-said", "Kirby", "--bidi=on", "--debug"], ["--bidi=on", "--debug", "who-said", "Kirby"]),
        (["search", "--", "--bidi"], ["search", "--", "--bidi"]),
        (["--bidi", "off", "speakers"], ["--bidi", "off", "speakers"]),
    ],
)
def test_global_options_move_before_the_command(args, expected):
    assert globals_first(args) == expected


def test_global_options_after_the_command_name(runner, seed_db):
    env = {"TTY_COMPATIBLE": "1", "COLUMNS": "120"}
    after = runner.invoke(app, ["who-said", "Kirby", "--db", seed_db, "--bidi", "off"], env=env)
    before = runner.invoke(app, ["--bidi", "off", "who-said", "Kirby", "--db", seed_db], env=env)
    assert after.exit_code == 0 and after.stdout == before.stdout
    shaped = runner.invoke(app, ["who-said", "Kirby", "--db", seed_db, "--bidi", "on"], env=env)
    assert shaped.stdout != after.stdout


def test_piped_lines_start_with_a_header(runner, seed_db):
    out = runner.invoke(app, ["speakers", "--db", seed_db], env=PIPE).stdout.splitlines()
    assert out[0] == "speaker\tlatin\tkind\tstatements\tarticles\toutlets"
    assert all(line.count("\t") == 5 for line in out)


def test_a_query_without_a_database_says_how_to_make_one(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMTRACK_DB", raising=False)
    result = runner.invoke(app, ["who-said", "Kirby"])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "claims.db: no database here; run `claimtrack ingest" in result.stderr
    assert not (tmp_path / "claims.db").exists()


@pytest.mark.parametrize("command", [["who-said", "Kirby"], ["ingest", str(CORPUS)], ["export"]])
def test_db_in_a_missing_folder_is_one_line(runner, tmp_path, command):
    db = tmp_path / "no" / "such" / "claims.db"
    result = runner.invoke(app, [*command, "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {db}: the folder {db.parent} does not exist\n"


def test_files_without_an_article_say_so_and_write_no_database(runner, tmp_path):
    (tmp_path / "in").mkdir()
    write(tmp_path / "in", "empty.txt", "")
    write(tmp_path / "in", "bad.jsonl", '{"id": "x"}\n')
    db = tmp_path / "claims.db"
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db)])
    assert result.exit_code == 1
    assert "empty file" in result.stderr and 'record has no "text"' in result.stderr
    assert "nothing to ingest" in result.stderr
    assert not db.exists()


def test_a_front_matter_title_with_a_colon_is_read(runner, db, tmp_path):
    text = (
        "---\noutlet: بغداد اليوم\ntitle: بيسكوف: المحادثات في موسكو\n---\nوقال بيسكوف إن المحادثات ستجري في موسكو.\n"
    )
    path = write(tmp_path, "a.txt", text)
    assert runner.invoke(app, ["ingest", str(path), "--db", db]).exit_code == 0
    doc = json.loads(runner.invoke(app, ["show", "a", "--db", db, "--json"]).stdout)
    assert doc["article"]["title"] == "بيسكوف: المحادثات في موسكو" and doc["article"]["outlet"] == "بغداد اليوم"


def test_version_and_completion(runner, named_shell):
    from claimtrack import __version__

    assert runner.invoke(app, ["--version"]).stdout == f"claimtrack {__version__}\n"
    completion = runner.invoke(app, ["--show-completion", "bash"], env={"SHELL": "/bin/bash"})
    assert completion.exit_code == 0 and "complete -o default -F" in completion.stdout


# ----- tables at 60, 80 and 160 columns: words wrap whole -----

TABLES = [
    ["who-said", "Kirby"],
    ["speakers"],
    ["search", "كوريا"],
    ["claims"],
    ["conflicts"],
    ["timeline", "Kirby"],
]
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_BOX = re.compile(r"[│┃┏┓┗┛┡┩└┘┳┻╇╈┼─━┠┨┯┷╋├┤┬┴╭╮╰╯═║╔╗╚╝]")


def _words(value) -> set[str]:
    if isinstance(value, dict):
        return set().union(*map(_words, value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*map(_words, value)) if value else set()
    if isinstance(value, float):
        return {f"{value:.2f}"}
    return set(str(value).replace(",", " ").split()) if value is not None else set()


@pytest.mark.parametrize("width", [60, 80, 160])
@pytest.mark.parametrize("command", TABLES, ids=lambda c: c[0])
def test_tables_never_cut_a_word(runner, seed_db, command, width):
    env = {"TTY_COMPATIBLE": "1", "COLUMNS": str(width), "NO_COLOR": "1"}
    screen = runner.invoke(app, ["--bidi", "off", *command, "--db", seed_db], env=env)
    assert screen.exit_code == 0, screen.output
    data = json.loads(runner.invoke(app, [*command, "--db", seed_db, "--json"]).stdout)
    known = _words(data) | {"◆", "first", "?", "…", "speakers", "titles"}
    lines = [_ANSI.sub("", line) for line in screen.stdout.splitlines() if "│" in line]
    assert lines
    for line in lines:
        assert cell_len(line) <= width  # combining marks (tanween, shadda) take no cell
        for cell in line.split("│")[1:-1]:
            for word in _BOX.sub(" ", cell).replace(",", " ").split():
                assert word in known or word.strip("()") in known or word.isdigit(), (width, word, line)
