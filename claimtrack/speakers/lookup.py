"""A user's name query against the speakers: which one it means, and how it matched.

A query matches a speaker when the whole name is one of the speaker's names (exact, alias), the same name
spelt otherwise (consonant skeleton, Arabic or Latin), a title an article gave the speaker (role), or close by
fuzzy score with every word of the query found in the name: "Kim Yo Jong" never matches Kim Jong Un, "the Egyptian
foreign ministry" never the Russian one. Two speakers given one title make the query ambiguous, not an answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz, process

from ..lang import name_key
from ..lang.text import fold_for_match
from .latin import ARTICLE_SCOPE, has_non_latin, latin_key, latin_name
from .registry import Registry, SpeakerKind

FUZZY_CUTOFF = 85.0  # whole-name WRatio a fuzzy match needs
WORD_CUTOFF = 80.0  # each query word against its closest word of the name


class MatchKind(StrEnum):
    exact = "exact"
    alias = "alias"
    variant = "spelling variant"
    role = "role as written"  # the title an article gave the speaker ("وزير المالية" for the minister it named)
    fuzzy = "fuzzy"


_RANK = {MatchKind.exact: 0, MatchKind.alias: 1, MatchKind.variant: 2, MatchKind.role: 3, MatchKind.fuzzy: 4}


@dataclass(frozen=True)
class SpeakerMatch:
    speaker: str
    kind: MatchKind
    matched_as: str  # the name or alias the query was matched to
    score: float

    def describe(self) -> str:
        how = f"fuzzy, score {self.score:.0f}" if self.kind == MatchKind.fuzzy else str(self.kind)
        return f"{how}: {self.matched_as!r}"


def display_name(registry: Registry, canonical: str) -> str:
    """The Latin name a speaker is shown with: its canonical name, romanised when it is in another script."""
    sp = registry.get(canonical)
    # A name kept to one article carries the article's id, which is a path, not part of the name.
    name, scoped, article = canonical.partition(ARTICLE_SCOPE)
    if sp is not None and sp.kind == SpeakerKind.title:
        role = sp.roles[0] if sp.roles else "title holder"
        return f"the {role} (unnamed{', ' + article if scoped else ''})"
    return latin_name(registry.lex, name) + (f" ({article})" if scoped else "")


def _forms(registry: Registry, present: set[str] | None) -> list[tuple[str, str]]:
    """(form, canonical): every alias, and each non-Latin one's Latin spelling."""
    out = []
    for alias, canonical in registry.choices():
        if present is not None and canonical not in present:
            continue
        out.append((alias, canonical))
        if has_non_latin(alias):
            out.append((latin_name(registry.lex, alias), canonical))
    return out


def _words_agree(registry: Registry, query: str, form: str) -> bool:
    """Every word of the query has a close word in the form: a query naming someone else has one that does not."""
    mine = fold_for_match(form).replace("-", " ").split()
    lex = registry.lex
    for word in fold_for_match(query).replace("-", " ").split():
        if not any(
            fuzz.ratio(word, w) >= WORD_CUTOFF
            or (has_non_latin(word) and name_key(word) == name_key(w))
            or (not has_non_latin(word) and not has_non_latin(w) and latin_key(lex, word) == latin_key(lex, w))
            for w in mine
        ):
            return False
    return True


def _classify(registry: Registry, query: str, form: str, canonical: str) -> SpeakerMatch | None:
    q, f = fold_for_match(query), fold_for_match(form)
    if not q or not f:
        return None
    if f == q:
        kind = MatchKind.exact if form == canonical or f == fold_for_match(canonical) else MatchKind.alias
        return SpeakerMatch(canonical, kind, form, 100.0)
    if f.split()[-1:] == [q] and len(f.split()) > 1:
        return SpeakerMatch(canonical, MatchKind.alias, form, 99.0)  # a surname alone
    same = name_key(q) == name_key(f) if has_non_latin(q) else latin_key(registry.lex, q) == latin_key(registry.lex, f)
    if same and _words_agree(registry, query, form):
        return SpeakerMatch(canonical, MatchKind.variant, form, 95.0)
    return None


def match_speakers(registry: Registry, query: str, present: set[str] | None = None) -> list[SpeakerMatch]:
    """Every speaker the query may mean, best first, one match each (its best form)."""
    forms = _forms(registry, present)
    best: dict[str, SpeakerMatch] = {}

    def keep(m: SpeakerMatch) -> None:
        old = best.get(m.speaker)
        if old is None or (_RANK[m.kind], -m.score) < (_RANK[old.kind], -old.score):
            best[m.speaker] = m

    for form, canonical in forms:
        m = _classify(registry, query, form, canonical)
        if m:
            keep(m)
    asked = fold_for_match(query)
    for sp in registry.speakers.values():
        if present is None or sp.canonical in present:
            for role in sp.roles:
                if fold_for_match(role) == asked:
                    keep(SpeakerMatch(sp.canonical, MatchKind.role, role, 90.0))
    folded = [fold_for_match(f) for f, _ in forms]
    for _, score, i in process.extract(
        fold_for_match(query), folded, scorer=fuzz.WRatio, limit=50, score_cutoff=FUZZY_CUTOFF
    ):
        form, canonical = forms[i]
        if _words_agree(registry, query, form):
            keep(SpeakerMatch(canonical, MatchKind.fuzzy, form, round(score, 1)))
    return sorted(best.values(), key=lambda m: (_RANK[m.kind], -m.score, m.speaker))


def closest(registry: Registry, query: str, present: set[str] | None = None, n: int = 5) -> list[str]:
    """The speakers nearest a query that matched none: for "did you mean"."""
    forms = _forms(registry, present)
    out: list[str] = []
    for _, _, i in process.extract(fold_for_match(query), [fold_for_match(f) for f, _ in forms], limit=n * 4):
        canonical = forms[i][1]
        if canonical not in out:
            out.append(canonical)
    return out[:n]
