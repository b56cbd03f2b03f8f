"""Nothing lost, nothing trusted, round two: the database protected from its own commands, one bad file or
record never stops a run, article ids that never collide, hostile text kept out of terminals, limits per article,
and every error a user can cause on one line."""

from __future__ import annotations

import json
import os
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
