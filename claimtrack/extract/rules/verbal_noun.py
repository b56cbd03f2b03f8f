"""Rule: "أعلنت الوزارة تسجيل حالة وفاة ثانية"، "كشفت الشرطة عن مقتل ..."، "أعرب الوزير عن قلقه من ...".

A cue verb whose object is a verbal noun (or, after the cue's preposition, a word of feeling with its pronoun)
rather than an أنّ-clause: the claim starts at that noun. Only when no other opener follows the cue.
"""

from __future__ import annotations

from ...lang.text import PUNCTUATION
from ...lexicon import CueForm
from ..candidate import Attribution, Candidate, Kind
from ..claim import find_opener, own_preposition, quoted_source
from ..doc import MAX_SPEAKER_TOKENS, MIN_POST_CLAIM_WORDS, SentenceView, Span
from ..grammar import Grammar, and_joined, verb_opens_clause
from ..speaker_phrase import name_goes_on, quoted_names, speaker_span, subject_on_left, subject_opening_sentence
from ..subject import glued_mark
from .cue import cue_here

CLAUSE_ENDERS = PUNCTUATION["clause_enders"]

NAME = "verbal-noun"


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    form = cue_here(g, s, i, found)
    if form is None or form.tense not in ("past", "present") or form.relay:
        return None
    obj = cue_object(g, s, i, form)
    if form.strict and not (verb_opens_clause(g, s, i) and _feeling_object(g, s, obj)):
        # a strict cue ("عبر": also "via") says only a feeling after its own preposition, opening its clause ("وعبر
        # الوزير عن قلقه"; in "الوقت الذي عبرت فيه الدول عن قلقها" the writer's clause of time)
        return None
    opener = find_opener(g, s, i + 1, form, MAX_SPEAKER_TOKENS)
    if opener is not None and any(g.lex.saying_verb(s.norm(k)) for k in range(i + 1, opener[0])):
        opener = None  # "أعلنت الموافقة على العفو وقالت إن ...": the أنّ of the next verb, not this one's
    # the opener is the verbal noun itself ('أعلن "إنهاء التعاون"', "طالبت ... بإلغاء"): the claim is this rule's
    opens_object = opener is not None and obj is not None and obj[1] == opener[0]
    if opener is not None and not (opens_object or _object_wins(g, s, i, obj, opener[0], form)):
        return None  # an أنّ, a colon or a quotation opens the claim: the verb rule's
    if _filler_follows(g, s, i):
        return None  # "علق على القرار قائلا إن ...": the participle of saying carries the claim
    if obj is None:
        return None
    window_end, first = obj
    clause_end = next((k for k in range(first, len(s)) if s.raw(k) in CLAUSE_ENDERS), len(s))
    if s.words(Span(first, clause_end)) < MIN_POST_CLAIM_WORDS:
        return None
    # "الوزارة تعلن موعد إعلان النتائج": a subject opening the sentence right before its verb leaves the words after
    # the verb to the object, whatever their shape
    opening = subject_opening_sentence(g, s, i)
    speaker, via = speaker_span(g, s, i + 1, window_end) if window_end > i + 1 and opening is None else (None, [])
    if speaker is not None and not g.plausible_source(s, speaker.a):
        return None
    if speaker is None:
        speaker = opening or subject_on_left(g, s, i)  # "الجيش يعلن مقتل ...": a headline's subject before its verb
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=g.boundary(s, i),
        cue=s.raw(i),
        speaker=speaker,
        claim_start=s.toks[first].start,
        claim_end=None,
        kind=Kind.INDIRECT,
        attribution=_attribution(speaker, window_end > i + 1),
        gender=form.gender,
        confidence=0.7,
        via=via,
    )


def _feeling_object(g: Grammar, s: SentenceView, obj: tuple[int, int] | None) -> bool:
    """Whether an object is a feeling after the cue's preposition ("عن قلقه", 'عن "تضامنها التام ..."')."""
    if obj is None or obj[1] == obj[0]:
        return False
    return g.verbal_nouns.feeling(s.norm(s.past_opening_mark(obj[1])))


def _attribution(speaker: Span | None, after_verb: bool) -> Attribution:
    if speaker is None:
        return Attribution.CONTINUATION
    return Attribution.VERBAL_NOUN if after_verb else Attribution.SUBJECT_FIRST


