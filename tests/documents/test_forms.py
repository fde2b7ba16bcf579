"""The case-file forms built from realistic data and read back (issue 6).

Each form is built through the registry, exactly as the window and the CLI do, and checked by
extracting its text with poppler: the statutory wording is there in full, every party's name
(rare characters 㛃 䶮 喆 堃 included) survives, every font is embedded, and a form missing data
refuses with a ValidationError that names the field.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from mediation_desk import documents
from mediation_desk.documents.data import CaseFile, RecordInfo
from mediation_desk.documents.notice import DUTIES, RIGHTS
from mediation_desk.errors import ValidationError
from tests.documents import conftest as engine_cases
from tests.documents import forms_data as cases
from tests.documents.conftest import pdf_fonts, pdf_text, review_png, unprintable


def flat(pdf: bytes) -> str:
    """The PDF's text with all whitespace removed: phrases survive line breaks."""
    return re.sub(r"\s+", "", pdf_text(pdf))


def flat_raw(pdf: bytes) -> str:
    """Reading order instead of layout: a wrapped table cell's text stays together."""
    return re.sub(r"\s+", "", pdf_text(pdf, layout=False))


def page_texts(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf)
    out = []
    for n in range(1, documents.page_count(pdf) + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"],
                              capture_output=True, check=True, text=True).stdout
        out.append(re.sub(r"\s+", "", text))
    return out


