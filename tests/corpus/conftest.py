"""Fixtures of the corpus tests: ``corpus``, a folder of reports we wrote (see ``corpus_helpers.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus_helpers import corpus  # noqa: E402, F401 - a fixture, for every test of this folder
