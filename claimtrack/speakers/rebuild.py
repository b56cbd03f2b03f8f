"""Speakers resolved over the whole database, then corrected: the same answer whatever order articles came in.

Resolving article by article as they arrive lets an earlier article decide a later one's speakers (who was
named first, whose alias came first). The answer is therefore defined as every stored statement resolved from
the language data alone, articles in id order, with the user's corrections applied on top.

Doing that in full after each ingest costs time in proportion to the whole database, so each article's
resolution is stored with the changes it made to the speaker registry (``Change``). The next resolution walks
the articles in id order again and replays an article's stored changes instead of resolving it, unless the
article is new or changed, or an article resolved afresh before it changed something its resolution reads:

- a speaker's record (created, or given an alias, role or gender): the articles resolved to that speaker;
- an alias: the articles holding all its words (the first perhaps with a particle glued on);
- a person's name key: the articles holding all the key's words;
- a speaker created or renamed: also the articles holding any of its aliases (they look it up and read its kind).

Which articles hold which words and name keys is kept in the database, hashed (``resolution_terms``). The walk
still visits every article, but replaying a few stored changes costs microseconds where resolving costs
milliseconds. ``full=True`` resolves every article (``claimtrack rematch`` does).
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .. import __version__
from ..lang import name_key
from ..models import Speaker, Statement
from ..store import Store
from .corrections import Action, Correction, Outcome, apply, seed_registry
from ..lexicon import bare_forms
from .registry import Change, Registry, curated_entries, words_of
from .latin import has_non_latin, latin_key, latin_name
from .resolve import resolve_statements

# Bumped when what a stored resolution means changes: every article is then resolved again once.
FORMAT = 2  # 2: English speaker rules, cue positions read, Latin skeletons among the terms


def _statement(row: dict, article: str) -> Statement:
    return Statement(
        speaker_as_written=row["speaker_as_written"] or "",
        cue=row["cue"],
        kind=row["kind"],
        text=row["text"],
        char_start=row["char_start"],
        char_end=row["char_end"],
        sentence=row["sentence"] or 0,
        story=row["story"] or 1,
        attribution=row["attribution"] or "explicit",
        gender=row["gender"],
        cue_start=row["cue_start"],
        article=article,
        id=row["id"],
    )


def stored_corrections(store: Store) -> list[Correction]:
    return [Correction.parse(row, f"correction {row['id']}") for row in store.corrections()]


def encode_change(change: Change) -> list:
    sp = change.speaker
    return [sp.canonical, sp.kind, sp.aliases, sp.roles, sp.gender, change.created, change.aliases, change.roles,
            change.renamed_to]  # fmt: skip


def decode_change(row: list) -> Change:
    canonical, kind, aliases, roles, gender, created, added, gained, renamed_to = row
    return Change(Speaker(canonical, kind, aliases, roles, gender), created, added, gained, renamed_to)


def replay(registry: Registry, change: Change) -> None:
    """Make a stored change again: the registry ends as the resolution that made it left it."""
    if change.renamed_to is not None:
        registry.rename(change.speaker.canonical, change.renamed_to)
    else:
        registry.add(change.speaker)


class Terms:
    """An article's words (and each without a glued particle) and name keys, as hashed search terms."""

    def __init__(self, registry: Registry) -> None:
        self.lex = registry.lex
        self._forms: dict[str, set[str]] = {}
        self._joins: dict[str, bool] = {}
        self._latin: dict[str, str] = {}

    @staticmethod
    def word(word: str) -> str:
        return "w" + hashlib.blake2b(word.encode(), digest_size=8).hexdigest()

    @staticmethod
    def key(key: str) -> str:
        return "k" + hashlib.blake2b(key.encode(), digest_size=8).hexdigest()

    def latin(self, word: str) -> str:
        """A word's Latin skeleton as a term (romanised first when in another script): a person named in another
        script's article ("Tamer Ramadan" and its Arabic spelling) is found by it (``Registry.in_other_script``)."""
        if word not in self._latin:
            skeleton = latin_key(self.lex, latin_name(self.lex, word) if has_non_latin(word) else word)
            self._latin[word] = "l" + hashlib.blake2b(skeleton.encode(), digest_size=8).hexdigest() if skeleton else ""
        return self._latin[word]

    def of_text(self, text: str) -> list[str]:
        words = words_of(text)
        forms: set[str] = set()
        keys: set[str] = set()
        latins: set[str] = set()
        for k, w in enumerate(words):
            if w not in self._forms:
                self._forms[w] = bare_forms(self.lex, w)
                # A name particle is written apart or joined to the next word ("Abd Allah"): its key is then one.
                self._joins[w] = len(name_key(f"{w} {w}").split()) == 1
            forms |= self._forms[w]
            keys.update(name_key(w).split())
            latins.add(self.latin(w))
            if self._joins[w] and k + 1 < len(words):
                keys.update(name_key(f"{w} {words[k + 1]}").split())
        return sorted({self.word(f) for f in forms} | {self.key(k) for k in keys} | (latins - {""}))

    def of_alias(self, alias: str) -> list[list[str]]:
        """The term sets whose articles may find ``alias``: by its words, and by its name key."""
        words = words_of(alias)
        keys = name_key(alias).split()
        latins = [t for t in (self.latin(w) for w in words) if t]
        return [sets for sets in ([self.word(w) for w in words], [self.key(k) for k in keys], latins) if sets]


