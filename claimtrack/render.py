"""How results look: Rich tables on a terminal, plain tab-separated lines in a pipe, or JSON/CSV/JSON Lines.

Arabic needs help in most terminals: they neither join letters nor reorder right-to-left text, and Rich does
no bidi of its own. With bidi display on, every table cell is shaped (arabic-reshaper) and reordered (the
Unicode bidi algorithm from python-bidi) line by line after wrapping, so a wrapped claim still reads from its
first line down. Only what is drawn on screen changes: JSON, CSV, JSON Lines and exports stay logical-order
Unicode whatever the mode.
"""

from __future__ import annotations

import json
import os
import sys
import zlib
from collections.abc import Sequence
from enum import Enum
from typing import TextIO

import arabic_reshaper
from bidi import algorithm as bidi_algorithm
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from .controls import json_safe, safe
from .diff import marked


class Bidi(str, Enum):
    """Whether to shape and reorder Arabic for display: ``auto`` asks the terminal."""

    auto = "auto"
    on = "on"
    off = "off"


# Terminals that reorder right-to-left text themselves, each known by an environment variable it sets;
# reordering again for them would put Arabic back to front.
BIDI_TERMINALS = {"VTE_VERSION": None, "KONSOLE_VERSION": None, "MLTERM": None, "TERM_PROGRAM": "Apple_Terminal"}

_display_mode = Bidi.auto

# Letters only, no lam-alef ligatures and no dropped marks: one character in, one out, so offsets (and the
# styles that hang on them) survive shaping.
_RESHAPER = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": False})

# Colours that read on dark and light backgrounds alike; red is kept for errors.
SPEAKER_PALETTE = (
    "cyan",
    "magenta",
    "green",
    "yellow",
    "blue",
    "bright_cyan",
    "bright_magenta",
    "bright_green",
    "dark_orange",
    "orchid",
    "turquoise2",
    "gold3",
    "deep_sky_blue1",
    "spring_green2",
    "plum2",
    "salmon1",
)


class SafeConsole(Console):
    """A Rich console that shows any control character in what it prints (``safe``); its own colour and
    cursor codes, which Rich keeps apart from the text, pass as they are."""

    def render(self, renderable, options=None):
        for segment in super().render(renderable, options):
            yield segment if segment.control else Segment(safe(segment.text), segment.style)


def is_terminal(out: TextIO) -> bool:
    """Whether ``out`` is a terminal, as Rich decides it (a tty, or TTY_COMPATIBLE/FORCE_COLOR say so)."""
    return SafeConsole(file=out).is_terminal


def use_bidi(mode: Bidi | str) -> None:
    """Set the display mode for everything this process prints (the CLI's ``--bidi``)."""
    global _display_mode
    _display_mode = Bidi(mode)


def bidi_wanted(mode: Bidi | str | None = None, *, is_terminal: bool, environ=None) -> bool:
    """Whether to reorder for display: ``on``/``off`` as said; ``auto`` only on a terminal that cannot."""
    mode = Bidi(mode or _display_mode)
    if mode is not Bidi.auto:
        return mode is Bidi.on
    if not is_terminal:
        return False
    environ = os.environ if environ is None else environ
    return not any(var in environ and (value is None or environ[var] == value) for var, value in BIDI_TERMINALS.items())


def speaker_style(name: str) -> str:
    """A speaker's colour: the same in every command and every run (crc32, not the salted ``hash``)."""
    return SPEAKER_PALETTE[zlib.crc32(name.encode("utf-8")) % len(SPEAKER_PALETTE)]


def visual(text: Text, base_level: int | None = None) -> Text:
    """One line shaped and in display order, each character keeping its style.

    ``base_level`` (0 left-to-right, 1 right-to-left) is the paragraph's direction when the line is part of
    one; by default the line's first strong letter decides.
    """
    plain = _RESHAPER.reshape(text.plain)
    styles = [Style()] * len(plain)
    for span in text.spans:
        for i in range(span.start, min(span.end, len(plain))):
            styles[i] = styles[i] + (Style.parse(span.style) if isinstance(span.style, str) else span.style)
    out = Text(style=text.style, end="")
    run, run_style = "", None
    for index, char in _display_order(plain, base_level):
        if styles[index] != run_style and run:
            out.append(run, run_style)
            run = ""
        run, run_style = run + char, styles[index]
    out.append(run, run_style)
    return out


