"""Which tokens are the speaker: the phrase after a cue (without time, place and occasion), the subject
before a verb, the noun a relative clause is about.
"""

from __future__ import annotations

from ..lang.text import PUNCTUATION, fold
from .doc import MAX_SPEAKER_TOKENS, Span, SentenceView
from .grammar import Grammar, accusative, and_joined, contrast_before, known_name_end, particles_start
from .nouns import nationality_word

QUOTED_NAME_WORDS = 4  # words of a body's name in quotation marks ("رويترز", "الخطوط الجوية الليبية")

# What a speaker phrase never ends on: an opening bracket, a colon, a sentence's end.
_SPEAKER_END_MARKS = "(:" + PUNCTUATION["claim_enders"]
MAX_BARE_NAME = 4  # words of a name with no title after an opening verb ("عبد الفتاح محمد حسن")
ASIDE_MARKS = frozenset(PUNCTUATION["aside_marks"])


def speaker_span(g: Grammar, s: SentenceView, a: int, b: int, glued: bool = False) -> tuple[Span | None, list[Span]]:
    """The speaker phrase in tokens [a, b), and the sources relaying it ("نقلا عن", "عن"), outermost first.

    Comma-separated chunks that are time, place or occasion are dropped; appositions after the name
    ("جون كيربي، المتحدث باسم ...") stay with it. ``glued``: the particle on the first word is the one a
    preposition before it ends with ("وفقا لوكالة ..."), so that word is no one spoken to.
    """
    # "وفق ما أفاد به المدير": the preposition carrying the pronoun of what was said is not the speaker; "وأكد مجددا
    # أن": how it was said, before any speaker
    chunks = _chunks(s, past_manner(g, s, a + 1 if a < b and resumptive(g, s.norm(a)) else a), b)
    kept: list[Span] = []
    via: list[Span] = []
    closed = False  # an adverbial after the speaker closes it; only a relay ("نقلا عن") may follow
    skipped = False  # an occasion came before any speaker: what follows must look like one
    for chunk in chunks:
        chunk = trim_parens(g, s, chunk)
        if not chunk:
            continue
        relay = s.phrase_at(chunk.a, g.lex.relay_openers)
        if closed and not relay:
            continue
        if relay:
            if kept:
                via.append(Span(kept[0].a, kept[-1].b))
            kept = []
            chunk = Span(chunk.a + relay, chunk.b)
            if not chunk:
                continue
        if kept and _closes_phrase(g, s, chunk.a):
            closed = True
            continue
        occasion = g.opens_occasion(s, chunk) or _from_where(g, s, chunk)
        if (occasion and not (glued and chunk.a == a)) or names_relay(g, s, chunk.a):
            # an occasion, or "وأضافت – بحسب البيان – أن", "وأفادت الإدارة، حسب ما نقلت الوكالة، بأن": an aside naming
            # the source's document or relay, not a speaker
            closed = bool(kept)
            skipped = True
            continue
        if skipped and not kept and not g.plausible_head(s, chunk.a):
            # "خلال مداخلة لبرنامج "90 دقيقة"، المذاع على قناة "المحور"،": still the occasion.
            continue
        cut = _phrase_end(g, s, chunk)
        kept.append(Span(chunk.a, cut))
        if cut < chunk.b:
            relay = s.phrase_at(cut, g.lex.relay_openers)
            if relay:
                via.append(Span(kept[0].a, kept[-1].b))
                after = Span(cut + relay, chunk.b)
                kept = [Span(after.a, _phrase_end(g, s, after))] if after else []
                continue
            closed = True
    kept = [k for k in kept if k]
    if not kept:
        return None, via
    span = Span(kept[0].a, kept[-1].b)
    if via:
        span = _second_hand(g, s, span, via)
    span = _trimmed(s, span)
    return (span or None), via


def past_manner(g: Grammar, s: SentenceView, k: int) -> int:
    """The first token at or after k past the manner phrases there ("بشكل قاطع"، "مجددا"): how it was said."""
    while k < len(s):
        if s.norm(k) in g.lex.manner_heads:
            k += 2
        elif n := s.phrase_at(k, g.lex.manner_phrases):
            k += n
        else:
            break
    return k


