"""Where a claim opens after its cue and where one before an attribution starts.

Reads a sentence view and a cue form; writes token positions. ``OPENER_CHECKS`` is the order in which the
openers are tried at each token after a cue.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lang.text import PUNCTUATION
from ..lexicon import CueForm, Lexicon
from .doc import COMMAS, MIN_POST_CLAIM_WORDS, Span, SentenceView
from .candidate import Candidate, Kind
from .grammar import Grammar
from ..sentences import OPENERS, SYMMETRIC
from .speaker_phrase import name_goes_on, names_relay, sets_off


@dataclass(frozen=True)
class Opener:
    """Where a claim opens after a cue: the opening token (إنّ, a colon, a quotation mark) and the claim's first."""

    op: int
    first: int


@dataclass(frozen=True)
class Skip:
    """Scan on from token ``to``: what stood here (a quotation's words, a relative clause) opens nothing."""

    to: int


STOP = Skip(-1)  # nothing opens a claim for this cue: another cue or a clause end came first


@dataclass(frozen=True)
class Scan:
    """What the opener checks read: the tokens after a cue at ``start``, and the cue's form (None: a participle)."""

    g: Grammar
    s: SentenceView
    start: int
    form: CueForm | None


def find_opener(g: Grammar, s: SentenceView, start: int, form: CueForm | None, limit: int) -> tuple[int, int] | None:
    """(opener token, claim's first token) after a cue, or None when no claim opens within ``limit``.

    At each token the ``OPENER_CHECKS`` are asked in order; the first with an answer decides."""
    scan = Scan(g, s, start, form)
    end = min(len(s), start + limit)
    i = start
    while i < end:
        step = next((r for check in OPENER_CHECKS if (r := check(scan, i, end)) is not None), None)
        if step is STOP:
            return None
        if isinstance(step, Opener):
            return step.op, step.first
        i = step.to if isinstance(step, Skip) else i + 1
    return None


def _inside_quotation(sc: Scan, i: int, end: int) -> Skip | None:
    return Skip(i + 1) if sc.s.quoted[i] and sc.s.quote_at(i) is None else None


MAX_INITIAL = 3  # letters of one part of an initialism written with points ("سي.إن.إن", "U.S.")


def _initialism(sc: Scan, i: int, end: int) -> Skip | None:
    """ "(سي.إن.إن)": short words joined by points with no space are one name, whose parts ("إن") open nothing."""
    s, j = sc.s, i
    while j + 2 < len(s) and s.raw(j + 1) == "." and s.toks[j + 2].is_word and _touching(s, j, j + 2):
        j += 2
    if j == i or any(len(s.raw(k)) > MAX_INITIAL for k in range(i, j + 1, 2)):
        return None
    return Skip(j + 1)


def _touching(s: SentenceView, a: int, b: int) -> bool:
    """Whether tokens a..b are written with no space between any two."""
    return all(s.toks[k + 1].start == s.toks[k].end for k in range(a, b))


def _clause_end(sc: Scan, i: int, end: int) -> Skip | None:
    return STOP if sc.s.raw(i) in PUNCTUATION["clause_enders"] else None


def _prayer(sc: Scan, i: int, end: int) -> Skip | None:
    """ "داعية الله عز وجل أن يلهم ذويهم الصبر": a cue whose object is God asks, it claims nothing."""
    return STOP if i == sc.start and sc.s.norm(i) in sc.g.lex.prayer_addressees else None


def _relative_clause(sc: Scan, i: int, end: int) -> Skip | None:
    """ "، الذي كان يتحدث في البيت الأبيض،": a relative clause, whatever verbs it holds."""
    s, lex = sc.s, sc.g.lex
    if not (s.is_comma(i - 1) and s.phrase_at(i, lex.adverbial_openers) and s.norm(i) in lex.relatives):
        return None
    while i < end and not s.is_comma(i) and s.raw(i) != ":":
        i += 1
    return Skip(i)


def _attribution_aside(sc: Scan, i: int, end: int) -> Skip | None:
    """ "وأفادت الإدارة، حسب ما نقلت الوكالة، بأن ..."، "وقالت الوزارة - حسبما ذكرت قناة ... - إنه": a preposition of
    attribution or a post-verb opener set off by commas or dashes between the speaker and the claim is an aside,
    whatever verb of saying it holds; a post-verb opener with its verb needs no mark before it ("وقال هلاينغ على ما
    نقلت عنه صحيفة ...، "..."")."""
    s = sc.s
    if i == sc.start or not names_relay(sc.g, s, i):
        return None
    if not sets_off(s, i - 1) and not s.phrase_at(i, sc.g.lex.post_verb_openers):
        return None
    k = i + 1
    while k < end and not sets_off(s, k) and s.raw(k) not in PUNCTUATION["clause_enders"]:
        k += 1
    return Skip(k + 1) if k < end and sets_off(s, k) else None


