"""How claimtrack looks in a terminal and in a pipe: bidi display, tables, show, search, options, help."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from rich.console import Console
from rich.text import Text

from claimtrack import Store
from claimtrack.store import SCHEMA_VERSION
from claimtrack import queries
from claimtrack.cli import app
from claimtrack.render import Bidi, ForDisplay, bidi_wanted, speaker_style, visual
from conftest import write

# Arabic presentation forms: what shaping produces and logical-order text never contains.
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Rich takes its output for a terminal when TTY_COMPATIBLE says so; the width keeps tables predictable.
TERMINAL = {
    "TTY_COMPATIBLE": "1",
    "COLUMNS": "120",
    "NO_COLOR": None,
    "FORCE_COLOR": None,
    "VTE_VERSION": None,
    "KONSOLE_VERSION": None,
    "MLTERM": None,
    "TERM_PROGRAM": None,
}
PIPE = {"TTY_COMPATIBLE": None, "FORCE_COLOR": None}

PESKOV = "وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات ستجري في موسكو.\n"


def table_cells(output: str) -> str:
    return "\n".join(line for line in ANSI.sub("", output).splitlines() if line.startswith("│"))


# ----- display mode -----


@pytest.mark.parametrize(
    ("environ", "wanted"),
    [
        ({}, True),
        ({"TERM_PROGRAM": "iTerm.app"}, True),
        ({"VTE_VERSION": "7600"}, False),
        ({"KONSOLE_VERSION": "230804"}, False),
        ({"MLTERM": "3.9.3"}, False),
        ({"TERM_PROGRAM": "Apple_Terminal"}, False),
    ],
)
def test_auto_asks_the_terminal(environ, wanted):
    assert bidi_wanted(Bidi.auto, is_terminal=True, environ=environ) is wanted


def test_auto_is_off_in_a_pipe_and_on_forces_it():
    assert bidi_wanted("auto", is_terminal=False, environ={}) is False
    assert bidi_wanted("on", is_terminal=False, environ={"VTE_VERSION": "7600"}) is True
    assert bidi_wanted("off", is_terminal=True, environ={}) is False


def test_who_said_shaped_in_table_cells_never_in_json(runner, seed_db):
    env = {**TERMINAL, "CLAIMTRACK_BIDI": "on"}
    table = runner.invoke(app, ["who-said", "Kirby", "--db", seed_db], env=env)
    assert table.exit_code == 0, table.output
    assert "┏" in table.stdout
    assert PRESENTATION_FORMS.search(table_cells(table.stdout))
    for fmt in ("--json", "--csv", "--nl"):
        data = runner.invoke(app, ["who-said", "Kirby", "--db", seed_db, fmt], env=env)
        assert data.exit_code == 0
        assert "تشعر بالقلق" in data.stdout and not PRESENTATION_FORMS.search(data.stdout)
    exported = runner.invoke(app, ["--bidi", "on", "export", "--db", seed_db, "--format", "jsonl"], env=env)
    assert "تشعر بالقلق" in exported.stdout and not PRESENTATION_FORMS.search(exported.stdout)


def test_bidi_off_keeps_logical_order(runner, seed_db):
    result = runner.invoke(app, ["--bidi", "off", "who-said", "Kirby", "--db", seed_db], env=TERMINAL)
    cells = table_cells(result.stdout)
    assert "تشعر" in cells and not PRESENTATION_FORMS.search(cells)


def test_auto_in_a_pipe_is_plain_and_logical_but_on_reorders_it(runner, seed_db):
    piped = runner.invoke(app, ["who-said", "Kirby", "--db", seed_db], env={**PIPE, "CLAIMTRACK_BIDI": "auto"})
    assert piped.exit_code == 0
    assert "┏" not in piped.stdout and "\t" in piped.stdout
    assert "تشعر" in piped.stdout and not PRESENTATION_FORMS.search(piped.stdout)
    forced = runner.invoke(app, ["--bidi", "on", "who-said", "Kirby", "--db", seed_db], env=PIPE)
    assert PRESENTATION_FORMS.search(forced.stdout) and "\t" in forced.stdout


def test_bad_bidi_value_is_refused(runner, seed_db):
    result = runner.invoke(app, ["--bidi", "sideways", "speakers", "--db", seed_db])
    assert result.exit_code == 2
    assert "sideways" in result.output


def test_wrapped_cell_reads_from_its_first_line_down():
    claim = "واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية"
    console = Console(width=16, file=io.StringIO(), force_terminal=True, color_system=None)
    console.print(ForDisplay(Text(claim)))
    lines = console.file.getvalue().splitlines()
    assert len(lines) > 2
    assert visual(Text("واحد")).plain in lines[0] and visual(Text("ثمانية")).plain in lines[-1]
    assert all(line == line.rstrip() and len(line) == 16 for line in lines)  # right-aligned


def test_visual_keeps_styles_on_their_words():
    text = Text("قال كيربي إن")
    text.stylize("bold", 4, 9)
    shown = visual(text)
    bold = "".join(shown.plain[s.start : s.end] for s in shown.spans if "bold" in str(s.style))
    assert bold == visual(Text("كيربي")).plain


# ----- tables -----


def test_speaker_colours_are_stable_across_commands(runner, seed_db):
    colour = {}
    for args in (["speakers"], ["search", "كوريا"]):
        out = runner.invoke(app, [*args, "--db", seed_db], env={**TERMINAL, "CLAIMTRACK_BIDI": "off"}).stdout
        colour[args[0]] = re.search(r"(\x1b\[[0-9;]*m)White House", out).group(1)
    assert colour["speakers"] == colour["search"]
    assert speaker_style("White House") == speaker_style("White House") != speaker_style("John Kirby")


def test_who_said_is_one_row_per_claim_with_every_outlet(runner, db, tmp_path):
    for outlet in ("Alpha", "Beta"):
        path = write(tmp_path, f"{outlet}.txt", PESKOV)
        runner.invoke(app, ["ingest", str(path), "--db", db, "--outlet", outlet])
    piped = runner.invoke(app, ["who-said", "Peskov", "--db", db], env=PIPE)
    header, line = piped.stdout.splitlines()
    assert header == "text\tsources\tcues\tkind\tstatements"
    assert "Alpha, Beta" in line
    rows = json.loads(runner.invoke(app, ["who-said", "Peskov", "--db", db, "--json"]).stdout)
    assert len(rows) == 2  # the data formats keep every statement


def test_long_claims_wrap_in_their_cell(runner, seed_db):
    out = runner.invoke(
        app, ["--bidi", "off", "who-said", "Kirby", "--db", seed_db], env={**TERMINAL, "COLUMNS": "70"}
    ).stdout
    lines = ANSI.sub("", out).splitlines()
    assert all(len(line) <= 70 for line in lines)
    claim = "تشعر بالقلق من أن مفاوضات الأسلحة بين روسيا وكوريا الشمالية تحرز تقدما"
    assert "تشعر" in out and not any(claim in line for line in lines)
    assert sum(1 for line in lines if "│" in line) > 2 * out.count("baghdad-today")


# ----- show -----


def test_show_marks_claims_speakers_and_cues(runner, seed_db):
    result = runner.invoke(app, ["--bidi", "off", "show", "baghdad-today", "--db", seed_db], env=TERMINAL)
    assert result.exit_code == 0, result.output
    plain = ANSI.sub("", result.stdout)
    assert "[John Kirby · وقال]" in plain
    assert "\x1b[4" in result.stdout or ";4;" in result.stdout or ";4m" in result.stdout  # underlined claims


def test_show_json_offsets_point_into_the_article(runner, seed_db):
    result = runner.invoke(app, ["show", "corpus/levant-news.txt", "--db", seed_db, "--json"])
    doc = json.loads(result.stdout)
    assert doc["article"]["id"] == "corpus/levant-news.txt" and doc["statements"]
    for st in doc["statements"]:
        assert doc["article"]["text"][st["char_start"] : st["char_end"]] == st["text"]


def test_show_unknown_article_suggests_one(runner, seed_db):
    result = runner.invoke(app, ["show", "levant-newz", "--db", seed_db])
    assert result.exit_code == 1
    assert "did you mean corpus/levant-news.txt" in result.stderr and "Traceback" not in result.output


# ----- search -----


def test_search_folds_hamza_ya_ta_marbuta_and_diacritics(runner, db, tmp_path):
    path = write(tmp_path, "a.txt", "وقال بيسكوف إن روسيا أكّد التزامها بالمعاهدة الدولية.\n")
    runner.invoke(app, ["ingest", str(path), "--db", db])
    for query in ("اكد", "أكد", "بالمعاهده", "الدوليّة", "التزام*", '"اكد التزامها"'):
        rows = json.loads(runner.invoke(app, ["search", query, "--db", db, "--json"]).stdout)
        assert [r["speaker"] for r in rows] == ["Dmitry Peskov"], query
        assert "أكّد" in rows[0]["text"]
    assert json.loads(runner.invoke(app, ["search", "موسكو", "--db", db, "--json"]).stdout) == []


def test_search_ranks_the_closer_claim_first(runner, db, tmp_path):
    write(tmp_path, "a.txt", "وقال بيسكوف إن روسيا لم تطلب ذخيرة من أي بلد في أي وقت من الأوقات الماضية.\n")
    write(tmp_path, "b.txt", "وقال لافروف إن روسيا لم تشتر ذخيرة مدفعية.\n")
    runner.invoke(app, ["ingest", str(tmp_path), "--db", db])
    rows = json.loads(runner.invoke(app, ["search", "ذخيرة OR مدفعية", "--db", db, "--json"]).stdout)
    assert [r["speaker"] for r in rows] == ["Sergei Lavrov", "Dmitry Peskov"]
    assert rows[0]["score"] < rows[1]["score"]
    assert rows[0]["matches"] == ["ذخيرة", "مدفعية"] and "ذخيرة مدفعية" in rows[0]["snippet"]


def test_search_table_shows_speaker_outlet_and_snippet(runner, seed_db):
    out = ANSI.sub(
        "", runner.invoke(app, ["--bidi", "off", "search", "كوريا الشماليه", "--db", seed_db], env=TERMINAL).stdout
    )
    assert "speaker" in out and "outlet" in out and "snippet" in out and "كوريا الشمالية" in out


def test_search_without_hits_says_so(runner, seed_db):
    result = runner.invoke(app, ["search", "زززز", "--db", seed_db], env=TERMINAL)
    assert result.exit_code == 0 and "No claim matches" in result.stderr and "┏" not in result.stdout


def test_search_index_follows_reingest(runner, db, tmp_path):
    path = write(tmp_path, "a.txt", PESKOV)
    runner.invoke(app, ["ingest", str(path), "--db", db])
    path.write_text("وقال وزير الخارجية الروسي سيرغي لافروف إن الاجتماع انتهى بلا اتفاق.\n", encoding="utf-8")
    runner.invoke(app, ["ingest", str(path), "--db", db])
    assert json.loads(runner.invoke(app, ["search", "المحادثات", "--db", db, "--json"]).stdout) == []
    rows = json.loads(runner.invoke(app, ["search", "الاجتماع", "--db", db, "--json"]).stdout)
    assert [r["speaker"] for r in rows] == ["Sergei Lavrov"]


def test_version_1_database_gets_its_search_index(seed_db, tmp_path):
    import shutil

    path = tmp_path / "v1.db"
    shutil.copy(seed_db, path)
    with Store.open(path) as store:
        for view in ("attribution_conflicts", "claim_clusters", "who_said_what", "statement_list"):
            store.db.execute(f"DROP VIEW {view}")  # version 1 had none, and they read the columns dropped below
        for trigger in ("claims_fts_insert", "claims_fts_delete", "claims_fts_update"):
            store.db.execute(f"DROP TRIGGER {trigger}")
        store.db.execute("DROP TABLE claims_fts")
        store.db.execute("DROP TABLE settings")
        for table in ("files", "claim_shingles", "claim_keys"):  # added by versions 7 and 10
            store.db.execute(f"DROP TABLE {table}")
        for column in ("said_on", "cue_start", "part", "polarity", "hedged", "stems"):  # added by versions 4, 6, 9
            store.db.execute(f"ALTER TABLE statements DROP COLUMN {column}")
        store.db.execute("ALTER TABLE articles DROP COLUMN author")
        store.db.execute("DROP INDEX clusters_by_size")
        for column in ("first_seen", "outlets", "speakers"):  # added by version 11
            store.db.execute(f"ALTER TABLE clusters DROP COLUMN {column}")
        store.db.execute("DROP TABLE corrections")
        store.db.execute("ALTER TABLE statements DROP COLUMN gender")
        store.db.execute("DROP TRIGGER relations_statement_delete")
        store.db.execute("DROP TABLE relations")
        store.db.execute("ALTER TABLE statements DROP COLUMN vector")
        store.db.execute("DROP TABLE resolutions")  # version 13
        store.db.execute("DROP TABLE resolution_terms")
        store.db.execute("DROP INDEX statements_restates")  # version 15
        store.db.execute("ALTER TABLE statements DROP COLUMN restates")
        store.db.execute("PRAGMA user_version = 1")
    with Store.open(path) as store:
        assert store.version == SCHEMA_VERSION
        assert store.search_statements("كوريا")
        assert queries.search(store, "الأسلحة") and queries.search(store, "اسلحه")  # version 7's search keys


@pytest.mark.parametrize("query", ['"كوريا', "كوريا AND", "NEAR(", "*"])
def test_search_syntax_error_is_one_line(runner, seed_db, query):
    result = runner.invoke(app, ["search", query, "--db", seed_db])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


# ----- options every query command shares -----

QUERY_COMMANDS = [["who-said", "Kirby"], ["speakers"], ["search", "كوريا"], ["show", "baghdad-today"]]


@pytest.mark.parametrize("command", QUERY_COMMANDS, ids=lambda c: c[0])
def test_every_query_command_takes_the_output_options(runner, seed_db, command):
    def run(*extra):
        result = runner.invoke(app, [*command, "--db", seed_db, *extra], env=PIPE)
        assert result.exit_code == 0, result.output
        return result.stdout

    assert json.loads(run("--json"))
    records = list(csv.DictReader(io.StringIO(run("--csv", "--limit", "2"))))
    assert 1 <= len(records) <= 2
    lines = run("--nl", "--limit", "1").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])
    both = runner.invoke(app, [*command, "--db", seed_db, "--json", "--csv"])
    assert both.exit_code == 2 and "choose one of" in both.output and "'--csv'" in both.output


def test_version(runner):
    from claimtrack import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"claimtrack {__version__}"


# ----- help -----


def test_every_command_help_ends_with_an_example(runner):
    import typer.main

    for name in typer.main.get_command(app).commands:
        result = runner.invoke(app, [name, "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == 0, name
        last = [line for line in ANSI.sub("", result.stdout).splitlines() if line.strip()][-1]
        assert "Example: claimtrack" in last, name


def test_help_lists_commands_in_the_order_a_new_user_needs(runner):
    out = runner.invoke(app, ["--help"], env={"COLUMNS": "200"}).stdout
    listed = re.findall(r"│ (\S+) +\S", out.split("Commands")[1])
    order = [
        "ingest",
        "who-said",
        "speakers",
        "search",
        "show",
        "claims",
        "diff",
        "conflicts",
        "export",
        "rematch",
        "serve",
    ]
    assert {"ingest", "who-said", "speakers", "search", "show", "export"} <= set(listed)
    assert [name for name in listed if name in order] == [name for name in order if name in listed]


def test_shell_completion(runner, named_shell):
    script = runner.invoke(app, ["--show-completion", "bash"], prog_name="claimtrack")
    assert script.exit_code == 0 and "_CLAIMTRACK_COMPLETE=complete_bash" in script.stdout
    done = runner.invoke(
        app,
        [],
        prog_name="claimtrack",
        env={"_CLAIMTRACK_COMPLETE": "complete_bash", "COMP_WORDS": "claimtrack sea", "COMP_CWORD": "1"},
    )
    assert done.stdout.split() == ["search"]
    modes = runner.invoke(
        app,
        [],
        prog_name="claimtrack",
        env={"_CLAIMTRACK_COMPLETE": "complete_bash", "COMP_WORDS": "claimtrack --bidi ", "COMP_CWORD": "2"},
    )
    assert modes.stdout.split() == ["auto", "on", "off"]
