"""The whole job: files in, statements with resolved speakers and matched claims stored.

This is the library's front door; the CLI only parses options and prints what these functions return.
"""

from __future__ import annotations

import itertools
import os
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path

from . import corpus, fetch, lang, match_index
from . import lexicon as lexicon_mod
from .errors import ClaimtrackError, DatabaseError, unexpected
from .extract import extract_article
from .lang.text import fold_for_match
from .match import ClaimIndex, MatchSettings, Version, match_all
from .models import Article, Speaker, Statement
from .prepare import Extracted, Prepared, date_statements, prepared
from .relation import Comparison
from .semantic import VectorIndex, encode, load_encoder
from .speakers import Registry, SpeakerKind, resolve_statements
from .speakers.rebuild import resolve_all
from .speakers.voices import voices
from .store import STORAGE_ERRORS, Store, remove_if_empty

BATCH_ARTICLES = 200
"""Articles stored per transaction: each is stored whole or not at all, and a commit per article would cost
more than the writing."""


@dataclass
class IngestReport:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    known: int = 0  # feed items already stored, not fetched again
    statements: int = 0
    unattributed: int = 0  # statements whose speaker phrase named nobody (a fragment): kept, without a speaker
    speakers: int = 0
    problems: list[corpus.Problem] = field(default_factory=list)
    # Seconds spent in each stage (read, extract, resolve, store, match): where an ingest's time goes.
    timings: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    @property
    def failed(self) -> int:
        return len(self.problems)

    @property
    def nothing_found(self) -> bool:
        """No article was read and no feed item was already stored: the sources hold nothing to ingest."""
        return self.new + self.updated + self.unchanged + self.known == 0

    def summary(self) -> dict[str, int]:
        """The counts a user is shown after an ingest, by name."""
        return {
            "articles_new": self.new,
            "articles_updated": self.updated,
            "articles_unchanged": self.unchanged,
            "items_known": self.known,
            "failed": self.failed,
            "statements": self.statements,
            "unattributed": self.unattributed,
            "speakers": self.speakers,
        }

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] += time.perf_counter() - started


def extract_statements(text: str, language: str | None = None, registry: Registry | None = None) -> list[Statement]:
    """Attributed statements in one article's text (in ``language``, or read with ``lang.text_pack``: the
    detected language's pack, never a refusal), speakers resolved against the known-speaker data."""
    article = corpus.parse_text(text, language=language or lang.text_pack(text).code)
    return analyse(article, registry or Registry.load(article.language))


def analyse(article: Article, registry: Registry, report: IngestReport | None = None) -> list[Statement]:
    clock = report.timed if report else _untimed
    with clock("extract"):
        statements = extract_article(article)
    with clock("resolve"):
        resolve_statements(statements, article.text, registry)
        date_statements(article, statements)
    return statements


@contextmanager
def _untimed(stage: str) -> Iterator[None]:
    yield


def ingest(
    paths: list[str],
    store: Store,
    *,
    outlet: str | None = None,
    strict: bool = False,
    settings: MatchSettings | None = None,
    on_file: Callable[[str, int], None] | None = None,
    debug: bool = False,
    workers: int = 1,
) -> IngestReport:
    """Read, extract, resolve and store every article under ``paths``, then match claims.

    Articles are stored in batches, each with its statements in one transaction. A file whose bytes are
    unchanged since it was last stored whole is skipped unread; an unchanged article (same content hash) is
    skipped; a changed one replaces its statements. A file or record that cannot be read, or that claimtrack
    fails on, is reported in ``IngestReport.problems`` and the rest go on, unless ``strict``, which raises at
    the first (``debug`` lets an unexpected error through with its traceback). Whatever happens, what was
    stored is matched, with ``settings`` or else those the database was last matched with; only a database
    fault stops the run at once. ``workers`` processes read and extract files; speakers are resolved in this
    one, in file order, so the database does not depend on how many.
    """
    return ingest_inputs(
        file_inputs(paths),
        store,
        outlet=outlet,
        strict=strict,
        settings=settings,
        on_input=on_file,
        debug=debug,
        workers=workers,
    )


