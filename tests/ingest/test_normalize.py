"""Normalization keeps offsets checkable: what changes and what stays."""

from __future__ import annotations

from lawgraph.ingest.normalize import fold_width, normalize_text


def test_full_width_ascii_and_spaces_fold() -> None:
    assert fold_width("（一）ＡＢＣ１２３，：；！？％＋") == "(一)ABC123,:;!?%+"
    assert fold_width("甲\u3000乙\u00a0丙\t丁") == "甲 乙 丙 丁"


def test_chinese_punctuation_stays() -> None:
    text = "《条例》“放管服”、‘两个’。……——【注】"
    assert fold_width(text) == text


def test_zero_width_and_bom_are_removed() -> None:
    assert normalize_text("\ufeff县\u200b政\u200c府\u200d\u2060\u00ad") == "县政府"


def test_newlines_lines_and_paragraphs() -> None:
    raw = "  第一段。  \r\n\r\n\r\n\r\n\u3000\u3000第二段。\r第三段。\u2028第四段。\n\n"
    assert normalize_text(raw) == "第一段。\n\n第二段。\n第三段。\n第四段。"


def test_normalization_is_idempotent() -> None:
    raw = "\u3000\u3000（二）县政府印发《办法》，办结率９９．５％。\r\n\r\n\r\n二、下一步"
    once = normalize_text(raw)
    assert normalize_text(once) == once
    assert once == "(二)县政府印发《办法》,办结率99.5%。\n\n二、下一步"


def test_fold_width_maps_each_character_like_the_table() -> None:
    """Every mapped character, alone, repeated and between others, becomes exactly its table entry."""
    from lawgraph.ingest.normalize import _TABLE

    chars = "".join(chr(cp) for cp in sorted(_TABLE))
    text = "甲" + chars + "乙" + chars[::-1] + "丙\u3000\u3000丁，，" + "".join(c + "戊" for c in chars)
    assert fold_width(text) == text.translate(_TABLE)
    assert fold_width(chars) == "".join(chr(_TABLE[cp]) for cp in sorted(_TABLE) if _TABLE[cp] is not None)
    assert fold_width("") == "" and fold_width("县政府。") == "县政府。"


def test_each_pass_runs_only_when_needed_and_gives_the_same_text() -> None:
    """The passes are skipped when the text has nothing for them; the result is that of running them all."""
    assert normalize_text("甲 \n 乙\n丙") == "甲\n乙\n丙"  # spaces at line edges only
    assert normalize_text("甲\u3000\n\u3000乙") == "甲\n乙"  # wide spaces fold first, then leave the edges
    assert normalize_text("甲\n\n\n\n乙") == "甲\n\n乙"  # blank lines only
    assert normalize_text("甲\x85乙\x0c丙") == "甲\n乙\n丙"  # rare line breaks only
    plain = "甲乙。\n\n丙 丁"
    assert normalize_text(plain) == plain  # nothing to do
