"""The questions the extraction rules ask of a token (a cue's boundary, an addressee, an occasion, a source
word), answered from the language pack's data (``Lexicon``) and hooks."""

from __future__ import annotations

from functools import cache

from ..claimtext import claim_language, place_spans
from ..lang.text import PUNCTUATION, fold, fold_for_match
from ..lexicon import CueForm, Lexicon, bare_forms
from ..sentences import OPENERS, SYMMETRIC
from .nouns import VerbalNouns
from .doc import COMMAS, Span, SentenceView

# The most tokens a dateline runs to before its dash ("WASHINGTON, Sept. 14 (Reuters) -").
DATELINE_TOKENS = 12


MAX_TIME_OPENER = 8  # words of a time phrase between its "and" and the verb ("وفي وقت سابق من يوم أمس الثلاثاء")


class Grammar:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        first_words, addressees, media = set(), set(), set()
        for entry in lex.speakers:
            for alias in entry.get("aliases", []):
                words = fold(alias).split()
                if words:
                    first_words.add(words[0])
                    # One speaks to a person or an outlet ("لبوتين", "لرويترز"); "للأمم المتحدة" is a genitive.
                    if entry.get("kind", "person") in ("person", "media"):
                        addressees.add(words[0])
                    if entry.get("kind") == "media":
                        media.add(words[0])
        self.alias_first_words = frozenset(first_words)
        self.addressee_first_words = frozenset(addressees)
        self.media_first_words = frozenset(media)
        self.verbal_nouns = VerbalNouns(lex, self.alias_first_words)
        self.known_names = known_names(lex)

    def unglued(self, word: str) -> str:
        """A folded word without a one-letter preposition written on it ("بوجود" -> "وجود", "لنادي" -> "نادي")."""
        return word[1:] if word[:1] in self.lex.glued_prepositions and len(word) > 3 else word

    def is_adverbial(self, s: SentenceView, i: int) -> bool:
        n = s.norm(i)
        if not n:
            return False
        if n in self.lex.days or n in self.lex.time_words or n.isdigit():
            return True
        if n[:1] == self.lex.and_conjunction and n[1:] in self.lex.days:
            return True
        if (
            n in self.lex.time_prepositions
            or (n[:1] == self.lex.and_conjunction and n[1:] in self.lex.time_prepositions)
        ) and (
            s.norm(i + 1) in self.lex.months
            or s.norm(i + 1) in self.lex.days
            or s.norm(i + 1).isdigit()
            or s.norm(i + 1) in self.lex.time_words
            or self._day_of_month(s, i + 1)
        ):
            return True
        if s.phrase_at(i, self.lex.adverbial_openers):
            return True
        if occasion_at(self, s, i):
            return True
        if n[:1] in self.lex.glued_prepositions and len(n) > 3 and self.occasion_noun(n[1:]):
            return True
        return self.is_addressee(s, i)

    def _day_of_month(self, s: SentenceView, k: int) -> bool:
        """ "العشرين من يوليو", "الخامس من مارس": a day written in words, the word of the month, a month."""
        return s.norm(k + 1) in self.lex.month_of and s.norm(k + 2) in self.lex.months

    def occasion_noun(self, word: str) -> bool:
        """ "خطاب", "الخطاب", "بيانها": a noun of occasion or medium, with or without article and pronoun."""
        for w in (word, self.lex.hooks.strip_article(word)):
            for suffix in ("", *self.lex.occasion_noun_suffixes):
                if w.endswith(suffix) and w[: len(w) - len(suffix)] in self.lex.occasion_nouns:
                    return True
        return False

    def pronoun_subject(self, s: SentenceView, span: Span | None) -> str | None:
        """The gender a speaker phrase that is one subject pronoun ("he", "she") tells ("" when it tells none);
        None for any other phrase. A pronoun names nobody: its statement continues the last speaker."""
        if span is None or span.b - span.a != 1:
            return None
        return self.lex.subject_pronouns.get(s.norm(span.a))

    def finite_verb(self, s: SentenceView, k: int) -> bool:
        """Whether token k is a verb that makes a clause: an auxiliary ("has", "would") or a lower-case word with a
        past ending ("delivered"; "United" is a name) or an irregular past ("went"). Always False for a pack that
        lists none of them."""
        n, raw = s.norm(k), s.raw(k)
        if n in self.lex.auxiliaries or (n in self.lex.irregular_pasts and not raw[:1].isupper()):
            return True
        if k >= 2 and s.norm(k - 2) in self.lex.contracted_verbs.get(n, ()) and not s.toks[k - 1].is_word:
            return s.toks[k - 2].end == s.toks[k - 1].start and s.toks[k - 1].end == s.toks[k].start  # "it's"
        endings = self.lex.past_endings
        if not endings or len(n) < 5 or raw[:1].isupper() or not n.endswith(endings):
            return False
        joined = k > 0 and not s.toks[k - 1].is_word and s.toks[k - 1].end == s.toks[k].start
        return not joined  # "state-affiliated" is an adjective

    def source_word(self, n: str) -> bool:
        """Whether a folded word can head a source: a title, a body or outlet, an unnamed source, a pointer
        (الوكالة) or the first word of a known speaker's name. The one test every rule below asks."""
        bare = self.lex.hooks.strip_article(n)
        return (
            bare in self.lex.title_words
            or n in self.lex.title_words
            or bare in self.lex.person_titles
            or bare in self.lex.body_heads
            or bare in self.lex.media_heads
            or n in self.lex.anonymous_heads
            or bare in self.lex.anonymous_heads
            or n in self.alias_first_words
            or n in self.lex.generic_references
            # a country or city speaks for its government where the pack says so ("أعلنت الأرجنتين خفض ...")
            or (self.lex.place_sources and bool(place_spans([fold_for_match(n)], self.lex.language)))
        )

    def plausible_head(self, s: SentenceView, i: int) -> bool:
        """Whether a token can start a speaker phrase: a quotation mark (a quoted name) or a plausible source."""
        return s.toks[i].raw in OPENERS or s.toks[i].raw in SYMMETRIC or self.plausible_source(s, i)

    def plausible_source(self, s: SentenceView, i: int) -> bool:
        """A bare (would-be) name, or a definite word that is a source word; never a word with a possessive pronoun
        no name ends with ("زادت أسعارها، حيث أن ...") nor one written with the accusative's mark."""
        n = s.norm(i)
        if self.source_word(n) or n in self.lex.countries:  # "أعلنت الكويت": a country speaks for its government
            return True
        if accusative(self.lex, s, i):
            return False  # "مما يعتبر حدثاً استثنائياً": an indefinite object, marked as one
        article = self.lex.definite_article
        return not (n.startswith((article, self.lex.and_conjunction + article)) or self._possessive(n))

    def possessed(self, n: str) -> bool:
        """ "أسعارها": a folded word ending with a possessive pronoun no name ends with, and no source word."""
        return self._possessive(n) and not self.source_word(n)

    def _possessive(self, n: str) -> bool:
        """The shape alone; never a word with the article, which no possessive pronoun follows ("المتهم")."""
        lex = self.lex
        return (
            bool(lex.possessed_endings)
            and n.endswith(lex.possessed_endings)
            and not n.startswith(lex.definite_prefixes)
        )

    def opens_occasion(self, s: SentenceView, chunk: Span) -> bool:
        """A comma-separated chunk that starts with a preposition says where or how, never who."""
        cue = self.lex.cue(s.norm(chunk.a))
        if self.name_not_preposition(s, chunk.a):
            return False
        return (
            self.is_adverbial(s, chunk.a)
            or bool(s.phrase_at(chunk.a, self.lex.chunk_prepositions, allow_conj=True))
            or (cue is not None and cue.tense == "participle")  # "وتابع قائلاً إن"
            or s.norm(chunk.a) in self.lex.occasion_participles  # "Speaking to The Associated Press, ..."
        )

    def name_not_preposition(self, s: SentenceView, i: int) -> bool:
        """ "، علي البنداوي،": the name علي folds like the preposition على; written with ي and not before an
        occasion or a place ("على منصة", "على هامش"), it is the name."""
        if s.raw(i) not in self.lex.name_homographs or i + 1 >= len(s) or not s.toks[i + 1].is_word:
            return False
        following = s.norm(i + 1)
        return not self.occasion_noun(following) and self.lex.hooks.strip_article(following) not in self.lex.places

    def is_addressee(self, s: SentenceView, i: int) -> bool:
        """ "لبوتين", "للصحفيين", "لـ"رويترز"": one spoken to, not the speaker."""
        n, lex = s.norm(i), self.lex
        if n in lex.addressee_prefixes:  # the particle standing apart from a quoted name
            return True
        prefix = next((p for p in lex.addressee_prefixes if n.startswith(p)), None)
        if prefix is None or n.startswith(lex.addressee_exceptions):
            return False
        rest = n[len(prefix) :]
        if lex.pronoun_on(n, lex.addressee_prefixes):
            return True  # "لنا", "لهم": to us, to them
        if len(n) < 3:
            return False
        # "للرئيس": the article lost its alif; "لصحفيين" (to journalists) is the same noun without one
        definite = lex.definite_article + (rest[len(prefix) :] if rest.startswith(prefix) else rest)
        return (
            rest in self.addressee_first_words
            or definite in self.addressee_first_words
            or definite in lex.addressee_nouns
            or rest in lex.addressee_nouns
        )

    def glued_object(self, word: str, prefix: str) -> bool:
        """Whether a word is a preposition glued to a noun (بإخفاء, بالاتفاق, بدفع) rather than a word that starts
        with it (بوتين, باسم)."""
        rest = word[len(prefix) :]
        if word in self.alias_first_words or word in self.lex.title_words or len(rest) < 3:
            return False
        return rest.startswith(self.lex.glued_noun_starts) or rest in self.verbal_nouns

    def skip_leading(self, s: SentenceView, a: int, b: int) -> int:
        """Past a dateline, a leading conjunction and adverbial phrase ("وفي وقت سابق،") to where content starts."""
        i = past_dateline(self.lex, s, a, b) if a == 0 else a
        while i < b and (s.raw(i) in COMMAS or s.norm(i) in self.lex.conjunctions):
            i += 1
        leading = self.is_adverbial(s, i) or s.norm(i) in self.lex.leading_prepositions
        if i < b and leading and not quantity_at(self, s, i):  # "At least seven people were ...": a count
            j = i
            while j < b and not s.is_comma(j):
                j += 1
            if j < b:
                return self.skip_leading(s, j + 1, b)
            phrase = s.phrase_at(i, self.lex.adverbial_openers)
            if phrase:
                return i + phrase
        return i

    def boundary(self, s: SentenceView, i: int) -> int:
        """The first token of a statement whose cue is token i: its linking word and comma, if any."""
        cue = self.lex.cue(s.norm(i))
        b = i
        if cue is not None and cue.tense == "past" and (opener := self.time_opener(s, i)) is not None:
            b = opener
        for phrase in self.lex.clause_links:
            k = len(phrase)
            if b - k >= 0 and s.phrase_at(b - k, [phrase]) == k:
                b -= k
                break
        while b > 0 and (s.norm(b - 1) in self.lex.particles_before_verb or s.norm(b - 1) in self.lex.conjunctions):
            b -= 1
        if b > 0 and s.is_comma(b - 1):
            b -= 1
        return b

    def at_clause_boundary(self, s: SentenceView, i: int, form: CueForm) -> bool:
        prev = i - 1
        if s.comma_before(i) and (form.tense == "participle" or s.norm(i)[0] in self.lex.conjunctions):
            return True
        if not self.lex.subject_first and _verb_first_boundary(self, s, i, form):
            return True
        # "... بسبب عطل فني مشيرة إلى بدء التحقيق", "... is 120 adding that ...": a participle with its claim's
        # opener right after it (where the subject comes first, only its complementizer)
        if form.tense == "participle" and self._participle_opener(s, i + 1):
            return not self.lex.subject_first or s.norm(i + 1) in self.lex.complementizers
        for phrase in self.lex.clause_links:
            k = len(phrase)
            if prev - k + 1 >= 0 and s.phrase_at(prev - k + 1, [phrase]) == k:
                return True
        # "وقد", "و" + cue after a comma-less clause: a coordinated new statement.
        return s.norm(i)[0] in self.lex.conjunctions and form.tense == "past" and not s.quoted[i]

    def time_opener(self, s: SentenceView, i: int) -> int | None:
        """Where "... وفي وقت سابق من يوم أمس قال المسؤول ..." opens its clause: an occasion or time phrase joined
        by "and", then the verb, a new clause even where the text lost its punctuation (verb-first packs)."""
        if self.lex.subject_first:
            return None
        for k in range(i - 1, max(-1, i - 1 - MAX_TIME_OPENER), -1):
            n = s.norm(k)
            if not s.toks[k].is_word or n in self.lex.complementizers or self.lex.cue(n) is not None or s.quoted[k]:
                return None
            if n[:1] == self.lex.and_conjunction and n[1:] not in self.lex.relatives and len(n) > 1:
                if s.phrase_at(k, self.lex.adverbial_openers):
                    return k  # not "والتي انتهت ...": a relative clause goes on with its noun
        return None

    def _participle_opener(self, s: SentenceView, k: int) -> bool:
        """Whether a complementizer or a claim's preposition ("إلى", "على") stands at token k."""
        return k < len(s) and (s.norm(k) in self.lex.complementizers or s.norm(k) in self.lex.claim_prepositions)

    def possessive_ending(self, s: SentenceView, k: int) -> bool:
        """Whether token k is a possessive ending written after its mark ("Friday's": "'", then "s")."""
        return k >= 1 and s.norm(k) in self.lex.possessive_endings and not s.toks[k - 1].is_word

    def opens_claim(self, s: SentenceView, k: int) -> bool:
        """Whether a complementizer stands at token k, past single adverbial words ("أيضا أن")."""
        while k < len(s) and s.norm(k) not in self.lex.complementizers and s.phrase_at(k, self.lex.adverbial_openers):
            if s.phrase_at(k, self.lex.adverbial_openers) != 1:
                return False
            k += 1
        return s.norm(k) in self.lex.complementizers

    def strip_frame(self, s: SentenceView, a: int, op: int, form: CueForm) -> int:
        """The speaker window without the cue's own preposition (أشار ... إلى أن, أعرب ... عن قلقه من أن)."""
        end = op
        lex = self.lex
        while end > a and (
            s.norm(end - 1) in form.frame
            or s.norm(end - 1) in lex.claim_prepositions
            or s.norm(end - 1) in lex.speech_fillers
        ):
            if s.raw(end - 1) in self.lex.name_homographs and end - 1 > a:
                break  # "يوسف علي إن": the name, not the preposition على
            end -= 1
        # "عن قلقه" / "عن أمله": the object of أعرب/أبدى sits between the speaker and the claim.
        for k in range(a, end):
            if s.norm(k) in form.frame and s.norm(k) == self.lex.relay_preposition:
                if s.norm(k - 1) in lex.issuing_words:
                    continue  # "كشف تقرير صادر عن المنظمة أن": who issued the report
                return k
        return end

    def glued_text(self, s: SentenceView, a: int, b: int, glued: bool) -> str:
        """The speaker phrase as written, without the preposition glued to its first word (للمسؤولين -> المسؤولين)."""
        text = s.span_text(Span(a, b))
        return self.without_glued_preposition(text) if glued and text else text

    def without_glued_preposition(self, word: str) -> str:
        """A word without the one-letter preposition written on it, the article's lost alif restored
        (للمسؤولين -> المسؤولين, لـ"رويترز" -> "رويترز"); the word as it is when none is."""
        for contracted, article in self.lex.contracted_articles.items():
            if word.startswith(contracted):
                return article + word[len(contracted) :]
        if word[:1] in self.lex.glued_prepositions:
            return word[1:].lstrip(self.lex.letter_joiner)
        return word


