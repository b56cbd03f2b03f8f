"""Arabic text for matching: folding, tokens with offsets, clitics, name keys.

Everything here is for comparing text. Offsets always refer to the original string, never to a folded copy.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTER_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        # Persian and Urdu forms that Arabic sites paste in (کوریا, الولایات).
        "ک": "ك",
        "ی": "ي",
        "ۍ": "ي",
        "ھ": "ه",
        "ہ": "ه",
        "\u00a0": " ",
        "\u200f": "",
        "\u200e": "",
        "\u200c": "",
        "\u200d": "",
        "\ufeff": "",
    }
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
QUOTE_CHARS = "\"'«»“”„‟‘’‹›"
_QUOTES = re.compile("[" + re.escape(QUOTE_CHARS) + "]")


def fold(text: str) -> str:
    """Fold spelling variation that carries no meaning for matching: letter forms, marks, digits, case, spaces."""
    # Words and names are folded again and again (resolution folds every alias of every speaker per
    # statement): short strings are remembered, long texts never, so the cache stays small.
    return _fold_short(text) if text and len(text) <= SHORT else _fold(text)


SHORT = 64


@lru_cache(maxsize=1 << 16)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = DIACRITICS.sub("", text).translate(_LETTER_FOLD).translate(_DIGITS).lower()
    return re.sub(r"\s+", " ", text).strip()


def fold_for_match(text: str) -> str:
    """``fold`` without quotation marks and punctuation: what two outlets' versions of a claim share."""
    return _fold_for_match_short(text) if text and len(text) <= SHORT else _fold_for_match(text)


@lru_cache(maxsize=1 << 16)
def _fold_for_match_short(text: str) -> str:
    return _fold_for_match(text)


def _fold_for_match(text: str) -> str:
    text = _QUOTES.sub(" ", fold(text))
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


# A word is a run of letters, digits and Arabic combining marks (which \w does not cover).
_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    raw: str
    norm: str  # folded form of raw

    @property
    def is_word(self) -> bool:
        return bool(_WORD.fullmatch(self.raw))


_GLUED_TA = re.compile(r"ة(?=[\u0621-\u064a])")


