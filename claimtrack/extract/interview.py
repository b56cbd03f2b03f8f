"""An interview printed as questions and answers, with no labels: each answer is the interviewee's.

'... our reporter spoke to the port director, Ana Reyes. Excerpts from the interview.' then paragraphs that ask
(their last sentence a question) each followed by paragraphs that answer. A story is one when a paragraph before
its first question names an interview (``quotations.toml`` ``interviews``) and at least ``min_turns`` questions
are answered. The interviewee is the last name of two or more capitalised words written before the first
question: an introduction names the interviewer first ("X spoke to Y"), the interviewee last.

- ``find_interview`` (before ``find_claims``): reads the text; writes ``passages`` (questions nobody's, answers no
  sentence rule reads) and ``interview`` (the interviewee as written, the answers' spans);
- ``claim_interview`` (after it): reads ``interview``; writes ``claimed``: each answer sentence that asks nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .candidate import Attribution
from .doc import SentenceView, Span
from .draft import uncued
from .quotations import Passage, asks, opens, paragraphs
from .spans import trim

if TYPE_CHECKING:
    from .draft import Draft

NAME = "interview"
MIN_NAME_WORDS = 2


def find_interview(d: Draft) -> None:
    lex = d.grammar.lex
    if not lex.interviews or any(p.label is not None for p in d.passages):
        return  # a transcript reads its own turns
    lines = paragraphs(d.text, d.sentences)
    asking = [_asks(d, start, end) for start, end in lines]
    first = next((k for k, q in enumerate(asking) if q), None)
    if first is None or not any(_names_interview(d, *line) for line in lines[:first]):
        return
    answered = sum(1 for k in range(first, len(lines) - 1) if asking[k] and not asking[k + 1])
    interviewee = _last_name(d, lines[first - 1][1] if first else 0)
    if answered < lex.min_turns or interviewee is None:
        return
    answers = [(start, end) for k, (start, end) in enumerate(lines[first:], first) if not asking[k]]
    d.interview = (interviewee, answers)
    for k, (start, end) in enumerate(lines[first:], first):
        d.passages.append(Passage(start, end, question=asking[k]))


def _asks(d: Draft, start: int, end: int) -> bool:
    """A paragraph that asks: its last sentence is a question, and it is no quotation."""
    inside = d.sentences_in(start, end)
    return bool(inside) and not opens(d.text, start) and asks(d.text, inside[-1])


def _names_interview(d: Draft, start: int, end: int) -> bool:
    words = {t.norm for s in d.sentences_in(start, end) for t in SentenceView(d.text, s, d.grammar.lex).toks}
    return bool(words & d.grammar.lex.interviews)


def _last_name(d: Draft, end: int) -> str | None:
    """The last run of capitalised words (two or more, the marks a name holds between them) before ``end``."""
    best = None
    for sentence in d.sentences_in(0, end):
        s = SentenceView(d.text, sentence, d.grammar.lex)
        k = 1  # a sentence's first word is capitalised anyway
        while k < len(s):
            a = k
            while k < len(s) and _name_token(d, s, k, a):
                k += 1
            if s.words(Span(a, k)) >= MIN_NAME_WORDS:
                best = s.span_text(Span(a, k))
            k = max(k, a + 1)
    return best


def _name_token(d: Draft, s: SentenceView, k: int, a: int) -> bool:
    raw = s.raw(k)
    if s.toks[k].is_word:
        return raw[:1].isupper() and s.norm(k) not in d.grammar.lex.function_words
    return raw in d.grammar.lex.name_marks and k > a and k + 1 < len(s) and s.raw(k + 1)[:1].isupper()


def claim_interview(d: Draft) -> None:
    if d.interview is None:
        return
    interviewee, answers = d.interview
    unread = d.unread()
    added = []
    for start, end in answers:
        for sentence in d.sentences_in(start, end):
            if asks(d.text, sentence):
                continue
            s = SentenceView(d.text, sentence, d.grammar.lex, unread)
            a, b = trim(s, sentence.start, sentence.end)
            why = f"claim_interview: an answer in an interview printed as questions and answers ({interviewee!r})"
            added.append(uncued(s, NAME, interviewee, a, b, Attribution.TRANSCRIPT, why))
    d.claimed = sorted(d.claimed + added, key=lambda c: c.view.sentence.index)
