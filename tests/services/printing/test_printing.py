"""Printing through the service: what a case file holds, which forms a case has, building one,
and filing a printout back to its case."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

import pytest

from mediation_desk import clock
from mediation_desk.documents import KINDS
from mediation_desk.domain.lifecycle import Step
from mediation_desk.errors import NotFound, PermissionDenied, ValidationError
from mediation_desk.services.cases.casework import CaseworkService
from mediation_desk.services.cases.detail import CaseDetailService
from mediation_desk.services.cases.drafts import AgreementDraft, PartyDraft, RecordDraft, TermDraft
from mediation_desk.services.cases.intake import IntakeService
from mediation_desk.services.printing.document_settings import (
    DocumentSettings,
    DocumentSettingsService,
)
from mediation_desk.services.printing.service import PrintingService
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.models import AuditEvent, PrintedDocument
from tests.conftest import Register, neighbour_draft

SESSION_AT = datetime(2026, 11, 3, 9, 30)
ROOM_DOCS = DocumentSettings(header="安溪县湖头镇", address="安溪县湖头镇湖头街88号",
                             phone="0595-23001234", court="安溪县人民法院")


def _terms(vague: bool = False) -> list[TermDraft]:
    return [TermDraft("李明于2026年12月1日前改建屋檐排水", obligor="李明", obligee="张喆",
                      due_on=None if vague else date(2026, 12, 1), place="李明住宅"),
            TermDraft("李明赔偿张喆院墙修复费5000元", obligor="李明", obligee="张喆",
                      amount_fen=500000, due_on=date(2026, 11, 5), method="现金",
                      place="问房调解室")]


def _agreed_case(register: Register, *, vague: bool = False, **overrides: object) -> str:
    """A neighbours' case taken through notice, a session with a private note, an agreement."""
    DocumentSettingsService(register.store, register.actor).update(ROOM_DOCS)
    draft = neighbour_draft(**overrides)
    draft.parties[1].address = "安溪县湖头镇湖二村3组47号"  # an agreement needs every address
    case_id = IntakeService(register.store, register.actor).register(draft).cases[0].case_id
    work = CaseworkService(register.store, register.actor)
    work.take_step(case_id, Step.NOTIFY_RIGHTS)
    work.add_record(case_id, RecordDraft("mediation", SESSION_AT, place="问房调解室",
                                         participants=["张喆", "李明", "村老人会会长"],
                                         body="双方陈述，调解员释法说理。"))
    work.add_record(case_id, RecordDraft("note", SESSION_AT, body="李明情绪激动，私下说要找人。"))
    work.record_agreement(case_id, AgreementDraft(
        reached_on=date(2026, 11, 5), facts="李明新建房屋屋檐滴水落入张喆院内",
        issues="排水与赔偿", responsibilities="李明负主要责任", terms=_terms(vague)))
    return case_id


# -- the case file ------------------------------------------------------------------------------
def test_case_file_holds_labels_ages_and_full_ids_but_no_private_notes(
        register: Register) -> None:
    case_id = _agreed_case(register)
    case = PrintingService(register.store, register.actor).case_file(case_id)

    assert (case.room.room_name, case.room.committee_name) == ("问房调解室", "湖头镇人民调解委员会")
    assert (case.room.header, case.room.court, case.room.phone) == (
        "安溪县湖头镇", "安溪县人民法院", "0595-23001234")
    assert case.number == "（2026）湖头人调字第1号"
    assert (case.status, case.source, case.dispute_type, case.village) == (
        "已达成协议", "当事人申请", "邻里纠纷", "湖二村")
    assert (case.outcome, case.retention, case.notified_on) == ("调解成功", "10年", clock.today())
    zhang, li = case.parties
    # 张喆's gender and birth date were not typed: the ID number says them (…1231002X: female).
    assert (zhang.side_label, zhang.name, zhang.gender, zhang.birth_date, zhang.age) == (
        "申请人", "张喆", "女", date(1949, 12, 31), 76)
    assert zhang.id_number == "11010519491231002X" and zhang.phone == "13912345678"
    assert (li.side_label, li.gender, li.age) == ("被申请人", "男", 35)
    assert [(m.name, m.role_label) for m in case.mediators] == [("林春梅", "主持人"),
                                                                ("陈志强", "记录人")]
    assert (case.lead_mediator, case.recorder) == ("林春梅", "陈志强")
    assert [r.kind for r in case.records] == ["mediation"]  # the private note stays out
    assert case.records[0].participants == ("张喆", "李明", "村老人会会长")
    assert case.agreement is not None
    assert [(t.number, t.obligor, t.amount_fen, t.performance) for t in case.agreement.terms] == [
        (1, "李明", None, "承诺履行"), (2, "李明", 500000, "即时履行")]
    assert case.filed_by == register.actor.name  # who prints the file, until it is archived
    assert case.requests == ("被申请人改建屋檐排水", "赔偿院墙修复费用")


