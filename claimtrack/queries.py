"""Questions users ask of a database: who said what, which speakers there are."""

from __future__ import annotations

from .errors import ClaimtrackError
from .speakers import Registry
from .store import Store

AMBIGUITY_MARGIN = 8.0  # a second candidate this close to the best makes a name ambiguous


def find_speaker(store: Store, name: str) -> str:
    """The one stored speaker a user's name means (Latin or Arabic, any spelling); raises when none or several."""
    stored = store.stored_speakers()
    present = {row["speaker"] for row in store.speaker_table()}
    registry = Registry.load("ar", stored)
    hits = [(c, s) for c, s in registry.search(name, limit=10) if c in present]
    if not hits:
        raise ClaimtrackError(f"no speaker matches {name!r}; `claimtrack speakers` lists them")
    best, score = hits[0]
    rivals = [c for c, s in hits[1:] if s >= score - AMBIGUITY_MARGIN and (s == 100 or score < 100)]
    if rivals:
        names = ", ".join([best, *rivals])
        raise ClaimtrackError(f"{name!r} is ambiguous: it may mean {names}; give more of the name")
    return best


def who_said(store: Store, name: str, *, min_confidence: float = 0.0, limit: int | None = None) -> tuple[str, list[dict]]:
    speaker = find_speaker(store, name)
    return speaker, store.statements(speakers=[speaker], min_confidence=min_confidence, limit=limit)


def group_by_cluster(rows: list[dict]) -> list[dict]:
    """One row per claim cluster: the first version's text, every outlet and cue that carried it."""
    groups: dict[object, dict] = {}
    for row in rows:
        key = row.get("cluster") or ("statement", row["id"])
        g = groups.get(key)
        if g is None:
            g = groups[key] = {
                "cluster": row.get("cluster"), "speaker": row["speaker"], "text": row["text"], "outlets": [],
                "articles": [], "cues": [], "kind": row["kind"], "statements": 0,
            }
        g["statements"] += 1
        for field, value in (("outlets", row.get("outlet") or row["article"]), ("articles", row["article"]), ("cues", row["cue"])):
            if value not in g[field]:
                g[field].append(value)
    return list(groups.values())
