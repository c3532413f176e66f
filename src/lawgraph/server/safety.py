"""Refusing federated queries: :func:`find_service` finds the ``SERVICE`` keyword outside strings, IRIs
and comments, with ``\\uXXXX`` escapes decoded first (Oxigraph would otherwise fetch the named URL).
"""

from __future__ import annotations

import re

from lawgraph.query import mask_query

__all__ = ["find_service"]

_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SERVICE = re.compile(r"(?<![\w?$:.\-])SERVICE(?![\w:\-])", re.I)


def _unescape(query: str) -> str:
    def repl(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else m.group(0)

    return _UNICODE_ESCAPE.sub(repl, query)


def find_service(query: str) -> bool:
    """Whether ``query`` uses the ``SERVICE`` keyword (federated query) anywhere outside strings, IRIs and comments."""
    # Read the text both as written and with \u escapes decoded (SPARQL 1.1 allows engines to decode them
    # anywhere): a keyword seen either way is refused.
    return any(_SERVICE.search(mask_query(text)) for text in (query, _unescape(query)))
