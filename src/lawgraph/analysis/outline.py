"""The shape of a view without its details, and the choice of the part worth drawing.

An :class:`Outline` knows every node of a view with its kind and class, and how many edges join each pair of
nodes: enough for the statistics (degree, betweenness, components) and to choose what to draw (names,
neighbourhoods, the best-connected nodes), but none of the evidence, reports or indicators that make up
most of a view. :func:`read_outline` asks a store for it with a few aggregate queries, and reads labels
only where they are needed (a name to find, a tie to break, a node to draw), so ``lawgraph stats`` and
``lawgraph viz`` never read a store whole. :meth:`Outline.of_view` takes the outline of a networkx view
already built. :func:`choose` picks the nodes to draw, the same way for both.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lawgraph.analysis import reading
from lawgraph.analysis.vocab import ENTITY_KINDS, KIND_OF_TYPE, NODE_KINDS, REPORT_CLASS, node_class
from lawgraph.errors import InputError

if TYPE_CHECKING:
    import networkx as nx
    import pyoxigraph as ox

__all__ = ["Head", "Outline", "read_outline", "read_kinds", "choose", "find_names"]


@dataclass(frozen=True)
class Head:
    """A node's own attributes: what it is called and what it is."""

    label: str
    cls: str
    kind: str
    aliases: tuple[str, ...]

    def attrs(self) -> dict[str, Any]:
        """The node attributes of a view, with empty ``reports`` and ``indicators``."""
        return {
            "label": self.label,
            "cls": self.cls,
            "kind": self.kind,
            "aliases": self.aliases,
            "reports": (),
            "indicators": (),
        }


