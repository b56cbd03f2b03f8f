"""Language packs: found from their folders, loaded strictly, chosen per article; no letter of a pack's script in
code outside its pack."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from claimtrack import lang, lexicon
from claimtrack.corpus import parse_text
from claimtrack.errors import ClaimtrackError

PACKAGE = Path(lang.__file__).parent.parent


def _script_pattern(script: str) -> re.Pattern:
    ranges = lang.base("scripts")[script]["ranges"]
    return re.compile("[" + "".join(f"{re.escape(a)}-{re.escape(b)}" for a, b in ranges) + "]")


def _scanned_scripts() -> dict[str, re.Pattern]:
    """The scripts of the packs, but Latin: code is written in Latin letters, so an English pack's words are
    kept out of code by review, not by this scan."""
    scripts = {lang.pack_data(code)["detect"]["script"] for code in lang.available()}
    return {s: _script_pattern(s) for s in sorted(scripts - {"Latn"})}


def _code_strings(source: str) -> list[tuple[int, str]]:
    """(line, value) of every string constant that is not a docstring (a string standing alone as a statement).

    Comments and docstrings are left out on purpose: they show a reader the words a rule is about ("قال",
    "أن ... وأن"), change no behaviour, and are not language knowledge the code acts on; every letter the code
    compares or produces is a string constant. Escapes count: "\\u0627" is the letter it stands for."""
    tree = ast.parse(source)
    docs = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


def _files_with_letters() -> dict[str, list[int]]:
    packs = {PACKAGE / "lang" / code for code in lang.available()}
    scripts = _scanned_scripts()
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if any(pack in path.parents for pack in packs):
            continue
        strings = _code_strings(path.read_text(encoding="utf-8"))
        lines = sorted({n for n, text in strings if any(p.search(text) for p in scripts.values())})
        if lines:
            found[path.relative_to(PACKAGE).as_posix()] = lines
    return found


def test_no_letter_of_a_pack_script_in_code_outside_the_packs():
    found = _files_with_letters()
    assert not found, f"letters of a pack's script in code (move them to the pack's data or hooks): {found}"


def test_the_scan_sees_code_strings_and_not_comments_or_docstrings():
    source = 'def f():\n    """قال"""\n    # أن\n    return x in "وف"\n'
    assert [n for n, text in _code_strings(source) if _scanned_scripts()["Arab"].search(text)] == [4]


def test_packs_are_found_from_their_folders():
    assert {"ar", "en"} <= set(lang.available()) and "base" not in lang.available()
    ar = lang.pack("ar")
    assert ar is lang.pack("ar")  # cached
    assert ar.name == "Arabic" and ar.lexicon.language == "ar" and callable(ar.hooks.name_key)
    with pytest.raises(ClaimtrackError, match=r"no language pack 'xx' \(it has: .*ar"):
        lang.pack("xx")


@pytest.mark.parametrize(
    "text, declared, expected",
    [
        ("وقال الوزير إن المحادثات ستجري في موسكو الأسبوع المقبل.", None, "ar"),
        ("The minister said that the talks would take place in Moscow next week.", None, "en"),
        ("وزیر امور خارجه گفت که گفتگوها در مسکو برگزار می‌شود و پیشرفت کرده است.", None, "fa"),
        # A declared (metadata) language wins over the text, region and case aside.
        ("وقال الوزير إن المحادثات ستجري في موسكو.", "en-GB", "en"),
        ("The minister said the talks would go on.", "AR_eg", "ar"),
        # Mixed text: the script of most letters decides; an English quote in an Arabic report is Arabic.
        ('وقال المتحدث باسم البيت الأبيض جون كيربي للصحفيين إن "we are deeply concerned" بشأن الصفقة.', None, "ar"),
        ("Kirby told reporters the deal was «خطير» and that talks would continue.", None, "en"),
        ("Deux ministres se sont rencontrés hier à Berlin pour des discussions.", None, "und-Latn"),
        ("12345 ... !!", None, "und"),
        ("", None, "und"),
    ],
)
def test_detect_language(text, declared, expected):
    assert lang.detect_language(text, declared) == expected


def test_an_article_is_read_with_its_detected_pack():
    article = parse_text("وقال الوزير إن المحادثات ستجري في موسكو.\n")
    assert article.language == "ar"
    with pytest.raises(ClaimtrackError, match="no language pack for it"):
        parse_text("Deux ministres se sont rencontrés hier à Berlin pour des discussions.\n")


def test_text_pack_reads_text_of_no_language_with_a_pack():
    assert lang.text_pack("كيربي").code == "ar"
    assert lang.text_pack("2024-03-07").code in lang.available()


def _load_pack_with(monkeypatch, name, change):
    real = lang.read_toml

    def patched(code, file):
        data = real(code, file)
        if file == name:
            change(data)
        return data

    monkeypatch.setattr(lang, "read_toml", patched)
    lang.pack_data.cache_clear()
    try:
        return lang.pack_data("ar")
    finally:
        lang.pack_data.cache_clear()


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.pop("name"), r"lang/ar/pack\.toml: missing key 'name'"),
        (lambda d: d.update(nmae="Arabic"), r"lang/ar/pack\.toml: key 'nmae' is read by no code"),
        (lambda d: d["detect"].pop("script"), r"lang/ar/pack\.toml \[detect\]: missing key 'script'"),
        (lambda d: d["text"].update(letter={}), r"lang/ar/pack\.toml \[text\]: key 'letter' is read by no code"),
    ],
)
def test_a_pack_file_loads_strictly(monkeypatch, change, message):
    with pytest.raises(ClaimtrackError, match=message):
        _load_pack_with(monkeypatch, "pack.toml", change)


def test_a_missing_or_broken_data_file_is_an_error_naming_it(monkeypatch, tmp_path):
    with pytest.raises(ClaimtrackError, match=r"lang/ar/nothing\.toml: no such file"):
        lang.read_toml("ar", "nothing.toml")

    def broken(language, name):
        if name == "titles.toml":
            raise ClaimtrackError("lang/ar/titles.toml: Expected '=' after a key (at line 3, column 7)")
        return lang.read_toml(language, name)

    monkeypatch.setattr(lexicon, "_read", broken)
    with pytest.raises(ClaimtrackError, match=r"lang/ar/titles\.toml: Expected"):
        lexicon.load.__wrapped__("ar")


def test_a_data_key_of_a_pack_no_code_reads_is_an_error_naming_file_and_key(monkeypatch):
    real = lexicon._read

    def patched(language, name):
        data = real(language, name)
        if name == "cues.toml":
            data["preposition"]["phrasess"] = []
        return data

    monkeypatch.setattr(lexicon, "_read", patched)
    with pytest.raises(ClaimtrackError, match=r"lang/ar/cues\.toml: key 'preposition\.phrasess' is read by no code"):
        lexicon.load.__wrapped__("ar")


def test_the_package_ships_every_pack_file():
    pyproject = (PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"lang/*/*.toml"' in pyproject
    packs = [p for p in (PACKAGE / "lang").iterdir() if p.is_dir() and p.name != "__pycache__"]
    files = [f.relative_to(PACKAGE).as_posix() for p in packs for f in p.iterdir() if f.name != "__pycache__"]
    # What the package-data pattern and the Python package cover: data files and the one hooks module.
    assert files and all(re.fullmatch(r"lang/[a-z]+/([a-z_]+\.toml|__init__\.py)", f) for f in files), files


def test_a_pack_without_a_hook_is_an_error_naming_it(monkeypatch):
    import claimtrack.lang.ar as hooks

    monkeypatch.delattr(hooks, "name_key")
    with pytest.raises(ClaimtrackError, match=r"lang/ar/__init__\.py: missing hook 'name_key'"):
        lang._hooks("ar")


@pytest.mark.parametrize("code", lang.available())
def test_every_pack_loads_strictly(code):
    lex = lexicon.load.__wrapped__(code)
    assert lex.language == code and lex.cue_forms and lex.speakers


# What the shared rules read in English so far (the English pack is a start: see the README).
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "According to officials, the shipment arrived on Tuesday.",
            [("Officials", "the shipment arrived on Tuesday")],
        ),
        (
            "Peskov denied that the talks had stalled. He added that Moscow remained open to dialogue.",
            [("Dmitry Peskov", "the talks had stalled"), ("Dmitry Peskov", "Moscow remained open to dialogue")],
        ),
        (
            "Miller wrote on X that the sanctions would stay in place.",
            [("Matthew Miller", "the sanctions would stay in place")],
        ),
        # The speaker after the quotation, the comma inside it.
        (
            '"We are deeply concerned about this transfer," Kirby told reporters on Monday.',
            [("John Kirby", "We are deeply concerned about this transfer")],
        ),
        (
            '"The talks will resume next week," said Dmitry Peskov.',
            [("Dmitry Peskov", "The talks will resume next week")],
        ),
        # A subject before its verb, with or without "that", past whom it was told and when.
        (
            "Kremlin spokesman Dmitry Peskov said Russia was not interested in the offer.",
            [("Dmitry Peskov", "Russia was not interested in the offer")],
        ),
        (
            "Officials said the attack killed at least 12 people.",
            [("Officials", "the attack killed at least 12 people")],
        ),
        (
            "Thomas-Greenfield warned that the council could not stay silent.",
            [("Linda Thomas-Greenfield", "the council could not stay silent")],
        ),
        # A pronoun subject continues the last speaker.
        (
            "Kirby told reporters on Monday that the talks were advancing. He said the deal would break the rules.",
            [("John Kirby", "the talks were advancing"), ("John Kirby", "the deal would break the rules")],
        ),
        # A pronoun after the quotation continues the last speaker too, before or after its verb.
        (
            'Peskov said the talks would resume. "We are ready to listen," he added. "Nothing is settled," he said.',
            [
                ("Dmitry Peskov", "the talks would resume"),
                ("Dmitry Peskov", "We are ready to listen"),
                ("Dmitry Peskov", "Nothing is settled"),
            ],
        ),
        (
            'Zakharova told reporters the sanctions would stay. "They will not be lifted soon," she said.',
            [("Maria Zakharova", "the sanctions would stay"), ("Maria Zakharova", "They will not be lifted soon")],
        ),
        # "she" never continues a man: the woman named before, else nobody.
        (
            'Miller told reporters the sanctions would stay. "They will not be lifted soon," she said.',
            [("Matthew Miller", "the sanctions would stay"), ("(unattributed)", "They will not be lifted soon")],
        ),
        # The quotation before the subject is its claim, not what follows the verb; a clause after a comma
        # past the verb does not count against the speaker phrase.
        (
            '"The border will stay closed," Peskov told a press conference in Moscow.',
            [("Dmitry Peskov", "The border will stay closed")],
        ),
        (
            '"The deal breaks the rules," Kirby said, declining to say how the information had been gathered.',
            [("John Kirby", "The deal breaks the rules")],
        ),
        # Past to whom or where it was said, up to its "that"; a "that" inside the claim stays in it.
        (
            "Spokesman John Kirby told a press briefing that the minister had tried to buy shells.",
            [("John Kirby", "the minister had tried to buy shells")],
        ),
        (
            "Dmitry Peskov confirmed to Russian media that the two leaders would meet.",
            [("Dmitry Peskov", "the two leaders would meet")],
        ),
        (
            "Peskov said the deal that was signed would stand.",
            [("Dmitry Peskov", "the deal that was signed would stand")],
        ),
        # "States" in "the United States" is no cue.
        (
            "Watson emphasized that the United States has urged the North to halt the talks.",
            [("Adrienne Watson", "the United States has urged the North to halt the talks")],
        ),
        # A verb whose plain form is also a noun is no cue there.
        ("The report said to be leaked was fake.", []),
    ],
)
def test_english_articles_are_read_with_the_english_pack(text, expected):
    article = parse_text(text + "\n")
    assert article.language == "en"
    from claimtrack.pipeline import analyse
    from claimtrack.speakers import Registry

    statements = analyse(article, Registry.load("en"))
    assert [(st.speaker, st.text) for st in statements] == expected


def test_a_registry_reading_another_language_shares_its_speakers():
    from claimtrack.models import Speaker
    from claimtrack.speakers import Registry

    arabic = Registry.load("ar")
    english = arabic.reading("en")
    assert english.lex.language == "en" and arabic.lex.language == "ar" and arabic.reading("ar") is arabic
    english.add(Speaker("Jane Roe", "person", ["Jane Roe"]))
    assert arabic.rename("Jane Roe", "Jane Q. Roe")
    assert english.exact("Jane Roe") == arabic.exact("Jane Roe") == "Jane Q. Roe"
