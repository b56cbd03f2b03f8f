"""Extraction rules, each with a small example of our own (not article text)."""

from __future__ import annotations

import pytest

from claimtrack import extract_statements


def said(text: str) -> list[tuple[str, str]]:
    """(speaker, claim) of every statement, checking each claim's offsets point at its text."""
    out = []
    for st in extract_statements(text):
        assert text[st.char_start : st.char_end] == st.text
        out.append((st.speaker, st.text))
    return out


def only(text: str):
    statements = extract_statements(text)
    assert len(statements) == 1, [(s.speaker, s.text) for s in statements]
    return statements[0]


# ----- cue verbs and what opens the claim -----


@pytest.mark.parametrize(
    "text, speaker, claim",
    [
        (
            "وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات ستجري في موسكو.",
            "Dmitry Peskov",
            "المحادثات ستجري في موسكو",
        ),
        ("وزاد الوزير أن الحكومة لن تتراجع عن قرارها.", "الوزير · text", "الحكومة لن تتراجع عن قرارها"),
        ("واعتبر رئيس الوزراء العراقي أن الاتفاق خطوة مهمة.", "رئيس الوزراء العراقي", "الاتفاق خطوة مهمة"),
        (
            "وشدد المبعوث الأممي على أن الحل السياسي هو الطريق الوحيد.",
            "المبعوث الأممي",
            "الحل السياسي هو الطريق الوحيد",
        ),
        (
            "وأصر الرئيس التركي رجب طيب أردوغان على أن بلاده لن تغير موقفها.",
            "Recep Tayyip Erdogan",
            "بلاده لن تغير موقفها",
        ),
        ("وحذر وزير الدفاع الأوكراني من أن الهجوم قد يبدأ قريبا.", "وزير الدفاع الأوكراني", "الهجوم قد يبدأ قريبا"),
        (
            "وأعرب الأمين العام للأمم المتحدة عن قلقه من أن القتال قد يمتد إلى دول الجوار.",
            "Antonio Guterres",
            "القتال قد يمتد إلى دول الجوار",
        ),
        (
            "وكشفت صحيفة واشنطن بوست أن الإدارة تدرس فرض عقوبات جديدة.",
            "The Washington Post",
            "الإدارة تدرس فرض عقوبات جديدة",
        ),
        ("وأجاب المتحدث بأن الحكومة ستدرس كل الخيارات.", "المتحدث · text", "الحكومة ستدرس كل الخيارات"),
        (
            "وردّ وزير الخارجية الإيراني عباس عراقجي بأن طهران لن تتفاوض تحت الضغط.",
            "Abbas Araghchi",
            "طهران لن تتفاوض تحت الضغط",
        ),
        ("فقالت الوزيرة إن الميزانية جاهزة.", "الوزيرة · text", "الميزانية جاهزة"),
        ("وأبلغه الوزير أن الاجتماع تأجل.", "الوزير · text", "الاجتماع تأجل"),
        (
            "وتحدثت الوزيرة عن خطة لإعادة إعمار المدينة خلال خمس سنوات.",
            "الوزيرة · text",
            "خطة لإعادة إعمار المدينة خلال خمس سنوات",
        ),
    ],
)
def test_cue_verbs(text, speaker, claim):
    st = only(text)
    assert (st.speaker, st.text) == (speaker, claim)
    assert st.kind == "indirect"


def test_accusing_keeps_the_accused_out_of_the_speaker():
    st = only("واتهم المتحدث باسم الجيش الإسرائيلي الحركة بإخفاء أسلحة في المستشفيات.")
    assert st.speaker_as_written == "المتحدث باسم الجيش الإسرائيلي"
    assert "أسلحة في المستشفيات" in st.text


def test_urging_names_the_body_not_the_country_urged():
    st = only('كما حث البيان جمهورية كوريا على "وقف التجارب الصاروخية والعودة إلى المفاوضات".')
    assert st.speaker_as_written == "البيان"
    assert st.text.startswith("وقف التجارب")


def test_misspelt_cue_with_clear_structure_is_kept_with_low_confidence():
    st = only("وقل الرئيس الفرنسي إيمانويل ماكرون إن أوروبا يجب أن تستعد.")
    assert st.speaker == "Emmanuel Macron"
    assert st.confidence < 0.6


def test_a_verb_with_no_claim_after_it_is_not_a_statement():
    assert said("ولم يصدر تعليق فوري ينفي أو يؤكد التصريحات الرسمية.") == []
    assert said("وزار الوزير العاصمة يوم الأحد والتقى نظيره.") == []


def test_impersonal_present_is_not_a_continuation():
    found = said("ويعتقد الخبراء أن الأسعار سترتفع فيما يعتقد أن الحكومة ستتدخل.")
    assert found == [("Experts", "الأسعار سترتفع")]


# ----- direct quotes -----


