"""What the stages of one story's extraction share: the ``Draft`` each stage reads and writes, and its claims."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..models import Sentence, Statement
from .candidate import Attribution, Candidate, Kind
from .doc import SentenceView
from .grammar import Grammar

if TYPE_CHECKING:
    from .quotations import Passage


@dataclass
class Claimed:
    """A candidate with its final claim span, in the sentence it was found in."""

    view: SentenceView
    candidate: Candidate
    start: int
    end: int
    part: int = 0  # 1..n when ``split_claims`` cut one cue's claim into several
    trace: tuple[str, ...] = ()  # what later stages did to it, for --explain


def uncued(
    s: SentenceView,
    rule: str,
    source: str | None,
    start: int,
    end: int,
    attribution: Attribution,
    why: str,
    *,
    cue: str = "",
    confidence: float = 0.6,
) -> Claimed:
    """A sentence whose source is named elsewhere (a document's author, an interviewee, a credit line, the line
    that introduces a quotation): no cue and no speaker span in the sentence itself, so it carries less confidence
    than a cued one; ``cue`` is the verb of the sentence that names the source, if it has one."""
    found = Candidate(
        rule=rule,
        cue_index=len(s),
        boundary=0,
        cue=cue,
        speaker=None,
        as_written=source,
        claim_start=start,
        claim_end=end,
        kind=Kind.DIRECT,
        attribution=attribution,
        gender="",
        confidence=confidence,
    )
    return Claimed(s, found, start, end, trace=(why,))


@dataclass
class Draft:
    """One story's extraction in progress."""

    text: str
    sentences: list[Sentence]
    grammar: Grammar
    story: int
    passages: list[Passage] = field(default_factory=list)  # someone's words past one sentence's marks
    claimed: list[Claimed] = field(default_factory=list)
    # (sentence index, a person named as written, where the name ends)
    mentions: list[tuple[int, str, int]] = field(default_factory=list)
    # ... and a person named by a title alone ("The judge handed ..."), whom a pronoun with no other antecedent means
    titled: list[tuple[int, str, int]] = field(default_factory=list)
    introductions: list[tuple[int, int]] = field(default_factory=list)  # (introducing sentence, quotation start)
    document: tuple[str, int] | None = None  # a text printed whole: its author as written, where it starts
    interview: tuple[str, list[tuple[int, int]]] | None = None  # questions and answers: interviewee, answer spans
    statements: list[Statement] = field(default_factory=list)

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding a character offset."""
        return self.sentences[bisect_right(self._starts, offset) - 1]

    def claimed_sentences(self) -> set[int]:
        """The sentences a claim lies in (where its words start, which may be before its cue's sentence)."""
        return {self.sentence_at(c.start).index for c in self.claimed}

    def sentences_in(self, start: int, end: int) -> list[Sentence]:
        """The sentences that start between two character offsets: a paragraph's."""
        return [s for s in self.sentences if start <= s.start < end]

    def unread(self) -> list[tuple[int, int]]:
        """The passages' spans, where no sentence rule looks."""
        return [(p.start, p.end) for p in self.passages]
