"""What one version of a claim asserts, read from its words: content stems, polarity, numbers, hedges, direction.

Matching (``match``) asks whether two claims say the same thing; relations (``relation``) ask how two versions
of one claim differ. Both read a claim through ``read_claim``. The words that decide (negations, denials, hedges,
number words, opposite directions) are language data in ``lang/<language>/claims.toml``; the stop-word list
that matching uses drops negations, so polarity is read here from the whole text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from types import ModuleType

from .lang import hooks_for, pack, text_pack
from .lang.text import DIACRITICS, PUNCTUATION, QUOTE_CHARS, fold, fold_for_match, spoken
from .lexicon import _read, load


@lru_cache(maxsize=262144)
def claim_stem(word: str) -> str:
    """The pack's ``verb_stem``: a word's light stem with its verb forms conflated, so that a verb, past and
    present, and its noun meet (تحذر/حذرت/يحذر, ارتفع/يرتفع/ارتفاع). The future stays: "ستشكل" (will be) and
    "تشكل" (is) are not one claim; directions read through it (the pack's ``tenseless``)."""
    return hooks_for(word).verb_stem(word)


@dataclass(frozen=True)
class Axis:
    """Two opposite directions a claim can take (up/down, open/close), as stem sequences."""

    name: str
    plus: frozenset[tuple[str, ...]]
    minus: frozenset[tuple[str, ...]]
    # A comparison says its direction of what follows it ("more than half", "less than 12"): two versions go
    # opposite ways on it only when they compare one thing.
    compares: bool = False


@dataclass(frozen=True)
class ClaimLanguage:
    hooks: ModuleType  # the pack's word hooks: every word of a claim is peeled by its claim's pack, looked up once
    negations: frozenset[str]
    not_negations: frozenset[tuple[str, str]]  # a negation word and the word after it that together negate nothing
    below_numbers: frozenset[str]  # negation words that before a number mean "below" it
    conditions: frozenset[str]  # words opening a condition, whose negation ("if it is not funded") asserts nothing
    bare_conditions: frozenset[tuple[str, str]]  # ... and a word that opens one only with this negation ("إن لم")
    denials: frozenset[str]  # claim stems
    denial_forms: frozenset[str]  # the denials as listed, folded: what a word with the article must be once peeled
    denial_phrases: tuple[tuple[str, ...], ...]  # folded words that call what the claim reports untrue ("not true")
    hedges: frozenset[str]
    hedges_before_present: frozenset[str]
    present_prefixes: tuple[str, ...]
    numbers: dict[str, float]
    not_before_numbers: tuple[str, ...]  # clitics peeled from other words but never written on a number word
    clock_words: frozenset[str]  # words before a number that make it a time of day ("الساعة 15.30")
    naming_words: frozenset[str]  # words a few before a number that make it a name ("طراز بوينغ 737")
    # number words that count nothing: "per cent" written out (percent_words), and "one" naming each unit
    # ("للدولار الواحد", unit_words)
    uncounted: frozenset[str]
    # claim stems of the words that say what a figure counts -> what: DEAD (a claim naming it gives a death toll),
    # the wounded, the missing
    counted_stems: dict[str, str]
    vague_counts: frozenset[str]  # number words that count roughly ("آلاف", "hundreds"): they tell no toll from another
    durations: frozenset[str]  # units of time after a figure ("48 ساعة"): it counts time, not the dead
    event_stems: dict[str, str]  # claim stems of the words that name what killed them -> its kind (fire, crash, ...)
    year_words: frozenset[str]  # words before four figures that make them a year ("عام 2013")
    year_prepositions: frozenset[str]  # ... and before four figures that make them a year if one could be ("في 2019")
    era_marks: frozenset[str]  # marks after four figures that make them a year ("1444هـ")
    reversed_decimal: re.Pattern | None  # a decimal mark written with the fraction first ("2ر30" is 30.2)
    apart_conjunctions: re.Pattern | None  # a conjunction written apart from the figure after it ("مليون و 496")
    multipliers: dict[str, float]
    glued_multipliers: dict[str, float]  # abbreviations that multiply only written on a figure ("$2.6m", "600m/-")
    axes: tuple[Axis, ...]
    dates: dict[str, int]  # month and weekday names -> a key (months 1-12, weekdays 101-107)
    places: dict[tuple[str, ...], str]  # a place name's claim stems -> its key (a country and its capital share one)
    unarticled_places: frozenset[str]  # one-word place names that never take the article ("سيول", not "السيول")
    place_names: frozenset[str]  # every place name as written (folded, each word without the article)
    place_ends: dict[str, str]  # a word before a place (or a clitic on it) -> the end of a movement it marks
    port_nouns: frozenset[str]  # where a journey starts or ends, before its place ("مطار لندن"): its end is the place's
    bodies: frozenset[str]  # claim stems of kinds of body (court, ministry, council) that the next word names
    place_stems: frozenset[str]  # every claim stem of a place name: a body named by a place is named where, not which
    contractions: dict[str, str]  # a contracted negation (its letters, lower case) -> the words it stands for
    contracted: re.Pattern | None  # finds them, after a proclitic or not, with any apostrophe or a space for its own
    synonyms: dict[str, str]  # claim stem -> the stem of the first word of its synonym group


def _phrase_stems(phrase: str) -> tuple[str, ...]:
    return tuple(claim_stem(w) for w in fold_for_match(phrase).split())


def _unarticled_places(data: dict, hooks: ModuleType) -> frozenset[str]:
    """One-word place names written without the article, but for those ending as the place's adjective does."""
    adjectival = tuple(fold(e) for e in data.get("article_adjective_endings", []))
    names = (fold(name) for group in data.get("places", {}).values() for name in group if " " not in name.strip())
    return frozenset(name for name in names if hooks.strip_article(name) == name and not name.endswith(adjectival))


def _place_key(phrase: str, hooks: ModuleType) -> tuple[str, ...]:
    """A place name's words by their light stems: clitics and endings peeled (the article, li-, the adjective's
    ending), not the letters ``claim_stem`` takes for a verb's, which would leave other words' fragments that
    happen to spell a place (فيروس without ف and ي is روس, the Russians; يونس without ي is تونس without ت)."""
    return tuple(hooks.light_stem(w) for w in fold_for_match(phrase).split())


DEAD = "dead"  # what the packs' toll_words count


@lru_cache(maxsize=None)
def claim_language(language: str) -> ClaimLanguage:
    data = _read(language, "claims.toml")
    lex = load(language)
    axes = tuple(
        Axis(
            axis["name"],
            frozenset(_phrase_stems(p) for p in axis["plus"]),
            frozenset(_phrase_stems(p) for p in axis["minus"]),
            axis.get("compares", False),
        )
        for axis in data.get("axes", [])
    )
    dates = {**lex.month_numbers, **{day: 100 + n for day, n in lex.weekday_numbers.items()}}
    return ClaimLanguage(
        hooks=pack(language).hooks,
        negations=frozenset(fold(w) for w in data.get("negations", [])),
        not_negations=frozenset(tuple(fold(p).split()[:2]) for p in data.get("not_negations", [])),
        below_numbers=frozenset(fold(w) for w in data.get("below_numbers", [])),
        conditions=frozenset(fold(w) for w in data.get("conditions", [])),
        bare_conditions=frozenset(tuple(fold(p).split()[:2]) for p in data.get("bare_conditions", [])),
        denials=frozenset(claim_stem(w) for w in data.get("denials", [])),
        denial_forms=frozenset(fold(w) for w in data.get("denials", [])),
        denial_phrases=tuple(tuple(fold_for_match(p).split()) for p in data.get("denial_phrases", [])),
        hedges=frozenset(fold(w) for w in data.get("hedges", [])),
        hedges_before_present=frozenset(fold(w) for w in data.get("hedges_before_present", [])),
        present_prefixes=tuple(fold(w) for w in data.get("present_prefixes", [])),
        numbers={fold(k): float(v) for k, v in data.get("numbers", {}).items()},
        not_before_numbers=tuple(fold(c) for c in data.get("not_before_numbers", [])),
        clock_words=frozenset(fold(w) for w in data.get("clock_words", [])),
        naming_words=frozenset(fold(w) for w in data.get("naming_words", [])),
        uncounted=frozenset(fold(w) for key in ("percent_words", "unit_words") for w in data.get(key, [])),
        counted_stems={
            claim_stem(fold_for_match(w)): kind
            for kind, words in {**data.get("counted_words", {}), DEAD: data.get("toll_words", [])}.items()
            for w in words
        },
        vague_counts=frozenset(fold(w) for w in data.get("vague_counts", [])),
        durations=frozenset(fold(w) for w in data.get("durations", [])),
        event_stems={
            claim_stem(fold_for_match(w)): kind for kind, words in data.get("event_kinds", {}).items() for w in words
        },
        year_words=frozenset(fold(w) for w in data.get("year_words", [])),
        year_prepositions=frozenset(fold(w) for w in data.get("year_prepositions", [])),
        era_marks=frozenset(fold(w) for w in data.get("era_marks", [])),
        reversed_decimal=_reversed_decimal(data.get("reversed_decimal_marks", [])),
        apart_conjunctions=_apart_conjunctions(pack(language).hooks.PROCLITICS),
        multipliers={fold(k): float(v) for k, v in data.get("multipliers", {}).items()},
        glued_multipliers={fold(k): float(v) for k, v in data.get("glued_multipliers", {}).items()},
        axes=axes,
        dates=dates,
        places={
            _place_key(name, pack(language).hooks): key
            for key, names in data.get("places", {}).items()
            for name in names
        },
        unarticled_places=_unarticled_places(data, pack(language).hooks),
        place_names=frozenset(
            _bare_phrase(name, pack(language).hooks) for names in data.get("places", {}).values() for name in names
        ),
        place_ends={fold(w): end for end, words in data.get("place_ends", {}).items() for w in words},
        port_nouns=frozenset(fold(w) for w in data.get("port_nouns", [])),
        bodies=frozenset(claim_stem(fold_for_match(w)) for w in data.get("bodies", [])),
        place_stems=frozenset(
            stem for names in data.get("places", {}).values() for name in names for stem in _phrase_stems(name)
        ),
        contractions={_contraction_key(k): v for k, v in data.get("contractions", {}).items()},
        contracted=_contraction_pattern(list(data.get("contractions", {})), pack(language).hooks.PROCLITICS),
        synonyms={
            claim_stem(w): claim_stem(group[0])
            for group in data.get("synonyms", [])
            for w in (fold_for_match(g) for g in group)
        },
    )


def _apart_conjunctions(clitics: tuple[str, ...]) -> re.Pattern | None:
    return re.compile(rf"(?<!\w)([{re.escape(''.join(clitics))}])\s+(?=\d)") if clitics else None


def _reversed_decimal(marks: list[str]) -> re.Pattern | None:
    return re.compile(rf"(\d+)[{re.escape(''.join(marks))}](\d+)") if marks else None


def _plain(text: str) -> str:
    """The text as written, without marks (a shadda on alla) and in one Unicode form: what contractions match."""
    text = unicodedata.normalize("NFKC", text)
    return DIACRITICS.sub("", text) if DIACRITICS is not None else text


def _contraction_key(written: str) -> str:
    return "".join(ch for ch in _plain(written).lower() if ch not in QUOTE_CHARS and not ch.isspace())


def _contraction_pattern(contractions: list[str], proclitics: tuple[str, ...]) -> re.Pattern | None:
    """The pack's contracted negations as one pattern: an apostrophe in one matches any quotation mark or the space
    that folding leaves for it ("won't", "won’t", "won t")."""
    if not contractions:
        return None
    apostrophe = "[" + re.escape(QUOTE_CHARS) + r"\s]"
    forms = (
        "".join(apostrophe if ch in QUOTE_CHARS else re.escape(ch) for ch in _plain(c))
        for c in sorted(contractions, key=len, reverse=True)
    )
    clitics = "[" + re.escape("".join(proclitics)) + "]?" if proclitics else ""
    return re.compile(rf"(?<!\w)({clitics})({'|'.join(forms)})(?!\w)", re.IGNORECASE)


def _expanded(text: str, lang: ClaimLanguage) -> str:
    """A claim with its contracted negations written out ("won't" as "will not", alla as an la): one version
    contracting what the other writes out says the same, and the negation is then read alike in both."""
    if lang.contracted is None:
        return text
    return lang.contracted.sub(lambda m: m.group(1) + lang.contractions[_contraction_key(m.group(2))], _plain(text))


@dataclass(frozen=True)
class ClaimText:
    """One version of a claim as the comparison reads it."""

    norm: str  # fold_for_match of the text
    stems: tuple[str, ...]  # claim stems of the content words, in order
    negations: int  # negation words and denials: an odd difference between two versions flips the claim
    denied: bool
    hedged: bool
    numbers: frozenset[float]
    dates: frozenset[int]
    directions: frozenset[tuple[str, int]]  # (axis, +1 or -1)
    places: dict[str, str]  # the places it names, by the packs' shared key -> the name as folded
    quantities: tuple[float, ...] = ()  # the numbers in the order written: the first is what the claim counts
    place_ends: dict[str, frozenset[str]] = field(default_factory=dict)  # place key -> ends it is named as
    bodies: frozenset[tuple[str, str]] = frozenset()  # (kind of body, the word naming which one): court, cassation
    language: str = ""  # the pack it was read with: place groups, stems and word order are that pack's
    toll: bool = False  # names the dead ("لقوا حتفهم", "27 قتيلا", "died")
    dead: float | None = None  # the figure a word naming the dead counts: its death toll
    counts: dict[float, str] = field(default_factory=dict)  # a figure -> what a word near it says it counts (wounded)
    events: frozenset[str] = frozenset()  # the kinds of event it names (fire, crash, flood): what a toll is of
    # What each negation and denial word governs, as (how many must be asserted, content stems): a flip needs the
    # other version to assert what this one negates. Nothing follows a denial of the whole claim: (0, ()).
    governed: frozenset[tuple[int, tuple[str, ...]]] = frozenset()
    asserted: frozenset[str] = frozenset()  # its content stems with the tense left out, as ``governed`` reads them
    # (axis, the content stem after a comparison): what it compares ("more than half", "less than 12")
    direction_of: frozenset[tuple[str, str]] = frozenset()


# Digits with a decimal part (1.5, ١٫٥) or thousands groups (11,300); fold has turned Eastern digits Western.
_SEPARATOR = "[" + re.escape(PUNCTUATION["number_separators"]) + "]"
_NUMBER = re.compile(rf"\d+(?:{_SEPARATOR}\d+)*")
# A date in figures (30/8/2025, 2025-08-30) or a time of day (15:30) says when, not how many.
_WHEN = re.compile(r"\b\d{1,4}[/-]\d{1,2}[/-]\d{1,4}\b|\b\d{1,2}:\d{2}\b")
# A space that only groups thousands, between digits (2 059): a thousands separator.
_GROUP_SPACE = re.compile(r"(?<=\d)[" + re.escape("".join(PUNCTUATION["group_spaces"])) + r"](?=\d{3}(?!\d))")
# A separator before a thousands group: two copies writing 2,059 and 2059 share the word.
_THOUSANDS = re.compile(rf"(?<=\d){_SEPARATOR}(?=\d{{3}}(?!\d))")


def _bare(word: str, table, lang: ClaimLanguage) -> str | None:
    """The form of ``word`` found in ``table`` once و، ف، ب، ل، ال are peeled, if any."""
    for form in lang.hooks.stems(word):
        if form in table:
            return form
    return None


def _glued(tail: str, lang: ClaimLanguage) -> float:
    """What the letters written on a figure multiply it by: a multiplier word or its abbreviation ("2.5مليار",
    "$2.6m"); 1 for any other letters (an ordinal's ending, a model name)."""
    if tail in lang.glued_multipliers:
        return lang.glued_multipliers[tail]
    word = _bare(tail, lang.multipliers, lang) if tail else None
    return lang.multipliers[word] if word else 1.0


def _digits_value(token: str) -> float:
    parts = re.split(_SEPARATOR, token)
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        return float("".join(parts))  # 11,300
    if len(parts) == 2:
        return float(f"{parts[0]}.{parts[1]}")
    return float("".join(parts))


def _number_word(word: str, lang: ClaimLanguage) -> str | None:
    """The number word ``word`` is once its clitics are peeled, unless one of them never stands before a number
    (``not_before_numbers``: al-kamiyya, the quantity, holds no miya, a hundred, after its ka-)."""
    form = _bare(word, lang.numbers, lang)
    if form is None or any(c in word[: len(word) - len(form)] for c in lang.not_before_numbers):
        return None
    return form


def _scale(value: float) -> float:
    """The largest power of 1,000 that divides ``value`` (1 for none): a number under it, written after it with
    "and", is a part of it (a million and 200 thousand), not a number of its own."""
    scale = 1.0
    while value >= scale * 1000 and value % (scale * 1000) == 0:
        scale *= 1000
    return scale


def _conjunctions_on_figures(text: str, lang: ClaimLanguage) -> str:
    """ "مليون و 496": a conjunction written apart from the figure after it, written on it as usual ("و496")."""
    return lang.apart_conjunctions.sub(r"\1", text) if lang.apart_conjunctions else text


NAMING_REACH = 3  # words between a naming word and the number it makes a name ("طراز بوينغ 737")


def _named_number(words: list[str], i: int, lang: ClaimLanguage) -> bool:
    """Whether the number at i is the first after a naming word a few words before it ("طراز بوينغ 737"), which
    names one thing; the numbers after it count again ("... 737 وعلى متنها 157 شخصا")."""
    for w in reversed(words[max(0, i - NAMING_REACH) : i]):
        if _bare(w, lang.naming_words, lang) is not None:
            return True
        if _NUMBER.search(w):
            return False
    return False


def _numbers(folded: str, lang: ClaimLanguage) -> tuple[float, ...]:
    """Numbers a claim states, in order: digits and number words, each scaled by a multiplier after it (3 alaf) and
    so is a smaller bare number joined to it by wa- (bayn 18 wa-20 alfan: 18,000 to 20,000), and a smaller number
    joined by wa- to the one before it added to it (million wa-200 thousand = 1,200,000);
    units joined to a ten before their multiplier are one number (three and thirty thousand = 33,000)."""
    values: list[float] = []
    joined: list[bool] = []  # whether each value was written wa- + number right after a number
    words = re.findall(rf"\w+(?:{_SEPARATOR}\d+)*\w*", _conjunctions_on_figures(_WHEN.sub(" ", folded), lang))
    for i, word in enumerate(words):
        digits = _NUMBER.search(word)
        previous, after = words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else ""
        multiplier = _bare(word, lang.multipliers, lang)
        after_number = bool(values) and values[-1] == values[-1]
        if digits and (_bare(previous, lang.clock_words, lang) is not None or _year(word, previous, after, lang)):
            values.append(float("nan"))  # "الساعة 15.30", "عام 2013": when something happened, not a count
            joined.append(False)
            continue
        if digits and _named_number(words, i, lang):
            values.append(float("nan"))  # "من طراز بوينغ 737": which one, not how many
            joined.append(False)
            continue
        if digits:
            values.append(_digits_value(digits.group()) * _glued(word[digits.end() :], lang))
        elif multiplier is not None:
            if after_number and values[-1] < 1000:
                if len(values) > 1 and joined[-1] and values[-2] < values[-1]:
                    values[-2] *= lang.multipliers[multiplier]  # "بين 18 و20 ألفا": both ends in thousands
                values[-1] *= lang.multipliers[multiplier]
                continue
            values.append(lang.multipliers[multiplier])
        elif word not in lang.uncounted and (number := _number_word(word, lang)) is not None:
            value, conj = lang.numbers[number], after_number and word[:1] in lang.hooks.PROCLITICS
            if conj and values[-1] < 10 <= value < 100 and value % 10 == 0:
                values[-1] += value  # units before their ten, as Arabic says 33
                continue
            values.append(value)
        else:
            values.append(float("nan"))  # a word between: the next multiplier starts a number of its own
            joined.append(False)
            continue
        joined.append(after_number and word[:1] in lang.hooks.PROCLITICS)
    out: list[float] = []
    for value, conj in zip(values, joined):
        if value != value:
            continue
        if conj and out and value < _scale(out[-1]):
            out[-1] += value
        else:
            out.append(value)
    return tuple(dict.fromkeys(out))


# The years four figures after a preposition of time may name ("في 2019"); others there count ("في 2500 منزل").
YEARS = range(1900, 2101)
# Four figures and what is written on them ("1444هـ"): a year, when the words around them or that mark say so.
_YEAR = re.compile(r"(\d{4})(\D*)")


def _year(word: str, previous: str, after: str, lang: ClaimLanguage) -> int | None:
    """The year four figures name, when a year word or a month's name stands before them or an era's mark after
    them ("عام 2013", "September 2023", "1444هـ", "1444 هـ")."""
    found = _YEAR.fullmatch(word)
    if found is None:
        return None
    mark = found.group(2)
    if mark:
        return int(found.group(1)) if mark in lang.era_marks else None
    month = _bare(previous, lang.dates, lang)
    named = _bare(previous, lang.year_words, lang) is not None or (month is not None and lang.dates[month] <= 12)
    if int(word) in YEARS and previous in lang.year_prepositions:
        named = True  # "In 2019, 23196 pupils ...": when, not what is counted
    return int(word) if named or after in lang.era_marks else None


def _dates(words: list[str], lang: ClaimLanguage) -> frozenset[int]:
    """Months, weekdays and years named, two-word names (kanun al-awwal) before the one-word names inside them."""
    found, skip = set(), False
    for i, (word, after) in enumerate(zip(words, [*words[1:], ""])):
        if skip:
            skip = False
        elif (year := _year(word, words[i - 1] if i else "", after, lang)) is not None:
            found.add(year)
        elif (two := lang.dates.get(f"{word} {after}")) is not None:
            found.add(two)
            skip = True
        elif (form := _bare(word, lang.dates, lang)) is not None:
            found.add(lang.dates[form])
    return frozenset(found)


def _direction_words(words: list[str], lang: ClaimLanguage) -> Iterator[tuple[Axis, int, range]]:
    """Each (axis, sign, the words that say it) of a claim."""
    seq = [claim_stem(w) for w in words]
    # Any peeling of a word may be the one listed ("لأعلى": أعلى), so every one is tried.
    grams = [
        ({(claim_stem(form),) for form in lang.hooks.stems(lang.hooks.tenseless(word))}, range(i, i + 1))
        for i, word in enumerate(words)
    ]
    grams += [({tuple(seq[i : i + 2])}, range(i, i + 2)) for i in range(len(seq) - 1)]
    for axis in lang.axes:
        for forms, at in grams:
            if forms & axis.plus:
                yield axis, 1, at
            if forms & axis.minus:
                yield axis, -1, at


def _direction_of(hits: list[tuple[Axis, int, range]], stems: list[str], content: list[int]) -> frozenset:
    """(axis, the content stem after a comparison of that axis): what each comparison is said of."""
    found = set()
    for axis, _, at in hits:
        if axis.compares:
            found |= {(axis.name, stems[i]) for i in [i for i in content if i >= at.stop][:1]}
    return frozenset(found)


def _places(words: list[str], lang: ClaimLanguage) -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """The places named (key -> the name as written) and, for each, the ends of a movement it is named as
    ("from" Pyongyang, "to" Moscow; "" where nothing marks one)."""
    found: dict[str, str] = {}
    ends: dict[str, set[str]] = {}

    def add(group: str, name: str, i: int, form: str) -> None:
        found.setdefault(group, name)
        ends.setdefault(group, set()).add(_place_end(words, i, form, lang))

    seq = [lang.hooks.light_stem(w) for w in words]
    for n in (3, 2):
        for i in range(len(seq) - n + 1):
            if (group := lang.places.get(tuple(seq[i : i + n]))) is not None:
                add(group, " ".join(words[i : i + n]), i, words[i])
    for i, word in enumerate(words):
        if _defined(word, lang) and lang.hooks.strip_article(word) in lang.unarticled_places:
            continue
        for form in lang.hooks.stems(word):
            if (group := lang.places.get((lang.hooks.light_stem(form),))) is not None:
                add(group, word, i, form)
    return found, {group: frozenset(e) for group, e in ends.items()}


def place_spans(words: list[str], language: str) -> list[tuple[int, int]]:
    """Where runs of words (folded for matching) name a place of the pack's [places], in order, the longer run kept
    where two overlap: for reading a speaker phrase ("رئيس جنوب أفريقيا سيريل رامافوسا": whose president, then a
    name)."""
    lang = claim_language(language)
    seq = [lang.hooks.light_stem(w) for w in words]
    spans: list[tuple[int, int]] = []
    for n in (3, 2, 1):
        for i in range(len(seq) - n + 1):
            free = all(i >= b or i + n <= a for a, b in spans)
            if free and tuple(seq[i : i + n]) in lang.places:
                spans.append((i, i + n))
    return sorted(spans)


def written_place_spans(words: list[str], language: str) -> list[tuple[int, int]]:
    """``place_spans`` whose words are a place's name as the pack writes it, the article aside: a name that only
    stems like a place (the Korean name "يون" stems as اليونان, Greece) is none."""
    lang = claim_language(language)
    return [
        (a, b)
        for a, b in place_spans(words, language)
        if _bare_phrase(" ".join(words[a:b]), lang.hooks) in lang.place_names
    ]


def names_a_place(words: list[str], language: str) -> bool:
    """Whether words (folded for matching) are, all of them, one place's name as the pack writes it."""
    return bool(words) and written_place_spans(words, language) == [(0, len(words))]


def _bare_phrase(phrase: str, hooks: ModuleType) -> str:
    return " ".join(hooks.strip_article(w) for w in fold_for_match(phrase).split())


def _place_end(words: list[str], i: int, form: str, lang: ClaimLanguage) -> str:
    """The end of a movement the place at ``words[i]`` is named as: by the word before it ("min", "ila") or by a
    clitic peeled off the place word itself (li-), else ""."""
    if i > 0 and (before := _bare(words[i - 1], lang.place_ends, lang)) is not None:
        return lang.place_ends[before]
    if i > 1 and _bare(words[i - 1], lang.port_nouns, lang) is not None:
        return _place_end(words, i - 1, words[i - 1], lang)  # "من مطار لندن": from London's airport, from London
    word = fold(words[i])
    clitics = word[: max(len(word) - len(form), 0)].lstrip("".join(lang.hooks.PROCLITICS))
    return next((end for w, end in lang.place_ends.items() if clitics and clitics.startswith(w)), "")


def _bodies(words: list[str], stems: list[str], lang: ClaimLanguage) -> frozenset[tuple[str, str]]:
    """Each kind of body named in construct with the defined word after it, which says which one (the court of
    cassation, the criminal court); "the commission" with an adjective or a verb after it names no other one, and
    a place after it (a court of Cairo) says where, not which. The name is read as the claim's stems read it (a
    word of a synonym group as the group's first), since the other version's stems are what it is looked for in."""
    return frozenset(
        (kind, lang.synonyms.get(name, name))
        for word, kind, after, name in zip(words, stems, words[1:], stems[1:])
        if kind in lang.bodies
        and not _defined(word, lang)
        and _defined(after, lang)
        and name not in lang.bodies
        and name not in lang.place_stems
    )


def _defined(word: str, lang: ClaimLanguage) -> bool:
    """Whether a word carries the definite article (the pack's ``strip_article`` peels something off it)."""
    return lang.hooks.strip_article(word) != fold(word)


def _hedged(words: list[str], lang: ClaimLanguage) -> bool:
    for word, after in zip(words, [*words[1:], ""]):
        if _bare(word, lang.hedges, lang):
            return True
        if _bare(word, lang.hedges_before_present, lang) and after.startswith(lang.present_prefixes):
            return True
    return False


# Words from a condition's opening to its negation ("if the aid agency does not"): a subject and an auxiliary.
CONDITION_REACH = 4


def _negation_at(words: list[str], i: int, lang: ClaimLanguage) -> bool:
    """Whether ``words[i]`` negates: a negation word not opening a phrase that negates nothing (la yazal, still),
    nor saying that a quantity stays under a number (duna, below). One with the definite article is a noun or an
    adjective's prefix (al-ghayr, the others; "the non-legal migrants"): a particle never takes it."""
    after = words[i + 1] if i + 1 < len(words) else ""
    negation = _bare(words[i], lang.negations, lang)
    if not negation or (negation, after) in lang.not_negations or _defined(words[i], lang):
        return False
    opener = i > 0 and any(_bare(words[i - 1], {w}, lang) and n == negation for w, n in lang.bare_conditions)
    if opener or any(_bare(w, lang.conditions, lang) for w in words[max(0, i - CONDITION_REACH) : i]):
        return False  # "if it is not funded", "إذا لم يتم تمويله": a condition, which asserts nothing either way
    return not (_bare(words[i], lang.below_numbers, lang) and _is_number(after, lang))


def _denies(word: str, stem: str, lang: ClaimLanguage) -> bool:
    """Whether a word is a verb or noun of denial: its stem a denial's, and a word with the article a listed denial
    once peeled (the article makes a noun of a stem a verb shares: الغابة, the forest, is no غاب, stayed away)."""
    if stem not in lang.denials:
        return False
    return not _defined(word, lang) or _bare(word, lang.denial_forms, lang) is not None


def _is_number(word: str, lang: ClaimLanguage) -> bool:
    return bool(_numbers(word, lang))


TOLL_REACH = 5  # words between a word naming what a figure counts (the dead) and the figure, at most


def _dead(figures: list[tuple[int, int, float | None]], all_stems: list[str], lang: ClaimLanguage) -> float | None:
    """The death toll a claim gives: the figure nearest a word naming the dead, within ``TOLL_REACH`` words ("مقتل 33
    شخصا", "24 مواطنا لقوا مصرعهم"), not another figure further off ("احتجزت 11 شخصا ... أسفر عن مقتل 76"); with
    none that near, the claim's first ("جميع الركاب البالغ عددهم 242 ... لقوا حتفهم"). A vague count ("آلاف القتلى")
    is no toll: it tells one event's dead from no other's."""
    named = [i for i, stem in enumerate(all_stems) if lang.counted_stems.get(stem) == DEAD]
    if not named or not figures:
        return None
    gap, value = min(((_gap(i, start, end), value) for i in named for start, end, value in figures), key=lambda g: g[0])
    if gap <= TOLL_REACH:
        return value
    return next((v for _, _, v in figures if v is not None), None)


def _counts(
    figures: list[tuple[int, int, float | None]], all_stems: list[str], lang: ClaimLanguage
) -> dict[float, str]:
    """What each figure counts, by the nearest word within ``TOLL_REACH`` that names what (the dead, the wounded, the
    missing). A claim names them on one side of their figures throughout, before ("مقتل 24 وإصابة 73") or after ("24
    قتيلا و73 جريحا"), so a word as near on the other side, the next figure's, does not count this one."""
    naming = [(i, lang.counted_stems[stem]) for i, stem in enumerate(all_stems) if stem in lang.counted_stems]
    if not naming or not figures:
        return {}
    before = naming[0][0] < figures[0][0]
    counts: dict[float, str] = {}
    for start, end, value in figures:
        gap, _, kind = min((_gap(i, start, end), (i > start) == before, kind) for i, kind in naming)
        if gap <= TOLL_REACH and value is not None:
            counts.setdefault(value, kind)
    return counts


def _gap(i: int, start: int, end: int) -> int:
    """Words from the word at ``i`` to the figure written over ``start``..``end`` (1: next to it)."""
    return start - i if start > i else i - end + 1


def _figures(words: list[str], lang: ClaimLanguage) -> list[tuple[int, int, float | None]]:
    """Each run of number words that counts things as (start, end, value), read with the word on either side (a
    year's or a clock's word before it); the value of a run of vague counts alone is None."""
    found: list[tuple[int, int, float | None]] = []
    i = 0
    while i < len(words):
        end = i
        while end < len(words) and _is_number(words[end], lang):
            end += 1
        if end == i:
            i += 1
            continue
        values = _numbers(" ".join(words[max(0, i - 1) : end + 1]), lang)
        # not the minutes of a time of day ("18:00" is read as 18 and 00), nor a length of time ("خلال 48 ساعة")
        if values and values[0] > 0 and _bare(words[end] if end < len(words) else "", lang.durations, lang) is None:
            vague = all(_bare(w, lang.vague_counts, lang) is not None for w in words[i:end])
            found.append((i, end, None if vague else values[0]))
        i = end
    return found


def _denial_spans(words: list[str], lang: ClaimLanguage) -> set[int]:
    """Positions of the words of each phrase calling what the claim reports untrue ("غير صحيح", "not true"): such a
    claim denies it as a denial cue does, and the negation inside the phrase negates the truth, not the report."""
    found: set[int] = set()
    for i in range(len(words)):
        for phrase in lang.denial_phrases:
            window = words[i : i + len(phrase)]
            if len(window) == len(phrase) and (window[0] == phrase[0] or _bare(window[0], {phrase[0]}, lang)):
                if window[1:] == list(phrase[1:]):
                    found.update(range(i, i + len(phrase)))
    return found


def _words(text: str, language: str | None) -> tuple[str, str, str, list[str], list[str], tuple[str, ...]]:
    """A claim's pack code, its text with contractions written out, that text folded and its words, every word's
    claim stem, and the content stems in order, each word of a synonym group read as the group's first."""
    text = spoken(text)
    code = language or text_pack(text).code
    stopwords = pack(code).hooks.STOPWORDS
    lang = claim_language(code)
    if lang.reversed_decimal is not None:
        text = lang.reversed_decimal.sub(r"\2.\1", text)
    # A space grouping thousands is read before folding turns it into a plain one.
    text = _expanded(_GROUP_SPACE.sub(",", text), lang)
    norm = fold_for_match(_THOUSANDS.sub("", text))
    words = norm.split()
    all_stems = [claim_stem(w) for w in words]
    synonyms = lang.synonyms
    content = tuple(synonyms.get(all_stems[i], all_stems[i]) for i in _content(words, all_stems, stopwords))
    return code, text, norm, words, all_stems, content


def _content(words: list[str], all_stems: list[str], stopwords, start: int = 0) -> list[int]:
    """Positions of the content words from ``start`` on: what matching compares."""
    return [
        i
        for i in range(start, len(words))
        if words[i] not in stopwords and len(all_stems[i]) >= 2 and all_stems[i] not in stopwords
    ]


def _events(words: list[str], all_stems: list[str], lang: ClaimLanguage) -> frozenset[str]:
    """The kinds of event a claim names (the packs' ``event_kinds``), by a word's stem or, where the stemmer left a
    particle on a short word ("لحمى": of the fever), by the stem of the word the pack's peelings leave."""
    found = set()
    for word, stem in zip(words, all_stems):
        peeled = (claim_stem(form) for form in lang.hooks.stems(word)[1:])
        kind = lang.event_stems.get(stem) or next((lang.event_stems[s] for s in peeled if s in lang.event_stems), None)
        if kind:
            found.add(kind)
    return frozenset(found)


def claim_stems(text: str, language: str | None = None) -> tuple[str, ...]:
    """``read_claim(text).stems`` without reading the rest (numbers, places, polarity): what blocking keys need."""
    return _words(text, language)[5]


def read_claim(text: str, language: str | None = None) -> ClaimText:
    """Read one version of a claim (as written, or already folded), in its language or the one its text is in."""
    code, text, norm, words, all_stems, content = _words(text, language)
    lang = claim_language(code)
    stopwords = pack(code).hooks.STOPWORDS
    untrue = _denial_spans(words, lang)
    negating = [i for i in range(len(words)) if i not in untrue and _negation_at(words, i, lang)]
    denying = [i for i, (w, s) in enumerate(zip(words, all_stems)) if w not in stopwords and _denies(w, s, lang)]
    negations = len(negating)
    denied = bool(untrue) or bool(denying)
    quantities = _numbers(fold(text), lang)
    places, place_ends = _places(words, lang)
    directions = list(_direction_words(words, lang))
    # every claim is read: the figures only of those naming what one counts
    figures = _figures(words, lang) if any(stem in lang.counted_stems for stem in all_stems) else []
    counts = _counts(figures, all_stems, lang)
    return ClaimText(
        norm=norm,
        stems=content,
        negations=negations + denied,
        denied=denied,
        hedged=_hedged(words, lang),
        numbers=frozenset(quantities),
        dates=_dates(words, lang),
        directions=frozenset((axis.name, sign) for axis, sign, _ in directions),
        direction_of=_direction_of(directions, all_stems, _content(words, all_stems, stopwords)),
        places=places,
        quantities=quantities,
        place_ends=place_ends,
        bodies=_bodies(words, all_stems, lang),
        language=code,
        toll=any(lang.counted_stems.get(stem) == DEAD for stem in all_stems),
        dead=_dead(figures, all_stems, lang),
        counts=counts,
        events=_events(words, all_stems, lang),
        **_polarity_scope(words, lang, stopwords, negating, denying, bool(untrue)),
    )


# A negation particle governs the next content words ("will not send troops"): both must be asserted. A denial
# verb takes its subject first ("the minister denied that prices rose"): half of what follows must be asserted.
NEGATED, DENIED = 2, None
WHOLE = (0, ())


def _polarity_scope(
    words: list[str], lang: ClaimLanguage, stopwords, negating: list[int], denying: list[int], untrue: bool
) -> dict:
    """``asserted`` and ``governed``: the content stems with the tense left out, each as its synonym group's first
    ("will raise" asserts the raising that "will not raise" negates), and what each negation (at most ``NEGATED`` of
    the stems after it) and each denial (all of them) governs, with how many of them the other version must assert."""
    stems = [claim_stem(lang.hooks.tenseless(w)) for w in words]
    read = {i: lang.synonyms.get(stems[i], stems[i]) for i in _content(words, stems, stopwords)}
    after = [i for i in read if not _bare(words[i], lang.negations, lang)]

    def governed(at: int, reach: int | None) -> tuple[int, tuple[str, ...]]:
        out = tuple(read[i] for i in after if i > at)[:reach]
        return (len(out) if reach else (len(out) + 1) // 2), out

    scopes = {governed(i, NEGATED) for i in negating} | {governed(i, DENIED) for i in denying}
    return {"asserted": frozenset(read.values()), "governed": frozenset(scopes | ({WHOLE} if untrue else set()))}


def with_polarity(text: ClaimText, polarity: str | None) -> ClaimText:
    """A version as its statement asserts it: one whose cue denies the claim ("denied": nafa an ...) says the
    opposite of its words, which do not hold the denial."""
    if polarity == "denied" and not text.denied:
        return replace(text, denied=True, negations=text.negations + 1, governed=text.governed | {WHOLE})
    return text
