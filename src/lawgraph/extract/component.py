"""What lawgraph's stateful components share: they are built from data files and carry them to disk.

A component lists the data files it is built from (``files``) and builds its finder from them in
:meth:`LexiconComponent.build`. It reads the package's files when it is made, reads them again from a folder
in ``initialize`` (``[initialize.components.NAME] data_path = "…"``) or from a saved pipeline in
``from_disk`` / ``from_bytes``, and writes them in ``to_disk`` / ``to_bytes``: ``nlp.to_disk()`` saves the
lexicons a pipeline runs with, and loading the folder gives a pipeline that finds the same spans.

Examples
--------
>>> from lawgraph.extract.pipeline import make_nlp
>>> nlp = make_nlp(components=["lawgraph_organizations"])
>>> sorted(nlp.get_pipe("lawgraph_organizations").lexicon.files)[:3]
['org_abbreviations.tsv', 'org_cores.tsv', 'org_departments.tsv']
"""

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

from spacy.language import Language

from lawgraph.extract.data import Lexicon

__all__ = ["LexiconComponent"]


class LexiconComponent:
    """Base of the components built from data files (see the module docstring).

    Parameters
    ----------
    name : str
        The component's name in the pipeline.
    lexicon : Lexicon, optional
        The files to build from; the package's own (``files``) when not given.
    """

    files: ClassVar[tuple[str, ...]] = ()
    """The names of the data files the component is built from."""

    def __init__(self, name: str, *, lexicon: Lexicon | None = None) -> None:
        self.name = name
        self.lexicon = lexicon if lexicon is not None else Lexicon.from_package(self.files)
        self.build(self.lexicon)

    def build(self, lexicon: Lexicon) -> None:
        """Build the component's finder from ``lexicon`` (every component defines it)."""
        raise NotImplementedError(f"{type(self).__name__} does not say how it is built")

    def load(self, lexicon: Lexicon) -> None:
        """Rebuild the component from other files."""
        self.build(lexicon)
        self.lexicon = lexicon

    # spaCy checks initialize's settings against these annotations (so no postponed evaluation here).
    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        data_path: str | None = None,
    ) -> None:
        """Load the files again: from the folder ``data_path`` when given, else the package's."""
        if data_path is None:
            self.load(Lexicon.from_package(self.files))
        else:
            self.load(Lexicon.from_disk(data_path, self.files))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the component's data files into the folder ``path``."""
        self.lexicon.to_disk(path)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "LexiconComponent":
        """Rebuild the component from the data files in the folder ``path``."""
        self.load(Lexicon.from_disk(path, self.files))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The component's data files as bytes."""
        return self.lexicon.to_bytes()

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "LexiconComponent":
        """Rebuild the component from bytes written by :meth:`to_bytes`."""
        self.load(Lexicon.from_bytes(data))
        return self
