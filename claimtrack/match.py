"""The same claim across outlets: blocking on shared words, RapidFuzz to verify, union-find for clusters.

Never all pairs. Like passim and MinHash-LSH dedup, an inverted index from shingles (here the light stems of
a claim's content words, single and in pairs) to statements proposes only pairs that share ``min_shared``
shingles rare enough to mean something (no more than ``max_df`` statements carry them); claims next to each
other when all are sorted by their stems are proposed too (sorted neighbourhood); only those pairs are scored.

A pair is the same claim when it is a near-verbatim copy (RapidFuzz ``ratio`` on the folded text), or when
most of the shorter claim's content survives in the longer one, in the same order. Content is weighed by
rarity (inverse document frequency), and names of people, places and nationalities weigh little: two claims
about Putin and Kim are not the same claim for that, what they say about them decides. With sentence vectors
(``semantic``), pairs whose meanings are close are proposed too, and a pair close enough in meaning, with some
words in common, is the same claim.

Every proposed pair is compared (``compare``): a same-claim score and a typed relation (``relation``). A
cluster is one assertion: a pair joins only when a rule says it is the same claim and nothing it asserts
differs (no negation flipped, no other number, date, place or hedge), and two clusters join only when none of
their members' assertions differ either, so a chain of near matches cannot carry 3,000 dead into a cluster
about 11,300. Pairs that are one claim family but differ are kept as relations, with the rule that related them.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from .lang import hooks_for
from .lang.text import PUNCTUATION, fold_for_match
from .counterparts import RULE as COUNTERPART
from .counterparts import counterparts
from .claimtext import ClaimText, claim_stem, claim_stems, read_claim, with_polarity
from .settings import MatchSettings
from .relation import (
    SPLITTING,
    Change,
    ChangeKind,
    Comparison,
    changes,
    classify,
    fact_changes,
    same_score,
)


@dataclass
class _View:
    stems: list[str]  # content stems in order
    predicate: list[str]  # stems without entity words: what is said, not about whom
    # Read for every candidate pair, so made once per claim: the stems as a set (built as ``set(stems)`` is, so
    # intersections iterate, and weights add up, in the same order) and the predicate's distinct stems.
    stem_set: frozenset[str] = frozenset()
    predicate_set: frozenset[str] = frozenset()


@dataclass
class _Claim:
    text: ClaimText
    views: list[_View]  # the whole claim, and the claim it reports after an inner أنّ ("تشير إلى أن ...")
    speaker: str | None
    kind: str | None
    article: str | None = None
    person: bool = False  # said by a named person in the article's body (not its headline)
    places: frozenset[str] = frozenset()  # the places a body's name names ("the Kenyan health ministry": Kenya)
    headline: bool = False  # read from the article's title ("X: claim")
    distinct: int = 0  # how many distinct content stems the claim has

    @property
    def norm(self) -> str:
        return self.text.norm

    @cached_property
    def assertion(self) -> tuple:
        return _assertion(self.text)

    @property
    def stems(self) -> list[str]:
        return list(self.text.stems)


@dataclass(frozen=True)
class Version:
    """A statement as matching reads it: the claim's text, who said it and whether it is a direct quote."""

    text: str
    speaker: str | None = None
    kind: str | None = None  # direct or indirect
    article: str | None = None  # one speaker's two statements in one article are never one cluster
    polarity: str | None = None  # "denied" when the cue denies the claim (nafa an ...), which its text then lacks
    speaker_kind: str | None = None  # person, organisation, media ...
    attribution: str | None = None  # how the speaker was read: "headline" for a title's "X: claim"


@dataclass(frozen=True)
class Link:
    """Two statements compared: the comparison, and whether it joined them into one cluster."""

    a: int
    b: int
    comparison: Comparison
    joined: bool


@dataclass
class MatchResult:
    assignment: dict[int, int]  # statement -> cluster (the smallest statement id in it)
    links: list[Link]  # every compared pair a matching rule relates (verbatim, paraphrase, semantic)
    # A headline restating a statement of its article's body -> that statement: the article's version of the claim
    # is the body's, and the headline is tied to it instead of being one more member of the cluster (a cluster of
    # its own, so it is never matched again).
    restates: dict[int, int] = field(default_factory=dict)

    def relation_rows(self) -> list[dict]:
        """The links as rows of the relations table (``Store.set_relations``)."""
        return [
            {
                "a": link.a,
                "b": link.b,
                "relation": str(link.comparison.relation),
                "score": link.comparison.score,
                "rule": link.comparison.rule,
                "joined": int(link.joined),
                "changes": [c.to_dict() for c in link.comparison.changes],
            }
            for link in self.links
        ]


def _shingles(stems: list[str], quantities: tuple[float, ...] = ()) -> set[str]:
    """Single stems, for paraphrases, and stem pairs as written, which stay rare where single words do not; and the
    claim's count (``count_shingle``)."""
    return {*stems, *(f"{a} {b}" for a, b in zip(stems, stems[1:])), *count_shingle(quantities)}


# Marks the shingle of a claim's count: no stem holds it.
COUNT_MARK = "#"


def count_shingle(quantities: tuple[float, ...]) -> tuple[str, ...]:
    """The number a claim counts (its first) as a shingle: two versions in two languages share no word, but a rare
    count ("2,059 injured") they may share, and pairs sharing it are proposed whatever else they share."""
    return (f"{COUNT_MARK}{quantities[0]:g}",) if quantities else ()


