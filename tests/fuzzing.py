"""Generators shared by the hardening tests and ``bench/bench_hardening.py``.

- :func:`service_placements`: SPARQL queries that put ``SERVICE`` (or ``FROM``) aimed at a local listener
  in every place and spelling we could think of: keyword case and ``\\u`` escapes, after a dot without a
  space, after a prefixed name ending in an escape (``\\'``, ``\\#``), after a comparison that looks like
  an IRI, inside OPTIONAL / UNION / MINUS / GRAPH / EXISTS / a subquery, with comments and odd white space.
- :func:`text_mutations`, :func:`byte_mutations`: a report's text or bytes with a random edit.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

PREFIX = "PREFIX ex: <http://example.org/> "

_SEPARATORS = [" ", "", "\n", "\t", "\r\n", " #c\n", "#x\n", "  ", "\n\n"]
_BEFORE = [
    "?s ?p ?o .",
    "?s ?p ?o",
    "?s a lg:Report .",
    "?s a lg:Report",
    "?s ex:a\\' ?o .",
    "?s ?p ex:a\\'",
    "?s ?p ex:a\\#b",
    "?s ?p ex:a\\.",
    "?s ?p ex:a.b",
    "FILTER(?a<?b)",
    "FILTER(1<2)",
    "FILTER(?a<?b||?c>?d)",
    "BIND(1<2 AS ?z)",
    "?s ?p 'x\\''",
    '?s ?p "x\\""',
    "?s ?p '''a''b'''",
    '?s ?p """a""b"""',
    "?s ?p <http://x/(#>",
    "?s ?p ?o FILTER(?o != '#')",
    "VALUES ?v { 1 }",
    "",
]
_AFTER = ["", " ?s ?p ?o .", " FILTER(true)", " #tail"]


def _keyword(rng: random.Random, word: str = "SERVICE") -> str:
    letters = []
    for ch in word:
        roll = rng.random()
        if roll < 0.02:  # Oxigraph 0.5 does not decode escapes in keywords, but another engine might
            letters.append(f"\\u{ord(ch.upper() if rng.random() < 0.5 else ch.lower()):04X}")
        elif roll < 0.025:
            letters.append(f"\\U{ord(ch):08x}")
        elif roll < 0.6:
            letters.append(ch.lower())
        else:
            letters.append(ch.upper())
    return "".join(letters)


def _target(rng: random.Random, url: str) -> tuple[str, str]:
    """The endpoint term and any prologue it needs."""
    kind = rng.randrange(4)
    if kind == 0:
        return f"<{url}>", ""
    if kind == 1:
        return "svc:x", f"PREFIX svc: <{url.rsplit('/', 1)[0]}/> "
    if kind == 2:
        return f"<{url}?q=1#f>", ""
    return f"<{url}>", "BASE <http://example.org/> "


def _wrap(rng: random.Random, pattern: str) -> str:
    kind = rng.randrange(9)
    if kind == 0:
        return pattern
    if kind == 1:
        return f"OPTIONAL {{ {pattern} }}"
    if kind == 2:
        return f"{{ ?s ?p ?o }} UNION {{ {pattern} }}"
    if kind == 3:
        return f"MINUS {{ {pattern} }}"
    if kind == 4:
        return f"GRAPH ?g {{ {pattern} }}"
    if kind == 5:
        return f"FILTER EXISTS {{ {pattern} }}"
    if kind == 6:
        return f"{{ SELECT * WHERE {{ {pattern} }} }}"
    if kind == 7:
        return f"FILTER NOT EXISTS {{ {pattern} }}"
    return f"{{ {pattern} }}"


def service_placement(rng: random.Random, url: str) -> str:
    """One query that names ``url`` in a SERVICE clause (or, one time in ten, in FROM / FROM NAMED)."""
    target, prologue = _target(rng, url)
    if rng.random() < 0.1:
        clause = rng.choice(["FROM", "FROM NAMED"])
        return f"{PREFIX}{prologue}SELECT * {clause} {target} WHERE {{ ?s ?p ?o }} LIMIT 1"
    keyword = _keyword(rng)
    if rng.random() < 0.3:
        keyword += rng.choice([" ", "\n", "#c\n", "\t"]) + _keyword(rng, "SILENT")
    before = rng.choice(_BEFORE)
    sep = rng.choice(_SEPARATORS)
    sep2 = rng.choice([" ", "", "\n", "#c\n"])
    if target.startswith("svc:") and not sep2.strip(" "):
        sep2 = " "  # SERVICEsvc:x would be one name
    service = f"{keyword}{sep2}{target}{rng.choice(['', ' ', chr(10)])}{{ ?s ?p ?o }}"
    body = f"{before}{sep}{_wrap(rng, service)}{rng.choice(_AFTER)}"
    head = rng.choice(["SELECT *", "SELECT ?s", "ASK", "CONSTRUCT { ?s ?p ?o }", "SELECT (COUNT(*) AS ?n)"])
    where = rng.choice([" WHERE ", " ", "\n"]) if not head.startswith("ASK") else " "
    return f"{PREFIX}{prologue}{head}{where}{{ {body} }}"


def service_placements(n: int, url: str, *, seed: int = 17) -> Iterator[str]:
    """``n`` queries from :func:`service_placement`, reproducible from ``seed``."""
    rng = random.Random(seed)
    for _ in range(n):
        yield service_placement(rng, url)


_INSERTS = [
    "12345678901234567890123456789件",
    "９９．９％",
    "1,234,567.89亿元",
    "0.0000001%",
    "一千零五十万零三百人次",
    "《",
    "》",
    "“",
    "”",
    "<p>",
    "</div>",
    "&amp;",
    "&#x1b;",
    "\x1b[31m",
    "\u202e",
    "\u3000",
    "\ufeff",
    "\x00",
    "\r",
    "\n\n\n",
    "一、",
    "（二）",
    "3.",
    "第十二条",
    "万万万万万亿",
    "半",
    "多",
    "余",
    "、",
    "；",
    "。",
    "2022年12月31日",
    "..",
    "%",
    "件件件",
    "9" * 400,
    "〇" * 50,
    "\ud7ff",
    "🙂",
]


def text_mutations(text: str, n: int, *, seed: int = 17) -> Iterator[str]:
    """``n`` copies of ``text``, each with one to three random edits (inserts, deletes, swaps, repeats)."""
    rng = random.Random(seed)
    for _ in range(n):
        out = text
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(out) + 1)
            kind = rng.randrange(5)
            if kind == 0:
                out = out[:i] + rng.choice(_INSERTS) + out[i:]
            elif kind == 1:
                out = out[:i] + out[i + rng.randint(1, 200) :]
            elif kind == 2:
                j = rng.randrange(len(out) + 1)
                a, b = sorted((i, j))
                out = out[:a] + out[b : b + (b - a)] + out[a:b] + out[b + (b - a) :]
            elif kind == 3:
                out = out[:i] + out[i : i + rng.randint(1, 100)] * rng.randint(2, 20) + out[i:]
            else:
                out = (
                    out[:i]
                    + "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randint(1, 20)))
                    + out[i:]
                )
        yield out


def byte_mutations(data: bytes, n: int, *, seed: int = 17) -> Iterator[bytes]:
    """``n`` copies of ``data`` with random bytes flipped, inserted or cut (the encoding may break)."""
    rng = random.Random(seed)
    for _ in range(n):
        out = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(len(out) + 1)
            kind = rng.randrange(3)
            if kind == 0 and i < len(out):
                out[i] = rng.randrange(256)
            elif kind == 1:
                out[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
            else:
                del out[i : i + rng.randint(1, 64)]
        yield bytes(out)
