"""SPARQL syntax errors in words a user understands.

Oxigraph's parser reports a position and the tokens its grammar would have accepted there, in the
grammar's terms (``expected one of "$", "'", "(", … ['A' ..= 'Z' | 'a' ..= 'z' | '\\u{00C0}'..=…]``). This
module turns that into one line::

    syntax error at line 4, column 1: found "}" where a value (a variable ?x, an IRI <…>, a prefixed name
    lg:Court, a literal "…" or a number) or "(" was expected; near `FILTER(?x = ⏎ ‸}`

- the line and column (counted in characters, as the parser counts them);
- what was found there (a token, or the end of the query);
- what could have come instead, in plain words; an undeclared prefix is named as such;
- the text around the position, with ``‸`` where the error is and ``⏎`` for a line break.
"""

from __future__ import annotations

import re

__all__ = ["describe_syntax_error", "expected_in_words"]

_POSITION = re.compile(r"error at (\d+):(\d+):?\s*(.*)", re.S)
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\[(?:[^\]\\]|\\.)*\]|[^,\s][^,]*')
_PREFIXED = re.compile(r"([A-Za-z\u00c0-\uffff][\w.\-\u00c0-\uffff]*)?:[\w.\-%\u00c0-\uffff]*$")
_FOUND = re.compile(r"\?\w+|\$\w+|<[^>\s]*>?|\"[^\"\n]*\"?|'[^'\n]*'?|[\w\u00c0-\uffff:.\-]+|\S")
_QUERY_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
_BEFORE, _AFTER = 30, 20
"""How many characters of context to show before and after the error."""

_WORDS = {
    '"?"': "a variable ?x",
    '"$"': "a variable ?x",
    '"<"': "an IRI <…>",
    '":"': "a prefixed name lg:Court",
    '"\\""': 'a literal "…"',
    '"\'"': 'a literal "…"',
    '"\\"\\"\\""': 'a literal "…"',
    '"\'\'\'"': 'a literal "…"',
    '"true"': "true or false",
    '"false"': "true or false",
    '"_:"': "a blank node",
    '"["': "a blank node",
}
_NUMBER = ("\"+\"", "\"-\"", "['0'..='9']")
_PUNCTUATION = frozenset('(){}.;,=!<>')
_TERMS = ("a variable ?x", "an IRI <…>", "a prefixed name lg:Court", 'a literal "…"', "a number",
          "true or false", "a blank node")
_VALUE = 'a value (a variable ?x, an IRI <…>, a prefixed name lg:Court, a literal "…" or a number)'
_CLAUSES = frozenset({"OPTIONAL", "BIND", "FILTER", "MINUS", "SERVICE", "VALUES", "GRAPH", "UNION", "BY",
                      "WHERE", "LIMIT", "OFFSET", "ORDER", "GROUP", "HAVING", "AS", "FROM", "NAMED",
                      *_QUERY_FORMS, "PREFIX", "BASE", "DISTINCT", "REDUCED"})
"""Keywords that are clauses; any other keyword in the parser's list is a function: an expression."""


def _token_words(token: str) -> str | None:
    """Plain words for one token of the parser's list, or None when it says nothing useful on its own."""
    if token in _WORDS:
        return _WORDS[token]
    if token in _NUMBER:
        return "a number"
    if token.startswith("[") and ("'A'" in token or "'a'" in token):
        return "a prefixed name lg:Court"  # the characters a name may start with
    if token.startswith("[") or token == "[_]":
        return None  # any character, or the characters inside a name
    if token.startswith('"') and token.endswith('"'):
        inner = token[1:-1].replace('\\"', '"').replace("\\\\", "\\")
        if len(inner) == 1 and inner in _PUNCTUATION:
            return f'"{inner}"'
        if inner.isalpha():
            return inner.upper()
        return None  # path and RDF-star operators (|, /, ^, <<, {|, ~): noise for most users
    if token.isupper() or token.replace("_", "").isalpha():
        return token.upper() if token.isupper() else None
    return None


def expected_in_words(detail: str) -> tuple[list[str], bool]:
    """The parser's "expected …" list as plain phrases, and whether it says a prefix was not declared.

    >>> expected_in_words('expected one of "?", "(", [\\'0\\'..=\\'9\\']')
    (['a variable ?x', '"("', 'a number'], False)
    >>> expected_in_words('expected one of "?", "<", "(", "false", "}"')[0]
    ['a value (a variable ?x, an IRI <…>, a prefixed name lg:Court, a literal "…" or a number)', '"("', '"}"']
    >>> expected_in_words("expected one of COALESCE, CONTAINS, [_], sameTerm")[0]
    ['an expression']
    >>> expected_in_words("expected one of Prefix not found, ['%'], [':']")
    ([], True)
    """
    detail = detail.strip()
    detail = re.sub(r"^expected(?: one of)?\s*", "", detail)
    phrases: list[str] = []
    undeclared = False
    for token in (t.strip() for t in _TOKEN.findall(detail)):
        if token == "Prefix not found":
            undeclared = True
            continue
        words = _token_words(token)
        if words and words.isupper() and words not in _CLAUSES:
            words = "an expression"  # COALESCE, CONTAINS, STRAFTER …: the names of functions
        if words and words not in phrases:
            phrases.append(words)
    if sum(phrase in _TERMS for phrase in phrases) >= 3:
        first = next(i for i, phrase in enumerate(phrases) if phrase in _TERMS)
        rest = [phrase for phrase in phrases if phrase not in _TERMS]
        phrases = [*rest[:first], _VALUE, *rest[first:]]
    return phrases, undeclared


