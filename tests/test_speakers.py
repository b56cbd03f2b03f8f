"""Speaker resolution: each strategy on its own, and whole articles from every pack's tests/cases/*/speakers.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from claimtrack import Registry, extract_statements
from claimtrack.lexicon import load
from claimtrack.models import Speaker, Statement
from claimtrack.speakers import UNATTRIBUTED, SpeakerKind, strategies
from claimtrack.speakers.context import ArticleContext, Mention
from claimtrack.speakers.latin import latin_name
from claimtrack.speakers.lookup import MatchKind, match_speakers
from claimtrack.speakers.phrase import PhraseReader
from claimtrack.speakers.resolve import ask_for

CASES = [
    {**case, "language": path.parent.name}
    for path in sorted((Path(__file__).parent / "cases").glob("*/speakers.toml"))
    for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]
]


def test_every_pack_has_speaker_cases():
    assert {"ar", "en"} <= {case["language"] for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=[f"{c['language']}: {c['name']}" for c in CASES])
def test_article_speakers(case):
    statements = extract_statements(case["text"])
    assert [st.speaker for st in statements] == case["speakers"]
    if "kinds" in case:  # where the name alone would not tell a person from a body ("New Zealand said ...")
        assert [st.speaker_kind for st in statements] == case["kinds"]


def _person(registry: Registry, name: str) -> str:
    return registry.add(Speaker(name, "person", [name])).canonical


def _ask(ctx: ArticleContext, phrase: str, gender: str | None = None):
    st = Statement(phrase, "قال", "indirect", "x", 0, 1, gender=gender)
    return ask_for(ctx, st)


def test_bare_title_strategy_never_looks_outside_the_article():
    registry = Registry.load("ar")
    first = ArticleContext(registry, "", "a1")
    first.named.append(Mention("وزير الخارجية سامي عادل", _person(registry, "سامي عادل")))
    second = ArticleContext(registry, "", "a2")
    assert strategies.title_in_article(first, _ask(first, "الوزير")) == "سامي عادل"
    assert strategies.title_in_article(second, _ask(second, "الوزير")) == "الوزير · a2"
    assert registry.get("الوزير · a2").kind == SpeakerKind.title
    assert registry.exact("الوزير") is None  # a bare title is never an alias


def test_bare_title_strategy_checks_gender():
    registry = Registry.load("ar")
    ctx = ArticleContext(registry, "", "a1")
    ctx.named.append(Mention("وزير الخارجية سامي عادل", _person(registry, "سامي عادل"), gender="m"))
    assert strategies.title_in_article(ctx, _ask(ctx, "الوزيرة")) == "الوزيرة · a1"
    ctx.named.append(Mention("الوزير ليلى حمدان", _person(registry, "ليلى حمدان"), gender="f"))
    assert strategies.title_in_article(ctx, _ask(ctx, "الوزير")) == "سامي عادل"  # the nearest man


@pytest.mark.parametrize(
    "phrase, fragment",
    [
        (")", True),
        ("بيان أصدرته", True),
        ("أعربت", True),
        ("وجهت", True),
        ("حصيلة", True),
        ("وسائل", True),
        ("ذلك", True),
        ("القاهرة - العربية.نت", True),
        ("إلى وجود بعض", True),
        ("هذه الخطوة", True),
        ("هذا المسؤول", False),
        ("وسائل الإعلام الرسمية", False),
        ("الوزير", False),
        ("أمل حسن", False),
        ("وزارة الصحة", False),
        ("مصادر طبية", False),
    ],
)
def test_fragment_check(phrase, fragment):
    assert PhraseReader(Registry.load("ar")).is_fragment(phrase) is fragment


def test_fragment_strategy_leaves_the_statement_unattributed():
    ctx = ArticleContext(Registry.load("ar"), "", "a1")
    assert strategies.fragment(ctx, _ask(ctx, "أعربت")) == UNATTRIBUTED
    assert strategies.fragment(ctx, _ask(ctx, "وزير الصحة")) is None


def test_two_articles_each_with_only_the_minister_keep_different_speakers():
    registry = Registry.load("ar")
    one = resolve_in(registry, "وقال الوزير إن الموسم الزراعي جيد.", "farming")
    two = resolve_in(registry, "وأكد الوزير أن المنتخب سيشارك في البطولة.", "sport")
    assert (one[0].speaker, two[0].speaker) == ("الوزير · farming", "الوزير · sport")


def test_two_articles_each_with_only_a_national_occupation_keep_different_speakers():
    # "the Moroccan coach": one of many, unlike "the Russian foreign minister"
    registry = Registry.load("ar")
    one = resolve_in(registry, "وقال المدرب المغربي إن المباراة صعبة.", "a1")
    two = resolve_in(registry, "وأكد المدرب المغربي أن الفريق جاهز.", "a2")
    assert (one[0].speaker, two[0].speaker) == ("المدرب المغربي · a1", "المدرب المغربي · a2")


def test_a_full_name_is_the_person_of_its_spelling_not_a_surname_another_article_gave_alone():
    registry = Registry.load("ar")
    alone = resolve_in(registry, "وقال السلامي إن الفريق جاهز.", "a1")
    full = resolve_in(registry, "وقال جمال سلامي إن المباراة صعبة.", "a2")
    spelt = resolve_in(registry, "وأكد جمال السلامي أن الجمهور رائع.", "a3")
    assert [alone[0].speaker, full[0].speaker, spelt[0].speaker] == ["السلامي", "جمال سلامي", "جمال سلامي"]


def test_a_name_spelt_with_and_without_its_accents_is_one_person():
    registry = Registry.load("en")
    one = resolve_in(registry, "Advocate General Manuel Campos Sánchez-Bordona said that the cap may count.", "a1")
    two = resolve_in(registry, "Advocate General Manuel Campos Sanchez-Bordona said that the cap should count.", "a2")
    assert two[0].speaker == one[0].speaker == "Manuel Campos Sánchez-Bordona"


def test_a_name_given_with_and_without_a_middle_name_in_two_articles_is_one_person():
    registry = Registry.load("en")
    full = resolve_in(registry, "Customs chief Bashir Adewale Adeniyi said that the drugs were illegal.", "a1")
    short = resolve_in(registry, "Customs chief Bashir Adeniyi said that the drugs came in without papers.", "a2")
    other = resolve_in(registry, "Farmer Bashir Okafor said that the harvest was poor.", "a3")
    assert [full[0].speaker, short[0].speaker, other[0].speaker] == [
        "Bashir Adewale Adeniyi",
        "Bashir Adewale Adeniyi",
        "Bashir Okafor",
    ]


def test_a_title_that_names_a_body_only_by_a_common_noun_belongs_to_its_article():
    # "the head of the government": which country's, only the article says; never another article's holder
    registry = Registry.load("ar")
    one = resolve_in(registry, "وقال رئيس الحكومة إن الموازنة ستقر الشهر المقبل.", "a1")
    two = resolve_in(registry, "وأكد رئيس الحكومة أن الانتخابات ستجرى في موعدها.", "a2")
    three = resolve_in(registry, "وقال رئيس الحكومة الأردنية بشر الخصاونة إن الأسعار مستقرة.", "a3")
    assert (one[0].speaker, two[0].speaker) == ("رئيس الحكومة · a1", "رئيس الحكومة · a2")
    assert three[0].speaker == "بشر الخصاونة"
    four = resolve_in(
        registry, "قال رئيس الحكومة سامي عادل إن الدعم مستمر. وأضاف رئيس الحكومة أن الأسعار ستنخفض.", "a4"
    )
    assert [st.speaker for st in four] == ["سامي عادل", "سامي عادل"]


@pytest.mark.parametrize(
    "title",
    ["رئيس المجلس العسكري", "مدير الجهاز الأمني", "رئيس المجلس المحلي", "المتحدث باسم الجيش"],
)
def test_a_body_qualified_by_its_kind_not_its_country_belongs_to_its_article(title):
    # "the military council": an adjective of kind, not of nationality, says not which country's council
    registry = Registry.load("ar")
    one = resolve_in(registry, f"وقال {title} إن الحدود ستبقى مغلقة.", "a1")
    two = resolve_in(registry, f"وأكد {title} أن الانتخابات ستجرى في موعدها.", "a2")
    assert (one[0].speaker, two[0].speaker) == (f"{title} · a1", f"{title} · a2")
    national = resolve_in(registry, f"وقال {title} السوداني إن الحدود ستبقى مغلقة.", "a3")
    assert " · " not in national[0].speaker


@pytest.mark.parametrize(
    "arabic, latin",
    [
        ("فيصل بن فرحان", "Faisal bin Farhan"),
        ("مختار الغباشي", "Mokhtar al-Ghabashi"),
        ("John Kirby", "John Kirby"),
        ("نزار بركة", "Nizar Barka"),  # letter by letter: an unwritten vowel guessed after two consonants
        ("نوال", "Nawal"),
    ],
)
def test_latin_names(arabic, latin):
    assert latin_name(load("ar"), arabic) == latin


@pytest.mark.parametrize(
    "query, speaker, kind",
    [
        ("Faisal bin Farhan", "فيصل بن فرحان", MatchKind.alias),  # its Latin name
        ("Faysal bin Farhan", "فيصل بن فرحان", MatchKind.variant),
        ("John Kirby", "John Kirby", MatchKind.exact),
        ("كيربي", "John Kirby", MatchKind.alias),
        ("Kim Jong Un", "Kim Jong Un", MatchKind.exact),
        ("Kim Yo Jong", None, None),
        ("الخارجية المصرية", None, None),
        ("John Kirbys", "John Kirby", MatchKind.fuzzy),
        ("وزير الخارجية السعودي", "فيصل بن فرحان", MatchKind.role),  # the title an article gave him
    ],
)
def test_name_queries_match_honestly(query, speaker, kind):
    registry = Registry.load("ar")
    registry.add(Speaker("فيصل بن فرحان", "person", ["فيصل بن فرحان"], ["وزير الخارجية السعودي"]))
    present = {"فيصل بن فرحان", "John Kirby", "Kim Jong Un", "Russian Foreign Ministry"}
    hits = match_speakers(registry, query, present)
    if speaker is None:
        assert hits == []
    else:
        assert (hits[0].speaker, hits[0].kind) == (speaker, kind)


@pytest.mark.parametrize(
    "method, phrase, expect",
    [
        ("drop_occasion", "الوزير في كلمته أمام النواب", "الوزير"),
        ("drop_occasion", "السفير الروسي في واشنطن", "السفير الروسي في واشنطن"),
        ("unwrap", "الأرقام الرسمية للهيئة العامة للإحصاء", "الهيئة العامة للإحصاء"),
        ("unwrap", "بيان لوزارة الدفاع", "وزارة الدفاع"),
        ("unwrap", "آخر إحصائية صدرت عن وزارة الصحة", "وزارة الصحة"),
    ],
)
def test_phrase_trimming(method, phrase, expect):
    assert getattr(PhraseReader(Registry.load("ar")), method)(phrase) == expect


def test_a_cut_phrase_is_completed_from_the_article():
    reader = PhraseReader(Registry.load("ar"))
    text = "وجه وزير التعليم الدكتور سامر حداد رسالة إلى الطلاب، مؤكدا أن العام سيبدأ في موعده."
    assert reader.complete("وزير", text, len(text)) == "وزير التعليم الدكتور سامر حداد رسالة"
    assert reader.complete("حسن عبد", "قال حسن عبد الله إن", 20) == "حسن عبد الله"
    assert reader.complete("الوزير", text, len(text)) == "الوزير"  # nothing cut
    jordan = "وقال وزير خارجية الأردن أيمن الصفدي إن الحدود آمنة."
    assert reader.complete("الأردن", jordan, len(jordan)) == "وزير خارجية الأردن أيمن الصفدي"
    assert reader.complete("الأردن", "وأكد الأردن أن المعابر مفتوحة.", 40) == "الأردن"


def test_generic_bodies_of_two_articles_stay_apart_and_named_ones_are_shared():
    registry = Registry.load("ar")
    one = extract_statements("وقالت وزارة الداخلية إن الحدود مغلقة.", registry=registry)
    two = resolve_in(registry, "وقالت وزارة الداخلية إن المعابر مفتوحة.", "other")
    assert one[0].speaker != two[0].speaker
    three = resolve_in(registry, "وقالت وزارة الداخلية المصرية إن المعابر مفتوحة.", "a3")
    four = resolve_in(registry, "وأكدت وزارة الداخلية المصرية أن الحدود آمنة.", "a4")
    assert three[0].speaker == four[0].speaker


def test_a_bare_government_is_its_article_s_and_never_another_article_s_named_government():
    # "the government" said in one article, "the Philippine government" in another: two speakers, neither the other
    registry = Registry.load("ar")
    bare = resolve_in(registry, "وقالت الحكومة إن الأسعار ستبقى مستقرة حتى نهاية العام.", "prices")
    named = resolve_in(registry, "وقالت الحكومة الفلبينية إن الإعصار دمر آلاف المنازل.", "storm")
    again = resolve_in(registry, "وأكدت الحكومة الفلبينية أن المساعدات وصلت إلى الجزر.", "aid")
    assert bare[0].speaker == "الحكومة · prices"
    assert named[0].speaker == again[0].speaker == "الحكومة الفلبينية"


@pytest.mark.parametrize(
    "phrase", ["إدارة الفضاء الوطنية الصينية", "إدارة شؤون الاتصالات في المنطقة", "خدمة الأرصاد الجوية الأيرلندية"]
)
def test_an_administration_or_a_service_is_a_body_never_a_person(phrase):
    said = resolve_in(Registry.load("ar"), f"وقالت {phrase} إن العمل مستمر منذ الصباح في المنطقة.", "a1")
    assert said[0].speaker_kind == "organisation"


def test_local_media_named_without_their_noun_are_an_anonymous_source_never_a_person():
    # "إعلام محلي" (local media) had become a person "إعلام", whom every other article's "وسائل إعلام ..." then named
    registry = Registry.load("ar")
    one = resolve_in(registry, "وقال إعلام محلي إن الفيضانات غمرت عشرات القرى.", "a1")
    two = resolve_in(registry, "وقالت وسائل إعلام بولندية إن الصاروخ سقط قرب الحدود.", "a2")
    assert [st.speaker_kind for st in (*one, *two)] == ["anonymous", "anonymous"]
    assert two[0].speaker == "Polish media"


def test_a_capitalised_word_before_a_body_s_noun_names_the_body_not_a_person():
    # "Cameroon's Constitutional Council" had become a person "Constitutional", shared with Chile's council
    registry = Registry.load("en")
    one = resolve_in(registry, "Cameroon's Constitutional Council said that the incumbent had won the vote.", "a1")
    two = resolve_in(registry, "Chile's Constitutional Council said that the referendum was valid.", "a2")
    assert [st.speaker_kind for st in (*one, *two)] == ["organisation", "organisation"]
    assert one[0].speaker != two[0].speaker


def test_an_advocate_is_a_title_before_a_name_never_a_name_shared_by_two_advocates():
    registry = Registry.load("en")
    one = resolve_in(registry, "Advocate Safdar said that the hearing was adjourned until Monday.", "a1")
    two = resolve_in(registry, "An Advocate General of the court said that the cap may be taken into account.", "a2")
    assert one[0].speaker == "Safdar"
    assert two[0].speaker != one[0].speaker


def test_a_body_pointed_back_at_keeps_the_name_its_preposition_goes_on_with():
    # "المركز" after "المركز الوطني لمكافحة الأمراض" had become "المركز الوطني", one speaker with another article's
    # national weather centre
    registry = Registry.load("ar")
    one = resolve_in(
        registry, "افتتح المركز الوطني لمكافحة الأمراض مختبرا جديدا.\nوأكد المركز أن المختبر تسلم 83 عينة.", "a1"
    )
    two = resolve_in(registry, "أصدر المركز الوطني للأرصاد خريطة جديدة.\nوذكر المركز أن الرياح ستهدأ مساء الغد.", "a2")
    assert one[-1].speaker != two[-1].speaker
    assert "لمكافحة" in one[-1].speaker


def test_a_body_named_with_its_words_in_another_order_is_one_body():
    registry = Registry.load("ar")
    one = resolve_in(registry, "وأعلنت الهيئة العامة للإحصاء بالسعودية أن عدد الحجاج بلغ مليوني حاج.", "a1")
    two = resolve_in(registry, "وأعلنت الهيئة العامة السعودية للإحصاء أن عدد الحجاج بلغ مليوني حاج.", "a2")
    assert one[0].speaker == two[0].speaker


def test_bodies_that_share_only_some_words_stay_apart():
    registry = Registry.load("ar")
    one = resolve_in(registry, "وقالت هيئة الأرصاد السعودية إن الأمطار ستستمر.", "a1")
    two = resolve_in(registry, "وقالت هيئة الأرصاد العمانية إن الأمطار ستستمر.", "a2")
    assert one[0].speaker != two[0].speaker


def resolve_in(registry: Registry, text: str, article: str):
    from claimtrack.corpus import parse_text
    from claimtrack.pipeline import analyse

    return analyse(parse_text(text, article_id=article), registry)


def test_a_role_two_speakers_were_given_names_both():
    # find_speaker then calls the query ambiguous: two finance ministers, the query says not which
    registry = Registry.load("ar")
    for name in ("سامي عادل", "خالد منصور"):
        registry.add(Speaker(name, "person", [name], ["وزير المالية"]))
    assert {m.speaker for m in match_speakers(registry, "وزير المالية")} == {"سامي عادل", "خالد منصور"}
    assert all(m.kind == MatchKind.role for m in match_speakers(registry, "وزير المالية"))


def test_an_acronym_matches_only_in_capitals():
    registry = Registry.load("en")
    assert registry.exact("WHO") == "World Health Organization"
    assert registry.exact("who") is None  # "US officials, who first said ..."


@pytest.mark.parametrize(
    "phrase, unattributed",
    [("The cooperation", True), ("the document", True), ("an IMF report", True), ("The White House", False)],
)
def test_a_phrase_after_an_article_must_name_a_kind_of_source(phrase, unattributed):
    ctx = ArticleContext(Registry.load("en"), "", "a1")
    st = Statement(phrase, "said", "indirect", "x", 0, 1)
    assert (strategies.fragment(ctx, ask_for(ctx, st)) == UNATTRIBUTED) is unattributed


@pytest.mark.parametrize(
    "phrase, name",
    [
        ("Justice Samuel A. Alito", "Samuel A Alito"),  # an initial is no article
        ("Liverpool manager Jurgen Klopp", "Jurgen Klopp"),  # whose title comes first, the name after it
        ("Copernicus Deputy Director Samantha Burgess", "Samantha Burgess"),
    ],
)
def test_english_names_follow_their_titles(phrase, name):
    assert PhraseReader(Registry.load("en")).parse(phrase).name == name


def test_a_statement_described_in_one_article_is_never_the_statement_of_another():
    # "the statement" points to whoever issued the statement its own article described; a description read in one
    # article ("في بيان لها،" ran on into the claim) once became every later article's "البيان"
    registry = Registry.load("ar")
    one = resolve_in(
        registry,
        "وكشفت الصفحة الرسمية لمديرية الأمن، في بيان صادر عن مكتبها الإعلامي في العاصمة، ضبط المتهمين.\n"
        "وأفاد البيان، بأن عملية السطو فشلت.",
        "a1",
    )
    two = resolve_in(registry, "وأفاد البيان بأن الامتحانات ستبدأ الأسبوع المقبل.", "a2")
    assert one[-1].speaker != two[0].speaker


def test_a_statement_whose_issuer_is_a_pronoun_is_described_by_no_words_after_it():
    # "في بيان لها، إلقاء القبض ...": "its statement", whose issuer the pronoun points to; the words after the comma
    # are the claim, not a description of the statement
    registry = Registry.load("ar")
    one = resolve_in(
        registry,
        "وكشفت الصفحة الرسمية لمديرية الأمن في بيان لها، إلقاء القبض على المتهمين بعد فشلهما\n"
        "وأفاد البيان، بأن عملية السطو تمت تحت التهديد.",
        "a1",
    )
    assert "إلقاء" not in (one[-1].speaker or "")


@pytest.mark.parametrize(
    "language, known, aliases, phrase, own",
    [
        # another article named Abiy Ahmed by his second name alone; "Ahmed al-Toufiq" is someone else
        ("ar", "أبي أحمد", ["أبي أحمد", "أحمد"], "وزير الأوقاف أحمد التوفيق", "أحمد التوفيق"),
        # as "Dana" alone for Dana Cole: "Dana Whitfield" is someone else
        ("en", "Dana Cole", ["Dana Cole", "Dana"], "Dana Whitfield", "Dana Whitfield"),
    ],
)
def test_a_known_one_word_name_opening_a_longer_name_is_another_persons(language, known, aliases, phrase, own):
    registry = Registry.load(language)
    registry.add(Speaker(known, SpeakerKind.person, aliases))
    ctx = ArticleContext(registry, "", "a1")
    assert strategies.alias(ctx, _ask(ctx, phrase)) is None
    assert strategies.name(ctx, _ask(ctx, phrase)) == own
    assert strategies.alias(ctx, _ask(ctx, aliases[0])) == known


def test_a_noun_annexed_to_a_body_is_no_person_another_article_could_be_credited_with():
    # "حسب إعلان الصندوق" (the Fund's announcement) had made a person "إعلان", whom a later article's ministry resolved to
    registry = Registry.load("ar")
    resolve_in(registry, "وتوصلت الحكومة إلى اتفاق مع صندوق النقد، حسب إعلان الصندوق اليوم.", "imf")
    later = resolve_in(registry, "وأعلنت وزارة التربية موعد إعلان نتيجة الشهادة الثانوية.", "school")
    assert "إعلان" not in {sp.canonical for sp in registry.people_named()}
    assert "إعلان" not in later[0].speaker


@pytest.mark.parametrize(
    "language, alone, issa, karim",
    [
        (
            "en",
            "Naimi told AFP that the wage excludes housing.",
            "Labour minister Issa al-Naimi said that the minimum wage is set at 750 riyals.",
            "Sports minister Karim Naimi said that the stadium will open in May.",
        ),
        (
            "ar",
            "وقال النعيمي لوكالة الأنباء إن الراتب لا يشمل السكن.",
            "وقال وزير العمل عيسى النعيمي إن الحد الأدنى للأجور يبلغ 750 ريالا.",
            "وقال وزير الرياضة كريم النعيمي إن الملعب سيفتح في مايو.",
        ),
    ],
    ids=["en", "ar"],
)
def test_a_family_name_another_article_gave_alone_is_one_person_never_two_given_names(language, alone, issa, karim):
    # One article's "Naimi": the next article's "Issa al-Naimi" may be who it was, but "Karim Naimi" after him is
    # another of the family; both had become the one speaker (in Arabic the lone definite word, read as a body's
    # name, had taken them both, ministers as a body)
    registry = Registry.load(language)
    speakers = [resolve_in(registry, text, f"a{k}")[0].speaker for k, text in enumerate((alone, issa, karim))]
    assert speakers[1] != speakers[2]
    assert [registry.kind(s) for s in speakers[1:]] == [SpeakerKind.person, SpeakerKind.person]


def test_a_known_family_name_inside_another_full_name_is_not_that_person():
    # "Bola Ahmed Tinubu" holds Abiy Ahmed's "Ahmed" right before his own family name: another person
    registry = Registry.load("ar")
    registry.add(Speaker("أبي أحمد", "person", ["أبي أحمد", "أحمد"]))
    other = resolve_in(registry, "وقال الرئيس النيجيري بولا أحمد تينوبو إن الانتخابات كانت نزيهة.", "a2")
    assert other[0].speaker == "بولا أحمد تينوبو"


ACROSS = [
    {**case, "language": path.parent.name}
    for path in sorted((Path(__file__).parent / "cases").glob("*/speakers-across.toml"))
    for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]
]


@pytest.mark.parametrize("case", ACROSS, ids=[f"{c['language']}: {c['name']}" for c in ACROSS])
def test_articles_speakers_with_one_registry(case):
    # Articles read in turn with one registry, as one ingest reads them: the first statement's speaker of each
    registry = Registry.load(case["language"])
    said = [resolve_in(registry, text, f"a{k}")[0].speaker for k, text in enumerate(case["articles"])]
    assert said == case["speakers"]
