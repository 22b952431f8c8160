"""The corpus generator: writes the committed red-team reports in ``corpus/realistic/``
and the synthetic mutation corpus (``corpus/<shape>/`` and what ``auditlint eval``
measures). Not part of the installed package; run it as ``python tools/corpus.py``.

* ``numbers``, ``model``: exact arithmetic and the report model every builder fills in;
* ``render``: the model as .txt (cell or row per line), .docx, .pdf and .html;
* ``plant``: planted copies of a report and their labels;
* ``realistic``: one module per hand-written report;
* ``synth``: the five synthetic shapes, their invariants and mutations.
"""
