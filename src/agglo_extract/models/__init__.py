"""The output models of agglo_extract (pydantic v2, frozen, ``extra="forbid"``)."""

from ._base import SCHEMA_VERSION, IsoDate, Location, Model
from .citation import FootnoteCitation
from .diagnostics import DIAGNOSTIC_CODES, Diagnostic, DiagnosticCode
from .document import (
    Article,
    BibliographyEntry,
    Block,
    BulletinIssue,
    Contact,
    Document,
    Editorial,
    FootnoteRef,
    JournalArticle,
    MarkerRef,
    TocEntry,
)
from .fact import NumericFact
from .source import Source
from .table import CityRole, Table

__all__ = [
    "DIAGNOSTIC_CODES",
    "SCHEMA_VERSION",
    "Article",
    "BibliographyEntry",
    "Block",
    "BulletinIssue",
    "CityRole",
    "Contact",
    "Diagnostic",
    "DiagnosticCode",
    "Document",
    "Editorial",
    "FootnoteCitation",
    "FootnoteRef",
    "IsoDate",
    "JournalArticle",
    "Location",
    "MarkerRef",
    "Model",
    "NumericFact",
    "Source",
    "Table",
    "TocEntry",
]
