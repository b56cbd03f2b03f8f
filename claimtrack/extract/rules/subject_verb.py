"""Rule: "Kirby said (that) ...", "The ministry said in a statement that ..." — the subject before its verb and
the claim after it, for a language whose pack says its subject comes first (``subject_first``: English). In a
verb-first language (Arabic) this rule reads nothing; its subjects before the verb are the verb rule's.
"""

from __future__ import annotations

from ...lang.text import QUOTE_CHARS
from ..candidate import Attribution, Candidate, Kind
from ..claim import claim_after
from ..doc import MIN_POST_CLAIM_WORDS, SentenceView, Span
from ..grammar import Grammar
from .claim_first import closes_on_comma
from .cue import cue_here

NAME = "subject-verb"
MAX_BEFORE_THAT = 6  # words between the verb and its "that" (whom it was told to, when, where)
MAX_SUBJECT = 8  # words before the verb that can be its subject ("White House national security spokesman John Kirby")


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    if not g.lex.subject_first:
        return None
    form = cue_here(g, s, i, found)
    if form is None or form.tense not in ("past", "present") or form.relay:
        return None
    subject = _subject(g, s, i)
    if subject is None or (subject.a > 0 and closes_on_comma(s, subject.a - 1)):
        return None  # '"...," Tedros told a press conference.': the quotation before is the claim (claim-first)
    first = _claim_opens(g, s, i + 1)
    if first is None:
        return None
    claim_start, claim_end, direct = claim_after(g, s, first, first)
    pronoun = g.pronoun_subject(s, subject)
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=subject.a,
        cue=s.raw(i),
        speaker=None if pronoun is not None else subject,
        claim_start=claim_start,
        claim_end=claim_end,
        kind=Kind.DIRECT if direct else Kind.INDIRECT,
        attribution=Attribution.CONTINUATION if pronoun is not None else Attribution.SUBJECT_FIRST,
        gender=pronoun or form.gender,
        confidence=0.75 if pronoun is not None else 0.85,
    )


def _subject(g: Grammar, s: SentenceView, i: int) -> Span | None:
    """The words from where the clause starts (the sentence, a comma, a closing quotation mark, a clause opener)
    up to the verb; None when the clause starts further back or nothing stands there."""
    a = i
    while a > 0 and _in_phrase(s, a - 1) and i - a < MAX_SUBJECT and not g.lex.cue(s.norm(a - 1)):
        a -= 1
    if a > 0 and _in_phrase(s, a - 1):
        return None  # a longer clause, or another cue: not the subject of this verb
    while a < i and s.norm(a) in g.lex.clause_openers:
        a += 1
    if a == i or s.norm(a) in g.lex.non_sources or s.norm(i - 1) in g.lex.function_words:
        return None  # no subject ends on "to" or "and": "declining to say", "referring to X and citing"
    return Span(a, i)


def _in_phrase(s: SentenceView, k: int) -> bool:
    """A word, or a mark written inside a name: a hyphen or an apostrophe glued between two words
    (Thomas-Greenfield, Morocco's), a full stop after a one-letter capital (U.S.)."""
    if s.toks[k].is_word:
        return True
    before = s.toks[k - 1] if k > 0 else None
    if before is None or not before.is_word or before.end != s.toks[k].start:
        return False
    if s.raw(k) == "." and len(before.raw) == 1 and before.raw.isupper():
        return True
    after = s.toks[k + 1] if k + 1 < len(s) else None
    glued = after is not None and after.is_word and after.start == s.toks[k].end
    return glued and (s.raw(k) == "-" or s.raw(k) in QUOTE_CHARS)


def _told_to(g: Grammar, s: SentenceView, a: int, b: int) -> bool:
    """Whether words a..b between a verb and its "that" say to whom or where it was said: they open with a
    preposition ("to Russian media") or hold an addressee or an occasion ("a press briefing"). Otherwise the
    "that" may be a relative pronoun inside the claim ("said the deal that ...")."""
    if not all(s.toks[k].is_word and not s.quoted[k] for k in range(a, b)):
        return False
    words = [s.norm(k) for k in range(a, b)]
    lex = g.lex
    return words[0] in lex.object_prepositions or any(
        w in lex.addressee_nouns or w in lex.occasion_nouns for w in words
    )


def _claim_opens(g: Grammar, s: SentenceView, j: int) -> int | None:
    """The claim's first token after the verb: past whom it was told to and when or where ("told reporters on
    Monday that"), past the complementizer; None when a preposition or too few words follow."""
    lex = g.lex
    that = next((k for k in range(j, min(len(s), j + MAX_BEFORE_THAT)) if s.norm(k) in lex.complementizers), None)
    if that is not None and that > j and _told_to(g, s, j, that):
        j = that  # "told a press briefing that", "confirmed to Russian media that"
    while j < len(s):
        phrase = s.phrase_at(j, lex.adverbial_openers, allow_conj=False)
        if phrase:
            j += phrase
        elif s.norm(j) in lex.addressee_nouns or s.is_comma(j):
            j += 1
        else:
            break
    if s.norm(j) in lex.complementizers:
        j += 1
    if j >= len(s) or s.norm(j) in lex.object_prepositions or s.norm(j) in lex.chunk_prepositions:
        return None
    if s.quote_at(j) is None and s.words(Span(j, len(s))) < MIN_POST_CLAIM_WORDS:
        return None
    return j