def _display_order(line: str, base_level: int | None) -> list[tuple[int, str]]:
    """python-bidi's ``get_display`` steps, with each character's logical index carried along."""
    storage = bidi_algorithm.get_empty_storage()
    storage["base_level"] = bidi_algorithm.get_base_level(line) if base_level is None else base_level
    storage["base_dir"] = ("L", "R")[storage["base_level"]]
    bidi_algorithm.get_embedding_levels(line, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    for step in (
        bidi_algorithm.explicit_embed_and_overrides,
        bidi_algorithm.resolve_weak_types,
        bidi_algorithm.resolve_neutral_types,
        bidi_algorithm.resolve_implicit_levels,
        bidi_algorithm.reorder_resolved_levels,
        bidi_algorithm.apply_mirroring,
    ):
        step(storage, False)
    return [(char["index"], char["ch"]) for char in storage["chars"]]


class ForDisplay:
    """Text wrapped in logical order to the width it is given, then each line shaped and reordered.

    Reordering a whole paragraph before wrapping would put its last words on the first line. Right-to-left
    lines are right-aligned, as a reader of Arabic expects.
    """

    def __init__(self, text: Text):
        self.text = text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        base_level = bidi_algorithm.get_base_level(self.text.plain)
        for line in self.text.wrap(console, options.max_width):
            line.rstrip()
            shown = visual(line, base_level)
            if base_level == 1:
                shown.align("right", options.max_width)
            yield from shown.render(console)
            yield Segment.line()


def display(text: Text | str, *, bidi: bool) -> Text | ForDisplay:
    text = Text(text) if isinstance(text, str) else text
    return ForDisplay(text) if bidi else text


CUE_WINDOW = 200  # how far from its claim (in characters) a statement's cue verb is looked for


def annotated_article(text: str, statements: list[dict]) -> Text:
    """An article's text with each claim underlined in its speaker's colour, the cue verb in bold and a
    ``[speaker · cue]`` label after the claim, so extraction can be checked against the source."""
    marked = Text(text)
    labels: list[tuple[int, Text]] = []
    for st in statements:
        start, end, colour = st["char_start"], st["char_end"], speaker_style(st["speaker"])
        marked.stylize(f"underline {colour}", start, end)
        cue_at = _cue_offset(text, st["cue"], start, end)
        if cue_at is not None:
            marked.stylize(f"bold {colour}", cue_at, cue_at + len(st["cue"]))
        label = f" [{st['speaker']} · {st['cue']}{' · ' + st['kind'] if st['kind'] != 'direct' else ''}]"
        labels.append((end, Text(label, style=f"dim {colour}")))
    labels.sort(key=lambda pair: pair[0])
    pieces = marked.divide(offset for offset, _ in labels)
    out = Text()
    for i, piece in enumerate(pieces):
        out.append_text(piece)
        if i < len(labels):
            out.append_text(labels[i][1])
    return out


def show_article(
    article: dict,
    statements: list[dict],
    *,
    out: TextIO | None = None,
    console: Console | None = None,
    bidi: Bidi | str | None = None,
) -> None:
    """An article under a one-line header, its statements marked (``annotated_article``)."""
    console = console or SafeConsole(file=out or sys.stdout)
    reorder = bidi_wanted(bidi, is_terminal=console.is_terminal)
    about = " · ".join(str(v) for v in (article["id"], article.get("outlet"), article.get("published")) if v)
    header = Text(safe(f"{about} · {len(statements)} statements"), style="bold")
    body = annotated_article(safe(article["text"]), statements)
    console.print(shaped(header.plain, reorder) if reorder else header, style="bold")
    console.rule(style="dim")
    for paragraph in body.split("\n"):
        # Unwrapped in logical order, a pipe gets whole lines; reordering needs the width to wrap at.
        console.print(display(paragraph, bidi=reorder), soft_wrap=not reorder)


def show_explanations(
    statements: list[dict], *, out: TextIO | None = None, console: Console | None = None, bidi: Bidi | str | None = None
) -> None:
    """Under an article: for each statement, who and what, then the stages and data entries that made it."""
    console = console or SafeConsole(file=out or sys.stdout)
    reorder = bidi_wanted(bidi, is_terminal=console.is_terminal)
    console.rule("why each statement was taken", style="dim")
    for st in statements:
        who = st.get("speaker") or st.get("speaker_as_written") or "(unattributed)"
        head = Text(safe(f"#{st.get('id')} {who}: {st['text'][:80]}"), style="bold")
        console.print(display(head, bidi=reorder), soft_wrap=not reorder)
        for step in st.get("explain", []):
            console.print(display(Text(safe(f"   · {step}")), bidi=reorder), soft_wrap=not reorder)


def _cue_offset(text: str, cue: str, start: int, end: int) -> int | None:
    """Where the cue verb of a claim at [start, end) is: its nearest occurrence before or after the claim."""
    if not cue:
        return None
    before = text.rfind(cue, max(0, start - CUE_WINDOW), start)
    after = text.find(cue, end, end + CUE_WINDOW)
    found = [at for at in (before, after) if at >= 0]
    return min(found, key=lambda at: start - at - len(cue) if at < start else at - end) if found else None


def print_json(value, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    out.write(json_safe(json.dumps(value, ensure_ascii=False, indent=2)) + "\n")


def emit(
    rows: list[dict],
    columns: Sequence[str],
    fmt: str = "table",
    *,
    title: str | None = None,
    out: TextIO | None = None,
    console: Console | None = None,
    bidi: Bidi | str | None = None,
    highlight: dict[str, str] | None = None,
) -> None:
    """Print rows as the user asked: ``table`` (Rich on a terminal, plain when piped), json, csv or nl.

    ``bidi`` overrides the process's display mode; ``highlight`` maps a column to the row field that lists
    words to pick out in it (search hits in a snippet).
    """
    from . import export  # only for nl and csv; `claimtrack --help` never needs it

    out = console.file if console else (out or sys.stdout)
    if fmt == "json":
        print_json(rows, out)
    elif fmt == "nl":
        export.write(rows, "jsonl", out, columns=list(rows[0]) if rows else columns)
    elif fmt == "csv":
        export.write(rows, "csv", out, columns=columns, visible=is_terminal(out))
    else:
        console = console or SafeConsole(file=out)
        reorder = bidi_wanted(bidi, is_terminal=console.is_terminal)
        if not console.is_terminal:
            # Tab-separated, a header line first, so `cut -f` and spreadsheets know the columns.
            out.write("\t".join(columns) + "\n")
            for row in rows:
                cells = (_plain(row.get(c)) for c in columns)
                out.write("\t".join(visual(Text(c)).plain if reorder else c for c in cells) + "\n")
            return
        shown = fitting_columns(rows, columns, console.width)
        left_out = [c for c in columns if c not in shown]
        caption = f"too narrow for: {', '.join(left_out)} (--json has every field)" if left_out else None
        table = Table(
            title=shaped(safe(title) if title else None, reorder), caption=caption, show_lines=False, expand=False
        )
        for col in shown:
            prose = col in _PROSE
            # Short cells never wrap inside a word; running text takes the spare width and wraps between words.
            table.add_column(
                col.replace("_", " "),
                overflow="fold",
                min_width=_min_width(col, rows),
                ratio=1 if prose else None,
            )
        for row in rows:
            table.add_row(*(display(_styled(row, col, (highlight or {}).get(col)), bidi=reorder) for col in shown))
        console.print(table)


def shaped(text: str | None, reorder: bool) -> Text | str | None:
    """A title or header for display: each of its lines shaped and reordered when bidi display is on."""
    if not text or not reorder:
        return text
    return Text("\n").join(visual(Text(line)) for line in text.split("\n"))


# The widest a column is held open for its longest word; a longer word (an address) may still be folded.
MAX_WORD_WIDTH = 30
PROSE_MIN_WIDTH = 16


def _min_width(column: str, rows: list[dict]) -> int:
    """The width that keeps every word of a column whole: its longest word, header included."""
    words = column.replace("_", " ").split() + [w for row in rows for w in _plain(row.get(column)).split()]
    longest = min(MAX_WORD_WIDTH, max(map(len, words)))
    return max(longest, PROSE_MIN_WIDTH) if column in _PROSE else longest


def fitting_columns(rows: list[dict], columns: Sequence[str], width: int) -> list[str]:
    """The columns a table of ``width`` characters can show without cutting words: from the right, columns
    that are not running text are left out until the rest fit (the first column always stays)."""
    shown = list(columns)

    def needed() -> int:
        return sum(_min_width(c, rows) for c in shown) + 3 * len(shown) + 1  # padding and rules

    while needed() > width:
        drop = next((c for c in reversed(shown[1:]) if c not in _PROSE), None)
        if drop is None:
            break
        shown.remove(drop)
    return shown


# Columns of running text: they take the spare width and wrap.
_PROSE = {"text", "claim", "snippet"}


def _styled(row: dict, column: str, highlight_field: str | None) -> Text:
    text = Text(_plain(row.get(column)))
    if column == "speaker" and row.get(column):
        text.stylize(speaker_style(row[column]))
    if highlight_field:
        text.highlight_words(row.get(highlight_field) or [], "bold reverse")
    return text


def _plain(value) -> str:
    """A cell's value as one line of text a terminal shows as it is."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    return safe(str(value).replace("\n", " ").replace("\t", " "))


def show_ingest(summary: dict[str, int], *, console: Console | None = None) -> None:
    """An ingest's counts as a one-row table: on stdout at a terminal, on stderr when stdout is piped, so a
    pipeline reading stdout gets nothing it did not ask for."""
    console = console or SafeConsole(stderr=not sys.stdout.isatty())
    table = Table(title="Ingest", show_header=True)
    for key in summary:
        table.add_column(key.replace("articles_", "").replace("_", " "), justify="right")
    table.add_row(*(str(v) for v in summary.values()))
    console.print(table)


def round_line(summary: dict[str, int]) -> str:
    """One line for a round of ``watch``: when, and what came in."""
    from datetime import datetime

    counts = ", ".join(f"{v} {k.replace('articles_', '').replace('_', ' ')}" for k, v in summary.items() if v)
    return f"{datetime.now().isoformat(timespec='seconds')}  {counts or 'nothing new'}"


BAR = "█"
FIRST_MARK = "◆ first"


def show_timeline(tl, *, out: TextIO | None = None, console: Console | None = None) -> None:
    """A ``timeline.Timeline``: a bar per period (day, week or month) with the first appearance marked, then
    its statements in the order they were published. In a pipe, tab-separated lines instead of bars."""
    console = console or SafeConsole(file=out or sys.stdout)
    columns = ["published", "outlet", "speaker", "text"] if tl.kind == "cluster" else ["published", "outlet", "text"]
    rows = [
        {**row, "published": (FIRST_MARK + " " if row["first"] else "") + (row["published"] or "?")}
        for row in tl.statements
    ]
    if not console.is_terminal:
        for c in tl.counts:
            console.file.write(f"{c['period']}\t{c['statements']}\t{'first' if c['first'] else ''}\n")
        emit(rows, columns, "table", console=console)
        return
    peak = max((c["statements"] for c in tl.counts), default=1)
    room = max(10, min(50, console.width - 30))
    reorder = bidi_wanted(None, is_terminal=True)
    title = shaped(f"{tl.subject}: statements by {tl.unit}", reorder)
    chart = Table(title=title, show_header=False, box=None, padding=(0, 1))
    chart.add_column(justify="right", style="dim")
    chart.add_column()
    for c in tl.counts:
        bar = Text(BAR * max(1, round(c["statements"] * room / peak)), style="cyan")
        bar.append(f" {c['statements']}")
        if c["first"]:
            bar.append(f"  {FIRST_MARK}", style="bold yellow")
        chart.add_row(c["period"], bar)
    console.print(chart)
    if tl.undated:
        plural = "s" if tl.undated != 1 else ""
        console.print(f"{tl.undated} statement{plural} with no known date, listed last.", style="dim")
    emit(rows, columns, "table", console=console, title=None)


DIFF_STYLES = {"delete": "bold red strike", "insert": "bold green underline"}


def show_diff(
    versions: list[dict],
    diffs: list[list],
    *,
    relations: list[str] | None = None,
    facts: list[list] | None = None,
    out: TextIO | None = None,
    console: Console | None = None,
) -> None:
    """Versions of a claim side by side, each against the first (``diffs[i]`` turns the first into version
    ``i + 1``): in every later column, words of the first that it lacks are struck out in red and words only it
    has are underlined in green. Each column is headed by outlet, date, speaker as written and cue, and each
    later one by its typed change against the first (``relations[i]``: "contradicts: negation 0 -> 1"); in a
    pipe each version is a line with wdiff's ``[-…-]``/``{+…+}`` marks (``diff.marked``), its typed change on a
    ``~`` line above it. A version in another language than the first (``facts[i]`` not empty: numbers, names,
    negation and speaker compared, ``crossdiff.Fact``) is shown whole, not word-diffed, under its facts each
    marked same or changed (in a pipe, ``=`` and ``!`` lines)."""
    console = console or SafeConsole(file=out or sys.stdout)
    heads = [
        " · ".join(
            str(x)
            for x in (
                v.get("outlet") or v["article"],
                v.get("published"),
                v["speaker_as_written"],
                v["cue"],
                v.get("restates") and f"restates {v['restates']}",
            )
            if x
        )
        for v in versions
    ]
    marks = ["", *(relations or [""] * len(diffs))]
    found = [[], *(facts or [[] for _ in diffs])]
    if not console.is_terminal:
        lines = [
            versions[0]["text"],
            *(v["text"] if f else marked(ops) for v, ops, f in zip(versions[1:], diffs, found[1:])),
        ]
        for head, mark, line, compared in zip(heads, marks, lines, found):
            facts_lines = "".join(f"  {FACT_SIGNS[str(f.verdict)]} {f.line()}\n" for f in compared)
            console.file.write(safe(f"{head}\n" + (f"  ~ {mark}\n" if mark else "") + facts_lines + f"  {line}") + "\n")
        return
    texts = [Text(safe(versions[0]["text"]))]
    for version, ops, compared in zip(versions[1:], diffs, found[1:]):
        texts.append(Text(safe(version["text"])) if compared else _diff_text(ops))
    reorder = bidi_wanted(None, is_terminal=True)
    table = Table(show_lines=True, expand=False)
    for head in heads:
        table.add_column(shaped(safe(head).replace(" · ", "\n", 1), reorder), overflow="fold", min_width=16)
    if any(marks):
        table.add_row(*(display(Text(safe(mark), style="bold yellow"), bidi=reorder) for mark in marks))
    if any(found):
        table.add_row(*(display(_facts_text(compared), bidi=reorder) for compared in found))
    table.add_row(*(display(text, bidi=reorder) for text in texts))
    console.print(table)


# In a pipe, a fact both versions agree on is marked "=", one that changed "!".
FACT_SIGNS = {"same": "=", "changed": "!"}
FACT_STYLES = {"same": "green", "changed": "bold red"}


def _diff_text(ops: list) -> Text:
    text = Text()
    for op in ops:
        if op.op == "equal":
            text.append(safe(op.a) + " ")
            continue
        for words, kind in ((op.a, "delete"), (op.b, "insert")):
            if words:
                text.append(safe(words), style=DIFF_STYLES[kind])
                text.append(" ")
    text.rstrip()
    return text


def _facts_text(facts: list) -> Text:
    """A version's facts against the first, one a line: "numbers same: 500 | 500", the verdict coloured."""
    text = Text()
    for i, fact in enumerate(facts):
        text.append("\n" if i else "")
        text.append(f"{fact.kind} ")
        text.append(str(fact.verdict), style=FACT_STYLES[str(fact.verdict)])
        text.append(safe(f": {fact.a or '-'} | {fact.b or '-'}"))
    return text
