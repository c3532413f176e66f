"""Benchmark builds: memory of every build path, throughput ratios against the tokenizer peer, a Dask check.

Not part of the test run. Usage::

    .venv/bin/python bench/bench_build.py                    # bench and 10x bench, every build, the peers
    .venv/bin/python bench/bench_build.py --scale 1          # bench only
    .venv/bin/python bench/bench_build.py --repeat 2         # each build twice, interleaved (A B C A B C)
    .venv/bin/python bench/bench_build.py --dask --scale 10  # also: Dask, 2 workers, N-Quads shards, loaded
    .venv/bin/python bench/bench_build.py --builds nq-j1 nq-j2 --no-extraction --no-peers
    .venv/bin/python bench/bench_build.py --skip-1x --builds plain --no-extraction --no-peers  # 10x only

The corpus is ``$LAWGRAPH_CORPUS/bench`` (default ``../shared/corpus/bench`` beside the repo). The 10x corpus
is made in a temporary folder from copies of it, each copy with one extra line mid-text so its hash (and its
report IRI) differ; it is deleted afterwards and never committed.

Builds (each the ``lawgraph build`` command in a fresh process, writing into a temporary folder):

- ``plain``: ``lawgraph build DIR -o x.nq`` (one process, sorted N-Quads through the external sort);
- ``nq-j1``, ``nq-j2``: ``lawgraph build DIR -o x.nq --jobs 1|2`` (the corpus build's streamed N-Quads);
- ``store-j1``, ``store-j2``: ``lawgraph build DIR --store S --jobs 1|2`` (into Oxigraph, then compacted).

For each: wall time, CPU-s (user+sys of the process and its workers, from ``getrusage``), the largest sum of
RSS over the process tree (psutil, sampled every 0.1 s), and the CPU-s of the busiest process (sampled, so
up to 0.1 s short), which bounds what a second core can give: on a machine that other work shares, the
wall-time ratio of ``--jobs 2`` to ``--jobs 1`` understates the speed-up and the CPU figures do not. So each
ratio is also given from CPU-s, as on an idle machine: a run cannot end before its busiest process has had
its CPU-s, nor before its CPU-s spread over the two cores.

Extraction alone: every report through the worker's unit of work (``lawgraph.corpus.work.extract_task``:
read, spaCy and our components, facts, N-Quads text) in this process after one warm-up report, CPU-s by
step. Peers, over the same texts in this process on one core: spaCy's ``zh`` with the jieba segmenter
(``nlp.pipe``) and ``jieba.posseg.cut``, each time-boxed (``--peer-seconds``).

The ratios printed at the end are the targets of issue 15: end to end into the store (``store-j2``, MB/s
wall) ≥ 1.2× the spaCy+jieba tokenizer (MB/s wall); N-Quads with ``--jobs 2`` ≥ 1.7× ``--jobs 1``;
extraction alone ≥ 2 MB per CPU-second; peak RSS ≤ 1 GB for every build at 1× and 10×.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BUILDS = {
    "plain": ["-o", "{tmp}/graph.nq"],
    "nq-j1": ["-o", "{tmp}/graph.nq", "--jobs", "1"],
    "nq-j2": ["-o", "{tmp}/graph.nq", "--jobs", "2"],
    "store-j1": ["--store", "{tmp}/store", "--jobs", "1"],
    "store-j2": ["--store", "{tmp}/store", "--jobs", "2"],
}
GIB = 2**30


def corpus_dir() -> Path:
    root = Path(os.environ.get("LAWGRAPH_CORPUS", REPO.parent / "shared" / "corpus"))
    return root / "bench"


def make_scaled(source: Path, target: Path, scale: int) -> Path:
    """``scale`` copies of every report, each with a line of its own in the middle of the body.

    The line goes mid-text, not at the end: pages end with chrome (责任编辑, 扫一扫…) that reading
    drops, and a line there would leave copies with the same text, which a build counts as duplicates.
    """
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        middle = text.find("\n", len(text) // 2)
        middle = len(text) if middle < 0 else middle
        for k in range(scale):
            copy = f"{text[:middle]}\n（第{k + 1}份副本）{text[middle:]}"
            (target / f"{path.stem}.copy{k:02d}.txt").write_text(copy, encoding="utf-8")
    return target


def corpus_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*.txt"))


def _sample_tree(proc: Any, peaks: dict[str, Any]) -> None:
    import psutil

    try:
        members = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return
    total = 0
    for member in members:
        with contextlib.suppress(psutil.Error):
            total += member.memory_info().rss
            times = member.cpu_times()
            peaks["cpu_by_pid"][member.pid] = times.user + times.system
    peaks["rss"] = max(peaks["rss"], total)


def measure(cmd: list[str], *, cwd: Path | None = None) -> dict[str, Any]:
    """Run ``cmd``; wall, CPU-s of it and its children, peak RSS of the tree, CPU-s of the busiest process."""
    import psutil

    load_before = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    peaks: dict[str, Any] = {"rss": 0, "cpu_by_pid": {}}
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd)
    proc = psutil.Process(child.pid)
    while child.poll() is None:
        _sample_tree(proc, peaks)
        time.sleep(0.1)
    out, err = child.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if child.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({child.returncode}):\n{err[-3000:]}")
    return {
        "wall": wall,
        "cpu": cpu,
        "peak_rss": peaks["rss"],
        "busiest_cpu": max(peaks["cpu_by_pid"].values(), default=0.0),
        "load": (load_before, os.getloadavg()[0]),
        "stdout": out,
    }


def run_build(kind: str, folder: Path) -> dict[str, Any]:
    tmp = tempfile.mkdtemp(prefix=f"lawgraph-bench-{kind}-")
    try:
        args = [a.format(tmp=tmp) for a in BUILDS[kind]]
        result = measure([sys.executable, "-m", "lawgraph", "build", str(folder), *args, "-q"])
        output = Path(tmp) / ("store" if kind.startswith("store") else "graph.nq")
        if output.is_dir():
            result["output_bytes"] = sum(p.stat().st_size for p in output.rglob("*") if p.is_file())
        else:
            result["output_bytes"] = output.stat().st_size
            with output.open("rb") as fh:
                result["quads"] = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 24), b""))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    result.pop("stdout")
    return result


def measure_extraction(folder: Path) -> dict[str, Any]:
    """CPU-s of the worker's unit of work over every report, by step, after one warm-up report."""
    from lawgraph.api import fewer_gc_passes
    from lawgraph.extract.facts import doc_to_facts
    from lawgraph.extract.pipeline import annotate, make_nlp
    from lawgraph.ingest import read_report
    from lawgraph.rdf.quads import facts_to_nquads

    paths = sorted(folder.glob("*.txt"))
    start = time.process_time()
    nlp = make_nlp()
    facts_to_nquads(doc_to_facts(annotate(nlp, read_report(paths[0]))))  # lazy data loads
    startup = time.process_time() - start
    steps = dict.fromkeys(("read", "tokenize", "components", "facts", "N-Quads"), 0.0)
    quads = 0
    with fewer_gc_passes():
        for path in paths:
            t0 = time.process_time()
            report = read_report(path)
            t1 = time.process_time()
            nlp.make_doc(report.text)  # the tokenizer alone, to split annotate's time
            t2 = time.process_time()
            doc = annotate(nlp, report)
            t3 = time.process_time()
            facts = doc_to_facts(doc)
            t4 = time.process_time()
            nquads = facts_to_nquads(facts)
            t5 = time.process_time()
            quads += nquads.named.count(b"\n") + nquads.shared.count(b"\n")
            steps["read"] += t1 - t0
            steps["tokenize"] += t2 - t1
            steps["components"] += (t3 - t2) - (t2 - t1)
            steps["facts"] += t4 - t3
            steps["N-Quads"] += t5 - t4
    size = corpus_bytes(folder)
    cpu = sum(steps.values())
    return {"MB": size / 1e6, "cpu": cpu, "MB/CPU-s": size / 1e6 / cpu, "steps": steps, "startup": startup,
            "quads": quads}


