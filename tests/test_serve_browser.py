"""``auditlint serve`` in a real browser: Debian's Chromium driven by Playwright.

Starts the command on a free port, uploads a corpus example and a file that cannot
be read, and looks at what a finance officer sees: the findings, the highlighted
cell, the Chinese reason, an explanation. The screenshot lands in artifacts/serve.png.
Skipped without Chromium or Playwright (no browser is ever downloaded).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from outputs import missing_tool

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "corpus" / "examples" / "department-2024.txt"
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = next((p for p in (os.environ.get("AUDITLINT_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                             shutil.which("chromium-browser")) if p and Path(p).is_file()), None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    pytest.importorskip("starlette")
    pytest.importorskip("uvicorn")
    port = _free_port()
    env = dict(os.environ, TMPDIR=str(tmp_path))
    proc = subprocess.Popen([sys.executable, "-m", "auditlint.cli", "serve", "--port", str(port)], cwd=tmp_path,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"auditlint serve did not start: {proc.stdout.read()}")
            time.sleep(0.3)
    yield url, tmp_path
    proc.send_signal(signal.SIGINT)
    try:
        out, _ = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
    assert f"auditlint 网页已启动：{url}" in out
    # the private folder went with the server
    assert not list(tmp_path.glob("auditlint-serve-*"))


def test_a_finance_officer_checks_two_files_in_the_browser(server, tmp_path):
    if CHROMIUM is None:
        missing_tool("no Chromium found (README's ci:tools step: apt-get install -y chromium)")
    try:
        from playwright import sync_api
    except ImportError:
        missing_tool("Playwright is not installed (pip install playwright; the test extra has it)")
    url, _ = server
    broken = tmp_path / "上传" / "扫描件.pdf"
    broken.parent.mkdir()
    broken.write_bytes(b"this is not a PDF\n" * 8)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
            page.goto(url)
            assert page.locator("h1").inner_text() == "auditlint 报告检查"
            page.set_input_files("#file-input", [str(broken), str(EXAMPLE)])

            report = page.locator(".card", has_text="department-2024.txt")
            failed = page.locator(".card", has_text="扫描件.pdf")
            report.locator(".status.done").wait_for(timeout=180_000)
            failed.locator(".status.failed").wait_for(timeout=180_000)

            assert report.locator(".counts").inner_text() == "10 个错误，0 个警告，0 个提示"
            row = report.locator("tr.finding-row", has_text="合计的实际支出数为 769.93")
            assert "AL101" in row.inner_text() and "合计行不等于其明细之和" in row.inner_text()
            hit = report.locator("article.finding td.hit", has_text="769.93").first
            hit.wait_for(timeout=30_000)
            assert hit.is_visible()
            assert hit.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(253, 224, 71)"

            reason = failed.locator(".reason-text").inner_text()
            assert reason == "不是 PDF 文件（内容没有 PDF 的文件头）：文件已损坏或扩展名有误，请重新下载或导出"

            article = report.locator("article.finding[data-check='AL101']").first
            article.locator("button.explain").click()
            explanation = article.locator("pre.explanation")
            explanation.wait_for()
            assert explanation.inner_text().startswith("AL101 table-total-mismatch [error]")

            # filters: hiding errors hides every finding of this all-error report
            page.locator("#filters input[data-sev='error']").uncheck()
            assert report.locator("article.finding:visible").count() == 0
            page.locator("#filters input[data-sev='error']").check()
            page.select_option("#family-filter", "scoring")
            assert {a.get_attribute("data-check") for a in report.locator("article.finding:visible").all()} == {
                "AL401", "AL407"}
            page.select_option("#family-filter", "")

            with page.expect_download() as download:
                report.locator("a.dl-xlsx").click()
            assert download.value.suggested_filename == "department-2024.auditlint.xlsx"

            page.locator("#lang-switch").click()  # the English switch, and back
            assert (page.locator("h1").inner_text(), page.locator("#lang-switch").inner_text()) == (
                "auditlint report check", "中文")
            page.locator("#lang-switch").click()
            assert page.locator(".drop-main").inner_text() == "把报告文件拖到这里，或点击选择文件（可多选）"

            article.locator("button.explain").click()  # fold the explanation back for the picture
            page.set_viewport_size({"width": 1280, "height": 1700})
            page.evaluate("window.scrollTo(0, 0)")
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "serve.png"))
        finally:
            browser.close()
