"""The targets of the hardening issue, measured at full size (the test suite runs small samples).

    python bench/bench_hardening.py service --n 10000      # SERVICE/FROM placements vs a listener
    python bench/bench_hardening.py mutations --n 10000    # text- and byte-level mutations of a report
    python bench/bench_hardening.py load --seconds 120     # a light query's latency under load

- ``service``: each generated query (``tests/fuzzing.py``) runs through :func:`lawgraph.query.run_query`
  on a small store, in this process, while a loopback listener counts the connections it gets. Each query
  is also run on raw pyoxigraph (without lawgraph's checks) in a child process, to count how many of them
  really would have opened a connection. Target: 0 connections through lawgraph.
- ``mutations``: half text-level edits of the report's text, half byte-level edits of its file, each read
  and extracted (``process_report``) in a pool of worker processes with a per-case time limit. A crash is
  an exception other than ``LawgraphError`` (or a dead worker); a hang is a case over the limit.
  Target: 0 and 0.
- ``load``: ``lawgraph serve`` on the founding report's graph with 2 clients looping queries that run to
  the 30 s limit, 50 clients looping half-second queries, and one client sending a light query every
  0.25 s; each client has its own loopback address (127.0.0.x). Target: the light query's p99 ≤ 1 s.
  The worker processes' peak memory (VmHWM) is read from /proc at the end and compared with their cap.

The report is ``$LAWGRAPH_CORPUS/lanzhou-new-area-2022.txt`` (the founding report); its text is read at run
time and never copied into the repository.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

import fuzzing  # noqa: E402  (tests/fuzzing.py, shared with the test suite)


def _corpus() -> Path:
    return Path(os.environ.get("LAWGRAPH_CORPUS", REPO.parent / "shared" / "corpus"))


class Listener:
    """A loopback listener that counts connections."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(256)
        self.port = self.sock.getsockname()[1]
        self.count = 0
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.count += 1
            conn.close()


_RAW = r"""
import sys, pyoxigraph as ox
from lawgraph.namespaces import PREFIXES
store = ox.Store()
store.add(ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("o"), ox.NamedNode("http://x/g")))
for line in sys.stdin:
    q = line.encode().decode("unicode_escape")
    try:
        r = store.query(q, prefixes=dict(PREFIXES), use_default_graph_as_union=True)
        if not isinstance(r, ox.QueryBoolean):
            list(r)
    except Exception:
        pass
"""


def bench_service(n: int, seed: int) -> dict[str, object]:
    import pyoxigraph as ox

    from lawgraph.errors import QueryError
    from lawgraph.query import run_query

    ours, raw = Listener(), Listener()
    url_ours = f"http://127.0.0.1:{ours.port}/sparql"
    store = ox.Store()
    store.add(
        ox.Quad(
            ox.NamedNode("http://x/s"),
            ox.NamedNode("http://x/p"),
            ox.Literal("o"),
            ox.NamedNode("http://x/g"),
        )
    )
    refused = ran = other = 0
    start = time.perf_counter()
    queries = list(fuzzing.service_placements(n, url_ours, seed=seed))
    for q in queries:
        try:
            result = run_query(store, q)
            if not isinstance(result, ox.QueryBoolean):
                list(result)
            ran += 1
        except QueryError:
            refused += 1
        except Exception:
            other += 1
    ours_seconds = time.perf_counter() - start
    time.sleep(1.0)
    through_lawgraph = ours.count
    # the same queries, aimed at the other listener, on raw pyoxigraph in a child process
    base_ours, base_raw = f"127.0.0.1:{ours.port}/", f"127.0.0.1:{raw.port}/"
    lines = "".join(
        q.replace(base_ours, base_raw).encode("unicode_escape").decode("ascii") + "\n" for q in queries
    )
    subprocess.run([sys.executable, "-c", _RAW], input=lines, text=True, timeout=3600, check=True)
    time.sleep(1.0)
    return {
        "placements": n,
        "seed": seed,
        "refused": refused,
        "ran": ran,
        "other_errors": other,
        "connections_through_lawgraph": through_lawgraph,
        "connections_raw_oxigraph": raw.count,
        "connections_to_the_first_listener_after_the_raw_run": ours.count - through_lawgraph,
        "seconds": round(ours_seconds, 1),
    }


