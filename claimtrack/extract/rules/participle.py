"""Rule: "...، مؤكداً أن ..." — a participle gives the main verb's subject a second claim."""

from __future__ import annotations

from dataclasses import replace

from ...lexicon import CueForm
from ..doc import MAX_SPEAKER_TOKENS, SentenceView, Span
from ..candidate import Attribution, Candidate, Kind
from ..grammar import Grammar, relative_that
from ..quotations import MARKS as QUOTATION_MARKS
from .cue import cue_here, with_its_complement
from .verbal_noun import object_at, spelt_as_participle
from ..speaker_phrase import opening_verb_subject, past_manner, speaker_span
from ..speaker_phrase import subject_before_object
from ..claim import find_opener
from ..claim import claim_after
from ..subject import clause_subject, subject_of
from .claim_first import clause_end
from .subject_verb import claim_opens

NAME = "participle"
QUOTED_OBJECT_REACH = 4  # tokens from a participle's object to the quotation that qualifies it ("إياها بـ"...")
NOUN_PHRASE_REACH = 3  # words between an article and the noun it opens ("a rare red heavy rain warning": the last)
PARTICIPLE_REACH = 6  # tokens between a participle and its opener ("مؤكدا في الوقت ذاته أن")


def _after_preposition_or_possessive(g: Grammar, s: SentenceView, i: int) -> bool:
    return bool(s.phrase_at(i - 1, g.lex.chunk_prepositions, allow_conj=False)) or g.possessive_ending(s, i - 1)


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    """ "...، قائلة إن ...": the claim belongs to the subject of the sentence's main verb."""
    form = cue_here(g, s, i, found) or _accompanying(g, s, i, found)
    if form is None or form.tense != "participle":
        return None
    before = g.lex.cue(s.norm(i - 1))
    if before is not None and before.tense in ("past", "present"):
        return None  # "وتابع قائلاً إن": the verb before it has taken the claim
    if spelt_as_participle(g, s, i, _verb_of_saying_before(g, s, i)) or _joined_noun(g, s, i):
        return None  # "أكد الوزير، اليوم، مطالبة تركيا بـ...": the demand, the verb's claim, not "demanding"
    if g.lex.subject_first and _after_preposition_or_possessive(g, s, i):
        return None  # "a requirement on reporting test data", "Friday's ruling is": a noun, not a participle
    if (
        g.lex.subject_first
        and _after_article(g, s, i)
        and (s.norm(i + 1) not in g.lex.complementizers or relative_that(g, s, i + 1))
    ):
        # "a red warning is in place", "its ruling coalition", "a ruling that has divided ...": a noun in its noun
        # phrase, or with its relative clause ("a motion stating that": a participle)
        return None
    # after an occasion ("مضيفا على هامش الاجتماع: ...") the opener may stand further off
    limit = MAX_SPEAKER_TOKENS if g.is_adverbial(s, i + 1) else PARTICIPLE_REACH
    opener = find_opener(g, s, i + 1, None, limit) or object_at(g, s, i + 1, frozenset())
    if (
        opener is None
        and g.lex.subject_first
        and not _counted(g, s, i + 1)
        and (bare := claim_opens(g, s, i + 1, form)) is not None
    ):
        opener = (bare, bare)  # "saying the crisis could spread": a subject-first language's claim needs no "that"
    # after a statement of the sentence, whose speaker it continues; in a verb-first language also after a main verb
    # that is no cue when the object is qualified by a quotation ("شكك ترامب في ...، واصفا إياها بـ"..."": its subject
    # says it; "وصلت البعثة ...، مؤكدةً جاهزية اللاعبين" says nothing quoted, and no statement)
    noun = _noun_object(g, s, i) if found or not g.lex.subject_first else None
    if noun is not None and not found and not _quoted_after(s, noun[0]):
        noun = None
    # "واصفا الوضعية بـ"الخطيرة"": a quotation after the object qualifies it, the object is the claim
    if noun is not None and (opener is None or (s.quote_at(opener[0]) is not None and noun[0] < opener[0])):
        opener = noun
    if opener is None:
        return None
    op, first = opener
    if first >= len(s):
        return None
    speaker, attribution, gender = None, Attribution.PARTICIPLE, form.gender
    after = None
    if not found:
        first_language = g.lex.subject_first and (_own_subject(g, s, i) or _first_subject(g, s, i))
        main = first_language or _main_verb_subject(g, s, i)
        if main is None and g.lex.subject_first:
            after = _subject_after(g, s, i, first)
            main = after[:3] if after else None
        if main is None:
            return None
        speaker, attribution, gender = main[0], main[1], gender or main[2]
    claim_start, claim_end, direct = claim_after(g, s, op, first)
    if after is not None:
        claim_end = s.toks[after[3]].start  # the claim ends at the comma before the subject that says it
    kind = Kind.DIRECT if direct or s.raw(op) == ":" else Kind.INDIRECT
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=g.boundary(s, i - 1 if s.norm(i - 1) in g.lex.accompanying else i),
        cue=s.raw(i),
        speaker=speaker,
        claim_start=claim_start,
        claim_end=claim_end,
        kind=kind,
        attribution=attribution,
        gender=gender,
        confidence=0.7,
    )


