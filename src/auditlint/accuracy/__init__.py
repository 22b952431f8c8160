"""``auditlint eval``: precision and recall of the checks against a labelled corpus.

The corpora it measures are written outside the package: the synthetic mutation
corpus by ``python tools/corpus.py generate OUT``, the realistic reports in
``corpus/realistic/`` by ``python tools/corpus.py realistic``.
"""
