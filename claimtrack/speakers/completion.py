"""A speaker phrase the extraction cut short, completed from the article's text ("wazir" -> "wazir al-ta'lim").

A mixin of ``PhraseReader``: it reads ``self.lex``, ``self.reg`` and the reader's own ``parse``.
"""

from __future__ import annotations

import re

from ..lang.text import PUNCTUATION, fold, tokens
from .registry import words_of


class PhraseCompletion:
    def is_cut(self, phrase: str) -> bool:
        """Whether a phrase stops on a word that needs the next one: a title or body in construct ("wazir",
        "al-mudir al-fanni li-nadi" = the coach of the club, "wizarat") or a name particle ("Hassan Abd")."""
        words = phrase.split()
        if not words or self.reg.exact(phrase):
            return False
        last = fold(words[-1])
        if last in self.lex.name_particles:
            return True
        if self.lex.modifiers_first and last in self.lex.body_heads:
            return False  # "Police allege ...", "the health ministry": where modifiers come first a body's noun ends it
        if last.startswith(self.lex.definite_prefixes):
            return False
        bare = last[1:] if last[:1] in self.lex.glued_prepositions and len(last) > 3 else last
        heads = self.lex.title_words | self.lex.body_heads | self.lex.media_heads
        return (bare in heads or last in heads) and bare not in self.lex.spoken_for and last not in self.lex.spoken_for

    def complete(self, phrase: str, text: str, before: int) -> str:
        """A cut phrase completed from the article: "wazir" -> "wazir al-ta'lim al-duktur Hamad Al al-Sheikh".

        The occurrence nearest before ``before`` (else the first) goes on to the next punctuation, at most six
        words, stopping at a cue, a complementizer or a function word.
        """
        if not self.is_cut(phrase):
            return self._official_of(phrase, text, before)
        hits = [m for m in re.finditer(re.escape(phrase.strip()), text)]
        if not hits:
            return phrase
        earlier = [m for m in hits if m.end() <= before]
        # The nearest occurrence that goes on to a name ("their manager feels ..." goes on to none; "new manager Owen
        # Coyle" does), else the nearest.
        ordered = [*reversed(earlier), *hits[len(earlier) :]]
        following = next((f for m in ordered if (f := self._following(text, m.end()))), [])
        return " ".join([phrase.strip(), *following])

    def _clause_break(self, marks: str = "") -> str:
        """A character class of the marks a phrase does not run past: commas and semicolons, a full stop, a colon,
        a line break, and ``marks``."""
        return "[" + re.escape(PUNCTUATION["clause_separators"] + ".:\n" + marks) + "]"

    def _following(self, text: str, end: int) -> list[str]:
        """The words after ``end`` up to the next punctuation, at most six, stopping at a cue, a complementizer
        or a function word."""
        tail = re.split(self._clause_break('"«»“”()'), text[end : end + 120])[0].split()
        taken: list[str] = []
        for word in tail[:6]:
            f = fold(word)
            if (
                self.lex.cue(f)
                or f in self.lex.complementizers
                or f in self.lex.function_words
                or f in self.lex.edge_words
                or (self.lex.modifiers_first and word[:1].islower())  # a name after its title is capitalised
            ):
                break
            taken.append(word)
        return taken

    def _official_of(self, phrase: str, text: str, before: int) -> str:
        """ "al-Urdun" (Jordan) cut out of "wazir kharijiyyat al-Urdun Ayman al-Safadi": the official the sentence
        named with the country."""
        words = words_of(phrase)
        if len(words) != 1 or words[0] not in self.lex.countries:
            return phrase
        hits = [m for m in re.finditer(re.escape(phrase.strip()), text) if m.end() <= before]
        if not hits:
            return phrase
        m = hits[-1]
        lead = re.split(self._clause_break(), text[max(0, m.start() - 60) : m.start()])[-1].split()
        taken: list[str] = []
        for word in reversed(lead):
            bare = fold(word)
            if self._word_kind(word) != "T" or self.lex.cue(bare) or bare in self.lex.function_words:
                break
            taken.insert(0, word)
        if not taken:
            return phrase
        return " ".join([*taken, phrase.strip(), *self._following(text, m.end())])

    def complete_name(self, name: str, text: str) -> str:
        """ "Hassan Abd" cut after a particle: the article's own next word completes it ("Hassan Abd Allah")."""
        words = name.split()
        if not words or fold(words[-1]) not in self.lex.name_particles:
            return name
        m = re.search(re.escape(name) + r"\s+(?=\w)", text)
        following = tokens(text[m.end() : m.end() + 60]) if m else []
        return f"{name} {following[0].raw}" if following and following[0].is_word else name
