"""Resolution strategies, tried in order; each takes one speaker phrase and answers a canonical name or None.

Every rule about who a phrase names is one strategy here or one entry in the language data, and each can be
called alone with an ``ArticleContext`` and an ``Ask`` (tests/test_speakers.py does).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..claimtext import names_a_place, place_spans, written_place_spans
from ..lang import name_key
from ..lang.text import QUOTE_CHARS, fold_for_match, tokens
from ..lexicon import Lexicon
from ..extract.candidate import Attribution
from ..models import Speaker, Statement
from ..extract.subject import NAME_JOINERS
from .context import CLAUSE_BREAK, ArticleContext, Ask, written_name
from .latin import in_article
from .registry import (
    GROUP_JOINER,
    SpeakerKind,
    UNATTRIBUTED,
    bare_title,
    definite,
    strip_word,
    without_conjunction,
    words_of,
)

Strategy = Callable[[ArticleContext, Ask], "str | None"]


def subject_before_cue(ctx: ArticleContext, ask: Ask) -> str | None:
    """Where the pack's subject comes before its verb, a claim after its cue was said by the subject before the cue:
    what stands between the cue and the claim is whom it was told to ("told the Anadolu news agency that", "said,
    "..."), and a continuation with no pronoun only means the subject was too long to read there. That subject is
    resolved instead; an outlet told is the statement's relay (``via``)."""
    st = ask.statement
    if not ctx.lex.subject_first or st.cue_start is None or st.char_start <= st.cue_start:
        return None
    if st.attribution == Attribution.POST:
        return None  # "..., said Domingo, and added that ...": the speaker after the first verb is no one told
    verb = ctx.verb_before(ask.written, st) if ask.written else None
    told = verb is not None
    subjectless = st.attribution == Attribution.CONTINUATION and st.gender not in ("m", "f", "p")
    # "US officials, who first said the visit was imminent, said that ...": the relative pronoun's noun
    relative = ctx.relative_at(ask.written, st)
    if not (told or subjectless or relative is not None):
        return None
    subject = ctx.subject_before(verb if told else relative if relative is not None else st.cue_start)
    if subject is None:
        return None
    # A continuation keeps the speaker it inherited unless its subject names someone known or a kind of source.
    canonical = _as_own_phrase(ctx, st, subject, (subject_before_cue,) if told else (subject_before_cue, new))
    if canonical is None:
        return None
    if told and st.via is None and ctx.registry.find_alias(ask.target, (SpeakerKind.media,)):
        st.via = ask.target
    return canonical


def pronoun(ctx: ArticleContext, ask: Ask) -> str | None:
    """ "he said", "she added" where the pack's pronouns name people: the speaker the continuation inherited when
    that is a person who can be called so, else the latest such person the article named before the statement
    (a name in its text, then a speaker it resolved), else nobody: a pronoun never names a body or an outlet."""
    lex = ctx.lex
    st = ask.statement
    said = lex.subject_pronouns.get(" ".join(words_of(ask.target)))
    gender = said or (st.gender if st.attribution == Attribution.CONTINUATION else None)
    if not lex.natural_gender or gender not in ("m", "f"):
        return None
    inherited = None if said else next((m for m in reversed(ctx.named) if m.written == ask.written), None)
    if inherited and ctx.can_be_called(inherited.canonical, gender):
        return None
    if not said and inherited is None and ask.parsed.name:
        # A person a sentence named before ('Lina Hart visited ... "...," she said.'): the name's own strategies.
        return None
    person = _person_before(ctx, st, gender)
    if person is None and not said and inherited is None and ask.parsed.role:
        # "The judge handed her ... He said": no person named before, the title a sentence gave its subject is whom
        # the pronoun points to, resolved as a title is
        return None
    return person or _nobody(ctx)


def _person_called(ctx: ArticleContext, st: Statement, gender: str) -> str:
    """The latest person named before the statement who can be called "he" or "she", else nobody."""
    return _person_before(ctx, st, gender) or _nobody(ctx)


def _person_before(ctx: ArticleContext, st: Statement, gender: str) -> str | None:
    """The latest person named before the statement who can be called "he" or "she" (a full name in the text, then a
    speaker resolved), else the last one a title introduced."""
    # a name in the text counts when it is a full name: one word ("Liverpool") may be anything
    before = ctx.registry.mentions(ctx.before(st, PRONOUN_REACH), (SpeakerKind.person,))
    people = [*(c for c in reversed(before) if len(words_of(c)) > 1), *(m.canonical for m in reversed(ctx.named))]
    return next((c for c in people if ctx.can_be_called(c, gender)), None) or _titled_name_before(ctx, st)


def _nobody(ctx: ArticleContext) -> str:
    """The unattributed speaker: said so, rather than a guess."""
    return ctx.registry.add(Speaker(UNATTRIBUTED, SpeakerKind.unattributed)).canonical


def owned_document(ctx: ArticleContext, ask: Ask) -> str | None:
    """ "His full statement reads", "her letter said": a document a possessive pronoun owns is that person's, found as
    the pronoun "he" or "she" would be ("their statement": the last speaker's); never the pronoun as a speaker."""
    words = words_of(ask.written)  # the target has lost the pronoun, as it loses an article
    gender = ctx.lex.possessive_pronouns.get(words[0]) if len(words) > 1 else None
    if gender is None or strip_word(words[-1]) not in ctx.lex.document_nouns:
        return None
    if gender not in ("m", "f"):
        # "their statement": the body or group that spoke last, whatever its kind; never the pronoun
        return ctx.named[-1].canonical if ctx.named else _nobody(ctx)
    return _person_called(ctx, ask.statement, gender) if ctx.lex.natural_gender else None


def _titled_name_before(ctx: ArticleContext, st: Statement) -> str | None:
    """ "board chairperson Eddie Mwenje advised heads of schools ... He said ...": the last person the text names
    after a title before the statement, though no speaker phrase named them; in a script with capitals only."""
    toks = [t for t in tokens(ctx.before(st, PRONOUN_REACH)) if t.raw.strip()]
    for k in range(len(toks) - 2, -1, -1):
        if not toks[k].is_word or ctx.synonym(strip_word(toks[k].norm)) not in ctx.lex.person_titles:
            continue
        name = written_name(ctx.reader, toks[k + 1 :])
        if name:
            return ctx.registry.find_by_key(name) or ctx.create_person(name, toks[k].raw, None)
    return None


def body_pronoun(ctx: ArticleContext, ask: Ask) -> str | None:
    """ "it" as a speaker ("during which it reported ...", "a plan which it warned would ..."): the body or outlet that
    spoke last; nobody when only people spoke."""
    if " ".join(words_of(ask.target)) not in ctx.lex.body_pronouns:
        return None
    return _last_body(ctx, (SpeakerKind.organisation, SpeakerKind.media))


# How far back a pronoun looks for its person in the article's text (characters: a few paragraphs).
PRONOUN_REACH = 1500


def repeated(ctx: ArticleContext, ask: Ask) -> str | None:
    """The very phrase this article resolved before."""
    for m in reversed(ctx.named):
        if m.written == ask.written:
            return m.canonical
    return None


def document(ctx: ArticleContext, ask: Ask) -> str | None:
    """ "the document", "the statement" after "the ministry said in a communique": the last speaker named."""
    words = words_of(ask.target)
    if len(words) != 1 or not ctx.named:
        return None
    with_article = ask.definite or definite(ctx.lex, words[0])  # "the document", "الوثيقة"
    return ctx.named[-1].canonical if with_article and strip_word(words[0]) in ctx.lex.document_nouns else None


