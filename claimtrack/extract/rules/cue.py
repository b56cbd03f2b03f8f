"""The guard every cue-verb rule shares: a speech verb stands at this token and may open a statement here."""

from __future__ import annotations

from ...lexicon import CueForm
from ..candidate import Attribution, Candidate
from ..doc import SentenceView, Span
from ..grammar import Grammar, relative_that
from ..subject import glued_mark
from ...lang.text import PUNCTUATION


HYPHENS = frozenset(PUNCTUATION["hyphens"])
COMPLEMENT_REACH = 8  # tokens after a verb within which its object's complement stands ("as")
# Words of the subject a reported claim opens with before its own cue ("بأن وزير الداخلية قال").
MAX_REPORTED_SUBJECT = 5


def cue_here(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> CueForm | None:
    """The cue form at token i, unless it is a noun, negated ("لم يقل"), the verbal noun a claim noun takes ("عدم
    ذكر اسمه"), or inside an earlier claim mid-clause."""
    form = g.lex.cue(s.norm(i))
    if form is None or form.tense == "noun" or s.norm(i - 1) in g.lex.negations:
        return None
    if s.norm(i - 1) in g.lex.claim_nouns:
        return None
    if form.tense in ("past", "present") and s.raw(i).endswith(g.lex.feminine_endings):
        return None  # "طالباً وطالبة": written with the feminine ending, a noun, never a verb with its pronoun (طالبه)
    if s.norm(i + 1) in form.everyday_next and not g.lex.marked(s.raw(i)):
        return None  # "من دون أن يحدد": the everyday word a strict cue spells, before what only that word takes
    if not with_its_words(g, s, i, form) or _compounded(s, i):
        return None
    # Inside an earlier claim, a cue starts a new statement only at a clause boundary, or as what the claim reports.
    if found and found[-1].claim_end is None and found[-1].claim_start <= s.toks[i].start:
        if not g.at_clause_boundary(s, i, form) and reported_subject(g, s, i, found[-1]) is None:
            return None
    return form


def _compounded(s: SentenceView, i: int) -> bool:
    """Whether the word at i ends a compound, joined by a hyphen to the word before it ("long-ruling" leader)."""
    return i > 1 and s.raw(i - 1) in HYPHENS and glued_mark(s, i - 1)


def reported_subject(g: Grammar, s: SentenceView, i: int, earlier: Candidate) -> Span | None:
    """The speaker of the cue at token i when it says what an outlet's earlier claim reports ("أفادت الوكالة بأن
    الوزير قال إن ..."): the short subject the claim opens with, right before the cue and its complementizer; the
    words are that subject's own. None for any other cue."""
    opening = s.index_at(earlier.claim_start)
    # "يذكر أن الوزارة أعلنت أمس أن ...": the writer's background (an impersonal cue) reports it too, whatever
    # stands between the cue and its complementizer
    background = earlier.attribution == Attribution.IMPERSONAL
    reported = (
        (background or (earlier.speaker is not None and _outlet(g, s, earlier.speaker)))
        and 0 < i - opening <= MAX_REPORTED_SUBJECT
        and (background or s.norm(i + 1) in g.lex.complementizers)
        and all(s.toks[k].is_word and g.lex.cue(s.norm(k)) is None for k in range(opening, i))
    )
    return Span(opening, i) if reported else None


def with_its_words(g: Grammar, s: SentenceView, i: int, form: CueForm) -> bool:
    """Whether the words a cue says only with stand where they must: its particle right after it ("made" is no cue,
    "made clear" is), a document for its subject ("the statement read"), its object's complement ("denounced the
    sentence as ...")."""
    if form.particle and s.phrase_at(i + 1, [form.particle], allow_conj=False) != len(form.particle):
        return False
    if form.particle and relative_that(g, s, i + len(form.particle)):
        return False  # "the plan they agreed that was signed ...": the relative pronoun of a noun before the verb
    return with_its_subject(g, s, i, form) and with_its_complement(s, i, form)


def with_its_complement(s: SentenceView, i: int, form: CueForm) -> bool:
    """Whether a verb that says only of its object's complement has one: "denounced the attack" says nothing,
    "denounced the sentence as excessive" does."""
    if not form.complement:
        return True
    for k in range(i + 2, min(len(s), i + COMPLEMENT_REACH)):
        if not s.toks[k].is_word:
            return False  # "condemned the attack, characterizing it as ...": past its clause
        if s.norm(k) == form.complement:
            return True
    return False


def with_its_subject(g: Grammar, s: SentenceView, i: int, form: CueForm) -> bool:
    """Whether a verb that says only with a document for its subject has one: "read" is no cue, "the statement
    read" and '"...," read a statement from ...' are."""
    return not form.document_subject or _document_near(g, s, i)


DOCUMENT_REACH = 3  # words between a verb after a claim's comma and its document subject ("read a short statement")


def _document_near(g: Grammar, s: SentenceView, i: int) -> bool:
    """A document noun right before token i ("the statement read"), or among the few unquoted words after it when the
    verb follows a claim's comma or closing mark ('"...," read a statement from ...'; "he read the statement aloud"
    is no attribution)."""
    documents = g.lex.documents
    if i > 0 and s.norm(i - 1) in documents:
        return True
    if i == 0 or s.toks[i - 1].is_word:
        return False
    k = i + 1
    while k < len(s) and k - i <= DOCUMENT_REACH and not s.quoted[k] and not s.is_comma(k):
        if s.norm(k) in documents:
            return True
        k += 1
    return False


def _outlet(g: Grammar, s: SentenceView, span: Span) -> bool:
    """Whether a speaker phrase names an outlet: a media noun in it ("وكالة الأنباء", "the news agency") or a known
    outlet's first word at its start, after an article written apart ("the Times")."""
    a = span.a + 1 if s.norm(span.a) in g.lex.articles and span.b > span.a + 1 else span.a
    return s.norm(a) in g.media_first_words or any(
        g.lex.hooks.strip_article(s.norm(k)) in g.lex.media_heads for k in range(span.a, span.b)
    )
