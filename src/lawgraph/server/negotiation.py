"""What an answer looks like: the content type picked by :func:`negotiate`, and plain-text errors."""

from __future__ import annotations

__all__ = ["negotiate", "error_answer"]

_RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
_GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
}
_MEDIA = {
    "json": "application/sparql-results+json; charset=utf-8",
    "xml": "application/sparql-results+xml; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples; charset=utf-8",
}
_FORMAT_PARAM = {
    "json": "json",
    "xml": "xml",
    "csv": "csv",
    "tsv": "tsv",
    "turtle": "turtle",
    "ttl": "turtle",
    "ntriples": "ntriples",
    "nt": "ntriples",
    "n-triples": "ntriples",
}


def negotiate(accept: str | None, kind: str, *, format_param: str | None = None) -> tuple[str, str]:
    """Pick ``(content type, lawgraph format)`` for a result of ``kind`` (``select``, ``ask``, ``graph``).

    ``format_param`` (the ``format=``/``output=`` URL parameter some clients send) wins when it fits the
    result; then the ``Accept`` header by q-value; else JSON results or Turtle graphs.
    """
    table = _GRAPH_TYPES if kind == "graph" else _RESULT_TYPES
    allowed = set(table.values())
    if format_param:
        wanted = _FORMAT_PARAM.get(format_param.lower().strip())
        if wanted in allowed:
            return _MEDIA[wanted], wanted
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, media))
    for _, _, media in sorted(ranked):
        if media in table:
            return _MEDIA[table[media]], table[media]
    default = "turtle" if kind == "graph" else "json"
    return _MEDIA[default], default


def error_answer(status: int, message: str) -> tuple[int, str, bytes]:
    return status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8")