@dataclass
class _Stored:
    n: int
    hash: str
    changes: list[Change]
    speakers: list[tuple[str, str | None]]


class _Walk:
    """The articles in id order, each resolved afresh or its stored changes replayed (see the module's doc)."""

    def __init__(self, store: Store, registry: Registry, stored: dict[str, _Stored], everything: bool) -> None:
        self.store, self.registry, self.stored = store, registry, stored
        self.terms = Terms(registry)
        self.order = store.article_states()
        self.ids = [a for a, _ in self.order]
        self.position = {a: i for i, a in enumerate(self.ids)}
        self.current: dict[str, list[tuple[int, str | None, str | None, int, int]]] = defaultdict(list)
        for article, sid, canonical, role, start, end in store.stored_assignment():
            self.current[article].append((sid, canonical, role, start, end))
        self.by_number = {row.n: a for a, row in stored.items()}
        self.resolved_to: dict[str, set[str]] = defaultdict(set)
        self.aliases_of: dict[str, set[str]] = defaultdict(set)
        for article, row in stored.items():
            for canonical, _ in row.speakers:
                self.resolved_to[canonical].add(article)
            for change in row.changes:
                self.aliases_of[change.renamed_to or change.speaker.canonical].update(change.aliases)
        self.everything = everything
        self.dirty = {
            a
            for a, digest in self.order
            if everything
            or a not in stored
            or stored[a].hash != digest
            or len(stored[a].speakers) != len(self.current[a])
        }
        self.marked: dict[tuple, int] = {}  # aspect -> the earliest position from which it was marked
        self.touched: set[str] = set()  # speakers whose record may differ from the stored walk's
        self.fresh: dict[str, tuple[list[Change], list[tuple[str, str | None]]]] = {}
        self.hashes = dict(self.order)

    # ----- what a change may alter, and who reads it -----

    def aspects(self, change: Change) -> Iterable[tuple]:
        canonical = change.speaker.canonical
        yield ("speaker", canonical)
        aliases = list(change.aliases)
        if change.renamed_to is not None:
            yield ("speaker", change.renamed_to)
            aliases += [canonical, change.renamed_to, *change.speaker.aliases]
        if change.created or change.renamed_to is not None:
            # Whoever looks the speaker up by any of its names reads whether it exists, and its kind.
            for name in (canonical, change.renamed_to):
                if name:
                    sp = self.registry.get(name)
                    aliases += [*self.aliases_of[name], *(sp.aliases if sp else [])]
        if change.roles and canonical in self.registry.curated:
            aliases += change.roles  # a curated speaker's roles are looked up by title
        for alias in dict.fromkeys(aliases):
            for terms in self.terms.of_alias(alias):
                yield ("terms", tuple(terms))

    def mark(self, changes: Iterable[Change], at: int) -> None:
        """Articles after position ``at`` that read what these changes alter are resolved afresh."""
        if self.everything:
            return
        for change in changes:
            for aspect in self.aspects(change):
                if self.marked.get(aspect, len(self.ids)) <= at:
                    continue
                self.marked[aspect] = at
                if aspect[0] == "speaker":
                    self.touched.add(aspect[1])
                    readers = self.resolved_to.get(aspect[1], ())
                else:
                    found = self.store.numbers_with_terms(list(aspect[1]))
                    readers = [self.by_number[n] for n in found if n in self.by_number]
                self.dirty.update(r for r in readers if self.position.get(r, -1) > at)

    # ----- the walk -----

    def run(self, on_article: Callable[[int], None] | None = None) -> None:
        for article, row in self.stored.items():
            if article not in self.position:  # an article no longer stored: what it added is gone
                self.mark(row.changes, bisect_left(self.ids, article) - 1)
        for n, article in enumerate(self.ids):
            row = self.stored.get(article)
            if article in self.dirty or any(c.speaker.canonical in self.touched for c in row.changes):
                self.resolve(article, n)
            else:
                for change in row.changes:
                    replay(self.registry, change)
            if on_article:
                on_article(n + 1)

    def resolve(self, article: str, at: int) -> None:
        """Resolve one article afresh and store its resolution at once (so no text is held for later)."""
        self.registry.log = changes = []
        self.fresh[article] = (changes, [])
        text = ""  # an article without statements reads nothing: no terms needed to find it
        try:
            for found, rows in self.store.resolution_input([article]):
                statements = [_statement(row, article) for row in rows]
                resolve_statements(statements, found["text"], self.registry.reading(found["language"]), article)
                self.fresh[article] = (changes, [(st.speaker, st.role_as_written) for st in statements])
                text = found["text"]
        finally:
            self.registry.log = None
        old = self.stored.get(article)
        digest = self.hashes[article]
        fresh_terms = old is None or old.hash != digest or self.everything  # a new FORMAT may read new terms
        terms = self.terms.of_text(text) if fresh_terms else None
        encoded = [encode_change(c) for c in changes]
        self.store.save_resolutions([(article, digest, encoded, self.fresh[article][1], terms)])
        if old is None or [encode_change(c) for c in old.changes] != encoded:
            self.mark([*changes, *(old.changes if old else [])], at)

    def outcome(self) -> Outcome:
        assignment: dict[int, tuple[str, str | None]] = {}
        where: dict[int, tuple[str, int, int]] = {}
        for article in self.ids:
            rows = self.current[article]
            said = self.fresh[article][1] if article in self.fresh else self.stored[article].speakers
            for (sid, _, _, start, end), (canonical, role) in zip(rows, said):
                assignment[sid] = (canonical, role)
                where[sid] = (article, start, end)
        used = {canonical for canonical, _ in assignment.values()}
        return Outcome({c: self.registry.get(c) for c in used}, assignment, where)

    def save(self, outcome: Outcome) -> None:
        changed = {
            sid: outcome.assignment[sid]
            for rows in self.current.values()
            for sid, canonical, role, _, _ in rows
            if outcome.assignment.get(sid, (canonical, role)) != (canonical, role)
        }
        self.store.update_speakers(outcome.speakers, changed)
        self.store.drop_resolutions(a for a in self.stored if a not in self.position)