def time_boxed(name: str, texts: list[str], run: Callable[[str], None], budget: float) -> dict[str, Any]:
    """Run ``run(text)`` over the texts in order until ``budget`` seconds; MB/s over what finished."""
    done_bytes = 0
    done = 0
    cpu_start = time.process_time()
    start = time.perf_counter()
    for text in texts:
        run(text)
        done += 1
        done_bytes += len(text.encode("utf-8"))
        if time.perf_counter() - start > budget:
            break
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    return {
        "peer": name,
        "texts": done,
        "of": len(texts),
        "MB": done_bytes / 1e6,
        "seconds": seconds,
        "cpu": cpu,
        "MB/s": done_bytes / 1e6 / seconds,
        "MB/CPU-s": done_bytes / 1e6 / cpu,
        "sampled": done < len(texts),
    }


def measure_peers(folder: Path, budget: float) -> dict[str, dict[str, Any]]:
    import jieba
    import jieba.posseg
    import spacy

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp("预热")  # load jieba's dictionary before timing

    def spacy_jieba(text: str) -> None:
        for _doc in nlp.pipe([text]):
            pass

    def posseg(text: str) -> None:
        for _pair in jieba.posseg.cut(text):
            pass

    return {
        "spacy": time_boxed("spaCy zh + jieba tokenizer (nlp.pipe)", texts, spacy_jieba, budget),
        "posseg": time_boxed("jieba.posseg.cut (POS tags)", texts, posseg, budget),
    }


