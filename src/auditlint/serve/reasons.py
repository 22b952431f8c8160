"""Why a file could not be checked, said in Chinese for the page.

The readers and the batch word their reasons in English (one line each, see
readers/ and batch/local.py). The page shows a Chinese sentence for each reason
it knows, by the reason's opening words or the batch's error kind, with the
English line kept beside it for whoever reports the problem.
"""

from __future__ import annotations

import re

# (pattern on the English reason, Chinese reason); the first that matches is used
_READER: tuple[tuple[str, str], ...] = (
    (r"^no text layer|^no usable text layer", "PDF 没有文字层（可能是扫描件或图片）：请先做文字识别（OCR）再上传"),
    (r"^password-protected PDF|^encrypted PDF", "PDF 设有密码或加密：请去掉密码（或另存为新的 PDF）后再上传"),
    (r"^truncated PDF|^damaged PDF", "PDF 文件已损坏或不完整：请重新导出或下载后再上传"),
    (r"^the file is empty|^the page is empty|^no text found", "文件是空的：没有可检查的内容"),
    (r"^a password-protected workbook", "Excel 工作簿设有密码：请在 Excel 或 WPS 中去掉密码后另存再上传"),
    (r"^a password-protected Word", "Word 文档设有密码：请在 Word 中去掉密码后另存再上传"),
    (r"^damaged \.xlsx|^a damaged spreadsheet", "Excel 文件已损坏：请在 Excel 或 WPS 中打开并重新保存后再上传"),
    (r"^formulas without saved results", "工作簿中的公式没有保存计算结果：请在 Excel 或 WPS 中打开、计算并保存后再上传"),
    (r"^sheet .* too large", "工作表过大，不像报告中的表格"),
    (r"^damaged \.docx|^not a Word document|^not a \.docx", "Word 文件已损坏或不是 .docx：请在 Word 中重新另存为 .docx 后再上传"),
    (r"^a damaged ZIP", "压缩包已损坏：请重新保存或下载报告后再上传"),
    (r"^a presentation", "这是演示文稿（.pptx），不是报告：请把报告另存为 .docx、.pdf 或 .txt"),
    (r"^an OpenDocument", "这是 OpenDocument 文件（.odt）：请先另存为 .docx 或 PDF"),
    (r"^a ZIP archive that is not", "这是压缩包，不是 .docx 文档：请打开后另存为 .docx、.pdf 或 .txt"),
    (r"^an RTF file", "这是 RTF 文件：请先另存为 .docx 或 PDF"),
    (r"^a Word 2003 XML", "这是 Word 2003 XML 文档：请先另存为 .docx 或 PDF"),
    (r"^a web archive", "这是网页存档（.mht）：请在浏览器中打开并另存为 .html"),
    (r"^a binary file", "这是无法识别的二进制文件，不是 PDF、Word、网页或文本：请先转换为其中一种格式"),
    (r"^not a \w+ file \(its content", "文件内容与扩展名不符（文件已损坏或扩展名有误）：请重新导出或下载后再上传"),
    (r"^text in Big5", "文字是繁体中文 Big5 编码：请转换为简体中文并以 UTF-8 保存"),
    (r"^text in an unknown encoding", "文字编码无法识别（不是 UTF-8、UTF-16 或 GB18030）：请以 UTF-8 保存后再上传"),
    (r"^malformed", "文件格式有误，无法解析：请重新导出或下载后再上传"),
    (r"^not a readable web page", "网页无法解析：请重新保存网页后再上传"),
    (r"cannot read it without LibreOffice", "需要安装 LibreOffice 才能读取 .doc、.wps、.xls 文件；也可以先另存为 .docx 或 .xlsx"),
    (r"LibreOffice", "LibreOffice 无法转换此文件（可能已损坏或设有密码）：请打开后另存为 .docx 或 .xlsx"),
)
_KIND: dict[str, str] = {
    "timeout": "检查超时：文件太大或太复杂，已停止检查",
    "memory": "检查所需内存超过限制，已停止检查",
    "crash": "检查此文件的进程意外退出",
    "internal": "auditlint 内部错误：请把此文件和下面的英文原因报告给维护者",
    "io": "服务器无法打开已上传的文件，请重新上传",
}
UNSUPPORTED = "不支持的文件类型（{suffix}）：请上传 {accepted} 文件"
UNSUPPORTED_EN = "unsupported file type ({suffix}): upload {accepted} files"
TOO_LARGE = "文件超过 {mb} MB 的大小限制，未上传"
TOO_LARGE_EN = "larger than the {mb} MB limit; not uploaded"
FALLBACK = "无法读取此文件"
_COMPILED = tuple((re.compile(p), zh) for p, zh in _READER)


def reason_zh(kind: str | None, english: str | None) -> str:
    """The Chinese sentence for a failed file (the English line is shown apart)."""
    if kind in _KIND:
        return _KIND[kind]
    text = (english or "").strip()
    for pattern, zh in _COMPILED:
        if pattern.search(text):
            return zh
    return FALLBACK
