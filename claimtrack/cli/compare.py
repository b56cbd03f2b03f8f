"""`claimtrack compare`: two claims in hand, or a file of pairs, scored and related as matching would."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .. import render
from ..errors import ClaimtrackError
from .app import JsonOpt, app, err

if TYPE_CHECKING:  # for annotations only: a command imports the library when it runs
    from ..relation import Comparison


def _read_pairs(path: Path) -> list[dict]:
    """Every line of a pairs file, checked before anything is written: ``{"id", "s1", "s2"}``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimtrackError(f"cannot read pairs ({exc})", path=str(path)) from None
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ClaimtrackError(f"not JSON ({exc.msg})", path=str(path), line=n) from None
        if not isinstance(row, dict) or not all(isinstance(row.get(k), str) for k in ("s1", "s2")):
            raise ClaimtrackError('each line needs "s1" and "s2" as strings', path=str(path), line=n)
        rows.append(row)
    return rows


def _pair_record(row: dict, c: Comparison) -> dict:
    from ..relation import Relation

    conflicts = (Relation.contradicts, Relation.changed)
    return {
        "id": row.get("id"),
        "same": c.score,
        "relation": str(c.relation),
        "conflict": int(c.relation in conflicts),
        "rule": c.rule,
        "changes": [ch.to_dict() for ch in c.changes],
    }


def _facts(a: str, b: str) -> list:
    """Two claims in two languages share no words to diff: what each asserts (numbers, names, places, negation,
    dates, hedge) is compared instead, as ``diff`` does; nothing for two claims in one language. Claims given
    by hand have no speaker to compare."""
    from ..crossdiff import FactKind, across_languages, compare_facts

    if not across_languages({"text": a}, {"text": b}):
        return []
    return [f for f in compare_facts({"text": a}, {"text": b}) if f.kind != FactKind.speaker]


def _run(pairs: list[tuple[str, str]], lexical: bool) -> list[Comparison]:
    from ..pipeline import compare_pairs

    with Progress(
        TextColumn("Encoding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True
    ) as progress:
        task = progress.add_task("Encoding", total=len({t for p in pairs for t in p}))
        return compare_pairs(pairs, semantic=not lexical, on_progress=lambda n: progress.advance(task, n))


@app.command(
    epilog='Example: claimtrack compare "The army will not intervene in the crisis" "The army will intervene"   '
    "(or: claimtrack compare --pairs pairs.jsonl > scored.jsonl)"
)
def compare(
    a: Annotated[Optional[str], typer.Argument(help="A claim.", show_default=False)] = None,
    b: Annotated[Optional[str], typer.Argument(help="The claim to compare it with.", show_default=False)] = None,
    pairs: Annotated[
        Optional[Path],
        typer.Option(
            "--pairs",
            help='JSON Lines of {"id", "s1", "s2"}; writes {"id", "same", "relation", "conflict", ...} lines.',
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write the --pairs results here (default stdout).")
    ] = None,
    lexical: Annotated[
        bool, typer.Option("--lexical", help="Words only, even when the sentence encoder is installed.")
    ] = False,
    json_: JsonOpt = False,
) -> None:
    """Whether two claims are the same claim (score 0..1) and how they relate: same, changed, contradicts,
    reattributed or different, with what changed (a number, a negation, a place, a hedge)."""
    if (pairs is None) == (a is None or b is None) or (a is None) != (b is None):
        raise ClaimtrackError("give two claims A B, or --pairs FILE.jsonl")
    if pairs is None:
        (c,) = _run([(a, b)], lexical)
        facts = _facts(a, b)
        if json_:
            render.print_json({**c.to_dict(), "across_languages": bool(facts), "facts": [f.to_dict() for f in facts]})
            return
        rows = [{"same": c.score, "relation": str(c.relation), "rule": c.rule or "-", "lexical": c.lexical}]
        if c.semantic is not None:
            rows[0]["semantic"] = c.semantic
        render.emit(rows, list(rows[0]), "table", title="Compare")
        changes = [{"change": str(ch.kind), "a": ch.a, "b": ch.b} for ch in c.changes]
        if changes:
            render.emit(changes, ["change", "a", "b"], "table", title="Changes")
        if facts:
            shown = [{"fact": str(f.kind), "a": f.a or "-", "b": f.b or "-", "verdict": str(f.verdict)} for f in facts]
            render.emit(shown, ["fact", "a", "b", "verdict"], "table", title="Facts (two languages)")
        return
    rows = _read_pairs(pairs)
    results = _run([(r["s1"], r["s2"]) for r in rows], lexical)
    text = "".join(json.dumps(_pair_record(r, c), ensure_ascii=False) + "\n" for r, c in zip(rows, results))
    if output is None:
        sys.stdout.write(text)
        return
    tmp = output.with_name(output.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(output)
    err.print(f"Wrote {len(rows)} pairs to {output}")
