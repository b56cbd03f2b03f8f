"""Property tests: extraction never raises and its offsets point into the text; folding is idempotent;
what ingest stores, export gives back. Example counts are bounded so the suite stays fast in CI."""

from __future__ import annotations

import csv
import io
import json
import os

from hypothesis import HealthCheck, example, given, settings, strategies as st

from claimtrack import Registry, Store, export, extract_statements, ingest
from claimtrack.lang.text import fold, fold_for_match

# FUZZ_EXAMPLES=2000 for a deeper run by hand; CI keeps the default small.
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x064B)) + "\u064b\u064e\u0651\u0670ـ"
PIECES = (
    "وقال",
    "قال",
    "وأضاف",
    "أكد",
    "وأوضحت",
    "بحسب",
    "نقلا عن",
    "إن",
    "أن",
    "المتحدث باسم الكرملين",
    "دميتري بيسكوف",
    "لافروف",
    "كيربي",
    "مصادر",
    "وزير الخارجية",
    ":",
    "،",
    ".",
    "؟",
    "!",
    "«",
    "»",
    '"',
    "“",
    "”",
    "'",
    "(",
    ")",
    "\n",
    "\n\n",
    " ",
    "اقرأ أيضاً",
    "\u200f",
    "٢٠٢٤",
)
arabic_heavy = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(alphabet=ARABIC_LETTERS + " ", min_size=1, max_size=12)),
    max_size=60,
).map(" ".join)
any_unicode = st.text(max_size=300)
unbalanced_quotes = st.lists(
    st.sampled_from(("وقال بيسكوف إن", "«", '"', "“", "»", "”", "المحادثات ستجري", "في موسكو", ".", "\n")),
    max_size=40,
).map(" ".join)
# One sentence with no full stop, many words long: the shape that makes span searches blow up.
long_sentence = st.integers(min_value=50, max_value=400).map(
    lambda n: "وقال المتحدث باسم الكرملين دميتري بيسكوف إن " + " ".join(["المحادثات ستجري في موسكو"] * n)
)


# Loading the registry costs more than extracting a short text: load it once for the whole file.
REGISTRY = Registry.load("ar")


def _assert_offsets_inside(text: str) -> None:
    for statement in extract_statements(text, registry=REGISTRY):
        assert 0 <= statement.char_start <= statement.char_end <= len(text)
        assert text[statement.char_start : statement.char_end] == statement.text


@FUZZ
@given(any_unicode)
@example("፩")  # a digit that is no decimal (Ethiopic one): str.isdigit, but int() refuses it
def test_extraction_never_raises_on_any_unicode(text):
    _assert_offsets_inside(text)


@FUZZ
@given(arabic_heavy)
@example("وقال : :")  # a cue with nothing after it but punctuation: the claim span ends empty at the text's end
def test_extraction_offsets_lie_inside_arabic_heavy_text(text):
    _assert_offsets_inside(text)


@FUZZ
@given(unbalanced_quotes)
def test_extraction_survives_unbalanced_quotes(text):
    _assert_offsets_inside(text)


@settings(max_examples=5, deadline=None)
@given(long_sentence)
def test_extraction_survives_very_long_sentences(text):
    _assert_offsets_inside(text)


@settings(max_examples=200, deadline=None)
@given(st.one_of(any_unicode, arabic_heavy))
def test_folding_is_idempotent(text):
    assert fold(fold(text)) == fold(text)
    assert fold_for_match(fold_for_match(text)) == fold_for_match(text)


claim = st.lists(st.text(alphabet=ARABIC_LETTERS, min_size=2, max_size=8), min_size=2, max_size=8).map(" ".join)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(claim, min_size=1, max_size=4))
def test_ingest_then_export_round_trips_every_statement(tmp_path_factory, claims):
    folder = tmp_path_factory.mktemp("round-trip")
    texts = {}
    for n, said in enumerate(claims):
        texts[f"{folder.name}/a{n}.txt"] = (
            f"وقال المتحدث باسم الكرملين دميتري بيسكوف إن {said}.\n\nوأضاف لافروف: «{said}».\n"
        )
        (folder / f"a{n}.txt").write_text(texts[f"{folder.name}/a{n}.txt"], encoding="utf-8")
    expected = sorted(
        (article, s.speaker, s.text, s.char_start, s.char_end)
        for article, text in texts.items()
        for s in extract_statements(text)
    )
    with Store.open(folder / "claims.db") as store:
        ingest([str(folder)], store)
        rows = store.statements()
    for fmt in ("jsonl", "csv"):
        out = io.StringIO()
        export.write(rows, fmt, out)
        if fmt == "jsonl":
            exported = [json.loads(line) for line in out.getvalue().splitlines()]
            got = sorted((r["article"], r["speaker"], r["text"], r["char_start"], r["char_end"]) for r in exported)
        else:
            exported = list(csv.DictReader(io.StringIO(out.getvalue())))
            got = sorted(
                (r["article"], r["speaker"], r["text"], int(r["char_start"]), int(r["char_end"])) for r in exported
            )
        assert got == expected
