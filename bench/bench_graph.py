"""How heavy the graph is, and that a leaner graph loses nothing a user queries (issue 15, deliver 2).

Not part of the test run. Usage::

    .venv/bin/lawgraph build ../shared/corpus/bench -o after.nq
    .venv/bin/python bench/bench_graph.py after.nq --corpus ../shared/corpus/bench --peer before.nq

For each N-Quads file (ours, and the peer: the same corpus built by another checkout, for example main):
quads, quads per KB of report text (KB = 1,000 bytes of the corpus's files), and the quads of each kind
(``rdf:type`` by class, every other predicate), ours beside the peer's.

With ``--peer``, every saved query (``lawgraph.queries``) runs on both graphs, in memory, over up to
``--values`` parameter values drawn from the peer's data with a fixed seed (the same texts on both sides),
and the rows are compared as multisets of their N-Triples terms: ``same`` or the first difference.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from lawgraph.query import bind_params, parse_params, run_query

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

# Any value a user could pick for a parameter: every organization that takes part in an action, every
# counted phrase, every report file.
PROBES = {
    "org_label": "SELECT DISTINCT ?v WHERE { ?a prov:wasAssociatedWith|lg:partner|lg:actedOn|prov:used ?o . "
                 "?o a org:Organization ; skos:prefLabel ?v }",
    "phrase": "SELECT DISTINCT ?v WHERE { ?obs lg:countedPhrase ?v }",
    "report_file": "SELECT DISTINCT ?v WHERE { ?r lg:fileName ?v }",
}


def kinds(path: Path) -> Counter[str]:
    """Quads of each kind in an N-Quads file: ``a CLASS`` for rdf:type, else the predicate."""
    counts: Counter[str] = Counter()
    with path.open("rb") as fh:
        for line in fh:
            parts = line.split(b" ", 3)
            pred = parts[1][1:-1].decode()
            counts[f"a {parts[2][1:-1].decode()}" if pred == RDF_TYPE else pred] += 1
    return counts


def short(iri: str) -> str:
    for prefix, ns in (("nif:", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"),
                       ("lg:", "https://w3id.org/lawgraph/ontology#"), ("prov:", "http://www.w3.org/ns/prov#"),
                       ("itsrdf:", "http://www.w3.org/2005/11/its/rdf#"), ("qb:", "http://purl.org/linked-data/cube#"),
                       ("sdmx-", "http://purl.org/linked-data/sdmx/2009/"), ("dcterms:", "http://purl.org/dc/terms/"),
                       ("skos:", "http://www.w3.org/2004/02/skos/core#"), ("org:", "http://www.w3.org/ns/org#"),
                       ("schema:", "https://schema.org/"), ("foaf:", "http://xmlns.com/foaf/0.1/")):
        iri = iri.replace(ns, prefix)
    return iri


def load(path: Path) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return store


def rows(store: ox.Store, text: str) -> Counter[tuple[str, ...]]:
    result = run_query(store, text)
    if isinstance(result, ox.QueryBoolean):
        return Counter({(str(bool(result)),): 1})
    names = [v.value for v in result.variables]
    return Counter(tuple(str(row[n]) if row[n] is not None else "" for n in names) for row in result)


def saved_texts(peer: ox.Store, values: int, seed: int = 7) -> dict[str, list[str]]:
    """Each saved query's texts: unbound, and bound to up to ``values`` values drawn from the peer."""
    from lawgraph.queries import list_saved, load_saved, saved_params

    rng = random.Random(seed)
    out: dict[str, list[str]] = {}
    for name in list_saved():
        text = load_saved(name)
        texts = [text]
        for param in saved_params(name):
            pool = sorted(row["v"].value for row in run_query(peer, PROBES[param])) if param in PROBES else []
            for value in rng.sample(pool, min(values, len(pool))):
                texts.append(bind_params(text, parse_params({param: value})))
        out[name] = texts
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path, help="our build of the corpus, N-Quads")
    parser.add_argument("--corpus", type=Path, required=True,
                        help="the corpus folder the graphs were built from")
    parser.add_argument("--peer", type=Path, help="the same corpus built by the peer, N-Quads")
    parser.add_argument("--values", type=int, default=25, help="parameter values per saved query")
    args = parser.parse_args(argv)

    kb = sum(p.stat().st_size for p in args.corpus.rglob("*") if p.is_file()) / 1000
    ours = kinds(args.graph)
    theirs = kinds(args.peer) if args.peer else Counter()
    total, peer_total = sum(ours.values()), sum(theirs.values())
    print(f"corpus: {args.corpus} ({kb:,.0f} KB)")
    print(f"ours: {total:,} quads, {total / kb:.1f} per KB (target <= 100)")
    if args.peer:
        print(f"peer: {peer_total:,} quads, {peer_total / kb:.1f} per KB; "
              f"ours / peer = {total / peer_total:.2f}")
    if not args.peer:
        print("\n| kind | quads | per KB |\n| --- | ---: | ---: |")
        for key, n in ours.most_common():
            print(f"| {short(key)} | {n:,} | {n / kb:.1f} |")
        return 0
    print("\n| kind | ours | peer | ours - peer |\n| --- | ---: | ---: | ---: |")
    for key in sorted(set(ours) | set(theirs), key=lambda k: -max(ours[k], theirs[k])):
        print(f"| {short(key)} | {ours[key]:,} | {theirs[key]:,} | {ours[key] - theirs[key]:+,} |")

    started = time.perf_counter()
    mine, peer = load(args.graph), load(args.peer)
    print(f"\nloaded both in {time.perf_counter() - started:.0f} s; saved queries, ours against the peer:\n")
    print("| query | texts | rows (peer, all texts) | same |\n| --- | ---: | ---: | --- |")
    failed = 0
    for name, texts in saved_texts(peer, args.values).items():
        n_rows, diff = 0, ""
        for text in texts:
            a, b = rows(mine, text), rows(peer, text)
            n_rows += sum(b.values())
            if a != b and not diff:
                only_ours, only_peer = a - b, b - a
                example = next(iter(only_ours or only_peer))
                diff = (f"DIFFERENT: {sum(only_ours.values())} rows only ours, "
                        f"{sum(only_peer.values())} only the peer's, e.g. {example}")
        failed += bool(diff)
        print(f"| {name} | {len(texts)} | {n_rows:,} | {diff or 'same'} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