def read_kinds(store: ox.Store, kinds: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """Every node of ``kinds`` in ``store``, in IRI order, with its kind and class.

    A node's kind is that of its types (:data:`~lawgraph.analysis.vocab.KIND_OF_TYPE`); a node with types
    of several kinds takes the first in kind order, and a document that is a report is a report.
    """
    types = reading.node_types(store, kinds)
    out: dict[str, tuple[str, str]] = {}
    for node in sorted(types):
        ts = types[node]
        found = [KIND_OF_TYPE[t] for t in ts if t in KIND_OF_TYPE]
        if not found:
            continue
        kind = min(found, key=NODE_KINDS.index)
        if kind == "document" and REPORT_CLASS in ts:
            kind = "report"
        if kind in kinds:
            out[node] = (kind, node_class(ts, kind))
    return out


@dataclass
class Outline:
    """The nodes of a view and the number of edges between each ordered pair of them."""

    view: str
    kinds: dict[str, tuple[str, str]]
    """Every node by IRI, in IRI order (the order of the view's nodes): its kind and class."""
    pairs: Counter[tuple[str, str]]
    """``(from, to)`` → number of edges."""
    role_links: dict[tuple[str, str, str], int] = field(default_factory=dict)
    """Entities view of a store: ``(agent, target, role)`` → actions."""
    structure: set[tuple[str, str, str]] = field(default_factory=set)
    """Entities view of a store: ``(child, parent, role)``."""
    source: Any = None
    """The store it was read from, or the networkx view it was taken from."""
    _heads: dict[str, Head] = field(default_factory=dict)
    _reports: reading.Reports | None = None
    _degree: dict[str, int] | None = None

    @property
    def edges(self) -> int:
        return sum(self.pairs.values())

    def degree(self) -> dict[str, int]:
        """Edges at each node, in and out (as ``G.degree()`` counts them)."""
        if self._degree is None:
            self._degree = dict.fromkeys(self.kinds, 0)
            for (u, v), n in self.pairs.items():
                self._degree[u] += n
                self._degree[v] += n
        return self._degree

    def neighbours(self) -> dict[str, set[str]]:
        """Each node's neighbours, ignoring direction."""
        out: dict[str, set[str]] = defaultdict(set)
        for u, v in self.pairs:
            out[u].add(v)
            out[v].add(u)
        return out

    def heads(self, nodes: Iterable[str] | None = None) -> dict[str, Head]:
        """Label, class, kind and aliases of ``nodes`` (every node when None); labels are read from the
        store the first time a node's are asked for."""
        wanted = list(self.kinds) if nodes is None else [n for n in nodes if n in self.kinds]
        missing = [n for n in wanted if n not in self._heads]
        if missing:
            names = reading.labels(self.source, None if nodes is None else missing)
            for node in missing:
                own = names.get(node, {})
                label = reading.label_of(node, own)
                aliases = tuple(sorted({str(a) for a in own.get("alt", [])} - {label}))
                kind, cls = self.kinds[node]
                self._heads[node] = Head(label, cls, kind, aliases)
        return {n: self._heads[n] for n in wanted}

    def report_reading(self) -> reading.Reports:
        """The reports of the store and how its facts reach them (read on first use)."""
        if self._reports is None:
            self._reports = reading.reports(self.source)
        return self._reports

    def titles(self) -> dict[str, str]:
        """Report IRI → title."""
        import networkx as nx

        if isinstance(self.source, nx.Graph):
            return dict(self.source.graph.get("reports") or {})
        return self.report_reading().titles

    def named(self, name: str) -> list[str]:
        """The nodes :func:`find_names` finds for ``name``; from a store, only nodes whose labels contain
        ``name`` are read."""
        import networkx as nx

        if isinstance(self.source, nx.Graph):
            return find_names(self.heads(), name)
        return find_names(self.heads(sorted(reading.named_like(self.source, name))), name)

    def first(self, nodes: Iterable[str], count: int, key: Callable[[str], Any]) -> list[str]:
        """The first ``count`` of ``nodes`` ordered by ``key``, then label, then IRI; labels are read only
        for those nodes and the ones that tie with the last of them."""
        ordered = sorted(nodes, key=key)
        if count <= 0 or not ordered:
            return []
        cut = key(ordered[min(count, len(ordered)) - 1])
        sure = [n for n in ordered if key(n) < cut]
        ties = [n for n in ordered if key(n) == cut]
        heads = self.heads(sure + ties)
        ties.sort(key=lambda n: (heads[n].label, n))
        chosen = sure + ties[: count - len(sure)]
        return sorted(chosen, key=lambda n: (key(n), heads[n].label, n))

    @classmethod
    def of_view(cls, G: nx.MultiDiGraph) -> Outline:
        """The outline of a networkx view (:func:`~lawgraph.analysis.to_networkx`, or any MultiDiGraph)."""
        heads = {
            str(n): Head(
                str(d.get("label", n)),
                str(d.get("cls", "")),
                str(d.get("kind", "")),
                tuple(d.get("aliases") or ()),
            )
            for n, d in G.nodes(data=True)
        }
        kinds = {n: (h.kind, h.cls) for n, h in heads.items()}
        pairs = Counter((str(u), str(v)) for u, v in G.edges())
        return cls(str(G.graph.get("view", "")), kinds, pairs, source=G, _heads=heads)


def read_outline(store: ox.Store) -> Outline:
    """The outline of the entities view of ``store`` (:func:`~lawgraph.analysis.to_networkx`), read with
    aggregate queries: the nodes with their kinds, the number of actions between each agent and target,
    the structural links."""
    kinds, counted, linked = reading.together(
        lambda: read_kinds(store, ENTITY_KINDS),
        lambda: reading.entity_links(store),
        lambda: reading.structure_links(store),
    )
    role_links = {key: n for key, n in counted.items() if key[0] in kinds and key[1] in kinds}
    structure = {link for link in linked if link[0] in kinds and link[1] in kinds}
    pairs: Counter[tuple[str, str]] = Counter()
    for (agent, target, _role), n in role_links.items():
        pairs[(agent, target)] += n
    for child, parent, _role in structure:
        pairs[(child, parent)] += 1
    return Outline("entities", kinds, pairs, role_links=role_links, structure=structure, source=store)


def find_names(heads: dict[str, Head], name: str) -> list[str]:
    """Nodes whose label or an alias is ``name``; failing that, whose label contains it."""
    exact = [n for n, h in heads.items() if h.label == name or name in h.aliases]
    if exact:
        return sorted(exact)
    return sorted(n for n, h in heads.items() if name in h.label)


_PRIORITY = {"action": 1, "indicator": 2}
"""Entities and reports are kept first, then actions, then indicators."""


def choose(
    outline: Outline,
    *,
    focus: str | Iterable[str] | None = None,
    hops: int = 1,
    max_nodes: int | None = None,
) -> set[str]:
    """The nodes worth drawing: those within ``hops`` of the ``focus`` names, then at most ``max_nodes``.

    The cut keeps focus nodes, then entities and reports, then actions, then indicators, the
    highest-degree first within each (ties by label, then IRI).

    Raises
    ------
    InputError
        If a focus name matches no node.
    """
    if hops < 0:
        raise ValueError("hops must be 0 or more")
    if max_nodes is not None and max_nodes < 0:
        raise ValueError("max_nodes must be 0 or more")
    keep: set[str] = set(outline.kinds)
    centres: set[str] = set()
    if focus is not None:
        names = [focus] if isinstance(focus, str) else list(focus)
        neighbours = outline.neighbours()
        keep = set()
        for name in names:
            found = outline.named(name)
            if not found:
                raise InputError(None, f"no node is named {name!r} (try a shorter part of the name)")
            centres.update(found)
            for node in found:
                keep.update(_within(neighbours, node, hops))
    if max_nodes and len(keep) > max_nodes:
        degree = outline.degree()
        ranked = outline.first(
            keep - centres,
            max(0, max_nodes - len(centres)),
            key=lambda n: (_PRIORITY.get(outline.kinds[n][0], 0), -degree[n]),
        )
        keep = set(sorted(centres)[:max_nodes]) | set(ranked)
    return keep


def _within(neighbours: dict[str, set[str]], start: str, hops: int) -> set[str]:
    """Nodes at most ``hops`` steps from ``start``."""
    seen = {start}
    frontier = [start]
    for _ in range(hops):
        reached = []
        for node in frontier:
            for other in neighbours.get(node, ()):
                if other not in seen:
                    seen.add(other)
                    reached.append(other)
        frontier = reached
    return seen