def test_direct_quote_after_colon_gives_one_statement_per_sentence():
    parts = extract_statements('وقال الوزير: "نحن مستعدون للحوار. لكننا لن نقبل الشروط المسبقة".')
    assert [(st.kind, st.part, st.text) for st in parts] == [
        ("direct", 1, "نحن مستعدون للحوار"),
        ("direct", 2, "لكننا لن نقبل الشروط المسبقة"),
    ]
    assert parts[0].cue_start == parts[1].cue_start


def test_quote_missing_its_closing_mark():
    st = only('وقالت الناطقة باسم الحكومة: "سنعلن القرار قريبا')
    assert st.kind == "direct" and st.text == "سنعلن القرار قريبا"


def test_nested_quote_stays_inside_the_claim():
    st = only('وقال الرئيس: «قال لي نظيري "نحن معكم" وهذا يكفي».')
    assert st.text == 'قال لي نظيري "نحن معكم" وهذا يكفي'


def test_quotation_marks_for_emphasis_keep_an_indirect_claim():
    st = only('وقال المتحدث إن الحكومة "لن تتهاون" مع أي خرق للقانون.')
    assert st.kind == "indirect"
    assert st.text == 'الحكومة "لن تتهاون" مع أي خرق للقانون'
    st = only('وقال بيسكوف, إن "المحادثات" ستجري في موسكو.')
    assert st.text == '"المحادثات" ستجري في موسكو'


def test_quote_spanning_sentences_is_one_claim():
    st = only("وقال الوزير: «الوضع صعب. لكننا سنتجاوزه. هذا وعد».")
    assert st.text == "الوضع صعب. لكننا سنتجاوزه. هذا وعد"


# ----- attribution after the claim or before it -----


def test_quote_then_verb_and_speaker():
    st = only("«لن نسمح بأي تصعيد في المنطقة»، قال المتحدث باسم وزارة الخارجية الصينية ماو نينغ.")
    assert st.speaker == "ماو نينغ" and st.kind == "direct"
    assert st.text == "لن نسمح بأي تصعيد في المنطقة"
    assert st.role_as_written == "المتحدث باسم وزارة الخارجية الصينية"


def test_quote_then_hasbama():
    st = only('"الهدنة صامدة حتى الآن"، حسبما ذكرت الوكالة الرسمية.')
    assert st.text == "الهدنة صامدة حتى الآن" and st.speaker_as_written == "الوكالة الرسمية"


def test_claim_then_bihasab_ma_alana():
    st = only("ستبدأ المفاوضات الأسبوع المقبل في جنيف، بحسب ما أعلن مسؤولون أتراك.")
    assert st.text == "ستبدأ المفاوضات الأسبوع المقبل في جنيف"
    assert st.speaker == "Turkish officials"


def test_claim_then_wafqan_lil():
    st = only("وسيصل الوفد إلى القاهرة مساء الخميس، وفقا للمسؤولين.")
    assert st.speaker_as_written == "المسؤولين" and st.speaker_kind == "anonymous"
    assert st.text.startswith("وسيصل الوفد")


def test_attribution_before_the_claim():
    st = only("ووفقاً للسيد بوتين، فإن التعاون سيتوسع في مجالات عدة.")
    assert st.speaker == "Vladimir Putin"
    assert st.text == "التعاون سيتوسع في مجالات عدة"


def test_headline_attribution():
    statements = extract_statements("البيت الأبيض: كوريا الشمالية أرسلت صواريخ إلى روسيا\nوقال المسؤول إن الشحنة وصلت.")
    assert (statements[0].speaker, statements[0].attribution) == ("White House", "headline")


def test_short_label_lines_are_not_headlines():
    assert said("المصدر: وكالة الأنباء\nتاريخ النشر: 5 سبتمبر 2023") == []


# ----- relayed speech -----


def test_relay_with_qawluhu():
    st = only("ونقلت وكالة الأنباء الألمانية عن وزير الخارجية الألماني قوله، إن برلين ستواصل دعم كييف.")
    assert st.speaker_as_written == "وزير الخارجية الألماني"
    assert st.via == "وكالة الأنباء الألمانية"
    assert st.text == "برلين ستواصل دعم كييف"


def test_relay_with_al_qawl_and_a_quote():
    st = only('ونقلت وكالة تاس عن لافروف القول "لن نغير موقفنا أبدا".')
    assert (st.speaker, st.via, st.kind) == ("Sergei Lavrov", "وكالة تاس", "direct")


def test_relay_naqlan_an_inside_the_speaker_phrase():
    st = only("وقالت الصحيفة نقلا عن مصادر أمريكية (لم تسمها)، إن الزيارة ستتم الشهر المقبل.")
    assert st.speaker == "Unnamed US sources" and st.via == "الصحيفة"


def test_relay_through_two_hands_keeps_the_chain():
    st = only("وذكرت قناة الجزيرة نقلا عن صحيفة هآرتس عن مصادر أمنية أن الجيش يستعد لعملية جديدة.")
    assert st.speaker_as_written == "مصادر أمنية"
    assert st.via == "قناة الجزيرة > صحيفة هآرتس"