def _another_cue(sc: Scan, i: int, end: int) -> Skip | None:
    """A second speech verb before any opener: this cue has no claim of its own."""
    if i == sc.start or sc.s.quoted[i]:
        return None
    if sc.s.norm(i - 1) in sc.g.lex.claim_nouns:
        return None  # "فضل عدم ذكر اسمه": after عدم a cue's form is its verbal noun, not a verb
    if sc.s.is_comma(i - 1) and sc.s.norm(i + 1) in sc.g.lex.claim_nouns:
        return None  # "وقال مصدر، طالبا عدم نشر اسمه، إن": an aside asking for what is not done, not a second saying
    cue = sc.g.lex.cue(sc.s.norm(i))
    if cue is not None and cue.strict and sc.s.norm(i + 1) not in sc.g.lex.complementizers:
        return None  # "أحد المزارعين، ويدعى محمود، إن": a strict form not opening its claim is no cue
    return STOP if cue is not None and cue.tense != "noun" and not cue.weak else None


def _direct_opener(sc: Scan, i: int, end: int) -> Opener | None:
    return Opener(i, i) if i > sc.start and sc.s.norm(i) in sc.g.lex.direct_openers else None


def _verbal_noun(sc: Scan, i: int, end: int) -> Opener | None:
    """ "أكد الوزير، عدم ...", "شدد على ضرورة ...": the verbal noun is the claim's first word."""
    s, lex, n = sc.s, sc.g.lex, sc.s.norm(i)
    if sc.form is None or i == sc.start:
        return None
    if n in lex.claim_nouns and s.is_comma(i - 1):
        return Opener(i, i)
    if n in sc.form.frame and s.norm(i + 1) in lex.claim_nouns:
        return Opener(i, i + 1)
    return None


def _subjunctive(sc: Scan, i: int, end: int) -> Skip | None:
    """ "يمكن أن", "يريد أن": the subjunctive particle, not a claim opener."""
    prev = sc.s.norm(i - 1)
    subjunctive = sc.g.lex.subjunctive_verbs
    if i > sc.start and sc.s.norm(i) in sc.g.lex.subjunctive_particles:
        if prev in subjunctive or prev[1:] in subjunctive:
            return Skip(i + 1)
    return None


def _linked_clause(sc: Scan, i: int, end: int) -> Skip | None:
    """ "أكد الوزير حرصه على الحوار، إلا أن المعارضة ...": a complementizer that closes a link between clauses
    (``claim_links``: but, also that) before the cue's claim opened is the writer's next clause, not the claim."""
    s, lex = sc.s, sc.g.lex
    if i == sc.start or s.norm(i) not in lex.complementizers:
        return None
    # the link's complementizer may carry its pronoun ("إلا أنهما")
    linked = any(
        len(link) > 1
        and link[-1] in lex.complementizers
        and s.phrase_at(i - len(link) + 1, [link[:-1]]) == len(link) - 1
        for link in lex.claim_links
    )
    return STOP if linked else None


def _time_clause(sc: Scan, i: int, end: int) -> Skip | None:
    """ "بعد أن تصاعد التوتر": a complementizer after a word of time, a verb after it, says when; the claim opens
    further on if at all. Before a noun with the article it is the cue's own ("قالت فيما بعد إن الحريق ...": later)."""
    s, lex = sc.s, sc.g.lex
    n = s.phrase_at(i, lex.time_clauses)
    if i > sc.start and s.phrase_at(i - 1, lex.adverbial_openers) > 1:
        return None  # "قالت فيما بعد إن جهود الإنقاذ ...": the word of time ends an adverb (later), the cue's own
    return Skip(i + n) if n and not s.norm(i + n).startswith(lex.definite_prefixes) else None


def _complementizer(sc: Scan, i: int, end: int) -> Opener | None:
    """ "إن ...", "أن: ...", ": ...", ": إن ...": the claim starts after the particle and the colon."""
    s, comps = sc.s, sc.g.lex.complementizers
    if s.norm(i) in comps:
        return Opener(i, i + 2 if s.raw(i + 1) == ":" else i + 1)
    if s.raw(i) == ":":
        return Opener(i, i + 2 if s.norm(i + 1) in comps else i + 1)
    return None


