"""The claimtrack command line: parse options, call the library, print. Nothing else lives here.

One module per group of commands; each registers its commands on the one Typer `app` when imported.
"""

from __future__ import annotations

from . import admin, claims, compare, distributed, export, ingest, read, serve, speakers, timeline  # noqa: F401 - importing registers the commands
from .app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
