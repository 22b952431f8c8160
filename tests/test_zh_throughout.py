"""A person using auditlint in Chinese (the default) reads Chinese on every path:
``--help`` of each command, the summary and coverage lines, every error line, the
batch progress bar, summary and index page. With ``--lang en`` (or an English
locale) the same paths are English.

"Chinese" is tested the way a reader would notice its absence: no run of three
English words outside the tokens a Chinese text legitimately holds (paths, option
names, check IDs and names, format names, commands to type, product names).
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditlint import i18n
from auditlint.cli import main
from auditlint.i18n import errors
from auditlint.readers import ReadError, charset, limits, read, read_data, sniff

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "corpus" / "examples" / "department-2024.txt"
ZH_ENV = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8"}
EN_ENV = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "en_US.UTF-8"}

_ALLOWED = re.compile(r"""
    技术细节：[^）]*）                         # what a library or the OS said, kept for bug reports
  | https?://\S+
  | pip\ install\ '[^']+' | apt-get\ install\ [\w-]+ | python\ tools/corpus\.py\ generate
  | Great\ Expectations | Data\ Docs | Word\ 2003\ XML | OpenDocument
  | (?:[\w.~@$-]*/)+[\w.~@$-]*                 # paths
  | [\w.~-]*\.(?:txt|pdf|docx?|html?|xlsx?|wps|csv|json|sarif|parquet|toml|yaml|md|odt|pptx|mht|py)\b
  | --?[A-Za-z][\w-]*                          # options
  | \b[a-z]+(?:-[a-z]+)+\b                     # kebab-case check names
  | \bAL\d{3}\b
  | \b[A-Z][A-Z0-9_]+\b                        # metavars and acronyms: PATHS, PDF, OCR
  | \b(?:auditlint|check|rules|explain|inspect|batch|eval|serve|text|concise|json|sarif|html|csv|jsonl|github
       |gitlab|junit|xlsx|txt|pdf|docx|zh|en|local|dask|error|warning|info|never|Excel|WPS|Word|LibreOffice
       |Dask|Markdown|Unicode|Big5|GB18030|UTF|RANGE|python)\b
