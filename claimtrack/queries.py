"""Questions users ask of a database: who said what, which speakers there are, which claims say a thing."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from .lang.text import fold_for_match, tokens
from .crossdiff import Fact, across_languages, compare_facts, language
from .diff import DiffOp, marked, word_diff
from .search import query_key, word_keys
from .errors import ClaimtrackError
from .match import attribution_conflicts, title_conflicts
from .pipeline import compare_versions
from .semantic import vectors_readable
from .relation import Comparison as Relating
from .speakers import UNATTRIBUTED, Registry, SpeakerKind
from .speakers.lookup import SpeakerMatch, closest, display_name, match_speakers
from .store import EVERYTHING, Scope, Store

AMBIGUITY_MARGIN = 8.0  # a second candidate this close to the best makes a name ambiguous


def _registry(store: Store) -> Registry:
    return Registry.for_store(store)


def find_speaker(store: Store, name: str) -> SpeakerMatch:
    """The one stored speaker a user's name means (Latin or Arabic, any spelling), and how it matched.

    Raises with the closest speakers ("did you mean") when none matches well, and with the candidates when
    several match equally well.
    """
    registry = _registry(store)
    present = store.speakers_present() - {UNATTRIBUTED}
    hits = match_speakers(registry, name, present)
    if not hits:
        near = closest(registry, name, present)
        hint = f"did you mean {', '.join(near)}?" if near else "the database has no speakers yet"
        raise ClaimtrackError(f"no speaker matches {name!r}; {hint} (`claimtrack speakers` lists them)")
    best = hits[0]
    rivals = [
        m.speaker
        for m in hits[1:]
        if m.kind == best.kind and m.score >= best.score - (0 if best.score >= 99 else AMBIGUITY_MARGIN)
    ]
    if rivals:
        names = ", ".join([best.speaker, *rivals])
        raise ClaimtrackError(f"{name!r} is ambiguous: it may mean {names}; give more of the name")
    return best


def who_said(
    store: Store, name: str, *, min_confidence: float = 0.0, scope: Scope = EVERYTHING, limit: int | None = None
) -> tuple[SpeakerMatch, list[dict]]:
    """A speaker's statements, each with its article's title, outlet, address and date; each row says which
    speaker the name matched and how."""
    match = find_speaker(store, name)
    rows = store.statements(speakers=[match.speaker], min_confidence=min_confidence, scope=scope, limit=limit)
    for row in rows:
        row.update(matched_speaker=match.speaker, match=str(match.kind), match_score=match.score)
    return match, rows


MATCH_COLUMNS = ("matched_speaker", "match", "match_score")


def speaker_list(store: Store, scope: Scope = EVERYTHING) -> list[dict]:
    """Every speaker with counts and a Latin display name; the unattributed statements are not a speaker."""
    registry = _registry(store)
    rows = [row for row in store.speaker_table(scope) if row["kind"] != SpeakerKind.unattributed]
    for row in rows:
        row["latin"] = display_name(registry, row["speaker"])
    return rows


def group_by_cluster(rows: list[dict]) -> list[dict]:
    """One row per claim cluster: the first version's text, every outlet and cue that carried it, and its
    ``sources``, "outlet (date)" in the order they published it (undated last)."""
    groups: dict[object, dict] = {}
    for row in rows:
        key = row.get("cluster") or ("statement", row["id"])
        g = groups.get(key)
        if g is None:
            g = groups[key] = {
                "cluster": row.get("cluster"),
                "speaker": row["speaker"],
                "text": row["text"],
                "outlets": [],
                "articles": [],
                "cues": [],
                "citations": [],
                "kind": row["kind"],
                "statements": 0,
            }
        g["statements"] += 1
        for field, value in (
            ("outlets", row.get("outlet") or row["article"]),
            ("articles", row["article"]),
            ("cues", row["cue"]),
            ("citations", citation(row)),
        ):
            if value not in g[field]:
                g[field].append(value)
    for g in groups.values():
        g["citations"].sort(key=lambda c: (c["published"] is None, c["published"] or ""))
        g["first_published"] = g["citations"][0]["published"]
        g["sources"] = [source_line(c) for c in g["citations"]]
    return list(groups.values())


def citation(row: dict) -> dict:
    """Where a statement was read: its article's outlet (or id), title, address and published date."""
    return {
        "outlet": row.get("outlet") or row["article"],
        "title": row.get("title"),
        "url": row.get("url"),
        "published": row.get("published"),
    }


def source_line(cite: dict) -> str:
    return f"{cite['outlet']} ({cite['published']})" if cite.get("published") else cite["outlet"]


# ----- full-text search -----

