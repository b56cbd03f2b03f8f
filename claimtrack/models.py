"""Plain records passed between the pipeline's stages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Story:
    """One story inside an article's file: most files hold one, some a second glued on after "اقرأ أيضاً"."""

    number: int
    start: int
    end: int
    title: str = ""


@dataclass
class Article:
    """An article's text as read, with what is known about where it came from.

    ``text`` is the article's text, untouched (the whole file for .txt and .md, the extracted main text of a
    web page, a JSON record's text), so statement offsets point into it.
    ``blocked`` lists character ranges of boilerplate (mastheads, share prompts) that never yield statements.
    """

    id: str
    text: str
    outlet: str | None = None
    outlet_source: str | None = None
    published: str | None = None
    published_source: str | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None
    language: str = "und"  # a language pack code once detected (corpus.build_article)
    encoding: str = "utf-8"
    path: str | None = None
    line: int | None = None  # a record's line in a JSON Lines file, for errors
    former_id: str | None = None  # the id older claimtracks gave it: the file name without extension
    stories: list[Story] = field(default_factory=list)
    blocked: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Statement:
    """One attributed statement: who (speaker), how (cue, kind, via) and what (the claim text and its span)."""

    speaker_as_written: str
    cue: str
    kind: str  # "direct" or "indirect"
    text: str
    char_start: int
    char_end: int
    role_as_written: str | None = None
    via: str | None = None
    sentence: int = 0
    confidence: float = 1.0
    attribution: str = (
        "explicit"  # explicit, continuation, participle, relay, preposition, post, subject-first, headline
    )
    cue_start: int | None = None  # char offset of the cue; parts of one statement share it
    part: int = 0  # 0: the cue's only claim; 1..n: one of the claims of one quotation or one cue
    polarity: str = "asserted"  # asserted, or denied ("نفى أن ...")
    hedged: bool = False  # the claim is hedged (قد، ربما، من المرجح)
    trace: list[str] = field(default_factory=list)  # the stages and data entries that made it (show --explain)
    said_on: str | None = None  # ISO date the article gives for the statement ("اليوم الثلاثاء"), if any
    speaker: str | None = None  # canonical name, set by speaker resolution
    speaker_kind: str | None = None  # person, organisation, media, anonymous
    gender: str | None = None  # m, f or p as the cue verb marks it; guides continuations
    story: int = 1
    article: str | None = None
    outlet: str | None = None
    cluster: int | None = None
    id: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Speaker:
    canonical: str
    kind: str = "person"
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: str | None = None
