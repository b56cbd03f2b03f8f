"""The settings a command's help shows as defaults: matching thresholds and fetch politeness.

They live apart from the matcher and the fetcher so that ``claimtrack --help`` can show them without loading
either (the help screen's start-up time is a target)."""

from __future__ import annotations

from dataclasses import dataclass, fields

from . import __version__

USER_AGENT = f"claimtrack/{__version__} (news statement tracker; python-httpx)"


@dataclass(frozen=True)
class MatchSettings:
    """Thresholds of claim matching (documented in the README; ``claimtrack rematch`` applies new ones)."""

    verbatim: float = 88.0  # RapidFuzz ratio (0-100) of the folded texts at which two claims are copies
    min_overlap: float = 0.35  # share of the shorter claim's weighted content the other must carry ...
    overlap_step: float = 0.12  # ... plus this for each in-order shared word short of min_shared + 2
    min_shared: int = 3  # content words a pair must share (in the same order, to be a paraphrase)
    min_dice: float = 0.25  # weighted word overlap (Dice) of a paraphrase: a short claim inside a long one is not
    toll: float = 0.45  # cosine (words: Dice) at which two claims giving one death toll are one, whoever said them
    min_toll: int = 10  # ... from this many dead: "two dead" is said of too many storms to tell one
    reordered: float = 0.6  # word overlap (Dice) of a named speaker's two claims that are one in any order
    other_speaker_dice: float = 0.3  # ... and of one by two speakers: one part of another's long statement is not
    other_speaker_meaning: float = 0.4  # ... nor, with vectors known, two speakers' claims this far apart in meaning
    max_df: int = 50  # shingles carried by more statements than this are too common to block on
    min_words: int = 3  # claims with fewer content words are never matched ...
    min_copy_words: int = 2  # ... but as near-verbatim copies by one source, from this many content words
    window: int = 4  # neighbours compared in each sorted order, for claims whose shingles are all too common
    entity_weight: float = 0.2  # weight of a name, place or nationality word against a content word
    semantic: float = 0.65  # encoder cosine at which two claims with some words in common are the same claim ...
    semantic_support: float = 0.25  # ... when their weighted word overlap (Dice) is at least this ...
    semantic_shared: int = 3  # ... and they share this many words besides names: what is said, not about whom ...
    semantic_shared_named: int = 1  # ... or this many, said by one named speaker (not a body kept to its article)
    semantic_other_speaker: float = 0.8  # ... and, by two speakers and with no number in common, this cosine
    counterpart: float = 0.7  # encoder cosine from which one speaker's statements in two articles, each the other's
    counterpart_margin: float = 0.05  # ... closest in meaning by this margin, are one claim (``counterparts``)
    cross_language: float = 0.6  # encoder cosine at which two claims in two languages by one speaker are one claim
    cross_language_voice: float = 0.65  # ... or, by a body and one who speaks for it (speakers.voices), are one claim
    cross_language_counted: float = 0.45  # ... or, by one source giving one count (the claim's first number), are
    cross_language_unattributed: float = 0.65  # ... or, with no speaker read on one side, are one claim
    cross_language_linkage: float = 0.55  # mean cosine of two clusters' pairs in two languages for them to join
    semantic_weight: float = 0.5  # share of the encoder's cosine in the same-claim score when vectors are known
    linkage_share: float = 1.0  # share of two clusters' member pairs that must be one claim for them to join
    restatement: float = 0.75  # word overlap (Dice) of one speaker's two statements of one article that restate a claim
    restatement_meaning: float = 0.78  # ... or their encoder cosine (a lead and the statement it sums up, reworded)
    family: float = 0.15  # same-claim score (before changes weigh) from which two claims are one claim family
    contradiction_factor: float = 0.15  # the score of a pair that contradicts is multiplied by this ...
    change_factor: float = 0.4  # ... and of one that changes a number, date, place, body, hedge or word by this

    @classmethod
    def from_strings(cls, values: dict[str, str]) -> "MatchSettings":
        """Settings as a database stores them (text), unknown keys ignored, missing ones at their default."""
        kinds = {f.name: type(getattr(cls(), f.name)) for f in fields(cls)}
        return cls(**{k: kinds[k](v) for k, v in values.items() if k in kinds})

    @property
    def indexed_words(self) -> int:
        """Content words from which a claim is blocked on (and kept in the stored index)."""
        return min(self.min_words, self.min_copy_words)


@dataclass(frozen=True)
class FetchSettings:
    timeout: float = 20.0  # seconds for each request (connect, read, write)
    retries: int = 2  # further attempts after the first
    backoff: float = 1.0  # seconds before the first retry, doubled for each one after
    host_delay: float = 1.0  # seconds between two requests to the same host
    user_agent: str = USER_AGENT