def object_before(g: Grammar, s: SentenceView, i: int, op: int, form: CueForm) -> bool:
    """Whether the cue's object, not the opener at ``op``, starts the claim (then the claim is this rule's): the
    speaker's stance with its pronoun right before the cue's preposition, a verbal noun right after the cue's own
    preposition with words of its own before the opener, or a verbal noun in a clause of its own before the
    opener's."""
    # the object's clause ends at a comma before the opener, or the cue has a preposition of its own to frame it:
    # without either, no object need be read (the verb rule asks this of every opener it finds)
    if not (form.frame or any(s.is_comma(k) for k in range(i + 1, op))):
        return _stance_before(g, s, i, op)
    return _object_wins(g, s, i, cue_object(g, s, i, form), op, form)


def _object_wins(g: Grammar, s: SentenceView, i: int, obj: tuple[int, int] | None, op: int, form: CueForm) -> bool:
    """Whether the cue's object ``obj`` starts the claim before the opener at ``op`` (``object_before``)."""
    return (
        _stance_before(g, s, i, op)
        or _framed_before(g, s, i, obj, op, form)
        or _in_earlier_clause(s, obj, op)
        or _condition_after(g, s, obj, op, form)
    )


def _stance_before(g: Grammar, s: SentenceView, i: int, op: int) -> bool:
    """ "أعلن التنظيم مسؤوليته عن الهجوم": the stance right before the cue's preposition; not before a complementizer
    ("أعرب عن قلقه من أن ...": the clause is the claim)."""
    return op > i + 1 and s.norm(op) not in g.lex.complementizers and g.verbal_nouns.owned(s.norm(op - 1))


def _in_earlier_clause(s: SentenceView, obj: tuple[int, int] | None, op: int) -> bool:
    """ "وأفادت الوزارة في بيان، بارتفاع عدد الإصابات ...، وذلك بعد "..."": a verbal noun opening the clause after the
    speaker's comma, with a comma between it and the opener (the quotation far after it is not the claim's start;
    "عن قلقه من أن" is one clause)."""
    if obj is None or obj[1] >= op or not s.is_comma(obj[0] - 1):
        return False
    return any(s.is_comma(k) for k in range(obj[1], op))


def _condition_after(g: Grammar, s: SentenceView, obj: tuple[int, int] | None, op: int, form: CueForm) -> bool:
    """ "أعلنت الوزارة تأجيل المهرجان ...، على أن يحدد موعد جديد": after the cue's verbal noun object, a complementizer
    that a comma and a preposition not the cue's own set apart says on what condition ("provided that"); it is the
    object's clause, not the cue's opener ("وشددت الوزارة، على أن ..." has no object and its own preposition)."""
    if obj is None or obj[1] >= op or op < 2 or not s.is_comma(op - 2):
        return False
    return s.norm(op - 1) in g.lex.claim_prepositions and s.norm(op - 1) not in form.frame


def _framed_before(g: Grammar, s: SentenceView, i: int, obj: tuple[int, int] | None, op: int, form: CueForm) -> bool:
    """ "ولفت المركز إلى استمرار سقوط أمطار ...، على أن تكون مصحوبة ...": a verbal noun right after the cue's own
    preposition, and words of its own before a complementizer, opens the claim, which holds that complementizer
    (not "أعرب عن قلقه من أن ...", a feeling, nor "أشار إلى أهمية أن ..."). Only after a subject this rule takes
    for a source: the verb rule reads the others ("وتشير التحقيقات إلى ...")."""
    if obj is None or not obj[0] < obj[1] < op or s.norm(obj[0]) not in form.frame:
        return False
    if obj[0] > i + 1 and not g.plausible_source(s, i + 1):
        return False
    return not g.verbal_nouns.feeling(s.norm(obj[1])) and s.words(Span(obj[1] + 1, op)) >= MIN_POST_CLAIM_WORDS


def cue_object(g: Grammar, s: SentenceView, i: int, form: CueForm) -> tuple[int, int] | None:
    """(end of the speaker window, the claim's first token) of the cue at i's verbal noun object, if it has one."""
    return _object(g, s, i, form.frame, weak=form.weak, denial=g.lex.denies(s.norm(i)), direct=form.direct)


def _filler_follows(g: Grammar, s: SentenceView, i: int) -> bool:
    for k in range(i + 1, len(s)):
        if s.raw(k) in CLAUSE_ENDERS:
            return False
        if s.norm(k) in g.lex.speech_fillers:
            return True
    return False


