"""``lawgraph build`` and ``lawgraph validate`` on the command line: outputs, summary, errors, exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from lawgraph.cli import main

# A fictional report we wrote; no corpus text.
EXAMPLE = (
    "永登县司法局关于报送2023年度法治政府建设情况的报告\n"
    "县政府：\n"
    "  现将有关情况报告如下。\n"
    "永登县司法局\n"
    "2024年1月20日\n"
    "一、完善制度体系\n"
    "永登县司法局制定《永登县重大行政决策程序规定》。全年办结行政复议案件25件。\n"
)


@pytest.fixture(scope="module")
def shared_nlp():
    from lawgraph.extract.pipeline import make_nlp

    return make_nlp()


@pytest.fixture(autouse=True)
def fast_nlp(monkeypatch, shared_nlp):
    """Build the pipeline once for the module, not once per command."""
    import lawgraph.extract.pipeline as pipeline

    monkeypatch.setattr(pipeline, "make_nlp", lambda *a, **k: shared_nlp)


@pytest.fixture
def good(tmp_path) -> Path:
    path = tmp_path / "wu.txt"
    path.write_text(EXAMPLE, encoding="utf-8")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return exc.value.code, out, err


@pytest.mark.parametrize("ext", ["ttl", "trig", "nt", "nq", "jsonld", "rdf"])
def test_build_writes_every_format(capsys, good, tmp_path, ext):
    out_path = tmp_path / f"graph.{ext}"
    code, out, err = run(capsys, "build", good, "-o", out_path)
    assert code == 0, err
    quads = list(ox.parse(path=str(out_path)))
    assert quads
    if ext in ("trig", "nq", "jsonld"):
        assert any(isinstance(q.graph_name, ox.NamedNode) for q in quads)
    assert "reports" in out and "triples" in out and "seconds" in out


def test_format_option(capsys, good, tmp_path):
    out_path = tmp_path / "graph.data"
    code, _, err = run(capsys, "build", good, "-o", out_path, "--format", "trig")
    assert code == 0, err
    assert list(ox.parse(path=str(out_path), format=ox.RdfFormat.TRIG))


def test_summary_lists_reports_triples_and_classes(capsys, good, tmp_path):
    out_path = tmp_path / "g.nq"
    code, out, _ = run(capsys, "build", good, "-o", out_path)
    assert code == 0
    lines = {line.split()[0]: line.split()[-1] for line in out.splitlines() if line.strip()}
    assert lines["reports"] == "1"
    assert int(lines["triples"]) == len(out_path.read_bytes().splitlines())
    from lawgraph.api import count_classes_nquads
    from lawgraph.vocab import ENTITY_KINDS

    classes = count_classes_nquads(out_path.read_bytes())
    org_classes = {cls.name for cls in ENTITY_KINDS["organization"].classes}
    orgs = {cls: n for cls, n in classes.items() if cls in org_classes}
    assert orgs, "the example names at least one organization"
    assert int(lines["organizations"]) == sum(orgs.values())
    for cls, n in orgs.items():
        assert lines[cls] == str(n)
    assert lines["documents"] == str(classes.get("PolicyDocument", 0)) == "1"
    for row in ("places", "initiatives", "actions", "indicators", "sections", "seconds"):
        assert row in lines
    # Actions are typed prov:Activity only (lean graph); the summary must still count them.
    activities = out_path.read_bytes().count(b"<http://www.w3.org/ns/prov#Activity>")
    assert activities > 0
    assert lines["actions"] == str(classes["Action"]) == str(activities)


def test_two_builds_byte_identical(capsys, good, tmp_path):
    a, b = tmp_path / "a.nq", tmp_path / "b.nq"
    assert run(capsys, "build", good, "-o", a)[0] == 0
    assert run(capsys, "build", good, "-o", b)[0] == 0
    assert a.read_bytes() == b.read_bytes()
    assert sorted(a.read_bytes().splitlines()) == a.read_bytes().splitlines()


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "no-reports").mkdir()
    (folder / "no-reports" / "readme.md").write_text("not a report")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "undecodable.txt").write_bytes(b"\xff\xfe\xfa" * 50 + b"\x81" * 31)
    (folder / "report.pdf").write_bytes(b"%PDF-1.4 not a report")
    return {
        "missing": folder / "missing.txt",
        "no-reports": folder / "no-reports",
        "empty": folder / "empty.txt",
        "binary": folder / "binary.txt",
        "undecodable": folder / "undecodable.txt",
        "extension": folder / "report.pdf",
    }


@pytest.mark.parametrize("case", ["missing", "no-reports", "empty", "binary", "undecodable", "extension"])
def test_one_bad_input_exits_2(capsys, tmp_path, case):
    bad = _bad_inputs(tmp_path)[case]
    out_path = tmp_path / "g.nq"
    code, _, err = run(capsys, "build", bad, "-o", out_path)
    assert code == 2
    assert len(err.splitlines()) == 1, err  # one line, naming the file and the reason
    assert err.startswith(f"lawgraph: {bad}: ")
    assert "Traceback" not in err
    assert not out_path.exists()


def test_some_bad_inputs_exit_1_and_build_the_good(capsys, good, tmp_path):
    bad = _bad_inputs(tmp_path)
    out_path = tmp_path / "g.trig"
    inputs = (bad["missing"], good, bad["empty"], bad["extension"])
    code, out, err = run(capsys, "build", *inputs, "-o", out_path)
    assert code == 1
    for name in ("missing", "empty", "extension"):
        assert sum(str(bad[name]) in line for line in err.splitlines()) == 1, err
    assert "Traceback" not in err
    graphs = {q.graph_name for q in ox.parse(path=str(out_path)) if isinstance(q.graph_name, ox.NamedNode)}
    assert len(graphs) == 1
    assert "reports" in out


@pytest.mark.parametrize("target", ["missing-folder", "folder", "extension", "under-a-file"])
def test_unwritable_output_exits_2(capsys, good, tmp_path, target):
    (tmp_path / "a-file").write_text("x")
    out_path = {
        "missing-folder": tmp_path / "nope" / "g.nq",
        "folder": tmp_path,
        "extension": tmp_path / "g.docx",
        "under-a-file": tmp_path / "a-file" / "g.nq",
    }[target]
    code, _, err = run(capsys, "build", good, "-o", out_path)
    assert code == 2
    assert err.startswith(f"lawgraph: {out_path}: ")
    assert len(err.strip().splitlines()) == 1


def test_failed_build_keeps_existing_output(capsys, tmp_path):
    out_path = tmp_path / "g.nq"
    out_path.write_bytes(b"<urn:a> <urn:b> <urn:c> .\n")
    bad = _bad_inputs(tmp_path)
    code, _, _ = run(capsys, "build", bad["empty"], bad["binary"], "-o", out_path)
    assert code == 2
    assert out_path.read_bytes() == b"<urn:a> <urn:b> <urn:c> .\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad", "g.nq"]  # no temp file left


def test_help_teaches(capsys):
    code, out, _ = run(capsys, "build", "--help")
    assert code == 0
    assert "lawgraph build report.txt -o graph.trig" in out


def test_validate_conforming_graph(capsys, good, tmp_path):
    out_path = tmp_path / "g.trig"
    assert run(capsys, "build", good, "-o", out_path)[0] == 0
    code, out, _ = run(capsys, "validate", out_path)
    assert code == 0
    assert out.strip().endswith("triples)") and "conforms" in out


def test_validate_reports_violations(capsys, tmp_path):
    graph = tmp_path / "bad.ttl"
    graph.write_text(
        "@prefix org: <http://www.w3.org/ns/org#> .\n"
        "@prefix lg: <https://w3id.org/lawgraph/ontology#> .\n"
        "<https://example.org/x> a org:Organization, lg:Court .\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "validate", graph)
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith("Violation: <https://example.org/x> skos:prefLabel")
    assert "does not conform: 1 violation" in out


@pytest.mark.parametrize("content", [b"", b"<a> <b> .", b"\x00\x01\x02"])
def test_validate_unreadable_exits_2(capsys, tmp_path, content):
    graph = tmp_path / "g.nq"
    graph.write_bytes(content)
    code, _, err = run(capsys, "validate", graph)
    assert code == 2
    assert err.startswith(f"lawgraph: {graph}: ")
    assert "Traceback" not in err


def test_validate_missing_file_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "validate", tmp_path / "nope.ttl")
    assert code == 2
    assert "no such file" in err


@pytest.mark.corpus
def test_done_when_founding_report(corpus_dir, tmp_path):
    """The issue's "Done when", run as a user would: a real process, the real CLI."""
    report = corpus_dir / "lanzhou-new-area-2022.txt"
    if not report.is_file():
        pytest.skip(f"{report} is missing")
    out_path = tmp_path / "g.nq"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "lawgraph", "build", str(report), "-o", str(out_path)],
                          capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    store = ox.Store()
    store.load(path=str(out_path), format=ox.RdfFormat.N_QUADS)
    rows = list(store.query(
        """
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX lg: <https://w3id.org/lawgraph/ontology#>
        SELECT ?creator ?addressee ?date WHERE {
            GRAPH ?g { ?r a lg:Report ; dcterms:creator ?c ; lg:addressee ?a ; dcterms:date ?date }
            ?c skos:prefLabel ?creator . ?a skos:prefLabel ?addressee .
        }"""
    ))
    assert len(rows) == 1
    assert rows[0]["creator"].value == "兰州新区管理委员会"
    assert rows[0]["addressee"].value == "甘肃省人民政府"
    assert rows[0]["date"] == ox.Literal("2023-01-12", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    checked = subprocess.run([sys.executable, "-m", "lawgraph", "validate", str(out_path)],
                             capture_output=True, text=True, env=env, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_same_bytes_under_different_hash_seeds(tmp_path):
    """Byte-identical across runs *and processes*: set and dict orders that vary with PYTHONHASHSEED must
    not leak into the graph."""
    example = Path(__file__).resolve().parents[2] / "examples" / "santai-county-2023-fictional.txt"
    if not example.is_file():
        pytest.skip("the bundled example report is missing")
    outputs = []
    for seed in ("1", "2"):
        out_path = tmp_path / f"g{seed}.trig"
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"}
        done = subprocess.run(
            [sys.executable, "-m", "lawgraph", "build", str(example), "-o", str(out_path), "-q"],
            capture_output=True, text=True, env=env, check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(out_path.read_bytes())
    assert outputs[0] == outputs[1]
