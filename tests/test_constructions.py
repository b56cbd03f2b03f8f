"""Each construction the extractor handles, table-driven from every pack's tests/cases/LANG/constructions*.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from claimtrack.extract import extract_article
from claimtrack.corpus import parse_text

CASE_FILES = sorted((Path(__file__).parent / "cases").glob("*/constructions*.toml"))
CASES = [
    {**case, "file": f"{path.parent.name}/{path.name}"}
    for path in CASE_FILES
    for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]
]


def test_every_language_pack_has_construction_cases():
    assert {path.parent.name for path in CASE_FILES} >= {"ar", "en"}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['file']}: {c['name']}")
def test_construction(case):
    text = case["text"]
    statements = extract_article(parse_text(text))
    got = []
    for st in statements:
        assert text[st.char_start : st.char_end] == st.text
        got.append({"speaker": st.speaker_as_written, "claim": st.text})
    assert got == [{"speaker": e["speaker"], "claim": e["claim"]} for e in case["expect"]]
    for st, e in zip(statements, case["expect"]):
        for field in ("part", "polarity", "hedged", "via"):
            if field in e:
                assert getattr(st, field) == e[field], (field, st)
