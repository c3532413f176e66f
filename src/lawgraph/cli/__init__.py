"""The ``lawgraph`` command line.

Each command lives in its own module as a thin typer wrapper around an importable function, and registers
itself on :data:`app`. Only this package prints. Errors from the :class:`~lawgraph.errors.LawgraphError`
hierarchy become one line on stderr (``PATH: reason``) and their exit code; nothing shows a traceback
unless ``LAWGRAPH_DEBUG=1`` is set.
"""

from __future__ import annotations

import importlib
import os
import sys

import typer

from lawgraph.errors import LawgraphError

__all__ = ["app", "main"]

app = typer.Typer(
    name="lawgraph",
    help=(
        "Build, query and explore knowledge graphs of Chinese government rule-of-law reports "
        "(法治政府建设情况报告).\n\n"
        "Start with `lawgraph build REPORT.txt -o graph.trig`, then `lawgraph query graph.trig --list`."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
)

COMMANDS: tuple[str, ...] = (
    "build",
    "validate",
    "query",
    "serve",
    "push",
    "viz",
    "stats",
    "export",
    "eval",
    "compare",
)
"""Modules of :mod:`lawgraph.cli` that register commands, in the order ``--help`` lists them."""


def _register() -> None:
    for name in COMMANDS:
        importlib.import_module(f"lawgraph.cli.{name}")


def main(argv: list[str] | None = None) -> None:
    """Run the CLI and exit with its code.

    Usage errors (an unknown option, a missing argument) are reported by typer with exit code 2. Errors of
    the :class:`~lawgraph.errors.LawgraphError` hierarchy and operating-system errors become one line on
    stderr; set ``LAWGRAPH_DEBUG=1`` to see their traceback instead.
    """
    _register()
    try:
        # standalone mode: typer reports usage errors itself and exits with the command's code.
        app(args=argv, prog_name="lawgraph")
    except LawgraphError as err:
        if os.environ.get("LAWGRAPH_DEBUG"):
            raise
        typer.echo(f"lawgraph: {err.message}", err=True)
        sys.exit(err.exit_code)
    except OSError as err:
        if os.environ.get("LAWGRAPH_DEBUG"):
            raise
        where = f"{err.filename}: " if getattr(err, "filename", None) else ""
        typer.echo(f"lawgraph: {where}{err.strerror or err}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("lawgraph: interrupted", err=True)
        sys.exit(130)
