"""A quotation a sentence of commenting announces: 'علق على تعيينه. "..."', 'Ann Lee spoke about the injury. "..."'.

A sentence whose verb is a verb of saying but whose object is only a topic ("commented on his appointment", "praised
his predecessor") claims nothing; when the sentence right after it is one quotation that no rule claimed, the
quotation is what the commenting sentence's subject said (or, with no subject, the last speaker's, as "وأضاف" is).

- ``claim_after_topics`` (after the rules and the introductions, before ``carry_quotations``, which goes on with the
  quotation's later sentences): reads ``sentences`` and ``claimed``; writes ``claimed``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lang.text import PUNCTUATION
from ..sentences import line_is_title
from .candidate import Attribution
from .doc import SentenceView, Span
from .draft import Claimed, uncued
from .quotations import all_quoted, asks
from .rules.cue import cue_here
from .spans import trim
from .speaker_phrase import speaker_span
from .subject import subject_of

if TYPE_CHECKING:
    from .draft import Draft
    from .grammar import Grammar

NAME = "after-topic"
CLAUSE_ENDERS = frozenset(PUNCTUATION["clause_enders"])


def claim_after_topics(d: Draft) -> None:
    lex = d.grammar.lex
    if not lex.quote_continues:
        return
    claimed = d.claimed_sentences()
    unread = d.unread()
    added: list[Claimed] = []
    for before, sentence in zip(d.sentences, d.sentences[1:]):
        if before.index in claimed or sentence.index in claimed:
            continue
        if not all_quoted(d.text, sentence) or asks(d.text, sentence) or line_is_title(d.text, before):
            continue  # a headline ("X declared election victor") introduces no quotation under it
        s = SentenceView(d.text, before, lex, unread)
        verb = _commenting_verb(d.grammar, s)
        if verb is None:
            continue
        speaker = _subject(d.grammar, s, verb)
        quoted = SentenceView(d.text, sentence, lex, unread)
        start, end = trim(quoted, sentence.start, sentence.end)
        if end - start < 3:
            continue
        why = f"claim_after_topics: the sentence before comments ({s.raw(verb)!r}) and claims nothing"
        source = s.span_text(speaker) if speaker else None
        attribution = Attribution.EXPLICIT if speaker else Attribution.CONTINUATION
        added.append(uncued(quoted, NAME, source, start, end, attribution, why, cue=s.raw(verb)))
        claimed.add(sentence.index)
    d.claimed = sorted(d.claimed + added, key=lambda c: c.view.sentence.index)


def _commenting_verb(g: Grammar, s: SentenceView) -> int | None:
    """The sentence's verb when it is a verb of saying in the past or present and nothing is quoted in the sentence:
    the first word where the verb comes first, the first verb after the subject where it comes second."""
    words = [k for k in range(len(s)) if s.toks[k].is_word]
    if not words or any(s.quoted):
        return None
    verb = words[0] if not g.lex.subject_first else next((k for k in words if g.lex.cue(s.norm(k))), None)
    form = cue_here(g, s, verb, []) if verb is not None else None
    return verb if form is not None and form.tense in ("past", "present") else None


def _subject(g: Grammar, s: SentenceView, verb: int) -> Span | None:
    """Who comments: the subject before the verb, or the words after it up to its object's preposition."""
    if g.lex.subject_first:
        subject = subject_of(g, s, verb)
        return subject.span if subject is not None and subject.span.a == 0 else None
    end = next((k for k in range(verb + 1, len(s)) if _subject_ends(g, s, k)), len(s))
    if end == verb + 1:
        return None
    speaker, _ = speaker_span(g, s, verb + 1, end)
    return speaker


def _subject_ends(g: Grammar, s: SentenceView, k: int) -> bool:
    """A preposition on its own, or written on a word with the article ("بالعمل"), or a clause's end."""
    n = s.norm(k)
    if not s.toks[k].is_word:
        return s.raw(k) in CLAUSE_ENDERS or s.is_comma(k)
    if n in g.lex.object_prepositions:
        return True
    bare = g.unglued(n)
    return bare != n and g.lex.hooks.strip_article(bare) != bare
