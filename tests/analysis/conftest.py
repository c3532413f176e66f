"""Fixtures of the analysis tests: the bundled example built by the pipeline, and both datasets."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def built_example():
    """The bundled fictional example built by the real pipeline (skipped until ``lawgraph.build`` exists)."""
    api = pytest.importorskip("lawgraph.api", reason="lawgraph.build is not available yet")
    return api.build([REPO / "examples" / "santai-county-2023-fictional.txt"])


@pytest.fixture(params=["hand", "example"])
def any_dataset(request, hand_dataset):
    if request.param == "hand":
        return hand_dataset
    return request.getfixturevalue("built_example")
