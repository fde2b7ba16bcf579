"""One visitor request and its whole loop: received → 研判 → 督办 (assignments with their
deadlines) → 联席处置 → 反馈 → 办结 (and a return visit), with the loop's next steps as buttons.

Why every step button is always there, enabled by the service's ``next_steps``: the receptionist
learns the loop from the row of buttons (like the case view), and sees what is still ahead.
办结 stays enabled until the request is closed, so that closing too early is refused by the
service with its reason beside the field (issue 15: "closing requires an answer").
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from mediation_desk.domain import petitions as rules
from mediation_desk.domain.dictionaries import RISK_LEVELS
from mediation_desk.services.petitions.types import PetitionDetail
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.flow_layout import FlowLayout

RED = "#c62828"
GREY = "#607d8b"
#: The buttons, in the loop's order, with their icons.
STEP_ICONS = {
    rules.ASSESS: "petition_assess", rules.TO_CASE: "to_case", rules.ASSIGN: "petition_assign",
    rules.RESULT: "petition_result", rules.EXTEND: "overdue", rules.MEETING: "session",
    rules.REPLY: "petition_reply", rules.CLOSE: "done", rules.RETURN_VISIT: "followup"}


def step_text(step: str) -> str:
    texts = {
        rules.ASSESS: translate("PetitionDetail", "&Assess…"),
        rules.TO_CASE: translate("PetitionDetail", "Mediate as a &case…"),
        rules.ASSIGN: translate("PetitionDetail", "Assi&gn…"),
        rules.RESULT: translate("PetitionDetail", "Department's &result…"),
        rules.EXTEND: translate("PetitionDetail", "E&xtend…"),
        rules.MEETING: translate("PetitionDetail", "&Joint meeting…"),
        rules.REPLY: translate("PetitionDetail", "A&nswer…"),
        rules.CLOSE: translate("PetitionDetail", "C&lose…"),
        rules.RETURN_VISIT: translate("PetitionDetail", "Return &visit…"),
    }
    return texts[step]


def _section(title: str, body: str, *, done: bool) -> str:
    mark = "●" if done else "○"
    color = "#2e7d32" if done else GREY
    return (f'<p style="margin-top:8px;margin-bottom:2px"><b><span style="color:{color}">'
            f'{mark}</span> {escape(title)}</b></p>{body}')


def _lines(*lines: str) -> str:
    shown = [escape(line) for line in lines if line]
    return f'<p style="margin:0 0 0 16px">{"<br>".join(shown)}</p>' if shown else ""


def loop_html(d: PetitionDetail) -> str:
    """The request's loop as the pane shows it, step by step."""
    out = [_section(translate("PetitionDetail", "Received"), _lines(
        f"{d.received_at:%Y-%m-%d %H:%M} {d.channel_label} "
        + translate("PetitionDetail", "received by %1").replace("%1", d.received_by),
        " ".join(filter(None, (d.person_name, d.person_id_number, d.person_phone))),
        " ".join(filter(None, (d.village, d.compound, d.person_address))),
        f"{d.category}：{d.content}",
        translate("PetitionDetail", "About: %1").replace("%1", d.respondent) if d.respondent else "",
        translate("PetitionDetail", "People involved: %1").replace("%1", str(d.people_involved))
        if d.people_involved else "",
        translate("PetitionDetail", "Representatives: %1").replace("%1", "、".join(d.representatives))
        if d.representatives else "",
        *(translate("PetitionDetail", "Earlier: %1").replace("%1", line) for line in d.earlier)), done=True)]
    assessed = bool(d.assessed_on)
    out.append(_section(translate("PetitionDetail", "Assessment (研判)"), _lines(
        f"{d.assessed_on:%Y-%m-%d} {d.assessed_by} {d.route_label}" if assessed else
        translate("PetitionDetail", "Not assessed yet. Forward or answer by %1; handle by %2.").replace(
            "%1", f"{d.forward_due:%Y-%m-%d}").replace("%2", f"{d.handle_due:%Y-%m-%d}"),
        translate("PetitionDetail", "Risk level: %1").replace(
            "%1", RISK_LEVELS.get(d.risk_level, d.risk_level) + "色") if d.risk_level else "",
        d.assessment,
        translate("PetitionDetail", "Mediated as case %1").replace("%1", d.case_number) if d.case_id else ""),
        done=assessed))
    rows = []
    for a in d.assignments:
        due_day = f"{a.due_on:%Y-%m-%d}"
        extension = translate("PetitionDetail", " (extended %1 days: %2)").replace(
            "%1", str(a.extension_days)).replace("%2", a.extension_reason) \
            if a.extension_days else ""
        state = (translate("PetitionDetail", "result %1: %2").replace("%1", f"{a.result_on:%Y-%m-%d}").replace(
            "%2", a.result) if a.result_on else translate("PetitionDetail", "OVERDUE") if a.overdue else
            translate("PetitionDetail", "due soon") if a.due_soon else
            translate("PetitionDetail", "the person answered") if d.answered_on else
            translate("PetitionDetail", "waiting"))
        color = RED if a.overdue else "#212121"
        rows.append(
            f'<tr style="color:{color}"><td>{escape(a.department)}</td>'
            f"<td>{escape(a.task_label)}</td><td>{escape(a.responsible)}</td>"
            f"<td nowrap>{a.assigned_on:%m-%d}</td><td nowrap>{escape(due_day)}</td>"
            f"<td>{escape(state + extension)}</td></tr>")
    table = ""
    if rows:
        heads = "".join(f"<th align=left>{escape(h)}</th>" for h in (
            translate("PetitionDetail", "Department"), translate("PetitionDetail", "Task"), translate("PetitionDetail", "Responsible"), translate("PetitionDetail", "Assigned"), translate("PetitionDetail", "Due"), translate("PetitionDetail", "State")))
        table = (f'<table cellspacing=0 cellpadding=3 style="margin-left:16px">'
                 f"<tr>{heads}</tr>{''.join(rows)}</table>")
    out.append(_section(translate("PetitionDetail", "Supervision (督办)"), table or _lines(translate("PetitionDetail", "No assignment yet.")),
                        done=bool(rows)))
    if d.meetings or d.route == "joint":
        meetings = [_lines(f"{m.held_on:%Y-%m-%d} {m.place} {m.chaired_by}",
                           translate("PetitionDetail", "Present: %1").replace("%1", "、".join(m.departments)),
                           m.decisions) for m in d.meetings]
        out.append(_section(translate("PetitionDetail", "Joint meetings (联席处置)"),
                            "".join(meetings) or _lines(translate("PetitionDetail", "No meeting yet.")),
                            done=bool(d.meetings)))
    answered = bool(d.answered_on)
    out.append(_section(translate("PetitionDetail", "Answer (反馈)"), _lines(
        f"{d.answered_on:%Y-%m-%d} {d.answered_by} {rules.ANSWER_METHODS.get(d.answer_method, '')}"
        if answered else translate("PetitionDetail", "Not answered yet."),
        rules.DECISIONS.get(d.decision, ""), d.answer, d.facts_reasons, d.legal_basis),
        done=answered))
    closed = bool(d.closed_on)
    out.append(_section(translate("PetitionDetail", "Closed"), _lines(
        f"{d.closed_on:%Y-%m-%d} " + rules.SATISFACTION.get(d.satisfaction, "")
        if closed else translate("PetitionDetail", "Open."),
        *(translate("PetitionDetail", "Return visit") + f" {v.due_on:%Y-%m-%d} "
          + (f"{v.done_on:%Y-%m-%d} {v.result} {rules.SATISFACTION.get(v.satisfaction, '')}"
             if v.done_on else translate("PetitionDetail", "due")) for v in d.return_visits)), done=closed))
    if d.printed:
        out.append(_section(translate("PetitionDetail", "Printed"), _lines(*d.printed), done=True))
    return "".join(out)


