"""Benchmark lawgraph's saved queries: Oxigraph store vs rdflib's in-memory SPARQL, and a ~1M-triple store.

Not part of the test run (pytest only collects tests/ and src/lawgraph). Run it as a plain script:

    .venv/bin/python bench/bench_query.py --corpus ../shared/corpus/bench --scale 10 --write bench/RESULTS.md
    .venv/bin/python bench/bench_query.py --source store/            # a store or RDF file you built
    .venv/bin/python bench/bench_query.py --synthetic 141 --scale 10 # no pipeline needed

What it does, in one run:

1. The base graph (1x): ``--corpus DIR`` is built with lawgraph's corpus build into a fresh store;
   ``--source`` is read as is; ``--synthetic N`` generates N reports after the graph model of
   docs/DESIGN.md (made-up sentences, for when the extraction pipeline is not available).
2. Every saved query (``lawgraph query --list``; a fallback set when none are installed) runs on that graph
   in lawgraph's store (pyoxigraph, union default graph) and in plain rdflib (``Dataset(default_union=True)``,
   in memory), with the same prefixes. Median latency per query and the ratio rdflib / Oxigraph are printed.
3. The workload: each saved query over ``--workload`` parameter values drawn from the data with a fixed
   seed (any organization that takes part in an action, any observation's counted phrase, any report file,
   each equally likely), on the same three engines. The 1x table shows each query at its heaviest
   parameter; this one shows what a user picking a value they have seen gets: p50, p90 and max across the
   values, and the ratio of the p50s.
4. The graph is replicated ``--scale`` times (each copy's report graphs get their own report-scoped IRIs,
   entities stay shared, as a larger corpus of different reports would) into a store, and every saved query
   is timed again there (Oxigraph only: rdflib would take minutes per query).
5. The commands (``--phases commands``, a store folder as ``--source``): ``lawgraph stats``, ``lawgraph viz``
   (default cut), ``viz --focus`` on the busiest body, a typical one and a name that is nowhere, and
   ``lawgraph query --saved organization-actions`` on disk and from memory, each run end to end in a fresh
   process (median wall time and CPU time of ``--command-repeats`` runs). With ``--peer-src DIR`` (the
   ``src`` folder of another lawgraph checkout, for example the commit before a change) the same commands
   run on that code too and stand beside ours; ``--check-same`` also compares their ``stats --json``.

``--skip-rdflib`` leaves rdflib out of the 1x and workload phases (it needs a minute to load the bench
store and up to a minute per query).
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import platform
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from lawgraph.namespaces import (
    ACT,
    DCTERMS,
    FOAF,
    ITSRDF,
    LG,
    NIF,
    ONTOLOGY_GRAPH,
    ORG,
    PREFIXES,
    PROV,
    QB,
    RDF,
    SDMX_ATTRIBUTE,
    SDMX_DIMENSION,
    SDMX_MEASURE,
    SDO,
    SKOS,
    STORE_GRAPH,
    XSD,
    resource_iri,
)
from lawgraph.query import run_query
from lawgraph.store import compact, open_oxigraph, read_source

FALLBACK_QUERIES: dict[str, str] = {
    "orgs-by-class": """
SELECT ?class (COUNT(DISTINCT ?o) AS ?n) WHERE {
  ?o a org:Organization , ?class . FILTER(?class != org:Organization) }
GROUP BY ?class ORDER BY DESC(?n)""",
    "actions-by-type": """
SELECT ?type (COUNT(?a) AS ?n) WHERE { ?a a prov:Activity ; lg:actionType ?type }
GROUP BY ?type ORDER BY DESC(?n)""",
    "top-agents": """
SELECT ?label (COUNT(?a) AS ?n) WHERE { ?a prov:wasAssociatedWith ?org . ?org skos:prefLabel ?label }
GROUP BY ?label ORDER BY DESC(?n) LIMIT 20""",
    "indicators-by-unit": """
SELECT ?unit (COUNT(?obs) AS ?n) (SUM(?v) AS ?total) WHERE {
  ?obs a qb:Observation ; sdmx-measure:obsValue ?v ; sdmx-attribute:unitMeasure ?unit }
GROUP BY ?unit ORDER BY DESC(?n)""",
    "action-evidence": """
SELECT ?verb ?text WHERE { ?a a prov:Activity ; lg:verb ?verb ; lg:evidence ?s . ?s nif:anchorOf ?text .
  FILTER(CONTAINS(STR(?verb), "建立")) } LIMIT 50""",
    "reports-per-year": """
SELECT ?year (COUNT(?r) AS ?n) WHERE { ?r a lg:Report ; lg:reportYear ?year }
GROUP BY ?year ORDER BY ?year""",
    "partners": """
SELECT ?a_label ?b_label (COUNT(?act) AS ?n) WHERE {
  ?act prov:wasAssociatedWith ?a ; lg:partner ?b . ?a skos:prefLabel ?a_label . ?b skos:prefLabel ?b_label }
