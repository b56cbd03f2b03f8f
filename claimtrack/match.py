"""The same claim across outlets: blocking on shared words, RapidFuzz to verify, union-find for clusters.

Never all pairs. Like passim and MinHash-LSH dedup, an inverted index from shingles (here the light stems of
a claim's content words, single and in pairs) to statements proposes only pairs that share ``min_shared``
shingles rare enough to mean something (no more than ``max_df`` statements carry them); claims next to each
other when all are sorted by their stems are proposed too (sorted neighbourhood); only those pairs are scored.

A pair is the same claim when it is a near-verbatim copy (RapidFuzz ``ratio`` on the folded text), or when
most of the shorter claim's content survives in the longer one, in the same order. Content is weighed by
rarity (inverse document frequency), and names of people, places and nationalities weigh little: two claims
about Putin and Kim are not the same claim for that, what they say about them decides.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from .arabic import content_stems, fold_for_match


@dataclass(frozen=True)
class MatchSettings:
    """Thresholds of claim matching (documented in the README; ``claimtrack rematch`` applies new ones)."""

    verbatim: float = 88.0  # RapidFuzz ratio (0-100) of the folded texts at which two claims are copies
    min_overlap: float = 0.4  # share of the shorter claim's weighted content the other must carry ...
    overlap_step: float = 0.1  # ... plus this for each in-order shared word short of min_shared + 2
    min_shared: int = 3  # content words a pair must share (in the same order, to be a paraphrase)
    max_df: int = 50  # shingles carried by more statements than this are too common to block on
    min_words: int = 3  # claims with fewer content words are never matched
    window: int = 4  # neighbours compared in each sorted order, for claims whose shingles are all too common
    entity_weight: float = 0.2  # weight of a name, place or nationality word against a content word

    @classmethod
    def from_strings(cls, values: dict[str, str]) -> "MatchSettings":
        """Settings as a database stores them (text), unknown keys ignored, missing ones at their default."""
        kinds = {f.name: type(getattr(cls(), f.name)) for f in fields(cls)}
        return cls(**{k: kinds[k](v) for k, v in values.items() if k in kinds})


@dataclass
class _View:
    stems: list[str]  # content stems in order
    predicate: list[str]  # stems without entity words: what is said, not about whom


@dataclass
class _Claim:
    norm: str
    stems: list[str]
    views: list[_View]  # the whole claim, and the claim it reports after an inner أنّ ("تشير إلى أن ...")


def _shingles(stems: list[str]) -> set[str]:
    """Single stems, for paraphrases, and stem pairs as written, which stay rare where single words do not."""
    return {*stems, *(f"{a} {b}" for a, b in zip(stems, stems[1:]))}


class _UnionFind:
    def __init__(self, parent: dict[int, int] | None = None) -> None:
        self.parent: dict[int, int] = dict(parent or {})

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller id is the root, so a cluster's id is its first statement whatever the order of work.
            self.parent[max(ra, rb)] = min(ra, rb)


class ClaimIndex:
    """Claims by id with the inverted index that proposes which of them to compare."""

    def __init__(
        self,
        settings: MatchSettings = MatchSettings(),
        entity_words: Iterable[str] = (),
        openers: Iterable[tuple[str, ...]] = (),
    ) -> None:
        """``entity_words``: names of people, places and nationalities, as written (they weigh little).
        ``openers``: folded phrases that open a reported claim ("فان", "الى ان"); what follows the last one
        is matched too."""
        self.settings = settings
        self.entities = frozenset(stem for word in entity_words for stem in content_stems(fold_for_match(word)))
        self.openers = frozenset(tuple(phrase) for phrase in openers)
        self.claims: dict[int, _Claim] = {}
        self.postings: dict[str, list[int]] = defaultdict(list)
        # Weights follow document frequencies, so they are computed once per batch of claims added.
        self._weights: dict[str, float] = {}
        self._totals: dict[int, float] = {}

    def add(self, norms: dict[int, str]) -> None:
        self._weights, self._totals = {}, {}
        for sid, norm in norms.items():
            stems = content_stems(norm)
            claim = _Claim(norm, stems, [self._view(stems)])
            core = self._core(norm)
            if core and len(set(core)) >= self.settings.min_words and len(core) < len(stems):
                # One outlet frames a claim ("معلومات تشير إلى أن ...", "كما حذرنا، فإن ...") that another
                # states bare; the framed claim is compared by what it reports as well.
                claim.views.append(self._view(core))
            self.claims[sid] = claim
            if len(set(stems)) >= self.settings.min_words:
                for shingle in _shingles(stems):
                    self.postings[shingle].append(sid)

    def _view(self, stems: list[str]) -> _View:
        return _View(stems, [s for s in stems if s not in self.entities])

    def _core(self, norm: str) -> list[str]:
        words = norm.split()
        ends = [i + len(p) for i in range(len(words)) for p in self.openers if tuple(words[i : i + len(p)]) == p]
        return content_stems(" ".join(words[max(ends) :])) if ends else []

    def candidates(self, ids: Iterable[int] | None = None) -> set[tuple[int, int]]:
        """Pairs (a < b) sharing ``min_shared`` shingles of bounded frequency; with ``ids``, pairs touching them."""
        wanted = None if ids is None else set(ids)
        shared: dict[tuple[int, int], int] = defaultdict(int)
        for posting in self.postings.values():
            if len(posting) > self.settings.max_df or len(posting) < 2:
                continue
            ordered = sorted(posting)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    if wanted is None or a in wanted or b in wanted:
                        shared[(a, b)] += 1
        pairs = {pair for pair, n in shared.items() if n >= self.settings.min_shared}
        return pairs | self._neighbours(wanted)

    def _neighbours(self, wanted: set[int] | None) -> set[tuple[int, int]]:
        """Pairs close in the claims sorted by their stems, read forwards and backwards.

        The df cap drops every shingle of a claim that hundreds of outlets copied, so blocking alone never
        proposes those copies; sorted neighbourhood (as record linkage blocks) brings copies that differ in a
        word or two together without comparing all pairs.
        """
        indexed = [sid for sid, c in self.claims.items() if len(set(c.stems)) >= self.settings.min_words]
        pairs = set()
        for key in (lambda sid: self.claims[sid].stems, lambda sid: self.claims[sid].stems[::-1]):
            ordered = sorted(indexed, key=key)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 : i + 1 + self.settings.window]:
                    if wanted is None or a in wanted or b in wanted:
                        pairs.add((a, b) if a < b else (b, a))
        return pairs

    def weight(self, stem: str) -> float:
        """Inverse document frequency, scaled down for names and places."""
        w = self._weights.get(stem)
        if w is None:
            idf = math.log((len(self.claims) + 1) / (len(self.postings.get(stem, ())) + 0.5))
            w = self._weights[stem] = max(idf, 0.0) * (self.settings.entity_weight if stem in self.entities else 1.0)
        return w

    def _total(self, view: _View) -> float:
        key = id(view)
        total = self._totals.get(key)
        if total is None:
            total = self._totals[key] = sum(self.weight(w) for w in set(view.stems))
        return total

    def same_claim(self, a: int, b: int) -> bool:
        """Whether two claims are the same: a near-verbatim copy, or a paraphrase keeping most content in order."""
        ca, cb = self.claims[a], self.claims[b]
        if fuzz.ratio(ca.norm, cb.norm, score_cutoff=self.settings.verbatim):
            return True
        return any(self._paraphrase(va, vb) for va in ca.views for vb in cb.views)

    def _paraphrase(self, va: _View, vb: _View) -> bool:
        s = self.settings
        in_order = LCSseq.similarity(va.predicate, vb.predicate, score_cutoff=s.min_shared)
        if in_order < s.min_shared:
            return False
        # Fewer words agreeing in order is weaker evidence, so more of the content must be shared.
        needed = s.min_overlap + s.overlap_step * max(0, s.min_shared + 2 - in_order)
        shared = sum(self.weight(w) for w in set(va.stems).intersection(vb.stems))
        smaller = min(self._total(va), self._total(vb))
        return smaller > 0 and shared / smaller >= needed


def cluster(
    norms: dict[int, str],
    settings: MatchSettings = MatchSettings(),
    entity_words: Iterable[str] = (),
    openers: Iterable[tuple[str, ...]] = (),
) -> dict[int, int]:
    """Statement id -> cluster id (the smallest statement id in it) for every statement given."""
    index = ClaimIndex(settings, entity_words, openers)
    index.add(norms)
    return _link(index, index.candidates(), {})


def match_new(
    stored: dict[int, int],
    norms: dict[int, str],
    new: Iterable[int],
    settings: MatchSettings = MatchSettings(),
    entity_words: Iterable[str] = (),
    openers: Iterable[tuple[str, ...]] = (),
) -> dict[int, int]:
    """Clusters after adding the ``new`` statements to those ``stored`` (statement -> cluster) already matched.

    Only pairs with a new statement are scored; stored links stand. Returns the statements whose cluster is
    new or changed.
    """
    index = ClaimIndex(settings, entity_words, openers)
    index.add(norms)
    new = set(new)
    assignment = _link(index, index.candidates(new), stored)
    return {sid: c for sid, c in assignment.items() if sid in new or stored.get(sid) != c}


def _link(index: ClaimIndex, pairs: set[tuple[int, int]], stored: dict[int, int]) -> dict[int, int]:
    uf = _UnionFind(stored)
    for a, b in sorted(pairs):
        # Already joined through others: scoring again cannot change the clusters.
        if uf.find(a) != uf.find(b) and index.same_claim(a, b):
            uf.union(a, b)
    return {sid: uf.find(sid) for sid in index.claims}


def attribution_conflicts(claims: list[dict]) -> list[dict]:
    """Claim clusters (``Store.claims`` rows) whose statements are put in more than one speaker's mouth."""
    return [c for c in claims if len(c["speakers"]) > 1]


def title_conflicts(statements: list[dict]) -> list[dict]:
    """Speakers given different titles (``role_as_written``) by different outlets, one row per speaker."""
    titles: dict[str, dict[str, set[tuple[str, str]]]] = defaultdict(lambda: defaultdict(set))
    for st in statements:
        if st.get("role_as_written"):
            outlet = st.get("outlet") or st["article"]
            titles[st["speaker"]][fold_for_match(st["role_as_written"])].add((st["role_as_written"], outlet))
    rows = []
    for speaker, by_title in sorted(titles.items()):
        written = sorted(pair for pairs in by_title.values() for pair in pairs)
        if len(by_title) > 1 and len({outlet for _, outlet in written}) > 1:
            rows.append({"speaker": speaker, "titles": [f"{role} ({outlet})" for role, outlet in written]})
    return rows