# An input is one thing to read: a name for messages, and the Problem that stops it being read, a file (a
# Source, or "-" for standard input), or a reader giving its articles (a feed item); a JSON Lines file gives
# many articles, each an Article or a Problem.
Reader = Callable[[], Iterable[Article | corpus.Problem]]
Input = tuple[str, corpus.Problem | corpus.Source | str | Reader]


def file_inputs(paths: list[str]) -> Iterator[Input]:
    """The files under ``paths`` ("-" for standard input), each read when its turn comes."""
    for item in corpus.find_sources(paths):
        yield (str(item.path), item) if isinstance(item, corpus.Problem) else (str(item), item)


def web_inputs(
    fetcher: fetch.Fetcher, urls: Sequence[str], feeds: Sequence[str], known: set[str], report: IngestReport
) -> Iterator[Input]:
    """Web pages, then each feed's items whose article id is not in ``known`` (those are counted in
    ``report.known`` and not fetched). A feed that cannot be read is a Problem, and the other feeds go on."""
    for url in urls:
        yield url, partial(_page, fetcher, url, {})
    for feed_url in feeds:
        try:
            feed = fetch.read_feed(fetcher, feed_url)
        except ClaimtrackError as exc:
            yield feed_url, corpus.Problem(feed_url, exc.message)
            continue
        for n, item in enumerate(feed.items, 1):
            if not item.link:
                yield feed_url, corpus.Problem(feed_url, f"item {n} ({item.title or 'untitled'}) has no link")
            elif fetch.article_id(item.link) in known:
                report.known += 1
            else:
                hints = {"title": item.title, "author": item.author, "published": item.published, "outlet": feed.title}
                yield item.link, partial(_page, fetcher, item.link, hints)


def _page(fetcher: fetch.Fetcher, url: str, hints: dict) -> list[Article]:
    return [fetch.read_page(fetcher, url, hints)]


def ingest_sources(
    db: str | os.PathLike,
    sources: Sequence[str],
    *,
    feeds: Sequence[str] = (),
    fetch_settings: fetch.FetchSettings | None = None,
    on_input: Callable[[str, int], None] | None = None,
    **options,
) -> IngestReport:
    """Ingest files, folders, web addresses (http:// or https://) and the new items of feeds into the database
    at ``db``; ``options`` are ``ingest_inputs``'s.

    A database this run would create is not left behind when nothing was stored in it (a wrong path, an empty
    folder, pages that all fail): ``IngestReport.nothing_found`` then says so. A feed's items already stored
    are not fetched again (``IngestReport.known``).
    """
    paths = [s for s in sources if not fetch.is_address(s)]
    urls = [s for s in sources if fetch.is_address(s)]
    report = IngestReport()
    existed = Path(db).exists()
    try:
        with ExitStack() as stack:
            store = stack.enter_context(Store.open(db))
            inputs: Iterable[Input] = file_inputs(paths)
            if urls or feeds:
                fetcher = stack.enter_context(fetch.Fetcher(fetch_settings))
                known = set(store.article_ids()) if feeds else set()
                inputs = itertools.chain(inputs, web_inputs(fetcher, urls, feeds, known, report))
            return ingest_inputs(inputs, store, on_input=on_input, report=report, **options)
    finally:
        if not existed:
            remove_if_empty(db)


def ingest_inputs(
    inputs: Iterable[Input],
    store: Store,
    *,
    outlet: str | None = None,
    strict: bool = False,
    settings: MatchSettings | None = None,
    on_input: Callable[[str, int], None] | None = None,
    debug: bool = False,
    report: IngestReport | None = None,
    workers: int = 1,
) -> IngestReport:
    """``ingest`` from any inputs: files, web pages, feed items."""
    results = prepared(inputs, outlet, store, workers, debug)
    try:
        return ingest_prepared(
            results, store, strict=strict, settings=settings, on_input=on_input, debug=debug, report=report
        )
    finally:
        results.close()


