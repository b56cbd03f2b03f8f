"""What resolving one article remembers: who it named, in order, and the article's text to look back in."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import partial

from ..lang import name_key
from ..lang.text import PUNCTUATION, QUOTE_CHARS, fold_for_match, tokens
from ..extract.candidate import Attribution
from ..lexicon import Lexicon
from ..models import Speaker, Statement
from .phrase import MAX_NAME_WORDS, Parsed, PhraseReader, drop_demonstrative, drop_honorifics
from .registry import DEFINITE, BareTitle, Registry, SpeakerKind, definite, strip_word, words_of


# A cue's subject is looked for this far back (characters), and is at most this long (words).
SUBJECT_REACH = 300
MAX_SUBJECT_WORDS = 24
# Where a subject starts: after a sentence's end, a line break or a double quotation mark (the quotation before it
# is a claim: '"...," Peskov told Interfax, adding').
_PAIRS = PUNCTUATION["quote_pairs"]
_DOUBLE_QUOTES = "".join(
    sorted({*_PAIRS, *_PAIRS.values(), *PUNCTUATION["symmetric_quotes"]} - set(PUNCTUATION["apostrophes"]))
)
_SENTENCE_END = re.compile(
    "["
    + re.escape(PUNCTUATION["claim_enders"])
    + "]["
    + re.escape(QUOTE_CHARS)
    + r"]?\s+|\n|["
    + re.escape(_DOUBLE_QUOTES)
    + "]"
)
CLAUSE_BREAK = "[" + re.escape(PUNCTUATION["clause_separators"]) + "]"


@dataclass
class Mention:
    """A speaker the article named: as written, who it resolved to, the role written with it."""

    written: str
    canonical: str
    role: str = ""
    gender: str | None = None


@dataclass
class Ask:
    """One speaker phrase to resolve, taken apart."""

    statement: Statement
    written: str  # as the extraction delimited it
    target: str  # without a demonstrative or a wrapper ("bayan li-..." = a statement of ...)
    parsed: Parsed
    article: str | None = None  # the kind of article written apart that opened it ("the minister"), dropped

    @property
    def definite(self) -> bool:
        return self.article == DEFINITE


@dataclass
class ArticleContext:
    registry: Registry
    text: str
    article: str | None = None
    named: list[Mention] = field(default_factory=list)
    created: set[str] = field(default_factory=set)  # people this article introduced: their name may still grow
    renamed: dict[str, str] = field(default_factory=dict)
    _written: list | None = field(default=None, repr=False)  # the text's tokens, read on first use

    def __post_init__(self) -> None:
        self.reader = PhraseReader(self.registry)
        self.lex = self.registry.lex
        self.folded_text = fold_for_match(self.text)  # folded once, not per statement

    def ask(self, st: Statement, written: str) -> Ask:
        """A speaker phrase of ``st`` taken apart for the strategies."""
        reader = self.reader
        if self.lex.subject_first and st.attribution == Attribution.SUBJECT_FIRST:
            written = reader.before_verb(written)  # "Kremlin spokesperson Dmitry Peskov has categorically"
        target, article = reader.drop_article(
            drop_demonstrative(self.lex, drop_honorifics(self.lex, reader.trim_edges(written)))
        )
        # the occasion before the owner is moved after its body ("BNM's committee in a statement": BNM's committee)
        target = reader.drop_apposition(reader.owner_as_qualifier(reader.drop_occasion(target)))
        unwrapped, inner = reader.drop_article(reader.unwrap(target))  # "portions of the release": the release
        target, article = unwrapped, inner or article
        # A phrase the extraction cut short ("al-mudir al-fanni li-nadi", the coach of the club) is completed from the
        # article's text.
        target = reader.complete(target, self.text, st.char_start)
        return Ask(st, written, target, reader.parse(target), article)

    def verb_before(self, phrase: str, st: Statement) -> int | None:
        """Where the cue verb starts whose object ``phrase`` is ("told *the Anadolu news agency* that", "said, *"*",
        "told *Interfax*, adding"): the phrase stands after a cue verb and before the statement's claim."""
        at = self.text.rfind(phrase, max(0, st.char_start - SUBJECT_REACH), st.char_start)
        if at < 0:
            return None
        before = [t for t in tokens(self.text[max(0, at - 40) : at], max(0, at - 40)) if t.is_word]
        form = self.lex.cue(before[-1].norm) if before else None
        if form is None or form.tense not in ("past", "present"):
            return None
        gap = self.text[before[-1].end : at]
        if any(c in gap for c in PUNCTUATION["claim_enders"] + "\n"):
            return None  # the verb ends the sentence before ("... Miller said. Kirby said ...")
        lead = self.text[max(0, before[-1].start - 40) : before[-1].start].rstrip(QUOTE_CHARS + " ")
        if lead[-1:] and lead[-1] in PUNCTUATION["clause_separators"] and _names_a_source(self.lex, phrase):
            return None  # "..., said Bainimarama, adding ...": after its claim's comma the verb's subject follows it
        return before[-1].start

    def relative_at(self, phrase: str, st: Statement) -> int | None:
        """Where a speaker phrase that opens with a relative pronoun ("who first") stands before the claim."""
        words = words_of(phrase)
        if not words or words[0] not in self.lex.relatives:
            return None
        at = self.text.rfind(phrase, max(0, st.char_start - SUBJECT_REACH), st.char_start)
        return at if at >= 0 else None

    def subject_before(self, at: int) -> str | None:
        """ "Othman Abdul Jalil, the health minister, told ...": the words from where the sentence starts to ``at``,
        without a leading time or occasion chunk ("On her part, ..."); None when nothing or too much stands there."""
        window = self.text[max(0, at - SUBJECT_REACH) : at]
        start = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
        chunks = [c.strip() for c in re.split(CLAUSE_BREAK, window[start:]) if c.strip()]
        lead = self.lex.leading_prepositions | self.lex.occasion_prepositions
        while len(chunks) > 1 and words_of(chunks[0])[:1] and words_of(chunks[0])[0] in lead:
            chunks.pop(0)
        subject = ", ".join(chunks).rstrip(PUNCTUATION["clause_separators"] + " ")
        return subject if 0 < len(words_of(subject)) <= MAX_SUBJECT_WORDS else None

    def synonym(self, word: str) -> str:
        return self.lex.title_synonyms.get(word, word)

    def title_words(self, text: str) -> set[str]:
        return {self.synonym(strip_word(w)) for w in words_of(text)}

    def held_titles(self, text: str) -> set[str]:
        """Title words a phrase gives its speaker; not the body after "bi-ism" ("al-mutahaddith bi-ism al-muhafaza",
        the governorate's spokesman)."""
        words = words_of(text)
        return {
            self.synonym(strip_word(w)) for k, w in enumerate(words) if not (k and words[k - 1] in self.lex.spoken_for)
        }

    def gender_of(self, mention: Mention) -> str | None:
        sp = self.registry.get(mention.canonical)
        gender = (sp.gender if sp else None) or mention.gender or self.title_gender(f"{mention.written} {mention.role}")
        return gender if gender in ("m", "f") else None

    def title_gender(self, phrase: str) -> str | None:
        """The gender a title in the phrase marks ("spokeswoman", "Mr"), if any."""
        marked = {self.lex.bare_titles.get(strip_word(w), ("",))[0] for w in words_of(phrase)} - {""}
        return marked.pop() if len(marked) == 1 else None

    def can_be_called(self, canonical: str, gender: str) -> bool:
        """Whether "he" or "she" (``gender``) can name this speaker: a person or a title holder whose gender, as the
        registry, this article's mentions of them or their titles tell it, does not disagree."""
        sp = self.registry.get(canonical)
        if sp is None or sp.kind not in (SpeakerKind.person, SpeakerKind.title):
            return False
        known = {self.gender_of(m) for m in self.named if m.canonical == canonical} - {None}
        if sp.gender in ("m", "f"):
            known = {sp.gender}
        return not known or known == {gender}

    def holds_title(self, mention: Mention, title: BareTitle, gender: str | None) -> bool:
        """Whether a mention can be the antecedent of a bare title: it was written with it, genders agree."""
        sp = self.registry.get(mention.canonical)
        if sp is None or sp.kind in (SpeakerKind.unattributed, SpeakerKind.organisation, SpeakerKind.media):
            return False
        theirs = self.held_titles(f"{mention.written}, {mention.role}")
        if mention.canonical in self.registry.curated:
            theirs |= self.held_titles(", ".join(sp.roles))
        anyone = title.word in self.lex.any_title and sp.kind == SpeakerKind.person
        if not anyone and self.synonym(title.word) not in theirs:
            return False
        known = self.gender_of(mention)
        return not (gender and known and gender != known)

    def create_person(self, name: str, role: str | None, gender: str | None) -> str:
        sp = self.registry.add(
            Speaker(name, SpeakerKind.person, [name], [role] if role else [], gender if gender in ("m", "f") else None)
        )
        self.created.add(sp.canonical)
        return sp.canonical

    def rename_introduced(self, old: str, new: str) -> bool:
        """Rename a speaker this article introduced, here and in the registry; False for another article's."""
        if old not in self.created or not self.registry.rename(old, new):
            return False
        self.created.add(new)
        self.renamed[old] = new
        for m in self.named:
            if m.canonical == old:
                m.canonical = new
        return True

    def named_office(self, office: str, name: str) -> str | None:
        """An office this article gave alone ("the Moroccan foreign minister"), now written with its holder's name: the
        person of that name, known already or the office renamed to it (the office kept as an alias); None for an
        office another article introduced, which is not this name's to take."""
        known = self.registry.find_alias(name, (SpeakerKind.person,))
        if known and known != office:
            return known
        return name if self.rename_introduced(office, name) else None

    def nationalities(self, phrase: str) -> set[str]:
        """Which countries a phrase ties its speaker to, by adjective (al-amrikiyya) or by name (al-wilayat
        al-muttahida), the name alone or with "and" or "of" written on it."""
        folded = " " + fold_for_match(phrase) + " "
        lex = self.lex
        glued_on = ("", lex.possessive_preposition, lex.and_conjunction)
        found = set(self.reader.nationality_labels(folded.split()))
        found |= {
            label
            for country, label in lex.countries.items()
            if any(f" {glued}{country} " in folded for glued in glued_on)
        }
        return found

    def before(self, st: Statement, chars: int | None = None) -> str:
        start = 0 if chars is None else max(0, st.char_start - chars)
        return self.text[start : st.char_start]

    def full_name_written(self, surname: str) -> str | None:
        """ "al-Haddad" alone where the article wrote "the Moroccan coach Samir Haddad" (not as a speaker): the one
        full name its text writes ending with that surname, introduced by a title or a nationality (in a script with
        capitals, by capitals alone); None when it writes none or two ("Samir Haddad and Nabil Haddad")."""
        target = strip_word(fold_for_match(surname))
        found: dict[str, str] = {}
        for i, token in enumerate(self._tokens()):
            if not token.is_word or strip_word(fold_for_match(token.raw)) != target:
                continue
            window: list[str] = []
            after = token
            for before in reversed(self._tokens()[max(0, i - MAX_NAME_WORDS) : i]):
                if "\n" in self.text[before.end : after.start] or not _may_open_name(self.lex, before):
                    break
                window.insert(0, before.raw)
                after = before
            kinds = self.reader.kinds(window)
            start = len(window)
            while start and kinds[start - 1] == "N":
                start -= 1
            introducer = fold_for_match(window[start - 1]) if start else ""
            introduced = kinds[start - 1 : start] == ["T"] and not (
                introducer in self.lex.function_words or self.lex.cue(introducer)
            )
            cased = surname[:1].isupper()
            full = " ".join([*window[start:], token.raw])
            if start < len(window) and (introduced or cased) and self.reader.personal_name(full):
                found.setdefault(name_key(full), full)
        return next(iter(found.values())) if len(found) == 1 else None

    def full_name_from_given(self, given: str) -> str | None:
        """ "Alan" alone where the article wrote "Director of Rugby Alan Solomons": the one full name its text writes
        starting with that given name, in a script with capitals (a capitalised run after it on its line, no title in
        it: "SBP Governor Jameel Ahmad" is a body before a title, no name starting "SBP")."""
        if not given[:1].isupper():
            return None
        tokens, found = self._tokens(), set()
        for i, token in enumerate(tokens):
            if token.raw != given:
                continue
            run = list(itertools.takewhile(partial(_of_a_name, self.reader), tokens[i + 1 : i + MAX_NAME_WORDS]))
            if run and "\n" not in self.text[token.end : run[-1].start]:
                full = " ".join([given, *(t.raw for t in run)])
                if self.reader.personal_name(full):
                    found.add(full)
        return next(iter(found)) if len(found) == 1 else None

    def person_after_title_in_text(self, title: str, st: Statement) -> str | None:
        """ "... al-wazir Sami Adel ..." or "Sami Adel, the minister of ..." earlier in the article: the person named
        right after the title there, or right before it."""
        before = fold_for_match(self.before(st))
        folded_title = " ".join(words_of(title))
        for m in reversed(list(re.finditer(rf"(?<!\S){re.escape(folded_title)}(?!\S)", before))):
            end = m.end()
            following = before[end : end + 60]
            # The name stands before what the title's holder said: "وزارة الدفاع أن فلانا أمر ..." names no holder.
            named = following[:40].split()
            named = named[: next((k for k, w in enumerate(named) if w in self.lex.complementizers), len(named))]
            known = self.registry.find_alias(" ".join(named), ("person",)) or self._person_ending(before[: m.start()])
            if known:
                return known
            parsed = self.reader.parse(f"{folded_title} {' '.join(following.split()[:4])}")
            if parsed.name and len(parsed.name.split()) >= 2 and self.reader.personal_name(parsed.name):
                return self.registry.find_by_key(parsed.name)
        name = self._name_after_title(words_of(title), st.char_start)
        if name is None:
            return None
        return self.registry.find_by_key(name) or self.create_person(name, title.strip(), None)

    def _name_after_title(self, title: list[str], upto: int) -> str | None:
        """ "Striker Tom Lane scored twice" before '"...," the striker said': the full name the text wrote right after
        the title last (as written, capitals kept), a person no speaker phrase named; in a script with capitals only."""
        toks = self._tokens()
        wanted = [strip_word(w) for w in title]
        for k in range(len(toks) - len(wanted), -1, -1):
            if toks[k].end > upto or [strip_word(fold_for_match(t.raw)) for t in toks[k : k + len(wanted)]] != wanted:
                continue
            name = written_name(self.reader, toks[k + len(wanted) :])
            if name:
                return name
        return None

    def _tokens(self) -> list:
        if self._written is None:
            self._written = [t for t in tokens(self.text) if t.raw.strip()]
        return self._written

    def _person_ending(self, folded: str) -> str | None:
        """A known person whose name the folded text ends with (at most four words)."""
        words = folded.split()[-4:]
        for k in range(len(words)):
            known = self.registry.exact(" ".join(words[k:]))
            if known and self.registry.kind(known) == SpeakerKind.person:
                return known
        return None

    def described_before(self, noun: str, st: Statement) -> str | None:
        """ "al-bayan" (the statement) after "... in a joint statement issued by the United Kingdom, Japan, ...
        that": the body as described.

        The description runs from the noun to the next claim opener or full stop, in a sentence before this one.
        """
        sentence_start = max(self.text.rfind("\n", 0, st.char_start), self.text.rfind(".", 0, st.char_start))
        words = tokens(self.text[: max(sentence_start, 0)])
        stops = PUNCTUATION["claim_enders"] + PUNCTUATION["clause_enders"] + ":"
        # "naqalat sahifat al-Watan 'an masadir": an outlet's description ends where the source it relays begins
        relayed_from = self.lex.relay_preposition if noun in self.lex.media_heads else None
        for k in range(len(words) - 1, -1, -1):
            if strip_word(words[k].norm) != noun:
                continue
            if k + 1 < len(words) and self.lex.pronoun_on(words[k + 1].norm, self.lex.glued_prepositions):
                return None  # "في بيان لها": its statement, whose issuer the pronoun points to, described no further
            closed = _quoted_name_end(words, k + 1)
            if closed is not None:
                return self.text[words[k].start : words[closed].end]  # "bank "Nour al-Sharq"": the marks close it
            end = k
            for j in range(k + 1, min(len(words), k + 16)):
                t = words[j]
                if t.norm in self.lex.complementizers or t.raw in stops or self.lex.cue(t.norm):
                    break
                if t.norm in self.lex.relatives or (t.norm,) in self.lex.adverbial_openers:
                    break  # "محكمة النقض بعدما تقدم المحامون": a clause of its own follows the body
                if t.raw in PUNCTUATION["clause_separators"] and not _listed(self.lex, words, j + 1):
                    break  # "في بيان صادر عن مكتبها، ضبط المتهمين": the claim after the comma describes nothing
                if t.norm == relayed_from or (self.lex.modifiers_first and t.is_word and t.raw[:1].islower()):
                    break  # where names come after their noun only in capitals ("the agency New York City Transit")
                if t.is_word and not _of_a_body_name(self.lex, noun, words[k].norm, t.norm):
                    break  # "أن الوزارة وفرت ...", "شركة ... باستخدام ...": the body was the subject of a clause
                if t.is_word:
                    end = j
            named = end - k >= (1 if relayed_from else 2)  # "sahifat al-Watan": an outlet and its name suffice
            return self.text[words[k].start : words[end].end] if named else None
        return None


