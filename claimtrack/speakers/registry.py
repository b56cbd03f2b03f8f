"""The speakers known so far and how to find them: the one place that indexes names.

Everything else asks through the public methods here (``exact``, ``find_alias``, ``mentions``, ``find_by_key``,
``find_by_role``, ``aliases_containing``); nothing reaches into the indexes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from .. import lexicon as lexicon_mod
from functools import lru_cache

from .. import lang
from ..lang import name_key, strip_article
from ..lang.text import fold_for_match
from ..lexicon import Lexicon, bare_forms
from ..models import Speaker


class SpeakerKind(StrEnum):
    person = "person"
    organisation = "organisation"
    media = "media"
    anonymous = "anonymous"
    group = "group"
    title = "title"  # an unnamed title holder of one article ("the minister (unnamed)")
    unattributed = "unattributed"  # a fragment stood where a speaker should: the statement has no speaker


UNATTRIBUTED = "(unattributed)"
# Between the members' names in a group's canonical name ("Sami Adel and Laila Hamdan").
GROUP_JOINER = " and "

# Resolution folds the same few thousand words again and again: once each is enough.
strip_word = lru_cache(maxsize=1 << 16)(strip_article)


def words_of(text: str) -> list[str]:
    return fold_for_match(text).split()


def definite(lex: Lexicon, word: str) -> bool:
    """Whether a folded word opens with the definite article."""
    return bool(lex.definite_article) and word.startswith(lex.definite_article)


def without_conjunction(lex: Lexicon, word: str) -> str:
    """A folded word without the conjunction written on it, when what remains is definite (wal-wazir)."""
    return word[1:] if word[:1] in lex.conjunctions and definite(lex, word[1:]) else word


def body_key(lex: Lexicon, name: str) -> frozenset[str]:
    """A body's name as the set of its words, each without the particle glued on it and the article, by its
    consonant skeleton (``name_key``): one body however an outlet orders its words ("al-hay'a al-'amma lil-ihsa'
    bil-Sa'udiyya" and "al-hay'a al-'amma al-Sa'udiyya lil-ihsa'"; "the Ministry of Health" and "the Health
    Ministry") or spells the place or nationality in it (Abu Dhabi written as one word or two, "Amriki"/"Ameriki")."""
    words = []
    for word in words_of(name):
        if word in lex.function_words:
            continue  # "Ministry of Health", "Health Ministry"
        definite_forms = [f for f in bare_forms(lex, word) if definite(lex, f)]
        words.append(strip_word(min(definite_forms, key=len) if definite_forms else word))
    return frozenset(name_key(" ".join(words)).split())


def curated_entries(language: str) -> list[dict]:
    """The speaker entries of every pack's speaker data, ``language``'s own first (its aliases and roles come
    first, so its names stay the ones a speaker is written with)."""
    codes = [language, *(c for c in lang.available() if c != language)]
    return [entry for code in codes if code in lang.available() for entry in lexicon_mod.load(code).speakers]


@dataclass
class Change:
    """One change a resolution made to the registry: a speaker added or given more aliases, roles or a gender
    (``speaker`` as it was asked for, so replaying ``add(speaker)`` remakes it), or renamed."""

    speaker: Speaker
    created: bool = False
    aliases: list[str] = field(default_factory=list)  # the aliases it gained (its name too, when created)
    roles: list[str] = field(default_factory=list)  # the roles it gained
    renamed_to: str | None = None


@dataclass
class Registry:
    """Known speakers and how to find them by alias, key or role."""

    lex: Lexicon
    speakers: dict[str, Speaker] = field(default_factory=dict)
    curated: set[str] = field(default_factory=set)  # speakers from the language data, whose roles are checked
    _exact: dict[str, str] = field(default_factory=dict)  # folded alias -> canonical
    _by_first: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    _keys: dict[str, set[str]] = field(default_factory=dict)
    _acronyms: set[str] = field(default_factory=set)  # folded aliases written in capitals
    _bodies: dict[frozenset[str], str] = field(default_factory=dict)  # a body's ``body_key`` -> its canonical name
    # a collective source's canonical name -> the curated body that is its one voice ("North Korean state media")
    _standing: dict[str, str] = field(default_factory=dict)
    # Latin key of a person's alias -> (canonical, written in another script than Latin); built on first use
    _latin: dict[str, set[tuple[str, bool]]] | None = None
    # When a list, every change made to the registry is noted in it, as ``Change``s (``speakers.rebuild``).
    log: list | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, language: str, stored: list[Speaker] = ()) -> "Registry":
        """The known speakers of every pack, read with ``language``'s pack: the packs name one person by the
        same canonical name, so an article in any language finds the speaker another language introduced."""
        reg = cls(lexicon_mod.load(language))
        for entry in curated_entries(language):
            speaker = Speaker(
                entry["canonical"],
                entry.get("kind", "person"),
                list(entry.get("aliases", [])),
                list(entry.get("roles", [])),
                entry.get("gender"),
            )
            reg.add(speaker)
            reg.curated.add(speaker.canonical)
            reg._standing.update({name: speaker.canonical for name in entry.get("stands_for", ())})
        for sp in stored:
            reg.add(sp)
        return reg

    def reading(self, language: str) -> "Registry":
        """The same speakers (shared, so a speaker one article introduces is known to the next) read with the
        language pack of an article in ``language``."""
        if language == self.lex.language or language not in lang.available():
            return self
        return replace(self, lex=lexicon_mod.load(language))

    @classmethod
    def for_store(cls, store, stored: bool = True) -> "Registry":
        """The registry of a database's language (its articles' most common; the first pack for an empty one),
        with the speakers stored there unless not ``stored``."""
        rows = store.db.execute("SELECT language, COUNT(*) AS n FROM articles GROUP BY language ORDER BY n DESC")
        language = next((code for code, _ in rows if code in lang.available()), lang.available()[0])
        return cls.load(language, store.stored_speakers() if stored else ())

    # ----- adding -----

    def add(self, speaker: Speaker) -> Speaker:
        known = self.speakers.get(speaker.canonical) or self._same_body(speaker)
        before = None if known is None else (len(known.aliases), len(known.roles), known.gender)
        if known is None:
            known = Speaker(speaker.canonical, speaker.kind, [], list(speaker.roles), speaker.gender)
            self.speakers[speaker.canonical] = known
            self._index_alias(known, speaker.canonical)
        for alias in speaker.aliases:
            self.add_alias(known.canonical, alias)
        for role in speaker.roles:
            if role not in known.roles:
                known.roles.append(role)
        if known.gender is None and speaker.gender in ("m", "f"):
            known.gender = speaker.gender
        if self.log is not None and before != (len(known.aliases), len(known.roles), known.gender):
            added = known.aliases[before[0] :] if before else [known.canonical, *known.aliases]
            self.log.append(Change(speaker, before is None, added, known.roles[before[1] :] if before else []))
        return known

    def _same_body(self, speaker: Speaker) -> Speaker | None:
        """The body (or outlet) already known by the same words in another order or spelling, which the new name is
        then an alias of; else None, and the new body is indexed by its words. No person's name is keyed."""
        if speaker.kind not in (SpeakerKind.organisation, SpeakerKind.media):
            return None
        key = body_key(self.lex, speaker.canonical)
        if len(key) < 2:
            return None
        known = self._bodies.setdefault(key, speaker.canonical)
        if known == speaker.canonical or known not in self.speakers or self.speakers[known].kind != speaker.kind:
            return None
        self.add_alias(known, speaker.canonical)
        return self.speakers[known]

    def add_alias(self, canonical: str, alias: str) -> None:
        """Another way of writing a speaker; a bare title ("al-wazir") is never one, it names nobody alone."""
        known = self.speakers[canonical]
        if alias in known.aliases or self.is_bare_title(alias):
            return
        known.aliases.append(alias)
        self._index_alias(known, alias)

    def _index_alias(self, speaker: Speaker, alias: str) -> None:
        words = tuple(words_of(alias))
        if not words or speaker.kind in (SpeakerKind.title, SpeakerKind.unattributed):
            return
        self._exact.setdefault(" ".join(words), speaker.canonical)
        if alias.isupper():
            self._acronyms.add(" ".join(words))
        self._by_first.setdefault(words[0], []).append((words, speaker.canonical))
        if speaker.kind == SpeakerKind.person:
            self._keys.setdefault(name_key(alias), set()).add(speaker.canonical)
            if self._latin is not None:
                self._index_latin(alias, speaker.canonical)

    def rename(self, old: str, new: str) -> bool:
        """Give a speaker another canonical name, keeping the old one as an alias; False if the new name is taken."""
        if new in self.speakers or old not in self.speakers:
            return False
        if self.log is not None:
            self.log.append(Change(Speaker(old, "", list(self.speakers[old].aliases)), renamed_to=new))
        sp = self.speakers.pop(old)
        sp.canonical = new
        self.speakers[new] = sp
        # In place: a registry reading another language (``reading``) shares these indexes.
        self._exact.update({a: new for a, c in self._exact.items() if c == old})
        for entries in self._by_first.values():
            entries[:] = [(a, new if c == old else c) for a, c in entries]
        for hits in self._keys.values():
            if old in hits:
                hits.discard(old)
                hits.add(new)
        for hits in (self._latin or {}).values():
            for canonical, script in [h for h in hits if h[0] == old]:
                hits.discard((canonical, script))
                hits.add((new, script))
        if old in self.curated:
            self.curated.add(new)
        for alias in (old, new):
            self.add_alias(new, alias)
        return True

    # ----- looking up -----

    def get(self, canonical: str) -> Speaker | None:
        return self.speakers.get(canonical)

    def kind(self, canonical: str) -> str:
        return self.speakers[canonical].kind

    def exact(self, phrase: str) -> str | None:
        """The speaker one of whose aliases is the whole phrase (folded); an alias written in capitals (an acronym,
        "WHO") only when the phrase has a capital too ("who first said" names nobody)."""
        key = " ".join(words_of(phrase))
        if key in self._acronyms and phrase == phrase.lower():
            return None
        return self._exact.get(key)

    def _hits(self, words: list[str], i: int, kinds: tuple[str, ...] | None):
        for form in bare_forms(self.lex, words[i]):
            for alias, canonical in self._by_first.get(form, ()):
                if kinds and self.speakers[canonical].kind not in kinds:
                    continue
                if words[i + 1 : i + len(alias)] == list(alias[1:]):
                    yield alias, canonical

    def find_alias(self, text: str, kinds: tuple[str, ...] | None = None, max_start: int | None = None) -> str | None:
        """The speaker whose longest alias occurs in text as whole words (a particle may be glued on), starting
        no later than word ``max_start`` when given."""
        words = words_of(text)
        best: tuple[int, int, str] | None = None  # (-alias length, position, canonical): longest, then first
        last = len(words) if max_start is None else min(len(words), max_start + 1)
        for i in range(last):
            for alias, canonical in self._hits(words, i, kinds):
                cand = (-len(alias), i, canonical)
                best = min(best, cand) if best else cand
        return best[2] if best else None

    def spans(self, words: list[str], kinds: tuple[str, ...] | None = None) -> list[tuple[int, int, str]]:
        """Where folded ``words`` hold a known alias of a speaker of these kinds, as (start, end, canonical)."""
        return [
            (i, i + len(alias), canonical)
            for i in range(len(words))
            for alias, canonical in self._hits(words, i, kinds)
        ]

    def curated_bodies(self, words: list[str]) -> list[tuple[int, int]]:
        """Where folded ``words`` name a body or outlet of the packs' data by a name of two words or more, as (start,
        end) spans: such a name, however its words read one by one, is no one's personal name."""
        kinds = (SpeakerKind.organisation, SpeakerKind.media)
        return [(i, end) for i, end, canonical in self.spans(words, kinds) if end - i > 1 and canonical in self.curated]

    def mentions(self, text: str, kinds: tuple[str, ...]) -> list[str]:
        """The speakers of these kinds a text names, in the order it names them (longest alias at a place)."""
        words = words_of(text)
        found: list[str] = []
        i = 0
        while i < len(words):
            hit = max(self._hits(words, i, kinds), key=lambda h: len(h[0]), default=None)
            if hit:
                found.append(hit[1])
                i += len(hit[0])
            else:
                i += 1
        return found

    def aliases_containing(self, word: str, within: str) -> str | None:
        """The speaker with the longest multi-word alias that contains ``word`` and occurs in ``within``."""
        folded = " " + " ".join(words_of(within)) + " "
        best: tuple[int, str] | None = None
        for entries in self._by_first.values():
            for alias, canonical in entries:
                if word in alias and len(alias) > 1 and f" {' '.join(alias)} " in folded:
                    if best is None or len(alias) > best[0]:
                        best = (len(alias), canonical)
        return best[1] if best else None

    def members(self, canonical: str) -> list[str]:
        """The two known speakers a group's name joins, whatever "and" their own names hold; none for another kind."""
        if self.kind(canonical) != SpeakerKind.group:
            return []
        for at in (k for k in range(len(canonical)) if canonical.startswith(GROUP_JOINER, k)):
            first, second = canonical[:at], canonical[at + len(GROUP_JOINER) :]
            if first in self.speakers and second in self.speakers:
                return [first, second]
        return []

    def find_by_key(self, name: str) -> str | None:
        """A person whose alias has the same consonant skeleton as name, when exactly one does."""
        hits = self._keys.get(name_key(name), set())
        return next(iter(hits)) if len(hits) == 1 else None

    def with_middle_names(self, name: str) -> str | None:
        """The one person named with the same first and last words as ``name`` and more or fewer words between them
        ("Bashir Adeniyi" and "Bashir Adewale Adeniyi" in two articles): one person, whose outlets gave the middle
        name or left it out."""
        words = tuple(words_of(name))
        if len(words) < 2:
            return None
        hits = set()
        keys = tuple(map(name_key, words))  # compared by keys: "قاسم توقاييف" is "قاسم جومارت توكاييف" spelt otherwise
        for alias, canonical in self._by_first.get(words[0], ()):
            short, long = sorted((keys, tuple(map(name_key, alias))), key=len)
            if long[-1] != short[-1] or len(short) == len(long) or len(long) < 3:
                continue
            inner = iter(long)
            if self.kind(canonical) == SpeakerKind.person and all(w in inner for w in short):
                hits.add(canonical)
        return hits.pop() if len(hits) == 1 else None

    def in_other_script(self, name: str) -> str | None:
        """The one person whose full name, written in another script, romanises to the same Latin key as ``name``
        ("Tamer Ramadan" and the Arabic spelling of it): one person in two articles in two languages."""
        from .latin import has_non_latin, latin_key, latin_name  # latin reads this module's names

        if self._latin is None:
            self._latin = {}
            for sp in self.people_named():
                for alias in {sp.canonical, *sp.aliases}:
                    self._index_latin(alias, sp.canonical)
        script = has_non_latin(name)
        key = latin_key(self.lex, latin_name(self.lex, name) if script else name)
        hits = {c for c, other in self._latin.get(key, ()) if other != script} if len(key.split()) > 1 else set()
        return hits.pop() if len(hits) == 1 else None

    def _index_latin(self, alias: str, canonical: str) -> None:
        from .latin import has_non_latin, latin_key, latin_name

        script = has_non_latin(alias)
        key = latin_key(self.lex, latin_name(self.lex, alias) if script else alias)
        if len(key.split()) > 1:
            self._latin.setdefault(key, set()).add((canonical, script))

    def standing_for(self, collective: str) -> str | None:
        """The curated body that is a collective source's one voice ("North Korean state media" is KCNA), if any."""
        return self._standing.get(collective)

    def find_by_role(self, title: str) -> str | None:
        """The curated speaker whose listed role is this title: roles seen in other articles are not trusted."""
        folded = fold_for_match(title)
        for canonical in sorted(self.curated):
            sp = self.speakers.get(canonical)
            if sp and any(fold_for_match(r) == folded for r in sp.roles):
                return canonical
        return None

    def is_bare_title(self, phrase: str) -> bool:
        """A title that says nothing of whose it is ("al-wazir", "al-mutahaddith al-rasmi", "al-masdar dhatuh")."""
        return bare_title(self.lex, phrase) is not None

    def people_named(self) -> list[Speaker]:
        return [sp for sp in self.speakers.values() if sp.kind == SpeakerKind.person]

    def choices(self) -> list[tuple[str, str]]:
        """(alias, canonical) for every way of writing every speaker, canonical names first."""
        out = []
        for sp in self.speakers.values():
            if sp.kind == SpeakerKind.unattributed:
                continue
            out.extend((alias, sp.canonical) for alias in dict.fromkeys([sp.canonical, *sp.aliases]))
        return out

    def same_key(self, name: str) -> set[str]:
        return set(self._keys.get(name_key(name), ()))


@dataclass(frozen=True)
class BareTitle:
    word: str  # the title word, folded without the article ("wazira", its ta marbuta folded)
    gender: str  # m, f or "" when the word does not tell
    english: str  # "minister"


# The kinds of article written as a word of its own ("the minister", "a minister").
DEFINITE = "definite"
INDEFINITE = "indefinite"


def bare_title(lex: Lexicon, phrase: str, definite_article: bool = False) -> BareTitle | None:
    """The title a phrase is made of alone, with words that do not say whose title it is, or None.

    ``definite_article``: the phrase stood after an article written as a word of its own ("the minister")."""
    words = words_of(phrase)
    if len(words) > 1 and words[0] in lex.definite_articles:
        words, definite_article = words[1:], True
    if not words:
        return None
    first = without_conjunction(lex, words[0])
    if not (definite_article or definite(lex, first)):
        return None  # "mas'ul", "masdar": an indefinite official is an unnamed source, not a title to look up
    head = strip_word(first)
    entry = lex.bare_titles.get(head)
    if entry is None:
        return None
    rest = words[1:]
    if any(w not in lex.bare_modifiers and strip_word(w) not in lex.bare_modifiers for w in rest):
        return None
    return BareTitle(head, entry[0], entry[1])