def names_relay(g: Grammar, s: SentenceView, k: int) -> bool:
    """A chunk opened by a preposition of attribution ("بحسب البيان") or by a post-verb opener and a verb of saying
    ("حسبما ذكرت القناة"; not "كما يسميه الشارع", a name's aside)."""
    n = s.phrase_at(k, g.lex.post_verb_openers)
    return bool(s.phrase_at(k, g.lex.prepositions)) or (bool(n) and g.lex.saying_verb(s.norm(k + n)))


def _closes_phrase(g: Grammar, s: SentenceView, k: int) -> bool:
    """After a comma, what closes a speaker phrase: an aside about the speaker ("الوزير، وهو أعلى مسؤول في القطاع،"),
    or the next clause, no apposition: a link or a conjunction opening it ("...، بحسب الدفاع المدني، فيما أصيب 20
    آخرون"), or a past verb of saying with "and" written on it ("...، قالت الشرطة، وأكد المحافظ أن")."""
    word = s.norm(k)
    if word in g.lex.circumstantial or s.phrase_at(k, g.lex.inclusions):
        return True
    if s.phrase_at(k, g.lex.claim_links) or word in g.lex.clause_conjunctions:
        return True
    form = g.lex.cue(word) if and_joined(g, word) is not None else None
    return form is not None and form.tense == "past"  # not "، ويدعى سليم،": a name given in an aside


def _trimmed(s: SentenceView, span: Span) -> Span:
    """A speaker phrase without the commas and marks that end it, nor the quotation marks around a whole name."""
    while span and (s.is_comma(span.b - 1) or s.raw(span.b - 1) in _SPEAKER_END_MARKS):
        span = Span(span.a, span.b - 1)
    if span and (quote := s.quote_at(span.a)) is not None and s.index_at(quote[1]) == span.b - 1:
        span = Span(span.a + 1, span.b - 1)
    return span


def sets_off(s: SentenceView, k: int) -> bool:
    """Whether token k sets off an aside: a comma or a dash."""
    return s.is_comma(k) or s.raw(k) in ASIDE_MARKS


def _age_group(g: Grammar, s: SentenceView, i: int) -> bool:
    """ "المنتخب المغربي لأقل من 20 سنة", "تحت 23 عاما": a number after a word of counting (and its unit after it)
    names an age group, not a date."""
    counting = g.lex.counting_prepositions
    if s.norm(i).isdigit():
        return s.norm(i - 1) in counting
    return i >= 2 and s.norm(i - 1).isdigit() and s.norm(i - 2) in counting


def resumptive(g: Grammar, n: str) -> bool:
    """A glued preposition with a pronoun pointing back at the claim ("به", "بها")."""
    return any(points_back(g, n, p) for p in g.lex.glued_prepositions)


def points_back(g: Grammar, word: str, preposition: str) -> bool:
    """A preposition written with a pronoun pointing back ("عنه": about it, from him; "به")."""
    return bool(preposition) and word.startswith(preposition) and word[len(preposition) :] in g.lex.claim_pronouns


def _chunks(s: SentenceView, a: int, b: int) -> list[Span]:
    """Tokens [a, b) cut at commas and dashes outside parentheses."""
    chunks: list[Span] = []
    start = a
    depth = 0
    for i in range(a, b):
        r = s.raw(i)
        if r == "(":
            depth += 1
        elif r == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and sets_off(s, i):
            chunks.append(Span(start, i))
            start = i + 1
    chunks.append(Span(start, b))
    return chunks


def _from_where(g: Grammar, s: SentenceView, chunk: Span) -> bool:
    """ "وأكدت من برلين أن"، "وأضافت من مبنى البرلمان:": a preposition a claim may open with, opening the words
    between the verb and the claim, says where from or about what, never who."""
    return s.norm(chunk.a) in g.lex.claim_prepositions and not g.name_not_preposition(s, chunk.a)