def issuer(ctx: ArticleContext, ask: Ask) -> str | None:
    """ "a statement from the hospital", "a statement issued by the army", "a statement on the city hospital's web
    site", "the union's press release", "بيان أصدرته الوزارة": a document whose issuer the phrase names speaks for
    that issuer, resolved as a phrase of its own."""
    written = ask.written.split()  # the target may be the issuer already ("the hospital" of "a statement from ...")
    folded = [strip_word(w) for w in words_of(ask.written)]
    if len(folded) != len(written):
        return None
    named = _issuer_words(ctx.lex, written, folded)
    if not named:
        return None
    return _as_own_phrase(ctx, ask.statement, " ".join(named), (subject_before_cue, issuer, document, fragment))


def _as_own_phrase(ctx: ArticleContext, st: Statement, phrase: str, skipped: tuple[Strategy, ...]) -> str | None:
    """A phrase inside a speaker phrase (its subject, a document's issuer, a body named before) resolved as one of
    its own by every strategy but ``skipped``; None when it names nobody."""
    inner = ctx.ask(st, phrase)
    canonical = next((c for s in STRATEGIES if s not in skipped and (c := s(ctx, inner))), None)
    return None if canonical == UNATTRIBUTED else canonical


def _issuer_words(lex: Lexicon, written: list[str], folded: list[str]) -> list[str]:
    """The words of a document phrase that name its issuer, or none."""
    # "بيان أصدرته الوزارة", "مشاهد بثها التلفزيون": the issuing verb carries the document, its subject follows
    carried = next((k for k in (1, 2) if k + 1 < len(folded) and lex.pronoun_on(folded[k], lex.issuing_verbs)), None)
    if carried is not None:
        return written[carried + 1 :]
    at = next((k for k, w in enumerate(folded) if w in lex.document_nouns), None)
    if at is None:
        return []
    if at + 2 < len(folded) and folded[at + 1] in lex.issuing_words:
        at += 1  # "a statement issued by the army": the participle says no more than the preposition after it
    if at + 1 < len(folded) and folded[at + 1] in lex.issuer_prepositions:
        return _without_place(lex, written[at + 2 :])
    if at + 1 < len(folded) and folded[at + 1] in lex.posted_on:
        named = _without_place(lex, written[at + 2 :])
        return named if len(named) < len(written) - at - 2 else []  # "a statement on the budget": no place
    # "Joint Statement": a document's kind; "A statement": an article, capitalised at the start of a sentence
    not_issuers = lex.articles | lex.document_kinds
    named = [w for w in written[:at] if w[:1].isupper() and strip_word(fold_for_match(w)) not in not_issuers]
    if not named and at and folded[at - 1] in lex.body_heads:
        # "the ministry statement": a body in lower case right before the document, which the article named
        named = [w for w in written[:at] if strip_word(fold_for_match(w)) not in not_issuers]
    return named


def _without_place(lex, words: list[str]) -> list[str]:
    """The issuer's words without the place the document was posted at the end ("... Hospital web site")."""
    folded = [strip_word(w) for w in words_of(" ".join(words))]
    for place in lex.issuer_places:
        if len(folded) > len(place) and tuple(folded[-len(place) :]) == place:
            return words[: -len(place)]
    return words


def author(ctx: ArticleContext, ask: Ask) -> str | None:
    """ "an International Monetary Fund report", "taqrir Sunduq al-Naqd al-Dawli": a document named by whom it is
    from is its author's, when the registry knows the author or a body's noun refers to one; the owner stands where
    the pack puts a noun's modifiers (before it, or right after it), never after a preposition ("a report on the World
    Bank"). A document that is issued (a statement, a release: ``issuer``) names its issuer whoever it is."""
    words = words_of(ask.target)
    lex = ctx.lex
    at = next((k for k, w in enumerate(words) if strip_word(w) in lex.authored_documents), None)
    if at is None:
        return None
    owner = words[:at] if lex.modifiers_first else words[at + 1 :]
    if not owner or (not lex.modifiers_first and owner[0] in lex.function_words):
        return None
    known = ctx.registry.find_alias(" ".join(owner), max_start=None if lex.modifiers_first else 0)
    if known or len(owner) != 1:
        return known
    # "إعلان الصندوق" (the Fund's announcement), "the ministry report": a body's noun owning it refers to the body
    # the article named so
    return reference(ctx, ctx.ask(ask.statement, owner[0]))


def fragment(ctx: ArticleContext, ask: Ask) -> str | None:
    """A phrase that names nobody (")", "bayan asdarathu" = a statement it issued, "hasila" = a toll, a dateline):
    the statement stays unattributed."""
    reader = ctx.reader
    if ask.article and not reader.names_a_kind_of_source(ask.target):
        return _nobody(ctx)  # "the cooperation"
    if ask.article and all(w[:1].isupper() for w in ask.target.split()):
        return None  # "the Post": capitals after an article write a name, whatever the words mean
    if reader.is_fragment(ask.target) or reader.is_fragment(ask.written) and ask.target == ask.written:
        return _nobody(ctx)
    if reader.is_common_word_name(ask.target) and not _first_name_in_article(ctx, ask.target):
        # "Amal" (hope) alone is a name only when the article named someone by it.
        return _nobody(ctx)
    return None


def _first_name_in_article(ctx: ArticleContext, word: str) -> bool:
    key = name_key(word)
    return any(
        ctx.registry.kind(m.canonical) == SpeakerKind.person and name_key(m.canonical).split()[:1] == [key]
        for m in ctx.named
    )


def title_in_article(ctx: ArticleContext, ask: Ask) -> str | None:
    """A bare title ("al-wazir", "al-mutahadditha", "nafs al-masdar"): only someone this article named before with it,
    agreeing in gender, else the article's own unnamed holder of that title. Never a person from elsewhere."""
    title = bare_title(ctx.lex, ask.target, ask.definite)
    words = words_of(ask.target)
    same_source = bool(set(words) & ctx.lex.same_source_words)
    if title is None and same_source:
        rest = [w for w in words if w not in ctx.lex.same_source_words]
        title = bare_title(ctx.lex, " ".join(rest), ask.definite) if rest else None
    if title is None:
        return None
    gender = title.gender or (ask.statement.gender if ask.statement.gender in ("m", "f") else None)
    for m in reversed(ctx.named):
        if ctx.holds_title(m, title, gender):
            return m.canonical
    person = ctx.person_after_title_in_text(ask.target, ask.statement)
    if person:
        return person
    speaking = len(words) == 1 and title.word in ctx.lex.speaking_references  # "وتابع المتحدث": the one speaking
    if (same_source or speaking) and ctx.named:
        return ctx.named[-1].canonical
    label = " ".join(w for w in ask.target.split() if fold_for_match(w) not in ctx.lex.same_source_words)
    return unnamed_holder(ctx, label or ask.target, title.word, title.gender)


