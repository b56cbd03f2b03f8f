"""One statement per claim: a cue's claim span cut where a second claim begins.

Outlets quote different parts of the same remarks, so matching needs the parts: a quotation of several
sentences gives one statement per sentence, "أكد أن ... وأن ..." gives two, and an indirect claim continued
after a comma by a clause link the data names ("، فيما ..."، "، لكن ...") gives a second.
Reads and writes ``Draft.claimed``; every part keeps its cue, speaker and kind and records its number.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..claimtext import claim_language
from .candidate import Kind
from ..lang.text import PUNCTUATION
from ..sentences import MAX_ABBREVIATED
from .doc import MIN_POST_CLAIM_WORDS, MIN_QUOTED_CLAUSE, SentenceView, Span
from .grammar import Grammar, modifies_noun
from .spans import trim
from .subject import glued_mark

if TYPE_CHECKING:
    from .draft import Claimed, Draft

SENTENCE_ENDS = frozenset(PUNCTUATION["claim_enders"])
CLAUSE_ENDERS = frozenset(PUNCTUATION["clause_enders"])
EDITORIAL_BRACKETS = PUNCTUATION["editorial_brackets"]
ELLIPSIS_MARKS = frozenset(PUNCTUATION["ellipsis_marks"])
MIN_PRESENT_VERB = 4  # letters of a present verb with its prefix: a shorter word is as often a noun (يوم، يد)
MIN_FUTURE_STEM = 3  # letters after a future prefix: fewer make a noun or a number (وسيط، وستين)
MAX_CLAUSE_SUBJECT = 7  # words of a second clause's subject before its verb ("and the two leaders would ...")


def split_claims(d: Draft) -> None:
    out: list[Claimed] = []
    for c in d.claimed:
        c = _narration_cut(c)
        view = _claim_view(d, c)
        cuts = _cuts(d.grammar, c, view)
        if not cuts:
            out.append(c)
            continue
        bounds = [(c.start, None), *((end, start) for end, start, _ in cuts), (None, c.end)]
        parts = []
        for (_, start), (end, _) in zip(bounds, bounds[1:]):
            a, b = trim(view, start if start is not None else c.start, end if end is not None else c.end)
            if b - a >= 3:
                parts.append((a, b))
        if len(parts) < 2:
            out.append(c)
            continue
        why = ", ".join(sorted({reason for _, _, reason in cuts}))
        out += [
            replace(c, start=a, end=b, part=k, trace=(*c.trace, f"split_claims: part {k} of {len(parts)} ({why})"))
            for k, (a, b) in enumerate(parts, 1)
        ]
    d.claimed = out


def _claim_view(d: Draft, c: Claimed) -> SentenceView:
    """The sentence a claim's words lie in: its cue's, or the next line's when a cue ending its line with a colon
    announced it ('said:' over a paragraph that is one quotation of several sentences)."""
    sentence = c.view.sentence
    if sentence.start <= c.start < sentence.end:
        return c.view
    return SentenceView(d.text, d.sentence_at(c.start), d.grammar.lex, d.unread())


def _cuts(g: Grammar, c: Claimed, s: SentenceView) -> list[tuple[int, int, str]]:
    """(end of one part, start of the next, why) as char offsets, for every place a new claim begins in s, the
    claim's sentence."""
    first = s.index_at(c.start)
    last = first
    while last < len(s) and s.toks[last].end <= c.end:
        last += 1
    cuts = []
    prev = first
    subordinate = bool(s.phrase_at(first, g.lex.subordinate_openers))
    for i in range(first + 1, last):
        kind = c.candidate.kind
        cut = (
            _named("a sentence ends", _sentence_end(s, i))
            or _named("words left out", _omission(s, i))
            or _named("a quotation after a semicolon", _quotation_after_clause(s, i, c.candidate.kind))
            or _named(f"coordinated opener {s.raw(i)!r}", _coordinated(g, s, i, kind))
            or _named(f"clause conjunction {s.raw(i)!r}", _coordinated_clause(g, s, i, kind, prev))
            or _named(f"clause link {s.raw(i)!r} in grammar.toml claim_links", _clause_link(g, s, i, kind, subordinate))
            or _named(f"bare link {s.raw(i)!r} in grammar.toml bare_claim_links", _bare_link(g, s, i, kind))
            or _named(f"first-person verb {s.raw(i)!r}", _first_person_clause(g, s, i))
            or _named(f"first-person verb of saying {s.raw(i)!r}", _first_person_cue(g, s, i))
            or _named(f"present verb {s.raw(i)!r}", _present_clause(g, s, i, kind))
            or _named(f"future verb {s.raw(i)!r}", _future_clause(g, s, i, kind))
            or _named("a quotation joined by and", _joined_quotation(g, s, i, kind))
            or _named("two quoted clauses joined by and", _quoted_clauses_joined(g, s, i))
            or _named("a comma between a quotation's sentences", _spliced_quotation(g, s, i, kind, subordinate))
            or _named(f"the reporter's participle {s.raw(i)!r} in a quotation", _narrated_participle(g, s, i))
        )
        if cut is None:
            continue
        end_tok, next_tok, why = cut
        if (
            s.words(Span(prev, end_tok)) >= MIN_POST_CLAIM_WORDS
            and s.words(Span(next_tok, last)) >= MIN_POST_CLAIM_WORDS
        ):
            cuts.append((s.toks[end_tok - 1].end, s.toks[next_tok].start, why))
            prev = next_tok
    return cuts


