"""Attributed statements in an article: who said what, how, and through whom.

Rules read structure from the cue words and function words in ``data/<language>/``: a cue verb, its
subject (the speaker phrase), and what opens the claim (إن/أن, a colon, a quotation). Attribution
before the claim ("وفقاً للسيد بوتين، فإن ..."), after it ("...، حسبما ذكرت الوكالة"), relayed speech
("نقلت الوكالة عن فلان قوله ...") and continuations ("وأضافت: ...") are each a small rule here.

Extraction is a pure function of the text: no database, no terminal, so it can run in a worker pool.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import lexicon as lexicon_mod
from .arabic import Token, fold, stems, strip_article, tokens
from .lexicon import CueForm, Lexicon
from .models import Article, Sentence, Statement, Story
from .sentences import MISUSED_OPENERS, OPENERS, SYMMETRIC, quote_spans, split

MAX_SPEAKER_TOKENS = 30
NEXT_LINE = -1  # claim_start of a statement whose claim is the next line ("وقال الوزير:" then the quotation)
MIN_POST_CLAIM_WORDS = 3
COMMAS = {"،", ",", "؛", ";"}


@dataclass
class _Span:
    """Tokens [a, b) of a sentence."""

    a: int
    b: int

    def __bool__(self) -> bool:
        return self.b > self.a


@dataclass
class _Found:
    cue_index: int  # where the cue starts; statements in a sentence are ordered by it
    boundary: int  # first token that belongs to this statement, where an earlier claim must end
    cue: str
    speaker: _Span | None
    claim_start: int  # char offset
    claim_end: int | None  # char offset, None: to the end of the sentence (or the next statement)
    kind: str
    attribution: str
    gender: str
    confidence: float
    via: list[_Span] = field(default_factory=list)
    direct: bool = False
    as_written: str | None = None
    cut_at_next: bool = True


def _split_glued_cues(toks: list[Token], lex: Lexicon) -> list[Token]:
    """Split words a page glued together where one of them is structure the rules read.

    "الأوسطوأكدت" -> "الأوسط" + "وأكدت" (a و/ف-prefixed cue after three letters or more);
    "قالالمدير" -> "قال" + "المدير" (a cue before the article); "جيبريسوسإن" -> "جيبريسوس" + "إن" (a hamza-
    written إنّ/أنّ, which ends no Arabic word). Ordinary words that merely contain a cue's letters stay whole.
    """
    out: list[Token] = []
    for t in toks:
        n = t.norm
        cut = None
        if t.is_word and len(n) >= 6 and lex.cue(n) is None:
            for p in range(3, len(n) - 2):
                head, tail = n[:p], n[p:]
                tail_cue, head_cue = lex.cue(tail), lex.cue(head)
                if (
                    tail[0] in "وف"
                    and len(tail) >= 4
                    and tail_cue is not None
                    and tail_cue.tense in ("past", "present")
                ):
                    cut = p
                elif (
                    head_cue is not None
                    and head_cue.tense in ("past", "present")
                    and tail.startswith("ال")
                    and len(tail) >= 5
                ):
                    cut = p
                if cut:
                    break
            if cut is None and len(t.raw) >= 5 and t.raw.endswith(("إن", "أن")):
                cut = len(n) - 2
        k = next((k for k in range(1, len(t.raw)) if fold(t.raw[:k]) == n[:cut]), None) if cut else None
        if k:
            out.append(Token(t.start, t.start + k, t.raw[:k], fold(t.raw[:k])))
            out.append(Token(t.start + k, t.end, t.raw[k:], fold(t.raw[k:])))
        else:
            out.append(t)
    return out


class _Sentence:
    """One sentence's tokens with what the rules ask of them."""

    def __init__(self, text: str, sentence: Sentence, lex: Lexicon):
        self.text = text
        self.sentence = sentence
        self.lex = lex
        self.toks: list[Token] = _split_glued_cues(tokens(sentence.text, sentence.start), lex)
        self.quotes = quote_spans(text, sentence.start, sentence.end)
        self.quoted = [any(a < t.start and t.end <= b for a, b in self.quotes) for t in self.toks]

    def __len__(self) -> int:
        return len(self.toks)

    def norm(self, i: int) -> str:
        return self.toks[i].norm if 0 <= i < len(self.toks) else ""

    def raw(self, i: int) -> str:
        return self.toks[i].raw if 0 <= i < len(self.toks) else ""

    def is_comma(self, i: int) -> bool:
        return self.raw(i) in COMMAS

    def words(self, span: _Span) -> int:
        return sum(1 for t in self.toks[span.a : span.b] if t.is_word)

    def phrase_at(self, i: int, phrases: list[tuple[str, ...]], allow_conj: bool = True) -> int:
        """Length in tokens of the first phrase matching at token i (0 if none).

        A phrase word "ل" or "ب" is a prefix glued to the next word ("وفقا ل" + "للمسؤولين").
        """
        for phrase in phrases:
            n = len(phrase)
            ok = True
            for k, word in enumerate(phrase):
                tok = self.norm(i + k)
                if not tok:
                    ok = False
                    break
                if word in ("ل", "ب") and k == n - 1:
                    if not (tok.startswith(word) and len(tok) > 2) and tok != word:
                        ok = False
                    break
                if tok == word or (k == 0 and allow_conj and tok in ("و" + word, "ف" + word)):
                    continue
                ok = False
                break
            if ok:
                last = phrase[-1]
                glued = last in ("ل", "ب") and self.norm(i + n - 1) != last
                return n - 1 if glued else n
        return 0

    def span_text(self, span: _Span) -> str:
        return self.text[self.toks[span.a].start : self.toks[span.b - 1].end] if span else ""

    def quote_at(self, i: int) -> tuple[int, int] | None:
        """The quotation whose opening mark is token i."""
        t = self.toks[i] if 0 <= i < len(self.toks) else None
        if t is None or (t.raw not in OPENERS and t.raw not in SYMMETRIC and t.raw not in MISUSED_OPENERS):
            return None
        for a, b in self.quotes:
            if a == t.start:
                return a, b
        return None

    def index_at(self, offset: int) -> int:
        for i, t in enumerate(self.toks):
            if t.start >= offset:
                return i
        return len(self.toks)


