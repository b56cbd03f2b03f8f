"""Sentence stage: an outlet's report whose claim is what someone said ("أفادت الوكالة بأن الوزير قال إن ...") is that
someone's statement, relayed by the outlet (its via). A person's claim that another said something ("قال المحافظ إن
اللجنة ترى أن ...") stays the person's: only an outlet relays."""

from __future__ import annotations

from dataclasses import replace

from ..candidate import Attribution, Candidate
from ..doc import SentenceView
from ..grammar import Grammar
from .cue import reported_subject


def reported_sources(g: Grammar, s: SentenceView, found: list[Candidate]) -> list[Candidate]:
    """The sentence's candidates with each report of saying dropped, the words before the inner cue made its
    speaker and the reporter put in its via."""
    out: list[Candidate] = []
    for c in found:
        earlier = out[-1] if out else None
        reported = None
        if earlier is not None and earlier.claim_end is None and c.attribution != Attribution.IMPERSONAL:
            reported = reported_subject(g, s, c.cue_index, earlier)
        if reported is not None:
            via = (*c.via, *earlier.via, earlier.speaker)
            out[-1] = replace(c, speaker=reported, via=via, attribution=Attribution.RELAY, as_written=None)
            continue
        out.append(c)
    return out
