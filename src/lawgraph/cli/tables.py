"""How the command line prints tables: fitted to a terminal, never cut when piped.

- **On a terminal** a table takes the terminal's width; a cell too long for its column wraps onto more
  lines (it is folded, never cut off with "…").
- **Piped or redirected** (``lawgraph query … | less``, ``> out.txt``) a table is as wide as its longest
  cells need: every cell is printed whole and every row stays on one line, so ``less -S``, ``grep`` and
  ``sort`` see whole rows. Colours and styles are left out. For data to process further, use
  ``--format tsv`` or ``csv``.

Widths are counted in terminal cells, as rich counts them: a Chinese character (and any East Asian wide or
full-width character) takes two, so columns line up under Chinese text.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

__all__ = ["table_console", "print_table", "new_table"]

_MIN_WIDTH = 20


def new_table(*headers: str, **options: Any) -> Any:
    """A rich ``Table`` with these column headers whose cells fold rather than get cut."""
    from rich.table import Table

    table = Table(**options)
    for header in headers:
        table.add_column(header, overflow="fold")
    return table


def table_console(stream: TextIO | None = None, *, width: int | None = None) -> Any:
    """A rich ``Console`` on ``stream`` (stdout): the terminal's width on a terminal, else ``width``."""
    from rich.console import Console

    out = stream if stream is not None else sys.stdout
    if _is_terminal(out):
        return Console(file=out, highlight=False)
    # soft_wrap: a line of text is never broken off a terminal (a table is laid out at ``width``).
    return Console(file=out, width=width or 80, highlight=False, no_color=True, color_system=None,
                   emoji=False, soft_wrap=True)


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def print_table(table: Any, stream: TextIO | None = None) -> None:
    """Print a rich table: fitted to the terminal, or whole (natural width, one line per row) when piped.

    Examples
    --------
    >>> import io
    >>> table = new_table("机构", "n")
    >>> table.add_row("兰州新区管理委员会" * 6, "1")
    >>> out = io.StringIO()
    >>> print_table(table, out)
    >>> "兰州新区管理委员会" * 6 in out.getvalue()
    True
    """
    out = stream if stream is not None else sys.stdout
    if _is_terminal(out):
        table_console(out).print(table)
        return
    from rich.console import Console

    measure = Console(width=1_000_000, file=out).measure(table)
    natural = max(measure.maximum, _MIN_WIDTH)
    table_console(out, width=natural).print(table)
