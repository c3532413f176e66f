"""The one exception hierarchy of lawgraph.

Library code raises these; only the CLI turns them into one-line messages and exit codes.
Each error names the file (or endpoint) it is about, so a message reads ``PATH: reason``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "LawgraphError",
    "InputError",
    "OutputError",
    "QueryError",
    "StoreError",
    "RemoteError",
]


class LawgraphError(Exception):
    """Base class of every error lawgraph raises on purpose.

    Parameters
    ----------
    where : str or Path or None
        The file, folder or endpoint the error is about.
    reason : str
        What went wrong, in a few words a user can act on.
    """

    exit_code = 2

    def __init__(self, where: str | Path | None, reason: str) -> None:
        self.where = str(where) if where is not None else None
        self.reason = reason
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """``where: reason``, or the reason alone when there is no place to name."""
        return f"{self.where}: {self.reason}" if self.where else self.reason


class InputError(LawgraphError):
    """A report or graph cannot be read: missing, empty, binary, undecodable or unsupported."""


class OutputError(LawgraphError):
    """An output file cannot be written."""


class QueryError(LawgraphError):
    """A SPARQL query is malformed or refused."""


class StoreError(LawgraphError):
    """An Oxigraph store cannot be opened or written."""


class RemoteError(LawgraphError):
    """A SPARQL server could not be reached or refused the request."""

    exit_code = 1
