"""Fuzzing auditlint (issue 17): mutated corpus reports, hypothesis-built reports,
and structure-aware cases for the readers (DOCX parts, HTML spans, PDF objects).

A case is a file's bytes and a name; it passes when auditlint reads and checks it,
or refuses it with a one-line ReadError, within the time limit. Anything else (an
exception, an internal error, a check that failed) is a crash; its input is kept
in ``tests/fuzz/regressions/`` and replayed by every test run.

    python -m tests.fuzz --cases 20000 --jobs 2          # from the repository root
    python -m tests.fuzz --cases 500 --seed 7 --kinds html,docx

The default test run (tests/fuzz/test_fuzz.py) runs a few hundred cases.
"""