def _of_a_body_name(lex: Lexicon, noun: str, head: str, word: str) -> bool:
    """Whether a word after a body's noun (``noun`` stripped, ``head`` as written) may go on with its name: not a
    function word nor a verbal noun on a glued preposition other than a name's ("باستخدام": by using; "لمكافحة" goes
    on), and after a noun with the article only a word with the article or a name's preposition, as the name's
    adjectives and nouns agree with it ("الوزارة الاتحادية للصحة"); a word without it is the verb of a clause the body
    is the subject of ("الوزارة وفرت"). A document's description goes on through its issuers ("بيان صدر عن ...")."""
    if noun not in lex.body_heads or noun in lex.documents:
        return True
    if word in lex.function_words:
        return False
    glued = word[:1] in lex.glued_prepositions and word[1:].startswith(lex.glued_noun_starts)
    if glued and word[:1] not in lex.name_prepositions:
        return False
    by_name = word[:1] in lex.name_prepositions and len(word) > 2
    return not definite(lex, head) or word.startswith(lex.definite_prefixes) or by_name


def _of_a_name(reader: PhraseReader, token) -> bool:
    """A capitalised word that is no title: part of a name run ("SBP Governor ..." runs no name on from "SBP")."""
    return token.is_word and token.raw[:1].isupper() and not reader.is_title_word(token.raw)