class Extractor:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        first_words, addressees = set(), set()
        for entry in lex.speakers:
            for alias in entry.get("aliases", []):
                words = fold(alias).split()
                if words:
                    first_words.add(words[0])
                    # One speaks to a person or an outlet ("لبوتين", "لرويترز"); "للأمم المتحدة" is a genitive.
                    if entry.get("kind", "person") in ("person", "media"):
                        addressees.add(words[0])
        self.alias_first_words = frozenset(first_words)
        self.addressee_first_words = frozenset(addressees)

    # ----- the speaker phrase -----

    def is_adverbial(self, s: _Sentence, i: int) -> bool:
        n = s.norm(i)
        if not n:
            return False
        if n in self.lex.days or n in self.lex.time_words or n.isdigit():
            return True
        if n.startswith("و") and n[1:] in self.lex.days:
            return True
        if (n in self.lex.time_prepositions or (n[:1] == "و" and n[1:] in self.lex.time_prepositions)) and (
            s.norm(i + 1) in self.lex.months
            or s.norm(i + 1) in self.lex.days
            or s.norm(i + 1).isdigit()
            or s.norm(i + 1) in self.lex.time_words
        ):
            return True
        if s.phrase_at(i, self.lex.adverbial_openers):
            return True
        if n in self.lex.occasion_prepositions and self._occasion_noun(s.norm(i + 1)):
            return True
        if n[:1] in "بل" and len(n) > 3 and self._occasion_noun(n[1:]):
            return True
        return self.is_addressee(s, i)

    def _occasion_noun(self, word: str) -> bool:
        """ "خطاب", "الخطاب", "بيانها": a noun of occasion or medium, with or without article and pronoun."""
        for w in (word, strip_article(word)):
            for suffix in ("", "ه", "ها", "هم", "ي"):
                if w.endswith(suffix) and w[: len(w) - len(suffix)] in self.lex.occasion_nouns:
                    return True
        return False

    def source_word(self, n: str) -> bool:
        """Whether a folded word can head a source: a title, a body or outlet, an unnamed source, a pointer
        (الوكالة) or the first word of a known speaker's name. The one test every rule below asks."""
        bare = strip_article(n)
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
        )

    def _plausible_head(self, s: _Sentence, i: int) -> bool:
        """Whether a token can start a speaker phrase: a quotation mark (a quoted name) or a plausible source."""
        return s.toks[i].raw in OPENERS or s.toks[i].raw in SYMMETRIC or self._plausible_source(s, i)

    def _plausible_source(self, s: _Sentence, i: int) -> bool:
        """A bare (would-be) name, or a definite word that is a source word."""
        n = s.norm(i)
        return not n.startswith(("ال", "وال")) or self.source_word(n)

    def opens_occasion(self, s: _Sentence, chunk: _Span) -> bool:
        """A comma-separated chunk that starts with a preposition says where or how, never who."""
        cue = self.lex.cue(s.norm(chunk.a))
        if self._name_not_preposition(s, chunk.a):
            return False
        return (
            self.is_adverbial(s, chunk.a)
            or bool(s.phrase_at(chunk.a, self.lex.chunk_prepositions, allow_conj=True))
            or (cue is not None and cue.tense == "participle")
        )  # "وتابع قائلاً إن"

    def _name_not_preposition(self, s: _Sentence, i: int) -> bool:
        """ "، علي البنداوي،": the name علي folds like the preposition على; written with ي and not before an
        occasion or a place ("على منصة", "على هامش"), it is the name."""
        if s.raw(i) not in self.lex.name_homographs or i + 1 >= len(s) or not s.toks[i + 1].is_word:
            return False
        following = s.norm(i + 1)
        return not self._occasion_noun(following) and strip_article(following) not in self.lex.places

    def is_addressee(self, s: _Sentence, i: int) -> bool:
        n = s.norm(i)
        if n == "ل":  # "لـ"رويترز"": the particle stands apart from a quoted name
            return True
        if not n.startswith("ل") or n.startswith("لدي") or len(n) < 3:
            return False
        rest = n[1:]
        definite = "ال" + rest[1:] if rest.startswith("ل") else rest
        return (
            rest in self.addressee_first_words
            or definite in self.addressee_first_words
            or definite in self.lex.addressee_nouns
            or rest in self.lex.addressee_nouns
        )

    def speaker_span(self, s: _Sentence, a: int, b: int) -> tuple[_Span | None, list[_Span]]:
        """The speaker phrase in tokens [a, b), and the sources relaying it ("نقلا عن", "عن"), outermost first.

        Comma-separated chunks that are time, place or occasion are dropped; appositions after the name
        ("جون كيربي، المتحدث باسم ...") stay with it.
        """
        chunks: list[_Span] = []
        start = a
        depth = 0
        for i in range(a, b):
            r = s.raw(i)
            if r == "(":
                depth += 1
            elif r == ")":
                depth = max(0, depth - 1)
            elif depth == 0 and (s.is_comma(i) or r in ("-", "–", "—")):
                chunks.append(_Span(start, i))
                start = i + 1
        chunks.append(_Span(start, b))
        kept: list[_Span] = []
        via: list[_Span] = []
        closed = False  # an adverbial after the speaker closes it; only a relay ("نقلا عن") may follow
        skipped = False  # an occasion came before any speaker: what follows must look like one
        for chunk in chunks:
            chunk = self._trim_parens(s, chunk)
            if not chunk:
                continue
            relay = s.phrase_at(chunk.a, self.lex.relay_openers)
            if closed and not relay:
                continue
            if relay:
                if kept:
                    via.append(_Span(kept[0].a, kept[-1].b))
                kept = []
                chunk = _Span(chunk.a + relay, chunk.b)
                if not chunk:
                    continue
            if self.opens_occasion(s, chunk):
                closed = bool(kept)
                skipped = True
                continue
            if skipped and not kept and not self._plausible_head(s, chunk.a):
                # "خلال مداخلة لبرنامج "90 دقيقة"، المذاع على قناة "المحور"،": still the occasion.
                continue
            cut = chunk.b
            wrapper = s.phrase_at(chunk.a, self.lex.speaker_wrappers)
            depth = 0
            for i in range(chunk.a + wrapper + 1, chunk.b):
                depth += {"(": 1, ")": -1}.get(s.raw(i), 0)
                if depth > 0:  # "(روسيا اليوم)" is a name, whatever words it holds
                    continue
                if (
                    self.is_adverbial(s, i)
                    or s.phrase_at(i, self.lex.relay_openers)
                    or s.norm(i) in self.lex.circumstantial
                ):
                    cut = i
                    break
            kept.append(_Span(chunk.a, cut))
            if cut < chunk.b:
                relay = s.phrase_at(cut, self.lex.relay_openers)
                if relay:
                    via.append(_Span(kept[0].a, kept[-1].b))
                    kept = [_Span(cut + relay, chunk.b)]
                    continue
                closed = True
        kept = [k for k in kept if k]
        if not kept:
            return None, via
        span = _Span(kept[0].a, kept[-1].b)
        if via:
            # A relay through two hands: "نقلا عن صحيفة هآرتس عن مصادر أمنية".
            for k in range(span.a + 1, span.b - 1):
                if s.norm(k) == self.lex.relay_preposition:
                    via.append(_Span(span.a, k))
                    span = _Span(k + 1, span.b)
        while span and (s.is_comma(span.b - 1) or s.raw(span.b - 1) in "(:.!?؟"):
            span = _Span(span.a, span.b - 1)
        return (span or None), via

    def _trim_parens(self, s: _Sentence, chunk: _Span) -> _Span:
        """A chunk without a parenthesised aside at its end ("مصادر أمريكية (لم تسمها)")."""
        for i in range(chunk.a, chunk.b):
            if s.raw(i) == "(":
                # "قناة (روسيا اليوم)" names the channel; "مصادر (لم تسمها)" is an aside.
                if i > chunk.a and strip_article(s.norm(i - 1)) in self.lex.body_heads:
                    continue
                return _Span(chunk.a, i)
        return chunk

    # ----- what opens the claim -----

    def find_opener(self, s: _Sentence, start: int, form: CueForm | None, limit: int) -> tuple[int, int] | None:
        """(opener token, claim's first token) after a cue, or None when no claim opens within ``limit``."""
        end = min(len(s), start + limit)
        i = start
        while i < end:
            n, r = s.norm(i), s.raw(i)
            if s.quoted[i] and s.quote_at(i) is None:
                i += 1
                continue
            if r in ("؛", ";"):
                return None
            if s.is_comma(i - 1) and s.phrase_at(i, self.lex.adverbial_openers) and n in self.lex.relatives:
                # "، الذي كان يتحدث في البيت الأبيض،": a relative clause, whatever verbs it holds.
                while i < end and not s.is_comma(i) and s.raw(i) != ":":
                    i += 1
                continue
            cue = self.lex.cue(n) if i > start and not s.quoted[i] else None
            if cue is not None and cue.tense != "noun" and not cue.weak:
                return None
            if n in self.lex.direct_openers and i > start:
                return i, i
            if (
                form is not None
                and i > start
                and (
                    (n in self.lex.claim_nouns and s.is_comma(i - 1))
                    or (n in form.frame and s.norm(i + 1) in self.lex.claim_nouns)
                )
            ):
                # "أكد الوزير عدم ...", "شدد على ضرورة ...": the verbal noun is the claim's first word.
                return i, i if n in self.lex.claim_nouns else i + 1
            prev = s.norm(i - 1)
            if (
                n == "ان"
                and i > start
                and (prev in self.lex.subjunctive_verbs or prev[1:] in self.lex.subjunctive_verbs)
            ):
                # "يمكن أن", "يريد أن": the subjunctive particle, not a claim opener.
                i += 1
                continue
            if n in self.lex.complementizers:
                j = i + 1
                if s.raw(j) == ":":
                    j += 1
                return i, j
            if r == ":":
                j = i + 1
                if s.norm(j) in self.lex.complementizers:
                    j += 1
                return i, j
            quote = s.quote_at(i)
            if quote is not None:
                inner = _Span(i + 1, s.index_at(quote[1]))
                after = s.index_at(quote[1]) + 1
                # A quoted title followed by the real opener ("برنامج "في المساء" ...، أن") is not the claim.
                later = False
                for k in range(after, min(len(s), after + 8)):
                    if self.lex.cue(s.norm(k)):  # the next statement's opener is not this one's
                        break
                    if s.norm(k) in self.lex.complementizers or s.raw(k) == ":":
                        later = True
                        break
                ends = not any(t.is_word for t in s.toks[after:])
                if (s.words(inner) >= 4 or i == start or ends) and not later:
                    return i, i + 1
                i = after
                continue
            if form is not None and form.object and i > start and s.norm(i + 1) not in self.lex.complementizers:
                obj = form.object  # ("كشف ... عن أن ...": the preposition frames the claim أنّ opens)
                if n == obj or (len(obj) == 1 and n.startswith(obj) and n != obj and self._glued_object(n, obj)):
                    return i, i + 1 if n == obj or n in ("بـ", "ب") else i
            if form is not None and form.object and n in ("بـ",) and i > start:
                return i, i + 1
            i += 1
        return None

    def _glued_object(self, word: str, prefix: str) -> bool:
        """Whether a word is a preposition glued to a noun (بتعزيز, بإخفاء) rather than a word that starts with it (بوتين, باسم)."""
        rest = word[len(prefix) :]
        if word in self.alias_first_words or word in self.lex.title_words or len(rest) < 3:
            return False
        return rest.startswith("ال") or rest[0] in "ا" or word in ("بـ",)

    # ----- one sentence -----

    def sentence_statements(self, s: _Sentence) -> list[_Found]:
        found: list[_Found] = []
        i = 0
        while i < len(s):
            if s.quoted[i]:
                i += 1
                continue
            hit = self._post_opener(s, i, found) or self._preposition(s, i, found) or self._verb(s, i, found)
            if hit is None:
                i += 1
                continue
            if hit.speaker is not None or hit.attribution in ("continuation", "participle", "impersonal", "relayed-by"):
                found.append(hit)
            i = max(i + 1, hit.cue_index + 1)
        return found

    def _preposition(self, s: _Sentence, i: int, found: list[_Found]) -> _Found | None:
        phrase = next((p for p in self.lex.prepositions if s.phrase_at(i, [p])), None)
        if phrase is None:
            return None
        n = s.phrase_at(i, [phrase])
        # "وفقا للمسؤولين": the phrase's last word is a particle glued to the speaker's first word.
        glued = len(phrase) > n
        speaker_start = i + n
        head = s.norm(speaker_start)
        if glued and head[:1] in "لب":
            head = "ال" + head[2:] if head.startswith("لل") else head[1:]
        if head in self.lex.non_sources or any(s.norm(k) in self.lex.conformity_verbs for k in range(max(0, i - 3), i)):
            return None
        before = _Span(found[-1].cue_index + 1 if found else 0, i)
        content_before = s.words(_Span(self._skip_leading(s, before.a, i), i))
        # Before the claim: "ووفقاً للسيد بوتين، فإن ..." / "بحسب المصادر، ...".
        if content_before == 0:
            j = speaker_start
            while (
                j < len(s)
                and not s.is_comma(j)
                and s.norm(j) not in self.lex.complementizers
                and j - speaker_start < 12
            ):
                j += 1
            if j >= len(s) or j == speaker_start:
                return None
            claim_first = j + 1
            if s.norm(claim_first) in self.lex.complementizers:
                claim_first += 1
            if claim_first >= len(s):
                return None
            return _Found(
                i,
                i,
                " ".join(s.raw(k) for k in range(i, i + max(n, 1))),
                _Span(speaker_start, j),
                s.toks[claim_first].start,
                None,
                "indirect",
                "preposition",
                "",
                0.8,
                as_written=self._glued_text(s, speaker_start, j, glued),
            )
        # After the claim: "...، وفقا للمسؤولين".
        if content_before < MIN_POST_CLAIM_WORDS:
            return None
        if self._open_claim(s, i, found):
            return self._relayed_by(s, i, i, speaker_start, found)
        speaker, _ = self.speaker_span(s, speaker_start, len(s))
        if speaker is None:
            return None
        claim = self._claim_before(s, before.a, i)
        if claim is None:
            return None
        cue = " ".join(s.raw(k) for k in range(i, i + n))
        return _Found(
            i,
            i,
            cue,
            speaker,
            claim[0],
            claim[1],
            claim[2],
            "post",
            "",
            0.8,
            as_written=self._glued_text(s, speaker.a, speaker.b, glued),
            cut_at_next=False,
        )

    def _glued_text(self, s: _Sentence, a: int, b: int, glued: bool) -> str:
        """The speaker phrase as written, without the preposition glued to its first word (للمسؤولين -> المسؤولين)."""
        text = s.span_text(_Span(a, b))
        if not glued or not text:
            return text
        if text.startswith("لل"):
            return "ال" + text[2:]
        if text[0] in "لب":
            return text[1:].lstrip("ـ")
        return text

    def _skip_leading(self, s: _Sentence, a: int, b: int) -> int:
        """Past a leading conjunction and adverbial phrase ("وفي وقت سابق،") to where content starts."""
        i = a
        while i < b and (s.raw(i) in COMMAS or s.norm(i) in ("و", "ف")):
            i += 1
        if i < b and (self.is_adverbial(s, i) or s.norm(i) in self.lex.leading_prepositions):
            j = i
            while j < b and not s.is_comma(j):
                j += 1
            if j < b:
                return self._skip_leading(s, j + 1, b)
            phrase = s.phrase_at(i, self.lex.adverbial_openers)
            if phrase:
                return i + phrase
        return i

    def _claim_before(self, s: _Sentence, a: int, b: int) -> tuple[int, int, str] | None:
        """The claim that precedes an attribution ending at token b: the quotation just before it, or the clause."""
        j = b - 1
        while j >= a and (s.is_comma(j) or s.norm(j) in ("و",)):
            j -= 1
        if j < a:
            return None
        for qa, qb in s.quotes:
            if s.toks[j].start == qb and qa >= s.toks[a].start:
                return qa + 1, qb, "direct"
        start = self._skip_leading(s, a, j + 1)
        if s.words(_Span(start, j + 1)) < MIN_POST_CLAIM_WORDS:
            return None
        return s.toks[start].start, s.toks[j].end, "indirect"

    @staticmethod
    def _open_claim(s: _Sentence, i: int, found: list[_Found]) -> bool:
        """Whether an earlier statement's claim in this sentence runs on to token i."""
        return bool(found) and found[-1].claim_end is None and found[-1].claim_start < s.toks[i].start

    def _relayed_by(self, s: _Sentence, i: int, cue_at: int, speaker_start: int, found: list[_Found]) -> _Found | None:
        """ "كشف الرئيس أنه ...، حسبما أفادت القناة": the outlet relayed the statement before it; it is its via."""
        speaker, via = self.speaker_span(s, speaker_start, len(s))
        if speaker is None:
            return None
        for earlier in reversed(found):
            if earlier.attribution != "impersonal":
                earlier.via = [*earlier.via, *via, speaker]
                break
        return _Found(
            cue_at,
            self._boundary(s, i),
            s.raw(cue_at),
            None,
            s.sentence.end,
            s.sentence.end,
            "indirect",
            "relayed-by",
            "",
            0.0,
        )

    def _post_opener(self, s: _Sentence, i: int, found: list[_Found]) -> _Found | None:
        """ "...، حسبما ذكرت الوكالة": a cue verb after حسبما/كما/وفق ما attributes what came before it."""
        n = s.phrase_at(i, self.lex.post_verb_openers)
        if not n or s.quoted[i]:
            return None
        word = s.norm(i + n)
        # "وفقا لما ذكرته الوكالة": the verb carries a pronoun pointing back at the claim.
        form = (
            self.lex.cue(word)
            or self.lex.cue(word[:-1] if word.endswith("ه") else "")
            or self.lex.cue(word[:-2] if word.endswith("ها") else "")
        )
        if form is None or form.tense not in ("past", "present"):
            return None
        before_start = found[-1].cue_index + 1 if found else 0
        if s.words(_Span(self._skip_leading(s, before_start, i), i)) < MIN_POST_CLAIM_WORDS:
            return None
        cue_at = i + n
        if self._open_claim(s, i, found):
            return self._relayed_by(s, i, cue_at, cue_at + 1, found)
        # "..., كما أكد بيسكوف أن ..." is a second statement, not an attribution of the first.
        if self.find_opener(s, cue_at + 1, form, MAX_SPEAKER_TOKENS) is not None:
            return None
        speaker, via = self.speaker_span(s, cue_at + 1, len(s))
        if speaker is None:
            return None
        if form.relay:
            an = next((k for k in range(speaker.a + 1, speaker.b) if s.norm(k) == self.lex.relay_preposition), None)
            if an is not None:
                via, speaker = [*via, _Span(speaker.a, an)], _Span(an + 1, speaker.b)
        claim = self._claim_before(s, before_start, i)
        if claim is None:
            return None
        return _Found(
            cue_at,
            i,
            s.raw(cue_at),
            speaker,
            claim[0],
            claim[1],
            claim[2],
            "post",
            form.gender,
            0.8,
            via=via,
            cut_at_next=False,
        )

    def _verb(self, s: _Sentence, i: int, found: list[_Found]) -> _Found | None:
        form = self.lex.cue(s.norm(i))
        if form is None or form.tense == "noun" or s.norm(i - 1) in self.lex.negations:
            return None
        # Inside an earlier claim, a cue starts a new statement only at a clause boundary.
        if found and found[-1].claim_end is None and found[-1].claim_start <= s.toks[i].start:
            if not self._at_clause_boundary(s, i, form):
                return None
        if form.tense == "participle":
            return self._participle(s, i, form, found)
        if form.relay:
            return self._relay(s, i, form)
        opener = self.find_opener(s, i + 1, form, MAX_SPEAKER_TOKENS)
        boundary = self._boundary(s, i)
        if opener is None:
            return self._claim_first(s, i, form, boundary)
        op, first = opener
        if first >= len(s) and s.raw(op) != ":":
            return None
        window_end = self._strip_frame(s, i + 1, op, form)
        speaker, via = self.speaker_span(s, i + 1, window_end)
        # A weak cue (زاد, لفت, بيّن) is speech only when its claim opens at once: "ولفت إلى أن", "وزاد:".
        opens_at_once = window_end == i + 1
        if (
            form.weak
            and not opens_at_once
            and (speaker is None or s.words(speaker) > 6)
            and not self._left_subject(s, i)
        ):
            return None
        if form.strict and not opens_at_once:
            return None
        if form.tense == "misspelt" and speaker is None:
            return None
        if first >= len(s):
            # "وقال الوزير:" ends the line: the claim is the paragraph after it.
            claim_start, claim_end, direct = NEXT_LINE, None, True
        else:
            claim_start, claim_end, direct = self._claim_after(s, op, first)
        attribution, confidence = "explicit", 0.9
        if speaker is None and s.norm(i - 1) in self.lex.relatives:
            # "التقى الوزير بالسفير الذي قال إن ...": the one the relative clause is about, or nobody known.
            speaker = self._relative_antecedent(s, i - 1)
            if speaker is None:
                return None
            attribution, confidence = "relative", 0.7
        if speaker is None:
            left = self._left_subject(s, i) or self._subject_before_verb(s, i)
            if left is not None:
                speaker, attribution, boundary = left, "subject-first", min(boundary, left.a)
            elif form.impersonal and form.tense == "present":
                # "فيما يُعتقد أن ...": nobody's statement, but it ends the claim before it.
                return _Found(i, boundary, s.raw(i), None, claim_start, claim_end, "indirect", "impersonal", "", 0.0)
            else:
                attribution, confidence = "continuation", 0.75
        if form.tense == "misspelt":
            confidence = 0.5
        if (
            form.object
            and s.norm(op) != ""
            and op < len(s)
            and s.norm(op) not in self.lex.complementizers
            and s.raw(op) != ":"
        ):
            speaker = self._subject_before_object(s, speaker) if speaker else speaker
            confidence = min(confidence, 0.7)
            if speaker is not None and not self._plausible_source(s, speaker.a):
                return None  # "وكشف النقاب عن ...": an idiom, not a source revealing something
            clause_end = next((k for k in range(first, len(s)) if s.is_comma(k)), len(s))
            if s.words(_Span(first, clause_end)) < MIN_POST_CLAIM_WORDS:
                return None
        if s.norm(first) in self.lex.claim_nouns:
            confidence = min(confidence, 0.7)
        if s.quote_at(op) is not None and speaker is not None:
            lead = self._leading_quote(s, i)
            if lead is not None:
                # «...»، قال الوزير، «...»: the quotation before the verb is the speaker's too.
                found.append(
                    _Found(
                        i,
                        0,
                        s.raw(i),
                        speaker,
                        lead[0] + 1,
                        lead[1],
                        "direct",
                        "post",
                        form.gender,
                        0.8,
                        cut_at_next=False,
                    )
                )
        kind = "direct" if direct or s.raw(op) == ":" else "indirect"
        return _Found(
            i, boundary, s.raw(i), speaker, claim_start, claim_end, kind, attribution, form.gender, confidence, via=via
        )

    def _leading_quote(self, s: _Sentence, i: int) -> tuple[int, int] | None:
        """A quotation that opens the sentence and closes just before the cue at token i (only a comma between)."""
        j = i - 1
        while j >= 0 and s.is_comma(j):
            j -= 1
        if j < 0:
            return None
        for qa, qb in s.quotes:
            if qb == s.toks[j].start and qa == s.toks[0].start:
                return qa, qb
        return None

    def _at_clause_boundary(self, s: _Sentence, i: int, form: CueForm) -> bool:
        prev = i - 1
        if s.is_comma(prev) and (form.tense == "participle" or s.norm(i)[0] in "وف"):
            return True
        for phrase in self.lex.clause_links:
            k = len(phrase)
            if prev - k + 1 >= 0 and s.phrase_at(prev - k + 1, [phrase]) == k:
                return True
        # "وقد", "و" + cue after a comma-less clause: a coordinated new statement.
        return s.norm(i)[0] in "وف" and form.tense == "past" and not s.quoted[i]

    def _boundary(self, s: _Sentence, i: int) -> int:
        """The first token of a statement whose cue is token i: its linking word and comma, if any."""
        b = i
        for phrase in self.lex.clause_links:
            k = len(phrase)
            if b - k >= 0 and s.phrase_at(b - k, [phrase]) == k:
                b -= k
                break
        while b > 0 and (s.norm(b - 1) in self.lex.particles_before_verb or s.norm(b - 1) in ("و", "ف")):
            b -= 1
        if b > 0 and s.is_comma(b - 1):
            b -= 1
        return b

    def _strip_frame(self, s: _Sentence, a: int, op: int, form: CueForm) -> int:
        """The speaker window without the cue's own preposition (أشار ... إلى أن, أعرب ... عن قلقه من أن)."""
        end = op
        while end > a and (s.norm(end - 1) in form.frame or s.norm(end - 1) in self.lex.claim_prepositions):
            if s.raw(end - 1) in self.lex.name_homographs and end - 1 > a:
                break  # "يوسف علي إن": the name, not the preposition على
            end -= 1
        # "عن قلقه" / "عن أمله": the object of أعرب/أبدى sits between the speaker and the claim.
        for k in range(a, end):
            if s.norm(k) in form.frame and s.norm(k) == self.lex.relay_preposition:
                return k
        return end

    def _claim_after(self, s: _Sentence, op: int, first: int) -> tuple[int, int | None, bool]:
        """Where a claim that opens at token ``first`` starts and, when it is one quotation, where it ends."""
        quote = s.quote_at(first) or (
            s.quote_at(op) if s.raw(op) not in (":",) and s.norm(op) not in self.lex.complementizers else None
        )
        if quote is not None:
            qa, qb = quote
            after = s.index_at(qb + 1)
            # The quotation is the whole claim when nothing but punctuation or a comma-led tail follows it.
            if after >= len(s) or not any(t.is_word for t in s.toks[after:]) or s.raw(after) in COMMAS:
                return qa + 1, qb, True
        start = s.toks[first].start if first < len(s) else s.sentence.end
        return start, None, self._mostly_quoted(s, start)

    def _mostly_quoted(self, s: _Sentence, start: int) -> bool:
        end = s.sentence.end
        quoted = sum(min(b, end) - max(a + 1, start) for a, b in s.quotes if b > start)
        return end > start and quoted / (end - start) >= 0.6

    def _left_subject(self, s: _Sentence, i: int) -> _Span | None:
        """The subject written before the verb: "وكان جون كيربي ... قال", "وكانت وكالة الأنباء ... قد ذكرت"."""
        j = i - 1
        while j >= 0 and s.norm(j) in self.lex.particles_before_verb:
            j -= 1
        for k in range(j, max(-1, j - MAX_SPEAKER_TOKENS), -1):
            # Only a كان that opens its clause has the subject after it ("فوزا كان في متناوله" does not).
            if s.norm(k) in self.lex.kana and (k == 0 or s.is_comma(k - 1) or s.norm(k - 1) in self.lex.clause_openers):
                span, _ = self.speaker_span(s, k + 1, j + 1)
                return span
            if self.lex.cue(s.norm(k)) and k != i:
                break
        return None

    def _relative_antecedent(self, s: _Sentence, rel: int) -> _Span | None:
        """The noun a relative pronoun at token ``rel`` follows, when it is source-like ("بالسفير الأمريكي الذي")."""
        k = rel - 1
        while k > 0 and s.norm(k) in self.lex.nationality:  # adjectives between the noun and الذي
            k -= 1
        if k < 0 or not s.toks[k].is_word:
            return None
        n = s.norm(k)
        particle_free = n[1:] if n[:1] in "بلو" and len(n) > 3 else n  # "بالسفير"
        return _Span(k, rel) if self.source_word(n) or self.source_word(particle_free) else None

    def _subject_before_verb(self, s: _Sentence, i: int) -> _Span | None:
        """ "لكن مسؤولين إسرائيليين قالوا إن ...": a short source phrase right before the verb, opening its clause."""
        a = i
        while a > 0 and i - a < 6 and s.toks[a - 1].is_word and not self.lex.cue(s.norm(a - 1)):
            a -= 1
        if a == i or (a > 0 and not s.is_comma(a - 1)):
            return None
        while a < i and s.norm(a) in self.lex.clause_openers:
            a += 1
        if a == i:
            return None
        return _Span(a, i) if self.source_word(s.norm(a)) else None

    def _subject_before_object(self, s: _Sentence, speaker: _Span) -> _Span:
        """Where the subject ends and the object begins: "حث البيان جمهورية كوريا على ...", "انتقد الوزير القرار".

        The subject is its head and what can follow a head inside one name: titles, institutions,
        nationalities and names without the article. A place or another definite noun starts the object.
        """
        quote = s.quote_at(speaker.a)
        if quote is not None:  # "وسرد "ابن جاسم" قصة ...": the quoted name is the subject
            return _Span(speaker.a, min(speaker.b, s.index_at(quote[1]) + 1))
        for k in range(speaker.a + 1, speaker.b):
            n = s.norm(k)
            if not s.toks[k].is_word:
                continue
            if (
                n in self.lex.places
                or any(st in self.lex.places for st in stems(s.raw(k)))
                or n in self.lex.claim_nouns
            ):
                return _Span(speaker.a, k)
            known = (
                n in self.lex.title_words
                or n in self.lex.nationality
                or any(st in self.lex.title_words for st in stems(s.raw(k)))
            )
            if not known and n not in self.alias_first_words and n.endswith(("ه", "ها", "هم")) and len(n) > 3:
                return _Span(speaker.a, k)  # "وقدم الجوهر شكره ...": a noun with a pronoun is the object
            if n.startswith(("ال", "وال")) and not known and n not in self.alias_first_words:
                return _Span(speaker.a, k)
        return speaker

    def _claim_first(self, s: _Sentence, i: int, form: CueForm, boundary: int) -> _Found | None:
        """«...»، قال المتحدث. — the verb and its speaker close the sentence and the quotation before them is the claim."""
        if not s.is_comma(i - 1) and not (s.norm(i).startswith("و") and s.is_comma(i - 2)):
            return None
        speaker, via = self.speaker_span(s, i + 1, len(s))
        tail_words = s.words(_Span(speaker.b if speaker else i + 1, len(s)))
        if tail_words > 6:
            return None
        claim = self._claim_before(s, 0, i)
        if claim is None or claim[2] != "direct":
            return None
        # «...»، أضاف. — with no speaker after the verb it is the last speaker's, as "وأضاف:" would be.
        return _Found(
            i,
            boundary,
            s.raw(i),
            speaker,
            claim[0],
            claim[1],
            "direct",
            "post" if speaker else "continuation",
            form.gender,
            0.8 if speaker else 0.7,
            via=via,
            cut_at_next=False,
        )

    def _participle(self, s: _Sentence, i: int, form: CueForm, found: list[_Found]) -> _Found | None:
        """ "...، قائلة إن ...": the claim belongs to the subject of the sentence's main verb."""
        before = self.lex.cue(s.norm(i - 1))
        if before is not None and before.tense in ("past", "present"):
            return None  # "وتابع قائلاً إن": the verb before it has taken the claim
        opener = self.find_opener(s, i + 1, None, 6)
        if opener is None:
            return None
        op, first = opener
        if first >= len(s):
            return None
        speaker = None
        gender = form.gender
        attribution = "participle"
        if not found:
            for k in range(i - 1, -1, -1):
                main = self.lex.cue(s.norm(k)) if not s.quoted[k] else None
                if main and main.tense in ("past", "present"):
                    window_end = k + 1
                    while (
                        window_end < i
                        and s.norm(window_end) != self.lex.relay_preposition
                        and not s.is_comma(window_end)
                    ):
                        window_end += 1
                    speaker, _ = self.speaker_span(s, k + 1, window_end)
                    if speaker is not None:  # "وأكد الحية استعداد الحركة ... متابعًا": the subject only
                        speaker = self._subject_before_object(s, speaker)
                    gender = gender or main.gender
                    break
            if speaker is None:
                # "عقلت الخارجية الروسية ... بالقول": the subject of whatever verb opens the sentence.
                start = self._skip_leading(s, 0, i)
                if start + 1 < i:
                    speaker, _ = self.speaker_span(s, start + 1, i)
                    speaker = self._subject_before_object(s, speaker) if speaker else None
                if speaker is None:
                    return None
                attribution = "subject-first"
        claim_start, claim_end, direct = self._claim_after(s, op, first)
        kind = "direct" if direct or s.raw(op) == ":" else "indirect"
        return _Found(
            i, self._boundary(s, i), s.raw(i), speaker, claim_start, claim_end, kind, attribution, gender, 0.7
        )

    def _relay(self, s: _Sentence, i: int, form: CueForm) -> _Found | None:
        """ "نقلت وكالة إنترفاكس عن شويغو القول ..." — the speaker is after عن, the relaying outlet is the subject."""
        an = None
        for k in range(i + 1, min(len(s), i + MAX_SPEAKER_TOKENS)):
            if s.norm(k) == self.lex.relay_preposition:
                an = k
                break
        if an is None:
            return None
        via_span, outer = self.speaker_span(s, i + 1, an)
        via = [*outer, via_span] if via_span else outer
        end = None
        for k in range(an + 1, min(len(s), an + MAX_SPEAKER_TOKENS)):
            cue = self.lex.cue(s.norm(k))
            if (cue and cue.tense == "noun") or s.norm(k) in self.lex.complementizers or s.raw(k) == ":":
                end = k
                break
        if end is None:
            return None
        speaker, inner = self.speaker_span(s, an + 1, end)
        if speaker is None:
            return None
        via = via + inner
        noun = self.lex.cue(s.norm(end))
        cue_text = s.raw(end) if noun and noun.tense == "noun" else s.raw(i)
        start = end + 1 if noun and noun.tense == "noun" else end
        opener = self.find_opener(s, start, None, 8) if start < len(s) else None
        if opener is None:
            if s.norm(end) in self.lex.complementizers:
                opener = (end, end + 1)
            else:
                return None
        op, first = opener
        if first >= len(s):
            return None
        claim_start, claim_end, direct = self._claim_after(s, op, first)
        kind = "direct" if direct or s.raw(op) == ":" else "indirect"
        gender = noun.gender if noun and noun.tense == "noun" else ""
        return _Found(
            i, self._boundary(s, i), cue_text, speaker, claim_start, claim_end, kind, "relay", gender, 0.85, via=via
        )

    # ----- headlines -----

    def headline_speaker(self, st: Statement, statements: list[Statement]) -> bool:
        """Whether a headline's "X:" is a speaker: a source-like word opens it, or the article quotes X too.

        "غيشان: ..." is kept when Ghishan speaks below; "سقوط الأسد: ..." (the fall of Assad) is a topic.
        """
        words = [w for w in fold(st.speaker_as_written).replace("«", " ").replace("»", " ").split() if w.isalpha()]
        if not words:
            return False
        if self.source_word(words[0]):
            return True
        last = strip_article(words[-1])
        return any(
            other is not st and last in {strip_article(w) for w in fold(other.speaker_as_written).split()}
            for other in statements
        )

    def headline(self, s: _Sentence) -> _Found | None:
        """ "البيت الأبيض: كوريا الشمالية أرسلت ..." — a short speaker, a colon, a claim, on a title line."""
        colon = next((k for k in range(len(s)) if s.raw(k) == ":"), None)
        if colon is None or colon == 0 or colon + 1 >= len(s):
            return None
        first = next((k for k in range(colon) if s.toks[k].is_word or s.quote_at(k)), colon)
        head = _Span(first, colon)  # "*الناطق الرسمي: ..." — decoration before the speaker is not part of it
        if (
            not head
            or s.words(head) > self.lex.headline_max_speaker_words
            or any(self.lex.cue(s.norm(k)) for k in range(colon))
        ):
            return None
        if s.norm(first).startswith("و") or self.is_adverbial(s, first) or s.words(_Span(colon + 1, len(s))) < 3:
            return None
        claim_start, claim_end, direct = self._claim_after(s, colon, colon + 1)
        return _Found(0, 0, ":", head, claim_start, claim_end, "direct" if direct else "indirect", "headline", "", 0.6)