def known_names(lex: Lexicon) -> dict[str, set[tuple[str, ...]]]:
    """Known speakers' names of two words or more, folded, by their first word."""
    names: dict[str, set[tuple[str, ...]]] = {}
    for entry in lex.speakers:
        for alias in entry.get("aliases", []):
            words = tuple(fold(alias).split())
            if len(words) > 1:
                names.setdefault(words[0], set()).add(words)
    return names


def known_name_end(g: Grammar, s: SentenceView, k: int) -> int:
    """The token after a known name of two words or more written from token k ("المصري اليوم", a particle glued on
    its first word or not), else k."""
    return max(
        (
            k + len(words)
            for first in bare_forms(g.lex, s.norm(k))
            for words in g.known_names.get(first, ())
            if all(s.norm(k + n) == word for n, word in enumerate(words[1:], 1))
        ),
        default=k,
    )


def quantity_at(g: Grammar, s: SentenceView, j: int) -> bool:
    """Whether a phrase before a figure stands at token j ("at least 40 people", "more than three"): a quantity, not
    a preposition's object."""
    n = s.phrase_at(j, g.lex.quantity_phrases, allow_conj=False)
    return bool(n) and figure(g, s, j + n)


def figure(g: Grammar, s: SentenceView, k: int) -> bool:
    """Whether token k is a figure: in digits or in words ("three"), as the claim reader counts it."""
    return s.norm(k)[:1].isdigit() or s.norm(k) in claim_language(g.lex.language).numbers


