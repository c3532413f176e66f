"""Corpus builds: thousands of reports, streamed, in parallel, incremental, on one machine or a Dask cluster.

- :func:`build_corpus` is the entry point (``lawgraph build DIR... --store DIR --jobs N``);
- :mod:`lawgraph.corpus.work`: the unit of work, one report in, N-Quads bytes out;
- :mod:`lawgraph.corpus.runners`: in this process or in a process pool, with bounded submission;
- :mod:`lawgraph.corpus.cluster`: on a Dask distributed cluster (optional extra ``lawgraph[dask]``);
- :mod:`lawgraph.corpus.sinks`: batched store loads and a streamed N-Quads file.

Nothing heavy is imported until a build runs.
"""

from __future__ import annotations

from lawgraph.corpus.build import (
    BuildEvent,
    CorpusSummary,
    build_corpus,
    count_reports,
    plan_tasks,
    source_name,
)
from lawgraph.corpus.work import ReportOutcome, ReportTask

__all__ = [
    "BuildEvent",
    "CorpusSummary",
    "ReportOutcome",
    "ReportTask",
    "build_corpus",
    "count_reports",
    "plan_tasks",
    "source_name",
]
