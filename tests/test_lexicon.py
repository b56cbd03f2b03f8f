"""The language data loads strictly: a key no code reads, or a key the code reads that is missing, is an error."""

from __future__ import annotations

import pytest

from claimtrack import lexicon
from claimtrack.errors import ClaimtrackError
from claimtrack.lang.text import fold


def _load_with(monkeypatch, change):
    real = lexicon._read

    def patched(language, name):
        data = real(language, name)
        return change(name, data) or data

    monkeypatch.setattr(lexicon, "_read", patched)
    return lexicon.load.__wrapped__("ar")


def test_the_shipped_data_loads():
    lex = lexicon.load.__wrapped__("ar")
    assert lex.cue("قال") is not None and lex.complementizers


def test_a_key_no_code_reads_is_an_error(monkeypatch):
    def add(name, data):
        if name == "grammar.toml":
            data["addressee_prefixs"] = ["ل"]

    with pytest.raises(ClaimtrackError, match=r"grammar\.toml: key 'addressee_prefixs' is read by no code"):
        _load_with(monkeypatch, add)


def test_a_nested_key_no_code_reads_is_an_error(monkeypatch):
    def add(name, data):
        if name == "grammar.toml":
            data["verbal_nouns"]["pattern"] = ["تفعيل"]

    with pytest.raises(ClaimtrackError, match=r"key 'verbal_nouns\.pattern' is read by no code"):
        _load_with(monkeypatch, add)


def test_a_missing_key_is_an_error(monkeypatch):
    def drop(name, data):
        if name == "grammar.toml":
            del data["claim_links"]

    with pytest.raises(ClaimtrackError, match=r"grammar\.toml: missing key 'claim_links'"):
        _load_with(monkeypatch, drop)


def test_every_nationality_adjective_has_its_feminine_form():
    # "هيئة الطيران المدني الباكستانية" had been no Pakistani body: the table held the masculine alone
    lex = lexicon.load("ar")
    table = lex.anonymous_nationality
    masculine = [word for word in table if " " not in word and word.endswith("ي")]
    assert [w for w in masculine if not any(fold(w + ending) in table for ending in lex.feminine_endings)] == []
