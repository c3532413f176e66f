"""The code habits CI keeps: ruff and ``mypy --strict`` pass, as configured in ``pyproject.toml``.

``.ci/run`` runs the test suite and nothing else, so the linters run here, each as a subprocess of the
interpreter running the tests (``python -m ruff``, ``python -m mypy``: the ``test`` extra installs both).
A failure shows the tool's own report. ``pytest -m "not lint"`` leaves them out while iterating.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.lint


def _run_tool(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m MODULE ARGS`` in the checkout, skipping when the tool is not installed."""
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install -e '.[test]' installs it)")
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


def test_ruff_finds_nothing() -> None:
    """``ruff check`` with the rules and line length of ``[tool.ruff]``."""
    done = _run_tool("ruff", "check", "--output-format", "concise", "src", "tests", "bench")
    assert done.returncode == 0, f"ruff check src tests bench:\n{done.stdout}{done.stderr}"


def test_mypy_strict_finds_nothing() -> None:
    """``mypy`` over the packages of ``[tool.mypy]``, where ``strict = true``."""
    done = _run_tool("mypy", "--strict")
    assert done.returncode == 0, f"mypy --strict:\n{done.stdout}{done.stderr}"