def _object(
    g: Grammar, s: SentenceView, i: int, frame: frozenset[str], *, weak: bool, denial: bool, direct: bool = False
) -> tuple[int, int] | None:
    """(end of the speaker window, the claim's first token): the first verbal noun after the subject, or after a
    denial what it denies ("نفت الوزارة أنباء عن ..."). A weak cue (لفت) takes one only through its own
    preposition ("ولفت الوزير إلى تسجيل ...", not "تزيد من التهديد"); a direct cue (أدان) only with none ("أدان
    احتجاز ...", not "أدانت المحكمة المتهم بقتل ...": convicted of)."""
    named = quoted_source(g, s, i + 1) or i + 1  # 'أعلنت "اللجنة الوطنية" عن تخفيض ...': a quoted name speaks
    end = min(len(s), i + MAX_SPEAKER_TOKENS)
    names = quoted_names(g, s, named, end)
    verb = g.lex.cue(s.norm(i))
    own = (*frame, *((verb.object,) if verb and verb.object else ()))  # where the object opens after a name
    for k in range(named, end):
        if k in names:
            continue
        n, r = s.norm(k), s.raw(k)
        if s.quote_at(k) is not None and k + 1 < len(s) and object_at(g, s, k + 1, frame) == (k + 1, k + 1):
            return k, k  # 'وأعلن في وقت سابق "إنهاء التعاون" مع المجموعة': the verbal noun quoted as it was said
        another_cue = k > i + 1 and g.lex.cue(n) and not spelt_as_participle(g, s, k, verb)
        if r in CLAUSE_ENDERS or r == ":" or s.quote_at(k) is not None or another_cue:
            return None
        if not s.toks[k].is_word or _genitive(g, s, k) or _named_for(g, s, k, frame, i) or _governed(g, s, k, frame):
            continue
        if k > named and name_goes_on(g, s, k, own):
            continue
        if denial and k > i + 1 and _denied_object(g, n):
            return k, k
        if _owned_by_subject(g, s, named, k, weak):
            return k, k
        if k == i + 1 and g.verbal_nouns.definite(n) and subject_opening_sentence(g, s, i) is not None:
            # "الإدارة أعلنت الموافقة على ...": after its subject, the verb's definite verbal noun is its object
            return k, k
        obj = object_at(g, s, k, frame, owned=not weak)
        if obj is not None and direct and (obj[1] > obj[0] or g.unglued(n) != n):
            return None  # "أدانت المحكمة المتهم بقتل ...": after a preposition, what the convicted did
        if obj is not None and (not weak or (obj[1] > obj[0] and s.norm(obj[0]) in frame)):
            return obj
        if obj is None and k > i + 1 and own_preposition(g, s, k, frame):
            return None  # "وأشار الوزير إلى إنجازات ...": the cue's own preposition before no verbal noun
    return None


def _owned_by_subject(g: Grammar, s: SentenceView, named: int, k: int, weak: bool) -> bool:
    """ "أعلن رئيس الوزراء محمد سالم استقالته", "أعلن الوزير، كوستاس كارامانليس، اليوم، استقالته": any verbal noun whose
    pronoun points back at the subject written before it, with its appositions and times, no clause between (not
    "تعتبر المدينة ...، والتي يعتمد اقتصادها", "...، ويعتمد اقتصادها")."""
    if weak or k <= named or not g.verbal_nouns.pronoun_owned(s.norm(k)):
        return False
    for m in range(named, k):
        if not s.toks[m].is_word and not s.is_comma(m) and not glued_mark(s, m):
            return False  # a hyphen inside a name ("أويون-إردين") goes on with it
        word = s.norm(m)
        bare = and_joined(g, word)
        if (bare is not None and s.is_comma(m - 1)) or word in g.lex.relatives or bare in g.lex.relatives:
            return False
    return True


def spelt_as_participle(g: Grammar, s: SentenceView, k: int, verb: CueForm | None) -> bool:
    """Whether token k is a verbal noun spelt as a participle cue of the other gender than the verb of saying it
    follows ("أكد الوزير مطالبة تركيا بـ...": the demand; "أكدت الوزارة، مطالبة بـ...": demanding)."""
    form = g.lex.cue(s.norm(k))
    if form is None or verb is None or form.tense != "participle" or s.norm(k) not in g.verbal_nouns:
        return False
    return form.gender != verb.gender