def past_dateline(lex: Lexicon, s: SentenceView, a: int, b: int) -> int:
    """Past a dateline opening a sentence ("SEOUL, Sept. 14 (Yonhap) --", "Kuala Lumpur, Dec 22 —"): a place in
    capitals, or capitalised with a date after it, in a script with capitals, then a dash within a few tokens and the
    sentence after it. It is the outlet's byline, not the claim's."""
    first = s.raw(a)
    dashes = _dashes(lex.dateline_separators)
    if len(first) < 2 or not first[:1].isupper():
        return _bracketed_dateline(s, a, b, dashes)
    for j in range(a + 1, min(b, a + DATELINE_TOKENS)):
        if s.raw(j) and set(s.raw(j)) <= dashes:
            if not (first.isupper() or _dated(lex, s, a, j)):
                return a
            while j + 1 < b and set(s.raw(j + 1)) <= dashes:
                j += 1
            # the sentence starts after it, with a capital ("NATO - which met on Monday -" is an aside)
            opens = s.raw(j + 1)[:1]
            return j + 1 if opens and not opens.islower() else a
    return a


def _bracketed_dateline(s: SentenceView, a: int, b: int, dashes: frozenset[str]) -> int:
    """ "أربيل (كوردستان24)- خاطب ...", "طوكيو - (جيجي برس) -- أمر ...": in a script without capitals, a place of a
    word or two, the outlet in brackets (a dash may stand between them) and a dash open the sentence; no other words
    before the dash read as a dateline there."""
    for j in range(a + 1, min(b, a + DATELINE_TOKENS)):
        if s.raw(j) == "(":
            close = next((k for k in range(j + 1, min(b, j + DATELINE_TOKENS)) if s.raw(k) == ")"), None)
            dash = close + 1 if close is not None else b
            if dash + 1 >= b or not set(s.raw(dash)) <= dashes:
                return a
            while dash + 2 < b and set(s.raw(dash + 1)) <= dashes:
                dash += 1
            return dash + 1
        if not s.toks[j].is_word and not set(s.raw(j)) <= dashes:
            return a
    return a


