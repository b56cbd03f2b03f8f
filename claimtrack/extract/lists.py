"""Lists a line introduces: pages that print what someone said as a list (press-conference notes).

'Here's what the coach had to say:' then lines that open with a list mark ("• We played well ..."), in blocks
under short headings ("Injuries"): every item is the words of the introducing line's subject, and a heading is
nobody's. The marks are the base pack's ``list_marks``; the introducing mark, the pack's (``quotations.toml``).

- ``find_lists`` (after ``find_introductions``, before ``find_claims``): reads the text; writes ``passages`` (each
  item's line; each heading, as a heading the list goes on past) and ``introductions`` (the introducing sentence,
  where the first item's words start). ``claim_introductions`` claims the first item and ``carry_quotations`` goes
  on with the others, a statement a sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lang.text import PUNCTUATION
from .quotations import Passage, paragraphs

if TYPE_CHECKING:
    from .draft import Draft

LIST_MARKS = frozenset(PUNCTUATION["list_marks"])
_LINE_ENDS = frozenset(PUNCTUATION["sentence_enders"] + PUNCTUATION["sentence_closers"] + PUNCTUATION["introducers"])
MAX_HEADING_WORDS = 8  # "On last week's trip to Northampton", "Injuries"


def find_lists(d: Draft) -> None:
    mark = d.grammar.lex.introducer
    if not mark:
        return
    lines = paragraphs(d.text, d.sentences)
    taken = [(p.start, p.end) for p in d.passages]
    for k, (start, end) in enumerate(lines):
        if not d.text[start:end].rstrip().endswith(mark):
            continue
        items = _items(d.text, lines, k + 1)
        if not any(not p.heading for p in items) or any(a < p.end and p.start < b for p in items for a, b in taken):
            continue
        introducer = d.sentence_at(d.text.rfind(mark, start, end))
        if introducer.start < start:
            continue  # the colon ends a sentence begun on an earlier line
        first = next(p for p in items if not p.heading)
        d.introductions.append((introducer.index, past_mark(d.text, first.start, first.end)))
        d.passages.extend(items)
        taken.extend((p.start, p.end) for p in items)


def _items(text: str, lines: list[tuple[int, int]], j: int) -> list[Passage]:
    """The list's lines from line j: items (a list mark first), and headings that an item follows."""
    out: list[Passage] = []
    while j < len(lines):
        start, end = lines[j]
        if _item(text, start):
            out.append(Passage(start, end))
        elif j + 1 < len(lines) and _item(text, lines[j + 1][0]) and _heading(text[start:end]):
            out.append(Passage(start, end, heading=True))
        else:
            break
        j += 1
    return out


def _item(text: str, line_start: int) -> bool:
    k = line_start
    while k < len(text) and text[k] in " \t":
        k += 1  # "  • Buses ...": an indented item
    return k < len(text) and text[k] in LIST_MARKS


def past_mark(text: str, start: int, end: int) -> int:
    """Where an item's words start: past the spaces and list marks that open it."""
    while start < end and (text[start] in LIST_MARKS or text[start].isspace()):
        start += 1
    return start


def _heading(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= MAX_HEADING_WORDS and line.rstrip()[-1] not in _LINE_ENDS
