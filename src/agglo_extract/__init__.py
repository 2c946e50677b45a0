"""agglo_extract: Chinese bulletins and journal articles on city clusters (城市群) into validated models.

The public names load on first use (PEP 562), so ``import agglo_extract`` costs
next to nothing; pydantic loads with the first model or ``parse``, jieba with
the first fact search and pdfplumber with the first PDF.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import (
    AggloExtractError,
    CitationSyntaxError,
    DamagedPdf,
    DecodeError,
    EmptyInput,
    EncryptedPdf,
    InputTooLarge,
    LoadError,
    NoPages,
    NoTextLayer,
    PdfError,
    UnsupportedFormat,
)

if TYPE_CHECKING:
    from .api import parse
    from .batch import Converted, Failure, parse_many
    from .export.bibtex import to_bibtex
    from .export.csl import to_csl_json
    from .export.flat import iter_citations, iter_city_roles, iter_facts
    from .export.gbt7714 import format_gbt7714
    from .export.json import from_json, to_json
    from .export.text import format_text
    from .limits import Limits
    from .models import (
        SCHEMA_VERSION,
        Article,
        BibliographyEntry,
        Block,
        BulletinIssue,
        CityRole,
        Contact,
        Diagnostic,
        DiagnosticCode,
        Document,
        Editorial,
        FootnoteCitation,
        FootnoteRef,
        JournalArticle,
        Location,
        MarkerRef,
        NumericFact,
        Source,
        Table,
        TocEntry,
    )
    from .recognise.citation import parse_citation
    from .recognise.facts import find_facts

__version__ = "0.1.0"

_MODELS = (
    "Article", "BibliographyEntry", "Block", "BulletinIssue", "CityRole", "Contact", "Diagnostic", "DiagnosticCode",
    "Document", "Editorial", "FootnoteCitation", "FootnoteRef", "JournalArticle", "Location", "MarkerRef",
    "NumericFact", "SCHEMA_VERSION", "Source", "Table", "TocEntry",
)
_FUNCTIONS = {
    "parse": ".api",
    "parse_many": ".batch",
    "Converted": ".batch",
    "Failure": ".batch",
    "iter_facts": ".export.flat",
    "iter_city_roles": ".export.flat",
    "iter_citations": ".export.flat",
    "parse_citation": ".recognise.citation",
    "format_gbt7714": ".export.gbt7714",
    "to_csl_json": ".export.csl",
    "to_bibtex": ".export.bibtex",
    "find_facts": ".recognise.facts",
    "format_text": ".export.text",
    "to_json": ".export.json",
    "from_json": ".export.json",
    "Limits": ".limits",
}

__all__ = [
    "SCHEMA_VERSION",
    "AggloExtractError",
    "Article",
    "BibliographyEntry",
    "Block",
    "BulletinIssue",
    "CitationSyntaxError",
    "CityRole",
    "Contact",
    "Converted",
    "DamagedPdf",
    "DecodeError",
    "Diagnostic",
    "DiagnosticCode",
    "Document",
    "Editorial",
    "EmptyInput",
    "EncryptedPdf",
    "Failure",
    "FootnoteCitation",
    "FootnoteRef",
    "InputTooLarge",
    "JournalArticle",
    "Limits",
    "LoadError",
    "Location",
    "MarkerRef",
    "NoPages",
    "NoTextLayer",
    "NumericFact",
    "PdfError",
    "Source",
    "Table",
    "TocEntry",
    "UnsupportedFormat",
    "__version__",
    "find_facts",
    "format_gbt7714",
    "format_text",
    "from_json",
    "iter_citations",
    "iter_city_roles",
    "iter_facts",
    "parse",
    "parse_citation",
    "parse_many",
    "to_bibtex",
    "to_csl_json",
    "to_json",
]


def __getattr__(name: str) -> Any:
    if name in _MODELS:
        module = importlib.import_module(".models", __name__)
    elif name in _FUNCTIONS:
        module = importlib.import_module(_FUNCTIONS[name], __name__)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
