"""The registry of node kinds (lawgraph.vocab) agrees with the model, the ontology and the SHACL shapes."""

from __future__ import annotations

import dataclasses

import pytest
import rdflib
from rdflib import Literal, URIRef

from lawgraph import model
from lawgraph.namespaces import LG, OWL, RDF, RDFS, SH
from lawgraph.ontology import load_ontology, load_shapes
from lawgraph.vocab import ACTION_ROLES, ENTITY_KINDS, SCOPED_KINDS, class_named, kind_of_class, node_classes

LG_NS = str(LG._NS)
NOT_NODE_CLASSES = {LG.Section, LG.ActionType, LG.Status, LG.IndicatorConcept, LG.ValueKind, LG.UnitDimension}
"""lawgraph classes that are no kind of node the views show: sections and the concepts of the schemes
(action types, statuses, indicators, kinds of value, unit dimensions)."""

ENTITY_CLASSES = [(kind.name, cls) for kind in ENTITY_KINDS.values() for cls in kind.classes]


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return load_shapes()


def ancestors(ontology: rdflib.Graph, cls: URIRef) -> set[URIRef]:
    return set(ontology.transitive_objects(cls, RDFS.subClassOf))


def lg_classes(ontology: rdflib.Graph) -> set[URIRef]:
    return {c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(LG_NS)}


def test_kinds_are_the_model_kinds_in_order():
    assert tuple(ENTITY_KINDS) == model.ENTITY_KINDS
    assert all(name == kind.name for name, kind in ENTITY_KINDS.items())


@pytest.mark.parametrize(
    ("kind", "cls"), ENTITY_CLASSES + [(k.name, k.cls) for k in SCOPED_KINDS.values()],
    ids=lambda v: getattr(v, "name", v),
)
def test_every_class_is_declared_with_its_labels(ontology, kind, cls):
    assert (cls.iri, RDF.type, OWL.Class) in ontology, f"{cls.name} is not an owl:Class of the ontology"
    labels = {
        lit.language: str(lit) for lit in ontology.objects(cls.iri, RDFS.label) if isinstance(lit, Literal)
    }
    assert labels.get("zh") == cls.zh, f"{cls.name}: the ontology's @zh label is {labels.get('zh')!r}"
    assert labels.get("en") == cls.en, f"{cls.name}: the ontology's @en label is {labels.get('en')!r}"
    assert cls.short and cls.color.startswith("#")


def test_every_lawgraph_class_of_the_ontology_is_registered(ontology):
    registered = {cls.iri for _, cls in ENTITY_CLASSES} | {k.cls.iri for k in SCOPED_KINDS.values()}
    missing = lg_classes(ontology) - registered - NOT_NODE_CLASSES
    assert not missing, f"lawgraph classes of the ontology missing from lawgraph.vocab: {sorted(missing)}"


@pytest.mark.parametrize("kind", ENTITY_KINDS.values(), ids=lambda k: k.name)
def test_every_entity_class_of_the_ontology_is_in_its_kind(ontology, kind):
    """An lg: class below a kind's standard classes or shape target belongs to that kind (a report is also a
    foaf:Document, but a report-scoped kind)."""
    roots = {kind.target, *kind.types}
    scoped = {k.cls.iri for k in SCOPED_KINDS.values()}
    below = {c for c in lg_classes(ontology) - scoped if (ancestors(ontology, c) - {c}) & roots}
    assert below <= {cls.iri for cls in kind.classes} | ({kind.target} - {c.iri for c in kind.classes})


@pytest.mark.parametrize("kind", ENTITY_KINDS.values(), ids=lambda k: k.name)
def test_classes_sit_below_the_standard_types_and_the_shape_target(ontology, kind):
    for cls in kind.classes:
        up = ancestors(ontology, cls.iri)
        assert set(kind.types) <= up, f"{cls.name} is not below {kind.types}"
        assert kind.target in up, f"{kind.name}'s shape (target {kind.target}) does not reach {cls.name}"


def _shape_of(shapes: rdflib.Graph, target: URIRef) -> URIRef:
    found = [s for s in shapes.subjects(SH.targetClass, target) if (s, RDF.type, SH.NodeShape) in shapes]
    assert found, f"no sh:NodeShape in shapes.ttl has sh:targetClass {target}"
    return found[0]


@pytest.mark.parametrize("kind", ENTITY_KINDS.values(), ids=lambda k: k.name)
def test_every_kind_has_a_shape_that_lists_its_classes(shapes, kind):
    shape = _shape_of(shapes, kind.target)
    listed: set[URIRef] = set()
    for prop in shapes.objects(shape, SH.property):
        if shapes.value(prop, SH.path) != RDF.type:
            continue
        qualified = shapes.value(prop, SH.qualifiedValueShape)
        members = shapes.value(qualified, SH["in"]) if qualified is not None else None
        if members is not None:
            listed |= set(rdflib.collection.Collection(shapes, members))
    if len(kind.classes) > 1:
        assert listed == {cls.iri for cls in kind.classes}, f"the shape of {kind.name} lists {listed}"
    else:
        assert kind.target == kind.classes[0].iri


@pytest.mark.parametrize("kind", SCOPED_KINDS.values(), ids=lambda k: k.name)
def test_every_scoped_kind_has_a_shape(shapes, kind):
    _shape_of(shapes, kind.target)
    assert kind.target in kind.types or kind.cls.iri == kind.target


def test_kinds_are_consistent():
    segments = [k.segment for k in ENTITY_KINDS.values()] + [k.segment for k in SCOPED_KINDS.values()]
    assert len(segments) == len(set(segments))
    entity_fields = {f.name for f in dataclasses.fields(model.Entity)}
    for kind in ENTITY_KINDS.values():
        names = [cls.name for cls in kind.classes]
        assert len(names) == len(set(names))
        assert (kind.default is None) != (kind.fallback is None), kind.name
        assert kind.default is None or kind.default in names
        for field in kind.fields:
            assert field.attr in entity_fields, field
            assert field.target is None or field.target in ENTITY_KINDS, field
    for role, kinds in ACTION_ROLES.items():
        assert set(kinds) <= set(ENTITY_KINDS), role


def test_lookups():
    assert kind_of_class("Court").segment == "org"
    assert class_named("Place").short == "地点"
    assert len(node_classes()) == len(ENTITY_CLASSES) + 1 + len(SCOPED_KINDS)  # + schema:Place
    with pytest.raises(KeyError):
        kind_of_class("Report")
    with pytest.raises(KeyError):
        ENTITY_KINDS["place"].class_named("Court")
