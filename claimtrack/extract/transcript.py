"""Briefing and interview transcripts: lines that open with their speaker's label and a separator.

A story is a transcript when at least ``min_turns`` of its lines open with a label (``quotations.toml``: a few
words in capitals, or each opening with a capital, or a question label, then the separator), and a label asks
questions or comes back: a dateline opens one line, each with another place. Each turn is a passage the sentence
rules do not read. An answer is its speaker's statement, the label its speaker (a label of initials, "T-M", the
earlier label they abbreviate, "Tshabalala-Msimang"), and ``carry_quotations`` goes on with it sentence by
sentence; a question from the floor is nobody's, and so is any sentence that asks.

- ``find_turns`` (before ``find_claims``): reads the text; writes ``passages``;
- ``claim_turns`` (after it): reads ``passages``; writes ``claimed``: each answer's first sentence that asks
  nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..lang.text import fold
from .candidate import Attribution, Candidate, Kind
from .doc import SentenceView, Span
from .draft import Claimed
from .quotations import Passage, asks, paragraphs
from .spans import claim_spans

if TYPE_CHECKING:
    from ..models import Sentence
    from .draft import Draft

NAME = "transcript"


def find_turns(d: Draft) -> None:
    lex = d.grammar.lex
    if not (lex.capital_labels or lex.titled_labels or lex.question_labels):
        return
    turns = []
    for start, end in paragraphs(d.text, d.sentences):
        label_end = _label_end(d, start, end)
        if label_end is not None:
            turns.append(Passage(start, end, (start, label_end), label_end + len(lex.label_separator)))
    labels = [d.text[turn.label[0] : turn.label[1]] for turn in turns]
    full = [_spelled_out(label, labels, lex.name_marks) for label in labels]
    names = [fold(whole or label) for whole, label in zip(full, labels)]
    asked = any(name in lex.question_labels for name in names)
    if len(turns) < lex.min_turns or not (asked or len(set(names)) < len(names)):
        return
    for turn, name, whole in zip(turns, names, full):
        d.passages.append(replace(turn, question=name in lex.question_labels, speaker=whole))


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
    if fold(label).strip() in lex.paragraph_labels:
        return None  # "Update: ...": a label of the paragraph, no speaker's
    if fold(label) in lex.question_labels:
        return at
    if not any(ch.isalpha() for ch in label):
        return None
    capitals = all(ch.isupper() or ch in lex.name_marks for ch in label if not ch.isspace())
    titled = all(_parts(word, lex.name_marks)[0][:1].isupper() for word in label.split())
    return at if (lex.capital_labels and capitals) or (lex.titled_labels and titled) else None


def _parts(label: str, marks: frozenset[str]) -> list[str]:
    """A label's name parts: its words cut at the marks inside names ("Tshabalala-Msimang", "Mr. Miller")."""
    out, part = [], ""
    for ch in label:
        if ch.isspace() or ch in marks:
            out, part = out + [part] * bool(part), ""
        else:
            part += ch
    return out + [part] * bool(part) or [""]


def _spelled_out(label: str, labels: list[str], marks: frozenset[str]) -> str | None:
    """The label a label of initials abbreviates: the one whose parts' first letters they are, "R" for "Robbie"."""
    letters = "".join(ch for ch in label if ch.isalpha())
    if not letters.isupper() or len(letters) != len(_parts(label, marks)):
        return None
    for other in labels:
        if other != label and any(ch.islower() for ch in other):
            if "".join(part[:1] for part in _parts(other, marks)) == letters:
                return other
    return None


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
        answer = _first_answer(d, p, sentence)
        if answer is None:
            continue
        words_start = p.words_start if answer is sentence else answer.start
        found = Candidate(
            rule=NAME,
            cue_index=colon,
            boundary=s.index_at(p.label[0]),
            cue=s.raw(colon),
            speaker=Span(s.index_at(p.label[0]), colon),
            as_written=p.speaker,
            claim_start=words_start,
            claim_end=None,
            kind=Kind.DIRECT,
            attribution=Attribution.TRANSCRIPT,
            gender="",
            confidence=0.8,
        )
        label = d.text[p.label[0] : p.label[1]]
        why = f"claim_turns: a transcript's turn, its label {label!r} the speaker"
        if answer is not sentence:
            view = SentenceView(d.text, answer, d.grammar.lex, unread)
            found = replace(found, cue_index=len(view), boundary=0, speaker=None, as_written=p.speaker or label)
            s = view
        added += [Claimed(s, f, start, end, trace=(why,)) for f, start, end in claim_spans(d.grammar, s, [found])]
    d.claimed = sorted(d.claimed + added, key=lambda c: c.view.sentence.index)


def _first_answer(d: Draft, p: Passage, sentence: Sentence) -> Sentence | None:
    """The turn's first sentence that asks nothing, from the one its label opens."""
    after = d.sentences[sentence.index - d.sentences[0].index :]
    return next((s for s in after if p.holds(s) and not asks(d.text, s)), None)
