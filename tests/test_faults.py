"""Fault injection: a full disk, a locked database, foreign, empty and read-only database files, a kill during
ingest. Each fault is one clear line and leaves nothing half-written; the whole file runs in seconds.

A full or read-only disk is a real small tmpfs mount where the machine allows it (root), and otherwise
SQLite's own page limit or a failing write, so the suite runs in any CI.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimtrack import Store, dbfile, export, ingest, store as store_mod
from claimtrack.cli import app
from claimtrack.errors import ClaimtrackError
from conftest import CORPUS, write

GOOD = "وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات ستجري في موسكو.\n"
READ_COMMANDS = (
    ["who-said", "Kirby"],
    ["speakers"],
    ["search", "روسيا"],
    ["show", "baghdad-today"],
    ["claims"],
    ["diff", "21"],
    ["conflicts"],
    ["export"],
)


def _claimtrack(*args: str) -> list[str]:
    return [sys.executable, "-c", "from claimtrack.cli import main; main()", *args]


def _mount(tmp_path: Path, size: str) -> Path:
    """A small tmpfs, or a skip where the machine does not allow mounting (not root, no mount)."""
    point = tmp_path / "mnt"
    point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    return point


@pytest.fixture
def tmpfs(tmp_path):
    mounted: list[Path] = []

    def make(size: str) -> Path:
        point = _mount(tmp_path, size)
        mounted.append(point)
        return point

    yield make
    for point in mounted:
        subprocess.run(["umount", "-l", str(point)], check=False)


def _one_error_line(result, *words: str) -> str:
    output = result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, output
    for word in words:
        assert word in lines[0], (word, lines[0])
    for raw in ("OperationalError", "DatabaseError", "Traceback", "cannot rollback"):
        assert raw not in output
    return lines[0]


# ----- a full disk -----


def test_the_real_cause_is_not_masked_when_sqlite_rolled_back_itself(db):
    with Store.open(db) as store:
        with pytest.raises(ClaimtrackError, match="disk is full"):
            with store.transaction():
                store.db.conn.execute("ROLLBACK")  # what SQLite may do itself on a full disk
                raise sqlite3.OperationalError("database or disk is full")
        assert not store.db.conn.in_transaction


def test_full_database_page_limit_is_one_line_and_a_rerun_finishes(runner, db, monkeypatch):
    real_open = Store.open.__func__

    def capped(cls, *args, **kwargs):
        store = real_open(cls, *args, **kwargs)
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages + 3}")  # SQLite's own "database or disk is full"
        return store

    monkeypatch.setattr(Store, "open", classmethod(capped))
    result = runner.invoke(app, ["ingest", str(CORPUS), "--db", db])
    assert result.exit_code == 1
    _one_error_line(result, db, "disk is full")
    monkeypatch.undo()
    assert runner.invoke(app, ["ingest", str(CORPUS), "--db", db]).exit_code == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_full_tmpfs_is_one_line_and_nothing_half_stored(runner, tmpfs, tmp_path):
    disk = tmpfs("300k")  # room for the schema and some articles, not all
    db = str(disk / "claims.db")
    result = subprocess.run(_claimtrack("ingest", str(CORPUS), "--db", db), capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    _one_error_line(result, db, "disk is full")
    if not Path(db).exists():
        return  # nothing was stored (articles are written in batches), and a run that stores nothing leaves nothing
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        per_article = dict(
            conn.execute(
                "SELECT a.id, COUNT(s.id) FROM articles a LEFT JOIN statements s ON s.article_id = a.id GROUP BY a.id"
            )
        )
    reference = _reference_counts(runner, tmp_path)
    assert all(per_article[a] == reference[a] for a in per_article)  # whole articles or none


def test_export_to_a_full_disk_is_one_line_and_leaves_no_part_file(runner, seed_db, tmp_path, monkeypatch):
    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export, "write", no_space)
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["export", "--db", seed_db, "-o", str(out)])
    assert result.exit_code == 1
    _one_error_line(result, str(out), "no space left on device")
    assert not out.exists() and not Path(str(out) + ".part").exists()


def _reference_counts(runner, tmp_path: Path) -> dict[str, int]:
    db = str(tmp_path / "reference.db")
    with Store.open(db) as store:
        ingest([str(CORPUS)], store)
        return dict(store.db.execute("SELECT article_id, COUNT(*) FROM statements GROUP BY article_id").fetchall())


# ----- a locked database -----


def test_a_lock_held_too_long_is_one_line(runner, db, tmp_path, monkeypatch):
    with Store.open(db):
        pass
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        monkeypatch.setattr(dbfile, "BUSY_TIMEOUT_MS", 200)
        started = time.monotonic()
        result = runner.invoke(app, ["ingest", str(write(tmp_path, "a.txt", GOOD)), "--db", db])
        assert time.monotonic() - started < 5
        assert result.exit_code == 1
        _one_error_line(result, db, "locked")
        reader = runner.invoke(app, ["speakers", "--db", db, "--json"])  # a reader does not wait on the writer
        assert reader.exit_code == 0, reader.output
    finally:
        holder.execute("ROLLBACK")
        holder.close()


# ----- files that are not a claimtrack database -----


def _foreign(path: Path, version: int) -> bytes:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('mine')")
        conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize("version", [0, 1, 2, store_mod.SCHEMA_VERSION])
@pytest.mark.parametrize("command", [["ingest", "IN"], ["speakers"], ["rematch"]], ids=lambda c: c[0])
def test_a_foreign_sqlite_file_is_refused_and_left_byte_identical(runner, tmp_path, version, command):
    path = tmp_path / "theirs.sqlite"
    before = _foreign(path, version)
    args = [str(write(tmp_path, "a.txt", GOOD)) if a == "IN" else a for a in command]
    result = runner.invoke(app, [*args, "--db", str(path)])
    assert result.exit_code == 1, result.output
    _one_error_line(result, str(path), "not a claimtrack database")
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()


@pytest.mark.parametrize("command", [["ingest", "IN"], ["speakers"]], ids=lambda c: c[0])
def test_an_empty_file_is_not_taken_for_a_database(runner, tmp_path, command):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    old = time.time() - 60
    os.utime(path, (old, old))
    args = [str(write(tmp_path, "a.txt", GOOD)) if a == "IN" else a for a in command]
    result = runner.invoke(app, [*args, "--db", str(path)])
    assert result.exit_code == 1
    _one_error_line(result, str(path), "empty file")
    assert path.read_bytes() == b""


def test_a_text_file_is_not_a_database(runner, tmp_path):
    path = write(tmp_path, "notes.txt", "not a database at all\n" * 100)
    before = path.read_bytes()
    result = runner.invoke(app, ["speakers", "--db", str(path)])
    assert result.exit_code == 1
    _one_error_line(result, str(path), "not a claimtrack database")
    assert path.read_bytes() == before


# ----- a read-only database -----


@pytest.fixture
def read_only_db(runner, tmp_path, tmpfs) -> str:
    """The seed corpus on a read-only disk: a tmpfs remounted read-only, which binds root too."""
    disk = tmpfs("8m")
    db = str(disk / "claims.db")
    done = subprocess.run(_claimtrack("ingest", str(CORPUS), "--db", db), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    return db


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_a_read_only_database_serves_every_read_command(runner, read_only_db, command):
    result = runner.invoke(app, [*command, "--db", read_only_db])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()


def test_writing_to_a_read_only_database_is_one_line(runner, read_only_db, tmp_path):
    result = runner.invoke(app, ["ingest", str(write(tmp_path, "a.txt", GOOD)), "--db", read_only_db])
    assert result.exit_code == 1
    _one_error_line(result, read_only_db, "read-only")


def test_read_commands_never_write(runner, seed_db, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copy(seed_db, db)
    before = db.read_bytes()
    db.chmod(0o444)
    for command in READ_COMMANDS:
        result = runner.invoke(app, [*command, "--db", str(db)])
        assert result.exit_code == 0, (command, result.output)
    assert db.read_bytes() == before


# ----- a kill during ingest -----


def test_kill_during_ingest_leaves_whole_articles_and_a_rerun_finishes(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(30):
        write(folder, f"a{i:02d}.txt", GOOD.replace("موسكو", f"المدينة {i}") * 20)
    db = str(tmp_path / "killed.db")
    proc = subprocess.Popen(_claimtrack("ingest", str(folder), "--db", db), stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(db, timeout=1) as conn:
                if conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] >= 3:
                    break
        except sqlite3.Error:
            pass
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = {
            n
            for (n,) in conn.execute(
                "SELECT COUNT(s.id) FROM articles a LEFT JOIN statements s ON s.article_id = a.id GROUP BY a.id"
            )
        }
    assert counts <= {20}
    result = runner.invoke(app, ["ingest", str(folder), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(runner.invoke(app, ["export", "--db", db, "--format", "json"]).stdout)
    assert len(rows) == 30 * 20 and all(r["cluster"] is not None for r in rows)
