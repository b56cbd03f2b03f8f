"""Blocked claim matching against an all-pairs RapidFuzz baseline on synthetic statements.

    python benchmarks/bench_match.py            # N = 10k and 100k
    python benchmarks/bench_match.py 20000      # any N
    python benchmarks/bench_match.py --semantic 10000   # also with the sentence encoder (claimtrack[semantic])

Statements are built from the seed corpus's claims: families of 1-4 versions of one claim (words swapped,
dropped, given a clitic or another hamza), each family's claim made distinct by replacing half its words
from a Zipf-distributed vocabulary, so that word frequencies look like news rather than 72 claims repeated.

The baseline scores every pair with RapidFuzz ``fuzz.ratio`` (``process.extract`` with ``score_cutoff``, one
process per core); its pairs at or above ``MatchSettings.verbatim`` are what the blocked matcher must also
put in one cluster. Above ``SAMPLE_ABOVE`` statements the baseline runs on a random sample of query rows
(each against all N) and its time is scaled up to N rows: the table says so.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

from rapidfuzz import fuzz, process

from claimtrack import Store, ingest
from claimtrack.lang.text import fold_for_match
from claimtrack.match import MatchSettings, cluster, match_all
from claimtrack.semantic import VectorIndex, encode, load_encoder

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_ABOVE = 20_000
SAMPLE_ROWS = 2_000
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def seed_claims() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "seed.db") as store:
        ingest([str(ROOT / "corpus")], store)
        return [row["text"] for row in store.statements() if len(row["text"].split()) >= 5]


def synthetic(n: int, seeds: list[str], rng: random.Random) -> list[str]:
    vocabulary = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 8))) for _ in range(50_000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    out: list[str] = []
    while len(out) < n:
        words = rng.choice(seeds).split()
        fresh = rng.choices(vocabulary, weights, k=len(words))
        base = [f if rng.random() < 0.5 else w for w, f in zip(words, fresh)]
        for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
            out.append(" ".join(_perturb(base, rng)))
    return out[:n]


def _perturb(words: list[str], rng: random.Random) -> list[str]:
    words = list(words)
    for _ in range(rng.randint(0, 2)):
        i = rng.randrange(len(words))
        change = rng.random()
        if change < 0.3 and len(words) > 4:
            del words[i]
        elif change < 0.6:
            words[i] = "و" + words[i]
        elif change < 0.8:
            words[i] = words[i].replace("ا", "أ", 1)
        else:
            j = rng.randrange(len(words))
            words[i], words[j] = words[j], words[i]
    return words


def _baseline_rows(args) -> list[tuple[int, int]]:
    rows, norms, cutoff = args
    pairs = []
    for i in rows:
        for _, _, j in process.extract(norms[i], norms, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None):
            if j != i:
                pairs.append((min(i, j), max(i, j)))
    return pairs


def baseline(norms: list[str], rows: list[int], cutoff: float, workers: int = 2) -> set[tuple[int, int]]:
    chunks = [rows[k::workers] for k in range(workers)]
    with Pool(workers) as pool:
        found = pool.map(_baseline_rows, [(chunk, norms, cutoff) for chunk in chunks])
    return {pair for part in found for pair in part}


def with_encoder(texts: list[str], settings: MatchSettings) -> tuple[float, float]:
    """Seconds to encode every text once, and to match with words and vectors (LSH neighbours as candidates)."""
    started = time.perf_counter()
    vectors = VectorIndex(dict(enumerate(encode(load_encoder(), texts))))
    encode_s = time.perf_counter() - started
    started = time.perf_counter()
    match_all(dict(enumerate(texts)), settings, vectors=vectors)
    return encode_s, time.perf_counter() - started


def run(n: int, seeds: list[str], settings: MatchSettings, semantic: bool = False) -> dict:
    rng = random.Random(n)
    texts = synthetic(n, seeds, rng)
    norms = [fold_for_match(t) for t in texts]
    started = time.perf_counter()
    assignment = cluster(dict(enumerate(norms)), settings)
    blocked_s = time.perf_counter() - started
    encode_s, semantic_s = with_encoder(texts, settings) if semantic else (0.0, 0.0)

    sampled = n > SAMPLE_ABOVE
    rows = sorted(rng.sample(range(n), SAMPLE_ROWS)) if sampled else list(range(n))
    started = time.perf_counter()
    pairs = baseline(norms, rows, settings.verbatim)
    baseline_s = (time.perf_counter() - started) * (n / len(rows))
    met = sum(assignment[a] == assignment[b] for a, b in pairs)
    return {
        "n": n,
        "blocked_s": blocked_s,
        "encode_s": encode_s,
        "semantic_s": semantic_s,
        "baseline_s": baseline_s,
        "sampled": sampled,
        "rows": len(rows),
        "pairs": len(pairs),
        "recall": met / len(pairs) if pairs else 1.0,
    }


def main(sizes: list[int], semantic: bool) -> None:
    settings = MatchSettings()
    seeds = seed_claims()
    print(f"{len(seeds)} seed claims; baseline pairs: fuzz.ratio >= {settings.verbatim:g}; 2 worker processes\n")
    print(
        "| statements | blocked | encode + blocked with vectors | all-pairs baseline | ratio | baseline pairs | recall |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in sizes:
        r = run(n, seeds, settings, semantic)
        estimate = f" (est. from {r['rows']:,} rows)" if r["sampled"] else ""
        vectors = f"{r['encode_s']:.1f} s + {r['semantic_s']:.1f} s" if semantic else "-"
        print(
            f"| {r['n']:,} | {r['blocked_s']:.1f} s | {vectors} | {r['baseline_s']:.0f} s{estimate} | "
            f"{r['baseline_s'] / r['blocked_s']:.0f}x | {r['pairs']:,} | {r['recall']:.3f} |",
            flush=True,
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000], help="statement counts")
    parser.add_argument("--semantic", action="store_true", help="also match with the sentence encoder")
    args = parser.parse_args()
    main(args.sizes, args.semantic)