# Below this many claims, word frequencies say nothing and every word weighs the same.
MIN_CLAIMS_FOR_IDF = 3

# The rules that find one claim by its words; the others find it by meaning.
WORD_RULES = ("verbatim", "paraphrase")


class _UnionFind:
    def __init__(self, parent: dict[int, int] | None = None) -> None:
        self.parent: dict[int, int] = dict(parent or {})

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller id is the root, so a cluster's id is its first statement whatever the order of work.
            self.parent[max(ra, rb)] = min(ra, rb)


class ClaimIndex:
    """Claims by id with the inverted index that proposes which of them to compare."""

    def __init__(
        self,
        settings: MatchSettings = MatchSettings(),
        entity_words: Iterable[str] = (),
        openers: Iterable[tuple[str, ...]] = (),
        vectors=None,
        voices: dict[str, frozenset[str]] | None = None,
    ) -> None:
        """``entity_words``: names of people, places and nationalities, as written (they weigh little).
        ``openers``: folded phrases that open a reported claim ("فان", "الى ان"); what follows the last one
        is matched too. ``vectors``: a ``semantic.VectorIndex`` of the claims' sentence vectors, if any.
        ``voices``: speaker -> the bodies it speaks for (``speakers.voices``): one source named two ways."""
        self.settings = settings
        self.voices = voices or {}
        self.entities = frozenset(
            claim_stem(w)
            for word in entity_words
            for w in fold_for_match(word).split()
            if w not in hooks_for(w).STOPWORDS
        )
        # By first word: each word of a claim is looked up once, not tried against every opener.
        self.openers: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for phrase in {tuple(phrase) for phrase in openers if phrase}:
            self.openers[phrase[0]].append(phrase)
        self.vectors = vectors
        self.claims: dict[int, _Claim] = {}
        # Pairs (a < b) that are each other's counterpart (``counterparts``), found over the candidates.
        self.counterparts: set[tuple[int, int]] = set()
        self.postings: dict[str, list[int]] = defaultdict(list)
        # Weights follow document frequencies, so they are computed once per batch of claims added.
        self._weights: dict[str, float] = {}
        self._totals: dict[int, float] = {}
        # When only some claims are loaded (matching new claims against the index kept in the database), the
        # frequencies are those of every claim: how many there are, and how many carry each stem.
        self.document_count: int | None = None
        self.document_frequency: dict[str, int] | None = None

    def add(self, versions: dict[int, str | Version]) -> None:
        self._weights, self._totals = {}, {}
        for sid, version in versions.items():
            version = version if isinstance(version, Version) else Version(version)
            text = with_polarity(read_claim(version.text), version.polarity)
            person = version.speaker_kind == "person" and version.attribution != "headline"
            claim = _Claim(text, [self._view(list(text.stems))], version.speaker, version.kind, version.article, person)
            claim.headline = version.attribution == "headline"
            if version.speaker and version.speaker_kind != "person":
                # Not a person's: a surname may be a place's adjective (السوداني), a body's never names its founder.
                claim.places = _speaker_places(version.speaker)
            claim.distinct = len(claim.views[0].stem_set)
            for core in (self._core(text.norm), _announced(version.text, text.language)):
                if core and len(set(core)) >= self.settings.min_words and len(core) < len(text.stems):
                    # One outlet frames a claim ("معلومات تشير إلى أن ...", "كما حذرنا، فإن ...", "we share new
                    # information: ...") that another states bare; the framed claim is compared by what it reports too.
                    claim.views.append(self._view(core))
            self.claims[sid] = claim
            if claim.distinct >= self.settings.indexed_words:
                for shingle in _shingles(claim.stems, text.quantities):
                    self.postings[shingle].append(sid)

    def _view(self, stems: list[str]) -> _View:
        predicate = [s for s in stems if s not in self.entities]
        return _View(stems, predicate, frozenset(stems), frozenset(predicate))

    def _core(self, norm: str) -> list[str]:
        words = norm.split()
        ends = [
            i + len(p)
            for i, word in enumerate(words)
            for p in self.openers.get(word, ())
            if tuple(words[i : i + len(p)]) == p
        ]
        return list(claim_stems(" ".join(words[max(ends) :]))) if ends else []

    def candidates(self, ids: Iterable[int] | None = None) -> set[tuple[int, int]]:
        """Pairs (a < b) sharing ``min_shared`` shingles of bounded frequency or a count, neighbours in stem order,
        and neighbours in meaning when vectors are known; with ``ids``, pairs touching them."""
        wanted = None if ids is None else set(ids)
        shared: dict[tuple[int, int], int] = defaultdict(int)
        counted = set()
        for shingle, posting in self.postings.items():
            if len(posting) > self.settings.max_df or len(posting) < 2:
                continue
            ordered = sorted(posting)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    if wanted is None or a in wanted or b in wanted:
                        shared[(a, b)] += 1
                        if shingle.startswith(COUNT_MARK):
                            counted.add((a, b))
        pairs = counted | {pair for pair, n in shared.items() if n >= self.settings.min_shared}
        if self.vectors is not None:
            pairs |= {(a, b) for a, b in self.vectors.pairs(wanted) if a in self.claims and b in self.claims}
        return pairs | self._neighbours(wanted)

    def _neighbours(self, wanted: set[int] | None) -> set[tuple[int, int]]:
        """Pairs close in the claims sorted by their stems, read forwards and backwards.

        The df cap drops every shingle of a claim that hundreds of outlets copied, so blocking alone never
        proposes those copies; sorted neighbourhood (as record linkage blocks) brings copies that differ in a
        word or two together without comparing all pairs.
        """
        indexed = [sid for sid, c in self.claims.items() if c.distinct >= self.settings.min_words]
        pairs = set()
        for key in (lambda sid: self.claims[sid].text.stems, lambda sid: self.claims[sid].text.stems[::-1]):
            ordered = sorted(indexed, key=key)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 : i + 1 + self.settings.window]:
                    if wanted is None or a in wanted or b in wanted:
                        pairs.add((a, b) if a < b else (b, a))
        return pairs

    def weight(self, stem: str) -> float:
        """Inverse document frequency, scaled down for names and places; 1 for all when there are too few
        claims for frequencies to mean anything (two sentences compared on their own)."""
        w = self._weights.get(stem)
        if w is None:
            n = len(self.claims) if self.document_count is None else self.document_count
            if self.document_frequency is None:
                df = len(self.postings.get(stem, ()))
            else:
                df = self.document_frequency.get(stem, 0)
            idf = 1.0 if n < MIN_CLAIMS_FOR_IDF else max(math.log((n + 1) / (df + 0.5)), 0.0)
            w = self._weights[stem] = idf * (self.settings.entity_weight if stem in self.entities else 1.0)
        return w

    def _total(self, view: _View) -> float:
        key = id(view)
        total = self._totals.get(key)
        if total is None:
            total = self._totals[key] = sum(self.weight(w) for w in view.stem_set)
        return total

    def same_claim(self, a: int, b: int) -> bool:
        """Whether two claims are one assertion (``compare(a, b).joins``)."""
        return self.compare(a, b).joins

    def compare(self, a: int, b: int) -> Comparison:
        """Score, relation, changes and the rule relating two claims."""
        ca, cb = self.claims[a], self.claims[b]
        lexical = self._lexical(ca, cb)
        semantic = self.vectors.cosine(a, b) if self.vectors is not None else None
        rule = self._rule(ca, cb, lambda: lexical, semantic) or self._counterpart(a, b)
        return self._comparison(ca, cb, rule, lexical, semantic)

    def compare_related(self, a: int, b: int) -> Comparison | None:
        """``compare(a, b)`` when a matching rule relates the two claims, else None (``related``): the rule is
        tested first, and what it read (the cosine, the word overlap) is not read again for the comparison."""
        ca, cb = self.claims[a], self.claims[b]
        semantic = self.vectors.cosine(a, b) if self.vectors is not None else None
        read: list[float] = []

        def lexical() -> float:
            if not read:
                read.append(self._lexical(ca, cb))
            return read[0]

        rule = self._rule(ca, cb, lexical, semantic) or self._counterpart(a, b)
        return self._comparison(ca, cb, rule, lexical(), semantic) if rule else None

    def _counterpart(self, a: int, b: int) -> str:
        return COUNTERPART if ((a, b) if a < b else (b, a)) in self.counterparts else ""

    def _comparison(self, ca: _Claim, cb: _Claim, rule: str, lexical: float, semantic: float | None) -> Comparison:
        s = self.settings
        found = changes(ca.text, cb.text)
        if ca.kind and cb.kind and ca.kind != cb.kind:
            found.append(Change(ChangeKind.quote, ca.kind, cb.kind))
        speakers_differ = bool(ca.speaker and cb.speaker) and not _one_speaker(ca, cb)
        if speakers_differ:
            found.append(Change(ChangeKind.speaker, ca.speaker, cb.speaker))
        if not rule and same_score(lexical, semantic, [], s) >= s.family:
            rule = "similar"
        return Comparison(
            score=same_score(lexical, semantic, found, s),
            relation=classify(found, bool(rule), speakers_differ),
            changes=tuple(found),
            rule=rule,
            lexical=round(lexical, 4),
            semantic=None if semantic is None else round(semantic, 4),
        )

    def related(self, a: int, b: int) -> bool:
        """Whether a matching rule relates two claims: the cheap test before ``compare``."""
        ca, cb = self.claims[a], self.claims[b]
        semantic = self.vectors.cosine(a, b) if self.vectors is not None else None
        return bool(self._rule(ca, cb, lambda: self._lexical(ca, cb), semantic) or self._counterpart(a, b))

    def joins_alone(self, a: int, b: int, comparison: Comparison) -> bool:
        """Whether a link may make one claim of two statements by itself: always across articles; in one article only by
        a rule on words (verbatim, paraphrase), and when two named people each make it (an ambassador and a spokesman),
        when one source says it twice (the two must restate each other: ``_Clusters``), or when the two restate each
        other whoever said them (a headline giving the speaker's title, the body his name). Otherwise a claim given in
        one article to a body or an outlet and to a person, or to a headline's source and another in the body, is most
        often one source named two ways (a council's statement and its chairman's speech, an agency and the minister it
        reports, a club in the headline and its coach in the body), whose two statements on one subject are often two
        claims: those share a cluster only when both are the claim of another article."""
        ca, cb = self.claims[a], self.claims[b]
        if ca.article is None or ca.article != cb.article:
            return True
        if comparison.rule not in WORD_RULES:
            # In one article, two statements close in meaning but not in words are most often a question and its
            # answer, or a claim and its rebuttal ("you will not put words in my mouth" / "I am not putting ...").
            return False
        return ca.speaker == cb.speaker or (ca.person and cb.person) or comparison.lexical >= self.settings.restatement

    def _lexical(self, ca: _Claim, cb: _Claim) -> float:
        return max(self._dice(va, vb) for va in ca.views for vb in cb.views)

    def _rule(self, ca: _Claim, cb: _Claim, lexical, semantic: float | None) -> str:
        """The rule by which two claims are the same claim, or "" when none says so; ``lexical`` is called only
        when the semantic rule needs the word overlap."""
        s = self.settings
        shorter = min(ca.distinct, cb.distinct)
        if shorter < s.min_words:
            # A few words ("I have accepted that advice") are a claim's copy only from one source's mouth.
            copied = shorter >= s.min_copy_words and _one_source(ca, cb)
            return "verbatim" if copied and (_copies(ca, cb, s) or _copied_inside(ca, cb, s)) else ""
        if _copies(ca, cb, s):
            return "verbatim"
        if _counted_apart(ca.text, cb.text):
            return ""
        if ca.places and cb.places and not ca.places & cb.places:
            # One kind of body in two countries (two health ministries, two police forces) each announces its own:
            # the same words from both ("the first case recorded") are two claims, unless one copies the other.
            return ""
        if any(self._paraphrase(va, vb) for va in ca.views for vb in cb.views):
            if _named_alike(ca, cb):
                return "paraphrase"
            if (_one_source(ca, cb) or lexical() >= s.other_speaker_dice) and _close_in_meaning(semantic, s):
                return "paraphrase"
        elif _named_alike(ca, cb) and lexical() >= s.reordered:
            # Clauses in another order ("not part of the problem but of the solution" / "part of the solution, not
            # the problem") share most of their words out of order: from one speaker's mouth, one claim.
            return "paraphrase"
        if semantic is not None and semantic >= s.semantic and _counts_alike(ca, cb):
            return "semantic"
        if semantic is not None and semantic >= s.semantic and lexical() >= s.semantic_support:
            shared = max(len(va.predicate_set & vb.predicate_set) for va in ca.views for vb in cb.views)
            # a number both give says what is said as a word does ("wants 4.5 billion" / "asked for 4.5 billion")
            shared += bool(set(ca.text.quantities) & set(cb.text.quantities))
            needed = s.semantic_shared_named if _named_alike(ca, cb) else s.semantic_shared
            if shared >= needed and _anchored(ca, cb, semantic, s):
                return "semantic"
        if _one_toll(ca.text, cb.text, s.min_toll) and (lexical() if semantic is None else semantic) >= s.toll:
            return "toll"
        if semantic is not None and _across_languages(ca, cb, semantic, s, self.voices):
            return "cross-language"
        return ""

    def _dice(self, va: _View, vb: _View) -> float:
        total = self._total(va) + self._total(vb)
        shared = sum(self.weight(w) for w in va.stem_set.intersection(vb.stems))
        return 2 * shared / total if total else 0.0

    def _paraphrase(self, va: _View, vb: _View) -> bool:
        s = self.settings
        in_order = LCSseq.similarity(va.predicate, vb.predicate, score_cutoff=s.min_shared)
        if in_order < s.min_shared:
            return False
        # Fewer words agreeing in order is weaker evidence, so more of the content must be shared.
        needed = s.min_overlap + s.overlap_step * max(0, s.min_shared + 2 - in_order)
        shared = sum(self.weight(w) for w in va.stem_set.intersection(vb.stems))
        smaller = min(self._total(va), self._total(vb))
        if smaller <= 0 or shared / smaller < needed:
            return False
        return 2 * shared / (self._total(va) + self._total(vb)) >= s.min_dice


