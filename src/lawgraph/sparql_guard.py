"""What every SPARQL request passes before Oxigraph sees it: limits, then no ``SERVICE``, read from a grammar.

Oxigraph evaluates ``SERVICE <url> { … }`` by opening a connection to ``url`` (seen with pyoxigraph 0.5.13:
a listener received ``POST``, ``user-agent: Oxigraph``), and pyoxigraph has no switch to turn that off. So
anything that runs a query that came from someone else would be a server-side request forgery hole.
:func:`check_query` (and :func:`check_update`) refuse such a request in three steps:

1. **Limits, before any parsing** (a linear scan): at most :data:`MAX_QUERY_BYTES` of UTF-8, at most
   :data:`MAX_NESTING` levels of ``{ ( [``, at most :data:`MAX_OPERATORS` operators. Deeper or longer
   chains crash Oxigraph's recursive evaluator with a stack overflow (3,000 nested ``{`` or 8,000 ``+``
   kill the process), and they make rdflib's parser recurse.
2. **The parse tree:** rdflib's SPARQL 1.1 grammar (:func:`rdflib.plugins.sparql.parser.parseQuery`,
   which decodes ``\\uXXXX`` escapes first, as the grammar says) reads the query, and the tree is walked
   for ``ServiceGraphPattern`` nodes. A query rdflib cannot read (a syntax error, or syntax beyond
   SPARQL 1.1) is let through to Oxigraph only when its text holds no ``service`` at all, in any case, in
   any spelling the lexer decodes.
3. **The text, as a second line:** the tokens of the query, read twice (once taking ``<…>`` as an IRI
   where the lexer could, once taking it as *less than* where the text between could be code), must
   hold no ``SERVICE`` keyword. False positives only refuse.

:func:`guarded_query_options` also reads the dataset clause: a query with ``FROM`` or ``FROM NAMED`` gets
exactly that dataset (not the union of all graphs).

Examples
--------
>>> check_query("SELECT * WHERE { ?s ?p ?o }").has_dataset
False
>>> check_query("SELECT * FROM <http://x/g> WHERE { ?s ?p ?o }").has_dataset
True
>>> check_query("SELECT * WHERE { ?s a lg:Report .SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }")
Traceback (most recent call last):
...
lawgraph.errors.QueryError: query: SERVICE (federated query) is refused: lawgraph never lets a query ...
>>> has_service_keyword("SELECT * { ?s ?p 'SERVICE <http://x/> {}' }")
False
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lawgraph.errors import QueryError

__all__ = [
    "MAX_QUERY_BYTES",
    "MAX_NESTING",
    "MAX_OPERATORS",
    "QueryCheck",
    "check_query",
    "check_update",
    "check_limits",
    "has_service_keyword",
    "SERVICE_REFUSED",
    "guarded_memory_store",
    "guarded_rdflib_store",
]

MAX_QUERY_BYTES = 100_000
"""Longest query text accepted, in UTF-8 bytes (rdflib reads about 50 kB/s of SPARQL)."""

MAX_NESTING = 64
"""Deepest nesting of ``{``, ``(`` and ``[`` accepted."""

MAX_OPERATORS = 1_000
"""Most operators (``|| && ! = < + - * / | ^`` and ``UNION OPTIONAL MINUS``) in one query."""

SERVICE_REFUSED = "SERVICE (federated query) is refused: lawgraph never lets a query open a connection"
"""The reason given for a refused SERVICE; it says nothing of the address named."""

_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

# Name characters of the SPARQL grammar (PN_CHARS), approximated from above by \w plus the few extras.
_NC = r"[\w\-\u00B7\u0300-\u036F\u203F\u2040]"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_LOCAL = rf"(?:(?:{_NC}|:|{_PLX})(?:(?:{_NC}|[.:]|{_PLX})*(?:{_NC}|:|{_PLX}))?)"
_TOKEN_PARTS = [
    ("ws", r"[ \t\r\n]+"),
    ("comment", r"\#[^\r\n]*"),
    (
        "string",
        r'"""(?:[^"\\]|\\.|"(?!""))*"""'
        r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
        r'|"(?:[^"\\\r\n]|\\.)*"'
        r"|'(?:[^'\\\r\n]|\\.)*'",
    ),
    ("iri", None),  # filled per reading: with or without parentheses inside
    ("var", rf"[?$]{_NC}+"),
    ("bnode", rf"_:{_NC}(?:(?:{_NC}|\.)*{_NC})?"),
    ("pname", rf"(?:[^\W\d_][\w\-\u00B7\u0300-\u036F\u203F\u2040.]*)?:{_LOCAL}?"),
    ("number", r"\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?"),
    ("langtag", r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*"),
    ("word", r"[^\W\d]\w*"),
    ("op", r"\|\||&&|!=|<=|>=|\^\^|[-+*/!=<>|^]"),
    ("open", r"[{(\[]"),
    ("close", r"[})\]]"),
    ("other", r"[\s\S]"),
]
_IRI_STRICT = r'<[^<>"{}|^`\\\x00-\x20()]*>'  # where a ")" inside could mean "<" was less-than
_IRI_LEXER = r'<[^<>"{}|^`\\\x00-\x20]*>'  # the lexer's IRIREF


def _tokenizer(iri: str) -> re.Pattern[str]:
    parts = [(name, iri if name == "iri" else pattern) for name, pattern in _TOKEN_PARTS]
    return re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in parts))


_READINGS = (_tokenizer(_IRI_LEXER), _tokenizer(_IRI_STRICT))
_OPERATOR_WORDS = frozenset({"union", "optional", "minus"})


def _unescape(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else m.group(0)

    return _UNICODE_ESCAPE.sub(repl, text)


def _views(text: str) -> list[str]:
    """The text as written and with ``\\u`` escapes decoded (an engine may decode them anywhere)."""
    decoded = _unescape(text)
    return [text] if decoded == text else [text, decoded]


def _tokens(text: str, reading: re.Pattern[str]) -> Iterator[tuple[str, str]]:
    """The tokens of ``text`` (white space left out), in linear time.

    A quote that opens no string (unterminated) makes the regex scan to the end of the line, or of the
    text; every later quote of the same kind before that point fails the same way, so it is not tried
    again (its characters are read as code, which can only make the checks stricter).
    """
    pos, end = 0, len(text)
    failed_until: dict[str, int] = {}
    while pos < end:
        ch = text[pos]
        if ch in "\"'" and failed_until.get(ch, -1) > pos:
            yield "other", ch
            pos += 1
            continue
        m = reading.match(text, pos)
        if m is None:  # cannot happen: "other" matches any character
            return
        kind = m.lastgroup or "other"
        if ch in "\"'" and kind != "string":
            long = text.startswith(ch * 3, pos)
            eol = len(text) if long else _line_end(text, pos)
            failed_until[ch] = max(failed_until.get(ch, -1), eol)
        if kind != "ws":
            yield kind, m.group()
        pos = m.end()


def _line_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find("\n", pos), text.find("\r", pos)) if i >= 0]
    return min(ends) if ends else len(text)


def _is_service(word: str) -> bool:
    # casefold: "ſERVICE" folds to "service" too; an engine comparing case-insensitively might agree.
    return word.casefold() == "service"


def has_service_keyword(query: str) -> bool:
    """Whether any reading of ``query``'s tokens has the ``SERVICE`` keyword (the text check).

    Strings, IRIs and comments are skipped, ``\\uXXXX`` escapes are decoded, and a prefixed name is one
    token (``ex:a\\'`` included). ``<…>`` is read both as an IRI and, where the text between could be code,
    as *less than*; a keyword seen in either reading counts. A local name that hides ``.SERVICE`` after
    a dot counts too (an engine could end the name at the dot).

    >>> has_service_keyword("SELECT * { ?s ?p ?o . SERVICE <http://x/> { ?s ?p ?o } }")
    True
    >>> has_service_keyword("SELECT * { ?s ex:a\\\\' SERVICE <http://x/> { ?s ?p ?o } }")
    True
    >>> has_service_keyword("SELECT * { FILTER(?a<?b)SERVICE#>\\n<http://x/> { ?s ?p ?o } }")
    True
    >>> has_service_keyword("SELECT ?service { ?service schema:Service <http://e/SERVICE> } # SERVICE")
    False
    """
    for text in _views(query):
        for reading in _READINGS:
            for kind, value in _tokens(text, reading):
                if kind == "word" and _is_service(value):
                    return True
                if kind == "pname":
                    local = value.split(":", 1)[1]
                    if any(_is_service(part) for part in re.split(r"[.:]", local)[1:]):
                        return True
    return False


def check_limits(
    query: str,
    *,
    where: str = "query",
    max_bytes: int = MAX_QUERY_BYTES,
    max_nesting: int = MAX_NESTING,
    max_operators: int = MAX_OPERATORS,
) -> None:
    """Refuse a query that is too long, too deeply nested or has too many operators (before parsing).

    >>> check_limits("SELECT * WHERE " + "{" * 65 + "}" * 65)
    Traceback (most recent call last):
    ...
    lawgraph.errors.QueryError: query: the query nests { ( [ deeper than 64 levels
    """
    size = len(query.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise QueryError(where, f"the query is {size} bytes long; the limit is {max_bytes}")
    for text in _views(query):
        for reading in _READINGS:
            depth = deepest = operators = 0
            for kind, value in _tokens(text, reading):
                if kind == "open":
                    depth += 1
                    deepest = max(deepest, depth)
                elif kind == "close":
                    depth = max(0, depth - 1)
                elif kind == "op" or (kind == "word" and value.casefold() in _OPERATOR_WORDS):
                    operators += 1
            if deepest > max_nesting:
                raise QueryError(where, f"the query nests {{ ( [ deeper than {max_nesting} levels")
            if operators > max_operators:
                raise QueryError(where, f"the query has more than {max_operators} operators")


@dataclass(frozen=True, slots=True)
class QueryCheck:
    """What the checks read from a query that passed them.

    Attributes
    ----------
    parsed : bool
        rdflib's grammar read it (else Oxigraph will say what is wrong, or run syntax beyond SPARQL 1.1).
    has_dataset : bool
        It has a ``FROM`` or ``FROM NAMED`` clause, which must be honoured (no union default graph).
    """

    parsed: bool
    has_dataset: bool


_PARSE_LOCK = threading.Lock()
_RECURSION_NEEDED = 20_000  # rdflib's parser takes about 40 frames per nesting level


def _parse(text: str, *, update: bool) -> Any:
    """rdflib's parse tree of ``text``, or None when its grammar cannot read it."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    with _PARSE_LOCK:
        previous = sys.getrecursionlimit()
        sys.setrecursionlimit(max(previous, _RECURSION_NEEDED))
        try:
            return parseUpdate(text) if update else parseQuery(text)
        except (ParseBaseException, RecursionError, ValueError, TypeError, AttributeError):
            return None
        finally:
            sys.setrecursionlimit(previous)


def _walk(tree: Any) -> Iterator[Any]:
    """Every node of an rdflib parse tree (ParseResults, CompValue, lists), without recursion."""
    stack = [tree]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, dict):  # CompValue is an OrderedDict
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            stack.extend(list(node))


def _node_name(node: Any) -> str | None:
    name = getattr(node, "name", None)
    return name if isinstance(name, str) and isinstance(node, dict) else None


def _check(text: str, *, where: str, update: bool, limits: dict[str, int]) -> QueryCheck:
    if not isinstance(text, str):
        raise QueryError(where, "the query must be text")
    check_limits(text, where=where, **limits)
    key = (text, update)
    with _PARSE_LOCK:
        known = _PASSED.get(key)
    if known is not None:  # the same text passed before (an endpoint sees the same queries again and again)
        return known
    checked = _check_parsed(text, where=where, update=update)
    with _PARSE_LOCK:
        _PASSED[key] = checked
        while len(_PASSED) > 1024:
            _PASSED.pop(next(iter(_PASSED)))
    return checked


_PASSED: dict[tuple[str, bool], QueryCheck] = {}
"""Texts that passed the parse and the text check (the limits are checked every time), oldest first."""


def _check_parsed(text: str, *, where: str, update: bool) -> QueryCheck:
    tree = _parse(text, update=update)
    if tree is None:
        # rdflib cannot read it: Oxigraph may only see it if no spelling of the word could be the keyword.
        if any("service" in view.casefold() for view in _views(text)):
            raise QueryError(where, SERVICE_REFUSED)
        return QueryCheck(parsed=False, has_dataset=_has_from_token(text))
    names = {_node_name(node) for node in _walk(tree)}
    if "ServiceGraphPattern" in names or has_service_keyword(text):
        raise QueryError(where, SERVICE_REFUSED)
    has_dataset = "DatasetClause" in names or _has_from_token(text)
    return QueryCheck(parsed=True, has_dataset=has_dataset)


def _has_from_token(text: str) -> bool:
    return any(
        kind == "word" and value.casefold() == "from"
        for view in _views(text)
        for kind, value in _tokens(view, _READINGS[0])
    )


def check_query(
    query: str,
    *,
    where: str = "query",
    max_bytes: int = MAX_QUERY_BYTES,
    max_nesting: int = MAX_NESTING,
    max_operators: int = MAX_OPERATORS,
) -> QueryCheck:
    """Check a SPARQL query before it runs: the limits, then no SERVICE (parse tree and text).

    Raises
    ------
    QueryError
        The query is over a limit or uses SERVICE. The message never names the address it wanted.
    """
    limits = {"max_bytes": max_bytes, "max_nesting": max_nesting, "max_operators": max_operators}
    return _check(query, where=where, update=False, limits=limits)


def check_update(update: str, *, where: str = "update") -> QueryCheck:
    """Check a SPARQL update before it runs (its WHERE may hold SERVICE too); see :func:`check_query`."""
    limits = {"max_bytes": MAX_QUERY_BYTES, "max_nesting": MAX_NESTING, "max_operators": MAX_OPERATORS}
    return _check(update, where=where, update=True, limits=limits)


_GUARDED_STORE: type | None = None


def guarded_rdflib_store(inner: Any) -> Any:
    """An oxrdflib ``OxigraphStore`` over the pyoxigraph store ``inner`` that checks every query and update.

    ``rdflib.Dataset(store=guarded_rdflib_store(ox_store))`` keeps the rdflib API (what
    :func:`lawgraph.open_store` returns) while each ``query``/``update`` string passes
    :func:`check_query`/:func:`check_update` first. A query prepared by rdflib (``prepareQuery``), which
    Oxigraph cannot take and rdflib would evaluate itself, is refused when its algebra holds SERVICE.
    """
    global _GUARDED_STORE
    if _GUARDED_STORE is None:
        from oxrdflib import OxigraphStore

        class GuardedOxigraphStore(OxigraphStore):
            """oxrdflib's store, with lawgraph's checks in front of Oxigraph (and of rdflib's engine)."""

            def query(self, query: Any, *args: Any, **kwargs: Any) -> Any:
                if isinstance(query, str):
                    check_query(query)
                elif _algebra_has_service(query):
                    raise QueryError("query", SERVICE_REFUSED)
                return super().query(query, *args, **kwargs)

            def update(self, update: Any, *args: Any, **kwargs: Any) -> Any:
                if isinstance(update, str):
                    check_update(update)
                elif _algebra_has_service(update):
                    raise QueryError("update", SERVICE_REFUSED)
                return super().update(update, *args, **kwargs)

        _GUARDED_STORE = GuardedOxigraphStore
    return _GUARDED_STORE(store=inner)


_GUARDED_MEMORY: type | None = None


def guarded_memory_store() -> Any:
    """An empty rdflib ``Memory`` store whose queries and updates are checked before rdflib runs them.

    rdflib's own SPARQL engine follows ``SERVICE`` over HTTP. ``rdflib.Dataset(store=guarded_memory_store())``
    (what :func:`lawgraph.build` returns) asks its store first: this one passes each query through
    :func:`check_query` (or refuses a prepared query whose algebra holds SERVICE), then declines, so rdflib
    evaluates it as usual. Only ``query(..., use_store_provided=False)``, which skips the store, escapes it.
    """
    global _GUARDED_MEMORY
    if _GUARDED_MEMORY is None:
        from rdflib.plugins.stores.memory import Memory

        class GuardedMemory(Memory):
            """rdflib's memory store, with lawgraph's checks in front of rdflib's SPARQL engine."""

            def query(self, query: Any, *args: Any, **kwargs: Any) -> Any:
                if isinstance(query, str):
                    check_query(query)
                elif _algebra_has_service(query):
                    raise QueryError("query", SERVICE_REFUSED)
                raise NotImplementedError  # checked: rdflib's engine runs it

            def update(self, update: Any, *args: Any, **kwargs: Any) -> Any:
                if isinstance(update, str):
                    check_update(update)
                elif _algebra_has_service(update):
                    raise QueryError("update", SERVICE_REFUSED)
                raise NotImplementedError

        _GUARDED_MEMORY = GuardedMemory
    return _GUARDED_MEMORY()


def _algebra_has_service(prepared: Any) -> bool:
    """Whether an rdflib ``Query``/``Update`` object's algebra holds a SERVICE pattern."""
    return any(
        _node_name(node) == "ServiceGraphPattern" for node in _walk(getattr(prepared, "algebra", prepared))
    )
