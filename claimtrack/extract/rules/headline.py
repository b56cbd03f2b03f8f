"""Rule: a title line "الوزير: ..." — a short speaker, a colon, a claim; kept only if the speaker is a source."""

from __future__ import annotations

from ...claimtext import names_a_place
from ...lang.text import fold, fold_for_match
from ...models import Statement
from ..doc import Span, SentenceView
from ..candidate import Attribution, Candidate, Kind
from ..grammar import Grammar
from ..claim import claim_after

NAME = "headline"


def find(g: Grammar, s: SentenceView) -> Candidate | None:
    """ "البيت الأبيض: كوريا الشمالية أرسلت ..." — a short speaker, a colon, a claim, on a title line."""
    colon = next((k for k in range(len(s)) if s.raw(k) == ":"), None)
    if colon is None or colon == 0 or colon + 1 >= len(s):
        return None
    first = next((k for k in range(colon) if s.toks[k].is_word or s.quote_at(k)), colon)
    head = Span(first, colon)  # "*الناطق الرسمي: ..." — decoration before the speaker is not part of it
    if not head or s.words(head) > g.lex.headline_max_speaker_words or any(g.lex.cue(s.norm(k)) for k in range(colon)):
        return None
    head_word = s.norm(first)
    label = fold(s.span_text(head)).strip()
    if label in g.lex.paragraph_labels:
        return None  # "Update: ...": the line's label, no speaker
    translated = label in g.lex.translation_labels  # "Translated: “...”": the last speaker's words again
    # a line opening with a conjunction continues the body ("وأضاف: ..."), unless the word is a title (وزير)
    joined = head_word[:1] in g.lex.conjunctions and not g.source_word(head_word)
    if joined or g.is_adverbial(s, first) or s.words(Span(colon + 1, len(s))) < 3:
        return None
    # "وزير الصحة لـ"الأهرام": ...": the outlet spoken to ends the speaker
    spoken_to = next((k for k in range(first + 1, colon) if g.is_addressee(s, k)), colon)
    head = Span(first, spoken_to)
    claim_start, claim_end, direct = claim_after(g, s, colon, colon + 1)
    return Candidate(
        rule=NAME,
        cue_index=0,
        boundary=0,
        cue=":",
        speaker=None if translated else head,
        claim_start=claim_start,
        claim_end=claim_end,
        kind=Kind.DIRECT if direct else Kind.INDIRECT,
        attribution=Attribution.CONTINUATION if translated else Attribution.HEADLINE,
        gender="",
        confidence=0.6,
    )


def is_speaker(g: Grammar, st: Statement, statements: list[Statement]) -> bool:
    """Whether a headline's "X:" is a speaker: a source-like word opens it, or the article quotes X too.

    "غيشان: ..." is kept when Ghishan speaks below; "سقوط الأسد: ..." (the fall of Assad) is a topic.
    """
    words = [w for w in fold(st.speaker_as_written).replace("«", " ").replace("»", " ").split() if w.isalpha()]
    if not words:
        return False
    if g.source_word(words[0]):
        return True
    last = g.lex.hooks.strip_article(words[-1])
    if names_a_place([fold_for_match(last)], g.lex.language):
        return False  # "Environmental Crisis in Zambia: ...": a place says where, whoever below is of that place
    return any(
        other is not st and last in {g.lex.hooks.strip_article(w) for w in fold(other.speaker_as_written).split()}
        for other in statements
    )
