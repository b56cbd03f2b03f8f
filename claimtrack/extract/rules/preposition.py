"""Rule: "وفقاً للوزير، ..." or "...، بحسب المصادر" — a preposition of attribution before or after the claim."""

from __future__ import annotations

from ...lang.text import PUNCTUATION
from ..doc import MIN_POST_CLAIM_WORDS, Span, SentenceView
from ..candidate import Attribution, Candidate, Kind
from ..grammar import Grammar
from ..speaker_phrase import described_source_end, points_back, resumptive, speaker_span
from ..claim import claim_before
from ..claim import open_claim
from ..quotations import MARKS
from .relayed_by import relayed_by, said_by
from ..subject import BRACKETS, clause_opening

NAME = "preposition"
MAX_SOURCE = 12  # words between the preposition and the comma or clause that ends its source
MAX_QUOTED_NAME = 4  # words of a name in quotation marks ("إذاعة “إن إف إم”"): a longer quotation is a claim
MAX_NAME_WORDS = 8  # tokens of a name in apposition after a title, honorifics included ("Dato' Sri Dr Adham Baba")
MAX_QUOTE_CREDIT = 8  # tokens after a quotation within which its own speaker and verb may follow


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    phrase = next((p for p in g.lex.prepositions if s.phrase_at(i, [p])), None)
    if phrase is None:
        return None
    n = s.phrase_at(i, [phrase])
    # "وفقا للمسؤولين": the phrase's last word is a particle glued to the speaker's first word.
    glued = len(phrase) > n
    speaker_start = i + n
    head = s.norm(speaker_start)
    if glued:
        head = g.without_glued_preposition(head)
    if _sourceless(g, s, i, speaker_start, head):
        return None
    before = Span(found[-1].cue_index + 1 if found else 0, i)
    before, source_end = _bracketed(s, before, i)
    content_before = 0 if _opens_clause(g, s, i) else s.words(Span(_content_start(g, s, before.a, i), i))
    cue_end, relayed = speaker_start, False
    if _verb_after_relative(g, s, speaker_start):
        speaker_start += 2  # "وفق ما أعلنت الوزارة، ...": the verb is part of the cue, its subject speaks
        cue_end, glued = speaker_start, False
        relayed = points_back(g, s.norm(speaker_start), g.lex.relay_preposition)  # "عنه": from him
        if resumptive(g, s.norm(speaker_start)) or relayed:
            speaker_start += 1  # "وحسب ما أفاد به المدير، ...", "حسب ما نقل عنه التلفزيون": pointed back at
    # Before the claim: "ووفقاً للسيد بوتين، فإن ..." / "بحسب المصادر، ...".
    if content_before == 0:
        j, claim_first = _source_end(g, s, speaker_start)
        if j is None or j >= len(s) or j == speaker_start:
            return None
        if s.norm(claim_first) in g.lex.complementizers:
            claim_first += 1
        if claim_first >= len(s) or _said_in_the_claim(g, s, claim_first):
            return None
        speaker = Span(speaker_start, described_source_end(g, s, speaker_start, j))
        own = _own_saying(g, s, speaker)
        return Candidate(
            rule=NAME,
            cue_index=i,
            boundary=i,
            cue=" ".join(s.raw(k) for k in range(i, max(cue_end, i + max(n, 1)))),
            speaker=None if own is not None else speaker,
            claim_start=s.toks[claim_first].start,
            claim_end=None,
            kind=Kind.INDIRECT,
            attribution=Attribution.CONTINUATION if own is not None else Attribution.PREPOSITION,
            gender=own or "",
            confidence=0.8,
            as_written=None if own is not None else g.glued_text(s, speaker.a, speaker.b, glued),
        )
    if g.lex.subject_first and (inside := _source_inside(g, s, i, n, speaker_start, before)) is not None:
        return inside
    # After the claim: "...، وفقا للمسؤولين".
    if content_before < MIN_POST_CLAIM_WORDS or _in_frame(s, i, found):
        return None
    if _relays_the_last(s, i, found, relayed):
        return relayed_by(g, s, i, i, speaker_start, found)  # "...، حسب ما نقل عنه التلفزيون": who relayed it
    speaker, _ = speaker_span(g, s, speaker_start, source_end, glued)
    if speaker is None:
        return None
    claim = claim_before(g, s, before.a, i)
    if claim is None:
        return None
    claim = (claim[0], _clause_goes_on(g, s, speaker) or claim[1], claim[2])
    cue = " ".join(s.raw(k) for k in range(i, max(cue_end, i + n)))
    own = _own_saying(g, s, speaker)
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=i,
        cue=cue,
        speaker=None if own is not None else speaker,
        claim_start=claim[0],
        claim_end=claim[1],
        kind=claim[2],
        attribution=Attribution.CONTINUATION if own is not None else Attribution.POST,
        gender=own or "",
        confidence=0.8,
        as_written=None if own is not None else g.glued_text(s, speaker.a, speaker.b, glued),
        cut_at_next=False,
    )


