"""``auditlint serve``: a local web page for finance officers.

Drop report files on the page, see each report's findings in place (the HTML
reporter's own rendering), explain a check, download HTML, Excel, SARIF or CSV.
The files go through the batch engine (its cache, its isolated workers); the page's
scripts and styles are served from this package, nothing comes from the network.

Starlette, uvicorn and python-multipart are the ``serve`` extra: this package's
``cli`` imports them only when the command runs.
"""
