"""Language packs: each language claimtrack reads is a folder here, the way spaCy's ``lang/xx/`` packs are.

A pack ``lang/<code>/`` is data files (``pack.toml``: its name, how it is recognised, how its text folds; then
cues, grammar, titles, speakers...) and one small module of hooks, ``lang/<code>/__init__.py``, for what data
cannot say (clitics, stems, name keys, verb inflection). ``lang/base/`` holds what every pack shares:
punctuation and quotation marks, scripts. Code outside the packs holds no letter of any language.

    available()                    the codes of the packs, found from the folders
    pack(code)                     a pack: its data (``lexicon``), its hooks, its detection profile
    detect_language(text, declared) an article's language: a declared (metadata) language wins, otherwise the
                                   script its letters are in and the function words of the packs in that script
    text_pack(text)                the pack to read a piece of text of unknown language with
    hooks_for(text)                that pack's hooks; ``name_key`` and ``strip_article`` through them
"""

from __future__ import annotations

import importlib
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import ModuleType

from ..errors import ClaimtrackError

BASE = "base"
PACK_FILE = "pack.toml"


def _folder():
    return resources.files("claimtrack").joinpath("lang")


@lru_cache(maxsize=None)
def available() -> tuple[str, ...]:
    """The codes of the language packs: the folders under ``lang/`` that hold a ``pack.toml``."""
    return tuple(sorted(p.name for p in _folder().iterdir() if p.name != BASE and p.joinpath(PACK_FILE).is_file()))


def read_toml(code: str, name: str) -> dict:
    """A data file of a pack (or of ``base``), parsed; a missing or broken file is an error naming it."""
    try:
        text = _folder().joinpath(code, name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ClaimtrackError(f"lang/{code}/{name}: no such file (language {code!r})") from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ClaimtrackError(f"lang/{code}/{name}: {exc}") from exc


def check_keys(where: str, doc: dict, required: set[str], optional: set[str] = frozenset()) -> dict:
    """``doc`` unchanged when it holds every required key and nothing else known; otherwise an error naming
    the file and the key (a typo or a dead entry is found at load time, not by a silent default)."""
    for key in sorted(required - doc.keys()):
        raise ClaimtrackError(f"{where}: missing key {key!r}")
    for key in sorted(doc.keys() - required - optional):
        raise ClaimtrackError(f"{where}: key {key!r} is read by no code")
    return doc


_PACK_KEYS = {"name", "detect", "text"}
_DETECT_KEYS = {"script"}
_DETECT_OPTIONAL = {"default_for_script", "function_words", "marker_letters", "min_share", "legacy_encodings"}
_TEXT_OPTIONAL = {"marks", "letters", "digits", "word_final", "word_letters", "editorial_notes"}


@lru_cache(maxsize=None)
def pack_data(code: str) -> dict:
    """A pack's ``pack.toml``, its keys checked."""
    where = f"lang/{code}/{PACK_FILE}"
    doc = check_keys(where, read_toml(code, PACK_FILE), _PACK_KEYS)
    check_keys(f"{where} [detect]", doc["detect"], _DETECT_KEYS, _DETECT_OPTIONAL)
    check_keys(f"{where} [text]", doc["text"], set(), _TEXT_OPTIONAL)
    return doc


@lru_cache(maxsize=None)
def base(name: str) -> dict:
    """A data file of the base pack (``punctuation``, ``scripts``, ``unread``)."""
    return read_toml(BASE, f"{name}.toml")


@dataclass(frozen=True)
class Pack:
    code: str
    name: str
    hooks: ModuleType  # the pack's module: fold-independent word hooks (stems, name_key, STOPWORDS...)

    @property
    def lexicon(self):
        """The pack's data as one ``Lexicon`` (read strictly on first use)."""
        from .. import lexicon

        return lexicon.load(self.code)


# What a pack's hooks module must define: the code outside the packs calls these by name.
HOOKS = (
    "stems",
    "strip_article",
    "name_key",
    "light_stem",
    "content_stems",
    "STOPWORDS",
    "PROCLITICS",
    "CUE_OBJECT_SUFFIXES",
    "verb_forms",
)


@lru_cache(maxsize=None)
def pack(code: str) -> Pack:
    """The pack of a language code; an error naming the packs there are when there is none, or the hook a
    pack's module lacks."""
    if code not in available():
        raise ClaimtrackError(f"claimtrack has no language pack {code!r} (it has: {', '.join(available())})")
    return Pack(code, pack_data(code)["name"], _hooks(code))


def _hooks(code: str) -> ModuleType:
    try:
        hooks = importlib.import_module(f"{__name__}.{code}")
    except ModuleNotFoundError as exc:
        raise ClaimtrackError(f"lang/{code}/__init__.py: no hooks module for language {code!r}") from exc
    for name in HOOKS:
        if not hasattr(hooks, name):
            raise ClaimtrackError(f"lang/{code}/__init__.py: missing hook {name!r}")
    return hooks


# ----- detection -----


@dataclass(frozen=True)
class _Profile:
    code: str
    script: str
    function_words: frozenset[str]
    marker_letters: frozenset[str]
    default_for_script: bool
    min_share: float


def _profile(code: str, detect: dict, where: str) -> _Profile:
    from .text import fold

    check_keys(where, detect, _DETECT_KEYS, _DETECT_OPTIONAL)
    if detect["script"] not in base("scripts"):
        raise ClaimtrackError(f"{where}: script {detect['script']!r} is not in lang/base/scripts.toml")
    return _Profile(
        code,
        detect["script"],
        frozenset(fold(w) for w in detect.get("function_words", ())),
        frozenset(detect.get("marker_letters", "")),
        bool(detect.get("default_for_script", False)),
        float(detect.get("min_share", 0.05)),
    )


@lru_cache(maxsize=None)
def _profiles() -> tuple[_Profile, ...]:
    packs = [_profile(c, pack_data(c)["detect"], f"lang/{c}/{PACK_FILE} [detect]") for c in available()]
    unread = [_profile(c, d, f"lang/{BASE}/unread.toml [{c}]") for c, d in base("unread").items()]
    return (*packs, *unread)


@lru_cache(maxsize=None)
def _script_ranges() -> dict[str, list[tuple[str, str]]]:
    return {name: [tuple(r) for r in entry["ranges"]] for name, entry in base("scripts").items()}


_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=None)
def _script_letters() -> dict[str, re.Pattern]:
    """Each script's letters as one pattern (its ranges, letters only)."""
    out = {}
    for name, ranges in _script_ranges().items():
        chars = "".join(f"{re.escape(a)}-{re.escape(b)}" for a, b in ranges)
        out[name] = re.compile(f"(?=[{chars}])[^\\W\\d_]")
    return out