def _verb_after_relative(g: Grammar, s: SentenceView, k: int) -> bool:
    """ "وفق ما أعلنت ...": a relative particle then a cue after the preposition; the verb's subject is the source."""
    return s.norm(k) in g.lex.relative_particles and g.lex.cue(s.norm(k + 1)) is not None


def _sourceless(g: Grammar, s: SentenceView, i: int, speaker_start: int, head: str) -> bool:
    """Whether the preposition at i attributes nothing: a comma right after it ("... التقدم فحسب، بل ...": "only"), or
    words that name no source (not "حسب عدد من الإفادات": a count of sources is theirs)."""
    if speaker_start >= len(s) or s.is_comma(speaker_start):
        return True
    return _no_source(g, s, i, head, s.raw(speaker_start)) and s.norm(speaker_start + 1) not in g.lex.quantifiers


def _no_source(g: Grammar, s: SentenceView, i: int, head: str, raw: str) -> bool:
    """Whether the words after the preposition at i name no source: a thing it conforms to ("وفقا للقانون", "in
    line with the rules") or how or how much ("حسب الكفاءة")."""
    if head in g.lex.non_sources or any(s.norm(k) in g.lex.conformity_verbs for k in range(max(0, i - 3), i)):
        return True
    return not _may_name_a_source(g, head, raw)


def _said_in_the_claim(g: Grammar, s: SentenceView, k: int) -> bool:
    """Whether the claim opening at token k says who said it: a verb of saying opens it ("وبحسب البيان، أشار فلان
    إلى أن ...": an aside of the verb's own statement), or it is a quotation whose speaker and verb follow it
    ('According to CN, "...," spokesman X said')."""
    if g.lex.saying_verb(s.norm(k)):
        return True
    quote = s.quote_at(k)
    if quote is None:
        return False
    after = s.index_at(quote[1]) + 1
    return any(g.lex.saying_verb(s.norm(j)) for j in range(after, min(len(s), after + MAX_QUOTE_CREDIT)))


def _may_name_a_source(g: Grammar, head: str, raw: str) -> bool:
    """ "حسب الكفاءة"، "وفقا لقدراته": a noun with a possessive pronoun, or with the article and an ending of a
    quality or a measure (``abstract_endings``), that is no source word, no country, no kind of thing said (الأرقام،
    التقرير) and no saying of the speaker's own (بحسب تأكيده) says how or how much, not who. A would-be name ("حسب
    رويترز", "بحسب الياسري") or an indefinite noun ("بحسب بيان") may be a source."""
    if said_by(g, head) or head in g.lex.countries or head in g.lex.object_pronouns:
        return True
    if g.possessed(head):
        return False
    return g.lex.hooks.strip_article(head) == head or not raw.endswith(g.lex.abstract_endings)


def _clause_goes_on(g: Grammar, s: SentenceView, speaker: Span) -> int | None:
    """ "أما حركة المسافرين، فقد بلغت، وفق المصدر نفسه، 3,220,422 مسافرا": a source set off by commas inside the
    clause, which goes on after it to the sentence's end with no cue of its own; where it ends, else None."""
    if speaker.b >= len(s) or not s.is_comma(speaker.b):
        return None
    rest = Span(speaker.b + 1, len(s))
    if s.words(rest) < MIN_POST_CLAIM_WORDS or any(g.lex.cue(s.norm(k)) for k in range(rest.a, rest.b)):
        return None
    if s.phrase_at(rest.a, g.lex.claim_links) or s.norm(rest.a) in g.lex.clause_conjunctions:
        return None  # "...، بحسب الدفاع المدني، فيما أصيب ...": a clause of its own follows
    last = next(k for k in range(rest.b - 1, rest.a - 1, -1) if s.toks[k].is_word)
    return s.toks[last].end


def _own_saying(g: Grammar, s: SentenceView, speaker: Span) -> str | None:
    """The gender a source that is the speaker's own saying with a pronoun tells ("ووفق قولها"، "بحسب تأكيده":
    according to her saying), or an object pronoun ("according to him"): it names nobody and goes on with the last
    speaker. None for any other source."""
    if speaker.b - speaker.a != 1:
        return None
    if (gender := g.lex.object_pronouns.get(s.norm(speaker.a))) is not None:
        return gender
    form = g.lex.cue(s.norm(speaker.a))
    return form.gender if form is not None and form.tense == "noun" and form.gender else None


