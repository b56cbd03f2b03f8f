"""Rule: «...»، قال المتحدث. — the quotation came before its cue and speaker."""

from __future__ import annotations

from ..doc import MAX_SPEAKER_TOKENS, Span, SentenceView
from ..candidate import Attribution, Candidate, Kind
from ..grammar import Grammar
from ..speaker_phrase import speaker_span
from ..claim import claim_before, find_opener
from .cue import cue_here

NAME = "claim-first"


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    """«...»، قال المتحدث. — the verb and its speaker close the sentence and the quotation before them is the claim."""
    form = cue_here(g, s, i, found)
    if form is None or form.tense == "participle" or form.relay:
        return None
    if find_opener(g, s, i + 1, form, MAX_SPEAKER_TOKENS) is not None:
        return None  # a claim opens after the verb: the verb rule's
    if not s.is_comma(i - 1) and not (s.norm(i)[:1] == g.lex.and_conjunction and s.is_comma(i - 2)):
        return None
    speaker, via = speaker_span(g, s, i + 1, len(s))
    tail_words = s.words(Span(speaker.b if speaker else i + 1, len(s)))
    if tail_words > 6:
        return None
    claim = claim_before(g, s, 0, i)
    if claim is None or claim[2] != Kind.DIRECT:
        return None
    # «...»، أضاف. — with no speaker after the verb it is the last speaker's, as "وأضاف:" would be.
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=g.boundary(s, i),
        cue=s.raw(i),
        speaker=speaker,
        claim_start=claim[0],
        claim_end=claim[1],
        kind=Kind.DIRECT,
        attribution=Attribution.POST if speaker else Attribution.CONTINUATION,
        gender=form.gender,
        confidence=0.8 if speaker else 0.7,
        via=via,
        cut_at_next=False,
    )
