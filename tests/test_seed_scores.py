"""The seed corpus scores must not fall: the scorer and gold are copies of ../shared's."""

from __future__ import annotations

import importlib.util
import json
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
