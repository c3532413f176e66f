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

import click
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
)
"""Modules of :mod:`lawgraph.cli` that register commands, in the order ``--help`` lists them."""


def _register() -> None:
    for name in COMMANDS:
        importlib.import_module(f"lawgraph.cli.{name}")


def main(argv: list[str] | None = None) -> None:
    """Run the CLI and exit with its code."""
    _register()
    try:
        code = app(args=argv, prog_name="lawgraph", standalone_mode=False)
    except LawgraphError as err:
        if os.environ.get("LAWGRAPH_DEBUG"):
            raise
        typer.echo(f"lawgraph: {err.message}", err=True)
        sys.exit(err.exit_code)
    except click.exceptions.Abort:
        typer.echo("lawgraph: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        typer.echo("lawgraph: interrupted", err=True)
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
