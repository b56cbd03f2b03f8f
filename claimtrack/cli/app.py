"""The Typer application, its error handling, global options and the options commands share."""

from __future__ import annotations

import os
import sqlite3
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.markup import escape
from typer.core import TyperGroup

from .. import __version__, render
from ..errors import ClaimtrackError, describe
from ..dbfile import database_error, default_path
from ..scope import Scope

if TYPE_CHECKING:
    from ..store import Store

# The library is imported where a command needs it, not here: `claimtrack --help` stays quick.

err = render.SafeConsole(stderr=True)

# Typer's own exceptions derive from the Click it runs on, which from Typer 0.22 on is a private copy
# (typer._click), not the installed `click`: the base class is found from typer.BadParameter, whichever it is.
USAGE_ERRORS = tuple(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")

# `claimtrack --help` lists commands in the order a new user needs them; any not named here come last.
COMMAND_ORDER = (
    "ingest",
    "load",
    "who-said",
    "speakers",
    "search",
    "show",
    "claims",
    "diff",
    "timeline",
    "conflicts",
    "compare",
    "export",
    "rematch",
    "serve",
    "publish",
)


# Options of the whole program that a user may also give after the command's name
# (`claimtrack who-said Kirby --bidi off`): flags, and options that take a value.
GLOBAL_FLAGS = ("--debug",)
GLOBAL_VALUED = ("--bidi",)


def globals_first(args: list[str]) -> list[str]:
    """The command line with the global options moved before the command's name, where Click looks for them;
    everything after a ``--`` is left as it is."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg in GLOBAL_FLAGS or arg.startswith(tuple(v + "=" for v in GLOBAL_VALUED)):
            front.append(arg)
        elif arg in GLOBAL_VALUED and i + 1 < len(args):
            front.extend(args[i : i + 2])
            i += 1
        else:
            rest.append(arg)
        i += 1
    return front + rest


def _hide_flag_types(params: list) -> list:
    """No ``<bool>`` after a flag in help: a flag takes no value (newer Typers print its type otherwise)."""
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
    return params


class _Group(TyperGroup):
    """Shows any ClaimtrackError as one line and exits 1; other errors too, unless --debug. Usage errors are
    Click's: the usage line and the option named, exit 2."""

    def list_commands(self, ctx):
        known = [name for name in COMMAND_ORDER if name in self.commands]
        return known + [name for name in self.commands if name not in COMMAND_ORDER]

    def get_command(self, ctx, name):
        command = super().get_command(ctx, name)
        if command is not None and not hasattr(command, "_flag_types_hidden"):
            # Click adds --help to a command's own parameters when it is asked for them.
            own = command.get_params
            command.get_params = lambda ctx: _hide_flag_types(own(ctx))
            command._flag_types_hidden = True
        return command

    def get_params(self, ctx):
        return _hide_flag_types(super().get_params(ctx))

    def parse_args(self, ctx, args):
        return super().parse_args(ctx, globals_first(list(args)))

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ClaimtrackError as exc:
            show_error(exc)
            raise typer.Exit(1) from None
        except USAGE_ERRORS as exc:
            if hasattr(exc, "ctx") and exc.ctx is None:  # the parser left out which command: usage needs it
                exc.ctx = self._command_context(ctx)
            raise
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except sqlite3.Error as exc:  # a fault met while reading: the store turns one met while writing
            show_error(database_error(exc, _opened[-1] if _opened else default_path()))
            raise typer.Exit(1) from None
        except BrokenPipeError:
            # The reader went away (`| head`): stop quietly like other Unix tools, and point stdout at
            # /dev/null so the interpreter's last flush does not fail again on the way out.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(141) from None
        except Exception as exc:  # noqa: BLE001 - the user sees one line; --debug shows the traceback
            if ctx.obj and ctx.obj.get("debug"):
                raise
            show_error(f"unexpected failure: {describe(exc)} (run with --debug for the traceback)")
            raise typer.Exit(2) from None

    def _command_context(self, ctx: typer.Context) -> typer.Context:
        """A context for the command named on the command line, parsed no further, to show its usage."""
        name = next(iter(getattr(ctx, "_protected_args", None) or ctx.args), None)
        command = self.get_command(ctx, name) if name else None
        return command.make_context(name, [], parent=ctx, resilient_parsing=True) if command else ctx


def show_error(exc: ClaimtrackError | str) -> None:
    """An error as the one line a user sees on standard error."""
    err.print(f"[red]Error:[/red] {escape(str(exc))}", markup=True, highlight=False, soft_wrap=True)


app = typer.Typer(
    cls=_Group,
    help="Who said what: attributed statements from Arabic and English news, matched across outlets and languages.",
    epilog="Example: claimtrack ingest corpus/ && claimtrack who-said Kirby",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

# ----- options shared by commands -----
DbOption = Annotated[
    Optional[Path],
    typer.Option("--db", envvar="CLAIMTRACK_DB", help="SQLite database (default ./claims.db).", show_default=False),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]
CsvOpt = Annotated[bool, typer.Option("--csv", help="Print CSV.")]
NlOpt = Annotated[bool, typer.Option("--nl", help="Print JSON Lines, one record a line.")]
LimitOpt = Annotated[Optional[int], typer.Option("--limit", min=1, help="At most this many rows.")]
DEFAULT_LIMIT = 100
"""Rows a query command prints unless --limit says otherwise: a year of news holds tens of thousands of hits
for a common word, and a query answers in milliseconds only when it stops at a page of them."""


def trimmed(rows: list, limit: int | None) -> list:
    """The first ``limit`` rows of a query asked for ``limit + 1``, saying on stderr when there were more."""
    if limit is not None and len(rows) > limit:
        err.print(f"Showing the first {limit} rows; --limit N shows more.", markup=False, highlight=False)
        return rows[:limit]
    return rows


def one_more(limit: int | None) -> int | None:
    """The limit to ask a query for, so that ``trimmed`` can tell whether there were more rows."""
    return None if limit is None else limit + 1


def _day_option(name: str, bound: str):
    help = f"Only articles published on or {bound} this day (YYYY-MM-DD)."
    option = typer.Option(name, formats=["%Y-%m-%d"], metavar="DAY", help=help, show_default=False)
    return Annotated[Optional[datetime], option]


SinceOpt = _day_option("--since", "after")
UntilOpt = _day_option("--until", "before")
OutletFilterOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--outlet",
        metavar="NAME",
        help="Only articles from this outlet (repeatable; any hamza spelling).",
        show_default=False,
    ),
]


