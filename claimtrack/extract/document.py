"""A text printed whole: a speech, a statement or remarks whose every sentence is its author's, with no cue.

Two ways a story says so. An introduction line names the author's document and ends with the introducing mark
('Here is the text of the President's speech as delivered:'), the text following; or the story's title is the
document itself ('Joint Statement on ...'). Either way the text must speak in the first person (a word the pack
opens direct claims with, "we", "I"): a report about a statement does not. The pack names the documents
(``quotations.toml`` ``whole_texts``).

- ``find_document`` (before ``find_claims``): reads the text; writes ``passages`` (the text, which no sentence rule
  reads) and ``document`` (its author as written, where the text starts);
- ``claim_document`` (after it): reads ``document``; writes ``claimed``: each sentence of the text that asks
  nothing and is no salutation, the author its speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .candidate import Attribution
from .doc import SentenceView, Span
from .draft import uncued
from .quotations import Passage, asks, opens
from .spans import trim

if TYPE_CHECKING:
    from ..models import Sentence
    from .draft import Draft
    from .grammar import Grammar

NAME = "document"
MIN_WORDS = 4  # shorter sentences of a speech are asides ("And rightly so."), not claims
FIRST = 4  # sentences of the text read for a first-person word (a salutation may come first)


def find_document(d: Draft) -> None:
    lex = d.grammar.lex
    if not lex.whole_texts or not d.sentences:
        return
    for k, sentence in enumerate(d.sentences[:-1]):
        s = SentenceView(d.text, sentence, lex)
        author = _titled(d, s) if k == 0 else None
        author = author or (_introduced(d.grammar, s) if _introduces(d, sentence) else None)
        body = d.sentences[k + 1]
        if author is None or opens(d.text, body.start) or not _first_person(d, d.sentences[k + 1 : k + FIRST]):
            continue
        d.document = (author, body.start)
        d.passages.append(Passage(body.start, d.sentences[-1].end))
        d.passages.insert(0, Passage(sentence.start, sentence.end, question=True))  # the introduction: nobody's
        return


def _introduced(g: Grammar, s: SentenceView) -> str | None:
    """The owner of the document an introduction names: "X's speech ...:" gives X."""
    for k in range(2, len(s)):
        if s.norm(k) in g.lex.whole_texts:
            owner = _owner(g, s, k)
            if owner is not None:
                return s.span_text(owner)
    return None


def _owner(g: Grammar, s: SentenceView, noun: int) -> Span | None:
    """The capitalised name before a possessive ending ahead of a document noun ("President Obama's speech")."""
    for k in range(noun - 1, 1, -1):
        if g.possessive_ending(s, k) and s.toks[k - 2].raw[:1].isupper():
            a = k - 2
            while a > 0 and s.toks[a - 1].is_word and s.raw(a - 1)[:1].isupper():
                a -= 1
            return Span(a, k - 1)
    return None


def _titled(d: Draft, s: SentenceView) -> str | None:
    """A title line that is the document: its capitalised words up to a document noun ("Joint Statement")."""
    line_end = d.text.find("\n", s.sentence.start)
    if line_end < 0 or d.text[s.sentence.start : line_end].rstrip().endswith("."):
        return None
    for k in range(min(len(s), 4)):
        if not s.raw(k)[:1].isupper():
            return None
        if s.norm(k) in d.grammar.lex.whole_texts:
            return s.span_text(Span(0, k + 1))
    return None


def _first_person(d: Draft, sentences: list[Sentence]) -> bool:
    """Whether the text's first sentences speak in the first person."""
    openers = set(d.grammar.lex.direct_openers)
    return any(t.norm in openers for x in sentences for t in SentenceView(d.text, x, d.grammar.lex).toks)


def claim_document(d: Draft) -> None:
    if d.document is None:
        return
    author, body = d.document
    claimed = {c.view.sentence.index for c in d.claimed}
    unread = d.unread()
    added = []
    for sentence in d.sentences:
        if sentence.start < body or sentence.index in claimed or asks(d.text, sentence):
            continue
        s = SentenceView(d.text, sentence, d.grammar.lex, unread)
        if _introduces(d, sentence) or s.words(Span(0, len(s))) < MIN_WORDS:
            # a salutation ("Members of Congress:") or an aside ("And rightly so."): nobody's, not even carried on
            d.passages.insert(0, Passage(sentence.start, sentence.end, question=True))
            continue
        start, end = trim(s, sentence.start, sentence.end)
        why = f"claim_document: a text printed whole, every sentence its author's ({author!r})"
        added.append(uncued(s, NAME, author, start, end, Attribution.TRANSCRIPT, why))
    d.claimed = sorted(d.claimed + added, key=lambda c: c.view.sentence.index)


def _introduces(d: Draft, sentence: Sentence) -> bool:
    mark = d.grammar.lex.introducer
    return bool(mark) and d.text[sentence.start : sentence.end].rstrip().endswith(mark)
