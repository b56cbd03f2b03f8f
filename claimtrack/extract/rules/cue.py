"""The guard every cue-verb rule shares: a speech verb stands at this token and may open a statement here."""

from __future__ import annotations

from ...lexicon import CueForm
from ..candidate import Candidate
from ..doc import SentenceView
from ..grammar import Grammar


def cue_here(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> CueForm | None:
    """The cue form at token i, unless it is a noun, negated ("لم يقل"), the verbal noun a claim noun takes ("عدم
    ذكر اسمه"), or inside an earlier claim mid-clause."""
    form = g.lex.cue(s.norm(i))
    if form is None or form.tense == "noun" or s.norm(i - 1) in g.lex.negations:
        return None
    if s.norm(i - 1) in g.lex.claim_nouns:
        return None
    if form.particle and s.phrase_at(i + 1, [form.particle], allow_conj=False) != len(form.particle):
        return None  # "made" is no cue, "made clear" is
    # Inside an earlier claim, a cue starts a new statement only at a clause boundary.
    if found and found[-1].claim_end is None and found[-1].claim_start <= s.toks[i].start:
        if not g.at_clause_boundary(s, i, form):
            return None
    return form
