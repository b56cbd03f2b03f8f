"""Language knowledge, read from the data files under ``claimtrack/data/<language>/``.

Everything here is compared in folded form (``arabic.fold``), so the data files may be written with any
hamza or ta marbuta spelling.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .arabic import fold
from .errors import ClaimtrackError

LANGUAGES = ("ar",)


@dataclass(frozen=True)
class CueForm:
    lemma: str
    gender: str  # m, f, p, or "" when the form does not tell
    tense: str  # past, present, participle, noun, misspelt
    frame: tuple[str, ...] = ()
    object: str | None = None
    weak: bool = False
    impersonal: bool = False
    relay: bool = False
    strict: bool = False  # also an everyday word (بين = between): a cue only when its claim opens right after it


@dataclass
class Lexicon:
    language: str
    cue_forms: dict[str, CueForm] = field(default_factory=dict)
    prepositions: list[tuple[str, ...]] = field(default_factory=list)
    post_verb_openers: list[tuple[str, ...]] = field(default_factory=list)
    complementizers: frozenset[str] = frozenset()
    kana: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    occasion_prepositions: frozenset[str] = frozenset()
    claim_prepositions: frozenset[str] = frozenset()
    leading_prepositions: frozenset[str] = frozenset()
    relay_preposition: str = ""
    function_words: frozenset[str] = frozenset()
    media_heads: frozenset[str] = frozenset()
    spoken_for: frozenset[str] = frozenset()
    title_synonyms: dict[str, str] = field(default_factory=dict)
    non_sources: frozenset[str] = frozenset()
    conformity_verbs: frozenset[str] = frozenset()
    chunk_prepositions: list[tuple[str, ...]] = field(default_factory=list)
    occasion_nouns: frozenset[str] = frozenset()
    circumstantial: frozenset[str] = frozenset()
    direct_openers: frozenset[str] = frozenset()
    subjunctive_verbs: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()
    demonstratives: frozenset[str] = frozenset()
    relatives: frozenset[str] = frozenset()
    addressee_nouns: frozenset[str] = frozenset()
    particles_before_verb: frozenset[str] = frozenset()
    clause_links: list[tuple[str, ...]] = field(default_factory=list)
    clause_openers: frozenset[str] = frozenset()
    claim_tails: list[tuple[str, ...]] = field(default_factory=list)
    adverbial_openers: list[tuple[str, ...]] = field(default_factory=list)
    days: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()
    months: frozenset[str] = frozenset()
    time_prepositions: frozenset[str] = frozenset()
    speaker_wrappers: list[tuple[str, ...]] = field(default_factory=list)
    relay_openers: list[tuple[str, ...]] = field(default_factory=list)
    headline_max_speaker_words: int = 5
    title_words: frozenset[str] = frozenset()
    nationality: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    body_heads: frozenset[str] = frozenset()
    countries: dict[str, str] = field(default_factory=dict)
    generic_references: frozenset[str] = frozenset()
    reference_fillers: frozenset[str] = frozenset()
    group_references: frozenset[str] = frozenset()
    anonymous_heads: dict[str, str] = field(default_factory=dict)
    quantifiers: frozenset[str] = frozenset()
    anonymous_nationality: dict[str, str] = field(default_factory=dict)
    speakers: list[dict] = field(default_factory=list)
    boilerplate_lines: frozenset[str] = frozenset()
    boilerplate_prefixes: tuple[str, ...] = ()
    story_markers: frozenset[str] = frozenset()
    outlet_line_signatures: tuple[str, ...] = ()
    outlet_inline_signatures: tuple[str, ...] = ()
    outlet_desks: tuple[str, ...] = ()
    outlet_name_prefixes: frozenset[str] = frozenset()
    month_numbers: dict[str, int] = field(default_factory=dict)
    weekday_numbers: dict[str, int] = field(default_factory=dict)
    published_labels: tuple[str, ...] = ()
    relative_day_words: frozenset[str] = frozenset()
    raw: dict = field(default_factory=dict)

    def cue(self, word: str) -> CueForm | None:
        """The cue a folded word is, allowing a و or ف before it."""
        form = self.cue_forms.get(word)
        if form is None and len(word) > 2 and word[0] in "وف":
            form = self.cue_forms.get(word[1:])
        return form


def _phrases(items) -> list[tuple[str, ...]]:
    out = [tuple(fold(p).split()) for p in items]
    return sorted({p for p in out if p}, key=len, reverse=True)


def _verb_forms(entry: dict) -> dict[str, str]:
    past, present = fold(entry["past"]), fold(entry["present"])
    forms = {past: "m", past + "ت": "f", past + "وا": "p", past + "تا": "p"}
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


def _read(language: str, name: str) -> dict:
    try:
        text = resources.files("claimtrack").joinpath("data", language, name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ClaimtrackError(f"no {name} for language {language!r}") from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ClaimtrackError(f"data/{language}/{name}: {exc}") from exc


@lru_cache(maxsize=None)
def load(language: str = "ar") -> Lexicon:
    if language not in LANGUAGES:
        raise ClaimtrackError(f"claimtrack has no cue data for language {language!r} (it knows: {', '.join(LANGUAGES)})")
    cues = _read(language, "cues.toml")
    grammar = _read(language, "grammar.toml")
    titles = _read(language, "titles.toml")
    anonymous = _read(language, "anonymous.toml")
    speakers = _read(language, "speakers.toml")
    boiler = _read(language, "boilerplate.toml")
    lex = Lexicon(language=language, raw={"grammar": grammar, "boilerplate": boiler})
    for entry in cues.get("verb", []):
        frame = tuple(fold(f) for f in entry.get("frame", []))
        obj = fold(entry["object"]) if entry.get("object") else None
        strict = {fold(f) for f in entry.get("strict", [])}
        suffixes = ("", "ه", "ها", "هم") if entry.get("suffixes") else ("",)
        for form, (gender, tense) in _verb_forms(entry).items():
            cue = CueForm(entry["lemma"], gender, tense, frame, obj, entry.get("weak", False),
                          entry.get("impersonal", False), entry.get("relay", False), form in strict)
            for suffix in suffixes:
                lex.cue_forms.setdefault(form + suffix, cue)
    for word, gender in cues.get("participle", {}).items():
        lex.cue_forms[fold(word)] = CueForm(word, gender, "participle")
    for word, gender in cues.get("noun", {}).items():
        lex.cue_forms[fold(word)] = CueForm(word, gender, "noun")
    lex.prepositions = _phrases(cues["preposition"]["phrases"])
    lex.post_verb_openers = _phrases(cues["preposition"]["post_verb_openers"])
    lex.complementizers = frozenset(fold(w) for w in grammar["complementizers"])
    lex.kana = frozenset(fold(w) for w in grammar["kana"])
    lex.negations = frozenset(fold(w) for w in grammar["negations"])
    lex.occasion_prepositions = frozenset(fold(w) for w in grammar["occasion_prepositions"])
    lex.claim_prepositions = frozenset(fold(w) for w in grammar["claim_prepositions"])
    lex.leading_prepositions = frozenset(fold(w) for w in grammar["leading_prepositions"])
    lex.relay_preposition = fold(grammar["relay_preposition"])
    lex.function_words = frozenset(fold(w) for w in grammar["function_words"])
    lex.media_heads = frozenset(fold(w) for w in titles["media_heads"])
    lex.spoken_for = frozenset(fold(w) for w in titles["spoken_for"])
    lex.title_synonyms = {fold(k): fold(v) for k, v in titles.get("title_synonyms", {}).items()}
    lex.non_sources = frozenset(fold(w) for w in grammar["non_sources"])
    lex.conformity_verbs = frozenset(fold(w) for w in grammar["conformity_verbs"])
    lex.chunk_prepositions = _phrases(grammar["chunk_prepositions"])
    lex.occasion_nouns = frozenset(fold(w) for w in grammar["occasion_nouns"])
    lex.circumstantial = frozenset(fold(w) for w in grammar["circumstantial"])
    lex.direct_openers = frozenset(fold(w) for w in grammar["direct_openers"])
    lex.subjunctive_verbs = frozenset(fold(w) for w in grammar["subjunctive_verbs"])
    lex.claim_nouns = frozenset(fold(w) for w in grammar["claim_nouns"])
    lex.demonstratives = frozenset(fold(w) for w in grammar["demonstratives"])
    lex.relatives = frozenset(fold(w) for w in grammar["relatives"])
    lex.addressee_nouns = frozenset(fold(w) for w in grammar["addressee_nouns"])
    lex.particles_before_verb = frozenset(fold(w) for w in grammar["particles_before_verb"])
    lex.adverbial_openers = _phrases(grammar["adverbial_openers"])
    lex.clause_links = _phrases(grammar["clause_links"])
    lex.clause_openers = frozenset(fold(w) for w in grammar["clause_openers"])
    lex.claim_tails = [tuple(p) for p in _phrases(grammar["claim_tails"])]
    lex.days = frozenset(fold(w) for w in grammar["days"])
    lex.time_words = frozenset(fold(w) for w in grammar["time_words"])
    lex.months = frozenset(fold(w) for w in grammar["months"])
    lex.time_prepositions = frozenset(fold(w) for w in grammar["time_prepositions"])
    lex.speaker_wrappers = _phrases(grammar["speaker_wrappers"])
    lex.relay_openers = _phrases(grammar["relay_openers"])
    lex.headline_max_speaker_words = int(grammar.get("headline_max_speaker_words", 5))
    lex.title_words = frozenset(fold(w) for w in titles["title_words"])
    lex.nationality = frozenset(fold(w) for w in titles["nationality"])
    lex.places = frozenset(fold(w) for w in titles["places"])
    lex.body_heads = frozenset(fold(w) for w in titles["body_heads"])
    lex.countries = {fold(k): v for k, v in anonymous.get("countries", {}).items()}
    lex.generic_references = frozenset(fold(w) for w in titles["generic_references"])
    lex.reference_fillers = frozenset(fold(w) for w in titles["reference_fillers"])
    lex.group_references = frozenset(fold(w) for w in titles["group_references"])
    lex.anonymous_heads = {fold(k): v for k, v in anonymous["heads"].items()}
    lex.quantifiers = frozenset(fold(w) for w in anonymous["quantifiers"])
    lex.anonymous_nationality = {fold(k): v for k, v in anonymous["nationality"].items()}
    lex.speakers = speakers.get("speaker", [])
    lex.boilerplate_lines = frozenset(fold(w) for w in boiler["lines"])
    lex.boilerplate_prefixes = tuple(sorted({fold(w) for w in boiler["line_prefixes"]}, key=len, reverse=True))
    lex.story_markers = frozenset(fold(w) for w in boiler["story_markers"])
    outlets = _read(language, "outlets.toml")
    lex.outlet_line_signatures = tuple(outlets["line_signatures"])
    lex.outlet_inline_signatures = tuple(outlets["inline_signatures"])
    lex.outlet_desks = tuple(outlets["desks"])
    lex.outlet_name_prefixes = frozenset(fold(w) for w in outlets["name_prefixes"])
    dates = _read(language, "dates.toml")
    lex.month_numbers = {fold(k): v for k, v in dates["months"].items()}
    lex.weekday_numbers = {fold(k): v for k, v in dates["weekdays"].items()}
    lex.published_labels = tuple(fold(w) for w in dates["published_labels"])
    lex.relative_day_words = frozenset(fold(w) for w in dates["relative_day_words"])
    return lex
