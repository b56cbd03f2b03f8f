"""A cue verb and what follows it: "قال الوزير إن ..."، "وأكدت الوزارة: «...»"، "وأضاف أن ...".

Reads the cue form at token i, the opener after it (إنّ/أنّ, a colon, a quotation, a verbal noun framed by the
cue's preposition) and the speaker phrase between; writes one candidate. With no opener, the claim may come
first («...»، قال المتحدث.), which is `claim_first`'s job.
"""

from __future__ import annotations

from dataclasses import replace

from ...lexicon import CueForm
from ...lang.text import PUNCTUATION
from ..candidate import Attribution, Candidate, Kind
from ..claim import claim_after, find_opener, leading_quote, own_preposition
from ..doc import MAX_SPEAKER_TOKENS, MIN_POST_CLAIM_WORDS, NEXT_LINE, SentenceView, Span
from ..grammar import Grammar, contrast_before, occasion_at, saying_verb_at, verb_opens_clause
from ..speaker_phrase import (
    left_subject,
    opening_verb_subject,
    relative_antecedent,
    sets_off,
    speaker_span,
    subject_before_object,
    subject_on_left,
)
from .cue import cue_here
from .verbal_noun import object_before

NAME = "verb"
MAX_WEAK_SPEAKER = 6  # words of a weak verb's speaker phrase that no source word heads


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    if g.lex.subject_first:
        return None  # a subject-first language's speaker stands before its verb: the subject-verb rule's
    form = _own_cue(g, s, i, found)
    if form is None:
        return None
    opener = find_opener(g, s, i + 1, form, MAX_SPEAKER_TOKENS)
    if opener is None:
        return None
    op, first = opener
    # "أعلن مسؤوليته عن ...": an object before the opener starts the claim, the verbal-noun rule's
    if (first >= len(s) and s.raw(op) != ":") or object_before(g, s, i, op, form):
        return None
    window_end = _before_addressee(g, s, i, g.strip_frame(s, i + 1, op, form), form)
    speaker, via, described, at_once = _speaker_or_object(g, s, i, form, window_end)
    strict_ok = at_once or (form.strict and verb_opens_clause(g, s, i) and _few_words_then_that(g, s, speaker, op))
    if not _speaks(g, s, i, form, speaker, op, opens_at_once=strict_ok):
        return None
    claim_start, claim_end, direct = _claim(g, s, op, first, described)
    boundary = g.boundary(s, i)
    speaker, attribution, confidence, boundary = _subject(g, s, i, form, speaker, boundary)
    if attribution is None:
        return None
    if attribution == Attribution.RELATIVE and claim_end is None and i > 1 and s.is_comma(i - 2):
        # "ووصل الوزير، الذي قال إن ...، إلى العاصمة": the aside's claim ends at the comma that closes it
        claim_end = next((s.toks[k].start for k in range(first, len(s)) if s.is_comma(k)), None)
    if attribution == Attribution.IMPERSONAL:
        # "فيما يُعتقد أن ...": nobody's statement, but it ends the claim before it.
        return Candidate(
            cue_index=i,
            boundary=boundary,
            cue=s.raw(i),
            speaker=None,
            claim_start=claim_start,
            claim_end=claim_end,
            kind=Kind.INDIRECT,
            attribution=attribution,
            gender="",
            confidence=0.0,
            rule=NAME,
        )
    if form.tense == "misspelt":
        confidence = 0.5
    if _object_frames_claim(g, s, form, op):
        speaker = _subject_before(g, s, op, speaker)
        confidence = min(confidence, 0.7)
        if speaker is not None and not g.plausible_source(s, speaker.a):
            return None  # "وكشف النقاب عن ...": an idiom, not a source revealing something
        opens = first if described is None else described  # "عزت المؤسسة الأمر إلى ...": the object opens it
        # An aside between the object and the preposition ("الارتفاع، بشكل خاص، إلى") is inside the claim.
        clause_end = next((k for k in range(max(opens, op), len(s)) if s.is_comma(k)), len(s))
        if s.words(Span(opens, clause_end)) < MIN_POST_CLAIM_WORDS:
            return None
    if s.norm(first) in g.lex.claim_nouns:
        confidence = min(confidence, 0.7)
    if s.quote_at(op) is not None and speaker is not None:
        _claim_the_leading_quote(g, s, i, form, speaker, found)
    return Candidate(
        cue_index=i,
        boundary=boundary,
        cue=s.raw(i),
        speaker=speaker,
        claim_start=claim_start,
        claim_end=claim_end,
        kind=Kind.DIRECT if direct or s.raw(op) == ":" else Kind.INDIRECT,
        attribution=attribution,
        gender=form.gender,
        confidence=confidence,
        via=via,
        rule=NAME,
    )