def _dated(lex: Lexicon, s: SentenceView, a: int, j: int) -> bool:
    """Whether tokens [a, j) hold a date: a month, written whole or cut short ("Dec"), and a number."""
    month = any(len(s.norm(k)) >= 3 and any(m.startswith(s.norm(k)) for m in lex.months) for k in range(a, j))
    return month and any(s.raw(k).isdigit() for k in range(a, j))


@cache
def _dashes(separators: frozenset[str]) -> frozenset[str]:
    """A dateline's separators that are no bracket: what ends it before the sentence."""
    brackets = PUNCTUATION["editorial_brackets"]
    return frozenset(separators) - set(brackets) - set(brackets.values())


def accusative(lex: Lexicon, s: SentenceView, i: int) -> bool:
    """Whether token i is written with the accusative's mark (``accusative_marks``: "حدثاً", "متحدياً"), which no name
    or subject carries."""
    return s.raw(i).endswith(tuple(lex.accusative_marks))


def particles_start(g: Grammar, s: SentenceView, i: int) -> int:
    """Where the particles that may stand before a verb ("also", "قد") begin that end right before token i (i when
    there are none)."""
    while i > 0 and s.norm(i - 1) in g.lex.particles_before_verb:
        i -= 1
    return i


def and_joined(g: Grammar, word: str) -> str | None:
    """A folded word without the "and" written on it ("والتي" -> "التي"), or None when it carries none."""
    conj = g.lex.and_conjunction
    return word[len(conj) :] if conj and word.startswith(conj) else None


