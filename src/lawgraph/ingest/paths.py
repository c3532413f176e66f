"""Find the report files among the paths and folders a user names.

Reports are the files whose extension :mod:`lawgraph.ingest.formats` lists (``.txt``, ``.html``, ``.htm``,
``.pdf``, ``.docx``, ``.doc``). Folders are searched recursively and their files are
yielded in sorted order, so a build over a folder is the same on every machine. Side files such as
``NAME.gold.json`` are skipped because their extension is not a report extension.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from lawgraph.errors import InputError
from lawgraph.ingest.formats import HTML_SUFFIXES, LOCK_PREFIX, REPORT_SUFFIXES, suffix_list

__all__ = ["REPORT_SUFFIXES", "HTML_SUFFIXES", "is_report_path", "iter_report_paths"]

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
        For a path that does not exist, a folder without reports or a pattern that matches no report.
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
