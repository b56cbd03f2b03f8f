"""How results look: Rich tables on a terminal, plain tab-separated lines in a pipe, or JSON/CSV/JSON Lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.table import Table

from . import export

OUTPUT_FORMATS = ("table", "json", "csv", "nl")


def emit(rows: list[dict], columns: Sequence[str], fmt: str = "table", *, title: str | None = None,
         out: TextIO | None = None, console: Console | None = None) -> None:
    """Print rows as the user asked: ``table`` (Rich on a terminal, plain when piped), json, csv or nl."""
    out = out or sys.stdout
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "nl":
        export.write(rows, "jsonl", out, columns=list(rows[0]) if rows else columns)
    elif fmt == "csv":
        export.write(rows, "csv", out, columns=columns)
    else:
        console = console or Console(file=out)
        if not console.is_terminal:
            for row in rows:
                out.write("\t".join(_plain(row.get(c)) for c in columns) + "\n")
            return
        table = Table(title=title, show_lines=False, expand=False)
        for col in columns:
            table.add_column(col.replace("_", " "), overflow="fold")
        for row in rows:
            table.add_row(*(_plain(row.get(c)) for c in columns))
        console.print(table)


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value).replace("\n", " ").replace("\t", " ")
