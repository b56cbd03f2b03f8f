"""Rule: "وفقاً للوزير، ..." or "...، بحسب المصادر" — a preposition of attribution before or after the claim."""

from __future__ import annotations

from ..doc import MIN_POST_CLAIM_WORDS, Span, SentenceView
from ..candidate import Attribution, Candidate, Kind
from ..grammar import Grammar
from ..speaker_phrase import speaker_span
from ..claim import claim_before
from ..claim import open_claim
from .relayed_by import relayed_by

NAME = "preposition"


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    phrase = next((p for p in g.lex.prepositions if s.phrase_at(i, [p])), None)
    if phrase is None:
        return None
    n = s.phrase_at(i, [phrase])
    # "وفقا للمسؤولين": the phrase's last word is a particle glued to the speaker's first word.
    glued = len(phrase) > n
    speaker_start = i + n
    head = s.norm(speaker_start)
    if glued:
        head = g.without_glued_preposition(head)
    if head in g.lex.non_sources or any(s.norm(k) in g.lex.conformity_verbs for k in range(max(0, i - 3), i)):
        return None
    before = Span(found[-1].cue_index + 1 if found else 0, i)
    content_before = s.words(Span(g.skip_leading(s, before.a, i), i))
    # Before the claim: "ووفقاً للسيد بوتين، فإن ..." / "بحسب المصادر، ...".
    if content_before == 0:
        cue_end = speaker_start
        if s.norm(speaker_start) in g.lex.relative_particles and g.lex.cue(s.norm(speaker_start + 1)):
            speaker_start += 2  # "وفق ما أعلنت الوزارة، ...": the verb is part of the cue, its subject speaks
            cue_end, glued = speaker_start, False
        j = speaker_start
        while j < len(s) and not s.is_comma(j) and s.norm(j) not in g.lex.complementizers and j - speaker_start < 12:
            j += 1
        if j >= len(s) or j == speaker_start:
            return None
        claim_first = j + 1
        if s.norm(claim_first) in g.lex.complementizers:
            claim_first += 1
        if claim_first >= len(s):
            return None
        return Candidate(
            rule=NAME,
            cue_index=i,
            boundary=i,
            cue=" ".join(s.raw(k) for k in range(i, max(cue_end, i + max(n, 1)))),
            speaker=Span(speaker_start, j),
            claim_start=s.toks[claim_first].start,
            claim_end=None,
            kind=Kind.INDIRECT,
            attribution=Attribution.PREPOSITION,
            gender="",
            confidence=0.8,
            as_written=g.glued_text(s, speaker_start, j, glued),
        )
    # After the claim: "...، وفقا للمسؤولين".
    if content_before < MIN_POST_CLAIM_WORDS:
        return None
    if open_claim(s, i, found):
        return relayed_by(g, s, i, i, speaker_start, found)
    speaker, _ = speaker_span(g, s, speaker_start, len(s))
    if speaker is None:
        return None
    claim = claim_before(g, s, before.a, i)
    if claim is None:
        return None
    cue = " ".join(s.raw(k) for k in range(i, i + n))
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=i,
        cue=cue,
        speaker=speaker,
        claim_start=claim[0],
        claim_end=claim[1],
        kind=claim[2],
        attribution=Attribution.POST,
        gender="",
        confidence=0.8,
        as_written=g.glued_text(s, speaker.a, speaker.b, glued),
        cut_at_next=False,
    )