def epithet(ctx: ArticleContext, ask: Ask) -> str | None:
    """ "the 27-year-old", "the Spanish technician", "al-mudarrib al-maghribi" (the Moroccan coach): a definite phrase
    that describes someone by age, or by nationality and one common noun or occupation, with no name, title, body or
    outlet of its own, is the news's second reference to a person the article named: the last one whose nationality
    does not differ and who, for an occupation, was named with it or with no title; with nobody such, it is left to
    the other strategies."""
    lex = ctx.lex
    words = words_of(ask.target)
    if not words or not (ask.definite or definite(lex, without_conjunction(lex, words[0]))):
        return None
    aged = any(words[-len(p) :] == list(p) for p in lex.age_phrases if len(words) > len(p))
    noun, other = (words[-1], words[0]) if lex.modifiers_first else (words[0], words[-1])
    noun = strip_word(without_conjunction(lex, noun))
    occupation = noun in lex.occupations
    nationality = _national(ctx, other)
    national = len(words) == 2 and nationality and (occupation or _common_noun(lex, noun))
    if not (aged or national):
        return None
    mine = ctx.nationalities(ask.target)
    titles = _words(lex, *TITLES)
    for m in reversed(ctx.named):
        if ctx.registry.kind(m.canonical) != SpeakerKind.person:
            continue
        said = f"{m.written} {m.role}"
        theirs = ctx.nationalities(said)
        held = ctx.title_words(said) & titles
        if (mine and theirs and mine.isdisjoint(theirs)) or (occupation and held and noun not in held):
            continue
        return m.canonical
    return None


def _common_noun(lex, word: str) -> bool:
    """A noun that names no body, outlet, title, document or group of people of its own."""
    kinds = (lex.body_heads, lex.media_heads, lex.generic_references, lex.not_speakers, lex.title_words)
    return not any(word in k for k in kinds) and not word.endswith(lex.plural_endings)


def surname_written(ctx: ArticleContext, ask: Ask) -> str | None:
    """ "al-Haddad", "Hart" alone where the article's text wrote one full name ending with it ("the Moroccan coach
    Samir Haddad", "coach Sam Hart"), though not as a speaker, or "Alan" where it wrote one starting with it: that
    name, resolved as if written in full; before the registry, whose one-word alias may be another article's person.
    A person's title alone before the one word ("PM Khan") leaves it the name to look for."""
    role = words_of(ask.parsed.role or "")
    titled = bool(role) and all(ctx.reader.is_title_word(w) for w in role)
    titled = titled and any(strip_word(w) in ctx.lex.person_titles for w in role)
    written = (ask.parsed.name if titled and ask.parsed.name else ask.target).strip()
    if len(words_of(written)) != 1 or ctx.reader.is_title_word(written) or same_name(ctx, written):
        return None
    full = ctx.full_name_written(written) or ctx.full_name_from_given(written)
    return name(ctx, ctx.ask(ask.statement, full)) if full else None


def exact(ctx: ArticleContext, ask: Ask) -> str | None:
    """A known alias, the whole phrase."""
    return ctx.registry.exact(ask.target)


def alias(ctx: ArticleContext, ask: Ask) -> str | None:
    """A known person's alias inside the phrase ("the Russian president Vladimir Putin"); not one the speaker
    speaks for ("al-mutahaddith bi-ism Putin", "spokesman of Putin")."""
    person = ctx.registry.find_alias(ask.target, (SpeakerKind.person,))
    words = words_of(ask.target)
    spoken_for = [" ".join(words[k + 1 :]) for k, w in enumerate(words[:-1]) if w in ctx.lex.spoken_for]
    if person and any(ctx.registry.find_alias(rest, (SpeakerKind.person,)) == person for rest in spoken_for):
        return None
    if person and ask.parsed.name:
        if _inside_another_name(ctx, ask.parsed.name, person):
            return None
        if _given_name_of_another(ctx, ask.parsed.name, person):
            return None
        if _family_name_of_another(ctx, ask.parsed.name, person):
            return None
        if _qualifies(ctx, words, person) and ctx.registry.find_alias(ask.parsed.name, (SpeakerKind.person,)) != person:
            return None
        if ctx.reader.parse(person).name is None:
            # "the Moroccan foreign minister Karim Nasri" after a headline gave the office alone: the name says who
            # holds it; the office this article introduced takes the name, another article's is left to it
            return ctx.named_office(person, ask.parsed.name)
        return _fuller(ctx, person, ask.parsed.name)
    return person


def shortened(ctx: ArticleContext, ask: Ask) -> str | None:
    """A body's name written short after the article wrote it whole ("هيئة الإغاثة" after "هيئة الإغاثة الوطنية",
    "the Relief Agency" after "the National Relief Agency"): the body it named, whose name keeps its head and drops
    what qualified it (the words after the head where heads come first, before it where modifiers do)."""
    words = [strip_word(w) for w in words_of(ask.target)]
    if ask.parsed.name or len(words) < 2:
        return None
    for m in reversed(ctx.named):
        if ctx.registry.kind(m.canonical) not in (SpeakerKind.organisation, SpeakerKind.media):
            continue
        whole = [strip_word(w) for w in words_of(m.written)]
        kept = whole[len(whole) - len(words) :] if ctx.lex.modifiers_first else whole[: len(words)]
        if len(whole) > len(words) and kept == words:
            return m.canonical
    return None


def _inside_another_name(ctx: ArticleContext, name: str, person: str) -> bool:
    """ "Ammar Mohammed al-Hassan", "Suhail bin Mohammed al-Mazrouei" where another article's person is known by the
    one word "Mohammed" alone: a known word inside a chain of names, after a name particle ("bin") or before a family
    name with the article, is a father's name in it, not that person. A person of the packs' data, or one this article
    named, is known by more than such a word."""
    if person in ctx.registry.curated or any(m.canonical == person for m in ctx.named):
        return False
    words, lex = words_of(name), ctx.lex
    spans = _written_at(ctx, words, person)

    def fathers(start: int, end: int) -> bool:
        if end - start != 1 or not 0 < start < len(words) - 1:
            return False
        family = bool(lex.definite_article) and words[end].startswith(lex.definite_article)
        return words[start - 1] in lex.name_particles or family

    return bool(spans) and all(fathers(start, end) for start, end in spans)


def _given_name_of_another(ctx: ArticleContext, name: str, person: str) -> bool:
    """ "Ahmed al-Toufiq" where the registry knows "Ahmed" alone as Abiy Ahmed's: a known one-word name that only
    opens a longer name is another person's given name, unless the longer name is known as that person's, or the
    rest of it is, in some spelling, a word of a name that person is known by ("Tedros Adhanom Ghebreyesus" written
    with another "Ghebreyesus")."""
    words = words_of(name)
    if len(words) < 2:
        return False
    spans = _written_at(ctx, words, person)
    if not spans or any((a, b) != (0, 1) for a, b in spans):
        return False
    known = ctx.registry.get(person)
    own = {name_key(w) for alias in (known.aliases if known else []) for w in words_of(alias)}
    return not any(name_key(w) in own for w in words[1:])


def _another_given_name(ctx: ArticleContext, name: str, person: str) -> bool:
    """ "Mayor Ann Lee" where the article named "Tom Lee": one family name, with a given name the known person is
    never written with, is another member of the family (Kim Yo Jong is not Kim Jong Un, Abdulaziz bin Salman not
    Mohammed bin Salman). An initial ("T. Lee") may stand for the given name."""
    known = ctx.registry.get(person)
    # By name keys: "Abd Allah" and "Abdallah", "Abu Zeid" and "Abuzeid" are one name, the space wherever it falls
    keys = name_key(name).split()
    if len(keys) < 2 or known is None:
        return False
    keyed = [(alias, name_key(alias).split()) for alias in known.aliases]
    aliases = [alias for alias, alias_keys in keyed if len(alias_keys) > 1]
    written = [alias_keys for _, alias_keys in keyed if len(alias_keys) > 1]
    if not written or any(keys[0] in alias for alias in written):
        return False
    # the given name right before the family name, where a title's last word was read into the name ("Climate Change
    # Shane Thompson")
    particles = {name_key(p) for p in ctx.lex.name_particles}
    before = [k for k in keys[1:-1] if k not in particles]
    if before and any(before[-1] in alias[:-1] for alias in written):
        return False
    first = words_of(name)[0]
    return not any(
        _initial_of(first, words_of(alias)[0]) or _initial_of(words_of(alias)[0], first) for alias in aliases
    )


