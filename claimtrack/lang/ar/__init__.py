"""The Arabic pack's hooks: what Arabic needs that its data files cannot say.

Clitics peeled from a word (``stems``, ``strip_article``), a matching key for a word (``light_stem``,
``content_stems``), the same with verb forms conflated and the future left out (``verb_stem``, ``tenseless``),
a spelling-insensitive key for a transliterated name (``name_key``), the verb forms a cue
verb's past and present give (``verb_forms``), and the words that carry no claim (``STOPWORDS``). Text is
folded by the shared ``claimtrack.lang.text``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import fold, fold_for_match

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


_NAME_FOLD = str.maketrans({"غ": "ج", "ق": "ك", "ث": "س", "ذ": "س", "ظ": "س", "ز": "س", "ض": "د", "ط": "ت", "ص": "س"})


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A spelling-insensitive key for a transliterated name.

    Transliterations differ in long vowels, doubled letters and which letter stands for a foreign g, k or s
    (شويغو/شويجو, ميللر/ميلر, دميتري/ديمتري, روسن/روزن, جيزرافتشي/جيزرافشي), so the key keeps the consonant skeleton only.
    """
    words = []
    # "عبد الله" and "عبدالله", "أبو زيد" and "أبوزيد" are one name however the space falls.
    joined = re.sub(r"\b(عبد|ابو) (?=\S)", r"\1", fold_for_match(name))
    for word in joined.split():
        word = strip_article(word) if word.startswith("ال") else word
        # a foreign "ch" is written تش or ش (كيبتشومبا/كيبشومبا)
        word = word.translate(_NAME_FOLD).replace("تش", "ش")
        skeleton = word[0] + re.sub(r"[اويه]", "", word[1:]) if word else ""
        skeleton = re.sub(r"(.)\1+", r"\1", skeleton)
        if skeleton:
            words.append(skeleton)
    return " ".join(words)


# Words that carry no claim of their own; they would make every two claims look alike. Folded forms.
_STOPWORDS = frozenset(
    fold_for_match(
        "في من على إلى الى عن مع أن إن أنه أنها إنه إنها أنهم إنهم أننا إننا التي الذي الذين اللذين هذا هذه ذلك تلك "
        "هناك هنا بين خلال قد لقد كما ما لا لم لن هو هي هم هما نحن كان كانت يكون تكون أو ثم حيث بعد قبل عند أي كل بها "
        "به فيها فيه منها منه عليه عليها لها له لهم حتى إذا إذ أيضا غير بعض وقد فإن بأن لأن ضد دون نحو منذ سوف بشأن"
    ).split()
)
# One after و or ف (ولا، فلم، وإن، وإننا) carries no claim either: stemming keeps the first و of a three-letter word
# (ورد، وصل) and peels endings off longer ones (إننا), so it would stay a content word, and a copy opening with
# "and" would differ from one without. Not هم: وهم and فهم are nouns as well (illusion, understanding).
STOPWORDS = _STOPWORDS | {c + w for c in PROCLITICS for w in _STOPWORDS if w != fold_for_match("هم")}

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
    elif len(peeled) > 3 and peeled[0] in PROCLITICS:
        # A word opening with و or ف loses it without the article ("وزير" above), so it loses it after one too:
        # "الوزير" and "وزير" are one word.
        w = peeled[1:]
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


def verb_stem(word: str) -> str:
    """``light_stem`` with verb forms conflated, so that تحذر/حذرت/يحذر and ارتفع/يرتفع/ارتفاع meet.

    Peels the past tense's feminine ت, the present tense's prefix on a short stem, the alif of derived verb
    forms (ارتفع/رتفع) and the long vowel before a final letter (ارتفاع/ارتفع). The key is for comparing, not a
    root: a few unrelated words share one, which costs less than a verb and its noun never meeting. The future's
    سـ stays: "ستشكل" (will be) and "تشكل" (is) are not one claim; ``tenseless`` takes it off where it does not
    matter.
    """
    w = light_stem(word)
    # The past tense's plural (عادوا/عاد): light_stem takes the final alif and leaves the waw.
    if len(w) >= 4 and w[-1] == "و":
        w = w[:-1]
    if len(w) >= 5 and w[0] == "ا":
        w = w[1:]
    if len(w) >= 4 and w[-1] == "ت":
        w = w[:-1]
    if len(w) >= 5 and w[-2] == "ا":
        w = w[:-2] + w[-1]
    if (len(w) == 4 or (len(w) == 5 and w[0] == "ت")) and w[0] in "يتن" and w[1] != "ا":
        w = w[1:]
    return w


def tenseless(word: str) -> str:
    """The word without the future's سـ before a present tense (ستخفض -> تخفض), after و/ف."""
    bare = word[1:] if word[:1] in PROCLITICS and len(word) > 4 else word
    return bare[1:] if len(bare) >= 5 and bare[0] == "س" and bare[1] in "يتن" else word


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


# Attached object pronouns a cue verb may carry (أبلغه, أبلغها, أبلغهم), for a verb whose data says so.
CUE_OBJECT_SUFFIXES = ("", "ه", "ها", "هم")


def verb_forms(entry: dict) -> dict[str, tuple[str, str]]:
    """Every form of a cue verb from its data entry (past, present, extra) as form -> (gender, tense):
    the past and present for he, she and they, a verb ending in alif maqsura, and the misspellings listed."""
    past, present = fold(entry["past"]), fold(entry["present"])
    forms = {past: "m", past + "ت": "f", past + "وا": "p", past + "تا": "p"}
    if present:  # "" for a verb whose present is an everyday word (تواصل is also "communication")
        forms.update({present: "m", "ت" + present[1:]: "f", present + "ون": "p", present + "ان": "p"})
    if not entry.get("weak") and not entry.get("relay"):
        # The dual past (أكدا) is also an adverbial accusative for these verbs (ردا على, نقلا عن).
        forms[past + "ا"] = "p"
    if past.endswith("ي"):  # a verb ending in alif maqsura (رأى): the feminine drops it (رأت)
        forms[past[:-1] + "ت"] = "f"
    tense = {f: ("past" if f.startswith(past) else "present") for f in forms}
    for extra in entry.get("extra", []):
        form, _, gender = extra.partition(":")
        forms[fold(form)] = gender or "m"
        tense[fold(form)] = "misspelt" if fold(form) == "قل" else "past"
    return {f: (g, tense[f]) for f, g in forms.items()}
