"""Two versions of one claim in two languages, compared by what they assert rather than by their words.

A word diff between an Arabic report and the English statement it reports marks every word changed, so across
languages ``diff`` shows the two versions side by side and compares what a fact-checker checks: the numbers
(digits and each pack's number words read to values), the names (the known speakers, bodies and countries the
packs list, by their canonical name, the same in every language), the places (the packs' place lists, by the key
every pack gives a place), the negation (a negation flipped, a denial, as relations read it), the dates (months
and weekdays the packs read to one key), the hedge (قد، ربما / may, likely) and the speaker, each marked same or
changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from .claimtext import ClaimText, read_claim, with_polarity
from .lang import text_pack
from .relation import ChangeKind, fact_changes, numbers_agree


class Verdict(StrEnum):
    same = "same"
    changed = "changed"


class FactKind(StrEnum):
    numbers = "numbers"
    names = "names"
    places = "places"
    negation = "negation"
    dates = "dates"
    hedge = "hedge"
    speaker = "speaker"


@dataclass(frozen=True)
class Fact:
    """One thing both versions assert, as each has it ("" when it has none), and whether they agree."""

    kind: FactKind
    a: str
    b: str
    verdict: Verdict

    def to_dict(self) -> dict:
        return {"kind": str(self.kind), "a": self.a, "b": self.b, "verdict": str(self.verdict)}

    def line(self) -> str:
        return f"{self.kind} {self.verdict}: {self.a or '-'} | {self.b or '-'}"


def language(text: str) -> str:
    """The pack a version is read with (what matching calls its language)."""
    return text_pack(text).code


def across_languages(a: dict, b: dict) -> bool:
    """Whether two versions (statement rows) are written in different languages."""
    return language(a["text"]) != language(b["text"])


def compare_facts(a: dict, b: dict) -> list[Fact]:
    """Numbers, names, places, negation, dates, hedge and speaker of two versions (statement rows: ``text``,
    ``speaker``, ``polarity``), each marked same or changed."""
    ta, tb = (with_polarity(read_claim(v["text"]), v.get("polarity")) for v in (a, b))
    changes = {c.kind for c in fact_changes(ta, tb)}
    return [
        _numbers(ta, tb),
        _names(a["text"], ta, b["text"], tb),
        _places(ta, tb, changes),
        _negation(ta, tb, changes),
        _dates(ta, tb, changes),
        _hedge(ta, tb),
        _speaker(a, b),
    ]


def _verdict(same: bool) -> Verdict:
    return Verdict.same if same else Verdict.changed


def _shown(values: tuple[float, ...]) -> str:
    return ", ".join(f"{v:,.12g}" for v in values)


def _numbers(a: ClaimText, b: ClaimText) -> Fact:
    # A number only one version gives is a change to show here, though the relation does not count it.
    return Fact(FactKind.numbers, _shown(a.quantities), _shown(b.quantities), _verdict(numbers_agree(a, b)))


@lru_cache(maxsize=None)
def _registry(code: str):
    from .speakers import Registry

    return Registry.load(code)


def _names_in(text: str, claim: ClaimText) -> list[str]:
    from .speakers import SpeakerKind

    return list(dict.fromkeys(_registry(claim.language).mentions(text, tuple(SpeakerKind))))


def _names(text_a: str, a: ClaimText, text_b: str, b: ClaimText) -> Fact:
    na, nb = _names_in(text_a, a), _names_in(text_b, b)
    return Fact(FactKind.names, ", ".join(na), ", ".join(nb), _verdict(set(na) == set(nb)))


def _places(a: ClaimText, b: ClaimText, changes: set[ChangeKind]) -> Fact:
    # by the key every pack gives a place (its English name), as relations read them: a place only one version
    # names is no change, each naming a place the other does not is (unless one names where a movement starts and
    # the other where it ends)
    return Fact(
        FactKind.places,
        ", ".join(sorted(a.places)),
        ", ".join(sorted(b.places)),
        _verdict(ChangeKind.place not in changes),
    )


def _polarity(text: ClaimText) -> str:
    if text.denied:
        return "denied"
    return "negated" if text.negations else "affirmed"


def _negation(a: ClaimText, b: ClaimText, changes: set[ChangeKind]) -> Fact:
    flipped = bool(changes & {ChangeKind.negation, ChangeKind.denial})
    return Fact(FactKind.negation, _polarity(a), _polarity(b), _verdict(not flipped))


def _date_names(text: ClaimText) -> str:
    # the packs read a month to 1-12 and a weekday to 100 + 0-6 (Monday first), the same key in every language;
    # shown as ISO numbers them (Monday is weekday 1)
    return ", ".join(f"weekday {d - 99}" if d >= 100 else f"month {d}" for d in sorted(text.dates))


def _dates(a: ClaimText, b: ClaimText, changes: set[ChangeKind]) -> Fact:
    # as relations read them: a date only one version gives is no change, two different dates are
    return Fact(FactKind.dates, _date_names(a), _date_names(b), _verdict(ChangeKind.date not in changes))


def _hedge(a: ClaimText, b: ClaimText) -> Fact:
    shown = {True: "hedged", False: "certain"}
    return Fact(FactKind.hedge, shown[a.hedged], shown[b.hedged], _verdict(a.hedged == b.hedged))


def _speaker(a: dict, b: dict) -> Fact:
    from .speakers.latin import same_person

    sa, sb = a.get("speaker") or "", b.get("speaker") or ""
    return Fact(FactKind.speaker, sa, sb, _verdict(same_person(sa, sb)))