def _fuller(ctx: ArticleContext, known: str, name: str) -> str:
    """ "Matta" in a headline, then "the MP Nazih Matta": a person this article introduced takes the fuller name;
    another article's is noted with it, so that another given name with that family name is another person."""
    if len(name.split()) <= len(known.split()) or not name_key(name).endswith(name_key(known)):
        return known
    if ctx.rename_introduced(known, name):
        return name
    ctx.registry.add(Speaker(known, ctx.registry.kind(known), [name]))
    return known


def _written_at(
    ctx: ArticleContext, words: list[str], speaker: str, kinds=(SpeakerKind.person,)
) -> list[tuple[int, int]]:
    """Where folded ``words`` hold one of ``speaker``'s aliases, as (start, end) spans."""
    return [(a, b) for a, b, canonical in ctx.registry.spans(words, kinds) if canonical == speaker]


def _family_name_of_another(ctx: ArticleContext, name: str, person: str) -> bool:
    """ "Karim Naimi" where the registry knows "Naimi" alone, as another article's "Issa al-Naimi": the known one word
    is the name's family name, and the word before it a given name that person is never written with. Words before
    a known name of two words ("Sgt Matt Davidson") are a title the name was read with, not a given name."""
    words = words_of(name)
    spans = _written_at(ctx, words, person)
    if not spans:
        return False
    start, end = max(spans, key=lambda span: span[1] - span[0])
    return end - start == 1 and start > 0 and _another_given_name(ctx, " ".join(words[start - 1 : end]), person)


def _initial_of(short: str, word: str) -> bool:
    return len(short.rstrip(".")) == 1 and name_key(word).startswith(name_key(short.rstrip(".")))


def _qualifies(ctx: ArticleContext, words: list[str], person: str) -> bool:
    """Whether a known name stands before a title as whose the title is, in a language that writes the owner
    first ("Copernicus Deputy Director Samantha Burgess", "Kozlowski attorney Stephen Kaufman")."""
    lex = ctx.lex
    titles = _words(lex, *TITLES)
    return lex.modifiers_first and any(
        canonical == person and end < len(words) and strip_word(words[end]) in titles
        for _, end, canonical in ctx.registry.spans(words, (SpeakerKind.person,))
    )


# Who may say a thing together: people, or bodies.
GROUP_KINDS = (SpeakerKind.person, SpeakerKind.organisation)


def joint(ctx: ArticleContext, ask: Ask) -> str | None:
    """ "Apple and Google said", "Putin and Xi said": two known speakers of one kind joined by "and" say it together,
    as ``group``'s two; a name holding "and" (a ministry "of Endowments and Islamic Affairs") is known whole, or one
    of its halves names no speaker."""
    words = ask.target.split()
    for left, right in _joined(ctx.lex, words):
        members = [ctx.registry.exact(" ".join(left)), ctx.registry.exact(" ".join(right))]
        kinds = {ctx.registry.kind(m) for m in members if m}
        if all(members) and members[0] != members[1] and len(kinds) == 1 and kinds <= set(GROUP_KINDS):
            return _group_of(ctx, members, kinds.pop(), [ask.target.strip()])
    return None


def _named_together(ctx: ArticleContext, text: str) -> tuple[str, str, str] | None:
    """The last two known speakers of one kind a text names joined by "and" ("Apple and Google", "آبل وغوغل"), with
    their kind: whose a joint statement is."""
    lex = ctx.lex
    words = words_of(text)
    spans = ctx.registry.spans(words, GROUP_KINDS)
    for (_, end, first), (start, _, second) in reversed(list(zip(spans, spans[1:]))):
        between = [w for w in words[end:start] if w not in lex.definite_articles]
        glued = not between and lex.and_conjunction and words[start].startswith(lex.and_conjunction)
        kind = ctx.registry.kind(first)
        if (
            first != second
            and kind == ctx.registry.kind(second)
            and (glued or between in ([w] for w in lex.joint_conjunctions))
        ):
            return first, second, kind
    return None


def _joined(lex: Lexicon, words: list[str]):
    """Each way a phrase splits at a conjunction into what it joins: at a word of its own, or one glued on."""
    glued = lex.and_conjunction
    for k in range(1, len(words)):
        word = fold_for_match(words[k])
        if word in lex.joint_conjunctions:
            yield words[:k], words[k + 1 :]
        elif glued and word.startswith(glued) and len(word) > len(glued) + 1:
            yield words[:k], [words[k][len(glued) :], *words[k + 1 :]]


def group(ctx: ArticleContext, ask: Ask) -> str | None:
    """ "al-za'imani" (the two leaders) after "Starmer ... and Biden": the last two people named before the statement,
    together; "the companies", "al-sharikatan" (the two companies) after "Apple and Google ...": the last two bodies,
    named in one order whichever an article names first (a joint statement is one source in every report of it); "a
    joint statement", "bayan mushtarak": the last two of the kind named last."""
    words = words_of(ask.target)
    bare = " ".join(w for w in words if w not in ctx.lex.articles)
    if words and words[0] in ctx.lex.group_references:
        kind = SpeakerKind.person
    elif bare in ctx.lex.body_group_references:
        kind = SpeakerKind.organisation
    elif " ".join(words) in ctx.lex.joint_documents or bare in ctx.lex.joint_documents:
        if any(w[:1].isupper() for w in ask.target.split()[1:]):
            return None  # "Joint Statement on ...": a document's title, whoever issued it
        together = _named_together(ctx, ctx.before(ask.statement, 600))
        return _group_of(ctx, list(together[:2]), together[2]) if together else None
    else:
        return None
    before = ctx.registry.mentions(ctx.before(ask.statement, 600), (kind,))
    members: list[str] = []
    for canonical in reversed(before):
        if canonical not in members:
            members.insert(0, canonical)
        if len(members) == 2:
            break
    if len(members) < 2:
        return None
    return _group_of(ctx, members, kind)


def _group_of(ctx: ArticleContext, members: list[str], kind: str, names: list[str] | None = None) -> str:
    """The group of these speakers, bodies named in one order whichever an article names first; ``names`` are the
    aliases it is known by where the article named them together ("Apple and Google"). What an article called them
    ("both", "the two leaders", "a joint statement") is no alias: every article says it of its own two."""
    if kind == SpeakerKind.organisation:
        members = sorted(members)
    return ctx.registry.add(Speaker(GROUP_JOINER.join(members), SpeakerKind.group, names or [])).canonical


