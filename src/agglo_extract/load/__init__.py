"""Loading: bytes from a path or the caller into decoded text (and, for PDFs, pages)."""