def test_relay_after_the_claim():
    st = only("ارتفعت حصيلة القتلى إلى 40 شخصا، وفق ما نقلت رويترز عن مصادر طبية.")
    assert (st.speaker_as_written, st.via) == ("مصادر طبية", "رويترز")


# ----- continuations and participles -----


def test_continuation_follows_grammatical_gender():
    text = (
        'وقال المتحدث باسم الكرملين دميتري بيسكوف إن موسكو لن ترد. وتابع: "لدينا خيارات أخرى".\n'
        "وقالت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا إن الغرب يكذب. وأضاف بيسكوف أن الرد سيأتي لاحقا. "
        "وأضافت أن موسكو لن تصمت."
    )
    assert [sp for sp, _ in said(text)] == [
        "Dmitry Peskov",
        "Dmitry Peskov",
        "Maria Zakharova",
        "Dmitry Peskov",
        "Maria Zakharova",
    ]


def test_kama_and_fima_open_second_statements():
    found = said("وقال الوزير إن الخطة جاهزة، فيما أوضح أن التنفيذ سيبدأ غدا.")
    assert found == [("الوزير · text", "الخطة جاهزة"), ("الوزير · text", "التنفيذ سيبدأ غدا")]


def test_participles_continue_the_subject():
    found = said("وقال السفير الفرنسي إن باريس تدعم الحوار، مضيفاً أن الوقت ينفد.")
    assert found == [("السفير الفرنسي", "باريس تدعم الحوار"), ("السفير الفرنسي", "الوقت ينفد")]
    st = only("وأدانت الخارجية القطرية الهجوم، محذّرة من أن التصعيد يهدد الاستقرار.")
    assert st.speaker_as_written == "الخارجية القطرية"
    st = only('وانتقد الوزير القرار قائلاً: "هذا خطأ فادح".')
    assert (st.speaker_as_written, st.text) == ("الوزير", "هذا خطأ فادح")


def test_subject_before_the_verb_with_kana():
    st = only("وكانت وزيرة الخارجية الألمانية قد أكدت، الأسبوع الماضي، أن بلادها لن ترسل قوات.")
    assert st.speaker_as_written == "وزيرة الخارجية الألمانية"
    assert st.text == "بلادها لن ترسل قوات"


# ----- speakers -----


def test_title_alone_resolves_to_the_person_named_with_it():
    text = (
        "وقالت مندوبة بريطانيا لدى الأمم المتحدة، السفيرة باربرا وودوارد، إن الوضع خطير.\n"
        "وأضافت السفيرة البريطانية أن المجلس يجب أن يتحرك."
    )
    assert [sp for sp, _ in said(text)] == ["باربرا وودوارد", "باربرا وودوارد"]


def test_surname_alone_resolves_within_the_article():
    text = "ويقول سامر الخطيب، المحلل السياسي، إن الانتخابات ستؤجل.\nوأضاف الخطيب أن الأحزاب غير مستعدة."
    assert [sp for sp, _ in said(text)] == ["سامر الخطيب", "سامر الخطيب"]


def test_reference_word_resolves_to_the_earlier_speaker():
    text = (
        "وقال الناطق باسم الكرملين إن القمة ستعقد في أكتوبر.\n"
        "وأضاف المسؤول الروسي ذاته أن جدول الأعمال لم يحدد بعد.\n"
        "وذكرت وكالة يونهاب للأنباء أن الوفد وصل. وأضافت الوكالة أن المحادثات بدأت."
    )
    assert [sp for sp, _ in said(text)] == ["Dmitry Peskov", "Dmitry Peskov", "Yonhap", "Yonhap"]


def test_name_in_quotation_marks():
    assert only('وقال وزير الخارجية "بلينكن" إن واشنطن قلقة.').speaker == "Antony Blinken"


@pytest.mark.parametrize(
    "phrase, canonical",
    [
        ("مسؤولون أميركيون", "US officials"),
        ("محللون", "Analysts"),
        ("مصادر حكومية لم تسمها", "Unnamed Government sources"),
        ("تقديرات استخباراتية", "Intelligence estimates"),
        ("وسائل الإعلام الرسمية", "State media"),
        ("مراقبون", "Observers"),
    ],
)
def test_anonymous_and_collective_sources(phrase, canonical):
    st = only(f"وقال {phrase} إن الأسواق ستتأثر بالقرار.")
    assert (st.speaker, st.speaker_kind) == (canonical, "anonymous")


def test_dual_speaker_is_kept():
    st = only("وأكد الزعيمان أن العلاقات بين البلدين تشهد تطورا كبيرا.")
    assert st.speaker_as_written == "الزعيمان"


def test_statement_of_a_body_through_a_wrapper():
    st = only('وقال بيان لوزارة الدفاع الروسية: "أسقطنا عشر طائرات مسيرة".')
    assert st.speaker == "Russian Ministry of Defence"
    assert st.speaker_as_written == "بيان لوزارة الدفاع الروسية"


