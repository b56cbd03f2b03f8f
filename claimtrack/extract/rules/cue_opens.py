"""Rule: 'Said film director Omar Tal, "I feel safe on the set."' — in a subject-first language a sentence that
opens with its verb of saying, then the speaker and a comma or colon, then a quotation: the quotation is the claim.
"""

from __future__ import annotations

from ..candidate import Attribution, Candidate, Kind
from ..doc import SentenceView, Span
from ..grammar import Grammar
from ..speaker_phrase import speaker_span
from .cue import cue_here

NAME = "cue-opens"
MAX_SPEAKER = 12  # words between the opening verb and the quotation ("Said Hong Kong producer-director ...")


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    if not g.lex.subject_first or found or i != g.skip_leading(s, 0, len(s)) or not s.raw(i)[:1].isupper():
        return None
    form = cue_here(g, s, i, found)
    if form is None or form.tense != "past" or form.particle:
        return None
    opening = next((k for k in range(i + 1, len(s)) if s.quote_at(k) is not None), None)
    if opening is None or opening < i + 3 or not (s.is_comma(opening - 1) or s.raw(opening - 1) == g.lex.introducer):
        return None
    words = Span(i + 1, opening - 1)
    if s.words(words) > MAX_SPEAKER or any(
        g.finite_verb(s, k) or g.lex.cue(s.norm(k)) for k in range(words.a, words.b)
    ):
        return None
    if not any(s.raw(k)[:1].isupper() or g.source_word(s.norm(k)) for k in range(words.a, words.b)):
        return None
    speaker, via = speaker_span(g, s, words.a, words.b)
    quotation = s.quote_at(opening)
    if speaker is None or quotation is None:
        return None
    start, end = quotation
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=i,
        cue=s.raw(i),
        speaker=speaker,
        claim_start=start + 1,
        claim_end=end,
        kind=Kind.DIRECT,
        attribution=Attribution.SUBJECT_FIRST,
        gender=form.gender,
        confidence=0.75,
        via=via,
        cut_at_next=False,
    )
