"""Rebuild one development text from a copy of its page's beginning, checked against its sha256.

Usage: python tests/dev/rebuild.py ARTICLE EXCERPT_FILE [--out DIR]

The texts are not in git. Each was cut from the beginning of its page as a stored copy gives it (the search tool's
"pages" excerpt); ``rebuild`` in sources.jsonl says which part. EXCERPT_FILE holds that copy, either as the JSON
string literal a tool printed (quotes and escapes as shown) or as plain text. The cuts tried: a leading date line
dropped, every run of whole paragraphs (split at blank lines or at line ends), up to five truncated words dropped at
the end, paragraphs joined by a blank line or a line end, with or without a final newline. The first cut whose
sha256 is the article's is written to DIR (default: where tests/dev/score.py looks for the article's set) and the
command exits 0; else it prints the rule to follow by hand and exits 1.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = {
    HERE / "sources.jsonl": HERE.parent.parent.parent / "devtexts",
    HERE / "en" / "sources.jsonl": HERE.parent.parent.parent / "devtexts-en",
    HERE / "holdout-ar" / "sources.jsonl": HERE.parent.parent.parent / "holdout-ar",
    HERE / "holdout-en" / "sources.jsonl": HERE.parent.parent.parent / "holdout-en",
}
MAX_DROPPED_WORDS = 5


def find(article: str) -> tuple[dict, Path]:
    """The article's source line and the folder its set's texts go to."""
    for sources, folder in SETS.items():
        for line in sources.read_text(encoding="utf-8").splitlines():
            source = json.loads(line)
            if source["article"] == article:
                return source, folder
    raise SystemExit(f"{article}: in no sources.jsonl under {HERE}")


def excerpt(path: Path) -> str:
    """The copy as text: a JSON string literal decoded, anything else as it is."""
    raw = path.read_text(encoding="utf-8")
    stripped = raw.strip()
    if stripped.startswith('"') and stripped.endswith('"'):
        try:
            return json.loads(stripped)
        except json.JSONDecodeError:
            pass
    return raw


def cuts(text: str) -> Iterator[str]:
    """Every cut of a copy this tool tries, most likely first."""
    bodies = [text, re.sub(r"\n{3,}", "\n\n", text)]
    dated = re.match(r"^\s*date \d{4}-\d{2}(-\d{2})?\s*", text)
    if dated:
        bodies.append(text[dated.end() :])
    for body in bodies:
        yield body.strip() + "\n"
        yield body.lstrip().rstrip("\n") + "\n"  # a page's last line may end with a space the article keeps
        for splitter in (r"\n\s*\n", r"\n"):
            paragraphs = [p.strip() for p in re.split(splitter, body) if p.strip()]
            for i in range(len(paragraphs)):
                for j in range(i + 1, len(paragraphs) + 1):
                    yield from _joined(paragraphs[i:j])


def _joined(paragraphs: list[str]) -> Iterator[str]:
    last = paragraphs[-1].split(" ")
    for drop in range(min(MAX_DROPPED_WORDS + 1, len(last))):
        kept = [*paragraphs[:-1], " ".join(last[: len(last) - drop])]
        for separator in ("\n\n", "\n"):
            for end in ("\n", ""):
                yield separator.join(kept) + end


def rebuild(article: str, copy: Path, out: Path | None = None) -> Path | None:
    """Write the cut of ``copy`` whose sha256 is the article's; its path, or None when no cut is."""
    source, folder = find(article)
    folder = out or folder
    for cut in cuts(excerpt(copy)):
        data = cut.encode("utf-8")
        if hashlib.sha256(data).hexdigest() == source["sha256"]:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{article}.txt"
            target.write_bytes(data)
            return target
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article")
    parser.add_argument("excerpt", type=Path)
    parser.add_argument("--out", type=Path, help="folder to write the text to")
    args = parser.parse_args()
    target = rebuild(args.article, args.excerpt, args.out)
    if target is None:
        print(f"{args.article}: no cut matches; the rule: {find(args.article)[0]['rebuild']}", file=sys.stderr)
        return 1
    print(f"{args.article}: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
