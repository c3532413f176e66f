"""What the views need, asked of an Oxigraph store with a few SPARQL queries.

Every function takes a :class:`pyoxigraph.Store` (a store folder opened read-only, or a file or rdflib graph
copied into memory: :func:`lawgraph.analysis.source.as_store`) and returns plain Python values: IRIs as
strings, literals as :class:`~lawgraph.analysis.source.SourceText`. Nothing reads the whole store into Python:
counts and groupings are SPARQL aggregates, and where only some nodes are wanted the queries start from
them (``VALUES``).

**Which report a fact belongs to.** Lawgraph writes each report's facts into the report's named graph
(graph IRI = report IRI), so an action, mention or observation in a report's graph belongs to that report:
the graph comes with the statement, where following ``lg:inReport`` or the evidence sentence to the report's
text costs a lookup per fact. In a file without named graphs (Turtle, N-Triples …) the facts sit in the
default graph, and there the report is found by those links (:class:`Reports`). The ontology's graph and
the store's bookkeeping graph describe lawgraph, not the reports, and are never read.

**What costs.** On the bench corpus's store on disk (1.6M quads) a lookup costs about 8 µs and every term
a query returns about 3-5 µs (Oxigraph reads it from its dictionary), while the engine scans 30k statements
of one predicate in a few milliseconds. So the queries scan and aggregate inside the engine and return few,
short rows. Oxigraph's planner has no statistics: a ``VALUES`` block over predicates next to another
``VALUES`` block makes it scan the whole store, so predicates are constants in ``UNION`` branches.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lawgraph.analysis.source import SourceText, ox_term
from lawgraph.analysis.vocab import KIND_OF_TYPE, ROLE_PREDICATES, STRUCTURE_PREDICATES, local_name
from lawgraph.namespaces import ONTOLOGY_GRAPH, PREFIXES, STORE_GRAPH

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__: list[str] = []

_SKIPPED = f"<{ONTOLOGY_GRAPH}>, <{STORE_GRAPH}>"
_NOT_OURS = f"FILTER(!BOUND(?g) || ?g NOT IN ({_SKIPPED}))"
_LABELS = ("skos:prefLabel", "dcterms:title", "rdfs:label", "skos:altLabel")
LABEL_SLOTS = ("pref", "title", "rdfs", "alt")
"""What each label predicate of :func:`labels` is kept as, in the order of :data:`_LABELS`."""

VALUES_LIMIT = 2000
"""Up to this many nodes, a query starts from them; beyond, it reads every node and Python keeps the ones
asked for (a query text of thousands of IRIs costs more to parse than the rows it saves)."""


def _in_data(pattern: str, graph: str = "g") -> str:
    """``pattern`` matched in the default graph or in one named graph that is not lawgraph's own;
    ``?graph`` is bound to the named graph, and unbound in the default graph."""
    return (
        f"{{ {{ {pattern} }} UNION {{ GRAPH ?{graph} {{ {pattern} }} "
        f"FILTER(?{graph} NOT IN ({_SKIPPED})) }} }}"
    )


def _branches(template: str, choices: Iterable[tuple[str, str]]) -> str:
    """A ``UNION`` of ``template`` with each ``(predicate, name)`` put in for ``$p`` and ``$name``."""
    return " UNION ".join(
        "{ " + template.replace("$p", p).replace("$name", name) + " }" for p, name in choices
    )


def _values(var: str, iris: Iterable[str] | None) -> str:
    """A ``VALUES`` block binding ``?var`` to ``iris`` (blank nodes cannot be), or nothing for None."""
    if iris is None:
        return ""
    import pyoxigraph as ox

    terms = " ".join(str(ox.NamedNode(i)) for i in iris if not i.startswith("_:"))
    return f"VALUES ?{var} {{ {terms} }}"


def _bound(nodes: Iterable[str] | None) -> list[str] | None:
    """``nodes`` as a list to bind a query to, or None to read every node (None, or too many)."""
    if nodes is None:
        return None
    chosen = sorted(set(nodes))
    return chosen if len(chosen) <= VALUES_LIMIT else None


def select(store: ox.Store, query: str, *, text: bool = False) -> Iterator[list[Any]]:
    """Rows of a SELECT, each a list of plain values (see the module docs); unbound is None.

    With ``text``, literals are plain strings (no language tag): half the work on rows of many literals.
    The default graph is the store's own default graph, not the union of all: the patterns say which
    graphs they read.
    """
    import pyoxigraph as ox

    result = store.query(query, prefixes=dict(PREFIXES))
    width = len(result.variables)  # type: ignore[union-attr]
    if not text:
        for solution in result:  # type: ignore[union-attr]
            yield [None if (term := solution[i]) is None else ox_term(term) for i in range(width)]
        return
    blank = ox.BlankNode
    for solution in result:  # type: ignore[union-attr]
        yield [
            None if term is None else "_:" + term.value if type(term) is blank else term.value
            for term in solution
        ]


def together(*jobs: Callable[[], Any]) -> list[Any]:
    """Run independent reads side by side and return their results in order.

    Oxigraph evaluates a query without holding Python's global lock, so on a machine with two cores two
    queries run at once; with one core, or one job, they run one after the other.
    """
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers < 2:
        return [job() for job in jobs]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(job) for job in jobs]
        return [future.result() for future in futures]


def _single(values: Iterable[Any]) -> Any | None:
    """One value out of several: the smallest by its text, so the choice repeats."""
    return min(values, key=str, default=None)


# --- nodes -------------------------------------------------------------------------------------------


def node_types(store: ox.Store, kinds: Sequence[str]) -> dict[str, set[str]]:
    """Every node typed with a type of one of ``kinds`` (:data:`~lawgraph.analysis.vocab.KIND_OF_TYPE`;
    reports always, so that a document that is a report is known as one), with its IRI types.

    Lawgraph types entities in the default graph and a report in its own graph: a node typed in the
    default graph has the types stated there; a node typed in a named graph has its types of every graph.
    (Reading every graph for every node would look each of them up twice.)
    """
    wanted = {t for t, kind in KIND_OF_TYPE.items() if kind in kinds or kind == "report"}
    kind_types = " ".join(f"<{t}>" for t in sorted(wanted))
    # The default graph's types are read in one scan (what it types is mostly entities), then kept for
    # the subjects that have a type of a kind asked for: cheaper than a lookup per subject.
    default = "SELECT ?s ?t WHERE { ?s a ?t FILTER(isIRI(?t)) }"
    named = f"""
        SELECT DISTINCT ?s ?t WHERE {{
          VALUES ?k {{ {kind_types} }}
          GRAPH ?g {{ ?s a ?k }} FILTER(?g NOT IN ({_SKIPPED}))
          {_in_data("?s a ?t", "g2")} FILTER(isIRI(?t))
        }}"""
    typed: dict[str, set[str]] = defaultdict(set)
    for s, t in select(store, default, text=True):
        typed[s].add(t)
    out = {s: ts for s, ts in typed.items() if ts & wanted}
    for s, t in select(store, named, text=True):
        out.setdefault(s, set()).add(t)
    return out


def labels(store: ox.Store, nodes: Iterable[str] | None = None) -> dict[str, dict[str, list[Any]]]:
    """The labels of each subject, ``{subject: {slot: [values]}}`` with the slots of :data:`LABEL_SLOTS`
    (``skos:prefLabel``, ``dcterms:title``, ``rdfs:label``, ``skos:altLabel``); optionally of ``nodes``
    only."""
    bound = _bound(nodes)
    wanted = None if nodes is None else set(nodes)
    choices = [(p, str(i)) for i, p in enumerate(_LABELS)]
    query = f"""
        SELECT DISTINCT ?s ?slot ?label WHERE {{
          {_values("s", bound)}
          {_branches(_in_data("?s $p ?label") + " BIND($name AS ?slot)", choices)}
        }}"""
    out: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for s, slot, label in select(store, query):
        if wanted is None or str(s) in wanted:
            out[str(s)][LABEL_SLOTS[int(slot)]].append(label)
    return out


def best_label(values: list[Any]) -> str | None:
    """Prefer a Chinese literal, then any value; the smallest one, so the choice repeats."""
    if not values:
        return None
    zh = sorted(str(v) for v in values if isinstance(v, SourceText) and (v.lang or "").startswith("zh"))
    return zh[0] if zh else sorted(str(v) for v in values)[0]


def label_of(node: str, found: dict[str, list[Any]]) -> str:
    """A node's label: its preferred label, else its title, else its rdfs:label, else its IRI's last part."""
    return (
        best_label(found.get("pref", []))
        or best_label(found.get("title", []))
        or best_label(found.get("rdfs", []))
        or local_name(node)
    )


def named_like(store: ox.Store, name: str) -> set[str]:
    """Subjects with a label or alias that contains ``name`` (every node a focus ``name`` can match): one
    scan of the labels inside the engine."""
    import pyoxigraph as ox

    needle = str(ox.Literal(name))
    query = f"""
        SELECT DISTINCT ?s WHERE {{
          {_branches(_in_data("?s $p ?label"), [(p, "") for p in _LABELS])}
          FILTER(CONTAINS(STR(?label), {needle}))
        }}"""
    return {str(s) for (s,) in select(store, query)}


# --- reports -----------------------------------------------------------------------------------------


@dataclass
class Reports:
    """The reports of a graph: their titles, and how a fact in the default graph reaches its report."""

    titles: dict[str, str]
    """Report IRI → title (else file name, else the IRI's last part)."""
    in_report: dict[str, str] = field(default_factory=dict)
    """``lg:inReport`` of facts in the default graph."""
    evidence: dict[str, str] = field(default_factory=dict)
    """``lg:evidence`` of facts in the default graph."""
    context: dict[str, str] = field(default_factory=dict)
    """``nif:referenceContext`` of sentences and mentions in the default graph."""
    context_report: dict[str, str] = field(default_factory=dict)
    """NIF context → the report whose text it is (``lg:text``)."""

    def of(self, graph: Any, fact: Any) -> str | None:
        """The report of an action or observation: the report whose graph holds it; in the default graph,
        its ``lg:inReport``, else the report whose text its evidence sentence is in."""
        if graph is not None:
            return str(graph) if str(graph) in self.titles else None
        fact = str(fact)
        if fact in self.in_report:
            return self.in_report[fact]
        sentence = self.evidence.get(fact)
        return self.context_report.get(self.context.get(sentence, "")) if sentence is not None else None

    def of_mention(self, graph: Any, mention: Any) -> str | None:
        """The report of a mention: the report whose graph holds it, else whose text it is in."""
        if graph is not None:
            return str(graph) if str(graph) in self.titles else None
        return self.context_report.get(self.context.get(str(mention), ""))


def reports(store: ox.Store) -> Reports:
    """The reports (``lg:Report``), their titles, and the links of facts in the default graph."""
    query = f"""
        SELECT DISTINCT ?r ?slot ?value WHERE {{
          {_in_data("?r a lg:Report", "g0")}
          OPTIONAL {{
            {_branches(_in_data("?r $p ?value") + " BIND($name AS ?slot)",
                       [("dcterms:title", "1"), ("lg:fileName", "2"), ("lg:text", "3")])}
          }}
        }}"""
    typed: set[str] = set()
    found: list[dict[str, list[Any]]] = [defaultdict(list) for _ in range(4)]
    for r, slot, value in select(store, query):
        typed.add(str(r))
        if slot is not None:
            found[int(slot)][str(r)].append(value)
    _, titles, files, texts = found
    out = Reports(
        {
            r: str(_single(titles.get(r, ())) or _single(files.get(r, ())) or local_name(r))
            for r in sorted(typed)
        }
    )
    out.context_report = {str(text): r for r, ts in texts.items() for text in ts}
    links = """
        SELECT ?x ?slot ?y WHERE {
          { ?x lg:inReport ?y BIND(0 AS ?slot) } UNION { ?x lg:evidence ?y BIND(1 AS ?slot) }
          UNION { ?x nif:referenceContext ?y BIND(2 AS ?slot) }
        }"""
    linked: list[dict[str, list[str]]] = [defaultdict(list) for _ in range(3)]
    for x, slot, y in select(store, links):
        linked[int(slot)][str(x)].append(str(y))
    out.in_report, out.evidence, out.context = ({x: str(_single(ys)) for x, ys in m.items()} for m in linked)
    return out


# --- facts: in a report's graph, or in the default graph -----------------------------------------------


def _both(store: ox.Store, template: str, *, text: bool = False) -> Iterator[list[Any]]:
    """Rows of ``template`` over the named graphs (``GRAPH ?g { … }``), then over the default graph (the
    same text without ``GRAPH ?g``, where ``?g`` stays unbound). The template's :data:`_NOT_OURS` leaves
    lawgraph's own graphs out."""
    yield from select(store, template, text=text)
    yield from select(store, template.replace("GRAPH ?g ", ""), text=text)


_ROLES = list(ROLE_PREDICATES.items())
_STRUCTURES = list(STRUCTURE_PREDICATES.items())
_ROLE_VALUES = " ".join(f'(<{p}> "{role}")' for p, role in _ROLES)


def entity_links(store: ox.Store) -> dict[tuple[str, str, str], int]:
    """How many actions link each agent to each target in each role: the edges of the entities view,
    counted. An action is what has an agent (``prov:wasAssociatedWith``, whose ``rdfs:domain`` is
    ``prov:Activity``); its targets are what it generated, acted on, used or did with a partner; an agent
    is never its own target."""
    query = f"""
        SELECT ?agent ?target ?role (COUNT(DISTINCT ?action) AS ?n) WHERE {{
          VALUES (?p ?role) {{ {_ROLE_VALUES} }}
          GRAPH ?g {{ ?action ?p ?target . ?action prov:wasAssociatedWith ?agent }}
          FILTER(?agent != ?target) {_NOT_OURS}
        }} GROUP BY ?agent ?target ?role"""
    out: dict[tuple[str, str, str], int] = defaultdict(int)
    for agent, target, role, n in _both(store, query):
        out[(str(agent), str(target), str(role))] += int(n)
    return dict(out)


def structure_links(store: ox.Store) -> set[tuple[str, str, str]]:
    """``(child, parent, role)`` for ``org:subOrganizationOf`` and ``schema:containedInPlace`` (the
    structural edges of the entities view), a child never its own parent."""
    query = f"""
        SELECT DISTINCT ?child ?parent ?role WHERE {{
          {_branches(_in_data("?child <$p> ?parent") + ' BIND("$name" AS ?role)', _STRUCTURES)}
          FILTER(?child != ?parent)
        }}"""
    return {(str(c), str(p), str(r)) for c, p, r in select(store, query)}


_PRESENCE = (("itsrdf:taIdentRef", "mention"), ("lg:reportingOrganization", "fact"))
_AGENCY = (("prov:wasAssociatedWith", "fact"),)


def node_reports(
    store: ox.Store, reports_: Reports, nodes: Iterable[str] | None = None, *, agents: bool = True
) -> dict[str, set[str]]:
    """The reports that mention each node (``itsrdf:taIdentRef``), in which it reports an indicator
    (``lg:reportingOrganization``) and, with ``agents``, in which it is an agent of an action (see
    :func:`entity_links`); optionally for ``nodes`` only."""
    bound, wanted = _bound(nodes), None if nodes is None else set(nodes)
    ways = _PRESENCE + (_AGENCY if agents else ())
    out: dict[str, set[str]] = defaultdict(set)
    named = f"""
        SELECT DISTINCT ?n ?g WHERE {{
          {_values("n", bound)} {_branches("GRAPH ?g { ?fact $p ?n }", ways)} {_NOT_OURS}
        }}"""
    for n, graph in select(store, named):
        if (rep := reports_.of(graph, None)) is not None:
            out[str(n)].add(rep)
    default = f"""
        SELECT DISTINCT ?n ?fact ?how WHERE {{
          {_values("n", bound)} {_branches('?fact $p ?n BIND("$name" AS ?how)', ways)}
        }}"""
    for n, fact, how in select(store, default):
        rep = reports_.of_mention(None, fact) if how == "mention" else reports_.of(None, fact)
        if rep is not None:
            out[str(n)].add(rep)
    return {n: found for n, found in out.items() if wanted is None or n in wanted}


def target_reports(
    store: ox.Store, reports_: Reports, nodes: Iterable[str] | None = None
) -> dict[str, set[tuple[str, str]]]:
    """For each target of an action (:func:`entity_links`): ``(agent, report)`` of each action reaching it;
    optionally for targets among ``nodes`` only."""
    bound, wanted = _bound(nodes), None if nodes is None else set(nodes)
    query = f"""
        SELECT DISTINCT ?target ?agent ?g ?action WHERE {{
          {_values("target", bound)}
          {_branches("GRAPH ?g { ?action <$p> ?target }", _ROLES)}
          GRAPH ?g {{ ?action prov:wasAssociatedWith ?agent }}
          FILTER(?agent != ?target) {_NOT_OURS}
        }}"""
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    # In the named graphs the action is not needed: leave it out of the rows (one term less to read).
    named = query.replace("?target ?agent ?g ?action WHERE", "?target ?agent ?g WHERE")
    for target, agent, graph in select(store, named):
        if (rep := reports_.of(graph, None)) is not None:
            out[str(target)].add((str(agent), rep))
    for target, agent, _graph, action in select(store, query.replace("GRAPH ?g ", "")):
        if (rep := reports_.of(None, action)) is not None:
            out[str(target)].add((str(agent), rep))
    return {n: found for n, found in out.items() if wanted is None or n in wanted}


# --- indicators --------------------------------------------------------------------------------------

_INDICATOR_FIELDS = (
    ("phrase", "lg:countedPhrase"),
    ("written", "lg:writtenForm"),
    ("value", "sdmx-measure:obsValue"),
    ("unit", "sdmx-attribute:unitMeasure"),
    ("period", "sdmx-dimension:refPeriod"),
)


@dataclass(frozen=True)
class IndicatorFields:
    """One observation as the views show it (each field the smallest of its values, None when absent)."""

    phrase: str | None
    written: str | None
    value: str | None
    unit: str | None
    period: str | None

    def text(self) -> str:
        """``受理行政复议案件：39件（2022年）``: what is counted, the quantity as written, the year."""
        written = self.written
        if written is None:
            written = f"{self.value}{self.unit or ''}" if self.value is not None else ""
        text = f"{self.phrase or '指标'}：{written}"
        return f"{text}（{self.period[:4]}年）" if self.period is not None else text


INDICATOR_LOOKUPS = 4000
"""Up to this many observations, :func:`indicators` looks their fields up; beyond, it reads each field whole
(on the bench store all 31.5k observations take about 0.7 s either way; a body with 100 takes 10 ms by
lookups and 0.7 s by reading whole)."""


def indicators(
    store: ox.Store, nodes: Iterable[str] | None = None, *, by: str = "org"
) -> dict[str, list[IndicatorFields]]:
    """Indicators as their fields: ``by="org"``, those each organization reports
    (``lg:reportingOrganization``); ``by="obs"``, each observation's own (``qb:Observation``,
    ``lg:Indicator``); optionally for ``nodes`` only.

    An observation's fields are read in the graph that holds its reporting statement (its report's). For
    a few nodes with few observations they are looked up one by one; for many, each field is read whole
    and joined by hashing inside the engine (a lookup costs as much as reading 10-20 statements in order).
    A field with several values shows the smallest.
    """
    bound, wanted = _bound(nodes) if by == "org" else None, None if nodes is None else set(nodes)
    if by == "org":
        base = "GRAPH ?g { ?obs lg:reportingOrganization ?org }"
    else:
        base = "VALUES ?t { qb:Observation lg:Indicator } GRAPH ?g { ?obs a ?t }"
    lookups = False
    if bound is not None:
        count = f"SELECT (COUNT(*) AS ?n) WHERE {{ {_values('org', bound)} {base} {_NOT_OURS} }}"
        lookups = sum(int(row[0]) for row in _both(store, count, text=True)) <= INDICATOR_LOOKUPS
    if lookups:
        fields = " ".join(
            f"OPTIONAL {{ GRAPH ?g {{ ?obs {pred} ?{var} }} }}" for var, pred in _INDICATOR_FIELDS
        )
        where = f"{_values('org', bound)} {base} {_NOT_OURS} {fields}"
    else:
        fields = " ".join(
            f"OPTIONAL {{ SELECT ?obs ?g ?{var} WHERE {{ GRAPH ?g {{ ?obs {pred} ?{var} }} }} }}"
            for var, pred in _INDICATOR_FIELDS
        )
        where = f"{base} {_NOT_OURS} {fields}"
    names = " ".join(f"?{var}" for var, _ in _INDICATOR_FIELDS)
    key = "?org" if by == "org" else "(?obs AS ?key)"
    query = f"SELECT {key} ?obs {names} WHERE {{ {where} }}"
    found: dict[tuple[str, str], list[Any]] = {}
    for key, obs, *values in _both(store, query, text=True):
        if wanted is not None and key not in wanted:
            continue
        seen = found.get((key, obs))
        if seen is None:
            found[(key, obs)] = values
        else:  # a field with several values (or several reporting bodies' rows): keep the smallest
            found[(key, obs)] = [
                min((v for v in pair if v is not None), default=None)
                for pair in zip(seen, values, strict=True)
            ]
    out: dict[str, list[IndicatorFields]] = defaultdict(list)
    for (key, _obs), values in found.items():
        out[key].append(IndicatorFields(*values))
    return dict(out)


# --- action edges --------------------------------------------------------------------------------------


@dataclass
class ActionFacts:
    """What an action's edges carry: its verb, type, evidence sentence, report and status."""

    verb: str | None = None
    action_type: str = ""
    sentence: str = ""
    report: str | None = None
    status: str = ""


def entity_edges(
    store: ox.Store, reports_: Reports, nodes: Iterable[str] | None = None
) -> tuple[list[tuple[str, str, str, str]], dict[str, ActionFacts]]:
    """The action edges of the entities view between ``nodes`` (all when None), one per agent, role and
    target of an action: ``(agent, target, role, action)``, and the facts of each action (each the
    smallest of its values: verb, type, evidence sentence and that sentence's text, status)."""
    bound, wanted = _bound(nodes), None if nodes is None else set(nodes)
    agents_in = ""
    if bound is not None:
        import pyoxigraph as ox

        iris = ", ".join(str(ox.NamedNode(n)) for n in bound if not n.startswith("_:"))
        agents_in = f"&& ?agent IN ({iris})"
    roles = (
        _branches('GRAPH ?g { ?action <$p> ?target } BIND("$name" AS ?role)', _ROLES)
        if bound is not None  # next to VALUES ?target, predicates as constants (see the module docs)
        else f"VALUES (?p ?role) {{ {_ROLE_VALUES} }} GRAPH ?g {{ ?action ?p ?target }}"
    )
    query = f"""
        SELECT ?action ?agent ?target ?role ?g ?verb ?type ?evidence ?status WHERE {{
          {{ SELECT ?action ?agent ?target ?role ?g WHERE {{
              {_values("target", bound)} {roles}
              GRAPH ?g {{ ?action prov:wasAssociatedWith ?agent }}
              FILTER(?agent != ?target {agents_in}) {_NOT_OURS}
          }} }}
          OPTIONAL {{ GRAPH ?g {{ ?action lg:verb ?verb }} }}
          OPTIONAL {{ GRAPH ?g {{ ?action lg:actionType ?type }} }}
          OPTIONAL {{ GRAPH ?g {{ ?action lg:evidence ?evidence }} }}
          OPTIONAL {{ GRAPH ?g {{ ?action lg:status ?status }} }}
        }}"""
    edges: set[tuple[str, str, str, str]] = set()
    found: dict[str, tuple[set[str], set[str], set[str], str | None, set[str]]] = {}
    for action, agent, target, role, graph, verb, type_, evidence, status in _both(store, query, text=True):
        if wanted is not None and (agent not in wanted or target not in wanted):
            continue
        edges.add((agent, target, role, action))
        verbs, types, sentences, _report, statuses = found.setdefault(
            action, (set(), set(), set(), reports_.of(graph, action), set())
        )
        for values, value in ((verbs, verb), (types, type_), (sentences, evidence), (statuses, status)):
            if value is not None:
                values.add(value)
    evidence = {action: min(sentences) for action, (_v, _t, sentences, _r, _st) in found.items() if sentences}
    texts = sentence_texts(store, set(evidence.values()))
    facts = {
        action: ActionFacts(
            min(verbs) if verbs else None,
            local_name(min(types)) if types else "",
            texts.get(evidence[action], "") if action in evidence else "",
            report,
            local_name(min(statuses)) if statuses else "",
        )
        for action, (verbs, types, _s, report, statuses) in found.items()
    }
    return sorted(edges), facts


def sentence_texts(store: ox.Store, sentences: Iterable[str]) -> dict[str, str]:
    """The text (``nif:anchorOf``, the smallest if several) of each evidence sentence.

    Read in a query of its own, bound to the sentences: as an ``OPTIONAL`` after the evidence, Oxigraph
    would join every sentence of the store. The default graph is read only when it holds sentence texts
    (a file without named graphs): each sentence asked for costs a lookup in each graph read."""
    chosen = sorted(s for s in sentences if not s.startswith("_:"))
    patterns = ["GRAPH ?g { ?s nif:anchorOf ?text }"]
    if store.query("ASK { ?s nif:anchorOf ?text }", prefixes=dict(PREFIXES)):
        patterns.append("?s nif:anchorOf ?text")
    found: dict[str, set[str]] = defaultdict(set)
    for start in range(0, len(chosen), VALUES_LIMIT):
        for pattern in patterns:
            query = f"""
                SELECT ?s ?text WHERE {{ {_values("s", chosen[start : start + VALUES_LIMIT])} {pattern} }}"""
            for sentence, text in select(store, query, text=True):
                found[sentence].add(text)
    return {sentence: min(texts) for sentence, texts in found.items()}


# --- the full view: every node and every link -----------------------------------------------------------


def scoped_facts(store: ox.Store, reports_: Reports, types: Iterable[str]) -> dict[str, ActionFacts]:
    """For every node typed with one of ``types`` (actions, observations): its verb, evidence and report."""
    query = f"""
        SELECT ?x ?g (MIN(STR(?verb)) AS ?verb_) (MIN(STR(?evidence)) AS ?evidence_) WHERE {{
          VALUES ?t {{ {" ".join(f"<{t}>" for t in types)} }}
          GRAPH ?g {{ ?x a ?t }} {_NOT_OURS}
          OPTIONAL {{ GRAPH ?g {{ ?x lg:verb ?verb }} }}
          OPTIONAL {{ GRAPH ?g {{ ?x lg:evidence ?evidence }} }}
        }} GROUP BY ?x ?g"""
    facts: dict[str, ActionFacts] = {}
    sentences: dict[str, str] = {}
    for x, graph, verb, evidence in _both(store, query):
        if str(x) not in facts:
            facts[str(x)] = ActionFacts(None if verb is None else str(verb), "", "", reports_.of(graph, x))
            if evidence is not None:
                sentences[str(x)] = str(evidence)
    texts = sentence_texts(store, set(sentences.values()))
    for x, sentence in sentences.items():
        facts[x].sentence = texts.get(sentence, "")
    return facts


def links(store: ox.Store) -> set[tuple[str, str, str]]:
    """Every statement whose object is not a literal, but ``rdf:type``: ``(subject, predicate, object)``."""
    query = f"""
        SELECT DISTINCT ?s ?p ?o WHERE {{
          {_in_data("?s ?p ?o")} FILTER(!isLiteral(?o) && ?p != rdf:type)
        }}"""
    return {(str(s), str(p), str(o)) for s, p, o in select(store, query)}
