"""Rule: "...، مؤكداً أن ..." — a participle gives the main verb's subject a second claim."""

from __future__ import annotations

from ..doc import MAX_SPEAKER_TOKENS, SentenceView
from ..candidate import Attribution, Candidate, Kind
from ..grammar import Grammar
from .cue import cue_here
from .verbal_noun import object_at
from ..speaker_phrase import speaker_span
from ..speaker_phrase import subject_before_object
from ..claim import find_opener
from ..claim import claim_after

NAME = "participle"
PARTICIPLE_REACH = 6  # tokens between a participle and its opener ("مؤكدا في الوقت ذاته أن")


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    """ "...، قائلة إن ...": the claim belongs to the subject of the sentence's main verb."""
    form = cue_here(g, s, i, found)
    if form is None or form.tense != "participle":
        return None
    before = g.lex.cue(s.norm(i - 1))
    if before is not None and before.tense in ("past", "present"):
        return None  # "وتابع قائلاً إن": the verb before it has taken the claim
    # after an occasion ("مضيفا على هامش الاجتماع: ...") the opener may stand further off
    limit = MAX_SPEAKER_TOKENS if g.is_adverbial(s, i + 1) else PARTICIPLE_REACH
    opener = find_opener(g, s, i + 1, None, limit) or object_at(g, s, i + 1, frozenset())
    if opener is None:
        return None
    op, first = opener
    if first >= len(s):
        return None
    speaker = None
    gender = form.gender
    attribution = Attribution.PARTICIPLE
    if not found:
        for k in range(i - 1, -1, -1):
            main = g.lex.cue(s.norm(k)) if not s.quoted[k] else None
            if main and main.tense in ("past", "present"):
                window_end = k + 1
                while window_end < i and s.norm(window_end) != g.lex.relay_preposition and not s.is_comma(window_end):
                    window_end += 1
                speaker, _ = speaker_span(g, s, k + 1, window_end)
                if speaker is not None:  # "وأكد الحية استعداد الحركة ... متابعًا": the subject only
                    speaker = subject_before_object(g, s, speaker)
                gender = gender or main.gender
                break
        if speaker is None:
            # "عقلت الخارجية الروسية ... بالقول": the subject of whatever verb opens the sentence.
            start = g.skip_leading(s, 0, i)
            if start + 1 < i:
                speaker, _ = speaker_span(g, s, start + 1, i)
                speaker = subject_before_object(g, s, speaker) if speaker else None
            if speaker is None:
                return None
            attribution = Attribution.SUBJECT_FIRST
    claim_start, claim_end, direct = claim_after(g, s, op, first)
    kind = Kind.DIRECT if direct or s.raw(op) == ":" else Kind.INDIRECT
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=g.boundary(s, i),
        cue=s.raw(i),
        speaker=speaker,
        claim_start=claim_start,
        claim_end=claim_end,
        kind=kind,
        attribution=attribution,
        gender=gender,
        confidence=0.7,
    )
