"""The code keeps one format and small functions: ruff's formatter and its complexity check (C901) pass.

Run inside the test suite so that the README's test command and `.ci/run` stay one command.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


def _ruff(*args: str) -> subprocess.CompletedProcess:
    # the ruff installed beside this interpreter by the test extra, so it reads this project's configuration
    beside = Path(sys.executable).with_name("ruff")
    exe = str(beside) if beside.exists() else shutil.which("ruff") or pytest.fail("pip install -e '.[test]'")
    return subprocess.run([exe, *args], cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("args", [("format", "--check", "."), ("check", ".")], ids=["format", "complexity"])
def test_ruff_passes(args):
    result = _ruff(*args)
    assert result.returncode == 0, result.stdout + result.stderr


MAX_CLASS_LINES = 300
MAX_FUNCTION_LINES = 150


def test_no_class_over_300_lines_and_no_function_over_150():
    import ast

    too_long = []
    for path in sorted((ROOT / "claimtrack").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            size = getattr(node, "end_lineno", 0) - getattr(node, "lineno", 0) + 1
            if isinstance(node, ast.ClassDef) and size > MAX_CLASS_LINES:
                too_long.append(f"{path.relative_to(ROOT)}: class {node.name} has {size} lines")
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and size > MAX_FUNCTION_LINES:
                too_long.append(f"{path.relative_to(ROOT)}: {node.name} has {size} lines")
    assert not too_long, "\n".join(too_long)
