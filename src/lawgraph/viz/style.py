"""How the graph looks: colour and shape per class, Chinese class names, and the vis-network options."""

from __future__ import annotations

from typing import Any

from lawgraph.vocab import ENTITY_KINDS, SCOPED_KINDS, node_classes

__all__ = ["CLASS_NAMES", "CLASS_COLORS", "KIND_SHAPES"]

CLASS_NAMES: dict[str, str] = {name: cls.short for name, cls in node_classes().items()}
"""Chinese names of the classes (:attr:`lawgraph.vocab.NodeClass.short`), for the legend and hover text."""

CLASS_COLORS: dict[str, str] = {name: cls.color for name, cls in node_classes().items()}
"""Node colour per class (:attr:`lawgraph.vocab.NodeClass.color`); places are shades of green."""

KIND_SHAPES: dict[str, tuple[str, str]] = {
    **{kind.name: (kind.shape, kind.symbol) for kind in ENTITY_KINDS.values()},
    **{kind.name: (kind.shape, kind.symbol) for kind in SCOPED_KINDS.values()},
}
"""vis-network shape and legend symbol per node kind."""

# A node of a class the registry does not know: its kind's fallback colour (places: green), else grey.
_KIND_COLORS = {kind.name: kind.fallback.color for kind in ENTITY_KINDS.values() if kind.fallback is not None}
_FALLBACK_COLOR = "#aaaaaa"


def color_of(cls: str, kind: str) -> str:
    if cls in CLASS_COLORS:
        return CLASS_COLORS[cls]
    return _KIND_COLORS.get(kind, _FALLBACK_COLOR)


def class_label(cls: str) -> str:
    return CLASS_NAMES.get(cls, cls)


def page_options(n: int) -> dict[str, Any]:
    """vis-network options: stabilize once (fewer iterations on big graphs), then the page stops physics."""
    iterations = 400 if n <= 200 else 200 if n <= 1000 else 100 if n <= 3000 else 50
    return {
        "nodes": {
            "font": {
                "size": 14,
                "face": "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, SimHei, sans-serif",
            },
            "scaling": {"min": 10, "max": 36, "label": {"enabled": True, "min": 12, "max": 22}},
            "borderWidth": 1,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"size": 11, "align": "middle", "color": "#52606d", "strokeWidth": 3},
            "color": {"color": "#9aa5b1", "highlight": "#d9480f", "hover": "#d9480f"},
            "smooth": {"enabled": n <= 1000, "type": "continuous"},  # curves cost much on big graphs
            # On big graphs edge labels appear only once zoomed in (vis skips text drawn smaller than this).
            "scaling": {
                "min": 1,
                "max": 6,
                "label": {"enabled": False, "drawThreshold": 5 if n <= 100 else 10},
            },
        },
        "physics": {
            "enabled": n > 0,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 20, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n > 500},
        "layout": {"improvedLayout": n <= 150, "randomSeed": 7},
    }