def _named(why: str, cut: tuple[int, int] | None) -> tuple[int, int, str] | None:
    return (*cut, why) if cut is not None else None


def _sentence_end(s: SentenceView, i: int) -> tuple[int, int] | None:
    """ "... ملموسة. يمكننا ...": a full stop followed by a space, not "4.5" or the "د." of a title."""
    t = s.toks[i]
    if t.raw not in SENTENCE_ENDS or i + 1 >= len(s):
        return None
    if s.toks[i + 1].start == t.end and not _run_of_marks(s, i):
        return None  # "4.5", "د.أحمد"; but "..." ends a sentence even with no space after it
    if i == 0 or not s.toks[i + 1].is_word or s.raw(i + 1)[:1].islower():
        return None  # "concerned that ... the DPRK continues": an omission, not an end
    before = s.toks[i - 1]
    if before.is_word and (len(before.raw) < 2 or _title_abbreviation(before.raw)):
        return None  # an initial or "Mr.", not an end; a run of marks ("تركيا.. اتفقنا"، "(...). سنكون") does end one
    if before.is_word and before.raw[:1].isupper() and len(before.raw) <= MAX_ABBREVIATED and s.raw(i + 1).isdigit():
        return None  # "Aug. 26", "No. 5": a short capitalised word before a number, as sentences.split reads it
    return i + 1, i + 1


def _omission(s: SentenceView, i: int) -> tuple[int, int] | None:
    """ "... من بعيد […] الهدف ...": an ellipsis in brackets, where the outlet cut words out of the remarks."""
    closer = EDITORIAL_BRACKETS.get(s.raw(i))
    k = i + 1
    while k < len(s) and s.raw(k) in ELLIPSIS_MARKS:
        k += 1
    if closer is None or k == i + 1 or k + 1 >= len(s) or s.raw(k) != closer:
        return None
    return None if s.raw(k + 1) in SENTENCE_ENDS else (i, k + 1)  # "(...). سنعود": the full stop ends it


def _quotation_after_clause(s: SentenceView, i: int, kind: Kind) -> tuple[int, int] | None:
    """ "She said that the police had no word from them; “We have not received ...”": a reported claim ended by a
    semicolon, then the speaker's own words."""
    if kind != Kind.INDIRECT or s.raw(i - 1) not in CLAUSE_ENDERS or s.quote_at(i) is None:
        return None
    return i - 1, i


def _run_of_marks(s: SentenceView, i: int) -> bool:
    """Whether the mark at token i closes a run of sentence marks written together ("جزئيا..رؤية")."""
    return i > 0 and s.raw(i - 1) in SENTENCE_ENDS and s.toks[i - 1].end == s.toks[i].start