def _phrase_end(g: Grammar, s: SentenceView, chunk: Span) -> int:
    """Where a speaker phrase inside one chunk ends: before an adverbial, a relay or a circumstantial word."""
    wrapper = s.phrase_at(chunk.a, g.lex.speaker_wrappers)
    depth = 0
    # a name's words, whatever they hold, end no phrase: in brackets ("(روسيا اليوم)"), quoted after a source's noun,
    # or a known name's ("صحيفة المصري اليوم": no "today" there)
    named = quoted_names(g, s, chunk.a, chunk.b)
    named.update(n for k in range(chunk.a, chunk.b) for n in range(k + 1, known_name_end(g, s, k)))
    for i in range(chunk.a + wrapper + 1, chunk.b):
        depth += {"(": 1, ")": -1}.get(s.raw(i), 0)
        if depth > 0 or i in named:
            continue
        if _name_word(g, s, i, chunk.b) or s.norm(i - 1) in g.lex.issuing_words or _age_group(g, s, i):
            continue  # "تقرير صادر عن المنظمة": who issued it is part of the phrase, no relay
        if g.is_adverbial(s, i) or s.phrase_at(i, g.lex.relay_openers) or s.norm(i) in g.lex.circumstantial:
            # "الهيئة في نشرتها اليومية": the preposition before the occasion goes with it
            return i - 1 if i - 1 > chunk.a and s.phrase_at(i - 1, g.lex.chunk_prepositions) == 1 else i
        if names_relay(g, s, i) or s.norm(i) in g.lex.what_relatives:
            return i  # "القائد على ما نقلت عنه صحيفة ...": the relay's aside; "بما سماه": what he called it
        if accusative(g.lex, s, i):
            return i  # "الرئيس السابق متحدياً": how he spoke, marked as the accusative no name is written in
        if (form := g.lex.cue(s.norm(i))) is not None and form.tense == "noun" and form.gender:
            return i  # "نقلا عن مدير الجامعة قوله": the saying of his that a relay quotes follows its speaker
        if _describing_clause(g, s, chunk.a + wrapper, i):
            return i
    return chunk.b


def quoted_names(g: Grammar, s: SentenceView, a: int, b: int) -> set[int]:
    """The tokens in [a, b) of a body's name quoted right after its noun ('أفادت وكالة "رويترز" بارتفاع ...', "موقع
    «روسيا اليوم»"): part of the speaker, whatever words it holds, not a quotation that ends the search for the cue's
    object."""
    names: set[int] = set()
    for k in range(max(a, 1), b):
        quote = s.quote_at(k)
        if quote is None or not _named_noun_before(g, s, a, k) or s.norm(k + 1) in g.verbal_nouns:
            continue  # 'أعلن الرئيس "إنهاء التعاون"': a verbal noun opens what was said, not a name
        close = s.index_at(quote[1])
        if s.words(Span(k + 1, close)) <= QUOTED_NAME_WORDS:
            names.update(range(k, close + 1))
    return names


# Words of a body's name between its noun and its name in quotation marks ('شركة الكهرباء الحكومية "إي إس بي"').
_NAMED_NOUN_REACH = 3


def _named_noun_before(g: Grammar, s: SentenceView, a: int, k: int) -> bool:
    """Whether a source's noun stands right before token k, or a few words before it with only words of its name
    between (no function word, no preposition written on a word: "للصحفيين" is whom it was said to)."""
    for j in range(k - 1, max(a - 1, k - 2 - _NAMED_NOUN_REACH), -1):
        n = s.norm(j)
        if g.source_word(n):
            return True
        if not s.toks[j].is_word or n in g.lex.function_words or n[:1] in g.lex.glued_prepositions:
            return False
    return False


def described_source_end(g: Grammar, s: SentenceView, a: int, b: int) -> int:
    """Where a source phrase in tokens [a, b) ends before a clause describing it (``_describing_clause``), its
    negation with it ("مصادر لم تكشف هويتها": sources that did not reveal their names), else b."""
    end = next((i for i in range(a + 1, b) if _describing_clause(g, s, a, i)), b)
    while a + 1 < end < b and s.norm(end - 1) in g.lex.negations:
        end -= 1
    return end


def _describing_clause(g: Grammar, s: SentenceView, head: int, i: int) -> bool:
    """A verb of saying after an unnamed source ("مصدر قضائي صرّح لوكالة ..."): the clause describes the source,
    it is not part of it. In a language whose indefinite noun's clause takes no relative pronoun
    (``bare_describing_clauses``) the verb itself ends the phrase; a name is never described so."""
    if not g.lex.bare_describing_clauses or i <= head or s.norm(head) not in g.lex.anonymous_heads:
        return False
    return g.lex.saying_verb(s.norm(i))


