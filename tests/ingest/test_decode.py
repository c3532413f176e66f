"""Decoding: every encoding a Chinese government page comes in, with sentences we wrote."""

from __future__ import annotations

import pytest

from lawgraph.errors import InputError
from lawgraph.ingest.decode import decode_bytes, looks_binary

SIMPLIFIED = "县司法局全年受理行政复议案件十二件，群众满意度达到九成。"
TRADITIONAL = "縣司法局全年受理行政複議案件十二件，民眾滿意度達到九成。"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (SIMPLIFIED, "utf-8"),
        (SIMPLIFIED, "utf-8-sig"),
        (SIMPLIFIED, "gb18030"),
        (SIMPLIFIED, "gbk"),
        (SIMPLIFIED, "gb2312"),
        (SIMPLIFIED, "utf-16"),
        (TRADITIONAL, "big5"),
        (TRADITIONAL, "cp950"),
        (TRADITIONAL, "utf-8"),
    ],
)
def test_sentence_round_trips(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize(
    "word", ["法治政府", "中華民國", "調解委員會", "依法行政", "臺北市政府法務局", "人民"]
)
def test_short_big5_is_not_read_as_gbk(word: str) -> None:
    assert decode_bytes(word.encode("big5")) == word


@pytest.mark.parametrize("word", ["法治政府", "县检察院", "中华人民共和国", "办结", "人民", "调解委员会"])
def test_short_gbk_is_not_read_as_big5(word: str) -> None:
    assert decode_bytes(word.encode("gbk")) == word


def test_gb18030_four_byte_characters() -> None:
    text = "㐀字与𠀀字都能读出。"  # CJK extension A and B: four-byte sequences in GB18030
    assert decode_bytes(text.encode("gb18030")) == text


def test_bom_is_removed() -> None:
    assert decode_bytes(b"\xef\xbb\xbf" + "报告".encode()) == "报告"


def test_binary_is_refused_with_the_file_named() -> None:
    with pytest.raises(InputError) as err:
        decode_bytes(b"PK\x03\x04\x00\x00binary", where="a.txt")
    assert err.value.where == "a.txt"
    assert "binary" in err.value.reason


def test_control_characters_mean_binary() -> None:
    assert looks_binary(bytes(range(1, 32)) * 10)
    assert not looks_binary("第一行\n第二行\t制表\r\n".encode())


def test_undecodable_bytes_are_refused() -> None:
    with pytest.raises(InputError, match="undecodable"):
        decode_bytes(b"report \xff\xfe\xfd\xff end", where="bad.txt")