FTS_OPERATORS = ("AND", "OR", "NOT", "NEAR")
# A query's pieces: a "phrase" (its closing mark may be missing), a bracket, NEAR's comma, or a word (prefix*).
_FTS_PIECE = re.compile(r'"[^"]*"?|[(),]|[^\s"(),]+')
SNIPPET_WORDS = 14


@dataclass(frozen=True)
class SearchTerm:
    """One thing a query looks for, to pick out in a snippet: a search key (``search.word_keys``), a key's
    prefix, or a word of an exact phrase (folded)."""

    key: str
    prefix: bool = False
    exact: bool = False

    def hit(self, word: str) -> bool:
        if self.exact:
            return fold_for_match(word) == self.key
        keys = word_keys(word)
        return any(k.startswith(self.key) for k in keys) if self.prefix else self.key in keys


def fts_query(query: str) -> str:
    """A user's query as an FTS5 query over ``claims_fts`` (``search_query``)."""
    return search_query(query)[0]


def search_query(query: str) -> tuple[str, list[SearchTerm]]:
    """A user's query as an FTS5 query over ``claims_fts``, and the terms it looks for.

    A word is looked up by its search key (clitics peeled: ``search.query_key``), so الصفقة finds صفقة and
    بالصفقة; a "quoted phrase" matches the folded text exactly (hamza, ى/ي, ة/ه and diacritics still do not
    matter); OR, NOT, AND, NEAR(...) and prefix* keep their FTS5 meaning.
    """
    out: list[str] = []
    terms: list[SearchTerm] = []
    brackets: list[bool] = []  # for each open bracket, whether it is NEAR's
    for piece in _FTS_PIECE.findall(query):
        if piece.startswith('"'):
            out.append(_phrase(piece, query, near=any(brackets), terms=terms))
        elif piece == "(":
            brackets.append(bool(out) and out[-1] == "NEAR")
            out.append(piece)
        elif piece == ")":
            if brackets:
                brackets.pop()
            out.append(piece)
        elif piece in FTS_OPERATORS or piece == "," or (out and out[-1] == "," and piece.isdigit()):
            out.append(piece)
        else:
            out.extend(_word_keys(piece, terms))
    if not terms:
        raise ClaimtrackError('nothing to search for; give a word or a "phrase"')
    return " ".join(out), terms


def _phrase(piece: str, query: str, *, near: bool, terms: list[SearchTerm]) -> str:
    if len(piece) < 2 or not piece.endswith('"'):
        raise ClaimtrackError(f'cannot search for {query!r}: a "phrase" has no closing quotation mark')
    words = fold_for_match(piece[1:-1]).split()
    terms.extend(SearchTerm(w, exact=True) for w in words)
    phrase = '"' + " ".join(words) + '"'
    # Inside NEAR(...) FTS5 takes no column filter; the phrase may then also meet the search keys.
    return phrase if near else "norm : " + phrase


def _word_keys(piece: str, terms: list[SearchTerm]) -> list[str]:
    prefix = piece.endswith("*")
    words = [t.raw for t in tokens(piece.rstrip("*")) if t.is_word]
    keys = []
    for n, word in enumerate(words):
        last_prefix = prefix and n == len(words) - 1
        key = query_key(word, prefix=last_prefix)
        if key:
            terms.append(SearchTerm(key, prefix=last_prefix))
            keys.append('"' + key + '"' + ("*" if last_prefix else ""))
    return keys


def search(store: Store, query: str, *, scope: Scope = EVERYTHING, limit: int | None = None) -> list[dict]:
    """Claims matching a query (``fts_query``), best first, each with a ``snippet`` of the original text around
    the first hit and the ``matches`` it contains."""
    fts, terms = search_query(query)
    rows = store.search_statements(fts, scope=scope, limit=limit)
    for row in rows:
        row["snippet"], row["matches"] = _snippet(row["text"], terms)
    return rows


