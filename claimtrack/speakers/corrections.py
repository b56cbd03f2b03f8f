"""A user's speaker corrections: kept in the database, applied after every resolution, never undone by the tool.

Each is an action with arguments by keyword. ``alias`` is also given to the registry before resolution, so
the phrases it names resolve to the speaker; the others rewrite the result of resolution, in the order made.
A statement is named by its article and offsets, which survive a re-ingest (its row id does not).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ..errors import ClaimtrackError
from ..models import Speaker
from .registry import Registry, SpeakerKind

FILE_FORMAT = "claimtrack-corrections/1"


class Action(StrEnum):
    alias = "alias"  # speaker, alias
    merge = "merge"  # keep, other
    rename = "rename"  # speaker, new
    split = "split"  # speaker, new, articles
    set_speaker = "set-speaker"  # article, char_start, char_end, speaker

    @property
    def fields(self) -> tuple[str, ...]:
        return _FIELDS[self]


_FIELDS = {
    Action.alias: ("speaker", "alias"),
    Action.merge: ("keep", "other"),
    Action.rename: ("speaker", "new"),
    Action.split: ("speaker", "new", "articles"),
    Action.set_speaker: ("article", "char_start", "char_end", "speaker"),
}


@dataclass
class Correction:
    action: Action
    args: dict
    id: int | None = None
    created_at: str | None = None

    @classmethod
    def parse(cls, record: dict, where: str) -> "Correction":
        """A correction from a stored row or an imported record; raises naming ``where`` when it is not one."""
        try:
            action = Action(record["action"])
        except (KeyError, ValueError):
            known = ", ".join(a.value for a in Action)
            raise ClaimtrackError(f"{where}: not a correction (action must be one of {known})") from None
        args = record.get("args")
        missing = [f for f in action.fields if not isinstance(args, dict) or f not in args]
        if missing:
            raise ClaimtrackError(f"{where}: {action} needs {', '.join(missing)}")
        return cls(action, {f: args[f] for f in action.fields}, record.get("id"), record.get("created_at"))

    def describe(self) -> str:
        a = self.args
        return {
            Action.alias: lambda: f"{a['alias']!r} is {a['speaker']}",
            Action.merge: lambda: f"{a['other']} is {a['keep']}",
            Action.rename: lambda: f"{a['speaker']} is called {a['new']}",
            Action.split: lambda: f"{a['speaker']} in {', '.join(a['articles'])} is {a['new']}",
            Action.set_speaker: lambda: (
                f"{a['article']} [{a['char_start']}:{a['char_end']}] was said by {a['speaker']}"
            ),
        }[self.action]()


@dataclass
class Outcome:
    """Resolution's answer for every statement, as corrections rewrite it."""

    speakers: dict[str, Speaker]
    assignment: dict[int, tuple[str, str | None]]  # statement id -> (canonical, role)
    where: dict[int, tuple[str, int, int]] = field(default_factory=dict)  # statement id -> (article, start, end)

    def move(self, ids, to: str, kind: str = SpeakerKind.person) -> None:
        target = self.speakers.setdefault(to, Speaker(to, kind, [to]))
        for sid in ids:
            self.assignment[sid] = (target.canonical, self.assignment[sid][1])

    def of(self, canonical: str) -> list[int]:
        return [sid for sid, (c, _) in self.assignment.items() if c == canonical]


def seed_registry(registry: Registry, corrections: list[Correction], kinds: dict[str, str]) -> None:
    """Aliases the user gave, known to resolution from the start."""
    for c in corrections:
        if c.action == Action.alias:
            name = c.args["speaker"]
            registry.add(Speaker(name, kinds.get(name, SpeakerKind.person), [name, c.args["alias"]]))


def apply(outcome: Outcome, corrections: list[Correction]) -> None:
    """Rewrite resolution's outcome with every correction, in the order they were made."""
    for c in corrections:
        a = c.args
        if c.action == Action.merge and a["other"] in outcome.speakers and a["other"] != a["keep"]:
            other = outcome.speakers[a["other"]]
            outcome.move(outcome.of(a["other"]), a["keep"], other.kind)
            keep = outcome.speakers[a["keep"]]
            keep.aliases.extend(x for x in [other.canonical, *other.aliases] if x not in keep.aliases)
            del outcome.speakers[a["other"]]
        elif c.action == Action.rename and a["speaker"] in outcome.speakers and a["speaker"] != a["new"]:
            old = outcome.speakers.pop(a["speaker"])
            new = outcome.speakers.setdefault(a["new"], Speaker(a["new"], old.kind, [], list(old.roles), old.gender))
            new.aliases.extend(x for x in [old.canonical, *old.aliases] if x not in new.aliases)
            outcome.move(outcome.of(old.canonical), new.canonical)
        elif c.action == Action.split and a["speaker"] in outcome.speakers:
            articles = set(a["articles"])
            moved = [sid for sid in outcome.of(a["speaker"]) if outcome.where[sid][0] in articles]
            outcome.move(moved, a["new"], outcome.speakers[a["speaker"]].kind)
        elif c.action == Action.set_speaker:
            spot = (a["article"], int(a["char_start"]), int(a["char_end"]))
            outcome.move([sid for sid, w in outcome.where.items() if w == spot], a["speaker"])
        elif c.action == Action.alias and a["speaker"] in outcome.speakers:
            sp = outcome.speakers[a["speaker"]]
            if a["alias"] not in sp.aliases:
                sp.aliases.append(a["alias"])


def in_effect(correction: Correction, speakers: set[str], spots: set[tuple[str, int, int]]) -> bool:
    """Whether a correction still finds what it corrects: its speaker among the stored ones, its statement
    at its article and offsets (a re-ingested article whose text moved loses it)."""
    a = correction.args
    if correction.action == Action.set_speaker:
        return (a["article"], int(a["char_start"]), int(a["char_end"])) in spots
    target = {
        Action.alias: a.get("speaker"),
        Action.merge: a.get("keep"),
        Action.rename: a.get("new"),
        Action.split: a.get("new"),
    }[correction.action]
    return target in speakers


def write_file(corrections: list[Correction], path: Path) -> None:
    records = [{"action": str(c.action), "args": c.args, "created_at": c.created_at} for c in corrections]
    data = {"format": FILE_FORMAT, "corrections": records}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)  # never a half-written file


def read_file(path: Path) -> list[Correction]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimtrackError(f"cannot read corrections ({exc})", path=str(path)) from None
    except json.JSONDecodeError as exc:
        raise ClaimtrackError(f"not JSON ({exc.msg})", path=str(path), line=exc.lineno) from None
    if not isinstance(data, dict) or data.get("format") != FILE_FORMAT or not isinstance(data.get("corrections"), list):
        raise ClaimtrackError(f"not a corrections file (expected format {FILE_FORMAT!r})", path=str(path))
    return [Correction.parse(r, f"{path}: correction {n}") for n, r in enumerate(data["corrections"], 1)]
