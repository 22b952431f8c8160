"""pdf_cmap.ToUnicodeParser gives the FileUnicodeMap pdfminer's CMapParser gives: on generated
CMaps (codes of 1 to 4 bytes, UTF-16 with surrogates, ranges as base strings and as arrays,
odd digit counts, comments, stray tokens) and on every ToUnicode stream of the corpus PDFs and
../shared/real (skipped when absent)."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pdfminer import pdffont
from pdfminer.cmapdb import CMapParser, FileUnicodeMap
from pdfminer.psexceptions import PSEOF
from pdfminer.psparser import PSBaseParser

from auditlint.readers.pdf_cmap import ToUnicodeParser, fast_tounicode, tokens

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real"

HEADER = (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n"
          b"<< /Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n"
          b"/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
FOOTER = b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"


def parsed(parser: type[CMapParser], data: bytes) -> tuple[dict, dict] | str:
    """The map's (cid2unichr, attrs), or the error the parser raised."""
    cmap = FileUnicodeMap()
    try:
        parser(cmap, io.BytesIO(data)).run()
    except Exception as exc:  # pdfminer lets some malformed maps raise: the fast parser must too
        return type(exc).__name__
    return cmap.cid2unichr, cmap.attrs


def pdfminer_tokens(data: bytes) -> list:
    parser = PSBaseParser(io.BytesIO(data))
    out = []
    try:
        while True:
            out.append(parser.nexttoken())
    except PSEOF:
        return out


def assert_same(data: bytes) -> None:
    assert parsed(ToUnicodeParser, data) == parsed(CMapParser, data)
    found = tokens(data)
    if found is not None:
        assert found == pdfminer_tokens(data)


def hexs(code: bytes) -> bytes:
    return b"<" + code.hex().upper().encode() + b">"


codes = st.integers(1, 4).flatmap(lambda n: st.binary(min_size=n, max_size=n))
utf16 = st.text(min_size=1, max_size=3).map(lambda s: s.encode("utf-16-be", "surrogatepass"))
odd_hex = st.text("0123456789abcdefABCDEF \n", min_size=0, max_size=7).map(lambda s: b"<" + s.encode() + b">")
stray = st.sampled_from([b"% a comment\n", b"/Name", b"12", b"(str)", b"true", b"def", b"1.5", b"-3", b"{", b"}",
                         b"/Na#20me", b"(a(b)c)", b"(esc\\061)", b"<<", b">>", b"[", b"]", b"<01>>", b"\x00",
                         b"usecmap", b"/Adobe-Japan1-UCS2 usecmap", b"endbfchar", b"beginbfrange", b"endcmap",
                         b"begincmap", b"endcidrange", b"endcidchar"])


@st.composite
def bfchar(draw: st.DrawFn) -> bytes:
    pairs = draw(st.lists(st.tuples(st.one_of(codes.map(hexs), odd_hex), st.one_of(utf16.map(hexs), odd_hex)),
                          max_size=6))
    body = b"\n".join(a + draw(st.sampled_from([b" ", b"", b"\t", b"\r\n"])) + b for a, b in pairs)
    return b"%d beginbfchar\n%s\nendbfchar\n" % (len(pairs), body)


@st.composite
def bfrange(draw: st.DrawFn) -> bytes:
    lines = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, 0xFFF0))
        end = start + draw(st.integers(-1, 6))
        width = draw(st.sampled_from([1, 2, 2, 3]))
        lo, hi = hexs(start.to_bytes(4, "big")[-width:]), hexs(max(end, 0).to_bytes(4, "big")[-width:])
        if draw(st.booleans()):
            dest = b"[" + b" ".join(hexs(draw(utf16)) for _ in range(draw(st.integers(0, 8)))) + b"]"
        else:
            dest = hexs(draw(utf16))
        lines.append(lo + b" " + hi + b" " + dest)
    return b"%d beginbfrange\n%s\nendbfrange\n" % (len(lines), b"\n".join(lines))