def test_addressee_is_not_part_of_the_speaker():
    st = only("وأكد المتحدث باسم الكرملين دميتري بيسكوف للصحفيين أن الموعد لم يحدد.")
    assert st.speaker_as_written == "المتحدث باسم الكرملين دميتري بيسكوف"


def test_time_and_occasion_are_not_part_of_the_speaker():
    st = only("وقال جهاز الأمن العام، في بيان، الاثنين، إن التحقيق مستمر.")
    assert st.speaker_as_written == "جهاز الأمن العام"
    st = only("والثلاثاء، قال البيت الأبيض في مارس/ آذار الماضي إن العقوبات ستستمر.")
    assert st.speaker == "White House"


# ----- boilerplate and noise -----


def test_boilerplate_never_yields_statements():
    text = (
        "[ad_1]\nAdvertisement\nاقرأ أيضاً: الحكومة تعلن خطة جديدة\nرئيس التحرير: أحمد علي\n"
        "شارك على فيسبوك\nوقال الوزير إن الخطة جاهزة."
    )
    assert said(text) == [("الوزير · text", "الخطة جاهزة")]


def test_a_byline_is_no_statement():
    text = (
        "مدير المرفأ: الرصيف يفتح في الربيع\n\nكتب : سامي عادل\n\nكتبت- ليلى حمدان\n\nوقال مدير المرفأ إن الرصيف سيفتح."
    )
    assert [claim for _, claim in said(text)] == ["الرصيف يفتح في الربيع", "الرصيف سيفتح"]


def test_noise_does_not_break_extraction():
    text = "وقال\u00a0المتحدث  باسم  الكرملين دميـتري بيسكوف إنّ المحادثات ستجري في ٢٠٢٤."
    st = only(text)
    assert st.speaker == "Dmitry Peskov"
    assert st.text == "المحادثات ستجري في ٢٠٢٤"


def test_glued_words_are_split():
    st = only("تدريبات مشتركةوقال وزير الدفاع إن المناورات ستبدأ غدا.")
    assert st.speaker_as_written == "وزير الدفاع"


def test_every_statement_has_a_confidence():
    statements = extract_statements("وقال الوزير إن الخطة جاهزة. وأضاف أن التنفيذ سيبدأ غدا.")
    assert [s.confidence for s in statements] == sorted((s.confidence for s in statements), reverse=True)
    assert all(0 < s.confidence <= 1 for s in statements)
    assert statements[1].confidence < statements[0].confidence


def test_cue_glued_to_the_word_before_it():
    found = said("عنوان فرعي عن الشرق الأوسطوأكدت الوزارة أنها تأمل ألا يتوسع الصراع.")
    assert found == [("الوزارة · text", "تأمل ألا يتوسع الصراع")]


def test_name_between_two_titles():
    st = only("قال السفير أحمد حسان المتحدث الرسمي باسم وزارة الخارجية، إن الحوار مستمر.")
    assert st.speaker == "أحمد حسان"
    assert st.role_as_written == "السفير المتحدث الرسمي باسم وزارة الخارجية"


def test_a_title_of_another_country_is_another_person():
    text = (
        "وقال وزير الخارجية سامي عادل إن الحدود مغلقة.\n"
        "وقال وزير الخارجية الأردني إن المعابر ستفتح.\n"
        "وقالت مندوبة الولايات المتحدة لدى الأمم المتحدة، السفيرة جين دو، إن القرار جاهز.\n"
        "وأكدت السفيرة الأمريكية أن التصويت غدا."
    )
    assert [sp for sp, _ in said(text)] == ["سامي عادل", "وزير الخارجية الأردني", "جين دو", "جين دو"]


def test_a_quoted_programme_title_is_not_the_claim():
    st = only('ونوه الوزير خلال مداخلة مع برنامج "مساء الخير يا عرب" على قناة محلية، أن الأسعار ستنخفض.')
    assert st.text == "الأسعار ستنخفض"


def test_relative_clause_after_an_occasion_is_not_a_speaker():
    text = (
        "قال الوزير سامي عادل إن الحوار مستمر.\n"
        "وتابع خلال مقابلة مع برنامج «الحدث»، الذي تقدمه الإعلامية هدى علي: «الفرصة ما زالت قائمة»."
    )
    assert [sp for sp, _ in said(text)] == ["سامي عادل", "سامي عادل"]


def test_paper_names_are_bodies_not_people():
    st = only("وذكرت صحيفة هآرتس أن الحكومة ستجتمع غدا.")
    assert st.speaker_kind == "media"


def test_denied_speech_is_not_a_statement():
    assert said("ولم يذكر الوزير تفاصيل بشأن الدول التي يمكن أن تشارك.") == []


def test_subjunctive_an_does_not_open_a_claim():
    assert said("ويريد الوزير من البرلمان أن يوافق على الميزانية.") == []


def test_unmarked_direct_speech_after_the_speaker():
    st = only("وقال المجالي نحن معنيون بأن نكون واعين لهذا الموضوع.")
    assert (st.speaker_as_written, st.text) == ("المجالي", "نحن معنيون بأن نكون واعين لهذا الموضوع")


