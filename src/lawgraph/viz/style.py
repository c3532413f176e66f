"""How the graph looks: colour and shape per class, Chinese class names, and the vis-network options."""

from __future__ import annotations

from typing import Any

__all__ = ["CLASS_NAMES", "CLASS_COLORS", "KIND_SHAPES"]

CLASS_NAMES: dict[str, str] = {
    "GovernmentBody": "政府机关",
    "PartyBody": "党的机构",
    "PeoplesCongress": "人大",
    "PoliticalConsultativeConference": "政协",
    "Court": "法院",
    "Procuratorate": "检察院",
    "PublicSecurityOrgan": "公安机关",
    "JusticeAdministration": "司法行政机关",
    "Committee": "委员会与领导小组",
    "MediationCommittee": "调解委员会",
    "Association": "社会团体",
    "Enterprise": "企业",
    "Prison": "监狱",
    "Institution": "事业单位",
    "MediaOutlet": "媒体",
    "OtherOrganization": "其他组织",
    "Province": "省级",
    "City": "市级",
    "County": "县",
    "District": "区",
    "NewArea": "新区",
    "Park": "园区",
    "Town": "镇",
    "Township": "乡",
    "Subdistrict": "街道",
    "Village": "村",
    "Community": "社区",
    "Place": "地点",
    "PolicyDocument": "文件",
    "Initiative": "工作举措",
    "Action": "行动",
    "Report": "报告",
    "Indicator": "指标",
}
"""Chinese names of the lawgraph classes, shown in the legend and hover text."""

CLASS_COLORS: dict[str, str] = {
    "GovernmentBody": "#1f77b4",
    "PartyBody": "#d62728",
    "PeoplesCongress": "#9467bd",
    "PoliticalConsultativeConference": "#8c564b",
    "Court": "#e6550d",
    "Procuratorate": "#31a354",
    "PublicSecurityOrgan": "#3182bd",
    "JusticeAdministration": "#17becf",
    "Committee": "#bcbd22",
    "MediationCommittee": "#a1d99b",
    "Association": "#e377c2",
    "Enterprise": "#7f7f7f",
    "Prison": "#636363",
    "Institution": "#6baed6",
    "MediaOutlet": "#fd8d3c",
    "OtherOrganization": "#9ecae1",
    "Province": "#00441b",
    "City": "#006d2c",
    "County": "#238b45",
    "District": "#41ab5d",
    "NewArea": "#2ca25f",
    "Park": "#99d8c9",
    "Town": "#74c476",
    "Township": "#74c476",
    "Subdistrict": "#a1d99b",
    "Village": "#c7e9c0",
    "Community": "#c7e9c0",
    "Place": "#2ca02c",
    "PolicyDocument": "#756bb1",
    "Initiative": "#fdae6b",
    "Action": "#c7c7c7",
    "Report": "#393b79",
    "Indicator": "#e7ba52",
}
"""Node colour per class; places are shades of green, darker for higher levels."""

_PLACE_COLOR = "#2ca02c"
_FALLBACK_COLOR = "#aaaaaa"

KIND_SHAPES: dict[str, tuple[str, str]] = {
    "organization": ("dot", "●"),
    "place": ("triangle", "▲"),
    "document": ("square", "■"),
    "initiative": ("diamond", "◆"),
    "action": ("ellipse", "▬"),
    "report": ("star", "★"),
    "indicator": ("hexagon", "⬢"),
}
"""vis-network shape and legend symbol per node kind."""


def _color(cls: str, kind: str) -> str:
    if cls in CLASS_COLORS:
        return CLASS_COLORS[cls]
    return _PLACE_COLOR if kind == "place" else _FALLBACK_COLOR


def _class_name(cls: str) -> str:
    return CLASS_NAMES.get(cls, cls)


def _options(n: int) -> dict[str, Any]:
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
