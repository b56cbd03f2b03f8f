"""Rule: "...أنقرة خلال أيام. / كشف ذلك وزير الخارجية، في تصريحات له، ..." — a cue that opens its sentence and
points back with a demonstrative: its claim is the sentence before, its speaker the phrase after the pointer.

Only in a pack whose verb comes first (in English "said that" is a complementizer, not a pointer); the claim
is resolved by ``find_claims``, which takes the previous sentence only when no statement claimed it.
"""

from __future__ import annotations

from ...lang.text import PUNCTUATION
from ..candidate import Attribution, Candidate, Kind
from ..doc import MAX_SPEAKER_TOKENS, PREVIOUS_SENTENCE, SentenceView
from ..grammar import Grammar, occasion_at
from ..speaker_phrase import speaker_span
from .cue import cue_here

NAME = "pointing-back"
_ENDS = frozenset(PUNCTUATION["clause_enders"] + PUNCTUATION["claim_enders"] + ":")


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    if g.lex.subject_first or found or g.skip_leading(s, 0, i) != i:
        return None
    form = cue_here(g, s, i, found)
    if form is None:
        return _occasion(g, s, i)
    if form.tense not in ("past", "present") or form.relay:
        return None
    if s.norm(i + 1) not in g.lex.demonstratives:
        return None
    end = i + 2
    while end < min(len(s), i + MAX_SPEAKER_TOKENS) and not _stops(g, s, end):
        end += 1
    if end < len(s) and (s.norm(end) in g.lex.complementizers or s.raw(end) == ":"):
        return None  # "وتابع هذا المسؤول أن ...": "this official" with a claim of his own, no pointer
    return _pointing(g, s, i, i + 2, end, f"{s.raw(i)} {s.raw(i + 1)}", form.gender)


def _occasion(g: Grammar, s: SentenceView, i: int) -> Candidate | None:
    """ "جاء ذلك في تصريحات لمصدر قضائي": a pointer, an occasion, then who spoke at it."""
    n = s.phrase_at(i, g.lex.occasion_pointers)
    noun = i + n + 1
    if not n or not occasion_at(g, s, i + n):
        return None
    end = noun + 1
    while end < min(len(s), noun + MAX_SPEAKER_TOKENS) and not _stops(g, s, end) and not s.is_comma(end):
        if s.norm(end) in g.lex.fragment_verbs:
            break  # "بيان لوزارة العدل صدر مساء الأحد": the document's own verb ends its issuer
        end += 1
    return _pointing(g, s, i, noun, end, " ".join(s.raw(k) for k in range(i, noun + 1)), "")


def _pointing(g: Grammar, s: SentenceView, i: int, start: int, end: int, cue: str, gender: str) -> Candidate | None:
    """The sentence before as the claim of the speaker between ``start`` and ``end``, if a plausible source."""
    speaker, via = speaker_span(g, s, start, end)
    if speaker is None or not g.plausible_source(s, speaker.a):
        return None
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=g.boundary(s, i),
        cue=cue,
        speaker=speaker,
        claim_start=PREVIOUS_SENTENCE,
        claim_end=PREVIOUS_SENTENCE,  # closed: a cue after it in the sentence starts its own statement
        kind=Kind.INDIRECT,
        attribution=Attribution.POST,
        gender=gender,
        confidence=0.7,
        via=via,
        cut_at_next=False,
    )


def _stops(g: Grammar, s: SentenceView, k: int) -> bool:
    """Where the speaker phrase ends at the latest: another cue, a complementizer or a clause's end."""
    n = s.norm(k)
    return g.lex.cue(n) is not None or n in g.lex.complementizers or s.raw(k) in _ENDS
