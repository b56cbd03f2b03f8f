"""One speaker's claim in two articles: each statement's counterpart, the other article's closest in meaning.

Two outlets reporting one interview or one press conference give one speaker's claims in their own words, often
too far apart in words for a rule on words and not close enough in meaning for the semantic rule alone, while
the speaker's other claims of that occasion are close in meaning too (the same subject). What tells them apart is
the other claims themselves: as a sentence aligner pairs a text's sentences with their translation's, a statement
is the same claim as the one statement of the other article, by the same speaker, that it is closer to than to any
other, when that statement is also closer to it than to any other, by a margin, close enough in meaning, and the two
say something in the same word (not only names of whom or where).

``counterparts`` reads the claims' speakers, articles and vectors (``ClaimIndex``) and the candidate pairs;
writes the pairs that are each other's counterparts, which ``ClaimIndex`` then relates by the rule "counterpart".
Candidates stay the blocking's: a speaker's statements in the two articles are read only for a pair proposed.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .match import ClaimIndex

RULE = "counterpart"


def counterparts(index: ClaimIndex, pairs: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The candidate pairs (a < b) whose two statements are each other's counterpart."""
    if index.vectors is None:
        return set()
    statements = _by_source(index)
    found = set()
    for a, b in pairs:
        if not _eligible(index, a, b):
            continue
        cosine = index.vectors.cosine(a, b)
        if cosine is None or cosine < index.settings.counterpart:
            continue
        if _nearest(index, a, b, cosine, statements) and _nearest(index, b, a, cosine, statements):
            found.add((a, b))
    return found


def _by_source(index: ClaimIndex) -> dict[tuple[str, str], list[int]]:
    """A speaker's statements in each article, headlines aside (a title restates its body's claim)."""
    statements: dict[tuple[str, str], list[int]] = defaultdict(list)
    for sid, claim in index.claims.items():
        if claim.speaker and claim.article is not None and not claim.headline:
            statements[(claim.speaker, claim.article)].append(sid)
    return statements


def _eligible(index: ClaimIndex, a: int, b: int) -> bool:
    # Imported here: the command line imports matching, not speakers, for --help.
    from .speakers.latin import kept_to_article

    ca, cb = index.claims[a], index.claims[b]
    if not ca.speaker or ca.speaker != cb.speaker or kept_to_article(ca.speaker):
        return False  # "the minister" of one article is not known to be the other's
    if ca.article is None or cb.article is None or ca.article == cb.article or ca.headline or cb.headline:
        return False
    if ca.text.language != cb.text.language:
        return False  # across languages the cross-language rule relates them
    # a word besides names in common: one source's two events near one place ("a trade pact in Moscow" / "drills near
    # Moscow") are close in meaning, and with one statement in each article each is the other's closest
    return any(va.predicate_set & vb.predicate_set for va in ca.views for vb in cb.views)


def _nearest(index: ClaimIndex, a: int, b: int, cosine: float, statements: dict[tuple[str, str], list[int]]) -> bool:
    """Whether ``b`` (at ``cosine`` from ``a``) is the statement of its article, by ``a``'s speaker, closest to ``a``
    in meaning, by ``counterpart_margin`` over the next closest."""
    cb = index.claims[b]
    others = (index.vectors.cosine(a, other) for other in statements[(cb.speaker, cb.article)] if other != b)
    return all(other is None or other <= cosine - index.settings.counterpart_margin for other in others)
