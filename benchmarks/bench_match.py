"""Claim matching on synthetic statements, words only and with the encoder, beside a blocking baseline and an
all-pairs RapidFuzz baseline measured in the same run.

    pip install -e '.[bench]'                   # datasketch, for the blocking baseline
    python benchmarks/bench_match.py            # N = 10k and 100k
    python benchmarks/bench_match.py 20000      # any N
    python benchmarks/bench_match.py --semantic 10000   # also with the sentence encoder (claimtrack[semantic])
    python benchmarks/bench_match.py --semantic --no-all-pairs 100000   # without the all-pairs baseline

Statements are built from the seed corpus's claims: families of 1-4 versions of one claim (words swapped,
dropped, given a clitic or another hamza), each family's claim made distinct by replacing half its words
from a Zipf-distributed vocabulary, so that word frequencies look like news rather than 72 claims repeated.

Each way of matching is timed and scored for pair precision and recall against the families the statements
were built from: words only (``cluster``: blocking on shared words and sorted neighbourhood, then the rules);
with the encoder (every text encoded once, then ``match_all`` with the vectors, whose neighbours are candidates
too); and the blocking baseline, MinHash-LSH over the same shingles (datasketch, threshold 0.3, 64
permutations) with the same verification (``run.lsh_clusters``, as ``run.py``'s peer).

The all-pairs baseline scores every pair with RapidFuzz ``fuzz.ratio`` (``process.extract`` with ``score_cutoff``, one
process per core); its pairs at or above ``MatchSettings.verbatim`` are what the blocked matcher must also
put in one cluster. Above ``SAMPLE_ABOVE`` statements the baseline runs on a random sample of query rows
(each against all N) and its time is scaled up to N rows: the table says so.
"""

from __future__ import annotations

import argparse
import json
import sys
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
from run import lsh_clusters, pair_scores  # the peer and the scores benchmarks/run.py uses

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_ABOVE = 20_000
SAMPLE_ROWS = 2_000
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def seed_claims() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "seed.db") as store:
        ingest([str(ROOT / "corpus")], store)
        return [row["text"] for row in store.statements() if len(row["text"].split()) >= 5]


def synthetic(n: int, seeds: list[str], rng: random.Random) -> tuple[list[str], list[int]]:
    """``n`` statements, and the family (one made-up claim) each is a version of."""
    vocabulary = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 8))) for _ in range(50_000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    out: list[str] = []
    families: list[int] = []
    family = 0
    while len(out) < n:
        words = rng.choice(seeds).split()
        fresh = rng.choices(vocabulary, weights, k=len(words))
        base = [f if rng.random() < 0.5 else w for w, f in zip(words, fresh)]
        for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
            out.append(" ".join(_perturb(base, rng)))
            families.append(family)
        family += 1
    return out[:n], families[:n]


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


def with_encoder(texts: list[str], settings: MatchSettings) -> tuple[float, float, dict[int, int]]:
    """Seconds to encode every text once, and to match with words and vectors (their neighbours as candidates);
    the clusters."""
    started = time.perf_counter()
    vectors = VectorIndex(dict(enumerate(encode(load_encoder(), texts))))
    encode_s = time.perf_counter() - started
    started = time.perf_counter()
    assignment = match_all(dict(enumerate(texts)), settings, vectors=vectors).assignment
    return encode_s, time.perf_counter() - started, assignment


def run(n: int, seeds: list[str], settings: MatchSettings, semantic: bool = False, all_pairs: bool = True) -> dict:
    rng = random.Random(n)
    texts, families = synthetic(n, seeds, rng)
    family = dict(enumerate(families))
    norms = [fold_for_match(t) for t in texts]
    out: dict = {"n": n}
    started = time.perf_counter()
    assignment = cluster(dict(enumerate(norms)), settings)
    out["words"] = {"seconds": time.perf_counter() - started, **pair_scores(assignment, family)}
    print(f"[{n}] words only {out['words']['seconds']:.1f} s", file=sys.stderr, flush=True)
    if semantic:
        encode_s, semantic_s, by_meaning = with_encoder(texts, settings)
        out["encoder"] = {"encode_seconds": encode_s, "seconds": semantic_s, **pair_scores(by_meaning, family)}
        print(f"[{n}] encoder {encode_s:.1f} s + {semantic_s:.1f} s", file=sys.stderr, flush=True)
    peer, peer_s, peer_pairs = lsh_clusters(dict(enumerate(norms)), settings, (), ())
    out["lsh"] = {"seconds": peer_s, "candidates": peer_pairs, **pair_scores(peer, family)}
    print(f"[{n}] blocking baseline {peer_s:.1f} s", file=sys.stderr, flush=True)
    if all_pairs:
        sampled = n > SAMPLE_ABOVE
        rows = sorted(rng.sample(range(n), SAMPLE_ROWS)) if sampled else list(range(n))
        started = time.perf_counter()
        pairs = baseline(norms, rows, settings.verbatim)
        met = sum(assignment[a] == assignment[b] for a, b in pairs)
        out["all_pairs"] = {
            "seconds": (time.perf_counter() - started) * (n / len(rows)),
            "sampled": sampled,
            "rows": len(rows),
            "pairs": len(pairs),
            "recall": met / len(pairs) if pairs else 1.0,
        }
    return out


def _pr(scores: dict) -> str:
    return f"{scores['precision']:.3f} / {scores['recall']:.3f}"


def row(r: dict) -> str:
    """One size: each way's time (and its ratio to the blocking baseline's) and pair precision / recall."""
    lsh = r["lsh"]["seconds"]
    cells = [f"{r['n']:,}", f"{r['words']['seconds']:.1f} s ({r['words']['seconds'] / lsh:.2f}x)", _pr(r["words"])]
    if "encoder" in r:
        e = r["encoder"]
        total = e["encode_seconds"] + e["seconds"]
        cells += [f"{e['encode_seconds']:.1f} s + {e['seconds']:.1f} s ({total / lsh:.2f}x)", _pr(e)]
    else:
        cells += ["-", "-"]
    cells += [f"{lsh:.1f} s", _pr(r["lsh"])]
    if "all_pairs" in r:
        a = r["all_pairs"]
        estimate = f" (est. from {a['rows']:,} rows)" if a["sampled"] else ""
        cells += [f"{a['seconds']:.0f} s{estimate}", f"{a['pairs']:,}", f"{a['recall']:.3f}"]
    else:
        cells += ["not run"] * 3
    return "| " + " | ".join(cells) + " |"


def main(sizes: list[int], semantic: bool, all_pairs: bool = True) -> list[dict]:
    settings = MatchSettings()
    seeds = seed_claims()
    print(
        f"{len(seeds)} seed claims; all-pairs baseline pairs: fuzz.ratio >= {settings.verbatim:g}, 2 worker "
        "processes; P / R: pair precision / recall against the families; (Nx): time over the blocking baseline's\n"
    )
    print(
        "| statements | words only | P / R | encoder: encode + match | P / R | blocking baseline (MinHash-LSH) "
        "| P / R | all-pairs baseline | its pairs | words-only recall of them |"
    )
    print("| ---: " * 10 + "|")
    results = []
    for n in sizes:
        results.append(run(n, seeds, settings, semantic, all_pairs))
        print(row(results[-1]), flush=True)
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000], help="statement counts")
    parser.add_argument("--semantic", action="store_true", help="also match with the sentence encoder")
    parser.add_argument("--no-all-pairs", action="store_true", help="leave the all-pairs baseline out")
    parser.add_argument("--json", help="write every figure to this file too")
    args = parser.parse_args()
    results = main(args.sizes, args.semantic, not args.no_all_pairs)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