def _name_word(g: Grammar, s: SentenceView, i: int, b: int) -> bool:
    """A part of the day that is a family name: "نؤاس صباح المنسق الإعلامي" has a title after it, where the time
    ("صباح اليوم") has a day. And a name that folds to a preposition ("نهلة إمام،"): nothing after it in the
    chunk, so it governs nothing."""
    if i + 1 == b and i > 0 and s.toks[i - 1].is_word and s.phrase_at(i, g.lex.chunk_prepositions) == 1:
        return True
    return i + 1 < b and s.norm(i) in g.lex.relative_day_words and g.source_word(s.norm(i + 1))


def _second_hand(g: Grammar, s: SentenceView, span: Span, via: list[Span]) -> Span:
    """A relay through two hands: "نقلا عن صحيفة هآرتس عن مصادر أمنية"; the outer hands join ``via``."""
    for k in range(span.a + 1, span.b - 1):
        if s.norm(k) == g.lex.relay_preposition:
            via.append(Span(span.a, k))
            span = Span(k + 1, span.b)
    return span


def trim_parens(g: Grammar, s: SentenceView, chunk: Span) -> Span:
    """A chunk without a parenthesised aside at its end ("مصادر أمريكية (لم تسمها)")."""
    for i in range(chunk.a, chunk.b):
        if s.raw(i) == "(":
            # "قناة (روسيا اليوم)", "وفقا لشبكة (سي بي إس نيوز)" name the channel; "مصادر (لم تسمها)" is an aside.
            noun = g.lex.hooks.strip_article(g.unglued(s.norm(i - 1)))
            if i > chunk.a and (noun in g.lex.body_heads or noun in g.lex.media_heads):
                continue
            return Span(chunk.a, i)
    return chunk


def subject_on_left(g: Grammar, s: SentenceView, i: int) -> Span | None:
    """The subject written before the cue verb at token i, when none follows it: after كان, right before the verb,
    opening the sentence ("الجيش يعلن مقتل ..."), or the opening verb's subject before "، وشدد"."""
    return (
        left_subject(g, s, i)
        or subject_before_verb(g, s, i)
        or _subject_before_relative(g, s, i)
        or subject_opening_sentence(g, s, i)
        or subject_of_opening_verb(g, s, i)
    )


def left_subject(g: Grammar, s: SentenceView, i: int) -> Span | None:
    """The subject written before the verb: "وكان جون كيربي ... قال", "وكانت وكالة الأنباء ... قد ذكرت"."""
    j = particles_start(g, s, i) - 1
    for k in range(j, max(-1, j - MAX_SPEAKER_TOKENS), -1):
        # Only a كان that opens its clause has the subject after it ("فوزا كان في متناوله" does not).
        if s.norm(k) in g.lex.kana and (k == 0 or s.is_comma(k - 1) or s.norm(k - 1) in g.lex.clause_openers):
            span, _ = speaker_span(g, s, k + 1, j + 1)
            return span
        if g.lex.cue(s.norm(k)) and k != i:
            break
    return None


def relative_antecedent(g: Grammar, s: SentenceView, rel: int) -> Span | None:
    """The noun phrase a relative pronoun at token ``rel`` follows, when its head is source-like: "بالسفير الأمريكي
    الذي", "منظمة الصحة العالمية التي" (a head without the article governs the words after it), "الوزير، الذي" (the
    aside set off by a comma); not "زار الوفد المصنع الذي" (the object, a thing, stands before it)."""
    aside = rel > 1 and s.is_comma(rel - 1)
    end = rel - 1 if aside else rel
    nearest = True
    for k in range(end - 1, max(-1, end - 1 - _ANTECEDENT_WORDS), -1):
        n = s.norm(k)
        if not s.toks[k].is_word or g.lex.cue(n) or n in g.lex.complementizers:
            return None
        if n in g.lex.nationality:  # adjectives between the noun and الذي
            continue
        if aside and n.startswith(g.lex.definite_article) and not g.source_word(n):
            continue  # "المحكمة الانتخابية العليا، التي": set off by a comma, the noun's adjectives before it
        glued = n[:1] in g.lex.glued_prepositions or n[:1] == g.lex.and_conjunction
        particle_free = n[1:] if glued and len(n) > 3 else n  # "بالسفير"
        if g.source_word(n) or g.source_word(particle_free):
            construct = g.lex.hooks.strip_article(particle_free) == particle_free
            return Span(k, end) if nearest or construct else None
        nearest = False
    return None


