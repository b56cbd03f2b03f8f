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
APOSTROPHES = frozenset(PUNCTUATION["apostrophes"])
_END = set(PUNCTUATION["sentence_enders"])
_CLAUSE_SEPARATORS = frozenset(PUNCTUATION["clause_separators"])
_CLOSERS = PUNCTUATION["sentence_closers"]
_BRACKET_CLOSERS = frozenset(PUNCTUATION["editorial_brackets"].values())
_BRACKET_OPENERS = frozenset(PUNCTUATION["editorial_brackets"])
MAX_ABBREVIATED = 4  # letters of a capitalised word a full stop abbreviates ("Sept. 14", "Jr.", "Corp.")
_MAX_QUOTE = 1500  # a "quotation" longer than this is an unbalanced mark, not a quote


def _closing(text: str, i: int, limit: int) -> int | None:
    """Where the quotation opened at ``i`` closes within ``limit``, or None when it never does."""
    ch = text[i]
    close = OPENERS.get(ch, ch)  # a misused closing mark closes with itself
    stop = min(limit, i + _MAX_QUOTE)
    j = text.find(close, i + 1, stop)
    while j >= 0 and close in APOSTROPHES and _within_word(text, j, stop):
        j = text.find(close, j + 1, stop)  # "‘We don’t ...’": the apostrophe closes nothing
    if ch in SYMMETRIC and (i == 0 or text[i - 1].isspace()):
        # Sloppy pages close a straight opening mark with a curly one ('"I've been there,” said ...'): the first
        # closing mark glued to a word, before the next straight mark and with no curly opening mark before it.
        k = _paired_closer(text, i, j if j >= 0 else stop)
        j = k if k is not None else j
    if j < 0 and close != ch:
        # Sloppy pages close with the opening mark too ("...,“ said ..."), or with a straight mark ("“... hours.\""):
        # glued to the word before, it closes; so does one written apart before the sentence's end ("... المجاورة “."),
        # where no word follows for it to open.
        j = next(
            (
                k
                for k in range(i + 2, stop)
                if text[k] in (ch, *SYMMETRIC) and (not text[k - 1].isspace() or _nothing_opens(text, k, limit))
            ),
            -1,
        )
    if j < 0 and ch in MISUSED_OPENERS:
        # Pages that write a pair's marks the wrong way round (” ... “) close with the pair's opening mark, when no
        # word is glued after it (where it would open a quotation of its own).
        reverse = next((o for o, c in OPENERS.items() if c == ch), None)
        j = next((k for k in range(i + 2, stop) if text[k] == reverse and not text[k + 1 : k + 2].isalnum()), -1)
    return j if j >= 0 else None


def _nothing_opens(text: str, k: int, limit: int) -> bool:
    """Whether the mark at k stands before a sentence's end, a comma or the line's end: no word follows it to open."""
    m = k + 1
    while m < limit and text[m] == " ":
        m += 1
    return m >= limit or text[m] == "\n" or text[m] in _END or text[m] in _CLAUSE_SEPARATORS


def _glued_opening(text: str, i: int, end: int) -> bool:
    """A mark glued between a sentence's end and a letter ("resigned.”We"): where no quotation was open to close."""
    return i > 0 and text[i - 1] in _END and i + 1 < end and text[i + 1].isalpha()


def _closes_only(text: str, i: int, end: int) -> bool:
    """Whether a mark that opens and closes alike can only close: glued to a letter before it, and no letter or
    digit after it."""
    return i > 0 and text[i - 1].isalpha() and (i + 1 >= end or not text[i + 1].isalnum())


def _within_word(text: str, k: int, stop: int) -> bool:
    return 0 < k < stop - 1 and text[k - 1].isalnum() and text[k + 1].isalpha()


def quotation_mark(text: str, k: int, marks: frozenset[str]) -> bool:
    """Whether the character at k is one of ``marks`` written as a quotation mark, not as an apostrophe ("I’ll")."""
    return text[k] in marks and not (text[k] in APOSTROPHES and _within_word(text, k, len(text)))


_PAIRED_CLOSERS = frozenset(OPENERS.values())


def _paired_closer(text: str, i: int, stop: int) -> int | None:
    for k in range(i + 2, stop):
        if text[k] in OPENERS:
            return None  # a quotation inside the straight one ('"He called it “big” today."')
        if text[k] in _PAIRED_CLOSERS and not text[k - 1].isspace():
            if text[k] in APOSTROPHES and _within_word(text, k, stop):
                continue  # '"I’ve been there,” said ...': the apostrophe closes nothing
            return k
    return None


# The point a quotation ends on inside its closing mark ends the sentence when a new one opens after the mark
# ('"... the law." The case'); a question or exclamation there is followed by who asked ('"Why?" Smith asked').
_QUOTE_ENDER = "."


