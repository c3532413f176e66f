"""lawgraph.analysis.summary: the statistics `lawgraph stats` prints."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from lawgraph.analysis import stats

sys.path.insert(0, str(Path(__file__).parent))
from analysis_helpers import SPARQL_PREFIXES, oxigraph_copy  # noqa: E402


def test_stats(hand_dataset):
    result = stats(hand_dataset, top=3)
    store = oxigraph_copy(hand_dataset)
    classes = dict(result.classes)
    for cls, count in classes.items():
        rows = list(
            store.query(
                SPARQL_PREFIXES + f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a {cls} }}",
                use_default_graph_as_union=True,
            )
        )
        assert int(rows[0]["n"].value) == count, cls
    assert classes["lg:Court"] == 1 and classes["prov:Activity"] == 7
    assert result.top_degree[0] == ("张掖市司法局", 5)
    assert len(result.top_degree) == 3
    assert result.top_betweenness[0][0] == "张掖市司法局"
    assert result.components == 2 and result.component_sizes == (8, 2)
    assert result.isolated == 0
    assert json.loads(json.dumps(result.as_dict(), ensure_ascii=False))["nodes"] == 10


def test_stats_samples_big_graphs(hand_dataset):
    result = stats(hand_dataset, exact_limit=4, sample=5)
    assert result.betweenness_sample == 5
    assert stats(hand_dataset, exact_limit=4, sample=5) == result  # the sample is seeded