def run_dask(folder: Path, workers: int) -> dict[str, Any]:
    """Dask: ``workers`` local worker processes (1 thread each) build N-Quads shards of the corpus; then
    ``oxigraph load`` loads the shards into a new store, several files in parallel."""
    script = f"""
import json, os, resource, sys, time
from distributed import Client, LocalCluster
from lawgraph.corpus import build_corpus
if __name__ == "__main__":
    with LocalCluster(n_workers={workers}, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        start = time.perf_counter()
        s = build_corpus([sys.argv[1]], shards=sys.argv[2], dask=c.scheduler_address)
        wall = time.perf_counter() - start
        with Client(c) as client:
            worker_cpu = sum(client.run(
                lambda: (lambda t: t.user + t.system)(__import__("psutil").Process().cpu_times())).values())
    me = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps(dict(built=s.built, failed=len(s.failures), quads=s.quads, shards=s.shard_count,
        wall=wall, client_cpu=me.ru_utime + me.ru_stime, worker_cpu=worker_cpu)))
"""
    tmp = Path(tempfile.mkdtemp(prefix="lawgraph-bench-dask-"))
    try:
        (tmp / "run.py").write_text(script, encoding="utf-8")
        build = measure([sys.executable, str(tmp / "run.py"), str(folder), str(tmp / "shards")], cwd=tmp)
        build.update(json.loads(build.pop("stdout").strip().splitlines()[-1]))
        shards = sorted(str(p) for p in (tmp / "shards").glob("*.nq"))
        build["shard_bytes"] = sum(Path(p).stat().st_size for p in shards)
        oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
        load = measure([oxigraph, "load", "--location", str(tmp / "store"), "--lenient", "--file", *shards])
        load.pop("stdout")
        load["store_bytes"] = sum(p.stat().st_size for p in (tmp / "store").rglob("*") if p.is_file())
        build["load"] = load
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return build


def _line(label: str, r: dict[str, Any], size: int, count: int) -> str:
    busiest = f", busiest process {r['busiest_cpu']:.1f} CPU-s" if r["busiest_cpu"] else ""
    quads = f", {r['quads']:,} quads" if "quads" in r else ""
    return (
        f"{label:>22}: {r['wall']:6.1f} s, {size / 1e6 / r['wall']:.2f} MB/s, "
        f"{count / r['wall']:.1f} reports/s, "
        f"{r['cpu']:.1f} CPU-s ({size / 1e6 / r['cpu']:.2f} MB/CPU-s){busiest}, "
        f"peak RSS {r['peak_rss'] / 2**20:,.0f} MiB, output {r['output_bytes'] / 2**20:,.0f} MiB{quads}; "
        f"load average {r['load'][0]:.1f} -> {r['load'][1]:.1f}"
    )


def _best(runs: list[dict[str, Any]], key: str) -> float:
    return min(r[key] for r in runs)


