"""notebooks/explore.ipynb: stored without outputs, parameterized, and every cell runs.

It is executed the two ways the README shows: ``jupyter nbconvert --execute`` on the bundled example (no
parameters), and papermill with ``REPORT`` set to a folder of two reports (the example and a second
fictional report of ours) and with ``STORE`` set to a graph file built before. The CJK-font cell is run on
its own with matplotlib's font list emptied, to see that it warns exactly once.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK = REPO / "notebooks" / "explore.ipynb"
EXAMPLE = REPO / "examples" / "santai-county-2023-fictional.txt"
SECOND = REPO / "tests" / "ingest" / "data" / "pingwu-county-2023-fictional.txt"


def _read() -> Any:
    nbformat = pytest.importorskip("nbformat", reason="the notebook extra is not installed")
    return nbformat.read(NOTEBOOK, as_version=4)


def test_stored_without_outputs():
    import nbformat

    nb = _read()
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    assert all(c.outputs == [] and c.execution_count is None for c in code)


def test_one_parameters_cell_with_empty_defaults():
    nb = _read()
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    names: dict[str, Any] = {}
    exec(tagged[0].source, {}, names)  # the cell only assigns values
    assert names["REPORT"] == "" and names["STORE"] == "" and names["MAX_NODES"] > 0


def _kernel_name() -> str:
    """The ``python3`` kernel of this interpreter (jupyter_client runs it with ``sys.executable``)."""
    pytest.importorskip("ipykernel", reason="the notebook extra is not installed (ipykernel)")
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        pytest.skip("no python3 kernel spec (python -m ipykernel install --sys-prefix)")
    # ipykernel's own spec says "python"; jupyter_client swaps in sys.executable when it launches it.
    assert Path(spec.argv[0]).name.startswith("python"), spec.argv
    return "python3"


def _outputs(nb: Any) -> tuple[str, list[dict[str, Any]]]:
    outputs = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "\n".join(
        "".join(o.get("text", "")) + "".join(o.get("data", {}).get("text/plain", "")) for o in outputs
    )
    return text, outputs


def _check_page_and_plot(outputs: list[dict[str, Any]]) -> None:
    html = ["".join(o["data"]["text/html"]) for o in outputs if "text/html" in o.get("data", {})]
    assert any("<iframe srcdoc=" in h for h in html)  # the graph page, inline and self-contained
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the indicators plot


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LAWGRAPH_REPORT", "LAWGRAPH_STORE")}
    env.update(extra)
    return env


def test_nbconvert_runs_it_on_the_bundled_example(tmp_path):
    _kernel_name()
    jupyter = Path(sys.executable).parent / "jupyter"
    if not jupyter.exists() or importlib_missing("nbconvert"):
        pytest.skip("the notebook extra is not installed (nbconvert)")
    done = subprocess.run(
        [str(jupyter), "nbconvert", "--to", "notebook", "--execute", str(NOTEBOOK),
         "--output-dir", str(tmp_path), "--ExecutePreprocessor.timeout=600"],
        capture_output=True, text=True, env=_env(), timeout=900, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    nb = json.loads((tmp_path / "explore.ipynb").read_text(encoding="utf-8"))
    text, outputs = _outputs(nb)
    assert f"report: {EXAMPLE}" in text
    assert "report: santai-county-2023-fictional.txt — 三台县人民政府关于报送" in text
    assert "nodes and" in text
    _check_page_and_plot(outputs)


def importlib_missing(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is None


def _papermill(tmp_path: Path, **parameters: Any) -> Any:
    papermill = pytest.importorskip("papermill", reason="the notebook extra is not installed (papermill)")
    kernel = _kernel_name()
    out = tmp_path / "out.ipynb"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        papermill.execute_notebook(str(NOTEBOOK), str(out), parameters=parameters, kernel_name=kernel,
                                   cwd=str(NOTEBOOK.parent), progress_bar=False, execution_timeout=600)
    return json.loads(out.read_text(encoding="utf-8"))


def test_papermill_runs_it_on_a_folder_of_two_reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder)
    shutil.copy(SECOND, folder)
    nb = _papermill(tmp_path, REPORT=str(folder), MAX_NODES=60)
    injected = [c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", [])]
    assert len(injected) == 1 and str(folder) in "".join(injected[0]["source"])
    text, outputs = _outputs(nb)
    assert f"report: {folder}" in text
    assert "in 3 graphs" in text  # the shared entities and one graph per report
    assert "report: pingwu-county-2023-fictional.txt — 平武县人民政府关于报送" in text
    assert "report: santai-county-2023-fictional.txt — 三台县人民政府关于报送" in text
    # Section 4: 行政复议案件 (santai) and its synonym 行政复议申请 (pingwu) are one indicator.
    assert "2 reports state 行政复议案件（总量）" in text
    _check_page_and_plot(outputs)


def test_papermill_runs_it_on_a_graph_built_before(tmp_path):
    from lawgraph.cli import main

    graph = tmp_path / "built.trig"
    with pytest.raises(SystemExit) as exit_info:
        main(["build", str(SECOND), "-o", str(graph), "-q"])
    assert exit_info.value.code == 0
    nb = _papermill(tmp_path, STORE=str(graph))
    text, outputs = _outputs(nb)
    assert f"store: {graph}" in text
    assert "report: pingwu-county-2023-fictional.txt — 平武县人民政府关于报送" in text
    _check_page_and_plot(outputs)


def _font_cell() -> str:
    nb = _read()
    (cell,) = [c for c in nb.cells if "cjk-font" in c.metadata.get("tags", [])]
    return str(cell.source)


def test_no_cjk_font_warns_once_and_says_how_to_get_one(monkeypatch):
    matplotlib = pytest.importorskip("matplotlib", reason="the notebook extra is not installed")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    bundled = [f for f in font_manager.fontManager.ttflist if f.name.startswith("DejaVu")]  # matplotlib's own
    monkeypatch.setattr(font_manager.fontManager, "ttflist", bundled)
    with matplotlib.rc_context(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        exec(_font_cell(), {"print": lambda *a, **k: None})
        fig, ax = plt.subplots()
        ax.barh(["受理行政复议案件", "办结"], [126, 9])
        fig.canvas.draw()  # DejaVu Sans has no ideographs: matplotlib would warn once per glyph
        plt.close(fig)
    messages = [str(w.message) for w in caught if issubclass(w.category, UserWarning)]
    assert len(messages) == 1, messages
    assert "no CJK font" in messages[0] and "apt-get install fonts-noto-cjk" in messages[0]


def test_a_cjk_font_is_put_first(monkeypatch):
    matplotlib = pytest.importorskip("matplotlib", reason="the notebook extra is not installed")
    from matplotlib import font_manager

    fake = font_manager.FontEntry(fname="/nowhere/NotoSansCJK.ttc", name="Noto Sans CJK SC")
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [fake])
    with matplotlib.rc_context(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        exec(_font_cell(), {"print": lambda *a, **k: None})
        assert matplotlib.rcParams["font.sans-serif"][0] == "Noto Sans CJK SC"
    assert not [w for w in caught if "CJK" in str(w.message)]