def ingest_prepared(
    results: Iterable[tuple[str, corpus.Problem | Prepared]],
    store: Store,
    *,
    strict: bool = False,
    settings: MatchSettings | None = None,
    on_input: Callable[[str, int], None] | None = None,
    debug: bool = False,
    report: IngestReport | None = None,
) -> IngestReport:
    """The parent's half of ``ingest``: inputs already read and extracted (``prepare``, or Parquet written by
    Dask workers, ``distributed``), each named, in order: speakers resolved, articles stored, claims matched."""
    report = report or IngestReport()
    settings = settings or match_settings(store)
    run = _Run(store, Registry.for_store(store), report, strict=strict, debug=debug)
    try:
        for n, (name, item) in enumerate(results, 1):
            if on_input:
                on_input(name, n)
            if isinstance(item, corpus.Problem):
                run.fail(item)
            else:
                run.take(item)
    except STORAGE_ERRORS:
        raise
    except BaseException as exc:
        # Whatever was analysed before a stop (--strict, Ctrl-C) is stored, whole articles only, and matched.
        run.batch.flush()
        if isinstance(exc, ClaimtrackError) and not isinstance(exc, DatabaseError):
            _resolve_stored(store, report)
            _match_stored(store, settings, report)
        raise
    run.batch.flush()
    _resolve_stored(store, report)
    _match_stored(store, settings, report)
    report.speakers = sum(row["kind"] != SpeakerKind.unattributed for row in store.speaker_table())
    return report


class _Run:
    """The parent's half of an ingest: each prepared input's articles checked, resolved and queued, in order."""

    def __init__(self, store: Store, registry: Registry, report: IngestReport, *, strict: bool, debug: bool) -> None:
        self.registry, self.report, self.strict, self.debug = registry, report, strict, debug
        self.batch = _Batch(store, report)
        self.taken: dict[str, tuple[str | None, int | None]] = {}  # article id -> where it was read in this run

    def fail(self, problem: corpus.Problem) -> None:
        _fail(self.report, problem, self.strict)

    def take(self, done: Prepared) -> None:
        report = self.report
        for stage, seconds in done.timings.items():
            report.timings[stage] += seconds
        report.unchanged += done.skipped
        failed = report.failed
        for item in done.items:
            if isinstance(item, corpus.Problem):
                self.fail(item)
            else:
                self._take_article(item, done.source)
        if done.raw_hash is not None and not done.skipped and report.failed == failed:
            self.batch.add_file(str(Path(done.source).resolve()), done.raw_hash, len(done.items))

    def _take_article(self, item: Extracted, source: str) -> None:
        article = item.article
        try:
            _claim_id(article, self.taken)
            if item.statements is None:
                self.report.unchanged += 1
                return
            with self.report.timed("resolve"):
                resolve_statements(item.statements, article.text, self.registry.reading(article.language))
            used = {st.speaker: self.registry.speakers[st.speaker] for st in item.statements}
        except STORAGE_ERRORS:
            raise
        except ClaimtrackError as exc:
            self.fail(corpus.Problem(article.path or source, exc.message, article.line))
        except Exception as exc:  # noqa: BLE001 - one article claimtrack cannot handle must not stop the run
            if self.debug:
                raise
            self.fail(corpus.Problem(article.path or source, unexpected(exc), article.line))
        else:
            self.batch.add(item, used)