def _line_is_title(text: str, sentence: Sentence) -> bool:
    """Whether a sentence is a whole line with no final full stop, as headlines are."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    starts_line = sentence.start == line_start + len(line) - len(line.lstrip())
    return starts_line and not line.strip().endswith(".")


def _finish(s: _Sentence, found: list[_Found], lex: Lexicon) -> list[tuple[_Found, int, int]]:
    """Each statement's final claim span: up to the next statement in the sentence, without tails."""
    out = []
    found = sorted(found, key=lambda f: f.cue_index)
    for k, f in enumerate(found):
        end = f.claim_end
        if end is None:
            end = s.sentence.end
            for later in found[k + 1 :]:
                b = later.boundary if later.cut_at_next else None
                if later.attribution == "post" and later.claim_end is not None:
                    b = later.boundary
                if b is not None and b < len(s) and s.toks[b].start > f.claim_start:
                    end = min(end, s.toks[b].start)
                    break
            for tail in lex.claim_tails:
                for t in range(len(s) - 1):
                    if (
                        s.toks[t].start >= f.claim_start
                        and s.toks[t].start < end
                        and s.phrase_at(t, [tail], False) == len(tail)
                    ):
                        end = min(end, s.toks[t].start)
        start = f.claim_start
        text = s.text
        while start < end and (text[start].isspace() or text[start] in "،,:؛;"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in "،,:؛;.!؟?*"):
            end -= 1
        # An excerpt cut short leaves an opening mark with no closing one.
        if start < end and (text[start] in OPENERS or text[start] in SYMMETRIC):
            if not any(a == start for a, _ in s.quotes):
                start += 1
                while start < end and text[start].isspace():
                    start += 1
        # A claim that is one whole quotation is stored without the marks.
        if end - start >= 2 and text[start] in OPENERS and text[end - 1] == OPENERS[text[start]]:
            start, end = start + 1, end - 1
        elif (
            end - start >= 2
            and text[start] in SYMMETRIC
            and text[end - 1] == text[start]
            and text[start] not in text[start + 1 : end - 1]
        ):
            start, end = start + 1, end - 1
        if end - start < 3:
            continue
        out.append((f, start, end))
    return out


