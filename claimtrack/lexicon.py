"""Language knowledge, read from the data files of a language pack, ``claimtrack/lang/<language>/``.

Everything here is compared in folded form (``lang.text.fold``), so the data files may be written with any
hamza or ta marbuta spelling.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
from types import ModuleType

from . import lang
from .errors import ClaimtrackError
from .lang.text import fold


PLURAL = "p"  # the gender code of a plural form ("they", "قالوا")


@dataclass(frozen=True)
class CueForm:
    lemma: str
    gender: str  # m, f, p (PLURAL), or "" when the form does not tell
    tense: str  # past, present, participle, noun, misspelt
    frame: tuple[str, ...] = ()
    object: str | None = None
    weak: bool = False
    impersonal: bool = False
    relay: bool = False
    strict: bool = False  # also an everyday word (بين = between): a cue only when its claim opens right after it
    everyday_next: frozenset[str] = frozenset()  # ... and never before these words (دون أن = without that)
    complement: str | None = None  # a cue only with this word after its object ("denounced the sentence as ...")
    particle: tuple[str, ...] = ()  # words the verb says only with, right after it ("pointed out", "made clear")
    addressee: bool = False  # its object is whom it was said to ("told the Financial Times that")
    noun_claim: bool = False  # a weak verb whose noun object is a claim too ("forecast a slowdown")
    count_object: bool = False  # a weak verb whose object is a claim when it is a count ("reported 48 new cases")
    direct: bool = False  # its claim is a verbal noun right after the subject, never one after a preposition
    owned_object: bool = (
        False  # a weak verb whose object with the subject's possessive is a claim ("announced his resignation")
    )
    # a cue only with a document for its subject ("read a statement", "states the letter")
    document_subject: bool = False


# How a value in a data file becomes a Lexicon field: words and phrases are folded so that rules compare
# them with folded text whatever hamza or ta marbuta spelling the file uses.
_CONVERT = {
    "words": lambda v: frozenset(fold(w) for w in v),
    "word": fold,
    "phrases": lambda v: _phrases(v),
    "prefixes": lambda v: tuple(sorted({fold(w) for w in v}, key=len, reverse=True)),
    "folded_keys": lambda v: {fold(k): value for k, value in v.items()},
    "folded_pairs": lambda v: {fold(k): fold(value) for k, value in v.items()},
    "folded_tuple": lambda v: tuple(fold(w) for w in v),
    "tuple": tuple,
    "raw_words": frozenset,
    "raw": str,
    "list": list,
    "int": int,
    "bool": bool,
}
_EMPTY = {
    "raw_words": frozenset,
    "raw": str,
    "words": frozenset,
    "word": str,
    "phrases": list,
    "prefixes": tuple,
    "folded_keys": dict,
    "folded_pairs": dict,
    "folded_tuple": tuple,
    "tuple": tuple,
    "list": list,
    "int": int,
    "bool": bool,
}


def _data(file: str, key: str, how: str):
    """A Lexicon field read from ``lang/<language>/<file>.toml`` at ``key`` (dotted for a nested table)."""
    return field(default_factory=_EMPTY[how], metadata={"file": file, "key": key, "how": how})


@dataclass
class Lexicon:
    language: str
    hooks: ModuleType | None = None  # the pack's hooks module (clitics, stems, name keys)
    proclitics: tuple[str, ...] = ()  # the pack's conjunctions written on a word (hooks.PROCLITICS)
    cue_forms: dict[str, CueForm] = field(default_factory=dict)
    marked_cues: set[str] = field(default_factory=set)  # strict cues as written with their telling mark
    prepositions: list[tuple[str, ...]] = _data("cues", "preposition.phrases", "phrases")
    post_verb_openers: list[tuple[str, ...]] = _data("cues", "preposition.post_verb_openers", "phrases")
    complementizers: frozenset[str] = _data("grammar", "complementizers", "words")
    causal_complementizers: frozenset[str] = _data("grammar", "causal_complementizers", "words")
    kana: frozenset[str] = _data("grammar", "kana", "words")
    negations: frozenset[str] = _data("grammar", "negations", "words")
    occasion_prepositions: frozenset[str] = _data("grammar", "occasion_prepositions", "words")
    contrast_links: list[tuple[str, ...]] = _data("grammar", "contrast_links", "phrases")
    affiliation_prepositions: frozenset[str] = _data("grammar", "affiliation_prepositions", "words")
    claim_prepositions: frozenset[str] = _data("grammar", "claim_prepositions", "words")
    leading_prepositions: frozenset[str] = _data("grammar", "leading_prepositions", "words")
    relay_preposition: str = _data("grammar", "relay_preposition", "word")
    function_words: frozenset[str] = _data("grammar", "function_words", "words")
    non_sources: frozenset[str] = _data("grammar", "non_sources", "words")
    answer_particles: frozenset[str] = _data("grammar", "answer_particles", "words")
    agent_prepositions: frozenset[str] = _data("grammar", "agent_prepositions", "words")
    conformity_verbs: frozenset[str] = _data("grammar", "conformity_verbs", "words")
    chunk_prepositions: list[tuple[str, ...]] = _data("grammar", "chunk_prepositions", "phrases")
    occasion_nouns: frozenset[str] = _data("grammar", "occasion_nouns", "words")
    occasion_participles: frozenset[str] = _data("grammar", "occasion_participles", "words")
    circumstantial: frozenset[str] = _data("grammar", "circumstantial", "words")
    inclusions: list[tuple[str, ...]] = _data("grammar", "inclusions", "phrases")
    what_relatives: frozenset[str] = _data("grammar", "what_relatives", "words")
    direct_openers: frozenset[str] = _data("grammar", "direct_openers", "words")
    subjunctive_verbs: frozenset[str] = _data("grammar", "subjunctive_verbs", "words")
    subjunctive_particles: frozenset[str] = _data("grammar", "subjunctive_particles", "words")
    detached_particles: frozenset[str] = _data("grammar", "detached_particles", "words")
    claim_nouns: frozenset[str] = _data("grammar", "claim_nouns", "words")
    demonstratives: frozenset[str] = _data("grammar", "demonstratives", "words")
    announcement_openers: list[tuple[str, ...]] = _data("grammar", "announcement_openers", "phrases")
    announcements: frozenset[str] = _data("grammar", "announcements", "words")
    determiners: frozenset[str] = _data("grammar", "determiners", "words")
    quantity_phrases: list[tuple[str, ...]] = _data("grammar", "quantity_phrases", "phrases")
    first_person_possessives: frozenset[str] = _data("grammar", "first_person_possessives", "words")
    relatives: frozenset[str] = _data("grammar", "relatives", "words")
    addressee_prefixes: tuple[str, ...] = _data("grammar", "addressee_prefixes", "prefixes")
    addressee_exceptions: tuple[str, ...] = _data("grammar", "addressee_exceptions", "prefixes")
    addressee_nouns: frozenset[str] = _data("grammar", "addressee_nouns", "words")
    particles_before_verb: frozenset[str] = _data("grammar", "particles_before_verb", "words")
    clause_links: list[tuple[str, ...]] = _data("grammar", "clause_links", "phrases")
    subordinators: frozenset[str] = _data("grammar", "subordinators", "words")
    accompanying: frozenset[str] = _data("grammar", "accompanying", "words")
    subject_clauses: frozenset[str] = _data("grammar", "subject_clauses", "words")
    object_relatives: frozenset[str] = _data("grammar", "object_relatives", "words")
    relative_clause_subjects: frozenset[str] = _data("grammar", "relative_clause_subjects", "words")
    clause_openers: frozenset[str] = _data("grammar", "clause_openers", "words")
    sentence_adverbs: frozenset[str] = _data("grammar", "sentence_adverbs", "words")
    claim_tails: list[tuple[str, ...]] = _data("grammar", "claim_tails", "phrases")
    claim_links: list[tuple[str, ...]] = _data("grammar", "claim_links", "phrases")
    quoted_claim_links: list[tuple[str, ...]] = _data("grammar", "quoted_claim_links", "phrases")
    linked_verbs: frozenset[str] = _data("grammar", "linked_verbs", "words")
    absolute_openers: frozenset[str] = _data("grammar", "absolute_openers", "words")
    first_person_endings: tuple[str, ...] = _data("grammar", "first_person_endings", "folded_tuple")
    quoted_first_person_endings: tuple[str, ...] = _data("grammar", "quoted_first_person_endings", "folded_tuple")
    plural_noun_endings: tuple[str, ...] = _data("grammar", "plural_noun_endings", "folded_tuple")
    coordinated_openers: list[tuple[str, ...]] = _data("grammar", "coordinated_openers", "phrases")
    reason_heads: frozenset[str] = _data("grammar", "reason_heads", "words")
    concessions: list[tuple[str, ...]] = _data("grammar", "concessions", "phrases")
    while_links: list[tuple[str, ...]] = _data("grammar", "while_links", "phrases")
    bare_claim_links: list[tuple[str, ...]] = _data("grammar", "bare_claim_links", "phrases")
    bare_link_objects: frozenset[str] = _data("grammar", "bare_link_objects", "words")
    verb_links: list[tuple[str, ...]] = _data("grammar", "verb_links", "phrases")
    present_prefixes: tuple[str, ...] = _data("grammar", "present_prefixes", "prefixes")
    first_person_present_prefixes: tuple[str, ...] = _data("grammar", "first_person_present_prefixes", "prefixes")
    first_person_words: frozenset[str] = _data("grammar", "first_person_words", "words")
    first_person_future_prefixes: tuple[str, ...] = _data("grammar", "first_person_future_prefixes", "prefixes")
    future_prefixes: tuple[str, ...] = _data("grammar", "future_prefixes", "prefixes")
    future_stem_not_opening: tuple[str, ...] = _data("grammar", "future_stem_not_opening", "prefixes")
    prayer_addressees: frozenset[str] = _data("grammar", "prayer_addressees", "words")
    resumptive_pronouns: frozenset[str] = _data("grammar", "resumptive_pronouns", "words")
    occasion_pointers: list[tuple[str, ...]] = _data("grammar", "occasion_pointers", "phrases")
    subordinate_openers: list[tuple[str, ...]] = _data("grammar", "subordinate_openers", "phrases")
    time_clauses: list[tuple[str, ...]] = _data("grammar", "time_clauses", "phrases")
    speech_fillers: frozenset[str] = _data("grammar", "speech_fillers", "words")
    manner_heads: frozenset[str] = _data("grammar", "manner_heads", "words")
    manner_phrases: list[tuple[str, ...]] = _data("grammar", "manner_phrases", "phrases")
    glued_prepositions: frozenset[str] = _data("grammar", "glued_prepositions", "words")
    name_prepositions: frozenset[str] = _data("grammar", "name_prepositions", "words")
    issuing_words: frozenset[str] = _data("grammar", "issuing_words", "words")
    issuing_verbs: tuple[str, ...] = _data("grammar", "issuing_verbs", "prefixes")
    document_modifiers: frozenset[str] = _data("grammar", "document_modifiers", "words")
    counting_prepositions: frozenset[str] = _data("grammar", "counting_prepositions", "words")
    definite_prefixes: tuple[str, ...] = _data("grammar", "definite_prefixes", "prefixes")
    glued_noun_starts: tuple[str, ...] = _data("grammar", "glued_noun_starts", "folded_tuple")
    letter_joiner: str = _data("grammar", "letter_joiner", "raw")
    glued_complementizers: tuple[str, ...] = _data("grammar", "glued_complementizers", "tuple")
    occasion_noun_suffixes: tuple[str, ...] = _data("grammar", "occasion_noun_suffixes", "folded_tuple")
    claim_pronouns: tuple[str, ...] = _data("grammar", "claim_pronouns", "folded_tuple")
    bound_feminine_endings: dict[str, str] = _data("grammar", "bound_feminine_endings", "folded_pairs")
    feminine_endings: tuple[str, ...] = _data("grammar", "feminine_endings", "tuple")
    abstract_endings: tuple[str, ...] = _data("grammar", "abstract_endings", "tuple")
    nisba_endings: tuple[str, ...] = _data("grammar", "nisba_endings", "prefixes")
    document_openers: list[tuple[str, ...]] = _data("grammar", "document_openers", "phrases")
    document_pointers: list[tuple[str, ...]] = _data("grammar", "document_pointers", "phrases")
    pointed_documents: frozenset[str] = _data("grammar", "pointed_documents", "words")
    clause_starts: frozenset[str] = _data("grammar", "clause_starts", "words")
    object_prepositions: frozenset[str] = _data("grammar", "object_prepositions", "words")
    subject_prepositions: frozenset[str] = _data("grammar", "subject_prepositions", "words")
    denial_cues: frozenset[str] = _data("grammar", "denial_cues", "words")
    hedges: list[tuple[str, ...]] = _data("grammar", "hedges", "phrases")
    modal_particles: frozenset[str] = _data("grammar", "modal_particles", "words")
    modal_verb_prefixes: tuple[str, ...] = _data("grammar", "modal_verb_prefixes", "prefixes")
    relative_particles: frozenset[str] = _data("grammar", "relative_particles", "words")
    conjunctions: frozenset[str] = _data("grammar", "conjunctions", "words")
    pronoun_suffixes: tuple[str, ...] = _data("grammar", "pronoun_suffixes", "prefixes")
    third_person_pronouns: tuple[str, ...] = _data("grammar", "third_person_pronouns", "folded_tuple")
    possessed_endings: tuple[str, ...] = _data("grammar", "possessed_endings", "folded_tuple")
    definite_article: str = _data("grammar", "definite_article", "word")
    contracted_articles: dict[str, str] = _data("grammar", "contracted_articles", "folded_pairs")
    and_conjunction: str = _data("grammar", "and_conjunction", "word")
    possessive_preposition: str = _data("grammar", "possessive_preposition", "word")
    plural_endings: tuple[str, ...] = _data("grammar", "plural_endings", "folded_tuple")
    issuer_prepositions: frozenset[str] = _data("grammar", "issuer_prepositions", "words")
    comma: str = _data("grammar", "punctuation.comma", "word")
    root_letters: tuple[str, ...] = _data("grammar", "verbal_nouns.root_letters", "prefixes")
    verbal_noun_patterns: tuple[str, ...] = _data("grammar", "verbal_nouns.patterns", "prefixes")
    verbal_nouns: frozenset[str] = _data("grammar", "verbal_nouns.words", "words")
    accusative_endings: tuple[str, ...] = _data("grammar", "verbal_nouns.accusative_endings", "prefixes")
    accusative_marks: frozenset[str] = _data("grammar", "verbal_nouns.accusative_marks", "raw_words")
    feelings: frozenset[str] = _data("grammar", "verbal_nouns.feelings", "words")
    stances: frozenset[str] = _data("grammar", "verbal_nouns.stances", "words")
    denied_objects: frozenset[str] = _data("grammar", "verbal_nouns.denied_objects", "words")
    adverbial_openers: list[tuple[str, ...]] = _data("grammar", "adverbial_openers", "phrases")
    days: frozenset[str] = _data("grammar", "days", "words")
    time_words: frozenset[str] = _data("grammar", "time_words", "words")
    month_of: frozenset[str] = _data("grammar", "month_of", "words")
    months: frozenset[str] = _data("grammar", "months", "words")
    time_prepositions: frozenset[str] = _data("grammar", "time_prepositions", "words")
    speaker_wrappers: list[tuple[str, ...]] = _data("grammar", "speaker_wrappers", "phrases")
    relay_openers: list[tuple[str, ...]] = _data("grammar", "relay_openers", "phrases")
    citing_words: frozenset[str] = _data("grammar", "citing_words", "words")
    cited_reasons: frozenset[str] = _data("grammar", "cited_reasons", "words")
    quoting_verbs: frozenset[str] = _data("grammar", "quoting_verbs", "words")
    quoted_as: frozenset[str] = _data("grammar", "quoted_as", "words")
    headline_max_speaker_words: int = _data("grammar", "headline_max_speaker_words", "int")
    paragraph_labels: frozenset[str] = _data("grammar", "paragraph_labels", "words")
    translation_labels: frozenset[str] = _data("grammar", "translation_labels", "words")
    subject_first: bool = _data("grammar", "subject_first", "bool")
    place_sources: bool = _data("grammar", "place_sources", "bool")
    bare_describing_clauses: bool = _data("grammar", "bare_describing_clauses", "bool")
    subject_pronouns: dict[str, str] = _data("grammar", "subject_pronouns", "folded_keys")
    object_pronouns: dict[str, str] = _data("grammar", "object_pronouns", "folded_keys")
    possessive_pronouns: dict[str, str] = _data("grammar", "possessive_pronouns", "folded_keys")
    auxiliaries: frozenset[str] = _data("grammar", "auxiliaries", "words")
    contracted_verbs: dict[str, list[str]] = _data("grammar", "contracted_verbs", "folded_keys")
    past_endings: tuple[str, ...] = _data("grammar", "past_endings", "folded_tuple")
    participle_endings: tuple[str, ...] = _data("grammar", "participle_endings", "folded_tuple")
    irregular_pasts: frozenset[str] = _data("grammar", "irregular_pasts", "words")
    clause_conjunctions: frozenset[str] = _data("grammar", "clause_conjunctions", "words")
    infinitive_markers: frozenset[str] = _data("grammar", "infinitive_markers", "words")
    unsaid_heads: frozenset[str] = _data("grammar", "unsaid_heads", "words")
    empty_objects: frozenset[str] = _data("grammar", "empty_objects", "words")
    title_words: frozenset[str] = _data("titles", "title_words", "words")
    media_heads: frozenset[str] = _data("titles", "media_heads", "words")
    person_titles: frozenset[str] = _data("titles", "person_titles", "words")
    occupations: frozenset[str] = _data("titles", "occupations", "words")
    spoken_for: frozenset[str] = _data("titles", "spoken_for", "words")
    name_particles: frozenset[str] = _data("titles", "name_particles", "words")
    compound_name_ends: frozenset[str] = _data("titles", "compound_name_ends", "words")
    name_homographs: frozenset[str] = _data("titles", "name_homographs", "raw_words")
    name_titles: frozenset[str] = _data("titles", "name_titles", "words")
    title_synonyms: dict[str, str] = _data("titles", "title_synonyms", "folded_pairs")
    nationality: frozenset[str] = _data("titles", "nationality", "words")
    age_phrases: list[tuple[str, ...]] = _data("titles", "age_phrases", "phrases")
    places: frozenset[str] = _data("titles", "places", "words")
    body_heads: frozenset[str] = _data("titles", "body_heads", "words")
    place_heads: frozenset[str] = _data("titles", "place_heads", "words")
    generic_references: frozenset[str] = _data("titles", "generic_references", "words")
    reference_fillers: frozenset[str] = _data("titles", "reference_fillers", "words")
    body_references: frozenset[str] = _data("titles", "body_references", "words")
    media_references: frozenset[str] = _data("titles", "media_references", "words")
    company_references: frozenset[str] = _data("titles", "company_references", "words")
    organisation_suffixes: frozenset[str] = _data("titles", "organisation_suffixes", "words")
    group_references: frozenset[str] = _data("titles", "group_references", "words")
    body_group_references: frozenset[str] = _data("titles", "body_group_references", "words")
    joint_documents: frozenset[str] = _data("titles", "joint_documents", "words")
    joint_conjunctions: frozenset[str] = _data("titles", "joint_conjunctions", "words")
    local_bodies: frozenset[str] = _data("titles", "local_bodies", "words")
    anonymous_heads: dict[str, str] = _data("anonymous", "heads", "folded_keys")
    quantifiers: frozenset[str] = _data("anonymous", "quantifiers", "words")
    anonymous_nationality: dict[str, str] = _data("anonymous", "nationality", "folded_keys")
    countries: dict[str, str] = _data("anonymous", "countries", "folded_keys")
    speakers: list[dict] = _data("speakers", "speaker", "list")
    bare_titles: dict[str, list[str]] = _data("speaker_rules", "bare_titles", "folded_keys")
    bare_modifiers: frozenset[str] = _data("speaker_rules", "bare_modifiers", "words")
    honorifics: frozenset[str] = _data("speaker_rules", "honorifics", "words")
    any_title: frozenset[str] = _data("speaker_rules", "any_title", "words")
    same_source_words: frozenset[str] = _data("speaker_rules", "same_source_words", "words")
    speaking_references: frozenset[str] = _data("speaker_rules", "speaking_references", "words")
    not_speakers: frozenset[str] = _data("speaker_rules", "not_speakers", "words")
    fragment_verbs: frozenset[str] = _data("speaker_rules", "fragment_verbs", "words")
    dateline_separators: frozenset[str] = _data("speaker_rules", "dateline_separators", "raw_words")
    definite_articles: frozenset[str] = _data("speaker_rules", "definite_articles", "words")
    indefinite_articles: frozenset[str] = _data("speaker_rules", "indefinite_articles", "words")
    edge_words: frozenset[str] = _data("speaker_rules", "edge_words", "words")
    natural_gender: bool = _data("speaker_rules", "natural_gender", "bool")
    body_pronouns: frozenset[str] = _data("speaker_rules", "body_pronouns", "words")
    possessive_endings: frozenset[str] = _data("speaker_rules", "possessive_endings", "words")
    document_nouns: frozenset[str] = _data("speaker_rules", "document_nouns", "words")
    posted_on: frozenset[str] = _data("speaker_rules", "posted_on", "words")
    issuer_places: list[tuple[str, ...]] = _data("speaker_rules", "issuer_places", "phrases")
    authored_documents: frozenset[str] = _data("speaker_rules", "authored_documents", "words")
    document_kinds: frozenset[str] = _data("speaker_rules", "document_kinds", "words")
    voice_titles: frozenset[str] = _data("speaker_rules", "voice_titles", "words")
    owner_preposition: str = _data("speaker_rules", "owner_preposition", "word")
    modifiers_first: bool = _data("titles", "modifiers_first", "bool")
    latin_words: dict[str, str] = _data("names", "words", "folded_keys")
    latin_letters: dict[str, str] = _data("names", "letters", "folded_keys")
    latin_article: str = _data("names", "article", "word")
    latin_article_spellings: frozenset[str] = _data("names", "article_spellings", "raw_words")
    latin_vowel_letters: dict[str, str] = _data("names", "vowel_letters", "folded_keys")
    latin_glide_before: str = _data("names", "glide_before", "word")
    latin_final_vowels: dict[str, str] = _data("names", "final_vowels", "folded_keys")
    boilerplate_lines: frozenset[str] = _data("boilerplate", "lines", "words")
    boilerplate_prefixes: tuple[str, ...] = _data("boilerplate", "line_prefixes", "prefixes")
    story_markers: frozenset[str] = _data("boilerplate", "story_markers", "words")
    outlet_line_signatures: tuple[str, ...] = _data("outlets", "line_signatures", "tuple")
    outlet_inline_signatures: tuple[str, ...] = _data("outlets", "inline_signatures", "tuple")
    outlet_desks: tuple[str, ...] = _data("outlets", "desks", "tuple")
    outlet_name_prefixes: frozenset[str] = _data("outlets", "name_prefixes", "words")
    month_numbers: dict[str, int] = _data("dates", "months", "folded_keys")
    weekday_numbers: dict[str, int] = _data("dates", "weekdays", "folded_keys")
    lunar_months: frozenset[str] = _data("dates", "lunar_months", "words")
    published_labels: tuple[str, ...] = _data("dates", "published_labels", "folded_tuple")
    relative_day_words: frozenset[str] = _data("dates", "relative_day_words", "words")
    search_conjunctions: tuple[str, ...] = _data("search", "conjunctions", "prefixes")
    search_prepositions: tuple[str, ...] = _data("search", "prepositions", "prefixes")
    search_articles: tuple[str, ...] = _data("search", "articles", "prefixes")
    search_pronouns: tuple[str, ...] = _data("search", "pronouns", "prefixes")
    search_unsure_pronouns: frozenset[str] = _data("search", "unsure_pronouns", "words")
    search_min_stem: int = _data("search", "min_stem", "int")
    quote_continues: bool = _data("quotations", "quote_continues", "bool")
    quote_gap: int = _data("quotations", "quote_gap", "int")
    open_paragraphs: bool = _data("quotations", "open_paragraphs", "bool")
    unmarked_paragraphs: bool = _data("quotations", "unmarked_paragraphs", "bool")
    introducer: str = _data("quotations", "introducer", "raw")
    author_prepositions: frozenset[str] = _data("quotations", "author_prepositions", "words")
    whole_texts: frozenset[str] = _data("quotations", "whole_texts", "words")
    interviews: frozenset[str] = _data("quotations", "interviews", "words")
    label_separator: str = _data("quotations", "transcript.separator", "raw")
    capital_labels: bool = _data("quotations", "transcript.capital_labels", "bool")
    titled_labels: bool = _data("quotations", "transcript.titled_labels", "bool")
    max_label_words: int = _data("quotations", "transcript.max_label_words", "int")
    named_mentions: bool = _data("quotations", "named_mentions", "bool")
    credit_lines: bool = _data("quotations", "credit_lines", "bool")
    forward_pronouns: bool = _data("quotations", "forward_pronouns", "bool")
    name_marks: frozenset[str] = _data("quotations", "name_marks", "raw_words")
    question_labels: frozenset[str] = _data("quotations", "transcript.questions", "words")
    min_turns: int = _data("quotations", "transcript.min_turns", "int")

    @cached_property
    def articles(self) -> frozenset[str]:
        """The definite and indefinite articles, written apart from their noun ("the", "a")."""
        return self.definite_articles | self.indefinite_articles

    @cached_property
    def documents(self) -> frozenset[str]:
        """Documents of either kind: issued (``document_nouns``) and authored (``authored_documents``)."""
        return self.document_nouns | self.authored_documents

    def denies(self, word: str) -> bool:
        """Whether a folded cue word is a verb of denial, with or without a conjunction written on it."""
        return word in self.denial_cues or (word[:1] in self.conjunctions and word[1:] in self.denial_cues)

    def marked(self, raw: str) -> bool:
        """Whether a word as written is a strict cue's marked form (``marked`` in cues.toml), a conjunction allowed."""
        raw = unicodedata.normalize("NFC", raw)
        return raw in self.marked_cues or (self._proclitic_on(raw) and raw[1:] in self.marked_cues)

    def everyday(self, form: CueForm, raw: str) -> bool:
        """Whether a strict cue's form is written as the everyday word it spells (بين, between), without its mark."""
        return form.strict and not self.marked(raw)

    def cue(self, word: str) -> CueForm | None:
        """The cue a folded word is, allowing a conjunction written on it (``proclitics``)."""
        form = self.cue_forms.get(word)
        if form is None and self._proclitic_on(word):
            form = self.cue_forms.get(word[1:])
        return form

    def saying_verb(self, word: str) -> bool:
        """Whether a folded word is a verb of saying in the past or present ("said", "أشار"), not its participle or
        verbal noun."""
        form = self.cue(word)
        return form is not None and form.tense in ("past", "present")

    def pronoun_on(self, word: str, particles: frozenset[str] | tuple[str, ...]) -> bool:
        """Whether a folded word is one of ``particles`` with a pronoun written on it ("لها", "لنا")."""
        return any(word.startswith(p) and word[len(p) :] in self.pronoun_suffixes for p in particles)

    def _proclitic_on(self, word: str) -> bool:
        """Whether a word may carry a conjunction written on it (``proclitics``), with a word left after it."""
        return len(word) > 2 and word[0] in self.proclitics