GROUP BY ?a_label ?b_label ORDER BY DESC(?n) LIMIT 20""",
}


# --- queries -----------------------------------------------------------------------------------------


def saved_queries() -> tuple[dict[str, str], str]:
    """The saved queries and where they came from."""
    try:
        from lawgraph import queries

        out = {}
        for item in queries.list_saved():
            name = item if isinstance(item, str) else item.name
            loaded = queries.load_saved(name)
            out[name] = loaded if isinstance(loaded, str) else (getattr(loaded, "text", None) or loaded.query)
        if out:
            return out, "saved queries (lawgraph.queries)"
    except (ImportError, AttributeError):
        pass
    return dict(FALLBACK_QUERIES), "fallback queries in bench_query.py (no saved queries installed)"


# --- data ----------------------------------------------------------------------------------------------

_ORG_KINDS = [
    ("人民政府", LG.GovernmentBody),
    ("司法局", LG.JusticeAdministration),
    ("人民法院", LG.Court),
    ("人民检察院", LG.Procuratorate),
    ("公安局", LG.PublicSecurityOrgan),
    ("市场监督管理局", LG.GovernmentBody),
    ("生态环境局", LG.GovernmentBody),
    ("依法治县委员会", LG.Committee),
]
_PLACES = ["东川", "西岭", "南坪", "北塘", "青石", "白水", "红山", "金沙", "玉泉", "松涛", "柳湾", "桃源"]
_VERBS = [
    ("建立", "establish"),
    ("印发", "issue"),
    ("开展", "carryOut"),
    ("推进", "promote"),
    ("完善", "improve"),
    ("组织", "organize"),
    ("办理", "handle"),
    ("审查", "review"),
]
_THINGS = ["行政复议案件", "法律援助案件", "普法活动", "合法性审查", "执法检查", "人民调解案件"]
_UNITS = ["件", "次", "项", "场", "%"]


def _n(iri: Any) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def _lit(value: str, *, lang: str | None = None, dt: Any = None) -> ox.Literal:
    if lang:
        return ox.Literal(value, language=lang)
    if dt is not None:
        return ox.Literal(value, datatype=_n(dt))
    return ox.Literal(value)


def synthetic_quads(n_reports: int, *, seed: int = 7) -> Iterator[ox.Quad]:
    """Reports after docs/DESIGN.md's graph model, with made-up sentences and a shared entity pool."""
    rng = random.Random(seed)
    orgs = []
    for place in _PLACES:
        for suffix, cls in _ORG_KINDS:
            name = f"{place}县{suffix}"
            node = _n(resource_iri("org", name))
            orgs.append((node, name))
            yield ox.Quad(node, _n(RDF.type), _n(ORG.Organization))
            yield ox.Quad(node, _n(RDF.type), _n(cls))
            yield ox.Quad(node, _n(SKOS.prefLabel), _lit(name, lang="zh"))
            yield ox.Quad(node, _n(SKOS.altLabel), _lit(f"县{suffix}", lang="zh"))
    places = []
    for place in _PLACES:
        node = _n(resource_iri("place", place + "县"))
        places.append(node)
        yield ox.Quad(node, _n(RDF.type), _n(SDO.AdministrativeArea))
        yield ox.Quad(node, _n(RDF.type), _n(LG.County))
        yield ox.Quad(node, _n(SKOS.prefLabel), _lit(place + "县", lang="zh"))
    docs = []
    for i in range(200):
        title = f"{rng.choice(_PLACES)}县{rng.choice(_THINGS)}管理办法（第{i}号）"
        node = _n(resource_iri("doc", title))
        docs.append(node)
        yield ox.Quad(node, _n(RDF.type), _n(FOAF.Document))
        yield ox.Quad(node, _n(RDF.type), _n(LG.PolicyDocument))
        yield ox.Quad(node, _n(DCTERMS.title), _lit(title, lang="zh"))
    for r in range(n_reports):
        sha = f"synthetic-{seed}-{r}"
        rep = _n(resource_iri("report", sha))
        ctx = _n(resource_iri("text", sha))
        g = rep
        issuer, issuer_name = orgs[rng.randrange(len(orgs))]
        year = str(2019 + r % 5)
        sentences = []
        for _ in range(150):
            verb, _typ = rng.choice(_VERBS)
            agent = rng.choice(orgs)[1]
            sentences.append(f"{agent}{verb}{rng.choice(_THINGS)}{rng.randint(1, 999)}{rng.choice(_UNITS)}。")
        text = "".join(sentences)
        yield from (
            ox.Quad(rep, _n(RDF.type), _n(FOAF.Document), g),
            ox.Quad(rep, _n(RDF.type), _n(LG.Report), g),
            ox.Quad(
                rep, _n(DCTERMS.title), _lit(f"{issuer_name}{year}年法治政府建设情况的报告", lang="zh"), g
            ),
            ox.Quad(rep, _n(DCTERMS.creator), issuer, g),
            ox.Quad(rep, _n(LG.reportYear), _lit(year, dt=XSD.gYear), g),
            ox.Quad(rep, _n(LG.sha256), _lit(sha), g),
            ox.Quad(rep, _n(LG.text), ctx, g),
            ox.Quad(rep, _n(LG.fileName), _lit(f"{sha}.txt"), g),
            ox.Quad(ctx, _n(RDF.type), _n(NIF.Context), g),
            ox.Quad(ctx, _n(NIF.isString), _lit(text), g),
        )
        begin = 0
        for si, sentence in enumerate(sentences):
            end = begin + len(sentence)
            sent = _n(resource_iri("sentence", sha, str(begin), str(end)))
            yield from (
                ox.Quad(sent, _n(RDF.type), _n(NIF.Sentence), g),
                ox.Quad(sent, _n(NIF.anchorOf), _lit(sentence), g),
                ox.Quad(sent, _n(NIF.beginIndex), _lit(str(begin), dt=XSD.nonNegativeInteger), g),
                ox.Quad(sent, _n(NIF.endIndex), _lit(str(end), dt=XSD.nonNegativeInteger), g),
                ox.Quad(sent, _n(NIF.referenceContext), ctx, g),
            )
            agent = rng.choice(orgs)[0]
            for k in range(2):
                m = _n(resource_iri("mention", sha, str(begin + k), str(end)))
                yield from (
                    ox.Quad(m, _n(RDF.type), _n(NIF.Phrase), g),
                    ox.Quad(m, _n(NIF.anchorOf), _lit(sentence[:6]), g),
                    ox.Quad(m, _n(NIF.referenceContext), ctx, g),
                    ox.Quad(m, _n(NIF.sentence), sent, g),
                    ox.Quad(m, _n(ITSRDF.taIdentRef), agent if k == 0 else rng.choice(places), g),
                )
            verb, typ = _VERBS[si % len(_VERBS)]
            act = _n(resource_iri("action", sha, str(begin), str(end), verb))
            yield from (
                ox.Quad(act, _n(RDF.type), _n(PROV.Activity), g),  # lean, as facts_to_quads: no lg:Action
                ox.Quad(act, _n(LG.actionType), _n(ACT[typ]), g),
                ox.Quad(act, _n(LG.verb), _lit(verb, lang="zh"), g),
                ox.Quad(act, _n(PROV.wasAssociatedWith), agent, g),
                ox.Quad(act, _n(LG.evidence), sent, g),
                ox.Quad(act, _n(LG.inReport), rep, g),
            )
            if si % 3 == 0:
                yield ox.Quad(act, _n(LG.partner), rng.choice(orgs)[0], g)
            if si % 4 == 0:
                yield ox.Quad(act, _n(PROV.used), rng.choice(docs), g)
            if si % 3 == 1:
                obs = _n(resource_iri("obs", sha, str(begin), str(end)))
                yield from (
                    ox.Quad(obs, _n(RDF.type), _n(QB.Observation), g),
                    ox.Quad(obs, _n(RDF.type), _n(LG.Indicator), g),
                    ox.Quad(obs, _n(QB.dataSet), _n(resource_iri("dataset", sha)), g),
                    ox.Quad(
                        obs, _n(SDMX_MEASURE.obsValue), _lit(str(rng.randint(1, 999)), dt=XSD.decimal), g
                    ),
                    ox.Quad(obs, _n(SDMX_ATTRIBUTE.unitMeasure), _lit(rng.choice(_UNITS)), g),
                    ox.Quad(obs, _n(LG.countedPhrase), _lit(rng.choice(_THINGS), lang="zh"), g),
                    ox.Quad(obs, _n(LG.reportingOrganization), agent, g),
                    ox.Quad(obs, _n(SDMX_DIMENSION.refPeriod), _lit(year, dt=XSD.gYear), g),
                    ox.Quad(obs, _n(LG.fromAction), act, g),
                    ox.Quad(obs, _n(LG.evidence), sent, g),
                )
            begin = end