def _narration_cut(c: Claimed) -> Claimed:
    """A reported claim ends with the quotation that ends its sentence: '... said the plan was "a pretence." He
    sentenced ...' goes on in the reporter's words."""
    s = c.view
    if c.candidate.kind != Kind.INDIRECT:
        return c
    first = s.index_at(c.start)
    for i in range(first + 1, len(s) - 2):
        if s.toks[i].end >= c.end:
            break
        if s.raw(i) in SENTENCE_ENDS and _closed_quotation_ends(s, i):
            end = s.toks[i + 1].end
            return replace(c, end=end, trace=(*c.trace, "split_claims: ends with the quotation that ends its sentence"))
    return c


def _closed_quotation_ends(s: SentenceView, i: int) -> bool:
    """A full stop, a closing quotation mark right after it, then a space and a capitalised word."""
    if i + 2 >= len(s) or s.toks[i + 1].start != s.toks[i].end:
        return False
    if not any(b == s.toks[i + 1].start for _, b in s.quotes):
        return False
    after = s.toks[i + 2]
    return after.start > s.toks[i + 1].end and after.is_word and after.raw[:1].isupper()


def _title_abbreviation(word: str) -> bool:
    """A capitalised word of two letters before a full stop abbreviates a title ("Mr. Bankman-Fried", "Dr. Lee")."""
    return len(word) == 2 and word[0].isupper() and word[1].islower()


def _coordinated(g: Grammar, s: SentenceView, i: int, kind: Kind) -> tuple[int, int] | None:
    """ "أن ... وأن ...", "that ... and that ...": a second complementizer joined by "and" opens a second claim
    after it; a bare "and" joins words inside one claim ("between Russia and North Korea")."""
    if i > 0 and s.norm(i - 1) in g.lex.reason_heads:
        return None  # "..., especially as ...": the reason belongs to the claim before it
    if s.phrase_at(i, g.lex.concessions, allow_conj=False):
        return None
    if (kind != Kind.INDIRECT or s.quoted[i]) and not _complement_quotation(g, s, i):
        return None
    n = s.phrase_at(i, g.lex.coordinated_openers, allow_conj=False)
    if not n and s.norm(i) == g.lex.and_conjunction and (s.norm(i) + s.norm(i + 1),) in g.lex.coordinated_openers:
        n = 2  # "، و أن ...": the conjunction written apart from its complementizer
    return (i, i + n) if n else None


def _complement_quotation(g: Grammar, s: SentenceView, i: int) -> bool:
    """Whether token i is inside, or just after, a quotation that opens right after a complementizer: 'أوضح أن
    "... وأن ..."' and 'أكد أن "..."، وأن ...' quote a that-clause, so its second complementizer opens a second
    claim as it would unquoted. A direct quotation ("قال: "...") is the speaker's own words and stays whole."""
    for a, b in s.quotes:
        inside = a < s.toks[i].start < b
        after = s.toks[i].start > b and s.index_at(b + 1) >= i - 1
        if inside or after:
            opening = s.index_at(a)
            return opening > 0 and s.norm(opening - 1) in g.lex.complementizers
    return False


def _coordinated_clause(g: Grammar, s: SentenceView, i: int, kind: Kind, prev: int) -> tuple[int, int] | None:
    """ "... delivered rockets last year and Moscow has been seeking ...": a conjunction between two clauses, each
    with a verb, opens a second claim; between two nouns ("Putin and Kim had exchanged letters") it does not."""
    if kind != Kind.INDIRECT or s.quoted[i] or s.norm(i) not in g.lex.clause_conjunctions:
        return None
    if not _verb_before(g, s, prev, i) or g.finite_verb(s, i + 1):
        return None  # "... could affect production and may have its impact on prices": one subject, two verbs
    if s.norm(i - 1) in g.lex.subject_pronouns:
        return None  # "a while since he and Brand had voted": a pronoun ends no clause, it is half a subject
    for k in range(i + 2, min(len(s), i + 1 + MAX_CLAUSE_SUBJECT)):
        if glued_mark(s, k):
            continue  # "about 2,400 homes": a number's separator, inside the subject
        if not s.toks[k].is_word or g.lex.cue(s.norm(k)):
            return None
        if s.norm(k) in g.lex.subordinators or s.norm(k) in g.lex.relatives:
            # "in its northern and southern regions since monitoring began", "homes and businesses that lost power":
            # the verb is the subordinate or relative clause's
            return None
        if s.norm(k) in g.lex.clause_conjunctions and g.finite_verb(s, k + 1):
            return None  # "the infections and the death June 29 and began ...": a verb with no subject of its own
        # "and the resolutions imposed against Pyongyang": a past form before a preposition modifies a noun
        if g.finite_verb(s, k) and not modifies_noun(g, s, k):
            return i, i + 1
    return None