# The longest noun phrase a relative clause follows, its head first ("منظمة الصحة العالمية").
_ANTECEDENT_WORDS = 4


def subject_before_verb(g: Grammar, s: SentenceView, i: int) -> Span | None:
    """ "لكن مسؤولين إسرائيليين قالوا إن ...": a short source phrase right before the verb, opening its clause
    after a comma, a link of contrast ("... إلا أن الرئيس تينوبو أكد أنه") or a complementizer ("يشار إلى أن الهيئة
    أكدت أن ...": a cue inside an earlier statement's claim is read only where ``cue_here`` lets it)."""

    def opens(a: int) -> bool:
        return s.is_comma(a - 1) or contrast_before(g, s, a) > 0 or s.norm(a - 1) in g.lex.complementizers

    a = i
    while a > 0 and i - a < 6 and s.toks[a - 1].is_word and not g.lex.cue(s.norm(a - 1)) and not opens(a):
        a -= 1
    if a == i or (a > 0 and not opens(a)):
        return None
    if a > 0 and s.norm(a - 1) in g.lex.complementizers and s.norm(i)[:1] in g.lex.conjunctions:
        return None  # "إن لجنة الطوارئ اجتمعت وأبلغته": a verb with "and" on it joins the clause before it
    while a < i and s.norm(a) in g.lex.clause_openers:
        a += 1
    if a == i or _function_word_opens(g, s, a):
        return None
    return Span(a, i) if g.source_word(s.norm(a)) else None


def _function_word_opens(g: Grammar, s: SentenceView, a: int) -> bool:
    """ "على الرغم من أنه شدد": a function word opens no subject, whatever name it folds to (not the name "علي")."""
    return s.norm(a) in g.lex.function_words and not g.name_not_preposition(s, a)


# The longest clause of a subject and its relative clause before the verb's comma ("لكن معهد ... الذي ...، قال").
_RELATIVE_CLAUSE_WORDS = 16
_RELATIVE_CLAUSE_CHUNKS = 3  # comma-separated parts of that clause, joined by "and"


def _subject_before_relative(g: Grammar, s: SentenceView, i: int) -> Span | None:
    """ "...، لكن معهد الحقوق الذي يتخذ من لندن مقرا له، قال إن": a source phrase opening the clause before the
    verb's comma, the relative clause after it no part of the speaker; the relative clause may run on over a comma
    and "and" ("المهندس فلان الذي تخرج في ...، وشارك في ...، قال إن")."""
    if i < 2 or not s.is_comma(i - 1):
        return None
    end = i - 1
    for _ in range(_RELATIVE_CLAUSE_CHUNKS):
        a = end
        while a > 0 and end - a < _RELATIVE_CLAUSE_WORDS and s.toks[a - 1].is_word:
            a -= 1
        if a > 0 and not s.is_comma(a - 1):
            return None
        start = a
        while a < end and s.norm(a) in g.lex.clause_openers:
            a += 1
        relative = next((k for k in range(a + 1, end) if s.norm(k) in g.lex.relatives), None)
        if relative is not None and g.source_word(s.norm(a)):
            return Span(a, relative)
        if start == 0 or not s.norm(start).startswith(g.lex.and_conjunction):
            return None  # only a clause joined by "and" continues the relative clause before it
        end = start - 1
    return None


# The longest subject written before its verb at the start of a sentence ("المدير التنفيذي ...، فلان، قال إن").
_OPENING_SUBJECT_WORDS = 12
# A subject that is one definite word or two ("العمايرة أشار إلى أن") and no title: a name already met.
_BARE_SUBJECT_WORDS = 2
MIN_ACCUSATIVE_LETTERS = 4  # an indefinite object with its accusative ending written ("مؤتمرا"), not a short name


