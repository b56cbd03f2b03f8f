"""What a rule finds in a sentence: a candidate statement, built by keyword, and the kinds it names."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .doc import Span


class Kind(StrEnum):
    """How the claim is given: the speaker's words in quotation marks, or reported."""

    DIRECT = "direct"
    INDIRECT = "indirect"


class Attribution(StrEnum):
    """Which construction tied the claim to its speaker; stored with each statement and shown by --explain."""

    EXPLICIT = "explicit"  # قال الوزير إن ...
    POST = "post"  # ...، حسبما ذكرت الوكالة / «...»، قال الوزير
    PREPOSITION = "preposition"  # وفقاً للوزير، ...
    RELATIVE = "relative"  # ... السفير الذي قال إن ...
    SUBJECT_FIRST = "subject-first"  # وكان الوزير قد قال ...
    CONTINUATION = "continuation"  # وأضاف: ...
    PARTICIPLE = "participle"  # ...، مؤكداً أن ...
    RELAY = "relay"  # نقلت الوكالة عن مسؤول قوله ...
    HEADLINE = "headline"  # الوزير: ...
    VERBAL_NOUN = "verbal-noun"  # أعلنت الوزارة تسجيل ...
    IMPERSONAL = "impersonal"  # يُعتقد أن ...: nobody's statement, but it ends the claim before it
    RELAYED_BY = "relayed-by"  # ...، حسبما أفادت القناة after a statement: its via, not a statement
    TRANSCRIPT = "transcript"  # MR SMITH: ... (a transcript's turn, its label the speaker)


# Constructions that end a claim or name a relay without being statements themselves.
MARKERS = frozenset({Attribution.IMPERSONAL, Attribution.RELAYED_BY})


class Polarity(StrEnum):
    ASSERTED = "asserted"
    DENIED = "denied"  # نفى أن يكون ...: the speaker says the claim is not so


@dataclass(frozen=True, kw_only=True)
class Candidate:
    """A statement a rule found: where its cue, speaker and claim lie in one sentence.

    ``claim_end`` None runs the claim to the end of the sentence or the next statement's ``boundary``.
    """

    cue_index: int  # where the cue starts; statements in a sentence are ordered by it
    boundary: int  # first token that belongs to this statement, where an earlier claim must end
    cue: str
    speaker: Span | None
    claim_start: int  # char offset
    claim_end: int | None
    kind: Kind
    attribution: Attribution
    gender: str
    confidence: float
    rule: str = ""  # the rule that found it, for --explain
    via: tuple[Span, ...] = ()
    as_written: str | None = None
    cut_at_next: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "via", tuple(self.via))  # rules collect relays in lists; a candidate keeps a tuple