def test_demonstrative_points_back():
    text = "أفاد مسؤول أميركي، الثلاثاء، أن الهجوم انطلق من الجنوب.\nوتابع هذا المسؤول أن الأدلة ستنشر قريبا."
    assert [sp for sp, _ in said(text)] == ["US officials", "US officials"]


def test_particle_apart_from_a_quoted_addressee():
    st = only('قال عضو بمجلس النواب لـ"رويترز" إن التصويت سيجري غدا.')
    assert st.speaker_as_written == "عضو بمجلس النواب"


def test_post_attribution_verb_with_a_pronoun():
    st = only('أجاب المسؤول "نعم بكل تأكيد"، وفقا لما ذكرته فرانس برس.')
    assert st.text == "نعم بكل تأكيد"


def test_occasion_chunks_are_not_speakers():
    st = only("أكد الرئيس الأوكراني فولوديمير زيلينسكي، في مقطع فيديو أمام مكتبه، اليوم السبت، أنه باق في العاصمة.")
    assert st.speaker_as_written == "الرئيس الأوكراني فولوديمير زيلينسكي"
    text = "قال الوزير سامي عادل إن الحوار مستمر.\nوأضاف على منصة إكس بعد لقائه السفير أن الجولة المقبلة قريبة."
    assert [sp for sp, _ in said(text)] == ["سامي عادل", "سامي عادل"]


def test_dashes_set_off_an_aside_in_the_speaker_phrase():
    st = only('وقال الرئيس الفرنسي - في خطاب نقلته وكالة أنباء محلية - "سنواصل دعم الحوار".')
    assert st.speaker == "Emmanuel Macron" and st.text == "سنواصل دعم الحوار"


def test_attribution_after_a_statement_becomes_its_via():
    st = only("وكشف الوزير سامي عادل أنه لم يغادر العاصمة، حسبما أفادت قناة (الأخبار اليوم) الإخبارية.")
    assert st.speaker == "سامي عادل"
    assert st.via == "قناة (الأخبار اليوم) الإخبارية"
    assert st.text == "لم يغادر العاصمة"


def test_circumstantial_clause_closes_the_speaker():
    st = only("وأضاف الوزير سامي عادل وقد علت الابتسامة وجهه: «نتمنى للجميع صباحا جيدا».")
    assert st.speaker_as_written == "الوزير سامي عادل"


def test_generic_title_points_to_the_person_the_registry_gives_it():
    text = "وقال زيلينسكي إن الجيش لن يستسلم.\nواختتم الرئيس المقطع قائلا: «المجد للوطن»."
    assert [sp for sp, _ in said(text)] == ["Volodymyr Zelensky", "Volodymyr Zelensky"]


def test_name_after_a_title_may_carry_the_article():
    text = (
        "قال السفير بابكر الصديق، المتحدث باسم الخارجية، إن الأوضاع طبيعية.\n"
        "وأضاف “الصديق”، في تصريحات له، أن الدعم الشعبي واسع."
    )
    assert [sp for sp, _ in said(text)] == ["بابكر الصديق", "بابكر الصديق"]


def test_compound_names_match_however_the_space_falls():
    text = "أكد نبيل عبدالله المتحدث باسم الجيش أن القوات تتقدم.\nوقال عبد الله إن المعارك مستمرة."
    assert [sp for sp, _ in said(text)] == ["نبيل عبدالله", "نبيل عبدالله"]


def test_occasion_noun_with_a_pronoun():
    st = only("وأضافت الوزارة في بيانها الذي نشرته الوكالة الرسمية، إن الاجتماع انتهى.")
    assert st.speaker_as_written == "الوزارة"


def test_quote_followed_by_a_participle_with_a_colon():
    found = said('وقال المتحدث "المعارك جارية في كل المناطق حتى الآن"، مضيفا: "قواتنا تتقدم".')
    assert [claim for _, claim in found] == ["المعارك جارية في كل المناطق حتى الآن", "قواتنا تتقدم"]


def test_dual_speaker_keeps_both_members():
    st = only(
        "وأشار التقرير إلى قلق الرئيس الفرنسي إيمانويل ماكرون والمستشار الألماني أولاف شولتس من الاتفاق، "
        "إذ أكدا الزعيمان أن البلدين سيعززان التنسيق."
    )
    assert (st.speaker, st.speaker_kind) == ("Emmanuel Macron and Olaf Scholz", "group")
    assert st.speaker_as_written == "الزعيمان"


def test_weak_and_everyday_cues_continue_only_when_the_claim_opens_at_once():
    text = (
        "وقال وزير الصحة إن المستشفيات جاهزة.\nولفت إلى أن الحملة ستشمل كل المدن.\n"
        'وبيّن أن الأطباء تلقوا تدريبا خاصا.\nوزاد: "لن نتراجع".\n'
        "ولفت انتباه الحضور إلى الخريطة.\nووقع الاتفاق بين الطرفين في القاهرة."
    )
    assert [claim for _, claim in said(text)] == [
        "المستشفيات جاهزة",
        "الحملة ستشمل كل المدن",
        "الأطباء تلقوا تدريبا خاصا",
        "لن نتراجع",
    ]


