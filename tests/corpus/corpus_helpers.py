"""Helpers of the corpus tests: reports we wrote, the folder fixture, and ways to read what a build wrote.

Every report here is a few sentences we wrote; nothing is copied from the corpus.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

REPORTS = {
    "alpha.txt": (
        "青松县人民政府关于2023年度法治政府建设情况的报告\n"
        "一、主要工作\n"
        "（一）健全依法决策机制。县政府印发《青松县重大行政决策程序规定》，县司法局开展合法性审查68件。\n"
        "（二）强化行政执法监督。甘肃省人民政府部署执法检查，县人民法院受理行政案件35件。\n"
    ),
    "beta.txt": (
        "白杨市司法局2023年法治政府建设年度报告\n"
        "一、工作成效\n"
        "市司法局认真落实甘肃省人民政府的部署，组织培训行政执法人员1200人次。\n"
        "二、存在问题\n"
        "基层法治力量仍然薄弱，人民调解委员会调解纠纷约900件。\n"
    ),
    "gamma.txt": (
        "红柳区人民政府2023年法治政府建设工作情况报告\n"
        "一、主要做法\n"
        "区政府成立法治政府建设领导小组，制定《红柳区行政规范性文件管理办法》。\n"
        "区人民检察院办理公益诉讼案件12件，区公安分局推行执法全过程记录。\n"
    ),
}


def write_corpus(folder: Path, reports: dict[str, str] = REPORTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def sorted_lines(path: Path) -> list[str]:
    return sorted(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def report_graphs(store_dir: Path) -> set[str]:
    store = ox.Store.read_only(str(store_dir))
    return {g.value for g in store.named_graphs() if "/id/report/" in g.value}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "reports")


def as_oxigraph(path: Path) -> list[str]:
    """The quads of an N-Quads file as Oxigraph stores them (xsd:nonNegativeInteger becomes xsd:integer)."""
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return sorted(str(q) for q in store if not str(q.graph_name).endswith("/lawgraph/ontology>"))


_FIRST = "青白红金银玉石云松柏桃李梅竹兰"
_SECOND = "山川河湖溪泉林原岭峰湾洲"


def synthetic_report(k: int, *, paragraphs: int = 30) -> str:
    """Report number ``k`` of a synthetic corpus: a body of a made-up county or district, ``paragraphs``
    paragraphs of sentences we wrote, each naming a document, three bodies, actions and counts of its own,
    so every report adds statements no other report has (its graph grows with the number of reports)."""
    county = _FIRST[k % len(_FIRST)] + _SECOND[(k // len(_FIRST)) % len(_SECOND)] + ("县" if k % 2 else "区")
    lines = [f"{county}人民政府关于2023年度法治政府建设情况的报告", "一、主要工作"]
    for i in range(paragraphs):
        n = 7 * i + k
        lines.append(
            f"（{i + 1}）{county}司法局印发《{county}行政执法监督办法（第{i + 1}版）》，"
            f"开展合法性审查{n + 11}件。"
            f"{county}人民法院受理行政案件{n + 23}件，{county}人民检察院办理公益诉讼案件{n + 5}件。"
            f"{county}政府成立{county}第{i + 1}法治宣传工作领导小组，"
            f"组织培训行政执法人员{n * 3 + 100}人次。"
        )
    return "\n".join(lines) + "\n"


def write_synthetic_corpus(folder: Path, count: int, *, paragraphs: int = 30) -> Path:
    """``count`` synthetic reports (:func:`synthetic_report`) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(count):
        text = synthetic_report(k, paragraphs=paragraphs)
        (folder / f"report-{k:03d}.txt").write_text(text, encoding="utf-8")
    return folder
