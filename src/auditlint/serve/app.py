"""The Starlette application behind ``auditlint serve``.

Routes: the page and its own scripts and styles (``/``, ``/static/``), the checks'
names (``/api/meta``), an upload starting a job (``POST /api/jobs``), a job's state
and findings (``/api/jobs/ID``), each report's page and downloads, and a check's
explanation (``/api/explain/ID``). Every response forbids scripts from anywhere but
this server, so a report's text can never run as code in the page.
"""

from __future__ import annotations

import atexit
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from auditlint.batch.local import Limits
from auditlint.serve.explain import explain_text
from auditlint.serve.jobs import FAILED, Checker, FileEntry, Job
from auditlint.serve.reasons import TOO_LARGE, TOO_LARGE_EN, UNSUPPORTED, UNSUPPORTED_EN
from auditlint.serve.results import DOWNLOADS, finding_summary, render_download
from auditlint.serve.uploads import (
    DEFAULT_MAX_BYTES,
    TooLarge,
    Workspace,
    accepted_suffixes,
    display_name,
    safe_suffix,
)

STATIC = Path(__file__).parent / "static"
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
# the page's own code only; the reporter's page styles itself inline
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'")
# a page elsewhere can post a form here, but cannot add this header without the server's consent (CORS)
UPLOAD_HEADER = "x-auditlint"


@dataclass
class ServeSettings:
    lang: str = "zh"
    max_bytes: int = DEFAULT_MAX_BYTES
    max_files: int = 20
    timeout: float = 120.0  # seconds per file, as `batch --timeout`
    memory_mb: int = 4096
    workers: int = 2
    allowed_hosts: list[str] | None = None  # None: any (a server shared on the network)
    workspace_parent: str | None = None


def _options(lang: str) -> Any:
    from auditlint.engine.config import run_options, settings

    options = run_options(settings(None, False), None, None, lang, ())
    options.enabled()  # a broken settings file or check folder stops the server at start
    return options


def _libreoffice() -> bool:
    from auditlint.readers.convert import soffice

    return soffice() is not None


class Service:
    """What the routes share: the settings, the private folder, the job queue."""

    def __init__(self, cfg: ServeSettings) -> None:
        self.cfg = cfg
        self.options = {lang: _options(lang) for lang in ("zh", "en")}
        self.suffixes = accepted_suffixes(_libreoffice())
        self.workspace = Workspace(cfg.workspace_parent)
        atexit.register(self.workspace.remove)
        self.checker = Checker(self.workspace, self.options, Limits(cfg.timeout, cfg.memory_mb), cfg.workers)

    def close(self) -> None:
        self.checker.stop()
        self.workspace.remove()


class SecurityHeaders:
    """Every response, the static files' too: no foreign scripts, no sniffing, no caching."""

    HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
               (b"referrer-policy", b"no-referrer"), (b"cache-control", b"no-store")]

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


def _service(request: Request) -> Service:
    return request.app.state.service


def _lang(value: str | None, default: str) -> str:
    return value if value in ("zh", "en") else default


async def index(request: Request) -> Response:
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")


async def report_css(request: Request) -> Response:
    from auditlint.report.html import CSS

    return Response(CSS, media_type="text/css; charset=utf-8")


async def meta(request: Request) -> Response:
    from auditlint.engine import registry

    svc = _service(request)
    checks = [{"id": s.id, "family": s.family, "zh": s.summary("zh"), "en": s.summary("en")}
              for s in registry.all_checks()]
    return JSONResponse({"lang": svc.cfg.lang, "max_bytes": svc.cfg.max_bytes,
                                  "max_files": svc.cfg.max_files, "suffixes": list(svc.suffixes), "checks": checks})


def _refusal(status: int, zh: str, en: str) -> Response:
    return JSONResponse({"error": zh, "error_en": en}, status_code=status)


async def create_job(request: Request) -> Response:
    svc = _service(request)
    if request.headers.get(UPLOAD_HEADER) != "1":
        return _refusal(403, "请从 auditlint 页面上传文件", "upload from the auditlint page")
    length = request.headers.get("content-length")
    if length is None or not length.isdigit():
        return _refusal(411, "上传请求缺少长度信息", "the upload must say its length (Content-Length)")
    limit_mb = svc.cfg.max_bytes // (1024 * 1024) or 1
    if int(length) > svc.cfg.max_bytes * svc.cfg.max_files + (1 << 20):
        return _refusal(413, f"上传内容过大：每个文件不超过 {limit_mb} MB，每次不超过 {svc.cfg.max_files} 个文件",
                        f"too large: at most {limit_mb} MB a file, {svc.cfg.max_files} files at once")
    async with request.form(max_files=svc.cfg.max_files, max_fields=10) as form:
        uploads = [u for u in form.getlist("files") if isinstance(u, UploadFile)]
        lang = _lang(str(form.get("lang") or ""), svc.cfg.lang)
        if not uploads:
            return _refusal(400, "没有收到文件", "no file received")
        entries = [await run_in_threadpool(_receive, svc, i, u) for i, u in enumerate(uploads)]
    job = svc.checker.submit(Job(lang=lang, files=entries))
    return JSONResponse(job_json(job), status_code=202)