def _may_open_name(lex: Lexicon, token) -> bool:
    """Whether a word before a surname may be part of its full name: a name runs within a line and never takes in a
    verb ("wa-qala al-Sellami") nor a relative pronoun ("al-'alaqa allati jama'athu bil-mudda'iya": a clause's words
    before a noun, no name)."""
    return token.is_word and not lex.cue(token.norm) and token.norm not in lex.relatives


def _quoted_name_end(words: list, k: int) -> int | None:
    """Where a name in quotation marks opening at k closes (the closing mark's index), within a name's length; None
    when no mark opens there. A body's noun before such a name is named by it: what follows is the sentence's."""
    if k >= len(words) or words[k].raw not in QUOTE_CHARS:
        return None
    closer = PUNCTUATION["quote_pairs"].get(words[k].raw, words[k].raw)
    return next((j for j in range(k + 2, min(len(words), k + 2 + MAX_NAME_WORDS)) if words[j].raw == closer), None)


def _listed(lex: Lexicon, words: list, k: int) -> bool:
    """Whether the word at k goes on with a list after a comma ("، واليابان"; ", Japan, and ...")."""
    return k < len(words) and (words[k].norm.startswith(lex.and_conjunction) or words[k].raw[:1].isupper())


def written_name(reader: PhraseReader, toks: list) -> str | None:
    """The full name the tokens open with, as written: two capitalised words or more that read as a name (a script
    with capitals writes a name with them; one without tells no name here)."""
    run: list[str] = []
    for t in toks[:MAX_NAME_WORDS]:
        if not t.is_word or not t.raw[:1].isupper() or reader.kinds([t.raw]) != ["N"]:
            break
        run.append(t.raw)
    name = " ".join(run)
    return name if len(run) >= 2 and reader.personal_name(name) else None


def _names_a_source(lex: Lexicon, phrase: str) -> bool:
    """Whether a phrase past its article is a name (in a script with capitals) or headed by a source's noun: "the
    ministry" may say, "the importance of ..." is what was said."""
    words = [w for w in phrase.split() if w.lower() not in lex.definite_articles]
    head = words[0] if words else ""
    n = fold_for_match(head)
    heads = (lex.title_words, lex.body_heads, lex.media_heads, lex.anonymous_heads)
    return head[:1].isupper() or any(n in group for group in heads)