def fingerprint(registry: Registry, corrections: list[Correction], kinds: dict[str, str]) -> str:
    """What every stored resolution was made from besides the articles: the claimtrack version, every pack's
    speakers and the user's aliases; when it differs, every article is resolved again."""
    aliases = [c.args for c in corrections if c.action == Action.alias]
    speakers = curated_entries(registry.lex.language)
    basis = [FORMAT, __version__, registry.lex.language, speakers, aliases, sorted(kinds.items())]
    return hashlib.sha256(json.dumps(basis, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def resolve_all(
    store: Store, language: str | None = None, on_article: Callable[[int], None] | None = None, *, full: bool = False
) -> Outcome:
    """Resolve every stored statement as if afresh, apply the corrections, and store the result.

    Only the articles that are new, changed, or that a change before them could reach are resolved again
    (``full`` resolves every one); the result is the same either way.
    """
    corrections = stored_corrections(store)
    registry = Registry.load(language) if language else Registry.for_store(store, stored=False)
    seeded = [c.args["speaker"] for c in corrections if c.action == Action.alias]
    kinds = store.speaker_kinds(seeded)
    seed_registry(registry, corrections, kinds)
    base = fingerprint(registry, corrections, kinds)
    with store.transaction():
        stored = {
            a: _Stored(n, h, [decode_change(c) for c in changes], [tuple(s) for s in said])
            for a, (n, h, changes, said) in store.resolutions().items()
        }
        walk = _Walk(store, registry, stored, everything=full or store.settings("resolution").get("base") != base)
        walk.run(on_article)
        outcome = walk.outcome()
        apply(outcome, corrections)
        walk.save(outcome)
        store.save_settings("resolution", {"base": base})
    return outcome
