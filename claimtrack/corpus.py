"""Reading articles: files and folders in, ``Article`` records out, with boilerplate and glued stories marked.

An article's ``text`` is never edited: for text and Markdown it is the file's whole decoded text (front matter
included, and blocked), for a web page the main text trafilatura extracts, for a JSON record its "text".
Boilerplate is recorded as blocked ranges and stories as spans, so every offset downstream points into it.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

from . import lang
from . import lexicon as lexicon_mod
from .lang.text import PUNCTUATION, fold, tokens
from .errors import ClaimtrackError
from .models import Article, Story

HTML_SUFFIXES = (".html", ".htm")
RECORD_SUFFIXES = (".jsonl", ".json")
SUFFIXES = (".txt", ".md") + HTML_SUFFIXES + RECORD_SUFFIXES
STDIN = "-"
STDIN_NAME = "<stdin>"
METADATA_FIELDS = ("outlet", "url", "published", "title", "author", "language")
MAX_FILE_BYTES = 2**20
"""The most one article may take (a file, a page, a JSON Lines record, standard input read as one article);
more is refused unread: a long news article is under 100 KB, and the cap bounds memory and time."""
MAX_RECORDS_BYTES = 64 * 2**20
"""The most a .json document or standard input may hold; JSON Lines files are read a line at a time, unbounded."""
MAX_STDIN_BYTES = MAX_RECORDS_BYTES
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
MAX_FOREIGN_SHARE = 0.02
# Characters outside a script's ranges that text in it carries: guillemets, no-break space, direction marks.
_SCRIPT_COMPANIONS = frozenset("«»\u00a0\u200c\u200d\u200e\u200f")
# Code pages through which a UTF-8 file may have been misread and saved again, besides the packs' own.
_WESTERN_ENCODINGS = ("windows-1252", "latin-1")


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


@dataclass(frozen=True)
class Source:
    """One input file and the id its article gets: the path from the folder named on the command line, that
    folder's own name first ("corpus/2024/article.txt"); a file named directly counts from its own folder
    ("corpus/article.txt"). Two files never share an id, however alike their names, and the id is the same
    from any working directory and in every run."""

    path: Path
    id: str

    def __str__(self) -> str:
        return str(self.path)


def source_id(path: Path, root: Path) -> str:
    """The article id of ``path`` found under the folder ``root`` (see ``Source``); "/" between parts on every OS."""
    top = Path(os.path.abspath(root))
    parts = Path(os.path.abspath(path)).relative_to(top).parts
    return "/".join([top.name, *parts] if top.name else parts)


def find_files(paths: list[str]) -> Iterator[Source | Problem]:
    """Every article file under the given paths, in a stable order; what cannot be walked is a Problem.

    Symbolic links are followed, but never back into a folder being walked, so a link loop ends the walk
    of that branch with one Problem instead of running forever.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = False
            for item in _walk(path, path, frozenset({_identity(path)})):
                found = True
                yield item
            if not found:
                yield Problem(raw, f"no article files ({' '.join(SUFFIXES)}) in this folder")
        elif path.is_file():
            yield Source(path, source_id(path, Path(os.path.abspath(path)).parent))
        elif path.is_symlink():
            yield Problem(raw, "broken or looping symbolic link")
        elif path.exists():
            yield Problem(raw, "not a regular file")
        else:
            yield Problem(raw, "no such file or directory")


def _identity(folder: Path) -> tuple[int, int]:
    st = folder.stat()
    return st.st_dev, st.st_ino


def _walk(folder: Path, root: Path, ancestors: frozenset[tuple[int, int]]) -> Iterator[Source | Problem]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Problem(str(folder), _os_reason(exc))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            if entry.is_dir():
                identity = _identity(path)
                if identity in ancestors:
                    yield Problem(str(path), "directory loop (a link back to a folder above it); not followed")
                else:
                    yield from _walk(path, root, ancestors | {identity})
            elif path.suffix.lower() not in SUFFIXES:
                continue
            elif entry.is_file():
                yield Source(path, source_id(path, root))
            elif entry.is_symlink():
                yield Problem(str(path), "broken or looping symbolic link")
        except OSError as exc:
            yield Problem(str(path), _os_reason(exc))


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory (removed while claimtrack ran?)"
    return (exc.strerror or type(exc).__name__).lower()


