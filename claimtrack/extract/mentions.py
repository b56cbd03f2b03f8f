"""People a pronoun can point back to: a person a sentence that made no statement names with a title.

'Lina Hart, the city's mayor, visited the shelter. "...," she said.': "she" is Hart, not whoever spoke last. A
mention is the subject of such a sentence (its first or second comma-separated chunk): a run of capitalised
words that a title introduces ("Mayor Lina Hart visited ...") or that an apposition with a title follows ("Lina
Hart, the city's mayor, ..."). Where the verb comes first and no capital marks a name, it is the subject after the
sentence's opening verb when a person's title opens it and a name follows ("عقد المدرب ... فلان الفلاني مؤتمرا").

A sentence whose only claims are a pronoun's ("Ann Lee thanked the families, who she said had asked ...") names
its person before them too.

``find_mentions`` reads ``sentences`` and ``claimed``; writes ``mentions``: (sentence index, name as written, where
the name ends), which ``resolve_continuations`` weighs with the speakers of statements, and ``titled``, the same for
a person a title alone names ("The judge handed her a whole-life order."), whom a pronoun means only when nothing
else before it could be meant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .doc import SentenceView, Span
from .grammar import Grammar, past_dateline
from .speaker_phrase import opening_verb_subject

if TYPE_CHECKING:
    from .draft import Draft

MIN_NAME_WORDS = 2  # a first name and a family name
MAX_MODIFIERS = 2  # words before a lower-case title that say which or whose ("Danish", "Hollywood")


def find_mentions(d: Draft) -> None:
    if not d.grammar.lex.named_mentions:
        return
    spoken: set[int] = set()
    first_claim: dict[int, int] = {}
    for c in d.claimed:
        k = d.sentence_at(c.start).index
        first_claim[k] = min(first_claim.get(k, c.start), c.start)
        if c.candidate.speaker is not None:
            spoken.add(k)
    unread = d.unread()
    for sentence in d.sentences:
        if sentence.index in spoken:
            continue
        s = SentenceView(d.text, sentence, d.grammar.lex, unread)
        name = _subject(d.grammar, s) if d.grammar.lex.subject_first else _verb_first_subject(d.grammar, s)
        if name is not None and s.toks[name.b - 1].end <= first_claim.get(sentence.index, sentence.end):
            d.mentions.append((sentence.index, s.span_text(name), s.toks[name.b - 1].end))
        elif name is None and (alone := _title_alone(d.grammar, s)) is not None:
            d.titled.append((sentence.index, s.span_text(alone), s.toks[alone.b - 1].end))


def _verb_first_subject(g: Grammar, s: SentenceView) -> Span | None:
    """ "عقد المدرب الوطني الجديد فلان الفلاني مؤتمرا صحفيا": in a verb-first script with no capitals, the subject of
    the opening verb when a person's title opens it and a name follows the titles."""
    span = opening_verb_subject(g, s, len(s))
    if span is None or g.lex.hooks.strip_article(s.norm(span.a)) not in g.lex.person_titles:
        return None
    return span if any(not g.source_word(s.norm(k)) for k in range(span.a + 1, span.b)) else None


def _subject(g: Grammar, s: SentenceView) -> Span | None:
    if not any(ch.isupper() for ch in s.sentence.text):
        return None
    start = past_dateline(g.lex, s, 0, len(s))  # "Kuala Lumpur, Dec 22 —": the byline's place names no one
    # "KUALA LUMPUR, March 3 — Minister Ann Lee has ...": the chunk the byline ends in starts after it
    chunks = [Span(max(c.a, start), c.b) for c in _chunks(s) if c.b > start]
    for k, chunk in enumerate(chunks[:2]):
        if (named := _after_occupation(g, s, chunk)) is not None:
            return named  # "Danish actor Jonas Berg who won the prize ..."
        run = _capitalised(g, s, chunk.a, chunk.b)
        named = _name_words(g, s, run)
        if (named < MIN_NAME_WORDS and not _titled_surname(g, s, run, named)) or s.norm(run.a) in g.lex.function_words:
            continue  # "The United States has ...": a name has no article
        if run.b == chunk.b and k + 2 < len(chunks) and _titled(g, s, chunks[k + 1]):
            return run  # "Lina Hart, the city's mayor, visited ..."
        if run.b < chunk.b and s.toks[run.b].is_word and _titled(g, s, run):
            return run  # "Mayor Lina Hart visited ..."
        if run.b == chunk.b and k + 1 < len(chunks) and _titled(g, s, run):
            return run  # "Inspector Ann Lee, of the town police, thanked ..."
        if k == 0 and run.a == 0 and _introduced(g, s, run, chunks):
            return run  # "Lina Hart, 54, has run the farm ..."
    return None


