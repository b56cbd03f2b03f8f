from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def named_shell(monkeypatch):
    """``--show-completion bash`` shows bash's script whatever shell runs the suite: Typer otherwise detects that shell
    and ignores the one named ("sh", which the README's commands may run under, it does not support)."""
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "claims.db")


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> str:
    """The seed corpus ingested once for the read-only tests."""
    from claimtrack import Store, ingest

    path = str(tmp_path_factory.mktemp("seed") / "seed.db")
    with Store.open(path) as store:
        ingest([str(CORPUS)], store)
    return path


@pytest.fixture(scope="session")
def site():
    """The base address of the local test news site (``local_site``)."""
    from local_site import serve

    with serve() as base:
        yield base


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
