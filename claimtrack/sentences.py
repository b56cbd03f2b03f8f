"""Sentence spans that never cut a quotation in two.

Offsets are into the text given; nothing is copied or normalised, so a sentence's span can be shown in the
original article.
"""

from __future__ import annotations

import re

from .lang.text import PUNCTUATION
from .models import Sentence

OPENERS: dict[str, str] = dict(PUNCTUATION["quote_pairs"])
SYMMETRIC = set(PUNCTUATION["symmetric_quotes"])
MISUSED_OPENERS = set(PUNCTUATION["misused_openers"])
_END = set(PUNCTUATION["sentence_enders"])
_CLOSERS = PUNCTUATION["sentence_closers"]
_MAX_QUOTE = 1500  # a "quotation" longer than this is an unbalanced mark, not a quote


def _closing(text: str, i: int, limit: int) -> int | None:
    """Where the quotation opened at ``i`` closes within ``limit``, or None when it never does."""
    ch = text[i]
    close = OPENERS.get(ch, ch)  # a misused closing mark closes with itself
    j = text.find(close, i + 1, min(limit, i + _MAX_QUOTE))
    return j if j >= 0 else None


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Balanced quotations in text[start:end] as (open, close) offsets of their marks.

    A mark that never closes inside the span is ignored, so one stray quote cannot swallow a paragraph.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    i = start
    while i < end:
        ch = text[i]
        # Sloppy pages open with the closing mark too (” كانت مباراة ...”): after a space it opens.
        misused = ch in MISUSED_OPENERS and (i == start or text[i - 1].isspace())
        if ch in OPENERS or ch in SYMMETRIC or misused:
            j = _closing(text, i, end)
            if j is not None:
                spans.append((i, j))
                i = j + 1
                continue
        i += 1
    return spans


def split(text: str, start: int = 0, end: int | None = None, first_index: int = 0) -> list[Sentence]:
    """Sentences of text[start:end]: ended by . ! ? ؟ … or a line break, never inside a quotation."""
    end = len(text) if end is None else end
    out: list[Sentence] = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        line_start, line_end = start + m.start(), start + m.end()
        quotes = quote_spans(text, line_start, line_end)
        inside = set()
        for a, b in quotes:
            inside.update(range(a, b + 1))
        seg_start = line_start
        i = line_start
        while i < line_end:
            ch = text[i]
            if ch in _END and i not in inside:
                # Decimal points and abbreviations with a digit after them do not end a sentence.
                if ch == "." and i + 1 < line_end and text[i + 1].isdigit():
                    i += 1
                    continue
                j = i + 1
                while j < line_end and (text[j] in _END or text[j] in _CLOSERS):
                    j += 1
                _add(out, text, seg_start, j, first_index)
                seg_start = j
                i = j
                continue
            i += 1
        _add(out, text, seg_start, line_end, first_index)
    return out


def _add(out: list[Sentence], text: str, a: int, b: int, first_index: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a and re.search(r"\w", text[a:b]):
        out.append(Sentence(first_index + len(out), a, b, text[a:b]))