def extract_sentences(text: str, sentences: list[Sentence], language: str = "ar", story: int = 1) -> list[Statement]:
    """Statements in the given sentences of ``text``, continuations resolved within them."""
    lex = lexicon_mod.load(language)
    ex = _extractor(language)
    statements: list[Statement] = []
    history: list[Statement] = []  # explicit speakers so far, for continuations
    pending: list[tuple[_Sentence, _Found]] = []  # cues that ended their line with a colon
    for sentence in sentences:
        s = _Sentence(text, sentence, lex)
        finished = [(ps, f, *span) for ps, f in pending for span in [_next_line_claim(text, sentence)] if span]
        pending = []
        found = ex.sentence_statements(s)
        if not found and not finished and _line_is_title(text, sentence):
            head = ex.headline(s)
            if head is not None:
                found = [head]
        pending = [(s, f) for f in found if f.claim_start == NEXT_LINE]
        found = [f for f in found if f.claim_start != NEXT_LINE]
        finished += [(s, f, start, end) for f, start, end in _finish(s, found, lex)]
        for fs, f, start, end in finished:
            if f.attribution in ("impersonal", "relayed-by"):
                continue
            st = _statement(fs, f, start, end, story)
            if f.attribution == "participle" and f.speaker is None:
                prev = next((x for x in reversed(statements) if x.sentence == sentence.index), None)
                if prev is None:
                    continue
                _inherit(st, prev)
                st.gender = st.gender or prev.gender
            elif f.speaker is None:
                prev = _antecedent(history, f.gender)
                if prev is None:
                    continue
                _inherit(st, prev)
            else:
                history.append(st)
            statements.append(st)
    return statements


