"""Nothing lost, nothing trusted: bad files, encodings, crashes, concurrent runs, old and new schemas, hostile text."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from claimtrack import Store, corpus, export, ingest, pipeline, store as store_mod
from claimtrack.cli import app
from claimtrack.errors import ClaimtrackError
from conftest import write

GOOD = "وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات ستجري في موسكو.\n"
SPEAKERS = (
    "المتحدث باسم الكرملين دميتري بيسكوف",
    "وزير الخارجية الروسي سيرغي لافروف",
    "المتحدث باسم مجلس الأمن القومي الأمريكي جون كيربي",
)
CLAIMS = (
    "المحادثات ستجري في موسكو الأسبوع المقبل",
    "الوفد سيصل إلى جنيف يوم الخميس",
    "العقوبات الجديدة لن تغير موقف بلاده",
    "الاتفاق على تبادل الأسرى بات قريبا",
    "واشنطن تراقب الوضع على الحدود عن كثب",
    "الجيش سحب وحداته من المنطقة الشمالية",
)
PLACES = ("موسكو", "جنيف", "فيينا", "الدوحة", "أنقرة", "القاهرة")
SYNTHETIC_ARTICLES = 40


def _claimtrack(*args: str) -> list[str]:
    return [sys.executable, "-c", "from claimtrack.cli import main; main()", *args]


def _export(runner, db: str) -> list[dict]:
    result = runner.invoke(app, ["export", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def _integrity(db: str) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def _counts_by_article(db: str) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone():
            return {}  # killed before the schema was made: still a valid, empty database
        return dict(
            conn.execute(
                "SELECT a.id, COUNT(s.id) FROM articles a LEFT JOIN statements s ON s.article_id = a.id GROUP BY a.id"
            )
        )


def _partition(rows: list[dict]) -> set[frozenset]:
    """Claim clusters by content, whatever ids a run gave them."""
    clusters: dict[int, set] = {}
    for r in rows:
        clusters.setdefault(r["cluster"], set()).add((r["article"], r["char_start"], r["char_end"], r["speaker"]))
    return {frozenset(c) for c in clusters.values()}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> tuple[Path, list[dict]]:
    """Articles of our own sentences, enough for ingest to take a couple of seconds, and their export."""
    folder = tmp_path_factory.mktemp("synthetic")
    for i in range(SYNTHETIC_ARTICLES):
        r = random.Random(i)
        lines = [f"تقرير رقم {i} عن المحادثات"] + [
            f"وقال {r.choice(SPEAKERS)} إن {r.choice(CLAIMS)} خلال مؤتمر صحفي في {r.choice(PLACES)}." for _ in range(8)
        ]
        (folder / f"a{i:03d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    from typer.testing import CliRunner

    db = str(tmp_path_factory.mktemp("reference") / "reference.db")
    with Store.open(db) as store:
        ingest([str(folder)], store)
    return folder, _export(CliRunner(), db)


# ----- 1. bad files -----


def test_every_bad_file_gets_one_line_and_the_rest_is_ingested(runner, db, tmp_path, monkeypatch):
    write(tmp_path, "a-good.txt", GOOD)
    write(tmp_path, "b-empty.txt", "")
    (tmp_path / "c-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "d-truncated.txt").write_bytes(GOOD.encode()[:-3])
    with open(tmp_path / "e-huge.txt", "wb") as huge:  # 50 MB, one line
        huge.write("قال ".encode() * (50 * 2**20 // 7))
    unreadable = write(tmp_path, "f-unreadable.txt", GOOD.replace("موسكو", "جنيف"))
    unreadable.chmod(0)
    if os.access(unreadable, os.R_OK):  # root reads anything: make the open fail as it would for a user
        real_open = open

        def open_as_user(path, *args, **kwargs):
            if Path(path) == unreadable:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(corpus, "open", open_as_user, raising=False)
    (tmp_path / "loop").mkdir()
    (tmp_path / "loop" / "back").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "g-dangling.txt").symlink_to(tmp_path / "nowhere.txt")

    started = time.monotonic()
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", db])
    assert time.monotonic() - started < 10
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    for name, reason in (
        ("b-empty.txt", "empty file"),
        ("c-binary.txt", "binary"),
        ("d-truncated.txt", "truncated"),
        ("e-huge.txt", "larger than 1 MiB"),
        ("f-unreadable.txt", "permission denied"),
        ("back", "directory loop"),
        ("g-dangling.txt", "symbolic link"),
    ):
        assert sum(name in line and reason in line for line in lines) == 1, (name, result.stderr)
    assert "Traceback" not in result.output
    assert [r["article"] for r in _export(runner, db)] == [f"{tmp_path.name}/a-good.txt"]


def test_huge_file_is_refused_without_reading_it_all(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as out:
        out.write(b"x" * (50 * 2**20))
    tracemalloc.start()
    with pytest.raises(ClaimtrackError, match="larger than"):
        corpus.read_file(huge)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 4 * corpus.MAX_FILE_BYTES


def test_file_that_vanishes_mid_run_is_reported(db, tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path, name, GOOD.replace("موسكو", name[0]))

    def remove_b(name: str, n: int) -> None:
        if n == 1:
            (tmp_path / "b.txt").unlink()

    with Store.open(db) as store:
        report = ingest([str(tmp_path)], store, on_file=remove_b)
    assert [(Path(p.path).name, p.reason) for p in report.problems] == [
        ("b.txt", "no such file or directory (removed while claimtrack ran?)")
    ]
    assert report.new == 2


def test_strict_stops_at_the_first_bad_file(runner, db, tmp_path):
    (tmp_path / "a-binary.txt").write_bytes(b"\x00\x01\x02")
    write(tmp_path, "b-good.txt", GOOD)
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", db, "--strict"])
    assert result.exit_code == 1
    assert "a-binary.txt: binary file" in result.stderr
    with Store.open(db) as store:
        assert store.counts()["articles"] == 0


def test_unexpected_error_is_one_line_unless_debug(runner, db, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("claimtrack.pipeline.ingest_inputs", broken)
    path = write(tmp_path, "a.txt", GOOD)
    result = runner.invoke(app, ["ingest", str(path), "--db", db])
    assert result.exit_code == 2
    assert "Error: unexpected failure: boom (run with --debug" in result.stderr and "RuntimeError" not in result.stderr
    assert "Traceback" not in result.output
    debug = runner.invoke(app, ["--debug", "ingest", str(path), "--db", db])
    assert isinstance(debug.exception, RuntimeError)


# ----- 2. encodings -----

ARABIC = (
    'وقال وزير الخارجية الروسي سيرغي لافروف إن المحادثات ستجري في موسكو، وأضاف: "لن نقبل بأي شروط".\n'
    "وقالت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا إن الوفد وصل؟\n"
)


@pytest.mark.parametrize(
    "encoding, recorded, bom",
    [
        ("utf-8", "utf-8", b""),
        ("utf-8", "utf-8-sig", b"\xef\xbb\xbf"),
        ("utf-16-le", "utf-16-le", b"\xff\xfe"),
        ("utf-16-be", "utf-16-be", b"\xfe\xff"),
        ("windows-1256", "windows-1256", b""),
        ("iso-8859-6", "iso-8859-6", b""),
    ],
)
def test_encodings_are_detected_and_recorded(tmp_path, db, encoding, recorded, bom):
    path = tmp_path / "article.txt"
    path.write_bytes(bom + ARABIC.encode(encoding))
    article = corpus.read_file(path)
    assert (article.text, article.encoding) == (ARABIC, recorded)
    with Store.open(db) as store:
        ingest([str(path)], store)
        assert store.db.execute("SELECT encoding FROM articles").fetchone()[0] == recorded
        assert {r["speaker"] for r in store.statements()} == {"Sergei Lavrov", "Maria Zakharova"}


@pytest.mark.parametrize(
    "data, reason",
    [
        ("Un article français, déjà très mal encodé à l'été.\n".encode("latin-1"), "unknown encoding"),
        ("He said “no” — twice\n".encode("windows-1252"), "unknown encoding"),
        (ARABIC.encode("utf-8").decode("windows-1256").encode("utf-8"), "mojibake"),
        (ARABIC.encode("utf-8").decode("latin-1").encode("utf-8"), "mojibake"),
        (ARABIC.encode("utf-16-le")[:-1], "binary"),
        (b"\xff\xfe" + ARABIC.encode("utf-16-le")[:-1], "not valid utf-16-le"),
        (random.Random(5).randbytes(3000).replace(b"\x00", b""), "unknown encoding"),
    ],
)
def test_undecidable_bytes_are_reported_not_stored(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(ClaimtrackError, match=reason):
        corpus.read_file(path)


# ----- 3. crash safety -----


def _wait_for(predicate, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def _stored_articles(db: str) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return -1


def test_kill_9_during_ingest_then_rerun_gives_what_one_run_gives(runner, synthetic, tmp_path):
    folder, reference = synthetic
    reference_counts: dict[str, int] = {}
    for row in reference:
        reference_counts[row["article"]] = reference_counts.get(row["article"], 0) + 1
    db = str(tmp_path / "killed.db")
    # Kill while the schema is made, after a few articles, half-way, and once every article is stored
    # (matching, or just after it).
    for stored_before_kill in (-1, 3, SYNTHETIC_ARTICLES // 2, SYNTHETIC_ARTICLES):
        proc = subprocess.Popen(
            _claimtrack("ingest", str(folder), "--db", db, "--json"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_for(lambda: _stored_articles(db) >= stored_before_kill or proc.poll() is not None)
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        if not Path(db).exists():
            continue
        assert _integrity(db) == "ok"
        for article, count in _counts_by_article(db).items():
            assert count == reference_counts.get(article, 0), f"{article} half stored"
    done = subprocess.run(_claimtrack("ingest", str(folder), "--db", db, "--json"), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _integrity(db) == "ok"
    assert _export(runner, db) == reference


def test_rerun_matches_what_a_run_killed_before_matching_left(runner, db, tmp_path, monkeypatch):
    for n, claim in enumerate(CLAIMS[:3]):
        write(tmp_path, f"a{n}.txt", f"وقال {SPEAKERS[0]} إن {claim}.\n")
        write(tmp_path, f"b{n}.txt", f"وقال {SPEAKERS[1]} إن {claim} حسب قوله.\n")
    reference_db = str(tmp_path / "reference.db")
    for path in (reference_db, db):
        with Store.open(path) as store:
            ingest([str(tmp_path / "a0.txt"), str(tmp_path / "b0.txt")], store)
            assert len({r["cluster"] for r in store.statements()}) == 1
    # a0's statement was b0's cluster: once replaced, b0 must be matched afresh, even after a crash.
    (tmp_path / "a0.txt").write_text(f"وقال {SPEAKERS[2]} إن {CLAIMS[4]}.\n", encoding="utf-8")
    with Store.open(reference_db) as store:
        ingest([str(tmp_path)], store)

    def killed(*args, **kwargs):
        raise KeyboardInterrupt  # the process dies here: nothing after this line runs

    monkeypatch.setattr(pipeline, "rematch", killed)
    monkeypatch.setattr(pipeline, "match_new_statements", killed)
    with Store.open(db) as store, pytest.raises(KeyboardInterrupt):
        ingest([str(tmp_path)], store)
    monkeypatch.undo()
    with Store.open(db) as store:
        assert store.unmatched() > 0
        report = ingest([str(tmp_path)], store)
        assert report.new == report.updated == 0 and store.unmatched() == 0
    assert _export(runner, db) == _export(runner, reference_db)


def test_two_ingests_at_once_and_a_reader_meanwhile(runner, synthetic, tmp_path):
    folder, reference = synthetic
    db = str(tmp_path / "shared.db")
    peskov = _counts_by_article_rows([r for r in reference if r["speaker"] == "Dmitry Peskov"])
    procs = [
        subprocess.Popen(
            _claimtrack("ingest", str(folder), "--db", db, "--json"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    _wait_for(lambda: _stored_articles(db) >= 1)
    reads = 0
    while any(p.poll() is None for p in procs):
        started = time.monotonic()
        result = runner.invoke(app, ["who-said", "Peskov", "--db", db, "--json"])
        assert time.monotonic() - started < 5
        assert result.exit_code == 0, result.output
        for article, count in _counts_by_article_rows(json.loads(result.stdout)).items():
            assert count == peskov[article], f"{article} seen half stored"
        reads += 1
    assert reads > 0
    for proc in procs:
        assert proc.wait() == 0, proc.stderr.read()
    rows = _export(runner, db)
    assert _counts_by_article_rows(rows) == _counts_by_article_rows(reference)
    assert len({(r["article"], r["char_start"], r["char_end"], r["speaker"]) for r in rows}) == len(rows)
    assert _partition(rows) == _partition(reference)
    assert _integrity(db) == "ok"


def _counts_by_article_rows(rows: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["article"]] = counts.get(row["article"], 0) + 1
    return counts


# ----- 4. schema evolution -----


def _version_1_database(path: str) -> None:
    import sqlite_utils

    db = sqlite_utils.Database(path)
    store_mod._create_v1(db)
    db["articles"].insert({"id": "old", "text": GOOD, "hash": "h", "language": "ar", "encoding": "utf-8"})
    db["speakers"].insert({"id": 1, "canonical": "Dmitry Peskov", "kind": "person"})
    db["aliases"].insert({"speaker_id": 1, "alias": "بيسكوف", "norm": "بيسكوف"})
    db["statements"].insert(
        {
            "id": 1,
            "article_id": "old",
            "story": 1,
            "sentence": 0,
            "speaker_id": 1,
            "speaker_as_written": "بيسكوف",
            "cue": "وقال",
            "kind": "indirect",
            "text": "المحادثات ستجري في موسكو",
            "norm": "المحادثات ستجري في موسكو",
            "char_start": 46,
            "char_end": 70,
            "confidence": 0.9,
            "attribution": "explicit",
            "cluster_id": 1,
        }
    )
    db["clusters"].insert({"id": 1, "size": 1, "representative": 1})
    db.execute("PRAGMA user_version = 1")
    db.close()


def test_version_1_database_is_upgraded_with_its_data(runner, db):
    _version_1_database(db)
    with Store.open(db) as store:
        assert store.version == store_mod.SCHEMA_VERSION
        rows = store.statements()
    assert [(r["speaker"], r["text"], r["cluster"]) for r in rows] == [("Dmitry Peskov", "المحادثات ستجري في موسكو", 1)]
    result = runner.invoke(app, ["who-said", "Peskov", "--db", db, "--json"])
    assert [r["article"] for r in json.loads(result.stdout)] == ["old"]


def test_failed_migration_leaves_the_old_database_as_it_was(db, monkeypatch):
    if store_mod.SCHEMA_VERSION < 2:
        pytest.skip("no migration after version 1 yet")
    _version_1_database(db)
    with sqlite3.connect(db) as conn:
        before = conn.execute("SELECT type, name FROM sqlite_master ORDER BY name").fetchall()
    last = store_mod.SCHEMA_VERSION
    real = store_mod.MIGRATIONS[last]

    def fails_half_way(database):
        real(database)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(store_mod.MIGRATIONS, last, fails_half_way)
    with pytest.raises(ClaimtrackError):
        Store.open(db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT type, name FROM sqlite_master ORDER BY name").fetchall() == before


def test_newer_database_is_refused_and_left_untouched(runner, db):
    _version_1_database(db)
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {store_mod.SCHEMA_VERSION + 1}")
    before = Path(db).read_bytes()
    result = runner.invoke(app, ["who-said", "Peskov", "--db", db])
    assert result.exit_code == 1
    assert f"database schema {store_mod.SCHEMA_VERSION + 1} is newer" in result.stderr
    assert "upgrade claimtrack" in result.stderr
    assert Path(db).read_bytes() == before
    assert not Path(db + "-wal").exists()


# ----- 5. hostile text -----


@pytest.mark.parametrize(
    "cell, shown",
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("＝1+1", "'＝1+1"),
        ("＋1", "'＋1"),
        ("－1", "'－1"),
        ("＠A1", "'＠A1"),
        ("-12.5", "-12.5"),
        ("+3", "+3"),
        ("1e-3", "1e-3"),
        ("قال = لا", "قال = لا"),
        ("", ""),
    ],
)
def test_formula_looking_cells_are_neutralised(cell, shown):
    assert export.neutralise(cell) == shown


def test_csv_export_neutralises_text_but_not_numbers(tmp_path):
    import csv
    import io

    out = io.StringIO()
    export.write(
        [{"text": "=1+1", "speaker": "@x", "char_start": -12, "confidence": 0.5}],
        "csv",
        out,
        columns=("text", "speaker", "char_start", "confidence"),
    )
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [
        ["text", "speaker", "char_start", "confidence"],
        ["'=1+1", "'@x", "-12", "0.5"],
    ]


def test_export_excel_starts_with_a_bom(runner, tmp_path, db):
    path = write(tmp_path, "a.txt", GOOD)
    runner.invoke(app, ["ingest", str(path), "--db", db])
    out = tmp_path / "excel.csv"
    result = runner.invoke(app, ["export", "--db", db, "--excel", "--output", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,") and "بيسكوف".encode() in data
    assert not runner.invoke(app, ["export", "--db", db, "--output", str(out)]).stdout.startswith("\ufeff")
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    bad = runner.invoke(app, ["export", "--db", db, "--excel", "--format", "json"])
    assert bad.exit_code == 2 and "--excel writes CSV" in bad.output


def test_query_arguments_are_data_not_sql(runner, tmp_path, db):
    path = write(tmp_path, "a.txt", GOOD)
    runner.invoke(app, ["ingest", str(path), "--db", db])
    for name in ("x'; DROP TABLE statements; --", '" OR 1=1 --', "%", "_"):
        result = runner.invoke(app, ["who-said", name, "--db", db])
        assert result.exit_code == 1 and "Traceback" not in result.output
    assert len(_export(runner, db)) == 1
