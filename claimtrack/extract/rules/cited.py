"""Sentence stage: a statement whose reporter cites or quotes its source ("..., the agency reported, citing a
military source", "Citing two officials, the newspaper said ...", "The agency quoted the minister as saying ...")
is the source's statement, relayed by the reporter (its via)."""

from __future__ import annotations

from dataclasses import replace

from ..candidate import Attribution, Candidate, Kind, MARKERS
from ..claim import claim_before
from ..doc import SentenceView, Span
from ..grammar import Grammar
from .relayed_by import relay_marker

NAME = "cited"
MAX_SOURCE = 12  # words of a cited source ("two people familiar with the talks who asked not to be named")


def cited_sources(g: Grammar, s: SentenceView, found: list[Candidate]) -> list[Candidate]:
    """The sentence's candidates with each cited source made its statement's speaker and the reporter its via; a
    marker ends the claim before a trailing ", citing ...". Unchanged in a pack that names no citing word."""
    if not g.lex.citing_words and not g.lex.quoting_verbs:
        return found
    out = list(found)
    for k in range(len(s)):
        if s.quoted[k]:
            continue
        if s.norm(k) in g.lex.citing_words:
            out = _citing(g, s, k, out)
        elif s.norm(k) in g.lex.quoting_verbs:
            out = _quoted_as(g, s, k, out)
    return sorted(out, key=lambda c: c.cue_index)


def _source(g: Grammar, s: SentenceView, a: int) -> Span | None:
    """The source phrase from token a to the next comma or the sentence's end, when it names a source (a name in
    capitals or a source word: "a military source", "Reuters"), not a reason ("citing health reasons")."""
    b = a
    while b < len(s) and (s.toks[b].is_word or s.raw(b) == "'") and not s.is_comma(b) and b - a < MAX_SOURCE:
        b += 1
    if b == a or (b < len(s) and not s.is_comma(b) and s.toks[b].is_word):
        return None
    if s.norm(_head_end(g, s, a, b) - 1) in g.lex.cited_reasons:
        return None  # "citing national security concerns", "citing witness testimonies forwarded to police": a reason
    named = any(s.raw(k)[:1].isupper() or g.source_word(s.norm(k)) for k in range(a, b))
    return Span(a, b) if named else None


def _head_end(g: Grammar, s: SentenceView, a: int, b: int) -> int:
    """Where the cited noun phrase's head ends: before the first preposition or past participle after it
    ("testimonies | forwarded to police"), else at the phrase's end."""
    lex = g.lex
    return next(
        (
            k
            for k in range(a + 1, b)
            if s.norm(k) in lex.object_prepositions or (s.raw(k).islower() and s.norm(k).endswith(lex.past_endings))
        ),
        b,
    )


def _relayed(c: Candidate, source: Span) -> Candidate:
    via = (*c.via, c.speaker) if c.speaker is not None else c.via
    return replace(c, speaker=source, via=via, attribution=Attribution.RELAY, as_written=None)


def _citing(g: Grammar, s: SentenceView, k: int, found: list[Candidate]) -> list[Candidate]:
    source = _source(g, s, k + 1)
    statements = [n for n, c in enumerate(found) if c.attribution not in MARKERS]
    if k > 0 and s.is_comma(k - 1):  # "..., the agency reported, citing a military source"
        before = [n for n in statements if found[n].cue_index < k]
        if not before:
            return found
        n = before[-1]
        relayed = _relayed(found[n], source) if source is not None else found[n]
        return [
            *found[:n],
            relayed,
            *found[n + 1 :],
            relay_marker(s, NAME, k, k - 1),
        ]  # the claim ends before what is cited
    if source is not None and source.b < len(s) and g.skip_leading(s, 0, k) == k:  # "Citing two officials, ..."
        after = [n for n in statements if found[n].cue_index > source.b]
        if after:
            n = after[0]
            return [*found[:n], _relayed(found[n], source), *found[n + 1 :]]
    return found


