"""Kept importable while the checks that read passages move to
``auditlint.extract.passages`` (sentences and passages) and ``auditlint.extract.text``
(clauses); the integrator removes it."""

from auditlint.extract.passages import Passage, Sentence, passages, sentences
from auditlint.extract.text import clauses

__all__ = ["Passage", "Sentence", "clauses", "passages", "sentences"]
