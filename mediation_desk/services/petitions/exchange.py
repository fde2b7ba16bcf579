"""The contract's visitor-request document (``mediation-desk/petition@1``) read into a draft.

Every problem of the document itself is collected (a wrong type, a date that does not parse);
the draft then goes through the same checks as the window's form, so a file and the form
refuse the same bad input with the same reasons. Fields beyond the contract's (all optional):
``compound``, ``respondent``, ``representatives``, ``person.gender``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from mediation_desk.errors import Problem, ValidationError
from mediation_desk.services.petitions.types import RequestDraft

FORMAT = "mediation-desk/petition@1"
RECORD = "来访登记"


def request_from_doc(doc: Any) -> tuple[RequestDraft, list[Problem]]:
    """The draft and the document's own problems; raises at once when it is unusable."""
    problems: list[Problem] = []

    def add(field: str, reason: str) -> None:
        problems.append(Problem(RECORD, field, reason))

    if not isinstance(doc, dict):
        raise ValidationError(Problem(RECORD, "", "应为一个 JSON 对象"))
    if doc.get("format") != FORMAT:
        raise ValidationError(Problem(RECORD, "format",
                                      f"应为“{FORMAT}”，实际为“{doc.get('format', '')}”"))

    def text(src: dict[str, Any], key: str, label: str) -> str:
        value = src.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            add(label, "应为文字")
            return ""
        return value

    draft = RequestDraft()
    raw_at = text(doc, "received_at", "来访时间（received_at）")
    if not raw_at:
        add("来访时间（received_at）", "不能为空")
    else:
        try:
            draft.received_at = datetime.fromisoformat(raw_at)
        except ValueError:
            add("来访时间（received_at）", f"格式应为 YYYY-MM-DDTHH:MM，实际为“{raw_at}”")
    draft.channel = text(doc, "channel", "来访方式（channel）") or "walk_in"
    draft.received_by = text(doc, "received_by", "接待人（received_by）")
    person = doc.get("person")
    if not isinstance(person, dict):
        add("来访人（person）", "应为一个对象（name、phone、id_number、address）")
        person = {}
    draft.person_name = text(person, "name", "来访人 姓名（person.name）")
    draft.person_phone = text(person, "phone", "来访人 联系电话（person.phone）")
    draft.person_id_number = text(person, "id_number", "来访人 身份证号码（person.id_number）")
    draft.person_address = text(person, "address", "来访人 住址（person.address）")
    draft.person_gender = text(person, "gender", "来访人 性别（person.gender）")
    draft.village = text(doc, "village", "村（社区）（village）")
    draft.compound = text(doc, "compound", "小区（compound）")
    draft.category = text(doc, "category", "事项类别（category）")
    draft.content = text(doc, "content", "诉求内容（content）")
    draft.respondent = text(doc, "respondent", "被反映人或单位（respondent）")
    people = doc.get("people_involved")
    if people is not None:
        if isinstance(people, int) and not isinstance(people, bool):
            draft.people_involved = people
        else:
            add("涉及人数（people_involved）", f"应为整数，实际为“{people}”")
    names = doc.get("representatives", [])
    if isinstance(names, list) and all(isinstance(n, str) for n in names):
        draft.representatives = list(names)
    else:
        add("代表（representatives）", "应为姓名列表")
    return draft, problems
