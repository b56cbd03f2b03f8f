"""The scale benchmark: ingest, incremental ingest, re-ingest, matching quality and query latency, each beside
a baseline measured in the same run. Not part of the test suite.

    pip install -e '.[bench]'
    python benchmarks/run.py --sizes 1000,10000            # prints a Markdown table; --json FILE keeps it all

For each size N a corpus is generated (benchmarks/generate.py: N articles, 100 more, and the ground truth), then

- floor: read each file, split sentences with one regex, find a cue with one regex, insert the statements into
  SQLite with executemany in one transaction: the least any ingest of these files can cost;
- ingest: ``claimtrack ingest`` of the N articles in a fresh database (a child process, so its peak memory is
  its own), with the time of each stage (read, extract, resolve, store, match) and the database's size;
- incremental: ``claimtrack ingest`` of the 100 new articles into that database;
- re-ingest: the N articles again, unchanged;
- matching: the stored clusters, and a MinHash-LSH peer (datasketch: candidates from LSH over the same
  shingles, verified by the same ``same_claim``, union-find), each scored for pair precision and recall against
  the ground truth (statements are mapped to the claim whose span they cover);
- queries: who-said, search, claims, diff and conflicts as the CLI runs them with its default limits
  (in-process, rendering to JSON included), beside the bare SQL that fetches the same rows, and
  ``claimtrack --help`` as a new process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path, PurePosixPath

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402 - the generator beside this file

FLOOR_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
FLOOR_CUE = re.compile(r"(?:قال|أكد|أوضح|أشار|صرح|أعلن|ذكر|أضاف|تابع)\S*\s+(.*?)\s+(?:إن|أن|بأن|إلى أن|:)\s+(.+)")


# ----- baselines -----


def floor(folder: Path, db_path: Path) -> dict:
    """Read, split, one regex, insert: the bare floor of an ingest of the same files."""
    started = time.perf_counter()
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, text TEXT)")
    conn.execute("CREATE TABLE statements (id INTEGER PRIMARY KEY, article_id TEXT, speaker TEXT, text TEXT)")
    articles, rows = [], []
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        articles.append((path.stem, text))
        for sentence in FLOOR_SENTENCE.findall(text):
            m = FLOOR_CUE.search(sentence)
            if m:
                rows.append((path.stem, m.group(1), m.group(2)))
    with conn:
        conn.executemany("INSERT INTO articles VALUES (?, ?)", articles)
        conn.executemany("INSERT INTO statements (article_id, speaker, text) VALUES (?, ?, ?)", rows)
    conn.close()
    return {"seconds": time.perf_counter() - started, "statements": len(rows)}


def lsh_clusters(norms: dict[int, str], settings, entity_words, openers, threshold: float = 0.3) -> tuple:
    """MinHash-LSH candidates over each claim's shingles, verified by the same ``same_claim``: the peer."""
    from datasketch import MinHash, MinHashLSH

    from claimtrack.match import ClaimIndex, _link, _shingles

    started = time.perf_counter()
    index = ClaimIndex(settings, entity_words, openers)
    index.add(norms)
    lsh = MinHashLSH(threshold=threshold, num_perm=64)
    pairs = set()
    for sid, claim in index.claims.items():
        if len(set(claim.stems)) < settings.min_words:
            continue
        m = MinHash(num_perm=64)
        m.update_batch([s.encode("utf-8") for s in _shingles(claim.stems)])
        for other in lsh.query(m):
            pairs.add((min(sid, other), max(sid, other)))
        lsh.insert(sid, m)
    assignment = _link(index, pairs, {}).assignment
    return assignment, time.perf_counter() - started, len(pairs)


# ----- quality -----