def _ends_inside(text: str, close: int, line_end: int) -> bool:
    if text[close - 1] != _QUOTE_ENDER or close + 1 >= line_end or not text[close + 1].isspace():
        return False
    return text[close + 1 : line_end].lstrip()[:1].isupper()


# A headline is a line of its own that no full stop ends: what tells a title from a lead paragraph.
TITLE_END = "."


def line_is_title(text: str, sentence: Sentence) -> bool:
    """Whether a sentence is a whole line with no final full stop, as headlines are."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    starts_line = sentence.start == line_start + len(line) - len(line.lstrip())
    return starts_line and not line.strip().endswith(TITLE_END)


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Balanced quotations in text[start:end] as (open, close) offsets of their marks.

    A mark that never closes inside the span is ignored, so one stray quote cannot swallow a paragraph.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    i = start
    while i < end:
        ch = text[i]
        # Sloppy pages open with the closing mark too (” كانت مباراة ...”): after a space it opens, and so it does
        # between a sentence's end and the next word ("resigned.”We had ...": no quotation there for it to close).
        misused = ch in MISUSED_OPENERS and (i == start or text[i - 1].isspace() or _glued_opening(text, i, end))
        if ch in SYMMETRIC and _closes_only(text, i, end):
            i += 1  # 'لنهر الفرات"، مبيناً "نتوقع': a closing mark whose opening the page left out opens nothing
            continue
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
    for line_start, line_end in _lines(text, start, end):
        quotes = quote_spans(text, line_start, line_end)
        inside = set()
        for a, b in quotes:
            inside.update(range(a, b + 1))
        opening = {a for a, _ in quotes}  # a closing mark typed to open a quotation ends no sentence before it
        ended = {b for _, b in quotes if _ends_inside(text, b, line_end)}
        seg_start = line_start
        i = line_start
        while i < line_end:
            ch = text[i]
            if i in ended:
                _add(out, text, seg_start, i + 1, first_index)
                seg_start = i = i + 1
                continue
            if ch in _END and i not in inside:
                # Decimal points, abbreviations with a digit or letter right after them ("U.S", "a.m"), and the point
                # after an initial ("U.N. Security", "John F. Kennedy") do not end a sentence.
                if ch == "." and (
                    _abbreviated(text, i, line_start)
                    or _dotted_acronym(text, i, line_start, line_end)
                    or _spelled_initials(text, i, line_start, line_end)
                    or (
                        i + 1 < line_end
                        and (text[i + 1].isdigit() or _latin_letter(text[i + 1]) or text[i + 1] in _MID)
                        and not _run_together(text, i, line_start, line_end)
                    )
                ):
                    i += 1
                    continue
                j = i + 1
                while j < line_end and (text[j] in _END or text[j] in _CLOSERS) and j not in opening:
                    j += 1
                _add(out, text, seg_start, j, first_index)
                seg_start = j
                i = j
                continue
            i += 1
        _add(out, text, seg_start, line_end, first_index)
    return out


# A text whose lines mostly stop mid-sentence was wrapped by its page ("أعلنت السلطات\nالمغربية ارتفاع ..."):
# there a line break ends nothing. Few lines tell nothing (a headline, a byline and a paragraph). A blank line
# parts paragraphs however the page wrapped them: pages that drop the final full stops part them so.
_WRAPPED_MIN_LINES = 8
_WRAPPED_SHARE = 0.6
_LINE_ENDS = _END | set(_CLOSERS) | {":"}


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The lines of text[start:end] as spans; in a hard-wrapped text, a line that stops mid-sentence joined to
    the next one, when no blank line parts them."""
    lines = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\n]+", text[start:end])]
    lines = [(a, b) for a, b in lines if text[a:b].strip()]
    open_ended = [text[a:b].rstrip()[-1] not in _LINE_ENDS for a, b in lines[:-1]]
    if len(lines) < _WRAPPED_MIN_LINES or sum(open_ended) < _WRAPPED_SHARE * len(open_ended):
        return lines
    parted = [text.count("\n", b, a) > 1 for (_, b), (a, _) in zip(lines, lines[1:])]
    joined = [lines[0]]
    for (a, b), open_end, blank in zip(lines[1:], open_ended, parted):
        runs_on = open_end and not blank
        joined[-1] = (joined[-1][0], b) if runs_on else joined[-1]
        if not runs_on:
            joined.append((a, b))
    return joined


_RUN_TOGETHER_WORD = 3  # letters of the lower-case word before a point with no space after it that ends a sentence


