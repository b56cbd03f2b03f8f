"""Rule: "وجاء في بيان الوزارة أن ..."، "وورد في التقرير: ..." — a document speaks for whoever issued it.

The speaker is the issuer named after the document noun (بيان الوزارة), or the document itself (البيان),
which speaker resolution points back to its issuer; a document with a pronoun (بيانها) continues the last
speaker of that gender.
"""

from __future__ import annotations

from ..candidate import Attribution, Candidate, Kind
from ..claim import claim_after, find_opener
from ..doc import MAX_SPEAKER_TOKENS, NEXT_LINE, SentenceView, Span
from ..grammar import Grammar
from ..speaker_phrase import opening_verb_subject, past_manner

NAME = "document"


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    pointer = s.phrase_at(i, g.lex.document_pointers)
    n = pointer or s.phrase_at(i, g.lex.document_openers)
    noun = _named_before(g, s, i) if pointer else i + n
    if not n or noun is None or not (pointer or g.occasion_noun(s.norm(noun))) or _said_thing(g, s, i):
        return None
    opener = find_opener(g, s, i + n if pointer else noun + 1, None, MAX_SPEAKER_TOKENS)
    if opener is None:
        return None
    op, first = opener
    if first >= len(s) and s.raw(op) != ":":
        return None
    if pointer:
        issuer = _issuer(g, s, noun)
    else:
        end = op
        while end > noun + 1 and (s.is_comma(end - 1) or not s.toks[end - 1].is_word):
            end -= 1
        start = _issuer_start(g, s, noun + 1, end)
        # "نص بلاغ الوزارة حول مراقبة الهلال:": what the document is about is no part of its issuer
        end = next(
            (k for k in range(start + 1, end) if s.phrase_at(k, g.lex.chunk_prepositions, allow_conj=False)), end
        )
        issuer = Span(start, end) if end > start else None
    if issuer is not None and issuer.b - issuer.a == 1 and g.lex.pronoun_on(s.norm(issuer.a), g.lex.glued_prepositions):
        # "وندد الوزير بالهجوم، وجاء في منشور له": the pronoun points at the opening verb's subject, or the last speaker
        issuer = opening_verb_subject(g, s, i, g.skip_leading(s, 0, i)) if s.is_comma(i - 1) else None
        own = issuer is None
    else:
        own = s.norm(noun).endswith(g.lex.pronoun_suffixes) and issuer is None
    speaker = issuer or (None if own else Span(noun, noun + 1))
    glued = issuer is not None and s.norm(issuer.a).startswith(tuple(g.lex.contracted_articles))
    if first >= len(s):
        # "وجاء في البيان:" ends the line: the claim is the paragraph after it
        claim_start, claim_end, direct = NEXT_LINE, None, True
    else:
        claim_start, claim_end, direct = claim_after(g, s, op, first)
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=g.boundary(s, i),
        cue=" ".join(s.raw(k) for k in range(min(i, noun), max(i + n, noun + 1))),
        speaker=speaker,
        claim_start=claim_start,
        claim_end=claim_end,
        kind=Kind.DIRECT if direct or s.raw(op) == ":" else Kind.INDIRECT,
        attribution=Attribution.CONTINUATION if speaker is None else Attribution.EXPLICIT,
        gender="",
        confidence=0.8,
        as_written=g.glued_text(s, speaker.a, speaker.b, glued) if speaker is not None else None,
    )


def _said_thing(g: Grammar, s: SentenceView, i: int) -> bool:
    """ "أن ما ورد في بيان النقابة يعد ...": after a complementizer, "ما" makes the opener what the document said,
    the subject of a claim about it, not the document speaking ("بحسب ما ورد في البيان" still relays it)."""
    return i > 1 and s.norm(i - 1) in g.lex.relative_particles and s.norm(i - 2) in g.lex.complementizers


def _issuer_start(g: Grammar, s: SentenceView, k: int, end: int) -> int:
    """Where a document's issuer starts after its noun: past the words describing the document, an adverb of how
    it said it ("وجاء في البيان أيضاً:") and the participle of issuing with its preposition ("بيان رسمي صادر عن
    الوزارة", "بيان سابق للوزارة")."""
    while k < end:
        after = k + 1 if s.norm(k) in g.lex.document_modifiers else past_manner(g, s, k)
        if after == k:
            break
        k = after
    if k + 1 < end and s.norm(k) in g.lex.issuing_words and s.norm(k + 1) in g.lex.issuer_prepositions:
        k += 2
    elif k + 1 < end and g.lex.pronoun_on(s.norm(k), g.lex.issuing_verbs):
        k += 1  # "بيان أصدرته الوزارة": the verb's subject after it
    return k


def _named_before(g: Grammar, s: SentenceView, i: int) -> int | None:
    """The document a pointer ("جاء فيه") points back at: a document noun among the few words before it
    ("بيانا مشتركا جاء فيه")."""
    return next((k for k in range(i - 1, max(-1, i - 6), -1) if s.norm(k) in g.lex.pointed_documents), None)


def _issuer(g: Grammar, s: SentenceView, noun: int) -> Span | None:
    """Who issued the document: the words between the verb that opens its clause and the document noun ("ثم أصدرت
    الشركتان بيانا": الشركتان)."""
    k = noun
    while k > 0 and s.toks[k - 1].is_word and not s.is_comma(k - 1) and s.norm(k - 1) not in g.lex.clause_starts:
        k -= 1
    return Span(k + 1, noun) if noun > k + 1 else None