def _joined_noun(g: Grammar, s: SentenceView, i: int) -> bool:
    """ "كما تم تجهيز المسجد ومتابعة أعمال ...": a participle spelt as a verbal noun with "and" written on it is the noun
    joined to the one before it (the follow-up), as a participle of saying follows a comma unjoined."""
    n = s.norm(i)
    return n[:1] == g.lex.and_conjunction and n[1:] in g.verbal_nouns


def _quoted_after(s: SentenceView, k: int) -> bool:
    """A quotation mark within a few tokens after token k ("إياها بـ"النمر الورقي"", whatever mark opens it, paired
    or not)."""
    return any(s.raw(m) in QUOTATION_MARKS for m in range(k, min(len(s), k + QUOTED_OBJECT_REACH)))


def _verb_of_saying_before(g: Grammar, s: SentenceView, i: int) -> CueForm | None:
    return next((g.lex.cue(s.norm(k)) for k in range(i - 1, -1, -1) if g.lex.saying_verb(s.norm(k))), None)


def _after_article(g: Grammar, s: SentenceView, i: int) -> bool:
    """An article or a determiner opening the noun phrase the word ends ("a red warning", "its ruling coalition"), no
    comma between; or the sentence's start, as a headline writes its noun phrase with none ("Rare red weather warning
    issued as ...").
    Not after a document's noun ("released a statement saying ..."): the participle tells what the document says."""
    if i > 0 and s.norm(i - 1) in g.lex.document_nouns:
        return False
    for k in range(i - 1, max(-1, i - 1 - NOUN_PHRASE_REACH), -1):
        if not s.toks[k].is_word:
            return False
        if s.norm(k) in g.lex.articles or s.norm(k) in g.lex.determiners or k == 0:
            return True
    return False


def _counted(g: Grammar, s: SentenceView, k: int) -> bool:
    """ "reporting 17 of the 35 deaths": a number with no verb after it in its clause is what was counted, no claim;
    "saying 17 of the deaths were in the west" says one."""
    if k >= len(s) or not s.norm(k)[:1].isdigit():
        return False
    return not any(g.finite_verb(s, v) for v in range(k + 1, clause_end(s, k)))