def tokens(text: str, offset: int = 0) -> list[Token]:
    """Words and single punctuation marks with their offsets.

    A word-medial ة is split off: ة only ever ends a word, so "مشتركةوقال" is two words a page lost the
    space between.
    """
    out: list[Token] = []
    for m in re.finditer(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+|[^\s\w]", text):
        raw, start = m.group(), m.start()
        pieces = _GLUED_TA.split(raw) if len(raw) > 4 else [raw]
        for i, piece in enumerate(pieces):
            if i < len(pieces) - 1:
                piece += "ة"
            if piece:
                out.append(Token(offset + start, offset + start + len(piece), piece, fold(piece)))
            start += len(piece)
    return out


PROCLITICS = ("و", "ف")
PARTICLES = ("ب", "ل", "ك")


@lru_cache(maxsize=65536)
def stems(word: str) -> tuple[str, ...]:
    """The folded word and what remains after peeling conjunction and particle prefixes, longest first.

    "وللصحفيين" gives ("وللصحفيين", "للصحفيين", "لصحفيين"?, "الصحفيين", "صحفيين").
    """
    w = fold(word)
    seen: list[str] = [w]
    frontier = [w]
    while frontier:
        nxt = []
        for cur in frontier:
            cands = []
            if len(cur) > 2 and cur[0] in PROCLITICS:
                cands.append(cur[1:])
            if len(cur) > 2 and cur[0] in PARTICLES:
                cands.append(cur[1:])
            if cur.startswith("لل") and len(cur) > 3:
                cands.append("ال" + cur[2:])
            if cur.startswith("ال") and len(cur) > 3:
                cands.append(cur[2:])
            for c in cands:
                if c not in seen:
                    seen.append(c)
                    nxt.append(c)
        frontier = nxt
    return tuple(seen)


def strip_article(word: str) -> str:
    """The folded word without its definite article or a particle before it (للدراسات -> دراسات)."""
    w = fold(word)
    for prefix in ("وال", "فال", "بال", "كال", "لل", "ال"):
        if w.startswith(prefix) and len(w) - len(prefix) >= 2:
            return w[len(prefix) :]
    return w


_NAME_FOLD = str.maketrans({"غ": "ج", "ق": "ك", "ث": "س", "ذ": "ز", "ظ": "ز", "ض": "د", "ط": "ت", "ص": "س", "ه": "ه"})


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A spelling-insensitive key for a transliterated name.

    Transliterations differ in long vowels, doubled letters and which letter stands for a foreign g or k
    (شويغو/شويجو, ميللر/ميلر, دميتري/ديمتري), so the key keeps the consonant skeleton only.
    """
    words = []
    # "عبد الله" and "عبدالله", "أبو زيد" and "أبوزيد" are one name however the space falls.
    joined = re.sub(r"\b(عبد|ابو) (?=\S)", r"\1", fold_for_match(name))
    for word in joined.split():
        word = strip_article(word) if word.startswith("ال") else word
        word = word.translate(_NAME_FOLD)
        skeleton = word[0] + re.sub(r"[اويه]", "", word[1:]) if word else ""
        skeleton = re.sub(r"(.)\1+", r"\1", skeleton)
        if skeleton:
            words.append(skeleton)
    return " ".join(words)


# Words that carry no claim of their own; they would make every two claims look alike. Folded forms.
STOPWORDS = frozenset(
    fold_for_match(
        "في من على إلى الى عن مع أن إن أنه أنها التي الذي الذين اللذين هذا هذه ذلك تلك هناك هنا بين خلال قد لقد "
        "كما ما لا لم لن هو هي هم هما نحن كان كانت يكون تكون أو ثم حيث بعد قبل عند أي كل بها به فيها فيه منها منه "
        "عليه عليها لها له لهم حتى إذا إذ أيضا غير بعض وقد فإن بأن لأن ضد دون نحو منذ سوف"
    ).split()
)

_PARTICLE_BEFORE = re.compile(r"^[بلك](?=[^اوي])")
_SUFFIXES = ("هما", "تا", "ها", "هم", "ان", "ات", "ون", "ين", "يه", "ه", "ي", "ا")


def light_stem(word: str) -> str:
    """A matching key for a word: clitics and common suffixes peeled, in the manner of light10 stemming.

    The key need not be a real stem, only the same for the forms two outlets write: الأسلحة/أسلحة,
    للقرارات/قرارات, بقطار/قطار, روسيا/الروسية. A single ب/ل/ك is peeled only before a consonant, so
    transliterated names (بوتين, بيونغ, ليندا) keep their first letter.
    """
    return _stem_folded(fold(word))


@lru_cache(maxsize=262144)
def _stem_folded(w: str) -> str:
    if len(w) > 3 and w[0] in PROCLITICS:
        w = w[1:]
    peeled = strip_article(w)
    if peeled == w and len(w) > 4:
        w = _PARTICLE_BEFORE.sub("", w)
    else:
        w = peeled
    for _ in range(2):
        for suffix in _SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                w = w[: -len(suffix)]
                break
    # The present tense's ت/ي (تتقدم/تقدم, تبادلتا/تبادل): one outlet writes the verb, another its noun.
    if len(w) >= 5 and w[0] in "تي" and w[1] != "ا":
        w = w[1:]
    return w


def content_stems(norm: str) -> list[str]:
    """The light stems of the content words of a text folded by ``fold_for_match``, in order: what a claim's
    wording is compared on."""
    out = []
    for word in norm.split():
        if word in STOPWORDS:
            continue
        stem = _stem_folded(word)
        if len(stem) >= 2 and stem not in STOPWORDS:
            out.append(stem)
    return out
