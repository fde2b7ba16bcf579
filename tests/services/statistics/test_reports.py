"""The report documents: the county workbook (re-read, and opened by LibreOffice), the printed
statistics sheet, the notice-board sheet, and the room's own template."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.workbook.defined_name import DefinedName

from mediation_desk.documents import page_count
from mediation_desk.domain.periods import Period
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.statistics import workbook
from mediation_desk.services.statistics.reports import ReportService
from mediation_desk.store.models import AuditEvent
from tests.conftest import Register
from tests.services.statistics.known_register import Ledger

MARCH = Period.month(2026, 3)
SHEET = "人民调解工作统计表"


def _named(wb: Workbook) -> dict[str, list[object]]:
    """Each defined name's cell values, read back as a program reads the file."""
    out = {}
    for name, defined in wb.defined_names.items():
        values = []
        for title, ref in defined.destinations:
            cells = wb[title][ref.replace("$", "")]
            rows = cells if isinstance(cells, tuple) else ((cells,),)
            values += [c.value for row in (r if isinstance(r, tuple) else (r,) for r in rows)
                       for c in row]
        out[name] = values
    return out


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def fonts_embedded(path: Path) -> bool:
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    return bool(lines) and all(line.split()[-5] == "yes" for line in lines)


def test_the_default_template_takes_every_figure() -> None:
    used = set(workbook.check_template(workbook.default_template()))
    assert set(workbook.SCALARS) - {"failed", "terminated"} <= used | {
        "received_active", "received_applied", "received_referred"}
    assert set(workbook.TYPE_COLUMNS) <= used
    assert {"report_title", "period_label", "filled_by", "reviewed_by", "filled_on"} <= used


def test_the_workbook_holds_the_figures_and_reads_back(built: tuple[Register, Ledger],
                                                       tmp_path: Path) -> None:
    reg, _ = built
    reports = ReportService(reg.store, reg.actor)
    data = reports.workbook(MARCH, reviewed_by="陈主任")
    figures = reports.stats.figures(MARCH)
    wb = load_workbook(io.BytesIO(data), data_only=True)
    named = _named(wb)
    assert named["received"] == [figures.received]
    assert named["succeeded_written"] == [figures.succeeded_written]
    assert named["agreement_amount"] == [round(figures.agreement_amount_fen / 100, 2)]
    assert named["success_rate"] == [figures.success_rate]
    assert named["prevented_criminal_people"] == [figures.prevented.criminal_people]
    assert named["patrol_visits"] == [figures.patrols.visits] * 2  # two places take it
    assert named["period_label"] == ["2026年3月"]
    assert named["report_title"] == ["湖头镇人民调解委员会人民调解工作统计表"]
    assert named["filled_by"] == [reg.actor.name] and named["reviewed_by"] == ["陈主任"]
    labels = [v for v in named["type_label"] if v]
    assert labels == [r.label for r in figures.type_rows]
    received = named["type_received"][:len(labels)]
    assert received == [r.received for r in figures.type_rows]
    assert sum(received) == figures.received
    ws = wb[SHEET]
    spare = ws.row_dimensions[ws["A6"].row + len(labels)]
    assert spare.hidden  # the template's spare lines for added types are hidden
    assert named["ly_received"] == [reports.stats.figures(MARCH.year_earlier()).received]
    event = AuditEvent.select().order_by(AuditEvent.seq.desc()).first()
    assert event.action != "report"  # building is not exporting: only filing audits


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_an_office_suite_opens_the_workbook(built: tuple[Register, Ledger],
                                            tmp_path: Path) -> None:
    """LibreOffice headless converts the workbook to PDF: an office suite opens it, and the
    figures are on the page."""
    reg, _ = built
    reports = ReportService(reg.store, reg.actor)
    path = tmp_path / "report.xlsx"
    path.write_bytes(reports.workbook(MARCH))
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "report.pdf"
    assert pdf.exists(), result.stderr
    text = pdf_text(pdf)
    figures = reports.stats.figures(MARCH)
    assert "人民调解工作统计表" in text and "2026年3月" in text
    assert "邻里纠纷" in text and "矛盾纠纷排查" in text and "填报人" in text
    assert f"{figures.agreement_amount_fen / 100:,.2f}" in text


