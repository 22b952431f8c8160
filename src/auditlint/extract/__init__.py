"""Extraction: Document → Facts. Format knowledge about reports lives here.

Each module that defines ``extract_into(facts)`` fills the Facts fields it owns
(``facts.OWNERS``); it runs when a check, or another extractor, first reads one of
them.
"""

from __future__ import annotations

from auditlint.extract.facts import Facts
from auditlint.model import Document


def extract(doc: Document) -> Facts:
    """The Facts of a Document; each field is extracted when first read."""
    return Facts(doc)
