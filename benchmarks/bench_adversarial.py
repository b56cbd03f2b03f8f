"""Ingest time on adversarial articles, doubling in size up to the 1 MiB a file may hold: is every stage linear?

    python benchmarks/bench_adversarial.py                  # 16 KB .. 1 MiB, each input
    python benchmarks/bench_adversarial.py --max-kb 256     # stop earlier
    python benchmarks/bench_adversarial.py --profile cue-then-inna --kb 64   # where the time goes

Inputs, each one file of our own words repeated until it reaches the size:

- ``cue-then-inna``: "وقال المتحدث إن " (a cue, a speaker and إنّ, again and again: every word opens a statement)
- ``open-quote``: "وقال بيسكوف: «" (a cue and a quotation that never closes)
- ``one-word``: one letter repeated, no space (a single 1 MB word)
- ``news``: an ordinary paragraph with a statement, repeated (the linear baseline)

Each run ingests the file into a fresh database in this process (no start-up cost) and prints the seconds per
stage (``IngestReport.timings``: read, extract, store, match) and the ratio to the run half its size; linear
is 2.0 per doubling. A run over ``--budget`` seconds ends that input's doubling. Not a test: the numbers move
with the machine's load.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

from claimtrack import Store, ingest

PIECES = {
    "cue-then-inna": "وقال المتحدث إن ",
    "open-quote": "وقال بيسكوف: «",
    "one-word": "ب",
    "news": "وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات ستجري في موسكو الأسبوع المقبل.\n",
}


def article(kind: str, size: int) -> str:
    """The input ``kind`` repeated to ``size`` UTF-8 bytes (never more)."""
    piece = PIECES[kind]
    return piece * (size // len(piece.encode("utf-8")))


def run(kind: str, size: int, folder: Path) -> tuple[float, dict[str, float], int]:
    """Seconds to ingest one such file into a fresh database, the seconds per stage, and the statements stored."""
    path = folder / f"{kind}-{size}.txt"
    path.write_text(article(kind, size), encoding="utf-8")
    db = folder / f"{kind}-{size}.db"
    started = time.perf_counter()
    with Store.open(db) as store:
        report = ingest([str(path)], store)
    return time.perf_counter() - started, dict(report.timings), report.statements


def profile(kind: str, size: int, folder: Path) -> None:
    """The functions that take the time on one input, by time spent in each (claimtrack's own first)."""
    profiler = cProfile.Profile()
    profiler.enable()
    seconds, _, _ = run(kind, size, folder)
    profiler.disable()
    print(f"{kind} at {size // 1024} KB: {seconds:.2f} s")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(r"claimtrack|re\.py|__init__", 20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-kb", type=int, default=16)
    parser.add_argument("--max-kb", type=int, default=1024)
    parser.add_argument("--budget", type=float, default=120.0, help="seconds a run may take before doubling stops")
    parser.add_argument("--inputs", default=",".join(PIECES), help="comma-separated: " + ", ".join(PIECES))
    parser.add_argument("--profile", metavar="INPUT", help="profile one input at --kb instead")
    parser.add_argument("--kb", type=int, default=64)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimtrack-adversarial-") as tmp:
        if args.profile:
            profile(args.profile, args.kb * 1024, Path(tmp))
            return
        print("| input | size | seconds | x previous | read | extract | store | match | statements |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for kind in args.inputs.split(","):
            previous = None
            kb = args.min_kb
            while kb <= args.max_kb:
                # The last step is just under the limit: the most a file may hold.
                size = min(kb * 1024, 2**20 - 64)
                seconds, stages, statements = run(kind, size, Path(tmp))
                ratio = f"{seconds / previous:.2f}" if previous else ""
                cells = [f"{stages.get(s, 0.0):.2f}" for s in ("read", "extract", "store", "match")]
                print(f"| {kind} | {size // 1024} KB | {seconds:.2f} | {ratio} | {' | '.join(cells)} | {statements} |")
                sys.stdout.flush()
                if seconds > args.budget:
                    break
                previous, kb = seconds, kb * 2


if __name__ == "__main__":
    main()