def _verb_first_boundary(g: Grammar, s: SentenceView, i: int, form: CueForm) -> bool:
    """Where the verb comes first, whether the cue at i opens a clause of its own inside an earlier claim."""
    prev = i - 1
    # "وبينما أكد أن ...، ذكر أيضا أن ...": a cue after a comma with its own complementizer and no subject continues
    # the speaker (where the subject comes first it is the main verb after an aside, "X, who said A, said that B",
    # which the subject-first rule reads); with a source right after it, it is that source's ("وتعتبر مصر أن ...،
    # تقول الحكومة الإثيوبية أن ...")
    if s.is_comma(prev) and g.opens_claim(s, i + 1):
        return True
    if s.is_comma(prev) and form.tense != "participle" and i + 1 < len(s) and g.source_word(s.norm(i + 1)):
        return True
    # "... على القروض فقط قائلا: «...»": a participle with a colon opens its quotation, comma or not
    if form.tense == "participle" and i + 1 < len(s) and s.raw(i + 1) == ":":
        return True
    if form.tense == "past" and g.time_opener(s, i) is not None:
        return True
    if form.tense == "past" and _subject_after_contrast(g, s, i):
        return True
    # "... التعديلات التي يقول الرئيس إنها ضرورية": a relative clause whose verb says is a statement of its own
    return s.norm(prev) in g.lex.relatives


