"""Writing an output file atomically: a temporary file in the same folder, then a rename.

Either the whole new file is in place afterwards, or the old one is untouched. The GraphML/GEXF export
(:mod:`lawgraph.analysis.export`) and the graph page (:mod:`lawgraph.viz.page`) write through
:func:`write_atomically`.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> with tempfile.TemporaryDirectory() as folder:
...     path = write_atomically(Path(folder) / "a.txt", lambda fh: fh.write(b"ok"))
...     path.read_bytes(), sorted(p.name for p in Path(folder).iterdir())
(b'ok', ['a.txt'])
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from lawgraph.errors import OutputError

__all__ = ["write_atomically"]


def write_atomically(path: Path, write: Callable[[IO[Any]], object], *, text: bool = False) -> Path:
    """Call ``write`` with a temporary file next to ``path``, then move the file into place.

    Parameters
    ----------
    path : Path
        The file to write.
    write : callable
        Writes the content to the open file it is given.
    text : bool
        Open the temporary file as UTF-8 text instead of bytes.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    OutputError
        If the folder cannot take a temporary file or the file cannot be written (the temporary file is
        removed).
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise OutputError(path, f"cannot write here ({err.strerror or err})") from err
    try:
        with os.fdopen(fd, "w", encoding="utf-8") if text else os.fdopen(fd, "wb") as fh:
            write(fh)
        _publish(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(path, f"cannot write ({err.strerror or err})") from err
    return path


def _publish(tmp: str, path: Path) -> None:
    """Give the temporary file the usual permissions (mkstemp makes it private), then rename it."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    os.replace(tmp, path)
