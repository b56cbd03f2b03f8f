"""Quotations that run past one sentence speak for the speaker of the statement before them.

A long quotation runs over paragraphs: each opens with a quotation mark and only the last closes it. And a
quotation standing alone ('"...," the minister said. "More."', or a paragraph of its own) goes on with the
statement before it. The pack switches both on (``quotations.toml``): its press may quote otherwise.

- ``open_paragraphs`` (before ``find_claims``): reads the text; writes ``passages``: the open part of each
  paragraph whose quotation the next paragraph continues, where the sentence rules do not look;
- ``carry_quotations`` (after it): reads ``sentences``, ``claimed``, ``passages``; writes ``claimed``: for each
  sentence that is all quotation (or a speaking passage) right after a claimed sentence, a claim with no speaker
  of its own, which ``resolve_continuations`` gives the speaker before it. A sentence all quotation may also stand
  up to the pack's ``quote_gap`` sentences with no claim after the last claim (a line of the speaker's reported
  words or of background between): a quotation is the last speaker's unless another is named.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..lang.text import PUNCTUATION
from ..models import Sentence
from ..sentences import OPENERS, SYMMETRIC, quotation_mark, quote_spans
from .candidate import MARKERS, Attribution, Candidate, Kind
from .doc import SentenceView
from .spans import claim_spans, trim

if TYPE_CHECKING:
    from .draft import Claimed, Draft

NAME = "quotation"
# What may follow a quotation's closing mark in a sentence that is all quotation ('"...".').
MARKS = frozenset({*OPENERS, *OPENERS.values(), *SYMMETRIC})
QUESTION_MARKS = frozenset(PUNCTUATION["question_marks"])
_CLOSERS = frozenset(PUNCTUATION["sentence_closers"])
MAX_UNMARKED_LINES = 8  # lines one quotation may run over with no mark between its opening and its close
_AFTER_CLOSE = frozenset(
    PUNCTUATION["sentence_enders"] + PUNCTUATION["sentence_closers"] + PUNCTUATION["trailing_trim"]
)


@dataclass(frozen=True)
class Passage:
    """Text [start, end) that is one speaker's words past the marks a sentence balances: the open part of a
    paragraph whose quotation runs on, or a transcript's turn (with its ``label`` span and where its words start)."""

    start: int
    end: int
    label: tuple[int, int] | None = None
    words_start: int = 0
    question: bool = False  # nobody's statement: a transcript's question from the floor, a document's salutation
    speaker: str | None = None  # the label written out in full, when the turn's label abbreviates it ("T-M")
    heading: bool = False  # a list's heading ("Injuries"): nobody's words, and the list goes on past it

    def holds(self, sentence: Sentence) -> bool:
        return self.start <= sentence.start and sentence.end <= self.end


def paragraphs(text: str, sentences: list[Sentence]) -> list[tuple[int, int]]:
    """The lines the sentences lie on, in order, each once: (start, end) offsets without the line break. A sentence
    a page wrapped over lines (``sentences.split`` joins them) makes one paragraph of its lines, with the sentences
    that go on from its last line."""
    out: list[tuple[int, int]] = []
    for sentence in sentences:
        start = text.rfind("\n", 0, sentence.start) + 1
        end = text.find("\n", max(sentence.start, sentence.end - 1))
        end = len(text) if end < 0 else end
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
            continue
        out.append((start, end))
    return out


def open_paragraphs(d: Draft) -> None:
    if d.grammar.lex.unmarked_paragraphs:
        _unmarked_paragraphs(d)
    if not d.grammar.lex.open_paragraphs:
        return
    lines = paragraphs(d.text, d.sentences)
    taken = [(p.start, p.end) for p in d.passages]
    was_open = False
    unmarked_until = -1  # the last line of a quotation that runs on over lines without reopening it
    for k, (start, end) in enumerate(lines):
        free = not any(a <= start < b for a, b in taken)
        if k <= unmarked_until:
            if free:
                d.passages.append(Passage(start, end))
            continue
        at = left_open(d.text, start, end)
        continued = k + 1 < len(lines) and opens(d.text, lines[k + 1][0])
        # the excerpt's last paragraph, a quotation it opens (at its start, or after its cue) and never closes: cut
        # off with the page's text
        cut_off = k == len(lines) - 1 and at is not None and (at == start or _announced(d, at))
        was_open = at is not None and free and (continued or cut_off or (was_open and opens(d.text, start)))
        if was_open:
            d.passages.append(Passage(at, end))
        elif at is not None and free and (last := _closed_later(d.text, lines, k, at)) is not None:
            d.passages.append(Passage(at, end))
            unmarked_until = last


def _announced(d: Draft, at: int) -> bool:
    """Whether the mark at ``at`` opens a quotation its cue announces: right after a verb of saying or a colon
    ('وتابعت "...'). A mark after any other word is as often a stray one, or a name's ('رئيس الحكومة "فلان')."""
    s = SentenceView(d.text, d.sentence_at(at), d.grammar.lex)
    i = s.index_at(at)
    return i > 0 and (d.grammar.lex.cue(s.norm(i - 1)) is not None or s.raw(i - 1) in PUNCTUATION["introducers"])


def _closed_later(text: str, lines: list[tuple[int, int]], k: int, at: int) -> int | None:
    """The last line of a quotation that line k leaves open and that later lines go on without reopening: lines
    with no quotation mark, up to one whose first mark closes it and ends it ('said, "Growth was good.' / 'We expect
    more."', a speech printed over lines, a page's hard-wrapped lines); None when a mark opens first or nothing
    closes it."""
    marked = _next_marked(text, lines, k)
    if marked is None:
        return None
    j, first = marked
    if text[first] != OPENERS.get(text[at], text[at]) or not _closes_at(text, lines[j][0], first):
        return None
    rest = text[first + 1 : lines[j][1]]
    return j if all(ch.isspace() or ch in _AFTER_CLOSE for ch in rest) else None


