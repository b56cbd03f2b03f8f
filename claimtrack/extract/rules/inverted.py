"""Rule: "The outage hit 3,000 homes, said Ann Lee, a spokeswoman for the utility." — in a subject-first language
a verb of saying right after the claim's comma, its subject after it: the reported clause before is the claim.
A quotation there is the claim-first rule's; this one reads a clause reported without quotation marks, or with a
quotation closing only part of it ('... on an "unprecedented scale," said the prosecutor')."""

from __future__ import annotations

from ...lang.text import PUNCTUATION
from ..candidate import Attribution, Candidate, Kind
from ..claim import claim_before, open_claim
from ..doc import SentenceView, Span
from ..grammar import Grammar
from ..speaker_phrase import speaker_span
from .cue import cue_here

NAME = "inverted"
DASHES = frozenset(PUNCTUATION["dashes"])
MAX_SPEAKER_AFTER = 16  # words of a speaker and its apposition after the verb ("said Ann Lee, a spokeswoman for ...")


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    if not g.lex.subject_first or i < 2 or not s.comma_before(i):
        return None
    form = cue_here(g, s, i, found)
    if form is None or form.tense not in ("past", "present") or form.particle or form.addressee:
        return None  # "..., told Reuters": whom it was said to follows the verb, not who said it
    end = _speaker_end(g, s, i + 1)
    if end is None or open_claim(s, i, found):
        return None
    speaker, via = speaker_span(g, s, i + 1, end)
    if speaker is None or speaker.a != i + 1:
        return None
    start = s.index_at(found[-1].claim_end) if found and found[-1].claim_end is not None else 0
    claim = claim_before(g, s, start, i)
    if claim is None or claim[2] == Kind.DIRECT:
        return None  # a whole quotation: the claim-first rule's
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=s.index_at(claim[0]),
        cue=s.raw(i),
        speaker=speaker,
        claim_start=claim[0],
        claim_end=claim[1],
        kind=Kind.INDIRECT,
        attribution=Attribution.POST,
        gender=form.gender,
        confidence=0.75,
        via=via,
        cut_at_next=False,
    )


def _ends_speaker(g: Grammar, s: SentenceView, k: int) -> bool:
    """Where a speaker after its verb stops: where it was said ("in a statement"), a dash that opens the claim's tail
    ("- stronger than in 1994"), or a subordinate clause ("while explaining why ...")."""
    lex = g.lex
    return (
        bool(s.phrase_at(k, lex.adverbial_openers, allow_conj=False))
        or (s.is_comma(k - 1) and bool(s.phrase_at(k, lex.prepositions)))  # "..., according to CNN": the relay
        or (s.is_comma(k - 1) and bool(s.phrase_at(k, lex.post_verb_openers)))  # "..., as reported by CNN": too
        # "..., said Domingo, and added ...", "..., said Domingo, but assured ...": the same speaker's second verb
        or (s.is_comma(k - 1) and (s.norm(k) in lex.clause_conjunctions or bool(s.phrase_at(k, lex.claim_links))))
        or s.raw(k) in DASHES
        or (s.norm(k) in lex.subordinators and not s.quoted[k])
        # "..., said Lamason, who was on the scene", "..., said Bainimarama, adding ...": a clause on the speaker, or
        # the speaker's next saying, after the comma that ends the speaker
        or (s.is_comma(k - 1) and (_relative(g, s.norm(k)) or _participle(g, s.norm(k))))
    )


def _relative(g: Grammar, n: str) -> bool:
    return n in g.lex.relatives and n not in g.lex.complementizers


def _participle(g: Grammar, n: str) -> bool:
    return (form := g.lex.cue(n)) is not None and form.tense == "participle"


def _speaker_end(g: Grammar, s: SentenceView, a: int) -> int | None:
    """Where the speaker after the verb ends: at the sentence's last word or before where it was said ("in a
    statement"), when the words from token a name a source (a name in capitals, a title or body) and hold no verb,
    "that" or quotation of their own."""
    end = next((k for k in range(a + 1, len(s)) if _ends_speaker(g, s, k)), len(s))
    while end > a and not s.toks[end - 1].is_word:
        end -= 1  # the full stop, or the comma before "in a statement"
    if end == a or s.words(Span(a, end)) > MAX_SPEAKER_AFTER:
        return None
    lex = g.lex
    for k in range(a, end):
        # a verb of saying's noun names the document that speaks ("..., said the statement")
        verb = (form := lex.cue(s.norm(k))) is not None and form.tense != "noun"
        if s.quoted[k] or g.finite_verb(s, k) or s.norm(k) in lex.complementizers or verb:
            return None
    first = s.norm(a)
    articles = lex.articles
    if first in lex.function_words - articles or first in lex.non_sources:
        return None
    head = a + 1 if first in articles else a
    named = s.raw(head)[:1].isupper() or any(_source_word(g, s, k) for k in range(head, min(end, head + 3)))
    # a document speaks for whoever issued it ("..., reads the notice"), as a verb of saying's noun does
    noun = (form := lex.cue(s.norm(head))) is not None and form.tense == "noun"
    document = noun or s.norm(head) in lex.documents
    return end if named or document else None


def _source_word(g: Grammar, s: SentenceView, k: int) -> bool:
    """A word that can head a source; a known name's first word only as a name is written ("New", not "the new
    policy rate")."""
    n = s.norm(k)
    return g.source_word(n) and (s.raw(k)[:1].isupper() or n not in g.alias_first_words or n in g.lex.title_words)
