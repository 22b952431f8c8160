"""Why a file could not be checked, said in Chinese for the page.

The readers and the batch word their reasons in English (one line each, see
readers/ and batch/local.py). The page shows the Chinese sentence the CLI would
print for each reason (``auditlint.i18n.errors``), or its own for the batch's error
kinds, with the English line kept beside it for whoever reports the problem.
"""

from __future__ import annotations

from auditlint.i18n.errors import translate

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


def reason_zh(kind: str | None, english: str | None) -> str:
    """The Chinese sentence for a failed file (the English line is shown apart): the
    batch's own kinds in the page's words, a reader's reason from the one catalog every
    command uses (``auditlint.i18n.errors``)."""
    if kind in _KIND:
        return _KIND[kind]
    text = (english or "").strip()
    zh = translate(text, "zh") if text else text
    return zh if zh and zh != text else FALLBACK
