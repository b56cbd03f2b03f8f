"""The words around a speaker phrase that are not the speaker, for packs that write them apart: an article ("the
minister"), words between a subject and its verb ("Peskov also", "officials have"), an owner ("Russia's foreign
ministry", "Putin's spokesman").

A mixin of ``PhraseReader``: it reads ``self.lex``, ``self.reg`` and the reader's own ``is_title_word``.
"""

from __future__ import annotations

import re

from ..lang.text import PUNCTUATION, fold_for_match
from .registry import DEFINITE, INDEFINITE, definite, strip_word, words_of


SHORT_FORM = re.compile(r"\s*\([^()]*\)\s*$")
NAME_APOSTROPHES = frozenset(PUNCTUATION["name_apostrophes"])  # a possessive's marks ("Russia's", "Barbados’")
NAME_IN_BRACKETS = re.compile(r"^(\S+)\s*\(([^()]+)\)")


class PhraseEdges:
    def trim_edges(self, phrase: str) -> str:
        """ "Peskov also", "US officials have", "The Kremlin on Monday", "Earlier news reports", "and the company":
        the phrase without the words that close a subject before its verb or open the clause before it (the
        pack's edge words, days, months and time words), keeping one word at least; and a short form in brackets
        after the name ("the Ghana Health Service (GHS)")."""
        edges = self.lex.edge_words | self.lex.days | self.lex.months | self.lex.time_words
        phrase = SHORT_FORM.sub("", self._name_in_brackets(phrase)) or phrase
        words = phrase.split()
        if not edges or self.reg.exact(phrase):
            return phrase

        def edge(word: str) -> bool:
            folded = words_of(word)
            return bool(folded) and all(w in edges for w in folded)

        while len(words) > 1 and edge(words[-1]):
            words.pop()
        while len(words) > 1 and edge(words[0]):
            words.pop(0)
        return " ".join(words)

    def _name_in_brackets(self, phrase: str) -> str:
        """ "qanat (Rusiya al-Yawm)", "shabakat (CBS News) al-amrikiyya": brackets right after an outlet's or a body's
        noun alone hold its name, not a short form of one: the noun and the name, the brackets dropped; after the
        noun with the article ("al-sharika (Zain)": the company, Zain), the name alone."""
        found = NAME_IN_BRACKETS.match(phrase)
        noun = words_of(found[1]) if found else []
        head = strip_word(noun[-1]) if noun else ""
        if head not in self.lex.body_heads and head not in self.lex.media_heads:
            return phrase
        named = found[2].strip() + phrase[found.end() :]
        return named if len(noun) == 1 and definite(self.lex, noun[0]) else f"{found[1]} {named}"

    def before_verb(self, subject: str) -> str:
        """A subject read up to its verb ("Kremlin spokesperson Dmitry Peskov has categorically" -> "... Peskov"): the
        words before the first of the pack's fragment verbs after the first word."""
        words = subject.split()
        cut = next((k for k in range(1, len(words)) if set(words_of(words[k])) & self.lex.fragment_verbs), len(words))
        return " ".join(words[:cut]).rstrip(PUNCTUATION["clause_separators"])

    def owner_as_qualifier(self, phrase: str) -> str:
        """ "Russia's foreign ministry" -> "Russian foreign ministry": a country written as an owner becomes its
        qualifier, the way outlets name the body elsewhere. Any other owner is whom the rest speaks for:
        "Putin's spokesman" -> "spokesman of Putin" (``owner_preposition``), never Putin himself."""
        raw = phrase.split()
        for i, word in enumerate(raw[:-1]):
            owner_word = self._possessor(word)
            if owner_word is None:
                continue
            owner = [*raw[:i], owner_word]
            if any(w.lower() in self.lex.spoken_for for w in owner[1:]):
                # "Ann Lee of the Fishermen's Union", "a spokesperson for the Governor's Office": the possessive is
                # the name's after of or for, not whom the words before speak for
                return phrase
            for size in (2, 1):
                label = self.lex.countries.get(" ".join(words_of(" ".join(owner[-size:]))))
                if label and len(owner) >= size:
                    return " ".join([*owner[:-size], label, *raw[i + 1 :]])
            if not any(w[:1].isupper() for w in owner):
                return " ".join(raw[i + 1 :])  # "the country's interior ministry": which country, the article says
            if len(self.comma_chunks(phrase, 1)) > 1:
                return phrase  # a phrase with an apposition ("X, Canada's special representative") stays as written
            if self._titled_name(raw[i + 1 :]):
                # "Viña del Mar's Mayor Macarena Ripamonti": the name after the title speaks; the owner only says
                # where, and written after "of" its words would read as a name ("Mar")
                return " ".join(raw[i + 1 :])
            if self.lex.owner_preposition:
                return " ".join([*raw[i + 1 :], self.lex.owner_preposition, *owner])
            return phrase
        return phrase

    def _possessor(self, word: str) -> str | None:
        """The owner a possessive names ("Russia's" -> "Russia"; a plural's apostrophe alone: "Barbados’" ->
        "Barbados"), or None for a word that is no possessive."""
        if word[-1:] in NAME_APOSTROPHES and fold_for_match(word).endswith(self.lex.plural_endings):
            return word[:-1]
        pieces = words_of(word)
        if len(pieces) < 2 or pieces[-1] not in self.lex.possessive_endings:
            return None
        if word[-len(pieces[-1]) - 1 : -len(pieces[-1])] not in NAME_APOSTROPHES:
            return None  # "U.S.": a point before the letter, an abbreviation's, not a possessive
        return word[: -len(pieces[-1]) - 1]

    def _titled_name(self, words: list[str]) -> bool:
        """Whether the words are a title and then a name ("Mayor Macarena Ripamonti"), not a body's name whose
        last word would read as one ("Liberation Movement In Opposition")."""
        parsed = self.parse(" ".join(words))
        titled = parsed.role and any(self.is_title_word(w) for w in parsed.role.split())
        return bool(titled) and parsed.name is not None and " ".join(words).endswith(parsed.name)

    def comma_chunks(self, phrase: str, most: int = 0) -> list[str]:
        """The phrase cut at its commas, the pack's own and the Latin one (at most ``most`` cuts, 0 for all)."""
        return re.split("[" + re.escape(self.lex.comma) + ",]", phrase, maxsplit=most)

    def drop_apposition(self, phrase: str) -> str:
        """ "the authorities in X, the largest producer of ...": a phrase that opens with a body's noun names that
        body, and what its comma opens describes the body or its place (a person's name follows a title)."""
        chunks = self.comma_chunks(phrase, 1)
        words = words_of(chunks[0])
        if len(chunks) < 2 or not words or strip_word(words[0]) not in self.lex.body_heads:
            return phrase
        return chunks[0].strip()

    def drop_article(self, phrase: str) -> tuple[str, str | None]:
        """ "the minister" -> ("minister", "definite"): an article written as a word of its own is no part of the
        speaker; its kind tells a bare title ("the minister") from an unnamed source ("a minister")."""
        words = phrase.split()
        first = fold_for_match(words[0]) if len(words) > 1 else ""
        if first in self.lex.definite_articles:
            return " ".join(words[1:]), DEFINITE
        if first in self.lex.indefinite_articles:
            return " ".join(words[1:]), INDEFINITE
        return phrase, None

    def names_a_kind_of_source(self, phrase: str) -> bool:
        """Whether a phrase after an article ("the cooperation", "the White House") can name a speaker: a word of it
        is a title, body, outlet or collective word, or a name (capitalised, in a script with capitals)."""
        raw = [w for w in re.split(r"[\s\-]+", phrase) if w]
        # an institution a local story names with "the" alone, or an outlet's noun pointing back at the outlet
        local = any(strip_word(w) in self.lex.local_bodies or w in self.lex.media_references for w in words_of(phrase))
        # a collective of two words neither of which is one alone ("a rescue worker")
        collective = self._collective(words_of(phrase))
        return (
            local
            or collective
            or any(self.is_title_word(w) or w[:1].isupper() for w in raw)
            or bool(self.reg.exact(phrase))
        )