def subject_opening_sentence(g: Grammar, s: SentenceView, i: int) -> Span | None:
    """The subject that opens the sentence before its verb: a title with the name in apposition ("المدير
    التنفيذي لدائرة ...، محمد العمايرة، قال إن"), or a definite name alone ("العمايرة أشار إلى أن"); never a
    time, a day or a link ("الأحد أكد أن"، "بدوره أشار")."""
    a = 0
    while a < i and s.norm(a) in g.lex.clause_openers:
        a += 1
    b = i
    while b > a and s.is_comma(b - 1):
        b -= 1
    if b <= a or any(not s.toks[k].is_word and not s.is_comma(k) for k in range(a, b)):
        return None
    if any(g.lex.cue(s.norm(k)) or s.quoted[k] for k in range(a, b)):
        return None
    words = s.words(Span(a, b))
    if words > _OPENING_SUBJECT_WORDS or _function_word_opens(g, s, a):
        return None
    if g.source_word(s.norm(a)):
        return Span(a, b)
    if words > _BARE_SUBJECT_WORDS or b < i or not s.norm(a).startswith(g.lex.definite_article):
        return None
    if any(g.is_adverbial(s, k) or s.norm(k) in g.lex.non_sources for k in range(a, b)):
        return None
    return Span(a, b)


def subject_of_opening_verb(g: Grammar, s: SentenceView, i: int) -> Span | None:
    """ "زار وزير الصحة سامي عادل المستشفى، وشدد على أن ...": a cue written with "and", or after a particle that links
    a clause ("، فيما أشار إلى أن"), after a comma, in a sentence that opens with a verb and holds no cue before it,
    says what that verb's subject said."""
    k = particles_start(g, s, i)
    # "، وشدد"، "، فأجاب": the cue written with "and" or "so"
    written_on = s.norm(i)[:1] in g.lex.conjunctions and g.lex.cue(s.norm(i)[1:]) is not None
    linked = k < i or s.norm(i).startswith(g.lex.and_conjunction) or written_on
    if g.lex.subject_first or k < 3 or not linked or not s.is_comma(k - 1):
        return None
    if any(g.lex.cue(s.norm(k)) or s.quoted[k] for k in range(i)):
        return None
    return opening_verb_subject(g, s, i, g.skip_leading(s, 0, i))  # past "وفي آخر المستجدات،"


def opening_verb_subject(g: Grammar, s: SentenceView, stop: int, start: int = 0) -> Span | None:
    """The subject of the verb that opens a sentence, or the clause at ``start`` (a word that heads no source, then
    one that does), titles and a name, up to where the verb's object begins, within the tokens before ``stop``."""
    a = start
    while a < stop and s.norm(a) in g.lex.clause_openers:
        a += 1
    if a + 2 >= stop or not s.toks[a].is_word or g.source_word(s.norm(a)):
        return None
    given = _given_name(g, s, a + 1)
    if not (given or g.source_word(s.norm(a + 1)) or nationality_word(g.lex, s.norm(a + 1))):
        return None
    # the name ends where the verb's object does begin: an indefinite accusative ("مؤتمرا"), a preposition, or the
    # occasion held ("ألقى الوزير فلان الفلاني كلمة ...")
    end = next((k for k in range(a + 2, stop) if not s.toks[k].is_word or _object_after(g, s, k)), stop)
    if _body_decided(g, s, a + 1):
        end = a + 2
    if given:
        return _bare_name(g, s, a + 1, end)
    return _titled_name(g, s, a + 1, end)


def _bare_name(g: Grammar, s: SentenceView, a: int, b: int) -> Span:
    """ "ووصل سامي الخطيب إلى ..."، "وسُئل جمال سلامي عن ...": a name with no title, from its given name: the words
    after it that are no source's or cue's, up to the object's start; the article only right after the given name
    (the family name), as a definite word after a longer name starts the object."""
    k = a + 1
    while k < min(b, a + MAX_BARE_NAME) and s.toks[k].is_word:
        n = s.norm(k)
        if g.source_word(n) or g.lex.cue(n) or (k > a + 1 and n.startswith(g.lex.definite_prefixes)):
            break
        k += 1
    return Span(a, k)


def _body_decided(g: Grammar, s: SentenceView, k: int) -> bool:
    """ "وقررت الوزارة قطع الكهرباء": a body's noun, then a verbal noun, what the body decided (a body's noun is
    never followed by a person's name, which may spell a verbal noun: "سمير حداد")."""
    return _body_noun(g, s, k) and s.norm(k + 1) in g.lex.verbal_nouns


