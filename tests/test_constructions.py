"""Each construction the extractor handles, table-driven from tests/cases/ar/constructions.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from claimtrack.extract import extract_article
from claimtrack.corpus import parse_text

CASES = tomllib.loads((Path(__file__).parent / "cases" / "ar" / "constructions.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["case"], ids=lambda c: c["name"])
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