# The last mark announcing what follows (a colon) that no digit follows.
_INTRODUCER = "[" + re.escape(PUNCTUATION["introducers"]) + r"](?!\d)"
_ANNOUNCED = re.compile(rf"{_INTRODUCER}(?!.*{_INTRODUCER})", re.S)


def _announced(text: str, language: str) -> list[str]:
    """The content stems after the last colon of a claim (what "... information:" announces), or none."""
    found = _ANNOUNCED.search(text)
    return list(claim_stems(text[found.end() :], language)) if found else []


def _copies(ca: _Claim, cb: _Claim, settings: MatchSettings) -> bool:
    """A near-verbatim copy: the folded texts nearly the same, or the same content words in the same order (a copy
    opened by "and" or "that", which in a claim of a few words is a large share of its letters)."""
    return ca.text.stems == cb.text.stems or bool(fuzz.ratio(ca.norm, cb.norm, score_cutoff=settings.verbatim))


def _copied_inside(ca: _Claim, cb: _Claim, settings: MatchSettings) -> bool:
    """A few words copied with a few more after or before them ("It is completely untrue" / "This is completely
    untrue; it's pure fiction"): the shorter's content words all in the longer, in order, its text nearly a part of
    the longer's, and the longer at most twice as many content words."""
    short, long = sorted((ca, cb), key=lambda c: len(c.text.stems))
    if not short.text.stems or len(long.text.stems) > 2 * len(short.text.stems):
        return False
    if LCSseq.similarity(short.text.stems, long.text.stems) < len(short.text.stems):
        return False
    return bool(fuzz.partial_ratio(short.norm, long.norm, score_cutoff=settings.verbatim))


