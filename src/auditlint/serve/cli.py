"""``auditlint serve``: start the local web page and say where it is.

Importable without the ``serve`` extra (``auditlint --help`` lists the command
either way); the web stack is imported when the command runs, and its absence is
one line saying what to install.
"""

from __future__ import annotations

import ipaddress
import socket
import sys

import click

from auditlint import i18n
from auditlint.i18n import t

EXIT_USAGE = 2
INSTALL = {
    "zh": 'auditlint: 网页功能需要额外的组件：请运行 pip install "auditlint[serve]"',
    "en": 'auditlint: the web page needs its extra: pip install "auditlint[serve]"',
}


def _say(lang: str, zh: str, en: str, err: bool = False) -> None:
    click.echo(en if lang == "en" else zh, err=err)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _port_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host.strip("[]"), port))
        except OSError:
            return False
    return True


def _url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


@click.command(help=t("打开本机网页：把报告文件拖进去即可检查。", "Start the local web page: drop report files on it."))
@click.option("--host", default="127.0.0.1", show_default=True,
              help=t("监听地址；只有改成本机以外的地址（如 0.0.0.0），同一网络的其他电脑才能打开。",
                     "Address to listen on; other than 127.0.0.1 shares the page on the network."))
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help=t("端口。", "Port."))
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help=t("网页和提示的语言  [默认：按 LANG 环境变量，否则 zh]",
                     "Language of the page and messages  [default: from LANG, else zh]"))
@click.option("--max-mb", type=click.FloatRange(min=0.001), default=50.0, show_default=True,
              help=t("每个上传文件的大小上限（MB）。", "Size limit per uploaded file, MB."))
@click.option("--timeout", type=click.FloatRange(min=0), default=120.0, show_default=True,
              help=t("每个文件最多检查多少秒（0 为不限）。", "Seconds one file may take; 0 for no limit."))
@click.option("--open", "open_browser", is_flag=True, help=t("启动后在浏览器中打开。", "Open the page in the browser."))
def serve(host: str, port: int, lang: str | None, max_mb: float, timeout: float, open_browser: bool) -> None:
    lang = i18n.resolve(lang)
    i18n.use(lang)
    try:
        import multipart  # noqa: F401 - python-multipart, which Starlette needs for uploads
        import starlette  # noqa: F401
        import uvicorn
    except ImportError:
        click.echo(INSTALL[lang], err=True)
        sys.exit(EXIT_USAGE)
    from auditlint.engine.config import ConfigError
    from auditlint.engine.registry import RegistryError
    from auditlint.serve.app import LOOPBACK_HOSTS, ServeSettings, create_app

    if not _port_free(host, port):
        _say(lang, f"auditlint: 无法使用 {host} 的端口 {port}（已被占用或地址无效）：请用 --port 换一个端口",
             f"auditlint: cannot listen on {host} port {port} (in use, or no such address): choose another --port",
             err=True)
        sys.exit(EXIT_USAGE)
    local = is_loopback(host)
    cfg = ServeSettings(lang=lang, max_bytes=int(max_mb * 1024 * 1024), timeout=timeout,
                        allowed_hosts=LOOPBACK_HOSTS if local else None)
    try:
        app = create_app(cfg)
    except (ConfigError, RegistryError) as exc:
        click.echo(f"auditlint: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    url = _url(host, port)
    _say(lang, f"auditlint 网页已启动：{url}\n在浏览器中打开此地址，把报告文件拖进页面即可检查。按 Ctrl+C 停止。",
         f"auditlint is serving the page at {url}\nOpen it in a browser and drop report files on it. Ctrl+C stops it.")
    if not local:
        _say(lang, f"注意：监听地址为 {host}，同一网络中的其他人也能打开此页面并上传文件。只在可信的办公网络中这样做。",
             f"Warning: listening on {host}, so others on the network can open this page and upload files. "
             "Do this only on a trusted office network.", err=True)
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    server = uvicorn.Server(uvicorn.Config(app, host=host.strip("[]"), port=port, log_level="warning",
                                           access_log=False, lifespan="on"))
    server.run()
