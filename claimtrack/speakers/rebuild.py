"""Speakers resolved over the whole database, then corrected: the same answer whatever order articles came in.

Resolving article by article as they arrive lets an earlier article decide a later one's speakers (who was
named first, whose alias came first). After an ingest, every stored statement is resolved again from the
language data alone, articles in id order, and the user's corrections are applied on top.
"""

from __future__ import annotations

from collections.abc import Callable

from ..models import Statement
from ..store import Store
from .corrections import Correction, Outcome, apply, seed_registry
from .registry import Registry
from .resolve import resolve_statements


def _statement(row: dict, article: str) -> Statement:
    return Statement(
        speaker_as_written=row["speaker_as_written"] or "",
        cue=row["cue"],
        kind=row["kind"],
        text=row["text"],
        char_start=row["char_start"],
        char_end=row["char_end"],
        sentence=row["sentence"] or 0,
        story=row["story"] or 1,
        attribution=row["attribution"] or "explicit",
        gender=row["gender"],
        article=article,
        id=row["id"],
    )


def stored_corrections(store: Store) -> list[Correction]:
    return [Correction.parse(row, f"correction {row['id']}") for row in store.corrections()]


def resolve_all(store: Store, language: str | None = None, on_article: Callable[[int], None] | None = None) -> Outcome:
    """Resolve every stored statement afresh, apply the corrections, and store the result."""
    corrections = stored_corrections(store)
    registry = Registry.load(language) if language else Registry.for_store(store, stored=False)
    seed_registry(registry, corrections, {sp.canonical: sp.kind for sp in store.stored_speakers()})
    assignment: dict[int, tuple[str, str | None]] = {}
    where: dict[int, tuple[str, int, int]] = {}
    for n, (article, rows) in enumerate(store.resolution_input(), 1):
        statements = [_statement(row, article["id"]) for row in rows]
        resolve_statements(statements, article["text"], registry.reading(article["language"]), article["id"])
        for st in statements:
            assignment[st.id] = (st.speaker, st.role_as_written)
            where[st.id] = (article["id"], st.char_start, st.char_end)
        if on_article:
            on_article(n)
    used = {canonical for canonical, _ in assignment.values()}
    outcome = Outcome({c: registry.get(c) for c in used}, assignment, where)
    apply(outcome, corrections)
    store.assign_speakers(outcome.assignment, outcome.speakers)
    return outcome
