"""A deterministic synthetic Arabic news corpus with known ground truth, for benchmarks/run.py.

    python benchmarks/generate.py 1000 /tmp/corpus-1k      # 1,000 articles (+100 for incremental ingest)

Events: a speaker (first name, surname, title and nationality; up to 1,000 people) makes 1-4 claims, each
drawn slot by slot from benchmarks/words.toml (subject, verb, number and unit, purpose, place, time) with a
project and a partner named by made-up words of Zipf frequency, so claims are many and distinct. Each event is
carried by 1-4 outlets; each outlet copies a claim verbatim or paraphrases it (synonyms swapped, the place
moved before the object, the time dropped). Articles hold one or two events, a headline that carries the
first claim, cue verbs of several kinds (إن، أن، بأن، إلى أن، a colon and a quotation, continuations) and
sentences without a speaker.

Writes ``base/`` (N articles, .txt with front matter, 1,000 a folder), ``new/`` (100 more articles whose
events also appear in ``base/``), and ``truth.jsonl``: one line per claim written, with its article, its
character span in the file and its family (the event and claim it is a version of).
"""

from __future__ import annotations

import json
import random
import sys
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

WORDS = tomllib.loads((Path(__file__).with_name("words.toml")).read_text(encoding="utf-8"))
NEW_ARTICLES = 100
PER_FOLDER = 1000
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"

# How a claim is attributed: {speaker} and {claim}; the first statement of an event names the speaker.
OPENERS = [
    "وقال {speaker} إن {claim}.",
    "وأكد {speaker} أن {claim}.",
    "وأوضح {speaker} أن {claim}.",
    "وأشار {speaker} إلى أن {claim}.",
    "وصرح {speaker} بأن {claim}.",
    "من جهته، أعلن {speaker} أن {claim}.",
    "وذكر {speaker} في بيان أن {claim}.",
    "وقال {speaker}: «{claim}».",
]
CONTINUATIONS = ["وأضاف أن {claim}.", "وتابع أن {claim}.", "كما أكد أن {claim}.", "وأوضح أن {claim}."]


@dataclass
class Speaker:
    name: str
    title: str

    def written(self, rng: random.Random) -> str:
        return rng.choice((f"{self.title} {self.name}", f"{self.title} {self.name}", self.name))


@dataclass
class Claim:
    family: int
    slots: dict[str, str]

    def text(self, rng: random.Random, paraphrase: bool) -> str:
        s = dict(self.slots)
        order = ["subject", "verb", "object", "project", "purpose", "place", "time"]
        if paraphrase:
            changes = rng.sample(["synonyms", "move", "drop"], rng.randint(1, 2))
            if "move" in changes:
                order = ["subject", "verb", "place", "object", "project", "purpose", "time"]
            if "drop" in changes:
                order.remove("time")
            if "synonyms" in changes or changes == ["drop"]:
                s = {k: _synonyms(v) for k, v in s.items()}
        return " ".join(s[k] for k in order)


@dataclass
class Event:
    speaker: Speaker
    claims: list[Claim]
    outlets: list[str]
    place: str
    day: date


@dataclass
class Written:
    """An article being written: its text so far and the claims in it with their spans."""

    id: str
    outlet: str
    day: date
    lines: list[str] = field(default_factory=list)
    truth: list[dict] = field(default_factory=list)
    offset: int = 0

    def add(self, line: str, claim: str | None = None, family: int | None = None) -> None:
        if claim is not None:
            start = self.offset + line.index(claim)
            self.truth.append({"article": self.id, "start": start, "end": start + len(claim), "family": family})
        self.lines.append(line)
        self.offset += len(line) + 1

    def header(self, event: Event, rng: random.Random) -> None:
        """Front matter, then a headline that puts the event's first claim in its speaker's title's mouth."""
        self.add("---")
        self.add(f"outlet: {self.outlet}")
        self.add(f"published: {self.day.isoformat()}")
        self.add("---")
        first = event.claims[0]
        claim = first.text(rng, paraphrase=rng.random() < 0.4)
        self.add(f"{event.speaker.title}: {claim}", claim, first.family)


def _synonyms(phrase: str) -> str:
    return " ".join(WORDS["synonyms"].get(w, w) for w in phrase.split())


