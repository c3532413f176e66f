"""ontology/lawgraph.ttl and ontology/shapes.ttl: found in a checkout and a wheel, well-formed, complete."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import rdflib
from rdflib import URIRef

from lawgraph.namespaces import (
    ACT,
    FOAF,
    LG,
    ORG,
    PROV,
    QB,
    RDF,
    RDFS,
    SDMX_ATTRIBUTE,
    SDMX_MEASURE,
    SDO,
    SKOS,
)
from lawgraph.ontology import load_ontology, load_shapes, ontology_dir, ontology_path, shapes_path

REPO = Path(__file__).resolve().parent.parent
STANDARD = tuple(str(ns) for ns in (ORG, SDO, FOAF, PROV, QB, SKOS))


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return load_ontology()


def test_files_are_found():
    assert ontology_path().is_file() and shapes_path().is_file()
    assert ontology_dir().name == "ontology"


def test_every_lg_class_reaches_a_standard_class(ontology):
    classes = [c for c in ontology.subjects(RDF.type, rdflib.OWL.Class) if str(c).startswith(str(LG._NS))]
    assert len(classes) > 30
    for cls in classes:
        ancestors = set(ontology.transitive_objects(cls, RDFS.subClassOf)) - {cls}
        assert any(str(a).startswith(STANDARD) for a in ancestors), f"{cls} has no standard superclass"


@pytest.mark.parametrize(
    ("cls", "parent"),
    [(LG.Court, ORG.Organization), (LG.MediationCommittee, ORG.Organization),
     (LG.County, SDO.AdministrativeArea), (LG.Report, FOAF.Document), (LG.PolicyDocument, FOAF.Document),
     (LG.Action, PROV.Activity), (LG.Indicator, QB.Observation), (LG.Initiative, SKOS.Concept),
     (LG.ActionType, SKOS.Concept)],
)
def test_subclass_links(ontology, cls, parent):
    assert parent in set(ontology.transitive_objects(cls, RDFS.subClassOf))



def test_action_type_implies_lg_action(ontology):
    """Graphs do not state ``a lg:Action`` on each action: an RDFS reasoner infers it from lg:actionType."""
    assert (LG.actionType, RDFS.domain, LG.Action) in ontology
    assert (LG.Action, RDF.type, rdflib.OWL.Class) in ontology
    assert (LG.Action, RDFS.subClassOf, PROV.Activity) in ontology

# The action types and their verbs (issue 4).
VERBS = {
    "establish": "成立 设立 组建 增设 建成",
    "issue": "出台 印发 制发 制定 修订 发布",
    "sign": "签订 签署",
    "cooperate": "联合 协同 衔接",
    "organize": "开展 组织 举办 召开 部署",
    "train": "培训 学习 宣讲",
    "appoint": "聘任 选聘 任命",
    "handle_cases": "受理 办理 办结 调解 化解",
    "review": "督察 督查 评查 审查 审核",
    "entrust": "托管 委托管理 移交 下放",
    "award": "命名 评为 创建 获",
    "discipline": "开除 解聘 调整 问责",
    "invite": "邀请",
    "report": "呈报 报送",
}


@pytest.mark.parametrize("name", [*VERBS, "other"])
def test_action_type_concepts(ontology, name):
    concept = ACT[name]
    assert (concept, RDF.type, SKOS.Concept) in ontology
    assert (concept, RDF.type, LG.ActionType) in ontology
    assert (concept, SKOS.inScheme, LG.actionTypes) in ontology
    assert (LG.actionTypes, SKOS.hasTopConcept, concept) in ontology
    labels = {lit.language: str(lit) for lit in ontology.objects(concept, SKOS.prefLabel)}
    assert set(labels) == {"zh", "en"}
    alts = {str(a) for a in ontology.objects(concept, SKOS.altLabel)}
    assert set(VERBS.get(name, "").split()) <= alts
    assert labels["zh"] not in alts  # SKOS: prefLabel and altLabel are disjoint
    assert list(ontology.objects(concept, SKOS.note))


def test_indicator_structure(ontology):
    dsd = LG.indicatorStructure
    assert (dsd, RDF.type, QB.DataStructureDefinition) in ontology
    components = list(ontology.objects(dsd, QB.component))
    measures = {ontology.value(c, QB.measure) for c in components} - {None}
    attributes = {ontology.value(c, QB.attribute) for c in components} - {None}
    dimensions = {ontology.value(c, QB.dimension) for c in components} - {None}
    assert measures == {SDMX_MEASURE.obsValue}
    assert SDMX_ATTRIBUTE.unitMeasure in attributes
    assert LG.reportingOrganization in dimensions


def test_shapes_are_valid_shacl():
    import pyshacl

    shapes = load_shapes()
    conforms, _, text = pyshacl.validate(shapes, shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_shapes_only_use_defined_lg_terms(ontology):
    shapes = load_shapes()
    lg = str(LG._NS)
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and str(t).startswith(lg)}
    assert used and all((t, RDF.type, None) in ontology for t in used)


def test_report_shape_names_the_contract_properties():
    text = shapes_path().read_text(encoding="utf-8")
    for term in ("dcterms:title", "dcterms:creator", "dcterms:date", "xsd:date", "prov:wasAssociatedWith",
                 "lg:evidence", "sdmx-measure:obsValue", "xsd:decimal", "sdmx-attribute:unitMeasure"):
        assert term in text


@pytest.mark.skipif(not (REPO / "pyproject.toml").is_file(), reason="needs the source checkout")
def test_wheel_carries_the_ontology(tmp_path):
    pytest.importorskip("hatchling")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path),
         str(REPO)],
        capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {done.stderr.strip()[-200:]}")
    (wheel,) = tmp_path.glob("lawgraph-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        shipped = {"lawgraph/ontology/lawgraph.ttl", "lawgraph/ontology/shapes.ttl", "lawgraph/ontology.py"}
        assert shipped <= names
        assert "lawgraph/py.typed" in names  # type checkers use lawgraph's annotations (PEP 561)
        archive.extractall(tmp_path / "site")
    # An installed wheel (no repository around it) finds the package copy.
    probe = ("import lawgraph.ontology as o, sys; d = o.ontology_dir(); "
             "print(d); sys.exit(0 if d.parent.name == 'lawgraph' and len(o.load_ontology()) > 100 else 1)")
    ran = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                         env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"}, check=False)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert str(tmp_path / "site") in ran.stdout
