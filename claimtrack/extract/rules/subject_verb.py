"""Rule: "Kirby said (that) ...", "The ministry said in a statement that ...", "..., Kirby said." — the subject
before its verb and the claim after it, or before the subject when nothing follows the verb but where and to
whom it was said; for a language whose pack says its subject comes first (``subject_first``: English). In a
verb-first language (Arabic) this rule reads nothing; its subjects before the verb are the verb rule's.
"""

from __future__ import annotations

from dataclasses import replace

from ...claimtext import claim_language
from ...lexicon import CueForm
from ...sentences import OPENERS, SYMMETRIC
from ..candidate import Attribution, Candidate, Kind
from ..claim import claim_after, claim_before, open_claim
from ..doc import MIN_POST_CLAIM_WORDS, NEXT_LINE, SentenceView, Span
from ..grammar import Grammar, figure, modifies_noun, particles_start, quantity_at, relative_that
from ..subject import Subject, after_article, clause_opening, clause_subject, in_phrase, subject_of
from .claim_first import clause_end
from .cue import reported_subject, with_its_words

NAME = "subject-verb"
MAX_BEFORE_THAT = 6  # words between the verb and its "that" (whom it was told to, when, where)
MAX_BEFORE_THAT_TOKENS = 10  # ... as tokens ("argued before U.S. District Judge Ann Lee that")
MAX_TOLD_CLAUSE = 10  # words from a verb's addressee to its claim's first verb ("told the FT on Monday the plan had")
MAX_UNSAID_REACH = 3  # words before an infinitive's marker that can make it unsaid ("is not expected to")
MAX_FEELING_AT = 2  # words before a feeling noun that opens a weak verb's claim ("his concern")
MAX_SUBJECT_REACH = 6  # tokens from a clause's subject to its verb ("he's afraid they could")
MAX_OCCASION_WORDS = 4  # words of an occasion before a claim with no "that" ("during the daily update")
MAX_OCCASION_TOKENS = 16  # tokens of a phrase of the occasion before "that" ("during the more than 10-hour reading of")
MAX_TAIL = 10  # words after a verb that closes its claim ("..., Ramadan told reporters in Geneva on Monday.")