MAX_CONTRAST_SUBJECT = 4  # words of the subject between a link of contrast and its verb ("إلا أن الرئيس بولا تينوبو")


def _subject_after_contrast(g: Grammar, s: SentenceView, i: int) -> bool:
    """ "... إلا أن الرئيس تينوبو أكد أنه ...": a link of contrast (``contrast_links``), then a source's words, then
    the verb: a clause of its own whose subject stands before its verb."""
    for k in range(i - 1, max(-1, i - 1 - MAX_CONTRAST_SUBJECT), -1):
        if not s.toks[k].is_word or s.quoted[k] or g.lex.cue(s.norm(k)) is not None:
            return False
        if contrast_before(g, s, k):
            return g.source_word(s.norm(k))
    return False


def occasion_at(g: Grammar, s: SentenceView, i: int) -> bool:
    """Whether a preposition of occasion at token i opens one ("في بيان"، "في تصريحات صحفية"، 'على "تويتر"'), not a
    time or a place."""
    return s.norm(i) in g.lex.occasion_prepositions and g.occasion_noun(s.norm(s.past_opening_mark(i + 1)))


def contrast_before(g: Grammar, s: SentenceView, k: int) -> int:
    """The tokens of a link of contrast (``contrast_links``: "إلا أن", "لكن") ending right before token k, or 0."""
    return next(
        (
            len(link)
            for link in g.lex.contrast_links
            if k >= len(link) and s.phrase_at(k - len(link), [link]) == len(link)
        ),
        0,
    )


def modifies_noun(g: Grammar, s: SentenceView, k: int) -> bool:
    """A past form of a regular verb (not an auxiliary) followed by a preposition describes the noun before it:
    "resolutions imposed against", "a statement posted on"."""
    return s.norm(k) not in g.lex.auxiliaries and bool(s.phrase_at(k + 1, g.lex.chunk_prepositions, allow_conj=False))


def relative_that(g: Grammar, s: SentenceView, k: int) -> bool:
    """Whether token k is a "that" an auxiliary follows ("a statement that was released", "that is"): a relative
    pronoun or the subject of its clause, never the complementizer that opens a claim. A past form alone says
    nothing ("that displaced families would ...", "that based on ...": adjectives and participles)."""
    return s.norm(k) in g.lex.complementizers and s.norm(k + 1) in g.lex.auxiliaries


def verb_opens_clause(g: Grammar, s: SentenceView, i: int) -> bool:
    """The verb opens its clause, with "and" on it or first in the sentence ("وقارن التقرير بين ..." is no saying),
    and no comma before it ("، ويدعى سليم، إن": a name given in an aside); or, with no "and", right after the one
    comma that closes a phrase opening the sentence ("وفيما يتعلق بمسارها، بين المومني أن")."""
    if i == 0 or (s.norm(i)[:1] in g.lex.conjunctions and not s.is_comma(i - 1)):
        return True
    fronted = s.is_comma(i - 1) and not any(s.is_comma(k) or g.lex.cue(s.norm(k)) for k in range(i - 1))
    return fronted and s.norm(i)[:1] not in g.lex.conjunctions


def saying_verb_at(g: Grammar, s: SentenceView, k: int) -> bool:
    """A verb of saying stands at token k, not the everyday word a strict cue spells unmarked ("من بين 300": between,
    not "بيّن"), which opens no claim for what comes after it."""
    form = g.lex.cue(s.norm(k))
    return g.lex.saying_verb(s.norm(k)) and not g.lex.everyday(form, s.raw(k))