def _anchored(ca: _Claim, cb: _Claim, semantic: float, settings: MatchSettings) -> bool:
    """What ties two claims close in meaning to one assertion besides the words of their subject: one speaker, or
    one number they both give. Two sources saying close things on one subject (rescuers "continue the search"
    after two disasters; a visit, and what the visit may bring) are two claims unless their meaning is closer
    still (``semantic_other_speaker``)."""
    if ca.speaker and _one_speaker(ca, cb):
        return True
    if set(ca.text.quantities) & set(cb.text.quantities) and ca.text.toll == cb.text.toll:
        return True  # one number, of the dead on both sides or on neither: 27 dead are not 27 wounded
    return semantic >= settings.semantic_other_speaker


def _counted_apart(a: ClaimText, b: ClaimText) -> bool:
    """A number both give that each says counts another thing (60 wounded, 60 missing): what it counts is the claim."""
    return any(
        v in a.counts and v in b.counts and a.counts[v] != b.counts[v] for v in set(a.quantities) & set(b.quantities)
    )


@lru_cache(maxsize=4096)
def _speaker_places(speaker: str) -> frozenset[str]:
    """The places a speaker's name names, by the packs' shared key (a body kept to its article by its name alone)."""
    from .speakers.latin import ARTICLE_SCOPE

    return frozenset(read_claim(speaker.split(ARTICLE_SCOPE)[0]).places)