def find(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Candidate | None:
    if not g.lex.subject_first:
        return None
    form = _cue(g, s, i)
    if form is None or (form.noun_claim and s.quoted[i]):
        return None  # "We expect ...", "...that Kim expects these talks to go on" in a quotation: the quoted's words
    group = _group_start(g, s, i)
    if s.norm(group - 1) in g.lex.clause_conjunctions or s.phrase_at(group - 1, g.lex.claim_links, allow_conj=False):
        # "said ... and said ...", "said ... but added ...", "arrested him and have since said": the same subject's
        # second verb
        return _second_verb(g, s, i, form, found[-1], group) if found else _coordinated_subject(g, s, i, form)
    subject = (
        _reported_subject(g, s, i, found)
        or subject_of(g, s, i - 1 if _object_of_verb(g, s, i) else i)
        or _body_pronoun_after_claim(g, s, i)
        or _body_pronoun_opening(g, s, i)
    )
    if subject is None and s.norm(i - 1) in g.lex.infinitive_markers:
        return _infinitive(g, s, i, form, i - 1)
    if subject is None and s.norm(i - 1) in g.lex.auxiliaries and s.norm(i - 2) in g.lex.infinitive_markers:
        return _infinitive(g, s, i, form, i - 2)  # "is reported to have said that ..."
    if subject is None:
        return _passive(g, s, i, form)
    if form.noun_claim and any(s.norm(k) in g.lex.auxiliaries for k in range(subject.span.a, subject.span.b)):
        return None  # "We have information that Kim expects ...": a clause, not the subject of a forecast
    if _said_as_it_did(g, s, after_verb(form, i), subject.span):
        return _claim_before_subject(g, s, i, form, subject.span, found)
    first = claim_opens(g, s, after_verb(form, i), form, leading=not any(s.is_comma(k) for k in range(subject.span.a)))
    if first is not None and not _tail_of_quotation(g, s, subject.span, i, first):
        return _claim_after_verb(g, s, i, form, subject, first)
    colon = len(s) - 1
    told_at = after_verb(form, i)
    circumstance = _past_adverbials(g, s, told_at)[0] == colon or _colon_after_circumstance(g, s, told_at, form)
    if colon > i and s.raw(colon) == ":" and circumstance:
        # "The coach told reporters on Friday:" ends the line: the claim is the paragraph after it
        told = _claim_after_verb(g, s, i, form, subject, colon)
        return replace(told, claim_start=NEXT_LINE, claim_end=None, kind=Kind.DIRECT)
    return _claim_before_subject(g, s, i, form, subject.span, found)


def _group_start(g: Grammar, s: SentenceView, i: int) -> int:
    """The first token of the verb group of the verb at i when an adverb stands before it ("also said", "have since
    said"); i itself when none does ("and has attributed ..., the police official said": the auxiliary alone may be
    another clause's, whose claim a speaker after it says)."""
    k = i
    while k > 0 and s.norm(k - 1) in g.lex.particles_before_verb:
        k -= 1
    while k < i and k > 0 and s.norm(k - 1) in g.lex.auxiliaries:
        k -= 1
    return k


def _reported_subject(g: Grammar, s: SentenceView, i: int, found: list[Candidate]) -> Subject | None:
    """ "Reuters reported that the minister said that ...": the words the outlet's claim opens with before this cue,
    whose statement the outlet's was (``reported.reported_sources`` makes the outlet its via)."""
    reported = reported_subject(g, s, i, found[-1]) if found else None
    return Subject(reported) if reported is not None else None


def _cue(g: Grammar, s: SentenceView, i: int) -> CueForm | None:
    """A verb of saying in the past or present at token i, with the particle its sense needs ("pointed out"); not
    negated, not a noun before the real verb ("news reports stated")."""
    form = g.lex.cue(s.norm(i))
    if form is None or form.tense not in ("past", "present") or form.relay or s.norm(i - 1) in g.lex.negations:
        return None
    if s.norm(i - 1) in g.lex.modal_particles:
        return None  # "may explain": no saying yet
    if after_article(g, s, i):
        return None  # "the suspect", "the suspected gunman": a noun or an adjective
    if s.norm(i + 1) in g.lex.agent_prepositions and s.phrase_at(i - 1, g.lex.post_verb_openers, allow_conj=False):
        return None  # "as reported by Kyodo": the post-opener's, its speaker after "by"
    if s.norm(i - 1).isdigit() and after_article(g, s, i - 1):
        return None  # "the 35 reported deaths": a past participle before a noun, counted
    if not with_its_words(g, s, i, form):
        return None
    if form.tense == "past" and _past_saying(g, s, i - 1):
        return None  # "said confirmed cases rose": a participle before a noun, in the first verb's claim
    after = g.lex.cue(s.norm(after_verb(form, i)))
    if after is not None and after.tense in ("past", "present") and not (form.tense == "past" == after.tense):
        return None  # "news reports stated": a noun before the verb
    return form


def _past_saying(g: Grammar, s: SentenceView, k: int) -> bool:
    """Whether token k is a verb of saying's past form: of two in a row, the first is the verb ("said confirmed")."""
    form = g.lex.cue(s.norm(k)) if k >= 0 else None
    return form is not None and form.tense == "past"


def _object_of_verb(g: Grammar, s: SentenceView, i: int) -> bool:
    """A cue form that is a noun object of the verb before it ("She disputed reports that ...", "denied claims
    that"): the subject is that verb's, which says the claim."""
    return g.finite_verb(s, i - 1) and s.norm(i - 1) not in g.lex.auxiliaries


def after_verb(form: CueForm, i: int) -> int:
    """The first token after the verb at token i and the particle its sense needs ("made clear", "pointed out")."""
    return i + 1 + len(form.particle)


def _claim_after_verb(g: Grammar, s: SentenceView, i: int, form: CueForm, subject: Subject, first: int) -> Candidate:
    claim_start, claim_end, direct = claim_after(g, s, first, first)
    if subject.relative and claim_end is None:
        claim_end = _relative_claim_end(g, s, first)
    pronoun = g.pronoun_subject(s, subject.span)
    if pronoun is None and s.norm(subject.span.a) in g.lex.first_person_possessives:
        pronoun = ""  # "Our information indicates ...": the last speaker's own words go on
    if pronoun is not None:
        attribution = Attribution.CONTINUATION
    else:
        attribution = Attribution.RELATIVE if subject.relative else Attribution.SUBJECT_FIRST
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=i if subject.relative else _boundary(g, s, i, subject.span),
        cue=s.raw(i),
        speaker=None if pronoun is not None else subject.span,
        claim_start=claim_start,
        claim_end=claim_end,
        kind=Kind.DIRECT if direct else Kind.INDIRECT,
        attribution=attribution,
        gender=pronoun or form.gender,
        confidence=0.75 if pronoun is not None else 0.85,
    )


def _tail_of_quotation(g: Grammar, s: SentenceView, subject: Span, verb: int, first: int) -> bool:
    """'"...," the coach said just before kick-off.': after a subject that follows a quotation closing on a comma,
    words after the verb with no "that", quotation or verb of their own say when or how, not what; so do words
    a subordinator opens ("when asked about ...")."""
    if subject.a == 0 or not s.closes_on_comma(subject.a - 1):
        return False
    if s.norm(first - 1) in g.lex.complementizers or s.raw(first - 1) == ":" or any(s.quoted[first:]):
        return False
    if _subordinator(g, s, verb + 1, first + 1) is not None:
        return True  # "Narayanan stated when asked about ...", "told reporters here when asked if ..."
    return not any(g.finite_verb(s, k) for k in range(first, clause_end(s, first)))


