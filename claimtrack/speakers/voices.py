"""Whom a speaker speaks for: a spokesperson and the body they speak for are one source of a claim.

Outlets name one source two ways: one the State Department, another its spokesman by name; one the White House,
another the National Security Council spokesperson. Across two languages this is the rule more than the
exception, since a report often names the body where the original names the person at the podium. The link comes
from the packs (a speaker entry's ``speaks_for``, a curated role that is a spokesperson's title naming a body:
"State Department spokesman") and from the articles (the title an article gives a speaker: "spokesperson for the
White House National Security Council"), and a group speaks for each of its members (a joint statement). Two
people who speak for one body are one source too. It only tells matching that two versions may be one source's
claim; no speaker is merged by it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..lang import text_pack
from ..lexicon import bare_forms
from .registry import Registry, SpeakerKind, curated_entries, words_of


def voices(registry: Registry, written_roles: Iterable[tuple[str, str]] = ()) -> dict[str, frozenset[str]]:
    """Speaker (canonical name) -> the bodies it speaks for, from the packs and from ``written_roles``
    (speaker, title as an article wrote it)."""
    found: dict[str, set[str]] = defaultdict(set)
    for entry in curated_entries(registry.lex.language):
        found[entry["canonical"]].update(entry.get("speaks_for", ()))
        for role in entry.get("roles", ()):
            found[entry["canonical"]].update(spoken_for(registry, role))
    for speaker, role in written_roles:
        found[speaker].update(spoken_for(registry, role))
    for canonical in list(registry.speakers):
        # "the companies said in a joint statement": the statement is each of its signers' claim too.
        found[canonical].update(registry.members(canonical))
    return {speaker: frozenset(bodies - {speaker}) for speaker, bodies in found.items() if bodies - {speaker}}


def spoken_for(registry: Registry, title: str) -> list[str]:
    """The known bodies a title names when it is a spokesperson's ("Kremlin spokesman", "المتحدث باسم الكرملين");
    other titles name a body that is not the speaker's voice ("ambassador to the United Nations")."""
    if not title or not title.strip():
        return []
    reading = registry.reading(text_pack(title).code)
    if not any(form in reading.lex.voice_titles for word in words_of(title) for form in bare_forms(reading.lex, word)):
        return []
    return reading.mentions(title, (SpeakerKind.organisation,))


def one_voice(a: str | None, b: str | None, voices: dict[str, frozenset[str]]) -> bool:
    """Whether two speakers are one source: one speaks for the other, or both for one body."""
    if not a or not b:
        return False
    of_a, of_b = voices.get(a, frozenset()), voices.get(b, frozenset())
    return a in of_b or b in of_a or bool(of_a & of_b)