def anonymous(ctx: ArticleContext, ask: Ask) -> str | None:
    """An unnamed or collective source ("mas'ulun amirikiyyun", "masadir tibbiyya"), qualified by its nationality."""
    if ctx.reader.personal_name(ask.parsed.name):
        return None  # "al-khabir al-iqtisadi Samir Rizk" (the economist Samir Rizk) names a person
    lex = ctx.lex
    words = [strip_word(w) if definite(lex, without_conjunction(lex, w)) else w for w in words_of(ask.target)]
    while words and (words[0] == lex.and_conjunction or words[0] in lex.quantifiers):
        words = words[1:]  # "thalathat masadir", "'adad min al-mas'ulin": the head follows the count
    label, rest = _anonymous_head(ctx, words)
    if label is None or any(w in lex.reference_fillers for w in words):
        return None
    nationality = next(iter(ctx.reader.nationality_labels(rest)), None)
    if nationality is None and rest:
        # "U.S. officials", "sources in Moscow": a country's name rather than its adjective
        named = ctx.nationalities(" ".join(rest))
        nationality = named.pop() if len(named) == 1 else None
    if nationality is None:
        # "al-mas'ulun" after "mas'ulun amirikiyyun": the same group, named once.
        for m in reversed(ctx.named):
            sp = ctx.registry.get(m.canonical)
            if sp and sp.kind == SpeakerKind.anonymous and m.canonical.lower().endswith(label.lower().split()[-1]):
                return m.canonical
    name = _anonymous_name(label, nationality)
    standing = ctx.registry.standing_for(name)
    return standing or ctx.registry.add(Speaker(name, SpeakerKind.anonymous, [ask.target.strip()])).canonical


def _anonymous_head(ctx: ArticleContext, words: list[str]) -> tuple[str | None, list[str]]:
    """The collective head's label and the words qualifying it: after the head ("mas'ulun amirikiyyun"), or before
    it where the pack puts modifiers first ("US officials", "three OPEC sources"; what follows the head, "familiar
    with the matter", says no more whose)."""
    for head, value in sorted(ctx.lex.anonymous_heads.items(), key=lambda kv: -len(kv[0])):
        head_words = [strip_word(w) if definite(ctx.lex, w) else w for w in head.split()]
        n = len(head_words)
        if words[:n] == head_words:
            return value, words[n:]
        if ctx.lex.modifiers_first:
            opening = _before_function_word(ctx, words)
            # the head last, or before one word that opens its own qualifier ("a source familiar with ...")
            at = next(
                (k for k in (len(opening) - n, len(opening) - n - 1) if k > 0 and opening[k : k + n] == head_words),
                None,
            )
            if at is not None:
                return value, opening[:at]
    return None, []


def _before_function_word(ctx: ArticleContext, words: list[str]) -> list[str]:
    """ "source familiar with the matter" -> "source familiar": the words before the first function word."""
    cut = next((k for k, w in enumerate(words) if w in ctx.lex.function_words or w in ctx.lex.relatives), len(words))
    return words[:cut]


# Where a collective's label takes its qualifier ("Unnamed {qualifier} sources"); a label without it takes it first.
QUALIFIER = "{qualifier}"


def _anonymous_name(label: str, nationality: str | None) -> str:
    if QUALIFIER in label:
        return " ".join(label.replace(QUALIFIER, nationality or "").split())
    if nationality is None or nationality.lower() in label.lower():
        return label
    return f"{nationality} {label[0].lower() + label[1:]}"


def reference(ctx: ArticleContext, ask: Ask) -> str | None:
    """ "al-wakala" (the agency), "al-sahifa" (the paper), "al-mas'ul al-rusi dhatuh" (the same Russian official): the
    latest speaker this article named with that noun."""
    words = words_of(ask.target)
    lex = ctx.lex
    if not words:
        return None
    conjoined = words[0][:1] == lex.and_conjunction and words[0][1:] in lex.generic_references
    head = _with_article(lex, words[0][1:] if conjoined else words[0])
    which: list[str] = []
    # "the Russian agency": which one, then the noun; not "the Ugandan Rowing Committee", a name by its capital
    if (
        lex.modifiers_first
        and words[-1] in lex.generic_references
        and len(words) <= 3
        and not ask.parsed.name
        and ask.target.split()[-1].islower()
    ):
        head, which, words = words[-1], words[:-1], words[-1:]
    fillers = any(w in lex.reference_fillers for w in words)
    references = (lex.generic_references, lex.body_references, lex.media_references)
    referring = any(head in r for r in references) or _definite_body_noun(lex, head)
    if not referring or (len(words) > 2 and not fillers):
        return None
    noun = strip_word(head)
    if fillers and ctx.named:
        return ctx.named[-1].canonical  # the same one as before, whatever the article called them then
    bodies = _words(lex, *BODY_NOUNS)
    for m in reversed(ctx.named):
        sp = ctx.registry.get(m.canonical)
        if noun in bodies and sp and sp.kind == SpeakerKind.person:
            continue  # "the company" after "company manager Sam Hart": the body he speaks for, not him
        known_roles = " ".join(sp.roles) if sp and m.canonical in ctx.registry.curated else ""
        theirs = {strip_word(w) for w in words_of(f"{m.written} {m.role} {known_roles}")}
        if noun in theirs and set(which) <= theirs:
            # A body of that noun written after this speaker spoke ("وألقت وزارة الداخلية ..." after "وأضافت وزارة
            # الدفاع"), though it said nothing, is the one the noun points back to.
            return _body_written_since(ctx, ask, noun, m.written) or m.canonical
    for references, kind in (
        (lex.body_references, SpeakerKind.organisation),
        (lex.media_references, SpeakerKind.media),
    ):
        if head in references and not which:
            body = next((m.canonical for m in reversed(ctx.named) if ctx.registry.kind(m.canonical) == kind), None)
            if body:
                return body  # "the institution", "the broadcaster": the body named last, whatever the article called it
    return _outlet_named_with(ctx, noun) or _body_named_before(ctx, ask, noun) or _described_or_recent(ctx, ask, noun)


def _definite_body_noun(lex: Lexicon, word: str) -> bool:
    """A body's noun with the article written on it ("المعهد", "الصندوق"): it points back at the body the article
    named with that noun, as the nouns listed among the references do."""
    return definite(lex, word) and strip_word(word) in lex.body_heads


def _with_article(lex: Lexicon, word: str) -> str:
    """A noun with a particle written on its article ("lil-bank": of the bank) as the noun with the article alone."""
    bare = lex.hooks.strip_article(word)
    peeled = lex.definite_article and bare != word and not definite(lex, word)
    return lex.definite_article + bare if peeled else word


def _body_named_before(ctx: ArticleContext, ask: Ask, noun: str) -> str | None:
    """ "al-diwan" after the article wrote "al-diwan al-malaki": that body, with the adjectives it was given there; or
    after it wrote the noun bare before a definite name ("sunduq al-tanmiya al-rifiya", "bank al-maghrib", the body
    spoken of even where no statement was its): that body by that name."""
    found, written = _body_written_before(ctx, ask, noun)
    if not found:
        return None
    return (
        ctx.registry.exact(found) or ctx.registry.add(Speaker(written, SpeakerKind.organisation, [written])).canonical
    )


def _body_written_since(ctx: ArticleContext, ask: Ask, noun: str, since: str) -> str | None:
    """A body of ``noun`` the article wrote after its last mention of the speaker ``since`` and other than it
    ("وألقت وزارة الداخلية ..." after "وأضافت وزارة الدفاع"), resolved as a phrase of its own, or None."""
    found, written = _body_written_before(ctx, ask, noun, since)
    if not found or found in fold_for_match(since):
        return None
    return _as_own_phrase(ctx, ask.statement, written, (subject_before_cue, issuer, document, fragment, reference))


