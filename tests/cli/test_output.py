"""What the command line prints: short flags mean one thing everywhere, tables are never cut when piped and
fit a terminal, Chinese counts two columns, and SPARQL syntax errors say where and what in plain words."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest

from lawgraph.cli import main
from lawgraph.cli.tables import new_table, print_table

LONG = "兰州新区管理委员会关于推进法治政府建设的实施意见" * 4  # 96 ideographs: 192 terminal columns
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def width(line: str) -> int:
    """Terminal columns of ``line``, counted independently of rich (East Asian wide/full-width = 2)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _commands():
    import typer.main

    from lawgraph.cli import _register, app

    _register()
    group = typer.main.get_command(app)
    return group.commands  # type: ignore[attr-defined]


def test_each_short_flag_has_one_meaning_across_commands():
    meanings: dict[str, set[str]] = {}
    for name, command in _commands().items():
        for param in command.params:
            shorts = [o for o in param.opts + param.secondary_opts if re.fullmatch(r"-[A-Za-z]", o)]
            longs = [o for o in param.opts if o.startswith("--")]
            for short in shorts:
                meanings.setdefault(short, set()).add(longs[0] if longs else f"{name}:{param.name}")
    assert meanings, "no short flags found"
    clashes = {short: longs for short, longs in meanings.items() if len(longs) > 1}
    assert clashes == {}
    assert meanings["-f"] == {"--format"} and meanings["-o"] == {"--output"}


@pytest.mark.parametrize("command", ["build", "validate", "query"])
def test_dash_f_is_format(command):
    params = {p.name: p for p in _commands()[command].params}
    assert "-f" in params["fmt"].opts and "--format" in params["fmt"].opts


@pytest.fixture
def graph(tmp_path: Path) -> Path:
    path = tmp_path / "g.nt"
    skos = "http://www.w3.org/2004/02/skos/core#prefLabel"
    path.write_text(
        f'<https://w3id.org/lawgraph/id/org/1> <{skos}> "{LONG}"@zh .\n'
        f'<https://w3id.org/lawgraph/id/org/2> <{skos}> "县司法局"@zh .\n',
        encoding="utf-8",
    )
    return path


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def test_piped_table_is_whole_one_line_per_row_and_aligned(capsys, graph):
    query = "SELECT ?org ?label WHERE { ?org skos:prefLabel ?label } ORDER BY ?org"
    code, out, _ = _run(capsys, "query", str(graph), query)
    assert code == 0
    assert "…" not in out and "\x1b[" not in out
    lines = out.splitlines()
    table = [line for line in lines if line.strip() and not line.startswith("2 rows")]
    rows = [line for line in table if "lgr:org/" in line]
    assert len(rows) == 2  # each result row on one line
    assert LONG in rows[0] and "县司法局" in rows[1]
    assert len({width(line) for line in table}) == 1  # every line as wide: the columns line up
    assert width(rows[0]) > 200  # wider than any terminal default: nothing was cut to fit 80 columns
    assert lines[-1] == "2 rows"


def test_query_table_written_to_a_file_is_whole(capsys, graph, tmp_path):
    out_file = tmp_path / "t.txt"
    code, _, _ = _run(capsys, "query", str(graph), "SELECT ?label WHERE { ?o skos:prefLabel ?label }",
                      "-o", str(out_file))
    assert code == 0 and LONG in out_file.read_text(encoding="utf-8")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_table_on_a_terminal_fits_its_width_and_folds_long_cells(monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    table = new_table("机构", "件数")
    table.add_row(LONG, "126")
    screen = _Terminal()
    print_table(table, screen)
    lines = [_ANSI.sub("", line) for line in screen.getvalue().splitlines()]
    assert lines and all(width(line) <= 60 for line in lines)
    assert len(lines) > 5  # the long cell wrapped onto several lines
    flat = "".join(re.sub(r"[\s│┃┏┓┗┛━─┡┩└┘┌┐├┤╇╋┼┳┻┯┷┴┬╰╯╭╮]|126|件数|机构", "", line) for line in lines)
    assert flat == LONG  # folded, not cut


def test_query_list_is_whole_when_piped(capsys):
    code, out, _ = _run(capsys, "query", "--list")
    assert code == 0
    from lawgraph import queries

    for name, summary in queries.list_saved().items():
        assert any(name in line and summary in line for line in out.splitlines()), name


def test_syntax_error_says_where_what_and_shows_the_text_around(capsys, graph):
    query = "SELECT ?label WHERE {\n  ?o skos:prefLabel ?label .\n  FILTER(?label = \n}"
    code, out, err = _run(capsys, "query", str(graph), query)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    line = lines[0]
    assert line.startswith("lawgraph: query: syntax error at line 4, column")
    assert "near `FILTER(?label = ⏎ }" in line  # the text around, across the line break
    assert "expected" in line and "Prefix not found" not in line and "..=" not in line


def test_undeclared_prefix_is_named(capsys, graph):
    code, _, err = _run(capsys, "query", str(graph), "SELECT ?x WHERE { ?x ex:label ?o }")
    assert code == 2
    assert "the prefix ex: is not declared" in err and "PREFIX ex: <…>" in err
    assert "near `SELECT ?x WHERE { ?x ex:label‸ ?o }`" in err


def test_misspelt_query_form(capsys, graph):
    code, _, err = _run(capsys, "query", str(graph), "SELCT ?x WHERE { ?x ?p ?o }")
    assert code == 2
    assert "a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE" in err
