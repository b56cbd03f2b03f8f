"""Rule: «...»، قال المتحدث. — the quotation came before its cue and speaker."""

from __future__ import annotations

from ...lang.text import PUNCTUATION
from ..doc import MAX_SPEAKER_TOKENS, MIN_QUOTED_CLAUSE, Span, SentenceView
from ...lexicon import CueForm
from ..candidate import Attribution, Candidate, Kind
from ..grammar import Grammar
from ..speaker_phrase import speaker_span
from ..claim import claim_before, find_opener
from .cue import cue_here
from .verbal_noun import cue_object

NAME = "claim-first"
CLAIM_ENDERS = frozenset(PUNCTUATION["claim_enders"])
MAX_SPEAKER_BEFORE = 5  # words between a quotation and its verb that can be its speaker ("the foreign minister")


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    """«...»، قال المتحدث. — the verb and its speaker close the sentence and the quotation before them is the claim."""
    form = cue_here(g, s, i, found)
    if form is None or form.tense == "participle" or form.relay:
        return None
    if g.lex.everyday(form, s.raw(i)):
        return None  # "...، دون تفاصيل": a strict cue says only with its claim right after it, never one before it
    opener = find_opener(g, s, i + 1, form, MAX_SPEAKER_TOKENS)
    if opener is not None and not any(s.norm(k) in g.lex.relatives for k in range(i + 1, opener[0])):
        return None  # a claim opens after the verb: the verb rule's; not a "that" of a relative clause after the
        # speaker ('"...," said Ann Lee, who visited a town that ...')
    before = _speaker_before(g, s, i)
    if before is not None:  # '"...," Kirby said.': the speaker between the quotation and the verb
        speaker, via, claim_end = before, [], before.a
    elif _after_comma(g, s, i):
        # the speaker ends where a relative clause about them begins (", who visited ...")
        relative = next((k for k in range(i + 1, len(s)) if s.norm(k) in g.lex.relatives and s.is_comma(k - 1)), None)
        speaker, via = speaker_span(g, s, i + 1, len(s) if relative is None else relative - 1)
        speaker = _before_subordinate(g, s, speaker) if speaker is not None else None
        # '"..."، وأكدت أهمية ...': the verb's own claim, a noun of claiming, not who said the quotation
        if speaker is not None and s.norm(speaker.a) in g.lex.claim_nouns:
            return None
        claim_end = i
    else:
        return None
    tail = i + 1 if before or not speaker else speaker.b
    if s.words(Span(tail, clause_end(s, tail))) > 6 and not _said_where(g, s, tail):
        return None
    claim = claim_before(g, s, 0, claim_end)
    if claim is None or not (claim[2] == Kind.DIRECT or _reported_first(g, s, i, form, before, speaker)):
        return None
    # «...»، أضاف. — with no speaker after the verb it is the last speaker's, as "وأضاف:" would be; so is one
    # with a pronoun for its speaker ('"...," he added.').
    pronoun = g.pronoun_subject(s, speaker)
    if pronoun is not None:
        speaker, via = None, []
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=g.boundary(s, i),
        cue=s.raw(i),
        speaker=speaker,
        claim_start=claim[0],
        claim_end=claim[1],
        kind=claim[2],
        attribution=Attribution.POST if speaker else Attribution.CONTINUATION,
        gender=pronoun or form.gender,
        confidence=0.8 if speaker else 0.7,
        via=via,
        cut_at_next=False,
    )


