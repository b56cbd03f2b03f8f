"""Search keys: words with their Arabic clitics peeled, so that searching a word finds its clitic forms.

A claim is indexed twice (``store``'s ``claims_fts``): folded as written (``norm``, for exact "quoted phrases")
and as search keys (``stems``). The same peeling turns a query's words into keys, so الصفقة, والصفقة,
بالصفقة, للصفقة and صفقتهم all meet صفقة. Which clitics are peeled is language data (``lang/<language>/search.toml``).

Peeling is light on purpose: the article and what stands before it are always peeled (والصفقة -> صفقة), but a
lone و, ف, ب, ل or ك may be the word's own first letter (وزير, فصل, بيع), so such a word is indexed both with
and without it, and a query word keeps it. A word never shrinks below ``min_stem`` letters.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .lang import text_pack
from .lang.text import fold, tokens

# Stands for the feminine ending while pronouns are peeled: folding makes ة into ه, which is also a pronoun.
_FEMININE = "\ue000"


@dataclass(frozen=True)
class Clitics:
    conjunctions: tuple[str, ...]
    prepositions: tuple[str, ...]
    articles: tuple[str, ...]
    pronouns: tuple[str, ...]  # longest first
    unsure_pronouns: frozenset[str]  # peeled into a second key only
    min_stem: int
    # Every run of proclitics that ends in the article (وبال, لل, فلل), longest first.
    article_runs: tuple[str, ...] = ()
    feminine_ending: str = ""  # as written (ة): kept apart from the pronoun it folds to (ه)
    folded_feminine: str = ""
    bound_feminine: tuple[str, ...] = ()  # the feminine ending as written before a pronoun (صفقة + هم = صفقتهم)

    @classmethod
    @lru_cache(maxsize=None)
    def load(cls, language: str) -> "Clitics":
        lex = lexicon.load(language)
        runs = {
            conj + prep + article
            for conj in ("", *lex.search_conjunctions)
            for prep in ("", *lex.search_prepositions)
            for article in lex.search_articles
            # لل is ل with the article already: no second preposition before it.
            if not (prep and article.startswith(tuple(lex.search_prepositions)))
        }
        feminine = lex.feminine_endings[0] if lex.feminine_endings else ""
        return cls(
            lex.search_conjunctions,
            lex.search_prepositions,
            lex.search_articles,
            lex.search_pronouns,
            lex.search_unsure_pronouns,
            lex.search_min_stem or 3,
            tuple(sorted(runs, key=len, reverse=True)),
            feminine,
            fold(feminine),
            tuple(bound for bound, alone in lex.bound_feminine_endings.items() if feminine and alone == fold(feminine)),
        )

    def keep_feminine(self, word: str) -> str:
        """``word`` with its feminine ending kept apart (``given_back`` undoes it after folding and peeling)."""
        return word.replace(self.feminine_ending, _FEMININE) if self.feminine_ending else word

    def given_back(self, form: str) -> str:
        return form.replace(_FEMININE, self.folded_feminine)


def word_keys(word: str, clitics: Clitics | None = None) -> tuple[str, ...]:
    """The index keys of one word: its stem first, then its stems without a lone conjunction or preposition
    that may be a clitic or may be the word's own letter."""
    clitics = clitics or Clitics.load(text_pack(word).code)
    folded = fold(clitics.keep_feminine(word))
    forms = _peel_front(folded, clitics)
    return tuple(dict.fromkeys(key for form in forms for key in _peel_end(form, clitics)))


def query_key(word: str, *, prefix: bool = False, clitics: Clitics | None = None) -> str:
    """The key a query word is looked up by: its first index key. A prefix (``word*``) keeps its end, which may
    be half of a longer ending."""
    clitics = clitics or Clitics.load(text_pack(word).code)
    if prefix:
        return clitics.given_back(_peel_front(fold(clitics.keep_feminine(word)), clitics)[0])
    return word_keys(word, clitics)[0]


def index_text(text: str, clitics: Clitics | None = None) -> str:
    """A claim's search keys, space-separated, in its words' order: what the ``stems`` column holds."""
    clitics = clitics or Clitics.load(text_pack(text).code)
    return " ".join(key for t in tokens(text) if t.is_word for key in word_keys(t.raw, clitics) if key)


def _peel_front(word: str, clitics: Clitics) -> list[str]:
    for run in clitics.article_runs:
        if word.startswith(run) and len(word) - len(run) >= clitics.min_stem:
            return [word[len(run) :]]
    forms = [word]
    rest = word
    for letters in (clitics.conjunctions, clitics.prepositions):
        if rest[:1] in letters and len(rest) - 1 >= clitics.min_stem:
            rest = rest[1:]
            forms.append(rest)
    return forms


def _peel_end(word: str, clitics: Clitics) -> list[str]:
    """The word without an attached pronoun; with an unsure one, the word as it is first, then without it."""
    forms = [word]
    for pronoun in clitics.pronouns:
        if word.endswith(pronoun) and len(word) - len(pronoun) >= clitics.min_stem:
            stem = word[: -len(pronoun)]
            bound = next((b for b in clitics.bound_feminine if stem.endswith(b)), None)
            if bound:
                stem = stem[: -len(bound)] + _FEMININE
            forms = [word, stem] if pronoun in clitics.unsure_pronouns else [stem]
            break
    return [clitics.given_back(form) for form in forms]
