"""Quotations a line introduces: a sentence that names its speaker and ends with a colon, the quotation after it.

'The coach gave an update on the injury:' with the quotation in the next paragraph, or 'Hart went on: "..."' with
a quotation that runs past its line: whatever the verb, the quotation is the words of the introducing sentence's
subject. A cue verb at the line's end ("told reporters:") is read by the sentence rules already; this stage
takes the lines they cannot read (no cue verb, a quotation that never closes on its own line, or closes in a later
paragraph without opening it again). The pack names the mark that introduces (``quotations.toml``).

- ``find_introductions`` (before ``find_claims``): reads the text; writes ``passages`` (the quotation, so no rule
  reads inside it) and ``introductions`` (the introducing sentence, where the quotation's words start);
- ``claim_introductions`` (after it): reads ``introductions`` and ``claimed``; writes ``claimed``: the quotation's
  first sentence, with the introducing sentence's subject as its speaker, when no rule claimed it;
  ``carry_quotations`` goes on with its other sentences.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lang.text import PUNCTUATION, fold
from ..sentences import quotation_mark
from .candidate import Attribution
from .doc import SentenceView, Span
from .draft import uncued
from .quotations import MARKS, Passage, left_open, opens, paragraphs
from .spans import trim
from .subject import subject_of

if TYPE_CHECKING:
    from .draft import Draft
    from .grammar import Grammar

NAME = "introduced"
MAX_TITLE_WORDS = 3  # words before a statement noun that opens an author's line ("Joint statement from ...")
MAX_ANNOUNCING_WORDS = 8  # words of a line that announces a quotation with a speaker and a verb ("X explains.")
ENDERS = frozenset(PUNCTUATION["claim_enders"])


def find_introductions(d: Draft) -> None:
    mark = d.grammar.lex.introducer
    if not mark:
        return
    lines = paragraphs(d.text, d.sentences)
    for k, (start, end) in enumerate(lines):
        if any(p.label is not None and p.start <= start < p.end for p in d.passages):
            continue  # a transcript's turn: its label's colon introduces nothing
        next_start = lines[k + 1][0] if k + 1 < len(lines) else None
        opening = _opening(d.text, mark, start, end, next_start)
        if opening is None and next_start is not None and opens(d.text, next_start) and _announces(d, start, end):
            opening = next_start
        if opening is None:
            rest = _unquoted_rest(d, mark, start, end)
            if rest is not None and not any(p.start <= rest < p.end for p in d.passages):
                d.passages.append(Passage(rest, end))
            continue
        quote_end = _quotation_end(d.text, lines, k, opening)
        introducer = d.sentence_at(max(start, d.text.rfind(mark, start, opening)))
        if introducer.start < start:
            continue  # the colon ends a sentence begun on an earlier line
        d.introductions.append((introducer.index, opening))
        taken = [(p.start, p.end) for p in d.passages]
        if not any(a <= opening < b for a, b in taken):
            d.passages.append(Passage(opening, quote_end))


def _unquoted_rest(d: Draft, mark: str, start: int, end: int) -> int | None:
    """ "She said: I never shy away from it. That's my job.": a verb of saying and the mark, then the speaker's words
    with no quotation mark, to the end of the line; where the sentences after the first start (the verb rules read
    the first)."""
    at = d.text.find(mark, start, end)
    if at < 0:
        return None
    words = d.text[start:at].split()
    after = d.text[at + len(mark) : end].lstrip()
    if not words or not _says(d, words[-1]) or not after or quotation_mark(after, 0, MARKS):
        return None
    first = d.sentence_at(at)
    return first.end if first.end < end and d.text[first.end : end].strip() else None


def _announces(d: Draft, start: int, end: int) -> bool:
    """ "Mayco member Ann Lee explains.": a short line that is a speaker and a verb of saying, and nothing after the
    verb but its full stop, announces the quotation paragraph after it as a colon would."""
    words = d.text[start:end].split()
    if not 1 < len(words) <= MAX_ANNOUNCING_WORDS or words[-1][-1:] not in ENDERS:
        return False
    return _says(d, words[-1][:-1])


def _says(d: Draft, word: str) -> bool:
    """Whether a word as written is a verb of saying in the past or present ("said", "explains")."""
    return d.grammar.lex.saying_verb(fold(word))


def _opening(text: str, mark: str, start: int, end: int, next_start: int | None) -> int | None:
    """Where the quotation a line introduces opens: the next line's opening mark when the line ends with the
    introducing mark, or the mark after it in the line when the quotation does not close on the line."""
    line = text[start:end].rstrip()
    if line.endswith(mark) and next_start is not None and opens(text, next_start):
        return next_start
    at = text.find(mark, start, end)
    if at < 0:
        return None
    k = at + len(mark)
    while k < end and text[k].isspace():
        k += 1
    return k if k < end and k > at + len(mark) and left_open(text, start, end) == k else None


def _quotation_end(text: str, lines: list[tuple[int, int]], k: int, opening: int) -> int:
    """The end of the last line the quotation runs over: on, while a line leaves it open and the next line opens
    again or closes it (its first mark a closing one)."""
    end = lines[k][1] if opening < lines[k][1] else lines[k + 1][1]
    k = k if opening < lines[k][1] else k + 1
    while k + 1 < len(lines) and left_open(text, lines[k][0], lines[k][1]) is not None:
        start_next, end_next = lines[k + 1]
        first = next((i for i in range(start_next, end_next) if quotation_mark(text, i, MARKS)), None)
        if not (opens(text, start_next) or (first is not None and not text[first - 1].isspace())):
            break
        k += 1
        end = end_next
    return end


def claim_introductions(d: Draft) -> None:
    if not d.introductions:
        return
    claimed = d.claimed_sentences()
    unread = d.unread()
    added = []
    for index, opening in d.introductions:
        first = d.sentence_at(opening)
        if first.index in claimed:
            continue
        s = SentenceView(d.text, d.sentences[index], d.grammar.lex, unread)
        verb, speaker = _speaker(d.grammar, s, s.index_at(opening))
        if speaker is None:
            continue
        quoted = SentenceView(d.text, first, d.grammar.lex, unread)
        start, end = trim(quoted, max(opening, first.start), first.end)
        if end - start < 3:
            continue
        why = f"claim_introductions: {s.span_text(speaker)!r} introduces the quotation with a colon"
        source = s.span_text(speaker)
        added.append(
            uncued(quoted, NAME, source, start, end, Attribution.EXPLICIT, why, cue=s.raw(verb), confidence=0.7)
        )
        claimed.add(first.index)
    d.claimed = sorted(d.claimed + added, key=lambda c: c.view.sentence.index)


def _speaker(g: Grammar, s: SentenceView, stop: int) -> tuple[int, Span | None]:
    """The introducing sentence's first verb and its subject, when that subject can speak: it holds a source
    word or a capitalised word that is no function word ("The sign read:" names nobody)."""
    opens = 0
    for k in range(stop):
        cue = g.lex.cue(s.norm(k))
        if s.quoted[k] or not (g.finite_verb(s, k) or (cue is not None and cue.tense != "noun")):
            continue
        if _presents(g, s, k):
            opens = k + 2  # "Here's what the coach had to say:": the clause after "what" names the speaker
            continue
        subject = subject_of(g, s, k)
        if subject is None:
            return k, None
        span = Span(max(subject.span.a, opens), subject.span.b)
        return k, span if span.b > span.a and (_named(g, s, span) or _issues_statement(g, s, k, stop)) else None
    return _author(g, s, stop)


def _presents(g: Grammar, s: SentenceView, verb: int) -> bool:
    """Whether only function words ("Here", "There") come before the verb, and a relative word right after it."""
    words = [k for k in range(verb) if s.toks[k].is_word]
    return (
        bool(words)
        and verb + 1 < len(s)
        and s.norm(verb + 1) in g.lex.relative_particles
        and all(s.norm(k) in g.lex.function_words for k in words)
    )


def _issues_statement(g: Grammar, s: SentenceView, verb: int, stop: int) -> bool:
    """ "The district released the following statement:": a verb whose object is a statement noun, so whatever its
    subject is (a body no list names) issued the quotation."""
    return any((cue := g.lex.cue(s.norm(k))) is not None and cue.tense == "noun" for k in range(verb + 1, stop))


def _named(g: Grammar, s: SentenceView, span: Span) -> bool:
    return any(
        g.source_word(s.norm(i)) or (s.raw(i)[:1].isupper() and s.norm(i) not in g.lex.function_words)
        for i in range(span.a, span.b)
    )


def _author(g: Grammar, s: SentenceView, stop: int) -> tuple[int, Span | None]:
    """A line with no verb that names a statement and its author ("Statement from Jane Doe:", "Remarks by the
    Mayor:"): the statement noun as the cue and the author after the preposition as the speaker."""
    lex = g.lex
    noun = next(
        (k for k in range(min(stop, MAX_TITLE_WORDS)) if (cue := lex.cue(s.norm(k))) and cue.tense == "noun"), None
    )
    if noun is None or s.norm(noun + 1) not in lex.author_prepositions:
        return stop, None
    end = stop - 1 if s.raw(stop - 1) == lex.introducer else stop
    span = Span(noun + 2, end)
    return (noun, span) if span.b > span.a and _named(g, s, span) else (stop, None)
