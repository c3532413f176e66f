"""``lawgraph serve``: a read-only SPARQL 1.1 Protocol endpoint with a browser page."""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path
from types import FrameType

import typer

from lawgraph.cli import app

__all__ = ["serve_cli"]

_HELP = """Serve a store folder or an RDF file as a read-only SPARQL 1.1 endpoint.

The endpoint is http://HOST:PORT/sparql (printed on start); open http://HOST:PORT/ in a browser to type
queries, with the saved queries as examples. Clients such as YASGUI, SPARQLWrapper or GraphDB's federation
can query it with GET or POST; results come as SPARQL JSON, XML, CSV or TSV, graphs as Turtle or N-Triples,
by the Accept header.

It binds to 127.0.0.1 unless --host says otherwise, refuses SPARQL UPDATE and SERVICE (federated
queries would make the server open connections), cancels a query after --timeout seconds and refuses
results larger than --max-result-bytes.

Examples:

    lawgraph serve store/

    lawgraph serve graph.trig --port 8000 --timeout 10
"""


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@app.command("serve", help=_HELP)
def serve_cli(
    source: Path = typer.Argument(..., help="A store folder or an RDF file.", show_default=False),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (0.0.0.0 exposes it to the network)."),
    port: int = typer.Option(7878, "--port", help="Port to bind; 0 picks a free one."),
    timeout: float = typer.Option(30.0, "--timeout", help="Seconds a query may run before it is cancelled."),
    max_result_bytes: int = typer.Option(50_000_000, "--max-result-bytes", help="Largest result returned."),
    workers: int = typer.Option(2, "--workers", help="Queries evaluated at the same time (one process each)."),
    memory: bool | None = typer.Option(
        None, "--memory/--no-memory",
        help="Query an in-memory copy in each worker (much faster; about 0.5 kB of RAM per quad per worker). "
        "Default: on for RDF files and for stores up to 1 GiB on disk.",
    ),
    cors: bool = typer.Option(False, "--cors", help="Allow browser tools on other sites (YASGUI) to query it."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log each request on stderr."),
) -> None:
    from lawgraph.server import SparqlServer

    if verbose:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    server = SparqlServer(
        source, host=host, port=port, timeout=timeout, max_result_bytes=max_result_bytes, workers=workers,
        memory=memory, cors=cors,
    )
    signal.signal(signal.SIGTERM, _stop)
    if server.memory and source.is_dir():
        typer.echo(f"lawgraph: copying {source} into memory in {workers} worker(s) for fast queries "
                   "(--no-memory to query it on disk)…", err=True)
    try:
        server.start()
        typer.echo(server.url)
        sys.stdout.flush()
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
