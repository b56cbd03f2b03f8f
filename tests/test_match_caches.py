"""What matching keeps to go fast (features read once per claim, the rule tested once per pair, neighbours
collected an array at a time) gives what reading everything afresh gives. Sentences written for these tests."""

from __future__ import annotations

import math

import pytest

from claimtrack.claimtext import claim_stems, read_claim
from claimtrack.match import ClaimIndex, MatchSettings, Version
from claimtrack.semantic import NeighbourSettings, VectorIndex

CLAIMS = {
    1: "الحكومة ستخفض أسعار الوقود في المحافظات الجنوبية ابتداء من الشهر المقبل",
    2: "«الحكومة ستخفض اسعار الوقود في المحافظات الجنوبية إبتداء من الشهر المقبل»",
    3: "الحكومة قررت خفض أسعار الوقود في المحافظات الجنوبية اعتبارا من الشهر القادم",
    4: "الحكومة لن تخفض أسعار الوقود في المحافظات الجنوبية ابتداء من الشهر المقبل",
    5: "وأكد المتحدث أن الحكومة ستخفض أسعار الوقود في المحافظات الجنوبية الشهر المقبل",
    6: "الحكومة سترفع رواتب المعلمين في المحافظات الجنوبية خلال العام المقبل",
    7: "الفيضانات دمرت جسورا ومدارس في القرى الساحلية",
    8: "البنك المركزي أبقى معدل الفائدة دون تغيير",
    9: "The government will cut fuel prices in the southern provinces from next month",
}
OPENERS = {("ان",), ("من", "ان"), ("الى", "ان")}


@pytest.mark.parametrize("text", [*CLAIMS.values(), "", "قال إن 3 آلاف شخص قتلوا"])
def test_claim_stems_are_the_stems_read_claim_gives(text):
    assert claim_stems(text) == read_claim(text).stems


def test_the_rule_tested_once_gives_the_full_comparison_or_nothing():
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(3)
    matrix = rng.standard_normal((len(CLAIMS), 512)).astype(np.float32)
    matrix[1] = matrix[0] + 0.1 * matrix[1]  # 1 and 2 close in meaning, 9 close to 1 across languages
    matrix[8] = matrix[0] + 0.5 * matrix[8]
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    vectors = VectorIndex({sid: matrix[k].tobytes() for k, sid in enumerate(CLAIMS)})
    speakers = {1: "الوزير", 2: "الوزير", 9: "الوزير"}
    for vector_index in (None, vectors):
        index = ClaimIndex(MatchSettings(), openers=OPENERS, vectors=vector_index)
        index.add({sid: Version(text, speakers.get(sid)) for sid, text in CLAIMS.items()})
        related = 0
        for a in CLAIMS:
            for b in CLAIMS:
                if a < b:
                    found = index.compare_related(a, b)
                    assert (found is not None) == index.related(a, b)
                    assert found is None or found == index.compare(a, b)
                    related += found is not None
        assert related >= 3


def test_an_opener_is_found_wherever_it_stands():
    # Openers are looked up by their first word: the last one in the claim decides what it reports.
    index = ClaimIndex(MatchSettings(), openers=OPENERS)
    index.add(
        {
            1: "معلومات تشير الى ان الحكومة ستخفض أسعار الوقود وأكد المسؤول ان الاسعار ستنخفض في المحافظات الجنوبية الشهر المقبل"
        }
    )
    assert index.claims[1].views[1].stems == list(claim_stems("الاسعار ستنخفض في المحافظات الجنوبية الشهر المقبل"))


def _vectors(np, ids: list[int], lean: dict[int, int]):
    rng = np.random.default_rng(5)
    matrix = rng.standard_normal((len(ids), 512)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    row = {sid: k for k, sid in enumerate(ids)}
    for b, a in lean.items():
        matrix[row[b]] = 0.8 * matrix[row[a]] + math.sqrt(1 - 0.8**2) * matrix[row[b]]
    return {sid: matrix[row[sid]].tobytes() for sid in ids}


def _pairs_one_at_a_time(index: VectorIndex, wanted: set[int] | None) -> set[tuple[int, int]]:
    """Every pair at ``min_cosine`` or more, each cosine read alone."""
    return {
        (a, b)
        for a in index.ids
        for b in index.ids
        if a < b and (wanted is None or a in wanted or b in wanted) and index.cosine(a, b) >= index.settings.min_cosine
    }


@pytest.mark.parametrize("exact_pairs", [50_000_000, 0])
def test_neighbours_collected_as_arrays_are_the_pairs_one_at_a_time(exact_pairs):
    # Ids out of order and far apart: rows map back to ids, the smaller id first, whichever row came first.
    np = pytest.importorskip("numpy")
    ids = [907, 15, 3, 40_001, 88, 512, 7, 1_000_000, 64, 2]
    vectors = _vectors(np, ids, {15: 907, 3: 40_001, 7: 88, 2: 1_000_000})
    # One table of no planes puts every vector in one bucket: hashing then finds every close pair too.
    settings = NeighbourSettings(exact_pairs=exact_pairs, tables=1, min_bits=0, bucket=10**6)
    index = VectorIndex(vectors, settings)
    assert index.pairs() == _pairs_one_at_a_time(index, None) == {(15, 907), (3, 40_001), (7, 88), (2, 1_000_000)}
    for wanted in ({3}, {88, 64}, {5}):
        assert index.pairs(wanted) == _pairs_one_at_a_time(index, wanted)