def _relative_claim_end(g: Grammar, s: SentenceView, first: int) -> int | None:
    """ "The minister, who said X, resigned on Monday": a relative clause's claim ends at the comma before the main
    clause's verb; None when no such comma follows (the claim runs on as any other)."""
    for k in range(first + 1, len(s) - 1):
        if s.is_comma(k) and not s.quoted[k]:
            verb = k + 1
            while verb < len(s) and s.norm(verb) in g.lex.particles_before_verb:
                verb += 1
            cue = g.lex.cue(s.norm(verb))
            if g.finite_verb(s, verb) or (cue is not None and cue.tense in ("past", "present")):
                return s.toks[k - 1].end
    return None


def _boundary(g: Grammar, s: SentenceView, i: int, subject: Span) -> int:
    """Where an earlier claim ends: at the subject and the word that links its clause to the one before ("..., but
    the union warned"), or at the comma before the verb when a relative clause or an occasion between them holds
    a claim of its own ("US officials, who first said X, said that Y")."""
    inner = next((k for k in range(i - 1, subject.b - 1, -1) if s.is_comma(k)), None)
    if inner is not None:
        return inner
    a = subject.a
    while a > 0 and (s.norm(a - 1),) in g.lex.clause_links:
        a -= 1
    return a


def _coordinated_subject(g: Grammar, s: SentenceView, i: int, form: CueForm) -> Candidate | None:
    """ "He declared an epidemic and noted that ...": the subject of the clause's first verb says the claim."""
    subject = clause_subject(g, s, i - 1)
    if subject is not None and _thing_that(g, s, subject.span):
        return None  # "The building that caught fire and claimed the lives of ...": a thing's relative clause
    first = claim_opens(g, s, after_verb(form, i), form) if subject is not None else None
    return _claim_after_verb(g, s, i, form, subject, first) if first is not None else None


def _thing_that(g: Grammar, s: SentenceView, span: Span) -> bool:
    """A subject ending in a relative pronoun after a noun that is no source and no name: its verbs are the
    relative clause's, about a thing."""
    last = span.b - 1
    if last <= span.a or s.norm(last) not in g.lex.relatives:
        return False
    return not g.source_word(s.norm(last - 1)) and not s.raw(last - 1)[:1].isupper()


def _infinitive(g: Grammar, s: SentenceView, i: int, form: CueForm, marker: int) -> Candidate | None:
    """ "Watson went on to explain, "We possess ..."", "X is reported to have said that ...": a cue in the
    infinitive (its marker at token ``marker``) speaks for the clause's subject when a quotation or "that" opens its
    claim and no word before it makes it a plan, a wish or a refusal."""
    if any(s.norm(k) in g.lex.unsaid_heads for k in range(max(0, marker - MAX_UNSAID_REACH), marker)):
        return None  # "is expected to say", "refused to confirm": a plan or a refusal, nothing said yet
    subject = clause_subject(g, s, marker)
    first = claim_opens(g, s, after_verb(form, i), form) if subject is not None else None
    if first is None or not (s.quote_at(first) is not None or s.norm(first - 1) in g.lex.complementizers):
        return None
    return _claim_after_verb(g, s, i, form, subject, first)


def _passive(g: Grammar, s: SentenceView, i: int, form: CueForm) -> Candidate | None:
    """ "It was announced by the ministry that ...": an impersonal passive whose agent, after "by", speaks; so does
    the agent of a cue whose object is whom it was said to, whoever that is ("The nurse was told by the judge that
    ...", "Residents were warned by police that ...")."""
    be = i - 1
    while be > 0 and s.norm(be) in g.lex.particles_before_verb:
        be -= 1
    if s.norm(be) not in g.lex.kana or (s.norm(be - 1) not in g.lex.non_sources and not form.addressee):
        return None
    by = i + 1
    if s.norm(by) != g.lex.relay_preposition:
        return None
    end = next(
        (k for k in range(by + 1, len(s)) if not s.toks[k].is_word or s.norm(k) in g.lex.complementizers), len(s)
    )
    if end == by + 1 or s.words(Span(by + 1, end)) > MAX_BEFORE_THAT or s.norm(end) not in g.lex.complementizers:
        return None
    first = claim_opens(g, s, end, form)
    if first is None:
        return None
    return _claim_after_verb(g, s, i, form, Subject(Span(by + 1, end)), first)


def _second_verb(g: Grammar, s: SentenceView, i: int, form: CueForm, last: Candidate, group: int) -> Candidate | None:
    """ "Kirby said ... and said the United States had intelligence ...": a second verb of the same subject
    joined by a conjunction opens a second claim of the same speaker; ``group`` is where its verb group starts
    (``_group_start``), after the conjunction."""
    first = claim_opens(g, s, after_verb(form, i), form)
    if first is None or last.cue_index >= i - 1:
        return None
    claim_start, claim_end, direct = claim_after(g, s, first, first)
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=group - 1,  # the conjunction, before "also" or "has" ("and also said")
        cue=s.raw(i),
        speaker=last.speaker,
        claim_start=claim_start,
        claim_end=claim_end,
        kind=Kind.DIRECT if direct else Kind.INDIRECT,
        # "..., said Domingo, and added that ...": the speaker stands after the first verb, whom it was told to never
        attribution=last.attribution
        if last.speaker is None or last.attribution == Attribution.POST
        else Attribution.SUBJECT_FIRST,
        gender=last.gender or form.gender,
        confidence=0.8,
        via=last.via,
        as_written=last.as_written,
    )