def test_person_first_named_by_surname_takes_the_fuller_name():
    text = (
        "متّى: الحكومة لا تملك القرار النهائي\n"
        "اعتبر عضو تكتل الجمهورية القوية النائب نزيه متّى أنّ الحكومة لا تملك القرار النهائي."
    )
    assert [sp for sp, _ in said(text)] == ["نزيه متّى", "نزيه متّى"]


def test_describing_adjectives_are_not_names():
    st = only("اعتبر نائبٌ حالي أن الانفلات السياسي زاد عن حده.")
    assert (st.speaker, st.speaker_kind) == ("نائبٌ حالي", "person")  # an unnamed MP, not one called حالي


def test_according_to_a_rule_or_a_plan_is_not_a_source():
    assert said("وستجري الانتخابات في موعدها المحدد، وفقا للدستور.") == []
    assert said("وجاء القرار المنتظر منذ أسابيع وفقاً لتوقعات المحللين.") == []
    assert said("وبحسب الخطة الجديدة، ستفتح المعابر يوم الأحد.") == []


def test_verbal_noun_opens_a_claim():
    st = only("وشدد رئيس الوزراء العراقي، خلال استقباله السفير، على ضرورة احترام السيادة.")
    assert (st.speaker_as_written, st.text) == ("رئيس الوزراء العراقي", "ضرورة احترام السيادة")
    st = only("أكد الناطق باسم الخارجية سامر يوسف، عدم وجود أي تواصل مع الطرف الآخر.")
    assert st.text.startswith("عدم وجود") and st.confidence <= 0.7


def test_relative_clause_with_a_speech_verb_is_skipped():
    text = "وقال الرئيس الأمريكي جو بايدن إن الاتفاق صامد.\nوأضاف بايدن، الذي كان يتحدث في البيت الأبيض، أن المفاوضات ستستمر."
    assert said(text)[1] == ("Joe Biden", "المفاوضات ستستمر")


def test_verb_then_participle_is_one_statement():
    text = "وقال الوزير سامي عادل إن الحوار مستمر.\nوتابع قائلاً إن الجولة المقبلة قريبة."
    assert said(text) == [("سامي عادل", "الحوار مستمر"), ("سامي عادل", "الجولة المقبلة قريبة")]


def test_a_verbal_noun_inside_the_speaker_phrase_does_not_open_the_claim():
    st = only("وقال مصدر مطلع طلب عدم الكشف عن هويته إن الاجتماع تأجل.")
    assert st.text == "الاجتماع تأجل" and st.speaker_kind == "anonymous"


def test_counted_and_plural_sources():
    assert only("ونقلت وكالة رويترز عن ثلاثة مصادر مطلعة قولها إن الشحنة وصلت.").speaker == "Unnamed sources"
    assert only("أكد مسؤولون إسرائيليون لموقع أكسيوس أن الرد سيكون محدودا.").speaker == "Israeli officials"


def test_a_chunk_that_is_only_a_name_is_the_name():
    st = only("اعترف وزير الخارجية السابق، كما يسميه الشارع، حمد بن سالم، أن أخطاء وقعت.")
    assert st.speaker == "حمد بن سالم"


def test_adjectives_between_title_and_name():
    st = only("قال الكاتب الصحفي جهاد يوسف، إن الحوار هو الحل.")
    assert (st.speaker, st.role_as_written) == ("جهاد يوسف", "الكاتب الصحفي")


def test_a_description_after_an_occasion_is_not_a_speaker():
    text = (
        "قال الكاتب جهاد يوسف إن الحوار هو الحل.\n"
        'وأشار خلال مداخلة هاتفية لبرنامج "المساء"، المذاع على قناة محلية، إلى أن الأزمة ستنتهي.'
    )
    assert [sp for sp, _ in said(text)] == ["جهاد يوسف", "جهاد يوسف"]


def test_nationality_after_a_title_is_not_a_name():
    st = only("قال محلل إماراتي إن الأسواق مستقرة.")
    # not a person called إماراتي; one Emirati analyst of many, so this article's own
    assert (st.speaker, st.speaker_kind) == ("محلل إماراتي · text", "title")


def test_a_name_starting_with_ya_is_not_a_subjunctive_verb():
    st = only("قال الكاتب يوسف حسن إن الحوار هو الحل.")
    assert st.speaker == "يوسف حسن"


def test_a_reference_to_a_body_described_earlier():
    text = (
        "وقالت السفيرة، في بيان مشترك صدر عن فرنسا، وألمانيا، إن الهدنة صامدة.\n"
        'كما حث البيان الطرفين على "احترام وقف إطلاق النار والعودة إلى المفاوضات".'
    )
    assert said(text)[1][0] == "بيان مشترك صدر عن فرنسا، وألمانيا"


