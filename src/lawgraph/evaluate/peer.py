"""The offline peer: jieba's POS tags (``nt`` → organizations, ``ns`` → places), scored like lawgraph.

jieba is only a peer to compare against (extra ``peers``); it is imported on first use.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lawgraph.evaluate.gold import norm
from lawgraph.evaluate.scores import Score, gold_names, score_entities

__all__ = ["peer_available", "peer_scores"]


def _posseg() -> Any:
    try:
        import jieba
        import jieba.posseg
    except ImportError as err:
        raise ImportError("the peer scores need jieba: pip install 'lawgraph[peers]'") from err
    jieba.setLogLevel(60)
    return jieba.posseg


def peer_available() -> bool:
    """Whether jieba is installed."""
    try:
        _posseg()
    except ImportError:
        return False
    return True


def peer_scores(text: str, gold: Mapping[str, Any]) -> dict[str, Score]:
    """Score jieba's POS tags on ``text`` against ``gold``: each distinct tagged word is one node."""
    found: dict[str, set[str]] = {"nt": set(), "ns": set()}
    for word, flag in _posseg().cut(text):
        if flag in found:
            found[flag].add(norm(word))
    out = {}
    for category, flag in (("organizations", "nt"), ("places", "ns")):
        nodes = {word: {word} for word in found[flag]}
        items = [gold_names(category, item) for item in gold.get(category, [])]
        out[category] = score_entities(nodes, items)[0]
    return out