def test_simple_procedure_names_the_other_side(register: Register) -> None:
    case_id = IntakeService(register.store, register.actor).register(
        neighbour_draft(procedure="simple")).cases[0].case_id
    case = PrintingService(register.store, register.actor).case_file(case_id)
    assert [p.side_label for p in case.parties] == ["申请人", "对方当事人"]


def test_document_settings_are_checked_and_kept_for_managers(register: Register) -> None:
    service = DocumentSettingsService(register.store, register.actor)
    with pytest.raises(ValidationError) as refused:
        service.update(DocumentSettings(phone="12345", font_path="/fonts/NotoSansCJK.otf"))
    assert {(p.field, p.reason) for p in refused.value.problems} == {
        ("调解室电话", "不是有效的手机号码或固定电话"),
        ("文书字体文件", "应为 TrueType 字体（.ttf 或 .ttc）")}
    service.update(ROOM_DOCS)
    assert service.get() == ROOM_DOCS
    mediator = Actor("", "lin", "mediator", "林春梅")
    with pytest.raises(PermissionDenied):
        DocumentSettingsService(register.store, mediator).update(DocumentSettings())
    assert service.get() == ROOM_DOCS


def test_a_font_printing_cannot_use_is_refused_with_the_reason(register: Register,
                                                               tmp_path: Path) -> None:
    """Noto CJK ships as .ttc with CFF outlines: the suffix is right, the font is not. The room
    is told why where it sets it, instead of printing in another font without a word."""
    from tests.documents import fontgen

    service = DocumentSettingsService(register.store, register.actor)
    cff = fontgen.box_font(tmp_path / "NotoLike.ttc", "Box CFF", cff=True)
    with pytest.raises(ValidationError) as refused:
        service.update(DocumentSettings(font_path=str(cff)))
    [problem] = refused.value.problems
    assert problem.field == "文书字体文件"
    assert "PostScript（CFF）" in problem.reason and str(cff) in problem.reason
    latin = fontgen.box_font(tmp_path / "arial.ttf", "Latin Only", "abc")
    with pytest.raises(ValidationError) as refused:
        service.update(DocumentSettings(font_path=str(latin)))
    assert "不含常用汉字" in refused.value.problems[0].reason
    assert service.get().font_path == ""  # nothing stored
    a = fontgen.box_font(tmp_path / "a.ttf", "NSimSun")
    b = fontgen.box_font(tmp_path / "b.ttf", "SimSun")
    ttc = fontgen.collection(tmp_path / "simsun.ttc", [a, b])
    for setting in (str(ttc), f"{ttc}#1"):
        service.update(DocumentSettings(font_path=setting))
        assert service.get().font_path == setting
    with pytest.raises(ValidationError) as refused:
        service.update(DocumentSettings(font_path=f"{ttc}#7"))
    assert "编号为“7”" in refused.value.problems[0].reason


# -- forms and rendering ------------------------------------------------------------------------
def test_forms_list_every_kind_with_what_applies_and_what_is_missing(
        register: Register) -> None:
    DocumentSettingsService(register.store, register.actor).update(ROOM_DOCS)
    draft = neighbour_draft()
    draft.parties[1].address = "安溪县湖头镇湖二村3组47号"
    case_id = IntakeService(register.store, register.actor).register(draft).cases[0].case_id
    forms = {f.kind: f for f in PrintingService(register.store, register.actor).forms(case_id)}
    assert list(forms) == list(KINDS)
    assert forms["intake"].applies and forms["intake"].available
    assert forms["intake"].missing == ()
    agreement = forms["agreement"]
    assert not agreement.applies and not agreement.available
    assert agreement.missing and all("：" in line for line in agreement.missing)
    assert forms["investigation"].applies is False
    # Every mediated case's file holds a mediation record: it applies, and is not there yet.
    assert forms["record"].applies and not forms["record"].available
    assert [line.split("：")[0] for line in forms["record"].missing] == ["调解记录"]
    assert forms["dossier"].missing == forms["contents"].missing
    assert forms["cover"].applies and forms["dossier"].applies


