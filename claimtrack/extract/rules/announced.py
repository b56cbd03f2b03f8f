"""Rule: "وسبق ذلك إعلان مقتل طفل ..." — a sentence that opens by putting an announcement before the news it told
("سبق ذلك", "تلا ذلك") names no speaker: the announcement is the last speaker's, what it announced the claim.

Only the pack's ``announcement_openers`` and ``announcements`` (grammar.toml) make one; a pack without them has
none.
"""

from __future__ import annotations

from ..candidate import Attribution, Candidate, Kind
from ..doc import MIN_POST_CLAIM_WORDS, SentenceView, Span
from ..grammar import Grammar

NAME = "announced"


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    lex = g.lex
    if found or g.skip_leading(s, 0, i) != i:
        return None
    n = s.phrase_at(i, lex.announcement_openers)
    cue = i + n
    if not n or s.norm(cue) not in lex.announcements:
        return None
    first = cue + 1
    if g.source_word(s.norm(first)):
        return None  # "وسبق ذلك إعلان الحكومة حالة الطوارئ": the announcement names whose it is
    if s.norm(first) in lex.object_prepositions:
        first += 1  # "الإعلان عن أن ...", "الإعلان عن مقتل ..."
    if s.norm(first) in lex.complementizers:
        first += 1
    if first >= len(s) or s.words(Span(first, len(s))) < MIN_POST_CLAIM_WORDS:
        return None
    return Candidate(
        rule=NAME,
        cue_index=cue,
        boundary=g.boundary(s, i),
        cue=s.raw(cue),
        speaker=None,
        claim_start=s.toks[first].start,
        claim_end=None,
        kind=Kind.INDIRECT,
        attribution=Attribution.CONTINUATION,
        gender="",
        confidence=0.6,
    )
