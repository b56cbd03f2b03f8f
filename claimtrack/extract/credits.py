"""Quotations credited on a line of their own, as quotation columns print them: the quotation paragraph first,
then a line that opens with the speaker's name and says when or why ('Jurgen Klopp after the cup final.'); or, on a
page of reactions, the name line first ('Ana Reyes, River City coach') and that speaker's quotation paragraphs under it.

A paragraph that is all quotation, which no statement claimed or carried, next to a line that opens with a
name (two or more capitalised words, with the titles and hyphened words a name phrase holds: "City manager Pep
Guardiola") and no verb of its own right after it, is that name's. The pack switches it on (``quotations.toml``
``credit_lines``).

``claim_credited`` (after ``carry_quotations``): reads ``sentences``, ``claimed``; writes ``claimed``: each sentence
of such a paragraph, the name line's name its speaker.
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
    quoted = [_quotation_paragraph(d.text, lines, k) for k in range(len(lines))]
    names: dict[int, tuple[SentenceView, Span]] = {}
    for k, (start, _) in enumerate(lines):
        credit = next(s for s in d.sentences if s.start >= start)
        if quoted[k] or credit.index in claimed or opens(d.text, start):
            continue
        view = SentenceView(d.text, credit, d.grammar.lex, unread)
        if (name := _name(d.grammar, view)) is not None:
            names[k] = (view, name)
    added = []
    for k, n in _owners(quoted, sorted(names)).items():
        inside = d.sentences_in(*lines[k])
        if any(s.index in claimed for s in inside):
            continue
        view, name = names[n]
        where = "above" if n < k else "below"
        why = f"claim_credited: a quotation paragraph credited on the line {where} ({view.span_text(name)!r})"
        for sentence in inside:
            s = SentenceView(d.text, sentence, d.grammar.lex, unread)
            a, b = trim(s, *trim(s, sentence.start, sentence.end))  # the marks, then the full stop inside them
            if b - a >= 3:
                added.append(uncued(s, NAME, view.span_text(name), a, b, Attribution.POST, why))
    d.claimed = sorted(d.claimed + added, key=lambda c: c.view.sentence.index)


def _owners(quoted: list[bool], names: list[int]) -> dict[int, int]:
    """Quotation paragraph -> the name line it is credited to. Where the first name line has quotation paragraphs
    below it and none above, and the last quotation paragraph has no name line below it, each name line heads the run
    of quotation paragraphs under it (a page of reactions: "Ana Reyes, coach" then her words); otherwise a name line
    credits the quotation paragraph above it (a column, whose title line may read as a name)."""
    if not names or not any(quoted):
        return {}
    first, last = names[0], max(k for k, q in enumerate(quoted) if q)
    below = first + 1 < len(quoted) and quoted[first + 1] and not (first and quoted[first - 1])
    if below and last + 1 not in names:
        owners = {}
        for n in names:
            k = n + 1
            while k < len(quoted) and quoted[k]:
                owners[k], k = n, k + 1
        return owners
    return {n - 1: n for n in names if n and quoted[n - 1]}


def _quotation_paragraph(text: str, lines: list[tuple[int, int]], k: int) -> bool:
    """A paragraph that opens with a quotation mark and ends with one (whatever their styles), or that the next
    paragraph goes on with, opening with a mark again: a quotation over several paragraphs closes only in its last."""
    start, end = lines[k]
    body = text[start:end].rstrip()
    if not opens(text, start) or len(body) <= 2:
        return False
    return body[-1] in MARKS or (k + 1 < len(lines) and opens(text, lines[k + 1][0]))


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
