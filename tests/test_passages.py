"""extract/passages.py: the running text of a report and its sentences, with where
each is printed."""

from auditlint.extract.passages import Passage, passages, sentences
from auditlint.extract.text import SENTENCE
from auditlint.model import Cell, Document, Location, Paragraph, Table


def _par(text: str, index: int = 4) -> Paragraph:
    return Paragraph(index, text, Location("t.txt", line=9, column=1))


def test_sentences_keep_their_offsets_paragraph_and_locations():
    p = Passage.of(_par("本年支出100万元；其中基本支出60万元。"))
    a, b = sentences(p)
    assert (a.text, a.start, a.end, a.paragraph) == ("本年支出100万元；", 0, 10, 4)
    assert (b.text, b.start, b.end) == ("其中基本支出60万元。", 10, 21)
    assert (b.location.line, b.location.column) == (9, 11)
    assert b.location_at(6).column == 17  # the "6" of 60
    # the narrative's sentence runs past the "；"
    (whole,) = sentences(p, SENTENCE)
    assert (whole.start, whole.end) == (0, 21)


def test_a_sentence_of_nothing_but_its_mark_or_spaces_is_left_out():
    p = Passage.of(_par("甲。 。；乙"))
    assert [(s.text, s.start) for s in sentences(p)] == [("甲。", 0), ("乙", 5)]


def test_sentences_are_equal_by_text_and_place_not_by_passage_object():
    par = _par("甲。乙。")
    assert sentences(Passage.of(par)) == sentences(Passage.of(par))
    assert sentences(Passage.of(par))[0] != sentences(Passage.of(_par("甲。乙。", index=5)))[0]


def test_passages_are_paragraphs_and_text_cells_not_labels_or_numbers():
    loc = Location("t.txt", line=20, column=1)
    long_text = "资金已按计划拨付到位，项目按期完工并通过验收。"
    table = Table(1, [[Cell("项目", loc), Cell("1,234.00", loc), Cell(long_text, loc)]], loc)
    doc = Document("t.txt", "text", [_par("一、基本情况"), _par("   "), table])
    found = list(passages(doc))
    assert [(p.text, p.in_table, p.paragraph) for p in found] == [("一、基本情况", False, 4), (long_text, True, None)]
    assert found[1].location_at(5) == loc
