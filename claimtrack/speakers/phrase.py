"""What a speaker phrase is made of: its name and role, and whether it can name a speaker at all.

A speaker is what a person would call a source: a name with or without a title, a title, a body, an outlet,
or an unnamed or collective source. ``is_fragment`` tells the rest (a lone bracket, a verb, "hasila" = a toll).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..claimtext import place_spans, written_place_spans
from ..lang.text import PUNCTUATION, Token, fold, fold_for_match, tokens
from ..lexicon import Lexicon
from .completion import PhraseCompletion
from .edges import NAME_APOSTROPHES, PhraseEdges
from .fragments import FragmentChecks
from .registry import Registry, strip_word, words_of

MAX_NAME_WORDS = 4  # "Faisal bin Farhan Al Saud"; a longer run after a title has run on past the name
MIN_PARTICIPLE = 5  # letters a participle has at least: "thing", "based" are left alone


@dataclass
class Parsed:
    """A speaker phrase taken apart."""

    name: str | None
    role: str | None


def singulars(lex: Lexicon, word: str) -> list[str]:
    """A nationality word and its singular forms (isra'iliyyun -> isra'ili), to look up in the data."""
    out = [word]
    for suffix in lex.plural_endings:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)])
    return out


def _spoken_for_first(lex: Lexicon, words: list[str], kinds: list[str]) -> bool:
    """ "Air India Express spokesperson", "an Air Canada spokesman": where modifiers come first, the capitalised words
    before a title written small are whom it speaks for, a place's name among them ("India") but no title ("Jeju Air
    President Kim E-bae" is a person's name)."""
    return (
        len(words) > 2
        and kinds[0] == "N"
        and words[-1].islower()
        and _titled(lex, words[-1])
        and strip_word(words[-1]) not in lex.body_heads
        and all(w[:1].isupper() for w in words[:-1])
        and not any(_titled(lex, w) for w in words[:-1])
    )


def _titled(lex: Lexicon, word: str) -> bool:
    """A word of a title ("President", "spokesman"), as the title lists write it."""
    return fold(word) in lex.title_words or fold(word) in lex.person_titles


def _body_named(lex: Lexicon, words: list[str]) -> bool:
    """ "the Uganda Wildlife Authority", "Civil Protection Authority of Rio Grande do Sul": capitalised words ending in
    a body's noun, alone or with whose it is after it ("of" a place): no person's name."""
    heads = [k for k, w in enumerate(words) if w[:1].isupper() and strip_word(w) in lex.body_heads]
    if not heads or not all(w[:1].isupper() for w in words[: heads[0]]):
        return False
    end = heads[0] + 1
    if end == len(words):
        return True
    owner = words[end + 1 :]
    affiliated = fold(words[end]) in lex.affiliation_prepositions and bool(owner) and owner[-1][:1].isupper()
    return affiliated and not any(_titled(lex, w) for w in owner)


def _longest_run(kinds: list[str], kind: str) -> tuple[int, int] | None:
    best, start = None, None
    for i, k in enumerate([*kinds, None]):
        if k == kind and start is None:
            start = i
        elif k != kind and start is not None:
            if best is None or i - start > best[1] - best[0]:
                best = (start, i)
            start = None
    return best


def _governs(lex: Lexicon, words: list[str], k: int) -> bool:
    """Whether the title opening a phrase, written without the article in a script without capitals, governs the
    word after it: "قائد طائرة" is a plane's captain, "مدير مدرسة" a school's head, and neither word a name (a title
    before a name takes the article). An abbreviation ("د.") is no such title."""
    word = words[k]
    bare = fold(word)
    cased = word[:1].isupper() or word[:1].islower()
    return k == 0 and not cased and len(bare) > 2 and not bare.startswith(lex.definite_article)


def _owner_particle(lex: Lexicon, word: str) -> bool:
    """Whether a word carries the possessive particle ("لمنتخب": of the team of): the name after it is whose."""
    particle = lex.possessive_preposition
    return bool(particle) and fold(word).startswith(particle) and len(fold(word)) > len(particle) + 2


