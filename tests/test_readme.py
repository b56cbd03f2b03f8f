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


def test_claimtrack_command_examples_run(runner, seed_db, tmp_path):
    db = str(tmp_path / "readme.db")  # a copy: rematch examples change the database's thresholds
    shutil.copy(seed_db, db)
    for block in blocks("sh")[1:]:
        for line in block.splitlines():
            line = line.split("  #", 1)[0].strip()
            if not line.startswith("claimtrack ") or "ingest" in line or "--output" in line or "install" in line:
                continue
            args = shlex.split(line)[1:]
            result = runner.invoke(app, [*args, "--db", db] if args[0] != "--help" else args)
            assert result.exit_code == 0, (line, result.output)
