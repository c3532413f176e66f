"""Helpers of the viz tests: the data a graph page carries."""

from __future__ import annotations

import json
import re


def page_data(html: str) -> dict:
    match = re.search(r"var LAWGRAPH = (\{.*?\});\n", html)
    assert match, "the page carries its data"
    return json.loads(match.group(1))
