"""Chinese for the one-line errors the readers, the engine and the batch raise in English.

The readers word their errors in English (``ReadError("no such file")``) and are
edited by others: rather than thread a language through them, each message is
matched here, where it is shown, against one table of patterns. A match gives a
stable kind (``no-text-layer``, ``encrypted`` …: what a web page or a script can
key on) and the Chinese line, which says what is wrong and what to do; the caller
adds the file's path. What a library or the system said (an exception, an OS
error) stays as it was, marked "技术细节" for whoever reports the problem; where it
would not help the user (a damaged file), the Chinese line leaves it out.
A message no pattern knows is shown as it is: the test
``tests/test_zh_throughout.py`` fails on it, which is where a new reader message
gets its line here.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# values the English messages interpolate, in Chinese
_WORDS = {
    "a named pipe (FIFO)": "命名管道（FIFO）", "a character device": "字符设备", "a block device": "块设备",
    "a socket": "套接字", "a special file": "特殊文件", "the top level": "顶层",
    "a line": "一行文字", "a table cell": "一个表格单元格", "a paragraph": "一个段落",
    "an old binary Word file (.doc/.wps)": "旧版 Word 文件（.doc/.wps）",
    "an old binary Excel file (.xls)": "旧版 Excel 文件（.xls）",
    "for text and web pages": "文本和网页", "for a report file": "报告文件",
}

_CONVERT_WHAT = r"(?P<what>an old binary (?:Word|Excel) file \([^)]*\))"
_SAVE_AGAIN = "请重新导出或下载"


class Kind(NamedTuple):
    kind: str
    pattern: re.Pattern[str]
    zh: str


def _k(kind: str, pattern: str, zh: str) -> Kind:
    return Kind(kind, re.compile(pattern, re.DOTALL), zh)


CATALOG: tuple[Kind, ...] = (
    # opening the file (readers/__init__.py, batch/inputs.py)
    _k("missing", r"no such file", "文件不存在：请检查路径和文件名"),
    _k("folder", r"is a folder, not a file", "这是文件夹，不是文件：请给出其中的报告文件，或用 auditlint batch 检查整个文件夹"),
    _k("permission", r"permission denied: check the file's permissions", "没有读取权限：请检查文件的权限设置"),
    _k("os-error", r"cannot be read \((?P<why>.*)\)", "无法读取：请确认文件可以正常打开（技术细节：{why}）"),
    _k("not-regular", r"not a regular file \((?P<what>.*)\): only files can be checked",
       "不是普通文件（{what}）：只能检查文件"),
    _k("empty", r"the file is empty: nothing to check", "文件是空的，没有可检查的内容：请确认导出或下载的是完整的报告"),
    _k("empty", r"the page is empty: nothing to check", "网页是空的，没有可检查的内容：请确认保存的是完整的报告"),
    _k("no-text", r"no text found in the file: nothing to check", "文件中没有找到文字，没有可检查的内容"),
    # sizes (readers/limits.py)
    _k("too-large", r"too large \((?P<size>[^;]+); the limit (?P<what>for [a-z ]+) is (?P<limit>\d+) MB\): .*",
       "文件过大（{size}，{what}的上限为 {limit} MB）：请拆分报告后分别检查"),
    _k("too-large", r"(?P<what>a line|a table cell|a paragraph) of (?P<n>[\d,]+) characters "
                    r"\(the limit is (?P<limit>[\d,]+)\): .*",
       "{what}长达 {n} 个字符（上限 {limit}）：这不是报告正文，或转换时丢失了换行"),
    _k("too-large", r"too many table cells \((?:at least )?(?P<n>[\d,]+); the limit is (?P<limit>[\d,]+)\): .*",
       "表格单元格过多（{n} 个，上限 {limit}）：请拆分报告，或分别检查其中的表格"),
    _k("too-large", r"a part of the archive is too large unpacked \((?P<name>.*): (?P<size>[^;]+); "
                    r"the limit is (?P<limit>\d+) MB\): .*",
       "压缩包中的 {name} 解压后过大（{size}，上限 {limit} MB）：文件已损坏或是恶意压缩包，请重新获取"),
    _k("too-large", r"the archive is too large unpacked \((?P<size>[^;]+); the limit is (?P<limit>\d+) MB\): .*",
       "压缩包解压后过大（{size}，上限 {limit} MB）：文件已损坏或是恶意压缩包，请重新获取"),
    _k("too-large", r"elements nested more than (?P<n>\d+) levels deep .*",
       "网页元素嵌套超过 {n} 层（表格套表格……），无法完整读取：请将报告另存为 .docx 或 PDF"),
    _k("too-large", r"sheet (?P<sheet>.+) is too large to be a report table \((?P<rows>\d+) rows × "
                    r"(?P<cols>\d+) columns\): .*",
       "工作表 {sheet} 过大（{rows} 行 × {cols} 列），不像报告中的表格：请删除多余的空行和空列后重新保存"),
    # formats auditlint does not read (readers/__init__.py: sniff)
    _k("encrypted", r"a password-protected workbook: .*", "工作簿设有密码：请在 Excel 或 WPS 中取消密码后重新保存"),
    _k("encrypted", r"a password-protected Word document: .*", "Word 文档设有密码：请在 Word 中取消密码后重新保存"),
    _k("unsupported-format", r"a presentation \(\.pptx\), not a report: .*",
       "这是演示文稿（.pptx），不是报告：请将报告另存为 .docx、.pdf 或 .txt"),
    _k("unsupported-format", r"an OpenDocument file \(\.odt\): .*", "这是 OpenDocument 文件（.odt）：请先另存为 .docx 或 PDF"),
    _k("unsupported-format", r"a ZIP archive that is not a \.docx document: .*",
       "这是压缩包，不是 .docx 文档：请打开报告，另存为 .docx、.pdf 或 .txt"),
    _k("unsupported-format", r"an RTF file: .*", "这是 RTF 文件：请先另存为 .docx 或 PDF"),
    _k("unsupported-format", r"a Word 2003 XML document: .*", "这是 Word 2003 XML 文档：请先另存为 .docx 或 PDF"),
    _k("unsupported-format", r"a web archive \(\.mht\): .*", "这是网页存档（.mht）：请在浏览器中打开，另存为 .html"),
    _k("unsupported-format", r"a binary file that is not PDF, DOCX, HTML or text: .*",
       "这是二进制文件，不是 PDF、DOCX、HTML 或文本：请先转换为其中一种格式"),
    _k("misnamed", r"not a (?P<fmt>PDF|\.docx) file \(its content has no .* signature\): .*",
       "不是 {fmt} 文件（内容没有 {fmt} 的文件头）：文件已损坏或扩展名有误，请重新下载或导出"),
    _k("encoding", r"text in Big5 \(traditional Chinese\) encoding: .*",
       "文本是 Big5（繁体中文）编码：auditlint 读取简体中文报告，请转换为简体中文并保存为 UTF-8"),
    _k("encoding", r"text in an unknown encoding .*", "文本编码无法识别（不是 UTF-8、UTF-16 或 GB18030）：请另存为 UTF-8"),
    _k("mojibake", r"text that was decoded in the wrong encoding before it was saved \(GBK read as Latin-1: .*",
       "文本在保存前已按错误的编码解读（GBK 被当作 Latin-1，“预算”成了“Ô¤Ëã”），是乱码：未读取；请打开原文件另存为 UTF-8"),
    _k("mojibake", r"text that was decoded in the wrong encoding before it was saved \(UTF-8 read as GBK: .*",
       "文本在保存前已按错误的编码解读（UTF-8 被当作 GBK，“预算”成了“棰勭畻”），是乱码：未读取；请打开原文件另存为 UTF-8"),
    # damaged files
    _k("damaged", r"damaged \.(?P<fmt>xlsx|docx) \(the ZIP archive is truncated or corrupt\): .*",
       ".{fmt} 文件已损坏（压缩包不完整或已损坏）：请重新保存或下载"),
    _k("damaged", r"a damaged ZIP archive: .*", "压缩包已损坏：请重新保存或下载报告"),
    _k("damaged", r"not a Word document \(no document part in the archive\): .*",
       "不是 Word 文档（压缩包中没有正文部分）：请重新另存为 .docx"),
    _k("damaged", r"damaged \.docx \(missing part (?P<part>.*)\): .*", "Word 文档已损坏（缺少 {part}）：请用 Word 重新保存"),
    _k("damaged", r"not a \.docx document \((?P<why>.*)\): save it again as \.docx from Word",
       "不是有效的 .docx 文档：请用 Word 重新另存为 .docx（技术细节：{why}）"),
    _k("damaged", r"a damaged spreadsheet \(\.xlsx; (?P<why>[^)]*)\): .*",
       "电子表格（.xlsx）已损坏：请在 Excel 或 WPS 中打开并重新保存（技术细节：{why}）"),
    _k("uncalculated", r"formulas without saved results .*",
       "公式没有保存计算结果（工作簿由程序生成，从未计算过）：请在 Excel 或 WPS 中打开、保存后再检查"),
    _k("damaged", r"not a readable web page \((?P<why>.*)\)", "无法解析的网页：请在浏览器中打开并另存为 .html（技术细节：{why}）"),
    _k("damaged", r"malformed (?P<fmt>\w+) file \(nested too deeply to read\)",
       "{fmt} 文件格式有误（嵌套过深，无法读取）：" + _SAVE_AGAIN),
    _k("damaged", r"malformed (?P<fmt>\w+) file \((?P<why>.*)\)",
       "{fmt} 文件格式有误：" + _SAVE_AGAIN + "；若文件能正常打开，请报告此问题（技术细节：{why}）"),
    # PDF (readers/pdf.py, readers/pdfium.py)
    _k("encrypted", r"password-protected PDF: .*", "PDF 设有密码：请取消密码（或打印为新的 PDF）后检查该副本"),
    _k("encrypted", r"encrypted PDF that cannot be opened .*", "PDF 已加密且无法打开（不支持的保护方式）：请另存一份未加密的副本"),
    _k("damaged", r"truncated PDF \(the end of the file is missing\): .*", "PDF 不完整（文件末尾缺失）：" + _SAVE_AGAIN),
    _k("damaged", r"damaged PDF: only (?P<n>\d+) of its (?P<total>\d+) pages can be read: .*",
       "PDF 已损坏：{total} 页中只有 {n} 页可以读取：" + _SAVE_AGAIN),
    _k("damaged", r"damaged PDF: page (?P<n>\d+) cannot be read \((?P<why>[^)]*)\): .*",
       "PDF 已损坏：第 {n} 页无法读取：" + _SAVE_AGAIN + "（技术细节：{why}）"),
    _k("damaged", r"damaged PDF \((?P<why>.*)\): export or download it again", "PDF 已损坏：" + _SAVE_AGAIN + "（技术细节：{why}）"),
    _k("no-text-layer", r"no text layer: run OCR first.*",
       "PDF 没有文字层（只有图片或图形，例如扫描件）：请先用 OCR 识别出文字"),
    _k("no-text-layer", r"no usable text layer .*", "PDF 的文字层不可用（字体缺少 Unicode 映射）：请先用 OCR 识别出文字"),
    # .doc, .wps, .xls through LibreOffice (readers/convert.py)
    _k("no-converter", _CONVERT_WHAT + r": cannot read it without LibreOffice: install it \(apt-get install "
                                       r"(?P<package>[\w-]+)\) or save the file as \.(?P<target>\w+)",
       "{what}：需要 LibreOffice 才能读取：请安装 LibreOffice（apt-get install {package}），或将文件另存为 .{target}"),
    _k("convert-failed", _CONVERT_WHAT + r": LibreOffice did not convert it within (?P<n>\d+) s; .*\.(?P<target>\w+) .*",
       "{what}：LibreOffice 未能在 {n} 秒内完成转换：请另存为 .{target} 后再检查"),
    _k("convert-failed", _CONVERT_WHAT + r": LibreOffice could not be started \((?P<why>.*)\); save it as "
                                         r"\.(?P<target>\w+) instead",
       "{what}：无法启动 LibreOffice：请另存为 .{target}（技术细节：{why}）"),
    _k("convert-failed", _CONVERT_WHAT + r" that LibreOffice could not convert .*\.(?P<target>\w+)",
       "{what}：LibreOffice 无法转换（文件损坏或设有密码？）：请打开后另存为 .{target}"),
    # the engine and the batch
    _k("internal", r"internal error while analysing the report \((?P<why>.*)\); please report it",
       "分析报告时发生内部错误：请报告此问题（技术细节：{why}）"),
    _k("internal", r"check (?P<id>\S+) \((?P<name>[\w-]+)\) failed \((?P<why>.*)\); its findings are missing",
       "检查 {id}（{name}）运行失败，它的问题没有列出（技术细节：{why}）"),
    _k("internal", r"auditlint failed on this file \((?P<why>.*)\)", "auditlint 处理此文件时出错：请报告此问题（技术细节：{why}）"),
    _k("timeout", r"took longer than the (?P<n>[\d.]+) s time limit \(--timeout\); the worker was stopped",
       "检查时间超过 {n} 秒的限制（--timeout），已停止该工作进程"),
    _k("memory", r"needed more memory than the (?P<n>\d+) MiB the environment allows \(ulimit -v\); .*",
       "所需内存超过运行环境允许的 {n} MiB（ulimit -v），已更换工作进程"),
    _k("memory", r"needed more memory than the (?P<n>\d+) MiB limit \(--memory-limit\); .*",
       "所需内存超过 {n} MiB 的限制（--memory-limit），已更换工作进程"),
    _k("crash", r"the worker process did not start within (?P<n>[\d.]+) s .*",
       "工作进程未能在 {n} 秒内启动（机器负载过高？）：请稍后重新运行同一命令"),
    _k("crash", r"the worker process was killed by (?:signal )?(?P<sig>\w+) while checking this file(?P<tail>.*)",
       "检查此文件时工作进程被信号 {sig} 终止{tail}"),
    _k("crash", r"the worker process exited with code (?P<code>\S+) while checking this file(?P<tail>.*)",
       "检查此文件时工作进程退出（退出码 {code}）{tail}"),
    _k("crash", r"the Dask task failed \((?P<why>.*)\)", "Dask 任务失败（技术细节：{why}）"),
    _k("crash", r"the batch could not run this file \((?P<why>.*)\)", "批量检查无法处理此文件：请报告此问题（技术细节：{why}）"),
    # batch inputs and settings (batch/inputs.py, batch/runner.py, batch/lock.py)
    _k("input", r"no report files found in (?P<where>.*)", "在 {where} 中没有找到报告文件（PDF、DOCX、HTML、XLSX 或文本）"),
    _k("input", r"(?P<item>.+): no file matches", "{item}: 没有匹配的文件"),
    _k("input", r"(?P<path>.+): a link out of (?P<folder>.+); not followed \(--follow-links follows it\)",
       "{path}: 链接指向 {folder} 之外，未跟随（加 --follow-links 可跟随）"),
    _k("input", r"@(?P<name>.+): cannot read the list \((?P<why>.*)\)", "@{name}: 无法读取文件列表（技术细节：{why}）"),
    _k("busy", r"another auditlint batch \(process (?P<pid>\d+)\) is writing into (?P<outdir>.+): .*",
       "另一个 auditlint batch（进程 {pid}）正在写入 {outdir}：请等它结束，或换一个 --outdir"),
    # settings, baseline and check folders (engine/config.py, engine/baseline.py, engine/registry.py)
    _k("settings", r"(?P<path>.+): unknown check ID (?P<id>'[^']*') in (?P<where>\w+)"
                   r"(?: \(did you mean (?P<close>'[^']*')\?\))? \(see `auditlint rules`\)",
       "{path}: {where} 中的检查编号 {id} 不存在{close}（见 auditlint rules）"),
    _k("settings", r"unknown check ID (?P<ids>.+) \(see `auditlint rules`\)",
       "没有这些检查编号：{ids}（见 auditlint rules）"),
    _k("settings", r"--config (?P<path>.+): no such file", "--config {path}: 设置文件不存在"),
    _k("settings", r"(?P<path>.+): not valid TOML \((?P<why>.*)\)", "{path}: 不是有效的 TOML 文件（技术细节：{why}）"),
    _k("settings", r"(?P<path>.+): (?P<key>[\w-]+) = (?P<value>.+) is not one of (?P<options>.+)",
       "{path}: {key} = {value} 不是可选值之一：{options}"),
    _k("settings", r"--checks (?P<path>.+): not a folder", "--checks {path}: 不是文件夹"),
    _k("settings", r"(?P<path>.+): unknown setting (?P<key>'[^']*') in (?P<where>.+?)"
                   r"(?: \(did you mean (?P<close>'[^']*')\?\))?; known: (?P<known>.+)",
       "{path}: {where} 中没有设置项 {key}{close}；可用的设置项：{known}"),
    _k("settings", r"(?P<path>.+): put the settings at the top level of (?P<name>\S+), without \[tool\.auditlint\]",
       "{path}: 设置应直接写在 {name} 的顶层，不要加 [tool.auditlint]"),
    _k("settings", r"(?P<path>.+): \[tool\.auditlint\] must be a table", "{path}: [tool.auditlint] 必须是一个表"),
    _k("settings", r"(?P<path>.+): (?P<key>select|ignore|checks) must be a list of strings, e\.g\. (?P<eg>.+)",
       "{path}: {key} 必须是字符串列表，例如 {eg}"),
    _k("settings", r"(?P<path>.+): severity must be a table, e\.g\. (?P<eg>.+)", "{path}: severity 必须是一个表，例如 {eg}"),
    _k("settings", r"(?P<path>.+): severity of (?P<id>\S+): unknown severity (?P<value>'[^']*') \(use error, warning or info\)",
       "{path}: {id} 的严重程度 {value} 不存在（可用 error、warning 或 info）"),
    _k("settings", r"(?P<path>.+): severity of (?P<id>\S+): (?P<why>.+)", "{path}: {id} 的严重程度设置有误（技术细节：{why}）"),
    _k("settings", r"(?P<path>.+): vocabulary must be a table, e\.g\. (?P<eg>.+)", "{path}: vocabulary 必须是一个表，例如 {eg}"),
    _k("settings", r"(?P<path>.+): vocabulary file (?P<file>.+) does not exist", "{path}: 词表文件 {file} 不存在"),
    _k("settings", r"(?P<path>.+): tolerance must be a table, e\.g\. (?P<eg>.+)", "{path}: tolerance 必须是一个表，例如 {eg}"),
    _k("settings", r"(?P<path>.+): tolerance\.(?P<key>\w+) must be a number, not (?P<value>.+)",
       "{path}: tolerance.{key} 必须是数字，而不是 {value}"),
    _k("settings", r"(?P<path>.+): tolerance\.sigmas must be above 0 \(default 4\)", "{path}: tolerance.sigmas 必须大于 0（默认 4）"),
    _k("settings", r"(?P<path>.+): tolerance\.relative must be a share between 0 and 0\.5 .*",
       "{path}: tolerance.relative 必须是 0 到 0.5 之间的比例（0.001 即 0.1%）"),
    _k("baseline", r"(?P<path>.+): no such baseline file \(write one with --write-baseline (?P<again>.+)\)",
       "{path}: 基线文件不存在（可用 --write-baseline {again} 生成）"),
    _k("baseline", r"(?P<path>.+): cannot write the baseline \((?P<why>.*)\)",
       "{path}: 无法写入基线文件（技术细节：{why}）"),
    _k("baseline", r"(?P<path>.+): not a baseline file \(invalid JSON: (?P<why>.*)\)",
       "{path}: 不是基线文件（JSON 无效；技术细节：{why}）"),
    _k("baseline", r"(?P<path>.+): not an auditlint baseline \(write one with --write-baseline\)",
       "{path}: 不是 auditlint 的基线文件（可用 --write-baseline 生成）"),
    _k("settings", r"(?P<path>.+): cannot be read \((?P<why>.*)\)", "{path}: 无法读取（技术细节：{why}）"),
    _k("missing-extra", r"--executor dask needs Dask: .*", "--executor dask 需要 Dask：pip install 'auditlint[dask]'"),
    _k("missing-extra", r"--gx-docs needs Great Expectations: .*",
       "--gx-docs 需要 Great Expectations：pip install 'auditlint[gx]'"),
    _k("unreachable", r"cannot reach the Dask scheduler at (?P<where>\S+): (?P<why>.*)",
       "无法连接 Dask 调度器 {where}（技术细节：{why}）"),
)


def _match(message: str) -> tuple[Kind, re.Match[str]] | None:
    text = message.strip()
    for entry in CATALOG:
        m = entry.pattern.fullmatch(text)
        if m:
            return entry, m
    return None


def kind_of(message: str) -> str | None:
    """The stable kind of an English error line (``no-text-layer``, ``encrypted`` …), or None."""
    found = _match(message)
    return found[0].kind if found else None


def _tail(value: str) -> str:
    # the crash lines end with the worker's last log line, when there was one
    return f"（技术细节：{value[2:]}）" if value.startswith(": ") else value


def translate(message: str, lang: str = "zh") -> str:
    """``message`` in ``lang``: English as raised, or its Chinese line; unknown ones unchanged."""
    if lang == "en" or not message:
        return message
    found = _match(message)
    if found is None:
        return message
    entry, m = found
    values = {k: _WORDS.get(v or "", v or "") for k, v in m.groupdict().items()}
    if values.get("close"):
        values["close"] = f"（是否想用 {values['close']}？）"
    if "tail" in values:
        values["tail"] = _tail(values["tail"])
    return entry.zh.format(**values)