def _receive(svc: Service, index: int, upload: UploadFile) -> FileEntry:
    name = display_name(upload.filename)
    suffix = safe_suffix(name, svc.suffixes)
    entry = FileEntry(index=index, name=name, size=upload.size or 0, suffix=suffix)
    accepted = "、".join(svc.suffixes)
    if suffix is None:
        shown = Path(name).suffix.lower() or "无扩展名"
        entry.status, entry.reason_zh = FAILED, UNSUPPORTED.format(suffix=shown, accepted=accepted)
        entry.reason_en = UNSUPPORTED_EN.format(suffix=shown, accepted=", ".join(svc.suffixes))
        return entry
    try:
        entry.stored = svc.workspace.save(upload.file, svc.cfg.max_bytes)
        entry.size = entry.stored.size
    except TooLarge:
        mb = f"{svc.cfg.max_bytes / (1024 * 1024):g}"
        entry.status, entry.reason_zh, entry.reason_en = FAILED, TOO_LARGE.format(mb=mb), TOO_LARGE_EN.format(mb=mb)
    return entry


def file_json(e: FileEntry, lang: str) -> dict[str, Any]:
    row = e.row or {}
    out: dict[str, Any] = {"index": e.index, "name": e.name, "size": e.size, "status": e.status,
                           "reason": e.reason_en if lang == "en" else e.reason_zh, "detail": e.reason_en,
                           "has_page": e.page is not None}
    if e.status == "done":
        out.update(counts=row.get("counts"), risk=row.get("risk"), format=row.get("format"), pages=row.get("pages"),
                   nothing_to_check=row.get("status") == "nothing-to-check",
                   findings=[finding_summary(f, lang) for f in row.get("findings") or ()])
    return out


def job_json(job: Job) -> dict[str, Any]:
    return {"id": job.id, "lang": job.lang, "state": job.state, "files": [file_json(e, job.lang) for e in job.files]}


def _entry(request: Request) -> tuple[Job, FileEntry] | Response:
    job = _service(request).checker.get(request.path_params["job"])
    n = request.path_params["n"]
    if job is None or not 0 <= n < len(job.files):
        return _refusal(404, "没有这项检查（服务器重启后旧结果不再保留）", "no such job")
    return job, job.files[n]


async def get_job(request: Request) -> Response:
    job = _service(request).checker.get(request.path_params["job"])
    if job is None:
        return _refusal(404, "没有这项检查（服务器重启后旧结果不再保留）", "no such job")
    return JSONResponse(job_json(job))


async def report_page(request: Request) -> Response:
    found = _entry(request)
    if isinstance(found, Response):
        return found
    _, e = found
    if e.page is None:
        return _refusal(404, "此文件没有报告页", "no report page for this file")
    return Response(e.page, media_type="text/html; charset=utf-8")


async def download(request: Request) -> Response:
    found = _entry(request)
    if isinstance(found, Response):
        return found
    job, e = found
    fmt = request.path_params["fmt"]
    if fmt not in DOWNLOADS or e.row is None or e.status != "done":
        return _refusal(404, "没有可下载的结果", "nothing to download")
    suffix, media = DOWNLOADS[fmt]
    svc = _service(request)
    data = await run_in_threadpool(render_download, fmt, e.row, e.name, job.lang, e.page,
                                   svc.options[job.lang].enabled(), e.workbook)
    filename = Path(e.name).stem + ".auditlint" + suffix
    disposition = f"attachment; filename=\"auditlint{suffix}\"; filename*=UTF-8''{quote(filename)}"
    return Response(data, media_type=media, headers={"Content-Disposition": disposition})


async def explain(request: Request) -> Response:
    svc = _service(request)
    text = explain_text(request.path_params["check"], _lang(request.query_params.get("lang"), svc.cfg.lang))
    if text is None:
        return _refusal(404, "没有这项检查", "no such check")
    return PlainTextResponse(text)


def create_app(cfg: ServeSettings | None = None) -> Starlette:
    """The application; its private folder exists from here until shutdown (or exit)."""
    cfg = cfg or ServeSettings()
    service = Service(cfg)

    @asynccontextmanager
    async def lifespan(app: Starlette):  # noqa: ANN202
        yield
        service.close()

    routes = [
        Route("/", index),
        Route("/static/report.css", report_css),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
        Route("/api/meta", meta),
        Route("/api/jobs", create_job, methods=["POST"]),
        Route("/api/jobs/{job}", get_job),
        Route("/api/jobs/{job}/files/{n:int}/page", report_page),
        Route("/api/jobs/{job}/files/{n:int}/download/{fmt}", download),
        Route("/api/explain/{check}", explain),
    ]
    middleware = [Middleware(SecurityHeaders)]
    if cfg.allowed_hosts:  # a page on another site cannot reach a loopback server through DNS tricks
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=cfg.allowed_hosts))
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.service = service
    return app