def _body_written_before(ctx: ArticleContext, ask: Ask, noun: str, since: str | None = None) -> tuple[str, str]:
    """The last body of ``noun`` written in a sentence before the statement's (after ``since``, a speaker as written,
    if given): the noun and up to three definite words after it, folded and as spelt; empty in a pack that does not
    write the article on each adjective."""
    if noun not in ctx.lex.body_heads or not ctx.lex.definite_article:
        return "", ""
    st = ask.statement
    sentence_start = max(ctx.text.rfind("\n", 0, st.char_start), ctx.text.rfind(".", 0, st.char_start), 0)
    before = ctx.text[:sentence_start]  # a sentence before: in this one the noun is the speaker phrase itself
    if since is not None:
        at = before.rfind(since)
        if at < 0:
            return "", ""
        before = before[at + len(since) :]
    found = ""
    article = re.escape(ctx.lex.definite_article)
    # "المركز الوطني لمكافحة الأمراض": the name goes on after its preposition (not the national weather centre)
    goes_on = "|".join(re.escape(p) for p in ctx.lex.name_prepositions)
    more = rf"(?:\s+(?:{goes_on})\w+(?:\s+{article}\w+){{0,2}})?" if goes_on else ""
    named = rf"(?<!\S)(?:{article})?{re.escape(noun)}((?:\s+{article}\w+){{1,3}}){more}"
    # a body's name never runs on past a comma ("الاتحاد المصري لكرة القدم، الأحد، ..."), which folding would drop
    for clause in re.split(CLAUSE_BREAK, before):
        for m in re.finditer(named, fold_for_match(clause)):
            found = _up_to_function_word(ctx.lex, m.group(0).strip()) or found
    return found, _as_written(before, found) if found else ""


def _up_to_function_word(lex: Lexicon, found: str) -> str:
    """A body's noun and the words after it up to a function word, which folds as a definite word may ("إلى" as
    "الي"), or a day ("بنك اليابان المركزي اليوم"); empty when none is left after the noun."""
    words = found.split()
    ends = (lex.function_words, lex.days, lex.relative_day_words)
    end = next((k for k, w in enumerate(words) if k and any(w in e for e in ends)), len(words))
    return " ".join(words[:end]) if end > 1 else ""


def _as_written(text: str, folded: str) -> str:
    """The last run of words of ``text`` that folds to ``folded``, as the article spelt it (its ta marbuta and
    hamzas kept), or ``folded`` itself."""
    wanted = folded.split()
    words = [token.raw for token in tokens(text)]
    for i in range(len(words) - len(wanted), -1, -1):
        run = words[i : i + len(wanted)]
        if fold_for_match(" ".join(run)).split() == wanted:
            return " ".join(run)
    return folded


def _outlet_named_with(ctx: ArticleContext, noun: str) -> str | None:
    """ "al-sahifa" (the paper) with no speaker before it: the outlet the article named with that noun."""
    for m in re.finditer(re.escape(noun), ctx.folded_text):
        media = ctx.registry.find_alias(ctx.folded_text[m.end() : m.end() + 60], (SpeakerKind.media,))
        if media:
            return media
    return None


def _described_or_recent(ctx: ArticleContext, ask: Ask, noun: str) -> str | None:
    described = ctx.described_before(noun, ask.statement)
    if described:
        # Known by its description alone: the bare noun ("the statement") is every article's, and another article's
        # "البيان" is the statement its own article described.
        return ctx.registry.add(Speaker(described, SpeakerKind.organisation, [described])).canonical
    if noun in _words(ctx.lex, *BODY_NOUNS) and noun not in _words(ctx.lex, *DOCUMENT_NOUNS):
        # a body's noun names the speaker who spoke last only where it was written with it (``reference``): never
        # a person, nor a country speaking for its government ("Zambia said ... Ministry of Health staff ... the
        # Health ministry said"); a document's noun heading a body's phrase ("al-bayan") is the statement it issued
        return None
    # "the company said in a statement ... and the statement added": the statement the last speaker issued, named
    # before the phrase itself (in a subject-first pack the phrase stands in the text just before its claim).
    st = ask.statement
    upto = ctx.text.rfind(ask.written, max(0, st.char_start - 300), st.char_start) if ask.written else -1
    recent = fold_for_match(ctx.text[max(0, st.char_start - 300) : upto if upto >= 0 else st.char_start])
    last = ctx.named[-1].canonical if ctx.named else None
    return last if last and re.search(rf"\b{re.escape(noun)}\b", recent) else None


def name(ctx: ArticleContext, ask: Ask) -> str | None:
    """A person's name: someone known by any spelling, else a new person."""
    parsed = ask.parsed
    if not parsed.name or all(len(w) < 2 for w in words_of(parsed.name)):
        return None  # "s" left of a possessive ("Morocco's") is no name
    if _names_a_body(ctx, ask.target, parsed):
        return None  # "Constitutional Council of Cameroon": the word before a body's noun names the body
    reg = ctx.registry
    full = ctx.reader.complete_name(parsed.name, ctx.text)
    # a full name's own spelling first: "Jamal al-Sellami" is "Jamal Sellami", not another article's "al-Sellami"
    keyed = reg.find_by_key(full) if len(words_of(full)) > 1 and not reg.exact(full) else None
    known = (
        keyed
        or reg.find_alias(full)
        or reg.aliases_containing(words_of(full)[-1], ask.target)
        or same_name(ctx, full)
        or reg.with_middle_names(full)
    )
    if known and any(f(ctx, full, known) for f in (_inside_another_name, _given_name_of_another, _another_given_name)):
        known = None
    if known and reg.kind(known) != SpeakerKind.person and _holds_a_body_name(ctx, full, known):
        known = None
    if not known and (known := reg.in_other_script(full)):
        reg.add_alias(known, full)  # the same person, named in another language's article
    if known and reg.kind(known) != SpeakerKind.person and parsed.role:
        # "mutahaddith Hamas" (a Hamas spokesman): a title of a body; the person the article gave that title, if any.
        return titled(ctx, ask) or known
    if known:
        return _fuller(ctx, known, full)
    if _company_name(ctx, full, parsed.role):
        return reg.add(Speaker(full, SpeakerKind.organisation, [full])).canonical
    if _introduced_by(parsed.role, ctx.lex.media_references):
        # "television station TVBS", "the broadcaster NHK": an outlet, which "the station" points back to later
        return reg.add(Speaker(full, SpeakerKind.media, [full])).canonical
    return ctx.create_person(full, parsed.role, ask.statement.gender)


def _holds_a_body_name(ctx: ArticleContext, full: str, body: str) -> bool:
    """Whether a person's name ends with a body's name of one word, a given name before it ("Issa al-Naimi", where
    another article's lone "al-Naimi" was read as a body): a family name, not the body ("RIA Novosti", "the World Food
    Programme of the UN" hold the whole of a body's name)."""
    words = words_of(full)
    spans = _written_at(ctx, words, body, kinds=None)
    return len(words) > 1 and bool(spans) and max(end - i for i, end in spans) == 1 and spans[-1][1] == len(words)


def _introduced_by(role: str | None, nouns: frozenset[str]) -> bool:
    """Whether the role read before a name ends with one of these nouns, which then say what the name names."""
    introduced = words_of(role or "")[-1:]
    return bool(introduced) and strip_word(introduced[0]) in nouns


