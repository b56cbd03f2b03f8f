"""The English pack's hooks: what English needs that its data files cannot say.

English writes its article, conjunctions and prepositions as words of their own, so a word has no clitics to
peel (``stems``, ``strip_article`` give the folded word). ``light_stem`` peels the common inflections (plural
s, -ed, -ing) so that two outlets' forms of one word meet, and is also the claim key (``verb_stem``; the future
is a word of its own, so ``tenseless`` leaves a word as it is); ``name_key`` is a name's folded words without accents, doubled
letters made single (Miller/Miler). Text is folded by the shared ``claimtrack.lang.text``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..text import fold, fold_for_match

PROCLITICS: tuple[str, ...] = ()
# English verbs carry no object pronoun on them.
CUE_OBJECT_SUFFIXES = ("",)


def stems(word: str) -> tuple[str, ...]:
    return (fold(word),)


def strip_article(word: str) -> str:
    return fold(word)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A spelling-insensitive key for a name: its words folded, accents dropped (Sánchez/Sanchez), doubled letters
    single."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(re.sub(r"(.)\1+", r"\1", word) for word in fold_for_match(bare).split())


# Words that carry no claim of their own; they would make every two claims look alike. Folded forms.
STOPWORDS = frozenset(
    "a an the of to in on at for with by from and or but as is are was were be been being it its this that these "
    "those there their they them he she his her we our you your i will would shall should can could has have had "
    "do does did which who whom whose what when where while than then so such also into over about after before "
    "between during under up out if all any each every both how why because".split()
)

# Each ending and what is put back in its place (studies/study).
_SUFFIXES = (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def light_stem(word: str) -> str:
    """A matching key for a word: a plural or verb ending peeled (talks/talk, warned/warn, sanctions/sanction)."""
    return _stem_folded(fold(word))


@lru_cache(maxsize=262144)
def _stem_folded(w: str) -> str:
    for suffix, restored in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)] + restored
    return w


def verb_stem(word: str) -> str:
    """A claim-matching key for a word: its light stem, which already meets a verb's past and present (warned,
    warns: warn)."""
    return light_stem(word)


def tenseless(word: str) -> str:
    """The word as it is: English writes its future ("will") as a word of its own, not on the verb."""
    return word


def content_stems(norm: str) -> list[str]:
    """The light stems of the content words of a text folded by ``fold_for_match``, in order."""
    return [_stem_folded(w) for w in norm.split() if w not in STOPWORDS and len(w) >= 2]


def verb_forms(entry: dict) -> dict[str, tuple[str, str]]:
    """Every form of a cue verb from its data entry as form -> (gender, tense): the past ("said"), the present
    ("says") and, where the data gives it, the present for a plural subject ("say": not for verbs whose plain
    form is also a noun, "report", "claim"); English forms tell no gender."""
    forms = {fold(entry["past"]): ("", "past")}
    if entry.get("present"):
        forms[fold(entry["present"])] = ("", "present")
    if entry.get("plural"):
        forms[fold(entry["plural"])] = ("p", "present")
    for extra in entry.get("extra", []):
        form, _, gender = extra.partition(":")
        forms[fold(form)] = (gender, "past")
    return forms