def _after_its_speaker(s: SentenceView, i: int, found: list[Candidate]) -> bool:
    """ "..., said Ann Lee, according to CNN": right after the speaker that followed its claim, the outlet that
    relayed the statement."""
    last = found[-1] if found else None
    return (
        last is not None
        and last.attribution == Attribution.POST
        and last.speaker is not None
        and s.is_comma(i - 1)
        and last.speaker.b == i - 1
    )


def _after_its_quotation(s: SentenceView, i: int, found: list[Candidate]) -> bool:
    """ "أعلن الوزير “...”، وفقا لـ"العربية نت"": right after a statement's own quotation and its comma, the outlet
    that relayed it, not a source of the words before."""
    last = found[-1] if found else None
    if last is None or last.speaker is None or last.claim_end is None or not s.is_comma(i - 1):
        return False
    between = s.text[last.claim_end : s.toks[i - 1].start]
    return bool(between.strip()) and all(ch.isspace() or ch in MARKS for ch in between)


def _in_frame(s: SentenceView, i: int, found: list[Candidate]) -> bool:
    """ "وقال فلان، بحسب وسائل إعلام، إن ...": between a cue's speaker and its claim, an aside of that statement."""
    return bool(found) and found[-1].claim_start > s.toks[i].start


def _opens_clause(g: Grammar, s: SentenceView, i: int) -> bool:
    """ "..., but according to X, the typhoon is ...": after a comma and a clause opener, in a subject-first language,
    the source introduces the clause after it, not the one before; so does one joined by "and" after a comma with a
    complementizer after it ("...، وبحسب المنظمة فإن ...")."""
    if g.lex.subject_first and i > 1 and s.norm(i - 1) in g.lex.clause_openers and s.is_comma(i - 2):
        return True
    if i < 1 or not s.is_comma(i - 1) or s.norm(i)[:1] != g.lex.and_conjunction:
        return False
    if s.phrase_at(i, g.lex.prepositions, allow_conj=False):
        return False  # "، وفقا لقناة ...": the letter is the word's own, no "and" joins it
    for k in range(i + 1, min(len(s), i + MAX_SOURCE)):
        if s.raw(k) in PUNCTUATION["clause_enders"]:
            return False
        if s.norm(k) in g.lex.complementizers:
            return True
    return False


def _relays_the_last(s: SentenceView, i: int, found: list[Candidate], relayed: bool) -> bool:
    """Whether the phrase after the claim names who relayed the statement before rather than a source: its claim
    runs on to here, or its post-claim speaker or its own quotation ends right before; or the phrase points back."""
    if relayed and found:
        return True  # "...، حسب ما نقل عنه التلفزيون"
    return open_claim(s, i, found) or _after_its_speaker(s, i, found) or _after_its_quotation(s, i, found)


def _bracketed(s: SentenceView, before: Span, i: int) -> tuple[Span, int]:
    """The words before the preposition and where its source may end: inside a bracket opened before it ("... (with a
    margin of 2 minutes, according to NASA)"), the aside's words and the closing bracket; else as they were."""
    bracket = _open_bracket(s, before.a, i)
    if bracket is None or bracket + 1 == i:
        return before, len(s)
    close = next((k for k in range(i, len(s)) if s.raw(k) == BRACKETS[1]), len(s))
    return Span(bracket + 1, i), close


def _open_bracket(s: SentenceView, a: int, i: int) -> int | None:
    """The bracket opened between tokens a and i and not closed before i, if one is."""
    depth = 0
    for k in range(i - 1, a - 1, -1):
        depth += (s.raw(k) == BRACKETS[1]) - (s.raw(k) == BRACKETS[0])
        if depth < 0:
            return k
    return None


def _content_start(g: Grammar, s: SentenceView, a: int, i: int) -> int:
    """Where the words before the preposition start, past a leading conjunction and adverbial and, in a
    subject-first language, a linking word and its comma ("However, according to X no plans ...")."""
    k = g.skip_leading(s, a, i)
    while g.lex.subject_first and k < i and (s.norm(k) in g.lex.clause_openers or s.is_comma(k)):
        k += 1
    return k


