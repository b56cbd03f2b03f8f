"""Commands that put the database in a browser: serve (Datasette here) and publish (a read-only copy online)."""

from __future__ import annotations

import shlex
import subprocess
import tempfile
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..dbfile import default_path
from ..errors import DatabaseError
from ..serve.publish import TARGETS
from .app import DbOption, app, err, open_store


def _ready(db: Path | None) -> str:
    """The database path, checked, its views current and its log written into the file (Datasette reads it
    immutable, ignoring the log)."""
    from .. import serve as web

    web.require_datasette()
    try:
        store = open_store(db)
    except DatabaseError as exc:
        # Served as it is if it can be read at all (a read-only file or disk); else the read error stands.
        open_store(db, write=False).close()
        err.print(f"Note: {exc.message}; serving it as it is", markup=False, highlight=False)
        return str(db or default_path())
    with store:
        if not store.checkpoint():
            err.print("Warning: another program is using the database; changes it is making may not show")
    return str(db or default_path())


@app.command(
    epilog="Example: claimtrack serve --port 8001 --open   (needs: pip install 'claimtrack\\[serve]')",
)
def serve(
    db: DbOption = None,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8001,
    host: Annotated[
        str,
        typer.Option("--host", help="Address to listen on; anything but 127.0.0.1 lets other machines read it."),
    ] = "127.0.0.1",
    open_browser: Annotated[bool, typer.Option("--open", help="Open a browser on it.")] = False,
) -> None:
    """Browse, search and chart the database in a browser (Datasette), read-only.

    Who said what, a speaker's statements, claims across outlets, conflicts, each statement in its article, and
    charts. The database is opened immutable: nothing can write to it, and an ingest made while serving shows
    after a restart. Ctrl-C (or SIGTERM) stops Datasette with it.
    """
    from .. import serve as web
    from ..serve import process

    path = _ready(db)
    if host not in web.LOCAL_HOSTS:
        err.print(
            f"Warning: listening on {host}: anyone who can reach this machine on port {port} can read the database"
        )
    with tempfile.TemporaryDirectory(prefix="claimtrack-serve-") as tmp:
        meta = web.write_metadata(web.database_name(path), Path(tmp))
        err.print(f"Serving {path} read-only at http://{host}:{port}/ (Ctrl-C stops)")
        code = process.run(web.serve_args(path, meta, host=host, port=port, open_browser=open_browser))
    raise typer.Exit(code)


@app.command(
    epilog="Example: claimtrack publish --target cloudrun   (prints the command; --run runs it)",
)
def publish(
    db: DbOption = None,
    target: Annotated[
        str, typer.Option("--target", help=f"datasette package, or datasette publish to: {', '.join(TARGETS[1:])}.")
    ] = "package",
    out: Annotated[
        Path, typer.Option("--out", help="Folder for the metadata and claimtrack's wheel the command uses.")
    ] = Path("claimtrack-publish"),
    wheel: Annotated[
        Optional[Path], typer.Option("--wheel", help="A claimtrack wheel to install instead of building one.")
    ] = None,
    run: Annotated[bool, typer.Option("--run", help="Run the command instead of printing it.")] = False,
) -> None:
    """The `datasette package` / `datasette publish` command for a read-only copy, with claimtrack's metadata,
    search and charts."""
    from ..serve.publish import publish_command

    path = _ready(db)
    command = publish_command(path, out, target, wheel)
    if not run:
        typer.echo(shlex.join(command))
        return
    err.print(f"Running: {shlex.join(command)}")
    raise typer.Exit(subprocess.call(command))
