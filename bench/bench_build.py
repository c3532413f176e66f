"""Benchmark corpus builds end to end into an Oxigraph store, against the tokenizer peers.

Not part of the test run. Usage::

    /work/venv/bin/python bench/bench_build.py                 # bench corpus and the 10x corpus, jobs 1 and 2
    /work/venv/bin/python bench/bench_build.py --scale 1       # bench corpus only
    /work/venv/bin/python bench/bench_build.py --peers-only

The corpus is ``$LAWGRAPH_CORPUS/bench`` (default ``../shared/corpus/bench`` beside the repo). The 10x corpus
is made in a temporary folder from copies of it, each copy with one extra line mid-text so its hash (and its
report IRI) differ; it is deleted afterwards and never committed.

Each build runs in a fresh process (``lawgraph.corpus.build_corpus`` into a new store); its peak RSS is the
largest sum of the resident memory of that process and its workers, sampled every 0.1 s with psutil
(else the peak of the process and of its children from ``getrusage``, summed, which over-estimates).

Peers, over the same texts, in this process on one core: spaCy's ``zh`` with the jieba segmenter
(``nlp.pipe``), and ``jieba.posseg.cut``. Each is time-boxed (``--peer-seconds``): it runs over the texts in
order until the budget is spent and its MB/s is computed on what it finished, which the output says.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


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


def run_one(folder: str, jobs: int, store: str) -> None:
    """Child process: one build, its summary as JSON on stdout."""
    from lawgraph.corpus import build_corpus

    summary = build_corpus([folder], store=store, jobs=jobs)
    print(
        json.dumps(
            {
                "built": summary.built,
                "duplicates": len(summary.duplicates),
                "failed": summary.failures,
                "quads": summary.quads,
                "bytes": summary.bytes_in,
                "seconds": summary.seconds,
                "compact_seconds": summary.compact_seconds,
            }
        )
    )


def _tree_rss(proc: Any) -> int:
    import psutil

    total = 0
    try:
        members = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    for member in members:
        with contextlib.suppress(psutil.Error):
            total += member.memory_info().rss
    return total


def measure_build(folder: Path, jobs: int) -> dict[str, Any]:
    """Run one build in a child process; wall time, its summary and the peak RSS of its process tree."""
    import resource

    store = tempfile.mkdtemp(prefix="lawgraph-bench-store-")
    cmd = [sys.executable, __file__, "--one", str(folder), str(jobs), store + "/store"]
    load_before = os.getloadavg()[0]
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    peak = 0
    method = "psutil (process tree, sampled every 0.1 s)"
    try:
        import psutil

        child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        proc = psutil.Process(child.pid)
        while child.poll() is None:
            peak = max(peak, _tree_rss(proc))
            time.sleep(0.1)
        out, err = child.communicate()
    except ImportError:
        method = "getrusage (max RSS of the build process + max of its children)"
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        out, err = done.stdout, done.stderr
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    wall = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    store_size = sum(p.stat().st_size for p in Path(store).rglob("*") if p.is_file())
    shutil.rmtree(store, ignore_errors=True)
    if not out.strip():
        raise SystemExit(f"build failed:\n{err}")
    result = json.loads(out.strip().splitlines()[-1])
    result.update(
        wall=wall,
        cpu=cpu,
        peak_rss=peak,
        rss_method=method,
        store_bytes=store_size,
        jobs=jobs,
        load=(load_before, os.getloadavg()[0]),
    )
    return result


def peer_texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


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
        "cpu": cpu,
        "MB/CPU-s": done_bytes / 1e6 / cpu,
        "peer": name,
        "texts": done,
        "of": len(texts),
        "MB": done_bytes / 1e6,
        "seconds": seconds,
        "MB/s": done_bytes / 1e6 / seconds,
        "sampled": done < len(texts),
    }


def measure_peers(folder: Path, budget: float) -> list[dict[str, Any]]:
    import jieba
    import jieba.posseg
    import spacy

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = peer_texts(folder)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp("预热")  # load jieba's dictionary before timing

    def spacy_jieba(text: str) -> None:
        for _doc in nlp.pipe([text]):
            pass

    def posseg(text: str) -> None:
        for _pair in jieba.posseg.cut(text):
            pass

    return [
        time_boxed("spaCy zh + jieba tokenizer (nlp.pipe)", texts, spacy_jieba, budget),
        time_boxed("jieba.posseg.cut (POS tags)", texts, posseg, budget),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--one", nargs=3, metavar=("FOLDER", "JOBS", "STORE"), help=argparse.SUPPRESS)
    parser.add_argument("--scale", type=int, default=10, help="copies for the scaled corpus (1: skip it)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--peer-seconds", type=float, default=60.0, help="time box per peer")
    parser.add_argument("--peers-only", action="store_true")
    parser.add_argument("--no-peers", action="store_true")
    args = parser.parse_args()
    if args.one:
        run_one(args.one[0], int(args.one[1]), args.one[2])
        return

    bench = corpus_dir()
    if not bench.is_dir():
        raise SystemExit(f"{bench}: bench corpus not found (set LAWGRAPH_CORPUS)")
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    rows: list[dict[str, Any]] = []
    if not args.peers_only:
        tmp = Path(tempfile.mkdtemp(prefix="lawgraph-bench-corpus-"))
        try:
            corpora = [("bench", bench)]
            if args.scale > 1:
                corpora.append((f"bench x{args.scale}", make_scaled(bench, tmp / "scaled", args.scale)))
            for label, folder in corpora:
                size = corpus_bytes(folder)
                count = len(list(folder.glob("*.txt")))
                for jobs in args.jobs:
                    r = measure_build(folder, jobs)
                    r.update(corpus=label, reports=count, size=size)
                    rows.append(r)
                    print(
                        f"{label:>10} jobs={jobs}: {r['built']}/{count} built, {len(r['failed'])} failed, "
                        f"{r['duplicates']} duplicates, "
                        f"{size / 1e6 / r['wall']:.2f} MB/s, {count / r['wall']:.1f} reports/s, "
                        f"{r['quads'] / r['wall']:,.0f} quads/s, {r['wall']:.1f} s, "
                        f"peak RSS {r['peak_rss'] / 2**20:,.0f} MiB, "
                        f"store {r['store_bytes'] / 2**20:,.0f} MiB (compacting {r['compact_seconds']:.1f} s); "
                        f"{r['cpu']:.1f} CPU-s = {size / 1e6 / r['cpu']:.2f} MB per CPU-second; "
                        f"load average {r['load'][0]:.1f} -> {r['load'][1]:.1f}",
                        flush=True,
                    )
                    for path, reason in r["failed"]:
                        print(f"    failed: {path}: {reason}")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    peers = [] if args.no_peers else measure_peers(bench, args.peer_seconds)
    for p in peers:
        note = f" (time-boxed: {p['texts']}/{p['of']} texts, extrapolated)" if p["sampled"] else ""
        print(f"peer {p['peer']}: {p['MB/s']:.3f} MB/s, {p['MB/CPU-s']:.3f} MB per CPU-second{note}")
    by_jobs = {(r["corpus"], r["jobs"]): r for r in rows}
    for label in sorted({r["corpus"] for r in rows}):
        one, two = by_jobs.get((label, 1)), by_jobs.get((label, 2))
        if one and two:
            print(f"{label}: speed-up with 2 jobs: {one['wall'] / two['wall']:.2f}x")
        if one:
            ours = one["size"] / 1e6 / one["wall"]
            ours_cpu = one["size"] / 1e6 / one["cpu"]
            for p in peers:
                print(
                    f"{label}: ours (jobs 1) / {p['peer']}: {ours / p['MB/s']:.2f}x wall, "
                    f"{ours_cpu / p['MB/CPU-s']:.2f}x per CPU-second"
                )
    print(json.dumps({"builds": rows, "peers": peers}, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
