"""The subject before a cue verb in a subject-first language: the words that open the verb's clause, past the
auxiliaries and adverbs between them and the verb ("Peskov has categorically denied"), past a relative clause, an
occasion or one apposition set off by commas ("Klopp, who took over in 2015, said"; "Damian Williams, U.S.
Attorney for ..., said").
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lang.text import PUNCTUATION
from ..lexicon import Lexicon
from ..sentences import MAX_ABBREVIATED
from .doc import SentenceView, Span
from .grammar import Grammar

MAX_SUBJECT = 8  # words before the verb that can be its subject ("White House national security spokesman John Kirby")
MAX_LONG_SUBJECT = 14  # ... when none of them is a verb ("Tamer Ramadan of the International Federation of ...")
MAX_ASIDE = 20  # words of an apposition or relative clause between a subject and its verb
MAX_ASIDES = 3  # comma-separated chunks walked back from the verb
BRACKETS = "()"
NAME_MARKS = PUNCTUATION["name_marks"]  # marks that end a name's word ("OPEC+")
NAME_JOINERS = PUNCTUATION["name_joiners"]  # of those, marks that join two capitalised words into one name ("AT&T")
NAME_APOSTROPHES = PUNCTUATION["name_apostrophes"]  # marks that also write a possessive ("Egypt’s", "Barbados’")
MAX_NAME = 4  # words of a name before its apposition ("Alex Potteiger, Area Operations Manager ... said")
MAX_OCCASION = 5  # words of an occasion before the subject ("In a press statement")


class NoSubject(Exception):
    """The words before the verb are not its subject: a passive, a quoted first person, a longer clause."""


@dataclass(frozen=True)
class Subject:
    """The speaker phrase before a verb; ``relative`` when it is the noun a relative pronoun stands for."""

    span: Span
    relative: bool = False


def subject_of(g: Grammar, s: SentenceView, i: int) -> Subject | None:
    """The subject of the cue verb at token i, or None when none stands at the start of its clause."""
    try:
        end = _verb_start(g, s, i)
        if g.possessive_ending(s, end - 1):
            return None  # "The athlete's alleged attacker": what follows a possessive is a noun's, not a verb
        if end > 0 and s.is_comma(end - 1):
            return _before_asides(g, s, end - 1)
        occasion = _occasion_after_comma(g, s, end)
        if occasion is not None:
            # "Jim Miley, in opening remarks to the committee said:": an occasion after the subject's comma, no
            # comma closing it
            return _before_asides(g, s, occasion - 1)
        return _words_before(g, s, end)
    except NoSubject:
        return None


def _occasion_after_comma(g: Grammar, s: SentenceView, end: int) -> int | None:
    """Where a phrase of an occasion ("in opening remarks to ...": a preposition, then an occasion's noun) or of the
    speaker's body ("of our Serious Collision Investigation Unit") opens right after a comma and runs up to the verb
    at ``end``, if one does."""
    a = end
    while a > 0 and in_phrase(s, a - 1) and s.words(Span(a - 1, end)) <= MAX_LONG_SUBJECT:
        a -= 1
    if not (0 < a < end and s.is_comma(a - 1)):
        return None
    if s.norm(a) in g.lex.affiliation_prepositions:
        return a
    if s.norm(a) not in g.lex.occasion_prepositions:
        return None
    return a if any(s.norm(k) in g.lex.occasion_nouns for k in range(a + 1, min(end, a + MAX_OCCASION))) else None


def _verb_start(g: Grammar, s: SentenceView, i: int) -> int:
    """Where the verb group starts: before the auxiliaries and adverbs in front of the verb ("has also said"). A
    form of "to be" there makes the verb passive ("deaths were reported"): no speaker stands before it."""
    k = i
    while k > 0 and (s.norm(k - 1) in g.lex.particles_before_verb or s.norm(k - 1) in g.lex.auxiliaries):
        if s.norm(k - 1) in g.lex.kana:
            raise NoSubject
        k -= 1
    if s.norm(k - 1) in g.lex.kana:
        raise NoSubject
    return k


def in_phrase(s: SentenceView, k: int) -> bool:
    """A word, a bracket ("the Federation (IFRC)"), a full stop after a one-letter capital (U.S.) or a mark written
    between two words with no space: a hyphen (Thomas-Greenfield), an apostrophe (Morocco's), a number's separator
    (10,000)."""
    if s.toks[k].is_word or s.raw(k) in BRACKETS or glued_mark(s, k) or _plural_possessive(s, k):
        return True
    if s.raw(k) in NAME_MARKS and k > 0 and s.toks[k - 1].is_word and s.toks[k - 1].end == s.toks[k].start:
        return True  # "OPEC+ sources"
    if s.raw(k) in NAME_JOINERS and 0 < k < len(s) - 1 and s.raw(k - 1)[:1].isupper() and s.raw(k + 1)[:1].isupper():
        return True  # "Holt & Barker"
    before = s.toks[k - 1] if k > 0 else None
    if s.raw(k) != "." or before is None or before.end != s.toks[k].start:
        return False
    if k + 1 < len(s) and s.raw(k + 1) in BRACKETS and s.toks[k + 1].start == s.toks[k].end:
        return True  # "Senator Ann Lee (D-Calif.)": an abbreviation closing the brackets
    return before.raw[:1].isupper() and len(before.raw) <= MAX_ABBREVIATED  # "U.S.", "Jr.", "Dr."


def _plural_possessive(s: SentenceView, k: int) -> bool:
    """An apostrophe glued after a plural and a space before the owned word ("Barbados’ minister", "the teachers'
    union"), where it closes no quotation: the owner's possessive, as "’s" is after a singular."""
    if s.raw(k) not in NAME_APOSTROPHES or not 0 < k < len(s) - 1:
        return False
    before, mark, after = s.toks[k - 1], s.toks[k], s.toks[k + 1]
    if not (before.is_word and after.is_word and before.end == mark.start < mark.end < after.start):
        return False
    return before.norm.endswith(s.lex.plural_endings) and all(b != mark.start for _, b in s.quotes)


def glued_mark(s: SentenceView, k: int) -> bool:
    """Whether token k is a mark written between two words with no space around it ("Thomas-Greenfield", "10,000")."""
    if not 0 < k < len(s) - 1 or s.toks[k].is_word:
        return False
    before, mark, after = s.toks[k - 1], s.toks[k], s.toks[k + 1]
    return before.is_word and after.is_word and before.end == mark.start and mark.end == after.start


def _chunk_start(s: SentenceView, end: int, limit: int) -> int:
    """Where the run of words ending before token ``end`` starts; NoSubject when it is longer than ``limit``."""
    a = end
    while a > 0 and in_phrase(s, a - 1):
        a -= 1
        if s.words(Span(a, end)) > limit:
            raise NoSubject
    return a


def _words_before(g: Grammar, s: SentenceView, end: int) -> Subject | None:
    """ "Kirby said", "But US officials said": the words from the start of the clause up to the verb group."""
    a = _opened_clause(g, s, end)
    if a is None:
        a = _past_time(g, s, _past_occasion(g, s, _chunk_start(s, end, MAX_LONG_SUBJECT), end), end)
        a = _past_participle_clause(g, s, a, end)
    if any(
        (cue := g.lex.cue(s.norm(k))) and cue.tense != "noun" and not _in_name(g, s, k) and not after_article(g, s, k)
        for k in range(a, end - 1)
    ):
        # another verb of saying: not one subject ("the ministry's statement said", "the suspect said"); right before
        # the verb, one is a noun, as two verbs do not follow each other ("Local reports said")
        return None
    if (relative := _relative_subject(g, s, a, end)) is not None:
        return relative
    # "it comes after US officials last week said": the clause opens after its opener, the time is no subject
    lex = g.lex
    opener = (k for k in range(end - 2, a - 1, -1) if s.norm(k) in lex.clause_openers - lex.clause_conjunctions)
    a = next(opener, a - 1) + 1
    # "sales lifted profit and Chief Executive Ann Lee said": a conjunction after a clause with its verb opens the
    # speaker's clause ("Putin and Kim said" is one subject: no verb before its "and")
    joined = (k for k in range(end - 2, a, -1) if s.norm(k) in lex.clause_conjunctions)
    a = next((k + 1 for k in joined if any(g.finite_verb(s, j) for j in range(a, k))), a)
    while end - 1 > a and (s.norm(end - 1) in lex.time_words or s.norm(end - 1) in lex.days):
        end -= 1
        if s.norm(end - 1) in lex.time_prepositions or s.norm(end - 1) in lex.occasion_prepositions:
            end -= 1  # "The Kremlin on Monday denied"
    relatives = lex.relatives - lex.complementizers
    inner = next((k for k in range(a + 1, end) if s.norm(k) in relatives and not s.raw(k).isupper()), None)
    objective = inner is not None and inner + 1 < end and s.norm(inner + 1) in lex.relative_clause_subjects
    # "The minister who chaired a meeting of officials said": the relative clause's own verb is no verb of the subject
    subject_relative = inner is not None and not objective and s.norm(inner) not in lex.object_relatives
    head = Span(a, inner if subject_relative else end)
    if s.words(Span(a, end)) > MAX_SUBJECT and not _plausible_head(g, s, head, MAX_LONG_SUBJECT):
        return None
    span = _head(g, s, Span(a, end))
    if inner is not None and (s.norm(inner) in lex.object_relatives or objective) and inner + 1 < end:
        # "some of whom officials said were trapped": the relative is the claim's subject, the words after it speak
        if objective:  # "which it warned would ...": the pronoun, a non-source anywhere else, is the speaker here
            return Subject(Span(inner + 1, end)) if end == inner + 2 else None
        return _speaks_after(g, s, inner, end)
    if span is not None and inner is not None and inner > span.a:
        span = _head(g, s, Span(span.a, inner))  # "many Syrians who work on refugee issues have cautioned"
    if span is not None and s.norm(span.a) in g.lex.relatives and not s.raw(span.a).isupper():
        if end == span.a + 2 and s.norm(span.a + 1) in lex.relative_clause_subjects:
            return Subject(Span(span.a + 1, end))  # "the families, who he said had asked ...": he speaks
        if s.norm(span.a) in lex.object_relatives:
            return _speaks_after(g, s, span.a, end)  # "..., where officials said": they speak, not the place
        # "US officials, who first said ...": the noun before the relative pronoun speaks
        if span.a == 0 or not s.is_comma(span.a - 1):
            return None
        antecedent = _head(g, s, Span(_chunk_start(s, span.a - 1, MAX_SUBJECT), span.a - 1))
        return Subject(antecedent, relative=True) if antecedent else None
    if span is not None and (named := _name_before_apposition(g, s, span)) is not None:
        return Subject(named)
    return Subject(span) if span else None


def _speaks_after(g: Grammar, s: SentenceView, relative: int, end: int) -> Subject | None:
    """The subject of a relative clause whose pronoun is not its subject: the words after the pronoun, if they can
    be one."""
    after = _head(g, s, Span(relative + 1, end))
    return Subject(after) if after is not None and _plausible_head(g, s, after) else None


def after_article(g: Grammar, s: SentenceView, k: int) -> bool:
    """Whether the word at k follows an article: a noun there whatever verb it may also be ("the suspect", "a
    report"), in a pack that writes its articles as words."""
    return k > 0 and s.norm(k - 1) in g.lex.articles


def _in_name(g: Grammar, s: SentenceView, k: int) -> bool:
    """Whether the word at k is written with a capital between two capitalised words, in a script with capitals: a
    word of a name ("The US Tsunami Warning System"), not a verb."""
    capital = [0 < j < len(s) and s.toks[j].is_word and s.raw(j)[:1].isupper() for j in (k - 1, k, k + 1)]
    return g.lex.modifiers_first and all(capital)


def _name_before_apposition(g: Grammar, s: SentenceView, span: Span) -> Span | None:
    """ "Alex Potteiger, Area Operations Manager and a local native said": a chunk right before the verb that only
    says what its subject is (a title in it, a title or a lower-case word last) after a comma and a name, with no
    comma closing it, is that name's apposition: the name with it."""
    lex = g.lex
    if span.a < 2 or not s.is_comma(span.a - 1):
        return None
    last = span.b - 1
    # "Mr Smith, the secretary of GMB Scotland said": an article and a person's title open the apposition, whatever
    # body ends it
    title = s.norm(span.a + 1)
    titled = s.norm(span.a) in lex.definite_articles and (title in lex.title_words or title in lex.person_titles)
    if not (titled or s.raw(last)[:1].islower() or s.norm(last) in lex.title_words):
        return None
    if not any(s.norm(k) in lex.title_words for k in range(span.a, span.b)):
        return None
    try:
        start = _chunk_start(s, span.a - 1, MAX_NAME)
    except NoSubject:
        return None
    name = range(start, span.a - 1)
    if s.norm(start) in lex.clause_openers or s.phrase_at(start, lex.chunk_prepositions, allow_conj=False):
        return None  # "In Washington, officials said": where, not who
    capitalised = all(s.raw(k)[:1].isupper() for k in name if s.toks[k].is_word)
    if all(s.raw(k).isupper() for k in name if s.toks[k].is_word):
        return None  # "NEW YORK, US officials said": a dateline, not a name
    # two words of a name, or one after a title ("Mr Smith")
    named = sum(1 for k in name if s.toks[k].is_word and s.norm(k) not in lex.title_words)
    if not capitalised or named < (1 if s.norm(start) in lex.title_words else 2):
        return None
    return Span(start, span.b)


def _relative_subject(g: Grammar, s: SentenceView, a: int, end: int) -> Subject | None:
    """ "the health department, which noted that ...", "the migrants, many of whom said they feared ...": a relative
    pronoun (or a part of what it stands for) right after a comma and before the verb: the noun before the comma
    speaks."""
    lex = g.lex
    if a == 0 or not s.is_comma(a - 1) or s.norm(end - 1) not in lex.relatives - lex.complementizers:
        return None
    partitive = end - a == 3 and s.norm(a) in lex.quantifiers and s.norm(a + 1) in lex.spoken_for
    if end - a != 1 and not partitive:
        return None
    start = _chunk_start(s, a - 1, MAX_LONG_SUBJECT)
    # "for the farmers, many of whom": the noun after the chunk's last preposition or verb
    cut = (k for k in range(a - 2, start - 1, -1) if s.phrase_at(k, lex.chunk_prepositions) or g.finite_verb(s, k))
    antecedent = _head(g, s, Span(next(cut, start - 1) + 1, a - 1))
    return Subject(antecedent, relative=True) if antecedent else None


def _past_occasion(g: Grammar, s: SentenceView, a: int, end: int) -> int:
    """ "In a press statement Harding said": an occasion that opens the clause with no comma after it is no part of
    the subject, which starts after the occasion's noun, at a capitalised word."""
    if s.norm(a) not in g.lex.occasion_prepositions:
        return a
    for k in range(a + 1, min(end - 1, a + MAX_OCCASION)):
        if s.norm(k) in g.lex.occasion_nouns:
            return k + 1 if _opens_subject(g, s, k + 1) else a
    return a


def _past_time(g: Grammar, s: SentenceView, a: int, end: int) -> int:
    """ "On Thursday the minister said", "Last week Kirby said": a time that opens the clause with no comma after it
    is no part of the subject, which starts after it at a capitalised word or an article."""
    lex, k, timed = g.lex, a, False
    while k < end - 1 and (s.norm(k) in lex.time_prepositions or s.norm(k) in lex.time_words or _a_day(lex, s, k)):
        timed = timed or s.norm(k) not in lex.time_prepositions
        k += 1
    return k if timed and k > a and _opens_subject(g, s, k) else a


def _a_day(lex: Lexicon, s: SentenceView, k: int) -> bool:
    return s.norm(k) in lex.days or s.norm(k) in lex.months or s.norm(k).isdigit()


def _opens_subject(g: Grammar, s: SentenceView, k: int) -> bool:
    return s.toks[k].is_word and (s.raw(k)[:1].isupper() or s.norm(k) in g.lex.articles)


def _past_participle_clause(g: Grammar, s: SentenceView, a: int, end: int) -> int:
    """ "Speaking at the inaugural ceremony the PM said": a participle's clause that opens the sentence with no comma
    after it is no part of the subject, which starts at the last article before the verb, else at the first
    capitalised word after the participle's lower-case words ("Addressing reporters Harding said"); a name that
    only looks like a participle ("Reading Borough Council said") has a capital after it."""
    lex = g.lex
    if a != 0 or not s.raw(a)[:1].isupper() or not s.norm(a).endswith(lex.participle_endings):
        return a
    if a + 1 >= end or not s.raw(a + 1)[:1].islower():
        return a
    articles = lex.articles
    last = next((k for k in range(end - 1, a + 1, -1) if s.norm(k) in articles), None)
    return last if last is not None else next((k for k in range(a + 2, end) if s.raw(k)[:1].isupper()), a)


def _opened_clause(g: Grammar, s: SentenceView, end: int) -> int | None:
    """Where a clause opens that a subordinating word starts close before the verb, in a run of words too long to be
    one subject ("... under pressure to scrap the reforms after doctors warned that ..."): the word after the
    opener, or None when no such opener stands within a subject's reach."""
    lex = g.lex
    openers = lex.clause_openers - lex.clause_conjunctions
    k = end
    while k > 0 and in_phrase(s, k - 1) and s.words(Span(k - 1, end)) <= MAX_SUBJECT:
        k -= 1
        if s.norm(k) in openers and k + 1 < end and not s.raw(k)[:1].isupper():
            # "when asked about reports that": a verb of its own, so no subject of the cue opens there
            return k + 1 if _plausible_head(g, s, Span(k + 1, end)) else None
    return None


def _head(g: Grammar, s: SentenceView, span: Span) -> Span | None:
    """A chunk as a subject: without a leading clause opener ("but", "after"); None when nothing is left, or it is
    a preposition's phrase, a non-source ("it"), ends on a function word, or is the quoted speaker's own "I"."""
    a, b = span.a, span.b
    while a < b and (s.norm(a) in g.lex.clause_openers or s.norm(a) in g.lex.sentence_adverbs):
        a += 1
    if a == b or s.norm(a) in g.lex.non_sources:
        return None
    if s.phrase_at(a, g.lex.chunk_prepositions, allow_conj=False) and not glued_mark(s, a + 1):
        return None  # "At the ministry, ...": a place; "AT&T" is a name
    if s.norm(b - 1) in g.lex.function_words or s.norm(b - 1) in g.lex.direct_openers:
        return None
    return Span(a, b)


def _before_asides(g: Grammar, s: SentenceView, comma: int) -> Subject | None:
    """ "Klopp, who took over in 2015, said", "Adrienne Watson, a spokesperson of the council, said": walking back
    from the comma before the verb over relative clauses, occasions and numbers to the subject, with one
    apposition kept in the speaker phrase."""
    chunks = []
    end = comma
    for _ in range(MAX_ASIDES):
        a = _chunk_start(s, end, MAX_ASIDE)
        if a == end:
            return None
        chunks.append(Span(a, end))
        if a == 0 or not s.is_comma(a - 1):
            break
        end = a - 1
    asides = [_aside(g, s, c) for c in chunks]
    # A place's larger place closing an aside right before the verb ("based in Lancaster, Pennsylvania, says")
    # belongs to the aside.
    if len(chunks) > 1 and asides[1] and not asides[0] and _placename(s, chunks[0]):
        asides[0] = True
    kept = [c for c, aside in zip(chunks, asides) if not aside]
    if not kept:
        return None
    near = kept[0]
    if len(kept) > 1 and _plausible_head(g, s, kept[1]):
        head = _head(g, s, kept[1])
        return Subject(Span(head.a, near.b)) if head else None
    if s.words(near) > MAX_SUBJECT or not _plausible_head(g, s, near):
        return None
    head = _head(g, s, near)
    return Subject(head) if head else None


def _aside(g: Grammar, s: SentenceView, chunk: Span) -> bool:
    """A chunk between a subject and its verb that is not part of the speaker: a relative clause, an occasion or
    time ("in an interview aired Wednesday"), a number (an age), a linking adverb ("X, however, said", "X, for his
    part, said") or a participle's clause ("X, speaking on condition of anonymity, said")."""
    lex = g.lex
    # "X, while addressing journalists, said": a circumstance's word before the participle
    first = chunk.a + 1 if s.norm(chunk.a) in lex.circumstantial and chunk.b > chunk.a + 1 else chunk.a
    return (
        s.norm(chunk.a) in lex.relatives
        or all(_linking(lex, s.norm(k)) for k in range(chunk.a, chunk.b))
        or g.opens_occasion(s, chunk)
        or all(s.norm(k).isdigit() for k in range(chunk.a, chunk.b))
        or (s.raw(first).islower() and s.norm(first).endswith(lex.participle_endings))
    )


def _linking(lex: Lexicon, word: str) -> bool:
    """A word of a linking adverb or an edge of a speaker phrase ("however", "meanwhile", "for his part")."""
    return word in lex.clause_openers or word in lex.particles_before_verb or word in lex.edge_words


def _placename(s: SentenceView, chunk: Span) -> bool:
    """One or two capitalised words alone between commas, in a script with capitals ("Pennsylvania")."""
    return chunk.b - chunk.a <= 2 and all(s.raw(k)[:1].isupper() for k in range(chunk.a, chunk.b))


def _plausible_head(g: Grammar, s: SentenceView, chunk: Span, limit: int = MAX_SUBJECT) -> bool:
    """A chunk that can be a subject: short, with no verb of its own (not "the region was able ..."; the hyphened
    "Kremlin-owned" is no verb)."""
    verb = any(g.finite_verb(s, k) and not glued_mark(s, k - 1) for k in range(chunk.a, chunk.b))
    return s.words(chunk) <= limit and not verb


def clause_subject(g: Grammar, s: SentenceView, i: int) -> Subject | None:
    """The subject of the first verb of the clause before token i: "The adviser urged ..., saying ...", "Peskov
    declined to comment and said ..."; None when no verb or no subject stands there."""
    start = g.skip_leading(s, 0, i)
    for k in range(start, i):
        if s.quoted[k]:
            return None
        cue = g.lex.cue(s.norm(k))
        if g.finite_verb(s, k) or (cue is not None and cue.tense in ("past", "present")):
            subject = subject_of(g, s, k)
            if subject is not None and subject.span.a == start:
                return subject  # not the subject of a verb inside an aside (", where Kim is expected to arrive,")
    return None


def clause_opening(g: Grammar, s: SentenceView, a: int, limit: int) -> int | None:
    """Where a clause with a subject and verb of its own opens after the noun phrase at token a, with no comma
    between them ("according to court documents | the suspect had ...", "told the newspaper | the plan was ..."):
    at the last word before the clause's first verb that opens a noun phrase (an article, a determiner, a
    pronoun, a number) and does not follow a preposition; None when no verb or no such word stands within limit."""
    lex = g.lex
    verb = next((k for k in range(a + 1, min(len(s), a + limit)) if not in_phrase(s, k) or g.finite_verb(s, k)), None)
    if verb is None or not g.finite_verb(s, verb) or s.quoted[verb]:
        return None
    for k in range(verb - 1, a, -1):
        before = s.norm(k - 1)
        if before in lex.function_words or before in lex.determiners or s.phrase_at(k - 1, lex.chunk_prepositions):
            continue
        if _opens_noun_phrase(g, s, k):
            return k
    return None


def _opens_noun_phrase(g: Grammar, s: SentenceView, k: int) -> bool:
    n, lex = s.norm(k), g.lex
    return (
        n.isdigit()
        or n in lex.determiners
        or n in lex.articles
        or n in lex.demonstratives
        or n in lex.quantifiers
        or n in lex.subject_pronouns
        or n in lex.body_pronouns  # "told reporters in Canberra it will seek ...": a body's pronoun is a subject too
        or n in lex.direct_openers
    )