class _Batch:
    """Articles waiting to be stored, written BATCH_ARTICLES at a time in one transaction."""

    def __init__(self, store: Store, report: IngestReport) -> None:
        self.store, self.report = store, report
        self.articles: list[tuple[Extracted, dict[str, Speaker]]] = []
        self.files: list[tuple[str, str, int]] = []

    def add(self, item: Extracted, speakers: dict[str, Speaker]) -> None:
        self.articles.append((item, speakers))
        if len(self.articles) >= BATCH_ARTICLES:
            self.flush()

    def add_file(self, path: str, raw_hash: str, articles: int) -> None:
        """A file all of whose articles are queued (or stored): recorded after them, in their transaction."""
        self.files.append((path, raw_hash, articles))

    def flush(self) -> None:
        if not self.articles and not self.files:
            return
        with self.report.timed("store"), self.store.transaction():
            for item, speakers in self.articles:
                self._save(item, speakers)
            for path, raw_hash, articles in self.files:
                self.store.save_file(path, raw_hash, articles)
        self.articles, self.files = [], []

    def _save(self, item: Extracted, speakers: dict[str, Speaker]) -> None:
        store, report, article, statements = self.store, self.report, item.article, item.statements
        # Another ingest may have stored this article while it was being analysed.
        previous = store.article_hash(article.id)
        if previous == item.digest:
            report.unchanged += 1
            return
        if previous is None and _adopt_former(article, store):
            previous = ""
        store.save_article(article, item.digest, statements, speakers)
        if previous is not None:
            store.prune_speakers()
            # Recorded with the article, so a run that dies before its full rematch leaves every
            # statement unmatched, and the next run's matching then starts afresh too.
            store.forget_clusters()
        report.statements += len(statements)
        report.unattributed += sum(st.speaker_kind == SpeakerKind.unattributed for st in statements)
        if previous is None:
            report.new += 1
        else:
            report.updated += 1


_DURATION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", re.I)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """Seconds in "90s", "15m", "2h", "1d" or a bare number of seconds; ValueError for anything else."""
    m = _DURATION.fullmatch(text)
    if not m or float(m.group(1)) <= 0:
        raise ValueError(f"{text!r} is not a duration; write it as 90s, 15m, 2h or 1d")
    return float(m.group(1)) * _UNIT_SECONDS[m.group(2).lower()]


def watch(
    db: str | os.PathLike,
    feeds: Sequence[str],
    *,
    every: float,
    rounds: int | None = None,
    on_round: Callable[[IngestReport], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    **options,
) -> int:
    """Ingest the feeds' new items every ``every`` seconds, ``rounds`` times or until interrupted; each round's
    report goes to ``on_round``. Returns the number of rounds run."""
    done = 0
    while rounds is None or done < rounds:
        report = ingest_sources(db, [], feeds=feeds, **options)
        done += 1
        if on_round:
            on_round(report)
        if rounds is None or done < rounds:
            sleep(every)
    return done


def _claim_id(article: Article, taken: dict[str, tuple[str | None, int | None]]) -> None:
    """Take the article's id for this run; raises when another file or record of the run has it already."""
    here = (article.path, article.line)
    other = taken.setdefault(article.id, here)
    if other != here and not (other[1] == here[1] and _same_file(other[0], here[0])):
        where = f"{other[0]}:{other[1]}" if other[1] is not None else str(other[0] or corpus.STDIN_NAME)
        raise ClaimtrackError(
            f"article id {article.id!r} is already {where}'s in this run; give one of them another id"
        )


def _same_file(a: str | None, b: str | None) -> bool:
    try:
        return a is not None and b is not None and os.path.samefile(a, b)
    except OSError:
        return False


def _resolve_stored(store: Store, report: IngestReport) -> None:
    """Speakers resolved again over the whole database, corrections on top: the same whatever the order of ingest."""
    if report.new or report.updated:
        with report.timed("resolve"):
            resolve_all(store)


def _match_stored(store: Store, settings: MatchSettings, report: IngestReport) -> None:
    """Match what is stored and not yet matched, in one transaction, so a concurrent ingest cannot slip between.

    Statements left unmatched by a run that died before this point are matched now.
    """
    with report.timed("match"), store.transaction():
        # The run's registry was read before these articles' speakers were stored and resolved, and with the pack
        # of an empty database's first language: matching reads the names as the database now knows them.
        registry = Registry.for_store(store)
        if report.updated:
            # A replaced article's old statements may have been the only link in a cluster: recompute all.
            rematch(store, settings, registry, speakers=False)
        elif store.unmatched():
            match_new_statements(store, settings, registry)