MIN_COUNTS_ALIKE = 2  # numbers one speaker's two claims give alike that make them one claim by meaning alone


def _counts_alike(ca: _Claim, cb: _Claim) -> bool:
    """One named speaker giving the same numbers, at least two, in the same order, which outlets write in figures or
    in words ("9 حالات، بينها 8 وفيات" / "بتسع حالات، بينها ثماني وفيات"): the numbers stand in for the words the two
    do not share."""
    both = ca.text.quantities
    return _named_alike(ca, cb) and len(both) >= MIN_COUNTS_ALIKE and both == cb.text.quantities


def _named_alike(ca: _Claim, cb: _Claim) -> bool:
    """One speaker, named and read the same way on both sides (not a body or a title kept to its article)."""
    return ca.speaker == cb.speaker and not _no_one_outside(ca.speaker)


def _close_in_meaning(semantic: float | None, settings: MatchSettings) -> bool:
    """Whether two speakers' claims that share words are close enough in meaning to be one claim: words two sources
    share may be only their subject's (the attack, the place it struck), said of it by one ("claimed the attack on
    the mosque") and another ("dealt with a shooting at the mosque"), which the encoder puts far apart. Without
    vectors the words decide alone."""
    return semantic is None or semantic >= settings.other_speaker_meaning


def _one_source(ca: _Claim, cb: _Claim) -> bool:
    """One speaker on both sides, or a side whose speaker is no one outside its article: not read (a quote left
    unattributed), or kept to its article ("the ministry", "the police" left unnamed), which may be any source."""
    return _one_speaker(ca, cb) or _no_one_outside(ca.speaker) or _no_one_outside(cb.speaker)


def _one_speaker(ca: _Claim, cb: _Claim) -> bool:
    """One speaker's name on both sides, or a person's full name and family name alone ("Andrew Holness", "Holness")."""
    return ca.speaker == cb.speaker or _family_name_of(ca.speaker, cb.speaker)


def _family_name_of(a: str | None, b: str | None) -> bool:
    # Imported here: the command line imports this module, not speakers, for --help.
    from .speakers.latin import family_name_of

    return family_name_of(a, b)


def _no_one_outside(speaker: str | None) -> bool:
    """Whether a speaker names no one outside its article: not read, or kept to its article."""
    from .speakers.latin import kept_to_article, unknown_speaker

    return unknown_speaker(speaker) or kept_to_article(speaker)


def _across_languages(
    ca: _Claim, cb: _Claim, semantic: float, settings: MatchSettings, voices: dict[str, frozenset[str]]
) -> bool:
    """Two claims in different languages share no words to require: what ties them besides their meaning is
    their source, one person whether named in one script or two (a report quoting "Grandi" and another
    "Filippo Grandi" in Arabic letters), or a body and the spokesperson who speaks for it (a report quoting the
    State Department, the original its spokesman), at a closer meaning (``cross_language_voice``): one body's
    voices say more claims on one subject than one person does. A version whose speaker was not read (a quote left
    unattributed) names no one to compare, so it needs a meaning closer still (``cross_language_unattributed``);
    two different sources never do."""
    if ca.text.language == cb.text.language:
        return False
    # Imported here: the command line imports this module, not speakers, for --help.
    from .speakers.latin import unknown_speaker

    floor = _source_floor(ca, cb, settings, voices)
    if floor is None:
        unread = unknown_speaker(ca.speaker) or unknown_speaker(cb.speaker)
        return unread and semantic >= settings.cross_language_unattributed
    return semantic >= floor or (semantic >= settings.cross_language_counted and _one_count(ca.text, cb.text))


