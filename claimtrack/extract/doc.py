"""A sentence as the rules read it: its tokens (glued words split), its quotations, phrase look-up, spans."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from ..lang.text import PUNCTUATION, Token, fold, tokens
from ..lexicon import Lexicon
from ..models import Sentence
from ..sentences import MISUSED_OPENERS, OPENERS, SYMMETRIC, quote_spans


MAX_SPEAKER_TOKENS = 30
NEXT_LINE = -1  # claim_start of a statement whose claim is the next line ("وقال الوزير:" then the quotation)
PREVIOUS_SENTENCE = -2  # claim_start of a statement whose claim is the sentence before ("كشف ذلك الوزير")
MIN_POST_CLAIM_WORDS = 3
MIN_QUOTED_CLAUSE = 5  # words of a quotation that is a clause, not a title ("Oppenheimer", "The Crown")
COMMAS = frozenset(PUNCTUATION["clause_separators"])
INNER_CLOSERS = frozenset(PUNCTUATION["quote_marks"])  # marks that close a quotation inside another


@dataclass
class Span:
    """Tokens [a, b) of a sentence."""

    a: int
    b: int

    def __bool__(self) -> bool:
        return self.b > self.a


# Longer "words" are not two glued together but noise (a URL, a run of letters): not worth trying every cut.
MAX_GLUED = 24


def split_glued_cues(toks: list[Token], lex: Lexicon) -> list[Token]:
    """Split words a page glued together where one of them is structure the rules read.

    "الأوسطوأكدت" -> "الأوسط" + "وأكدت" (a و/ف-prefixed cue after three letters or more);
    "قالالمدير" -> "قال" + "المدير" (a cue before the article); "جيبريسوسإن" -> "جيبريسوس" + "إن" (a hamza-
    written إنّ/أنّ, which ends no Arabic word). Ordinary words that merely contain a cue's letters stay whole.
    """
    out: list[Token] = []
    for t in toks:
        n = t.norm
        cut = None
        # "منشورات" (منش + ورات) is a plural noun, whose ending no glued cue ends with
        if t.is_word and 6 <= len(n) <= MAX_GLUED and lex.cue(n) is None and not n.endswith(lex.plural_noun_endings):
            for p in range(3, len(n) - 2):
                head, tail = n[:p], n[p:]
                # the conjunction must be written on the cue: "التواصل" ends in the cue واصل, not in "و" + a cue
                tail_cue, head_cue = lex.cue_forms.get(tail[1:]), lex.cue(head)
                if (
                    tail[0] in lex.conjunctions
                    and not _only_prefixes(head, lex)
                    and len(tail) >= 4
                    and tail_cue is not None
                    and tail_cue.tense in ("past", "present")
                ):
                    cut = p
                elif (
                    head_cue is not None
                    and head_cue.tense in ("past", "present")
                    and lex.definite_article  # a pack with no glued article glues no cue to one ("information")
                    and tail.startswith(lex.definite_article)
                    and len(tail) >= 5
                ):
                    cut = p
                if cut:
                    break
            if cut is None and len(t.raw) >= 5 and t.raw.endswith(lex.glued_complementizers):
                cut = len(n) - 2
        k = next((k for k in range(1, len(t.raw)) if fold(t.raw[:k]) == n[:cut]), None) if cut else None
        if k:
            out.append(Token(t.start, t.start + k, t.raw[:k], fold(t.raw[:k])))
            out.append(Token(t.start + k, t.end, t.raw[k:], fold(t.raw[k:])))
        else:
            out.append(t)
    return out


MIN_HEAD_LETTERS = 3  # letters after the article of a word a cue may be glued to ("الأوسطوأكدت": أوسط)


def _only_prefixes(head: str, lex: Lexicon) -> bool:
    """Whether a glued word's head is no word but what is written before one: a conjunction and the article, with
    fewer letters after them than a word has ("والفرات" is "وال" + "فرات", and "فرات" is no "ف" + a cue; "النويري"
    is a name, not "الن" + "و" + "يري")."""
    article = lex.definite_article
    before = set(lex.conjunctions) | set(lex.glued_prepositions)
    at = head.find(article) if article else -1
    return at >= 0 and set(head[:at]) <= before and len(head) - at - len(article) < MIN_HEAD_LETTERS


def _left_open(text: str, sentence: Sentence, unread: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quotation this sentence opens and a later paragraph goes on with (an unread span from its mark): a
    quotation up to the sentence's end, closed past it, so the cue before its mark takes it as its claim."""
    return [
        (a, sentence.end)
        for a, _ in unread
        if sentence.start < a < sentence.end and (text[a] in OPENERS or text[a] in SYMMETRIC)
    ]


