"""Denials and hedges kept with the statement, so matching can compare them.

Reads ``Draft.statements``; writes each statement's ``polarity`` (denied when its cue is a verb of denial:
"نفى أن يكون ...") and ``hedged`` (its claim says may or likely: "قد يتضاعف"، "من المرجح"، "ربما").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lang.text import fold, tokens

if TYPE_CHECKING:
    from .draft import Draft
    from .grammar import Grammar


def mark_polarity(d: Draft) -> None:
    lex = d.grammar.lex
    for st in d.statements:
        cue = fold(st.cue).split()[-1] if st.cue.strip() else ""
        if lex.denies(cue):
            st.polarity = "denied"
            st.trace.append(f"mark_polarity: denied, cue {st.cue!r} is in grammar.toml denial_cues")
        st.hedged = hedged(d.grammar, st.text)
        if st.hedged:
            st.trace.append("mark_polarity: hedged (grammar.toml hedges or a modal particle)")


def hedged(g: Grammar, text: str) -> bool:
    """Whether a claim hedges: a hedge phrase, or the modal particle before a present verb ("قد يرتفع")."""
    lex = g.lex
    words = [t.norm for t in tokens(text) if t.is_word]
    for k, word in enumerate(words):
        if any(tuple(words[k : k + len(h)]) == h for h in lex.hedges):
            return True
        if word in lex.modal_particles and k + 1 < len(words) and words[k + 1].startswith(lex.modal_verb_prefixes):
            return True
    return False
