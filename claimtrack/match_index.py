"""New claims matched against every stored one through a blocking index kept in the database.

``match.ClaimIndex`` blocks in memory: every claim's shingles and stems, then candidate pairs. Holding every
claim of a year of news in memory to match a hundred new ones costs time and memory in proportion to the
database; here the same postings (shingle -> claims, as 64-bit hashes) and the same sorted-neighbourhood keys
(a claim's stems forwards and backwards) live in SQLite tables. New claims, a chunk at a time, are indexed,
their candidate pairs read from the tables (shingles carried by at most ``max_df`` claims, ``min_shared`` of
them in common; ``window`` neighbours in each order), and only those claims, their candidates and the members
of the candidates' clusters are loaded to be verified by ``match.match_candidates``, with word weights from
the frequencies of every indexed claim. What a new claim is compared with is what the in-memory matcher would
compare it with.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator

from .claimtext import read_claim
from .match import ClaimIndex, MatchSettings, Version, _shingles, count_shingle, match_candidates
from .store import Store

CHUNK = 20_000
"""New claims matched at a time: memory holds a chunk and what it touches, never the whole database. Each chunk
loads its candidates and their clusters afresh, so smaller chunks cost more time in a large first ingest
(10,000 articles, 41,000 claims: 88 s and 377 MB peak in chunks of 20,000, 195 s and 267 MB in chunks of
5,000) and less memory."""
KEY_SEPARATOR = "\x01"  # sorts before any letter, so joined stems sort as the lists of stems do


def shingle_hash(shingle: str) -> int:
    """A shingle as a signed 64-bit integer: a quarter of the space of the text, and a collision in 2^64."""
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def index_row(sid: int, claim: str, settings: MatchSettings) -> tuple[int, list[int], str, str] | None:
    """What the index keeps of one claim (as written); None for claims too short to be matched (under
    ``indexed_words``)."""
    indexed = _indexed(sid, claim, settings)
    return indexed and indexed[0]


def _indexed(
    sid: int, claim: str, settings: MatchSettings
) -> tuple[tuple[int, list[int], str, str], int | None] | None:
    """``index_row``, and the hash of the claim's count shingle if it has one."""
    text = read_claim(claim)
    stems = list(text.stems)
    if len(set(stems)) < settings.indexed_words:
        return None
    hashes = [shingle_hash(s) for s in _shingles(stems, text.quantities)]
    count = next((shingle_hash(s) for s in count_shingle(text.quantities)), None)
    return (sid, hashes, KEY_SEPARATOR.join(stems), KEY_SEPARATOR.join(stems[::-1])), count


def rebuild(store: Store, settings: MatchSettings, ids: Iterable[int] | None = None) -> None:
    """Index the claims ``ids`` (every claim when None) afresh; the caller holds the transaction."""
    store.clear_claim_index()
    ids = list(store.claim_texts()) if ids is None else list(ids)
    for part in _chunks(ids, CHUNK):
        texts = store.claim_texts(part)
        store.add_to_claim_index(row for sid, claim in texts.items() if (row := index_row(sid, claim, settings)))
    store.mark_claim_index(settings.indexed_words)


def match_stored(
    store: Store,
    new: list[int],
    settings: MatchSettings,
    entity_words: Iterable[str],
    openers: Iterable[tuple[str, ...]],
    vectors=None,
    voices: dict[str, frozenset[str]] | None = None,
) -> int:
    """Match the ``new`` statements (not yet in a cluster) against every matched one, a chunk at a time; stored
    links stand, and the pairs a rule relates are stored as relations. With ``vectors`` (a
    ``semantic.VectorIndex`` of the stored statements), neighbours in meaning are candidates too; that index is
    held in memory whole; ``voices``, whom each speaker speaks for (``speakers.voices``). Returns how many
    statements got a new or changed cluster. The caller holds the transaction."""
    if not store.claim_index_valid(settings.indexed_words):
        # Never built, or an article was replaced since: index every matched claim again.
        rebuild(store, settings, store.matched_ids())
    entity_words, openers = list(entity_words), list(openers)
    changed = 0
    for part in _chunks(new, CHUNK):
        changed += _match_chunk(store, part, settings, entity_words, openers, vectors, voices)
    return changed


def _match_chunk(
    store: Store, new: list[int], settings: MatchSettings, entity_words, openers, vectors, voices=None
) -> int:
    texts = store.claim_texts(new)
    indexed = [found for sid, claim in texts.items() if (found := _indexed(sid, claim, settings))]
    rows = [row for row, _ in indexed]
    store.add_to_claim_index(rows)
    count_hashes = {count for _, count in indexed if count is not None}
    pairs = _shared_shingle_pairs(store, rows, settings, count_hashes) | _neighbour_pairs(store, rows, settings)
    if vectors is not None:
        pairs |= vectors.pairs(new)
    involved = {sid for pair in pairs for sid in pair} | set(new)
    if vectors is not None:
        # A speaker's other claims in the candidates' articles, matched or new here: what ``counterparts`` weighs
        # (a rule on meaning, so read only when there are vectors).
        involved |= {sid for sid, c in store.same_sources(involved).items() if c is not None or sid in new}
    clusters = store.clusters_of(involved)
    # Every member of a candidate's cluster: joining two clusters is refused when any members differ in a fact.
    stored = store.cluster_members({c for c in clusters.values() if c is not None})
    index = ClaimIndex(settings, entity_words, openers, vectors, voices)
    index.add({sid: Version(*row) for sid, row in store.claim_versions(involved | set(stored)).items()})
    stems = {stem for claim in index.claims.values() for stem in claim.stems}
    counts = store.shingle_counts(shingle_hash(stem) for stem in stems)
    index.document_count = store.matched_count() + len(new)
    index.document_frequency = {stem: counts.get(shingle_hash(stem), 0) for stem in stems}
    result = match_candidates(index, pairs, stored, set(new), store.restating(involved))
    store.set_clusters(result.assignment, restates=result.restates)
    store.set_relations(result.relation_rows())
    return len(result.assignment)


def _shared_shingle_pairs(store: Store, rows, settings: MatchSettings, count_hashes: set[int]) -> set[tuple[int, int]]:
    """Pairs with a new claim sharing ``min_shared`` shingles that at most ``max_df`` claims carry, or one of the
    ``count_hashes`` (hashes of count shingles, ``match.count_shingle``)."""
    wanted = {h for _, hashes, _, _ in rows for h in hashes}
    counts = store.shingle_counts(wanted)
    postings = store.shingle_postings(h for h in wanted if 2 <= counts.get(h, 0) <= settings.max_df)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    counted = set()
    for sid, hashes, _, _ in rows:
        others: dict[int, int] = defaultdict(int)
        for h in hashes:
            for other in postings.get(h, ()):
                if other != sid:
                    others[other] += 1
                    if h in count_hashes:
                        counted.add((min(sid, other), max(sid, other)))
        for other, n in others.items():
            shared[(min(sid, other), max(sid, other))] = n
    return counted | {pair for pair, n in shared.items() if n >= settings.min_shared}


def _neighbour_pairs(store: Store, rows, settings: MatchSettings) -> set[tuple[int, int]]:
    pairs = set()
    for sid, _, forward, backward in rows:
        for other in store.key_neighbours(sid, forward, backward, settings.window):
            pairs.add((min(sid, other), max(sid, other)))
    return pairs


def _chunks(values: list, size: int) -> Iterator[list]:
    for k in range(0, len(values), size):
        yield values[k : k + size]