def _next_marked(text: str, lines: list[tuple[int, int]], k: int) -> tuple[int, int] | None:
    """The first line after line k, within ``MAX_UNMARKED_LINES``, holding a quotation mark, and where its first
    mark stands."""
    for j in range(k + 1, min(len(lines), k + 1 + MAX_UNMARKED_LINES)):
        start, end = lines[j]
        first = next((i for i in range(start, end) if quotation_mark(text, i, MARKS)), None)
        if first is not None:
            return j, first
    return None


def _closes_at(text: str, line_start: int, mark: int) -> bool:
    """Whether a mark closes a quotation: glued to the word before it, not opening its line."""
    return mark > line_start and not text[mark - 1].isspace()


def _unmarked_paragraphs(d: Draft) -> None:
    """A quotation that opens a paragraph, runs on over paragraphs with no quotation mark and closes in a later
    one: its sentences after the first are a passage, each going on with the statement before it."""
    lines = paragraphs(d.text, d.sentences)
    k = 0
    while k < len(lines):
        start, end = lines[k]
        close = (
            _unmarked_close(d.text, lines, k)
            if opens(d.text, start) and left_open(d.text, start, end) == start
            else None
        )
        if close is None or any(p.start <= start < p.end for p in d.passages):
            k += 1
            continue
        first = d.sentence_at(start)
        d.passages.append(Passage(first.end, lines[close][1]))
        k = close + 1


def _unmarked_close(text: str, lines: list[tuple[int, int]], k: int) -> int | None:
    """The line that closes the quotation line k leaves open, when every line between has no mark at all."""
    marked = _next_marked(text, lines, k)
    if marked is None:
        return None
    j, first = marked
    start, end = lines[j]
    return j if _closes_at(text, start, first) and left_open(text, start, end) is None else None


def opens(text: str, line_start: int) -> bool:
    return text[line_start] in OPENERS or text[line_start] in SYMMETRIC


def left_open(text: str, start: int, end: int) -> int | None:
    """Where the quotation opens that a line leaves open: its last quotation mark outside the quotations it closes
    (a quotation inside it, "... inform people, 'Listen, prices fell.'", closes only itself), when that mark opens
    (after a space or the line's start, before a word) rather than closes."""
    closed = quote_spans(text, start, end)
    marks = (k for k in range(end - 1, start - 1, -1) if quotation_mark(text, k, MARKS))
    i = next((k for k in marks if not any(a <= k <= b for a, b in closed)), None)
    if i is None or i + 1 >= end or text[i + 1].isspace():
        return None
    return i if i == start or text[i - 1].isspace() else None


def all_quoted(text: str, sentence: Sentence) -> bool:
    """The sentence is one quotation, with nothing after its closing mark but the sentence's end."""
    close = next((b for a, b in quote_spans(text, sentence.start, sentence.end) if a == sentence.start), None)
    return close is not None and all(ch.isspace() or ch in _AFTER_CLOSE for ch in text[close + 1 : sentence.end])


def asks(text: str, sentence: Sentence) -> bool:
    """Whether a sentence is a question: its last mark, past closing quotation marks, asks."""
    end = sentence.end
    while end > sentence.start and (text[end - 1].isspace() or text[end - 1] in _CLOSERS):
        end -= 1
    return end > sentence.start and text[end - 1] in QUESTION_MARKS


def carry_quotations(d: Draft) -> None:
    lex = d.grammar.lex
    if not (lex.quote_continues or d.passages):
        return
    last: dict[int, Claimed] = {}  # the last claim in each sentence (by where the claim lies, not its cue)
    for c in d.claimed:
        if c.candidate.attribution not in MARKERS:
            last[d.sentence_at(c.start).index] = c
    unread = d.unread()
    added: list[Claimed] = []
    antecedent, since = None, 0
    for sentence in d.sentences:
        if sentence.index in last:
            antecedent, since = last[sentence.index], 0
            continue
        since += 1
        if antecedent is None or since > 1 + lex.quote_gap:
            continue
        passage = next((p for p in d.passages if p.holds(sentence)), None)
        if passage is not None and passage.heading:
            since = 0  # the words go on in the list's next item
            continue
        speaking = not passage.question if passage else lex.quote_continues and all_quoted(d.text, sentence)
        # A passage goes on with the quotation right before it only: its paragraph is that quotation's next.
        if not speaking or (since > 1 and passage is not None):
            continue
        if asks(d.text, sentence):
            since = 0  # a question claims nothing; the quotation goes on past it
            continue
        view = SentenceView(d.text, sentence, lex, unread)
        for c in _continued(d, view, antecedent):
            added.append(c)
            antecedent, since = c, 0
    d.claimed = sorted(d.claimed + added, key=lambda c: c.view.sentence.index)


def _continued(d: Draft, s: SentenceView, antecedent: Claimed) -> list[Claimed]:
    f = antecedent.candidate
    found = Candidate(
        rule=NAME,
        cue_index=len(s),  # no cue in this sentence
        boundary=0,
        cue=f.cue,
        speaker=None,
        claim_start=s.sentence.start,
        claim_end=s.sentence.end,
        kind=Kind.DIRECT,
        attribution=Attribution.CONTINUATION,
        gender=f.gender,
        confidence=0.7,
        via=(),
    )
    why = f"carry_quotations: all quotation, so it goes on with the claim before it ({f.cue!r})"
    return [
        replace(antecedent, view=s, candidate=c, start=start, end=end, part=0, trace=(why,))
        for c, a, b in claim_spans(d.grammar, s, [found])
        for start, end in [trim(s, a, b)]
    ]
