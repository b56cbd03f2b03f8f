"""Who a speaker phrase names: one canonical speaker however an outlet wrote it.

The registry holds the known speakers from ``data/<language>/speakers.toml`` and every speaker stored so far.
Resolution of one article's statements goes, for each speaker phrase: an alias the registry knows, an
unnamed or collective source ("مسؤولون أميركيون"), a word pointing back ("الوكالة", "المسؤول ذاته"), a name
(matched by spelling-insensitive key to earlier speakers), a title alone ("السفيرة الأمريكية") matched to
someone the article named with that title, a body the registry knows, and last the phrase itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from . import lexicon as lexicon_mod
from .arabic import fold, fold_for_match, name_key, strip_article, tokens
from .lexicon import Lexicon
from .models import Speaker, Statement


def _words(text: str) -> list[str]:
    return fold_for_match(text).split()


@dataclass
class Registry:
    """Known speakers and how to find them by alias, key or fuzzy query."""

    lex: Lexicon
    speakers: dict[str, Speaker] = field(default_factory=dict)
    _aliases: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    _exact: dict[str, str] = field(default_factory=dict)  # folded alias -> canonical
    _by_first: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    _keys: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, language: str = "ar", stored: list[Speaker] = ()) -> "Registry":
        lex = lexicon_mod.load(language)
        reg = cls(lex)
        for entry in lex.speakers:
            reg.add(
                Speaker(
                    entry["canonical"],
                    entry.get("kind", "person"),
                    list(entry.get("aliases", [])),
                    list(entry.get("roles", [])),
                    entry.get("gender"),
                )
            )
        for sp in stored:
            reg.add(sp)
        return reg

    def add(self, speaker: Speaker) -> Speaker:
        known = self.speakers.get(speaker.canonical)
        if known is None:
            known = Speaker(speaker.canonical, speaker.kind, [], list(speaker.roles), speaker.gender)
            self.speakers[speaker.canonical] = known
            self._index_alias(known, speaker.canonical)
        for alias in speaker.aliases:
            if alias not in known.aliases:
                known.aliases.append(alias)
                self._index_alias(known, alias)
        for role in speaker.roles:
            if role not in known.roles:
                known.roles.append(role)
        return known

    def _index_alias(self, speaker: Speaker, alias: str) -> None:
        words = tuple(_words(alias))
        if not words:
            return
        # Insertion order, not sorted: re-sorting on every add made loading a large database quadratic.
        self._aliases.append((words, speaker.canonical))
        self._exact.setdefault(" ".join(words), speaker.canonical)
        self._by_first.setdefault(words[0], []).append((words, speaker.canonical))
        if speaker.kind == "person":
            self._keys.setdefault(name_key(alias), set()).add(speaker.canonical)

    def find_alias(self, text: str, kinds: tuple[str, ...] | None = None) -> str | None:
        """The speaker whose longest alias occurs in text as whole words (a particle may be glued on)."""
        words = _words(text)
        best: tuple[int, int, str] | None = None  # (-alias length, position, canonical): longest, then first
        for i, word in enumerate(words):
            for form in _bare_forms(word):
                for alias, canonical in self._by_first.get(form, ()):
                    n = len(alias)
                    if kinds and self.speakers[canonical].kind not in kinds:
                        continue
                    if words[i + 1 : i + n] == list(alias[1:]):
                        best = min(best, (-n, i, canonical)) if best else (-n, i, canonical)
        return best[2] if best else None

    def mentions(self, text: str, kinds: tuple[str, ...]) -> list[str]:
        """The speakers of these kinds a text names, in the order it names them (longest alias at a place)."""
        words = _words(text)
        found: list[tuple[int, str]] = []
        i = 0
        while i < len(words):
            hit = None
            for form in _bare_forms(words[i]):
                for alias, canonical in self._by_first.get(form, ()):
                    if self.speakers[canonical].kind in kinds and words[i + 1 : i + len(alias)] == list(alias[1:]):
                        if hit is None or len(alias) > hit[0]:
                            hit = (len(alias), canonical)
            if hit:
                found.append((i, hit[1]))
                i += hit[0]
            else:
                i += 1
        return [canonical for _, canonical in found]

    def rename(self, old: str, new: str) -> bool:
        """Give a speaker a fuller canonical name, keeping the old one as an alias; False if the new name is taken."""
        if new in self.speakers or old not in self.speakers:
            return False
        sp = self.speakers.pop(old)
        sp.canonical = new
        self.speakers[new] = sp
        self._aliases = [(a, new if c == old else c) for a, c in self._aliases]
        self._exact = {a: new if c == old else c for a, c in self._exact.items()}
        for entries in self._by_first.values():
            entries[:] = [(a, new if c == old else c) for a, c in entries]
        for hits in self._keys.values():
            if old in hits:
                hits.discard(old)
                hits.add(new)
        for alias in (old, new):
            if alias not in sp.aliases:
                sp.aliases.append(alias)
                self._index_alias(sp, alias)
        return True

    def find_by_key(self, name: str) -> str | None:
        """A person whose alias has the same consonant skeleton as name, when exactly one does."""
        hits = self._keys.get(name_key(name), set())
        return next(iter(hits)) if len(hits) == 1 else None

    def find_by_role(self, title: str) -> str | None:
        folded = fold_for_match(title)
        for sp in self.speakers.values():
            if any(fold_for_match(r) == folded for r in sp.roles):
                return sp.canonical
        return None

    def search(self, query: str, limit: int = 10, cutoff: float = 70) -> list[tuple[str, float]]:
        """Speakers a user's query may mean: Latin or Arabic, any spelling, best first."""
        choices: dict[str, str] = {}
        for sp in self.speakers.values():
            for alias in [sp.canonical, *sp.aliases]:
                choices[fold_for_match(alias)] = sp.canonical
        q = fold_for_match(query)
        best: dict[str, float] = {}
        for alias, score, _ in process.extract(
            q, list(choices), scorer=fuzz.WRatio, limit=limit * 5, score_cutoff=cutoff
        ):
            canonical = choices[alias]
            if alias == q or alias.split()[-1:] == [q]:
                score = 100.0
            best[canonical] = max(best.get(canonical, 0), score)
        key = name_key(query)
        for canonical in self._keys.get(key, ()):
            best[canonical] = max(best.get(canonical, 0), 95.0)
        return sorted(best.items(), key=lambda kv: -kv[1])[:limit]


