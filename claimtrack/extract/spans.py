"""Where each claim ends: at the next statement in its sentence or at a tail the data names, without marks."""

from __future__ import annotations

from bisect import bisect_left

from ..lang.text import PUNCTUATION
from ..sentences import OPENERS, SYMMETRIC
from .candidate import Attribution, Candidate
from .doc import SentenceView
from .grammar import Grammar

# Marks that close a quotation in one style or another ("„...“" closes with what opens elsewhere).
CLOSERS = frozenset({*OPENERS.values(), "“"})
# Punctuation a claim neither starts nor ends with.
LEADING = PUNCTUATION["leading_trim"]
TRAILING = PUNCTUATION["trailing_trim"]


def claim_spans(g: Grammar, s: SentenceView, found: list[Candidate]) -> list[tuple[Candidate, int, int]]:
    """Each candidate's final claim span (char offsets), in cue order; spans under three characters are dropped."""
    out = []
    found = sorted(found, key=lambda f: f.cue_index)
    tails = _tail_starts(g, s) if any(f.claim_end is None for f in found) else []
    for k, f in enumerate(found):
        spans = [(f.claim_start, f.claim_end)] if f.claim_end is not None else _open(g, s, f, found[k + 1 :], tails)
        for start, end in spans:
            start, end = trim(s, start, end)
            if end - start >= 3:
                out.append((f, start, end))
    return out


def _tail_starts(g: Grammar, s: SentenceView) -> list[int]:
    """Char offsets where a tail the data names ("، وذلك") begins, found once per sentence."""
    return [
        s.toks[t].start
        for t in range(len(s) - 1)
        if any(s.phrase_at(t, [tail], False) == len(tail) for tail in g.lex.claim_tails)
    ]


def _open(g: Grammar, s: SentenceView, f: Candidate, later: list[Candidate], tails: list[int]) -> list[tuple[int, int]]:
    """An open claim's spans: up to the next statement's boundary (and the relative pronoun that opens its clause:
    "... التعديلات التي يقول الرئيس إنها ...") or to the first tail ("، وذلك") after its start; and, after a tail, from
    a second complementizer joined by "and" up to that boundary ("أكدت أنها ستوفر ناقلات، وذلك لسد النقص، وأن ..."):
    the tail remarks on the first claim, the cue's next claim goes on after it."""
    end = _open_end(g, s, f, later)
    k = bisect_left(tails, f.claim_start)
    if k == len(tails) or tails[k] >= end:
        return [(f.claim_start, end)]
    opened = (
        i + n
        for i in range(s.index_at(tails[k]) + 1, len(s))
        if s.toks[i].start < end
        and s.is_comma(i - 1)
        and (n := s.phrase_at(i, g.lex.coordinated_openers, allow_conj=False))
    )
    resumed = next(opened, None)
    if resumed is None or resumed >= len(s):
        return [(f.claim_start, tails[k])]
    return [(f.claim_start, tails[k]), (s.toks[resumed].start, end)]


def _open_end(g: Grammar, s: SentenceView, f: Candidate, later: list[Candidate]) -> int:
    """Where an open claim's region ends: at the next statement's boundary, or the sentence's end."""
    end = s.sentence.end
    for other in later:
        cuts = other.cut_at_next or (other.attribution == Attribution.POST and other.claim_end is not None)
        b = other.boundary if cuts else None
        if b is not None and 0 < b < len(s) and s.norm(b - 1) in g.lex.relatives:
            b -= 1
        if b is not None and b < len(s) and s.toks[b].start > f.claim_start:
            end = min(end, s.toks[b].start)
            break
    return end


def trim(s: SentenceView, start: int, end: int) -> tuple[int, int]:
    """A span without edge punctuation, an opening mark the excerpt never closed, or the marks of a whole quotation."""
    text = s.text
    while start < end and (text[start].isspace() or text[start] in LEADING):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in TRAILING):
        end -= 1
    if start < end and (text[start] in OPENERS or text[start] in SYMMETRIC):
        if not any(a == start and b < end for a, b in s.quotes):  # never closed, or closed past the claim's end
            start += 1
            while start < end and text[start].isspace():
                start += 1
    if end - start >= 2 and text[start] in OPENERS and text[end - 1] == OPENERS[text[start]]:
        return _inside(text, start + 1, end - 1)
    lone = text[end - 1] in SYMMETRIC and text[end - 1] not in text[start : end - 1]
    if end - start >= 2 and (
        (text[end - 1] in CLOSERS and not any(ch in OPENERS for ch in text[start : end - 1])) or lone
    ):
        # „...“ or '...": a closing mark whose opener the claim does not hold (another style, a line above, cut off)
        end -= 1
        while end > start and text[end - 1] in TRAILING:
            end -= 1  # the full stop inside it
    if (
        end - start >= 2
        and text[start] in SYMMETRIC
        and text[end - 1] == text[start]
        and text[start] not in text[start + 1 : end - 1]
    ):
        return _inside(text, start + 1, end - 1)
    return start, end


def _inside(text: str, start: int, end: int) -> tuple[int, int]:
    """A whole quotation's words without its marks, nor the full stop inside its closing mark."""
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return start, end
