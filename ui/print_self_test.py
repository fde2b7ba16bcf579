"""The printing part of ``mediation-desk --self-test``: one agreement, end to end.

Why in the self-test: a frozen build can lack exactly what printing needs and nothing else
does — reportlab's PIL import, the bundled font, the QtPdf library, the print-support plugin.
So the check builds a sample agreement in the (temporary) register, saves it as a PDF, reads
it back with QtPdf, and prints it through the same Qt path a printer gets, into a PDF file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from mediation_desk import clock
from mediation_desk.domain.lifecycle import Step
from mediation_desk.services.cases.drafts import (
    AgreementDraft,
    CaseDraft,
    MediatorDraft,
    PartyDraft,
    RecordDraft,
    TermDraft,
)
from ui.context import AppContext
from ui.printing import make_printer, page_count, print_pdf, save_pdf

SELF_TEST_DPI = 150  # enough to exercise the path, fast enough for CI


def sample_agreed_case(ctx: AppContext) -> str:
    """A two-party neighbours' dispute settled by a written agreement; its id."""
    draft = CaseDraft(
        received_on=clock.today(), source="当事人申请", dispute_type="邻里纠纷", village="湖二村",
        summary="申请人张喆与被申请人李明系前后邻居，被申请人新建房屋的屋檐滴水落入申请人院内。",
        requests=["被申请人改建屋檐排水"],
        mediators=[MediatorDraft("林春梅", "lead"), MediatorDraft("陈志强", "recorder")],
        parties=[
            PartyDraft(side="applicant", name="张喆", id_number="11010519491231002X",
                       phone="13912345678", address="安溪县湖头镇湖二村3组45号"),
            PartyDraft(side="respondent", name="李明", id_number="360426199101010071",
                       phone="0595-23456789", address="安溪县湖头镇湖二村3组47号"),
        ])
    case_id = ctx.intake.register(draft).cases[0].case_id
    ctx.casework.take_step(case_id, Step.NOTIFY_RIGHTS)
    ctx.casework.add_record(case_id, RecordDraft(
        "mediation", clock.now().replace(microsecond=0), place="调解室",
        participants=["张喆", "李明"], body="双方陈述，调解员释法说理。"))
    ctx.casework.record_agreement(case_id, AgreementDraft(
        reached_on=clock.today(), facts="屋檐滴水落入邻居院内", issues="排水",
        responsibilities="李明负主要责任", terms=[TermDraft(
            "李明赔偿张喆院墙修复费5000元", obligor="李明", obligee="张喆",
            amount_fen=500000, due_on=clock.today(), method="现金", place="调解室")]))
    return case_id


def check_agreement_printing(ctx: AppContext, folder: Path) -> str:
    """Render, save, reread and print one agreement into ``folder``; "" when all worked,
    otherwise what failed."""
    document = ctx.printing.render(sample_agreed_case(ctx), "agreement")
    saved = save_pdf(document.pdf, folder / "agreement.pdf")
    data = saved.read_bytes()
    if not data.startswith(b"%PDF") or data != document.pdf:
        return "the saved agreement is not the rendered PDF"
    pages = page_count(data)
    if pages < 1 or pages != document.pages:
        return f"QtPdf reads {pages} page(s), the builder wrote {document.pages}"
    printer = make_printer(document.pdf, title=document.title)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(folder / "printed.pdf"))
    printer.setResolution(SELF_TEST_DPI)
    outcome = print_pdf(printer, document.pdf)
    printed = folder / "printed.pdf"
    if outcome.pages != pages or not printed.exists() or page_count(printed.read_bytes()) != pages:
        return "printing the agreement through Qt produced no matching PDF"
    return ""