def _snippet(text: str, terms: list[SearchTerm]) -> tuple[str, list[str]]:
    words = [t for t in tokens(text) if t.is_word]
    if not words:
        return text, []
    hits = [i for i, w in enumerate(words) if any(term.hit(w.raw) for term in terms)]
    start = max(0, (hits[0] if hits else 0) - SNIPPET_WORDS // 3)
    end = min(len(words), start + SNIPPET_WORDS)
    start = max(0, end - SNIPPET_WORDS)
    excerpt = text[words[start].start : words[end - 1].end]
    excerpt = ("… " if start else "") + excerpt + (" …" if end < len(words) else "")
    return excerpt, list(dict.fromkeys(words[i].raw for i in hits if start <= i < end))


# ----- versions of a claim, conflicts -----

VERSION_FIELDS = (
    "id",
    "article",
    "outlet",
    "title",
    "url",
    "published",
    "speaker",
    "speaker_as_written",
    "cue",
    "text",
    "restates",
)


@dataclass
class Comparison:
    """Versions of a claim, the base first, and each later version's changes against the base: its word changes
    in the base's language, its facts compared (numbers, names, negation, speaker) in another language."""

    versions: list[dict]
    diffs: list[list[DiffOp]]  # empty for a version in another language: its words say nothing of the base's
    relations: list[Relating]  # each later version's typed relation to the base
    facts: list[list[Fact]]  # per later version; empty in the base's language

    def to_dict(self) -> dict:
        base = self.versions[0]["id"]
        return {
            "versions": [
                {k: v.get(k) for k in VERSION_FIELDS} | {"language": language(v["text"])} for v in self.versions
            ],
            "diffs": [
                {
                    "a": base,
                    "b": v["id"],
                    **rel.to_dict(),
                    "across_languages": bool(found),
                    "facts": [f.to_dict() for f in found],
                    "ops": [op.to_dict() for op in ops],
                }
                for v, ops, rel, found in zip(self.versions[1:], self.diffs, self.relations, self.facts)
            ],
        }

    def marks(self) -> list[str]:
        """Each later version's typed change against the base: "contradicts: negation 0 -> 1"."""
        return [relation_text(rel) for rel in self.relations]

    def rows(self) -> list[dict]:
        """One row per version, its text marked against the base the way wdiff marks it; a version in another
        language has its facts compared instead ("numbers same: 500 | 500; names changed: ...")."""
        marks = [
            "",
            *(
                "; ".join(f.line() for f in found) if found else marked(ops)
                for ops, found in zip(self.diffs, self.facts)
            ),
        ]
        relations = ["", *self.marks()]
        return [
            {**{k: v.get(k) for k in VERSION_FIELDS}, "relation": r, "changes": m}
            for v, r, m in zip(self.versions, relations, marks)
        ]


COMPARISON_COLUMNS = (*VERSION_FIELDS, "relation", "changes")


def relation_text(rel: Relating) -> str:
    parts = [f"{c.kind} {c.a or '-'} -> {c.b or '-'}" for c in rel.changes if str(c.kind) != "word"]
    return str(rel.relation) + (": " + "; ".join(parts) if parts else "")


def compare_cluster(store: Store, cluster: int, scope: Scope = EVERYTHING) -> Comparison:
    """A cluster's versions; the base is the earliest published (the first stored when dates are unknown)."""
    versions = store.cluster_statements(cluster, scope)
    if not versions:
        known = store.claims(cluster=cluster)
        if known:
            raise ClaimtrackError(f"claim cluster {cluster} has no statement in the articles asked for")
        raise ClaimtrackError(f"no claim cluster {cluster}; `claimtrack claims` lists them")
    return _compare(versions, store)


def compare_statements(store: Store, a: int, b: int) -> Comparison:
    """Two statements by id, ``a`` the base."""
    versions = store.statements_by_id([a, b])
    missing = {a, b} - {v["id"] for v in versions}
    if missing:
        raise ClaimtrackError(f"no statement {min(missing)}; `claimtrack export` lists them")
    versions.sort(key=lambda v: v["id"] != a)
    return _compare(versions, store)


def _compare(versions: list[dict], store: Store) -> Comparison:
    base = versions[0]
    facts = [compare_facts(base, v) if across_languages(base, v) else [] for v in versions[1:]]
    diffs = [[] if found else word_diff(base["text"], v["text"]) for v, found in zip(versions[1:], facts)]
    vectors = store.vectors([v["id"] for v in versions]) if vectors_readable() else None
    return Comparison(versions, diffs, compare_versions(versions, vectors, store.speaker_roles()), facts)


def explain_claims(store: Store, rows: list[dict]) -> None:
    """Add to each claim row the links that joined its cluster ("12-40 paraphrase 0.71"), and the statements
    restating one of its versions in their article ("11 restates 12": a headline), as ``links``."""
    links: dict[int, list[str]] = {}
    for r in store.relations(joined=True):
        kind = "" if r["relation"] == "same" else f" ({r['relation']})"
        links.setdefault(r["a_cluster"], []).append(f"{r['a']}-{r['b']} {r['rule']} {r['score']:.2f}{kind}")
    for r in store.restatements([row["cluster"] for row in rows]):
        links.setdefault(r["cluster"], []).append(f"{r['id']} restates {r['restates']}")
    for row in rows:
        row["links"] = links.get(row["cluster"], [])


CONFLICT_COLUMNS = ("conflict", "cluster", "who", "what", "claim", "versus", "outlets")


def conflicts(
    store: Store, scope: Scope = EVERYTHING, limit: int | None = None, kinds: list[str] | None = None
) -> dict[str, list[dict]]:
    """Versions of one claim that contradict, change or move it to another speaker (``relations``), claims
    put in different speakers' mouths (``claims``) and speakers whose titles differ (``titles``)."""
    return {
        "relations": [_relation(r) for r in store.relations(kinds=kinds, scope=scope, limit=limit)],
        "claims": attribution_conflicts(store.claims(min_size=2, scope=scope, conflicting=True, limit=limit)),
        "titles": title_conflicts(store.role_rows(scope))[:limit],
    }


def _relation(r: dict) -> dict:
    sides = {
        side: {"id": r[side], **{k: r[f"{side}_{k}"] for k in ("text", "speaker", "outlet", "date", "cluster")}}
        for side in ("a", "b")
    }
    what = "; ".join(f"{c['kind']} {c['a'] or '-'} -> {c['b'] or '-'}" for c in r["changes"])
    return {k: r[k] for k in ("relation", "score", "rule", "joined", "changes")} | {"what": what} | sides


def conflict_rows(found: dict[str, list[dict]]) -> list[dict]:
    """Every kind of conflict as rows of one table (``CONFLICT_COLUMNS``)."""
    rows = [
        {
            "conflict": r["relation"],
            "cluster": r["a"]["cluster"],
            "who": [r["a"]["speaker"], r["b"]["speaker"]],
            "what": r["what"],
            "claim": r["a"]["text"],
            "versus": r["b"]["text"],
            "outlets": [f"{r[s]['outlet']} ({r[s]['date'] or '?'})" for s in ("a", "b")],
        }
        for r in found.get("relations", [])
    ]
    rows += [
        {
            "conflict": "speakers",
            "cluster": c["cluster"],
            "who": c["speakers"],
            "claim": c["claim"],
            "outlets": c["outlets"],
        }
        for c in found["claims"]
    ]
    return rows + [{"conflict": "titles", "who": t["speaker"], "claim": t["titles"]} for t in found["titles"]]


# ----- one article -----


def article_statements(store: Store, article: str) -> tuple[dict, list[dict]]:
    """An article (by id, the file it was read from, or its file name alone when no other has it) and its
    statements in text order."""
    row = find_article(store, article)
    return row, store.statements(article=row["id"])


def explain_statements(row: dict, statements: list[dict]) -> None:
    """Add ``explain`` to each stored statement of an article: the extraction stages and data entries that made
    it, found by running extraction again over the stored text (it is a pure function of the text)."""
    from .corpus import parse_text
    from .extract import extract_article

    traces = {
        (st.char_start, st.char_end): st.trace
        for st in extract_article(parse_text(row["text"] or "", row["id"], language=row.get("language")))
    }
    for st in statements:
        st["explain"] = traces.get(
            (st["char_start"], st["char_end"]),
            [
                "not found again: the article was stored by another version of claimtrack; `claimtrack rematch` or a "
                "new ingest brings it up to date"
            ],
        )


def find_article(store: Store, article: str) -> dict:
    """The stored article a user means: its id ("corpus/baghdad-today.txt"), a path ending in it, or a file
    name with or without extension ("baghdad-today") that only one article has; raises when none or several."""
    row = store.article(article)
    if row is not None:
        return row
    wanted = article.replace("\\", "/").strip("/")
    ids = store.article_ids()
    hits = [i for i in ids if _names(i, wanted)]
    if len(hits) == 1:
        return store.article(hits[0])
    if hits:
        raise ClaimtrackError(f"{article!r} may be any of {', '.join(hits[:8])}; give more of the path")
    close = (
        difflib.get_close_matches(wanted, ids, n=3)
        or [i for i in ids if difflib.get_close_matches(wanted, [_stem(i)], n=1)][:3]
    )
    hint = f"did you mean {', '.join(close)}?" if close else f"articles are {', '.join(ids[:8])}"
    raise ClaimtrackError(f"no article {article!r}; {hint}")


def _names(article_id: str, wanted: str) -> bool:
    """Whether a user's ``wanted`` names ``article_id``: a path ending in it, the end of it, or its file name."""
    return (
        wanted.endswith("/" + article_id)
        or article_id.endswith("/" + wanted)
        or wanted in (PurePosixPath(article_id).name, _stem(article_id))
    )


def _stem(article_id: str) -> str:
    return PurePosixPath(article_id.split(":", 1)[0]).stem
