"""One article's statements: the sentence rules run over every sentence, then the article-level stages.

``STAGES`` is the order; each stage reads and writes fields of one ``Draft``.
"""

from __future__ import annotations

from functools import cache

from .. import lexicon
from ..lang.text import PUNCTUATION
from ..lexicon import PLURAL
from ..models import Article, Sentence, Statement, Story
from ..sentences import OPENERS, SYMMETRIC, line_is_title, split
from .candidate import MARKERS, Attribution, Candidate
from .credits import claim_credited
from .doc import NEXT_LINE, PREVIOUS_SENTENCE, SentenceView
from .document import claim_document, find_document
from .draft import Claimed, Draft
from .grammar import Grammar
from .interview import claim_interview, find_interview
from .introduced import claim_introductions, find_introductions
from .lists import find_lists, past_mark
from .mentions import find_mentions
from .polarity import mark_polarity
from .quotations import carry_quotations, open_paragraphs
from .topics import claim_after_topics
from .rules import RULES, headline
from .rules.cited import cited_sources
from .rules.reported import reported_sources
from .spans import claim_spans
from .split import split_claims
from .transcript import claim_turns, find_turns


def find_claims(d: Draft) -> None:
    """Reads sentences; writes ``claimed``: every rule's candidates with their claim spans, in text order.

    A cue that ends its line with a colon ("وقال الوزير:") takes the next sentence as its claim, and, when that
    sentence opens no quotation, every sentence of its paragraph with no cue of its own (the words the colon
    announced, unquoted, one claim a sentence); a title line with no other statement may be a headline ("الوزير:
    ...")."""
    pending: list[tuple[SentenceView, Candidate]] = []
    announced: list[tuple[SentenceView, Candidate]] = []  # the colon's cues, while their paragraph goes on
    paragraph_end = -1
    unread = d.unread()
    previous: Sentence | None = None
    for sentence in d.sentences:
        s = SentenceView(d.text, sentence, d.grammar.lex, unread)
        span = _next_line_claim(d.text, sentence) if pending or sentence.start < paragraph_end else None
        found = sentence_candidates(d.grammar, s)
        if pending and span:
            announced = [] if d.text[sentence.start] in OPENERS or d.text[sentence.start] in SYMMETRIC else pending
            paragraph_end = _line_end(d.text, sentence.start)
        elif found or sentence.start >= paragraph_end or not span:
            announced, paragraph_end, span = [], -1, None
        finished = [Claimed(view, f, *span) for view, f in (pending or announced)] if span else []
        if (
            not found
            and not finished
            and not any(p.holds(sentence) for p in d.passages)
            and line_is_title(d.text, sentence)
        ):
            found = [head] if (head := headline.find(d.grammar, s)) is not None else []
        pending = [(s, f) for f in found if f.claim_start == NEXT_LINE]
        back = _previous_claim(d, previous, [f for f in found if f.claim_start == PREVIOUS_SENTENCE])
        found = [f for f in found if f.claim_start not in (NEXT_LINE, PREVIOUS_SENTENCE)]
        d.claimed += finished + [Claimed(s, f, *span) for f, span in back]
        d.claimed += [Claimed(s, f, start, end) for f, start, end in claim_spans(d.grammar, s, found)]
        previous = sentence


def _previous_claim(
    d: Draft, previous: Sentence | None, back: list[Candidate]
) -> list[tuple[Candidate, tuple[int, int]]]:
    """ "كشف ذلك الوزير": the sentence before is the claim, when no statement has claimed any of it."""
    if not back or previous is None or any(c.start < previous.end and previous.start < c.end for c in d.claimed):
        return []
    span = _next_line_claim(d.text, previous)
    return [(back[0], span)] if span else []


def sentence_candidates(g: Grammar, s: SentenceView) -> list[Candidate]:
    """The first rule that fires at each token outside a quotation; the scan resumes after its cue, or, for a source
    a preposition puts before its claim, after the claim's opening: a verb between them is the source's (the clause
    describing an unnamed source, "بحسب مسؤول أكد لصحيفة محلية، فإن ..."), not another statement's cue."""
    found: list[Candidate] = []
    i = 0
    while i < len(s):
        if s.quoted[i]:
            i += 1
            continue
        hit = next((c for rule in RULES if (c := rule.find(g, s, i, found)) is not None), None)
        if hit is None:
            i += 1
            continue
        if hit.speaker is not None or hit.attribution in _SPEAKERLESS:
            found.append(hit)
        i = max(i + 1, hit.cue_index + 1, _claim_opening(s, hit))
    return cited_sources(g, s, reported_sources(g, s, found))


