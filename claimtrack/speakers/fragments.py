"""Whether a phrase can name a speaker at all: a lone bracket, a verb, a dateline or "hasila" (a toll) cannot.

A mixin of ``PhraseReader``: it reads ``self.lex`` and ``self.reg``.
"""

from __future__ import annotations

import re

from .registry import strip_word, words_of


MAX_MODIFIED_COLLECTIVE = 3  # words of a collective head and the modifiers before it ("initial media reports")


class FragmentChecks:
    def is_fragment(self, phrase: str) -> bool:
        """Whether a phrase cannot name a speaker: no word, a dateline, a verb or a preposition first, a noun for
        what was said, a demonstrative pointing at a thing ("hadhihi al-khutwa" = this step)."""
        words = words_of(phrase)
        if not words or self.is_dateline(phrase):
            return True
        if self.reg.exact(phrase) or self._collective(words):
            return False
        if self.lex.subject_first and any(w in self.lex.fragment_verbs for w in words[1:]):
            return True  # "the United States had intelligence": the subject ran on into its clause
        first_raw = phrase.split()[0] if phrase.split() else ""
        checks = (self._verb_first, self._names_what_was_said, self._points_at_a_thing)
        return any(check(words) for check in checks) or (
            words[0] in self.lex.function_words - self.lex.demonstratives and first_raw not in self.lex.name_homographs
        )

    def _verb_first(self, words: list[str]) -> bool:
        """ "a'rabat" (she expressed), "wajjahat" (she addressed), "bayan asdarathu" (a statement it issued): a verb
        where the speaker should be."""
        lex = self.lex
        head = words[0]
        bare = {head, head[1:] if head[:1] in lex.conjunctions and len(head) > 3 else head}
        if any(lex.cue(w) and lex.cue(w).tense in ("past", "present") for w in bare):
            return True
        near = set(words[:2]) | {w[1:] for w in words[:2] if w[:1] in lex.conjunctions}
        return bool(near & lex.fragment_verbs)

    def _names_what_was_said(self, words: list[str]) -> bool:
        """ "hasila" (a toll), "wasa'il" (means): a noun for the thing said; a given name spelt the same ("Amal
        Hassan") is a name."""
        head = words[0]
        if self.lex.modifiers_first and len(words) > 1:
            # "an IMF report": the head is last, before what follows it ("report of the ministry")
            opening = next((words[:k] for k, w in enumerate(words) if k and w in self.lex.function_words), words)
            head = opening[-1] if opening[-1] in self.lex.not_speakers else head
        listed = head in self.lex.not_speakers or strip_word(head) in self.lex.not_speakers
        return listed and head not in self.lex.latin_words

    def is_common_word_name(self, phrase: str) -> bool:
        """A lone word that is both a common noun and a given name ("Amal" = hope, "Salam" = peace, "Nour" = light)."""
        words = words_of(phrase)
        if len(words) != 1:
            return False
        word = words[0]
        return word in self.lex.latin_words and (
            word in self.lex.not_speakers or strip_word(word) in self.lex.not_speakers
        )

    def _points_at_a_thing(self, words: list[str]) -> bool:
        """ "dhalik" (that), "hadhihi al-khutwa" (this step): a demonstrative alone or before a noun that is no title
        ("hadha al-mas'ul" = this official is one)."""
        if words[0] not in self.lex.demonstratives:
            return False
        rest = [w for w in words[1:] if w not in self.lex.demonstratives]
        return not rest or self._word_kind(rest[0]) != "T"

    def _collective(self, words: list[str]) -> bool:
        """ "wasa'il al-i'lam al-rasmiyya" (the official media): a collective source, though its first word alone
        names nothing."""
        bare = [strip_word(w) for w in words[:4]]
        if (
            self.lex.modifiers_first
            and 1 < len(words) <= MAX_MODIFIED_COLLECTIVE
            and words[-1] in self.lex.anonymous_heads
        ):
            return True  # "Local reports", "Initial reports": the head is last, though a verb spells it too
        return any(bare[: len(head)] == head for head in self._collectives)

    def is_dateline(self, phrase: str) -> bool:
        """ "al-Qahira - al-Arabiya.net": a place, a dash, an outlet; the outlet's byline, not who spoke."""
        parts = re.split(r"\s+[" + re.escape("".join(self.lex.dateline_separators)) + r"]\s+", phrase.strip())
        if len(parts) != 2 or not parts[0] or len(words_of(parts[0])) > 3:
            return False
        return all(self._word_kind(w) != "N" or w in self.lex.places for w in words_of(parts[0])) or bool(
            self.reg.find_alias(parts[1], ("media",))
        )