def _quotation(sc: Scan, i: int, end: int) -> Opener | Skip | None:
    """A quotation opens the claim, unless it is a quoted title followed by the real opener ("برنامج "في المساء"
    ...، أن")."""
    s, lex = sc.s, sc.g.lex
    quote = s.quote_at(i)
    if quote is None:
        return None
    inner = Span(i + 1, s.index_at(quote[1]))
    after = s.index_at(quote[1]) + 1
    later = False
    for k in range(after, min(len(s), after + 8)):
        if lex.cue(s.norm(k)):  # the next statement's opener is not this one's
            break
        if s.norm(k) in lex.complementizers or s.raw(k) == ":":
            later = True
            break
    ends = not any(t.is_word for t in s.toks[after:])
    if i == sc.start and not later and not ends and (_quoted_name(sc, inner, after) or quoted_source(sc.g, s, i)):
        return Skip(after)
    if (s.words(inner) >= 4 or i == sc.start or ends) and not later:
        return Opener(i, i + 1)
    return Skip(after)


def _left_open(sc: Scan, i: int, end: int) -> Opener | None:
    """'قائلا "لم نقرر بعد التشكيلة.': a quotation mark the page never closes in the sentence, the last mark in
    it, opens the claim at the word after it."""
    s = sc.s
    if s.quote_at(i) is not None or s.quoted[i] or not (s.raw(i) in OPENERS or s.raw(i) in SYMMETRIC):
        return None
    if not s.toks[i + 1 : i + 2] or not s.toks[i + 1].is_word:
        return None
    if s.toks[i + 1].start != s.toks[i].end and s.raw(i) not in OPENERS:
        return None  # a mark that opens and closes alike opens only when glued to its word; « and “ open spaced too
    if any(t.raw in OPENERS or t.raw in SYMMETRIC or t.raw in _CLOSING for t in s.toks[i + 1 :]):
        return None
    lex = sc.g.lex
    then = next((k for k in range(i + 1, len(s)) if s.norm(k) in lex.complementizers or s.raw(k) == ":"), None)
    if then is not None and s.words(Span(i + 1, then)) <= _NAME_WORDS:
        return None  # 'أفاد رئيس الحكومة "عبد الحميد الدبيبة، أن ...': a name the page left open
    return Opener(i, i + 1)


_CLOSING = frozenset(OPENERS.values())


# Words a quoted name may have ("قال "حسين القحطاني" الناطق ..."): a longer quotation is what was said.
_NAME_WORDS = 3
_SOURCE_NAME_WORDS = 6  # words a quoted body's name may have before its cue's object


def quoted_source(g: Grammar, s: SentenceView, i: int) -> int | None:
    """Where a quoted body's name ends, when the quotation at token i names one and the cue's object follows it: a
    source word opens it, it has a name's length, then a preposition and a verbal noun ('أعلنت "اللجنة الوطنية
    لإدارة الحالات الطارئة" عن تخفيض ...'); a bare name ('أعلنت “سوناطراك” عن ارتفاع ...') needs no source word.
    None otherwise."""
    quote = s.quote_at(i)
    if quote is None:
        return None
    inner, after = Span(i + 1, s.index_at(quote[1])), s.index_at(quote[1]) + 1
    if not inner or s.words(inner) > _SOURCE_NAME_WORDS:
        return None
    if not g.source_word(s.norm(inner.a)) and s.words(inner) > _NAME_WORDS:
        return None
    nouns, follows = g.verbal_nouns, s.norm(after + 1)
    if s.norm(after) in g.lex.object_prepositions and (follows in nouns or nouns.definite(follows)):
        return after
    return None


def _quoted_name(sc: Scan, inner: Span, after: int) -> bool:
    """A short quotation right after the cue, with the claim's own opener further on in the clause (a "that", a
    colon, or the quotation that is the claim), is the speaker's name in quotation marks: 'وأضاف "القحطاني" خلال
    مداخلته ... إنّ ...'، 'وأضاف "علييف" في مقابلة تلفزيونية "ما حصل هو ..."'."""
    s, lex = sc.s, sc.g.lex
    if s.words(inner) > _NAME_WORDS:
        return False
    for k in range(after, len(s)):
        if s.raw(k) in PUNCTUATION["clause_enders"] or (_saying(lex, s, k) and not s.quoted[k]):
            return False
        if not s.quoted[k] and (s.norm(k) in lex.complementizers or s.raw(k) == ":"):
            return True
        if k > after and s.quote_at(k) is not None and s.words(Span(after, k)) > 0:
            return True
    return False