def bare_forms(lex: Lexicon, word: str) -> set[str]:
    """A word as written and without a particle glued before it (wa-li-Putin, lil-Kremlin -> al-Kremlin)."""
    forms = {word}
    if len(word) > 2 and (word[0] in lex.conjunctions or word[0] in lex.glued_prepositions):
        forms.add(word[1:])
    for contracted, article in lex.contracted_articles.items():
        if word.startswith(contracted) and len(word) > len(contracted) + 1:
            rest = word[len(contracted) :]
            forms.update({rest, article + rest})
    return forms


def _phrases(items) -> list[tuple[str, ...]]:
    out = [tuple(fold(p).split()) for p in items]
    return sorted({p for p in out if p}, key=len, reverse=True)


def _read(language: str, name: str) -> dict:
    return lang.read_toml(language, name)


# Keys of cues.toml read by ``load`` itself rather than through a Lexicon field.
_CUE_TABLES = ("verb", "participle", "noun")


def _check_keys(language: str, data: dict[str, dict]) -> None:
    """Every key a data file holds is read, and every key the code reads is there: a typo or a dead entry is an
    error at load time, naming the file and the key."""
    wanted: dict[str, set[str]] = {name: set() for name in data}
    for f in fields(Lexicon):
        if f.metadata:
            wanted[f.metadata["file"]].add(f.metadata["key"])
    wanted["cues"].update(_CUE_TABLES)
    for name, doc in data.items():
        for key in sorted(wanted[name]):
            value = doc
            for part in key.split("."):
                value = value.get(part) if isinstance(value, dict) else None
            if value is None and key not in _CUE_TABLES:
                raise ClaimtrackError(f"lang/{language}/{name}.toml: missing key {key!r}")
        for key in _keys(doc, wanted[name]):
            raise ClaimtrackError(f"lang/{language}/{name}.toml: key {key!r} is read by no code")