""", re.VERBOSE)
_ENGLISH = re.compile(r"\b[A-Za-z]+(?:[ \t]+[A-Za-z]+){2,}\b")


def english_runs(text: str) -> list[str]:
    """Runs of three or more English words left once the allowed tokens are masked."""
    return _ENGLISH.findall(_ALLOWED.sub("·", text))


def assert_chinese(text: str) -> None:
    assert re.search(r"[\u4e00-\u9fff]", text), f"no Chinese in:\n{text}"
    runs = english_runs(text)
    assert not runs, f"English reaches a zh user: {runs}\nin:\n{text}"


def assert_english(text: str) -> None:
    """An English sentence, or (a short line) English words and no Chinese outside the paths."""
    masked = re.sub(r"\S*/\S*|\S+\.(?:txt|pdf|docx?)\b", "·", text)
    assert english_runs(text) or not re.search(r"[\u4e00-\u9fff]", masked), f"not English:\n{text}"


def invoke(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, env=env or ZH_ENV)


def shown(result) -> str:
    return result.stdout + result.stderr


def test_the_detector_finds_english_and_passes_chinese():
    assert english_runs("auditlint: a.txt: no such file") == ["no such file"]
    assert english_runs("auditlint: 报告/a.txt: 文件不存在：请检查路径 --format text, AL101 table-total-mismatch") == []


# ---------------------------------------------------------------------------
# where the language comes from


def test_the_language_is_the_flag_then_the_settings_then_the_locale():
    assert i18n.resolve(None, None, {}) == "zh"
    assert i18n.resolve(None, None, {"LANG": "en_GB.UTF-8"}) == "en"
    assert i18n.resolve(None, None, {"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}) == "zh"  # LC_ALL decides
    assert i18n.resolve(None, None, {"LC_MESSAGES": "en_US", "LANG": "zh_CN.UTF-8"}) == "en"
    assert i18n.resolve(None, "zh", {"LANG": "en_US.UTF-8"}) == "zh"
    assert i18n.resolve("zh", "en", {"LANG": "en_US"}) == "zh"
    assert i18n.argv_lang(["check", "--lang=en", "x"]) == "en"
    assert i18n.argv_lang(["check", "--lang", "zh"]) == "zh"
    assert i18n.argv_lang(["check", "--", "--lang", "en"]) is None


def test_an_english_locale_makes_check_english(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = invoke("check", "missing.txt", env=EN_ENV)
    assert (res.stderr, res.stdout) == ("auditlint: missing.txt: no such file\n",
                                        "1 file could not be checked (see above).\n")
    assert "文件不存在" in shown(invoke("check", "--lang", "zh", "missing.txt", env=EN_ENV))


# ---------------------------------------------------------------------------
# --help, in a fresh process: help texts are built when the CLI is imported

COMMANDS = [[], ["check"], ["rules"], ["explain"], ["inspect"], ["batch"], ["eval"]]


def _help(args: list[str], env: dict[str, str | None]) -> str:
    full = {k: v for k, v in os.environ.items() if k not in env}
    full.update({k: v for k, v in env.items() if v is not None})
    out = subprocess.run([sys.executable, "-m", "auditlint.cli", *args, "--help"], capture_output=True, text=True,
                         env=full, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "auditlint")
def test_help_is_chinese_by_default_and_english_on_request(args):
    text = _help(args, ZH_ENV)
    assert_chinese(text)
    assert text.startswith("用法:")
    # eval has no --lang: the locale decides, as for the top-level help
    english = _help([*args, "--lang", "en"] if args[:1] not in ([], ["eval"]) else args,
                    ZH_ENV if args[:1] not in ([], ["eval"]) else EN_ENV)
    assert english.startswith("Usage:")
    assert_english(english)


# ---------------------------------------------------------------------------
# check: findings, summary, coverage and every kind of unreadable input


def test_check_on_a_corpus_example_prints_chinese():
    res = invoke("check", str(EXAMPLE))
    assert res.exit_code == 1
    assert_chinese(shown(res))
    assert "读取 4 张表；核对 78 个数字" in res.stdout
    assert res.stdout.rstrip().endswith("共发现 10 个问题（10 个错误），涉及 1 个文件中的 1 个。")
    assert_english(shown(invoke("check", "--lang", "en", str(EXAMPLE))))


def _pdf_without_text() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.rect(72, 600, 400, 150)
    c.showPage()
    c.save()
    return buf.getvalue()


def _pdf_with_password() -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=pdfencrypt.StandardEncryption("secret", "owner", canPrint=1))
    c.drawString(72, 720, "Total 1782.77")
    c.showPage()
    c.save()
    return buf.getvalue()


BAD_INPUTS = {
    "empty.txt": (b"", "文件是空的"),
    "blank.txt": (b" \n\n ", "文件是空的"),
    "binary.txt": (bytes(range(256)) * 8, "二进制文件"),
    "scan.pdf": (_pdf_without_text, "OCR"),
    "locked.pdf": (_pdf_with_password, "设有密码"),
    "cut.pdf": (b"%PDF-1.4\n1 0 obj <<>> endobj\n", "PDF"),
    "fake.docx": (b"this is plain text, not a docx", "不是 .docx 文件"),
    "slides.docx": (None, "演示文稿"),
    "old.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "旧版 Word 文件"),
}


def _write_bad(folder: Path, name: str) -> Path:
    data, _ = BAD_INPUTS[name]
    if name == "slides.docx":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("ppt/presentation.xml", "<p/>")
        data = buf.getvalue()
    elif callable(data):
        data = data()
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_an_unreadable_file_gets_one_chinese_line_naming_it(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    # .doc: the line about LibreOffice, whether or not this machine has it
    monkeypatch.setattr("auditlint.readers.convert.soffice", lambda: None)
    _write_bad(tmp_path, name)
    res = invoke("check", name)
    assert res.exit_code == 2
    assert res.stderr.startswith(f"auditlint: {name}: ") and BAD_INPUTS[name][1] in res.stderr
    assert res.stdout.strip() == "1 个文件无法检查（原因见上）。"
    assert_chinese(shown(res))
    assert_english(shown(invoke("check", "--lang", "en", name)))


def test_missing_folder_fifo_and_usage_errors_are_chinese(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.mkfifo("pipe.txt")
    (tmp_path / "nothing").mkdir()
    cases = [
        (["check", "missing.txt"], "auditlint: missing.txt: 文件不存在：请检查路径和文件名"),
        (["check", "pipe.txt"], "auditlint: pipe.txt: 不是普通文件（命名管道（FIFO））：只能检查文件"),
        (["check", "nothing"], "auditlint: 在 nothing 中没有找到报告文件（PDF、DOCX、HTML、XLSX 或文本）"),
        (["check"], "错误：缺少参数 'PATHS...'"),
        (["check", "--format", "pdf", "x.txt"], "错误：'--format' 的值无效"),
        (["check", "--nope", "x.txt"], "错误：没有 '--nope' 这个选项。"),
        (["check", "--format", "xlsx", "x.txt"], "请加 -o findings.xlsx"),
        (["check", "--statistics", "--format", "csv", "x.txt"], "--statistics 只能以 text 或 json 输出计数"),
        (["explain", "AL777"], "auditlint: 没有 'AL777' 这项检查（见 auditlint rules）"),
        (["frobnicate"], "错误：没有 'frobnicate' 这个命令。"),
        (["batch", "nothing", "-o", "out"], "auditlint: 在 nothing 中没有找到报告文件"),
        (["check", "--select", "AL999", "x.txt"], "auditlint: 没有这些检查编号：AL999（见 auditlint rules）"),
        (["check", "--config", "none.toml", "x.txt"], "auditlint: --config none.toml: 设置文件不存在"),
        (["check", "--baseline", "none.json", "x.txt"], "auditlint: none.json: 基线文件不存在（可用 --write-baseline none.json 生成）"),
    ]
    for args, expected in cases:
        res = invoke(*args)
        assert res.exit_code == 2, args
        assert expected in res.stderr, (args, res.stderr)
        assert_chinese(shown(res))
        assert_english(shown(invoke(*args[:1], "--lang", "en", *args[1:])))


def test_rules_show_the_chinese_title_beside_the_id_and_name():
    lines = invoke("rules").stdout.splitlines()
    assert lines[0].split() == ["AL101", "table-total-mismatch", "错误", "合计行不等于其明细之和"]
    assert_chinese("\n".join(lines))
    assert invoke("rules", "--lang", "en").stdout.splitlines()[0].split()[2] == "error"


def test_inspect_of_an_unreadable_file_is_chinese(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = invoke("inspect", "missing.txt")
    assert res.exit_code == 2 and res.stderr == "auditlint: missing.txt: 文件不存在：请检查路径和文件名\n"
    assert_chinese(shown(invoke("inspect", str(EXAMPLE))))


# ---------------------------------------------------------------------------
# batch: progress bar, summary line, notes, index page


def test_batch_progress_bar_is_chinese():
    from rich.console import Console

    from auditlint.batch.cli import RichProgress

    for lang, check in (("zh", assert_chinese), ("en", assert_english)):
        out = io.StringIO()
        bar = RichProgress(Console(file=out, force_terminal=True, width=160), lang=lang)
        bar.start(3, reused=1)
        for _ in range(3):
            bar.advance({})
        bar.stop()
        text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.getvalue())
        check(text)
        assert ("检查中（1 个取自缓存）" if lang == "zh" else "checking (1 from cache)") in text


def _page_text(page: str) -> str:
    page = re.sub(r"<style>.*?</style>", "", page, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", "\n", page)


def test_batch_summary_and_index_page_are_chinese(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("auditlint.readers.convert.soffice", lambda: None)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "department-2024.txt").write_bytes(EXAMPLE.read_bytes())
    for name in ("empty.txt", "binary.txt", "scan.pdf"):
        _write_bad(tmp_path / "in", name)
    res = invoke("batch", "in", "missing.txt", "-o", "out", "-j", "1")
    assert res.exit_code == 2
    assert_chinese(shown(res))
    assert "共 5 份报告" in res.stdout and "发现 10 个问题（错误 10 个，警告 0 个，提示 0 个）" in res.stdout
    page = _page_text((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))
    assert_chinese(page)
    for line in ("文件不存在：请检查路径和文件名", "PDF 没有文字层（只有图片或图形，例如扫描件）：请先用 OCR 识别出文字",
                 "合计行不等于其明细之和", "table-total-mismatch"):
        assert line in page
    res = invoke("batch", "in", "-o", "out-en", "-j", "1", "--lang", "en")
    assert_english(res.stdout)
    assert "no text layer: run OCR first" in (tmp_path / "out-en" / "index.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# every error line the readers, the engine and the batch raise has its Chinese line


def _raised(fn, *args) -> str:
    with pytest.raises(ReadError) as exc:
        fn(*args)
    return str(exc.value)


def _zip(*names: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name in names:
            z.writestr(name, "<x/>")
    return buf.getvalue()


def _raised_messages(tmp_path: Path) -> list[str]:
    """Raised by the readers themselves, so that a reworded message fails here."""
    mib = limits.MIB
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le")
    return [
        _raised(read, tmp_path / "missing.txt"), _raised(read, tmp_path), _raised(read_data, b"", "x"),
        _raised(limits.check_file_size, 300 * mib), _raised(limits.check_file_size, 30 * mib, True),
        _raised(limits.check_line, 200_000), _raised(limits.check_line, 200_000, "a table cell"),
        _raised(limits.check_line, 200_000, "a paragraph"), _raised(limits.check_cells, 300_000),
        _raised(limits.check_cells, 300_000, True), _raised(limits.check_unpacked, [("word/document.xml", 200 * mib)]),
        _raised(limits.check_unpacked, [(f"p{i}", 100 * mib) for i in range(6)]), _raised(limits.check_nesting, 300),
        _raised(sniff, b"PK\x03\x04broken", ".xlsx"), _raised(sniff, b"PK\x03\x04broken", ".docx"),
        _raised(sniff, b"PK\x03\x04broken", ".zip"), _raised(sniff, _zip("ppt/slides/1.xml")),
        _raised(sniff, _zip("content.xml")), _raised(sniff, _zip("other.xml")),
        _raised(sniff, ole, ".xlsx"), _raised(sniff, ole, ".doc"), _raised(sniff, b"{\\rtf1 x}"),
        _raised(sniff, b'<?xml version="1.0"?><?mso-application progid="Word.Document"?>'),
        _raised(sniff, b"MIME-Version: 1.0\nContent-Type: multipart/related"), _raised(sniff, bytes(range(256))),
        _raised(sniff, b"plain text", ".pdf"), _raised(sniff, b"plain text", ".docx"),
        charset.refusal("繁體中文報告".encode("big5")), charset.refusal(bytes(range(128, 256)) * 4),
        _raised(read_data, _pdf_without_text(), "scan.pdf"), _raised(read_data, _pdf_with_password(), "locked.pdf"),
    ]


# worded as the f-strings in readers/, engine/run.py and batch/ word them
WORDED = [
    "cannot be read (Input/output error)", "not a regular file (a socket): only files can be checked",
    "no text found in the file: nothing to check", "the page is empty: nothing to check",
    "malformed pdf file (nested too deeply to read)", "malformed docx file (KeyError: 'x')",
    "not a Word document (no document part in the archive): save it again as .docx",
    "damaged .docx (missing part 'word/styles.xml'): save it again from Word",
    "not a .docx document (bad XML): save it again as .docx from Word",
    "sheet 'Sheet1' is too large to be a report table (100000 rows × 300 columns): delete the empty rows and "
    "columns and save again",
    "a damaged spreadsheet (.xlsx; KeyError): open it in Excel or WPS and save it again",
    "formulas without saved results (the workbook was made by a program and never calculated): open it in Excel "
    "or WPS, save it, and check it again",
    "not a readable web page (Document is empty)",
    "encrypted PDF that cannot be opened (unsupported protection): save an unprotected copy",
    "damaged PDF (PdfReadError: EOF marker not found): export or download it again",
    "truncated PDF (the end of the file is missing): download or export it again",
    "damaged PDF: only 3 of its 10 pages can be read: export or download it again",
    "damaged PDF: page 4 cannot be read (KeyError): export or download it again",
    "no usable text layer (its fonts have no Unicode map): run OCR first",
    "an old binary Word file (.doc/.wps): cannot read it without LibreOffice: install it (apt-get install "
    "libreoffice-writer) or save the file as .docx",
    "an old binary Excel file (.xls): LibreOffice did not convert it within 120 s; save it as .xlsx and check that",
    "an old binary Word file (.doc/.wps): LibreOffice could not be started (Permission denied); save it as .docx "
    "instead",
    "an old binary Word file (.doc/.wps) that LibreOffice could not convert (damaged or password-protected?): "
    "open it and save it as .docx",
    "internal error while analysing the report (ValueError: x); please report it",
    "auditlint failed on this file (ValueError: x)",
    "took longer than the 120 s time limit (--timeout); the worker was stopped",
    "needed more memory than the 4096 MiB limit (--memory-limit); the worker was replaced",
    "needed more memory than the 2048 MiB the environment allows (ulimit -v); the worker was replaced",
    "the worker process did not start within 60 s (the machine is overloaded?)",
    "the worker process was killed by SIGKILL while checking this file",
    "the worker process exited with code 3 while checking this file: MemoryError",
    "the Dask task failed (KilledWorker: x)", "the batch could not run this file (ValueError('x'))",
    "no report files found in a, b", "reports/*.pdf: no file matches",
    "in/link.txt: a link out of in; not followed (--follow-links follows it)",
    "@list.txt: cannot read the list (No such file or directory)",
    "another auditlint batch (process 42) is writing into out: wait for it to finish, or choose another --outdir",
    "check AL902 (always-fails) failed (ZeroDivisionError: division by zero); its findings are missing",
    "auditlint.toml: unknown check ID 'AL1O3' in ignore (did you mean 'AL103'?) (see `auditlint rules`)",
    "unknown check ID AL999 (see `auditlint rules`)", "--config none.toml: no such file",
    "auditlint.toml: not valid TOML (Illegal character)", "auditlint.toml: lang = 'fr' is not one of zh, en",
    "--checks packs: not a folder", "base.json: no such baseline file (write one with --write-baseline base.json)",
    "base.json: cannot write the baseline (Permission denied)", "base.json: not a baseline file (invalid JSON: x)",
    "base.json: not an auditlint baseline (write one with --write-baseline)", "auditlint.toml: cannot be read (x)",
]


def test_every_error_line_has_a_chinese_line_and_a_kind(tmp_path):
    for message in [*_raised_messages(tmp_path), *WORDED]:
        zh = errors.translate(message, "zh")
        assert zh != message and errors.kind_of(message), f"no Chinese line for: {message}"
        assert not english_runs(zh), f"{message!r} → {zh!r}"
        assert errors.translate(message, "en") == message


def test_error_kinds_are_stable_names():
    assert errors.kind_of("no text layer: run OCR first (the PDF holds only images or drawings, e.g. a scan)") \
        == "no-text-layer"
    assert errors.kind_of("password-protected PDF: remove the password (or print it to a new PDF) and check that "
                          "copy") == "encrypted"
    assert errors.kind_of("no such file") == "missing"
    assert errors.kind_of("something new") is None
    assert errors.translate("something new", "zh") == "something new"