_REPORT_SCOPED = re.compile(
    r"^https://w3id\.org/lawgraph/id/(report|text|section|sentence|mention|action|obs|dataset)/"
)


def replicate(source: ox.Store, target: ox.Store, copies: int) -> int:
    """Load ``copies`` copies of ``source`` into ``target``: report-scoped IRIs get a per-copy suffix.

    Entities (organizations, places, documents, initiatives) and the default graph stay shared, as they
    would in a larger corpus of different reports.
    """

    def rename(term: Any, k: int) -> Any:
        if k and isinstance(term, ox.NamedNode) and _REPORT_SCOPED.match(term.value):
            return ox.NamedNode(f"{term.value}-{k}")
        return term

    book = ox.NamedNode(str(STORE_GRAPH))
    ontology = ox.NamedNode(str(ONTOLOGY_GRAPH))
    total = 0
    for k in range(copies):
        batch = []
        for q in source:
            if q.graph_name == book:
                continue
            if isinstance(q.graph_name, ox.DefaultGraph) or q.graph_name == ontology:
                if k:
                    continue
                batch.append(q)
                continue
            batch.append(
                ox.Quad(rename(q.subject, k), q.predicate, rename(q.object, k), rename(q.graph_name, k))
            )
        target.bulk_extend(batch)
        total += len(batch)
    return total


def build_corpus_store(corpus: Path, path: Path, jobs: int) -> ox.Store:
    from lawgraph.corpus import build_corpus

    started = time.perf_counter()
    summary = build_corpus([corpus], store=str(path), jobs=jobs)
    seconds = time.perf_counter() - started
    print(
        f"built {corpus}: {summary.built} reports, {len(summary.failures)} failures, {summary.quads} quads, "
        f"{seconds:.1f} s",
        flush=True,
    )
    if summary.failures and not summary.built:
        raise SystemExit(f"the corpus build failed: {summary.failures[0]}")
    gc.collect()
    return open_oxigraph(path, read_only=True)


# --- timing ------------------------------------------------------------------------------------------