def _saying_follows(g: Grammar, s: SentenceView, i: int) -> bool:
    """ "وواصل يقول ...", "وأضاف يقول ...": a present verb of saying right after the verb is the cue."""
    after = g.lex.cue(s.norm(i + 1)) if i + 1 < len(s) else None
    return after is not None and after.tense == "present"


def _own_cue(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> CueForm | None:
    """The cue at i when this rule reads it: not a participle, a relay through عن, or a verb of saying's aside."""
    form = cue_here(g, s, i, found)
    if form is None or form.tense == "participle" or _saying_follows(g, s, i) or _relay_aside(g, s, i):
        return None
    if form.relay:
        if _relays(g, s, i):
            return None  # "نقلت الوكالة عن الوزير ...": the relay rule's
        return replace(form, weak=True)  # "ونقلت الصحيفة أن ...": its own report; weak, as it also moves things
    return form


def _relays(g: Grammar, s: SentenceView, i: int) -> bool:
    """Whether the relay preposition ("عن") follows a relay verb before anything opens its claim."""
    for k in range(i + 1, min(len(s), i + MAX_SPEAKER_TOKENS)):
        if s.norm(k) == g.lex.relay_preposition:
            return True
        if s.norm(k) in g.lex.complementizers or s.raw(k) in PUNCTUATION["introducers"]:
            return False
    return False


def _relay_aside(g: Grammar, s: SentenceView, i: int) -> bool:
    """ "وقالت الوزارة - حسبما ذكرت قناة ... - إنه": a verb after a post-verb opener set off by a comma or a dash,
    while an earlier verb of saying has not opened its claim yet, names that verb's relay in an aside; it has no
    claim of its own ("...، كما أكد أن" after an opened claim does)."""
    for n in range(1, i):
        k = i - n
        if s.phrase_at(k, g.lex.post_verb_openers) == n and sets_off(s, k - 1):
            earlier = next((j for j in range(k - 2, -1, -1) if saying_verb_at(g, s, j)), None)
            return (
                earlier is not None and find_opener(g, s, earlier + 1, g.lex.cue(s.norm(earlier)), k - earlier) is None
            )
        if not s.toks[k].is_word:
            return False
    return False


def _claim(g: Grammar, s: SentenceView, op: int, first: int, described: int | None) -> tuple[int, int | None, bool]:
    """Where the claim starts and, when it is one quotation, ends; whether it is direct."""
    if first >= len(s):
        return NEXT_LINE, None, True  # "وقال الوزير:" ends the line: the claim is the paragraph after it
    if described is not None:
        return s.toks[described].start, None, False  # the described thing opens the claim
    return claim_after(g, s, op, first)


def _speaker_or_object(
    g: Grammar, s: SentenceView, i: int, form: CueForm, window_end: int
) -> tuple[Span | None, list[Span], int | None, bool]:
    """The speaker phrase after the verb, its relays, where a described object starts (a verb whose noun object is
    part of the claim), and whether the claim opens at once after the verb."""
    saying = g.lex.cue(s.norm(i + 1))
    start = i + 2 if saying is not None and saying.tense == "noun" else i + 1  # "واتم القول إن": no speaker
    if s.norm(start) in g.lex.resumptive_pronouns:
        return _occasion_holder(g, s, i), [], None, window_end == start + 1
    # "وعلق العمري على هذه الإجراءات بأنها ...": the verb's own preposition opens what was commented on
    window_end = next((k for k in range(start + 1, window_end) if own_preposition(g, s, k, form.frame)), window_end)
    speaker, via = speaker_span(g, s, start, window_end)
    # "وبيّن، أن ...": a comma alone between the verb and its opener still opens the claim at once
    at_once = all(s.is_comma(k) for k in range(start, window_end))
    described = _described_thing(g, s, form, speaker)
    if described is not None:
        return None, via, described, True
    if form.noun_claim and speaker is not None and (subject := subject_before_object(g, s, speaker)).b < speaker.b:
        return subject, via, subject.b, at_once  # "ووصف الوزير القرار بأنه ...": the decision is described
    return speaker, via, None, at_once


def _occasion_holder(g: Grammar, s: SentenceView, i: int) -> Span | None:
    """ "عقد الوزير مؤتمرا أكد خلاله أن ..."، "...، ثم ألقى الوزير كلمة شدد فيها على أن": a pronoun after the cue
    points back to an occasion; its speaker is who held it, the subject of the verb opening the cue's clause or, that
    failing, the sentence (None: the last speaker)."""
    clause = next((k + 1 for k in range(i - 1, -1, -1) if s.is_comma(k)), 0)
    return opening_verb_subject(g, s, i, clause) or (opening_verb_subject(g, s, i) if clause else None)


def _described_thing(g: Grammar, s: SentenceView, form: CueForm, speaker: Span | None) -> int | None:
    """ "ووصفت هذه الخطوة بأنها ..."، "ووصف الواقعة بأنها ...": after a verb whose noun object is part of the claim, a
    phrase that points at a thing (a demonstrative before a word that is no title), or one word with the article that
    is no source, is that object, not the speaker: the claim starts there and the speaker is the one before."""
    if not form.noun_claim or speaker is None:
        return None
    if s.norm(speaker.a) in g.lex.demonstratives:
        return None if g.source_word(s.norm(speaker.a + 1)) else speaker.a
    one_thing = speaker.b - speaker.a == 1 and not g.plausible_source(s, speaker.a)
    return speaker.a if one_thing else None


def _before_addressee(g: Grammar, s: SentenceView, i: int, end: int, form: CueForm) -> int:
    """ "طمأن المتحدث المواطنين بأن ...": a verb whose object is whom it was said to has the speaker before that
    object, a noun the data names for those spoken to (addressee_nouns)."""
    if not form.addressee:
        return end
    return next((k for k in range(i + 2, end) if s.norm(k) in g.lex.addressee_nouns), end)


def _quoted_object(g: Grammar, s: SentenceView, i: int, form: CueForm, speaker: Span | None, op: int) -> bool:
    """ "لطالما وجد بولسونارو "رائعا"": after a word of its clause, a weak verb's object and then a word it quotes, not
    a quotation said; opening its clause ("ولفت المدرب "..."", "كما لفت ...") the verb says it."""
    if not form.weak or speaker is None or op != speaker.b or s.quote_at(op) is None:
        return False
    return i > 0 and s.toks[i - 1].is_word and s.norm(i - 1) not in g.lex.particles_before_verb


def _speaks(
    g: Grammar, s: SentenceView, i: int, form: CueForm, speaker: Span | None, op: int, *, opens_at_once: bool
) -> bool:
    """Whether the verb is speech here: a weak cue (زاد, لفت, بيّن) only when its claim opens at once ("ولفت إلى
    أن", "وزاد:"), a strict one only then, a misspelt one only with a speaker."""
    # a long phrase after a weak verb is its object ("زادت أسعار ... أن"), unless a source's word heads it: unnamed
    # sources ("وأبلغت مصادر محلية وحكومية في محافظة المهرة الحدودية مع سلطنة عمان بأن"), a title before a name
    # ("وصف نائب رئيس الوزراء الدنماركي، ترولس لوند بولسن، الحريق بأنه")
    # ... or a document ("وأظهرت بيانات شحن صادرة عن شركة ... أن": what records show, said by whoever keeps them)
    long = (
        speaker is not None
        and s.words(speaker) > MAX_WEAK_SPEAKER
        and not g.source_word(s.norm(speaker.a))
        and g.lex.hooks.strip_article(s.norm(speaker.a)) not in g.lex.documents
    )
    weak_without_speaker = speaker is None and not _occasion_announces(g, s, i, op)
    if form.weak and not opens_at_once and (weak_without_speaker or long) and not left_subject(g, s, i):
        return False
    if not opens_at_once and g.lex.everyday(form, s.raw(i)):
        return False
    if speaker is not None and g.possessed(s.norm(speaker.a)):
        return False  # "زادت أسعارها، حيث أن ...": a thing of someone's, not a speaker
    if speaker is not None and s.norm(speaker.a) in g.lex.claim_nouns:
        return False  # "...، طالبا عدم نشر اسمه، إن": what was asked for, no one speaking
    if _quoted_object(g, s, i, form, speaker, op):
        return False
    return not (form.tense == "misspelt" and speaker is None)


def _occasion_announces(g: Grammar, s: SentenceView, i: int, op: int) -> bool:
    """ "وكتب في منشور على منصة إكس: "..."", "ولفتت في بيان إلى أن ...": with no subject after it, a weak verb followed
    by the occasion it wrote or spoke on and a colon announcing its claim, or a complementizer, speaks, the last
    speaker going on; "وكتب في الصحف مقالات" writes."""
    if not g.is_adverbial(s, i + 1):
        return False
    announced = s.raw(op) in PUNCTUATION["introducers"] and s.quote_at(op + 1) is not None
    return announced or (s.norm(op) in g.lex.complementizers and occasion_at(g, s, i + 1))


def _few_words_then_that(g: Grammar, s: SentenceView, speaker: Span | None, op: int) -> bool:
    """ "وبين القضاة أنه ..."، "وبين البراك، أن ..."، "وبين الوزير تركو أن ...": a few words between the verb and its
    complementizer are its speaker; the preposition the verb also spells takes two things joined by "and" ("بين
    الحكومة والنقابة")."""
    if speaker is None or speaker.b - speaker.a > STRICT_SPEAKER_WORDS or s.norm(op) not in g.lex.complementizers:
        return False
    if any(s.norm(k)[:1] == g.lex.and_conjunction for k in range(speaker.a + 1, speaker.b)):
        return False
    return op == speaker.b or (op == speaker.b + 1 and s.is_comma(speaker.b))


STRICT_SPEAKER_WORDS = 3  # a title and a name of two words ("الوزير سامي حداد")


def _subject(
    g: Grammar, s: SentenceView, i: int, form: CueForm, speaker: Span | None, boundary: int
) -> tuple[Span | None, Attribution | None, float, int]:
    """Who speaks when no speaker follows the verb: a relative clause's noun, a subject before the verb, or the
    last speaker (a continuation). Attribution None: not a statement."""
    if speaker is not None:
        return speaker, Attribution.EXPLICIT, 0.9, boundary
    if s.norm(i - 1) in g.lex.relatives:
        # "التقى الوزير بالسفير الذي قال إن ...": the one the relative clause is about, or nobody known.
        antecedent = relative_antecedent(g, s, i - 1)
        return antecedent, (Attribution.RELATIVE if antecedent else None), 0.7, boundary
    left = subject_on_left(g, s, i)
    if left is not None:
        return left, Attribution.SUBJECT_FIRST, 0.9, min(boundary, _clause_start(g, s, left.a))
    if form.impersonal and form.tense == "present":
        return None, Attribution.IMPERSONAL, 0.0, boundary
    return None, Attribution.CONTINUATION, 0.75, boundary


def _clause_start(g: Grammar, s: SentenceView, a: int) -> int:
    """Where the clause of a subject written before its verb opens: before the word or link of contrast that joins
    it to the claim before ("...، لكن تقارير أشارت", "... إلا أن الرئيس أكد"), which is no part of that claim."""
    a -= contrast_before(g, s, a)
    while a > 0 and s.norm(a - 1) in g.lex.clause_openers:
        a -= 1
    return a


def _subject_before(g: Grammar, s: SentenceView, op: int, speaker: Span | None) -> Span | None:
    """The subject before the cue's own preposition: an object may stand between them ("حث البيان الحكومة على"),
    unless the preposition follows its subject directly (``subject_prepositions``: "كشفت مؤسسة المياه عن")."""
    if speaker is None or s.norm(op) in g.lex.subject_prepositions:
        return speaker
    return subject_before_object(g, s, speaker)


def _object_frames_claim(g: Grammar, s: SentenceView, form: CueForm, op: int) -> bool:
    """ "كشف ... عن ...": the cue's own preposition, not إنّ or a colon, opens the claim."""
    return bool(form.object) and op < len(s) and s.norm(op) not in g.lex.complementizers and s.raw(op) != ":"


def _claim_the_leading_quote(
    g: Grammar, s: SentenceView, i: int, form: CueForm, speaker: Span, found: list[Candidate]
) -> None:
    """«...»، قال الوزير، «...»: the quotation before the verb is the speaker's too."""
    lead = leading_quote(g, s, i)
    if lead is None:
        return
    found.append(
        Candidate(
            cue_index=i,
            boundary=0,
            cue=s.raw(i),
            speaker=speaker,
            claim_start=lead[0] + 1,
            claim_end=lead[1],
            kind=Kind.DIRECT,
            attribution=Attribution.POST,
            gender=form.gender,
            confidence=0.8,
            cut_at_next=False,
            rule=NAME,
        )
    )
