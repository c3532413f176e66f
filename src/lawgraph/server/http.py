"""The HTTP server under the endpoint: one thread per connection, with a cap on connections.

:class:`LimitedHTTPServer` is the standard library's threading server with two caps checked before a
connection gets a thread: at most ``max_connections`` open connections, and at most
``max_client_connections`` from one IP address. A connection over a cap gets a short 503 with
``Retry-After`` and is closed at once, so thousands of idle or slow connections cannot hold thousands of
threads. (Each handler also closes a connection that stays silent for the idle timeout.)
"""

from __future__ import annotations

import socket
import threading
from collections import Counter
from http.server import ThreadingHTTPServer
from typing import Any

__all__ = ["LimitedHTTPServer"]

_REFUSAL = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 5\r\n"
    b"Connection: close\r\nContent-Length: 38\r\n\r\ntoo many open connections; try again\r\n"
)


class LimitedHTTPServer(ThreadingHTTPServer):
    """A :class:`~http.server.ThreadingHTTPServer` with a connection cap, overall and per client address."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(
        self, address: tuple[str, int], handler: Any, *, max_connections: int, max_client_connections: int
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.max_connections = max_connections
        self.max_client_connections = max_client_connections
        self._open: Counter[str] = Counter()
        self._count_lock = threading.Lock()
        super().__init__(address, handler)

    def open_connections(self) -> int:
        """Connections being served now."""
        with self._count_lock:
            return sum(self._open.values())

    def process_request(self, request: Any, client_address: Any) -> None:
        client = str(client_address[0])
        with self._count_lock:
            over = (
                sum(self._open.values()) >= self.max_connections
                or self._open[client] >= self.max_client_connections
            )
            if not over:
                self._open[client] += 1
        if over:
            try:
                request.settimeout(1.0)
                request.sendall(_REFUSAL)
            except OSError:
                pass
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._release(client)
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._release(str(client_address[0]))

    def _release(self, client: str) -> None:
        with self._count_lock:
            self._open[client] -= 1
            if self._open[client] <= 0:
                del self._open[client]