def _body_pronoun_after_claim(g: Grammar, s: SentenceView, i: int) -> Subject | None:
    """ "The company is contacting customers, it said.": "it" alone between the claim's comma and the verb speaks for
    the body that spoke last (speakers.strategies.body_pronoun), though it is no source anywhere else."""
    if i > 1 and s.norm(i - 1) in g.lex.body_pronouns and s.is_comma(i - 2):
        return Subject(Span(i - 1, i))
    return None


def _said_as_it_did(g: Grammar, s: SentenceView, j: int, subject: Span) -> bool:
    """ "..., the minister said while addressing a fishing event", "..., he said adducing the action by the navy":
    a subject after its claim's comma, and after the verb a subordinator or a participle before its object, which
    say what the speaker did as he said it; the claim is the clause before, which has a verb of its own (not
    "Speaking at a briefing on Thursday, the minister said if ...")."""
    if subject.a == 0 or not s.is_comma(subject.a - 1) or j >= len(s):
        return False
    if not any(g.finite_verb(s, k) for k in range(subject.a - 1)):
        return False
    return s.norm(j) in g.lex.subordinators or _doing(g, s, j)


def _doing(g: Grammar, s: SentenceView, j: int) -> bool:
    """A participle in lower case before an article ("adducing the action"): what was done, not a claim's subject."""
    # "during", "following": prepositions spelt like participles, which say when, not what the speaker did
    preposition = s.norm(j) in g.lex.occasion_prepositions or s.phrase_at(j, g.lex.chunk_prepositions, False)
    participle = s.raw(j)[:1].islower() and s.norm(j).endswith(g.lex.participle_endings) and not preposition
    return participle and j + 1 < len(s) and s.norm(j + 1) in g.lex.articles


def _subordinator(g: Grammar, s: SentenceView, a: int, b: int) -> int | None:
    """The first subordinator ("when", "while", "after") among tokens a..b, if any."""
    return next((k for k in range(a, b) if s.norm(k) in g.lex.subordinators), None)


def _body_pronoun_opening(g: Grammar, s: SentenceView, i: int) -> Subject | None:
    """ "It added that repairs would take a week.", "It also noted that ...": "it" opening the sentence before the
    verb, or before the particles that may stand before a verb, speaks for the body that spoke last, as after a
    claim's comma (``_body_pronoun_after_claim``)."""
    if particles_start(g, s, i) == 1 and s.norm(0) in g.lex.body_pronouns:
        return Subject(Span(0, 1))
    return None


def _claim_before_subject(
    g: Grammar, s: SentenceView, i: int, form: CueForm, subject: Span, found: list[Candidate]
) -> Candidate | None:
    """ "Under the deals, Russia would receive arms, Kirby said.", '"...," Damian Williams, U.S. Attorney, said in
    a statement.': the subject follows the claim's comma and only where, when or to whom follows the verb."""
    if subject.a == 0 or not s.comma_before(subject.a):
        return None
    j = after_verb(form, i)
    end = clause_end(s, j)
    # "told reporters here when asked if ...": what a subordinator opens says when, however long
    cut = j if _doing(g, s, j) else _subordinator(g, s, j, end)
    tail = Span(j, end if cut is None else cut)
    preposition = s.norm(j) in g.lex.object_prepositions or s.phrase_at(j, g.lex.chunk_prepositions, False)
    long_tail = s.words(tail) > MAX_TAIL and not preposition
    if long_tail or open_claim(s, subject.a, found):
        return None  # a tail of where, when or of whom ("said of the man who ...") may be long
    if found and found[-1].attribution == Attribution.POST:
        return None  # "..., the UN announced today, AFP reported": what stands between is the tail of the first
    start = 0
    if found:
        last = found[-1]
        start = s.index_at(last.claim_end) if last.claim_end is not None else last.cue_index + 1
    claim = _claim_around(g, s, after_verb(form, i), start, subject) or claim_before(g, s, start, subject.a)
    if claim is None or _only_circumstance(g, s, Span(s.index_at(claim[0]), subject.a)):
        return None
    pronoun = g.pronoun_subject(s, subject)
    return Candidate(
        rule=NAME,
        cue_index=i,
        boundary=s.index_at(claim[0]),
        cue=s.raw(i),
        speaker=None if pronoun is not None else subject,
        claim_start=claim[0],
        claim_end=claim[1],
        kind=claim[2],
        attribution=Attribution.CONTINUATION if pronoun is not None else Attribution.POST,
        gender=pronoun or form.gender,
        confidence=0.8 if pronoun is None else 0.7,
        cut_at_next=False,
    )


def _only_circumstance(g: Grammar, s: SentenceView, words: Span) -> bool:
    """Words before a subject that say only when or where, with no verb of their own ("During the campaign, Trump
    promised to ..."), or a participle's phrase of the occasion whatever it holds ("Speaking after the storm had
    passed, ..."): no claim."""
    if s.norm(words.a) in g.lex.occasion_participles:
        return True
    return g.opens_occasion(s, words) and not any(g.finite_verb(s, k) for k in range(words.a, words.b))