@st.composite
def cidrange(draw: st.DrawFn) -> bytes:
    start = draw(st.integers(0, 0xFFF0))
    return b"1 begincidrange\n%s %s %d\nendcidrange\n1 begincidchar\n%d %s\nendcidchar\n" % (
        hexs(start.to_bytes(2, "big")), hexs((start + draw(st.integers(0, 4))).to_bytes(2, "big")),
        draw(st.integers(0, 99)), draw(st.integers(0, 99)), hexs(draw(codes)))


cmaps = st.lists(st.one_of(bfchar(), bfrange(), cidrange(), stray), max_size=8).map(
    lambda parts: HEADER + b"".join(p + b"\n" for p in parts) + FOOTER)


@settings(max_examples=300, deadline=None)
@given(cmaps)
def test_generated_cmaps_map_as_pdfminers(data: bytes) -> None:
    assert_same(data)


@settings(max_examples=100, deadline=None)
@given(cmaps, st.integers(0, 200))
def test_cut_cmaps_map_as_pdfminers(data: bytes, cut: int) -> None:
    """A stream ending anywhere: in a token, a string, a hex string."""
    assert_same(data[:len(data) - cut])


def test_plain_cmap_is_read_by_the_regex() -> None:
    data = HEADER + b"2 beginbfchar\n<0001> <4E00>\n<0002> <D83DDE00>\nendbfchar\n" \
        b"1 beginbfrange\n<0010> <0012> [<0041> <0042> <0043>]\nendbfrange\n" + FOOTER
    assert tokens(data) is not None
    cid2unichr, attrs = parsed(ToUnicodeParser, data)
    assert cid2unichr == {1: "一", 2: "😀", 16: "A", 17: "B", 18: "C"}
    assert attrs["CMapName"].name == "Adobe-Identity-UCS"
    assert attrs["CIDSystemInfo"] == {"Registry": b"Adobe", "Ordering": b"UCS", "Supplement": 0}


def test_dict_mark_across_pdfminers_buffer_goes_to_pdfminer() -> None:
    """pdfminer reads 4096 bytes at a time and splits a ``>>`` cut by that boundary into two tokens."""
    body = b"% " + b"x" * 4000 + b"\n"
    data = HEADER.replace(b"<< /Registry", body + b" " * (4095 - len(body) - HEADER.index(b"<< /Registry"))
                          + b"<< /Registry")
    assert data.index(b"<<") == 4095
    assert tokens(data) is None
    assert_same(data)


def test_fonts_built_inside_use_the_fast_parser_and_others_do_not() -> None:
    with fast_tounicode():
        assert pdffont.CMapParser is ToUnicodeParser
    assert pdffont.CMapParser is CMapParser


def tounicode_streams() -> list[tuple[str, bytes]]:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFStream

    files = sorted((ROOT / "corpus").rglob("*.pdf")) + (sorted(REAL.glob("*.pdf")) if REAL.is_dir() else [])
    found: dict[bytes, str] = {}
    for path in files:
        doc = PDFDocument(PDFParser(io.BytesIO(path.read_bytes())))
        for xref in doc.xrefs:
            for objid in xref.get_objids():
                try:
                    obj = doc.getobj(objid)
                except Exception:
                    continue
                if isinstance(obj, dict) and isinstance(obj.get("ToUnicode"), object):
                    stream = obj.get("ToUnicode")
                    stream = doc.getobj(stream.objid) if hasattr(stream, "objid") and not isinstance(
                        stream, PDFStream) else stream
                    if isinstance(stream, PDFStream):
                        found.setdefault(stream.get_data(), f"{path.name} obj {objid}")
    return [(name, data) for data, name in found.items()]


def test_every_tounicode_stream_of_the_corpus_maps_as_pdfminers() -> None:
    streams = tounicode_streams()
    assert streams
    fast = 0
    for _name, data in streams:
        assert parsed(ToUnicodeParser, data) == parsed(CMapParser, data), _name
        found = tokens(data)
        if found is not None:
            fast += 1
            assert found == pdfminer_tokens(data), _name
    assert fast == len(streams)  # all of them read by the regex, none left to pdfminer's tokenizer