def _construct_owner(lex: Lexicon, words: list[str], head: int) -> str | None:
    """ "bayanat al-hay'a al-'amma lil-ihsa'" (the general authority for statistics' data): a noun with no article,
    then a body's noun with it, owns what was said, the whole body named; None for any other phrase."""
    article = lex.definite_article
    if not article or head + 1 >= len(words) or fold(words[head]).startswith(article):
        return None
    owner = fold(words[head + 1])
    return " ".join(words[head + 1 :]) if owner.startswith(article) and strip_word(owner) in lex.body_heads else None


WORD_JOINERS = frozenset(PUNCTUATION["word_joiners"])
# Letters after an apostrophe in a possessive or a contraction, at most ("'s", "'re"): more is a name's part.
MAX_CLITIC_LETTERS = 2


# Letters of each syllable of a given name written with a hyphen and the second in small letters ("Lee Jae-myung",
# "John Lee Ka-chiu"), at most; a longer word before the hyphen is a name that modifies ("Hamas-run").
MAX_SYLLABLE = 5
HYPHENS = WORD_JOINERS - NAME_APOSTROPHES


def _name_words(lex: Lexicon, toks: list[Token]) -> list[str]:
    """The words of a chunk of a speaker's phrase; a mark joining two capitalised parts with no space ("Gopee-Scoon",
    "O'Brien"), an apostrophe before a name's lower-case part ("Sa'ilele") or a hyphen between a given name's two
    syllables ("Jae-myung") stays inside its word, where a possessive ("Egypt's"), a lower-case article ("al-Sisi")
    or a participle ("Iran-backed", "US-led") is cut."""
    words: list[str] = []
    glue = False
    for k, t in enumerate(toks):
        if glue or (t.raw in WORD_JOINERS and (_joins(toks, k) or _syllables(lex, toks, k))):
            words[-1] += t.raw
            glue = not glue
        elif t.is_word:
            words.append(t.raw)
    return words


def _ends_a_name(lex: Lexicon, word: str) -> bool:
    """A capitalised body noun where modifiers come first ends the body's name ("... Control Bureau")."""
    return lex.modifiers_first and word[:1].isupper()


def _glued(toks: list[Token], k: int) -> tuple[Token, Token] | None:
    """The words on both sides of the mark at k, when no space parts either from it; else None."""
    before, mark, after = toks[k - 1] if k else None, toks[k], toks[k + 1] if k + 1 < len(toks) else None
    if before is None or after is None or not (before.is_word and after.is_word):
        return None
    return (before, after) if before.end == mark.start and mark.end == after.start else None


def _joins(toks: list[Token], k: int) -> bool:
    pair = _glued(toks, k)
    if pair is None:
        return False
    before, after = pair
    long_part = toks[k].raw in NAME_APOSTROPHES and len(after.raw) > MAX_CLITIC_LETTERS
    return before.raw[:1].isupper() and (after.raw[:1].isupper() or long_part)


def _syllables(lex: Lexicon, toks: list[Token], k: int) -> bool:
    """Whether the hyphen at k joins a given name's two short syllables, the second in small letters, after the family
    name ("Lee Jae-myung"; "Co-lead Adam Brumm" opens with a title)."""
    pair = _glued(toks, k) if k >= 2 and toks[k].raw in HYPHENS else None
    if pair is None or not (toks[k - 2].is_word and toks[k - 2].raw[:1].isupper()):
        return False
    before, after = pair
    second = after.raw
    short = len(before.raw) <= MAX_SYLLABLE and len(second) <= MAX_SYLLABLE
    participle = second.endswith(tuple(lex.participle_endings)) or second in lex.irregular_pasts
    return short and before.raw[:1].isupper() and second.islower() and not participle


def _contracted_article(lex: Lexicon, word: str) -> tuple[str, str] | None:
    """(prefix, article) when a folded word opens with a preposition written into the article (lil-)."""
    return next(((c, a) for c, a in lex.contracted_articles.items() if word.startswith(c)), None)


def _unglued(lex: Lexicon, word: str) -> str:
    """A word without the one-letter preposition written on it: the article it contracted is given back
    (lil-wizara -> al-wizara), and a mark left at the join is dropped."""
    article = _contracted_article(lex, word)
    if article:
        return article[1] + word[len(article[0]) :]
    rest = word[1:]
    while rest and not fold(rest[0]):
        rest = rest[1:]
    return rest