def test_render_agreement_with_copies_warnings_and_hash(register: Register) -> None:
    case_id = _agreed_case(register, vague=True)
    service = PrintingService(register.store, register.actor)
    events = AuditEvent.select().count()
    doc = service.render(case_id, "agreement")
    assert doc.pdf.startswith(b"%PDF") and doc.pages >= 1
    assert doc.sha256 == hashlib.sha256(doc.pdf).hexdigest()
    assert (doc.kind, doc.title, doc.default_copies) == ("agreement", KINDS["agreement"], 3)
    assert doc.warnings == ("第1条协议条款未写明履行期限",)
    assert AuditEvent.select().count() == events  # a preview is not filing
    assert not PrintedDocument.select().exists()
    again = service.render_by_number("（2026）湖头人调字第1号", "agreement")
    assert again.case_id == case_id and again.pages == doc.pages


def test_three_parties_get_four_copies_and_other_forms_one(register: Register) -> None:
    DocumentSettingsService(register.store, register.actor).update(ROOM_DOCS)
    draft = neighbour_draft()
    draft.parties[1].address = "安溪县湖头镇湖二村3组47号"
    draft.parties.append(PartyDraft(side="third_party", kind="organization",
                                    name="湖二村村民委员会", legal_representative="陈志明",
                                    address="安溪县湖头镇湖二村村委会"))
    case_id = IntakeService(register.store, register.actor).register(draft).cases[0].case_id
    work = CaseworkService(register.store, register.actor)
    work.take_step(case_id, Step.NOTIFY_RIGHTS)
    work.record_agreement(case_id, AgreementDraft(
        reached_on=date(2026, 11, 5), facts="屋檐滴水", issues="排水与赔偿",
        responsibilities="李明负主要责任", terms=_terms()))
    service = PrintingService(register.store, register.actor)
    assert service.render(case_id, "agreement").default_copies == 4
    notice = service.render(case_id, "notice")
    assert (notice.default_copies, notice.warnings) == (1, ())


def test_render_refuses_missing_data_and_unknown_kinds(register: Register) -> None:
    case_id = IntakeService(register.store, register.actor).register(
        neighbour_draft()).cases[0].case_id
    service = PrintingService(register.store, register.actor)
    with pytest.raises(ValidationError) as missing:
        service.render(case_id, "agreement")
    assert missing.value.problems and all(p.field or p.reason for p in missing.value.problems)
    with pytest.raises(ValidationError, match="文书种类"):
        service.render(case_id, "receipt")
    with pytest.raises(NotFound):
        service.render_by_number("（2026）湖头人调字第99号", "intake")


# -- filing -------------------------------------------------------------------------------------
def test_file_printed_records_the_paper_and_shows_on_the_history(register: Register) -> None:
    case_id = _agreed_case(register)
    service = PrintingService(register.store, register.actor)
    doc = service.render(case_id, "agreement")
    changes = service.file_printed(doc, copies=3)
    assert {"case", "printed"} <= changes.kinds and changes.case_ids == {case_id}

    row = PrintedDocument.get(PrintedDocument.case == case_id)
    assert (row.kind, row.title, row.copies, row.pages, row.sha256, row.action) == (
        "agreement", KINDS["agreement"], 3, doc.pages, doc.sha256, "print")
    assert row.user_name == register.actor.name
    event = AuditEvent.select().order_by(AuditEvent.seq.desc()).first()
    assert (event.action, event.entity, event.entity_id) == ("print", "case", case_id)
    assert event.detail == f"{KINDS['agreement']} 3份 sha256:{doc.sha256[:12]}…"

    history = CaseDetailService(register.store, register.actor).load(case_id).history
    assert f"打印文书（{KINDS['agreement']} 3份 sha256:{doc.sha256[:12]}…）" in [
        line.what for line in history]

    service.file_printed(service.render(case_id, "notice"), action="save")
    views = service.printed(case_id)
    assert [(v.kind, v.action, v.copies) for v in views] == [
        ("notice", "save", 1), ("agreement", "print", 3)]  # newest first
    assert {v.sha256 for v in views} >= {doc.sha256}
    # The case file now lists what was printed (for the dossier's contents).
    assert {p.kind for p in service.case_file(case_id).printed} == {"agreement", "notice"}


def test_file_printed_checks_copies_and_action(register: Register) -> None:
    case_id = _agreed_case(register)
    service = PrintingService(register.store, register.actor)
    doc = service.render(case_id, "agreement")
    with pytest.raises(ValidationError, match="份数"):
        service.file_printed(doc, copies=0)
    with pytest.raises(ValidationError, match="操作"):
        service.file_printed(doc, action="fax")
    assert not PrintedDocument.select().exists()
