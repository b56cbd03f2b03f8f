"""The `datasette package` / `datasette publish` command for a read-only copy of a database on the web.

The copy runs claimtrack's plugin, so the container needs claimtrack itself: a wheel of the installed
claimtrack is built into the bundle folder and handed to Datasette as a static folder the image copies,
then installed from there (``--install dist/claimtrack-….whl``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..errors import ClaimtrackError
from . import database_name, write_metadata

TARGETS = ("package", "cloudrun", "heroku")
PLUGIN_PACKAGES = ("datasette-dashboards",)
SOURCE_FILES = ("pyproject.toml", "README.md", "claimtrack")
WHEEL_DIR = "dist"


def source_folder() -> Path:
    """Where claimtrack's source is: the checkout this package is imported from (an editable install), else
    the folder pip recorded installing it from."""
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file() and (checkout / "claimtrack" / "__init__.py").is_file():
        return checkout
    import importlib.metadata  # only when publishing: `claimtrack --help` imports this module

    for dist in importlib.metadata.distributions(name="claimtrack"):
        url = urlparse(json.loads(dist.read_text("direct_url.json") or "{}").get("url", ""))
        if url.scheme == "file" and (Path(unquote(url.path)) / "pyproject.toml").is_file():
            return Path(unquote(url.path))
    raise ClaimtrackError(
        "cannot build a wheel of claimtrack: the folder it was installed from is unknown; "
        "give one with --wheel FILE, or install claimtrack from a checkout (pip install -e .)"
    )


def build_wheel(out: Path) -> Path:
    """A wheel of claimtrack in ``out``, built from a copy of its source so the checkout is left as it was."""
    source = source_folder()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="claimtrack-wheel-") as tmp:
        for name in SOURCE_FILES:
            src = source / name
            if src.is_dir():
                shutil.copytree(src, Path(tmp) / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            elif src.exists():
                shutil.copy2(src, Path(tmp) / name)
        done = subprocess.run(
            # Isolated, so the build gets the setuptools pyproject.toml asks for (from the package index).
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), tmp],
            capture_output=True,
            text=True,
        )
    if done.returncode != 0:
        lines = [line.strip() for line in done.stderr.splitlines() if line.strip().startswith("error")]
        raise ClaimtrackError(f"cannot build a wheel of claimtrack: {(lines or ['pip wheel failed'])[0]}")
    return max(out.glob("claimtrack-*.whl"), key=lambda p: p.stat().st_mtime)


def publish_command(db: str, out: Path, target: str, wheel: Path | None = None) -> list[str]:
    """Write the bundle (metadata, claimtrack's wheel) into ``out`` and return the Datasette command."""
    if target not in TARGETS:
        raise ClaimtrackError(f"--target must be one of {', '.join(TARGETS)}, not {target!r}")
    out.mkdir(parents=True, exist_ok=True)
    wheels = out / WHEEL_DIR
    if wheel is None:
        wheel = build_wheel(wheels)
    else:
        if not wheel.is_file() or wheel.suffix != ".whl":
            raise ClaimtrackError(f"--wheel {wheel}: not a wheel file")
        wheels.mkdir(exist_ok=True)
        if wheel.resolve() != (wheels / wheel.name).resolve():
            shutil.copy2(wheel, wheels / wheel.name)
    meta = write_metadata(database_name(db), out)
    command = ["datasette", "package"] if target == "package" else ["datasette", "publish", target]
    command += [db, "--metadata", str(meta)]
    for package in PLUGIN_PACKAGES:
        command += ["--install", package]
    # The image copies static folders into its build context before `pip install` runs there.
    return command + ["--install", f"{WHEEL_DIR}/{wheel.name}", "--static", f"{WHEEL_DIR}:{wheels}"]