def _body_noun(g: Grammar, s: SentenceView, k: int) -> bool:
    """Whether token k is a body's noun, with or without the article ("وزارة", "الوزارة")."""
    return g.lex.hooks.strip_article(s.norm(k)) in g.lex.body_heads


def _object_after(g: Grammar, s: SentenceView, k: int) -> bool:
    """Whether token k opens the verb's object: an object word, unless a source's noun without the article stands
    before it, which takes the word after it as its owner ("شرطة كادونا": a place's name, not an accusative)."""
    return _object_word(g, s.norm(k)) and not _owned_by(g, s, k)


def _owned_by(g: Grammar, s: SentenceView, k: int) -> bool:
    """Whether token k is the owner of a source's noun without the article before it ("شرطة كادونا", "مصرف سوريا")."""
    before = s.norm(k - 1)
    return s.toks[k - 1].is_word and not before.startswith(g.lex.definite_prefixes) and g.source_word(before)


def _object_word(g: Grammar, n: str) -> bool:
    lex = g.lex
    return (
        n in lex.function_words
        or n in lex.occasion_nouns
        or (n.endswith(lex.accusative_endings) and len(n) >= MIN_ACCUSATIVE_LETTERS)
    )


def _titled_name(g: Grammar, s: SentenceView, a: int, b: int) -> Span | None:
    """A subject of titles and a name at token a, up to where the verb's object begins: "وزير الصحة سامي عادل
    | المستشفى", "الرئيس عبد الفتاح السيسي | وزير الخارجية", "المغربي جمال السلامي | مدرب الأردن". A definite word
    after a title without the article completes it ("وزير الصحة"); after a name, only a surname with the article
    and a nisba ending does ("السيسي"); anything else starts the object. None when no title opens it."""
    lex = g.lex
    titled = named = surname = completed = False
    for k in range(a, b):
        n, raw = s.norm(k), s.raw(k)
        definite = n.startswith(lex.definite_prefixes)
        if k > a and s.norm(k - 1) in lex.name_particles:
            continue  # "عبد الفتاح": one name
        if n in lex.relatives:
            return Span(a, k) if titled else None  # "فلان الذي حصل على ...": ends like a nisba, opens a clause
        if titled and g.verbal_nouns.pronoun_owned(n):
            return Span(a, k)  # "وبرر الوزير قراره قائلا": the title's own act, the verb's object, no name
        if not named:
            if g.source_word(n) or nationality_word(g.lex, n):
                titled, completed = True, completed or definite
            elif not definite:
                named = True
            elif titled and not completed:
                completed = True  # "وزير الصحة"
            elif titled and (n in lex.bare_modifiers or raw.endswith(lex.nisba_endings)):
                continue  # "المدرب الوطني الجديد": the title's adjectives, before the name
            else:
                return Span(a, k) if titled else None
        elif definite and raw.endswith(lex.nisba_endings) and not surname and not g.source_word(n):
            surname = True
        elif definite or g.source_word(n) or surname:
            return Span(a, k)
    return Span(a, b) if titled else None


def _given_name(g: Grammar, s: SentenceView, k: int) -> bool:
    """Whether token k is a common given name the pack spells in Latin (names.toml), with no article on it, followed
    by a word that is no source's and no cue: the rest of the name (``_bare_name`` says where it ends)."""
    n = fold(s.norm(k))
    latin = g.lex.latin_words.get(n, "")
    if not latin[:1].isupper() or n.startswith(g.lex.definite_prefixes) or k + 1 >= len(s):
        return False
    after = s.norm(k + 1)
    return s.toks[k + 1].is_word and not g.source_word(after) and not g.lex.cue(after)


def subject_before_object(g: Grammar, s: SentenceView, speaker: Span) -> Span:
    """Where the subject ends and the object begins: "حث البيان جمهورية كوريا على ...", "انتقد الوزير القرار".

    The subject is its head and what can follow a head inside one name: titles, institutions,
    nationalities and names without the article. A place or another definite noun starts the object.
    """
    quote = s.quote_at(speaker.a)
    if quote is not None:  # "وسرد "ابن جاسم" قصة ...": the quoted name is the subject
        return Span(speaker.a, min(speaker.b, s.index_at(quote[1]) + 1))
    for k in range(speaker.a + 1, speaker.b):
        if s.toks[k].is_word and (cut := _object_starts(g, s, k, speaker.a)) is not None:
            return Span(speaker.a, cut)
    return speaker


