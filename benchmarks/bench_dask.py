"""The Dask path against the plain ingest on one corpus (not a test).

    pip install -e '.[dask,bench]' && python benchmarks/bench_dask.py --articles 1000 --workers 2 [--work DIR]

Writes ``--articles`` generated articles (``generate.py``) as one JSON Lines file, then times, each as its own
process: the plain ``claimtrack ingest``, ``claimtrack ingest --engine dask`` on a local cluster of
``--workers`` processes, and ``claimtrack load`` of its output, then ``load`` again (nothing new). It checks
that the two databases hold the same statements (export, row for row) and prints the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import generate  # noqa: E402


def write_corpus(n: int, path: Path) -> None:
    """The generated articles as records: front matter as fields, the rest as text."""
    with open(path, "w", encoding="utf-8") as out:
        for article in generate.articles(n):
            text = "\n".join(article.lines[4:]) + "\n"
            record = {"id": article.id, "outlet": article.outlet, "published": article.day.isoformat(), "text": text}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def timed(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "claimtrack", *args], check=True, capture_output=True)
    return round(time.perf_counter() - started, 2)


def export(db: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "claimtrack", "export", "--db", str(db), "--format", "jsonl"],
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.splitlines()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=500)
    parser.add_argument("--work", type=Path, default=None)
    options = parser.parse_args()
    work = options.work or Path(tempfile.mkdtemp(prefix="bench-dask-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus, out = work / "news.jsonl", work / "extracted"
    write_corpus(options.articles, corpus)
    plain, loaded = work / "plain.db", work / "loaded.db"
    for db in (plain, loaded):
        db.unlink(missing_ok=True)
    dask = ["ingest", "--engine", "dask", "--workers", str(options.workers), "--out", str(out)]
    figures = {
        "articles": options.articles,
        "workers": options.workers,
        "plain ingest, --workers 1": timed("ingest", "--workers", "1", "--db", str(plain), str(corpus)),
        "ingest --engine dask": timed(*dask, "--partition-size", str(options.partition_size), str(corpus)),
        "load": timed("load", "--db", str(loaded), str(out)),
        "load again": timed("load", "--db", str(loaded), str(out)),
    }
    same = export(plain) == export(loaded)
    figures["same statements"] = same
    figures["parquet bytes"] = sum(p.stat().st_size for p in out.rglob("*.parquet"))
    print(json.dumps(figures, indent=1))
    if not same:
        sys.exit("the loaded database differs from the plain ingest's")


if __name__ == "__main__":
    main()
