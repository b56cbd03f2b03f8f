"""How two versions of one claim differ: the typed relation between them and the changes that make it.

``changes`` reads two ``ClaimText``s and lists what differs in what they assert (a negation flipped, a denial,
an opposite direction, another number, date or place, a hedge); ``classify`` turns changes, speakers and
quotation kinds into one ``Relation``; ``same_score`` turns the similarity of the wording and the changes into a
same-claim score in 0..1 that is low for a near-copy with one word turned against the claim.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz.distance import LCSseq

from .claimtext import ClaimText
from .lang import name_key

if TYPE_CHECKING:
    from .match import MatchSettings


class Relation(StrEnum):
    same = "same"  # the same assertion, in the same or other words
    changed = "changed"  # a number, date, place or hedge changed, a quote made indirect, one content word replaced
    contradicts = "contradicts"  # a negation flipped, a denial, an opposite direction
    reattributed = "reattributed"  # the same words in another speaker's mouth
    different = "different"  # not one claim


class ChangeKind(StrEnum):
    negation = "negation"
    denial = "denial"
    direction = "direction"
    number = "number"
    date = "date"
    place = "place"
    body = "body"  # one kind of body named as two (the court of cassation, a criminal court)
    hedge = "hedge"
    quote = "quote"  # direct in one version, indirect in the other
    speaker = "speaker"
    word = "word"  # one content word replaced in a near-copy: changed, but the near-copy still joins
    # a negation or denial of words the other version does not assert ("pledged not to sell arms" / "arms talks
    # advance"): the two differ in polarity, yet neither contradicts the other
    aside = "aside"


CONTRADICTING = frozenset({ChangeKind.negation, ChangeKind.denial, ChangeKind.direction})
CHANGING = frozenset(
    {
        ChangeKind.number,
        ChangeKind.date,
        ChangeKind.place,
        ChangeKind.body,
        ChangeKind.hedge,
        ChangeKind.quote,
        ChangeKind.word,
        ChangeKind.aside,
    }
)
# Changes that lower the same-claim score as much as a contradiction: a negation the other version lacks is as
# strong a sign of two claims whether or not it negates what the other asserts.
POLAR = CONTRADICTING | {ChangeKind.aside}
# Changes after which two versions no longer make one assertion, so they never share a cluster. A hedge added
# or a quote made indirect is the same assertion told less firmly or in other words: it joins, and the
# relation still says what changed. So does a near-copy with one word replaced, which is a synonym as often as
# another thing.
SPLITTING = CONTRADICTING | (CHANGING - {ChangeKind.quote, ChangeKind.hedge, ChangeKind.word})
JOINING_RULES = frozenset({"verbatim", "paraphrase", "semantic", "counterpart", "toll", "cross-language"})


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    a: str  # what version a has ("" when it has nothing of the kind)
    b: str

    def to_dict(self) -> dict:
        return {"kind": str(self.kind), "a": self.a, "b": self.b}


def _fmt_numbers(values: frozenset[float]) -> str:
    return ", ".join(f"{v:g}" for v in sorted(values))


def _direction_flip(a: ClaimText, b: ClaimText) -> str | None:
    """The axis on which one version goes one way only and the other the opposite way only; a comparison only when
    both compare one thing ("more than half" / "less than half", not "more than half" / "under 12")."""
    for axis in sorted({name for name, _ in a.directions | b.directions}):
        da = {d for name, d in a.directions if name == axis}
        db = {d for name, d in b.directions if name == axis}
        if len(da) == 1 and len(db) == 1 and da != db and _said_of_one_thing(a, b, axis):
            return axis
    return None


def _said_of_one_thing(a: ClaimText, b: ClaimText, axis: str) -> bool:
    of_a = {stem for name, stem in a.direction_of if name == axis}
    of_b = {stem for name, stem in b.direction_of if name == axis}
    return a.language != b.language or not of_a or not of_b or bool(of_a & of_b)


def _word_swap(a: ClaimText, b: ClaimText) -> tuple[str, str] | None:
    """The one content word a near-copy replaced (and nothing else changed but a word or two around it)."""
    matcher = SequenceMatcher(None, a.stems, b.stems, autojunk=False)
    ops = matcher.get_opcodes()
    edits = [op for op in ops if op[0] != "equal"]
    equal = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    swaps = [op for op in edits if op[0] == "replace" and op[2] - op[1] == 1 and op[4] - op[3] == 1]
    if len(swaps) == 1 and len(edits) <= 2 and equal >= max(2, min(len(a.stems), len(b.stems)) - 3):
        _, i1, _, j1, _ = swaps[0]
        if not _one_word(a.stems[i1], b.stems[j1]):
            return a.stems[i1], b.stems[j1]
    return None


def _one_word(x: str, y: str) -> bool:
    """Two stems of one word that light stemming left apart (a verb and its noun, a prefix left on): the letters
    of the shorter all in the longer, in order; or one name transliterated two ways (بوينغ/بوينج: the pack's name key
    folds the letters outlets write for one foreign sound)."""
    short, long = sorted((x, y), key=len)
    return LCSseq.similarity(short, long) == len(short) or name_key(x) == name_key(y)


def changes(a: ClaimText, b: ClaimText) -> list[Change]:
    """What differs in what two versions assert, strongest first; else the one word a near-copy replaced."""
    out = fact_changes(a, b)
    swap = None if out else _word_swap(a, b)
    return out + [Change(ChangeKind.word, *swap)] if swap else out


def fact_changes(a: ClaimText, b: ClaimText) -> list[Change]:
    """Negation, denial, direction, number, date, place and hedge changes between two versions."""
    out: list[Change] = []
    if a.denied != b.denied:
        denied = _asserted(a if a.denied else b, b if a.denied else a)
        if denied or not _quoted_further(a, b):
            kind = ChangeKind.denial if denied else ChangeKind.aside
            out.append(Change(kind, "denied" if a.denied else "", "denied" if b.denied else ""))
    elif _negation_flip(a, b):
        negating, other = (a, b) if a.negations > b.negations else (b, a)
        negated = _asserted(negating, other)
        if negated or not _quoted_further(a, b):
            kind = ChangeKind.negation if negated else ChangeKind.aside
            out.append(Change(kind, str(a.negations), str(b.negations)))
    axis = _direction_flip(a, b)
    if axis:
        sign = {1: "+", -1: "-"}
        out.append(
            Change(ChangeKind.direction, *(f"{axis} {sign[d]}" for v in (a, b) for x, d in v.directions if x == axis))
        )
    if _numbers_differ(a.quantities, b.quantities):
        out.append(Change(ChangeKind.number, _fmt_numbers(a.numbers), _fmt_numbers(b.numbers)))
    if a.dates - b.dates and b.dates - a.dates:
        out.append(Change(ChangeKind.date, _fmt_numbers(frozenset(a.dates)), _fmt_numbers(frozenset(b.dates))))
    # The packs key a place alike in every language (lang/<code>/claims.toml [places]): compared across languages too.
    if _places_differ(a, b):
        out.append(Change(ChangeKind.place, ", ".join(a.places.values()), ", ".join(b.places.values())))
    if bodies := _bodies_differ(a, b):
        out.append(Change(ChangeKind.body, *bodies))
    if a.hedged != b.hedged:
        out.append(Change(ChangeKind.hedge, "hedged" if a.hedged else "", "hedged" if b.hedged else ""))
    return out


def _places_differ(a: ClaimText, b: ClaimText) -> bool:
    """Each version names a place the other does not, and the two could stand in one role: not where a movement
    starts in one version and where it ends in the other ("shells from North Korea" / "shells sent to Russia" tell
    one shipment from both ends)."""
    only_a, only_b = set(a.places) - set(b.places), set(b.places) - set(a.places)
    return any(
        not _two_ends(a.place_ends.get(x, frozenset()), b.place_ends.get(y, frozenset()))
        for x in only_a
        for y in only_b
    )


def _bodies_differ(a: ClaimText, b: ClaimText) -> tuple[str, str] | None:
    """One kind of body named as two: each version names the court (ministry, council) by a word the other version
    lacks altogether ("the court of cassation upheld" / "the criminal court sentenced")."""
    for kind in sorted({k for k, _ in a.bodies} & {k for k, _ in b.bodies}):
        names_a = {n for k, n in a.bodies if k == kind}
        names_b = {n for k, n in b.bodies if k == kind}
        if not names_a & set(b.stems) and not names_b & set(a.stems):
            return f"{kind} {' '.join(sorted(names_a))}", f"{kind} {' '.join(sorted(names_b))}"
    return None


def _two_ends(x: frozenset[str], y: frozenset[str]) -> bool:
    """Whether a place named only as one end of a movement and another named only as the other end."""
    return len(x) == 1 and len(y) == 1 and x != y and "" not in x | y


MIN_QUOTED_FURTHER = 4  # content words of the shorter version: fewer stand inside many a longer claim by chance


def _quoted_further(a: ClaimText, b: ClaimText) -> bool:
    """Whether one version's content words all stand in the other in order, but for one ("هناك أمان في لبنان" / "لم
    تشهد المهرجانات أي حادث، فهناك أمان في لبنان"): one outlet quoting more of the same remarks than another, so a
    negation the shorter does not assert stands in what the longer adds, no sign of a second claim."""
    short, long = sorted((a.stems, b.stems), key=len)
    return len(short) >= MIN_QUOTED_FURTHER and LCSseq.similarity(short, long) >= len(short) - 1


def _negation_flip(a: ClaimText, b: ClaimText) -> bool:
    """One version negates and the other has no negation at all ("no plot against the lira" / "the lira targeted").

    When both negate, counting says nothing: "there are no new, not-known viruses" and "there is no unknown virus" make
    one claim with one negation more. Whether the flip contradicts is ``_asserted``'s question.
    """
    na, nb = a.negations - a.denied, b.negations - b.denied
    return (na == 0) != (nb == 0) and (na + nb) % 2 == 1


def _asserted(negating: ClaimText, other: ClaimText) -> bool:
    """Whether the other version asserts what a negation or denial of ``negating`` governs: "pledged not to sell
    arms" does not contradict "arms talks advance", which sells nothing; "will not intervene" does contradict
    "will intervene". A denial of the whole claim (a cue, "this is untrue") governs everything."""
    if negating.language != other.language:
        return True  # stems of two languages never meet: the encoder judged the rest
    stems = other.asserted

    def found(g: str) -> bool:
        return g in stems or any(_one_word(g, s) for s in stems if min(len(g), len(s)) >= 3)

    return not negating.governed or any(sum(map(found, words)) >= need for need, words in negating.governed)


def _same_number(x: float, y: float) -> bool:
    """Equal, or one a rounding of the other to its own precision (780 thousand / 779,473; 1.6 million / 1,694,418).

    A number with one significant digit (3000) is taken as exact: "3 thousand" and "3,400" are two tolls."""
    if x == y:
        return True
    rough, exact = (x, y) if _significant(x) <= _significant(y) else (y, x)
    if _significant(rough) < 2 or _significant(rough) == _significant(exact):
        return False
    unit = 10 ** (math.floor(math.log10(abs(rough))) - _significant(rough) + 1)
    return abs(rough - exact) < unit


@lru_cache(maxsize=65536)
def _significant(x: float) -> int:
    digits = f"{abs(x):.6g}".replace(".", "").lstrip("0").split("e")[0]
    return max(len(digits.rstrip("0")), 1)


def numbers_agree(a: ClaimText, b: ClaimText) -> bool:
    """Every number either version gives is one the other gives too, a rounding counting as the same."""
    return all(any(_same_number(x, y) for y in b.quantities) for x in a.quantities) and all(
        any(_same_number(x, y) for x in a.quantities) for y in b.quantities
    )


def _numbers_differ(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Two versions count differently: no number of one is a number of the other, or the first numbers (what the
    claim counts) differ and each version has a number the other lacks. A version that adds a number (a date's
    day, a share) or leaves one out tells the same count: "46% against 28%" and "46% against 31%" both say 46%."""
    if not a or not b:
        return False
    only_a = [x for x in a if not any(_same_number(x, y) for y in b)]
    only_b = [y for y in b if not any(_same_number(x, y) for x in a)]
    if len(only_a) == len(a) or len(only_b) == len(b):
        return bool(only_a and only_b)
    return bool(only_a and only_b) and not _same_number(a[0], b[0])


