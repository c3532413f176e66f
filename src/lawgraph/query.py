"""SPARQL over a lawgraph store folder or any RDF file, with Oxigraph's engine.

- :func:`run_query` runs a query and returns pyoxigraph's results (solutions, a boolean or triples).
  The default graph is the union of every graph (``use_default_graph_as_union``), so queries need not
  name report graphs; ``GRAPH ?g { … }`` still reaches each report's graph.
- The prefixes of :data:`lawgraph.namespaces.PREFIXES` (``lg:``, ``org:``, ``skos:`` …) are predeclared,
  so a query may use them without ``PREFIX`` lines (and error positions still match the text you wrote).
- Parameters (``--param name=value``) are read as one RDF term each and bound with a ``VALUES`` block at
  the top of the WHERE clause, written in N-Triples syntax by pyoxigraph, so a value cannot change the
  query.
- :func:`write_results` writes SPARQL 1.1 Results (JSON, XML, CSV, TSV) or, for CONSTRUCT/DESCRIBE,
  Turtle / N-Triples; :func:`result_rows` gives short, readable cells for a terminal table.

Examples
--------
>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("https://w3id.org/lawgraph/id/org/1"),
...                   ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
...                   ox.Literal("兰州新区管委会", language="zh"),
...                   ox.NamedNode("https://w3id.org/lawgraph/id/report/9")))
>>> result = run_query(store, "SELECT ?o WHERE { ?s skos:prefLabel ?o }")
>>> result_rows(result)
(['o'], [['兰州新区管委会']])
>>> run_query(store, "SELECT ?o WHERE { ?s skos:prefLabel }")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
lawgraph.errors.QueryError: query: syntax error at line 1, column 37: found "}" where a value ...
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from lawgraph.errors import QueryError
from lawgraph.namespaces import PREFIXES

__all__ = [
    "RESULT_FORMATS",
    "GRAPH_FORMATS",
    "run_query",
    "parse_params",
    "parse_term",
    "load_query",
    "write_results",
    "result_rows",
    "query_kind",
    "short_term",
    "mask_query",
    "bind_params",
    "graph_names",
]

RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
"""Output formats of SELECT and ASK results (SPARQL 1.1 Query Results)."""

GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ttl": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nt": ox.RdfFormat.N_TRIPLES,
}
"""Output formats of CONSTRUCT and DESCRIBE results."""

# Tokens whose content is not SPARQL syntax: long and short strings, IRIs, comments (the lexer's rules).
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|(?<!\\)#[^\n\r]*",  # not an escaped PN_LOCAL character (ex:a\#b)
    re.S,
)
_WHERE = re.compile(r"(?<![\w?$:])WHERE(?![\w:])", re.I)


def mask_query(query: str) -> str:
    """``query`` with strings, IRIs and comments blanked out (same length), so keywords can be found safely.

    >>> mask_query('SELECT * { ?s ?p "WHERE {" } # WHERE')
    'SELECT * { ?s ?p           }        '
    """
    return _OPAQUE.sub(lambda m: " " * (m.end() - m.start()), query)


def bind_params(query: str, substitutions: Mapping[ox.Variable, Any]) -> str:
    """Bind variables with a ``VALUES`` block at the top of the query's WHERE clause.

    Terms are written in their N-Triples form by pyoxigraph (escaped), so a value cannot alter the query.
    Binding at the top of WHERE (not a trailing VALUES) filters before any GROUP BY, and works for
    variables that are not projected.

    The block goes into the group of the first ``WHERE`` keyword. A query whose outer ``SELECT`` leaves
    the keyword out (``SELECT … { … }`` is valid SPARQL) therefore binds its parameter in its first
    sub-select: the saved queries use this to find the parameter's subject first (one report, one
    organization) and only then read facts from its IRI, which Oxigraph's planner would otherwise do
    last (a group's FILTER is applied after all of the group's joins).

    >>> bind_params("SELECT ?o WHERE { ?s ?p ?o }", {ox.Variable("p"): ox.NamedNode("http://x/p")})
    'SELECT ?o WHERE { VALUES (?p) { (<http://x/p>) } ?s ?p ?o }'
    >>> bind_params("SELECT ?o { { SELECT ?s WHERE { ?s ?q ?x } } ?s ?p ?o }",
    ...             {ox.Variable("x"): ox.Literal("a")})
    'SELECT ?o { { SELECT ?s WHERE { VALUES (?x) { ("a") } ?s ?q ?x } } ?s ?p ?o }'

    Raises
    ------
    QueryError
        The query has no WHERE group to bind in.
    """
    if not substitutions:
        return query
    masked = mask_query(query)
    where = _WHERE.search(masked)
    brace = masked.find("{", where.end() if where else 0)
    if brace < 0:
        raise QueryError(None, "parameters need a query with a WHERE { … } group")
    names = " ".join(f"?{v.value}" for v in substitutions)
    values = " ".join(str(t) for t in substitutions.values())
    block = f" VALUES ({names}) {{ ({values}) }}"
    return query[: brace + 1] + block + query[brace + 1 :]


_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _syntax_error(err: SyntaxError, where: str, query: str) -> QueryError:
    from lawgraph.sparql_errors import describe_syntax_error

    return QueryError(where, describe_syntax_error(str(err), query))


def parse_term(value: str) -> ox.NamedNode | ox.Literal:
    """Read a parameter value as an RDF term.

    ``<iri>``, a prefixed name with a known prefix (``lg:Court``), a Turtle literal (``"x"@zh``,
    ``"2022"^^xsd:gYear``), a number or ``true``/``false`` are read as Turtle would read them. Anything
    else is a plain string literal, taken verbatim.

    >>> parse_term("lg:Court").value
    'https://w3id.org/lawgraph/ontology#Court'
    >>> parse_term("兰州新区")
    <Literal value=兰州新区 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>
    >>> parse_term("2022").datatype.value
    'http://www.w3.org/2001/XMLSchema#integer'
    """
    text = value.strip()
    if text and "\n" not in text and "\r" not in text:
        head = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items())
        doc = f"{head}<urn:lawgraph:s> <urn:lawgraph:p> {text} .\n"
        try:
            triples = list(ox.parse(doc.encode("utf-8"), format=ox.RdfFormat.TURTLE))
        except SyntaxError:
            triples = []
        if len(triples) == 1 and isinstance(triples[0].object, (ox.NamedNode, ox.Literal)):
            return triples[0].object
    return ox.Literal(value)


def parse_params(params: Mapping[str, str] | Sequence[str] | None) -> dict[ox.Variable, Any]:
    """Turn ``name=value`` strings (or a mapping) into pyoxigraph substitutions.

    >>> subs = parse_params(["area=兰州新区"])
    >>> [(k.value, v.value) for k, v in subs.items()]
    [('area', '兰州新区')]

    Raises
    ------
    QueryError
        A parameter is not ``name=value`` or its name is not a SPARQL variable name.
    """
    if not params:
        return {}
    pairs: list[tuple[str, str]] = []
    if isinstance(params, Mapping):
        pairs = [(str(k), str(v)) for k, v in params.items()]
    else:
        for item in params:
            name, sep, value = item.partition("=")
            if not sep:
                raise QueryError("--param", f"{item!r} is not name=value")
            pairs.append((name.strip(), value))
    subs: dict[ox.Variable, Any] = {}
    for name, value in pairs:
        name = name.lstrip("?$")
        if not _PARAM_NAME.match(name):
            raise QueryError("--param", f"{name!r} is not a SPARQL variable name")
        subs[ox.Variable(name)] = parse_term(value)
    return subs


def load_query(
    *, text: str | None = None, file: str | Path | None = None, saved: str | None = None
) -> tuple[str, str]:
    """The query text and a name for messages, from exactly one of a string, a file or a saved query.

    Raises
    ------
    QueryError
        None or more than one source is given, the file cannot be read or the saved query is unknown.
    """
    given = [x for x in (text, file, saved) if x is not None]
    if len(given) != 1:
        raise QueryError(None, "give exactly one query: a string, --file FILE or --saved NAME")
    if file is not None:
        path = Path(file)
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except OSError as err:
            raise QueryError(path, f"cannot read the query file: {err.strerror or err}") from err
        except UnicodeDecodeError as err:
            raise QueryError(path, f"the query file is not UTF-8 text (byte {err.object[err.start]:#04x} "
                                   f"at offset {err.start})") from err
    if saved is not None:
        from lawgraph import queries

        known = [str(q) for q in queries.list_saved()]
        if saved not in known:
            raise QueryError(saved, f"no saved query of that name; known: {', '.join(known) or 'none'}")
        return queries.load_saved(saved), f"saved query {saved}"
    return str(text), "query"


def run_query(
    store: ox.Store,
    query: str,
    *,
    params: Mapping[str, str] | Sequence[str] | None = None,
    union: bool = True,
    where: str = "query",
    default_graph: Sequence[str] | None = None,
    named_graphs: Sequence[str] | None = None,
    limits: Mapping[str, int] | None = None,
) -> Any:
    """Run a SPARQL query on ``store``, after :func:`lawgraph.sparql_guard.check_query`.

    The query is checked first: over a size, nesting or operator limit, or with ``SERVICE`` anywhere (read
    with a SPARQL grammar, and from its tokens), it is refused before Oxigraph sees it, so no query can
    make this process open a connection.

    Parameters
    ----------
    store : pyoxigraph.Store
        The data (see :func:`lawgraph.store.read_source`).
    query : str
        SPARQL 1.1 query text; the prefixes of :data:`~lawgraph.namespaces.PREFIXES` are predeclared.
    params : mapping or list of "name=value", optional
        Values bound to variables of the query (see :func:`parse_term` for how values are read).
    union : bool
        Query the union of all graphs as the default graph (the default).
    where : str
        What to name in error messages (a file name, ``saved query NAME``).
    default_graph, named_graphs : list of IRI, optional
        Restrict the dataset (SPARQL protocol ``default-graph-uri`` / ``named-graph-uri``); they win over
        the query's own ``FROM`` / ``FROM NAMED``, which are honoured otherwise.
    limits : mapping, optional
        ``max_bytes``, ``max_nesting``, ``max_operators`` for :func:`~lawgraph.sparql_guard.check_query`.

    Returns
    -------
    pyoxigraph.QuerySolutions or pyoxigraph.QueryBoolean or pyoxigraph.QueryTriples

    Raises
    ------
    QueryError
        The query is malformed (the message gives line and column), refused (SERVICE, a limit, a graph
        name that is not an absolute IRI) or cannot be evaluated.
    """
    from lawgraph.sparql_guard import check_query

    kwargs: dict[str, Any] = {"prefixes": dict(PREFIXES)}
    subs = parse_params(params)
    if subs:
        query = bind_params(query, subs)
    checked = check_query(query, where=where, **dict(limits or {}))
    if default_graph:
        kwargs["default_graph"] = graph_names(default_graph, "default-graph-uri")
    elif union and not checked.has_dataset:  # FROM / FROM NAMED name the dataset: honour them
        kwargs["use_default_graph_as_union"] = True
    if named_graphs:
        kwargs["named_graphs"] = graph_names(named_graphs, "named-graph-uri")
    try:
        return store.query(query, **kwargs)
    except SyntaxError as err:
        raise _syntax_error(err, where, query) from err
    except (OSError, ValueError, TypeError) as err:
        raise QueryError(where, f"cannot evaluate: {' '.join(str(err).split())}") from err


def graph_names(iris: Sequence[str], where: str) -> list[ox.NamedNode]:
    """Graph names given by a client (``default-graph-uri``), each checked to be an absolute IRI.

    >>> graph_names(["http://x/g"], "default-graph-uri")
    [<NamedNode value=http://x/g>]
    >>> graph_names(["not an iri"], "default-graph-uri")
    Traceback (most recent call last):
    ...
    lawgraph.errors.QueryError: default-graph-uri: 'not an iri' is not an absolute IRI
    """
    names = []
    for iri in iris:
        try:
            names.append(ox.NamedNode(iri))
        except (ValueError, TypeError):
            shown = iri if len(iri) <= 80 else iri[:80] + "…"
            raise QueryError(where, f"{shown!r} is not an absolute IRI") from None
    return names


def query_kind(result: Any) -> str:
    """``"select"``, ``"ask"`` or ``"graph"`` for a pyoxigraph result."""
    if isinstance(result, ox.QuerySolutions):
        return "select"
    if isinstance(result, ox.QueryBoolean):
        return "ask"
    return "graph"


def write_results(result: Any, output: IO[bytes] | None = None, *, format: str) -> bytes | None:
    """Serialize a result: SELECT/ASK as ``json``/``xml``/``csv``/``tsv``, graphs as ``turtle``/``ntriples``.

    Returns the bytes when ``output`` is None, else writes to ``output`` (a binary file-like object).

    Raises
    ------
    QueryError
        ``format`` does not fit the kind of result.
    """
    kind = query_kind(result)
    fmt = format.lower()
    try:
        if kind == "graph":
            if fmt not in GRAPH_FORMATS:
                raise QueryError(
                    None, f"a CONSTRUCT/DESCRIBE result is written as turtle or ntriples, not {format}"
                )
            rdf_format = GRAPH_FORMATS[fmt]
            prefixes = dict(PREFIXES) if rdf_format == ox.RdfFormat.TURTLE else None
            return ox.serialize(result, output, format=rdf_format, prefixes=prefixes)
        if fmt not in RESULT_FORMATS:
            raise QueryError(None, f"a SELECT/ASK result is written as json, xml, csv or tsv, not {format}")
        solutions: ox.QuerySolutions | ox.QueryBoolean = result  # query_kind said so
        return solutions.serialize(output, format=RESULT_FORMATS[fmt])
    except (SyntaxError, OSError) as err:
        raise QueryError(None, f"cannot evaluate: {' '.join(str(err).split())}") from err


_LOCAL_PREFIXES = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def short_term(term: Any) -> str:
    """A compact, readable form of a term for a terminal table: ``lg:Court``, ``兰州``, ``42``, ``_:b0``.

    IRIs are shortened with the usual prefixes; a literal shows its text (its language tag or datatype
    would only crowd a table; ``--format json|csv|tsv`` keep them).

    >>> short_term(ox.NamedNode("https://w3id.org/lawgraph/ontology#Court"))
    'lg:Court'
    >>> short_term(ox.Literal("42", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    '42'
    >>> short_term(ox.Literal("兰州", language="zh"))
    '兰州'
    """
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        for prefix, ns in _LOCAL_PREFIXES:
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{prefix}:{iri[len(ns):]}"
        return f"<{iri}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def result_rows(result: Any, *, limit: int | None = None) -> tuple[list[str], list[list[str]]]:
    """Column names and rows of short cells (see :func:`short_term`) for a table on a terminal.

    An ASK result is one column ``ask``; a graph result has the columns ``subject predicate object``.
    """
    kind = query_kind(result)
    rows: list[list[str]] = []
    if kind == "ask":
        return ["ask"], [["true" if bool(result) else "false"]]
    if kind == "select":
        names = [v.value for v in result.variables]
        for i, solution in enumerate(result):
            if limit is not None and i >= limit:
                break
            rows.append([short_term(solution[n]) for n in names])
        return names, rows
    for i, triple in enumerate(result):
        if limit is not None and i >= limit:
            break
        rows.append([short_term(triple.subject), short_term(triple.predicate), short_term(triple.object)])
    return ["subject", "predicate", "object"], rows
