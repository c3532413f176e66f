"""Fixtures of the command-line tests: ``corpus``, the folder of reports the corpus tests write."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
from corpus_helpers import corpus  # noqa: E402, F401 - a fixture, for the corpus builds of `lawgraph build`
