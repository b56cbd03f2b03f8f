"""Browse a claimtrack database in Datasette: its metadata (titles, descriptions, facets, canned queries,
charts), the Datasette command line for it, and the plugin (``plugin``) that makes search, cells and links
understand Arabic. ``process`` runs Datasette as a child that stops with its parent; ``publish`` prepares a
read-only copy for the web.
"""

from __future__ import annotations

import importlib.util
import json
from importlib.resources import files
from pathlib import Path

from ..errors import ClaimtrackError

INSTALL_HINT = "pip install 'claimtrack[serve]'"
# The modules the `serve` extra brings: Datasette and the charts plugin.
REQUIRED_MODULES = ("datasette", "datasette_dashboards")
PLACEHOLDER = "__db__"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def require_datasette() -> None:
    missing = [m for m in REQUIRED_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        raise ClaimtrackError(f"{missing[0].replace('_', '-')} is not installed; {INSTALL_HINT}")


def database_name(path: str | Path) -> str:
    """The name Datasette gives a database file (its stem), which its URLs and metadata use."""
    return Path(path).stem


def _named(value, name: str):
    if isinstance(value, dict):
        return {_named(k, name): _named(v, name) for k, v in value.items()}
    if isinstance(value, list):
        return [_named(v, name) for v in value]
    if isinstance(value, str):
        return value.replace(PLACEHOLDER, name)
    return value


def metadata(name: str) -> dict:
    """claimtrack's Datasette metadata for a database Datasette calls ``name``."""
    import yaml  # here, not at the top: `claimtrack --help` imports this package for the publish targets

    text = (files(__package__) / "metadata.yaml").read_text(encoding="utf-8")
    return _named(yaml.safe_load(text), name)


def write_metadata(name: str, folder: Path) -> Path:
    path = folder / "metadata.json"
    path.write_text(json.dumps(metadata(name), ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def serve_args(db: str, metadata_path: Path, *, host: str, port: int, open_browser: bool = False) -> list[str]:
    """``datasette serve`` arguments: the database immutable (read-only, never written to), our metadata."""
    args = ["serve", "-i", db, "--metadata", str(metadata_path), "--host", host, "--port", str(port)]
    return args + (["--open"] if open_browser else [])
