"""人民调解协议书 and 口头调解协议登记表, read back from the PDF as a court clerk would read them."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from mediation_desk import documents
from mediation_desk.documents import agreement
from mediation_desk.documents.data import CaseFile
from mediation_desk.errors import ValidationError
from tests.documents.conftest import pdf_fonts, pdf_text, review_png

STATUTORY = (
    "本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效",
    "具有法律约束力，当事人应当按照约定履行",
    "当事人可以自本协议生效之日起三十日内共同向安溪县人民法院申请司法确认",
    "当事人各执一份，人民调解委员会留存一份",
)


def flat(pdf: bytes) -> str:
    """The text with all white space removed, so phrases wrapped over lines still match."""
    return re.sub(r"\s+", "", pdf_text(pdf, layout=False))


def pages(pdf: bytes) -> list[str]:
    return pdf_text(pdf).split("\f")


def test_two_party_agreement_carries_every_element(case2: CaseFile) -> None:
    pdf = documents.build("agreement", case2)
    text = flat(pdf)
    for element in STATUTORY:
        assert element in text
    for label in ("安溪县湖头镇", "人民调解协议书", "（2026）湖头人调字第12号", "申请人", "被申请人",
                  "姓名", "性别", "民族", "出生日期", "职业", "身份证号码", "住址", "联系电话",
                  "纠纷主要事实", "争议事项", "各方责任", "经调解，当事人自愿达成如下协议",
                  "履行方式、地点、期限", "人民调解员（签名）", "记录人（签名）",
                  "湖头镇人民调解委员会", "（人民调解委员会印章）"):
        assert label in text, label
    assert re.search(r"年\s+月\s+日", pdf_text(pdf))  # the date, left blank for signing
    for detail in ("张㛃", "王䶮", "1968年5月17日", "350524196805172025", "13905951234",
                   "福建省安溪县湖头镇湖二村3组45号", "个体工商户"):
        assert detail in text, detail
    assert "本协议一式三份" in text
    assert "金额：5,000.00元（人民币伍仟元整）" in text
    assert "履行期限：2026年12月1日前" in text
    assert "履行地点：问房调解室" in text
    assert "履行方式：银行转账" in text
    assert "义务人：王䶮" in text
    assert text.count("按指印") >= 2 + 1  # one box per party, plus the effect clause


def test_two_party_agreement_is_two_pages_with_signatures_beside_the_last_clause(
        case2: CaseFile) -> None:
    pdf = documents.build("agreement", case2)
    assert documents.page_count(pdf) == 2
    last = re.sub(r"\s+", "", pages(pdf)[1])
    assert "一式三份" in last and "（签名/盖章）" in last and "人民调解员（签名）" in last
    assert "司法确认" in last  # the last clauses travel with the signatures


def test_three_parties_with_an_organisation(case3: CaseFile) -> None:
    pdf = documents.build("agreement", case3)
    text = flat(pdf)
    for name in ("李喆", "陈堃", "安溪县湖头恒达建筑工程有限公司"):
        assert name in text
    for label, value in (("法定代表人", "王建国"), ("委托代理人", "林晓燕（公司法务专员）"),
                         ("委托代理人", "李文华（申请人之子）"), ("名称", ""), ("住所", ""),
                         ("第三人", "")):
        assert label + value in text, label + value
    assert "本协议一式四份" in text
    assert "金额：38,000.00元（人民币叁万捌仟元整）" in text
    assert "金额：5,000.50元（人民币伍仟元伍角）" in text
    assert "（盖章，代表人签名）" in text  # an organisation signs by seal and representative
    assert text.count("（签名/盖章）") == 2  # the two persons


def test_long_agreement_flows_over_numbered_pages(case_long: CaseFile) -> None:
    """Three or four pages (the signing block moves whole to a page of its own when the face
    leaves too little room for it), each numbered among all of them."""
    pdf = documents.build("agreement", case_long)
    count = documents.page_count(pdf)
    assert 3 <= count <= 4
    layout = pdf_text(pdf)
    for n in range(1, count + 1):
        assert f"第 {n} 页 共 {count} 页" in layout
    last = re.sub(r"\s+", "", pages(pdf)[count - 1])
    assert "一式三份" in last and "按指印" in last and "记录人（签名）" in last
    assert "8．一方违反本协议约定的" in flat(pdf)


def test_a_short_agreement_stays_on_one_page(case_short: CaseFile) -> None:
    pdf = documents.build("agreement", case_short)
    assert documents.page_count(pdf) == 1
    text = flat(pdf)
    assert "第1页共1页" in text
    assert "金额：200.00元（人民币贰佰元整）" in text
    for element in STATUTORY:
        assert element in text


def test_no_line_opens_with_closing_punctuation(case3: CaseFile) -> None:
    for line in pdf_text(documents.build("agreement", case3), layout=False).splitlines():
        assert not line.startswith(("，", "。", "；", "：", "、", "）")), line


def test_every_font_is_embedded_and_none_is_stsong(case3: CaseFile, tmp_path: Path) -> None:
    rows = pdf_fonts(documents.build("agreement", case3), tmp_path)
    assert rows
    assert all(row["emb"] == "yes" for row in rows), rows
    assert not any("STSong" in row["name"] or "Helvetica" in row["name"] for row in rows)
    assert not any(row["type"].startswith("CID") and "TrueType" not in row["type"]
                   for row in rows)


def test_the_same_case_prints_the_same_bytes(case2: CaseFile) -> None:
    """The hash filed with a printed document identifies its content."""
    assert documents.build("agreement", case2) == documents.build("agreement", case2)


def test_court_falls_back_to_the_basic_court_when_not_configured(case2: CaseFile) -> None:
    case = dataclasses.replace(case2, room=dataclasses.replace(case2.room, court=""))
    assert "共同向人民调解委员会所在地基层人民法院申请司法确认" in flat(
        documents.build("agreement", case))


def test_missing_respondent_address_names_side_and_field(case2: CaseFile) -> None:
    respondent = dataclasses.replace(case2.parties[1], address="")
    case = dataclasses.replace(case2, parties=(case2.parties[0], respondent))
    found = documents.problems("agreement", case)
    assert [(p.record, p.field) for p in found] == [("人民调解协议书", "被申请人王䶮 住址")]
    assert "未填写" in found[0].reason
    with pytest.raises(ValidationError) as err:
        documents.build("agreement", case)
    assert "被申请人" in str(err.value) and "住址" in str(err.value)


def test_what_else_stops_an_agreement(case3: CaseFile) -> None:
    a = case3.agreement
    assert a is not None
    no_obligor = dataclasses.replace(a.terms[0], obligor="")
    case = dataclasses.replace(case3, agreement=dataclasses.replace(
        a, terms=(no_obligor, *a.terms[1:]), issues=""))
    fields = {p.field for p in documents.problems("agreement", case)}
    assert fields == {"第1条协议条款 义务人", "争议事项"}
    no_terms = dataclasses.replace(case3, agreement=dataclasses.replace(a, terms=()))
    assert [p.field for p in documents.problems("agreement", no_terms)] == ["协议条款"]
    assert [p.field for p in documents.problems(
        "agreement", dataclasses.replace(case3, agreement=None))] == ["调解协议"]
    company = dataclasses.replace(case3.parties[1], legal_representative="")
    no_rep = dataclasses.replace(case3, parties=(case3.parties[0], company, case3.parties[2]))
    assert [p.field for p in documents.problems("agreement", no_rep)] == [
        "被申请人安溪县湖头恒达建筑工程有限公司 法定代表人"]


def test_an_oral_agreement_is_not_printed_as_a_written_one(case_oral: CaseFile,
                                                           case2: CaseFile) -> None:
    assert [p.field for p in documents.problems("agreement", case_oral)] == ["协议形式"]
    assert [p.field for p in documents.problems("oral-agreement", case2)] == ["协议形式"]


def test_oral_agreement_register(case_oral: CaseFile) -> None:
    pdf = documents.build("oral-agreement", case_oral)
    assert documents.page_count(pdf) == 1
    text = flat(pdf)
    for part in ("口头调解协议登记表", "（2026）湖头人调字第14号", "申请人张㛃", "被申请人王䶮",
                 "邻里纠纷", "被申请人饲养的鸡进入申请人菜地啄食青菜",
                 "1．被申请人当场赔偿申请人青菜损失", "200.00元（人民币贰佰元整）",
                 "达成日期", "2026年11月5日", "人民调解员林春梅", "记录人陈志强", "履行情况",
                 "口头调解协议自各方当事人达成协议之日起生效", "湖头镇人民调解委员会"):
        assert part in text, part


def test_warnings_point_at_vague_terms_without_blocking(case2: CaseFile) -> None:
    warnings = agreement.warnings(case2)
    assert "第3条协议条款未写明履行期限" in warnings
    assert documents.problems("agreement", case2) == []


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(KeyError):
        documents.problems("will", None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as err:
        documents.build("will", None)  # type: ignore[arg-type]
    assert "未知的文书种类" in str(err.value)


def test_kinds_are_the_contract_list_in_dossier_order() -> None:
    assert list(documents.KINDS) == [
        "application", "intake", "notice", "investigation", "record", "agreement",
        "oral-agreement", "followup", "termination", "confirmation", "cover", "contents",
        "dossier"]
    assert documents.KINDS["agreement"] == "人民调解协议书"


def test_render_for_review(case2: CaseFile, case3: CaseFile, case_long: CaseFile,
                           case_short: CaseFile) -> None:
    """PNGs in build/pdf-review/ for a person to look at (the agreement as the parties see it)."""
    for name, case in (("agreement-2-parties", case2), ("agreement-3-parties", case3),
                       ("agreement-long", case_long), ("agreement-short", case_short)):
        pdf = documents.build("agreement", case)
        assert len(review_png(pdf, name)) == documents.page_count(pdf)
