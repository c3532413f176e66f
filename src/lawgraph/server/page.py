"""The browser page at ``/``: inline HTML and JS (no CDN) with the saved queries as examples."""

from __future__ import annotations

import json
import logging

__all__: list[str] = ["saved_examples", "query_page"]

logger = logging.getLogger("lawgraph.server")  # one logger for the whole endpoint, as before the split


def saved_examples() -> dict[str, str]:
    try:
        from lawgraph import queries
    except ImportError:
        return {}
    out: dict[str, str] = {}
    try:
        for name in queries.list_saved():
            out[str(name)] = queries.load_saved(str(name))
    except Exception as err:  # the page still works without examples
        logger.warning("could not read the saved queries for the browser page: %s", err)
    return out


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>lawgraph SPARQL</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:80rem}
textarea{width:100%;height:14rem;font-family:monospace;font-size:.9rem}
table{border-collapse:collapse;margin-top:1rem;font-size:.85rem}
td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}#status{margin-left:1rem;color:#555}pre{white-space:pre-wrap}
</style></head><body>
<h1>lawgraph SPARQL endpoint</h1>
<p>Endpoint: <code id="endpoint"></code>. The default graph is the union of all graphs; the usual prefixes
(lg:, lgr:, org:, skos:, schema:, dcterms:, prov:, qb:, nif: …) are predeclared.
Read-only; SERVICE is refused.</p>
<label>Example: <select id="examples"><option value="">(choose a saved query)</option></select></label>
<form id="form"><textarea id="query" name="query" spellcheck="false">SELECT ?org ?label WHERE {
  ?org a org:Organization ; skos:prefLabel ?label .
} LIMIT 20</textarea><br>
<button type="submit">Run</button><span id="status"></span></form>
<div id="results"></div>
<script id="example-data" type="application/json">__EXAMPLES__</script>
<script>
"use strict";
const examples = JSON.parse(document.getElementById("example-data").textContent);
const select = document.getElementById("examples");
const endpoint = new URL("sparql", window.location.href).href;
document.getElementById("endpoint").textContent = endpoint;
for (const name of Object.keys(examples)) {
  const opt = document.createElement("option");
  opt.value = name; opt.textContent = name; select.appendChild(opt);
}
select.addEventListener("change", () => {
  if (select.value) document.getElementById("query").value = examples[select.value];
});
function cell(term) {
  if (!term) return "";
  if (term.type === "literal" && term["xml:lang"]) return term.value + " @" + term["xml:lang"];
  return term.value;
}
document.getElementById("form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const status = document.getElementById("status"), out = document.getElementById("results");
  out.textContent = ""; status.textContent = "running…";
  const started = performance.now();
  try {
    const resp = await fetch(endpoint, {method: "POST",
      headers: {"Content-Type": "application/sparql-query",
                "Accept": "application/sparql-results+json, text/turtle;q=0.9"},
      body: document.getElementById("query").value});
    const text = await resp.text();
    const ms = Math.round(performance.now() - started);
    if (!resp.ok) { status.textContent = "HTTP " + resp.status + " (" + ms + " ms)";
      const pre = document.createElement("pre"); pre.textContent = text; out.appendChild(pre); return; }
    if ((resp.headers.get("Content-Type") || "").includes("json")) {
      const data = JSON.parse(text);
      if ("boolean" in data) { status.textContent = "ASK: " + data.boolean + " (" + ms + " ms)"; return; }
      const vars = data.head.vars, rows = data.results.bindings;
      status.textContent = rows.length + " rows (" + ms + " ms)";
      const table = document.createElement("table"), head = table.insertRow();
      for (const v of vars) {
        const th = document.createElement("th"); th.textContent = v; head.appendChild(th);
      }
      for (const row of rows) { const tr = table.insertRow();
        for (const v of vars) tr.insertCell().textContent = cell(row[v]); }
      out.appendChild(table);
    } else {
      status.textContent = "graph (" + ms + " ms)";
      const pre = document.createElement("pre"); pre.textContent = text; out.appendChild(pre);
    }
  } catch (err) { status.textContent = "error: " + err; }
});
</script></body></html>
"""


def query_page(examples: dict[str, str]) -> bytes:
    data = json.dumps(examples, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")
    return _PAGE.replace("__EXAMPLES__", data).encode("utf-8")
