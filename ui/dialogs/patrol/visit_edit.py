"""The correction mode of the visit form (修改排查记录): the recorded visit as the form's
payload, and the finding fields a correction must not touch, locked with the reason.

Why apart from :mod:`ui.dialogs.patrol.visit_dialog`: recording and correcting share the whole form;
only these two things differ, and the form is long enough already. What was done about a
finding since (its escalations, its result, its case) is changed in the finding's own window;
a finding that became a case or was escalated cannot be removed (the service refuses it too).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mediation_desk.services.patrols.service import FindingView, VisitDraft
from ui.dialogs.patrol.finding_fields import FindingEditor
from ui.i18n import translate

#: Version of the form's payload (the one the visit form autosaves).
PAYLOAD_VERSION = 1


def payload_of(draft: VisitDraft) -> dict[str, Any]:
    """The recorded visit in the shape :meth:`VisitDialog.restore` reads. Deadlines and report
    targets count as chosen, so a corrected risk level does not quietly move them."""
    return {
        "version": PAYLOAD_VERSION, "plan_id": draft.plan_id,
        "occurrence_on": draft.occurrence_on.isoformat() if draft.occurrence_on else "",
        "extra_id": draft.extra_id, "ad_hoc": draft.ad_hoc, "on": draft.on.isoformat(), "village": draft.village,
        "team": "、".join(draft.team), "places": draft.places,
        "households": draft.households_visited, "zero_report": draft.zero_report,
        "note": draft.note,
        "findings": [{
            "summary": f.summary, "parties": f.parties, "dispute_type": f.dispute_type,
            "people": f.people_involved or 0, "amount": f.amount, "risk_level": f.risk_level,
            "measure": f.measure, "responsible": f.responsible,
            "due_on": f.due_on.isoformat() if f.due_on else "", "due_touched": True,
            "escalated_to": "", "target_touched": True, "result": f.result,
            "finding_id": f.id}
            for f in draft.findings]}


def lock_recorded(editors: Sequence[FindingEditor], findings: Sequence[FindingView]) -> None:
    """Lock, in the editors of findings already recorded, what the correction keeps."""
    elsewhere = translate("VisitDialog", "Reports and results are recorded in the finding's "
                                         "own window (Findings tab).")
    for editor, finding in zip(editors, findings, strict=False):
        for widget in (editor.target_box, editor.result_edit):
            widget.setEnabled(False)
            widget.setToolTip(elsewhere)
        if finding.case_id:
            editor.measure_box.setEnabled(False)
            editor.measure_box.setToolTip(elsewhere)
            reason = translate("VisitDialog", "Registered as case %1: it cannot be removed."
                               ).replace("%1", finding.case_number)
        elif finding.escalations:
            reason = translate("VisitDialog", "Already reported: it cannot be removed.")
        else:
            continue
        editor.remove_button.setEnabled(False)
        editor.remove_button.setToolTip(reason)
        editor.setObjectName("finding-kept")
