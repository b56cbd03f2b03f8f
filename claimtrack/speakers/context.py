"""What resolving one article remembers: who it named, in order, and the article's text to look back in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lang import name_key
from ..lang.text import PUNCTUATION, fold_for_match, tokens
from ..models import Speaker, Statement
from .phrase import Parsed, PhraseReader
from .registry import DEFINITE, BareTitle, Registry, SpeakerKind, strip_word, words_of


@dataclass
class Mention:
    """A speaker the article named: as written, who it resolved to, the role written with it."""

    written: str
    canonical: str
    role: str = ""
    gender: str | None = None


@dataclass
class Ask:
    """One speaker phrase to resolve, taken apart."""

    statement: Statement
    written: str  # as the extraction delimited it
    target: str  # without a demonstrative or a wrapper ("bayan li-..." = a statement of ...)
    parsed: Parsed
    article: str | None = None  # the kind of article written apart that opened it ("the minister"), dropped

    @property
    def definite(self) -> bool:
        return self.article == DEFINITE


@dataclass
class ArticleContext:
    registry: Registry
    text: str
    article: str | None = None
    named: list[Mention] = field(default_factory=list)
    created: set[str] = field(default_factory=set)  # people this article introduced: their name may still grow
    renamed: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.reader = PhraseReader(self.registry)
        self.lex = self.registry.lex
        self.folded_text = fold_for_match(self.text)  # folded once, not per statement

    def synonym(self, word: str) -> str:
        return self.lex.title_synonyms.get(word, word)

    def title_words(self, text: str) -> set[str]:
        return {self.synonym(strip_word(w)) for w in words_of(text)}

    def held_titles(self, text: str) -> set[str]:
        """Title words a phrase gives its speaker; not the body after "bi-ism" ("al-mutahaddith bi-ism al-muhafaza",
        the governorate's spokesman)."""
        words = words_of(text)
        return {
            self.synonym(strip_word(w)) for k, w in enumerate(words) if not (k and words[k - 1] in self.lex.spoken_for)
        }

    def gender_of(self, mention: Mention) -> str | None:
        sp = self.registry.get(mention.canonical)
        gender = (sp.gender if sp else None) or mention.gender or self.title_gender(f"{mention.written} {mention.role}")
        return gender if gender in ("m", "f") else None

    def title_gender(self, phrase: str) -> str | None:
        """The gender a title in the phrase marks ("spokeswoman", "Mr"), if any."""
        marked = {self.lex.bare_titles.get(strip_word(w), ("",))[0] for w in words_of(phrase)} - {""}
        return marked.pop() if len(marked) == 1 else None

    def can_be_called(self, canonical: str, gender: str) -> bool:
        """Whether "he" or "she" (``gender``) can name this speaker: a person or a title holder whose gender, as the
        registry, this article's mentions of them or their titles tell it, does not disagree."""
        sp = self.registry.get(canonical)
        if sp is None or sp.kind not in (SpeakerKind.person, SpeakerKind.title):
            return False
        known = {self.gender_of(m) for m in self.named if m.canonical == canonical} - {None}
        if sp.gender in ("m", "f"):
            known = {sp.gender}
        return not known or known == {gender}

    def holds_title(self, mention: Mention, title: BareTitle, gender: str | None) -> bool:
        """Whether a mention can be the antecedent of a bare title: it was written with it, genders agree."""
        sp = self.registry.get(mention.canonical)
        if sp is None or sp.kind in (SpeakerKind.unattributed, SpeakerKind.organisation, SpeakerKind.media):
            return False
        theirs = self.held_titles(f"{mention.written}, {mention.role}")
        if mention.canonical in self.registry.curated:
            theirs |= self.held_titles(", ".join(sp.roles))
        anyone = title.word in self.lex.any_title and sp.kind == SpeakerKind.person
        if not anyone and self.synonym(title.word) not in theirs:
            return False
        known = self.gender_of(mention)
        return not (gender and known and gender != known)

    def create_person(self, name: str, role: str | None, gender: str | None) -> str:
        sp = self.registry.add(
            Speaker(name, SpeakerKind.person, [name], [role] if role else [], gender if gender in ("m", "f") else None)
        )
        self.created.add(sp.canonical)
        return sp.canonical

    def fuller(self, known: str, name: str) -> str:
        """ "Matta" in a headline, then "the MP Nazih Matta": a person this article introduced takes the fuller name."""
        grows = len(name.split()) > len(known.split()) and name_key(name).endswith(name_key(known))
        if known in self.created and grows and self.registry.rename(known, name):
            self.created.add(name)
            self.renamed[known] = name
            for m in self.named:
                if m.canonical == known:
                    m.canonical = name
            return name
        return known

    def nationalities(self, phrase: str) -> set[str]:
        """Which countries a phrase ties its speaker to, by adjective (al-amrikiyya) or by name (al-wilayat
        al-muttahida), the name alone or with "and" or "of" written on it."""
        folded = " " + fold_for_match(phrase) + " "
        lex = self.lex
        glued_on = ("", lex.possessive_preposition, lex.and_conjunction)
        found = {
            lex.anonymous_nationality[w]
            for w in (strip_word(x) for x in folded.split())
            if w in lex.anonymous_nationality
        }
        found |= {
            label
            for country, label in lex.countries.items()
            if any(f" {glued}{country} " in folded for glued in glued_on)
        }
        return found

    def before(self, st: Statement, chars: int | None = None) -> str:
        start = 0 if chars is None else max(0, st.char_start - chars)
        return self.text[start : st.char_start]

    def person_after_title_in_text(self, title: str, st: Statement) -> str | None:
        """ "... al-wazir Sami Adel ..." earlier in the article: the person named right after the title there."""
        before = fold_for_match(self.before(st))
        folded_title = " ".join(words_of(title))
        hits = [m.end() for m in re.finditer(rf"(?<!\S){re.escape(folded_title)}(?!\S)", before)]
        for end in reversed(hits):
            following = before[end : end + 60]
            known = self.registry.find_alias(following[:40], ("person",))
            if known:
                return known
            parsed = self.reader.parse(f"{folded_title} {' '.join(following.split()[:4])}")
            if parsed.name and len(parsed.name.split()) >= 2 and self.reader.personal_name(parsed.name):
                return self.registry.find_by_key(parsed.name)
        return None

    def described_before(self, noun: str, st: Statement) -> str | None:
        """ "al-bayan" (the statement) after "... in a joint statement issued by the United Kingdom, Japan, ...
        that": the body as described.

        The description runs from the noun to the next claim opener or full stop, in a sentence before this one.
        """
        sentence_start = max(self.text.rfind("\n", 0, st.char_start), self.text.rfind(".", 0, st.char_start))
        words = tokens(self.text[: max(sentence_start, 0)])
        stops = PUNCTUATION["claim_enders"] + PUNCTUATION["clause_enders"] + ":"
        for k in range(len(words) - 1, -1, -1):
            if strip_word(words[k].norm) != noun:
                continue
            end = k
            for j in range(k + 1, min(len(words), k + 16)):
                t = words[j]
                if t.norm in self.lex.complementizers or t.raw in stops or self.lex.cue(t.norm):
                    break
                if t.is_word:
                    end = j
            return self.text[words[k].start : words[end].end] if end - k >= 2 else None
        return None
