"""Writing output files atomically: a temporary file in the same folder, then a rename.

Either the whole new file is in place afterwards, or the old one is untouched: a failed build, export or
query never leaves a truncated or half-written file. Every output of lawgraph goes through this module.

What is already at the path is respected:

- ``-`` is standard output, written straight to;
- a FIFO, a character or block device (``/dev/null``, a terminal) or a socket is written straight to,
  never replaced by a regular file;
- a symbolic link is followed: its target is replaced atomically and the link stays;
- a folder is an error.

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
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from lawgraph.errors import OutputError

__all__ = [
    "check_writable",
    "write_atomically",
    "atomic_write",
    "publish",
    "temp_folder",
    "resolve_target",
    "is_special",
    "is_stdout",
]


def is_stdout(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is ``-``, which names standard output."""
    return os.fspath(path) == "-"


def is_special(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` (after symbolic links) is a FIFO, a device or a socket: written to, never replaced."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode)


def resolve_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` replaces: ``path`` itself, or the end of its chain of symbolic links.

    A dangling link resolves to the file it names (which the write creates), as a shell's ``>`` does.
    """
    target = Path(path)
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target


def check_writable(path: str | os.PathLike[str]) -> Path:
    """Check, before any work, that ``path`` can be written; return it as a :class:`Path`.

    ``-`` (standard output) and special files (a FIFO, a device) are writable when they can be opened
    for writing; a symbolic link is checked at its target.

    Raises
    ------
    OutputError
        When the folder does not exist, is not writable, or ``path`` is a folder or a read-only file.
    """
    given = Path(path)
    if is_stdout(path):
        return given
    if is_special(given):
        if not os.access(given, os.W_OK):
            raise OutputError(given, "is not writable")
        return given
    target = resolve_target(given)
    parent = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputError(given, "is a directory, not a file")
    if parent.exists() and not parent.is_dir():
        raise OutputError(given, f"{parent} is not a folder")
    if not parent.is_dir():
        raise OutputError(given, f"folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(given, f"folder {parent} is not writable")
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputError(given, "file is not writable")
    return given


def _open_direct(path: Path, *, text: bool) -> IO[Any]:
    """Standard output, or a special file opened for writing without truncating or replacing it."""
    if is_stdout(path):
        sys.stdout.flush()
        fd = os.dup(sys.stdout.fileno())
    else:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    return os.fdopen(fd, "w", encoding="utf-8") if text else os.fdopen(fd, "wb")


def _write_direct(path: Path, write: Callable[[IO[Any]], object], *, text: bool) -> Path:
    try:
        with _open_direct(path, text=text) as fh:
            write(fh)
            fh.flush()
    except BrokenPipeError:
        pass  # the reader went away (`| head`): what it wanted, it has
    except OSError as err:
        raise OutputError(path, f"cannot write ({err.strerror or err})") from err
    return path


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
    given = Path(path)
    if is_stdout(path) or is_special(given):
        return _write_direct(given, write, text=text)
    target = resolve_target(given)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputError(given, "is a directory, not a file")
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
        raise OutputError(given, f"cannot write ({err.strerror or err})") from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return given


def atomic_write(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (:func:`write_atomically` for a bytes payload)."""
    return write_atomically(path, lambda fh: fh.write(data))


def temp_folder(path: str | os.PathLike[str]) -> Path:
    """Where a temporary file for ``path`` goes: beside the file it will replace (a link's target), or the
    system's temporary folder for ``-`` and special files, which :func:`publish` copies into."""
    if is_stdout(path) or is_special(path):
        return Path(tempfile.gettempdir())
    target = resolve_target(path)
    return target.parent if str(target.parent) else Path(".")


def publish(tmp: Path, target: Path) -> None:
    """Move a finished temporary file onto ``target``.

    The file keeps the mode of the file it replaces, or gets the usual permissions of a new file (mkstemp
    makes it private), then it is renamed into place with :func:`os.replace`. A symbolic link's target is
    replaced (the link stays); ``-`` and special files get the content copied into them instead.

    Raises
    ------
    OutputError
        When the file cannot be moved (the temporary file is removed).
    """
    try:
        if is_stdout(target) or is_special(target):
            with open(tmp, "rb") as src:
                _write_direct(Path(target), lambda fh: shutil.copyfileobj(src, fh, 1 << 20), text=False)
            Path(tmp).unlink(missing_ok=True)
            return
        real = resolve_target(target)
        if real.is_dir():
            raise OutputError(target, "is a directory, not a file")
        if real.exists():
            os.chmod(tmp, real.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, real)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(target, f"cannot write ({err.strerror or err})") from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
