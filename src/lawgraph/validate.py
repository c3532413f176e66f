"""Check a graph against lawgraph's SHACL shapes with pySHACL.

The shapes (``ontology/shapes.ttl``) run over the union of every graph of the file, with the ontology
(``ontology/lawgraph.ttl``) as pySHACL's ontology graph, so that subclass links (``lg:Court`` →
``org:Organization``) count. A graph conforms when it has no ``sh:Violation``; warnings (for example a
report that names no issuer) are listed but do not fail it.

Examples
--------
>>> import rdflib
>>> result = validate(rdflib.Graph())
>>> result.conforms, result.violations
(True, ())
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import rdflib

from lawgraph.errors import InputError
from lawgraph.namespaces import DCTERMS, PREFIXES, SH, SKOS
from lawgraph.ontology import load_ontology, load_shapes
from lawgraph.rdf.serialize import quads_to_graph, read_quads

__all__ = ["Violation", "ValidationResult", "validate", "load_graph"]


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result, in words."""

    severity: str
    """``Violation``, ``Warning`` or ``Info``."""
    focus: str
    """The node that fails, as a prefixed name or ``<IRI>``."""
    label: str | None
    """The focus node's prefLabel or title, when it has one."""
    path: str | None
    """The property path, prefixed."""
    value: str | None
    """The offending value, when there is one."""
    message: str
    constraint: str
    """The SHACL constraint component (``MinCount``, ``Class`` …)."""

    def __str__(self) -> str:
        who = f"{self.focus} ({self.label})" if self.label else self.focus
        where = f" {self.path}" if self.path else ""
        value = f" = {self.value}" if self.value and self.value != self.focus else ""  # a node's own result
        return f"{self.severity}: {who}{where}{value}: {self.message} [{self.constraint}]"


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """What :func:`validate` found."""

    conforms: bool
    """``True`` when no result has severity ``sh:Violation``."""
    violations: tuple[Violation, ...]
    """Every result, violations first, then warnings and infos, each sorted."""
    triples: int
    """How many triples were checked (the union of all graphs)."""

    @property
    def errors(self) -> tuple[Violation, ...]:
        """Only the results of severity ``Violation``."""
        return tuple(v for v in self.violations if v.severity == "Violation")

    @property
    def warnings(self) -> tuple[Violation, ...]:
        """The results of severity ``Warning`` or ``Info``."""
        return tuple(v for v in self.violations if v.severity != "Violation")


def load_graph(path: str | os.PathLike[str], *, format: str | None = None) -> rdflib.Graph:
    """Read an RDF file (any format :mod:`lawgraph.rdf.serialize` knows) as the union of its graphs: an
    rdflib adaptor over :func:`lawgraph.rdf.read_quads`.

    Raises
    ------
    InputError
        When the file is missing, empty or not valid RDF.
    """
    return quads_to_graph(read_quads(path, format=format))


def validate(
    graph: rdflib.Graph | str | os.PathLike[str],
    *,
    shapes: rdflib.Graph | None = None,
    ontology: rdflib.Graph | None = None,
) -> ValidationResult:
    """Validate ``graph`` against the shapes.

    Parameters
    ----------
    graph : rdflib.Graph or path
        A graph (an rdflib Dataset is flattened to the union of its graphs) or an RDF file.
    shapes : rdflib.Graph, optional
        SHACL shapes; ``ontology/shapes.ttl`` when not given.
    ontology : rdflib.Graph, optional
        The ontology mixed into the data for class and subclass checks; ``ontology/lawgraph.ttl`` when not
        given.

    Returns
    -------
    ValidationResult

    Raises
    ------
    InputError
        When ``graph`` is a file that cannot be read as RDF.
    """
    import pyshacl  # imported here: it is slow to import and only validation needs it

    if isinstance(graph, (str, os.PathLike)):
        data = load_graph(Path(graph))
    elif isinstance(graph, rdflib.Dataset | rdflib.ConjunctiveGraph):
        data = rdflib.Graph()
        for s, p, o, _ in graph.quads((None, None, None, None)):
            data.add((s, p, o))
    else:
        data = graph
    try:
        _, results, _ = pyshacl.validate(
            data,
            shacl_graph=shapes if shapes is not None else load_shapes(),
            ont_graph=ontology if ontology is not None else load_ontology(),
            inference="none",
            allow_warnings=True,
            allow_infos=True,
        )
    except Exception as err:  # pySHACL raises its own errors for broken shapes or graphs
        where = str(graph) if isinstance(graph, (str, os.PathLike)) else None
        raise InputError(where, f"SHACL validation failed: {err}") from err
    found = _results(results, data)
    return ValidationResult(
        conforms=not any(v.severity == "Violation" for v in found), violations=found, triples=len(data)
    )


_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


def _results(results: rdflib.Graph, data: rdflib.Graph) -> tuple[Violation, ...]:
    names = rdflib.Graph()
    for prefix, iri in PREFIXES.items():
        names.bind(prefix, iri, override=True, replace=True)
    manager = names.namespace_manager

    def show(term: rdflib.term.Node | None) -> str | None:
        if term is None:
            return None
        if isinstance(term, rdflib.URIRef):
            try:
                return manager.normalizeUri(term)
            except Exception:  # noqa: BLE001 - any IRI rdflib cannot prefix is shown whole
                return f"<{term}>"
        if isinstance(term, rdflib.Literal):
            text = str(term)
            return repr(text if len(text) <= 60 else text[:57] + "…")
        return "[]"

    out = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        severity = results.value(result, SH.resultSeverity)
        component = results.value(result, SH.sourceConstraintComponent)
        path = results.value(result, SH.resultPath)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        label = None
        if focus is not None:
            label = data.value(focus, SKOS.prefLabel) or data.value(focus, DCTERMS.title)
        out.append(
            Violation(
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                focus=show(focus) or "?",
                label=str(label) if label is not None else None,
                path=show(path) if isinstance(path, rdflib.URIRef) else None,
                value=show(results.value(result, SH.value)),
                message="; ".join(messages) or "does not conform",
                constraint=str(component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
                if component
                else "?",
            )
        )
    out.sort(key=lambda v: (_SEVERITY_ORDER.get(v.severity, 3), v.focus, v.path or "", v.message))
    return tuple(out)
