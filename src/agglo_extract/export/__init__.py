"""Exports: JSON, JSON Schema, GB/T 7714 text, CSL-JSON, BibTeX."""
