"""``auditlint serve``: the web application, through Starlette's TestClient.

One application serves the module (its start loads the checks); its files go
through the real batch engine, so each upload here is checked by a worker process.
"""

from __future__ import annotations

import io
import json
import re
import stat
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("multipart")
httpx = pytest.importorskip("httpx")

import warnings  # noqa: E402

from click.testing import CliRunner  # noqa: E402

with warnings.catch_warnings():  # newer Starlette prefers httpx2 for its TestClient; httpx still works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from auditlint.serve.app import LOOPBACK_HOSTS, ServeSettings, create_app  # noqa: E402
from auditlint.serve.reasons import reason_zh  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "corpus" / "examples" / "department-2024.txt"
MAX_BYTES = 64 * 1024
HEADERS = {"X-Auditlint": "1"}
AL101_ZH = "合计的实际支出数为 769.93，但其下 2 行之和为 759.93（差 10.00）"
AL101_EN = "合计: actual spending is 769.93, but its 2 rows add up to 759.93 (off by 10.00)"


@pytest.fixture(scope="module")
def workspace_parent(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("serve")


@pytest.fixture(scope="module")
def client(workspace_parent):
    app = create_app(ServeSettings(max_bytes=MAX_BYTES, max_files=3, workers=1, workspace_parent=str(workspace_parent)))
    with TestClient(app) as c:
        yield c


def upload(client, *files: tuple[str, bytes], lang: str = "zh") -> dict:
    parts = [("files", (name, io.BytesIO(data), "application/octet-stream")) for name, data in files]
    r = client.post("/api/jobs", files=parts, data={"lang": lang}, headers=HEADERS)
    assert r.status_code == 202, r.text
    return r.json()


def finished(client, job: dict, seconds: float = 180) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = client.get(f"/api/jobs/{job['id']}").json()
        if state["state"] == "done":
            return state
        time.sleep(0.3)
    raise AssertionError(f"job {job['id']} did not finish")


@pytest.fixture(scope="module")
def example_job(client) -> dict:
    return finished(client, upload(client, ("department-2024.txt", EXAMPLE.read_bytes())))


def workspace(client) -> Path:
    return client.app.state.service.workspace.root


def test_an_uploaded_report_gives_its_ranked_findings(example_job):
    f = example_job["files"][0]
    assert (f["name"], f["status"], f["counts"]) == ("department-2024.txt", "done", {"error": 10, "warning": 0, "info": 0})
    ranks = [x["rank"] for x in f["findings"]]
    assert ranks == sorted(ranks, reverse=True)
    al101 = [x for x in f["findings"] if x["check_id"] == "AL101"]
    assert {x["message"] for x in al101} >= {AL101_ZH}
    first = al101[0]
    assert (first["title"], first["family"], first["severity"]) == ("合计行不等于其明细之和", "arithmetic", "error")
    assert "表1 第6行" in first["where"]


def test_the_report_page_marks_the_cell_and_names_the_upload(client, example_job):
    page = client.get(f"/api/jobs/{example_job['id']}/files/0/page")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert '<td class="hit">769.93</td>' in html
    assert "<h2>department-2024.txt</h2>" in html
    assert str(workspace(client)) not in html  # the private folder's path is never shown


def test_a_cached_report_is_named_by_its_new_upload(client, example_job):
    # the same bytes under another suffix: the page the cache kept was read as …/<hash>.txt
    again = finished(client, upload(client, ("第二次.text", EXAMPLE.read_bytes())))
    html = client.get(f"/api/jobs/{again['id']}/files/0/page").text
    assert "<h2>第二次.text</h2>" in html and "department-2024.txt" not in html
    assert again["files"][0]["counts"]["error"] == 10


def test_a_file_that_cannot_be_read_says_why_in_chinese(client):
    job = finished(client, upload(client, ("坏文件.pdf", b"this is not a PDF at all\n" * 4)))
    f = job["files"][0]
    assert f["status"] == "failed"
    assert f["reason"] == "不是 PDF 文件（内容没有 PDF 的文件头）：文件已损坏或扩展名有误，请重新下载或导出"
    assert f["detail"].startswith("not a PDF file")


def test_english_jobs_speak_english(client):
    job = finished(client, upload(client, ("bad.pdf", b"not a pdf"), ("r.txt", EXAMPLE.read_bytes()), lang="en"))
    bad, good = job["files"]
    assert bad["reason"].startswith("not a PDF file")
    assert AL101_EN in {x["message"] for x in good["findings"]}
    assert {x["title"] for x in good["findings"] if x["check_id"] == "AL101"} == {"A total row is not the sum of its lines"}


def test_an_unsupported_type_is_refused_with_the_accepted_ones(client):
    job = finished(client, upload(client, ("setup.exe", b"MZ\x90\x00")))
    f = job["files"][0]
    assert f["status"] == "failed"
    assert f["reason"].startswith("不支持的文件类型（.exe）：请上传 .pdf、.docx、.html")


def test_an_oversized_file_is_refused_and_not_kept(client):
    job = finished(client, upload(client, ("big.txt", b"1" * (MAX_BYTES + 1)), ("ok.txt", EXAMPLE.read_bytes())))
    big, ok = job["files"]
    assert (big["status"], big["reason"]) == ("failed", "文件超过 0.0625 MB 的大小限制，未上传")
    assert ok["status"] == "done"
    assert list((workspace(client) / "incoming").iterdir()) == []


def test_a_request_over_the_total_limit_is_refused_before_reading(client):
    r = client.post("/api/jobs", content=b"x", headers={**HEADERS, "Content-Length": str(MAX_BYTES * 3 + (2 << 20)),
                                                        "Content-Type": "multipart/form-data; boundary=b"})
    assert r.status_code == 413
    assert r.json()["error"] == "上传内容过大：每个文件不超过 1 MB，每次不超过 3 个文件"


def test_an_upload_needs_the_page_header(client):
    r = client.post("/api/jobs", files=[("files", ("a.txt", b"x", "text/plain"))])
    assert r.status_code == 403


def test_a_name_with_dotdot_is_never_a_path(client, workspace_parent):
    job = finished(client, upload(client, ("../../../escaped.txt", EXAMPLE.read_bytes()),
                                  ("..\\..\\win-escaped.txt", b"x")))
    assert [f["name"] for f in job["files"]] == ["escaped.txt", "win-escaped.txt"]
    for base in (workspace_parent, workspace_parent.parent, workspace_parent.parent.parent):
        assert not any(p.name in ("escaped.txt", "win-escaped.txt") for p in base.rglob("*escaped*"))


def test_uploads_live_in_a_private_folder_and_leave_with_their_job(client, example_job):
    root = workspace(client)
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    assert list((root / "incoming").iterdir()) == [] and list((root / "checking").iterdir()) == []


def test_names_are_escaped_in_the_report_page(client):
    name = "<img src=x onerror=alert(1)>.txt"
    job = finished(client, upload(client, (name, EXAMPLE.read_bytes())))
    assert job["files"][0]["name"] == name  # data: the page puts it in as text
    html = client.get(f"/api/jobs/{job['id']}/files/0/page").text
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;.txt" in html


@pytest.mark.parametrize(("fmt", "media"), [
    ("html", "text/html; charset=utf-8"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("sarif", "application/sarif+json"),
    ("csv", "text/csv; charset=utf-8"),
])
def test_downloads_have_their_content_type_and_the_findings(client, example_job, fmt, media):
    r = client.get(f"/api/jobs/{example_job['id']}/files/0/download/{fmt}")
    assert r.status_code == 200 and r.headers["content-type"] == media
    assert r.headers["content-disposition"].endswith(f"filename*=UTF-8''department-2024.auditlint.{fmt}")
    if fmt == "html":
        assert '<td class="hit">769.93</td>' in r.text
    elif fmt == "xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(io.BytesIO(r.content))
        rows = list(wb.worksheets[0].iter_rows(min_row=2, values_only=True))
        assert len(rows) == 10 and AL101_ZH in [row[7] for row in rows]
        assert {row[1] for row in rows} == {"department-2024.txt"}
        cell = wb["表1"]["G6"]  # the table, as the report prints it, with the total's cell filled
        assert (cell.value, cell.fill.fgColor.rgb) == ("769.93", "00FDE047")
        assert AL101_ZH in cell.comment.text
    elif fmt == "sarif":
        log = json.loads(r.content)
        results = log["runs"][0]["results"]
        assert len(results) == 10
        assert {res["ruleId"] for res in results} >= {"AL101", "AL301"}
    else:
        text = r.content.decode("utf-8-sig")
        assert r.content.startswith(b"\xef\xbb\xbf") and AL101_ZH in text


def test_no_download_for_a_failed_file_or_an_unknown_format(client, example_job):
    assert client.get(f"/api/jobs/{example_job['id']}/files/0/download/exe").status_code == 404
    assert client.get(f"/api/jobs/{example_job['id']}/files/9/download/csv").status_code == 404
    assert client.get("/api/jobs/nope/files/0/download/csv").status_code == 404


def test_explain_gives_the_checks_text(client):
    text = client.get("/api/explain/AL101", params={"lang": "zh"}).text
    assert text.startswith("AL101 table-total-mismatch [error]\n\n合计行不等于其明细之和\n")
    en = client.get("/api/explain/al101", params={"lang": "en"}).text
    assert "合计行" not in en.split("\n")[2]
    assert client.get("/api/explain/AL999").status_code == 404


def test_the_page_loads_nothing_from_the_network(client):
    index = client.get("/")
    assert "script-src 'self'" in index.headers["content-security-policy"]
    for path in ("/", "/static/app.js", "/static/app.css", "/static/report.css"):
        body = client.get(path)
        assert body.status_code == 200 and body.headers["x-content-type-options"] == "nosniff"
        assert "http://" not in body.text and "https://" not in body.text and "//cdn" not in body.text


def test_the_page_font_stack_covers_windows_macos_and_linux(client):
    css = client.get("/static/app.css").text
    for family in ('"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', "SimSun"):
        assert family in css


def test_a_loopback_server_refuses_other_host_names(workspace_parent):
    app = create_app(ServeSettings(allowed_hosts=LOOPBACK_HOSTS, workspace_parent=str(workspace_parent)))
    with TestClient(app, base_url="http://127.0.0.1:8765") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"Host": "attacker.example"}).status_code == 400