def speakers(rng: random.Random, n: int) -> list[Speaker]:
    out, seen = [], set()
    while len(out) < n:
        name = f"{rng.choice(WORDS['first_names'])} {rng.choice(WORDS['last_names'])}"
        if name in seen:
            continue
        seen.add(name)
        out.append(Speaker(name, f"{rng.choice(WORDS['titles'])} {rng.choice(WORDS['nationalities'])}"))
    return out


def names(rng: random.Random, n: int = 20_000) -> tuple[list[str], list[float]]:
    """Made-up words (projects, companies) with Zipf frequencies: what makes one claim unlike another, as
    names and rare nouns do in news."""
    words = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 7))) for _ in range(n)]
    return words, [1 / (rank + 1) for rank in range(n)]


def claim(rng: random.Random, family: int, vocabulary: tuple[list[str], list[float]]) -> Claim:
    project = " ".join(rng.choices(*vocabulary, k=2))
    partner = rng.choices(*vocabulary)[0]
    links = rng.choice(WORDS["project_links"]), rng.choice(WORDS["partner_links"])
    number = rng.choice((rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 9999)))
    return Claim(
        family,
        {
            "subject": rng.choice(WORDS["subjects"]),
            "verb": rng.choice(WORDS["verbs"]),
            "object": f"{number} {rng.choice(WORDS['units'])}",
            "project": f"{links[0]} {project} {links[1]} {partner}",
            "purpose": rng.choice(WORDS["purposes"]),
            "place": f"{rng.choice(WORDS['place_kinds'])} {rng.choice(WORDS['places'])}",
            "time": rng.choice(WORDS["times"]),
        },
    )


def events(rng: random.Random, articles: int) -> list[Event]:
    people = speakers(rng, min(1000, max(50, articles // 4)))
    vocabulary = names(rng)
    start = date(2025, 1, 1)
    out: list[Event] = []
    carried = family = 0
    # An article carries 1.5 events on average; stop when the events fill the articles.
    while carried < articles * 1.5:
        claims = [claim(rng, family + k, vocabulary) for k in range(rng.randint(1, 4))]
        family += len(claims)
        outlets = rng.sample(WORDS["outlets"], rng.choice((1, 1, 1, 2, 2, 3, 4)))
        out.append(Event(rng.choice(people), claims, outlets, rng.choice(WORDS["places"]), start))
        start += timedelta(days=rng.random() < 0.01)
        carried += len(outlets)
    return out


def write_event(article: Written, event: Event, rng: random.Random) -> None:
    filler = rng.choice(WORDS["filler"]["sentences"])
    article.add(filler.format(place=event.place, subject=rng.choice(WORDS["subjects"])))
    for k, c in enumerate(event.claims):
        text = c.text(rng, paraphrase=rng.random() < 0.4)
        template = rng.choice(OPENERS) if k == 0 else rng.choice(CONTINUATIONS)
        article.add(template.format(speaker=event.speaker.written(rng), claim=text), text, c.family)
    closing = rng.choice(WORDS["filler"]["sentences"])
    article.add(closing.format(place=rng.choice(WORDS["places"]), subject=rng.choice(WORDS["subjects"])))


def articles(n: int, seed: int = 15) -> list[Written]:
    """``n`` articles in a shuffled order: an event's copies land far apart, as they do over a year."""
    rng = random.Random(seed)
    units = [(event, outlet) for event in events(rng, n) for outlet in event.outlets]
    rng.shuffle(units)
    out: list[Written] = []
    while units and len(out) < n:
        take = [units.pop()]
        if units and rng.random() < 0.5:
            take.append(units.pop())
        article = Written(f"a{len(out):07d}", take[0][1], take[0][0].day)
        article.header(take[0][0], rng)
        for event, _ in take:
            write_event(article, event, rng)
        out.append(article)
    return out


def write(n: int, folder: Path) -> dict:
    """Write ``base/`` (n articles), ``new/`` (NEW_ARTICLES more) and ``truth.jsonl`` under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = articles(n + NEW_ARTICLES)
    with open(folder / "truth.jsonl", "w", encoding="utf-8") as truth:
        for k, article in enumerate(written):
            part = "base" if k < n else "new"
            sub = folder / part / f"{k // PER_FOLDER:04d}"
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"{article.id}.txt").write_text("\n".join(article.lines) + "\n", encoding="utf-8")
            for row in article.truth:
                truth.write(json.dumps(row) + "\n")
    claims = sum(len(a.truth) for a in written)
    return {"articles": n, "new": NEW_ARTICLES, "claims": claims}


if __name__ == "__main__":
    out = Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    print(write(int(sys.argv[1]), out))
