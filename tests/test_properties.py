"""Property tests: whatever text a report holds, lawgraph either builds a graph whose evidence offsets are
right, or raises a :class:`~lawgraph.errors.LawgraphError`; never anything else.

The strategies write report-like text from pieces we wrote: Chinese clauses, numbers of any length with
units and scales, enumerations, quotes and 《》 titles, HTML fragments, control and odd Unicode characters.
The bench runs 10,000 mutations of a real report (``bench/bench_hardening.py mutations``).
"""

from __future__ import annotations

import functools
from pathlib import Path

import pyoxigraph as ox
import pytest

hypothesis = pytest.importorskip("hypothesis")
import contextlib  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from lawgraph.errors import LawgraphError  # noqa: E402

NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"

_CLAUSES = [
    "县人民政府印发",
    "司法局与法院建立",
    "全年受理行政复议案件",
    "完成",
    "培训执法人员",
    "调解纠纷",
    "县委成立法治建设领导小组",
    "开展普法宣传",
    "镇政府推进依法行政",
    "审查规范性文件",
]
_UNITS = ["件", "人次", "%", "亿元", "万元", "个", "场", "名", "小时", "次", "项", "余件", "多人"]
_PUNCT = ["。", "，", "、", "；", "：", "！", "？", "\n", "\n\n", " ", "\u3000"]
_HTML = [
    "<p>",
    "</p>",
    "<br>",
    '<div class="x">',
    "</div>",
    "&nbsp;",
    "&lt;",
    "<!-- c -->",
    "<script>x</script>",
    "<table><tr><td>",
    "</td></tr></table>",
    "&#12288;",
]
_ODD = ["\x00", "\x1b[31m", "\u202e", "\ufeff", "\u200b", "\ud7ff", "\U0001f642", "\r", "\t", "\x0c", "\\"]

numbers = st.one_of(
    st.integers(min_value=0, max_value=10**40).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(lambda d: f"{abs(d):f}"),
    st.integers(min_value=0, max_value=10**9).map(lambda n: f"{n:,}"),
    st.text(alphabet="〇一二三四五六七八九十百千万亿两零", min_size=1, max_size=12),
    st.text(alphabet="０１２３４５６７８９．，", min_size=1, max_size=12),
)
quantity = st.tuples(
    numbers,
    st.sampled_from(["", "多", "余"]),
    st.sampled_from(["", "万", "亿", "千"]),
    st.sampled_from(_UNITS),
).map("".join)
title = st.tuples(
    st.sampled_from(["《", "“", '"', "「"]),
    st.sampled_from(_CLAUSES),
    st.sampled_from(["办法", "规定", "条例", ""]),
    st.sampled_from(["》", "”", '"', "」", ""]),
).map("".join)
heading = st.sampled_from(["一、", "（二）", "3.", "第四条", "二是", "（1）", "附件："])
piece = st.one_of(
    st.sampled_from(_CLAUSES),
    quantity,
    title,
    heading,
    st.sampled_from(_PUNCT),
    st.sampled_from(_HTML),
    st.sampled_from(_ODD),
    st.text(max_size=8),
)
report_text = st.lists(piece, min_size=0, max_size=40).map("".join)


@functools.cache
def _nlp():  # type: ignore[no-untyped-def]
    from lawgraph.extract.pipeline import make_nlp

    return make_nlp()


def _check_offsets(nquads: bytes) -> int:
    """Every NIF string's offsets select its anchor from the context; returns how many were checked."""
    store = ox.Store()
    store.load(nquads, format=ox.RdfFormat.N_QUADS)
    rows = store.query(
        f"SELECT ?text ?anchor ?b ?e WHERE {{ GRAPH ?g {{ ?x <{NIF}anchorOf> ?anchor ; "
        f"<{NIF}beginIndex> ?b ; "
        f"<{NIF}endIndex> ?e ; <{NIF}referenceContext> ?c . ?c <{NIF}isString> ?text }} }}"
    )
    checked = 0
    for row in rows:
        text, anchor = row["text"].value, row["anchor"].value
        begin, end = int(row["b"].value), int(row["e"].value)
        assert 0 <= begin <= end <= len(text)
        assert text[begin:end] == anchor
        checked += 1
    return checked


def _build(tmp: Path, data: bytes, suffix: str) -> None:
    from lawgraph.api import process_report

    path = tmp / f"report{suffix}"
    path.write_bytes(data)
    try:
        result = process_report(path, nlp=_nlp())
    except LawgraphError:
        return  # a refusal with its one-line reason is a fine answer
    nquads = result.nquads.named + result.nquads.shared
    for sentence in result.report.sentences:
        assert 0 <= sentence.begin < sentence.end <= len(result.report.text)
    _check_offsets(nquads)


_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@_SETTINGS
@given(text=report_text)
def test_report_text_builds_or_is_refused(tmp_path, text):
    _build(
        tmp_path,
        ("某县人民政府关于2023年法治政府建设情况的报告\n" + text).encode("utf-8", "surrogatepass"),
        ".txt",
    )


@_SETTINGS
@given(text=report_text)
def test_html_pages_build_or_are_refused(tmp_path, text):
    page = f"<html><head><title>某县报告</title></head><body><div>{text}</div></body></html>"
    _build(tmp_path, page.encode("utf-8", "surrogatepass"), ".html")


@_SETTINGS
@given(data=st.binary(max_size=400))
def test_any_bytes_build_or_are_refused(tmp_path, data):
    _build(tmp_path, data, ".txt")


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=st.text(max_size=300))
def test_the_sparql_guard_never_fails_but_with_query_error(text):
    from lawgraph.errors import QueryError
    from lawgraph.sparql_guard import check_query

    with contextlib.suppress(QueryError):
        check_query(text)
