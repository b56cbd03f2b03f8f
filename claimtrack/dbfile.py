"""Which files may be opened as a claimtrack database, how, and what SQLite's faults mean to a user.

A file is looked at before SQLite touches it, so another program's file is refused as it was; a fault SQLite
reports (a full disk, a lock held too long, a read-only disk, a damaged file) becomes one line saying what
happened and what to do.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import time
import urllib.parse

from .errors import DatabaseError

DEFAULT_DB = "claims.db"
BUSY_TIMEOUT_MS = 30_000
SQLITE_MAGIC = b"SQLite format 3\x00"
# A 0-byte file younger than this may be a database another claimtrack is creating at this moment.
FRESH_FILE_SECONDS = 5.0


def default_path() -> str:
    """The database a command works on when --db is not given."""
    return os.environ.get("CLAIMTRACK_DB") or DEFAULT_DB


def refuse_unusable(path: str, *, create: bool, write: bool) -> None:
    """Refuse, before SQLite touches it, what cannot be a claimtrack database: nothing there (unless
    creating), a folder, an empty file someone made, a file that is not SQLite."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if create and write:
            return
        raise DatabaseError(f"no database here; run `claimtrack ingest --db {path}` first", path=path) from None
    except OSError as exc:
        raise DatabaseError(f"cannot open the database ({(exc.strerror or str(exc)).lower()})", path=path) from None
    if not stat.S_ISREG(st.st_mode):
        raise DatabaseError("not a database file (a folder or device); choose another --db", path=path)
    if st.st_size == 0:
        if create and write and time.time() - st.st_mtime < FRESH_FILE_SECONDS:
            return
        raise DatabaseError("an empty file, not a claimtrack database; remove it or choose another --db", path=path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseError(f"cannot read the database ({(exc.strerror or str(exc)).lower()})", path=path) from None
    if head != SQLITE_MAGIC:
        raise DatabaseError("not a claimtrack database (not an SQLite file); choose another --db", path=path)
    if write and not (_writable(path) and _writable(os.path.dirname(os.path.abspath(path)))):
        raise DatabaseError(_READ_ONLY, path=path)


def connect(path: str, *, write: bool) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit); read-only unless ``write``.

    Read-only on a read-only disk, SQLite cannot make the WAL index beside the file: the database is then
    opened immutable, which a disk nobody can write to is.
    """
    timeout = BUSY_TIMEOUT_MS / 1000
    if write:
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    else:
        uri = "file:" + urllib.parse.quote(os.path.abspath(path))
        conn = sqlite3.connect(uri + "?mode=ro", timeout=timeout, isolation_level=None, uri=True)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            conn.close()
            if _writable(os.path.dirname(os.path.abspath(path))):
                raise
            conn = sqlite3.connect(uri + "?mode=ro&immutable=1", timeout=timeout, isolation_level=None, uri=True)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _writable(path: str) -> bool:
    """Whether this process may write ``path`` (a file, or a folder to make files in), on a disk that takes writes."""
    try:
        return os.statvfs(path).f_flag & os.ST_RDONLY == 0 and os.access(path, os.W_OK)
    except OSError:
        return False


def database_error(exc: sqlite3.Error, path: str) -> DatabaseError:
    """One clear line for a fault SQLite reports, from its error code: full disk, lock, read-only, damage."""
    code = getattr(exc, "sqlite_errorname", "") or ""
    message = str(exc)
    for prefixes, words, explain in _DATABASE_FAULTS:
        if code.startswith(prefixes) or any(w in message for w in words):
            return DatabaseError(explain(path), path=path)
    if code.startswith("SQLITE_IOERR") and _disk_full(path):
        return DatabaseError(_FULL, path=path)
    return DatabaseError(f"the database cannot be used ({message})", path=path)


_READ_ONLY = "the database is read-only: read commands work on it; ingest and rematch need to write it"
_FULL = "the disk is full; what was being written was not kept (free some space and run the same command again)"
_DATABASE_FAULTS = (
    (("SQLITE_FULL",), ("disk is full",), lambda path: _FULL),
    (
        ("SQLITE_BUSY", "SQLITE_LOCKED"),
        ("database is locked",),
        lambda path: (
            f"the database is locked by another program (waited {BUSY_TIMEOUT_MS // 1000} s); try again when it is done"
        ),
    ),
    (
        ("SQLITE_READONLY",),
        ("readonly database",),
        lambda path: _READ_ONLY,
    ),
    (("SQLITE_NOTADB",), ("file is not a database",), lambda path: "not a claimtrack database (not an SQLite file)"),
    (
        ("SQLITE_CORRUPT",),
        ("malformed",),
        lambda path: "the database file is damaged (SQLite: database disk image is malformed); restore a copy",
    ),
    (
        ("SQLITE_CANTOPEN",),
        ("unable to open database file",),
        lambda path: "cannot open the database file (is its folder there, and readable?)",
    ),
)


def _disk_full(path: str) -> bool:
    """Whether the disk holding ``path`` has (almost) no space left: SQLite reports a full disk it writes its
    journal to as an I/O error."""
    try:
        return shutil.disk_usage(os.path.dirname(os.path.abspath(path))).free < 64 * 1024
    except OSError:
        return False
