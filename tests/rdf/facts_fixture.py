"""Hand-built facts for the RDF tests: two short reports we wrote, every part of the model used."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

from lawgraph.model import (
    Action,
    Entity,
    Evidence,
    Indicator,
    Mention,
    Report,
    ReportFacts,
    ReportMeta,
    Section,
    Sentence,
)

__all__ = ["make_facts", "make_second_facts", "evidence_of"]

TEXT = (
    "甲市司法局关于报送年度法治政府建设情况的报告\n"
    "一、加强组织领导\n"
    "甲市司法局成立法治建设工作组。"
    "甲市司法局与甲市中级人民法院建立纠纷化解协作机制。"
    "全年受理行政复议案件39件。"
    "印发《甲市行政执法监督办法》。"
    "落实办案经费8万余元。"
)


def evidence_of(text: str, surface: str, sentence: str, *, start: int = 0) -> Evidence:
    """Offsets of ``surface`` inside ``sentence`` inside ``text``."""
    sb = text.index(sentence, start)
    b = text.index(surface, sb)
    return Evidence(b, b + len(surface), sb, sb + len(sentence))


def _sentences(text: str, body_begin: int) -> tuple[Sentence, ...]:
    out, begin = [], body_begin
    for i, ch in enumerate(text[body_begin:], start=body_begin):
        if ch in "。\n":
            if text[begin:i].strip():
                out.append(Sentence(begin, i + 1 if ch == "。" else i, section=0))
            begin = i + 1
    return tuple(out)


def make_facts(text: str = TEXT) -> ReportFacts:
    """Facts of a fictional city justice bureau report: orgs, a place, a document, an initiative, actions,
    one indicator, one section."""
    sha = hashlib.sha256(text.encode()).hexdigest()
    head = text.index("一、")
    body = text.index("甲市司法局成立")
    report = Report(
        name="jia-city.txt",
        text=text,
        sha256=sha,
        meta=ReportMeta(
            title="甲市司法局关于报送年度法治政府建设情况的报告",
            issuer="甲市司法局",
            addressee="市政府",
            date=dt.date(2023, 1, 12),
            published=dt.date(2023, 1, 13),
            source="甲市司法局",
            url="https://example.org/report/1",
            year=2022,
        ),
        sections=(Section(head, len(text), 1, "一、", "加强组织领导"),),
        sentences=_sentences(text, body),
        body_begin=body,
    )
    s1 = "甲市司法局成立法治建设工作组。"
    s2 = "甲市司法局与甲市中级人民法院建立纠纷化解协作机制。"
    s3 = "全年受理行政复议案件39件。"
    s4 = "印发《甲市行政执法监督办法》。"
    bureau = Entity(
        "organization", "甲市司法局", "JusticeAdministration",
        (Mention("甲市司法局", evidence_of(text, "甲市司法局", s1)),
         Mention("甲市司法局", evidence_of(text, "甲市司法局", s2))),
        parent="甲市人民政府",
    )
    gov = Entity("organization", "甲市人民政府", "GovernmentBody", ())
    court = Entity(
        "organization", "甲市中级人民法院", "Court",
        (Mention("甲市中级人民法院", evidence_of(text, "甲市中级人民法院", s2)),),
    )
    group = Entity(
        "organization", "甲市法治建设工作组", "Committee",
        (Mention("法治建设工作组", evidence_of(text, "法治建设工作组", s1)),),
    )
    city = Entity(
        "place", "甲省甲市", "City", (Mention("甲市", evidence_of(text, "甲市", s1)),), code="990100"
    )
    rule = Entity(
        "document", "甲市行政执法监督办法", "PolicyDocument",
        (Mention("《甲市行政执法监督办法》", evidence_of(text, "《甲市行政执法监督办法》", s4)),),
        doc_type="办法",
    )
    mech = Entity(
        "initiative", "纠纷化解协作机制", "Initiative",
        (Mention("纠纷化解协作机制", evidence_of(text, "纠纷化解协作机制", s2)),),
    )
    actions = (
        Action("成立", "establish", ("甲市司法局",), evidence_of(text, "成立", s1),
               generated=("甲市法治建设工作组",), section=0, status="done"),
        Action("建立", "cooperate", ("甲市司法局",), evidence_of(text, "建立", s2),
               partners=("甲市中级人民法院",), generated=("纠纷化解协作机制",), places=("甲省甲市",),
               status="done"),
        # a subjectless clause: extraction gives it the issuer (lawgraph.extract.agents)
        Action("受理", "handle_cases", ("甲市司法局",), evidence_of(text, "受理", s3), time="全年",
               object_text="行政复议案件39件", status="done"),
        Action("印发", "issue", ("甲市司法局",), evidence_of(text, "印发", s4),
               generated=("甲市行政执法监督办法",), used=("甲市行政执法监督办法",), objects=("不存在的实体",),
               status="planned"),
    )
    indicators = (
        Indicator(Decimal("39"), "件", "39件", "受理行政复议案件", evidence_of(text, "39件", s3), action=2,
                  status="done"),
        Indicator(Decimal("8E+4"), "元", "8万余元", "办案经费",
                  evidence_of(text, "8万余元", "落实办案经费8万余元。"), approximation="余",
                  status="shortcoming"),
    )
    return ReportFacts(
        report=report,
        entities=(bureau, gov, court, group, city, rule, mech),
        actions=actions,
        indicators=indicators,
        issuer="甲市司法局",
        addressee="甲市人民政府",
    )


def make_second_facts() -> ReportFacts:
    """A second fictional report that names some of the same bodies (to test merging by union)."""
    text = "乙县人民政府报告\n乙县人民政府邀请甲市中级人民法院开展培训。"
    sha = hashlib.sha256(text.encode()).hexdigest()
    sentence = "乙县人民政府邀请甲市中级人民法院开展培训。"
    body = text.index(sentence)
    report = Report(
        name="yi-county.txt", text=text, sha256=sha,
        meta=ReportMeta(title="乙县人民政府报告", date=dt.date(2023, 2, 1), year=2022),
        sentences=(Sentence(body, len(text)),), body_begin=body,
    )
    county = Entity("organization", "乙县人民政府", "GovernmentBody",
                    (Mention("乙县人民政府", evidence_of(text, "乙县人民政府", sentence)),))
    court = Entity("organization", "甲市中级人民法院", "Court",
                   (Mention("甲市中级人民法院", evidence_of(text, "甲市中级人民法院", sentence)),))
    actions = (
        Action("邀请", "invite", ("乙县人民政府",), evidence_of(text, "邀请", sentence),
               partners=("甲市中级人民法院",), status="done"),
        Action("开展", "train", ("乙县人民政府",), evidence_of(text, "开展", sentence), object_text="培训",
               status="done"),
    )
    return ReportFacts(report=report, entities=(county, court), actions=actions, issuer="乙县人民政府")
