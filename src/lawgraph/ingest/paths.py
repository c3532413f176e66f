"""Find the report files among the paths and folders a user names.

Reports are the files whose extension :mod:`lawgraph.ingest.formats` lists (``.txt``, ``.html``, ``.htm``,
``.pdf``, ``.docx``, ``.doc``). Folders are searched recursively and their files are
yielded in sorted order, so a build over a folder is the same on every machine. Side files such as
``NAME.gold.json`` are skipped because their extension is not a report extension.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from lawgraph.errors import InputError
from lawgraph.ingest.formats import HTML_SUFFIXES, LOCK_PREFIX, REPORT_SUFFIXES, suffix_list

__all__ = [
    "REPORT_SUFFIXES",
    "HTML_SUFFIXES",
    "is_report_path",
    "iter_report_paths",
    "read_regular_file",
    "readable_name",
    "check_regular",
]

_GLOB_CHARS = frozenset("*?[")


def is_report_path(path: str | Path) -> bool:
    """Whether ``path`` has a report extension (and is not the lock file Word keeps beside an open document).

    Examples
    --------
    >>> is_report_path("a/b.TXT"), is_report_path("x.htm"), is_report_path("x.gold.json")
    (True, True, False)
    >>> is_report_path("a/报告.docx"), is_report_path("a/~$报告.docx")
    (True, False)
    """
    path = Path(path)
    return path.suffix.lower() in REPORT_SUFFIXES and not path.name.startswith(LOCK_PREFIX)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_regular(path: str | Path) -> None:
    """Refuse a path that is not a regular file (after symbolic links): a FIFO would block a read forever.

    Raises
    ------
    InputError
        ``path`` is a FIFO, a device or a socket.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # reading it says what is wrong
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise InputError(path, f"is {_kind(mode)}, not a report file; lawgraph reads only regular files")


def read_regular_file(path: str | Path) -> bytes:
    """The bytes of ``path``, refusing anything but a regular file without blocking on it.

    The file is opened non-blocking and checked on the open descriptor, so a FIFO put in place between a
    check and the read cannot hang the build either.

    Raises
    ------
    InputError
        ``path`` is not a regular file.
    OSError
        It cannot be opened or read.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(path, f"is {_kind(mode)}, not a report file; lawgraph reads only regular files")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read()
    finally:
        os.close(fd)


def readable_name(path: str | Path) -> str:
    """A file's name as text a report can carry: a name that is not UTF-8 on disk (a GBK name from a
    Windows archive) is decoded as GB18030 when that reads, else its bad bytes are shown as ``\\xNN``.

    >>> import os
    >>> readable_name(os.fsdecode(b"\\xb1\\xa8\\xb8\\xe6.txt"))
    '报告.txt'
    >>> readable_name(os.fsdecode(b"r\\xff.txt"))
    'r\\\\xff.txt'
    """
    raw = os.fsencode(Path(path).name)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        name = raw.decode("gb18030")
        if name.isprintable():
            return name
    except UnicodeDecodeError:
        pass
    return raw.decode("utf-8", "backslashreplace")


def _folder_reports(folder: Path) -> list[Path]:
    found = [
        p
        for p in folder.rglob("*")
        if p.is_file()
        and is_report_path(p)
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def iter_report_paths(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Expand files, folders and glob patterns into report files.

    A file is yielded as given, whatever its extension (reading it then says whether it is supported).
    A folder yields every report file below it, recursively, sorted by relative path; hidden files and
    folders are skipped. A string that is not an existing path but contains ``*``, ``?`` or ``[`` is
    expanded as a glob pattern (recursive ``**`` allowed), keeping only report files, sorted.

    Parameters
    ----------
    inputs : iterable of str or Path
        What the user named.

    Yields
    ------
    Path
        One report file at a time, each at most once, in the order of ``inputs``.

    Raises
    ------
    InputError
        For a path that does not exist, a FIFO, device or socket, a folder without reports or a pattern
        that matches no report.
        The error is raised when the generator reaches that input, after the earlier inputs were yielded.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b.txt", "a.html", "a.gold.json", "sub/c.htm"):
    ...     (d / name).parent.mkdir(exist_ok=True)
    ...     _ = (d / name).write_text("x", encoding="utf-8")
    >>> [p.relative_to(d).as_posix() for p in iter_report_paths([d])]
    ['a.html', 'b.txt', 'sub/c.htm']
    """
    seen: set[Path] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = _folder_reports(path)
            if not found:
                raise InputError(path, f"folder contains no {suffix_list()} reports")
        elif path.exists():
            check_regular(path)
            found = [path]
        elif _GLOB_CHARS & set(str(item)):
            matches = (Path(p) for p in glob.glob(str(item), recursive=True))
            found = sorted(p for p in matches if p.is_file() and is_report_path(p))
            if not found:
                raise InputError(item, f"pattern matches no {suffix_list()} report")
        else:
            raise InputError(path, "no such file or folder")
        for p in found:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                yield p