def _singulars(word: str) -> list[str]:
    """A nationality word and its singular forms (اسرائيليون -> اسرائيلي), to look up in the data."""
    out = [word]
    for suffix in ("ون", "ين"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)])
    return out


def _longest_run(kinds: list[str], kind: str) -> tuple[int, int] | None:
    best, start = None, None
    for i, k in enumerate([*kinds, None]):
        if k == kind and start is None:
            start = i
        elif k != kind and start is not None:
            if best is None or i - start > best[1] - best[0]:
                best = (start, i)
            start = None
    return best


def _bare_forms(word: str) -> set[str]:
    """A word as written and without a particle glued before it (ولبوتين, للكرملين -> الكرملين)."""
    forms = {word}
    if len(word) > 2 and word[0] in "ولبف":
        forms.add(word[1:])
    if word.startswith("لل") and len(word) > 3:
        forms.update({word[2:], "ال" + word[2:]})
    return forms


@dataclass
class Parsed:
    """A speaker phrase taken apart."""

    name: str | None
    role: str | None


class ArticleResolver:
    """Resolves the speaker phrases of one article, in order, remembering who it has named."""

    def __init__(self, registry: Registry, text: str):
        self.reg = registry
        self.lex = registry.lex
        self.text = text
        self.folded_text = fold_for_match(text)  # folded once: resolving each statement must not refold the article
        self.named: list[tuple[str, str, str]] = []  # (as written, canonical, role) in article order
        self.created: set[str] = set()  # people this article introduced, whose canonical name may still grow
        self.renamed: dict[str, str] = {}

    def resolve(self, st: Statement) -> None:
        written = st.speaker_as_written or ""
        for phrase, canonical, role in reversed(self.named):
            if phrase == written:
                st.speaker, st.speaker_kind = canonical, self.reg.speakers[canonical].kind
                st.role_as_written = st.role_as_written or role or None
                return
        target = self._unwrap(self._drop_demonstrative(written))
        parsed = self.parse(target)
        st.role_as_written = parsed.role
        canonical = self._resolve(target, parsed, st)
        sp = self.reg.speakers[canonical]
        st.speaker, st.speaker_kind = canonical, sp.kind
        titled = any(self._word_kind(w) == "T" for w in _words(target))
        if sp.kind == "anonymous" or (parsed.name is None and (sp.kind != "person" or not titled)):
            st.role_as_written = parsed.role = None
        self.named.append((written, canonical, parsed.role or ""))

    def _resolve(self, phrase: str, parsed: Parsed, st: Statement) -> str:
        reg = self.reg
        folded = fold_for_match(phrase)
        exact = reg._exact.get(folded)
        if exact:
            return exact
        person = reg.find_alias(phrase, ("person",))
        if person:
            return self._fuller(person, parsed.name) if parsed.name else person
        group = self._group(phrase, st)
        if group:
            return group
        # "الخبير الاقتصادي سمير رزق" names a person; "مصادر طبية" names nobody.
        anonymous = None if self._personal_name(parsed.name) else self._anonymous(phrase)
        if anonymous:
            return anonymous
        pointer = self._reference(phrase, st)
        if pointer:
            return pointer
        if parsed.name:
            known = (
                reg.find_alias(parsed.name) or self._alias_around(phrase, parsed.name) or self._same_name(parsed.name)
            )
            if known and reg.speakers[known].kind != "person" and parsed.role:
                # "متحدث حماس": a title of a body; the person the article gave that title, if any.
                return self._titled(phrase) or known
            if known:
                return self._fuller(known, parsed.name)
            sp = reg.add(
                Speaker(
                    parsed.name,
                    "person",
                    [parsed.name],
                    [parsed.role] if parsed.role else [],
                    st.gender if st.gender in ("m", "f") else None,
                )
            )
            self.created.add(sp.canonical)
            return sp.canonical
        words = _words(phrase)
        if len(words) <= 2 and all(self._word_kind(w) != "T" for w in words):
            # "الخطيب" after "سامر الخطيب": a surname that happens to carry the article.
            known = self._same_name(phrase)
            if known:
                return known
        titled = self._titled(phrase) or reg.find_by_role(phrase)
        if titled:
            return titled
        body = reg.find_alias(phrase)
        if body:
            return body
        head = self._synonym(strip_article(_words(phrase)[0])) if _words(phrase) else ""
        kind = (
            "media" if head in self.lex.media_heads else "person" if head in self.lex.person_titles else "organisation"
        )
        return reg.add(Speaker(phrase.strip(), kind, [phrase.strip()])).canonical

    def _alias_around(self, phrase: str, name: str) -> str | None:
        """A known body whose alias contains the would-be name: "صحيفة واشنطن بوست" is not a person called بوست."""
        last = _words(name)[-1:]
        folded = fold_for_match(phrase)
        around = [
            (alias, canonical)
            for alias, canonical in self.reg._aliases
            if last and last[0] in alias and len(alias) > 1 and " ".join(alias) in folded
        ]
        return max(around, key=lambda a: len(a[0]))[1] if around else None  # the longest, first added on ties

    def _fuller(self, known: str, name: str) -> str:
        """ "متّى" in a headline, then "النائب نزيه متّى": a person this article introduced takes the fuller name."""
        fuller = len(name.split()) > len(known.split()) and name_key(name).endswith(name_key(known))
        if known in self.created and fuller and self.reg.rename(known, name):
            self.created.add(name)
            self.renamed[known] = name
            self.named = [(w, name if c == known else c, r) for w, c, r in self.named]
            return name
        return known

    def _group(self, phrase: str, st: Statement) -> str | None:
        """ "الزعيمان" after "ستارمر ... وبايدن": the last two people named before the statement, together."""
        words = _words(phrase)
        if not words or words[0] not in self.lex.group_references:
            return None
        before = self.reg.mentions(self.text[max(0, st.char_start - 600) : st.char_start], ("person",))
        members: list[str] = []
        for canonical in reversed(before):
            if canonical not in members:
                members.insert(0, canonical)
            if len(members) == 2:
                break
        if len(members) < 2:
            return None
        return self.reg.add(Speaker(" and ".join(members), "group", [phrase.strip()])).canonical

    def _drop_demonstrative(self, phrase: str) -> str:
        """ "هذا المسؤول" points back like "المسؤول" does."""
        words = phrase.split()
        if len(words) > 1 and fold(words[0]) in self.lex.demonstratives:
            return " ".join(words[1:])
        return phrase

    def _unwrap(self, phrase: str) -> str:
        """ "بيان لوزارة الدفاع" speaks for the ministry: drop the wrapper and the particle glued after it."""
        words = phrase.split()
        folded = [fold(w) for w in words]
        for wrapper in self.lex.speaker_wrappers:
            n = len(wrapper)
            if n > len(folded):
                continue
            if (
                wrapper[-1] in ("ل", "ب")
                and folded[: n - 1] == list(wrapper[:-1])
                and len(folded) >= n
                and folded[n - 1][:1] == wrapper[-1]
            ):
                rest = words[n - 1 :]
                rest[0] = ("ال" + rest[0][2:]) if rest[0].startswith("لل") else rest[0][1:].lstrip("ـ")
                return " ".join(rest)
            if folded[:n] == list(wrapper) and len(folded) > n:
                return " ".join(words[n:])
        return phrase

    def parse(self, phrase: str) -> Parsed:
        """Name and role of a speaker phrase: "المتحدث باسم الكرملين، دميتري بيسكوف" -> (دميتري بيسكوف, المتحدث باسم الكرملين)."""
        chunks = [c.strip() for c in re.split(r"[،,]", phrase) if c.strip()]
        split = [[t.raw for t in tokens(re.sub(r"[\"'«»“”()]", " ", chunk)) if t.is_word] for chunk in chunks]
        # A chunk that is nothing but a name ("، حمد بن جاسم،") is the name, whatever the titles around it.
        for k, words in enumerate(split):
            kinds = self._kinds(words)
            if len(words) >= 2 and kinds[0] == "N" and "T" not in kinds:
                roles = [" ".join(w) for j, w in enumerate(split) if j != k and w]
                return Parsed(" ".join(words), "، ".join(roles) or None)
        name = None
        roles = []
        for words in split:
            kinds = self._kinds(words)
            if words and strip_article(words[0]) in self.lex.body_heads | {fold(words[0])}.intersection(
                self.lex.body_heads
            ):
                roles.append(" ".join(words))
                continue
            if name is None and words and kinds[0] == "N":
                run = []
                for w, k in zip(words, kinds):
                    if k == "T":
                        break
                    run.append(w)
                if run:
                    name = " ".join(run)
                    rest = " ".join(words[len(run) :])
                    if rest:
                        roles.append(rest)
                    continue
            if name is None and words:
                # After the last title word, a name: it starts with a word that could be a name and may
                # go on with ones that carry the article ("السفير بابكر الصديق", "الوزير مختار الغباشي").
                last_title = max((k for k, kind in enumerate(kinds) if kind == "T"), default=-1)
                # The name is the last run that opens with a would-be name after a title or a definite word
                # ("الكاتب الصحفي جهاد الخازن", "رئيس وفد حركة حماس المفاوض خليل الحية").
                first_name = (
                    next(
                        (
                            k
                            for k in range(len(words) - 1, last_title, -1)
                            if kinds[k] == "N" and kinds[k - 1] in ("T", "D")
                        ),
                        None,
                    )
                    if last_title >= 0
                    else None
                )
                run = words[first_name:] if first_name is not None else []
                if run and len(run) < len(words):
                    name = " ".join(run)
                    roles.append(" ".join(words[: len(words) - len(run)]))
                    continue
                # "السفير أحمد أبو زيد المتحدث الرسمي ...": a name between two titles; a nationality word
                # right after it is a surname ("اللواء منصور التركي", "محمد شياع السوداني").
                inner = _longest_run(kinds, "N")
                if inner:
                    end = inner[1]
                    while end < len(words) and self._is_nationality(words[end]):
                        end += 1
                    inner = (inner[0], end)
                if inner and inner[1] - inner[0] >= 2:
                    name = " ".join(words[inner[0] : inner[1]])
                    roles.append(" ".join(words[: inner[0]] + words[inner[1] :]))
                    continue
            roles.append(" ".join(words))
        role = "، ".join(r for r in roles if r) or None
        return Parsed(name, role)

    def _personal_name(self, name: str | None) -> bool:
        """Whether a parsed name is a person's (first name and surname), not "وسائل إعلام" or "وكالة فرانس برس"."""
        words = _words(name or "")
        if len(words) < 2 or any(fold_for_match(name).startswith(head) for head in self.lex.anonymous_heads):
            return False
        heads = self.lex.media_heads | self.lex.body_heads
        if any(strip_article(w) in heads or w in self.lex.anonymous_heads for w in words):
            return False
        known = self.reg.find_alias(name)
        return known is None or self.reg.speakers[known].kind == "person"

    def _is_nationality(self, word: str) -> bool:
        return any(form in self.lex.anonymous_nationality for form in _singulars(strip_article(fold(word))))

    def _kinds(self, words: list[str]) -> list[str]:
        """Each word's kind; the word after "باسم" names the institution spoken for, never a person."""
        kinds = [self._word_kind(w) for w in words]
        for k in range(len(words)):
            before = fold(words[k - 1]) if k else ""
            if before in self.lex.spoken_for:
                kinds[k] = "T"
            elif before in self.lex.body_heads and kinds[k] == "N":
                kinds[k] = "T"  # "حركة حقوق": a bare body noun names the body next, not a person
            elif words[k] in self.lex.name_homographs:  # علي the name, not على the preposition
                kinds[k] = "N"
            if fold(words[k]) in self.lex.name_particles and k + 1 < len(words):
                kinds[k] = "N"  # "عبد الأمير", "أبو زيد", "بن سلمان": one name, whatever the next word means
                kinds[k + 1] = "N" if kinds[k + 1] != "N" else kinds[k + 1]
        return kinds

    def _word_kind(self, word: str) -> str:
        """T: title, institution, nationality or function word; D: other definite noun; N: could be a name."""
        f = fold(word)
        bare = strip_article(f)
        lex = self.lex
        for cand in {f, bare, f[1:] if f[:1] in "وبل" else f}:
            if cand in lex.title_words or cand in lex.nationality or strip_article(cand) in lex.title_words:
                return "T"
            if cand in lex.anonymous_heads or cand in lex.places or cand in lex.generic_references:
                return "T"
            if cand in lex.body_heads or cand in lex.media_heads:
                return "T"
            if any(form in lex.anonymous_nationality for form in _singulars(cand)):
                return "T"
        if f in lex.function_words or f.isdigit() or f in lex.reference_fillers or f in lex.relatives:
            return "T"
        if f.startswith(("ال", "وال", "بال", "لل")):
            return "D"
        return "N"

    def _anonymous(self, phrase: str) -> str | None:
        words = [strip_article(w) if w.startswith(("ال", "وال")) else w for w in _words(phrase)]
        if not words:
            return None
        while words and (words[0] in ("و",) or words[0] in self.lex.quantifiers):
            words = words[1:]  # "ثلاثة مصادر", "عدد من المسؤولين": the head follows the count
        if not words:
            return None
        label = None
        for head, value in sorted(self.lex.anonymous_heads.items(), key=lambda kv: -len(kv[0])):
            head_words = [strip_article(w) if w.startswith("ال") else w for w in head.split()]
            if words[: len(head_words)] == head_words:
                label = value
                rest = words[len(head_words) :]
                break
        if label is None:
            return None
        if any(w in self.lex.reference_fillers for w in words):
            return None
        nationality = next(
            (
                self.lex.anonymous_nationality[form]
                for w in rest
                for form in _singulars(w.lstrip("و"))
                if form in self.lex.anonymous_nationality
            ),
            None,
        )
        if nationality is None:
            # "المسؤولون" after "مسؤولون أميركيون": the same group, named once.
            for _, canonical, _ in reversed(self.named):
                sp = self.reg.speakers[canonical]
                if sp.kind == "anonymous" and canonical.lower().endswith(label.lower().split()[-1]):
                    return canonical
        if nationality and nationality.lower() in label.lower():
            name = label
        elif nationality:
            name = (
                f"Unnamed {nationality} {label[len('Unnamed ') :]}"
                if label.startswith("Unnamed ")
                else f"{nationality} {label[0].lower() + label[1:]}"
            )
        else:
            name = label
        return self.reg.add(Speaker(name, "anonymous", [phrase.strip()])).canonical

    def _reference(self, phrase: str, st: Statement) -> str | None:
        """ "الوكالة", "الصحيفة", "المسؤول الروسي ذاته": the latest speaker this article named with that noun."""
        words = _words(phrase)
        if not words:
            return None
        head = words[0][1:] if words[0].startswith("و") and words[0][1:] in self.lex.generic_references else words[0]
        if head not in self.lex.generic_references:
            return None
        if len(words) > 2 and not any(w in self.lex.reference_fillers for w in words):
            return None
        noun = strip_article(head)
        if any(w in self.lex.reference_fillers for w in words) and self.named:
            # "المسؤول الروسي ذاته": the same one as before, whatever the article called them then.
            return self.named[-1][1]
        for written, canonical, role in reversed(self.named):
            known_roles = " ".join(self.reg.speakers[canonical].roles)
            if noun in {strip_article(w) for w in _words(f"{written} {role} {known_roles}")}:
                return canonical
        # "الصحيفة" with no speaker before it: the outlet the article named with that noun.
        for m in re.finditer(re.escape(noun), self.folded_text):
            tail = self.folded_text[m.end() : m.end() + 60]
            media = self.reg.find_alias(tail, ("media",))
            if media:
                return media
        described = self._described_before(noun, st)
        if described:
            return self.reg.add(Speaker(described, "organisation", [described, phrase.strip()])).canonical
        # "وقالت الشركة في بيان ... وأضاف البيان": the statement the last speaker issued.
        recent = fold_for_match(self.text[max(0, st.char_start - 300) : st.char_start])
        if self.named and re.search(rf"\b{re.escape(noun)}\b", recent):
            return self.named[-1][1]
        return None

    def _described_before(self, noun: str, st: Statement) -> str | None:
        """ "البيان" after "... في بيان مشترك صدر عن المملكة المتحدة، واليابان، ... إن": the body as described there.

        The description runs from the noun to the next claim opener or full stop, in a sentence before this one.
        """
        sentence_start = max(self.text.rfind("\n", 0, st.char_start), self.text.rfind(".", 0, st.char_start))
        words = tokens(self.text[: max(sentence_start, 0)])
        for k in range(len(words) - 1, -1, -1):
            if strip_article(words[k].norm) != noun:
                continue
            end = k
            for j in range(k + 1, min(len(words), k + 16)):
                t = words[j]
                if t.norm in self.lex.complementizers or t.raw in ".:؛;!؟?" or self.lex.cue(t.norm):
                    break
                if t.is_word:
                    end = j
            if end - k >= 2:
                return self.text[words[k].start : words[end].end]
            return None
        return None

    def _nationalities(self, phrase: str) -> set[str]:
        """Which countries a phrase ties its speaker to, by adjective (الأمريكية) or by name (الولايات المتحدة)."""
        folded = " " + fold_for_match(phrase) + " "
        found = {
            self.lex.anonymous_nationality[w]
            for w in (strip_article(x) for x in folded.split())
            if w in self.lex.anonymous_nationality
        }
        found |= {
            label
            for country, label in self.lex.countries.items()
            if f" {country} " in folded or f" ل{country} " in folded or f" و{country} " in folded
        }
        return found

    def _same_name(self, name: str) -> str | None:
        """A person named earlier in this article or elsewhere, by full name or surname, any spelling."""
        key = name_key(name)
        last = key.split()[-1] if key else ""
        for _, canonical, _ in reversed(self.named):
            sp = self.reg.speakers[canonical]
            if sp.kind != "person":
                continue
            keys = [name_key(a) for a in [canonical, *sp.aliases]]
            if any(k == key or (k.split() and k.split()[-1] == last) for k in keys):
                return canonical
        if " " not in key:
            # "تيدروس" after "تيدروس أدهانوم غيبريسوس": some people are called by their first name.
            firsts = {
                c
                for _, c, _ in self.named
                if self.reg.speakers[c].kind == "person"
                and len(name_key(c).split()) > 1
                and name_key(c).split()[0] == key
            }
            if len(firsts) == 1:
                return firsts.pop()
        return self.reg.find_by_key(name)

    def _synonym(self, word: str) -> str:
        return self.lex.title_synonyms.get(word, word)

    def _titled(self, phrase: str) -> str | None:
        """A title alone: someone this article named with the same title, or the one the registry gives it."""
        words = [self._synonym(strip_article(w)) for w in _words(phrase)]
        if not words or words[0] not in {strip_article(t) for t in self.lex.title_words}:
            return None
        mine = self._nationalities(phrase)
        for written, canonical, role in reversed(self.named):
            if self.reg.speakers[canonical].kind != "person":
                continue
            if mine and mine.isdisjoint(self._nationalities(written + " " + role)):
                continue
            theirs = {self._synonym(strip_article(w)) for w in _words(written + " " + role)}
            if words[0] in theirs and sum(w in theirs for w in words) * 2 >= len(words):
                return canonical
        # "الرئيس الروسي" after the article wrote "الرئيس الروسي فلاديمير بوتين" somewhere.
        for m in re.finditer(re.escape(fold_for_match(phrase)), self.folded_text):
            person = self.reg.find_alias(self.folded_text[m.end() : m.end() + 40], ("person",))
            if person:
                return person
        return self.reg.find_by_role(phrase)


def resolve_statements(statements: list[Statement], text: str, registry: Registry) -> None:
    """Set ``speaker``, ``speaker_kind`` and ``role_as_written`` on each statement of one article, in order."""
    resolver = ArticleResolver(registry, text)
    for st in statements:
        resolver.resolve(st)
    for st in statements:
        while st.speaker in resolver.renamed:
            st.speaker = resolver.renamed[st.speaker]