@pytest.mark.parametrize(("kind", "english", "words"), [
    ("read", "no text layer: run OCR first (the PDF holds only images or drawings, e.g. a scan)", "OCR"),
    ("timeout", "took longer than the 120 s time limit (--timeout); the worker was stopped", "检查超时"),
    ("read", "something nobody foresaw", "无法读取此文件"),
])
def test_reasons_in_chinese(kind, english, words):
    zh = reason_zh(kind, english)
    assert words in zh and not re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", zh)


def test_reasons_are_the_cli_s_own_lines():
    from auditlint.i18n.errors import translate

    english = "no text layer: run OCR first (the PDF holds only images or drawings, e.g. a scan)"
    assert reason_zh("read", english) == translate(english, "zh") != english


def test_without_the_extra_one_line_says_what_to_install(monkeypatch):
    from auditlint.cli import main

    monkeypatch.setitem(sys.modules, "uvicorn", None)
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 2
    assert result.output == 'auditlint: 网页功能需要额外的组件：请运行 pip install "auditlint[serve]"\n'


def test_sharing_on_the_network_warns(monkeypatch, tmp_path):
    import socket

    import uvicorn

    from auditlint.cli import main

    monkeypatch.setattr(uvicorn.Server, "run", lambda self: None)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--port", str(port)])
    assert result.exit_code == 0, result.output
    assert f"auditlint 网页已启动：http://127.0.0.1:{port}/" in result.output
    assert "注意：监听地址为 0.0.0.0，同一网络中的其他人也能打开此页面并上传文件。" in result.output
    local = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert local.exit_code == 0 and "注意" not in local.output


def test_an_excel_workbook_points_at_sheet_and_cell(client):
    workbook = ROOT / "corpus" / "examples" / "self-eval-2024.xlsx"
    job = finished(client, upload(client, ("自评表.xlsx", workbook.read_bytes())))
    f = job["files"][0]
    assert (f["status"], f["format"], f["counts"]["error"]) == ("done", "xlsx", 8)
    where = {x["where"] for x in f["findings"] if x["check_id"] == "AL101"}
    assert any("预算执行!G8" in w for w in where), where
    html = client.get(f"/api/jobs/{job['id']}/files/0/page").text
    assert '<td class="hit">769.93</td>' in html


def test_help_lists_serve_without_importing_the_web_stack():
    import subprocess

    code = ("import sys; from click.testing import CliRunner; from auditlint.cli import main; "
            "r = CliRunner().invoke(main, ['--help']); assert 'serve' in r.output, r.output; "
            "r = CliRunner().invoke(main, ['serve', '--help']); assert r.exit_code == 0, r.output; "
            "print(sorted(m for m in ('starlette', 'uvicorn', 'multipart', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
