"""The fast reader's content-stream loop (``TextInterpreter._run``: one ``re.split``, the
commonest operators inline) against the operation-by-operation reading
(``_run_steps``, whose operations ``test_pdf_parity`` checks against pdfminer's own parser):
the same characters, box for box, the same painted paths and the same text state after."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

_FONT_PAGE: list = []


def _page():  # noqa: ANN202 - (pdfplumber PDF, its page)
    """A one-page PDF with a Latin font (/F1) and a CJK font (/F2) in its resources."""
    if not _FONT_PAGE:
        import pdfplumber
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        buf = io.BytesIO()
        c = canvas.Canvas(buf)
        c.setFont("Helvetica", 10)
        c.drawString(100, 700, "total 12.50")
        c.setFont("STSong-Light", 10)
        c.drawString(100, 680, "合计")
        c.showPage()
        c.save()
        pdf = pdfplumber.open(io.BytesIO(buf.getvalue()))
        _FONT_PAGE.append((pdf, pdf.pages[0]))
    return _FONT_PAGE[0]


def _read(stream: bytes, fast: bool) -> tuple:
    from auditlint.readers.pdf_text import CharCollector, TextInterpreter

    pdf, page = _page()
    device = CharCollector(pdf.rsrcmgr, float(page.height))
    interp = TextInterpreter(pdf.rsrcmgr, device)
    interp.init_resources(page.page_obj.resources)
    interp.init_state((1, 0, 0, 1, 0, 0))
    if fast:
        interp._run(stream)
    else:
        interp._run_steps(stream, 0)
    ts = interp.textstate
    state = (ts.matrix, ts.linematrix, ts.fontsize, ts.leading, ts.charspace, ts.scaling, interp.ctm)
    return device.chars, device.paths, state, len(interp.gstack)


@pytest.mark.parametrize("stream", [
    # the real reports' form: one glyph per Tj, moved by TD; a flipped CTM; a clip and graphics state
    b"q\r1 0 0 -1 0 842 cm\rq\r0 0 595 842 re\rW* n\r0.05 w\rBT\r0 0 0 rg\r/F1 300 Tf\r/GS13 gs\r"
    b"0.05 0 0 -0.05 90 87.17 Tm\r<41>Tj 300 -0 TD<42>Tj 307.188 -0 TD<43>Tj\nET\rQ\rQ",
    # the generated reports' form: Tf and TL, literal strings with octal escapes, T*, cm
    b"q 1 0 0 1 56.69 687.5 cm BT 1 0 0 1 0 2.5 Tm /F2 8.5 Tf 11 TL (N\\000~\\247c\\007) Tj T* (\\\\x\\(y\\)) Tj ET Q",
    # arrays with kerning, ' and \", Tc Tw Tz Ts, a dict and a marked-content tag, a comment
    b"BT /F1 12 Tf 2 Tc 1 Tw 90 Tz 3 Ts 14 TL [(a) -250 <4243> 120.5 (c d)] TJ (e) ' 1 2 (f) \" ET "
    b"/P <</MCID 3 /Lang (en)>> BDC % a comment (with a parenthesis\nEMC",
    # a string with parentheses inside: the rest is read operation by operation
    b"BT /F1 10 Tf 1 0 0 1 10 20 Tm (a (nested) b) Tj 5 6 Td (x) Tj ET 0 0 m 10 0 l S",
    # an inline image, then text; booleans in and out of arrays; a name with #
    b"BI /W 2 /H 1 /BPC 8 /CS /G ID \x00\xff EI BT /F#31 9 Tf [true (q)] TJ ET true BT (r) Tj ET",
    # operands too few, or not numbers: as the operators' methods take them
    b"BT /F1 Tf /F1 10 Tf 5 Td /X 3 Td (s) Tj 1 2 3 Tm 7 TL T* (t) Tj ET 1 cm 10 10 re f",
    # paths: rectangles, lines, curves, subpaths, closing
    b"q 2 0 0 2 5 5 cm 0 0 10 10 re S 0 0 m 10 0 l 10 10 l h f* 0 0 m 1 2 3 4 5 6 c 7 8 9 10 v S Q",
    # runs of one-glyph Tj/TD pairs (``SHOWN``): before any font; after numbers; word and character
    # spacing; two glyphs in one string; moves up and down; one ending in an operator of another name
    b"BT 1 0 0 1 10 20 Tm <41>Tj 300 -0 TD<42>Tj 10 5 TD /F1 10 Tf 1 2 <43>Tj 300 -0 TD (d) Tj ET",
    b"BT /F1 10 Tf 5 Tw 2 Tc 1 0 0 1 10 20 Tm <20>Tj 6.5 -0 TD<4142>Tj -12.25 3.5 TD\n<20>Tj 0 0 TD<43>Tj 1 1 TDx ET",
    b"BT /F2 12 Tf 0.05 0 0 -0.05 90 87.17 Tm <4E004E01>Tj 300 -0 TD<4E02>Tj 300 -0 TD ET",
    # a run drawn turned, flipped by the CTM, or inside an array (read operation by operation)
    b"BT /F1 10 Tf 0 1 -1 0 100 100 Tm <41>Tj 300 -0 TD<42>Tj 300 -0 TD ET q -1 0 0 1 300 0 cm BT /F1 9 Tf "
    b"<43>Tj 30 0 TD ET Q",
    b"BT /F1 10 Tf 1 0 0 1 10 20 Tm [<41>Tj 300 -0 TD] TJ <42>Tj 300 -0 TD ET",
    # the same text of numbers read again: in an array, then as an operator's operands
    b"BT /F1 10 Tf 1 0 0 1 10 20 Tm [(a) 120 (b) 120 (c)] TJ 120 Tz (d) Tj 5 Tw [(e) 5 (f)] TJ ET",
])
def test_the_split_loop_reads_as_the_operations_do(stream: bytes) -> None:
    fast, steps = _read(stream, True), _read(stream, False)
    assert fast == steps
    assert fast[0] or fast[1]  # the stream drew something


_NUMBERS = st.sampled_from([b"300", b"-0", b"0", b"12.5", b"-3.25", b"1.", b".5", b"+2", b"-", b"7"])
_GAPS = st.sampled_from([b" ", b"", b"\n", b"\r\n", b"  \t"])
_HEX = st.sampled_from([b"<41>", b"<4142>", b"<20>", b"<4>", b"<41 42>", b"<>", b"(a)", b"<4E00>"])


@st.composite
def _shown(draw: st.DrawFn) -> bytes:
    """``<41>Tj 300 -0 TD`` and its near misses: other spacing, numbers float() reads or not."""
    gap = draw(_GAPS)
    return (draw(_HEX) + draw(_GAPS) + b"Tj" + draw(st.sampled_from([b" ", b"\n", b""])) + draw(_NUMBERS) + b" "
            + draw(_NUMBERS) + gap + draw(st.sampled_from([b"TD", b"Td", b"TDx", b"TD%c\n", b"TD(b)Tj"])))


_OTHERS = st.sampled_from([b"/F1 10 Tf", b"/F2 12 Tf", b"1 0 0 1 10 20 Tm", b"0 1 -1 0 50 50 Tm", b"q", b"Q", b"BT",
                           b"ET", b"2 Tc", b"5 Tw", b"T*", b"12 TL", b"[", b"]", b"[(x) -20 <41>] TJ", b"1 0 0 -1 0 842 cm",
                           b"0 0 0 rg", b"/GS1 gs", b"(y) Tj", b"0 0 m 5 5 l S"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_shown(), _OTHERS), min_size=1, max_size=12), st.lists(_GAPS, min_size=12, max_size=12))
def test_generated_streams_read_as_the_operations_do(parts: list[bytes], gaps: list[bytes]) -> None:
    stream = b"BT /F1 10 Tf " + b"".join(p + g for p, g in zip(parts, gaps))
    assert _read(stream, True) == _read(stream, False)


def test_a_run_of_glyphs_moved_by_td_is_drawn_in_one_call(monkeypatch: pytest.MonkeyPatch) -> None:
    from auditlint.readers.pdf_device import CharCollector

    runs: list = []
    show_moved = CharCollector.show_moved
    monkeypatch.setattr(CharCollector, "show_moved", lambda self, ts, run, gs: runs.append(run) or show_moved(
        self, ts, run, gs))
    chars, _, state, _ = _read(b"BT /F1 10 Tf 1 0 0 1 50 60 Tm <41>Tj 20 -0 TD<42>Tj 20 -2 TD\n<43>Tj ET", True)
    assert runs == [[(b"A", 20.0, -0.0), (b"B", 20.0, -2.0)]]
    assert [(c["text"], c["x0"]) for c in chars] == [("A", 50.0), ("B", 70.0), ("C", 90.0)]
    assert state[0] == (1.0, 0.0, 0.0, 1.0, 90.0, 58.0) and state[3] == -2.0  # text matrix, leading


def test_the_text_state_comes_back_after_q_and_q() -> None:
    chars, _, state, depth = _read(b"BT /F1 10 Tf 1 0 0 1 50 60 Tm q 2 Tc /F2 20 Tf Q (ab) Tj ET", True)
    assert depth == 0
    assert state[2] == 10.0 and state[4] == 0  # font size and character spacing as before q
    assert [c["text"] for c in chars] == ["a", "b"]
    assert chars[0]["x0"] == 50.0 and round(chars[1]["x0"], 3) == 55.56  # Helvetica's a: 556/1000 em at 10 pt


@pytest.mark.parametrize("text", [b"", b"9jqo^BlbD-BleB1DJ+*+F(f,q", b"9jqo^ BlbD-\nBleB1\r\tDJ+*+F(f,q", b"9jqo^B",
                                  b"9jqo^Bl", b"!!!!!", b"s8W-!"])
def test_ascii85_is_read_as_the_standard_library_reads_it(text: bytes) -> None:
    import base64

    from auditlint.readers.pdf_stream import _a85

    assert _a85(text) == base64.a85decode(text)


@pytest.mark.parametrize("text", [b"s8W-\"", b"s8W-!s", b"!!z!!", b"ab\x0ccd", b"ab{cd"])
def test_ascii85_the_standard_library_decides_is_left_to_it(text: bytes) -> None:
    """A group over 32 bits, a z, a character it does not skip or take: None, and pdfminer's
    own reading (``get_data``) decides."""
    from auditlint.readers.pdf_stream import _a85

    assert _a85(text) is None


def test_an_ascii85_and_flate_stream_decodes_as_pdfminer_decodes_it() -> None:
    import base64
    import zlib

    from pdfminer.pdftypes import PDFStream
    from pdfminer.psparser import LIT

    from auditlint.readers.pdf_stream import stream_data

    content = b"BT /F1 12 Tf 72 700 Td (" + bytes(range(32, 127)) * 20 + b") Tj ET"
    raw = base64.a85encode(zlib.compress(content), wrapcol=72) + b"~>"

    def stream() -> PDFStream:
        return PDFStream({"Filter": [LIT("ASCII85Decode"), LIT("FlateDecode")]}, raw)

    assert stream_data(stream()) == stream().get_data() == content