def _saying(lex: Lexicon, s: SentenceView, k: int) -> bool:
    """Whether token k is a cue as written: a strict cue without its mark is the everyday word ("عبر حسابه": via)."""
    form = lex.cue(s.norm(k))
    return form is not None and not lex.everyday(form, s.raw(k))


def _cue_object(sc: Scan, i: int, end: int) -> Opener | None:
    """ "كشف ... عن ...", "طالب ... بتعزيز ...": the cue's own preposition frames the claim."""
    s, form, n = sc.s, sc.form, sc.s.norm(i)
    if form is None or not form.object:
        return None  # the object right after the verb ("وكشف عن خطة") leaves the subject out: the last speaker's
    if any(s.norm(k) in sc.g.lex.speech_fillers for k in range(i + 1, end)):
        return None  # "علق على القرار قائلا إن ...": what is said follows قائلا, the object is the topic
    obj = form.object
    if s.norm(i - 1) in sc.g.lex.issuing_words:
        return None  # "كشف تقرير صادر عن المنظمة أن ...": who issued the report, not what it revealed
    if any(_object_noun(sc, k) and not name_goes_on(sc.g, s, k, (obj,)) for k in range(sc.start + 1, i)):
        return None  # "أعلنت اللجنة ارتفاع الوفيات الناجمة عن ...": a verbal noun came first and is the object
    if s.norm(i + 1) not in sc.g.lex.complementizers:
        if n == obj or (len(obj) == 1 and n.startswith(obj) and n != obj and sc.g.glued_object(n, obj)):
            return Opener(i, i + 1 if n == obj or n in sc.g.lex.detached_particles else i)
    return None


def _where_after_object(sc: Scan, i: int, end: int) -> Opener | None:
    """ "وأشار الوزير إلى إنجازات في التصنيفين الدوليين حيث أدرجت 26 جامعة ...": after the cue's own preposition and
    a noun that is no claim of its own, a link that opens a clause before its verb (``verb_links``) opens the claim;
    not before a noun with the article or a demonstrative ("حيث المنطقة": where)."""
    s, lex = sc.s, sc.g.lex
    if sc.form is None or not sc.form.frame or not s.phrase_at(i, lex.verb_links) or i + 1 >= len(s):
        return None
    frame = next((k for k in range(sc.start, i) if s.norm(k) in sc.form.frame), None)
    if frame is None:
        return None
    nouns, obj = sc.g.verbal_nouns, s.norm(frame + 1)
    if obj in nouns or nouns.definite(obj) or nouns.owned(obj):
        return None  # "ولفت إلى تحسن الأوضاع، حيث ...": a verbal noun after the preposition is the claim
    after = s.norm(i + 1)
    if after.startswith(lex.definite_prefixes) or after in lex.demonstratives or lex.saying_verb(after):
        return None  # "حيث أكد الرئيس أن ...": a statement of its own, under its own cue
    return Opener(i, i + 1)


def _object_noun(sc: Scan, k: int) -> bool:
    """A verbal noun, bare or with its owner's pronoun ("أعلن الوزير فوزه في الانتخابات بفارق كبير عن منافسيه"), that
    is no office's name."""
    n, nouns = sc.s.norm(k), sc.g.verbal_nouns
    return (n in nouns or nouns.pronoun_owned(n)) and not _titled(sc, k)


def _titled(sc: Scan, k: int) -> bool:
    """A verbal noun right after a person's title names the office ("مدير مكافحة الغش"), no object of the cue."""
    return sc.g.lex.hooks.strip_article(sc.s.norm(k - 1)) in sc.g.lex.person_titles


OPENER_CHECKS = [
    _inside_quotation,
    _initialism,
    _clause_end,
    _prayer,
    _relative_clause,
    _attribution_aside,
    _another_cue,
    _direct_opener,
    _verbal_noun,
    _subjunctive,
    _linked_clause,
    _time_clause,
    _complementizer,
    _quotation,
    _left_open,
    _cue_object,
    _where_after_object,
]


