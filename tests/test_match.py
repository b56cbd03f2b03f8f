"""Claim matching on small sentences written for these tests (not article text)."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import pytest

from claimtrack.claimtext import claim_stems
from claimtrack.lang.ar import content_stems, light_stem
from claimtrack.lang.text import fold_for_match
from claimtrack.diff import word_diff
from claimtrack.match import ClaimIndex, MatchSettings, Version, cluster, match_all, match_candidates, match_new
from claimtrack.semantic import VectorIndex

ENTITIES = ["روسيا", "الصين", "فرنسا", "ماكرون"]

CLAIMS = {
    # A claim and a near-verbatim copy: other hamza, a clitic, quotation marks.
    1: "الحكومة ستخفض أسعار الوقود في المحافظات الجنوبية ابتداء من الشهر المقبل",
    2: "«الحكومة ستخفض اسعار الوقود في المحافظات الجنوبية إبتداء من الشهر المقبل»",
    # A paraphrase: most content words survive, in order, a few change.
    3: "الحكومة قررت خفض أسعار الوقود في المحافظات الجنوبية اعتبارا من الشهر القادم",
    # The same speaker's different claim, about the same places.
    4: "الحكومة سترفع رواتب المعلمين في المحافظات الجنوبية خلال العام المقبل",
    # A different claim sharing only names.
    5: "ماكرون يزور روسيا والصين لبحث التجارة الزراعية",
    6: "ماكرون يلتقي قادة روسيا والصين في قمة المناخ",
    # Unrelated fillers so that words have a frequency.
    7: "الفيضانات دمرت جسورا ومدارس في القرى الساحلية",
    8: "البنك المركزي أبقى معدل الفائدة دون تغيير",
}
NORMS = {sid: fold_for_match(text) for sid, text in CLAIMS.items()}  # what the store keeps and matching reads


def _clusters(assignment: dict[int, int]) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for sid, c in assignment.items():
        groups.setdefault(c, set()).add(sid)
    return {frozenset(g) for g in groups.values()}


def test_light_stem_folds_clitics_and_keeps_names():
    assert light_stem("بالأسلحة") == light_stem("أسلحة") == light_stem("الاسلحة")
    assert light_stem("للقرارات") == light_stem("قرارات")
    assert light_stem("بقطار") == light_stem("القطار")
    assert light_stem("بوتين").startswith("بو")  # a name's first letter is not a particle
    # a word opening with و or ف reads alike with the article and without it, "and" written on it or not
    assert light_stem("الوزير") == light_stem("وزير") == light_stem("والوزير") == light_stem("للوزير")
    assert light_stem("الفريق") == light_stem("فريق")
    assert content_stems(fold_for_match("قال إن في من الحكومة")) == ["قال", "حكوم"]
    # "بشأن" (about) is a preposition: a claim "about raising sales" is what it says about them
    assert content_stems(fold_for_match("رسائل بشأن رفع المبيعات")) == content_stems(
        fold_for_match("رسائل رفع المبيعات")
    )


# (one word, another, whether a claim reads them as one word): the packs' synonym groups, a singular and its broken
# plural, two spellings; words of one story that mean other things stay apart.
SYNONYM_STEMS = [
    ("مقتل", "وفاة", True),
    ("قتلى", "مصرع", True),
    ("الأنباء", "الأخبار", True),
    ("المحادثات", "المفاوضات", True),
    ("صاروخ", "صواريخ", True),
    ("رفعت", "ارتفاع", True),  # raised and rose: one count told two ways
    ("مقتل", "إصابة", False),
    ("المباحث", "المحادثات", False),  # the investigations police, not talks
    ("killed", "died", True),
    ("negotiations", "talks", True),
    ("travelled", "traveled", True),
    ("warmest", "hottest", True),
    ("killed", "injured", False),
    ("visit", "talks", False),
]


@pytest.mark.parametrize("a, b, same", SYNONYM_STEMS)
def test_synonyms_are_one_word_to_a_claim(a, b, same):
    assert (claim_stems(a) == claim_stems(b)) == same


def test_verbatim_and_paraphrase_meet_different_claims_do_not():
    groups = _clusters(cluster(NORMS, entity_words=ENTITIES))
    assert frozenset({1, 2, 3}) in groups
    assert not any({1, 4} <= g for g in groups)
    assert not any({5, 6} <= g for g in groups)


def test_cluster_id_is_the_first_statement():
    assignment = cluster(NORMS, entity_words=ENTITIES)
    assert assignment[2] == assignment[3] == 1
    assert assignment[8] == 8


def test_thresholds_change_the_outcome():
    strict = MatchSettings(verbatim=101, min_overlap=0.99)
    groups = _clusters(cluster(NORMS, strict, ENTITIES))
    assert frozenset({1, 2, 3}) not in groups


def test_incremental_equals_full_rematch():
    old = {k: v for k, v in NORMS.items() if k in (1, 4, 5, 7)}
    stored = cluster(old, entity_words=ENTITIES)
    changes = match_new(stored, NORMS, [2, 3, 6, 8], entity_words=ENTITIES)
    incremental = {**stored, **changes}
    assert incremental == cluster(NORMS, entity_words=ENTITIES)
    assert set(changes) == {2, 3, 6, 8}  # stored statements kept their clusters


def test_blocking_skips_common_words_and_scores_only_candidates():
    index = ClaimIndex(MatchSettings(max_df=2, min_shared=2, window=0), ENTITIES)
    index.add(NORMS)
    pairs = index.candidates()
    assert (1, 2) in pairs and (7, 8) not in pairs
    # "المحافظات" and "الجنوبية" are in 4 claims: over the cap, so 1-4 share nothing to block on.
    assert (1, 4) not in pairs


def test_word_diff_marks_changes_and_merges_small_gaps():
    ops = word_diff("قال الوزير إن الخطة ستنجح حتما", "قال الوزير إن الخطة قد تفشل حتما")
    assert [o.op for o in ops] == ["equal", "replace", "equal"]
    assert ops[1].a == "ستنجح" and ops[1].b == "قد تفشل"
    merged = word_diff("أ ب ج د هـ", "أ س ج ص هـ")
    assert [o.op for o in merged] == ["equal", "replace", "equal"]
    assert word_diff("«الأسعار سترتفع»", "الاسعار سترتفع")[0].op == "equal"


def test_copies_too_common_to_block_on_still_meet():
    copies = {sid: NORMS[1] + (" " + "اليوم" if sid % 2 else "") for sid in range(1, 6)}
    copies[6] = NORMS[7]
    blocked_only = _clusters(cluster(copies, MatchSettings(max_df=2, window=0)))
    assert frozenset(range(1, 6)) not in blocked_only  # every shingle is in 5 claims, over the cap
    assert frozenset(range(1, 6)) in _clusters(cluster(copies, MatchSettings(max_df=2)))


def test_present_tense_and_its_noun_share_a_stem():
    assert light_stem("تتقدم") == light_stem("تقدما")
    assert light_stem("تبادلتا") == light_stem("تبادلا")


FRAMED = {
    # One outlet reports a claim inside a framing of its own; another states it bare.
    1: "كما حذرنا مرارا في اجتماعات الحلف وأمام لجان البرلمان وفي رسائل رسمية، فإن محادثات التجارة بين البلدين تتقدم",
    2: "الوزارة تشعر بقلق بالغ وتحذر الحلفاء والشركاء في الإقليم من أن محادثات التجارة بين البلدين تحرز تقدما ملموسا",
    # The same framing around a different claim must not join them.
    3: "كما حذرنا من قبل، فإن أسعار القمح سترتفع في الأسواق المحلية",
    4: "الفيضانات دمرت جسورا ومدارس في القرى الساحلية",
    5: "البنك المركزي أبقى معدل الفائدة دون تغيير",
    6: "الشرطة أغلقت الطرق المؤدية إلى وسط العاصمة",
}
OPENERS = {("فان",), ("من", "ان"), ("الى", "ان")}


def test_a_framed_claim_is_matched_by_what_it_reports():
    norms = {sid: fold_for_match(text) for sid, text in FRAMED.items()}
    groups = _clusters(cluster(norms, openers=OPENERS))
    assert frozenset({1, 2}) in groups
    assert not any({1, 3} <= g or {2, 3} <= g for g in groups)
    without = _clusters(cluster(norms))
    assert frozenset({1, 2}) not in without


MATCHING_FILES = sorted((Path(__file__).parent / "cases").glob("*/matching*.toml"))
MATCHING = [
    {**case, "fillers": data["fillers"], "language": path.parent.name, "file": f"{path.parent.name}/{path.name}"}
    for path in MATCHING_FILES
    for data in [tomllib.loads(path.read_text(encoding="utf-8"))]
    for case in data["case"]
]


def _placed(ids: list[int], cosines: list[list]) -> VectorIndex:
    """Unit vectors, one axis each, except that the second of each listed pair leans towards the first."""
    import numpy as np

    axis = {sid: k for k, sid in enumerate(ids)}
    vectors = {sid: np.eye(1, 512, axis[sid], dtype=np.float32)[0] for sid in ids}
    for a, b, cosine in cosines:
        vectors[b] = (cosine * vectors[a] + math.sqrt(1 - cosine**2) * np.eye(1, 512, axis[b])[0]).astype(np.float32)
    return VectorIndex({sid: v.tobytes() for sid, v in vectors.items()})


def test_every_language_pack_has_matching_cases():
    assert {path.parent.name for path in MATCHING_FILES} >= {"ar", "en"}


@pytest.mark.parametrize("case", MATCHING, ids=lambda c: f"{c['file']}: {c['name']}")
def test_matching_case(case):
    from claimtrack.models import Speaker
    from claimtrack.pipeline import _entity_words
    from claimtrack.speakers import Registry, SpeakerKind

    versions = {
        n: Version(
            s["text"],
            s["speaker"],
            article=s["article"],
            polarity=s.get("polarity"),
            speaker_kind=s["kind"],
            attribution=s.get("attribution"),
        )
        for n, s in enumerate(case["statements"], 1)
    }
    versions.update({100 + n: Version(text) for n, text in enumerate(case["fillers"])})
    vectors = None
    if "cosines" in case:
        pytest.importorskip("numpy")
        vectors = _placed(sorted(versions), case["cosines"])
    registry = Registry.load(case["language"])
    for person in case.get("people", []):
        registry.add(Speaker(person, SpeakerKind.person, [person]))
    result = match_all(versions, entity_words=_entity_words(registry), vectors=vectors)

    def claim(n: int) -> int:
        """The cluster of the claim a statement makes: a restatement makes the claim of the version it restates."""
        return result.assignment[result.restates.get(n, n)]

    for group in case.get("together", []):
        assert len({claim(n) for n in group}) == 1, group
    for group in case.get("apart", []):
        assert len({claim(n) for n in group}) == len(group), group
    if "restates" in case:
        # Each listed restatement is tied to its version and is a cluster of its own; no other statement restates.
        assert result.restates == {a: b for a, b in case["restates"]}
        assert all(result.assignment[a] == a != result.assignment[b] for a, b in case["restates"])


@pytest.mark.parametrize("restating, joins", [((), True), ((1,), False)])
def test_a_stored_restatement_is_matched_no_more(restating, joins):
    """A stored headline that restates its body (a cluster of its own) is not joined by a new version: the body's
    statement is its article's version, matched instead."""
    text = "The agency will hand out 40,000 food parcels to displaced families before the end of the month"
    versions = {1: Version(text, "agency head", article="a", attribution="headline"), 2: Version(text, article="b")}
    index = ClaimIndex()
    index.add(versions)
    result = match_candidates(index, {(1, 2)}, {1: 1}, {2}, restating)
    assert (result.assignment[2] == 1) == joins and bool(result.links) == joins


