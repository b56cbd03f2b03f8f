"""Rule: "...أنقرة خلال أيام. / كشف ذلك وزير الخارجية، في تصريحات له، ..." — a cue that opens its sentence and
points back with a demonstrative: its claim is the sentence before, its speaker the phrase after the pointer.

Only in a pack whose verb comes first (in English "said that" is a complementizer, not a pointer); the claim
is resolved by ``find_claims``, which takes the previous sentence only when no statement claimed it.
"""

from __future__ import annotations

from ...lang.text import PUNCTUATION
from ..candidate import Attribution, Candidate, Kind
from ..doc import MAX_SPEAKER_TOKENS, PREVIOUS_SENTENCE, SentenceView
from ..grammar import Grammar
from ..speaker_phrase import speaker_span
from .cue import cue_here

NAME = "pointing-back"
_ENDS = frozenset(PUNCTUATION["clause_enders"] + PUNCTUATION["claim_enders"] + ":")


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    if g.lex.subject_first or found or g.skip_leading(s, 0, i) != i:
        return None
    form = cue_here(g, s, i, found)
    if form is None or form.tense not in ("past", "present") or form.relay:
        return None
    if s.norm(i + 1) not in g.lex.demonstratives:
        return None
    end = i + 2
    while end < min(len(s), i + MAX_SPEAKER_TOKENS) and not _stops(g, s, end):
        end += 1
    if end < len(s) and (s.norm(end) in g.lex.complementizers or s.raw(end) == ":"):
        return None  # "وتابع هذا المسؤول أن ...": "this official" with a claim of his own, no pointer
    speaker, via = speaker_span(g, s, i + 2, end)
    if speaker is None or not g.plausible_source(s, speaker.a):
        return None
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=g.boundary(s, i),
        cue=f"{s.raw(i)} {s.raw(i + 1)}",
        speaker=speaker,
        claim_start=PREVIOUS_SENTENCE,
        claim_end=PREVIOUS_SENTENCE,  # closed: a cue after it in the sentence starts its own statement
        kind=Kind.INDIRECT,
        attribution=Attribution.POST,
        gender=form.gender,
        confidence=0.7,
        via=via,
        cut_at_next=False,
    )


def _stops(g: Grammar, s: SentenceView, k: int) -> bool:
    """Where the speaker phrase ends at the latest: another cue, a complementizer or a clause's end."""
    n = s.norm(k)
    return g.lex.cue(n) is not None or n in g.lex.complementizers or s.raw(k) in _ENDS