def _claim_around(g: Grammar, s: SentenceView, j: int, start: int, subject: Span) -> tuple[int, int, Kind] | None:
    """ "The talks, Kirby said, are advancing": the subject and verb set off by commas inside a claim whose first
    part has no verb of its own; the claim is the whole clause around them."""
    a = g.skip_leading(s, start, subject.a)
    after, comma = _past_adverbials(g, s, j)
    if not comma or after >= len(s) or not s.toks[after].is_word or a >= subject.a - 1:
        return None
    if s.norm(a) in g.lex.subordinators and any(g.finite_verb(s, k) for k in range(after, len(s))):
        # "If inflation rises, he said, he would tighten policy": the condition and the clause it governs
        end = next((k for k in range(len(s) - 1, after - 1, -1) if s.toks[k].is_word or s.quoted[k]), after)
        return s.toks[a].start, s.toks[end].end, Kind.INDIRECT
    if g.opens_occasion(s, Span(after, after + 1)) or s.quote_at(a) is not None:
        return None
    verb = after
    while verb < len(s) and s.norm(verb) in g.lex.particles_before_verb:
        verb += 1
    if any(g.finite_verb(s, k) for k in range(a, subject.a)):
        if s.norm(a) not in g.lex.subject_clauses or not g.finite_verb(s, verb):
            return None  # "What is needed, she said, is ...": a subject clause before its verb
    elif not g.finite_verb(s, verb):
        return None  # the clause after goes on with its verb ("are advancing"), not a clause of its own
    end = next((k for k in range(len(s) - 1, after - 1, -1) if s.toks[k].is_word or s.quoted[k]), None)
    if end is None:
        return None
    return s.toks[a].start, s.toks[end].end, Kind.INDIRECT


def _told_to(g: Grammar, s: SentenceView, a: int, b: int, timed: bool = True) -> bool:
    """Whether words a..b between a verb and its "that" say to whom, where or when it was said: they open with a
    preposition ("to Russian media") or hold an addressee, an occasion or a time word ("a press briefing", "the
    Anadolu news agency", "this week"; a time only when ``timed``: "a second patient died Tuesday" is a claim).
    Otherwise the "that" may be a relative pronoun inside the claim ("said the deal that ...")."""
    if not _plain(s, a, b):
        return False
    words = [s.norm(k) for k in range(a, b)]
    lex = g.lex
    if any(w in lex.auxiliaries or lex.saying_verb(w) for w in words):
        return False  # "said the bridge will reopen on Monday and warned that": a clause, then the next verb's "that"
    # "argued before U.S. District Judge Ann Lee that": a preposition before a name; "cautioned against a major
    # influx ... that could": a noun's relative clause
    named = s.phrase_at(a, lex.chunk_prepositions, allow_conj=False) and any(
        s.raw(k)[:1].isupper() for k in range(a + 1, b)
    )
    return (
        words[0] in lex.object_prepositions
        or bool(named)
        or any(
            w in lex.addressee_nouns or w in lex.occasion_nouns or (timed and (w in lex.days or w in lex.time_words))
            for w in words
        )
    )


def _past_opener(g: Grammar, s: SentenceView, j: int) -> tuple[int, bool]:
    """The token after a claim's opener at j (a "that", a colon) and True; j and False with none there. A "that"
    before its verb is the claim's own subject ("said that was a mistake"), and the claim opens on it."""
    if s.raw(j) == ":":
        return j + 1, True
    if s.norm(j) not in g.lex.complementizers:
        return j, False
    return (j, True) if relative_that(g, s, j) else (j + 1, True)


def _that_after_whom(g: Grammar, s: SentenceView, j: int, form: CueForm) -> int | None:
    """The "that" after whom, where or when a verb at j - 1 was said, if one is there and no verb follows it (a
    relative clause's: "said in a statement that was released ...")."""
    reach = range(j, min(len(s), j + MAX_BEFORE_THAT_TOKENS))
    that = next((k for k in reach if s.norm(k) in g.lex.complementizers), None)
    if that is None or that <= j or relative_that(g, s, that):
        return None
    return that if _told_to(g, s, j, that) or _told_whom(g, s, j, that, form) else None


def _told_whom(g: Grammar, s: SentenceView, a: int, b: int, form: CueForm) -> bool:
    """Whether words a..b between a verb of telling and its "that" are whom it told: words, no verb among them
    ("told reporters the plan was ... and that": a first clause, then the second one's "that")."""
    return form.addressee and _plain(s, a, b) and not any(s.norm(k) in g.lex.auxiliaries for k in range(a, b))


def _plain(s: SentenceView, a: int, b: int) -> bool:
    """Whether tokens a..b are words outside a quotation (a glued mark, "Morocco's", or an abbreviation's point,
    "U.S.", counts as a word)."""
    return a < b and all(in_phrase(s, k) and not s.quoted[k] for k in range(a, b))


