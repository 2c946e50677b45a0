"""Loading: encodings detected, undecodable input refused with the file named."""

from __future__ import annotations

import codecs

import pytest

from agglo_extract.errors import DecodeError, LoadError
from agglo_extract.load.text import decode_bytes, load_text, read_source

TEXT = "信息参考\n第 3 期：长江中游城市群 ２０１８年\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb18030", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be"],
)
def test_decode_detects_encoding(data: bytes, encoding: str) -> None:
    assert decode_bytes(data) == (TEXT, encoding)


def test_binary_input_is_a_decode_error_naming_the_file() -> None:
    data = bytes(range(256)) * 8
    with pytest.raises(DecodeError) as caught:
        load_text(data, path="broken.txt")
    assert caught.value.path == "broken.txt"
    assert "broken.txt" in str(caught.value)


def test_str_is_text_never_a_path() -> None:
    data, path = read_source("fixtures/issues/nothing.txt")
    assert (data, path) == ("fixtures/issues/nothing.txt", None)


def test_missing_file_is_a_load_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    with pytest.raises(LoadError):
        read_source(Path(tmp_path / "missing.txt"))


def test_sha256_is_of_the_input_bytes() -> None:
    import hashlib

    data = TEXT.encode("gbk")
    assert load_text(data).sha256 == hashlib.sha256(data).hexdigest()


def test_a_file_cut_inside_its_last_character_keeps_the_text_before_the_cut() -> None:
    from agglo_extract import parse

    data = "城市群信息\n\n正文一段，城市群发展很快。".encode()[:-2]
    document = parse(data)
    codes = {d.code for d in document.diagnostics}
    assert "decoded-with-replacement" in codes and "decoded-with-fallback" not in codes
    assert "城市群发展很快" in document.model_dump_json()


def test_one_damaged_byte_in_a_gbk_file_costs_one_character() -> None:
    from agglo_extract import parse

    data = bytearray("城市群信息\n\n正文一段，城市群发展很快，人口增长较多。".encode("gbk"))
    data[13] = 0x7F  # the second byte of 正 damaged
    document = parse(bytes(data))
    assert document.source.encoding == "gb18030"
    assert {"decoded-with-replacement", "decoded-with-fallback"} <= {d.code for d in document.diagnostics}
    assert "人口增长较多" in document.model_dump_json()


def test_binary_data_is_still_refused() -> None:
    import random

    from agglo_extract import parse
    from agglo_extract.errors import DecodeError

    rng = random.Random(3)
    data = bytes(rng.randrange(256) for _ in range(3000))
    with pytest.raises(DecodeError):
        parse(data)