def _quoted_as(g: Grammar, s: SentenceView, k: int, found: list[Candidate]) -> list[Candidate]:
    """ "The agency quoted the minister as saying ...": the object between the verb and "as" speaks; "X was quoted
    by the agency as saying": the agent after "by" relays."""
    link = next((j for j in range(k + 1, min(len(s), k + MAX_SOURCE)) if s.norm(j) in g.lex.quoted_as), None)
    if link == k + 1 and k > 0 and s.norm(k - 1) in g.lex.kana and not any(c.cue_index == link + 1 for c in found):
        quoted = _passive_quotation(g, s, k, link)
        return [*found, quoted] if quoted is not None else found
    if link is None or link == k + 1:
        return found
    n = next((n for n, c in enumerate(found) if c.cue_index == link + 1), None)
    if n is None:
        quoted = _quotation_before(g, s, k, link)
        return [*found, quoted] if quoted is not None else found
    c = found[n]
    if s.norm(k + 1) == g.lex.relay_preposition:  # passive: the subject already speaks
        return [*found[:n], replace(c, via=(*c.via, Span(k + 2, link))), *found[n + 1 :]]
    if any(not s.toks[j].is_word for j in range(k + 1, link)):
        return found
    return [*found[:n], _relayed(c, Span(k + 1, link)), *found[n + 1 :]]


def _quotation_before(g: Grammar, s: SentenceView, k: int, link: int) -> Candidate | None:
    """'"...," the agency quoted the minister as saying.': the quotation that closes on a comma before the
    reporter is the claim of the speaker between the verb and "as"."""
    cue = g.lex.cue(s.norm(link + 1))
    close = next((j for j in range(k - 1, -1, -1) if s.closes_on_comma(j)), None)
    if cue is None or cue.tense != "participle" or close is None or close + 1 >= k:
        return None
    if any(not s.toks[j].is_word for j in range(close + 1, k)) or any(
        not s.toks[j].is_word for j in range(k + 1, link)
    ):
        return None
    claim = claim_before(g, s, 0, close + 1)
    if claim is None or claim[2] != Kind.DIRECT:
        return None
    return Candidate(
        rule=NAME,
        cue_index=link + 1,
        boundary=s.index_at(claim[0]),
        cue=s.raw(link + 1),
        speaker=Span(k + 1, link),
        claim_start=claim[0],
        claim_end=claim[1],
        kind=Kind.DIRECT,
        attribution=Attribution.RELAY,
        gender="",
        confidence=0.8,
        via=(Span(close + 1, k),),
        cut_at_next=False,
    )


def _passive_quotation(g: Grammar, s: SentenceView, k: int, link: int) -> Candidate | None:
    """'"...," he was quoted as saying by the agency.': the quotation that closes on a comma before the subject of
    "was quoted" is the subject's claim (a pronoun's, the last speaker's), relayed by the agent after "by"."""
    cue = g.lex.cue(s.norm(link + 1))
    close = next((j for j in range(k - 2, -1, -1) if s.closes_on_comma(j)), None)
    if cue is None or cue.tense != "participle" or close is None or close + 1 >= k - 1:
        return None
    subject = Span(close + 1, k - 1)
    if any(not s.toks[j].is_word for j in range(subject.a, subject.b)):
        return None
    claim = claim_before(g, s, 0, close + 1)
    if claim is None or claim[2] != Kind.DIRECT:
        return None
    gender = g.pronoun_subject(s, subject)
    agent = link + 3 if s.norm(link + 2) == g.lex.relay_preposition else len(s)
    end = next((j for j in range(agent, len(s)) if not s.toks[j].is_word), len(s))
    return Candidate(
        rule=NAME,
        cue_index=link + 1,
        boundary=s.index_at(claim[0]),
        cue=s.raw(link + 1),
        speaker=None if gender is not None else subject,
        claim_start=claim[0],
        claim_end=claim[1],
        kind=Kind.DIRECT,
        attribution=Attribution.CONTINUATION if gender is not None else Attribution.EXPLICIT,
        gender=gender or "",
        confidence=0.8,
        via=(Span(agent, end),) if end > agent else (),
        cut_at_next=False,
    )