def _past_adverbials(g: Grammar, s: SentenceView, j: int) -> tuple[int, bool]:
    """The first token after when, where and to whom a verb was said ("told reporters on Monday"), and whether a
    comma was passed."""
    lex = g.lex
    comma = False
    while j < len(s):
        phrase = s.phrase_at(j, lex.adverbial_openers, allow_conj=False) or _occasion_phrase(g, s, j)
        if phrase:
            j += phrase
        elif s.norm(j) in lex.addressee_nouns or s.norm(j) in lex.days or s.norm(j) in lex.time_words:
            j += 1
        elif date := _date(g, s, j):
            j += date  # "announced Thursday, June 19, that", "said in May 2023 it received"
        elif _describes_occasion(g, s, j):
            j += 1
        elif s.is_comma(j):
            comma = True
            j += 1
        elif s.raw(j) == "(" and (close := next((k for k in range(j, len(s)) if s.raw(k) == ")"), None)):
            j = close + 1  # "(Sept 12)"
        else:
            break
    return j, comma


def _date(g: Grammar, s: SentenceView, j: int) -> int:
    """The length of a date at token j ("June 19", "in May 2023", "on 19 June"): a month's name and a number, after a
    preposition of time or not; 0 for anything else (a month's name alone may be a verb's: "may")."""
    k = j + 1 if s.norm(j) in g.lex.time_prepositions else j
    words = []
    while k < len(s) and (s.norm(k).isdigit() or s.norm(k) in g.lex.months):
        words.append(s.norm(k))
        k += 1
    dated = any(w in g.lex.months for w in words) and any(w.isdigit() for w in words)
    return k - j if dated else 0


def _describes_occasion(g: Grammar, s: SentenceView, j: int) -> bool:
    """ "in a statement posted on X", "released by the club", "issued last night": a past form right after the
    occasion's noun, before a preposition, a time or the sentence's end, describes the occasion; it opens no claim."""
    if not (j > 0 and s.norm(j - 1) in g.lex.occasion_nouns and g.finite_verb(s, j)):
        return False
    timed = j + 1 < len(s) and (g.is_adverbial(s, j + 1) or s.norm(j + 1) in g.lex.days)
    return modifies_noun(g, s, j) or timed or j + 1 >= len(s) or not s.toks[j + 1].is_word


def _occasion_phrase(g: Grammar, s: SentenceView, j: int) -> int:
    """The length of a preposition's phrase up to the next comma, quotation or "that" that says to whom, where or
    when ("to the media", "in an interview with AFP", "in Geneva via video link"); 0 when it says something else."""
    if s.norm(j) not in g.lex.object_prepositions and s.norm(j) not in g.lex.occasion_prepositions:
        return 0
    if long := _long_occasion(g, s, j):
        return long
    end = j + 1
    while end < len(s) and s.toks[end].is_word and not s.quoted[end] and s.norm(end) not in g.lex.complementizers:
        end += 1
    stops = end >= len(s) or not s.toks[end].is_word or s.norm(end) in g.lex.complementizers
    if end - j > MAX_BEFORE_THAT + 2 or not stops:
        return _occasion_before_clause(g, s, j)
    return end - j if _told_to(g, s, j + 1, end) or _quotation_after_comma(s, end) else 0


def _long_occasion(g: Grammar, s: SentenceView, j: int) -> int:
    """The length of a phrase of the occasion however long, up to a "that" no verb follows ("said during the more
    than 10-hour reading of the verdict that ..."): a preposition of the occasion, then words with no verb, comma or
    quotation among them; 0 otherwise ("said in a statement that was released ...": a relative clause)."""
    if s.norm(j) not in g.lex.occasion_prepositions:
        return 0
    end = j + 1
    while end < min(len(s), j + MAX_OCCASION_TOKENS) and in_phrase(s, end) and not s.quoted[end]:
        if s.norm(end) in g.lex.complementizers:
            return end - j if not relative_that(g, s, end) else 0
        if g.finite_verb(s, end) or g.lex.cue(s.norm(end)):
            return 0
        end += 1
    return 0


def _quotation_after_comma(s: SentenceView, k: int) -> bool:
    """Whether a comma at k opens a quotation ("said in his view, "...""): the phrase before it says how it was said."""
    return k + 1 < len(s) and s.is_comma(k) and (s.quote_at(k + 1) is not None or s.raw(k + 1) in OPENERS)


def _occasion_before_clause(g: Grammar, s: SentenceView, j: int) -> int:
    """ "during the update most Kiwis are complying": a preposition, a few words up to an occasion's noun, then a
    clause with its own verb: the occasion's length; 0 otherwise."""
    for k in range(j + 1, min(len(s), j + MAX_OCCASION_WORDS + 1)):
        if not s.toks[k].is_word or s.quoted[k]:
            return 0
        if s.norm(k) in g.lex.occasion_nouns:
            while k + 1 < len(s) and s.norm(k + 1) in g.lex.occasion_nouns:
                k += 1  # "in a video statement"
            if k + 1 >= len(s) or g.finite_verb(s, k + 1):
                return 0  # "in a video statement released by the club": the occasion goes on, no clause follows
            reach = range(k + 2, min(len(s), k + 2 + MAX_SUBJECT_REACH))
            return k + 1 - j if any(g.finite_verb(s, v) for v in reach) else 0
    return 0


