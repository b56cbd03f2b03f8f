"""Which articles a query looks at, and the columns a statement is shown with: no SQLite needed to name them,
so the command line can build its options without loading the store."""

from __future__ import annotations

from dataclasses import dataclass

from .lang.text import fold_for_match

STATEMENT_COLUMNS = (
    "id",
    "article",
    "outlet",
    "title",
    "url",
    "published",
    "story",
    "sentence",
    "speaker",
    "speaker_kind",
    "speaker_as_written",
    "role_as_written",
    "cue",
    "kind",
    "text",
    "char_start",
    "char_end",
    "via",
    "confidence",
    "attribution",
    "said_on",
    "part",
    "polarity",
    "hedged",
    "cluster",
    "restates",
)


@dataclass(frozen=True)
class Scope:
    """Which articles a query looks at: published from ``since`` to ``until`` (YYYY-MM-DD, both days included;
    an article whose date is unknown is in no period) and carried by one of ``outlets`` (compared folded, so
    hamza and ta marbuta spellings agree). The empty scope is everything."""

    since: str | None = None
    until: str | None = None
    outlets: tuple[str, ...] = ()

    def where(self, article: str = "a") -> tuple[list[str], list]:
        """SQL conditions on the articles table (aliased ``article``) and their parameters."""
        clauses, params = [], []
        if self.since:
            clauses.append(f"substr({article}.published, 1, 10) >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"substr({article}.published, 1, 10) <= ?")
            params.append(self.until)
        if self.outlets:
            clauses.append(
                f"claimtrack_fold(COALESCE({article}.outlet, {article}.id)) IN ({', '.join('?' * len(self.outlets))})"
            )
            params.extend(fold_for_match(o) for o in self.outlets)
        return clauses, params


EVERYTHING = Scope()