TRAIN = (
    "The train carrying the president crossed into the northern province from the border town",
    "The president's train crossed into the northern province from the border town on Monday morning",
    "The president's train has crossed into the northern province",
)
LONG = (
    "The train carrying the president crossed into the northern province from the border town, and the visit will "
    "last three days with talks on trade, fishing rights{} and the new deep water port"
)
LINKAGE = [
    # (a long version, the short one beside it, linkage_share, whether the long version joins the other three)
    (LONG.format(""), TRAIN[2], 0.66, True),  # one claim with two of the three (not the short one): joins
    (LONG.format(""), TRAIN[2], 1.0, False),  # complete linkage, the default, keeps it apart
    (LONG.format(", grain prices"), TRAIN[2], 0.66, False),  # one claim with one of the three: apart
    (LONG.format(""), TRAIN[2] + " and the visit will last two days", 0.66, False),  # another number than one
]


@pytest.mark.parametrize("long, short, share, joins", LINKAGE)
def test_a_version_joins_a_cluster_when_enough_of_its_members_are_one_claim_with_it(long, short, share, joins):
    from dataclasses import replace

    from claimtrack.pipeline import _entity_words
    from claimtrack.speakers import Registry

    texts = [TRAIN[0], TRAIN[1], long, short]
    versions = {n: Version(text, "State radio", article=f"a{n}") for n, text in enumerate(texts, 1)}
    fillers = next(case["fillers"] for case in MATCHING if case["language"] == "en")
    versions.update({100 + n: Version(text) for n, text in enumerate(fillers)})
    settings = replace(MatchSettings(), linkage_share=share)
    got = match_all(versions, settings, entity_words=_entity_words(Registry.load("en"))).assignment
    assert got[1] == got[2] == got[4]
    assert (got[3] == got[1]) is joins
