"""notebooks/explore.ipynb: stored without outputs, and every cell runs (executed with nbclient)."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"


def test_stored_without_outputs():
    nbformat = pytest.importorskip("nbformat", reason="the notebook extra is not installed")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    assert all(c.outputs == [] and c.execution_count is None for c in code)


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


def test_notebook_runs(tmp_path):
    nbformat = pytest.importorskip("nbformat", reason="the notebook extra is not installed")
    nbclient = pytest.importorskip("nbclient", reason="the notebook extra is not installed")
    for module in ("pandas", "matplotlib"):
        pytest.importorskip(module, reason="the notebook extra is not installed")
    pytest.importorskip("lawgraph.api", reason="lawgraph.build is not available yet")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        kernel_name=_kernel_name(),
        timeout=600,
        allow_errors=False,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "report:" in text and "nodes and" in text
    # The graph page is displayed inline, self-contained.
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("<iframe srcdoc=" in h for h in html)
    # The indicators plot is shown.
    assert any("image/png" in o.get("data", {}) for o in outputs)
    nbformat.write(nb, tmp_path / "explore.executed.ipynb")  # kept for a look after a failure
