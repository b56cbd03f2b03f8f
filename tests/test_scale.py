"""Ingest at scale: worker processes give the database one process gives, unchanged files are skipped unread."""

from __future__ import annotations

import json
import random

import pytest

from claimtrack import Store, ingest, prepare
from claimtrack.cli import app

FULL_NAMES = ("وزير المالية العراقي خالد الشمري", "المتحدث باسم الحكومة سامي الحداد", "رئيس البرلمان نبيل الخطيب")
SURNAMES = ("الشمري", "الحداد", "الخطيب")
CLAIMS = (
    "الحكومة ستخصص مئتي مليون دولار لدعم المزارعين في البصرة",
    "الوزارة افتتحت اثنتي عشرة مدرسة جديدة في الموصل",
    "البرلمان سيناقش قانون الموازنة الأسبوع المقبل",
    "شركة الكهرباء أعادت تأهيل محطة الطاقة في كربلاء",
)


@pytest.fixture
def articles(tmp_path):
    """40 articles of our own sentences: people named in full early and by surname later (so how a speaker
    resolves depends on the files before), a JSON Lines file with a broken line and an empty file."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(40):
        r = random.Random(i)
        who = r.randrange(len(FULL_NAMES))
        name = FULL_NAMES[who] if i < 10 or r.random() < 0.3 else SURNAMES[who]
        lines = [f"وقال {name} إن {r.choice(CLAIMS)}.", f"وأضاف أن {r.choice(CLAIMS)}."]
        (folder / f"a{i:03d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = [json.dumps({"id": f"r{k}", "text": f"وأكد {FULL_NAMES[k]} أن {CLAIMS[k]}."}) for k in range(3)]
    (folder / "records.jsonl").write_text("\n".join([records[0], "{broken", *records[1:]]) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def _export(runner, db: str) -> list[dict]:
    result = runner.invoke(app, ["export", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_workers_give_what_one_process_gives(runner, articles, tmp_path):
    results = {}
    for workers in (1, 2):
        db = str(tmp_path / f"w{workers}.db")
        with Store.open(db) as store:
            report = ingest([str(articles)], store, workers=workers)
            speakers = store.speaker_table()
        results[workers] = (
            _export(runner, db),
            speakers,
            (report.new, report.statements, report.speakers, [(p.path, p.line) for p in report.problems]),
        )
    assert results[1] == results[2]
    exported, _, (new, statements, _, problems) = results[1]
    assert new == 43 and statements == len(exported) == 83
    assert problems == [(str(articles / "empty.txt"), None), (str(articles / "records.jsonl"), 2)]


def test_worker_count_is_bounded_by_the_files(monkeypatch, articles, tmp_path):
    """A pool only when each worker gets MIN_FILES_PER_WORKER files: 42 files make 2 workers of 8 asked for."""
    pools = []
    real = prepare.multiprocessing.get_context

    class Spy:
        def __init__(self, method):
            self.context = real(method)

        def Pool(self, processes, **options):
            pools.append(processes)
            return self.context.Pool(processes, **options)

    monkeypatch.setattr(prepare.multiprocessing, "get_context", Spy)
    with Store.open(tmp_path / "claims.db") as store:
        ingest([str(articles)], store, workers=8)
        ingest([str(articles / "a000.txt")], store, workers=8)
    assert pools == [2]


def test_unchanged_files_are_skipped_unread(articles, tmp_path, monkeypatch):
    db = tmp_path / "claims.db"
    with Store.open(db) as store:
        first = ingest([str(articles)], store)

    def never(*args, **kwargs):
        raise AssertionError("an unchanged file was parsed")

    with Store.open(db) as store:
        monkeypatch.setattr(prepare.corpus, "read_articles", never)
        bad = (articles / "records.jsonl", articles / "empty.txt")
        again = ingest([str(p) for p in articles.glob("a*.txt")], store)
        assert (again.unchanged, again.new, again.failed) == (40, 0, 0)
        monkeypatch.undo()
        # A file with a problem was never recorded whole: it is read (and its problem told) every time.
        again = ingest([str(p) for p in bad], store)
        assert (again.unchanged, again.failed) == (3, 2)
    assert first.new == 43


def test_a_file_is_read_again_when_it_or_the_outlet_given_changes(articles, tmp_path):
    path = articles / "a000.txt"
    with Store.open(tmp_path / "claims.db") as store:
        ingest([str(path)], store)
        assert ingest([str(path)], store).unchanged == 1
        assert ingest([str(path)], store, outlet="صحيفة الصباح").updated == 1
        path.write_text(f"وقال {FULL_NAMES[2]} إن {CLAIMS[3]}.\n", encoding="utf-8")
        report = ingest([str(path)], store, outlet="صحيفة الصباح")
        assert report.updated == 1
        assert [row["speaker"] for row in store.statements(article="articles/a000.txt")] == ["نبيل الخطيب"]


def test_new_claims_matched_through_the_stored_index_as_in_memory(articles, tmp_path):
    """Matching new claims against the index in the database links what the in-memory matcher links."""
    from claimtrack.match import Version, match_new
    from claimtrack.pipeline import _entity_words, _inner_openers, match_settings
    from claimtrack.speakers import Registry

    files = sorted(str(p) for p in articles.glob("a*.txt"))
    with Store.open(tmp_path / "claims.db") as store:
        ingest(files[:30], store)
        before = store.claim_clusters()
        ingest(files[30:], store)
        after = store.claim_clusters()
        new = [sid for sid in after if sid not in before]
        registry = Registry.load("ar", store.stored_speakers())
        expected = match_new(
            before,
            {sid: Version(*row) for sid, row in store.claim_versions().items()},
            new,
            match_settings(store),
            _entity_words(registry),
            _inner_openers(registry),
        )
    assert new and len(set(after.values())) < len(after)  # something new, and clusters of several
    assert {sid: after[sid] for sid in expected} == expected
    assert all(after[sid] == before[sid] for sid in before if sid not in expected)


def test_a_shared_count_is_a_candidate_in_the_stored_index_as_in_memory(tmp_path, monkeypatch):
    """Two versions in two languages share no word, but a count ("2,059", written whole only before folding): the
    stored index proposes the pair as the in-memory matcher does."""
    from claimtrack import match_index
    from claimtrack.match import MatchSettings

    proposed = set()
    real = match_index.match_candidates

    def spy(index, pairs, stored, new, restating=()):
        proposed.update(pairs)
        return real(index, pairs, stored, new, restating)

    monkeypatch.setattr(match_index, "match_candidates", spy)
    texts = [
        "وقالت وزارة الداخلية المغربية إن عدد المصابين ارتفع إلى 2059 شخصا.\n",
        "The Moroccan interior ministry said 2,059 people had been injured in the quake.\n",
    ]
    # window 0: no neighbours in stem order, so the shared count alone proposes the pair
    pair, in_memory = _ingested_one_after_the_other(tmp_path, texts, MatchSettings(window=0))
    assert pair in in_memory and pair in proposed


def test_one_shared_word_is_no_candidate_in_the_stored_index(tmp_path, monkeypatch):
    """Two claims sharing one word and no count are no candidate pair under ``min_shared`` 2, in the stored index
    as in memory (the count shingles once stood for every shared shingle there)."""
    from claimtrack import match_index
    from claimtrack.match import MatchSettings

    proposed = set()
    real = match_index._shared_shingle_pairs

    def spy(*args, **kwargs):
        found = real(*args, **kwargs)
        proposed.update(found)
        return found

    monkeypatch.setattr(match_index, "_shared_shingle_pairs", spy)
    texts = [
        "The mayor said the cement factory would close its gates next week.\n",
        "The union said cement prices doubled during the cold winter months.\n",
    ]
    pair, in_memory = _ingested_one_after_the_other(tmp_path, texts, MatchSettings(window=0, min_shared=2))
    assert pair not in in_memory and pair not in proposed


def _ingested_one_after_the_other(tmp_path, texts: list[str], settings) -> tuple[tuple[int, int], set]:
    """Two one-statement articles ingested one after the other with ``settings`` (the second matched against the
    stored index): their statements' pair, and the candidate pairs of an in-memory index of both."""
    from dataclasses import asdict

    from claimtrack.match import ClaimIndex, Version

    with Store.open(tmp_path / "claims.db") as store:
        store.save_settings("match", asdict(settings))
        for k, text in enumerate(texts):
            path = tmp_path / f"{'ab'[k]}.txt"
            path.write_text(text, encoding="utf-8")
            ingest([str(path)], store)
        versions = {sid: Version(*row) for sid, row in store.claim_versions().items()}
    index = ClaimIndex(settings)
    index.add(versions)
    return tuple(sorted(versions)), index.candidates()


