"""Verbal nouns, recognised from the patterns and words in the language data."""

from __future__ import annotations

import re

from ..lexicon import Lexicon


def nationality_word(lex: Lexicon, n: str) -> bool:
    """Whether a folded word is an adjective of nationality ("الأمريكي", the broken plural "أفغان")."""
    return n in lex.nationality or lex.hooks.strip_article(n) in lex.anonymous_nationality


class VerbalNouns:
    """Whether a folded word is a verbal noun: in the data's list, or built on one of its patterns.

    A place, a month, a day, a nationality, a title or the first word of a known speaker's name is never one,
    whatever its shape ("تركيا" and "تشرين" have the shape of تفعيل)."""

    def __init__(self, lex: Lexicon, names: frozenset[str]):
        roots = set(lex.root_letters)
        self.lex = lex
        self.names = names
        self.patterns = [
            re.compile("".join("." if ch in roots else re.escape(ch) for ch in pattern))
            for pattern in lex.verbal_noun_patterns
        ]

    def __contains__(self, word: str) -> bool:
        lex = self.lex
        if word in lex.verbal_nouns:
            return True
        if word.endswith(lex.accusative_endings) and word[:-1] in lex.verbal_nouns:
            return True  # "حدادا": the accusative ending written out
        if word in lex.places or lex.hooks.strip_article(word) in lex.places or word in lex.countries:
            return False
        if word in lex.months or word in lex.days:
            return False  # "تشرين" has the shape تفعيل
        if nationality_word(lex, word) or word in lex.title_words or word in lex.body_heads or word in self.names:
            return False  # "تنظيم", "اتحاد", "تحالف": a body's noun has a verbal noun's shape; "أفغان" a nationality's
        if lex.hooks.strip_article(word) != word:
            return False  # "العام" is the article on "عام", not the shape إفعال: ``definite`` reads such words
        return any(p.fullmatch(word) for p in self.patterns)

    def definite(self, word: str) -> bool:
        """ "الحداد", "الحاجة": a verbal noun with the article."""
        bare = self.lex.hooks.strip_article(word)
        return bare != word and bare in self

    def owned(self, word: str) -> bool:
        """ "رفضه", "مسؤوليته": a word of feeling or a stance with the speaker's pronoun on it, a cue's object with no
        preposition ("أكد رفضه ...", "أعلن مسؤوليته عن ..."); not any verbal noun ("واصلت القوات تقدمها")."""
        return any(stem in self.lex.feelings or stem in self.lex.stances for stem in self._stems(word))

    def _stems(self, word: str) -> list[str]:
        """The word without a pronoun suffix, its bound feminine ending written free ("تأكيد", "مسؤولية")."""
        out = []
        for suffix in self.lex.pronoun_suffixes:
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                stem = word[: -len(suffix)]
                out.append(stem)
                out += [stem[: -len(b)] + f for b, f in self.lex.bound_feminine_endings.items() if stem.endswith(b)]
        return out

    def pronoun_owned(self, word: str) -> bool:
        """ "استقالته", "ترشحها": any verbal noun with a pronoun suffix."""
        return any(stem in self for stem in self._stems(word))

    def feeling(self, word: str) -> bool:
        """ "قلقه", "أسفها": a word of feeling with a pronoun, what "أعرب عن" takes."""
        return any(stem in self.lex.feelings for stem in self._stems(word))