def _attributive(g: Grammar, s: SentenceView, k: int) -> bool:
    """A past form of a regular verb right after an article, a preposition or a determiner describes the noun after
    it ("90% of affected homes and businesses regained ..."): no verb of a clause."""
    before = s.norm(k - 1) if k > 0 else ""
    if s.norm(k) in g.lex.auxiliaries or before in g.lex.clause_conjunctions:
        return False
    return before in g.lex.function_words or before in g.lex.determiners or before in g.lex.articles


def _verb_before(g: Grammar, s: SentenceView, a: int, i: int) -> bool:
    """Whether a verb stands between token a and the conjunction at i with no "that" or other conjunction after
    it: "... said that talks between Russia and North Korea are ..." joins two nouns of the subject."""
    for k in range(i - 1, a - 1, -1):
        if g.finite_verb(s, k) and not _attributive(g, s, k):
            return True
        if s.norm(k) in g.lex.complementizers or s.norm(k) in g.lex.clause_conjunctions:
            return False
    return False


def _clause_link(g: Grammar, s: SentenceView, i: int, kind: Kind, subordinate: bool) -> tuple[int, int] | None:
    """ "...، فيما ..."، "...، لكن ...": after a comma, a link the data names opens a second claim (inside a
    quotation, one of the links named for quotations, unless a verb-first pack quotes a that-clause: 'أن "...، حيث
    أن ..."'; English partial quotes go on with "while maintaining ..."), unless the claim opened with a
    concession or a condition ("على الرغم من ...، لكن ...") or the link means "while" ("، بينما يحاول ...")."""
    if subordinate or not s.is_comma(i - 1):
        return None
    that_clause = not g.lex.subject_first and _complement_quotation(g, s, i)
    quoted = (kind != Kind.INDIRECT or s.quoted[i]) and not that_clause
    links = g.lex.quoted_claim_links if quoted else g.lex.claim_links
    n = s.phrase_at(i, links) or _complement_link(g, s, i, links)
    if not n:
        return None
    after = i + n
    if s.phrase_at(i, g.lex.verb_links) == n and (
        s.norm(after).startswith(g.lex.definite_prefixes) or s.norm(after) in g.lex.demonstratives
    ):
        return None  # "، حيث المنطقة ..."، "، حيث ذلك ...": where, not a clause of its own
    if s.norm(after - 1) in g.lex.linked_verbs:
        after -= 1  # "، ما أدى إلى ...": the verb opens the claim
    if s.phrase_at(i, g.lex.while_links) and s.norm(after).startswith(g.lex.present_prefixes):
        return None
    if s.norm(after) in g.lex.complementizers:  # "، إلا أن ..."
        after += 1
    return i - 1, after


def _bare_link(g: Grammar, s: SentenceView, i: int, kind: Kind) -> tuple[int, int] | None:
    """ "... لقوا مصرعهم فيما تأثر 340 ألفا ...": in a reported claim, a link the data names opens a second claim with
    no comma before it, before a word that is neither a present verb ("فيما يتعلق") nor one that makes the link "in
    what" or "among" (``bare_link_objects``: "فيما بعد"، "فيما بينها")."""
    if kind != Kind.INDIRECT or s.quoted[i] or s.is_comma(i - 1):
        return None
    n = s.phrase_at(i, g.lex.bare_claim_links)
    after = i + n
    if not n or after >= len(s) or not s.toks[after].is_word:
        return None
    word = s.norm(after)
    if word.startswith(g.lex.present_prefixes) or word in g.lex.bare_link_objects or word in g.lex.function_words:
        return None
    return i, after


def _complement_link(g: Grammar, s: SentenceView, i: int, links: list[tuple[str, ...]]) -> int:
    """ "...، كما أنهما ...": a link that ends in "that" takes the complementizer with a pronoun written on it."""
    heads = [link[:-1] for link in links if len(link) > 1 and link[-1] in g.lex.complementizers]
    n = s.phrase_at(i, heads)
    return n + 1 if n and s.norm(i + n) in g.lex.complementizers else 0