def _next_line_claim(text: str, sentence: Sentence) -> tuple[int, int] | None:
    """The claim a line-ending colon announced: this sentence, without its quotation marks."""
    start, end = sentence.start, sentence.end
    while end > start and text[end - 1] in "،,:؛;.!؟?":
        end -= 1
    if end - start >= 2 and text[start] in OPENERS and text[end - 1] == OPENERS[text[start]]:
        start, end = start + 1, end - 1
    elif text[start] in OPENERS or text[start] in SYMMETRIC:
        start += 1
    return (start, end) if end - start >= 3 else None


def _inherit(st: Statement, prev: Statement) -> None:
    st.speaker_as_written = prev.speaker_as_written
    st.role_as_written = prev.role_as_written
    st.speaker = prev.speaker
    if st.via is None:
        st.via = prev.via


def _antecedent(history: list[Statement], gender: str) -> Statement | None:
    """The latest explicit speaker a subject-less cue can refer to: same grammatical gender when it tells."""
    for st in reversed(history):
        if not gender or not st.gender or st.gender == gender:
            return st
    return history[-1] if history else None


def _statement(s: _Sentence, f: _Found, start: int, end: int, story: int) -> Statement:
    as_written = f.as_written if f.as_written is not None else (s.span_text(f.speaker) if f.speaker else "")
    return Statement(
        speaker_as_written=as_written,
        cue=f.cue,
        kind=f.kind,
        text=s.text[start:end],
        char_start=start,
        char_end=end,
        via=" > ".join(s.span_text(v) for v in f.via) if f.via else None,
        sentence=s.sentence.index,
        confidence=f.confidence,
        gender=f.gender or None,
        story=story,
        attribution=f.attribution,
    )


_EXTRACTORS: dict[str, Extractor] = {}


def _extractor(language: str) -> Extractor:
    if language not in _EXTRACTORS:
        _EXTRACTORS[language] = Extractor(lexicon_mod.load(language))
    return _EXTRACTORS[language]


def extract_article(article: Article) -> list[Statement]:
    """Statements of every story in an article, skipping its boilerplate lines."""
    out: list[Statement] = []
    stories = article.stories or [Story(1, 0, len(article.text))]
    index = 0
    for story in stories:
        sentences = [
            sent
            for sent in split(article.text, story.start, story.end)
            if not any(a <= sent.start < b for a, b in article.blocked)
        ]
        for sent in sentences:
            sent.index = index
            index += 1
        for st in extract_sentences(article.text, sentences, article.language, story.number):
            st.article = article.id
            st.outlet = article.outlet
            out.append(st)
    ex = _extractor(article.language)
    return [st for st in out if st.attribution != "headline" or ex.headline_speaker(st, out)]
