"""The development set's gold is consistent; with the texts present, every hash and anchor holds."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

import pytest

DEV = Path(__file__).parent / "dev"
TEXTS = Path(os.environ.get("CLAIMTRACK_DEVTEXTS", DEV / "texts"))


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DEV / name).read_text(encoding="utf-8").splitlines() if line.strip()]


SOURCES, STATEMENTS, PAIRS = _rows("sources.jsonl"), _rows("dev-statements.jsonl"), _rows("dev-pairs.jsonl")


def test_the_set_spans_beats_and_outlets():
    assert len(SOURCES) >= 40
    assert len({s["beat"] for s in SOURCES}) >= 12
    assert len({s["outlet"] for s in SOURCES}) >= 15


def test_gold_refers_to_known_articles_and_statements():
    articles = {s["article"] for s in SOURCES}
    assert len(articles) == len(SOURCES)
    ids = Counter(s["id"] for s in STATEMENTS)
    assert max(ids.values()) == 1
    assert {s["article"] for s in STATEMENTS} <= articles
    by_id = {s["id"]: s for s in STATEMENTS}
    for pair in PAIRS:
        assert by_id[pair["a"]]["article"] != by_id[pair["b"]]["article"], pair
        assert pair["tier"] in ("verbatim", "paraphrase")
    for st in STATEMENTS:
        assert 20 <= len(st["anchor"]) <= 90 or st["tier"] == "optional", st["id"]
        assert st["tier"] in ("core", "hard", "optional")


@pytest.mark.skipif(not TEXTS.is_dir(), reason="third-party texts are not in git; see tests/dev/README.md")
@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s["article"])
def test_text_hash_and_anchors(source):
    data = (TEXTS / f"{source['article']}.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == source["sha256"]
    text = data.decode("utf-8")
    for st in (s for s in STATEMENTS if s["article"] == source["article"]):
        assert text[st["char_start"] : st["char_end"]] == st["anchor"], st["id"]
        assert text.count(st["anchor"]) == 1, st["id"]