def _joined_quotation(g: Grammar, s: SentenceView, i: int, kind: Kind) -> tuple[int, int] | None:
    """ "... إلى أن موعد الزيارة لم يتأكد بعد و"يعمل زملاؤنا على التحضير لها"": after a reported claim, "and" written
    on a quotation's opening mark opens a second claim, in the speaker's own words; not the next of a list of
    quotations ('هتافات من بينها "الله أكبر"، و"في سبيل الله قمنا"')."""
    if kind != Kind.INDIRECT or s.quoted[i] or s.norm(i) != g.lex.and_conjunction or s.quote_at(i + 1) is None:
        return None
    before = i - 2 if i > 1 and s.is_comma(i - 1) else i - 1
    if before >= 0 and any(b == s.toks[before].start for _, b in s.quotes):
        return None
    return i, i + 1


def _quoted_clauses_joined(g: Grammar, s: SentenceView, i: int) -> tuple[int, int] | None:
    """'said “an unknown vessel drifted into our waters” and “we do not know who it belongs to”': "and" between two
    quotations that are each a clause (``MIN_QUOTED_CLAUSE`` words) joins the speaker's two sentences; a list of
    short quoted chants or titles ('هتافات من بينها "الله أكبر" و"عاش الوطن"') stays one claim."""
    n = s.norm(i)
    if s.quoted[i] or not (n == g.lex.and_conjunction or n in g.lex.clause_conjunctions):
        return None
    after = s.quote_at(i + 1)
    last = i - 2 if i > 1 and s.is_comma(i - 1) else i - 1  # '”, and “': a comma may stand between them
    before = next((q for q in s.quotes if last >= 0 and q[1] == s.toks[last].start), None)
    if after is None or before is None:
        return None
    return (i, i + 1) if all(_quoted_words(s, q) >= MIN_QUOTED_CLAUSE for q in (before, after)) else None


def _quoted_words(s: SentenceView, quote: tuple[int, int]) -> int:
    return s.words(Span(s.index_at(quote[0]) + 1, s.index_at(quote[1])))


def _first_person_clause(g: Grammar, s: SentenceView, i: int) -> tuple[int, int] | None:
    """ "دعوت الوزير لزيارة تركيا، واتفقنا على ...", "...، وحققت حتى الآن ...": after a comma, "and" written on a past
    verb with a person ending opens a clause of its own. The stem keeps three root letters before the ending, so a
    pronoun ("وأنا") or a short verb of being ("وكنا") is left alone."""
    stem = _after_comma_and(g, s, i)
    if stem is None:
        return None
    endings = g.lex.first_person_endings + (g.lex.quoted_first_person_endings if s.quoted[i] else ())
    ending = next((e for e in endings if stem.endswith(e)), None)
    if ending is None or len(stem) - len(ending) < 3 or g.lex.cue(stem) is not None:
        return None
    if stem.endswith(g.lex.plural_noun_endings):
        return None  # "، وبيانات": a plural noun, not a verb
    return i - 1, i


def _first_person_cue(g: Grammar, s: SentenceView, i: int) -> tuple[int, int] | None:
    """ "...، ونتوقع أن يرتفع العدد ...": after a comma, "and" written on a verb of saying in the present's first
    person (its third person a cue of the pack) opens a claim of the speaker's own. A verb that is also a past cue
    with the first person's letter ("، وأعلن": he announced) is the third person's."""
    verb = _after_comma_and(g, s, i)
    if verb is None:
        return None
    prefix = next((p for p in g.lex.first_person_present_prefixes if verb.startswith(p)), None)
    if prefix is None or not g.lex.present_prefixes or g.lex.cue(verb) is not None:
        return None
    third = g.lex.cue(g.lex.present_prefixes[0] + verb[len(prefix) :])
    return (i - 1, i) if third is not None and third.tense == "present" else None