def timed(fn: Callable[[], Any], *, repeats: int, budget: float) -> tuple[float, int]:
    """Median seconds of ``fn`` over ``repeats`` runs (fewer when one run exceeds ``budget``), and a result
    size."""
    times = []
    size = 0
    for _ in range(repeats):
        started = time.perf_counter()
        size = fn()
        times.append(time.perf_counter() - started)
        if sum(times) > budget:
            break
    return statistics.median(times), size


def timed_both(fn: Callable[[], Any], *, repeats: int, budget: float) -> tuple[float, float, int]:
    """Median wall seconds and median CPU seconds of ``fn`` (CPU time is what a busy machine does not
    inflate: on a machine shared with other work, wall time grows with the load), and a result size."""
    walls, cpus = [], []
    size = 0
    for _ in range(repeats):
        started, cpu = time.perf_counter(), time.process_time()
        size = fn()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
        if sum(walls) > budget:
            break
    return statistics.median(walls), statistics.median(cpus), size


class _Timeout(Exception):
    pass


def timed_rdflib(fn: Callable[[], Any], *, repeats: int, limit: float) -> tuple[float, int, bool]:
    """Like :func:`timed` for rdflib, whose pure-Python evaluation a SIGALRM can stop: a run that passes
    ``limit`` seconds is stopped and counted as ``limit`` (the ratio is then a lower bound)."""
    import signal

    def alarm(signum: int, frame: Any) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, alarm)
    times, size, cut = [], 0, False
    try:
        for _ in range(repeats):
            started = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, limit)
            try:
                size = fn()
            except _Timeout:
                cut = True
                times.append(limit)
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            times.append(time.perf_counter() - started)
            if sum(times) > limit:
                break
    finally:
        signal.signal(signal.SIGALRM, previous)
    return statistics.median(times), size, cut


_DISK_RUNNER = """
import json, sys, time
import pyoxigraph as ox
from lawgraph.query import run_query
store = ox.Store.read_only(sys.argv[1])
text, repeats = sys.stdin.read(), int(sys.argv[2])
times, rows = [], 0
for _ in range(repeats):
    t0 = time.perf_counter()
    result = run_query(store, text)
    rows = sum(1 for _ in result) if not isinstance(result, ox.QueryBoolean) else 1
    times.append(time.perf_counter() - t0)
    print(json.dumps({"times": times, "rows": rows}), flush=True)
"""