def test_a_first_ingest_matches_as_a_rematch_does(tmp_path):
    """The places of the articles' own pack weigh little at their first ingest into an empty database, as in a
    rematch: two English claims sharing only "Russia", "North Korea" and "Moscow" stay two claims."""
    from claimtrack.pipeline import rematch

    texts = {
        "a.txt": "Russia and North Korea will sign a trade pact in Moscow, the Kremlin said on Monday.\n",
        "b.txt": "Russia and North Korea will hold military drills near Moscow, the Kremlin said on Tuesday.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with Store.open(tmp_path / "claims.db") as store:
        ingest([str(tmp_path / name) for name in texts], store)
        first = store.claim_clusters()
        rematch(store)
        assert len(first) == 2 and len(set(first.values())) == 2
        assert store.claim_clusters() == first


def test_query_commands_stop_at_their_limit_and_say_so(runner, seed_db):
    few = runner.invoke(app, ["search", "كوريا", "--db", seed_db, "--limit", "2", "--json"])
    assert few.exit_code == 0, few.output
    assert len(json.loads(few.stdout)) == 2 and "--limit N shows more" in few.stderr
    every = runner.invoke(app, ["search", "كوريا", "--db", seed_db, "--json"])  # the default, 100, is enough here
    assert len(json.loads(every.stdout)) > 2 and "--limit" not in every.stderr


@pytest.mark.parametrize(
    "options",
    [{}, {"multi_outlet": True}, {"min_size": 2}, {"min_size": 2, "conflicting": True}, {"speaker": "John Kirby"}],
)
def test_a_page_of_claims_is_the_start_of_all_of_them(seed_db, options):
    """A limited page is picked from the counts the clusters table keeps; it must be what sorting every
    cluster and cutting would give."""
    with Store.open(seed_db, create=False) as store:
        every = store.claims(**options)
        if options.get("conflicting"):
            assert every and all(len(row["speakers"]) > 1 for row in every)
        for limit in (1, 3, 10):
            assert store.claims(limit=limit, **options) == every[:limit]


def test_a_page_of_relations_is_read_in_order_from_an_index(seed_db):
    """`conflicts` pages relations by type then score: SQLite must walk an index in that order, not sort every
    relation of the database for each page (931 ms at 10k articles when it did)."""
    with Store.open(seed_db, create=False) as store:
        every = store.relations()
        assert every and store.relations(limit=3) == every[:3]
        sql = store._RELATION_SQL + " ORDER BY r.relation, r.score DESC, r.a, r.b LIMIT 3"
        plan = " ".join(row[3] for row in store.db.execute("EXPLAIN QUERY PLAN " + sql))
    assert "TEMP B-TREE" not in plan, plan


# What `claimtrack --help` must not load: the store's SQLite layer, the ingest pipeline and what only commands
# that run need. Importing them costs more than the 300 ms a help screen may take.
HEAVY_FOR_HELP = (
    "sqlite_utils",
    "claimtrack.store",
    "claimtrack.pipeline",
    "claimtrack.queries",
    "claimtrack.prepare",
    "claimtrack.extract",
    "claimtrack.speakers",
    "claimtrack.match_index",
    "claimtrack.timeline",
    "claimtrack.serve.process",
    "claimtrack.match",  # rematch --help shows MatchSettings' defaults: they live in claimtrack.settings
    "claimtrack.fetch",  # ingest --help shows FetchSettings' defaults, likewise
)


def test_help_loads_no_heavy_module():
    """The command line is built and its help printed without importing the library behind the commands."""
    import subprocess
    import sys

    script = (
        "import io, sys, contextlib\n"
        "from claimtrack.cli import app\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    app(['--help'], prog_name='claimtrack')\n"
        f"print(' '.join(m for m in {HEAVY_FOR_HELP!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def _speakers_state(store: Store) -> tuple:
    """Every statement's speaker, kind and role, and every speaker's record: what resolution decides."""
    statements = sorted(
        (r["article"], r["char_start"], r["speaker"], r["speaker_kind"], r["role_as_written"] or "")
        for r in store.statements()
    )
    speakers = sorted(
        (sp.canonical, sp.kind, sp.gender or "", sorted(sp.aliases), sorted(sp.roles)) for sp in store.stored_speakers()
    )
    return statements, speakers


def _fully_resolved(path, tmp_path) -> tuple:
    """The same database, every article resolved afresh (on a copy, so the original goes on incrementally)."""
    import sqlite3

    from claimtrack.speakers.rebuild import resolve_all

    copy = tmp_path / "full.db"
    copy.unlink(missing_ok=True)
    with sqlite3.connect(path) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    with Store.open(copy) as store:
        resolve_all(store, full=True)
        return _speakers_state(store)


@pytest.mark.parametrize("seed", range(3))
def test_resolving_only_what_new_articles_reach_gives_the_full_resolution(articles, tmp_path, seed):
    """Ingest in random batches, one article rewritten and a correction made on the way: after each step the
    database holds what resolving every article afresh gives."""
    from pathlib import Path

    from claimtrack.speakers.rebuild import resolve_all

    corpus = Path(__file__).parent.parent / "corpus"
    files = [*sorted(articles.glob("*.txt")), *sorted(corpus.glob("*.txt"))]
    rng = random.Random(seed)
    rng.shuffle(files)
    cuts = [0, *sorted(rng.sample(range(1, len(files)), 4)), len(files)]
    db = tmp_path / "incremental.db"
    with Store.open(db) as store:
        for k, (start, end) in enumerate(zip(cuts, cuts[1:])):
            ingest([str(p) for p in files[start:end]], store, workers=1)
            if k == 1:
                rewritten = files[0]
                text = rewritten.read_text(encoding="utf-8")
                rewritten.write_text(text.replace("وقال", "وأكد", 1) + "وقال نبيل الخطيب إن الوزارة ستفتح مدرسة.\n")
                ingest([str(rewritten)], store, workers=1)
            if k == 2:
                store.add_correction("merge", {"keep": "John Kirby", "other": "Sergei Shoigu"})
                resolve_all(store)
            assert _speakers_state(store) == _fully_resolved(db, tmp_path), f"after batch {k}"


@pytest.mark.parametrize(
    ("earlier", "later", "later_speaker"),
    [
        # One name key (the same consonants): the later article's person is the one the earlier one named.
        (
            "وقال الوزير سامر الحدادي إن الحكومة ستخصص مئتي مليون دولار.",
            "وقال الوزير سامر الحداد إن البرلمان سيناقش القانون.",
            "سامر الحدادي",
        ),
    ],
)
def test_an_article_ingested_before_another_in_id_order_changes_its_speaker(tmp_path, earlier, later, later_speaker):
    """The later article alone resolves one way; when an article before it in id order arrives, it is resolved
    again, as resolving everything afresh would."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a1.txt").write_text(earlier + "\n", encoding="utf-8")
    (folder / "b2.txt").write_text(later + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    with Store.open(db) as store:
        ingest([str(folder / "b2.txt")], store, workers=1)
        alone = {r["speaker"] for r in store.statements()}
        ingest([str(folder / "a1.txt")], store, workers=1)
        after = {r["article"].rsplit("/", 1)[-1]: r["speaker"] for r in store.statements()}
        assert later_speaker not in alone and after["b2.txt"] == later_speaker
        assert _speakers_state(store) == _fully_resolved(db, tmp_path)


def test_a_speakers_other_claims_in_a_candidates_article_are_loaded_for_counterparts(tmp_path, monkeypatch):
    """Matching against the stored index loads, beside the candidate pairs, the speaker's other statements of the
    candidates' articles: ``counterparts`` needs them to tell the closest of them, as in memory."""
    from dataclasses import asdict

    from claimtrack import match_index
    from claimtrack.match import MatchSettings

    loaded: set[int] = set()
    real = match_index.match_candidates

    def spy(index, pairs, stored, new, restating=()):
        loaded.update(index.claims)
        return real(index, pairs, stored, new, restating)

    monkeypatch.setattr(match_index, "match_candidates", spy)
    texts = [
        "Health minister Ann Lee said the new hospital in the port city would open its doors in March. "
        "Lee also said that nurses would get a pay rise of ten percent next year.\n",
        "Health minister Ann Lee said the new hospital in the port city would open in March.\n",
    ]
    with Store.open(tmp_path / "claims.db") as store:
        # window 0: no neighbours in stem order, so only shared words (or meaning) propose the hospital's pair
        store.save_settings("match", asdict(MatchSettings(window=0)))
        for k, text in enumerate(texts):
            path = tmp_path / f"{'ab'[k]}.txt"
            path.write_text(text, encoding="utf-8")
            loaded.clear()
            ingest([str(path)], store)
        first = [row["id"] for row in store.db.query("SELECT id FROM statements WHERE article_id LIKE '%a.txt'")]
        assert len(first) == 2 and set(first) <= loaded
