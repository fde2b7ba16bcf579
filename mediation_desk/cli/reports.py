"""``report …``: the period's statistics, a case's 以案释法 brief, the month's notice sheet.

Contract commands (contract.md v2): ``monthly`` (``--month``/``--quarter``/``--year``, with
``--xlsx`` and ``--pdf``), ``brief NUMBER --out FILE.pdf|.docx``, ``disclosure --month
--out``; extras: ``--from/--to`` for any period, ``--reviewer`` for the 审核人 line,
``--template`` for a one-off county form, and ``cases FIGURE`` listing the cases behind a
figure. Files are written whole or not at all; every file is audited with its hash.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mediation_desk.cli.context import Cli, Parser, UsageError, parse_day, write_bytes
from mediation_desk.errors import DomainError, Problem, ValidationError

if TYPE_CHECKING:
    from mediation_desk.domain.periods import Period
    from mediation_desk.services.statistics.types import PeriodFigures


def _period_options(p: Any, *, month_only: bool = False) -> None:
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--month", help="YYYY-MM")
    if not month_only:
        g.add_argument("--quarter", help="YYYY-Qn，如 2026-Q4")
        g.add_argument("--year", help="YYYY")
        g.add_argument("--from", dest="start", help="自定义期间开始 YYYY-MM-DD（与 --to 同用）")
        p.add_argument("--to", dest="end", help="自定义期间结束 YYYY-MM-DD")


def register(sub: Any) -> None:
    s = sub.add_parser("report", help="统计报表、以案释法、月度公示")
    rs = s.add_subparsers(dest="report_command", required=True, parser_class=Parser)
    p = rs.add_parser("monthly", help="某月（季、年）的统计数字，可导出县局报表 Excel 和 PDF")
    _period_options(p)
    p.add_argument("--xlsx", type=Path, help="写出县局报表（Excel 工作簿）")
    p.add_argument("--pdf", type=Path, help="写出统计表（PDF）")
    p.add_argument("--reviewer", default="", help="审核人姓名（默认留空，手写签名）")
    p.add_argument("--template", type=Path, help="本次使用的报表模板（.xlsx，含命名单元格）")
    p = rs.add_parser("cases", help="列出某项统计数字背后的案件")
    p.add_argument("figure", help="received succeeded failed terminated group_disputes "
                                  "judicial_confirmations prevented_criminal …")
    _period_options(p)
    p.add_argument("--type", default="", help="只看某一纠纷类型")
    p = rs.add_parser("brief", help="案件的以案释法材料（已脱敏）")
    p.add_argument("number", help="案件编号（或简写：82、2026-82）")
    p.add_argument("--out", type=Path, required=True, help=".pdf 或 .docx 文件")
    p.add_argument("--generalise-villages", action="store_true",
                   help="未保存审定稿时，把村名概括为“某村”")
    p = rs.add_parser("disclosure", help="月度公示（去标识化的统计数字，A4 大字）")
    p.add_argument("--month", required=True, help="YYYY-MM")
    p.add_argument("--out", type=Path, required=True, help="PDF 文件")
    s.set_defaults(handler=cmd_report)


def _period(cli: Cli) -> Period:
    from mediation_desk.domain.periods import Period, parse_period

    a = cli.args
    try:
        if getattr(a, "start", None):
            if not a.end:
                raise UsageError("--from 须与 --to 同用")
            return Period.custom(parse_day(a.start, "--from"), parse_day(a.end, "--to"))
        if getattr(a, "end", None):
            raise UsageError("--to 须与 --from 同用")
        for kind in ("month", "quarter", "year"):
            value = getattr(a, kind, None)
            if value:
                return parse_period(kind, value)
    except DomainError as exc:
        option = next(f"--{k}" for k in ("month", "quarter", "year", "from")
                      if getattr(a, "start" if k == "from" else k, None))
        raise ValidationError(Problem("", option, exc.reason)) from None
    raise UsageError("须给出 --month、--quarter、--year 或 --from/--to 之一")


def _write(path: Path, data: bytes) -> None:
    try:
        write_bytes(path, data)
    except OSError as exc:
        raise ValidationError(Problem("", str(path), f"无法写入：{exc.strerror or exc}")) \
            from None


def _text(f: PeriodFigures) -> str:
    rate = "—" if f.success_rate is None else f"{f.success_rate * 100:.1f}%"
    p = f.patrols
    lines = [f"{f.period.label}（{f.period.start.isoformat()} 至 {f.period.end.isoformat()}）",
             f"受理 {f.received} 件；调解成功 {f.succeeded} 件（书面 {f.succeeded_written}，"
             f"口头 {f.succeeded_oral}）；不成功 {f.failed} 件；终止 {f.terminated} 件；"
             f"成功率 {rate}",
             f"协议涉及金额 {f.agreement_amount_fen / 100:,.2f} 元；涉及 {f.people_involved} 人；"
             f"群体性纠纷 {f.group_disputes} 件；司法确认 {f.judicial_confirmations} 件",
             "按类型：" + ("、".join(f"{k} {v}" for k, v in f.received_by_type.items()) or "无"),
             "按来源：" + ("、".join(f"{k} {v}" for k, v in f.received_by_source.items())
                         or "无"),
             f"排查 {p.visits} 次（零报告 {p.zero_reports}），发现纠纷 {p.findings} 件，"
             f"化解 {p.findings_resolved} 件，转为案件 {p.findings_to_case} 件"]
    return "\n".join(lines)


def cmd_report(cli: Cli) -> None:
    command = cli.args.report_command
    store, actor = cli.open()
    try:
        if command == "monthly":
            _monthly(cli, store, actor)
        elif command == "cases":
            _cases(cli, store, actor)
        elif command == "brief":
            _brief(cli, store, actor)
        else:
            _disclosure(cli, store, actor)
    finally:
        store.close()


def _monthly(cli: Cli, store: Any, actor: Any) -> None:
    from mediation_desk.services.statistics.reports import KINDS, ReportService
    from mediation_desk.services.statistics.service import contract_json

    period = _period(cli)
    reports = ReportService(store, actor)
    template = None
    if cli.args.template:
        try:
            template = cli.args.template.read_bytes()
        except OSError as exc:
            raise ValidationError(Problem(str(cli.args.template), "--template",
                                          f"无法读取：{exc.strerror or exc}")) from None
    comparison = reports.stats.compare(period)
    written = []
    if cli.args.xlsx:
        data = reports.workbook(period, reviewed_by=cli.args.reviewer, template=template)
        _write(cli.args.xlsx, data)
        reports.file_report(f"{KINDS['workbook']}（{period.label}）", period, data, "export")
        written.append(str(cli.args.xlsx))
    if cli.args.pdf:
        document = reports.render("statistics", period, reviewed_by=cli.args.reviewer)
        _write(cli.args.pdf, document.pdf)
        reports.file_report(document.title, period, document.pdf, "save")
        written.append(str(cli.args.pdf))
    out = contract_json(comparison.current)
    out["year_earlier"] = contract_json(comparison.year_earlier)
    text = _text(comparison.current) + "".join(f"\n已写出：{w}" for w in written)
    cli.emit(out, text)


def _cases(cli: Cli, store: Any, actor: Any) -> None:
    from mediation_desk.services.statistics.service import StatisticsService

    lines = StatisticsService(store, actor).cases_behind(_period(cli), cli.args.figure,
                                                         dispute_type=cli.args.type)
    rows = [{"id": c.id, "number": c.number, "title": c.title, "dispute_type": c.dispute_type,
             "village": c.village, "status": c.status_label, "received_on": c.received_on}
            for c in lines]
    cli.emit(rows, lambda: "\n".join(f"{c.number}\t{c.received_on}\t{c.status_label}\t{c.title}"
                                      for c in lines) or "（无）")


def _brief(cli: Cli, store: Any, actor: Any) -> None:
    from mediation_desk.services.briefs.service import BriefService

    out: Path = cli.args.out
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise UsageError(f"--out 应为 .pdf 或 .docx 文件，实际为“{out.name}”")
    briefs = BriefService(store, actor)
    case = briefs.case_by_number(cli.args.number)
    draft = briefs.saved(case.id)
    reviewed = draft is not None
    if draft is None:
        draft = briefs.draft(case.id, generalise_villages=cli.args.generalise_villages)
    document = (briefs.render_pdf(case.id, draft) if suffix == ".pdf"
                else briefs.render_docx(case.id, draft))
    _write(out, document.pdf)
    briefs.file(document, "save")
    if not reviewed:
        cli.say("提示：本案尚无审定的以案释法稿，已按自动脱敏稿输出，请调解员审阅后再公开。")
    cli.emit({"number": case.number, "out": str(out), "reviewed": reviewed,
              "title": draft.title, "sha256": document.sha256},
             f"已保存以案释法《{draft.title}》：{out}")


def _disclosure(cli: Cli, store: Any, actor: Any) -> None:
    from mediation_desk.services.statistics.reports import ReportService

    period = _period(cli)
    reports = ReportService(store, actor)
    document = reports.render("disclosure", period)
    _write(cli.args.out, document.pdf)
    reports.file_report(document.title, period, document.pdf, "save")
    cli.emit({"month": period.start.strftime("%Y-%m"), "out": str(cli.args.out),
              "pages": document.pages, "sha256": document.sha256},
             f"已保存{document.title}：{cli.args.out}")
