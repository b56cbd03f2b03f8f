"""Rule: "...، حسبما ذكرت الوكالة" — a cue after حسبما/كما/وفق ما attributes the clause before it."""

from __future__ import annotations

from ...lang.text import PUNCTUATION
from ...lexicon import CueForm
from ..doc import MAX_SPEAKER_TOKENS, MIN_POST_CLAIM_WORDS, Span, SentenceView
from ..candidate import Attribution, Candidate
from ..grammar import Grammar
from ..speaker_phrase import points_back, speaker_span
from ..claim import find_opener
from ..claim import claim_before
from ..claim import open_claim
from .relayed_by import relayed_by

NAME = "post-opener"
BRACKETS = PUNCTUATION["editorial_brackets"]
MAX_BRACKETED = 5  # tokens of a relaying agency's name in brackets before the source ("(وات)")


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    """ "...، حسبما ذكرت الوكالة": a cue verb after حسبما/كما/وفق ما attributes what came before it."""
    n = s.phrase_at(i, g.lex.post_verb_openers)
    if not n or s.quoted[i]:
        return None
    word = s.norm(i + n)
    # "وفقا لما ذكرته الوكالة": the verb carries a pronoun pointing back at the claim.
    bare = (word[: -len(p)] for p in g.lex.claim_pronouns if word.endswith(p))
    form = g.lex.cue(word) or next((f for w in bare if (f := g.lex.cue(w))), None)
    if form is None and g.lex.subject_first and s.is_comma(i - 1):
        return _subject_then_cue(g, s, i, i + n, found)
    if form is None or form.tense not in ("past", "present"):
        return None
    if g.lex.everyday(form, s.raw(i + n)):
        return None  # "على ما بين 153 و219 مقعدا": "between"; a strict cue says only with its claim right after it
    cue_at = i + n
    # "..., كما أكد بيسكوف أن ...", "...، كما أكد أن ...": a second statement with its own opener, not an attribution
    # of the first, whether that first claim is still open or not.
    if find_opener(g, s, cue_at + 1, form, MAX_SPEAKER_TOKENS) is not None:
        return None
    if _after_its_speaker(g, s, i, found):
        return relayed_by(g, s, i, cue_at, _after_its_object(g, s, cue_at, form), found)
    before_start = found[-1].cue_index + 1 if found else 0
    if s.words(Span(g.skip_leading(s, before_start, i), i)) < MIN_POST_CLAIM_WORDS:
        return None
    if open_claim(s, i, found):
        return relayed_by(g, s, i, cue_at, cue_at + 1, found)
    if form.relay and points_back(g, s.norm(cue_at + 1) if cue_at + 1 < len(s) else "", g.lex.relay_preposition):
        # "قال إن "..."، وفق ما نقلت عنه الوكالة": the agency relayed him; it is the statement's via
        if found:
            return relayed_by(g, s, i, cue_at, cue_at + 2, found)
        return _relayed_claim(g, s, i, cue_at, before_start)
    if _another_sense(g, s, cue_at, form):
        return None
    start = _after_its_object(g, s, cue_at, form)
    speaker, via = speaker_span(g, s, start, len(s))
    if speaker is None or (_passive(g, s, cue_at + 1) and any(s.is_comma(k) for k in range(start, len(s)))):
        return None  # "Speaking at ... as reported by TOI, Aurangzeb stressed ...": an aside on the clause after it
    if form.relay:
        an = next((k for k in range(speaker.a + 1, speaker.b) if s.norm(k) == g.lex.relay_preposition), None)
        if an is not None:
            via, speaker = [*via, Span(speaker.a, an)], Span(an + 1, speaker.b)
    who = dict(speaker=speaker, via=via, attribution=Attribution.POST, gender=form.gender, confidence=0.8)
    return _attributed(g, s, i, cue_at, before_start, who)


