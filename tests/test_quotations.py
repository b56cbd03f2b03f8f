"""The stages that read quotations and transcripts past one sentence (extract/quotations.py, transcript.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimtrack import lexicon

from claimtrack.extract.article import grammar
from claimtrack.extract.draft import Draft
from claimtrack.extract.grammar import Grammar
from claimtrack.extract.mentions import find_mentions
from claimtrack.extract.quotations import all_quoted, open_paragraphs
from claimtrack.extract.transcript import find_turns
from claimtrack.sentences import split


def _draft(text: str, language: str = "en") -> Draft:
    return Draft(text=text, sentences=split(text), grammar=grammar(language), story=1)


@pytest.mark.parametrize(
    ("text", "passages"),
    [
        # the last mark opens a quotation and the next paragraph opens with a mark: open to the line's end
        ('"One," she said. "Two.\n"Three."', [(17, 22)]),
        ('"One.\n"Two.\n"Three."', [(0, 5), (6, 11)]),
        # closed, or the next paragraph does not continue it, or a sloppy closing mark (',“ said')
        ('"One," she said.\n"Two."', []),
        ('"One.\nShe left.', []),
        ("“One,“ he said.\n“Two.”", []),
    ],
)
def test_open_paragraphs(text, passages):
    d = _draft(text)
    open_paragraphs(d)
    assert [(p.start, p.end) for p in d.passages] == passages


def test_a_pack_that_does_not_switch_them_on_reads_no_passage():
    text = '"One.\n"Two.\nQ: Why?\nMR X: Because.\nQ: When?'
    off = replace(lexicon.load("ar"), open_paragraphs=False)  # Arabic reads no transcript and, so, no open run
    d = Draft(text=text, sentences=split(text), grammar=Grammar(off), story=1)
    open_paragraphs(d)
    find_turns(d)
    assert d.passages == []


@pytest.mark.parametrize(
    ("text", "turns"),
    [
        ("Q: Why now?\nMS LEE: The vote was due.\nQ: And next?\nMS LEE: A second vote.", 4),
        ("MR A: We agree.\nMR B: We do not.\nMR A: Then we wait.", 3),  # no question, but a label comes back
        ("LISBON: Ships were held.\nPORTO: Trains were late.", 0),  # two datelines are not a transcript
        ("Q: Why now?\nThe minister left.", 0),  # one label line
    ],
)
def test_a_transcript_needs_turns_and_a_question_or_a_label_that_comes_back(text, turns):
    d = _draft(text)
    find_turns(d)
    assert len(d.passages) == turns


def test_questions_from_the_floor_are_marked():
    d = _draft("QUESTION: Why now?\nMS LEE: The vote was due.")
    find_turns(d)
    assert [p.question for p in d.passages] == [True, False]
    assert [d.text[slice(*p.label)] for p in d.passages] == ["QUESTION", "MS LEE"]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [('"All of it."', True), ('"All of it".', True), ('"Part," he said.', False), ("No marks.", False)],
)
def test_all_quoted(text, quoted):
    assert all_quoted(text, split(text)[0]) is quoted


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Lina Hart, the city's mayor, toured the shelter.", ["Lina Hart"]),
        ("After the vote, Lina Hart, the city's mayor, left.", ["Lina Hart"]),
        ("Mayor Lina Hart toured the shelter.", ["Mayor Lina Hart"]),
        ("The United States has new information.", []),  # no title; and a name has no article
        ("Lina Hart toured the shelter.", []),  # no title: nothing says it is a person
        ("Lina Hart, 54, toured the shelter.", ["Lina Hart"]),  # an age says it
        ("Mayor Hart toured the shelter.", ["Mayor Hart"]),  # a title says the one word is a surname
        ("Finance Minister toured the shelter.", []),  # titles only: no name
        ("Inspector Ann Lee, of the town police, thanked the families.", ["Inspector Ann Lee"]),
    ],
)
def test_mentions(text, mentions):
    d = _draft(text)
    find_mentions(d)
    assert [name for _, name, _ in d.mentions] == mentions


def test_no_mention_in_a_pack_that_does_not_read_them():
    d = _draft("Mayor Lina Hart toured the shelter.", language="ar")
    find_mentions(d)
    assert d.mentions == []
