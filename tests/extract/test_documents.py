"""lawgraph_documents on short sentences we wrote: titles, types, versions, unquoted names, laws."""

from __future__ import annotations

import pytest

from lawgraph.extract.documents import doc_type, doc_version
from lawgraph.extract.extensions import span_attrs
from lawgraph.extract.pipeline import annotate, make_nlp
from lawgraph.model import Report, ReportMeta


@pytest.fixture(scope="module")
def nlp():
    return make_nlp(components=["lawgraph_documents"])


def documents(nlp, text: str, issuer: str | None = "深圳市龙岗区人民政府"):
    doc = annotate(nlp, Report(name="t.txt", text=text, sha256="0", meta=ReportMeta(issuer=issuer)))
    out = []
    for span in doc.spans["document"]:
        attrs = span_attrs(doc, "document", span)
        surface = doc.text[attrs.exact[0] : attrs.exact[1]] if attrs.exact else span.text
        assert span.label_ == "PolicyDocument"
        out.append((surface, span.kb_id_, attrs.doc_type, attrs.version))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("印发《某市行政执法公示办法》。",
         ("《某市行政执法公示办法》", "某市行政执法公示办法", "办法", None)),
        # nested quotes and brackets stay inside the title
        ("转发《关于贯彻〈优化营商环境条例〉的通知》。",
         ("《关于贯彻〈优化营商环境条例〉的通知》", "关于贯彻〈优化营商环境条例〉的通知", "通知", None)),
        ("调整《某县权责清单(2023版)》。",
         ("《某县权责清单(2023版)》", "某县权责清单(2023版)", "清单", "2023版")),
        ("公布《某区许可事项清单（2023年版）》。",
         ("《某区许可事项清单（2023年版）》", "某区许可事项清单（2023年版）", "清单", "2023年版")),
        ("制定《某某条例(试行)》。", ("《某某条例(试行)》", "某某条例(试行)", "条例", "试行")),
        ("报送《某县2023年度法治政府建设情况》。",
         ("《某县2023年度法治政府建设情况》", "某县2023年度法治政府建设情况", "报告", "2023年度")),
        ("学习《论坚持全面依法治国》。", ("《论坚持全面依法治国》", "论坚持全面依法治国", None, None)),
        # named agreements and measures without 《》
        ("与某县签订“1+5”托管协议。", ("“1+5”托管协议", "“1+5”托管协议", "协议", None)),
        ("出台“优化服务”十条举措。", ("“优化服务”十条举措", "“优化服务”十条举措", "举措", None)),
        ("出台支持小微企业发展若干措施。",
         ("支持小微企业发展若干措施", "支持小微企业发展若干措施", "措施", None)),
        ("出台稳就业15条措施。", ("稳就业15条措施", "稳就业15条措施", "措施", None)),
        ("严格落实外来人员核查工作指引要求。",
         ("外来人员核查工作指引", "外来人员核查工作指引", "指引", None)),
        # a leading 省 is the report's own province
        ("入选省高水平医院建设计划。", ("省高水平医院建设计划", "广东省高水平医院建设计划", "计划", None)),
        # 区域… is a word, not the report's own district
        ("编制区域空间发展规划。", ("区域空间发展规划", "区域空间发展规划", "规划", None)),
        # a quoted programme is a plan
        ("引进“百名专家工程”团队。", ("“百名专家工程”", "“百名专家工程”", "工程", None)),
        # laws without 《》
        ("组织民法典宣讲。", ("民法典", "民法典", "法典", None)),
        ("学习贯彻行政复议法。", ("行政复议法", "行政复议法", "法", None)),
        ("深入宣讲乡村振兴促进法。", ("乡村振兴促进法", "乡村振兴促进法", "法", None)),
    ],
)
def test_documents(nlp, text, expected) -> None:
    assert expected in documents(nlp, text)


def test_a_list_word_ends_a_quoted_name(nlp) -> None:
    # the programme is a document; “…”等各项部署 is not a title
    assert [f[1] for f in documents(nlp, "推进“百千万工程”等各项部署。")] == ["“百千万工程”"]


def test_consecutive_titles_are_two_documents(nlp) -> None:
    found = documents(nlp, "解读《甲纲要》《乙读本》等。")
    assert [f[1] for f in found] == ["甲纲要", "乙读本"]


def test_short_and_full_law_titles_share_a_key(nlp) -> None:
    found = documents(nlp, "印发《中华人民共和国民法典》，开展民法典宣讲。")
    assert {f[1] for f in found} == {"中华人民共和国民法典"}


@pytest.mark.parametrize(
    "text",
    [
        "制定整改方案，列出问题清单。",
        "按照相关规定办理。",
        "深刻认识“两个确立”的决定性意义。",
        "聚焦“一核三带”区域发展格局和“四强”行动战略实施。",
        "积极对接香港发展规划。",
        "出台复议委员会办公室、专家组等实施细则。",
        "依法办事，严格执法。",
        "编制十大专项规划。",
        "引导群众学法遵法用法。",
        "严守廉政各项规定。",
        "制定三年行动方案。",
    ],
)
def test_not_documents(nlp, text) -> None:
    assert documents(nlp, text) == []


@pytest.mark.parametrize(
    ("title", "kind"),
    [("某某实施意见", "意见"), ("某某实施方案", "方案"), ("某某纲要", "纲要"), ("某某规划", "规划"),
     ("某某决定", "决定"),
     ("某某细则", "细则"), ("某某规定", "规定"), ("某某指引", "指引"), ("某某计划", "计划")],
)
def test_doc_type(title: str, kind: str) -> None:
    assert doc_type(title) == kind


@pytest.mark.parametrize(
    ("title", "version"),
    [("某规划(2021-2025年)", "2021-2025年"), ("某纲要（2021－2025年）", "2021－2025年"),
     ("某办法(2022年修订版)", "2022年修订版"), ("2023年工作要点", "2023年")],
)
def test_doc_version(title: str, version: str) -> None:
    assert doc_version(title) == version
