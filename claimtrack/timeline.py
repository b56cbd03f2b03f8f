"""A speaker's or a claim's statements over time: when each appeared, where, and how many per period."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from . import queries
from .errors import ClaimtrackError
from .store import EVERYTHING, Scope, Store

TIMELINE_COLUMNS = (
    "published",
    "outlet",
    "title",
    "url",
    "speaker",
    "cue",
    "text",
    "id",
    "cluster",
    "restates",
    "first",
)
# The longest span counted by day, then by week; anything longer is counted by month.
DAYS_BY_DAY = 62
DAYS_BY_WEEK = 7 * 52


@dataclass
class Timeline:
    """Statements in the order they were published (undated last), the first marked, and counts per period."""

    subject: str  # the speaker's canonical name, or "claim N"
    kind: str  # "speaker" or "cluster"
    statements: list[dict]
    unit: str = "day"  # day, week or month
    counts: list[dict] = field(default_factory=list)  # {"period", "statements", "first"} in time order

    @property
    def undated(self) -> int:
        return sum(1 for row in self.statements if not _day(row))

    def to_dict(self) -> dict:
        return {
            "subject": self.subject,
            "kind": self.kind,
            "unit": self.unit,
            "counts": self.counts,
            "undated": self.undated,
            "statements": [{k: row.get(k) for k in TIMELINE_COLUMNS} for row in self.statements],
        }


def timeline(store: Store, subject: str, scope: Scope = EVERYTHING) -> Timeline:
    """The timeline of a claim cluster (a number) or of a speaker (a name in any spelling)."""
    if subject.strip().isdigit():
        cluster = int(subject)
        rows = store.cluster_statements(cluster, scope)
        if not rows:
            raise ClaimtrackError(f"no statement in claim cluster {cluster}; `claimtrack claims` lists them")
        return build(f"claim {cluster}", "cluster", rows)
    match = queries.find_speaker(store, subject)
    rows = store.statements(speakers=[match.speaker], scope=scope)
    if not rows:
        raise ClaimtrackError(f"{match.speaker} said nothing in the articles asked for")
    return build(match.speaker, "speaker", rows)


def build(subject: str, kind: str, rows: list[dict]) -> Timeline:
    rows = sorted(rows, key=lambda r: (_day(r) is None, _day(r) or date.min, r["id"]))
    for n, row in enumerate(rows):
        row["first"] = n == 0
    days = [d for d in map(_day, rows) if d]
    unit = _unit(days)
    counts = Counter(_period(d, unit) for d in days)
    first = _period(days[0], unit) if days else None
    return Timeline(
        subject,
        kind,
        rows,
        unit,
        [{"period": p, "statements": counts[p], "first": p == first} for p in sorted(counts)],
    )


def _day(row: dict) -> date | None:
    try:
        return date.fromisoformat((row.get("published") or "")[:10])
    except ValueError:
        return None


def _unit(days: list[date]) -> str:
    span = (days[-1] - days[0]).days if days else 0
    return "day" if span <= DAYS_BY_DAY else "week" if span <= DAYS_BY_WEEK else "month"


def _period(day: date, unit: str) -> str:
    if unit == "day":
        return day.isoformat()
    if unit == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day:%Y-%m}"