def object_at(
    g: Grammar, s: SentenceView, k: int, frame: frozenset[str], *, owned: bool = True
) -> tuple[int, int] | None:
    """A verbal noun object at token k: (k, k) for "تسجيل ...", "بوجود ..."; (k, k + 1) for a preposition
    before one ("عن مقتل ...", "إلى تسجيل ...", "عن قلقه ...", and with ``owned`` "عن احتجاجها ...")."""
    nouns, lex, n = g.verbal_nouns, g.lex, s.norm(k)
    if n in nouns or (nouns.definite(n) and _after_adverbial(g, s, k)) or nouns.owned(n):
        return k, k
    # the noun after the preposition, or inside the quotation marks that open after it ('عن "تضامنها التام ..."'),
    # where the claim opens on the mark
    after = s.norm(s.past_opening_mark(k + 1))
    # any object preposition before an indefinite verbal noun; only the cue's own before a definite one
    # ("أشار إلى الحاجة", not "قلق الرئيس من الاتفاق")
    if (n in frame or n in lex.object_prepositions) and (
        after in nouns or nouns.feeling(after) or (owned and nouns.pronoun_owned(after))
    ):
        # "عن قلقه"; "عن احتجاجها على ...", "على متابعتها لحالة ...": its owner's act, the subject's; not after a weak
        # cue, whose preposition names its topic ("علق على تعيينه": on his appointment)
        return k, k + 1
    if n in frame and nouns.definite(after):
        return k, k + 1
    bare = g.unglued(n)
    if bare != n and (bare in nouns or nouns.feeling(bare)):
        return k, k
    return None


def _denied_object(g: Grammar, n: str) -> bool:
    """ "أنباء", "تصريحا", "صحة": what a denial denies, bare or with its accusative ending written out."""
    denied = g.lex.denied_objects
    return n in denied or (n.endswith(g.lex.accusative_endings) and n[:-1] in denied)


def _after_adverbial(g: Grammar, s: SentenceView, k: int) -> bool:
    """ "أعلن الديوان في بيان صدر مساء السبت الحداد ...": after a time word or a comma a definite verbal noun
    cannot be the subject's adjective, so it is the object."""
    return s.is_comma(k - 1) or g.is_adverbial(s, k - 1) or s.norm(k - 1) in g.lex.days


def _named_for(g: Grammar, s: SentenceView, k: int, frame: frozenset[str], cue: int) -> bool:
    """ "أعلن المركز الوطني لمكافحة الأمراض تسجيل ...": a verbal noun with the name's preposition written on it right
    after the speaker's words goes on with the body's name (what it is for), unless the cue takes that preposition."""
    n = s.norm(k)
    glued, bare = n[:1], g.unglued(n)
    named = (
        k > cue + 1
        and glued in g.lex.name_prepositions
        and glued not in frame
        and s.toks[k - 1].is_word
        and bare != n
        and bare in g.verbal_nouns
    )
    if not named:
        return False
    # the name's only when what was announced comes after it, past the noun it governs ("دعت الوزارة لوقف إطلاق
    # النار": that is the object)
    for m in range(k + 2, min(len(s), cue + MAX_SPEAKER_TOKENS)):
        if s.raw(m) in CLAUSE_ENDERS:
            return False
        if s.norm(m) in g.verbal_nouns:
            return True
    return False


def _genitive(g: Grammar, s: SentenceView, k: int) -> bool:
    """Whether token k completes the noun before it ("وزير خارجية تركيا", "وسائل إعلام"): then it is part of the
    subject."""
    prev = s.norm(k - 1)
    if not s.toks[k - 1].is_word or prev.startswith(g.lex.definite_prefixes):
        return False
    bare = g.unglued(prev)
    unnamed = f"{bare} {s.norm(k)}" in g.lex.anonymous_heads  # a source named by its kind ("وسائل إعلام")
    return bare in g.lex.title_words or bare in g.lex.body_heads or bare in g.lex.person_titles or unnamed


def _governed(g: Grammar, s: SentenceView, k: int, frame: frozenset[str]) -> bool:
    """ "كشف المدير تفاصيل الحادث في أكتاو": a word right after a preposition of place or occasion that is not the
    cue's own is that preposition's noun, not the cue's object, whatever its shape (after "بشأن" what is denied or
    announced may still be: "نفت الشائعات بشأن زيادة الأسعار")."""
    n = s.norm(k - 1)
    return n not in frame and n in g.lex.occasion_prepositions