def _or_list(phrases: list[str]) -> str:
    return phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " or " + phrases[-1]


def _offset(query: str, line: int, column: int) -> int:
    """The character offset of a 1-based line and column (clamped to the text)."""
    lines = query.split("\n")
    if line > len(lines):
        return len(query)
    start = sum(len(text) + 1 for text in lines[: line - 1])
    return min(start + max(column - 1, 0), start + len(lines[line - 1]))


def _context(query: str, at: int) -> str:
    before = query[max(0, at - _BEFORE) : at]
    after = query[at : at + _AFTER]
    before = before.split("\n", 1)[-1] if before.count("\n") > 1 else before
    after = after.split("\n", 1)[0]
    snippet = " ⏎ ".join(part.strip() for part in (before + "‸" + after).split("\n"))
    return snippet.strip() or "‸"


def _found(query: str, at: int) -> str:
    rest = query[at:].lstrip()
    if not rest:
        return "the end of the query"
    token = _FOUND.match(rest)
    text = token.group() if token else rest[0]
    return f'"{text[:30]}"'


def describe_syntax_error(message: str, query: str) -> str:
    """One line for a SPARQL syntax error: where, what was found, what was expected, and the text around.

    Parameters
    ----------
    message : str
        The parser's message (pyoxigraph's ``SyntaxError``: ``error at LINE:COLUMN: expected …``).
    query : str
        The query text the position refers to.

    Examples
    --------
    >>> q = "SELECT ?x WHERE {\\n  ?x a lg:Court .\\n  FILTER(?x = \\n}"
    >>> parser_says = 'error at 4:1: expected one of "$", "(", "<", "?", [_]'
    >>> print(describe_syntax_error(parser_says, q))  # doctest: +NORMALIZE_WHITESPACE
    syntax error at line 4, column 1: found "}" where a variable ?x, "(" or an IRI <…> was expected;
    near `FILTER(?x = ⏎ ‸}`
    >>> print(describe_syntax_error("error at 1:28: expected one of Prefix not found, [':']",
    ...                             "SELECT ?x WHERE { ?x ex:foo ?o }"))  # doctest: +NORMALIZE_WHITESPACE
    syntax error at line 1, column 28: the prefix ex: is not declared; add `PREFIX ex: <…>` before the
    query or use a predeclared one (lg:, lgr:, org:, skos:, dcterms:, prov: …);
    near `SELECT ?x WHERE { ?x ex:foo‸ ?o }`
    >>> typo, parser_says = "SELEC ?x WHERE { ?x ?p ?o }", "error at 1:1: expected CONSTRUCT"
    >>> print(describe_syntax_error(parser_says, typo))  # doctest: +NORMALIZE_WHITESPACE
    syntax error at line 1, column 1: a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE
    (after any PREFIX lines); near `‸SELEC ?x WHERE { ?x`
    """
    text = message.strip()
    found_at = _POSITION.search(text)
    if not found_at:
        return f"syntax error: {' '.join(text.split())}"
    line, column = int(found_at.group(1)), int(found_at.group(2))
    at = _offset(query, line, column)
    phrases, undeclared = expected_in_words(found_at.group(3))
    where = f"syntax error at line {line}, column {column}"
    near = f"near `{_context(query, at)}`"
    if undeclared:
        prefix = _PREFIXED.search(query[:at])
        name = f"{prefix.group(1) or ''}:" if prefix else "a prefix"
        return (f"{where}: the prefix {name} is not declared; add `PREFIX {name} <…>` before the query "
                f"or use a predeclared one (lg:, lgr:, org:, skos:, dcterms:, prov: …); {near}")
    head = query[:at].strip().upper()
    if not any(form in head for form in _QUERY_FORMS) and (
        not phrases or set(phrases) <= {*_QUERY_FORMS, "PREFIX", "BASE"}
    ):
        forms = "SELECT, CONSTRUCT, ASK or DESCRIBE"
        return f"{where}: a query starts with {forms} (after any PREFIX lines); {near}"
    found = _found(query, at)
    if phrases:
        if found == "the end of the query":
            return f"{where}: the query ends where {_or_list(phrases)} was expected; {near}"
        return f"{where}: found {found} where {_or_list(phrases)} was expected; {near}"
    return f"{where}: unexpected {found}; {near}"