def families(db_path: Path, truth_path: Path) -> dict[int, int]:
    """Statement id -> the ground-truth claim family whose span it overlaps most."""
    spans = defaultdict(list)
    for line in truth_path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        spans[row["article"]].append((row["start"], row["end"], row["family"]))
    conn = sqlite3.connect(db_path)
    out = {}
    for sid, article, start, end in conn.execute("SELECT id, article_id, char_start, char_end FROM statements"):
        # An article id is the file's path from the folder ingested ("base/0001/a17.txt"); truth names the file.
        named = spans.get(PurePosixPath(article).stem, ())
        best = max(((min(end, b) - max(start, a), f) for a, b, f in named), default=(0, None))
        if best[0] > 0:
            out[sid] = best[1]
    conn.close()
    return out


def pair_scores(assignment: dict[int, int], family: dict[int, int]) -> dict:
    """Pair precision and recall of clusters against the families, over statements mapped to a claim."""

    def pairs(counts) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    mapped = [sid for sid in family if sid in assignment]
    both = pairs(Counter((assignment[s], family[s]) for s in mapped))
    found = pairs(Counter(assignment[s] for s in mapped))
    truth = pairs(Counter(family[s] for s in mapped))
    return {
        "precision": both / found if found else 1.0,
        "recall": both / truth if truth else 1.0,
        "true_pairs": truth,
    }


# ----- children: each measured in a process of its own -----


def child_ingest(db: str, workers: str, paths: list[str]) -> dict:
    from claimtrack import Store, ingest

    started = time.perf_counter()
    with Store.open(db) as store:
        report = ingest(paths, store, workers=int(workers))
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "stages": dict(report.timings),
        "new": report.new,
        "unchanged": report.unchanged,
        "statements": report.statements,
        "failed": report.failed,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def child_match(db: str, truth: str) -> dict:
    from claimtrack import Store
    from claimtrack.match import cluster
    from claimtrack.pipeline import _entity_words, _inner_openers, match_settings
    from claimtrack.speakers import Registry

    with Store.open(db) as store:
        norms = store.claim_norms()
        stored = {sid: c for sid, c in store.claim_clusters().items() if c is not None}
        # A headline restating its body is a cluster of its own tied to the body's statement: it makes that claim.
        stored.update({r["id"]: r["cluster"] for r in store.restatements()})
        settings = match_settings(store)
        registry = Registry.load("ar", store.stored_speakers())
    family = families(Path(db), Path(truth))
    entity_words, openers = _entity_words(registry), _inner_openers(registry)
    started = time.perf_counter()
    blocked = cluster(norms, settings, entity_words, openers)
    blocked_s = time.perf_counter() - started
    peer, peer_s, peer_pairs = lsh_clusters(norms, settings, entity_words, openers)
    return {
        "statements": len(norms),
        "mapped": len(family),
        "stored": pair_scores(stored, family),
        "blocked": {"seconds": blocked_s, **pair_scores(blocked, family)},
        "lsh": {"seconds": peer_s, "candidates": peer_pairs, **pair_scores(peer, family)},
    }


QUERY_SQL = {
    "who-said": "SELECT * FROM statements WHERE speaker_id = (SELECT id FROM speakers WHERE canonical = ?) LIMIT 50",
    "search": "SELECT s.* FROM claims_fts JOIN statements s ON s.id = claims_fts.rowid WHERE claims_fts MATCH ? "
    "ORDER BY bm25(claims_fts) LIMIT 50",
    "claims": "SELECT * FROM clusters ORDER BY size DESC LIMIT 50",
    "diff": "SELECT * FROM statements WHERE cluster_id = ?",
    "conflicts": "SELECT cluster_id FROM statements WHERE cluster_id IS NOT NULL GROUP BY cluster_id "
    "HAVING COUNT(DISTINCT speaker_id) > 1 LIMIT 50",
}