def _extract_case(args: tuple[str, bytes, str]) -> tuple[str, str]:
    """Read and extract one mutated report in a worker; ('ok'|'lawgraph'|'crash', detail)."""
    name, data, folder = args
    from lawgraph.api import process_report
    from lawgraph.errors import LawgraphError

    path = Path(folder) / name
    path.write_bytes(data)
    try:
        result = process_report(path, nlp=_nlp())
        for sentence in result.report.sentences:
            assert result.report.text[sentence.begin : sentence.end], "empty evidence span"
        return "ok", ""
    except LawgraphError as err:
        return "lawgraph", err.reason[:80]
    except Exception as err:  # a crash: what the target counts
        return "crash", f"{type(err).__name__}: {str(err)[:200]}"
    finally:
        path.unlink(missing_ok=True)


_NLP = None


def _nlp():  # type: ignore[no-untyped-def]
    global _NLP
    if _NLP is None:
        from lawgraph.extract.pipeline import make_nlp

        _NLP = make_nlp()
    return _NLP


def bench_mutations(n: int, seed: int, jobs: int, limit: float) -> dict[str, object]:
    report = _corpus() / "lanzhou-new-area-2022.txt"
    data = report.read_bytes()
    text = data.decode("utf-8")
    half = n // 2
    cases = [
        (f"t{i}.txt", t.encode("utf-8", "surrogatepass"), "")
        for i, t in enumerate(fuzzing.text_mutations(text, half, seed=seed))
    ]
    cases += [(f"b{i}.txt", b, "") for i, b in enumerate(fuzzing.byte_mutations(data, n - half, seed=seed))]
    folder = tempfile.mkdtemp(prefix="lawgraph-mut-")
    counts = {"ok": 0, "lawgraph": 0, "crash": 0, "hang": 0, "worker_died": 0}
    crashes: list[str] = []
    start = time.perf_counter()
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    pool = concurrent.futures.ProcessPoolExecutor(jobs, mp_context=ctx)
    names = {}
    pending = set()
    for name, payload, _ in cases:
        future = pool.submit(_extract_case, (name, payload, folder))
        names[future] = name
        pending.add(future)
    while pending:
        done, pending = concurrent.futures.wait(pending, timeout=limit, return_when="FIRST_COMPLETED")
        if not done:  # nothing finished for `limit` seconds: the cases running now hang
            running = [f for f in pending if f.running()]
            counts["hang"] += len(running)
            crashes.extend(f"{names[f]}: hang" for f in running)
            break
        for future in done:
            try:
                kind, detail = future.result()
            except concurrent.futures.process.BrokenProcessPool:
                kind, detail = "worker_died", ""
            counts[kind] += 1
            if kind in ("crash", "worker_died") and len(crashes) < 20:
                crashes.append(f"{names[future]}: {detail}")
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
    return {
        "mutations": n,
        "text": half,
        "bytes": n - half,
        "seed": seed,
        **counts,
        "seconds": round(time.perf_counter() - start, 1),
        "first_problems": crashes,
    }


class _Client:
    def __init__(self, host: str, port: int, source: str) -> None:
        self.host, self.port, self.source = host, port, source

    def query(self, text: str, timeout: float = 60.0) -> tuple[int, float]:
        start = time.perf_counter()
        conn = http.client.HTTPConnection(
            self.host, self.port, timeout=timeout, source_address=(self.source, 0)
        )
        try:
            body = urllib.parse.urlencode({"query": text})
            conn.request(
                "POST",
                "/sparql",
                body=body,
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/sparql-results+json",
                },
            )
            resp = conn.getresponse()
            resp.read()
            return resp.status, time.perf_counter() - start
        except OSError:
            return 0, time.perf_counter() - start
        finally:
            conn.close()


def _worker_peaks(server_pid: int) -> list[int]:
    peaks = []
    out = subprocess.run(["pgrep", "-P", str(server_pid)], capture_output=True, text=True).stdout.split()
    for pid in out:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) * 1024)
        except OSError:
            pass
    return peaks