def _run_together(text: str, i: int, line_start: int, line_end: int) -> bool:
    """Whether the point at i ends a sentence that a page ran into the next with no space ("to Moscow.The
    spokesperson added"): a lower-case word of a few letters before it, a capitalised word after it; not an
    abbreviation ("U.S.The", "a.m.The") nor a web address ("kbs.co.kr")."""
    before = re.search(r"(\w+)$", text[line_start:i])
    after = re.match(r"[A-Z][a-z]+", text[i + 1 : line_end]) if text[i + 1 : i + 2].isascii() else None
    if before is None or after is None:
        return False
    word = before.group(1)
    return len(word) >= _RUN_TOGETHER_WORD and word.isalpha() and word[-1].islower() and word[0] != "."


# A point with a comma right after it abbreviates ("Alito Jr., writing for ..."): the sentence goes on.
_MID = ",;"


def _abbreviated(text: str, i: int, line_start: int) -> bool:
    """Whether the point at i closes an initial (one capital letter after a space or another point), a short
    capitalised word before a number ("Sept. 14", "No. 5"), a title before a name, or letters abbreviated one by
    one ("a.m.") before no capital."""
    word = re.search(r"(\w+)$", text[line_start:i])
    if word is not None and word.group(1)[:1].isupper() and len(word.group(1)) <= MAX_ABBREVIATED:
        if text[i + 1 : i + 3][:1] == " " and text[i + 2 : i + 3].isdigit():
            return True
    after = text[i + 1 : i + 3]
    if after[:1] in _BRACKET_CLOSERS:
        after = text[i + 2 : i + 4]  # "Senator Ann Lee (D-Calif.) said": the abbreviation closes the brackets
    if word is not None and after[:1] == " " and after[1:].isupper() and _title_like(word.group(1)):
        return True  # "Mr. Tomar", "Dr. Lee"
    if word is not None and word.group(1)[:1].isupper() and after[:1] == " " and after[1:].islower():
        return True  # "Electric Co. reported": in a script with capitals no sentence opens with a small letter
    letters = re.search(r"(?:^|[^\w.])(\w)\.(\w)$", text[line_start:i])
    if letters and all(map(_latin_letter, letters.groups())) and not after[1:].isupper():
        return True  # the last point of letters abbreviated one by one ("1 a.m., stranding"), before no capital
    # a capital, or a letter of a script without case ("د." for doctor, "م." for engineer; "(د. ب. أ)" for dpa)
    letter = text[i - 1] if i - 1 >= line_start else ""
    if not (letter.isupper() or (letter.isalpha() and not letter.islower())):
        return False
    return i - 2 < line_start or text[i - 2].isspace() or text[i - 2] == "." or text[i - 2] in _BRACKET_OPENERS


# A letter's name as a script without capitals spells an initial ("جيه. آر. كولينز" for "J. R. Collins"): a short word.
_LETTER_NAME = 3
_INITIAL = rf"[^\W\d_]{{1,{_LETTER_NAME}}}\."


def _spelled_initials(text: str, i: int, line_start: int, line_end: int) -> bool:
    """Whether the point at i closes one of two or more initials spelled as letters' names, each a short word of a
    script without capitals with its point: one alone is a short word ending its sentence."""
    word = re.search(rf"(?:^|\s)([^\W\d_]{{1,{_LETTER_NAME}}})$", text[line_start:i])
    if word is None or word.group(1).isupper() or word.group(1).islower():
        return False
    before = text[line_start : i - len(word.group(1))]
    return bool(re.match(rf" {_INITIAL}", text[i + 1 : line_end]) or re.search(rf"(?:^|\s){_INITIAL} $", before))


def _latin_letter(ch: str) -> bool:
    """A letter of the Latin alphabet (a Latin abbreviation's): a point glued to a letter of another script still
    ends its sentence, as pages glue them."""
    return ch.isascii() and ch.isalpha()


def _title_like(word: str) -> bool:
    """A capital and one small letter: a title abbreviated before a name ("Mr", "Dr")."""
    return len(word) == 2 and word[0].isupper() and word[1].islower()


# Letters of an acronym written with points ("إف.بي.آي", "a.m"): short on both sides of a point with no space. A point
# glued to a longer word on either side is a missing space after a sentence ("غدا.وأضاف") and ends it.
_ACRONYM_PART = 3


def _dotted_acronym(text: str, i: int, line_start: int, line_end: int) -> bool:
    before = re.search(r"(?<![^\W\d_])[^\W\d_]+$", text[max(line_start, i - _ACRONYM_PART - 1) : i])
    after = re.match(r"[^\W\d_]+(?![^\W\d_])", text[i + 1 : min(line_end, i + _ACRONYM_PART + 2)])
    if before is None or after is None:
        return False
    short = len(before.group()) <= _ACRONYM_PART and len(after.group()) <= _ACRONYM_PART
    start = i - len(before.group())
    return short and (start <= line_start or not text[start - 1].isalnum())


def _add(out: list[Sentence], text: str, a: int, b: int, first_index: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a and re.search(r"\w", text[a:b]):
        out.append(Sentence(first_index + len(out), a, b, text[a:b]))