def _idle_wall(run: dict[str, Any], cores: int = 2) -> float:
    """The wall time a run's CPU-s allow on ``cores`` idle cores: its busiest process alone (single-threaded,
    as extraction workers are), or all its CPU-s spread evenly, whichever is longer (the wall time on a
    machine shared with other work says less)."""
    return max(run["busiest_cpu"], run["cpu"] / cores)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=int, default=10, help="copies for the scaled corpus (1: skip it)")
    parser.add_argument("--builds", nargs="+", default=list(BUILDS), choices=list(BUILDS))
    parser.add_argument("--repeat", type=int, default=1, help="runs of each build at 1x, interleaved")
    parser.add_argument("--repeat-scaled", type=int, default=1, help="runs of each build at the scale")
    parser.add_argument("--peer-seconds", type=float, default=60.0, help="time box per peer")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--no-extraction", action="store_true")
    parser.add_argument(
        "--dask", action="store_true", help="also run the Dask shard build on the scaled corpus"
    )
    parser.add_argument("--dask-workers", type=int, default=2)
    parser.add_argument("--skip-1x", action="store_true",
                        help="build the scaled corpus only (to run the 10x builds as separate processes)")
    args = parser.parse_args()

    bench = corpus_dir()
    if not bench.is_dir():
        raise SystemExit(f"{bench}: bench corpus not found (set LAWGRAPH_CORPUS)")
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    report: dict[str, Any] = {"builds": {}}
    tmp = Path(tempfile.mkdtemp(prefix="lawgraph-bench-corpus-"))
    try:
        corpora = [] if args.skip_1x and args.scale > 1 else [("1x", bench, args.repeat)]
        if args.scale > 1:
            scaled = make_scaled(bench, tmp / "scaled", args.scale)
            corpora.append((f"{args.scale}x", scaled, args.repeat_scaled))
        for label, folder, repeat in corpora:
            size, count = corpus_bytes(folder), len(list(folder.glob("*.txt")))
            print(f"{label}: {count} reports, {size / 1e6:.1f} MB", flush=True)
            runs: dict[str, list[dict[str, Any]]] = {kind: [] for kind in args.builds}
            for _ in range(repeat):
                for kind in args.builds:  # interleaved: A B C A B C
                    r = run_build(kind, folder)
                    runs[kind].append(r)
                    print(_line(kind, r, size, count), flush=True)
            report["builds"][label] = {"size": size, "reports": count, "runs": runs}
            if args.dask and label != "1x":
                d = run_dask(folder, args.dask_workers)
                report["dask"] = {"corpus": label, "size": size, "reports": count, **d}
                print(
                    f"{'dask shards':>22}: {d['built']}/{count} built, {d['shards']} shards "
                    f"({d['shard_bytes'] / 2**20:,.0f} MiB), {d['wall']:.1f} s "
                    f"({size / 1e6 / d['wall']:.2f} MB/s), "
                    f"client {d['client_cpu']:.1f} CPU-s, workers {d['worker_cpu']:.1f} CPU-s, "
                    f"peak RSS {d['peak_rss'] / 2**20:,.0f} MiB (client, scheduler, nannies, workers)",
                    flush=True,
                )
                ld = d["load"]
                print(
                    f"{'oxigraph load shards':>22}: {ld['wall']:.1f} s, {ld['cpu']:.1f} CPU-s, "
                    f"{d['quads'] / ld['cpu'] / 1e3:,.0f}k quads per CPU-s, "
                    f"peak RSS {ld['peak_rss'] / 2**20:,.0f} MiB, "
                    f"store {ld['store_bytes'] / 2**20:,.0f} MiB",
                    flush=True,
                )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    extraction = None if args.no_extraction else measure_extraction(bench)
    if extraction:
        report["extraction"] = extraction
        steps = ", ".join(f"{k} {v:.2f}" for k, v in extraction["steps"].items())
        print(f"extraction alone (bench, after start-up {extraction['startup']:.1f} CPU-s): "
              f"{extraction['cpu']:.1f} CPU-s = {extraction['MB/CPU-s']:.2f} MB/CPU-s; "
              f"by step (CPU-s): {steps}")
    peers = {} if args.no_peers else measure_peers(bench, args.peer_seconds)
    report["peers"] = peers
    for p in peers.values():
        note = f" (time-boxed: {p['texts']}/{p['of']} texts)" if p["sampled"] else ""
        print(f"peer {p['peer']}: {p['MB/s']:.3f} MB/s, {p['MB/CPU-s']:.3f} MB per CPU-second{note}")

    print("\ntargets (best of the runs where repeated; the peer beside each):")
    spacy_peer = peers.get("spacy")
    for label, data in report["builds"].items():
        runs, size = data["runs"], data["size"]
        for kind, rs in runs.items():
            peak = max(r["peak_rss"] for r in rs)
            print(f"  {label} {kind}: peak RSS {peak / 2**20:,.0f} MiB "
                  f"({'met' if peak <= GIB else 'missed'}: ≤ 1 GiB)")
        if "store-j2" in runs and spacy_peer:
            ours = size / 1e6 / _best(runs["store-j2"], "wall")
            # the store writer's bulk loader runs on two threads: only "all CPU-s over two cores" bounds it
            best = size / 1e6 / min(r["cpu"] / 2 for r in runs["store-j2"])
            print(f"  {label} end to end into the store, --jobs 2: {ours:.2f} MB/s; spaCy+jieba tokenizer "
                  f"{spacy_peer['MB/s']:.2f} MB/s: {ours / spacy_peer['MB/s']:.2f}x (target 1.2x); "
                  f"from CPU-s, at best (all of it spread over two idle cores): {best:.2f} MB/s against the "
                  f"peer's {spacy_peer['MB/CPU-s']:.2f} MB per CPU-s: {best / spacy_peer['MB/CPU-s']:.2f}x")
        if "nq-j1" in runs and "nq-j2" in runs:
            one, two = runs["nq-j1"], runs["nq-j2"]
            walls = _best(one, "wall") / _best(two, "wall")
            idle = statistics.median(r["cpu"] for r in one) / min(_idle_wall(r) for r in two)
            print(f"  {label} N-Quads --jobs 2 / --jobs 1: {walls:.2f}x wall (target 1.7x); "
                  f"from CPU-s, on an idle machine: {idle:.2f}x")
    if extraction:
        peer = f"; spaCy+jieba tokenizer {spacy_peer['MB/CPU-s']:.2f}" if spacy_peer else ""
        print(f"  extraction alone: {extraction['MB/CPU-s']:.2f} MB per CPU-second (target 2){peer}")
    print(json.dumps(report, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