class SentenceView:
    """One sentence's tokens with what the rules ask of them."""

    def __init__(self, text: str, sentence: Sentence, lex: Lexicon, unread: Sequence[tuple[int, int]] = ()):
        """``unread``: spans of someone's words that run past this sentence's own marks (a paragraph of an open
        quotation, a transcript's turn): their tokens count as quoted, so no rule reads them."""
        self.text = text
        self.sentence = sentence
        self.lex = lex
        self.toks: list[Token] = split_glued_cues(tokens(sentence.text, sentence.start), lex)
        self.starts = [t.start for t in self.toks]
        self.quotes = quote_spans(text, sentence.start, sentence.end) + _left_open(text, sentence, unread)
        self.quoted = [
            any(a < t.start and t.end <= b for a, b in self.quotes)
            or any(a <= t.start and t.end <= b for a, b in unread)
            for t in self.toks
        ]

    def __len__(self) -> int:
        return len(self.toks)

    def norm(self, i: int) -> str:
        return self.toks[i].norm if 0 <= i < len(self.toks) else ""

    def raw(self, i: int) -> str:
        return self.toks[i].raw if 0 <= i < len(self.toks) else ""

    def is_comma(self, i: int) -> bool:
        """A comma that separates words, not one that groups a number's digits ("200,000")."""
        return self.raw(i) in COMMAS and not self._in_number(i)

    def comma_before(self, i: int) -> bool:
        """A comma right before token i, or one written inside the quotation mark that closes right before it
        ('a "terrible tragedy," adding')."""
        return self.is_comma(i - 1) or self.closes_on_comma(i - 1)

    def closes_on_comma(self, k: int) -> bool:
        """Token k closes a quotation whose last mark inside is a comma ('...,"'), past the closing mark of a
        quotation inside it ('..., \'What is going on here,\'"')."""
        inner = k - 1
        while inner > 0 and self.raw(inner) in INNER_CLOSERS:
            inner -= 1
        return self.is_comma(inner) and any(self.toks[k].start == b for _, b in self.quotes)

    def _in_number(self, i: int) -> bool:
        before, after = self.toks[i - 1] if i > 0 else None, self.toks[i + 1] if i + 1 < len(self.toks) else None
        return bool(
            before
            and after
            and before.end == self.toks[i].start
            and after.start == self.toks[i].end
            and before.raw[-1:].isdigit()
            and after.raw[:1].isdigit()
        )

    def words(self, span: Span) -> int:
        return sum(1 for t in self.toks[span.a : span.b] if t.is_word)

    def phrase_at(self, i: int, phrases: list[tuple[str, ...]], allow_conj: bool = True) -> int:
        """Length in tokens of the first phrase matching at token i (0 if none).

        A phrase word "ل" or "ب" is a prefix glued to the next word ("وفقا ل" + "للمسؤولين").
        """
        for phrase in phrases:
            n = len(phrase)
            ok = True
            for k, word in enumerate(phrase):
                tok = self.norm(i + k)
                if not tok:
                    ok = False
                    break
                if word in self.lex.glued_prepositions and k == n - 1:
                    if not (tok.startswith(word) and len(tok) > 2) and tok != word:
                        ok = False
                    break
                if tok == word or (k == 0 and allow_conj and tok[:1] in self.lex.conjunctions and tok[1:] == word):
                    continue
                ok = False
                break
            if ok:
                last = phrase[-1]
                glued = last in self.lex.glued_prepositions and self.norm(i + n - 1) != last
                return n - 1 if glued else n
        return 0

    def span_text(self, span: Span) -> str:
        return self.text[self.toks[span.a].start : self.toks[span.b - 1].end] if span else ""

    def quote_at(self, i: int) -> tuple[int, int] | None:
        """The quotation whose opening mark is token i."""
        t = self.toks[i] if 0 <= i < len(self.toks) else None
        if t is None or (t.raw not in OPENERS and t.raw not in SYMMETRIC and t.raw not in MISUSED_OPENERS):
            return None
        for a, b in self.quotes:
            if a == t.start:
                return a, b
        return None

    def past_opening_mark(self, i: int) -> int:
        """Token i, or the one after it when a quotation opens at i: the word a quoted phrase starts with ('على
        "تويتر"'، 'عن "تضامنها ..."')."""
        return i + 1 if self.quote_at(i) is not None else i

    def index_at(self, offset: int) -> int:
        """The first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)