def child_queries(db: str) -> dict:
    from typer.testing import CliRunner

    from claimtrack.lang.text import fold_for_match
    from claimtrack.cli import app

    conn = sqlite3.connect(db)
    speaker = conn.execute(
        "SELECT sp.canonical FROM statements s JOIN speakers sp ON sp.id = s.speaker_id "
        "WHERE sp.kind = 'person' AND sp.canonical LIKE '% %' GROUP BY sp.id ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]
    biggest = conn.execute("SELECT id FROM clusters ORDER BY size DESC LIMIT 1").fetchone()[0]
    word = generate.WORDS["places"][0]
    commands = {
        "who-said": (["who-said", speaker], [speaker]),
        "search": (["search", word], [fold_for_match(word)]),
        "claims": (["claims"], []),
        "diff": (["diff", str(biggest)], [biggest]),
        "conflicts": (["conflicts"], []),
    }
    runner = CliRunner()
    out = {}
    for name, (args, params) in commands.items():
        cli_s = _best_of(lambda: _check(runner.invoke(app, [*args, "--db", db, "--json"]), args))
        sql_s = _best_of(lambda: conn.execute(QUERY_SQL[name], params).fetchall())
        out[name] = {"seconds": cli_s, "baseline": sql_s}
    conn.close()
    return out


def _check(result, args):
    if result.exit_code != 0:
        raise RuntimeError(f"claimtrack {' '.join(args)} failed: {result.output}")


def _best_of(fn, times: int = 3) -> float:
    best = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def help_seconds() -> dict:
    """``claimtrack --help`` as a new process, beside a bare ``python -c pass``."""
    exe = str(Path(sys.executable).with_name("claimtrack"))
    run = _best_of(lambda: subprocess.run([exe, "--help"], capture_output=True, check=True))
    bare = _best_of(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True))
    return {"seconds": run, "baseline": bare}