def _source_end(g: Grammar, s: SentenceView, speaker_start: int) -> tuple[int | None, int | None]:
    """Where a source before its claim ends and where the claim starts: at the comma or complementizer after it,
    or, with neither, where the claim's own clause opens ("according to court documents the suspect had ...")."""
    j = speaker_start
    while j < len(s) and not _ends_source(g, s, j) and s.words(Span(speaker_start, j)) < MAX_SOURCE:
        j += 1  # in words: the marks of "Inter-Services" and "(Tuesday)" add none
    if j < len(s) and _ends_source(g, s, j):
        named = _named_in_apposition(g, s, speaker_start, j)
        return (named, named + 1) if named is not None else (j, j + 1)
    j = (
        clause_opening(g, s, speaker_start, MAX_SOURCE)
        if g.lex.subject_first
        else _particle_opening(g, s, speaker_start)
    )
    return j, j


def _particle_opening(g: Grammar, s: SentenceView, speaker_start: int) -> int | None:
    """Where the claim's clause opens after its source with no comma, in a verb-first language: at a negation or a
    particle before a verb ("وبحسب مصادر في الوزارة لن ترتفع ..."), not one inside a relative clause on the source."""
    for k in range(speaker_start + 1, min(len(s), speaker_start + MAX_SOURCE)):
        if s.quoted[k] or not s.toks[k].is_word:
            continue
        if s.norm(k) in g.lex.negations or s.norm(k) in g.lex.particles_before_verb:
            return None if s.norm(k - 1) in g.lex.relatives else k
    return None


def _ends_source(g: Grammar, s: SentenceView, j: int) -> bool:
    """Whether token j ends a source before its claim: a comma, a complementizer, or the particle that answers a
    fronted phrase ("وحسب الهيئة فقد سجلت ...": no comma needed); never a word of a name in quotation marks ("إذاعة
    “إن إف إم”": the name's first word is spelt like the complementizer)."""
    if _in_quoted_name(s, j):
        return False
    return s.is_comma(j) or s.norm(j) in g.lex.complementizers or s.norm(j) in g.lex.answer_particles


def _in_quoted_name(s: SentenceView, j: int) -> bool:
    """Whether token j lies in a quotation of a few words (a name), not in a quoted claim."""
    at = s.toks[j].start
    return s.quoted[j] and any(a < at < b and len(s.text[a:b].split()) <= MAX_QUOTED_NAME for a, b in s.quotes)


def _named_in_apposition(g: Grammar, s: SentenceView, speaker_start: int, comma: int) -> int | None:
    """ "According to the Minister of Health, Dato' Sri Dr Adham Baba, cases ...": a title, then after its comma
    the holder's name (capitalised words, in a script with capitals) up to another comma, is one source; the comma
    after the name ends it."""
    if not s.is_comma(comma) or not any(s.norm(k) in g.lex.person_titles for k in range(speaker_start, comma)):
        return None  # a person's title: "according to police, Smith, Jones and Brown were ..." names no holder
    end = next((k for k in range(comma + 1, min(len(s), comma + 1 + MAX_NAME_WORDS)) if s.is_comma(k)), None)
    words = [k for k in range(comma + 1, end or comma + 1) if s.toks[k].is_word]
    if end is None or len(words) < 2 or not all(s.raw(k)[:1].isupper() for k in words):
        return None
    return end


def _source_inside(g: Grammar, s: SentenceView, i: int, n: int, speaker_start: int, before: Span) -> Candidate | None:
    """ "The fire, according to police, started in the kitchen": the source set off by commas between a subject and
    its verb; the claim is the whole clause around it."""
    end = next(
        (k for k in range(speaker_start, min(len(s), speaker_start + MAX_SOURCE)) if not s.toks[k].is_word), None
    )
    if end is None or end == speaker_start or not s.is_comma(i - 1) or not s.is_comma(end):
        return None
    verb = end + 1
    while verb < len(s) and s.norm(verb) in g.lex.particles_before_verb:
        verb += 1
    a = g.skip_leading(s, before.a, i - 1)
    if verb >= len(s) or not g.finite_verb(s, verb) or a >= i - 1 or s.quoted[a]:
        return None
    if any(g.finite_verb(s, k) for k in range(a, i - 1)):
        return None  # the words before have a verb of their own: a claim before its source, not a subject
    last = next((k for k in range(len(s) - 1, verb, -1) if s.toks[k].is_word), verb)
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=a,
        cue=" ".join(s.raw(k) for k in range(i, i + n)),
        speaker=Span(speaker_start, end),
        claim_start=s.toks[a].start,
        claim_end=s.toks[last].end,
        kind=Kind.INDIRECT,
        attribution=Attribution.PREPOSITION,
        gender="",
        confidence=0.8,
        cut_at_next=False,
    )
