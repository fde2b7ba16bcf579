"""Is a case's file (卷宗) complete enough to archive? domain.md's table, item by item.

What the program can know and what it cannot, and how each item is judged:

1. 申请书 / 受理登记表 — present once the case is registered (the register is the intake form).
2. 权利义务告知书 — required unless the case was refused before anyone was notified (Art 17:
   a refused case is never mediated). Present when the NOTIFY step was taken, or when the
   case was registered together with its later records (an imported historical case, whose
   signed notice is in the paper file), or in a simple procedure with a mediation record
   (the notice is given orally on the spot and written into that record).
3. 当事人身份证明 — every person party has an ID number (any document type) and every
   organisation its legal representative. Missing names the parties.
4. 授权委托书 — required when a party's agent is recorded. The paper itself is not in the
   program, so it counts as present with a note asking to check the signed paper: a reminder,
   not a block (otherwise nothing could ever satisfy it).
5. 调查记录, 6. 证据材料, 9. 履行凭证, 10. 回访记录, 11. 司法确认材料, 12. 卷宗情况说明 — as
   needed: present when the program holds one (investigation and follow-up records, a printed
   confirmation application, evidence and receipts filed as attachments); the explanatory
   note is paper only.
7. 调解记录 — required unless refused: at least one mediation record that is not a private
   note. A simple-procedure case may instead have its matter and result on file (a summary
   and an outcome).
8. 协议书 or 口头协议登记表 — required when agreed: the agreement with at least one term
   (an oral agreement may have its content in the facts alone).
13. 封底 — printed with the dossier, always present.

Every required item can still be made present after closing (records may be added as
addenda), so the archive rule never leaves a case stuck.
"""

from __future__ import annotations

from dataclasses import dataclass

from mediation_desk.errors import NotFound
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.database import Store
from mediation_desk.store.models import (
    Agreement,
    AgreementTerm,
    Attachment,
    Case,
    CaseEvent,
    Party,
    PrintedDocument,
    Record,
)

PAPER_ONLY = "纸质材料（可扫描后作为附件归档）"


@dataclass(frozen=True)
class DossierItem:
    number: int  # the position in the file, 1–13 (domain.md)
    title: str
    required: bool  # must be present before the case may be archived
    present: bool
    note: str = ""  # why it is (not) present, or what to check on paper


def _filed(count: int) -> str:
    """An as-needed item's note: the files filed for it, or that it is kept on paper."""
    return f"已归档电子文件{count}份" if count else PAPER_ONLY


def _identity_gaps(parties: list[Party]) -> list[str]:
    gaps = []
    for p in parties:
        if p.kind == "organization":
            if not p.legal_representative.strip():
                gaps.append(f"{p.name}未登记法定代表人")
        elif not p.id_number.strip():
            gaps.append(f"{p.name}未登记证件号码")
    return gaps


def case_items(case: Case) -> list[DossierItem]:
    """The thirteen items for a case row (readable inside the caller's transaction)."""
    parties = list(Party.live().where(Party.case == case).order_by(Party.position))
    records = [r for r in Record.live().where(Record.case == case) if not r.private]
    kinds = {r.kind for r in records}
    events = list(CaseEvent.live().where(CaseEvent.case == case))
    steps = {e.step for e in events}
    registered_late = any(e.step == "register" and e.to_status not in ("", "registered")
                          for e in events)
    agreement = Agreement.live().where(Agreement.case == case).first()
    terms = (AgreementTerm.live().where(AgreementTerm.agreement == agreement).count()
             if agreement is not None else 0)
    printed = {d.kind for d in PrintedDocument.live().where(PrintedDocument.case == case)}
    filed = [a.kind for a in Attachment.live().where(Attachment.case == case)]
    evidence = sum(1 for k in filed if k in ("evidence", "photo"))
    receipts = filed.count("receipt")
    refused = case.outcome == "refused" or case.status == "refused" or "refuse" in steps
    simple = case.procedure == "simple"

    if "notify_rights" in steps:
        notice = (True, "")
    elif registered_late:
        notice = (True, "随历史案件一并登记，告知书见纸质卷宗")
    elif simple and "mediation" in kinds:
        notice = (True, "简易程序：当场口头告知，记入调解记录")
    else:
        notice = (False, "未进行“告知权利义务”")

    identity_gaps = _identity_gaps(parties)
    agents = [f"{p.name}的委托代理人{p.agent}" for p in parties if p.agent.strip()]

    if "mediation" in kinds:
        session = (True, "")
    elif simple and case.summary.strip() and case.outcome:
        session = (True, "简易程序：已记录纠纷事项和调解结果")
    else:
        session = (False, "没有调解记录")

    agreed = agreement is not None or case.outcome == "success"
    if agreement is None:
        deal = (False, "没有协议" if agreed else "")
        deal_title = "人民调解协议书或口头协议登记表"
    elif agreement.form == "oral":
        deal = (bool(terms or agreement.facts.strip()), "" if terms or agreement.facts.strip()
                else "口头协议没有记录内容")
        deal_title = "口头协议登记表"
    else:
        deal = (terms > 0, "" if terms else "书面协议没有条款")
        deal_title = "人民调解协议书"

    return [
        DossierItem(1, "人民调解申请书或受理登记表", True, True),
        DossierItem(2, "人民调解当事人权利义务告知书", not refused, notice[0], notice[1]),
        DossierItem(3, "当事人身份证明", True, not identity_gaps, "；".join(identity_gaps)),
        DossierItem(4, "授权委托书", bool(agents), bool(agents),
                    "请核对签名的授权委托书：" + "、".join(agents) if agents else ""),
        DossierItem(5, "人民调解调查记录", False, "investigation" in kinds),
        DossierItem(6, "证据材料", False, bool(evidence), _filed(evidence)),
        DossierItem(7, "人民调解记录", not refused, session[0], session[1]),
        DossierItem(8, deal_title, agreed, deal[0], deal[1]),
        DossierItem(9, "履行凭证", False, bool(receipts), _filed(receipts)),
        DossierItem(10, "人民调解回访记录", False, "followup" in kinds),
        DossierItem(11, "司法确认材料", False, "confirmation" in printed),
        DossierItem(12, "卷宗情况说明", False, False, PAPER_ONLY),
        DossierItem(13, "封底", True, True, "随卷宗一并打印"),
    ]


def gaps(items: list[DossierItem]) -> list[str]:
    """The required items not present, each as "title（why）"."""
    return [f"{i.title}（{i.note}）" if i.note else i.title
            for i in items if i.required and not i.present]


class DossierService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def _case(self, case_id: str) -> Case:
        case = Case.get_live(case_id)
        if case is None:
            raise NotFound(f"找不到案件 {case_id}")
        return case

    def items(self, case_id: str) -> list[DossierItem]:
        """The file's items in order, for the 卷宗 checklist."""
        return case_items(self._case(case_id))

    def missing(self, case_id: str) -> list[str]:
        """What must still be added before the case can be archived (empty = complete)."""
        return gaps(self.items(case_id))