def _object_starts(g: Grammar, s: SentenceView, k: int, a: int) -> int | None:
    """Where the object begins if token k shows it has: k itself, or the word before it when that word heads
    the object ("وصف المدرب نتيجة المباراة"). None: k still belongs to the subject."""
    lex, n = g.lex, s.norm(k)
    place = n in lex.places or any(st in lex.places for st in lex.hooks.stems(s.raw(k)))
    if (place and not _owned_by(g, s, k)) or n in lex.claim_nouns:
        return k  # "حاكم مصرف سوريا المركزي": a place a source's noun owns is in the subject's name
    known = (
        n in lex.title_words or n in lex.nationality or any(st in lex.title_words for st in lex.hooks.stems(s.raw(k)))
    )
    if known or n in g.alias_first_words:
        return None
    bare = g.unglued(n)
    if bare in g.verbal_nouns:
        return k  # "أفاد الدبيبة بوجود ...": a verbal noun opens the object
    if not n.startswith(lex.definite_prefixes):
        # "وقدم الجوهر شكره ...": a noun with a pronoun is the object
        pronoun = n.endswith(lex.pronoun_suffixes) and not s.raw(k).endswith(lex.feminine_endings)
        return k if pronoun and len(n) > 3 else None
    prev = s.norm(k - 1)
    if not s.toks[k - 1].is_word:
        return k
    if prev in lex.name_particles or n.endswith(lex.nisba_endings):
        return None  # "عبد الغفار" is one name; "الديوان الملكي", "للنادي الأهلي": the adjective of its noun
    if k == a + 2 and n.startswith(lex.and_conjunction + lex.definite_article) and _body_noun(g, s, a):
        return None  # "وزارة التربية والتعليم": the two fields one body's name covers
    if prev.startswith(lex.definite_prefixes):
        return k
    bare = g.unglued(prev)
    if bare in lex.title_words or bare in lex.body_heads or bare in lex.person_titles:
        return None  # "وزارة الصحة", "لنادي الفتح": the noun completes its head
    # an unknown bare word before a definite one opens the object ("نتيجة المباراة"), unless it is the subject, or
    # the last of two bare words or more, which name the subject ("الوزير سامي حمدان الحريق")
    return k - 1 if k - 1 > a and not _named_before(g, s, k - 1, a) else k


def _named_before(g: Grammar, s: SentenceView, k: int, a: int) -> bool:
    """Whether the bare word at k ends a name: the word before it is bare too (no article, no feminine ending a
    noun heading an object has), inside the subject."""
    j = k - 1
    if j <= a or not s.toks[j].is_word:
        return False
    word = s.raw(j)
    return not s.norm(j).startswith(g.lex.definite_prefixes) and not word.endswith(g.lex.feminine_endings)


MAX_NAME_AFTER = 2  # name words after one spelt like a verbal noun before the cue's preposition ("أونال آرتن إلى")


def name_goes_on(g: Grammar, s: SentenceView, k: int, prepositions: tuple[str, ...]) -> bool:
    """ "وكشف جلال توفيق عن خطة ...", "أشار مصطفى أونال آرتن إلى ...": a word spelt like a verbal noun, after a word
    and before words with no article on any of them, then the cue's own preposition, is a name's: the preposition
    opens the object ("أعلنت الوزارة تأجيل الامتحانات إلى ...": after the body's noun, and a preposition not the
    cue's, is the object)."""
    before = s.norm(k - 1)
    if not s.toks[k - 1].is_word or before.startswith(g.lex.definite_prefixes) or g.source_word(before):
        return False
    if before in g.lex.function_words:
        return False  # "في مقابلة تلفزيونية عن ...": a preposition's noun
    for m in range(k, min(len(s), k + MAX_NAME_AFTER + 2)):
        n = s.norm(m)
        if m > k and n in prepositions:
            return True
        if not s.toks[m].is_word or n.startswith(g.lex.definite_prefixes) or n in g.lex.function_words:
            return False
    return False
