"""Draw a comparison (:mod:`lawgraph.compare`) as a bar chart, one bar per report, with matplotlib.

Bars are labelled with the area's Chinese name, so the chart needs a CJK font: :func:`cjk_font` looks for
one matplotlib knows (Noto Sans CJK, Source Han, WenQuanYi, SimHei, PingFang …). With none, the chart is
still drawn and :func:`draw_comparison` says so in its returned warning (the labels show as boxes).

The file is written to a temporary file beside it and renamed into place; the format follows the
extension (``.png`` or ``.svg``).
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from lawgraph.atomic import write_atomically
from lawgraph.compare import Comparison
from lawgraph.errors import OutputError

__all__ = ["CHART_SUFFIXES", "CJK_FONT_HINT", "cjk_font", "draw_comparison"]

CHART_SUFFIXES = (".png", ".svg")
"""The chart formats :func:`draw_comparison` writes."""

CJK_FONT_HINT = (
    "no CJK font found for matplotlib: Chinese labels will show as boxes; install one (Debian/Ubuntu: "
    "apt-get install fonts-noto-cjk) and delete matplotlib's font cache (matplotlib.get_cachedir())"
)

_CJK_NAMES = (
    "Noto Sans CJK",
    "Noto Serif CJK",
    "Source Han",
    "WenQuanYi",
    "SimHei",
    "Microsoft YaHei",
    "PingFang",
    "Heiti",
    "Hiragino Sans GB",
    "Droid Sans Fallback",
    "AR PL",
    "Sarasa",
    "CJK",
)


_RESULT, _PLANNED = "#4c78a8", "#f58518"


def cjk_font() -> str | None:
    """The name of a font matplotlib knows that draws Chinese, best first; ``None`` when there is none."""
    from matplotlib import font_manager

    found = _known_cjk(font_manager)
    if found is None:
        # matplotlib's font cache may predate a font installed since (fonts-noto-cjk): look at the
        # system's font files once and add the CJK ones to this process's list, leaving the cache alone.
        for path in font_manager.findSystemFonts():
            if any(key in Path(path).name for key in _CJK_FILES):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue
        found = _known_cjk(font_manager)
    return found


_CJK_FILES = (
    "CJK",
    "SourceHan",
    "wqy",
    "WenQuanYi",
    "simhei",
    "SimHei",
    "msyh",
    "DroidSansFallback",
    "uming",
    "ukai",
    "Sarasa",
)


def _known_cjk(font_manager: Any) -> str | None:
    names = sorted({font.name for font in font_manager.fontManager.ttflist})
    for wanted in _CJK_NAMES:
        found = [name for name in names if wanted in name]
        if found:
            simplified = [name for name in found if name.endswith(" SC")]
            return str((simplified or found)[0])
    return None


def draw_comparison(comparison: Comparison, path: str | Path) -> str | None:
    """Draw ``comparison`` into ``path`` (``.png`` or ``.svg``): bars of the values by area, sorted.

    Returns
    -------
    str or None
        A warning for the user (no CJK font), or ``None``.

    Raises
    ------
    OutputError
        The extension is not ``.png`` or ``.svg``, or there is nothing to draw.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in CHART_SUFFIXES:
        raise OutputError(
            target, f"a chart is written as {' or '.join(CHART_SUFFIXES)}, not {suffix or 'no extension'!r}"
        )
    rows = [row for row in comparison.rows if row.value is not None]
    if not rows:
        raise OutputError(target, f"no report states {comparison.title}: nothing to draw")
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    font = cjk_font()
    note = None if font is not None else CJK_FONT_HINT
    rows.sort(key=lambda row: (row.value, row.area or row.file))
    labels = [row.area or row.issuer or row.file for row in rows]
    values = [float(row.value) for row in rows if row.value is not None]
    unit = rows[0].unit
    context: dict[str, Any] = {
        "axes.unicode_minus": False,
        "svg.hashsalt": "lawgraph",
        "svg.fonttype": "path",
    }
    if font is not None:
        context["font.family"] = [font, "sans-serif"]
    with plt.rc_context(context), warnings.catch_warnings():  # type: ignore[arg-type]
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from", category=UserWarning)
        fig, ax = plt.subplots(figsize=(7.5, 0.26 * len(rows) + 1.3), dpi=100)
        colors = [_RESULT if row.status != "planned" else _PLANNED for row in rows]
        bars = ax.barh(labels, values, color=colors, height=0.7)
        ax.bar_label(bars, labels=[f"{v:g}" for v in values], padding=2, fontsize=7)
        ax.set_xlabel(unit)
        ax.set_title(comparison.title, fontsize=11)
        if any(row.status == "planned" for row in rows):
            # A report that states only a target (planned) is drawn in another colour, with a legend.
            from matplotlib.patches import Patch

            ax.legend(
                handles=[Patch(color=_RESULT, label="实际"), Patch(color=_PLANNED, label="目标（计划）")],
                loc="lower right",
                fontsize=8,
                frameon=False,
            )
        ax.tick_params(axis="y", labelsize=8)
        ax.margins(x=0.12)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()

        def write(handle: Any) -> None:
            fig.savefig(handle, format=suffix.lstrip("."), metadata=_metadata(suffix))

        try:
            write_atomically(target, write)
        finally:
            plt.close(fig)
    return note


def _metadata(suffix: str) -> dict[str, Any]:
    # No dates or tool versions in the file: the same comparison gives the same bytes.
    if suffix == ".svg":
        return {"Date": None, "Creator": None}
    return {"Software": None}
