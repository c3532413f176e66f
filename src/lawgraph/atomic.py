"""Writing output files atomically: a temporary file in the same folder, then a rename.

Either the whole new file is in place afterwards, or the old one is untouched: a failed build, export or
query never leaves a truncated or half-written file. Every output of lawgraph goes through this module.

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

__all__ = ["check_writable", "write_atomically", "atomic_write", "publish"]


def check_writable(path: str | os.PathLike[str]) -> Path:
    """Check, before any work, that ``path`` can be written; return it as a :class:`Path`.

    Raises
    ------
    OutputError
        When the folder does not exist, is not writable, or ``path`` is a folder or a read-only file.
    """
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputError(target, "is a directory, not a file")
    if parent.exists() and not parent.is_dir():
        raise OutputError(target, f"{parent} is not a folder")
    if not parent.is_dir():
        raise OutputError(target, f"folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(target, f"folder {parent} is not writable")
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputError(target, "file is not writable")
    return target


def write_atomically(
    path: str | os.PathLike[str], write: Callable[[IO[Any]], object], *, text: bool = False
) -> Path:
    """Call ``write`` with a temporary file next to ``path``, then move the file into place.

    Parameters
    ----------
    path : str or PathLike
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
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise OutputError(target, f"cannot write here ({err.strerror or err})") from err
    try:
        with os.fdopen(fd, "w", encoding="utf-8") if text else os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        publish(Path(tmp), target)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(target, f"cannot write ({err.strerror or err})") from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def atomic_write(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (:func:`write_atomically` for a bytes payload)."""
    return write_atomically(path, lambda fh: fh.write(data))


def publish(tmp: Path, target: Path) -> None:
    """Move a finished temporary file onto ``target``.

    The file keeps the mode of the file it replaces, or gets the usual permissions of a new file (mkstemp
    makes it private), then it is renamed into place with :func:`os.replace`.

    Raises
    ------
    OutputError
        When the file cannot be moved (the temporary file is removed).
    """
    try:
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(target, f"cannot write ({err.strerror or err})") from err
