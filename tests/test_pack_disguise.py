"""No English outside the English pack, proved by behaviour. Code is written in Latin letters, so it cannot be
scanned for English letters the way it is for Arabic (test_language_packs.py); the English pack is put in
disguise instead (pack_disguise.py: every letter of its words rotated by 13, said -> fnvq), and so is English
text. If no code outside the pack knows an English word, claimtrack reads the rotated text with the rotated pack
exactly as it reads English with English, statement for statement and speaker for speaker; a cue, a title or a
function word written into code outside the pack is found in the plain run and missed in the disguised one."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from pack_disguise import ROT13

HERE = Path(__file__).parent
TEXT = ("speaker_as_written", "text", "cue", "via")  # words of the article: rotated in the disguised run
CODE = ("attribution", "char_start", "char_end", "part", "polarity")  # what code says of them: the same
# An English article written for this test: a named speaker of the pack's data, a title before the name, the
# speaker after the quote, a continuation, anonymous officials, a body denying, a relay.
ARTICLE = """Talks on grain exports resume in Geneva

GENEVA (Reuters) - White House spokesman John Kirby said on Monday that the talks on grain exports would resume.

"We expect both sides to be at the table by Thursday," Kirby told reporters at a briefing. He added that no date
had been set for a ministers' meeting.

According to two officials familiar with the matter, the first round ended without an agreement.

The foreign ministry denied that it had asked for a delay, saying the schedule had been agreed in advance.

A spokeswoman for the port authority told Reuters that 14 ships were waiting to load.
"""


def _article() -> str:
    """An English article made of every English case of the tests (sentences written for them)."""
    cases = [
        case
        for path in sorted((HERE / "cases" / "en").glob("*.toml"))
        for case in tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])
    ]
    return "\n\n".join([ARTICLE, *(case["text"] for case in cases if "text" in case)]) + "\n"


def _statements(folder: Path, text: str, disguised: bool) -> list[dict]:
    folder.mkdir()
    (folder / "article.txt").write_text(text, encoding="utf-8")
    db = folder / "c.db"
    run = [sys.executable, str(HERE / "pack_disguise.py")] if disguised else [sys.executable, "-m", "claimtrack"]
    subprocess.run([*run, "ingest", str(folder / "article.txt"), "--db", str(db)], check=True, capture_output=True)
    done = subprocess.run([*run, "export", "--db", str(db), "--format", "jsonl"], check=True, capture_output=True)
    return [json.loads(line) for line in done.stdout.decode().splitlines()]


@pytest.fixture(scope="module")
def plain_and_disguised(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("disguise")
    text = _article()
    return _statements(tmp / "plain", text, False), _statements(tmp / "disguised", text.translate(ROT13), True)


def _view(row: dict, rotate: bool) -> dict:
    text = {k: row[k].translate(ROT13) if rotate and isinstance(row[k], str) else row[k] for k in TEXT}
    return {**text, **{k: row.get(k) for k in CODE}}


def test_the_english_article_is_read(plain_and_disguised):
    plain, _ = plain_and_disguised
    assert len(plain) >= 6 and sum(row["speaker"] == "John Kirby" for row in plain) >= 2


def test_a_disguised_english_pack_finds_the_same_statements(plain_and_disguised):
    plain, disguised = plain_and_disguised
    assert [_view(row, False) for row in disguised] == [_view(row, True) for row in plain], (
        "code outside lang/en acts on an English word: move the word to the pack"
    )


def test_a_disguised_english_pack_resolves_the_same_speakers(plain_and_disguised):
    """The same statements go to one speaker in both runs, and a speaker named from the pack's data is named in
    disguise: only the names code gives (unattributed, unnamed) are the same letters in both."""
    plain, disguised = plain_and_disguised
    # an unnamed title holder's name ends with its article's id (" · plain/article.txt"): the test's folder
    pairs = {(p["speaker"].split(" · ")[0], d["speaker"].split(" · ")[0]) for p, d in zip(plain, disguised)}
    assert len(pairs) == len({p for p, _ in pairs}) == len({d for _, d in pairs})
    for p, d in pairs:
        # code's own marks are in parentheses ("(unattributed)"); every other name comes from the pack's data
        assert d == (p if p.startswith("(") else p.translate(ROT13)), (p, d)