def _spoken_for(lex: Lexicon, words: list[str], kinds: list[str]) -> list[str]:
    """A voice's title and whom it speaks for ("spokesman for Harold Mensah", "المتحدث باسم الرئيس الغاني جون ماهاما"):
    the words after are the party spoken for, whose name is never the spokesman's. Where modifiers come first
    the party runs to the phrase's end; elsewhere a body's name may be followed by the spokesman's own ("المتحدث باسم
    وزارة الداخلية سامي يوسف"), so only a person's title opening the party ("the president") makes it all his."""
    for k in range(len(words) - 2):
        if fold(words[k]) not in lex.voice_titles or fold(words[k + 1]) not in lex.spoken_for:
            continue
        party = fold(words[k + 2])
        if lex.modifiers_first or party in lex.person_titles or strip_word(party) in lex.person_titles:
            return kinds[: k + 2] + ["T"] * (len(words) - k - 2)
    return kinds


def _places_named(lex: Lexicon, words: list[str], kinds: list[str]) -> list[str]:
    """Places of the pack's [places] in claims.toml, as the pack writes them, are never a person's name, which a place's
    name only opens ("Chad Smith"). The whole phrase ("Ecuador") speaks for its government; one ending the phrase after a
    title or a function word ("Foreign Ministry of New Zealand", "رئيس وزراء نيوزيلندا"), or that a possessive follows
    ("New Zealand's Foreign Ministry"), is whose body or title it is; and so is one right after a title with a would-be
    name after it ("رئيس مالاوي لازاروس تشاكويرا", "رئيس جنوب أفريقيا سيريل رامافوسا"): the name comes after."""
    spans = written_place_spans([fold_for_match(w) for w in words], lex.language)
    for start, end in spans:
        whole = start == 0 and end == len(words)
        owner = end == len(words) and start > 0 and kinds[start - 1] == "T"
        owned = end < len(words) and fold(words[end]) in lex.possessive_endings
        if whole or owner or owned:
            kinds[start:end] = ["T"] * (end - start)
    if "T" not in kinds or "N" not in kinds:
        return kinds  # most phrases have no title and a name to look between
    for start, end in spans:
        if start and kinds[start - 1] == "T" and "N" in kinds[end:]:
            kinds[start:end] = ["T"] * (end - start)
    return kinds


def drop_demonstrative(lex: Lexicon, phrase: str) -> str:
    """ "hadha al-mas'ul" (this official) points back like "al-mas'ul" does."""
    words = phrase.split()
    if len(words) > 1 and fold(words[0]) in lex.demonstratives:
        return " ".join(words[1:])
    return phrase


def drop_honorifics(lex: Lexicon, phrase: str) -> str:
    """ "fadilat al-imam al-akbar" (His Eminence the Grand Imam) names the title holder as the title does."""
    words = phrase.split()
    while len(words) > 1 and fold(words[0]) in lex.honorifics:
        words = words[1:]
    return " ".join(words)


def _aside_participle(lex: Lexicon, words: list[str], k: int) -> bool:
    """ "one rescue worker, emerging from the wreckage", "a spokesperson, while addressing journalists": after a comma,
    a participle written small (``participle_endings``), a circumstance before it or not, opens an aside about the
    speaker, where a pack writes its participles so."""
    if not lex.participle_endings or not words[k - 1].endswith((lex.comma, ",")):
        return False
    j = k + 1 if fold(words[k]) in lex.circumstantial and k + 1 < len(words) else k
    word = words[j]
    return word.islower() and len(word) > MIN_PARTICIPLE and word.endswith(lex.participle_endings)


def _place_before_noun(lex: Lexicon, words: list[str], kinds: list[str]) -> list[str]:
    """ "the Kenyan president", "Sri Lankan coastal guards": in a script with capitals, a place's words (the pack's
    [places]: "Kenyan" is Kenya's) followed by nothing but words written small say whose or where; no name is there."""
    if not lex.modifiers_first or "N" not in kinds or not words[-1].islower():
        return kinds
    for start, end in place_spans([fold_for_match(w) for w in words], lex.language):
        if end < len(words) and all(w.islower() for w in words[end:]):
            kinds[start:end] = ["T"] * (end - start)
    return kinds