def read_file(path: Path | Source) -> Article:
    """One article from a one-article file, read by its format; raises ClaimtrackError naming the file.

    JSON and JSON Lines files hold many articles: ``read_articles`` reads those.
    """
    source = as_source(path)
    text, encoding = read_text(source.path)
    article = parse_document(text, format_of(source.path), source.id, str(source.path))
    article.encoding, article.former_id = encoding, source.path.stem
    return article


def as_source(path: Path | Source | str) -> Source:
    """A file named on its own, as ``find_files`` would give it."""
    if isinstance(path, Source):
        return path
    path = Path(path)
    return Source(path, source_id(path, Path(os.path.abspath(path)).parent))


def read_text(path: Path, limit: int = MAX_FILE_BYTES) -> tuple[str, str]:
    """A file's decoded text and the encoding it was in; raises ClaimtrackError naming the file when it cannot be
    read or holds more than ``limit`` bytes."""
    try:
        with open(path, "rb") as handle:
            # Read one byte past the limit rather than trusting stat(): a file can grow while it is read.
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ClaimtrackError(_os_reason(exc), path=str(path)) from exc
    if len(data) > limit:
        raise ClaimtrackError(_too_large(limit), path=str(path))
    text, encoding = decode(data, str(path))
    if not text.strip():
        raise ClaimtrackError("empty file", path=str(path))
    return text, encoding


