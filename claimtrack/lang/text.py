"""Text for matching in any language: folding, tokens with offsets. Driven by data: the base pack's punctuation
and every pack's marks, letter folds and digits (``[text]`` in its ``pack.toml``).

Folding applies every pack's folds at once: a pack's letters appear only in its own script, so folding one
language's letters never touches another's, and a database holding several languages folds them all alike.
Offsets always refer to the original string, never to a folded copy.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from . import available, base, check_keys, pack_data


def _char_class(ranges) -> str:
    return "".join(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}" for a, b in ranges)


def _texts() -> list[dict]:
    return [pack_data(code)["text"] for code in available()]


PUNCTUATION: dict = check_keys(
    "lang/base/punctuation.toml",
    base("punctuation"),
    {
        "quote_marks",
        "quote_pairs",
        "apostrophes",
        "symmetric_quotes",
        "misused_openers",
        "list_marks",
        "sentence_closers",
        "sentence_enders",
        "claim_enders",
        "ellipsis_marks",
        "question_marks",
        "name_marks",
        "name_joiners",
        "word_joiners",
        "hyphens",
        "name_apostrophes",
        "leading_trim",
        "clause_separators",
        "dashes",
        "aside_marks",
        "clause_enders",
        "trailing_trim",
        "number_separators",
        "editorial_brackets",
        "group_spaces",
        "introducers",
        "invisible",
        "spaces",
    },
)
"""The base pack's punctuation (quotation marks, sentence enders, what a claim is trimmed of), keys checked."""
QUOTE_CHARS: str = PUNCTUATION["quote_marks"]
_QUOTES = re.compile("[" + re.escape(QUOTE_CHARS) + "]")

_MARK_CLASS = _char_class([tuple(r) for t in _texts() for r in t.get("marks", ())])
DIACRITICS = re.compile(f"[{_MARK_CLASS}]") if _MARK_CLASS else None
_LETTER_FOLD = str.maketrans(
    {
        **{ch: "" for ch in PUNCTUATION["invisible"]},
        **{ch: " " for ch in PUNCTUATION["spaces"]},
        **{a: b for t in _texts() for a, b in t.get("letters", {}).items()},
    }
)
_DIGITS = str.maketrans({d: str(i % 10) for t in _texts() for run in t.get("digits", ()) for i, d in enumerate(run)})
# A word is a run of letters, digits and the packs' combining marks (which \w does not cover).
_WORD_PATTERN = f"[\\w{_MARK_CLASS}]+"
_WORD = re.compile(_WORD_PATTERN)
_TOKEN = re.compile(_WORD_PATTERN + r"|[^\s\w]")
_GLUED = [
    re.compile(f"[{re.escape(t['word_final'])}](?=[{_char_class(map(tuple, t['word_letters']))}])")
    for t in _texts()
    if t.get("word_final")
]


def _editorial_pattern() -> re.Pattern | None:
    """Every pack's editorial notes in the base pack's brackets, alone or opening a remark ("(editor's note: ...)"):
    an apostrophe in a note matches any quotation mark."""
    notes = sorted({n for t in _texts() for n in t.get("editorial_notes", ())}, key=len, reverse=True)
    if not notes:
        return None
    apostrophe = "[" + re.escape(QUOTE_CHARS) + "]"
    forms = "|".join("".join(apostrophe if ch in QUOTE_CHARS else re.escape(ch) for ch in n) for n in notes)
    brackets = "|".join(
        rf"{re.escape(o)}\s*(?:{forms})(?!\w)(?:\s*[:\-–—][^{re.escape(c)}]*)?\s*{re.escape(c)}"
        for o, c in PUNCTUATION["editorial_brackets"].items()
    )
    return re.compile(rf"\s*(?:{brackets})", re.IGNORECASE)


_EDITORIAL = _editorial_pattern()


def spoken(text: str) -> str:
    """A claim without the notes an editor put inside it ("(editor's note)", "[sic]"): what its speaker said, which
    is what two versions of the claim, in one language or two, are compared on."""
    if _EDITORIAL is None or not text:
        return text
    cleaned, notes = _EDITORIAL.subn("", text)
    return cleaned.strip() if notes else text


SHORT = 64


def fold(text: str) -> str:
    """Fold spelling variation that carries no meaning for matching: letter forms, marks, digits, case, spaces."""
    # Words and names are folded again and again (resolution folds every alias of every speaker per
    # statement): short strings are remembered, long texts never, so the cache stays small.
    return _fold_short(text) if text and len(text) <= SHORT else _fold(text)


@lru_cache(maxsize=1 << 16)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    if DIACRITICS is not None:
        text = DIACRITICS.sub("", text)
    text = text.translate(_LETTER_FOLD).translate(_DIGITS).lower()
    return re.sub(r"\s+", " ", text).strip()


def fold_for_match(text: str) -> str:
    """``fold`` without quotation marks and punctuation: what two outlets' versions of a claim share."""
    return _fold_for_match_short(text) if text and len(text) <= SHORT else _fold_for_match(text)


@lru_cache(maxsize=1 << 16)
def _fold_for_match_short(text: str) -> str:
    return _fold_for_match(text)


def _fold_for_match(text: str) -> str:
    text = _QUOTES.sub(" ", fold(text))
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    raw: str
    norm: str  # folded form of raw

    @property
    def is_word(self) -> bool:
        return bool(_WORD.fullmatch(self.raw))


def _pieces(raw: str) -> list[str]:
    """A word cut after a letter that only ever ends a word (a pack's ``word_final``), where a page lost the
    space after it."""
    if len(raw) <= 4:
        return [raw]
    for glued in _GLUED:
        cuts = [m.end() for m in glued.finditer(raw)]
        if cuts:
            return [raw[a:b] for a, b in zip([0, *cuts], [*cuts, len(raw)]) if a < b]
    return [raw]


def tokens(text: str, offset: int = 0) -> list[Token]:
    """Words and single punctuation marks with their offsets."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        start = m.start()
        for piece in _pieces(m.group()):
            out.append(Token(offset + start, offset + start + len(piece), piece, fold(piece)))
            start += len(piece)
    return out