def _after_its_speaker(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> bool:
    """ "..., said Eric Domingo, as reported by CNN", "..., the ministry said, as reported by ...": the statement's
    speaker and its verb, after its claim, end at the comma before the opener; the outlet relayed that statement.
    After a preposition's source ("...، بحسب نتائج الفرز، بحسب ما أعلن رئيس اللجنة") the opener names another."""
    last = found[-1] if found else None
    if last is None or last.attribution != Attribution.POST or last.speaker is None:
        return False
    verb = g.lex.cue(s.norm(last.cue_index))
    if verb is None or verb.tense not in ("past", "present"):
        return False
    return s.is_comma(i - 1) and max(last.speaker.b, last.cue_index + 1) in (i - 1, i)


MAX_SUBJECT_AFTER_OPENER = 6  # words of the subject between "as" and its verb ("as the news agency Mediafax reported")


def _subject_then_cue(g: Grammar, s: SentenceView, i: int, a: int, found: list[Candidate]) -> Candidate | None:
    """ "..., as the news agency Mediafax reported": where the subject comes before its verb, the speaker stands
    between the opener and the cue, which ends the sentence or a citing phrase follows (", citing officials", which
    ``cited_sources`` makes the speaker, relayed by the agency)."""
    verbs = ((k, g.lex.cue(s.norm(k))) for k in range(a + 1, min(len(s), a + 1 + MAX_SUBJECT_AFTER_OPENER)))
    cue_at, form = next(((k, f) for k, f in verbs if f is not None), (None, None))
    if form is None or form.tense not in ("past", "present") or form.relay:
        return None
    after = cue_at + 1
    # "..., as the ministry said late on Tuesday", "..., as the company said in a notice": when, where or how it
    # was said; "..., as officials said the storm ...": a clause of its own after the verb
    while after < len(s) and not s.phrase_at(after, g.lex.chunk_prepositions):
        if not (s.norm(after) in g.lex.time_prepositions or g.is_adverbial(s, after)):
            break
        after += 1
    if after < len(s) and s.toks[after].is_word and not s.phrase_at(after, g.lex.chunk_prepositions):
        return None
    speaker, via = speaker_span(g, s, a, cue_at)
    if speaker is None:
        return None
    if g.pronoun_subject(s, speaker) is None and not any(g.plausible_source(s, k) for k in range(speaker.a, speaker.b)):
        return None  # "..., as more reported on Sunday": more of what the clause counts, no source ("as he said" is)
    before_start = found[-1].cue_index + 1 if found else 0
    if s.words(Span(before_start, i)) < MIN_POST_CLAIM_WORDS:
        return None
    who = dict(speaker=speaker, via=via, attribution=Attribution.POST, gender=form.gender, confidence=0.8)
    return _attributed(g, s, i, cue_at, before_start, who)


def _relayed_claim(g: Grammar, s: SentenceView, i: int, cue_at: int, before_start: int) -> Candidate | None:
    """ "نفذت الإعدامات فجرا، حسب ما نقلت عنه الوكالة" with no statement before it in the sentence: the clause
    before is the claim of the one the pronoun points back to, relayed by the agency."""
    agency, outer = speaker_span(g, s, cue_at + 2, len(s))
    if agency is None:
        return None
    who = dict(speaker=None, via=[*outer, agency], attribution=Attribution.CONTINUATION, gender="", confidence=0.7)
    return _attributed(g, s, i, cue_at, before_start, who)


def _attributed(g: Grammar, s: SentenceView, i: int, cue_at: int, before_start: int, who: dict) -> Candidate | None:
    """The clause before the opener at i as the claim of ``who`` (speaker, via, attribution, gender, confidence)."""
    claim = claim_before(g, s, before_start, i)
    if claim is None:
        return None
    return Candidate(
        rule=NAME,
        cue_index=cue_at,
        boundary=i,
        cue=s.raw(cue_at),
        claim_start=claim[0],
        claim_end=claim[1],
        kind=claim[2],
        cut_at_next=False,
        **who,
    )


def _after_its_object(g: Grammar, s: SentenceView, cue_at: int, form: CueForm) -> int:
    """Where the speaker after a cue starts: past the cue's own preposition, or a claim's, written with a pronoun
    pointing back at the claim ("بحسب ما أعلن عنه موقع ...": about it, the site announced; "وفق ما أفاد به") or the
    passive's agent preposition ("as reported by state media"), past the day it was said, and past an agency's
    name in brackets before the source ("وفق ما أفاد به اليوم (وات) مصدر قضائي"), or past its preposition and a
    demonstrative pointing back at the claim ("كما أشار إلى ذلك الوزير")."""
    after = s.norm(cue_at + 1) if cue_at + 1 < len(s) else ""
    back = any(points_back(g, after, p) for p in (form.object, *g.lex.claim_prepositions) if p)
    start = cue_at + 2 if back or _passive(g, s, cue_at + 1) else cue_at + 1
    if after in _taken(form) and cue_at + 2 < len(s) and s.norm(cue_at + 2) in g.lex.demonstratives:
        start = cue_at + 3  # "كما أشار إلى ذلك الوزير": to that, the minister pointed
    while start + 1 < len(s) and (s.norm(start) in g.lex.days or s.norm(start) in g.lex.relative_day_words):
        start += 1  # "بحسب ما أعلن الخميس ممثل البرنامج": when, then who
    closer = BRACKETS.get(s.raw(start))
    end = next((k for k in range(start + 1, min(len(s), start + MAX_BRACKETED)) if s.raw(k) == closer), None)
    return end + 1 if closer and end is not None and end + 1 < len(s) else start


def _taken(form: CueForm) -> set[str]:
    """The prepositions a cue takes as a verb of saying."""
    return {p for p in (*form.frame, form.object) if p}


def _another_sense(g: Grammar, s: SentenceView, cue_at: int, form: CueForm) -> bool:
    """ "على ما يزيد عن مليوني صوت" (more than): a preposition the cue does not take as a verb of saying opens what
    follows it, so the verb says nothing here; a subject never opens with a preposition."""
    k = cue_at + 1
    word = s.norm(k) if k < len(s) else ""
    return word in g.lex.object_prepositions and word not in _taken(form) and not _passive(g, s, k)


def _passive(g: Grammar, s: SentenceView, k: int) -> bool:
    """Whether token k is the agent's preposition after a passive cue ("as reported *by* state media")."""
    return k < len(s) and s.norm(k) in g.lex.agent_prepositions