def decode(data: bytes, path: str) -> tuple[str, str]:
    """The text of a file's bytes and the encoding it was in; raises ClaimtrackError when undecidable.

    A BOM decides; then strict UTF-8; then the language packs' legacy code pages (``legacy_encodings`` in a
    pack's pack.toml), each kept only when the result reads as text in the pack's script. Any byte sequence
    decodes as windows-1256, so that check is what keeps mojibake out.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise ClaimtrackError(
                    f"not valid {encoding} despite its byte order mark ({exc.reason})", path=path
                ) from exc
    if b"\x00" in data[:4096]:
        raise ClaimtrackError("binary file, not text", path=path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        misread = _double_encoded(text)
        if misread:
            raise ClaimtrackError(f"mojibake: UTF-8 misread as {misread} and saved again; fix the file", path=path)
        return text, "utf-8"
    if utf8_error.end == len(data) and utf8_error.reason == "unexpected end of data":
        raise ClaimtrackError(
            "truncated: the file ends inside a UTF-8 character", path=path, line=data.count(b"\n") + 1
        )
    best: tuple[float, str, str] | None = None
    for encoding, ranges in legacy_encodings():  # a pack's commoner code page first, so it wins a tie
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        foreign = _foreign_share(text, ranges)
        if foreign is not None and foreign <= MAX_FOREIGN_SHARE and (best is None or foreign < best[0]):
            best = (foreign, text, encoding)
    if best is not None:
        return best[1], best[2]
    line = data[: utf8_error.start].count(b"\n") + 1
    raise ClaimtrackError(
        f"unknown encoding: not UTF-8 (byte {utf8_error.start}), and not text of a language pack in "
        f"{' or '.join(encoding for encoding, _ in legacy_encodings())}",
        path=path,
        line=line,
    ) from utf8_error


@lru_cache(maxsize=None)
def legacy_encodings() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """(encoding, the code point ranges of its pack's script) for every pack's legacy code pages, in pack order."""
    out = []
    for code in lang.available():
        detect = lang.pack_data(code)["detect"]
        ranges = tuple(tuple(r) for r in lang.base("scripts")[detect["script"]]["ranges"])
        out.extend((encoding, ranges) for encoding in detect.get("legacy_encodings", ()))
    return tuple(out)


def _foreign_share(text: str, ranges: tuple[tuple[str, str], ...]) -> float | None:
    """Share of the non-ASCII characters that text in the script of ``ranges`` would not contain; None when the
    text is not in that script.

    A legacy file read in the wrong code page turns the script's letters into accented Latin letters, symbols
    and control characters, which this counts; a Latin-script file read as ISO-8859-6 has Arabic letters only
    where its accents were, so most of its letters are still ASCII.
    """
    native = foreign = latin_letters = 0
    for ch in text:
        if ch.isascii():
            if ch.isalpha():
                latin_letters += 1
            elif ch < " " and ch not in "\t\n\r\f":
                foreign += 1
        elif any(first <= ch <= last for first, last in ranges):
            native += 1
        elif ch not in _SCRIPT_COMPANIONS:
            foreign += 1
    if native <= latin_letters:
        return None
    return foreign / (native + foreign)


def _double_encoded(text: str) -> str | None:
    """The code page through which UTF-8 text was misread and saved again as UTF-8 ("Ø§Ù„"), if it was."""
    for encoding in (*_WESTERN_ENCODINGS, *dict.fromkeys(encoding for encoding, _ in legacy_encodings())):
        try:
            repaired = text.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
        if repaired != text and any(_foreign_share(repaired, ranges) == 0 for _, ranges in legacy_encodings()):
            return encoding
    return None


def find_sources(paths: list[str]) -> Iterator[Source | str | Problem]:
    """``find_files``, with "-" passed through as standard input; a file named twice (a folder and a file in
    it) comes once."""
    seen = set()
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        for found in find_files([raw]):
            if isinstance(found, Source):
                key = (found.id, os.path.realpath(found.path))
                if key in seen:
                    continue
                seen.add(key)
            yield found


def format_of(path: Path) -> str:
    """How a file is read, from its suffix: text (also Markdown), html or records (JSON, JSON Lines)."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in RECORD_SUFFIXES:
        return "records"
    return "text"


def sniff_format(text: str) -> str:
    """How standard input is read, from its first character, since it has no file name."""
    head = text.lstrip()[:1]
    return "records" if head in "{[" and head else "html" if head == "<" else "text"


def read_articles(source: Source | Path | str) -> Iterator[Article | Problem]:
    """Every article in one input: a file, or standard input for "-".

    A JSON or JSON Lines file holds many articles; a record that cannot be read is a Problem naming its line
    and the rest are still read. A file that cannot be read at all raises ClaimtrackError. Every article is
    held to ``MAX_FILE_BYTES``, whichever way it comes.
    """
    if str(source) == STDIN:
        yield from _read_stdin()
        return
    source = as_source(source)
    name = str(source.path)
    if format_of(source.path) != "records":
        yield read_file(source)
    elif source.path.suffix.lower() == ".jsonl":
        try:
            with open(source.path, "rb") as handle:
                yield from json_lines(byte_lines(handle), name, source.id, source.path.stem)
        except OSError as exc:
            raise ClaimtrackError(_os_reason(exc), path=name) from exc
    else:
        text, encoding = read_text(source.path, MAX_RECORDS_BYTES)
        yield from _encoded(parse_records(text, name, source.id, source.path.stem), encoding)


def _read_stdin() -> Iterator[Article | Problem]:
    data = sys.stdin.buffer.read(MAX_STDIN_BYTES + 1)
    if len(data) > MAX_STDIN_BYTES:
        raise ClaimtrackError(
            f"more than {MAX_STDIN_BYTES // 2**20} MiB on standard input; give JSON Lines as a file, "
            "which is read a line at a time",
            path=STDIN_NAME,
        )
    if not data.strip():
        raise ClaimtrackError("nothing on standard input", path=STDIN_NAME)
    text, encoding = decode(data, STDIN_NAME)
    fmt, file_id = sniff_format(text), "stdin-" + content_hash(text)[:12]
    if fmt == "records":
        yield from _encoded(parse_records(text, STDIN_NAME, file_id, file_id), encoding)
        return
    if len(data) > MAX_FILE_BYTES:
        raise ClaimtrackError(_too_large(MAX_FILE_BYTES), path=STDIN_NAME)
    yield from _encoded([parse_document(text, fmt, file_id, None)], encoding)


def _encoded(found, encoding: str) -> Iterator[Article | Problem]:
    for item in found:
        if isinstance(item, Article):
            item.encoding = encoding
        yield item


def _too_large(limit: int) -> str:
    return f"larger than {limit // 2**20} MiB, the most claimtrack reads " + (
        "from one article" if limit == MAX_FILE_BYTES else "at once"
    )


def byte_lines(handle) -> Iterator[bytes | None]:
    """A binary file's lines, split at line feeds only; a line longer than ``MAX_FILE_BYTES`` is skipped unread
    and given as None, so one huge record costs no memory."""
    while line := handle.readline(MAX_FILE_BYTES + 1):
        if len(line) <= MAX_FILE_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while (rest := handle.readline(2**16)) and not rest.endswith(b"\n"):
            pass
        yield None


def parse_document(text: str, fmt: str, article_id: str, path: str | None) -> Article:
    """One article from a one-article document: text or Markdown with optional front matter, or an HTML page."""
    if fmt == "html":
        return _html_article(text, article_id, path)
    if fmt == "records":
        raise ClaimtrackError("holds records, one article each: read it with read_articles", path=path)
    meta, body_start = front_matter(text, path)
    return build_article(text, article_id, path, meta, "front-matter", body_start)


def parse_text(text: str, article_id: str = "text", path: str | None = None, language: str | None = None) -> Article:
    """An Article from text: boilerplate lines blocked, glued stories split, the outlet's signature found.

    Its language is ``language`` when given, otherwise detected from the text."""
    return build_article(text, article_id, path, {"language": language}, "caller")


def build_article(
    text: str,
    article_id: str,
    path: str | None,
    meta: dict,
    meta_source: str,
    body_start: int = 0,
    line: int | None = None,
) -> Article:
    """An Article from its text and metadata; outlet and date are looked for in the text when metadata lacks them.

    ``body_start`` is where the text proper begins (after front matter); ``line`` names a record's line in a
    JSON Lines file for errors. An article in a language claimtrack has no cue data for is refused.
    """
    language = lang.detect_language(text[body_start:], meta.get("language"))
    if language not in lang.available():
        raise ClaimtrackError(
            f"the article is in language {language!r}; claimtrack has no language pack for it "
            f"(it reads: {', '.join(lang.available())})",
            path=path,
            line=line,
        )
    article = Article(
        id=article_id,
        text=text,
        path=path,
        line=line,
        language=language,
        title=meta.get("title"),
        url=meta.get("url"),
        author=meta.get("author"),
    )
    if meta.get("outlet"):
        article.outlet, article.outlet_source = meta["outlet"], meta_source
    if meta.get("published"):
        article.published, article.published_source = meta["published"], meta_source
    mark_structure(article, body_start)
    if article.outlet is None:
        find_outlet(article, body_start)
    if article.published is None:
        find_published(article, body_start)
    return article


# ----- formats -----

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML without implicit timestamps: a date is read by ``find_date``, so ``2023-13-45`` or ``T25:61`` is a
    reportable bad value, not an exception from inside the YAML library."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def front_matter(text: str, path: str | None) -> tuple[dict, int]:
    """The metadata in a text's YAML front matter and where the text after it starts; ({}, 0) when there is none."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    try:
        data = yaml.load(m.group(1), Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as exc:
        data = _plain_front_matter(m.group(1))
        if data is not None:
            return _checked_metadata(data, m, path), m.end()
        mark = getattr(exc, "problem_mark", None)
        raise ClaimtrackError(
            f"front matter is not valid YAML ({getattr(exc, 'problem', None) or exc})",
            path=path,
            line=mark.line + 2 if mark else 1,
        ) from exc
    except RecursionError:
        raise ClaimtrackError("front matter is nested too deeply to read", path=path, line=2) from None
    if not isinstance(data, dict):
        raise ClaimtrackError("front matter must be keys and values (outlet:, published:, ...)", path=path, line=2)
    return _checked_metadata(data, m, path), m.end()


def _checked_metadata(data: dict, m: re.Match, path: str | None) -> dict:
    try:
        return _metadata(data)
    except _BadField as exc:
        line = next((n for n, row in enumerate(m.group(1).split("\n"), 2) if row.startswith(exc.field)), 2)
        raise ClaimtrackError(exc.message, path=path, line=line) from None


_PLAIN_FIELD = re.compile(r"([A-Za-z_]+)[ \t]*:[ \t]*(.*)")


def _plain_front_matter(block: str) -> dict | None:
    """Front matter that YAML refuses only for a colon in a value (``title: بيسكوف: المحادثات``), read as one
    ``key: value`` a line, the value everything after the first colon; None when it is not that simple."""
    data = {}
    for row in block.splitlines():
        if not row.strip() or row.lstrip().startswith("#"):
            continue
        found = _PLAIN_FIELD.fullmatch(row.rstrip())
        if not found:
            return None
        data[found.group(1)] = found.group(2).strip().strip("'\"")
    return data


class _BadField(ClaimtrackError):
    """A metadata field whose value cannot be used; ``field`` names it, so a caller can say on which line."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def _metadata(data: dict, *, strict: bool = True) -> dict:
    """The fields claimtrack keeps, as strings; a publication date as YYYY-MM-DD.

    A publication date that is not a date raises ``_BadField``, unless not ``strict`` (a web page's metadata,
    which the page's author, not the user, wrote): then it is left out and looked for in the text.
    """
    meta = {k: str(data[k]).strip() for k in METADATA_FIELDS if data.get(k) not in (None, "")}
    if "published" in meta:
        found = find_date(meta["published"])
        if found:
            meta["published"] = found.isoformat()
        elif strict:
            raise _BadField("published", f"published: {meta['published']!r} is not a date (YYYY-MM-DD)")
        else:
            del meta["published"]
    return meta


def _html_article(page: str, article_id: str, path: str | None) -> Article:
    """The main text of a saved web page (trafilatura: no network), with the page's own metadata."""
    return parse_page(page, article_id, path, None, {})


def parse_page(page: str, article_id: str, path: str | None, url: str | None, hints: dict) -> Article:
    """An article from a web page's HTML: trafilatura's main text, and the page's title, author, outlet
    (site name), published date and canonical address; ``hints`` (a feed item's) fill what the page does not
    say, and the outlet falls back to the host name. ``url`` is where the page was fetched from, if it was."""
    import trafilatura  # a second to import: paid only when a page is read

    doc = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False, include_tables=False)
    if doc is None or not (doc.text or "").strip():
        raise ClaimtrackError("no article text found in the page", path=path)
    found = {"outlet": doc.sitename, "url": doc.url or url, "published": doc.date, "title": doc.title}
    merged = {k: found.get(k) or hints.get(k) for k in METADATA_FIELDS if k != "language"}
    merged["outlet"] = merged["outlet"] or doc.hostname
    merged["author"] = doc.author or hints.get("author")
    # The page's metadata is its author's, not the user's: a date that is not one is left out, not an error.
    return build_article(doc.text, article_id, path, _metadata(merged, strict=False), "html-metadata")


