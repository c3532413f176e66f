"""The data reader: package files, list and TSV parsing, lexicons on disk, the one division table."""

from __future__ import annotations

from pathlib import Path

from lawgraph.extract.data import Lexicon, division_rows, load_gazetteer, package_text, parse_lines, parse_tsv


def test_lists_and_tables_skip_blanks_and_comments() -> None:
    assert parse_lines("# 注释\n\n  甲 \n  # 缩进的注释\n乙\t丙\n") == ["甲", "乙\t丙"]
    assert parse_tsv("# 表头\n甲\t 乙 \n\n丙\n") == [["甲", "乙"], ["丙"]]


def test_a_lexicon_round_trips_through_disk_and_bytes(tmp_path: Path) -> None:
    lexicon = Lexicon.from_package(["units.tsv", "org_words.json"])
    assert lexicon.text("units.tsv") == package_text("units.tsv")
    lexicon.to_disk(tmp_path / "saved")
    assert sorted(p.name for p in (tmp_path / "saved").iterdir()) == ["org_words.json", "units.tsv"]
    assert Lexicon.from_disk(tmp_path / "saved", ["units.tsv", "org_words.json"]) == lexicon
    assert Lexicon.from_bytes(lexicon.to_bytes()) == lexicon
    assert "generic" in lexicon.json("org_words.json")
    assert ["件", "count"] in lexicon.tsv("units.tsv")


def test_the_division_table_is_read_once() -> None:
    rows, digest = division_rows()
    assert len(rows) == 41934 and len(digest) == 64
    assert load_gazetteer() is load_gazetteer()
    assert load_gazetteer().sha256 == digest