def claim_after(g: Grammar, s: SentenceView, op: int, first: int) -> tuple[int, int | None, bool]:
    """Where a claim that opens at token ``first`` starts and, when it is one quotation, where it ends."""
    quote = s.quote_at(first) or (
        s.quote_at(op) if s.raw(op) not in (":",) and s.norm(op) not in g.lex.complementizers else None
    )
    if quote is not None:
        qa, qb = quote
        after = s.index_at(qb + 1)
        # The quotation is the whole claim when nothing but punctuation, a comma-led tail or an occasion ("في ختام
        # الجلسة") follows it; not an attribution ('added "...", according to the AP': the AP relays it).
        # '... أن "..."، وأن ...': a second complementizer after the comma opens a second claim (split_claims)
        coordinated = s.raw(after) in COMMAS and s.phrase_at(after + 1, g.lex.coordinated_openers, allow_conj=False)
        if not coordinated and (
            after >= len(s)
            or not any(t.is_word for t in s.toks[after:])
            or s.raw(after) in COMMAS
            or (g.opens_occasion(s, Span(after, len(s))) and not s.phrase_at(after, g.lex.prepositions))
        ):
            return qa + 1, qb, True
    start = s.toks[first].start if first < len(s) else s.sentence.end
    return start, None, mostly_quoted(g, s, start)


def own_preposition(g: Grammar, s: SentenceView, k: int, frame: frozenset[str]) -> bool:
    """Whether token k is a cue's own preposition (``frame``); not the one after who issued a document ("كشف تقرير
    صادر عن المنظمة أن"), nor one that opens an occasion ("أكد ... على هامش المسيرة"), nor a name written like it
    ("أكد عضو اللجنة، علي البنداوي")."""
    if s.norm(k) not in frame or s.norm(k - 1) in g.lex.issuing_words:
        return False
    return not (g.occasion_noun(s.norm(k + 1)) or g.name_not_preposition(s, k))


def mostly_quoted(g: Grammar, s: SentenceView, start: int) -> bool:
    end = s.sentence.end
    quoted = sum(min(b, end) - max(a + 1, start) for a, b in s.quotes if b > start)
    return end > start and quoted / (end - start) >= 0.6


# Tokens from a cue to the quotation it introduces (its subject between): a cue further back ("The building that ...
# claimed the lives of 74 people ... before it was "hijacked", X said") is a clause's verb, not the quotation's.
MAX_INTRODUCED_AT = 12


def claim_before(g: Grammar, s: SentenceView, a: int, b: int) -> tuple[int, int, str] | None:
    """The claim that precedes an attribution ending at token b: the quotation just before it, or the clause."""
    j = b - 1
    while j >= a and (s.is_comma(j) or s.norm(j) == g.lex.and_conjunction):
        j -= 1
    if j < a:
        return None
    start = g.skip_leading(s, a, j + 1)
    for qa, qb in s.quotes:
        # the quotation is the claim when it is the clause or a cue introduced it ('أجاب المسؤول "نعم"'), not
        # when it is a quoted name inside the clause ('في قضية "التخابر مع قطر"')
        if s.toks[j].start == qb and qa >= s.toks[a].start:
            opening = s.index_at(qa)
            near = max(start, opening - MAX_INTRODUCED_AT)
            if opening <= start or any(_introduces(g, s, k) for k in range(near, opening)):
                return qa + 1, qb, Kind.DIRECT
    if s.words(Span(start, j + 1)) < MIN_POST_CLAIM_WORDS:
        return None
    return s.toks[start].start, s.toks[j].end, Kind.INDIRECT


def _introduces(g: Grammar, s: SentenceView, k: int) -> bool:
    """Whether token k is a cue that may introduce a quotation: one that says only with a document for its subject
    has it right before ("the statement read", not "reserves show that ...")."""
    form = g.lex.cue(s.norm(k))
    return form is not None and (not form.document_subject or (k > 0 and s.norm(k - 1) in g.lex.documents))


def open_claim(s: SentenceView, i: int, found: list[Candidate]) -> bool:
    """Whether an earlier statement's claim in this sentence runs on to token i."""
    return bool(found) and found[-1].claim_end is None and found[-1].claim_start < s.toks[i].start


def leading_quote(g: Grammar, s: SentenceView, i: int) -> tuple[int, int] | None:
    """A quotation that opens the sentence and closes just before the cue at token i (only a comma between)."""
    j = i - 1
    while j >= 0 and s.is_comma(j):
        j -= 1
    if j < 0:
        return None
    for qa, qb in s.quotes:
        if qb == s.toks[j].start and qa == s.toks[0].start:
            return qa, qb
    return None