def _source_floor(ca: _Claim, cb: _Claim, settings: MatchSettings, voices: dict[str, frozenset[str]]) -> float | None:
    """The cosine at which two claims are one claim by who said them: one person, or one voice (a body and who speaks
    for it); None for two sources, or one not read."""
    from .speakers.latin import same_person
    from .speakers.voices import one_voice

    if same_person(ca.speaker, cb.speaker):
        return settings.cross_language
    if one_voice(ca.speaker, cb.speaker, voices):
        return settings.cross_language_voice
    return None


def _one_toll(a: ClaimText, b: ClaimText, least: int) -> bool:
    """Both versions, in one language, give one death toll of at least ``least``: the figure each gives by a word
    naming the dead (``ClaimText.dead``) is one. Outlets word a toll every way ("27 lost their lives" / "left 27 dead") and
    credit it to whoever they heard it from (the government, officials, state media), so neither words nor speakers
    need agree, only the meaning be close enough (``toll``) that the dead are of one event: two disasters with one toll
    are far apart, and "two dead" is said of too many storms to tell one; nor is one toll of a fire and of a crash
    (each version naming a kind of event, none the same: the packs' ``event_kinds``) one, nor two versions that each
    give other figures, some not the other's (the wounded, the missing: two tolls, the gold's related claims)."""
    if a.events and b.events and not a.events & b.events:
        return False
    if len(a.numbers) > 1 and len(b.numbers) > 1 and not (a.numbers <= b.numbers or b.numbers <= a.numbers):
        return False  # one number of dead, another of wounded each: two tolls, related claims ("24 و87" / "24 و73")
    return a.dead is not None and a.dead == b.dead and a.language == b.language and a.dead >= least


def _one_count(a: ClaimText, b: ClaimText) -> bool:
    """Both versions count the same thing by the same number: the first number each gives (what the claim counts)."""
    return bool(a.quantities and b.quantities and a.quantities[0] == b.quantities[0])


def match_all(
    versions: dict[int, str | Version],
    settings: MatchSettings = MatchSettings(),
    entity_words: Iterable[str] = (),
    openers: Iterable[tuple[str, ...]] = (),
    vectors=None,
    voices: dict[str, frozenset[str]] | None = None,
) -> MatchResult:
    """Clusters and relations of every statement given."""
    index = ClaimIndex(settings, entity_words, openers, vectors, voices)
    index.add(versions)
    return _link(index, index.candidates(), {})


def match_added(
    stored: dict[int, int],
    versions: dict[int, str | Version],
    new: Iterable[int],
    settings: MatchSettings = MatchSettings(),
    entity_words: Iterable[str] = (),
    openers: Iterable[tuple[str, ...]] = (),
    vectors=None,
) -> MatchResult:
    """Clusters after adding the ``new`` statements to those ``stored`` (statement -> cluster) already matched.

    Only pairs with a new statement are scored; stored links stand. The assignment holds the statements whose
    cluster is new or changed; the links, the pairs scored.
    """
    index = ClaimIndex(settings, entity_words, openers, vectors)
    index.add(versions)
    new = set(new)
    return match_candidates(index, index.candidates(new), stored, new)


def match_candidates(
    index: ClaimIndex,
    pairs: set[tuple[int, int]],
    stored: dict[int, int],
    new: set[int],
    restating: Iterable[int] = (),
) -> MatchResult:
    """``match_added`` with the candidate pairs found elsewhere (by ``match_index``, in the database): the
    ``index`` holds the new claims, their candidates and every member of the candidates' clusters; ``restating``,
    the stored statements that restate another (``MatchResult.restates``), which are matched no more."""
    result = _link(index, pairs, stored, frozenset(restating))
    result.assignment = {
        sid: c for sid, c in result.assignment.items() if sid in new or stored.get(sid) != c or sid in result.restates
    }
    return result


def cluster(
    versions: dict[int, str | Version],
    settings: MatchSettings = MatchSettings(),
    entity_words: Iterable[str] = (),
    openers: Iterable[tuple[str, ...]] = (),
) -> dict[int, int]:
    """Statement id -> cluster id (the smallest statement id in it) for every statement given."""
    return match_all(versions, settings, entity_words, openers).assignment


def match_new(
    stored: dict[int, int],
    versions: dict[int, str | Version],
    new: Iterable[int],
    settings: MatchSettings = MatchSettings(),
    entity_words: Iterable[str] = (),
    openers: Iterable[tuple[str, ...]] = (),
) -> dict[int, int]:
    """``match_added``'s assignment: the statements whose cluster is new or changed."""
    return match_added(stored, versions, new, settings, entity_words, openers).assignment


def _assertion(text: ClaimText) -> tuple:
    """What a claim asserts beyond its words: two claims with one key never differ in a fact."""
    return (
        text.quantities,
        text.dates,
        frozenset(text.places),
        text.negations,
        text.denied,
        text.directions,
    )


def _splits(found: list[Change]) -> bool:
    return any(c.kind in SPLITTING for c in found)


# Members of each cluster checked against each member of the other before two clusters join: linkage over a
# sample, so that a cluster of hundreds of copies costs no more than this squared to join.
LINKAGE_SAMPLE = 8


