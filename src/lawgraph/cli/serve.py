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
queries would make the server open connections), cancels a query after --timeout seconds, refuses results
larger than --max-result-bytes and shares its workers fairly between clients (per-client limits, a short
queue, a worker kept for short queries). docs/security.md lists every limit and how to change it.

Examples:

    lawgraph serve store/

    lawgraph serve graph.trig --port 8000 --timeout 10
"""


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@app.command("serve", help=_HELP)
def serve_cli(
    source: Path = typer.Argument(..., help="A store folder or an RDF file.", show_default=False),
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to bind (0.0.0.0 exposes it to the network)."
    ),
    port: int = typer.Option(7878, "--port", help="Port to bind; 0 picks a free one."),
    timeout: float = typer.Option(30.0, "--timeout", help="Seconds a query may run before it is cancelled."),
    max_result_bytes: int = typer.Option(50_000_000, "--max-result-bytes", help="Largest result returned."),
    workers: int = typer.Option(
        2, "--workers", help="Queries evaluated at the same time (one process each)."
    ),
    memory: bool | None = typer.Option(
        None, "--memory/--no-memory",
        help="Query an in-memory copy in each worker (much faster; about 0.5 kB of RAM per quad per worker). "
        "Default: on for RDF files and for stores up to 1 GiB on disk.",
    ),
    cors: bool = typer.Option(
        False, "--cors", help="Allow browser tools on other sites (YASGUI) to query it."
    ),
    express: int | None = typer.Option(
        None, "--express",
        help="Workers kept for queries that ran fast before (default 1 with 2+ workers).",
    ),
    express_timeout: float = typer.Option(2.0, "--express-timeout", help="Seconds a query may run on them."),
    queue_wait: float = typer.Option(
        5.0, "--queue-wait", help="Seconds a query may wait for a worker (then 503)."
    ),
    per_client: int = typer.Option(2, "--per-client", help="Queries one client may have running or waiting."),
    client_budget: float = typer.Option(
        120.0, "--client-budget", help="Seconds of worker time one client may use per minute (then 429)."
    ),
    memory_limit: int = typer.Option(
        2048, "--memory-limit", metavar="MIB",
        help="Memory a worker may use for a query on top of its data; 0: no cap.",
    ),
    max_query_bytes: int = typer.Option(100_000, "--max-query-bytes", help="Longest query accepted."),
    max_connections: int = typer.Option(128, "--max-connections", help="Open connections in all."),
    max_client_connections: int = typer.Option(
        16, "--max-client-connections", help="Open connections per client."
    ),
    idle_timeout: float = typer.Option(
        10.0, "--idle-timeout", help="Seconds of silence before a connection closes."
    ),
    allow_host: list[str] | None = typer.Option(
        None, "--allow-host", help="Another host name clients may use in the Host header (repeatable)."
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log each request on stderr."),
) -> None:
    from lawgraph.server import SparqlServer

    if verbose:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    server = SparqlServer(
        source, host=host, port=port, timeout=timeout, max_result_bytes=max_result_bytes, workers=workers,
        memory=memory, cors=cors, express=express, express_timeout=express_timeout, queue_wait=queue_wait,
        per_client=per_client, client_budget=client_budget,
        memory_limit=memory_limit << 20 if memory_limit > 0 else None, max_query_bytes=max_query_bytes,
        max_connections=max_connections, max_client_connections=max_client_connections,
        idle_timeout=idle_timeout, allowed_hosts=allow_host,
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
