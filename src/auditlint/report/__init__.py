"""Reporters: findings, already ranked, rendered for people and programs.

``terminal`` (rich, ruff-like), ``json``, ``tabular`` (CSV and JSON Lines),
``sarif`` (SARIF 2.1.0), ``html`` (one self-contained page); ``wording`` holds what
they share, ``rule_docs`` generates docs/rules/ from the checks' docstrings. Each
is imported only when its format is asked for.
"""
