"""Reading articles: files and folders in, ``Article`` records out, with boilerplate and glued stories marked.

The article's ``text`` is always the file's whole decoded text, untouched; boilerplate is recorded as blocked
ranges and stories as spans, so every offset downstream points into what the user has on disk.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import lexicon as lexicon_mod
from .arabic import fold
from .errors import ClaimtrackError
from .models import Article, Story

SUFFIXES = (".txt",)


@dataclass
class Problem:
    """A file that could not be read, and why."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_files(paths: list[str]) -> Iterator[Path | Problem]:
    """Every article file under the given paths, in a stable order; a missing path is a Problem."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield Problem(raw, "no such file or directory")
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
                yield child
        else:
            yield path


def read_file(path: Path) -> Article:
    """One article from a file; raises ClaimtrackError naming the file when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ClaimtrackError(exc.strerror or "cannot be read", path=str(path)) from exc
    if not data.strip():
        raise ClaimtrackError("empty file", path=str(path))
    if b"\x00" in data[:4096]:
        raise ClaimtrackError("binary file, not text", path=str(path))
    text, encoding = decode(data, str(path))
    article = parse_text(text, article_id=path.stem, path=str(path))
    article.encoding = encoding
    return article


def decode(data: bytes, path: str) -> tuple[str, str]:
    """The text of a file's bytes and the encoding it was in; raises ClaimtrackError when undecidable."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ClaimtrackError(f"not valid UTF-8 (byte {exc.start})", path=path, line=line) from exc


def parse_text(text: str, article_id: str = "text", path: str | None = None, language: str = "ar") -> Article:
    """An Article from text: boilerplate lines blocked, glued stories split, the outlet's signature found."""
    article = Article(id=article_id, text=text, path=path, language=language)
    mark_structure(article)
    return article


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    for m in re.finditer(r"[^\n]*", text):
        if m.start() == m.end() and m.start() > 0 and text[m.start() - 1] != "\n":
            continue
        yield m.start(), m.end(), m.group()


def mark_structure(article: Article) -> None:
    """Find boilerplate lines and a second story glued on after a "read also" marker."""
    lex = lexicon_mod.load(article.language)
    text = article.text
    blocked: list[tuple[int, int]] = []
    story_starts: list[tuple[int, str]] = []
    lines = list(_lines(text))
    for n, (a, b, line) in enumerate(lines):
        folded = fold(line).strip(" :.-_|")
        if not folded:
            continue
        if folded in lex.story_markers:
            blocked.append((a, b))
            nxt = next(((la, lb, ll) for la, lb, ll in lines[n + 1:] if ll.strip()), None)
            if nxt is not None:
                story_starts.append((nxt[0], nxt[2].strip()))
            continue
        if folded in lex.boilerplate_lines or fold(line).strip().startswith(lex.boilerplate_prefixes):
            blocked.append((a, b))
    article.blocked = blocked
    bounds = [0] + [s for s, _ in story_starts] + [len(text)]
    titles = [_first_line(text)] + [t for _, t in story_starts]
    article.stories = [Story(k + 1, bounds[k], bounds[k + 1], titles[k]) for k in range(len(bounds) - 1)]
    if article.title is None:
        article.title = titles[0] or None


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""