class _Clusters:
    """The clusters being built, and whether two of them may join: a cluster is one assertion, so every member of one
    must be the same claim as every member of the other (complete linkage by default, not a chain of near matches:
    ``_linked``), no member may differ from another in a fact (3,000 dead and 11,300 dead never share a cluster even
    through a number-less middle statement), and no speaker may have two statements of one article in it (an article
    gives a speaker's claim once: two of them joined are two claims of one speaker on one subject, or a headline
    restating the body, which a relation records; two speakers of one article may make one claim)."""

    def __init__(self, index: ClaimIndex, uf: _UnionFind) -> None:
        self.index, self.uf = index, uf
        self.members: dict[int, list[int]] = defaultdict(list)
        for sid in sorted(index.claims):
            self.members[uf.find(sid)].append(sid)
        self._compared: dict[tuple[int, int], Comparison] = {}

    def compare(self, a: int, b: int) -> Comparison:
        key = (a, b) if a < b else (b, a)
        if key not in self._compared:
            self._compared[key] = self.index.compare(*key)
        return self._compared[key]

    def compare_related(self, a: int, b: int) -> Comparison | None:
        """``compare``, for a pair a matching rule relates; None (and nothing kept) for the others."""
        key = (a, b) if a < b else (b, a)
        if key not in self._compared:
            comparison = self.index.compare_related(*key)
            if comparison is None:
                return None
            self._compared[key] = comparison
        return self._compared[key]

    def can_join(self, a: int, b: int) -> bool:
        ra, rb = self.uf.find(a), self.uf.find(b)
        if ra == rb:
            return False
        xs, ys = self.members[ra], self.members[rb]
        if not self._sources_apart(xs, ys):
            return False
        if not self._facts_agree(xs, ys):
            return False
        return self._linked(xs[:LINKAGE_SAMPLE], ys[:LINKAGE_SAMPLE])

    def _sources_apart(self, xs: list[int], ys: list[int]) -> bool:
        """No source (a speaker in one article) has two statements in the joined cluster, unless one restates the
        other: a headline copying the body's claim, or the body repeating it, says one claim twice. A speaker kept to
        its article ("the organisation", "the minister" left unnamed) may be any source of that article: the body
        the article named before, most often."""
        by_article: dict[object, list[int]] = defaultdict(list)
        for x in xs:
            by_article[self._article(x)].append(x)
        return all(
            self._restates(x, y)
            for y in ys
            for x in by_article.get(self._article(y), ())
            if self._may_be_one_source(x, y)
        )

    def _restates(self, x: int, y: int) -> bool:
        """Whether two statements of one source in one article say one claim twice: their words overlap by
        ``restatement`` (two claims of one interview share their subject's words, not three quarters of all their
        words); a headline and its body need only be one claim, as the headline is then tied to the body's statement
        (``_restatements``) and the cluster still holds the article's version once."""
        comparison = self.compare(x, y)
        if self.index.claims[x].headline or self.index.claims[y].headline:
            return comparison.joins
        settings = self.index.settings
        close = comparison.semantic is not None and comparison.semantic >= settings.restatement_meaning
        return comparison.joins and (comparison.lexical >= settings.restatement or close)

    def _article(self, sid: int) -> object:
        claim = self.index.claims[sid]
        return claim.article if claim.article is not None else (sid,)

    def _may_be_one_source(self, x: int, y: int) -> bool:
        # Imported here: the command line imports this module, not speakers, for --help.
        from .speakers.latin import kept_to_article

        cx, cy = self.index.claims[x], self.index.claims[y]
        return cx.speaker == cy.speaker or kept_to_article(cx.speaker) or kept_to_article(cy.speaker)

    def _facts_agree(self, xs: list[int], ys: list[int]) -> bool:
        texts_x = {c.assertion: c.text for c in (self.index.claims[x] for x in xs)}
        texts_y = {c.assertion: c.text for c in (self.index.claims[y] for y in ys)}
        return all(
            kx == ky or not _splits(fact_changes(tx, ty)) for kx, tx in texts_x.items() for ky, ty in texts_y.items()
        )

    def _linked(self, xs: list[int], ys: list[int]) -> bool:
        """Linkage within a language: every pair of members is one claim family with no fact differing, and
        ``linkage_share`` of the pairs at least are one claim by a joining rule: all of them by default (complete
        linkage, so that a chain of near matches cannot carry a cluster to another claim); at two in three, one
        member saying more than the others (a version holding a second claim, a long report beside short ones) no
        longer keeps a claim's other versions apart, and a statement still joins a cluster of two only when it is
        one claim with both. Across two
        languages no words are shared to judge by: there a pair passes when no fact differs, and the two clusters
        must be close in meaning on average (average linkage over their pairs in two languages). A cluster may
        hold one claim under two speakers (a joint statement and the spokesman who read it out); the link that
        joins the clusters has found one speaker on both sides, so the mean may fall a little short of that
        link's own threshold (``cross_language_linkage``): one outlet's shorter or looser copy of the claim lowers
        it without making it another claim. Pairs in two languages that each join by themselves (one source and
        one count, at a looser meaning) need no mean."""
        share = self.index.settings.linkage_share
        cosines, every_pair_joins = [], True
        related = joined = 0
        for x in xs:
            for y in ys:
                comparison = self.compare(x, y)
                if _splits(list(comparison.changes)):
                    return False
                if self.index.claims[x].text.language != self.index.claims[y].text.language:
                    if comparison.semantic is None:
                        return False
                    cosines.append(comparison.semantic)
                    every_pair_joins = every_pair_joins and (comparison.joins or self._counted_alike(x, y))
                    continue
                if not comparison.rule:
                    return False
                related += 1
                joined += comparison.joins
                if related - joined > (1 - share) * len(xs) * len(ys):
                    return False  # too many pairs apart already, whatever the rest
        if joined < share * related:
            return False
        return (
            not cosines or every_pair_joins or sum(cosines) / len(cosines) >= self.index.settings.cross_language_linkage
        )

    def _counted_alike(self, x: int, y: int) -> bool:
        """One source giving one count in two languages: beside a pair that joins the two clusters, a version that
        says the same number from the same mouth is that claim however loosely it is worded (one outlet's reported
        speech, another's quotation)."""
        cx, cy = self.index.claims[x], self.index.claims[y]
        same_source = _source_floor(cx, cy, self.index.settings, self.index.voices) is not None
        return same_source and _one_count(cx.text, cy.text)

    def join(self, a: int, b: int) -> None:
        ra, rb = self.uf.find(a), self.uf.find(b)
        self.uf.union(a, b)
        root = self.uf.find(a)
        other = rb if root == ra else ra
        self.members[root] = sorted(self.members[root] + self.members.pop(other, []))