def parse_records(text: str, name: str, file_id: str, former: str | None = None) -> Iterator[Article | Problem]:
    """Articles from a JSON array, one JSON object, or JSON Lines (one object a line).

    A record without an id is named after the file and its line (or place in the array): "dump.jsonl:3";
    ``former`` is the file's id in older claimtracks, "dump" (they named the record "dump-3"). Lines end at a
    line feed only: U+2028 and U+0085 are characters JSON strings may hold.
    """
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as exc:
        if text.lstrip().startswith("["):
            raise ClaimtrackError(f"not valid JSON ({exc.msg})", path=name, line=exc.lineno) from exc
        whole = None
    except RecursionError:
        if text.lstrip().startswith("["):
            raise ClaimtrackError(TOO_DEEP, path=name, line=1) from None
        whole = None
    if isinstance(whole, list):
        for n, record in enumerate(whole, 1):
            yield _record_article(record, name, (f"{file_id}:{n}", former and f"{former}-{n}"), f"record {n}: ", None)
        return
    if whole is not None:
        yield _record_article(whole, name, (file_id, former), "", 1)
        return
    yield from json_lines(text.split("\n"), name, file_id, former)


def json_lines(lines, name: str, file_id: str, former: str | None, first: int = 1) -> Iterator[Article | Problem]:
    """Articles from JSON Lines given line by line (text, or UTF-8 bytes from a file; None for a line that was
    too long to read), each line a record held to ``MAX_FILE_BYTES``; what cannot be read is a Problem.
    ``first`` is the first line's number in its file, for a part of a file read on its own."""
    for n, line in enumerate(lines, first):
        if isinstance(line, bytes):
            try:
                line = line.removesuffix(b"\n").decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield Problem(name, f"not UTF-8 (byte {exc.start} of the line); JSON Lines are UTF-8", n)
                continue
        if line is None or (len(line) > MAX_FILE_BYTES // 4 and len(line.encode("utf-8")) > MAX_FILE_BYTES):
            yield Problem(name, f"record {_too_large(MAX_FILE_BYTES)}", n)
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(name, f"not valid JSON ({exc.msg}, column {exc.colno})", n)
            continue
        except RecursionError:
            yield Problem(name, TOO_DEEP, n)
            continue
        yield line_record(record, name, file_id, former, n)


def line_record(record, name: str, file_id: str, former: str | None, n: int) -> Article | Problem:
    """The article of record ``n`` of a file of records, one a line or row (JSON Lines, a Parquet table)."""
    return _record_article(record, name, (f"{file_id}:{n}", former and f"{former}-{n}"), "", n)


TOO_DEEP = "nested too deeply to read (JSON arrays and objects inside each other, thousands deep)"


def _record_article(
    record, name: str, default_ids: tuple[str, str | None], where: str, line: int | None
) -> Article | Problem:
    if not isinstance(record, dict):
        return Problem(name, f'{where}a record must be a JSON object with a "text"', line)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Problem(name, f'{where}record has no "text"', line)
    article_id = str(record.get("id") or default_ids[0])
    try:
        article = build_article(text, article_id, name, _metadata(record), "record", line=line)
    except ClaimtrackError as exc:
        return Problem(name, where + exc.message, line)
    if not record.get("id"):
        article.former_id = default_ids[1]
    return article


# ----- language -----

# ----- structure -----


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    for m in re.finditer(r"[^\n]*", text):
        if m.start() == m.end() and m.start() > 0 and text[m.start() - 1] != "\n":
            continue
        yield m.start(), m.end(), m.group()


# Markdown and list furniture around a marker line: "**اقرأ أيضاً**", "## اقرأ أيضاً", "> ...".
_MARKER_TRIM = " :.-_|*#>"


def mark_structure(article: Article, body_start: int = 0) -> None:
    """Find boilerplate lines (and date-only masthead lines) and a second story glued on after a "read also" marker.

    Text before ``body_start`` (front matter) is blocked as a whole.
    """
    lex = lexicon_mod.load(article.language)
    text = article.text
    blocked: list[tuple[int, int]] = [(0, body_start)] if body_start else []
    story_starts: list[tuple[int, str]] = []
    lines = [line for line in _lines(text) if line[0] >= body_start]
    for n, (a, b, line) in enumerate(lines):
        folded = fold(line).strip(_MARKER_TRIM)
        if not folded:
            continue
        if folded in lex.story_markers:
            blocked.append((a, b))
            nxt = next(((la, lb, ll) for la, lb, ll in lines[n + 1 :] if ll.strip()), None)
            if nxt is not None:
                story_starts.append((nxt[0], nxt[2].strip()))
            continue
        if folded in lex.boilerplate_lines or fold(line).startswith(lex.boilerplate_prefixes) or _date_only(line, lex):
            blocked.append((a, b))
    article.blocked = blocked
    bounds = [body_start] + [s for s, _ in story_starts] + [len(text)]
    titles = [_first_line(text, bounds[0], bounds[1], blocked)] + [t for _, t in story_starts]
    article.stories = [Story(k + 1, bounds[k], bounds[k + 1], titles[k]) for k in range(len(bounds) - 1)]
    if article.title is None:
        article.title = titles[0] or None


def _first_line(text: str, start: int, end: int, blocked: list[tuple[int, int]]) -> str:
    """The first line of a story that is not boilerplate, without Markdown heading marks: its title."""
    for a, _, line in _lines(text[start:end]):
        title = line.strip().lstrip("#").strip()
        if title and not any(x <= start + a < y for x, y in blocked):
            return title
    return ""


# ----- outlet -----

_QUOTED = r"[\"'“”«‘’]\s*(?P<outlet>[^\"'“”«»‘’\n]{2,60}?)\s*[\"'“”»‘’]"


def _outlet_name_pattern(whole_line: bool) -> str:
    """An outlet's name: a letter, then up to 60 characters before a punctuation mark (any comma or semicolon);
    inline, it ends where a mark or the line does."""
    own = re.escape(PUNCTUATION["clause_separators"])
    name = rf"(?P<outlet>[^\W\d_][^\n:：{own},.!?\"'“”«»‘’()\[\]\-–—_/|]{{1,60}}?)"
    return name if whole_line else name + rf"(?=\s*(?:[:：{own},.!?\n]|$))"


def _compile_signature(template: str, lex: lexicon_mod.Lexicon, whole_line: bool) -> re.Pattern:
    """A regular expression from an outlets.toml signature pattern (the notation is described there).

    A character that folding drops (a stretching mark after a glued particle) may be written or not."""
    out = []
    for part in re.split(r"(\{\w+\})", template):
        if part == "{outlet}":
            out.append(_outlet_name_pattern(whole_line))
        elif part == "{quoted}":
            out.append(_QUOTED)
        elif part == "{desk}":
            out.append("(?:" + "|".join(map(re.escape, lex.outlet_desks)) + ")")
        elif part == "{sep}":
            out.append(r"[-–—_/|]")
        else:
            out.extend(
                r"[^\S\n]*" if ch.isspace() else r"[^\S\n]*[:：]" if ch == ":" else _template_char(ch) for ch in part
            )
    pattern = "".join(out)
    return re.compile(rf"^[^\S\n]*{pattern}[^\S\n]*$" if whole_line else pattern, re.M)


def _template_char(ch: str) -> str:
    return re.escape(ch) + "?" if not fold(ch) else re.escape(ch)


@lru_cache(maxsize=None)
def _signatures(language: str) -> tuple[re.Pattern, ...]:
    lex = lexicon_mod.load(language)
    return tuple(
        [_compile_signature(t, lex, True) for t in lex.outlet_line_signatures]
        + [_compile_signature(t, lex, False) for t in lex.outlet_inline_signatures]
    )


def find_outlet(article: Article, body_start: int = 0) -> str | None:
    """The outlet an article names itself by ("المصدر: ...", "... - متابعة", "خاص لـ'...'"), set with source
    "signature".

    The first story is searched before any glued-on one, whose signature would be another article's.
    """
    lex = lexicon_mod.load(article.language)
    text = article.text
    first_end = article.stories[0].end if article.stories else len(text)
    for pattern in _signatures(article.language):
        for region in ((body_start, first_end), (first_end, len(text))):
            for m in pattern.finditer(text, *region):
                name = _outlet_name(m.group("outlet"), lex)
                if name:
                    article.outlet, article.outlet_source = name, "signature"
                    return name
    return None


def _outlet_name(raw: str, lex: lexicon_mod.Lexicon) -> str | None:
    """A signature's name cleaned up; None when it cannot be an outlet (too long, a place, a desk word)."""
    words = raw.strip().split()
    if not words or len(words) > 5:
        return None
    if len(words) > 1 and fold(words[0]) in lex.outlet_name_prefixes:
        words = words[1:]
    folded = fold(" ".join(words))
    if folded in lex.places or folded in {fold(d) for d in lex.outlet_desks}:
        return None
    return " ".join(words)


# ----- dates -----


def find_date(text: str, language: str | None = None) -> date | None:
    """The first full date (day, month, year) written in the text, any way outlets write one; in the month and
    day names of ``language``, or of the language the text is in."""
    found = _dates(text, language or lang.text_pack(text).code)
    return found[0][0] if found else None


def _dates(text: str, language: str) -> list[tuple[date, int, int]]:
    """Dates in the text with the span of words each took: "5th, September 2023", "٠٨ / نوفمبر / ٢٠٢٤",
    "4 أيلول 2023", "سبتمبر 5, 2023", "2023-09-05", "05/09/2023" (day first, as Arabic outlets write it)."""
    lex = lexicon_mod.load(language)
    words = re.findall(r"\d+|[^\W\d_]+", fold(text))
    out = []
    i = 0
    while i < len(words):
        found = _date_at(words, i, lex)
        if found:
            out.append((found[0], i, found[1]))
            i = found[1]
        else:
            i += 1
    return out


def _month_at(words: list[str], i: int, lex: lexicon_mod.Lexicon) -> tuple[int, int] | None:
    """The month named at word i and the index after it, skipping a second name for the same month
    ("سبتمبر أيلول", "أغسطس/آب")."""
    month = None
    while i < len(words):
        for width in (2, 1):
            number = lex.month_numbers.get(" ".join(words[i : i + width]))
            if number and (month is None or number == month):
                month, i = number, i + width
                break
        else:
            break
    return (month, i) if month else None


def _date_at(words: list[str], i: int, lex: lexicon_mod.Lexicon) -> tuple[date, int] | None:
    def number(k: int) -> int | None:
        return int(words[k]) if k < len(words) and words[k].isdecimal() else None

    def make(y: int | None, m: int | None, d: int | None, end: int) -> tuple[date, int] | None:
        try:
            return (date(y, m, d), end) if y and m and d and 1000 < y < 3000 else None
        except ValueError:
            return None

    first = number(i)
    if first is None:
        month = _month_at(words, i, lex)
        if month and number(month[1]) is not None:  # "September 5, 2023"
            k = month[1] + 1 + (month[1] + 1 < len(words) and words[month[1] + 1] in _ORDINALS)
            return make(number(k), month[0], number(month[1]), k + 1)
        return None
    if len(words[i]) == 4:  # 2023-09-05
        return make(first, number(i + 1), number(i + 2), i + 3)
    k = i + 1 + (i + 1 < len(words) and words[i + 1] in _ORDINALS)
    month = _month_at(words, k, lex)
    if month:
        return make(number(month[1]), month[0], first, month[1] + 1)
    return make(number(k + 1), number(k), first, k + 2)


_ORDINALS = frozenset({"st", "nd", "rd", "th"})


def _date_only(line: str, lex: lexicon_mod.Lexicon) -> bool:
    """Whether a line holds nothing but a date and perhaps its weekday: a masthead's date."""
    words = re.findall(r"\d+|[^\W\d_]+", fold(line))
    found = _dates(line, lex.language)
    if len(found) != 1:
        return False
    _, a, b = found[0]
    return all(w in lex.weekday_numbers for w in words[:a] + words[b:])


def find_published(article: Article, body_start: int = 0) -> str | None:
    """The publication date written in the article, set as YYYY-MM-DD with how it was found.

    A labelled date ("تاريخ النشر: ...", source "label") wins over a date standing alone on a line before the
    story starts (source "masthead", which on a saved page may be the day it was saved).
    """
    lex = lexicon_mod.load(article.language)
    first_end = article.stories[0].end if article.stories else len(article.text)
    masthead, in_story = None, False
    for a, _, line in _lines(article.text[body_start:first_end]):
        folded = fold(line)
        label = next((lb for lb in lex.published_labels if folded.startswith(lb)), None)
        if label is not None:
            found = find_date(folded[len(label) :], article.language)
            if found:
                article.published, article.published_source = found.isoformat(), "label"
                return article.published
        if in_story or not folded:
            continue
        if _date_only(line, lex):
            masthead = masthead or find_date(line, article.language)
        elif not any(x <= body_start + a < y for x, y in article.blocked):
            in_story = True
    if masthead:
        article.published, article.published_source = masthead.isoformat(), "masthead"
    return article.published


def resolve_weekday(weekday: int, known: date) -> date:
    """The latest day on or before ``known`` that falls on ``weekday`` (Monday 0): an article's "today Tuesday"
    or "yesterday Monday" is its own day or just before it."""
    return known - timedelta(days=(known.weekday() - weekday) % 7)


def relative_days(article: Article) -> list[tuple[int, int, date]]:
    """Each weekday mention (start, end) with the date it means, resolved against the publication date:
    "اليوم الثلاثاء", "أمس الأربعاء", or a weekday alone ("، الاثنين،"); empty when that date is unknown.
    A statement's ``said_on`` is the one in its sentence before its claim."""
    known = find_date(article.published or "", article.language)
    if known is None:
        return []
    lex = lexicon_mod.load(article.language)
    words = [t for t in tokens(article.text) if t.is_word]
    found = []
    for k, day in enumerate(words):
        weekday = lex.weekday_numbers.get(
            day.norm[1:] if day.norm[:1] == lex.and_conjunction and day.norm[1:] in lex.weekday_numbers else day.norm
        )
        if weekday is None:
            continue
        before = words[k - 1] if k else None
        start = before.start if before is not None and before.norm in lex.relative_day_words else day.start
        found.append((start, day.end, resolve_weekday(weekday, known)))
    return found
