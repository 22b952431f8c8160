"""An HTML page as a government site publishes a report: optional site chrome (header,
breadcrumb, 发布时间, footer), the body in a ``TRS_Editor`` div, tables with rowspan and
colspan, in any encoding declared with ``<meta http-equiv>``."""

from __future__ import annotations

import html
import re

from corpusgen.model import C, Report, T, spans

_NUMBER = re.compile(r"(-?[\d,]+(?:\.\d+)?%?)")
_TD = re.compile(r"(<td[^>]*>)(.*?)(</td>)")


def table_html(t: T) -> str:
    sp = spans(t.rows)
    out = ['<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;width:100%">']
    for r, row in enumerate(t.rows):
        out.append("<tr>")
        for c, cell in enumerate(row):
            if (r, c) not in sp:
                continue
            rs, cs = sp[(r, c)]
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            tag = "th" if r < t.head else "td"
            out.append(f"<{tag}{attrs}>{html.escape(cell).replace(chr(10), '<br>')}</{tag}>")
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def _chrome_top(rep: Report) -> list[str]:
    parts = []
    if rep.site:
        parts += [f'<div class="header"><a href="/">{html.escape(rep.site)}</a> | '
                  '<a href="/xxgk/">政府信息公开</a> | <a href="/xxgk/czxx/">财政预决算</a></div>',
                  '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a>'
                  ' &gt; 财政信息</div>']
    parts.append(f'<div class="title"><h1>{html.escape(rep.title)}</h1></div>')
    if rep.published:
        parts.append(f'<div class="info">发布时间：{rep.published}　来源：{html.escape(rep.site)}'
                     '　浏览次数：<span id="views">1358</span></div>')
    return parts


def _span_numbers(page: str) -> str:
    # some sites wrap every figure in a table cell in its own styled <span>
    def wrap(m: re.Match[str]) -> str:
        cell = _NUMBER.sub(r'<span class="num" style="font-family:Arial">\1</span>', m.group(2))
        return m.group(1) + cell + m.group(3)

    return _TD.sub(wrap, page)


def render_html(rep: Report, encoding: str = "utf-8") -> str:
    parts = [
        "<!DOCTYPE html>",
        "<html>",
        "<head>",
        f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">',
        f"<title>{html.escape(rep.title)}</title>",
        "<style>body{font-family:SimSun,serif;font-size:14px} .TRS_Editor p{text-indent:2em;line-height:1.8}"
        " th,td{font-size:13px}</style>",
        "</head>",
        "<body>",
        *_chrome_top(rep),
        '<div class="TRS_Editor">',
    ]
    for b in rep.blocks:
        if isinstance(b, T):
            parts.append(table_html(b))
        elif isinstance(b, C):
            parts.append(f'<p style="text-align:center;text-indent:0"><strong>{html.escape(b)}</strong></p>')
        elif isinstance(b, str):
            parts.append(f"<p>{html.escape(b)}</p>" if b.strip() else "<p>&nbsp;</p>")
    parts.append("</div>")
    if rep.footer:
        parts += ['<div class="footer">'] + [f"<p>{html.escape(x)}</p>" for x in rep.footer] + ["</div>"]
    parts += ["</body>", "</html>"]
    page = "\n".join(parts) + "\n"
    return _span_numbers(page) if rep.span_numbers else page
