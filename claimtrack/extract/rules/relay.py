"""Rule: "نقلت الوكالة عن الوزير قوله ..." — the speaker after عن, the relaying outlet as via."""

from __future__ import annotations

from ..doc import MAX_SPEAKER_TOKENS, SentenceView
from ..candidate import Attribution, Candidate, Kind
from ..grammar import Grammar
from .cue import cue_here
from ..speaker_phrase import speaker_span
from ..claim import find_opener
from ..claim import claim_after
from .verbal_noun import object_at

NAME = "relay"


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    """ "نقلت وكالة إنترفاكس عن شويغو القول ..." — the speaker is after عن, the relaying outlet is the subject."""
    form = cue_here(g, s, i, found)
    if form is None or not form.relay or form.tense == "participle":
        return None
    an = None
    for k in range(i + 1, min(len(s), i + MAX_SPEAKER_TOKENS)):
        if s.norm(k) == g.lex.relay_preposition:
            an = k
            break
    if an is None:
        return None
    via_span, outer = speaker_span(g, s, i + 1, an)
    via = [*outer, via_span] if via_span else outer
    end = None
    for k in range(an + 1, min(len(s), an + MAX_SPEAKER_TOKENS)):
        cue = g.lex.cue(s.norm(k))
        if (cue and cue.tense == "noun") or s.norm(k) in g.lex.complementizers or s.raw(k) == ":":
            end = k
            break
    if end is None:
        return None
    speaker, inner = speaker_span(g, s, an + 1, end)
    if speaker is None:
        return None
    via = via + inner
    noun = g.lex.cue(s.norm(end))
    cue_text = s.raw(end) if noun and noun.tense == "noun" else s.raw(i)
    start = end + 1 if noun and noun.tense == "noun" else end
    opener = find_opener(g, s, start, None, 8) if start < len(s) else None
    if opener is None:
        if s.norm(end) in g.lex.complementizers:
            opener = (end, end + 1)
        elif start < len(s) and start > end and object_at(g, s, start, frozenset()) == (start, start):
            opener = (start, start)  # "نقلت ... عن الوزارة تأكيدها تسجيل ...": the saying's verbal noun object
        else:
            return None
    op, first = opener
    if first >= len(s):
        return None
    claim_start, claim_end, direct = claim_after(g, s, op, first)
    kind = Kind.DIRECT if direct or s.raw(op) == ":" else Kind.INDIRECT
    gender = noun.gender if noun and noun.tense == "noun" else ""
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=g.boundary(s, i),
        cue=cue_text,
        speaker=speaker,
        claim_start=claim_start,
        claim_end=claim_end,
        kind=kind,
        attribution=Attribution.RELAY,
        gender=gender,
        confidence=0.85,
        via=via,
    )
