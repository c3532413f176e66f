"""Shared fixtures.

``corpus_dir`` is the shared corpus (``$LAWGRAPH_CORPUS``, default ``../shared/corpus`` beside the repo);
tests that need it skip with a clear reason where it is missing. ``hand_dataset`` is a small graph written
by hand, term by term, after docs/DESIGN.md's graph model, with sentences we wrote.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared corpus folder, or skip."""
    path = Path(os.environ.get("LAWGRAPH_CORPUS", REPO.parent / "shared" / "corpus"))
    if not path.is_absolute():
        path = (REPO / path).resolve()
    if not path.is_dir():
        pytest.skip(f"corpus not found at {path} (set LAWGRAPH_CORPUS)")
    return path


def _hand_dataset():  # noqa: PLR0915 - one flat recipe reads best
    from rdflib import Dataset, Literal, URIRef
    from rdflib.namespace import XSD

    from lawgraph.namespaces import (
        ACT,
        DCTERMS,
        FOAF,
        ITSRDF,
        LG,
        NIF,
        ORG,
        PROV,
        QB,
        RDF,
        SDMX_ATTRIBUTE,
        SDMX_DIMENSION,
        SDMX_MEASURE,
        SDO,
        SKOS,
        resource_iri,
    )

    ds = Dataset()
    shared = ds.default_graph  # entity descriptions shared across reports
    zh = {"lang": "zh"}

    def entity(kind, key, types, *, label_pred=SKOS.prefLabel, aliases=()):
        node = URIRef(resource_iri(kind, key))
        for t in types:
            shared.add((node, RDF.type, t))
        shared.add((node, label_pred, Literal(key, **zh)))
        for alias in aliases:
            shared.add((node, SKOS.altLabel, Literal(alias, **zh)))
        return node

    gov = entity("org", "张掖市人民政府", [ORG.Organization, LG.GovernmentBody], aliases=["市政府"])
    court = entity("org", "张掖市中级人民法院", [ORG.Organization, LG.Court], aliases=["市中院"])
    justice = entity(
        "org", "张掖市司法局", [ORG.Organization, LG.JusticeAdministration], aliases=["市司法局"]
    )
    procur = entity("org", "张掖市人民检察院", [ORG.Organization, LG.Procuratorate])
    group = entity("org", "张掖市法治政府建设领导小组", [ORG.Organization, LG.Committee])
    city = entity("place", "张掖市", [SDO.AdministrativeArea, LG.City])
    district = entity("place", "甘州区", [SDO.AdministrativeArea, LG.District])
    rule = entity(
        "doc", "张掖市行政执法监督办法", [FOAF.Document, LG.PolicyDocument], label_pred=DCTERMS.title
    )
    pufa = entity("initiative", "八五普法", [LG.Initiative, SKOS.Concept])
    mech = entity("initiative", "诉源治理协作机制", [LG.Initiative, SKOS.Concept])
    shared.add((justice, ORG.subOrganizationOf, gov))
    shared.add((district, SDO.containedInPlace, city))
    shared.add((city, LG.divisionCode, Literal("620700")))

    def report(name, sentences, actions, mentions=(), indicators=()):
        text = "".join(sentences)
        sha = name  # stands in for the content hash
        rep = URIRef(resource_iri("report", sha))
        ctx = URIRef(resource_iri("text", sha))
        g = ds.graph(rep)
        g.add((rep, RDF.type, FOAF.Document))
        g.add((rep, RDF.type, LG.Report))
        g.add((rep, DCTERMS.title, Literal(name, **zh)))
        g.add((rep, DCTERMS.creator, actions[0][1][0]))
        g.add((rep, LG.text, ctx))
        g.add((ctx, RDF.type, NIF.Context))
        g.add((ctx, NIF.isString, Literal(text)))
        sent_iris = []
        begin = 0
        for s in sentences:
            end = begin + len(s)
            sent = URIRef(resource_iri("sentence", sha, str(begin), str(end)))
            g.add((sent, RDF.type, NIF.Sentence))
            g.add((sent, NIF.anchorOf, Literal(s)))
            g.add((sent, NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)))
            g.add((sent, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
            g.add((sent, NIF.referenceContext, ctx))
            sent_iris.append((sent, begin))
            begin = end
        for i, (verb, agents, typ, roles, sent_no) in enumerate(actions):
            sent, sb = sent_iris[sent_no]
            act = URIRef(resource_iri("action", sha, str(sb), str(i), verb))
            g.add((act, RDF.type, PROV.Activity))  # lean, as facts_to_quads: no lg:Action
            g.add((act, LG.actionType, ACT[typ]))
            g.add((act, LG.verb, Literal(verb, **zh)))
            for a in agents:
                g.add((act, PROV.wasAssociatedWith, a))
            for pred, target in roles:
                g.add((act, pred, target))
            g.add((act, LG.evidence, sent))
            g.add((act, LG.inReport, rep))
        for surface, target, sent_no in mentions:
            sent, sb = sent_iris[sent_no]
            b = sb + sentences[sent_no].index(surface)
            m = URIRef(resource_iri("mention", sha, str(b), str(b + len(surface))))
            g.add((m, RDF.type, NIF.Phrase))
            g.add((m, NIF.anchorOf, Literal(surface)))
            g.add((m, NIF.referenceContext, ctx))
            g.add((m, NIF.sentence, sent))
            g.add((m, ITSRDF.taIdentRef, target))
        for phrase, value, unit, written, org, sent_no in indicators:
            sent, sb = sent_iris[sent_no]
            obs = URIRef(resource_iri("obs", sha, str(sb), phrase))
            g.add((obs, RDF.type, QB.Observation))
            g.add((obs, RDF.type, LG.Indicator))
            g.add((obs, QB.dataSet, URIRef(resource_iri("dataset", sha))))
            g.add((obs, SDMX_MEASURE.obsValue, Literal(value, datatype=XSD.decimal)))
            g.add((obs, SDMX_ATTRIBUTE.unitMeasure, Literal(unit)))
            g.add((obs, LG.countedPhrase, Literal(phrase, **zh)))
            g.add((obs, LG.writtenForm, Literal(written)))
            g.add((obs, LG.reportingOrganization, org))
            g.add((obs, SDMX_DIMENSION.refPeriod, Literal("2023", datatype=XSD.gYear)))
            g.add((obs, LG.evidence, sent))
        return rep

    report(
        "张掖市2023年法治政府建设情况的报告",
        [
            "市政府成立法治政府建设领导小组。",
            "市政府印发《张掖市行政执法监督办法》。",
            "市司法局与市中院建立诉源治理协作机制。",
            "市司法局依据《张掖市行政执法监督办法》深入开展八五普法。",
            "市司法局全年办理行政复议案件120件。",
            "甘州区持续推进依法行政。",
            "市政府修订《张掖市行政执法监督办法》。",
        ],
        [
            ("成立", [gov], "establish", [(PROV.generated, group)], 0),
            ("印发", [gov], "issue", [(PROV.generated, rule)], 1),
            ("建立机制", [justice], "establish", [(LG.partner, court), (PROV.generated, mech)], 2),
            ("开展", [justice], "carryOut", [(LG.actedOn, pufa), (PROV.used, rule)], 3),
            ("推进", [gov], "promote", [], 5),
            ("修订", [gov], "revise", [(LG.actedOn, rule)], 6),
        ],
        mentions=[("甘州区", district, 5), ("市中院", court, 2)],
        indicators=[("办理行政复议案件", "120", "件", "120件", justice, 4)],
    )
    report(
        "张掖市中级人民法院2023年工作情况",
        ["市中院会同市检察院开展专项监督。"],
        [("开展", [court], "carryOut", [(LG.partner, procur)], 0)],
    )
    return ds


@pytest.fixture
def hand_dataset():
    """A two-report Dataset built by hand after docs/DESIGN.md (10 entities, 7 actions, 1 indicator)."""
    return _hand_dataset()


class Listener:
    """A loopback listener that counts connections (what an SSRF would reach)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        self.count = 0
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.count += 1
            conn.close()

    def settle(self) -> int:
        time.sleep(0.3)
        return self.count

    def close(self) -> None:
        self._stop.set()
        self.thread.join(5)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    """A :class:`Listener` on a free loopback port, closed after the test."""
    lst = Listener()
    yield lst
    lst.close()
