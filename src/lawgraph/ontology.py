"""Find and load lawgraph's ontology and SHACL shapes.

The files live in ``ontology/`` at the root of the repository. A wheel carries them inside the package as
``lawgraph/ontology/`` (``pyproject.toml`` force-includes the folder), so both an editable install and a
wheel find them: the package copy first, then the repository's.

Examples
--------
>>> ontology_path().name
'lawgraph.ttl'
>>> g = load_ontology()
>>> from lawgraph.namespaces import LG, OWL, RDF
>>> (LG.Court, RDF.type, OWL.Class) in g
True
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import rdflib

__all__ = ["ontology_dir", "ontology_path", "shapes_path", "load_ontology", "load_shapes"]

_FILES = ("lawgraph.ttl", "shapes.ttl")


@lru_cache(maxsize=1)
def ontology_dir() -> Path:
    """The folder that holds ``lawgraph.ttl`` and ``shapes.ttl``.

    Returns
    -------
    Path
        ``<site-packages>/lawgraph/ontology`` in a wheel install, ``<repo>/ontology`` in a checkout.

    Raises
    ------
    FileNotFoundError
        When neither place has the files (a broken install).
    """
    package = Path(str(resources.files("lawgraph"))) / "ontology"
    repo = Path(__file__).resolve().parents[2] / "ontology"
    for folder in (package, repo):
        if all((folder / name).is_file() for name in _FILES):
            return folder
    raise FileNotFoundError(f"lawgraph's ontology files are missing: looked in {package} and {repo}")


def ontology_path() -> Path:
    """Path of ``lawgraph.ttl``, the OWL ontology."""
    return ontology_dir() / "lawgraph.ttl"


def shapes_path() -> Path:
    """Path of ``shapes.ttl``, the SHACL shapes every built graph conforms to."""
    return ontology_dir() / "shapes.ttl"


def load_ontology() -> rdflib.Graph:
    """Parse the ontology into a new :class:`rdflib.Graph` (a fresh copy the caller may change)."""
    return rdflib.Graph().parse(ontology_path(), format="turtle")


def load_shapes() -> rdflib.Graph:
    """Parse the SHACL shapes into a new :class:`rdflib.Graph`."""
    return rdflib.Graph().parse(shapes_path(), format="turtle")