def _names_a_body(ctx: ArticleContext, target: str, parsed) -> bool:
    """Whether the "name" a phrase opens with is a body's own word right before its noun ("Constitutional Council",
    "Supreme Court"): the role read after it starts with a body's noun, where names come before their noun; there,
    too, a name anywhere in the phrase right before a body's noun ("National Disaster Management Office", "Fire and
    Disaster Management Agency") is the body's."""
    role = words_of(parsed.role or "")
    written, name = words_of(target), words_of(parsed.name)
    bodies = _words(ctx.lex, *BODY_NOUNS)
    if ctx.lex.modifiers_first:
        ends = [k + len(name) for k in range(len(written) - len(name)) if written[k : k + len(name)] == name]
        if any(_body_noun_follows(ctx.lex, written[end:], bodies) for end in ends):
            return True
    if not role or strip_word(role[0]) not in bodies:
        return False
    if not ctx.lex.modifiers_first:
        # "إعلان الصندوق" (the Fund's announcement): one word annexed to the body's noun right after it is the body's
        return len(name) == 1 and written[:2] == [*name, role[0]]
    return written[: len(name)] == name


BODY_NAME_REACH = 3  # words of a body's name after "and" before its noun ("and Relief Ministry")


def _body_noun_follows(lex: Lexicon, words: list[str], bodies: frozenset[str]) -> bool:
    """Whether a body's noun follows, right away or after "and" and a few more words of the name ("Disaster Management
    and Relief Ministry"), none of them a function word ("Ann Lee and the ministry" are two speakers)."""
    if words and strip_word(words[0]) in bodies:
        return True
    if not words or words[0] not in lex.joint_conjunctions:
        return False
    for word in words[1 : BODY_NAME_REACH + 1]:
        if strip_word(word) in bodies:
            return True
        if word in lex.function_words:
            return False
    return False


def _company_name(ctx: ArticleContext, full: str, role: str | None) -> bool:
    """A name a company suffix ends ("Holt Freight Ltd") or an ampersand joins ("Holt & Barker", "AT&T"), or one
    a company's noun introduces ("the telecoms giant TalkTalk", "the carrier Verizon"); or a local institution's name,
    its noun last ("Gatwick Airport", "Alder Hey Hospital")."""
    words = words_of(full)
    if _introduced_by(role, ctx.lex.company_references):
        return True
    if len(words) > 1 and strip_word(words[-1]) in ctx.lex.local_bodies:
        return True
    return bool(words) and (words[-1] in ctx.lex.organisation_suffixes or any(ch in NAME_JOINERS for ch in full))


def company(ctx: ArticleContext, ask: Ask) -> str | None:
    """ "the company", "the telecoms giant": the company this article named last; never a person named with a first
    name or a title."""
    words = words_of(ask.target)
    lex = ctx.lex
    if not words or len(words) > 3 or strip_word(words[-1]) not in lex.company_references:
        return None
    if any(w[:1].isupper() for w in ask.target.split()[1:]):
        return None  # "the Holt company": a name of its own
    return _last_body(ctx, (SpeakerKind.organisation,))


def _last_body(ctx: ArticleContext, kinds: tuple[str, ...]) -> str | None:
    """The speaker named last that is of one of these kinds, or a name of one word with no title or gender, which
    a story writes of a company ("Telmora said"), not of a person, or the issuer of a document ("according to a
    statement issued by the Red Cross ... It said": the statement speaks, whoever the name is)."""
    for m in reversed(ctx.named):
        kind = ctx.registry.kind(m.canonical)
        bare = len(words_of(m.canonical)) == 1 and not m.role and not m.gender
        issued = any(w in ctx.lex.document_nouns for w in words_of(m.written))
        if kind in kinds or (kind == SpeakerKind.person and (bare or issued)):
            return m.canonical
    return None


def surname(ctx: ArticleContext, ask: Ask) -> str | None:
    """ "al-Khatib" after "Samer al-Khatib": a surname that happens to carry the article."""
    words = words_of(ask.target)
    if len(words) <= 2 and not any(ctx.reader.is_title_word(w) for w in words):
        return same_name(ctx, ask.target)
    return None


def short_name(ctx: ArticleContext, ask: Ask) -> str | None:
    """ "the Post" after "The Washington Post": one word, the last of a body or outlet the article named before."""
    words = words_of(ask.target)
    if len(words) != 1:
        return None
    named = ctx.registry.mentions(ctx.before(ask.statement), (SpeakerKind.media, SpeakerKind.organisation))
    for canonical in reversed(named):
        sp = ctx.registry.get(canonical)
        if any(words_of(a)[-1:] == words for a in [canonical, *sp.aliases] if len(words_of(a)) > 1):
            return canonical
    return None


def same_name(ctx: ArticleContext, text: str) -> str | None:
    """A person named earlier in this article or elsewhere, by full name or surname, any spelling."""
    key = name_key(text)
    last = key.split()[-1] if key else ""
    for m in reversed(ctx.named):
        sp = ctx.registry.get(m.canonical)
        if sp is None or sp.kind != SpeakerKind.person:
            continue
        keys = [name_key(a) for a in [m.canonical, *sp.aliases]]
        if any(k == key or (k.split() and k.split()[-1] == last) for k in keys):
            return m.canonical
    if " " not in key:
        # "Tedros" after "Tedros Adhanom Ghebreyesus": some people are called by their first name.
        firsts = {
            m.canonical
            for m in ctx.named
            if ctx.registry.kind(m.canonical) == SpeakerKind.person
            and len(name_key(m.canonical).split()) > 1
            and name_key(m.canonical).split()[0] == key
        }
        if len(firsts) == 1:
            return firsts.pop()
    # Another article's person by spelling variant: only on a full name; one word ("Fadel") is too little to go on.
    return ctx.registry.find_by_key(text) if " " in key else None


def titled(ctx: ArticleContext, ask: Ask) -> str | None:
    """A qualified title ("al-safira al-baritaniyya"): someone this article named with it, or the curated holder."""
    words = [ctx.synonym(strip_word(w)) for w in words_of(ask.target)]
    if not words or words[0] not in {strip_word(t) for t in ctx.lex.title_words}:
        return ctx.registry.find_by_role(ask.target)  # "the first man in North Korea"
    if words[-1] in _words(ctx.lex, *BODY_NOUNS) and not any(w in ctx.lex.person_titles for w in words):
        return None  # "Police" after "Deputy Commissioner of Police X": the body, not the officer who speaks for it
    mine = ctx.nationalities(ask.target)
    # "mudarrib al-muntakhab al-urduni" (the coach of the Jordanian team): an occupation names whom the article named
    # with it, unless it gave them another country; an office asks the same country, and most of its words.
    occupation = words[0] in ctx.lex.occupations
    for m in reversed(ctx.named):
        if ctx.registry.kind(m.canonical) != SpeakerKind.person:
            continue
        stated = ctx.nationalities(m.written + " " + m.role)
        if mine and (stated or not occupation) and mine.isdisjoint(stated):
            continue
        theirs = ctx.title_words(m.written + " " + m.role)
        if words[0] in theirs and (occupation or sum(w in theirs for w in words) * 2 >= len(words)):
            return m.canonical
    person = ctx.person_after_title_in_text(ask.target, ask.statement)
    return person or ctx.registry.find_by_role(ask.target)


def body(ctx: ArticleContext, ask: Ask) -> str | None:
    """A body or outlet the registry knows, named at the head of the phrase ("sahifat Washington Post"); one named
    further in is only what the body belongs to ("the High Commissioner of the United Nations")."""
    words = words_of(ask.target)
    # Before the name: an article and words without a capital in a script with capitals ("the state-run Korean
    # Central News Agency"), then a head noun ("sahifat").
    lex, lead = ctx.lex, 0
    heads = _words(lex, *LEAD_STOPS)
    for raw in ask.target.split():
        if not raw.islower() or all(strip_word(w) in heads for w in words_of(raw)):
            break
        lead += len(words_of(raw))
    headed = lead + (
        1 if lead < len(words) and strip_word(words[lead]) in _words(lex, "body_heads", "media_heads") else 0
    )
    found = ctx.registry.find_alias(ask.target, max_start=headed)
    if found and headed > lead and names_a_place([fold_for_match(w) for w in words_of(found)], lex.language):
        return None  # "sharikat Kenya lil-kahraba'": the country after a body's noun says whose body, it is not it
    return found