def _accompanying(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> CueForm | None:
    """ "...”، مع تأكيد أن ...": a cue's verbal noun after a preposition of accompaniment (with stressing that) is
    its participle, after a statement of the sentence whose speaker goes on."""
    form = g.lex.cue(s.norm(i))
    if not found or form is None or form.tense != "noun" or s.norm(i - 1) not in g.lex.accompanying:
        return None
    return replace(form, tense="participle")


def _main_verb_subject(g: Grammar, s: SentenceView, i: int) -> tuple[Span | None, Attribution, str] | None:
    """The subject of the sentence's cue verb before the participle ("وأكد الوزير ...، مشيرا إلى"), or of
    whatever verb opens the sentence ("عقلت الخارجية الروسية ... بالقول")."""
    speaker, gender = None, ""
    for k in range(i - 1, -1, -1):
        main = g.lex.cue(s.norm(k)) if not s.quoted[k] else None
        if main and g.lex.everyday(main, s.raw(k)):
            continue  # "قبل أن يخرج عبر منصة إكس، ليعلن ...، مؤكدا": the everyday word a strict cue also spells
        if main and not with_its_complement(s, k, main):
            continue  # "criticized the judiciary, calling ...": no cue without its "as", the verb of a clause
        if main and _after_preposition(g, s, k):
            continue  # "كشف ... عن أبرز ملامح ...، مؤكداً": spelt like a verb after a preposition, a noun ("most prominent")
        if main and main.tense in ("past", "present"):
            window_end = k + 1
            while window_end < i and s.norm(window_end) != g.lex.relay_preposition and not s.is_comma(window_end):
                window_end += 1
            speaker, _ = speaker_span(g, s, k + 1, window_end)
            if speaker is not None and _owned_occasion(g, s.norm(speaker.a)):
                speaker = None  # "واختتم حديثه قائلاً": his talk, the last speaker's, says nothing of its own
            if speaker is not None:  # "وأكد الحية استعداد الحركة ... متابعًا": the subject only
                speaker = subject_before_object(g, s, speaker)
            gender = main.gender
            if speaker is None:  # "وعلّق على القرار قائلا إن": no subject, the last speaker goes on
                return None, Attribution.CONTINUATION, gender
            break
    if speaker is not None:
        return speaker, Attribution.PARTICIPLE, gender
    if not g.lex.subject_first and not any(s.toks[k].is_word for k in range(i)):
        # ". مؤكدة أنها ...", a paragraph opening "مشيرةً إلى": the sentence before had the verb, its speaker goes on.
        # Where the subject comes first, a participle opening a sentence ("Speaking to reporters, ...") is the
        # subject's after it.
        return None, Attribution.CONTINUATION, gender
    return _opening_subject(g, s, i, gender)


def _owned_occasion(g: Grammar, n: str) -> bool:
    """An occasion's noun with its owner's pronoun on it ("حديثه", "كلمتها"): the talk of someone named before. The bare
    noun may be a document that speaks ("وأضاف البيان ... مشيرا")."""
    bare = g.lex.hooks.strip_article(n)
    return g.occasion_noun(n) and n not in g.lex.occasion_nouns and bare not in g.lex.occasion_nouns


def _after_preposition(g: Grammar, s: SentenceView, k: int) -> bool:
    """Whether token k follows a preposition, after which no verb of a clause stands."""
    before = s.norm(k - 1) if k else ""
    lex = g.lex
    return (before,) in lex.chunk_prepositions or before in lex.claim_prepositions or before == lex.relay_preposition


def _opening_subject(g: Grammar, s: SentenceView, i: int, gender: str) -> tuple[Span | None, Attribution, str] | None:
    """The subject of the verb that opens the sentence. Where the verb comes first: titles and a name ("وزار وزير
    الصحة فلان المستشفى"), or a phrase a source word heads; after a verb whose subject is only its pronoun ("وتوجّه
    بتحية إلى ..."), the last speaker goes on. Where the subject comes first, the phrase after the first word."""
    verb_first = not g.lex.subject_first
    if verb_first and (subject := opening_verb_subject(g, s, i)) is not None:
        return subject, Attribution.SUBJECT_FIRST, gender
    start = g.skip_leading(s, 0, i)
    if start + 1 >= i:
        return None
    speaker, _ = speaker_span(g, s, start + 1, i)
    if speaker is None:
        return None
    if (
        not verb_first
        or g.source_word(s.norm(speaker.a))
        or g.source_word(g.lex.hooks.strip_article(s.norm(speaker.a)))
    ):
        return subject_before_object(g, s, speaker), Attribution.SUBJECT_FIRST, gender
    return None, Attribution.CONTINUATION, gender


def _own_subject(g: Grammar, s: SentenceView, i: int) -> tuple[Span, Attribution, str] | None:
    """ "..., with local TD Ann Lee saying that ...", "with the president, Abdulla Yameen, denying that ...": the words
    between an absolute opener and the participle, with no verb among them (a name in apposition may stand between
    commas), are the participle's own subject."""
    for k in range(i - 1, max(-1, i - 1 - MAX_SPEAKER_TOKENS), -1):
        if s.quoted[k] or g.finite_verb(s, k):
            return None
        if s.norm(k) in g.lex.absolute_openers:
            commas = sum(s.is_comma(m) for m in range(k + 1, i))
            # a comma right before the participle closes an apposition, or "rose with demand, adding ...": no subject
            closed = not s.is_comma(i - 1) or commas >= 2
            return (Span(k + 1, i), Attribution.SUBJECT_FIRST, "") if k + 1 < i and closed else None
    return None


def _first_subject(g: Grammar, s: SentenceView, i: int) -> tuple[Span | None, Attribution, str] | None:
    """ "The adviser urged ..., saying ...", "He declined to comment, saying ...": in a subject-first language the
    subject of the clause's first verb, or the last speaker for a pronoun (with its gender)."""
    subject = clause_subject(g, s, i)
    if subject is None:
        # "It listed five medicines saying ...": "it" opening the clause before its verb speaks for the body that
        # spoke last, as "It added that ..." does
        start = g.skip_leading(s, 0, i)
        if start + 1 < i and s.norm(start) in g.lex.body_pronouns and g.finite_verb(s, start + 1):
            return Span(start, start + 1), Attribution.SUBJECT_FIRST, ""
        return None
    pronoun = g.pronoun_subject(s, subject.span)
    if pronoun is not None:
        return None, Attribution.CONTINUATION, pronoun
    return subject.span, Attribution.SUBJECT_FIRST, ""


def _subject_after(g: Grammar, s: SentenceView, i: int, first: int) -> tuple[Span | None, Attribution, str, int] | None:
    """ "While stressing that X, Kirby said Y", "Noting that X, he said": a participle that opens its sentence (after
    a subordinating word at most) speaks for the subject of the cue verb after the comma that ends its claim; that
    comma's token comes last."""
    start = 0
    while start < i and s.norm(start) in g.lex.subordinators:
        start += 1
    if start != i:
        return None
    for k in range(first, len(s) - 1):
        if not s.is_comma(k) or s.quoted[k]:
            continue
        verb = next((v for v in range(k + 1, min(len(s), k + 1 + MAX_SPEAKER_TOKENS)) if _says(g, s, v)), None)
        subject = subject_of(g, s, verb) if verb is not None else None
        if subject is not None and subject.span.a == k + 1:
            pronoun = g.pronoun_subject(s, subject.span)
            if pronoun is not None:
                return None, Attribution.CONTINUATION, pronoun, k
            return subject.span, Attribution.SUBJECT_FIRST, "", k
    return None


def _says(g: Grammar, s: SentenceView, k: int) -> bool:
    return not s.quoted[k] and g.lex.saying_verb(s.norm(k))


def _noun_object(g: Grammar, s: SentenceView, i: int) -> tuple[int, int] | None:
    """ "...، مؤكدةً الحاجة إلى ..."، "...، نافيًا بشكل قاطع مزاعم ...": after the comma that ends the claim
    before it, a participle's first word past a manner phrase is its object, and the claim starts there.
    In a subject-first language only after an earlier statement of the sentence, whose speaker it continues."""
    if not s.is_comma(i - 1):
        return None
    k = past_manner(g, s, i + 1)
    if k >= len(s) or not s.toks[k].is_word or s.quoted[k]:
        return None
    obj = object_at(g, s, k, frozenset())
    if obj is not None:
        return obj
    n = s.norm(k)
    if n in g.lex.function_words or g.lex.cue(n) is not None or g.is_adverbial(s, k):
        return None
    return k, k
