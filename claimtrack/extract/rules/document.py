"""Rule: "وجاء في بيان الوزارة أن ..."، "وورد في التقرير: ..." — a document speaks for whoever issued it.

The speaker is the issuer named after the document noun (بيان الوزارة), or the document itself (البيان),
which speaker resolution points back to its issuer; a document with a pronoun (بيانها) continues the last
speaker of that gender.
"""

from __future__ import annotations

from ..candidate import Attribution, Candidate, Kind
from ..claim import claim_after, find_opener
from ..doc import MAX_SPEAKER_TOKENS, SentenceView, Span
from ..grammar import Grammar

NAME = "document"


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    n = s.phrase_at(i, g.lex.document_openers)
    if not n or not g.occasion_noun(s.norm(i + n)):
        return None
    noun = i + n
    opener = find_opener(g, s, noun + 1, None, MAX_SPEAKER_TOKENS)
    if opener is None:
        return None
    op, first = opener
    if first >= len(s):
        return None
    end = op
    while end > noun + 1 and (s.is_comma(end - 1) or not s.toks[end - 1].is_word):
        end -= 1
    issuer = Span(noun + 1, end) if end > noun + 1 else None
    own = s.norm(noun).endswith(g.lex.pronoun_suffixes) and issuer is None
    speaker = issuer or (None if own else Span(noun, noun + 1))
    claim_start, claim_end, direct = claim_after(g, s, op, first)
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=g.boundary(s, i),
        cue=" ".join(s.raw(k) for k in range(i, noun + 1)),
        speaker=speaker,
        claim_start=claim_start,
        claim_end=claim_end,
        kind=Kind.DIRECT if direct or s.raw(op) == ":" else Kind.INDIRECT,
        attribution=Attribution.CONTINUATION if speaker is None else Attribution.EXPLICIT,
        gender="",
        confidence=0.8,
    )