def _link(
    index: ClaimIndex, pairs: set[tuple[int, int]], stored: dict[int, int], restating: frozenset[int] = frozenset()
) -> MatchResult:
    """Compare the candidate pairs a matching rule relates, then join clusters best pair first; then tie each
    headline restating its article's body to the body's version (``_restatements``)."""
    uf = _UnionFind(stored)
    clusters = _Clusters(index, uf)
    index.counterparts = counterparts(index, pairs)
    compared: list[tuple[int, int, Comparison]] = []
    for a, b in sorted(pairs):
        # Stored statements already in one cluster stay so; only a matching rule makes two statements one claim
        # family ("similar" is for pairs a user puts side by side in ``compare``), and testing it first spares
        # the full comparison. A stored restatement is its article's body's version, which is matched instead.
        if uf.find(a) == uf.find(b) or a in restating or b in restating:
            continue
        comparison = clusters.compare_related(a, b)
        if comparison is not None:
            compared.append((a, b, comparison))
    # Best first: a statement joins the cluster it is most surely the same claim as, before a weaker link could
    # put it elsewhere. A copy is surer than any paraphrase, though a word or a hedge it changed lowers its score
    # below one sharing only the subject's words ("the Boeing of the national airline ...").
    joined: set[tuple[int, int]] = set()
    for a, b, comparison in sorted(compared, key=lambda c: (c[2].rule != "verbatim", -c[2].score, c[0], c[1])):
        if comparison.joins and index.joins_alone(a, b, comparison) and clusters.can_join(a, b):
            clusters.join(a, b)
            joined.add((a, b))
    links = [Link(a, b, comparison, (a, b) in joined) for a, b, comparison in compared]
    assignment = {sid: uf.find(sid) for sid in index.claims}
    restates = _restatements(index, assignment)
    return MatchResult(_without(assignment, restates), links, restates)


def _restatements(index: ClaimIndex, assignment: dict[int, int]) -> dict[int, int]:
    """Each headline ("X: claim") in one cluster with statements of its own article's body -> the one of them with
    the most content words (the first on a tie). A cluster holds each article's version of a claim once: the body's,
    which has the cue, the speaker's name and the context; the title restating it is the article's shorthand for it,
    not another outlet carrying the claim. A headline that is its article's only version in the cluster stays."""
    body: dict[tuple[int, object], list[int]] = defaultdict(list)
    for sid, claim in index.claims.items():
        if claim.article is not None and not claim.headline:
            body[(assignment[sid], claim.article)].append(sid)
    restates = {}
    for sid, claim in index.claims.items():
        versions = body.get((assignment[sid], claim.article)) if claim.headline else None
        if versions:
            restates[sid] = min(versions, key=lambda v: (-index.claims[v].distinct, v))
    return restates


def _without(assignment: dict[int, int], restates: dict[int, int]) -> dict[int, int]:
    """The assignment once each restatement leaves its cluster for one of its own; a cluster whose first statement
    left is named by its next, as a cluster's id is its smallest statement id."""
    if not restates:
        return assignment
    first: dict[int, int] = {}
    for sid in sorted(assignment):
        if sid not in restates:
            first.setdefault(assignment[sid], sid)
    return {sid: sid if sid in restates else first[cluster] for sid, cluster in assignment.items()}


def attribution_conflicts(claims: list[dict]) -> list[dict]:
    """Claim clusters (``Store.claims`` rows) whose statements are put in more than one speaker's mouth."""
    return [c for c in claims if len(c["speakers"]) > 1]


def title_conflicts(statements: list[dict]) -> list[dict]:
    """Speakers given different titles (``role_as_written``) by different outlets, one row per speaker."""
    titles: dict[str, dict[str, set[tuple[str, str]]]] = defaultdict(lambda: defaultdict(set))
    for st in statements:
        if st.get("role_as_written"):
            outlet = st.get("outlet") or st["article"]
            titles[st["speaker"]][fold_for_match(st["role_as_written"])].add((st["role_as_written"], outlet))
    rows = []
    for speaker, by_title in sorted(titles.items()):
        written = sorted(pair for pairs in by_title.values() for pair in pairs)
        if len(by_title) > 1 and len({outlet for _, outlet in written}) > 1:
            rows.append({"speaker": speaker, "titles": [f"{role} ({outlet})" for role, outlet in written]})
    return rows
