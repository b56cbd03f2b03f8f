"""Score claimtrack on the development set: ingest the texts into a scratch database, export, run the scorer.

Usage: python tests/dev/score.py [--details] [--scorer ../shared/eval/score.py]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def texts_dir() -> Path:
    return Path(os.environ.get("CLAIMTRACK_DEVTEXTS", HERE / "texts"))


def sources() -> list[dict]:
    lines = (HERE / "sources.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--scorer", default=str(ROOT.parent / "shared" / "eval" / "score.py"))
    args = parser.parse_args()
    texts = texts_dir()
    if not texts.is_dir():
        sys.exit(f"no texts at {texts}: see tests/dev/README.md (or set CLAIMTRACK_DEVTEXTS)")
    with tempfile.TemporaryDirectory() as tmp:
        db, export = Path(tmp) / "dev.db", Path(tmp) / "dev.jsonl"
        cli = [sys.executable, "-m", "claimtrack"]
        files = [str(texts / f"{source['article']}.txt") for source in sources()]
        subprocess.run([*cli, "ingest", *files, "--db", str(db)], check=True, capture_output=True)
        with open(export, "w", encoding="utf-8") as out:
            subprocess.run([*cli, "export", "--db", str(db), "--format", "jsonl"], check=True, stdout=out)
        extra = ["--details"] if args.details else []
        scored = [sys.executable, args.scorer, str(export), "--set", "dev", "--gold", str(HERE), *extra]
        return subprocess.run(scored, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
