"""The same claim across outlets: blocking on shared words, RapidFuzz to verify, union-find for clusters.

Never all pairs: an inverted index from content words to statements proposes candidates that share a few
words no more common than ``max_df`` of the statements, and only those pairs are scored.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from .arabic import strip_article


@dataclass(frozen=True)
class MatchSettings:
    """Thresholds of claim matching (documented in the README; ``claimtrack rematch`` applies new ones)."""

    threshold: float = 72.0  # RapidFuzz token_set_ratio a pair must reach to be the same claim
    min_shared: int = 3  # content words a candidate pair must share
    max_df: float = 0.2  # words in more than this share of statements are too common to block on
    min_words: int = 3  # claims shorter than this are never matched


def content_words(norm: str) -> set[str]:
    """Words of a folded claim without clitics, short function words dropped."""
    words = set()
    for w in norm.split():
        w = strip_article(w)
        if len(w) > 3 and w[0] in "وفبل" and not w.startswith("ال"):
            w = strip_article(w[1:]) if w[1:].startswith("ال") else w
        if len(w) >= 3:
            words.add(w)
    return words


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def candidate_pairs(words: dict[int, set[str]], settings: MatchSettings) -> set[tuple[int, int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for sid, ws in words.items():
        for w in ws:
            index[w].append(sid)
    cap = max(2, int(settings.max_df * len(words)))
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in index.values():
        if len(ids) > cap:
            continue
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                shared[(a, b) if a < b else (b, a)] += 1
    return {pair for pair, n in shared.items() if n >= settings.min_shared}


def cluster(norms: dict[int, str], settings: MatchSettings = MatchSettings()) -> dict[int, int]:
    """Statement id -> cluster id (the smallest statement id in it) for every statement given."""
    words = {sid: content_words(n) for sid, n in norms.items() if len(n.split()) >= settings.min_words}
    uf = _UnionFind()
    for sid in norms:
        uf.find(sid)
    for a, b in candidate_pairs(words, settings):
        if fuzz.token_set_ratio(norms[a], norms[b]) >= settings.threshold:
            uf.union(a, b)
    return {sid: uf.find(sid) for sid in norms}
