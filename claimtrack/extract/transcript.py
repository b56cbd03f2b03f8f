"""Briefing and interview transcripts: lines that open with their speaker's label and a separator.

A story is a transcript when at least ``min_turns`` of its lines open with a label (``quotations.toml``: a few
words in capitals or a question label, then the separator), and a label asks questions or comes back: a dateline
opens one line, each with another place. Each turn is a passage the sentence rules do not read. An answer is its
speaker's statement, the label its speaker, and ``carry_quotations`` goes on with it sentence by sentence; a
question from the floor is nobody's.

- ``find_turns`` (before ``find_claims``): reads the text; writes ``passages``;
- ``claim_turns`` (after it): reads ``passages``; writes ``claimed``: each answer's first sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lang.text import fold
from .candidate import Attribution, Candidate, Kind
from .doc import SentenceView, Span
from .draft import Claimed
from .quotations import Passage, paragraphs
from .spans import claim_spans

if TYPE_CHECKING:
    from .draft import Draft

NAME = "transcript"


def find_turns(d: Draft) -> None:
    lex = d.grammar.lex
    if not (lex.capital_labels or lex.question_labels):
        return
    turns = []
    for start, end in paragraphs(d.text, d.sentences):
        label_end = _label_end(d, start, end)
        if label_end is not None:
            words = label_end + len(lex.label_separator)
            turns.append((Passage(start, end, (start, label_end), words), fold(d.text[start:label_end])))
    names = [name for _, name in turns]
    asked = any(name in lex.question_labels for name in names)
    if len(turns) < lex.min_turns or not (asked or len(set(names)) < len(names)):
        return
    for turn, name in turns:
        d.passages.append(Passage(turn.start, turn.end, turn.label, turn.words_start, name in lex.question_labels))


def _label_end(d: Draft, start: int, end: int) -> int | None:
    """Where a line's speaker label ends, at its separator: a few words in capitals or a question label."""
    lex = d.grammar.lex
    at = d.text.find(lex.label_separator, start, end) if lex.label_separator else -1
    after = at + len(lex.label_separator)
    if at <= start or after >= end or not d.text[after].isspace():
        return None
    label = d.text[start:at]
    if not 0 < len(label.split()) <= lex.max_label_words:
        return None
    if fold(label) in lex.question_labels:
        return at
    capitals = all(ch.isupper() or ch in lex.name_marks for ch in label if not ch.isspace())
    return at if lex.capital_labels and capitals and any(ch.isalpha() for ch in label) else None


def claim_turns(d: Draft) -> None:
    unread = d.unread()
    added = []
    for p in d.passages:
        if p.label is None or p.question:
            continue
        sentence = next((s for s in d.sentences if s.start <= p.label[0] < s.end), None)
        if sentence is None or p.words_start >= sentence.end:
            continue
        s = SentenceView(d.text, sentence, d.grammar.lex, unread)
        colon = s.index_at(p.label[1])
        found = Candidate(
            rule=NAME,
            cue_index=colon,
            boundary=s.index_at(p.label[0]),
            cue=s.raw(colon),
            speaker=Span(s.index_at(p.label[0]), colon),
            claim_start=p.words_start,
            claim_end=None,
            kind=Kind.DIRECT,
            attribution=Attribution.TRANSCRIPT,
            gender="",
            confidence=0.8,
        )
        why = f"claim_turns: a transcript's turn, its label {d.text[p.label[0] : p.label[1]]!r} the speaker"
        added += [Claimed(s, f, start, end, trace=(why,)) for f, start, end in claim_spans(d.grammar, s, [found])]
    d.claimed = sorted(d.claimed + added, key=lambda c: c.view.sentence.index)