def _present_clause(g: Grammar, s: SentenceView, i: int, kind: Kind) -> tuple[int, int] | None:
    """ "إن موريتانيا بلد تعدين، ويتوفر على أكثر من ألف مؤشر ...": in a reported claim, after a comma, "and" written on
    a verb in the present's third person opens a second clause, a claim of its own, negated or not ("، ولا يمكن ...").
    Not a cue (the next statement's), nor a short word the prefix's letter may open (يوم)."""
    verb = _after_comma_and(g, s, i)
    if verb in g.lex.negations and i + 1 < len(s):
        verb = s.norm(i + 1)
    if kind != Kind.INDIRECT or s.quoted[i] or verb is None or not verb.startswith(g.lex.present_prefixes):
        return None
    if len(verb) < MIN_PRESENT_VERB or g.lex.cue(verb) is not None or verb in g.lex.months:
        return None
    return i - 1, i


def _future_clause(g: Grammar, s: SentenceView, i: int, kind: Kind) -> tuple[int, int] | None:
    """ "إن الحكومة ستخفض الدعم وستلغي العقود": in a reported claim, "and" written on a verb in the future (the pack's
    ``future_prefixes``), after a comma or not, opens a second claim; not a number word (وستمائة)."""
    n = s.norm(i)
    verb = n[1:]
    if kind != Kind.INDIRECT or s.quoted[i] or n[:1] != g.lex.and_conjunction or g.lex.cue(verb) is not None:
        return None  # "إذا لم ...، فستعلن ...": "then" answers a condition inside one claim
    if i + 1 < len(s) and s.norm(i + 1)[:1] == g.lex.and_conjunction:
        return None  # "مدريد وسيجوفيا وأرجاندا": a name in a list, which a verb never ends
    prefix = next((p for p in g.lex.future_prefixes if verb.startswith(p)), None)
    stem = verb[len(prefix) :] if prefix else ""
    if len(stem) < MIN_FUTURE_STEM or stem.startswith(g.lex.future_stem_not_opening):
        return None
    return None if verb in claim_language(g.lex.language).numbers else (i - 1 if s.is_comma(i - 1) else i, i)


def _after_comma_and(g: Grammar, s: SentenceView, i: int) -> str | None:
    """The folded word at i without the "and" written on it, when a comma stands before it; else None."""
    n = s.norm(i)
    return n[1:] if s.is_comma(i - 1) and n[:1] in g.lex.conjunctions else None


def _spliced_quotation(g: Grammar, s: SentenceView, i: int, kind: Kind, subordinate: bool) -> tuple[int, int] | None:
    """«يشرفني تولي تدريب المنتخب، وأنا على دراية بحجم المسؤولية»: inside a quotation, after a comma, the speaker
    in the first person (a pronoun, "I have", a first-person future verb: ``first_person_words``,
    ``first_person_future_prefixes``) opens the next of their sentences, which the quotation runs on with a comma;
    not after a condition or a concession the claim opens with («إذا أرادوا ...، فسأفعل ...»: the answer)."""
    if subordinate or (kind == Kind.INDIRECT and not s.quoted[i]) or not s.is_comma(i - 1):
        return None
    word = _after_comma_and(g, s, i) or s.norm(i)
    future = word.startswith(g.lex.first_person_future_prefixes) and not word.endswith(g.lex.plural_noun_endings)
    return (i - 1, i) if word in g.lex.first_person_words or future else None


def _narrated_participle(g: Grammar, s: SentenceView, i: int) -> tuple[int, int] | None:
    """ "المصاب وصل من رحلة خارجية، مشيراً إلى أن المصاب كان سافر ...": inside a quotation, after a comma, a participle
    of saying with what opens its claim (a complementizer, a claim's preposition) is the reporter's voice, never the
    speaker's: the outlet closed the quotation late, or not at all, and the participle opens a second claim."""
    if not s.quoted[i] or not s.is_comma(i - 1):
        return None
    form = g.lex.cue(s.norm(i))
    if form is None or form.tense != "participle":
        return None
    k = i + 1
    if k < len(s) and s.norm(k) in g.lex.claim_prepositions:
        k += 1
    if k < len(s) and s.norm(k) in g.lex.complementizers:
        return i - 1, k + 1
    marked = k < len(s) and any(s.toks[k].start in quote for quote in s.quotes)
    return (i - 1, k) if k > i + 1 and marked else None  # '، مشيرا إلى "توقيف ...': its noun object, quoted