def _adopt_former(article: Article, store: Store) -> bool:
    """Replace the article stored under the id an older claimtrack gave the same file, if there is one."""
    if not article.former_id or article.former_id == article.id:
        return False
    row = store.article(article.former_id)
    if row is None or row["path"] != article.path:
        return False
    store.delete_article(article.former_id)
    return True


def _fail(report: IngestReport, problem: corpus.Problem, strict: bool) -> None:
    if strict:
        raise ClaimtrackError(problem.reason, path=problem.path, line=problem.line)
    report.problems.append(problem)


def match_settings(store: Store) -> MatchSettings:
    """The thresholds this database was last matched with (the defaults until ``rematch`` changes them)."""
    return MatchSettings.from_strings(store.settings("match"))


def rematch(
    store: Store, settings: MatchSettings | None = None, registry: Registry | None = None, *, speakers: bool = True
) -> int:
    """Recompute every claim cluster and relation; with ``settings``, they become the database's from now on.

    With ``speakers`` (the default), speakers are resolved again first and the user's corrections re-applied.
    Returns the number of clusters.
    """
    embed_statements(store)
    with store.transaction():
        if speakers:
            resolve_all(store, full=True)
        registry = registry or Registry.for_store(store)
        if settings is None:
            settings = match_settings(store)
        else:
            store.save_settings("match", asdict(settings))
        result = match_all(
            _versions(store),
            settings,
            _entity_words(registry),
            _inner_openers(registry),
            _stored_vectors(store),
            voices(registry, store.speaker_roles()),
        )
        store.set_clusters(result.assignment, whole=True, restates=result.restates)
        store.set_relations(result.relation_rows(), replace_all=True)
        match_index.rebuild(store, settings)
    return len({c for sid, c in result.assignment.items() if sid not in result.restates})


def match_new_statements(store: Store, settings: MatchSettings | None = None, registry: Registry | None = None) -> int:
    """Match statements not yet in a cluster against everything stored (through the blocking index the
    database keeps, ``match_index``); stored links are kept.

    Returns how many statements got a new or changed cluster.
    """
    registry = registry or Registry.for_store(store)
    settings = settings or match_settings(store)
    embed_statements(store)
    vectors = _stored_vectors(store)
    with store.transaction():
        new = store.unmatched_ids()
        speaking_for = voices(registry, store.speaker_roles())
        return match_index.match_stored(
            store, new, settings, _entity_words(registry), _inner_openers(registry), vectors, speaking_for
        )


def embed_statements(store: Store, on_progress: Callable[[int], None] | None = None) -> int:
    """Encode the statements that have no sentence vector yet, once each, if the encoder is installed.

    Returns how many were encoded (0 without the encoder).
    """
    encoder = load_encoder()
    missing = store.texts_without_vectors() if encoder is not None else {}
    if not missing:
        return 0
    ids = sorted(missing)
    store.set_vectors(dict(zip(ids, encode(encoder, [missing[i] for i in ids], on_progress))))
    return len(ids)


def _versions(store: Store) -> dict[int, Version]:
    return {sid: Version(*row) for sid, row in store.claim_versions().items()}


def _stored_vectors(store: Store) -> VectorIndex | None:
    """The stored statements' vectors, when every statement has one (a database ingested without the encoder
    is matched on words until ``rematch`` runs with it)."""
    if load_encoder() is None:
        return None
    vectors = store.vectors()
    return VectorIndex(vectors) if vectors else None