_UNIONS: dict[tuple[str, tuple[str, ...]], frozenset[str]] = {}


def _words(lex: Lexicon, *kinds: str) -> frozenset[str]:
    """The union of some of a pack's word lists, by field name: built once a language, not on every phrase."""
    key = (lex.language, kinds)
    if key not in _UNIONS:
        _UNIONS[key] = frozenset().union(*(getattr(lex, kind) for kind in kinds))
    return _UNIONS[key]


# The words a body's name opens after ("the president of ..."): titles, body nouns, "of".
LEAD_STOPS = ("body_heads", "title_words", "person_titles", "spoken_for")
# The nouns that name a body, never a person ("the company", "al-wakala").
BODY_NOUNS = ("body_heads", "media_heads", "company_references")
# The nouns of what a speaker issues ("the statement", "al-bayan"), some of them heads of a body's phrase in a pack.
DOCUMENT_NOUNS = ("document_nouns", "authored_documents")
TITLES = ("title_words", "person_titles")


def _national(ctx: ArticleContext, word: str) -> bool:
    """A nationality word, by the titles' list or the anonymous sources' table."""
    return word in ctx.lex.nationality or ctx.reader.is_nationality(word)


def new(ctx: ArticleContext, ask: Ask) -> str:
    """Last: the phrase itself, a new speaker of the kind its head word tells."""
    words = words_of(ask.target)
    lex = ctx.lex
    head = ctx.synonym(strip_word(_head(ctx, words)))
    phrase = ask.target.strip()
    if head in lex.person_titles and (not _qualified(ctx, phrase) or _national_occupation(ctx, words, head)):
        # An unnamed holder of a title that says not whose ("na'ibun hali", "al-mutahaddith bi-ism al-muhafaza", "the
        # Spanish coach"): a person of this article only, never the same as another article's.
        return unnamed_holder(ctx, phrase, head)
    if head in lex.person_titles:
        kind = SpeakerKind.person  # one office ("the Ukrainian defence minister"): a person, never a body
    elif (head in lex.local_bodies and phrase.islower()) or (
        head in lex.body_heads
        and not _qualified(ctx, phrase)
        and (_generic_body(ctx, words, phrase) or phrase.islower())
    ):
        # "wizarat al-dakhiliyya", "al-mahkama", "the fire department", "the hospital" (no capital, in a script with
        # them: common nouns): which country's, which court's, which town's, only this article knows.
        return ctx.registry.add(Speaker(in_article(phrase, ctx.article), SpeakerKind.organisation)).canonical
    else:
        kind = SpeakerKind.media if head in lex.media_heads else SpeakerKind.organisation
    introduced = ctx.registry.get(phrase) is None
    canonical = ctx.registry.add(Speaker(phrase, kind, [phrase])).canonical
    if introduced and kind == SpeakerKind.person:
        ctx.created.add(canonical)  # an office alone: the article may name its holder further on
    return canonical


def _head(ctx: ArticleContext, words: list[str]) -> str:
    """A phrase's head word: its first, or where modifiers come first the last before its first function word
    ("interior ministry", "spokesman of Putin")."""
    if not words:
        return ""
    return (_before_function_word(ctx, words) or words)[-1] if ctx.lex.modifiers_first else words[0]


def _qualified(ctx: ArticleContext, phrase: str) -> bool:
    """Whether a title says whose it is: a country ("al-ukrani", "al-umami") or a body the registry knows."""
    lex = ctx.lex
    words = [w for w in words_of(phrase) if w not in lex.articles]
    for k in range(1, len(words)):
        w = words[k]
        if words[k - 1] not in lex.spoken_for or w in lex.bare_modifiers or strip_word(w) in lex.bare_modifiers:
            continue
        if not (strip_word(w) in lex.body_heads and _generic_body(ctx, words[k:], phrase)):
            return True  # "al-natiq bi-ism al-Tajdid": a body by its name, known or not
        # "bi-ism wizarat al-kharijiyya": a body by common nouns says not whose, unless a country follows
    # a common noun the places list holds for another use ("al-hukuma" opens an object) says not whose
    named = [w for w in words if w not in lex.bare_modifiers and strip_word(w) not in lex.bare_modifiers]
    national = any(w in lex.nationality or strip_word(w) in lex.places or w in lex.places for w in named)
    # the kind words just set aside ("al-askari") are in the anonymous sources' table too, as "Military"
    return (
        national
        or _country_adjective(lex, named)
        or bool(ctx.nationalities(" ".join(named)))
        or bool(ctx.registry.find_alias(phrase))
    )


def _country_adjective(lex: Lexicon, words: list[str]) -> bool:
    """Whether words hold a country's adjective the nationality list lacks ("al-ughandiyya"), as the claims' places
    read it; a place's name itself is not read so ("the former coach of the Spanish team" is one of many)."""
    folded = fold_for_match(" ".join(words)).split()
    return bool(set(place_spans(folded, lex.language)) - set(written_place_spans(folded, lex.language)))


def _national_occupation(ctx: ArticleContext, words: list[str], head: str) -> bool:
    """An occupation qualified by nationality alone ("al-mudarrib al-maghribi", "the Spanish coach"): one of many."""
    lex = ctx.lex
    articles = lex.articles
    rest = [w for w in words if w not in articles and ctx.synonym(strip_word(w)) != head]
    return head in lex.occupations and bool(rest) and all(_national(ctx, w) for w in rest)


def _generic_body(ctx: ArticleContext, words: list[str], phrase: str) -> bool:
    """A body named by common nouns only ("wizarat al-dakhiliyya", "al-sharika"), not by a name of its own ("sharikat
    Aramco"), nor by common words the outlet set in quotation marks as its name ("قناة “الأفق الجديد”")."""
    lex = ctx.lex
    return not any(ch in QUOTE_CHARS for ch in phrase) and all(
        definite(lex, w) or strip_word(w) in lex.body_heads or (lex.modifiers_first and ctx.reader.is_title_word(w))
        for w in words
    )


def unnamed_holder(ctx: ArticleContext, label: str, head: str, gender: str | None = None) -> str:
    """The article's own unnamed holder of a title: "al-wazir · article-id", shown as "the minister (unnamed)"."""
    english = ctx.lex.bare_titles.get(head, ["", ""])[1] or "title holder"
    canonical = in_article(label, ctx.article)
    return ctx.registry.add(Speaker(canonical, SpeakerKind.title, [], [english], gender or None)).canonical


STRATEGIES: list[Strategy] = [
    subject_before_cue,
    pronoun,
    owned_document,
    body_pronoun,
    repeated,
    issuer,
    document,
    author,
    joint,  # before fragment and company, which would take one of the two
    group,  # before fragment: "the companies" alone is no speaker, but it points back at two named
    company,
    fragment,
    title_in_article,
    epithet,
    surname_written,
    exact,
    alias,
    shortened,  # after the known aliases: "مجلس الأمن" is the Security Council after "مجلس الأمن القومي" too
    anonymous,
    reference,
    short_name,
    name,
    surname,
    titled,
    body,
    new,
]
