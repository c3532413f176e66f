"""Fixtures of the server tests: the hand-written graph as TriG, and one server shared by the package."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from server_helpers import Served  # noqa: E402


@pytest.fixture(scope="package")
def trig(tmp_path_factory) -> Path:
    import importlib.util

    root_conftest = Path(__file__).parents[1] / "conftest.py"
    spec = importlib.util.spec_from_file_location("_lawgraph_conftest", root_conftest)
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    path = tmp_path_factory.mktemp("serve") / "hand.trig"
    conftest._hand_dataset().serialize(path, format="trig")
    return path


@pytest.fixture(scope="package")
def server(trig):
    served = Served(trig, "--timeout", "2")
    yield served
    served.stop()