def test_words_glued_to_a_cue_or_to_an_opener():
    st = only("قالالمدير العام للمنظمة، سامر حداد، إن الوباء انحسر.")
    assert (st.speaker, st.text) == ("سامر حداد", "الوباء انحسر")
    st = only("وأضاف الوزير سامر حدادأن الأسعار ستنخفض.")
    assert st.text == "الأسعار ستنخفض"


def test_addressees_are_not_speakers():
    st = only('وقال الوزير سامر حداد للدبلوماسيين في جنيف "نحن قلقون للغاية من تراجع التمويل".')
    assert st.speaker_as_written == "الوزير سامر حداد"


def test_a_person_called_by_first_name():
    text = "أكد المدير العام للهيئة سامويل أديمولا كوفي أن الجائحة لم تنته.\nوقال سامويل إن اللقاحات متوفرة."
    assert [sp for sp, _ in said(text)] == ["سامويل أديمولا كوفي", "سامويل أديمولا كوفي"]


def test_a_nationality_word_after_a_name_is_its_surname():
    text = (
        "نفى اللواء منصور الحداد التركي، المتحدث الأمني، الخبر.\n"
        "وقال اللواء منصور التركي، في بيان، إن الخبر غير صحيح.\nوأضاف اللواء التركي أن التحقيق مستمر."
    )
    assert [sp for sp, _ in said(text)] == ["منصور التركي", "منصور التركي"]


def test_egyptian_spelling_of_official():
    st = only("وكان مسئول بوزارة الداخلية قد أعلن أن التحقيق بدأ.")
    assert st.speaker_kind == "anonymous"


def test_an_observatory_is_a_body():
    st = only("وفقًا للمرصد الوطني لحقوق العمال، اندلعت الاشتباكات فجر الثلاثاء.")
    assert (st.speaker, st.speaker_kind) == ("المرصد الوطني لحقوق العمال", "organisation")


def test_colon_at_the_end_of_a_line_announces_the_next_one():
    text = "وقال وزير الخارجية سامر حداد:\n«نحن مستعدون للحوار مع جميع الأطراف».\nوأضاف أن الجولة المقبلة قريبة."
    found = extract_statements(text)
    assert [(st.speaker, st.kind, st.text) for st in found] == [
        ("سامر حداد", "direct", "نحن مستعدون للحوار مع جميع الأطراف"),
        ("سامر حداد", "indirect", "الجولة المقبلة قريبة"),
    ]
    assert all(text[st.char_start : st.char_end] == st.text for st in found)


def test_attribution_between_two_quotations_gives_both():
    found = said("«نحن مستعدون للحوار»، قال الوزير، «لكننا لن نتنازل عن حقوقنا».")
    assert found == [("الوزير · text", "نحن مستعدون للحوار"), ("الوزير · text", "لكننا لن نتنازل عن حقوقنا")]


def test_a_named_expert_is_a_person_not_experts():
    st = only('ويقول الخبير الاقتصادي سمير رزق: "الأسعار سترتفع".')
    assert (st.speaker, st.speaker_kind, st.role_as_written) == ("سمير رزق", "person", "الخبير الاقتصادي")


def test_titles_of_a_body_point_to_the_person_named_with_them():
    text = (
        "قال الناطق باسم حركة التجديد، سامر حداد، إن الحوار مستمر.\n"
        "وشدد متحدث الحركة على أن الشروط معروفة.\n"
        "وأكد رئيس وفد الحركة المفاوض خليل سامي أن الجولة قريبة.\nوأشار رئيس الوفد إلى أن الوسطاء يعملون."
    )
    assert [sp for sp, _ in said(text)] == ["سامر حداد", "سامر حداد", "خليل سامي", "خليل سامي"]


def test_the_word_after_bism_is_the_body_not_a_name():
    st = only("وقال الناطق باسم التجديد إن الحوار مستمر.")
    assert (st.speaker, st.speaker_kind) == ("الناطق باسم التجديد", "person")  # an unnamed spokesman


def test_a_source_before_its_verb_and_a_trailing_report_as_via():
    st = only('لكن مسؤولين إسرائيليين قالوا إن الاقتراح "مخفف" وغير مقبول، بحسب تقارير إعلامية إسرائيلية.')
    assert (st.speaker, st.via) == ("Israeli officials", "تقارير إعلامية إسرائيلية")
    assert st.text == 'الاقتراح "مخفف" وغير مقبول'


def test_kana_inside_a_claim_is_not_a_subject_first_verb():
    text = "قال المدرب سامي عادل إن الفريق ضيّع فوزا كان في متناوله، وقال إنه يتمنى الأفضل."
    assert [sp for sp, _ in said(text)] == ["سامي عادل", "سامي عادل"]


def test_a_closing_mark_used_to_open_a_quotation():
    st = only("وقال المدرب في المؤتمر الصحفي عقب المباراة ” كانت مباراة جيدة من الطرفين.”")
    assert (st.kind, st.text) == ("direct", "كانت مباراة جيدة من الطرفين")


