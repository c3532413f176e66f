"""Helpers of the `lawgraph serve` tests: a real server process, and the local answer to compare with.

Each server runs as a subprocess on a free loopback port (``--port 0``; the URL is read from stdout) and
is always stopped by its fixture's finalizer. Every wait is bounded.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ORGS = """
SELECT ?org ?label WHERE { ?org a org:Organization ; skos:prefLabel ?label } ORDER BY ?label
"""

HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(12)) + " }"


class Served:
    """``lawgraph serve SOURCE ARGS…`` as a subprocess on a free loopback port (``url``, ``port``)."""

    start_wait = 60.0
    """Seconds the server may take to print its URL (a store copied into memory takes longer)."""

    def __init__(self, source: Path, *args: str) -> None:
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "lawgraph", "serve", str(source), "--port", "0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        line: list[str] = []
        reader = threading.Thread(target=lambda: line.append(self.proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(self.start_wait)
        if not line or not line[0].startswith("http://"):
            self.stop()
            raise RuntimeError(f"lawgraph serve did not start: {line!r} {self.proc.stderr.read()[:2000]}")
        self.url = line[0].strip()
        self.port = int(urllib.parse.urlsplit(self.url).port or 0)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream:
                stream.close()

    def request(self, method: str = "GET", *, params: dict | None = None, body: bytes | None = None,
                headers: dict | None = None, path: str | None = None) -> tuple[int, dict, bytes]:
        url = path or self.url
        if params:
            url += "?" + urllib.parse.urlencode(params)
        req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, dict(resp.headers), resp.read()
        except urllib.error.HTTPError as err:
            return err.code, dict(err.headers), err.read()


def local_json(source: Path, query: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "lawgraph", "query", str(source), query, "--format", "json"],
        capture_output=True, timeout=120, check=True,
    ).stdout
    return json.loads(out)
