"""lawgraph.namespaces and ontology/lawgraph.ttl stay in sync; prefixes match the graph contract."""

from __future__ import annotations

import pytest
import rdflib
from rdflib import Literal, URIRef

from lawgraph.namespaces import ACT, LG, LGR, OWL, PREFIXES, RDF, RDFS, SKOS, content_key, resource_iri
from lawgraph.ontology import load_ontology

LG_NS = str(LG._NS)


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return load_ontology()


def lg_terms() -> list[str]:
    return sorted(name for name in LG.__annotations__ if not name.startswith("_"))


@pytest.mark.parametrize("name", lg_terms())
def test_every_lg_term_is_defined_with_labels(ontology, name):
    term = URIRef(LG_NS + name)
    assert (term, RDF.type, None) in ontology, f"lg:{name} has no rdf:type in the ontology"
    langs = {lit.language for lit in ontology.objects(term, RDFS.label) if isinstance(lit, Literal)}
    assert {"zh", "en"} <= langs, f"lg:{name} needs rdfs:label @zh and @en, has {langs}"
    comments = [c for c in ontology.objects(term, RDFS.comment) if str(c).strip()]
    assert comments, f"lg:{name} needs an rdfs:comment"


def test_every_ontology_term_is_in_lg(ontology):
    defined = {
        str(s)[len(LG_NS):]
        for s in ontology.subjects()
        if isinstance(s, URIRef) and str(s).startswith(LG_NS)
    }
    used = {
        str(o)[len(LG_NS):]
        for o in ontology.objects()
        if isinstance(o, URIRef) and str(o).startswith(LG_NS)
    }
    assert defined == set(lg_terms())
    assert used <= set(lg_terms()), f"the ontology uses undefined terms {used - set(lg_terms())}"


def test_misspelt_term_fails():
    with pytest.raises(AttributeError):
        LG.Courts  # noqa: B018


def test_classes_and_properties_are_declared(ontology):
    for name in lg_terms():
        types = set(ontology.objects(URIRef(LG_NS + name), RDF.type))
        if name[0].isupper():
            assert OWL.Class in types, name
        elif name not in ("actionTypes", "indicatorStructure", "statuses", "indicatorScheme", "valueKinds"):
            assert types & {OWL.ObjectProperty, OWL.DatatypeProperty}, name


def test_action_types_are_concepts_of_the_scheme(ontology):
    concepts = set(ontology.subjects(SKOS.inScheme, LG.actionTypes))
    assert all(str(c).startswith(str(ACT)) for c in concepts)
    for concept in concepts:
        langs = {lit.language for lit in ontology.objects(concept, SKOS.prefLabel)}
        assert langs == {"zh", "en"}, concept


GRAPH_CONTRACT_PREFIXES = {
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "qb": "http://purl.org/linked-data/cube#",
    "sdmx-measure": "http://purl.org/linked-data/sdmx/2009/measure#",
    "sdmx-attribute": "http://purl.org/linked-data/sdmx/2009/attribute#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "oa": "http://www.w3.org/ns/oa#",
}


def test_prefixes_match_the_graph_contract():
    for prefix, iri in GRAPH_CONTRACT_PREFIXES.items():
        assert PREFIXES[prefix] == iri


def test_ontology_file_uses_the_same_prefixes(ontology):
    bound = {p: str(n) for p, n in ontology.namespaces()}
    for prefix in ("lg", "act", "org", "skos", "schema", "foaf", "dcterms", "prov", "qb", "nif"):
        assert bound[prefix] == PREFIXES[prefix], prefix


def test_resource_iris_are_content_derived():
    a = resource_iri("org", "甲市司法局")
    assert a == resource_iri("org", "甲市司法局")
    assert a != resource_iri("place", "甲市司法局")
    assert a != resource_iri("org", "乙市司法局")
    assert a == f"{LGR}org/{content_key('org', '甲市司法局')}"
    # parts are separated, so ("ab", "c") and ("a", "bc") differ
    assert resource_iri("sentence", "ab", "c") != resource_iri("sentence", "a", "bc")