def test_the_printed_statistics_sheet(built: tuple[Register, Ledger], tmp_path: Path) -> None:
    reg, _ = built
    reports = ReportService(reg.store, reg.actor)
    document = reports.render("statistics", Period.quarter(2026, 1))
    path = tmp_path / "sheet.pdf"
    path.write_bytes(document.pdf)
    text = pdf_text(path)
    figures = reports.stats.figures(Period.quarter(2026, 1))
    for expected in ("湖头镇人民调解委员会人民调解工作统计表", "统计期间：2026年第一季度",
                     "受理纠纷（件）", "调解成功（件）", "矛盾纠纷预防", "矛盾纠纷排查",
                     "上年同期", "2025年第一季度", "填报人", "审核人", "填报日期",
                     f"{figures.agreement_amount_fen / 100:,.2f}"):
        assert expected in text, expected
    assert fonts_embedded(path)
    assert document.pages == page_count(document.pdf) <= 3


def test_the_notice_board_sheet_is_one_page_of_counts(built: tuple[Register, Ledger],
                                                      tmp_path: Path) -> None:
    reg, _ = built
    reports = ReportService(reg.store, reg.actor)
    document = reports.render("disclosure", MARCH)
    path = tmp_path / "notice.pdf"
    path.write_bytes(document.pdf)
    text = pdf_text(path)
    figures = reports.stats.figures(MARCH)
    assert document.pages == 1
    assert "人民调解工作月度公示" in text and "2026年3月" in text
    assert re.search(rf"受理矛盾纠纷\s+{figures.received}\s*件", text), text
    assert fonts_embedded(path)
    from mediation_desk.store.models import Party

    for party in Party.select():  # de-identified: no party's name on the board
        assert party.name not in text
    assert "第" not in text.replace("第 1 页", "")  # no case numbers either


def test_reports_leaving_the_program_are_audited(built: tuple[Register, Ledger]) -> None:
    reg, _ = built
    reports = ReportService(reg.store, reg.actor)
    document = reports.render("disclosure", MARCH)
    reports.file_report(document.title, MARCH, document.pdf, "print")
    event = AuditEvent.select().order_by(AuditEvent.seq.desc()).first()
    assert (event.action, event.entity, event.entity_id) == ("report", "report", "2026年3月")
    assert document.sha256[:12] in event.detail and "打印" in event.detail


def test_a_county_template_is_used_when_the_room_loads_it(register: Register) -> None:
    """A county's own form: only the cells it names are filled, wherever they are."""
    wb = Workbook()
    ws = wb.active
    ws.title = "月报"
    ws["A1"], ws["A2"], ws["A3"] = "收案", "结案成功", "单位"
    for name, ref in (("received", "$B$1"), ("succeeded", "$B$2"),
                      ("committee_name", "$B$3"), ("type_label", "$D$1:$D$3"),
                      ("type_received", "$E$1:$E$3")):
        wb.defined_names[name] = DefinedName(name, attr_text=f"'月报'!{ref}")
    buffer = io.BytesIO()
    wb.save(buffer)
    reports = ReportService(register.store, register.actor)
    used = reports.set_template(buffer.getvalue(), "county.xlsx")
    assert set(used) == {"received", "succeeded", "committee_name", "type_label",
                         "type_received"}
    assert reports.template_is_custom()
    filled = load_workbook(io.BytesIO(reports.workbook(MARCH)))
    sheet = filled["月报"]
    assert (sheet["B1"].value, sheet["B2"].value, sheet["B3"].value) == (
        0, 0, "湖头镇人民调解委员会")
    # fifteen types into three lines: the third adds up the rest
    assert sheet["D1"].value == "婚姻家庭纠纷" and sheet["D3"].value.endswith("等13类")
    reports.reset_template()
    assert not reports.template_is_custom()
    assert reports.template() == workbook.default_template()


def test_a_template_that_is_no_workbook_or_names_nothing_is_refused(register: Register) -> None:
    reports = ReportService(register.store, register.actor)
    with pytest.raises(ValidationError, match="不是有效的 Excel 工作簿"):
        reports.set_template(b"not a workbook")
    empty = io.BytesIO()
    Workbook().save(empty)
    with pytest.raises(ValidationError, match="没有任何已知的名称"):
        reports.set_template(empty.getvalue())
    assert not reports.template_is_custom()


def test_only_a_director_or_administrator_replaces_the_template(register: Register) -> None:
    mediator = Actor("", "linchunmei", "mediator", "林春梅")
    reports = ReportService(register.store, mediator)
    with pytest.raises(PermissionDenied):
        reports.set_template(workbook.default_template())
    with pytest.raises(PermissionDenied):
        reports.reset_template()
