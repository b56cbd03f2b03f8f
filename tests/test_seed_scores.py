"""The seed corpus scores must not fall: the scorer and gold are copies of ../shared's."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

from claimtrack import Store

GOLD = Path(__file__).parent / "gold"


def _scorer():
    spec = importlib.util.spec_from_file_location("seed_score", GOLD / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_seed_scores_hold(seed_db):
    with Store.open(seed_db) as store:
        rows = store.statements()
    result = _scorer().score(rows, _read(GOLD / "seed-statements.jsonl"), _read(GOLD / "seed-pairs.jsonl"))
    assert result["core_recall"] >= 0.95
    assert result["statement_precision"] >= 0.95
    assert result["statement_f1"] >= 0.95
    assert result["speaker_accuracy"] >= 0.97
    assert result["core_speaker_accuracy"] >= 0.97
    assert result["hard_recall"] >= 0.70


GOLDEN = Path(__file__).parent / "golden" / "seed-extraction.jsonl"
GOLDEN_FIELDS = ("speaker_as_written", "cue", "kind", "attribution", "char_start", "char_end", "via", "text")


def _extraction_lines() -> list[str]:
    from claimtrack import corpus
    from claimtrack.extract import extract_article
    from conftest import CORPUS

    lines = []
    for path in sorted(CORPUS.glob("*.txt")):
        for st in extract_article(corpus.read_file(path)):
            row = {"article": path.stem, **{k: getattr(st, k) for k in GOLDEN_FIELDS}}
            lines.append(json.dumps(row, ensure_ascii=False, sort_keys=False))
    return lines


def test_seed_extraction_matches_the_golden_file():
    """A diffable record of every seed statement: a change shows which statement moved.

    After an intended change, rewrite it with CLAIMTRACK_UPDATE_GOLDEN=1 and read the diff before committing.
    """
    lines = _extraction_lines()
    if os.environ.get("CLAIMTRACK_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == GOLDEN.read_text(encoding="utf-8").splitlines()