def test_sports_titles_are_roles():
    st = only("قال مدرب المنتخب الوطني ناصر الجوهر إن الفريق سيعود أقوى.")
    assert (st.speaker, st.role_as_written) == ("ناصر الجوهر", "مدرب المنتخب الوطني")


def test_a_headline_topic_is_not_a_speaker():
    assert said("انهيار الهدنة: تداعيات خطيرة على المنطقة كلها\nوتستمر المعارك في الشمال.") == []
    text = "حداد: الحوار هو الطريق الوحيد للحل\nوقال الكاتب سامر حداد إن الحوار هو الطريق الوحيد."
    assert [sp for sp, _ in said(text)] == ["سامر حداد", "سامر حداد"]


def test_the_name_ali_is_not_the_preposition_ala():
    st = only("أكد عضو اللجنة، علي البنداوي، اليوم الاثنين، أن الحدود مؤمنة.")
    assert st.speaker == "علي البنداوي"


def test_revealing_something_is_a_statement_an_idiom_is_not():
    st = only("كشف مصدر أمني مطلع، اليوم الأحد، عن اعتقال ثلاثة متهمين بتهريب الأسلحة.")
    assert (st.speaker_kind, st.text) == ("anonymous", "اعتقال ثلاثة متهمين بتهريب الأسلحة")
    assert said("وكشف النقاب عن تفاصيل الخطة الجديدة للحكومة.") == []
    st = only("كشفت القيادة العامة للجيش، الثلاثاء، عن أن الهدنة انهارت.")
    assert (st.speaker_as_written, st.text) == ("القيادة العامة للجيش", "الهدنة انهارت")


def test_quote_then_a_bare_verb_continues_the_last_speaker():
    text = 'وقال الوزير سامر حداد: "نحن مستعدون للحوار".\n"وسنواصل العمل حتى النهاية"، أضاف.'
    assert said(text) == [("سامر حداد", "نحن مستعدون للحوار"), ("سامر حداد", "وسنواصل العمل حتى النهاية")]


def test_a_request_for_anonymity_is_not_part_of_the_speaker():
    st = only("قال مسؤول أمريكي طلب عدم نشر اسمه لرويترز يوم الخميس إن الإدارة تدرس خيارات جديدة.")
    assert (st.speaker, st.speaker_as_written) == ("US officials", "مسؤول أمريكي")


def test_the_statement_a_speaker_issued_points_back_to_the_speaker():
    text = "وقالت الشركة في بيان إنها تتوقع ارتفاع الأرباح.\nوأضاف البيان أن الشركة ستفتتح ثلاثة مصانع."
    assert [sp for sp, _ in said(text)] == ["الشركة · text", "الشركة · text"]


def test_dual_sources():
    assert only("وقال مصدران مطلعان إن المحادثات متوقفة منذ أسبوع.").speaker_kind == "anonymous"


def test_decoration_around_a_headline_is_not_kept():
    text = "*الناطق الرسمي للجيش : القوات تتقدم على كل الجبهات*\nوقال الناطق الرسمي للجيش إن القوات تتقدم."
    assert said(text)[0] == ("الناطق الرسمي للجيش · text", "القوات تتقدم على كل الجبهات")


def test_compound_names_and_named_bodies():
    st = only("وقال القيادي في الإطار عبد الأمير المياحي إن الحوار مستمر.")
    assert st.speaker == "عبد الأمير المياحي"
    st = only("أكد عضو حركة حقوق محسن السعيدي أنه لا منافس للتحالف.")
    assert (st.speaker, st.role_as_written) == ("محسن السعيدي", "عضو حركة حقوق")


def test_a_clause_about_the_statement_is_not_the_speaker():
    st = only('وذكر بيان للتحالف تلقته وكالة الأنباء الوطنية، أن "الاجتماع ناقش آخر التطورات السياسية".')
    assert st.speaker_as_written == "بيان للتحالف"


def test_a_relative_clause_speaker_is_the_noun_before_it():
    st = only("والتقى الرئيس بالسفير الأمريكي الذي قال إن بلاده تدعم الحوار.")
    assert (st.speaker_as_written, st.text, st.attribution) == ("بالسفير الأمريكي", "بلاده تدعم الحوار", "relative")
    text = "وقال الوزير سامر حداد إن الحوار مستمر.\nوزار الوفد المصنع الذي قال إن الإنتاج تضاعف."
    assert said(text) == [("سامر حداد", "الحوار مستمر")]  # no source before الذي: nobody's, not the minister's


def test_ali_as_a_surname_before_the_opener():
    st = only("وتعليقا على ذلك، قال المحلل السياسي يوسف علي إن الخطوة متوقعة.")
    assert st.speaker == "يوسف علي"


def test_a_source_inside_a_body_is_anonymous_not_the_body():
    st = only("وصرح مصدر في الرئاسة لوكالة الصحافة الفرنسية بأن الزيارة ستتم الشهر المقبل.")
    assert (st.speaker, st.speaker_kind) == ("Unnamed sources", "anonymous")
