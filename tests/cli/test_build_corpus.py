"""`lawgraph build` on a corpus (--jobs, --store, --prune): failures named, output files left alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
from corpus_helpers import report_graphs  # noqa: E402


def run_cli(args: list[str]) -> int:
    from lawgraph.cli import main

    with pytest.raises(SystemExit) as done:
        main(args)
    return int(done.value.code or 0)


def test_cli_corpus_build_with_jobs_reports_failures_and_prunes(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02 binary")
    store = tmp_path / "store"
    assert run_cli(["build", str(corpus), "--store", str(store), "--jobs", "2"]) == 1
    out, err = capsys.readouterr()
    assert "3 built, 0 unchanged" in out and "1 failed" in out
    assert f"failed: {corpus / 'broken.txt'}: binary" in out
    assert "entities (this run):" in out and "reports/s" in out and "MB/s" in out
    assert str(corpus / "broken.txt") in err  # named as soon as it is skipped, off a terminal as a log line

    (corpus / "broken.txt").unlink()
    (corpus / "beta.txt").unlink()
    assert run_cli(["build", str(corpus), "--store", str(store), "--prune"]) == 0
    out, _ = capsys.readouterr()
    assert "0 built, 2 unchanged" in out and "1 pruned" in out
    assert len(report_graphs(store)) == 2


@pytest.mark.parametrize("name", ["g.nq", "g.trig"])
def test_a_corpus_build_where_every_report_fails_leaves_the_output_file_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    out_path = tmp_path / name
    out_path.write_text("<urn:x:a> <urn:x:b> <urn:x:c> .\n", encoding="utf-8")
    before = out_path.read_bytes()
    code = run_cli(["build", str(tmp_path / "missing.txt"), "-o", str(out_path), "--jobs", "2"])
    assert code == 2
    assert out_path.read_bytes() == before  # not replaced by an empty graph
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left behind
    out, _ = capsys.readouterr()
    assert "1 failed" in out and f"-> {out_path}" not in out


def test_cli_prune_needs_a_store(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["build", str(corpus), "-o", str(tmp_path / "g.nq"), "--prune"]) == 2
    assert "--store" in capsys.readouterr().err
    assert not (tmp_path / "g.nq").exists()