def timed_on_disk(path: Path, text: str, *, repeats: int, limit: float) -> tuple[list[float], int, bool]:
    """Run a query on a store folder in a child process (killed after ``limit`` seconds): the run times
    (after one warm-up), the rows, and whether the limit cut it."""
    import json
    import subprocess

    proc = subprocess.Popen(
        [sys.executable, "-c", _DISK_RUNNER, str(path), str(repeats + 1)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        out, _ = proc.communicate(text, timeout=limit)
        cut = False
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        cut = True
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    if not lines:
        return [limit], 0, True
    last = lines[-1]
    times = last["times"][1:] or last["times"]
    return times, int(last["rows"]), cut


def oxigraph_runner(store: ox.Store, text: str) -> Callable[[], int]:
    def run() -> int:
        result = run_query(store, text)
        return sum(1 for _ in result) if not isinstance(result, ox.QueryBoolean) else 1

    return run


def rdflib_runner(ds: Any, text: str) -> Callable[[], int]:
    ns = dict(PREFIXES)

    def run() -> int:
        result = ds.query(text, initNs=ns)
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return len(result.graph)
        if result.type == "ASK":
            return 1
        return sum(1 for _ in result)

    return run


def to_rdflib(store: ox.Store) -> Any:
    """An in-memory rdflib Dataset with the same quads (via N-Quads), default graph = union."""
    from rdflib import Dataset

    book = ox.NamedNode(str(STORE_GRAPH))
    data = ox.serialize((q for q in store if q.graph_name != book), format=ox.RdfFormat.N_QUADS)
    ds = Dataset(default_union=True)
    ds.parse(data=data, format="nquads")
    return ds


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f", {int(line.split()[1]) / 1024 / 1024:.1f} GiB RAM"
    except OSError:
        pass
    import rdflib

    return (
        f"{cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; "
        f"pyoxigraph {ox.__version__ if hasattr(ox, '__version__') else '?'}, "
        f"rdflib {rdflib.__version__}"
    )


def bind_saved(store: ox.Store, queries: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Give each saved query's parameters a realistic value from the data (the same text runs everywhere)."""
    from lawgraph.query import bind_params, parse_params

    try:
        from lawgraph.queries import saved_params
    except ImportError:
        return queries, []
    probes = {
        "org_label": "SELECT ?v WHERE { ?a prov:wasAssociatedWith ?o . ?o skos:prefLabel ?v } "
        "GROUP BY ?v ORDER BY DESC(COUNT(?a)) LIMIT 1",
        "phrase": "SELECT ?v WHERE { ?obs lg:countedPhrase ?v } "
        "GROUP BY ?v ORDER BY DESC(COUNT(?obs)) LIMIT 1",
        "report_file": "SELECT ?v WHERE { ?r lg:fileName ?v } ORDER BY ?v LIMIT 1",
    }
    out, notes = {}, []
    for name, text in queries.items():
        try:
            params = saved_params(name)
        except Exception:
            params = ()
        values = {}
        for param in params:
            probe = probes.get(param)
            rows = list(run_query(store, probe)) if probe else []
            if rows:
                values[param] = rows[0]["v"].value
        if values:
            text = bind_params(text, parse_params(values))
            notes.append(f"{name}: " + ", ".join(f"{k}={v}" for k, v in values.items()))
        out[name] = text
    return out, notes


_WORKLOAD_PROBES = {
    # any organization that takes part in an action, each equally likely
    "org_label": "SELECT DISTINCT ?v WHERE { ?a prov:wasAssociatedWith|lg:partner|lg:actedOn|prov:used ?o . "
    "?o a org:Organization ; skos:prefLabel ?v }",
    # the counted phrase of an observation, each observation equally likely (common phrases come up more)
    "phrase": "SELECT ?v WHERE { ?obs lg:countedPhrase ?v }",
    "report_file": "SELECT DISTINCT ?v WHERE { ?r lg:fileName ?v }",
}


def workload(store: ox.Store, queries: dict[str, str], size: int, *, seed: int = 7) -> dict[str, list[str]]:
    """Each saved query bound to ``size`` parameter values drawn from the data with a fixed seed: what a
    user who picks an organization, a phrase or a report they have seen would run. A query without
    parameters is its one text."""
    from lawgraph.query import bind_params, parse_params

    try:
        from lawgraph.queries import saved_params
    except ImportError:
        return {name: [text] for name, text in queries.items()}
    rng = random.Random(seed)
    pools: dict[str, list[str]] = {}
    out: dict[str, list[str]] = {}
    for name, text in queries.items():
        params = saved_params(name)
        if not params:
            out[name] = [text]
            continue
        draws: list[dict[str, str]] = [{} for _ in range(size)]
        for param in params:
            if param not in pools:
                rows = run_query(store, _WORKLOAD_PROBES[param]) if param in _WORKLOAD_PROBES else []
                pools[param] = sorted(row["v"].value for row in rows)
            pool = pools[param]
            for draw in draws:
                if pool:
                    draw[param] = rng.choice(pool)
        out[name] = [bind_params(text, parse_params(draw)) for draw in draws if draw]
    return out


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values``, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def run_workload(
    say: Callable[[str], None],
    disk: ox.Store,
    mem: ox.Store,
    ds: Any,
    texts: dict[str, list[str]],
    *,
    repeats: int,
    rdflib_limit: float,
) -> None:
    """Time every query over its workload on the three engines and print p50, p90 and max across it.

    Each parameter value counts once: its latency is the median of ``repeats`` runs after a warm-up on
    Oxigraph, and one run on rdflib (stopped at ``rdflib_limit`` seconds, which then counts as the limit).
    """
    size = max(len(items) for items in texts.values())
    say(f"## Workload: each query over up to {size} parameter values drawn from the data (seed 7)\n")
    say(
        "A value's latency is the median of its runs; p50, p90 and max are taken across the values. "
        f'rdflib runs each value once, stopped at {rdflib_limit:g} s (">": some runs were stopped).\n'
    )
    say(
        "| query | values | rows (min-max) | store p50 / p90 / max ms | store CPU p50 ms | "
        "memory p50 / p90 / max ms | rdflib p50 ms | rdflib / store p50 | rdflib / memory p50 |"
    )
    say("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    ratios_disk, ratios_mem, over_disk, over_mem, over_cpu = [], [], [], [], []
    for name, items in texts.items():
        disk_s, disk_cpu, mem_s, rdf_s, rows, cut_any = [], [], [], [], [], False
        for text in items:
            oxd, oxm = oxigraph_runner(disk, text), oxigraph_runner(mem, text)
            oxd(), oxm()  # warm up
            d, d_cpu, n = timed_both(oxd, repeats=repeats, budget=30)
            m, _ = timed(oxm, repeats=repeats, budget=30)
            disk_cpu.append(d_cpu)
            if ds is None:
                r, cut = math.nan, False
            else:
                r, _, cut = timed_rdflib(rdflib_runner(ds, text), repeats=1, limit=rdflib_limit)
            disk_s.append(d)
            mem_s.append(m)
            rdf_s.append(r)
            rows.append(n)
            cut_any = cut_any or cut
        d50, m50, r50 = (statistics.median(x) for x in (disk_s, mem_s, rdf_s))
        c50 = statistics.median(disk_cpu)
        if ds is not None:
            ratios_disk.append(r50 / d50)
            ratios_mem.append(r50 / m50)
        if d50 > 0.2:
            over_disk.append(name)
        if c50 > 0.2:
            over_cpu.append(name)
        if m50 > 0.2:
            over_mem.append(name)
        more = ">" if cut_any else ""

        def cells(values: list[float]) -> str:
            return " / ".join(
                f"{v * 1000:.1f}" for v in (statistics.median(values), percentile(values, 0.9), max(values))
            )

        rdflib = (
            f"{more}{r50 * 1000:.0f} | {more}{r50 / d50:.0f}x | {more}{r50 / m50:.0f}x"
            if ds is not None
            else "– | – | –"
        )
        say(
            f"| {name} | {len(items)} | {min(rows)}-{max(rows)} | {cells(disk_s)} | {c50 * 1000:.1f} | "
            f"{cells(mem_s)} | {rdflib} |"
        )
    if ratios_disk:
        say(
            "\nMedian speed-up over rdflib on the workload: "
            f"**{statistics.median(ratios_disk):.0f}x** for the "
            f"on-disk store, **{statistics.median(ratios_mem):.0f}x** in memory (target >= 30x)."
        )
    over = {"on disk": over_disk, "on disk, CPU time": over_cpu, "in memory": over_mem}
    say(
        "p50 over 200 ms (target <= 200 ms): "
        + "; ".join(f"{where} {', '.join(names) or 'none'}" for where, names in over.items())
        + ".\n"
    )


# --- the commands, end to end ------------------------------------------------------------------------


def run_command(args: list[str], *, src: Path | None, repeats: int) -> tuple[float, float, int, str]:
    """Run ``python -m lawgraph ARGS`` ``repeats`` times in fresh processes (with ``src`` first on the path
    when given): median wall seconds, median CPU seconds (user + system of the child), the exit code and
    the last line it printed."""
    import resource
    import subprocess

    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src) + os.pathsep + env.get("PYTHONPATH", "")
    walls, cpus, code, last = [], [], 0, ""
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "lawgraph", *args], env=env, capture_output=True, text=True
        )
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        code = done.returncode
        lines = (done.stdout.strip() or done.stderr.strip()).splitlines()
        last = lines[-1] if lines else ""
    return statistics.median(walls), statistics.median(cpus), code, last


def _bodies(store: ox.Store) -> tuple[str, str]:
    """The busiest body (the agent of the most actions) and a typical one: the median, by actions, of the
    bodies whose actions reach another body, place, document or initiative (an edge in the view)."""
    busiest = run_query(
        store,
        "SELECT ?v (COUNT(?a) AS ?n) WHERE { ?a prov:wasAssociatedWith ?o . "
        "?o a org:Organization ; skos:prefLabel ?v } GROUP BY ?v ORDER BY DESC(?n) ?v LIMIT 1",
    )
    rows = [
        (int(row["n"].value), row["v"].value)
        for row in run_query(
            store,
            "SELECT ?v (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a prov:wasAssociatedWith ?o ; "
            "prov:generated|lg:actedOn|lg:partner|prov:used ?x . FILTER(?x != ?o) "
            "?o a org:Organization ; skos:prefLabel ?v } GROUP BY ?v",
        )
    ]
    rows.sort(key=lambda nv: (-nv[0], nv[1]))
    return next(iter(busiest))["v"].value, rows[len(rows) // 2][1]


def run_commands(
    say: Callable[[str], None],
    source: Path,
    store: ox.Store,
    *,
    peer_src: Path | None,
    repeats: int,
    check_same: bool,
) -> None:
    """Time the commands over a store folder end to end, beside ``peer_src``'s when given."""
    import json
    import subprocess

    if not source.is_dir():
        say("The commands phase needs a store folder as --source; skipped.\n")
        return
    busiest, typical = _bodies(store)
    out = Path(tempfile.mkdtemp(prefix="lawgraph-commands-"))
    commands = [
        ("stats --json", ["stats", str(source), "--json"]),
        ("viz (default cut, 300 nodes)", ["viz", str(source), "-o", str(out / "viz.html")]),
        (
            f"viz --focus {busiest} (busiest)",
            ["viz", str(source), "-o", str(out / "a.html"), "--focus", busiest],
        ),
        (
            f"viz --focus {typical} (typical)",
            ["viz", str(source), "-o", str(out / "b.html"), "--focus", typical],
        ),
        (
            "viz --focus 没有这个机关 (no such name)",
            ["viz", str(source), "-o", str(out / "c.html"), "--focus", "没有这个机关"],
        ),
        (
            "query --saved organization-actions (busiest) --disk",
            [
                "query",
                str(source),
                "--saved",
                "organization-actions",
                "--param",
                f"org_label={busiest}",
                "-f",
                "tsv",
                "--disk",
            ],
        ),
        (
            "query --saved organization-actions (busiest) --memory",
            [
                "query",
                str(source),
                "--saved",
                "organization-actions",
                "--param",
                f"org_label={busiest}",
                "-f",
                "tsv",
                "--memory",
            ],
        ),
    ]
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    say(f"## Commands over the store, end to end ({repeats} runs each, median; load average {load})\n")
    say(
        "Each command runs in a fresh process (`python -m lawgraph ...`): wall time and CPU time (user +"
        " system) include start-up, reading the store and writing the output.\n"
    )
    head = "| command | ours: wall s | ours: CPU s | exit |"
    rule = "| --- | ---: | ---: | ---: |"
    if peer_src is not None:
        head += " peer: wall s | peer: CPU s | peer exit |"
        rule += " ---: | ---: | ---: |"
    say(head)
    say(rule)
    for name, args in commands:
        wall, cpu, code, _last = run_command(args, src=None, repeats=repeats)
        cells = f"| {name} | {wall:.2f} | {cpu:.2f} | {code} |"
        if peer_src is not None:
            if "--memory" in args:
                cells += (
                    " – | – | – |"  # a peer before --memory/--disk queried a store on disk: the row above
                )
            else:
                # The peer's stats and viz read the whole store (tens of seconds): one run is enough.
                runs = 1 if name.startswith(("stats", "viz")) else repeats
                peer_args = [a for a in args if a != "--disk"]
                pw, pc, pcode, _ = run_command(peer_args, src=peer_src, repeats=runs)
                cells += f" {pw:.2f} | {pc:.2f} | {pcode} |"
        say(cells)
    say(
        f"\nBusiest body: {busiest}; typical body: {typical}. Load average after: "
        f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}.\n"
    )
    # Betweenness of the entities view, as stats computes it: ours (numpy) beside networkx's own.
    import networkx as nx

    from lawgraph.analysis import read_outline
    from lawgraph.analysis.centrality import betweenness

    outline = read_outline(store)
    nodes = list(outline.kinds)
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from(outline.pairs)
    sample = min(300, len(nodes))
    cpu = time.process_time()
    ours = betweenness(nodes, outline.pairs, k=sample, seed=0)
    ours_cpu = time.process_time() - cpu
    cpu = time.process_time()
    theirs = nx.betweenness_centrality(simple, k=sample, seed=0)
    theirs_cpu = time.process_time() - cpu
    diff = max(abs(ours[n] - theirs[n]) for n in nodes)
    say(
        f"Betweenness of the entities view ({len(nodes):,} nodes, {simple.number_of_edges():,} links, "
        f"{sample} sources): lawgraph.analysis.centrality {ours_cpu:.2f} s CPU, networkx "
        f"{theirs_cpu:.2f} s CPU; largest difference {diff:.1e}.\n"
    )
    if check_same and peer_src is not None:
        ours = subprocess.run(
            [sys.executable, "-m", "lawgraph", "stats", str(source), "--json"], capture_output=True, text=True
        ).stdout
        env = dict(os.environ, PYTHONPATH=str(peer_src))
        theirs = subprocess.run(
            [sys.executable, "-m", "lawgraph", "stats", str(source), "--json"],
            capture_output=True,
            text=True,
            env=env,
        ).stdout
        same = json.loads(ours) == json.loads(theirs)
        say(f"`stats --json` of ours and the peer's: {'identical' if same else 'DIFFERENT'}.\n")
    shutil.rmtree(out, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--corpus", type=Path, help="a folder of reports to build (e.g. ../shared/corpus/bench)"
    )
    source.add_argument("--source", type=Path, help="an existing store folder or RDF file")
    source.add_argument("--synthetic", type=int, metavar="N", help="generate N synthetic reports")
    parser.add_argument("--scale", type=int, default=10, help="copies for the large store (default 10)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="build processes")
    parser.add_argument("--repeats", type=int, default=7, help="runs per query on Oxigraph (median)")
    parser.add_argument("--rdflib-repeats", type=int, default=3, help="runs per query on rdflib (median)")
    parser.add_argument(
        "--rdflib-budget",
        type=float,
        default=120.0,
        help="seconds per query on rdflib; a run that passes it is stopped (ratio = lower bound)",
    )
    parser.add_argument(
        "--disk-limit",
        type=float,
        default=60.0,
        help="seconds per query on the large on-disk store (run in a child process)",
    )
    parser.add_argument(
        "--workload",
        type=int,
        default=15,
        metavar="K",
        help="parameter values per parametrised query in the workload phase (default 15)",
    )
    parser.add_argument(
        "--workload-rdflib-limit",
        type=float,
        default=30.0,
        metavar="S",
        help="seconds per workload run on rdflib; a longer run is stopped and counted as S",
    )
    parser.add_argument(
        "--phases",
        default="1x,workload,scale",
        help="what to run: 1x (each query at its heaviest parameter: store, memory, rdflib), "
        "workload (each query over --workload parameter values drawn from the data), "
        "scale (the --scale store), commands (stats, viz, query end to end; needs --source DIR); "
        "comma-separated",
    )
    parser.add_argument(
        "--skip-rdflib", action="store_true", help="leave rdflib out of the 1x and workload phases"
    )
    parser.add_argument(
        "--peer-src",
        type=Path,
        metavar="DIR",
        help="commands phase: also run the commands on the lawgraph in DIR (another checkout's src)",
    )
    parser.add_argument(
        "--command-repeats", type=int, default=3, help="runs per command in the commands phase"
    )
    parser.add_argument(
        "--check-same",
        action="store_true",
        help="commands phase: check that ours and the peer's stats --json are identical",
    )
    parser.add_argument("--write", type=Path, help="write the results as Markdown to this file")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="lawgraph-bench-"))
    lines: list[str] = []

    def say(text: str = "") -> None:
        print(text, flush=True)
        lines.append(text)

    def in_memory(store: ox.Store) -> ox.Store:
        mem = ox.Store()
        mem.bulk_extend(store)
        return mem

    try:
        if args.corpus:
            disk = build_corpus_store(args.corpus, work / "base", args.jobs)
            what = f"`{args.corpus}` built with `lawgraph.corpus.build_corpus` (jobs={args.jobs})"
        elif args.source:
            disk = read_source(args.source)
            what = f"`{args.source}`"
        else:
            disk = open_oxigraph(work / "base")
            disk.bulk_extend(synthetic_quads(args.synthetic))
            disk.flush()
            what = f"{args.synthetic} synthetic reports (bench_query.synthetic_quads; made-up sentences)"
        mem = in_memory(disk)
        saved, origin = saved_queries()
        queries, notes = bind_saved(mem, saved)
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        say(f"# Query benchmark\n\nMachine: {machine()}; load average at the start {load} (1, 5, 15 min)\n")
        say(f"Data: {what}; {len(mem):,} quads. Queries: {origin}.")
        if notes:
            say("Parameters bound (values taken from the data): " + "; ".join(notes) + ".")
        ds = None
        if "1x" in args.phases:
            if not args.skip_rdflib:
                started = time.perf_counter()
                ds = to_rdflib(mem)
                say(f"\nrdflib in-memory load of the same quads: {time.perf_counter() - started:.1f} s\n")

            say("## 1x: lawgraph's store (on disk), Oxigraph in memory, rdflib in memory: median latency\n")
            say(
                "| query | rows | store ms | store CPU ms | memory ms | rdflib ms "
                "| rdflib / store | rdflib / memory |"
            )
            say("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
            ratios_disk, ratios_mem = [], []
            for name, text in queries.items():
                oxd, oxm = oxigraph_runner(disk, text), oxigraph_runner(mem, text)
                oxd(), oxm()  # warm up
                d_s, d_cpu, rows = timed_both(oxd, repeats=args.repeats, budget=60)
                m_s, _ = timed(oxm, repeats=args.repeats, budget=60)
                if ds is None:
                    say(
                        f"| {name} | {rows} | {d_s * 1000:.1f} | {d_cpu * 1000:.1f} | "
                        f"{m_s * 1000:.1f} | – | – | – |"
                    )
                    continue
                rl_s, rl_rows, cut = timed_rdflib(
                    rdflib_runner(ds, text), repeats=args.rdflib_repeats, limit=args.rdflib_budget
                )
                ratios_disk.append(rl_s / d_s)
                ratios_mem.append(rl_s / m_s)
                flag = "" if cut or rows == rl_rows else f" (rdflib: {rl_rows})"
                more = ">" if cut else ""
                say(
                    f"| {name} | {rows}{flag} | {d_s * 1000:.1f} | {d_cpu * 1000:.1f} | {m_s * 1000:.1f} | "
                    f"{more}{rl_s * 1000:.0f} | {more}{rl_s / d_s:.0f}x | {more}{rl_s / m_s:.0f}x |"
                )
            say(f"\nLoad average after the 1x runs: {', '.join(f'{x:.2f}' for x in os.getloadavg())}.")
            if ratios_disk:
                say(
                    "\nMedian speed-up over rdflib: "
                    f"**{statistics.median(ratios_disk):.0f}x** for the on-disk store, "
                    f"**{statistics.median(ratios_mem):.0f}x** in memory (target >= 30x).\n"
                )
        if "workload" in args.phases:
            if ds is None and not args.skip_rdflib:
                ds = to_rdflib(mem)
            run_workload(
                say,
                disk,
                mem,
                ds,
                workload(mem, saved, args.workload),
                repeats=3,
                rdflib_limit=args.workload_rdflib_limit,
            )
        del ds
        gc.collect()
        if "commands" in args.phases and args.source:
            run_commands(
                say,
                args.source,
                disk,
                peer_src=args.peer_src,
                repeats=args.command_repeats,
                check_same=args.check_same,
            )

        if args.scale > 1 and "scale" in args.phases:
            big = open_oxigraph(work / "big")
            started = time.perf_counter()
            replicate(mem, big, args.scale)
            big.flush()
            load_s = time.perf_counter() - started
            started = time.perf_counter()
            compact(big)  # as every lawgraph store build ends
            compact_s = time.perf_counter() - started
            big_mem = ox.Store()
            replicate(mem, big_mem, args.scale)
            del mem
            gc.collect()
            say(
                f"## {args.scale}x: {len(big_mem):,} quads (on-disk store loaded in {load_s:.1f} s, "
                f"compacted in {compact_s:.1f} s, as a lawgraph build does)\n"
            )
            say(
                f"On disk, each query runs in a child process stopped after {args.disk_limit:g} s "
                f'(">" marks a cut: the times shown are those of the runs that finished, or the limit).\n'
            )
            say("| query | rows | store p50 ms | store max ms | memory p50 ms | memory max ms |")
            say("| --- | ---: | ---: | ---: | ---: | ---: |")
            worst_disk = worst_mem = 0.0
            big.flush()
            del big
            gc.collect()
            for name, text in queries.items():
                cells = []
                rows = 0
                times, rows, cut = timed_on_disk(
                    work / "big", text, repeats=args.repeats, limit=args.disk_limit
                )
                cells.append((statistics.median(times), max(times)))
                run = oxigraph_runner(big_mem, text)
                run()
                times = []
                for _ in range(args.repeats):
                    t0 = time.perf_counter()
                    rows = run()
                    times.append(time.perf_counter() - t0)
                cells.append((statistics.median(times), max(times)))
                mark = ">" if cut else ""
                worst_disk = max(worst_disk, cells[0][0])
                worst_mem = max(worst_mem, cells[1][0])
                say(
                    f"| {name} | {rows} | {mark}{cells[0][0] * 1000:.1f} | {mark}{cells[0][1] * 1000:.1f} | "
                    f"{cells[1][0] * 1000:.1f} | {cells[1][1] * 1000:.1f} |"
                )
            say(
                f"\nSlowest p50 at {args.scale}x: **{worst_disk * 1000:.0f} ms** on the on-disk store, "
                f"**{worst_mem * 1000:.0f} ms** in memory (target <= 200 ms on ~1M triples).\n"
            )
            del big_mem
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if args.write:
        cmd = " ".join(["python", "bench/bench_query.py", *(argv if argv is not None else sys.argv[1:])])
        args.write.write_text("\n".join(lines) + f"\nCommand: `{cmd}`\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