def bench_load(seconds: float, warmup: float, workers: int, timeout: float) -> dict[str, object]:
    from lawgraph.api import build

    folder = Path(tempfile.mkdtemp(prefix="lawgraph-load-"))
    trig = folder / "founding.trig"
    build([_corpus() / "lanzhou-new-area-2022.txt"]).serialize(trig, format="trig")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "lawgraph",
            "serve",
            str(trig),
            "--port",
            "0",
            "--workers",
            str(workers),
            "--timeout",
            str(timeout),
            "--host",
            "127.0.0.1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    url = proc.stdout.readline().strip() if proc.stdout else ""
    port = int(urllib.parse.urlsplit(url).port or 0)
    heavy_q = (
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"  # runs to the limit
    )
    medium_q, medium_alone = _calibrate(port, target=0.5)
    light_q = "ASK { ?r a lg:Report }"
    for _ in range(2):  # the light query has answered before: the endpoint knows it is light
        _Client("127.0.0.1", port, "127.0.3.1").query(light_q)
    stop = threading.Event()
    stats: dict[str, list[tuple[float, int, float]]] = {"heavy": [], "medium": [], "light": []}

    def loop(kind: str, source: str, text: str, pause: float) -> None:
        client = _Client("127.0.0.1", port, source)
        while not stop.is_set():
            status, took = client.query(text, timeout=timeout + 30)
            stats[kind].append((time.monotonic(), status, took))
            if pause:
                stop.wait(pause)
            elif status != 200:
                stop.wait(0.1)  # a refused looping client tries again at once, as the clients did

    threads = [
        threading.Thread(target=loop, args=("heavy", f"127.0.1.{i + 1}", heavy_q, 0), daemon=True)
        for i in range(2)
    ]
    threads += [
        threading.Thread(target=loop, args=("medium", f"127.0.2.{i + 1}", medium_q, 0), daemon=True)
        for i in range(50)
    ]
    threads.append(threading.Thread(target=loop, args=("light", "127.0.3.1", light_q, 0.25), daemon=True))
    started = time.monotonic()
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    peaks = _worker_peaks(proc.pid)
    for t in threads:  # let the requests in flight finish before the server stops
        t.join(timeout + 40)
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()

    def summary(kind: str, after: float) -> dict[str, object]:
        rows = [r for r in stats[kind] if r[0] - started >= after]
        times = sorted(r[2] for r in rows if r[1] == 200)
        codes: dict[str, int] = {}
        for r in rows:
            codes[str(r[1])] = codes.get(str(r[1]), 0) + 1
        out: dict[str, object] = {"requests": len(rows), "statuses": codes}
        if times:
            out.update(
                p50=round(statistics.median(times), 3),
                p99=round(times[min(len(times) - 1, int(0.99 * len(times)))], 3),
                max=round(times[-1], 3),
            )
        return out

    return {
        "seconds": seconds,
        "warmup": warmup,
        "workers": workers,
        "timeout": timeout,
        "medium_query": medium_q,
        "medium_query_seconds_alone": round(medium_alone, 3),
        "light_all": summary("light", 0),
        "light_after_warmup": summary("light", warmup),
        "medium": summary("medium", 0),
        "heavy": summary("heavy", 0),
        "worker_peak_rss_bytes": peaks,
    }


def _time_alone(port: int, query: str) -> float:
    return _Client("127.0.0.1", port, "127.0.4.1").query(query)[1]


def _calibrate(port: int, *, target: float) -> tuple[str, float]:
    """A query taking about ``target`` seconds alone: a cross join cut by LIMIT."""
    best, took = "", 0.0
    for n in (20_000, 50_000, 100_000, 200_000, 400_000, 800_000, 1_600_000, 3_200_000):
        q = f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT * WHERE {{ ?a ?p ?b . ?c ?q ?d }} LIMIT {n} }}"
        took = min(_time_alone(port, q) for _ in range(2))
        best = q
        if took >= target:
            break
    return best, took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    s = sub.add_parser("service")
    s.add_argument("--n", type=int, default=10_000)
    s.add_argument("--seed", type=int, default=17)
    m = sub.add_parser("mutations")
    m.add_argument("--n", type=int, default=10_000)
    m.add_argument("--seed", type=int, default=17)
    m.add_argument("--jobs", type=int, default=2)
    m.add_argument("--limit", type=float, default=60.0)
    load = sub.add_parser("load")
    load.add_argument("--seconds", type=float, default=120.0)
    load.add_argument("--warmup", type=float, default=15.0)
    load.add_argument("--workers", type=int, default=2)
    load.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()
    if args.what == "service":
        result = bench_service(args.n, args.seed)
    elif args.what == "mutations":
        result = bench_mutations(args.n, args.seed, args.jobs, args.limit)
    else:
        result = bench_load(args.seconds, args.warmup, args.workers, args.timeout)
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    random.seed(17)
    main()
