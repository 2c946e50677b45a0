"""Text inputs: a path, bytes or str into decoded text, with the encoding detected.

Encodings tried, in order: a BOM (UTF-8, UTF-16), UTF-8, UTF-16 without BOM
(recognised by its NUL bytes), GB18030 (a superset of GBK and GB2312). A
decoding that yields control characters in more than a few places is taken as
binary and refused. A file that none of them reads whole, but UTF-8 or
GB18030 reads with a very few bytes replaced (a file cut inside its last
character, one damaged byte), is read so, and the replacements are reported.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import DecodeError, LoadError
from ..limits import Limits

_CONTROL_OK = frozenset("\t\n\r\f\v")
_MAX_CONTROL_SHARE = 0.01
_MIN_UTF16_TEXT_SHARE = 0.9  # UTF-16 without BOM decodes almost any even-length bytes: ask for real text


@dataclass(frozen=True, slots=True)
class LoadedText:
    """Decoded input and what is known of where it came from."""

    text: str
    encoding: str
    sha256: str
    path: str | None
    format: str = "text"
    replaced: int = 0
    """Bytes no encoding reads, each replaced by U+FFFD (a damaged or truncated file)."""
    first_bad: str | None = None
    """Where the first of them stands (``byte N``)."""
    guessed: bool = False
    """The encoding is the one that read the bytes with the fewest replacements, not one that read them all."""


def read_source(source: str | bytes | Path, *, limits: Limits | None = None) -> tuple[bytes | str, str | None]:
    """The raw input and its path: a ``str`` is text, never a path.

    A file or bytes larger than ``limits.max_bytes`` raise ``InputTooLarge``
    (a file before it is read).
    """
    limits = limits or Limits()
    if isinstance(source, Path):
        try:
            limits.check_size(source.stat().st_size, what="the file", path=str(source))
            return source.read_bytes(), str(source)
        except OSError as error:
            raise LoadError(f"cannot read file: {error.strerror or error}", path=str(source)) from error
    if isinstance(source, bytes):
        limits.check_size(len(source))
    return source, None


def load_text(data: bytes | str, *, path: str | None = None, limits: Limits | None = None) -> LoadedText:
    """Decode ``data`` (a ``str`` is taken as already decoded) within ``limits``."""
    limits = limits or Limits()
    if isinstance(data, str):
        raw = data.encode("utf-8", "surrogatepass")
        limits.check_size(len(raw), path=path)
        limits.check_text(data, path=path)
        return LoadedText(data, "utf-8", hashlib.sha256(raw).hexdigest(), path)
    limits.check_size(len(data), path=path)
    digest = hashlib.sha256(data).hexdigest()
    try:
        text, encoding = decode_bytes(data, path=path)
    except DecodeError:
        damaged = _decode_damaged(data)
        if damaged is None:
            raise
        text, encoding, replaced = damaged
        limits.check_text(text, path=path)
        where = _first_bad_byte(data, encoding)
        return LoadedText(text, encoding, digest, path, replaced=replaced, first_bad=where, guessed=encoding != "utf-8")
    limits.check_text(text, path=path)
    return LoadedText(text, encoding, digest, path)


def decode_bytes(data: bytes, *, path: str | None = None) -> tuple[str, str]:
    """Text and the name of the encoding it was read in.

    >>> decode_bytes("城市群".encode("gbk"))
    ('城市群', 'gb18030')
    >>> decode_bytes(codecs.BOM_UTF16_LE + "城市群".encode("utf-16-le"))
    ('城市群', 'utf-16')
    """
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _decode(data, name, path), name
    for name in _candidates(data):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _plausible(text) and (not name.startswith("utf-16") or _han_share(data, name) >= _MIN_UTF16_TEXT_SHARE):
            return text, name
    raise DecodeError(
        "cannot decode the input: not UTF-8, UTF-16 or GB18030 text (binary data?)",
        path=path,
        location=_first_bad_byte(data),
    )


def _candidates(data: bytes) -> tuple[str, ...]:
    nul_even = data[0::2].count(0)
    nul_odd = data[1::2].count(0)
    if len(data) % 2 == 0 and (nul_even + nul_odd) * 8 > len(data):
        first = "utf-16-le" if nul_odd >= nul_even else "utf-16-be"
        return (first, "utf-8", "gb18030")
    if len(data) % 2:
        return ("utf-8", "gb18030")
    return ("utf-8", "gb18030", *sorted(("utf-16-le", "utf-16-be"), key=lambda name: -_han_share(data, name)))


def _han_share(data: bytes, name: str) -> float:
    text = data.decode(name, errors="replace")
    textual = sum(
        1
        for char in text
        if "\u4e00" <= char <= "\u9fff"  # CJK unified ideographs
        or " " <= char <= "~"  # printable ASCII
        or "\u3000" <= char <= "\u303f"  # CJK punctuation
        or "\uff00" <= char <= "\uffef"  # full-width forms
        or "\u2010" <= char <= "\u2473"  # quotes, dashes, circled numbers
        or char in "\n\r\t"
    )
    return textual / max(len(text), 1)


def _decode(data: bytes, name: str, path: str | None) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as error:
        raise DecodeError(f"invalid {name} text: {error.reason}", path=path, location=f"byte {error.start}") from error


def _plausible(text: str) -> bool:
    if not text:
        return True
    bad = sum(
        1
        for char in text
        if (char < " " and char not in _CONTROL_OK) or "\ue000" <= char <= "\uf8ff" or char == "\ufffd"
    )
    return bad <= len(text) * _MAX_CONTROL_SHARE


_MAX_REPLACED_SHARE = 0.001
"""A damaged text file is read when at most this share of its characters (and at least 2) must be replaced."""


def _decode_damaged(data: bytes) -> tuple[str, str, int] | None:
    """Text with the few bytes no encoding reads replaced (a truncated or damaged file), or ``None`` for binary.

    UTF-8 and GB18030 are each read with replacement; the one needing fewer
    replacements wins (UTF-8 on a tie), when the result is text.
    """
    best: tuple[str, str, int] | None = None
    for name in ("utf-8", "gb18030"):
        text = data.decode(name, errors="replace")
        replaced = text.count("\ufffd") - data.decode(name, errors="ignore").count("\ufffd")
        if best is None or replaced < best[2]:
            best = (text, name, replaced)
    if best is None:
        return None
    text, _, replaced = best
    if replaced > max(2, len(text) * _MAX_REPLACED_SHARE):
        return None
    if not _plausible(text.replace("\ufffd", "")):
        return None
    return best


def _first_bad_byte(data: bytes, encoding: str = "utf-8") -> str:
    try:
        data.decode(encoding)
    except UnicodeDecodeError as error:
        return f"byte {error.start}"
    return "byte 0"
