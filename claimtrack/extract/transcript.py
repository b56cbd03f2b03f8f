"""Briefing and interview transcripts: lines that open with their speaker's label and a colon.

A story is a transcript when at least ``min_turns`` of its lines open with a label the pack's pattern matches
(``quotations.toml``), and a label asks questions or comes back: a dateline opens one line, each with another
place. Each turn is a passage the sentence rules do not read. An answer is its speaker's statement, the label its
speaker, and ``carry_quotations`` goes on with it sentence by sentence; a question from the floor is nobody's.

- ``find_turns`` (before ``find_claims``): reads the text; writes ``passages``;
- ``claim_turns`` (after it): reads ``passages``; writes ``claimed``: each answer's first sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
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


@cache
def _label(pattern: str) -> re.Pattern | None:
    return re.compile(pattern) if pattern else None


def find_turns(d: Draft) -> None:
    lex = d.grammar.lex
    label = _label(lex.transcript_label)
    if label is None:
        return
    turns = []
    for start, end in paragraphs(d.text, d.sentences):
        m = label.match(d.text, start, end)
        if m is not None:
            a, b = m.span("speaker")
            turns.append((Passage(start, end, (a, b), m.end()), fold(d.text[a:b])))
    names = [name for _, name in turns]
    asked = any(name in lex.question_labels for name in names)
    if len(turns) < lex.min_turns or not (asked or len(set(names)) < len(names)):
        return
    for turn, name in turns:
        d.passages.append(Passage(turn.start, turn.end, turn.label, turn.words_start, name in lex.question_labels))


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
