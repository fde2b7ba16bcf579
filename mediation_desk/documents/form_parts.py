"""Wording and sorting shared by the case-file forms (application … dossier), kept pure.

Why a module of its own: several forms say the same things — who was present at a session,
which dispute, the party's details in one sentence as a court writes them, whether the case
ended by termination — and a dossier prints them side by side, so they must read alike. Like
``text.py`` this imports no reportlab: ``problems()`` of every form runs when the window shows
a case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mediation_desk.documents.data import CaseFile, FollowUpInfo, PartyInfo, RecordInfo
from mediation_desk.documents.text import age_text, cn_date, ordered_parties

#: Labels a record's body sometimes repeats in its first lines (typed from an old template, or
#: written by the demo generator); the form prints them in its own header, so not twice.
_HEADER_LABELS = ("调查时间", "调查地点", "被调查人", "调查人", "记录人", "调解时间", "调解地点",
                  "调解事项", "参加人员", "参加人", "时间", "地点")


def cn_time(at: datetime) -> str:
    """2026年3月4日9时30分 — the way a record states its time."""
    return f"{cn_date(at.date())}{at.hour}时{at.minute:02d}分"


def dispute_words(case: CaseFile) -> str:
    """The dispute as a noun phrase ("邻里纠纷"); a type typed without 纠纷 gets it added."""
    kind = case.dispute_type.strip() or "民间"
    return kind if kind.endswith("纠纷") else f"{kind}纠纷"


def names(parties: tuple[PartyInfo, ...] | list[PartyInfo]) -> str:
    return "、".join(p.name for p in parties)


def names_with_sides(case: CaseFile) -> str:
    """张喆（申请人）、李堃（被申请人）… in side order."""
    return "、".join(f"{p.name}（{p.side_label}）" for p in ordered_parties(case))


def mediator_names(case: CaseFile, *, with_recorder: bool = True) -> str:
    """The case's mediators, lead first (the recorder last, or left out)."""
    rank = {"lead": 0, "member": 1, "recorder": 2}
    ordered = sorted(case.mediators, key=lambda m: rank.get(m.role, 1))
    return "、".join(m.name for m in ordered if with_recorder or m.role != "recorder")


def party_sentence(p: PartyInfo) -> str:
    """One party as a court document introduces it, e.g.
    "张喆，男，汉族，1971年3月2日出生，身份证号码350524…，农民，住福建省…，联系电话139…"."""
    if p.kind == "organization":
        bits = [p.name, f"住所：{p.address}" if p.address else "",
                f"法定代表人：{p.legal_representative}" if p.legal_representative else "",
                f"统一社会信用代码：{p.id_number}" if p.id_number else "",
                f"联系电话：{p.phone}" if p.phone else ""]
    else:
        born = age_text(p)
        born = f"{born}出生" if p.birth_date else born
        label = "身份证号码" if p.id_type == "resident_id" else "证件号码"
        bits = [p.name, p.gender, p.ethnicity, born,
                f"{label}{p.id_number}" if p.id_number else "", p.occupation,
                f"住{p.address}" if p.address else "", f"联系电话{p.phone}" if p.phone else ""]
    text = "，".join(b for b in bits if b) + "。"
    if p.agent:
        text += f"委托代理人：{p.agent}。"
    return text


def is_terminated(case: CaseFile) -> bool:
    """Mediation was ended without agreement (Art 26), whatever the status is now."""
    return bool(case.termination_reason.strip()) or "终止" in case.outcome \
        or "终止" in case.status


def uses_application(case: CaseFile) -> bool:
    """Whether the file opens with the party's application (申请书) rather than the room's
    intake register (受理登记表): the case came by a party's application."""
    return "申请" in case.source


def records_of(case: CaseFile, kind: str) -> list[RecordInfo]:
    """Records of one kind in time order (the order the dossier files them)."""
    return sorted((r for r in case.records if r.kind == kind), key=lambda r: r.at)


def done_followups(case: CaseFile) -> list[FollowUpInfo]:
    """Follow-up visits that took place (a scheduled visit has no record yet)."""
    done = [f for f in case.followups if f.done_on is not None]
    return sorted(done, key=lambda f: f.done_on or f.due_on)


def record_body(record: RecordInfo) -> str:
    """The body without leading "调查时间：…" style lines the form already prints."""
    lines = record.body.splitlines()
    while lines and (not lines[0].strip() or any(
            lines[0].strip().startswith(label + "：") for label in _HEADER_LABELS)):
        lines.pop(0)
    return "\n".join(lines)


@dataclass(frozen=True)
class Present:
    """Who took part in one record, sorted into the roles the form prints."""

    parties: tuple[str, ...]  # "张喆（申请人）", "陈堃（被申请人…法定代表人）"
    signers: tuple[str, ...]  # the same people, name only, for signature lines
    mediators: tuple[str, ...]  # the room's people present (not the recorder)
    others: tuple[str, ...]  # invited helpers (Art 20): elders, cadres, relatives, experts


def present(case: CaseFile, record: RecordInfo) -> Present:
    """Sort a record's participants: parties (and their representatives or agents), the room's
    mediators, and everyone else. The recorder (the record's author) is printed on its own."""
    staff = {m.name for m in case.mediators}
    by_name = {p.name: p for p in case.parties}
    parties: list[str] = []
    signers: list[str] = []
    mediators: list[str] = []
    others: list[str] = []
    for raw in record.participants:
        name = raw.strip()
        if not name or name == record.author:
            continue
        if name in by_name:
            parties.append(f"{name}（{by_name[name].side_label}）")
            signers.append(name)
        elif name in staff:
            mediators.append(name)
        elif rep := next((p for p in case.parties if p.legal_representative == name), None):
            parties.append(f"{name}（{rep.side_label}{rep.name}的法定代表人）")
            signers.append(name)
        elif agent := next((p for p in case.parties
                            if p.agent and p.agent.split("（")[0].strip() == name), None):
            parties.append(f"{name}（{agent.side_label}{agent.name}的委托代理人）")
            signers.append(name)
        else:
            others.append(name)
    return Present(tuple(parties), tuple(signers), tuple(mediators), tuple(others))
