"""Helper rule: "...، حسبما أفادت القناة" after a statement makes the outlet that statement's via."""

from __future__ import annotations

from dataclasses import replace

from ..doc import SentenceView
from ..candidate import Attribution, Candidate, Kind
from ..grammar import Grammar
from ..speaker_phrase import speaker_span

NAME = "relayed-by"


def relayed_by(
    g: Grammar, s: SentenceView, i: int, cue_at: int, speaker_start: int, found: list[Candidate]
) -> Candidate | None:
    """ "كشف الرئيس أنه ...، حسبما أفادت القناة": the outlet relayed the statement before it; it is its via."""
    speaker, via = speaker_span(g, s, speaker_start, len(s))
    if speaker is None:
        return None
    head = s.norm(speaker.a)
    if i > 0 and s.toks[i - 1].is_word and not any(said_by(g, n) for n in (head, g.without_glued_preposition(head))):
        # run on from the claim with no mark between, the phrase is the claim's own unless it names a source or what
        # one said: "تقييم كل معيار وفق مجموعة من النقاط" (by), "ردا على ما وصفه بالحملة" (what it called), not "...
        # بحسب الوكالة" nor "... وفقا لإحصائيات أولية"
        return None
    for k in range(len(found) - 1, -1, -1):
        if found[k].attribution != Attribution.IMPERSONAL:
            found[k] = replace(found[k], via=(*found[k].via, *via, speaker))
            break
    return relay_marker(s, NAME, cue_at, g.boundary(s, i))


def said_by(g: Grammar, n: str) -> bool:
    """Whether a folded word names a source (a title, a body, an outlet, a known name) or what one said (a report,
    statistics, a saying of the speaker's own: "قوله")."""
    bare = g.lex.hooks.strip_article(n)
    said = bare in g.lex.not_speakers or bare in g.lex.authored_documents or g.lex.cue(n) is not None
    return said or g.source_word(n)


def relay_marker(s: SentenceView, rule: str, cue_at: int, boundary: int) -> Candidate:
    """A candidate holding no claim: it only marks where the relay's words start, so the claim before it ends
    there; its confidence 0 keeps it out of the statements."""
    return Candidate(
        rule=rule,
        cue_index=cue_at,
        boundary=boundary,
        cue=s.raw(cue_at),
        speaker=None,
        claim_start=s.sentence.end,
        claim_end=s.sentence.end,
        kind=Kind.INDIRECT,
        attribution=Attribution.RELAYED_BY,
        gender="",
        confidence=0.0,
    )
