"""``.ci/run`` takes the shared corpus from ``$LAWGRAPH_CORPUS`` when it is set, else ``../shared/corpus``.

The script runs in a copy of its own folder layout with stand-ins for ``python3`` and ``chromium`` on the
PATH, so the test sees which corpus the test suite would be given without installing or testing anything.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

_PYTHON3 = """#!/bin/sh
# Stand-in for `python3 -m venv .venv`: a venv whose pip does nothing and whose python records the corpus.
mkdir -p .venv/bin
printf '#!/bin/sh\\nexit 0\\n' > .venv/bin/pip
printf '#!/bin/sh\\necho "$LAWGRAPH_CORPUS" > corpus-seen\\n' > .venv/bin/python
chmod +x .venv/bin/pip .venv/bin/python
"""


def _run_ci(tmp_path: Path, corpus: str | None) -> tuple[subprocess.CompletedProcess[str], Path]:
    checkout = tmp_path / "work" / "checkout"
    (checkout / ".ci").mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / ".ci" / "run", checkout / ".ci" / "run")
    tools = tmp_path / "tools"
    tools.mkdir(exist_ok=True)
    for name, body in (("python3", _PYTHON3), ("chromium", "#!/bin/sh\nexit 0\n")):
        (tools / name).write_text(body, encoding="utf-8")
        (tools / name).chmod(stat.S_IRWXU)
    env = {k: v for k, v in os.environ.items() if k != "LAWGRAPH_CORPUS"}
    env["PATH"] = f"{tools}{os.pathsep}{env.get('PATH', '')}"
    if corpus is not None:
        env["LAWGRAPH_CORPUS"] = corpus
    done = subprocess.run(["bash", str(checkout / ".ci" / "run")], env=env, capture_output=True, text=True,
                          timeout=60, check=False)
    return done, checkout


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_ci_honours_a_corpus_that_is_already_set(tmp_path):
    elsewhere = tmp_path / "my-corpus"
    elsewhere.mkdir()
    done, checkout = _run_ci(tmp_path, str(elsewhere))
    assert done.returncode == 0, done.stderr
    assert (checkout / "corpus-seen").read_text(encoding="utf-8").strip() == str(elsewhere)


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_ci_defaults_to_the_shared_corpus_beside_the_checkout(tmp_path):
    done, _ = _run_ci(tmp_path, None)
    assert done.returncode == 1
    assert "../shared/corpus is missing" in done.stderr
    (tmp_path / "work" / "shared" / "corpus").mkdir(parents=True)
    done, checkout = _run_ci(tmp_path, None)
    assert done.returncode == 0, done.stderr
    assert (checkout / "corpus-seen").read_text(encoding="utf-8").strip() == "../shared/corpus"


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_ci_names_a_set_corpus_that_is_missing(tmp_path):
    done, _ = _run_ci(tmp_path, str(tmp_path / "nowhere"))
    assert done.returncode == 1
    assert f"{tmp_path / 'nowhere'} is missing" in done.stderr