def compare_pairs(
    pairs: list[tuple[str, str]],
    *,
    semantic: bool = True,
    settings: MatchSettings | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> list[Comparison]:
    """Compare each pair of claims as matching would: score, relation, changes.

    Word weights are the texts' own frequencies across all the pairs given (a single pair weighs every word
    the same). With ``semantic`` and the encoder installed, each distinct text is encoded once, in batches;
    ``on_progress`` is told how many texts each batch encoded.
    """
    texts = sorted({t for pair in pairs for t in pair})
    registry = Registry.load(lang.text_pack(" ".join(texts)).code)
    ids = {t: i for i, t in enumerate(texts)}
    vectors = _vector_index(texts, on_progress) if semantic else None
    index = ClaimIndex(settings or MatchSettings(), _entity_words(registry), _inner_openers(registry), vectors)
    index.add(dict(enumerate(texts)))
    return [index.compare(ids[a], ids[b]) for a, b in pairs]


def compare_versions(
    versions: list[dict], vectors: dict[int, bytes] | None = None, speaker_roles: Iterable[tuple[str, str]] = ()
) -> list[Comparison]:
    """The first version of a claim (a statement row: ``text``, ``speaker``, ``kind``) against each later one;
    with ``vectors`` (statement id -> stored sentence vector) meaning is compared too, as matching did, and with
    ``speaker_roles`` (``Store.speaker_roles``) whom speakers speak for, so two versions in two languages are
    related as they were when they were clustered."""
    registry = Registry.load(lang.text_pack(" ".join(v["text"] for v in versions)).code)
    by_position = {i: vectors[v["id"]] for i, v in enumerate(versions) if vectors and v.get("id") in vectors}
    index = ClaimIndex(
        MatchSettings(),
        _entity_words(registry),
        _inner_openers(registry),
        VectorIndex(by_position) if by_position else None,
        voices(registry, speaker_roles),
    )
    index.add(
        {
            i: Version(v["text"], v.get("speaker"), v.get("kind"), polarity=v.get("polarity"))
            for i, v in enumerate(versions)
        }
    )
    return [index.compare(0, i) for i in range(1, len(versions))]


def _vector_index(texts: list[str], on_progress: Callable[[int], None] | None):
    encoder = load_encoder()
    if encoder is None:
        return None
    return VectorIndex(dict(enumerate(encode(encoder, texts, on_progress))))


def _inner_openers(registry: Registry) -> set[tuple[str, ...]]:
    """Where a claim reports another in turn: "فإنّ", "بأنّ", or a cue's preposition before أنّ ("تشير إلى أن"),
    in every pack's words (a database may hold articles in several languages).

    A bare أنّ is left out: it is as often the subjunctive (يرغب في أن تزود) as a report.
    """
    return {opener for lex in _pack_lexicons(registry) for opener in _openers(lex)}


def _openers(lex) -> set[tuple[str, ...]]:
    particles = lex.conjunctions | lex.glued_prepositions
    glued = {c for c in lex.complementizers if c[:1] in particles and c not in lex.causal_complementizers}
    plain = {c for c in lex.complementizers if c[:1] not in particles and c not in lex.causal_complementizers}
    frames = {f for form in lex.cue_forms.values() for f in form.frame}
    return {(c,) for c in glued} | {(f, c) for f in frames for c in plain}


def _pack_lexicons(registry: Registry) -> list:
    """The registry's lexicon and every other pack's: claims of any language are matched in one index."""
    return [registry.lex, *(lexicon_mod.load(code) for code in lang.available() if code != registry.lex.language)]


def _entity_words(registry: Registry) -> list[str]:
    """Names of known speakers, places and nationalities: who and where a claim is about, not what it says."""
    lexicons = _pack_lexicons(registry)
    words = [word for lex in lexicons for word in (*lex.places, *lex.nationality)]
    # A month's name is when a claim is, even where it is a person's name too (a surname that is a month's).
    months = {
        w
        for lex in lexicons
        for month in (*lex.month_numbers, *lex.lunar_months)
        for w in fold_for_match(month).split()
    }
    # Only people's names: a body's alias is made of everyday words (وزارة الدفاع) that a claim may be about.
    for speaker in registry.speakers.values():
        if speaker.kind == "person":
            words.extend(w for alias in speaker.aliases for w in fold_for_match(alias).split() if w not in months)
    return words
