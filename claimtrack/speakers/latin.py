"""Latin display names: a deterministic, table-driven romanisation of names in another script (data/<lang>/names.toml).

A word the table lists takes its customary spelling (Mohammed); any other is spelt letter by letter, long vowel
letters giving their vowel. ``latin_key`` is a consonant skeleton for comparing Latin spellings
("Faisal"/"Faysal", "Mokhtar"/"Mukhtar").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import lexicon as lexicon_mod
from ..lang import name_key, text_pack
from ..lang.text import fold
from ..lexicon import Lexicon
from .registry import UNATTRIBUTED

_CONSONANT_AFTER = re.compile(r"[^aeiou'\s-]")
_DIGRAPHS = ("th", "kh", "dh", "sh", "gh", "ch")


@lru_cache(maxsize=4096)
def _non_latin_letter(ch: str) -> bool:
    return ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN")


def has_non_latin(text: str) -> bool:
    """Whether a text holds a letter of a script other than the Latin one: a name to romanise, and to compare by
    its own script's name key."""
    return any(_non_latin_letter(ch) for ch in text or "")


def _letters(lex: Lexicon, word: str) -> str:
    out = []
    for i, ch in enumerate(word):
        prev = out[-1][-1:] if out else ""
        consonant_before = bool(prev) and bool(_CONSONANT_AFTER.match(prev))
        glide = word[i + 1 : i + 2] == lex.latin_glide_before  # Nawal, Rayan: a glide before a long a
        if ch in lex.latin_vowel_letters and consonant_before and not glide:
            out.append(lex.latin_vowel_letters[ch])
        elif ch in lex.latin_final_vowels and i == len(word) - 1 and i > 1:
            out.append(lex.latin_final_vowels[ch])
        else:
            out.append(lex.latin_letters.get(ch, ch))
    text = "".join(out)
    if text.startswith("'"):
        text = "a" + text[1:]  # an initial ain carries a vowel (Omar, Adel): "a" is the commonest
    text = text.strip("'")
    if (
        len(text) > 2
        and _CONSONANT_AFTER.match(text[0])
        and _CONSONANT_AFTER.match(text[1])
        and text[:2] not in _DIGRAPHS
    ):
        text = text[0] + "a" + text[1:]  # two consonants cannot open a word: the short vowel was not written
    return text


def _word(lex: Lexicon, word: str) -> str:
    if word in lex.latin_words:
        return lex.latin_words[word]
    article = lex.definite_article
    if article and word.startswith(article) and len(word) > len(article) + 1:
        rest = word[len(article) :]
        return lex.latin_article + lex.latin_words.get(rest, _letters(lex, rest)).capitalize()
    return _letters(lex, word).capitalize()


def latin_name(lex: Lexicon, name: str) -> str:
    """The Latin display name of a speaker's name; a name already in Latin letters is kept. A name in letters
    ``lex`` has no table for (an Arabic name in a database read with the English pack) is romanised with the
    pack of its own script."""
    if not has_non_latin(name):
        return name
    if not any(ch in lex.latin_letters for ch in name):
        lex = lexicon_mod.load(text_pack(name).code)
    words = re.sub(r"[^\w\s]", " ", fold(name)).split()
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = " ".join(words[i : i + 2])
        if i + 1 < len(words) and pair in lex.latin_words:
            out.append(lex.latin_words[pair])
            i += 2
            continue
        out.append(_word(lex, words[i]) if has_non_latin(words[i]) else words[i])
        i += 1
    return " ".join(out)


def latin_key(lex: Lexicon, text: str) -> str:
    """Consonant skeleton of a Latin name, word by word: vowels, hyphens, the article and doubling dropped."""
    words = []
    lowered = text.lower().replace(lex.latin_article, " ") if lex.latin_article else text.lower()
    for word in re.sub(r"[^a-z\s]", " ", lowered).split():
        if word in lex.latin_article_spellings:
            continue
        skeleton = word[0] + re.sub(r"[aeiouyw']", "", word[1:])
        # Sounds one script writes with one letter and the other with two or another (Grandi / Ghrandi, v / f,
        # p / b: Apple written with the letter of Abl).
        skeleton = (
            skeleton.replace("ph", "f")
            .replace("q", "k")
            .replace("ou", "u")
            .replace("gh", "g")
            .replace("v", "f")
            .replace("p", "b")
        )
        words.append(re.sub(r"(.)\1+", r"\1", skeleton))
    return " ".join(words)


def unknown_speaker(name: str | None) -> bool:
    """Whether a statement's speaker was not read at all (no name, or the unattributed placeholder)."""
    return not name or name == UNATTRIBUTED


# Between a speaker's name and its article's id, for a speaker kept to one article (a body named by common nouns,
# "the ministry", or a title's unnamed holder).
ARTICLE_SCOPE = " · "


def in_article(name: str, article: str | None) -> str:
    """The canonical name of a speaker kept to ``article`` (no article: the name alone)."""
    return f"{name}{ARTICLE_SCOPE}{article}" if article else name


def kept_to_article(name: str | None) -> bool:
    """Whether a speaker is kept to its article: which body or person it is, only that article says."""
    return bool(name) and ARTICLE_SCOPE in name


def same_person(a: str | None, b: str | None) -> bool:
    """Whether two speakers' canonical names may name one speaker: the same name (the packs give a known person
    one name in every language), or a Latin name whose last word (a surname, an agency's name) has the
    consonant skeleton of a word of the other, a name in another script ("Grandi" and the Arabic "Filippo
    Grandi"). Two different names in one script are two speakers: that is resolution's to join, not this."""
    if not a or not b or UNATTRIBUTED in (a, b):
        return False
    if a == b:
        return True
    if has_non_latin(a) == has_non_latin(b):
        return False
    latin, other = (b, a) if has_non_latin(a) else (a, b)
    lex = lexicon_mod.load(text_pack(other).code)
    surname = latin_key(lex, latin).split()[-1:]
    # The romanised name marks a letter Latin spellings mostly leave out (an ain: Azour, Saadi) with an apostrophe,
    # which would cut the word's skeleton in two.
    romanised = latin_name(lex, other).replace("'", "")
    return bool(surname) and len(surname[0]) >= 3 and surname[0] in latin_key(lex, romanised).split()


def family_name_of(a: str | None, b: str | None) -> bool:
    """Whether one speaker's name is one word, the family name the other's full name ends with in some spelling
    ("هلاينج" and "مين أونج هلاينج", "Holness" and "Andrew Holness"): maybe one person, which resolution does not
    decide on one word, but two versions of one claim from them are one source's, not a claim moved to another."""
    if unknown_speaker(a) or unknown_speaker(b) or kept_to_article(a) or kept_to_article(b):
        return False
    short, long = sorted((name_key(a).split(), name_key(b).split()), key=len)
    return len(short) == 1 and len(long) > 1 and short[0] == long[-1]
