"""Quotations credited on the line below them, as quotation columns print them: the quotation paragraph first,
then a line that opens with the speaker's name and says when or why ('Jurgen Klopp after the cup final.').

A paragraph that is all quotation, which no statement claimed or carried, followed by a line that opens with a
name (two or more capitalised words, with the titles and hyphened words a name phrase holds: "City manager Pep
Guardiola") and no verb of its own right after it, is that name's. The pack switches it on (``quotations.toml``
``credit_lines``).

``claim_credited`` (after ``carry_quotations``): reads ``sentences``, ``claimed``; writes ``claimed``: each sentence
of such a paragraph, the credit line's name its speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .candidate import Attribution
from .doc import SentenceView, Span
from .draft import uncued
from .quotations import MARKS, opens, paragraphs
from .spans import trim

if TYPE_CHECKING:
    from .draft import Draft
    from .grammar import Grammar

NAME = "credit"
MIN_NAME_WORDS = 2


def claim_credited(d: Draft) -> None:
    if not d.grammar.lex.credit_lines:
        return
    claimed = d.claimed_sentences()
    lines = paragraphs(d.text, d.sentences)
    unread = d.unread()
    added = []
    for (start, end), (credit_start, credit_end) in zip(lines, lines[1:]):
        inside = d.sentences_in(start, end)
        if not _all_quotation(d.text, start, end) or any(s.index in claimed for s in inside):
            continue
        credit = next(s for s in d.sentences if s.start >= credit_start)
        if credit.index in claimed or opens(d.text, credit_start):
            continue
        view = SentenceView(d.text, credit, d.grammar.lex, unread)
        name = _name(d.grammar, view)
        if name is None:
            continue
        for sentence in inside:
            s = SentenceView(d.text, sentence, d.grammar.lex, unread)
            a, b = trim(s, *trim(s, sentence.start, sentence.end))  # the marks, then the full stop inside them
            if b - a < 3:
                continue
            why = f"claim_credited: a quotation paragraph credited on the line below ({view.span_text(name)!r})"
            added.append(uncued(s, NAME, view.span_text(name), a, b, Attribution.POST, why))
    d.claimed = sorted(d.claimed + added, key=lambda c: c.view.sentence.index)


def _all_quotation(text: str, start: int, end: int) -> bool:
    """A paragraph that opens with a quotation mark and ends with one (whatever their styles)."""
    body = text[start:end].rstrip()
    return opens(text, start) and len(body) > 2 and body[-1] in MARKS


def _name(g: Grammar, s: SentenceView) -> Span | None:
    """The name phrase a credit line opens with: capitalised words, titles and hyphened words, ending on a
    capitalised word, with two or more capitalised words and no verb right after it."""
    k, last, capitals = 0, 0, 0
    while k < len(s):
        raw, n = s.raw(k), s.norm(k)
        joined = k + 1 < len(s) and not s.toks[k + 1].is_word and s.toks[k + 1].start == s.toks[k].end
        joined = joined or (k > 0 and not s.toks[k - 1].is_word and s.toks[k - 1].end == s.toks[k].start)
        if s.toks[k].is_word and raw[:1].isupper() and n not in g.lex.function_words:
            capitals, last = capitals + 1, k + 1
        elif not (n in g.lex.title_words or n in g.lex.person_titles or joined or raw in g.lex.name_marks):
            break
        k += 1
    if capitals < MIN_NAME_WORDS or (last < len(s) and g.finite_verb(s, last)):
        return None
    return Span(0, last)