def _claim_opening(s: SentenceView, hit: Candidate) -> int:
    """The token opening the claim of a source put before it by a preposition, or of a cue whose speaker an aside
    describes ("وأضاف المدير، الذي كان يتحدث من مكان الحادث، إن": the aside's verb is no second cue), else 0."""
    if hit.claim_end is not None and hit.claim_end <= hit.claim_start:
        return 0  # a marker ("، كما أكد"): what it attributes came before it
    opening = s.index_at(hit.claim_start)
    return opening if opening > hit.cue_index else 0


# Candidates kept without a speaker phrase: a later stage finds their speaker, or they only mark a boundary.
_SPEAKERLESS = frozenset({Attribution.CONTINUATION, Attribution.PARTICIPLE, *MARKERS})


def build_statements(d: Draft) -> None:
    """Reads ``claimed``; writes ``statements``, leaving out markers (impersonal cues, relaying outlets)."""
    for c in d.claimed:
        if c.candidate.attribution in MARKERS:
            continue
        f, s = c.candidate, c.view
        as_written = f.as_written if f.as_written is not None else (s.span_text(f.speaker) if f.speaker else "")
        st = Statement(
            speaker_as_written=as_written,
            cue=f.cue,
            kind=f.kind,
            text=d.text[c.start : c.end],
            char_start=c.start,
            char_end=c.end,
            via=" > ".join(s.span_text(v) for v in f.via) if f.via else None,
            sentence=s.sentence.index,
            confidence=f.confidence,
            gender=f.gender or None,
            story=d.story,
            attribution=f.attribution,
            cue_start=s.toks[f.cue_index].start if f.cue_index < len(s) else None,
            part=c.part,
            trace=[_fired(d.grammar, s, f), *c.trace],
        )
        d.statements.append(st)


def _fired(g: Grammar, s: SentenceView, f: Candidate) -> str:
    """The rule that found a candidate and the cue entry of the data that fired in it."""
    form = g.lex.cue(s.norm(f.cue_index)) if f.cue_index < len(s) else None
    entry = f" ({form.tense} of {form.lemma!r} in cues.toml)" if form is not None else ""
    return f"rule {f.rule or f.attribution}: cue {f.cue!r}{entry}, attribution {f.attribution}"


def resolve_continuations(d: Draft) -> None:
    """Reads and writes ``statements``: a statement with no speaker phrase takes its antecedent's speaker.

    A participle ("...، مؤكداً أن") continues the statement before it in its sentence; a subject-less verb
    ("وأضاف", "وتابعت") the latest explicit speaker of its grammatical gender, or a person a sentence named after
    that speaker (``mentions``: 'Lina Hart, the mayor, visited ... "...," she said.'). With none before it, the
    first named after it when the pack says pronouns may point forward (an excerpt that starts below its headline),
    else a person a sentence before named by a title alone (``titled``: "The judge handed her ... He said: ...");
    else it is dropped."""
    kept: list[Statement] = []
    history: list[Statement] = []
    mentions = iter(d.mentions)
    mention = next(mentions, None)
    for st in d.statements:
        # A person named before the statement, in an earlier sentence or earlier in its own
        while mention is not None and (
            mention[0] < st.sentence or mention[0] == st.sentence and mention[2] <= st.char_start
        ):
            history.append(_named(*mention[:2]))
            mention = next(mentions, None)
        if st.speaker_as_written:
            history.append(st)
        elif st.attribution == Attribution.PARTICIPLE:
            prev = next((x for x in reversed(kept) if x.sentence == st.sentence), None)
            if prev is None:
                continue
            _inherit(st, prev)
            st.gender = st.gender or prev.gender
            st.trace.append(f"resolve_continuations: the participle continues {prev.speaker_as_written!r}")
        else:
            prev = _antecedent(history, st.gender or "")
            if prev is None and not history and d.grammar.lex.forward_pronouns:
                prev = _named_later(d, st)
            if prev is None and not history:
                prev = _titled_before(d, st)
            if prev is None:
                continue
            _inherit(st, prev)
            last = "person named" if prev.kind == _MENTION else "speaker"
            where = "after it, none before" if prev.sentence > st.sentence else "last"
            st.trace.append(f"resolve_continuations: no subject, so the {where} {last} {prev.speaker_as_written!r}")
        kept.append(st)
    d.statements = kept