def child(kind: str, args: list[str]) -> dict:
    """Run one measurement in a new Python process; its JSON result."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, *args], capture_output=True, text=True, env=os.environ
    )
    if done.returncode != 0:
        raise RuntimeError(f"{kind} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


# ----- one size -----


def run_size(n: int, work: Path) -> dict:
    corpus = work / f"corpus-{n}"
    if not (corpus / "truth.jsonl").exists():
        generate.write(n, corpus)
    base, new, truth = corpus / "base", corpus / "new", corpus / "truth.jsonl"
    db = work / f"claims-{n}.db"
    for leftover in work.glob(f"claims-{n}.db*"):
        leftover.unlink()
    result: dict = {"n": n}
    print(f"[{n}] floor", file=sys.stderr, flush=True)
    result["floor"] = floor(base, work / f"floor-{n}.db")
    (work / f"floor-{n}.db").unlink()
    print(f"[{n}] ingest", file=sys.stderr, flush=True)
    result["ingest"] = child("ingest", [str(db), "1", str(base)])
    result["db_mb"] = sum(p.stat().st_size for p in work.glob(f"claims-{n}.db*")) / 2**20
    print(f"[{n}] ingest, {WORKERS} workers", file=sys.stderr, flush=True)
    parallel_db = work / f"claims-{n}-w{WORKERS}.db"
    result["ingest_workers"] = child("ingest", [str(parallel_db), str(WORKERS), str(base)])
    for leftover in work.glob(f"claims-{n}-w{WORKERS}.db*"):
        leftover.unlink()
    print(f"[{n}] incremental", file=sys.stderr, flush=True)
    result["incremental"] = child("ingest", [str(db), "1", str(new)])
    print(f"[{n}] re-ingest", file=sys.stderr, flush=True)
    result["reingest"] = child("ingest", [str(db), "1", str(base)])
    print(f"[{n}] matching", file=sys.stderr, flush=True)
    result["match"] = child("match", [str(db), str(truth)])
    print(f"[{n}] queries", file=sys.stderr, flush=True)
    result["queries"] = child("queries", [str(db)])
    return result


# ----- report -----


def table(results: list[dict], help_: dict) -> str:
    def col(fn) -> list[str]:
        return [fn(r) for r in results]

    def ms(s: float) -> str:
        return f"{s * 1000:.0f} ms"

    rows = [
        ("articles", col(lambda r: f"{r['n']:,}")),
        ("statements stored", col(lambda r: f"{r['ingest']['statements']:,}")),
        ("ingest", col(lambda r: f"{r['ingest']['seconds']:.1f} s ({r['n'] / r['ingest']['seconds']:.0f} art/s)")),
        (
            f"ingest, --workers {WORKERS}",
            col(
                lambda r: (
                    f"{r['ingest_workers']['seconds']:.1f} s ({r['n'] / r['ingest_workers']['seconds']:.0f} art/s)"
                )
            ),
        ),
        ("floor: read+split+regex+insert", col(lambda r: f"{r['floor']['seconds']:.2f} s")),
        ("ingest / floor", col(lambda r: f"{r['ingest']['seconds'] / r['floor']['seconds']:.0f}x")),
        (
            "stages: read / extract / resolve / store / match",
            col(lambda r: " / ".join(f"{r['ingest']['stages'].get(k, 0):.1f}" for k in STAGES) + " s"),
        ),
        (
            "peak memory (ingest; parent with workers)",
            col(lambda r: f"{r['ingest']['peak_mb']:.0f} MB; {r['ingest_workers']['peak_mb']:.0f} MB"),
        ),
        ("peak memory (incremental)", col(lambda r: f"{r['incremental']['peak_mb']:.0f} MB")),
        ("database size", col(lambda r: f"{r['db_mb']:.0f} MB")),
        ("incremental: 100 new articles", col(lambda r: f"{r['incremental']['seconds']:.2f} s")),
        (
            "re-ingest unchanged / first ingest",
            col(
                lambda r: f"{r['reingest']['seconds']:.2f} s ({r['reingest']['seconds'] / r['ingest']['seconds']:.0%})"
            ),
        ),
        ("matching (all stored, in memory)", col(lambda r: f"{r['match']['blocked']['seconds']:.1f} s")),
        ("peer: MinHash-LSH + same verification", col(lambda r: f"{r['match']['lsh']['seconds']:.1f} s")),
        ("pair precision / recall: stored clusters", col(lambda r: _pr(r["match"]["stored"]))),
        ("pair precision / recall: MinHash-LSH peer", col(lambda r: _pr(r["match"]["lsh"]))),
    ]
    for q in QUERY_SQL:
        rows.append(
            (
                f"`{q}` (bare SQL)",
                col(lambda r, q=q: f"{ms(r['queries'][q]['seconds'])} ({ms(r['queries'][q]['baseline'])})"),
            )
        )
    rows.append(
        (
            "`claimtrack --help` (bare `python -c pass`)",
            [f"{ms(help_['seconds'])} ({ms(help_['baseline'])})"] * len(results),
        )
    )
    lines = ["| | " + " | ".join(f"N = {r['n']:,}" for r in results) + " |", "| --- |" + " ---: |" * len(results)]
    lines += [f"| {name} | " + " | ".join(cells) + " |" for name, cells in rows]
    return "\n".join(lines)


STAGES = ("read", "extract", "resolve", "store", "match")
WORKERS = 2


def _pr(scores: dict) -> str:
    return f"{scores['precision']:.3f} / {scores['recall']:.3f}"


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="article counts, comma-separated")
    parser.add_argument("--work", help="folder for corpora and databases (default: a temporary one)")
    parser.add_argument("--json", help="write every figure to this file too")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, rest = args.child[0], args.child[1:]
        fn = {"ingest": lambda: child_ingest(rest[0], rest[1], rest[2:]), "match": lambda: child_match(*rest)}.get(
            kind, lambda: child_queries(*rest)
        )
        print(json.dumps(fn()))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.work or tmp)
        work.mkdir(parents=True, exist_ok=True)
        results = [run_size(n, work) for n in sizes]
    help_ = help_seconds()
    print(f"Machine: {machine()}; load average {os.getloadavg()[0]:.1f} at the end\n")
    print(table(results, help_))
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": machine(), "results": results, "help": help_}, indent=1))


if __name__ == "__main__":
    main()
