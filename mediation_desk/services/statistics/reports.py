"""The report documents: the county workbook, the printed statistics sheet, the month's
notice-board sheet — and the room's own workbook template.

Who may do what: anyone may look at and print figures; replacing the county template is the
director's or administrator's (it changes what every report says). Every report that leaves
the program (printed, saved, exported) is audited with its period and the SHA-256 of the file,
like a case's printed documents, so a figure on paper can be traced to the register.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import date

from mediation_desk import clock, documents
from mediation_desk.documents.report_data import DisclosureSheet, Figure, StatisticsSheet
from mediation_desk.domain.dictionaries import RISK_LEVELS
from mediation_desk.domain.periods import Period
from mediation_desk.errors import PermissionDenied, Problem, ValidationError
from mediation_desk.services.printing.case_file import read_room
from mediation_desk.services.printing.service import RenderedDocument
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.setting_rows import write_setting
from mediation_desk.services.statistics import workbook
from mediation_desk.services.statistics.service import StatisticsService
from mediation_desk.services.statistics.types import Comparison, PeriodFigures
from mediation_desk.store.database import Store
from mediation_desk.store.models import Setting

TEMPLATE_KEY = "report_template"
KINDS = {"statistics": "人民调解工作统计表", "disclosure": "人民调解工作月度公示",
         "workbook": "人民调解工作统计表（Excel）"}
ACTIONS = {"print": "打印", "save": "保存", "export": "导出"}
MAX_TEMPLATE_BYTES = 2 * 1024 * 1024


def count(n: int) -> str:
    return str(n)


def money(fen: int) -> str:
    return f"{fen / 100:,.2f}"


def rate(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def pair(cur: int, old: int) -> tuple[str, str]:
    return count(cur), count(old)


def summary_figures(c: Comparison) -> tuple[Figure, ...]:
    a, b = c.current, c.year_earlier
    return (
        Figure("受理纠纷（件）", *pair(a.received, b.received)),
        Figure("调解成功（件）", *pair(a.succeeded, b.succeeded)),
        Figure("其中书面协议（件）", *pair(a.succeeded_written, b.succeeded_written)),
        Figure("其中口头协议（件）", *pair(a.succeeded_oral, b.succeeded_oral)),
        Figure("调解不成功（件）", *pair(a.failed, b.failed)),
        Figure("终止调解（件）", *pair(a.terminated, b.terminated)),
        Figure("调解成功率", rate(a.success_rate), rate(b.success_rate)),
        Figure("协议涉及金额（元）", money(a.agreement_amount_fen), money(b.agreement_amount_fen)),
        Figure("涉及人数（人）", *pair(a.people_involved, b.people_involved)),
        Figure("群体性纠纷（件）", *pair(a.group_disputes, b.group_disputes)),
        Figure("司法确认（件）", *pair(a.judicial_confirmations, b.judicial_confirmations)),
    )


def prevention_figures(c: Comparison) -> tuple[Figure, ...]:
    a, b = c.current.prevented, c.year_earlier.prevented
    return (
        Figure("防止民转刑（件）", *pair(a.criminal, b.criminal)),
        Figure("防止民转刑（人）", *pair(a.criminal_people, b.criminal_people)),
        Figure("防止群体性上访（件）", *pair(a.group_petition, b.group_petition)),
        Figure("防止群体性上访（人）", *pair(a.group_petition_people, b.group_petition_people)),
        Figure("防止群体性械斗（件）", *pair(a.group_fight, b.group_fight)),
        Figure("防止群体性械斗（人）", *pair(a.group_fight_people, b.group_fight_people)),
        Figure("防止民间纠纷引起自杀（件）", *pair(a.suicide, b.suicide)),
    )


def patrol_figures(c: Comparison) -> tuple[Figure, ...]:
    a, b = c.current.patrols, c.year_earlier.patrols
    out = [Figure("排查次数", *pair(a.visits, b.visits)),
           Figure("零报告", *pair(a.zero_reports, b.zero_reports)),
           Figure("走访户数", *pair(a.households, b.households)),
           Figure("排查村（社区）", *pair(a.villages_visited, b.villages_visited)),
           Figure("发现纠纷（件）", *pair(a.findings, b.findings))]
    for code, label in RISK_LEVELS.items():
        out.append(Figure(f"其中{label}色风险", *pair(a.findings_by_risk.get(code, 0),
                                                     b.findings_by_risk.get(code, 0))))
    out += [Figure("已化解（件）", *pair(a.findings_resolved, b.findings_resolved)),
            Figure("转为案件（件）", *pair(a.findings_to_case, b.findings_to_case))]
    return tuple(out)


def visitor_figures(c: Comparison) -> tuple[Figure, ...]:
    a, b = c.current.visitors, c.year_earlier.visitors
    if a is None:
        return ()
    reads = (("接待来访（件）", "received"), ("按期答复（件）", "answered_in_time"),
             ("超期未复（件）", "overdue"), ("满意（件）", "satisfied"))
    return tuple(Figure(label, count(getattr(a, field)),
                        count(getattr(b, field)) if b is not None else "")
                 for label, field in reads)


def type_table(f: PeriodFigures) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    rows = tuple((r.label, count(r.received), count(r.by_source_kind.get("主动", 0)),
                  count(r.by_source_kind.get("申请", 0)), count(r.by_source_kind.get("委托移送", 0)),
                  count(r.succeeded), count(r.written), count(r.oral), count(r.failed),
                  money(r.amount_fen), count(r.people)) for r in f.type_rows)
    k = f.received_by_source_kind
    total = ("合计", count(f.received), count(k.get("主动", 0)), count(k.get("申请", 0)),
             count(k.get("委托移送", 0)), count(f.succeeded), count(f.succeeded_written),
             count(f.succeeded_oral), count(f.failed + f.terminated),
             money(f.agreement_amount_fen), count(f.people_involved))
    return rows, total


NOTE = ("说明：受理数按受理日期统计；调解成功按协议达成日期统计；调解不成功含终止调解，按结案或终止"
        "日期统计；协议涉及金额为期内达成协议各条款金额之和；预防数字按受理日期统计；纠纷类型为"
        "期内施行的字典（第{v}版）。")


class ReportService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor
        self.stats = StatisticsService(store, actor)

    # -- documents ----------------------------------------------------------------------------
    def statistics_sheet(self, period: Period, *, reviewed_by: str = "",
                         today: date | None = None) -> StatisticsSheet:
        c = self.stats.compare(period)
        rows, total = type_table(c.current)
        return StatisticsSheet(
            room=read_room(self.store)[0], period_label=period.label,
            earlier_label=c.year_earlier.period.label, type_rows=rows, total_row=total,
            summary=summary_figures(c), prevention=prevention_figures(c),
            patrols=patrol_figures(c), visitors=visitor_figures(c),
            filled_by=self.actor.name, reviewed_by=reviewed_by,
            filled_on=today or clock.today(),
            note=NOTE.format(v=c.current.dictionary_version))

    def disclosure_sheet(self, period: Period, today: date | None = None) -> DisclosureSheet:
        f = self.stats.figures(period)
        room = read_room(self.store)[0]
        headline = (Figure("受理矛盾纠纷", f"{f.received} 件"),
                    Figure("调解成功", f"{f.succeeded} 件"),
                    Figure("调解成功率", rate(f.success_rate)),
                    Figure("协议涉及金额", f"{money(f.agreement_amount_fen)} 元"),
                    Figure("司法确认", f"{f.judicial_confirmations} 件"))
        by_type = tuple(Figure(label.removesuffix("纠纷") or label, f"{n} 件")
                        for label, n in f.received_by_type.items())
        p = f.patrols
        patrols = (Figure("开展排查", f"{p.visits} 次"), Figure("零报告", f"{p.zero_reports} 次"),
                   Figure("发现纠纷", f"{p.findings} 件"),
                   Figure("已化解", f"{p.findings_resolved} 件"))
        where = "、".join(x for x in (room.room_name, room.address) if x)
        contact = f"地址：{where}。" if where else ""
        if room.phone:
            contact += f"电话：{room.phone}。"
        return DisclosureSheet(room=room, period_label=period.label, headline=headline,
                               by_type=by_type, patrols=patrols, on=today or clock.today(),
                               contact=contact)

    def render(self, kind: str, period: Period, *, reviewed_by: str = "") -> RenderedDocument:
        """The statistics sheet or the notice-board sheet as PDF (nothing written yet)."""
        if kind == "statistics":
            from mediation_desk.documents import statistics_sheet

            pdf = statistics_sheet.build(self.statistics_sheet(period, reviewed_by=reviewed_by))
        elif kind == "disclosure":
            from mediation_desk.documents import disclosure

            pdf = disclosure.build(self.disclosure_sheet(period))
        else:
            raise ValidationError(Problem("报表", "种类", "应为 statistics / disclosure 之一"))
        return RenderedDocument(case_id="", kind=kind, title=f"{KINDS[kind]}（{period.label}）",
                                pdf=pdf, pages=documents.page_count(pdf),
                                sha256=hashlib.sha256(pdf).hexdigest(), default_copies=1,
                                warnings=())

    def workbook(self, period: Period, *, reviewed_by: str = "",
                 template: bytes | None = None) -> bytes:
        """The county workbook (.xlsx) from the room's template (or the one given)."""
        c = self.stats.compare(period)
        room = read_room(self.store)[0]
        heading = workbook.Heading(room.committee_name, room.room_name, self.actor.name,
                                   reviewed_by, clock.today())
        return workbook.fill(template or self.template(), c.current, heading, c.year_earlier)

    def file_report(self, title: str, period: Period, data: bytes, action: str) -> None:
        """Audit that a report left the program (printed, saved or exported)."""
        if action not in ACTIONS:
            raise ValidationError(Problem("报表", "操作", "应为 print / save / export 之一"))
        digest = hashlib.sha256(data).hexdigest()
        with self.store.write() as changes:
            audit.record(self.actor, "report", entity="report", entity_id=period.label,
                         detail=f"{title} {ACTIONS[action]} sha256:{digest[:12]}…")
            changes.touch("report")

    # -- the room's template ------------------------------------------------------------------
    def template(self) -> bytes:
        stored = self.store.setting(TEMPLATE_KEY)
        if isinstance(stored, dict) and stored.get("xlsx"):
            return base64.b64decode(stored["xlsx"])
        return workbook.default_template()

    def template_is_custom(self) -> bool:
        stored = self.store.setting(TEMPLATE_KEY)
        return isinstance(stored, dict) and bool(stored.get("xlsx"))

    def set_template(self, data: bytes, name: str = "") -> list[str]:
        """Use ``data`` as the room's county template; returns the figure names it takes."""
        self._require_manager()
        if len(data) > MAX_TEMPLATE_BYTES:
            raise ValidationError(Problem(workbook.RECORD, "文件", "超过2 MB，不像是报表模板"))
        used = workbook.check_template(data)
        text = json.dumps({"xlsx": base64.b64encode(data).decode("ascii"), "name": name,
                           "sha256": hashlib.sha256(data).hexdigest()})
        with self.store.write() as changes:
            write_setting(self.actor, TEMPLATE_KEY, text,
                          f"更换县局报表模板 {name} （{len(used)}个名称）")
            changes.touch("settings")
        return used

    def reset_template(self) -> None:
        """Back to the default template."""
        self._require_manager()
        with self.store.write() as changes:
            row = Setting.get_or_none(Setting.key == TEMPLATE_KEY)
            if row is not None and row.value != "null":
                write_setting(self.actor, TEMPLATE_KEY, "null", "恢复默认县局报表模板")
                changes.touch("settings")

    def _require_manager(self) -> None:
        if self.actor.role not in ("director", "admin"):
            raise PermissionDenied("只有调委会主任或管理员可以更换报表模板")