def _title_in_name(lex: Lexicon, words: list[str], kinds: list[str]) -> list[str]:
    """A title's word written bare between two words of a name is a word of that name ("حسن شيخ محمود": Hassan
    Sheikh Mohamud, whose name is not "محمود" after a title). Not where modifiers come first: a word before a title
    says whose title it is there ("Somali President Hassan ...")."""
    if lex.modifiers_first:
        return kinds
    kinds = list(kinds)
    for k in range(1, len(words) - 1):
        inside = kinds[k - 1] == kinds[k + 1] == "N" and fold(words[k]) in lex.title_words
        if inside and strip_word(words[k]) == fold(words[k]) and fold(words[k - 1]) not in lex.spoken_for:
            kinds[k] = "N"
    return kinds


def _named_by_adjective(lex: Lexicon, words: list[str], kinds: list[str]) -> list[str]:
    """ "the Tongan government", "Samoan police": in a script with capitals, capitalised words before a body's noun
    written small that ends the phrase are that body's (its country, its party), whatever nationality they name: a
    person's name is not followed so; nor does one follow "the" ("prime minister of the Gambia": a place)."""
    for k in range(1, len(words)):
        if kinds[k] == "N" and words[k][:1].isupper() and fold(words[k - 1]) in lex.definite_articles:
            kinds[k] = "T"
    last = words[-1] if words else ""
    if not last.islower() or strip_word(fold(last)) not in lex.body_heads:
        return kinds
    k = len(words) - 2
    media = strip_word(fold(last)) in lex.media_heads  # "the Xinhua news agency": the outlet's own name
    while k >= 0 and not media and words[k].islower() and fold(words[k]) not in lex.function_words:
        k -= 1  # "the Kerala health department": the body's noun's own words, not "John Lee of the health department"
    while k >= 0 and kinds[k] == "N":
        kinds[k] = "T"
        k -= 1
    return kinds