def same_score(lexical: float, semantic: float | None, found: list[Change], settings: MatchSettings) -> float:
    """The same-claim score in 0..1: wording (and meaning, when an encoder gave ``semantic``), lowered by changes."""
    base = (
        lexical
        if semantic is None
        else (1 - settings.semantic_weight) * lexical + settings.semantic_weight * max(semantic, 0.0)
    )
    kinds = {c.kind for c in found}
    if kinds & POLAR:
        base *= settings.contradiction_factor
    elif kinds & (CHANGING - {ChangeKind.quote}):
        base *= settings.change_factor
    return round(min(max(base, 0.0), 1.0), 4)


def classify(found: list[Change], related: bool, speakers_differ: bool = False) -> Relation:
    """The relation of two versions from their changes; ``related``: they are one claim family at all."""
    if not related:
        return Relation.different
    kinds = {c.kind for c in found}
    if kinds & CONTRADICTING:
        return Relation.contradicts
    if kinds & CHANGING:
        return Relation.changed
    if speakers_differ:
        return Relation.reattributed
    return Relation.same


@dataclass(frozen=True)
class Comparison:
    """Two versions compared: the score, the relation, what changed, and the rule that related them."""

    score: float
    relation: Relation
    changes: tuple[Change, ...]
    rule: str  # what related them: verbatim, paraphrase, semantic, toll or cross-language (which join), similar, or ""
    lexical: float
    semantic: float | None = None

    @property
    def joins(self) -> bool:
        """Whether the two versions make one assertion and so belong in one cluster."""
        return self.rule in JOINING_RULES and not any(c.kind in SPLITTING for c in self.changes)

    def to_dict(self) -> dict:
        out = asdict(self)
        out["relation"] = str(self.relation)
        out["changes"] = [c.to_dict() for c in self.changes]
        return out