def _title_alone(g: Grammar, s: SentenceView) -> Span | None:
    """A person's title with the definite article opening the sentence, a word written small after it (its verb):
    "The judge handed ...", not "The judge Ann Lee ..." (a name follows) nor "The judge's ruling ..."."""
    a = past_dateline(g.lex, s, 0, len(s))
    if a + 2 >= len(s) or s.norm(a) not in g.lex.definite_articles or not _title(g, s, a + 1):
        return None
    verb = a + 2
    return Span(a, a + 2) if s.toks[verb].is_word and s.raw(verb)[:1].islower() and not _title(g, s, verb) else None


def _titled_surname(g: Grammar, s: SentenceView, run: Span, named: int) -> bool:
    """ "PM Khan vowed ...": a person's title right before one word that is no title word, a surname the speaker
    strategies complete from a full name the text wrote."""
    last = run.b - 1
    return named == 1 and last > run.a and _title(g, s, last - 1) and s.norm(last) not in g.lex.title_words


def _after_occupation(g: Grammar, s: SentenceView, chunk: Span) -> Span | None:
    """A name after a title written in lower case that opens its chunk past its modifiers ("Danish actor Jonas
    Berg", "immigration attorney Ann Ross"): a run of two capitalised words or more, with a word after it."""
    for i in range(chunk.a, min(chunk.b, chunk.a + MAX_MODIFIERS + 1)):
        if not s.toks[i].is_word:
            return None
        if _title(g, s, i) and s.raw(i)[:1].islower():
            run = _capitalised(g, s, i + 1, chunk.b)
            return run if _name_words(g, s, run) >= MIN_NAME_WORDS and run.b < chunk.b else None
    return None


def _introduced(g: Grammar, s: SentenceView, run: Span, chunks: list[Span]) -> bool:
    """A name that opens its sentence with no title, as a story introduces a person before quoting her: her age
    between commas after it ("Lina Hart toured ..." alone says nothing of a person); never a run that holds a
    body's word ("Lake County Council, 12, ...")."""
    lex = g.lex
    if any(s.norm(i) in lex.body_heads or s.norm(i) in lex.media_heads for i in range(run.a, run.b)):
        return False
    if run.b != chunks[0].b or len(chunks) < 3:
        return False
    age = chunks[1]
    return age.b == age.a + 1 and s.raw(age.a).isdigit()


def _chunks(s: SentenceView) -> list[Span]:
    """The sentence's tokens cut at commas outside quotations."""
    cuts = [i for i in range(len(s)) if s.is_comma(i) and not s.quoted[i]]
    edges = [-1, *cuts, len(s)]
    return [Span(a + 1, b) for a, b in zip(edges, edges[1:]) if b > a + 1]


def _capitalised(g: Grammar, s: SentenceView, a: int, b: int) -> Span:
    """The run of capitalised words from token a, with the marks a name holds between them ("Thomas-Greenfield",
    "U.N.")."""
    end = a
    while end < b and not s.quoted[end]:
        raw = s.raw(end)
        if s.toks[end].is_word and raw[:1].isupper():
            end += 1
        elif raw in g.lex.name_marks and end > a and end + 1 < b and s.raw(end + 1)[:1].isupper():
            end += 1
        else:
            break
    return Span(a, end)


def _title(g: Grammar, s: SentenceView, i: int) -> bool:
    return s.norm(i) in g.lex.person_titles


def _titled(g: Grammar, s: SentenceView, span: Span) -> bool:
    return any(_title(g, s, i) for i in range(span.a, span.b))


def _name_words(g: Grammar, s: SentenceView, run: Span) -> int:
    """Capitalised words of a run that are no title: its name."""
    return sum(1 for i in range(run.a, run.b) if s.toks[i].is_word and not _title(g, s, i))
