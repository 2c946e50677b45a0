"""Exceptions: the caller or the file is wrong. Odd data becomes a Diagnostic instead."""

from __future__ import annotations


class AggloExtractError(Exception):
    """Root of every error this library raises on purpose.

    ``path`` names the file (when there is one) and ``location`` the place in it.
    """

    code = "error"

    def __init__(self, message: str, *, path: str | None = None, location: str | None = None) -> None:
        self.message = message
        self.path = path
        self.location = location
        where = ":".join(p for p in (path, location) if p)
        super().__init__(f"{where}: {message}" if where else message)


class LoadError(AggloExtractError, OSError):
    """The input could not be read or decoded."""

    code = "load-failed"


class DecodeError(LoadError, UnicodeError):
    """The bytes are in no encoding this library reads (UTF-8, GB18030/GBK, UTF-16)."""

    code = "undecodable"


class EmptyInput(LoadError):
    """The input holds no text (empty, or only white space)."""

    code = "empty"


class UnsupportedFormat(AggloExtractError, ValueError):
    """The input is of a kind this library does not read."""

    code = "unsupported-format"


class InputTooLarge(AggloExtractError, ValueError):
    """The input exceeds a size limit given as an option."""

    code = "input-too-large"


class PdfError(LoadError):
    """A PDF could not be read (encrypted, damaged, no text layer)."""

    code = "pdf-unreadable"


class EncryptedPdf(PdfError):
    """The PDF is encrypted and no password opens it."""

    code = "pdf-encrypted"


class DamagedPdf(PdfError):
    """The PDF is damaged or truncated: its structure cannot be read."""

    code = "pdf-damaged"


class NoTextLayer(PdfError):
    """The PDF has pages but no text on them (a scan): OCR is needed first."""

    code = "no-text-layer"


class NoPages(PdfError):
    """The PDF has no pages."""

    code = "pdf-no-pages"


class CitationSyntaxError(AggloExtractError, ValueError):
    """A string that is not a GB/T 7714 citation; ``span`` is where reading failed."""

    code = "citation-syntax"

    def __init__(self, message: str, *, text: str, span: tuple[int, int]) -> None:
        self.text = text
        self.span = span
        super().__init__(message)

    def __str__(self) -> str:
        start, end = self.span
        caret = " " * start + "^" * max(1, end - start)
        return f"{self.message}\n    {self.text}\n    {caret}"