def _keys(doc: dict, wanted: set[str], prefix: str = ""):
    """The dotted keys of ``doc`` that no wanted key reads (a table is entered when a wanted key is inside it)."""
    for key, value in doc.items():
        dotted = prefix + key
        if dotted in wanted:
            continue
        if isinstance(value, dict) and any(w.startswith(dotted + ".") for w in wanted):
            yield from _keys(value, wanted, dotted + ".")
        else:
            yield dotted


@lru_cache(maxsize=None)
def load(language: str) -> Lexicon:
    hooks = lang.pack(language).hooks
    files = {f.metadata["file"] for f in fields(Lexicon) if f.metadata}
    data = {name: _read(language, f"{name}.toml") for name in sorted(files | {"cues"})}
    _check_keys(language, data)
    lex = Lexicon(language=language, hooks=hooks, proclitics=tuple(hooks.PROCLITICS))
    for f in fields(Lexicon):
        if not f.metadata:
            continue
        value = data[f.metadata["file"]]
        for part in f.metadata["key"].split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is not None:
            setattr(lex, f.name, _CONVERT[f.metadata["how"]](value))
    cues = data["cues"]
    for entry in cues.get("verb", []):
        frame = tuple(fold(f) for f in entry.get("frame", []))
        obj = fold(entry["object"]) if entry.get("object") else None
        strict = {fold(f) for f in entry.get("strict", [])}
        everyday_next = frozenset(fold(w) for w in entry.get("everyday_next", []))
        lex.marked_cues.update(unicodedata.normalize("NFC", f) for f in entry.get("marked", []))
        suffixes = hooks.CUE_OBJECT_SUFFIXES if entry.get("suffixes") else ("",)
        for form, (gender, tense) in hooks.verb_forms(entry).items():
            cue = CueForm(
                lemma=entry["lemma"],
                gender=gender,
                tense=tense,
                frame=frame,
                object=obj,
                weak=entry.get("weak", False),
                impersonal=entry.get("impersonal", False),
                relay=entry.get("relay", False),
                strict=form in strict,
                everyday_next=everyday_next if form in strict else frozenset(),
                complement=fold(entry["complement"]) if entry.get("complement") else None,
                particle=tuple(fold(entry.get("particle", "")).split()),
                addressee=entry.get("addressee", False),
                noun_claim=entry.get("noun_claim", False),
                count_object=entry.get("count_object", False),
                direct=entry.get("direct", False),
                owned_object=entry.get("owned_object", False),
                document_subject=entry.get("document_subject", False),
            )
            for suffix in suffixes:
                lex.cue_forms.setdefault(form + suffix, cue)
    for word, gender in cues.get("participle", {}).items():
        lex.cue_forms[fold(word)] = CueForm(word, gender, "participle")
    for word, gender in cues.get("noun", {}).items():
        lex.cue_forms[fold(word)] = CueForm(word, gender, "noun")
    return lex