def fields(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [p.field for p in error.value.problems]


# -- every form builds, embeds its fonts and names every party --------------------------------

BUILDS = [
    ("application", cases.agreed_case), ("application", engine_cases.three_party_case),
    ("intake", cases.patrol_case), ("intake", engine_cases.three_party_case),
    ("notice", cases.agreed_case), ("notice", engine_cases.two_party_case),
    ("investigation", cases.agreed_case), ("record", cases.agreed_case),
    ("record", cases.terminated_case), ("followup", cases.agreed_case),
    ("termination", cases.terminated_case), ("termination", engine_cases.terminated_case),
    ("confirmation", cases.agreed_case), ("confirmation", engine_cases.three_party_case),
    ("cover", cases.agreed_case), ("cover", cases.patrol_case),
]
#: Forms that list every party (records list only those present).
LISTS_ALL_PARTIES = {"application", "intake", "notice", "termination", "confirmation", "cover"}


@pytest.mark.parametrize(("kind", "make"), BUILDS,
                         ids=[f"{k}-{m.__name__}" for k, m in BUILDS])
def test_every_form_builds_with_fonts_embedded_and_all_names(kind, make, tmp_path):
    case: CaseFile = make()
    assert documents.problems(kind, case) == []
    pdf = documents.build(kind, case)
    assert pdf.startswith(b"%PDF")
    fonts = pdf_fonts(pdf, tmp_path)
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts
    text = flat(pdf)
    assert documents.KINDS[kind].replace("卷宗封面", "调解卷宗")[:4] in text.replace("\u2003", "")
    if kind in LISTS_ALL_PARTIES:
        for party in case.parties:
            assert party.name in text, (kind, party.name)


def test_rare_characters_survive_extraction():
    case = cases.agreed_case()
    text = flat(documents.build("notice", case))
    for name in cases.RARE_NAMES:  # 张喆 王㛃 李堃 刘䶮
        assert name in text


# -- application --------------------------------------------------------------------------------

def test_application_states_requests_facts_and_voluntary_application():
    case = cases.agreed_case()
    text = flat(documents.build("application", case))
    assert "编号：（2026）湖头人调字第12号" in text
    assert "湖头镇人民调解委员会已将申请人民调解的相关规定告知我，现自愿申请湖头镇人民调解委员会进行调解。" in text
    assert "1.请求被申请人将排水沟恢复原状。" in text
    assert "2.请求被申请人赔偿墙体修缮费用5000元。" in text
    assert "李堃翻建厨房时将屋后排水沟" in text
    for detail in ("350524197103020013", "13905951234", "福建省安溪县湖头镇湖二村12组37号",
                   "李明华（系被申请人之子）", "畲族", "泥水工"):
        assert detail in text
    assert text.count("按指印") >= 2  # one box per applicant
    assert "申请日期：2026年3月2日" in text


def test_application_missing_data_names_the_fields():
    case = cases.agreed_case()
    respondent = replace(cases.li(), address="")
    applicant = replace(cases.zhang(), phone="")
    bad = replace(case, parties=(applicant, respondent), summary=" ", requests=())
    with pytest.raises(ValidationError) as error:
        documents.build("application", bad)
    assert set(fields(error)) >= {"被申请人李堃 住址", "申请人张喆 联系电话", "纠纷简要情况",
                                  "申请事项"}
    assert all(p.record == "人民调解申请书" for p in error.value.problems)
    assert "未填写，打印前请补全" in str(error.value)


# -- intake register ------------------------------------------------------------------------

def test_intake_register_words_the_source_and_consent():
    text = flat(documents.build("intake", cases.patrol_case()))
    assert ("2026年6月3日，本委员会在矛盾纠纷排查中发现刘䶮与李堃之间的房屋宅基地纠纷，"
            "经各方当事人同意，依法受理调解。") in text
    assert "登记人（签名）" in text and "人民调解委员会印章" in text
    referred = replace(cases.patrol_case(), source="公安机关委托移送")
    assert "公安机关委托移送刘䶮与李堃之间的房屋宅基地纠纷" in flat(
        documents.build("intake", referred))


def test_intake_register_refuses_without_source_or_facts():
    bad = replace(cases.patrol_case(), source="", summary="")
    with pytest.raises(ValidationError) as error:
        documents.build("intake", bad)
    assert {"案件来源", "纠纷简要情况"} <= set(fields(error))


# -- rights and duties notice ---------------------------------------------------------------

def test_notice_lists_rights_and_duties_in_full():
    text = flat(documents.build("notice", cases.agreed_case()))
    for item in RIGHTS + DUTIES:  # Arts 23-24, verbatim
        assert re.sub(r"\s+", "", item).rstrip("；。") in text
    assert "第二十三条、第二十四条" in text
    assert "不收取任何费用" in text and "第三条" in text


def test_notice_carries_the_personal_information_notice():
    case = cases.agreed_case()
    text = flat(documents.build("notice", case))
    for phrase in ("个人信息处理告知", "处理目的", "处理的个人信息", "敏感个人信息", "单独同意",
                   "保存期限", "本案卷宗保管期限为10年", "删除", "匿名化", "查阅", "复制", "更正",
                   "撤回同意", "向他人提供", "问房调解室", case.room.phone,
                   "福建省安溪县湖头镇湖二村问房调解室", "第十七条", "第四十四条"):
        assert phrase in text, phrase
    # each party signs
    for party in case.parties:
        assert f"{party.side_label}{party.name}" in text
    assert "2026年3月2日" in text  # notified on


def test_notice_needs_retention_and_names_a_contact_even_without_room_settings(tmp_path):
    room = replace(cases.ROOM, phone="", address="")
    bad = replace(cases.agreed_case(), retention="", room=room)
    with pytest.raises(ValidationError) as error:
        documents.build("notice", bad)
    assert set(fields(error)) == {"保管期限"}
    # A register set up from the command line has no address or phone yet: the notice
    # still prints, naming the lead mediator as the contact.
    case = replace(cases.agreed_case(), room=room)
    text = flat(documents.build("notice", case))
    assert f"承办调解员：{case.lead_mediator}" in text


# -- records --------------------------------------------------------------------------------

def test_investigation_records_one_per_record_in_time_order(tmp_path):
    pdf = documents.build("investigation", cases.agreed_case())
    pages = page_texts(pdf, tmp_path)
    assert len(pages) == 2
    first, second = pages
    # the data lists the 3 March record second; it is printed first
    assert "2026年3月3日15时00分" in first and "湖二村村委会" in first
    assert "2026年3月4日9时30分" in second and "李堃家中" in second
    for page in pages:
        assert "人民调解调查记录" in page
        assert "以上笔录已向我宣读/我已看过，与我说的相符。" in page
        assert "记录人黄雅琴" in page
        assert "第1页共1页" in page  # each record numbers its own pages
    assert "被调查人张喆（申请人）、王㛃（申请人）" in first
    assert "调查人林春梅、苏文彬" in first
    assert "问：你与李堃是什么关系？" in first


def test_mediation_record_names_helpers_and_states_the_outcome(tmp_path):
    case = cases.agreed_case()
    pdf = documents.build("record", case)
    text = flat(pdf)
    assert text.count("人民调解记录") == 2
    assert "邀请参加人湖二村老人会会长黄德水" in text
    assert "张喆（申请人）、王㛃（申请人）、李堃（被申请人）" in text
    assert "已于2026年3月2日以《人民调解当事人权利义务告知书》告知" in text
    assert "调解结果：经调解，各方当事人于2026年3月17日自愿达成书面调解协议" in text
    assert text.count("以上笔录已向我宣读/我已看过，与我说的相符。") == 2
    review_png(pdf, "forms-record")


def test_mediation_record_of_a_terminated_case_names_the_routes():
    text = flat_raw(documents.build("record", cases.terminated_case()))
    assert "终止原因：经多次调解双方分歧仍然较大，无法达成协议" in text
    assert "仲裁、行政、司法等途径" in text
    assert "陈堃（被申请人安溪县湖头镇恒安物业服务有限公司的法定代表人）" in text


def test_record_body_header_lines_are_not_printed_twice():
    record = RecordInfo("investigation", cases.agreed_case().records[0].at, "李堃家中",
                        ("李堃", "林春梅", "黄雅琴"), "黄雅琴",
                        "调查时间：2026年3月4日 09:30\n调查地点：李堃家中\n问：排水沟是谁改的？\n答：我改的。")
    text = flat(documents.build("investigation", replace(cases.agreed_case(),
                                                         records=(record,))))
    assert "调查时间：" not in text and "问：排水沟是谁改的？" in text


def test_records_need_a_record_of_their_kind():
    case = replace(cases.agreed_case(), records=())
    for kind, field in (("investigation", "调查记录"), ("record", "调解记录")):
        with pytest.raises(ValidationError) as error:
            documents.build(kind, case)
        assert fields(error) == [field]


# -- follow-up ------------------------------------------------------------------------------

def test_followup_prints_only_visits_that_took_place():
    pdf = documents.build("followup", cases.agreed_case())
    assert documents.page_count(pdf) == 1  # the June visit is only scheduled
    text = flat(pdf)
    for phrase in ("被回访人张喆", "回访人林春梅", "回访日期2026年4月2日", "协议履行情况已履行",
                   "当事人满意程度满意", "是否就该纠纷起诉否", "矛盾有无反复无",
                   "2026年3月17日达成书面调解协议", "修缮费用3000元已于3月24日转账付清"):
        assert phrase in text, phrase


def test_followup_needs_a_visit():
    case = replace(cases.agreed_case(), followups=cases.agreed_case().followups[1:])
    with pytest.raises(ValidationError) as error:
        documents.build("followup", case)
    assert fields(error) == ["回访"]


# -- termination ----------------------------------------------------------------------------

def test_termination_notice_gives_reason_and_routes(tmp_path):
    case = cases.terminated_case()
    pdf = documents.build("termination", case)
    text = flat(pdf)
    assert "张喆、安溪县湖头镇恒安物业服务有限公司：" in text
    assert "因经多次调解双方分歧仍然较大，无法达成协议，调解不成" in text
    assert "第二十六条" in text and "自2026年5月20日起终止调解" in text
    for route in ("向有管辖权的人民法院提起诉讼", "向仲裁机构申请仲裁", "请求有关行政机关依法处理"):
        assert route in text
    pages = page_texts(pdf, tmp_path)
    assert "送达回执" in pages[-1] and "送达回执" not in pages[0]
    review_png(pdf, "forms-termination")


def test_termination_needs_a_reason():
    with pytest.raises(ValidationError) as error:
        documents.build("termination", cases.agreed_case())
    assert fields(error) == ["终止调解原因"]


# -- judicial confirmation ------------------------------------------------------------------

def test_confirmation_has_applicants_agreement_court_window_and_proof(tmp_path):
    case = cases.agreed_case()
    pdf = documents.build("confirmation", case)
    text = flat(pdf)
    for p in case.parties:
        for detail in (p.name, p.id_number, p.address, p.phone):
            assert detail in text, detail
    assert text.count("申请人：") >= len(case.parties)
    assert "《人民调解协议书》（编号：（2026）湖头人调字第12号）有效" in text
    assert "安溪县人民法院" in text
    assert "自生效之日起30日内（即2026年4月16日前）" in text
    assert "不收取费用" in text
    assert "3,000.00元（人民币叁仟元整）" in text
    assert "没有恶意串通、规避法律的行为" in text
    assert text.count("按指印") >= len(case.parties)
    pages = page_texts(pdf, tmp_path)
    assert "人民调解组织主持调解证明" in pages[-1] and "兹证明" in pages[-1]
    review_png(pdf, "forms-confirmation")


def test_confirmation_refuses_oral_agreements_and_missing_identity(tmp_path):
    case = cases.agreed_case()
    oral = replace(case, agreement=replace(case.agreement, form="oral"))
    with pytest.raises(ValidationError) as error:
        documents.build("confirmation", oral)
    assert "调解协议" in fields(error)
    bad = replace(case, parties=(replace(cases.zhang(), id_number=""), cases.li()))
    with pytest.raises(ValidationError) as error:
        documents.build("confirmation", bad)
    assert "申请人张喆 身份证号码" in fields(error)
    # No court set: a blank the parties fill in (they choose the court, Art 33), not a refusal.
    blank = replace(case, room=replace(case.room, court=""))
    text = flat(documents.build("confirmation", blank))
    assert "人民法院" in text and "安溪县人民法院" not in text
    empty = replace(case, agreement=replace(case.agreement, terms=()))
    with pytest.raises(ValidationError) as error:
        documents.build("confirmation", empty)
    assert "协议条款" in fields(error)


# -- cover ----------------------------------------------------------------------------------

def test_cover_particulars(tmp_path):
    case = cases.agreed_case()
    pdf = documents.build("cover", case)
    assert documents.page_count(pdf) == 1
    text = flat(pdf)
    for phrase in ("湖头镇人民调解委员会", "卷宗名称张喆、王㛃与李堃排水沟纠纷",
                   "案件编号（2026）湖头人调字第12号", "人民调解员林春梅、苏文彬、黄雅琴",
                   "自2026年3月2日至2026年4月10日", "立卷人黄雅琴", "立卷日期2026年4月20日",
                   "保管期限10年", "备注"):
        assert phrase in text, phrase
    assert "调解卷宗" in text.replace("\u2003", "")
    assert "第1页" not in text  # a cover carries no page number
    review_png(pdf, "forms-cover")


def test_cover_of_an_open_case_leaves_blanks_to_fill():
    text = flat(documents.build("cover", cases.patrol_case()))
    assert "立卷人立卷日期年月日" in text  # empty values: written in by hand later


def test_unprintable_character_in_a_name_is_refused():
    char = unprintable()  # a private-use character no font of this machine has (checked)
    odd = replace(cases.zhang(), name="张" + char)
    case = replace(cases.agreed_case(), parties=(odd, cases.li()))
    with pytest.raises(documents.UnprintableCharacters) as error:
        documents.build("notice", case)
    assert error.value.characters == (char,)