def claim_opens(g: Grammar, s: SentenceView, j: int, form: CueForm, leading: bool = False) -> int | None:
    """The claim's first token after the verb: past whom it was told to and when or where ("told reporters on
    Monday that"), past the complementizer; None when a preposition or too few words follow, or a comma and then
    no quotation (", ahead of a visit") unless, for a cue whose subject no comma precedes (``leading``), a clause of
    its own ("told journalists yesterday, the increase was ..."; in "When ..., the engineer said, the gates will
    close" the cue is an aside). A weak verb ("announced", "confirmed") takes a claim without "that" only when it is
    a clause with its own verb, not a noun phrase ("announced his decision")."""
    lex = g.lex
    framed = _framed_after_object(g, s, j, form)
    if framed is not None:
        return framed  # "accused ministers of rushing the bill": whom, then the verb's own preposition
    colon = _colon_after_circumstance(g, s, j, form)
    if colon is not None:
        j = colon  # "said to the packed courtroom: "...", "told the jury: "..."
    elif (that := _that_after_whom(g, s, j, form)) is not None:
        j = that  # "told a press briefing that", "confirmed to Russian media that"
    elif form.addressee and (clause := clause_opening(g, s, j, MAX_TOLD_CLAUSE)) is not None and _plain(s, j, clause):
        j = clause  # "told the newspaper the plan had failed": whom it was told to, then the claim's own clause
    after, comma = _past_adverbials(g, s, j)
    if after > j and relative_that(g, s, after):
        return None  # "said in a statement that was released ...": the occasion's relative clause, no claim
    j = after
    if not comma and s.norm(j) in form.frame and s.words(Span(j + 1, clause_end(s, j + 1))) >= MIN_POST_CLAIM_WORDS:
        # "warned of a humanitarian catastrophe": the verb's own preposition frames its claim, which has words enough
        # before its clause ends ("vowed to act, tweeting ...": no claim of its own)
        return j + 1
    j, opener = _past_opener(g, s, j)
    if j >= len(s):
        return None
    if not opener and _phrase_then_clause(g, s, j):
        return j  # "said with a second shooting this week, he is afraid ...": the claim opens with its circumstance
    if (
        not opener
        and not quantity_at(g, s, j)
        and (
            s.norm(j) in lex.object_prepositions
            or s.norm(j) in lex.empty_objects  # "said nothing about ..."
            or s.phrase_at(j, lex.chunk_prepositions, allow_conj=False)
        )
    ):
        return None
    quoted = s.quote_at(j) is not None or s.raw(j) in OPENERS or s.raw(j) in SYMMETRIC  # closed or not
    if comma and not (quoted or opener or (leading and clause_opening(g, s, j - 1, MAX_TOLD_CLAUSE) == j)):
        return None
    end = clause_end(s, j)
    while end > j and not s.toks[end - 1].is_word:
        end -= 1  # the sentence's full stop
    verb = any(g.finite_verb(s, k) for k in range(j, end))
    told = not (quoted or opener or verb or form.noun_claim) and end - j <= MAX_BEFORE_THAT + 2
    if told and _told_to(g, s, j, end, timed=False):
        return None  # "told a press conference.", "told the Pod Save the World podcast": to whom, not what
    if not quoted and s.words(Span(j, len(s))) < MIN_POST_CLAIM_WORDS:
        return None
    if quoted or opener:
        return j
    return j if _unmarked_claim(g, s, j, form) else None


def _unmarked_claim(g: Grammar, s: SentenceView, j: int, form: CueForm) -> bool:
    """Whether words after the verb with no "that" or quotation are its claim: a weak verb's only as a clause of its
    own, a noun for a verb whose noun object is a claim, or one with the subject's possessive for a verb whose owned
    object is (``owned_object``); never "as" after one ("the man, described as a former soldier, ...": a passive
    participle, with no object to claim)."""
    if form.noun_claim:
        return quantity_at(g, s, j) or s.norm(j) not in g.lex.circumstantial
    if form.owned_object and _owned_act(g, s, j):
        return True
    return not form.weak or _reported_clause(g, s, j) or (form.count_object and _count(g, s, j))


def _owned_act(g: Grammar, s: SentenceView, j: int) -> bool:
    """ "announced his resignation on Friday", "his decision to sign with ...": the subject's own act, as the Arabic
    "أعلن استقالته"; not a bare noun before "and" or the clause's end ("announced his decision and left")."""
    if s.norm(j) not in g.lex.possessive_pronouns:
        return False
    k = j + 1
    while k < len(s) and s.toks[k].is_word and s.norm(k) not in g.lex.clause_conjunctions:
        k += 1
    return k - j >= MIN_POST_CLAIM_WORDS