def _reported_first(
    g: Grammar, s: SentenceView, i: int, form: CueForm, before: Span | None, speaker: Span | None
) -> bool:
    """ "قتل ثلاثة أشخاص في الانفجار، قالت الشرطة.": in a verb-first language, a clause with no verb of saying, then a
    comma and a past verb of saying whose speaker right after it closes the clause, is what that speaker reported, as
    a wire's "..., police said" is (not "، أشارت تقارير إلى ..."، "، ويعتبر حائزا على ..."); a subject-first
    language's reported clause before the verb is the subject-verb rule's."""
    if g.lex.subject_first or before is not None or speaker is None or form.tense != "past" or form.weak:
        return False
    if speaker.a != i + 1 or not s.is_comma(i - 1) or clause_end(s, speaker.b) != speaker.b:
        return False
    if any(s.norm(k) in form.frame for k in range(speaker.a, speaker.b)):
        return False  # "، أعرب بيسكوف عن أمل ...": the verb's own preposition, its object follows
    if cue_object(g, s, i, form) is not None:
        return False  # "...، أعلن رئيس الوزراء، الأربعاء، رفع سعر الخبز": the verb's own object follows its subject
    return g.plausible_source(s, speaker.a) and not any(g.lex.cue(s.norm(k)) for k in range(i - 1))


def _said_where(g: Grammar, s: SentenceView, k: int) -> bool:
    """Words after the verb that say to whom, where, when or how it was said ("in a video statement released by
    ...", "reporters in Geneva via video link", "as she read the judgement"), which is no clause of the verb's own,
    however long."""
    while s.norm(k) in g.lex.addressee_nouns:
        k += 1
    return bool(s.phrase_at(k, g.lex.chunk_prepositions)) or _subordinate(g, s, k)


def _subordinate(g: Grammar, s: SentenceView, k: int) -> bool:
    return s.norm(k) in g.lex.subordinators or s.norm(k) in g.lex.clause_openers - g.lex.clause_conjunctions


def _before_subordinate(g: Grammar, s: SentenceView, speaker: Span) -> Span:
    """The speaker after the verb without a clause a subordinator opens ("Judge Ann Lee as she read ...")."""
    end = next((k for k in range(speaker.a + 1, speaker.b) if _subordinate(g, s, k)), speaker.b)
    return Span(speaker.a, end)


def clause_end(s: SentenceView, k: int) -> int:
    """Where the verb's clause ends: at the sentence's end or a comma after it, where a clause of its own opens
    ('"...," Kirby said, declining to give details ...')."""
    return next((j for j in range(k, len(s)) if s.is_comma(j) and not s.quoted[j]), len(s))


def _after_comma(g: Grammar, s: SentenceView, i: int) -> bool:
    """The verb follows the claim's comma: after the quotation («...»، قال), inside it ("...," said), or with a
    conjunction written on the verb."""
    if s.is_comma(i - 1) or (s.norm(i)[:1] == g.lex.and_conjunction and s.is_comma(i - 2)):
        return True
    return s.closes_on_comma(i - 1) or _closes_on_stop(s, i)


def _closes_on_stop(s: SentenceView, i: int) -> bool:
    """'"... a clear warning signal." said professor Brian MacCraith': a quotation closing on a full stop where its
    comma belongs, the verb after it in lower case going on with the sentence."""
    k = i - 1
    closes = k > 0 and any(s.toks[k].start == b for _, b in s.quotes)
    return closes and s.raw(k - 1) in CLAIM_ENDERS and s.raw(i)[:1].islower()


def _speaker_before(g: Grammar, s: SentenceView, i: int) -> Span | None:
    """A short phrase of words between a quotation that ends on a comma and the verb: its speaker; none when a verb
    of saying stands among them ('"...," he said in comments posted on ...': the first verb is the cue)."""
    for k in range(i - 1, max(-1, i - 1 - MAX_SPEAKER_BEFORE), -1):
        if (cue := g.lex.cue(s.norm(k))) is not None and cue.tense in ("past", "present"):
            return None
        if not s.toks[k].is_word:
            return Span(k + 1, i) if k + 1 < i and (s.closes_on_comma(k) or _closes_clause(s, k)) else None
    return None


def _closes_clause(s: SentenceView, k: int) -> bool:
    """Token k closes a quotation of a clause that opened the sentence, its comma left out ('"A total of 45,312
    households have been affected" he said'); a quoted title is too short to be one ('"Oppenheimer" director')."""
    return any(
        a == s.toks[0].start and b == s.toks[k].start and s.words(Span(1, k)) >= MIN_QUOTED_CLAUSE for a, b in s.quotes
    )