STAGES = [
    find_turns,
    open_paragraphs,
    find_introductions,
    find_lists,
    find_document,
    find_interview,
    find_claims,
    claim_turns,
    claim_introductions,
    claim_document,
    claim_interview,
    claim_after_topics,
    carry_quotations,
    claim_credited,
    find_mentions,
    split_claims,
    build_statements,
    resolve_continuations,
    mark_polarity,
]


def extract_sentences(text: str, sentences: list[Sentence], language: str, story: int = 1) -> list[Statement]:
    """Statements in the given sentences of ``text``, every stage run in order."""
    draft = Draft(text=text, sentences=sentences, grammar=grammar(language), story=story)
    for stage in STAGES:
        stage(draft)
    return draft.statements


def extract_article(article: Article) -> list[Statement]:
    """Statements of every story in an article, skipping its boilerplate lines and topic headlines."""
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
    g = grammar(article.language)
    return [st for st in out if st.attribution != Attribution.HEADLINE or headline.is_speaker(g, st, out)]


# What a claim announced at a line's end is trimmed of at its end: commas, colons, sentence ends.
_LINE_CLAIM_TRIM = PUNCTUATION["leading_trim"] + PUNCTUATION["claim_enders"]


@cache
def grammar(language: str) -> Grammar:
    return Grammar(lexicon.load(language))


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _next_line_claim(text: str, sentence: Sentence) -> tuple[int, int] | None:
    """The claim a line-ending colon announced: this sentence, without its quotation marks."""
    start, end = sentence.start, sentence.end
    while end > start and text[end - 1] in _LINE_CLAIM_TRIM:
        end -= 1
    start = past_mark(text, start, end)  # "• We played well": a list's item
    if end - start >= 2 and text[start] in OPENERS and text[end - 1] == OPENERS[text[start]]:
        start, end = start + 1, end - 1
    elif text[start] in OPENERS or text[start] in SYMMETRIC:
        start += 1
    if end - start >= 2 and text[end - 1] in SYMMETRIC and text[end - 1] not in text[start : end - 1]:
        end -= 1  # '"...."' with its opener taken off above: the closing mark goes too
        while end > start and text[end - 1] in _LINE_CLAIM_TRIM:
            end -= 1
    return (start, end) if end - start >= 3 else None


# The kind of the stand-in statement for a person named in a sentence without a statement of its own.
_MENTION = "mention"


def _named(sentence: int, as_written: str) -> Statement:
    return Statement(as_written, cue="", kind=_MENTION, text="", char_start=0, char_end=0, sentence=sentence)


def _inherit(st: Statement, prev: Statement) -> None:
    st.speaker_as_written = prev.speaker_as_written
    st.role_as_written = prev.role_as_written
    st.speaker = prev.speaker
    if st.via is None:
        st.via = prev.via


def _titled_before(d: Draft, st: Statement) -> Statement | None:
    """The last person named by a title alone before a pronoun that has no other antecedent ("The judge handed her a
    whole-life order. ... he said: ..."): resolved as that title is."""
    before = [(k, name) for k, name, end in d.titled if k < st.sentence or k == st.sentence and end <= st.char_start]
    return _named(*before[-1]) if before else None


def _named_later(d: Draft, st: Statement) -> Statement | None:
    """The first speaker or person named after a pronoun that opens the story: an excerpt cut below its headline
    ('"...," she said.' before 'Coel continued: ...') names its speaker later."""
    named = [(x.sentence, x) for x in d.statements if x.speaker_as_written and x.sentence > st.sentence]
    named += [(k, _named(k, name)) for k, name, _ in d.mentions if k > st.sentence]
    return min(named, key=lambda pair: pair[0])[1] if named else None


def _antecedent(history: list[Statement], gender: str) -> Statement | None:
    """The latest explicit speaker a subject-less cue can refer to: same grammatical gender when it tells; never
    one person a sentence named for a plural ("they")."""
    plural = gender == PLURAL
    for st in reversed(history):
        if plural and st.kind == _MENTION:
            continue
        if not gender or not st.gender or st.gender == gender:
            return st
    if plural:
        return next((st for st in reversed(history) if st.kind != _MENTION), None)
    return history[-1] if history else None