def _script_counts(text: str) -> tuple[dict[str, int], int]:
    """How many letters of the text each script holds (scripts in data order), and how many letters in all."""
    counts = {name: len(p.findall(text)) for name, p in _script_letters().items()}
    return {name: n for name, n in counts.items() if n}, len(_LETTER.findall(text))


def _declared(declared: str | None) -> str | None:
    """A metadata language tag reduced to its language ("ar-EG" and "AR_eg" are "ar")."""
    code = re.split(r"[-_]", (declared or "").strip().lower())[0]
    return code or None


def detect_language(text: str, declared: str | None = None) -> str:
    """The language of an article: ``declared`` (its metadata's) when given, otherwise by its text.

    The script that holds at least half of the letters decides which languages are possible. Among them, one
    whose marker letters (letters only it writes) make up more than its share of the script's letters wins,
    then the one whose function words are the largest share of the words, if at least its ``min_share``;
    otherwise the pack that is the script's default. "und" when no script holds half of the letters, "und-"
    and the script's name when no language of that script is recognised. The code may name a language with no
    pack (so that an article in it is refused by name).
    """
    code = _declared(declared)
    if code:
        return code
    counts, total = _script_counts(text)
    script = next((s for s, n in counts.items() if n * 2 >= total), None) if total else None
    if script is None:
        return "und"
    profiles = [p for p in _profiles() if p.script == script]
    for p in profiles:
        if p.marker_letters and sum(ch in p.marker_letters for ch in text) > counts[script] * p.min_share:
            return p.code
    scored = [(p, _function_share(text, p)) for p in profiles if p.function_words]
    best = max(scored, key=lambda ps: ps[1], default=None)
    if best and best[1] >= best[0].min_share:
        return best[0].code
    default = next((p.code for p in profiles if p.default_for_script), None)
    return default or f"und-{script}"


def _function_share(text: str, profile: _Profile) -> float:
    from .text import fold

    words = re.findall(r"[^\W\d_]+", fold(text))
    return sum(w in profile.function_words for w in words) / len(words) if words else 0.0


def text_pack(text: str) -> Pack:
    return _text_pack_short(text) if len(text) <= 64 else _text_pack(text)


@lru_cache(maxsize=1 << 16)
def _text_pack_short(text: str) -> Pack:
    return _text_pack(text)


def _text_pack(text: str) -> Pack:
    """The pack to read a piece of text of unknown language with (a claim, a name, a query): its detected
    language's pack, else the pack of the script most of its letters are in; a text with no letters (or none
    a pack reads) has no words for packs to differ on and is read with the first pack."""
    code = detect_language(text)
    if code in available():
        return pack(code)
    counts, _ = _script_counts(text)
    for script, _n in sorted(counts.items(), key=lambda sn: -sn[1]):
        for p in _profiles():
            if p.script == script and p.code in available():
                return pack(p.code)
    return pack(available()[0])


def hooks_for(text: str) -> ModuleType:
    """The hooks of ``text_pack(text)``: for a word or a name met outside an article (a query, a stored alias)."""
    return text_pack(text).hooks


def name_key(name: str) -> str:
    """A spelling-insensitive key for a name, by the hooks of the script it is written in."""
    return hooks_for(name).name_key(name)


def strip_article(word: str) -> str:
    """A folded word without its definite article, by the hooks of the script it is written in."""
    return hooks_for(word).strip_article(word)
