"""The whole case file in one PDF (issue 6): order, new page per document, and a contents
list whose page numbers are where each document really is.

The contents is read back from the printed page (not from our own bookkeeping): every row's
页次 is looked up with ``pdftotext -f N -l N`` and must be the page where that document's title
appears and whose file page number (卷内页号, top right) says N.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from mediation_desk import documents
from mediation_desk.documents import dossier
from mediation_desk.errors import ValidationError
from tests.documents import conftest as engine_cases
from tests.documents import forms_data as cases
from tests.documents.conftest import pdf_fonts, pdf_text, review_png, unprintable

FRONT = 2  # cover and contents: not numbered, as archives do
#: The title each printed item carries on its first page.
TITLES = {
    "application": "人民调解申请书", "intake": "人民调解受理登记表",
    "notice": "人民调解当事人权利义务告知书", dossier.IDENTITY: "当事人身份证明",
    "investigation": "人民调解调查记录", "record": "人民调解记录", "agreement": "人民调解协议书",
    "oral-agreement": documents.KINDS["oral-agreement"], "followup": "人民调解回访记录",
    "confirmation": "司法确认申请书", "termination": "终止人民调解告知书",
    dossier.BACK: "卷内备考表",
}


class Built:
    def __init__(self, pdf: bytes, tmp: Path) -> None:
        self.pdf = pdf
        self.path = tmp / "dossier.pdf"
        self.path.write_bytes(pdf)
        self.pages = documents.page_count(pdf)

    def page(self, n: int, layout: bool = False) -> str:
        """Text of PDF page n (1-based), whitespace removed unless layout is asked for."""
        args = ["pdftotext", *(["-layout"] if layout else []), "-f", str(n), "-l", str(n),
                str(self.path), "-"]
        text = subprocess.run(args, capture_output=True, check=True, text=True).stdout
        return text if layout else re.sub(r"\s+", "", text)

    def contents_rows(self) -> list[tuple[int, str, str, str]]:
        """(序号, 文书名称, 页次, 备注) read from the printed contents page."""
        rows = []
        for line in self.page(2, layout=True).splitlines():
            m = re.match(r"\s*(\d+)\s+(\S+)\s+(\d+(?:-\d+)?)?\s*(.*)$", line)
            if m:
                rows.append((int(m[1]), m[2], m[3] or "", m[4].strip()))
        return rows


@pytest.fixture(scope="module")
def agreed(tmp_path_factory: pytest.TempPathFactory) -> Built:
    pdf = documents.build("dossier", cases.agreed_case())
    review_png(pdf, "dossier-agreed")
    return Built(pdf, tmp_path_factory.mktemp("agreed"))


def _kinds(case) -> list[str | None]:
    return [item.kind for item in dossier.items(case)]


def test_items_follow_the_domain_order():
    assert _kinds(cases.agreed_case()) == [
        "application", "notice", dossier.IDENTITY, None, "investigation", None, "record",
        "agreement", None, "followup", "confirmation", dossier.BACK]
    assert _kinds(cases.terminated_case()) == [
        "application", "notice", dossier.IDENTITY, None, "record", "termination", dossier.BACK]
    patrol = _kinds(replace(cases.patrol_case(), records=cases.agreed_case().records[2:3]))
    assert patrol[0] == "intake" and "agreement" not in patrol and "confirmation" not in patrol
    oral = _kinds(engine_cases.oral_case())
    assert "oral-agreement" in oral and "confirmation" not in oral


def test_a_confirmation_lacking_data_is_left_out_not_blocking_the_file():
    """司法确认 is "as needed": a respondent without a phone leaves the application out of
    the file (the 文书 tab names what it lacks) instead of refusing the whole dossier."""
    base = cases.agreed_case()
    parties = tuple(replace(p, phone="") if p.side == "respondent" else p
                    for p in base.parties)
    case = replace(base, parties=parties)
    assert documents.problems("confirmation", case)
    assert "confirmation" not in _kinds(case)
    assert documents.problems("dossier", case) == []
    assert documents.page_count(documents.build("dossier", case)) > 10


def test_contents_page_numbers_are_where_each_document_starts(agreed):
    rows = agreed.contents_rows()
    items = dossier.items(cases.agreed_case())
    assert [r[0] for r in rows] == list(range(1, len(items) + 1))
    printed = [(row, item) for row, item in zip(rows, items, strict=True) if item.printed]
    previous_last = 0
    for row, item in printed:
        first, _, last = row[2].partition("-")
        first_n, last_n = int(first), int(last or first)
        assert first_n == previous_last + 1, row  # no gaps, no overlaps
        start = agreed.page(first_n + FRONT)
        assert TITLES[item.kind] in start, (row, start[:60])
        top = agreed.page(first_n + FRONT, layout=True).strip().splitlines()[0].strip()
        assert top == str(first_n)  # the file page number printed top right
        assert "第1页共" in start  # the document's own numbering starts here
        end = agreed.page(last_n + FRONT)
        assert re.search(r"第(\d+)页共\1页", end), row  # a document (or record) ends here
        previous_last = last_n
    assert previous_last + FRONT == agreed.pages  # the back cover is the last page


def test_paper_items_say_where_they_go(agreed):
    rows = {r[1]: r for r in agreed.contents_rows()}
    assert rows["授权委托书"][2] == "" and "纸质" in rows["授权委托书"][3]
    evidence = rows["证据材料（如有）"]
    investigation_last = rows["人民调解调查记录"][2].split("-")[-1]
    assert evidence[3] == f"纸质，附第{investigation_last}页后"
    receipts = rows["履行凭证（如有）"]
    agreement_last = rows["人民调解协议书"][2].split("-")[-1]
    assert receipts[3] == f"纸质，附第{agreement_last}页后"
    assert "复印件" in rows["当事人身份证明"][3]


def test_cover_and_contents_are_unnumbered_and_first(agreed):
    cover, contents = agreed.page(1), agreed.page(2)
    assert "湖头镇人民调解委员会" in cover and "调解卷宗" in cover.replace("\u2003", "")
    assert "第1页" not in cover and "第1页" not in contents
    assert "卷内目录" in contents and "（2026）湖头人调字第12号" in contents


def test_back_cover_counts_the_pages(agreed):
    back = re.sub(r"\s+", "", agreed.page(agreed.pages, layout=True))
    assert "卷内备考表" in back
    assert f"共{agreed.pages - FRONT}页" in back
    assert "立卷人黄雅琴" in back and "2026年4月20日" in back


def test_each_document_matches_its_own_print(agreed):
    """The file holds the same sheets as each form printed alone (same page counts)."""
    case = cases.agreed_case()
    _, items, pages = dossier.layout(case)
    printed = [item for item in items if item.printed]
    for item, (first, last) in zip(printed, pages.spans, strict=True):
        if item.kind in documents.KINDS:
            alone = documents.build(item.kind, case)
            assert documents.page_count(alone) == last - first + 1, item


def test_dossier_fonts_embedded_and_all_names(agreed, tmp_path):
    fonts = pdf_fonts(agreed.pdf, tmp_path)
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts
    text = re.sub(r"\s+", "", pdf_text(agreed.pdf, layout=False))
    for party in cases.agreed_case().parties:
        assert party.name in text


def test_terminated_dossier_ends_with_the_termination_notice(tmp_path):
    pdf = documents.build("dossier", cases.terminated_case())
    built = Built(pdf, tmp_path)
    rows = {r[1]: r for r in built.contents_rows()}
    first = int(rows["终止人民调解告知书"][2].split("-")[0])
    assert "终止人民调解告知书" in built.page(first + FRONT)
    assert "人民调解协议书" not in rows and "司法确认申请书及调解证明" not in rows


def test_contents_alone_has_the_dossier_numbers(agreed, tmp_path):
    alone = documents.build("contents", cases.agreed_case())
    assert documents.page_count(alone) == 1
    assert Built(alone, tmp_path).page(1) == agreed.page(2)


def test_intake_case_dossier_and_oral_agreement(tmp_path):
    case = replace(engine_cases.oral_case(), source="调委会主动调解")
    pdf = documents.build("dossier", case)
    built = Built(pdf, tmp_path)
    names = [r[1] for r in built.contents_rows()]
    assert names[0] == "人民调解受理登记表"
    assert "口头调解协议登记表" in names and "司法确认申请书及调解证明" not in names
    review_png(pdf, "dossier-oral")


def test_missing_data_lists_every_form_once():
    bad = replace(cases.agreed_case(), records=(), retention="",
                  room=replace(cases.ROOM, court=""))
    with pytest.raises(ValidationError) as error:
        documents.build("dossier", bad)
    found = [(p.record, p.field) for p in error.value.problems]
    assert ("人民调解记录", "调解记录") in found
    assert ("人民调解当事人权利义务告知书", "保管期限") in found
    assert not any(f == "受理法院" for _, f in found)  # a blank court line, never a refusal
    assert len({f for _, f in found}) == len(found)  # each field named once
    assert documents.problems("dossier", bad) == error.value.problems


def test_unprintable_character_refuses_the_whole_file():
    char = unprintable()  # a private-use character no font of this machine has (checked)
    odd = replace(cases.li(), name="李" + char)
    case = replace(cases.agreed_case(), parties=(cases.zhang(), odd))
    with pytest.raises(documents.UnprintableCharacters) as error:
        documents.build("dossier", case)
    assert char in error.value.characters