class RequestDetail(QWidget):
    """The pane; ``step_requested(step)`` asks the page to open that step's dialog."""

    step_requested = Signal(str)
    reveal_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: PetitionDetail | None = None
        self.heading = QLabel()
        self.heading.setObjectName("petition-heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.loop = QTextBrowser()
        self.loop.setObjectName("petition-loop")
        self.loop.setAccessibleName(translate("PetitionDetail", "The request's loop"))
        self.loop.setOpenLinks(False)
        self.buttons: dict[str, QPushButton] = {}
        steps = FlowLayout()
        for step, icon_name in STEP_ICONS.items():
            button = QPushButton(icon(icon_name), step_text(step))
            button.setObjectName(f"petition-step-{step}")
            button.clicked.connect(lambda _=False, s=step: self.step_requested.emit(s))
            self.buttons[step] = button
            steps.add_widgets(button)
        self.reveal_button = QPushButton(icon("reveal"),
                                         translate("PetitionDetail", "Show full ID and phone"))
        self.reveal_button.clicked.connect(self.reveal_requested)
        steps.add_widgets(self.reveal_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addLayout(steps)
        layout.addWidget(self.loop, 1)
        self.show_detail(None)

    def show_detail(self, detail: PetitionDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self.heading.setText(translate("PetitionDetail", "No request chosen."))
            self.loop.clear()
            for button in [*self.buttons.values(), self.reveal_button]:
                button.setEnabled(False)
            return
        late = (f'　<span style="color:{RED}">{escape(translate("PetitionDetail", "overdue"))}'
                "</span>" if detail.overdue else "")
        self.heading.setText(
            f"<b>{escape(detail.number)}</b>　{escape(detail.person_name)}　"
            f"{escape(detail.category)}　<span style=\"color:{GREY}\">"
            f"{escape(detail.status_label)}</span>{late}")
        self.loop.setHtml(loop_html(detail))
        allowed = set(detail.next_steps)
        if detail.status != "closed":
            allowed.add(rules.CLOSE)  # refused with its reason until answered
        for step, button in self.buttons.items():
            button.setEnabled(step in allowed)
            button.setDefault(bool(detail.next_steps) and step == detail.next_steps[0])
        self.reveal_button.setEnabled(bool(detail.person_id_number or detail.person_phone))