def scope(since: datetime | None, until: datetime | None, outlets: list[str] | None) -> Scope:
    """The articles a query looks at, from the --since, --until and --outlet options."""
    if since and until and since > until:
        raise typer.BadParameter(f"--since {since:%Y-%m-%d} is after --until {until:%Y-%m-%d}", param_hint="'--since'")
    return Scope(
        since=f"{since:%Y-%m-%d}" if since else None,
        until=f"{until:%Y-%m-%d}" if until else None,
        outlets=tuple(outlets or ()),
    )


def output_format(json_: bool, csv_: bool, nl: bool) -> str:
    chosen = [name for name, on in (("json", json_), ("csv", csv_), ("nl", nl)) if on]
    if len(chosen) > 1:
        raise typer.BadParameter("choose one of --json, --csv, --nl", param_hint=f"'--{chosen[1]}'")
    return chosen[0] if chosen else "table"


def open_store(db: Path | None, *, create: bool = False, write: bool = True) -> Store:
    """The database a command works on; read commands open it read-only (``write=False``)."""
    from ..store import Store

    path = str(db or default_path())
    _opened.append(path)
    return Store.open(path, create=create, write=write)


_opened: list[str] = []  # databases this process opened, so a fault SQLite reports later names the file


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimtrack {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
    bidi: Annotated[
        render.Bidi,
        typer.Option(
            "--bidi",
            envvar="CLAIMTRACK_BIDI",
            case_sensitive=False,
            help="Shape and reorder Arabic for display: on, off, or auto (on unless the terminal does it itself "
            "or output is piped). JSON, CSV and exports are never reordered.",
        ),
    ] = render.Bidi.auto,
) -> None:
    ctx.obj = {"debug": debug}
    render.use_bidi(bidi)
