"""From facts to RDF: :func:`facts_to_quads`, and writing, reading and converting quads.

:mod:`lawgraph.rdf.quads` turns facts into quads; :mod:`lawgraph.rdf.serialize` is the one place that knows
the RDF file formats and reads and writes them.

Examples
--------
>>> from lawgraph.rdf import facts_to_quads, write_quads
"""

from __future__ import annotations

from lawgraph.rdf.quads import NQuads, entity_iri, facts_to_nquads, facts_to_quads, report_iri
from lawgraph.rdf.serialize import (
    FORMATS,
    atomic_write,
    check_writable,
    input_format,
    load_file,
    output_format,
    quads_to_dataset,
    quads_to_graph,
    rdf_format,
    read_quads,
    serialize_quads,
    sort_quads,
    write_quads,
    write_stream,
)

__all__ = [
    "facts_to_quads",
    "facts_to_nquads",
    "NQuads",
    "report_iri",
    "entity_iri",
    "FORMATS",
    "rdf_format",
    "input_format",
    "output_format",
    "sort_quads",
    "serialize_quads",
    "write_quads",
    "write_stream",
    "read_quads",
    "load_file",
    "check_writable",
    "atomic_write",
    "quads_to_dataset",
    "quads_to_graph",
]