def _framed_after_object(g: Grammar, s: SentenceView, j: int, form: CueForm) -> int | None:
    """The claim after the verb's own preposition when its object, whom it concerns, stands between ("accused the
    company of breaking the deal"): the first word after that preposition; None for other verbs or shapes."""
    if not (form.addressee and form.frame):
        return None
    k = next((k for k in range(j + 1, min(len(s), j + MAX_BEFORE_THAT_TOKENS)) if s.norm(k) in form.frame), None)
    if k is None or not _plain(s, j, k) or any(g.finite_verb(s, m) for m in range(j, k)):
        return None
    return k + 1 if s.words(Span(k + 1, len(s))) >= MIN_POST_CLAIM_WORDS else None


def _colon_after_circumstance(g: Grammar, s: SentenceView, j: int, form: CueForm) -> int | None:
    """The colon that opens a quotation after a verb once a phrase says to whom or where it was said, whatever its
    nouns ("said to the packed courtroom:", "said in court:", "told the jury:"): a preposition's phrase, or any
    noun phrase after a verb whose object is its addressee, with no verb or quotation of its own."""
    colon = next((k for k in range(j, min(len(s), j + MAX_BEFORE_THAT_TOKENS)) if s.raw(k) == ":"), None)
    # a past participle may describe ("the packed courtroom"); an auxiliary opens a clause of its own
    if (
        colon is None
        or colon == j
        or not _plain(s, j, colon)
        or any(s.norm(k) in g.lex.auxiliaries for k in range(j, colon))
    ):
        return None
    after = colon + 1
    quotation = after >= len(s) or s.quote_at(after) is not None or s.raw(after) in OPENERS or s.raw(after) in SYMMETRIC
    prepositional = s.norm(j) in g.lex.object_prepositions or s.phrase_at(j, g.lex.chunk_prepositions, False)
    return colon if quotation and (prepositional or form.addressee) else None


def _phrase_then_clause(g: Grammar, s: SentenceView, j: int) -> bool:
    """Whether a preposition's phrase right after the verb runs to a comma and a clause with a subject and verb of
    its own follows ("said with a second shooting this week, he is afraid they could ..."): the phrase says under
    what circumstance the claim holds, not to whom or where it was said."""
    if not s.phrase_at(j, g.lex.chunk_prepositions, allow_conj=False):
        return False
    comma = next((k for k in range(j + 1, min(len(s), j + MAX_BEFORE_THAT_TOKENS + 4)) if s.is_comma(k)), None)
    if comma is None or not _plain(s, j, comma) or any(s.norm(k) in g.lex.auxiliaries for k in range(j, comma)):
        return False
    subject = comma + 1
    if subject >= len(s) or not (
        s.norm(subject) in g.lex.subject_pronouns
        or _opens_subject(g, s, subject)
        or _capitalised(g, s, subject)
        or (s.toks[subject].is_word and s.norm(subject + 1) in g.lex.auxiliaries)  # "forces will be mobilised"
    ):
        return False
    return any(g.finite_verb(s, k) for k in range(subject + 1, min(len(s), subject + MAX_SUBJECT_REACH)))


def _capitalised(g: Grammar, s: SentenceView, k: int) -> bool:
    """A name in a script with capitals ("MOH is deeply concerned"), not the capital a sentence opens with."""
    return g.lex.modifiers_first and s.toks[k].is_word and s.raw(k)[:1].isupper()


def _opens_subject(g: Grammar, s: SentenceView, k: int) -> bool:
    n = s.norm(k)
    return n in g.lex.definite_articles or n in g.lex.demonstratives or n in g.lex.determiners


def _count(g: Grammar, s: SentenceView, j: int) -> bool:
    """Whether the words at token j count things ("48,584 dengue cases", "at least four aftershocks"), a figure with
    or without a phrase of quantity before it; not a length of time ("more than 24 hours after the disaster": when
    it was reported)."""
    k = j + (s.phrase_at(j, g.lex.quantity_phrases, allow_conj=False) or 0)
    return figure(g, s, k) and s.norm(k + 1) not in claim_language(g.lex.language).durations


def _reported_clause(g: Grammar, s: SentenceView, j: int) -> bool:
    """Whether what follows a verb is a clause (a verb of its own, a "that" or a quotation before the next comma or
    subordinate clause) rather than the verb's noun object."""
    if any(s.norm(k) in g.lex.feelings for k in range(j, min(len(s), j + MAX_FEELING_AT))):
        return True  # "expressed his concern about ...": a feeling's object is the claim
    for k in range(j, clause_end(s, j)):
        if g.finite_verb(s, k) or s.norm(k) in g.lex.complementizers or s.quote_at(k) is not None:
            return True
        if s.norm(k) in g.lex.clause_conjunctions and not g.finite_verb(s, k + 1):
            continue  # "reported immigration and baggage services were ...": and joins two nouns of one subject
        if k > j and (s.norm(k) in g.lex.clause_openers or s.norm(k) in g.lex.relatives or g.lex.cue(s.norm(k))):
            return False  # "conveyed the stance when asked about ...": the object ends where a clause of its own opens
    return False