class PhraseReader(FragmentChecks, PhraseCompletion, PhraseEdges):
    """Reads speaker phrases with one language's word lists."""

    def __init__(self, registry: Registry):
        self.reg = registry
        self.lex: Lexicon = registry.lex
        # Multi-word collective heads, without the article, worked out once: read for every phrase.
        self._collectives = [[strip_word(w) for w in head.split()] for head in self.lex.anonymous_heads if " " in head]
        self._kind_of: dict[str, str] = {}

    # ----- is it a speaker at all -----

    # ----- name and role -----

    def parse(self, phrase: str) -> Parsed:
        """Name and role: "the Kremlin spokesman, Dmitry Peskov" -> (Dmitry Peskov, the Kremlin spokesman)."""
        comma = self.lex.comma + " " if self.lex.comma else ", "
        chunks = [c.strip() for c in self.comma_chunks(phrase) if c.strip()]
        split = [_name_words(self.lex, tokens(re.sub(r"[\"«»“”()]", " ", chunk))) for chunk in chunks]
        # A chunk that is nothing but a name (", Hamad bin Jassim,") is the name, whatever the titles around it.
        for k, words in enumerate(split):
            kinds = self.kinds(words)
            if len(words) >= 2 and kinds[0] == "N" and "T" not in kinds:
                roles = [" ".join(w) for j, w in enumerate(split) if j != k and w]
                return Parsed(" ".join(words[: self._name_end(words, kinds, 0)]), comma.join(roles) or None)
        name = None
        roles: list[str] = []
        for words in split:
            found = None if name is not None else self._name_in(words)
            if found:
                name = found[0]
                roles.extend(r for r in found[1:] if r)
            else:
                roles.append(" ".join(words))
        return Parsed(name, comma.join(r for r in roles if r) or None)

    def _name_in(self, words: list[str]) -> tuple[str, ...] | None:
        """(name, role words...) of one chunk, or None when it names nobody."""
        if not words:
            return None
        kinds = self.kinds(words)
        if self.lex.modifiers_first and _body_named(self.lex, words):
            return None  # "the Ghana Health Service", "the Uganda Wildlife Authority": a body's name ends in its noun
        if self.lex.modifiers_first and "T" in kinds:
            # "Liverpool manager Jurgen Klopp", "Copernicus Deputy Director Samantha Burgess", "Council member Ana
            # Ruiz": whose title comes first, even a body's, the name after the last title
            last = max(k for k, kind in enumerate(kinds) if kind == "T")
            # a title in its own right, not a name read as one after a body's noun ("Agency France Presse")
            titled = self._word_kind(words[last]) == "T" or words[last].islower()
            # "office of Prime Minister Ann Lee" is the office: a body's noun, then whose
            bodys = strip_word(words[0]) in self.lex.body_heads and any(
                fold(w) in self.lex.spoken_for for w in words[1:last]
            )
            if titled and not bodys and last + 1 < len(words) and kinds[last + 1] == "N":
                end = self._name_end(words, kinds, last + 1)
                return (" ".join(words[last + 1 : end]), " ".join(words[: last + 1] + words[end:]))
        if strip_word(words[0]) in self.lex.body_heads:
            return None
        if self.lex.modifiers_first and _spoken_for_first(self.lex, words, kinds):
            return (" ".join(words[:-1]), words[-1])
        if kinds[0] == "N":
            end = self._name_end(words, kinds, 0)
            return (" ".join(words[:end]), " ".join(words[end:]))
        last_title = max((k for k, kind in enumerate(kinds) if kind == "T"), default=-1)
        # After the titles, the name opens with a would-be name after a title or a definite word
        # ("al-katib al-sahafi Jihad al-Khazen", "head of the Hamas delegation, the negotiator Khalil al-Hayya"):
        # the first such opening.
        start = next(
            (
                k
                for k in range(last_title + 1, len(words))
                if kinds[k] == "N"
                and kinds[k - 1] in ("T", "D")
                and not _governs(self.lex, words, k - 1)
                and not _owner_particle(self.lex, words[k - 1])
            ),
            None,
        )
        if last_title >= 0 and start is not None:
            end = self._name_end(words, kinds, start)
            return (" ".join(words[start:end]), " ".join(words[:start]))
        # "the ambassador Ahmed Abu Zeid the official spokesman ...": a name between two titles; a nationality word
        # right after it is a surname ("al-liwa' Mansour al-Turki", "Mohammed Shia al-Sudani").
        inner = _longest_run(kinds, "N")
        if inner:
            end = inner[1]
            while end < len(words) and self.is_nationality(words[end]):
                end += 1
            inner = (inner[0], end)
        if inner and inner[1] - inner[0] >= 2:
            return (" ".join(words[inner[0] : inner[1]]), " ".join(words[: inner[0]] + words[inner[1] :]))
        # "the Grand Imam Dr Ahmed al-Tayeb, Sheikh of al-Azhar": one would-be name after a title, a surname with it.
        start = next((k for k in range(1, max(last_title, 0)) if kinds[k] == "N" and kinds[k - 1] == "T"), None)
        if start is not None:
            end = self._name_end(words, kinds, start)
            if end - start >= 2:
                return (" ".join(words[start:end]), " ".join(words[:start] + words[end:]))
        return None

    def _name_end(self, words: list[str], kinds: list[str], start: int) -> int:
        """Where a name opening at ``start`` ends: before a title, or at a surname with the article that a new
        noun phrase follows ("fulan al-fulani hadith al-shari'"), and never past MAX_NAME_WORDS (particles aside)."""
        end, counted = start, 0
        while end < len(words) and kinds[end] != "T":
            if counted >= MAX_NAME_WORDS:
                break
            particle = fold(words[end]) in self.lex.name_particles
            counted += 0 if particle else 1
            end += 1
            definite = kinds[end - 1] == "D" and not particle
            if definite and end < len(words) and kinds[end] == "N" and fold(words[end]) not in self.lex.name_particles:
                break
        return end

    def kinds(self, words: list[str]) -> list[str]:
        """Each word's kind; the word after "bi-ism" (on behalf of) names the institution spoken for, never a person."""
        # In a script with capitals a name is written with them: a word without one is a title's or a body's ("the
        # fire department", "Hollywood producer Bryan Burk"), however it reads folded.
        kinds = ["T" if w.islower() else self._word_kind(w) for w in words]
        for k in range(len(words)):
            before = fold(words[k - 1]) if k else ""
            if before in self.lex.spoken_for or strip_word(words[k]) in self.lex.place_heads:
                kinds[k] = "T"
            elif k and kinds[k] == "N" and strip_word(words[k - 1]) in self.lex.place_heads:
                kinds[k] = "T"  # the place a place's noun names ("محافظة حلب"), no person's name
            elif before in self.lex.body_heads and kinds[k] == "N" and not _ends_a_name(self.lex, words[k - 1]):
                # "harakat huquq", "the weather bureau PAGASA": a bare body noun names the body next, not a person;
                # one that ends a body's name ("Control Bureau Ruby Constantino") does not
                kinds[k] = "T"
            elif words[k] in self.lex.name_homographs:  # the name Ali, not the preposition 'ala it folds to
                kinds[k] = "N"
            elif k and kinds[k - 1] == "N" and fold(words[k]) in self.lex.compound_name_ends:
                kinds[k] = "N"  # "Dhabih Allah", "Nur al-Din": a given name in two words, the surname still to come
            if fold(words[k]) in self.lex.name_particles and k + 1 < len(words):
                kinds[k] = "N"  # "Abd al-Amir", "Abu Zeid", "bin Salman": one name, whatever the next word means
                kinds[k + 1] = "N"
        for k in range(len(words) - 1):
            if kinds[k] == "T" and fold(words[k]) in self.lex.name_titles and kinds[k + 1] in ("N", "D"):
                kinds[k] = "N"  # "Amin al-Tahraoui": a given name, where "amin 'amm" (secretary general) is a title
        # A known body's name with a name after it is whom that person belongs to ("al-mas'ul fi al-ittihad al-dawli
        # li-jam'iyyat ... Sami Adel"), never the start of their name, though a word of it with a particle on it reads
        # as one; with none after it, it is the name ("Russian news agency RIA Novosti").
        for start, end in self.reg.curated_bodies([" ".join(words_of(w)) for w in words]):
            if "N" in kinds[end:]:
                kinds[start:end] = ["T"] * (end - start)
        kinds = _place_before_noun(self.lex, words, _places_named(self.lex, words, kinds))
        return _spoken_for(
            self.lex, words, _named_by_adjective(self.lex, words, _title_in_name(self.lex, words, kinds))
        )

    def _word_kind(self, word: str) -> str:
        """T: title, institution, nationality or function word; D: other definite noun; N: could be a name."""
        kind = self._kind_of.get(word)
        if kind is None:
            kind = self._kind_of[word] = self._classify(word)
        return kind

    def _classify(self, word: str) -> str:
        if len(word) == 1 and word.isupper():
            return "N"  # an initial ("Samuel A. Alito"), whatever word its letter folds to
        f = fold(word)
        lex = self.lex
        glued = f[:1] == lex.and_conjunction or f[:1] in lex.glued_prepositions
        for cand in {f, strip_word(f), f[1:] if glued else f}:
            if self._is_title_word(cand):
                return "T"
        if f in lex.function_words or f.isdigit() or f in lex.reference_fillers or f in lex.relatives:
            return "T"
        if f in lex.quantifiers or f in lex.definite_articles or f in lex.indefinite_articles:
            return "T"  # "three OPEC sources": a count opens no name
        if f.startswith(lex.definite_prefixes):
            return "D"
        return "N"

    def _is_title_word(self, cand: str) -> bool:
        lex = self.lex
        return (
            cand in lex.title_words
            or cand in lex.person_titles
            or cand in lex.nationality
            or strip_word(cand) in lex.title_words
            or strip_word(cand) in lex.person_titles
            or cand in lex.anonymous_heads
            or cand in lex.places
            or cand in lex.countries
            or cand in lex.generic_references
            or cand in lex.body_heads
            or cand in lex.media_heads
            or any(form in lex.anonymous_nationality for form in singulars(lex, cand))
        )

    def is_title_word(self, word: str) -> bool:
        return self._word_kind(word) == "T"

    def is_nationality(self, word: str) -> bool:
        return any(form in self.lex.anonymous_nationality for form in singulars(self.lex, strip_word(fold(word))))

    def nationality_labels(self, words: list[str]) -> list[str]:
        """The nationality labels folded words give, in order: a two-word adjective ("North Korean", "kuri shamali") as
        one, before either of its words alone ("Korean" would be either Korea's)."""
        table = self.lex.anonymous_nationality
        glued = self.lex.and_conjunction
        forms = [
            [
                f
                for base in {strip_word(w), w[len(glued) :] if glued and w.startswith(glued) else w}
                for f in singulars(self.lex, base)
            ]
            for w in words
        ]
        labels: list[str] = []
        k = 0
        while k < len(forms):
            following = forms[k + 1] if k + 1 < len(forms) else []
            pair = next((f"{a} {b}" for a in forms[k] for b in following if f"{a} {b}" in table), None)
            one = next((f for f in forms[k] if f in table), None)
            if pair or one:
                labels.append(table[pair or one])
            k += 2 if pair else 1
        return labels

    def personal_name(self, name: str | None) -> bool:
        """Whether a parsed name is a person's (first name and surname), not "wasa'il i'lam" (media) or "wakalat
        France Presse"."""
        words = words_of(name or "")
        if len(words) < 2 or any(fold_for_match(name).startswith(head) for head in self.lex.anonymous_heads):
            return False
        heads = self.lex.media_heads | self.lex.body_heads
        if any(strip_word(w) in heads or w in self.lex.anonymous_heads for w in words):
            return False
        known = self.reg.find_alias(name)
        return known is None or self.reg.kind(known) == "person"

    # ----- taking off what is not the speaker -----

    def unwrap(self, phrase: str) -> str:
        """ "bayan li-wizarat al-difa'" (a statement of the defence ministry) speaks for the ministry: drop the
        wrapper and the particle glued after it."""
        words = phrase.split()
        folded = [fold(w) for w in words]
        for wrapper in self.lex.speaker_wrappers:
            n = len(wrapper)
            if n > len(folded):
                continue
            glued = wrapper[-1] in self.lex.glued_prepositions and folded[: n - 1] == list(wrapper[:-1])
            if glued and folded[n - 1][:1] == wrapper[-1]:
                rest = words[n - 1 :]
                rest[0] = _unglued(self.lex, rest[0])
                return " ".join(rest)
            if folded[:n] == list(wrapper) and len(folded) > n:
                return " ".join(words[n:])
        return self._thing_of(words) or phrase

    def _thing_of(self, words: list[str]) -> str | None:
        """ "al-bayanat al-rasmiyya lil-mufawadiyya ..." (the commission's official figures), "the latest statistic
        issued by the interior ministry": what was said, then whose; the body after a possessive preposition or
        an issuer preposition (from, by) is the speaker."""
        head = next((k for k in range(min(2, len(words))) if strip_word(words[k]) in self.lex.not_speakers), None)
        if head is None:
            return None
        if owner := _construct_owner(self.lex, words, head):
            return owner
        for k in range(head + 1, min(len(words), head + 4)):
            word = fold(words[k])
            article = _contracted_article(self.lex, word)
            if article and len(word) > len(article[0]) + 2:
                return " ".join([article[1] + words[k][len(article[0]) :], *words[k + 1 :]])
            if word in self.lex.issuer_prepositions and k + 1 < len(words):
                return " ".join(words[k + 1 :])
        return None

    def drop_occasion(self, phrase: str) -> str:
        """ "al-wazir fi tafa'ulihi ma'a as'ilat al-sahafiyyin" (the minister, answering reporters' questions): the
        speaker ends where an occasion opens (a preposition, then an occasion noun or a verbal noun with a pronoun,
        "fi kalimatihi", "khilal hadithiha")."""
        words = phrase.split()
        lex = self.lex
        for k in range(1, len(words) - 1):
            if _aside_participle(lex, words, k):
                return " ".join(words[:k]).rstrip(lex.comma + ",")
            if fold(words[k]) not in lex.occasion_prepositions:
                continue
            j = k + 1
            while j < len(words) - 1 and fold(words[j]) in lex.articles:
                j += 1  # "in a statement to the media": the noun after the article
            # a platform in quotation marks ("على "إكس"،") is the medium all the same
            nxt = strip_word(next(iter(words_of(words[j])), ""))
            pronoun = nxt.endswith(lex.third_person_pronouns)
            if nxt in lex.occasion_nouns or (pronoun and self._word_kind(nxt) == "N"):
                return " ".join(words[:k])
        return phrase
