"""Latin display names: a deterministic, table-driven romanisation of Arabic names (data/<lang>/names.toml).

A word the table lists takes its customary spelling (محمد -> Mohammed); any other is spelt letter by letter,
long vowel letters giving their vowel. ``latin_key`` is a consonant skeleton for comparing Latin spellings
("Faisal"/"Faysal", "Mokhtar"/"Mukhtar").
"""

from __future__ import annotations

import re

from ..arabic import fold
from ..lexicon import Lexicon

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_CONSONANT_AFTER = re.compile(r"[^aeiou'\s-]")
_DIGRAPHS = ("th", "kh", "dh", "sh", "gh", "ch")


def has_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text or ""))


def _letters(lex: Lexicon, word: str) -> str:
    out = []
    for i, ch in enumerate(word):
        prev = out[-1][-1:] if out else ""
        consonant_before = bool(prev) and bool(_CONSONANT_AFTER.match(prev))
        vowel_after = word[i + 1 : i + 2] == "ا"  # نوال, ريان: a glide before a long a
        if ch == "و" and consonant_before and not vowel_after:
            out.append("u")
        elif ch == "ي" and consonant_before and not vowel_after:
            out.append("i")
        elif ch == "ه" and i == len(word) - 1 and i > 1:
            out.append("a")  # a folded ta marbuta
        else:
            out.append(lex.latin_letters.get(ch, ch))
    text = "".join(out)
    if text.startswith("'"):
        text = "a" + text[1:]  # an initial ain carries a vowel (عمر -> Omar, عادل -> Adel): "a" is the commonest
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
    if word.startswith("ال") and len(word) > 3:
        rest = word[2:]
        return "al-" + lex.latin_words.get(rest, _letters(lex, rest)).capitalize()
    return _letters(lex, word).capitalize()


def latin_name(lex: Lexicon, name: str) -> str:
    """The Latin display name of a speaker's name; a name already in Latin letters is kept."""
    if not has_arabic(name):
        return name
    words = re.sub(r"[^\w\s]", " ", fold(name)).split()
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = " ".join(words[i : i + 2])
        if i + 1 < len(words) and pair in lex.latin_words:
            out.append(lex.latin_words[pair])
            i += 2
            continue
        out.append(_word(lex, words[i]) if has_arabic(words[i]) else words[i])
        i += 1
    return " ".join(out)


def latin_key(text: str) -> str:
    """Consonant skeleton of a Latin name, word by word: vowels, hyphens, the article and doubling dropped."""
    words = []
    for word in re.sub(r"[^a-z\s]", " ", text.lower().replace("al-", " ")).split():
        if word in ("al", "el"):
            continue
        skeleton = word[0] + re.sub(r"[aeiouyw']", "", word[1:])
        skeleton = skeleton.replace("ph", "f").replace("q", "k").replace("ou", "u")
        words.append(re.sub(r"(.)\1+", r"\1", skeleton))
    return " ".join(words)
