"""The whole case file (调解卷宗) in one PDF, and its table of contents (卷内目录).

Order is domain.md's table: cover; contents; the application or the intake register; the
rights notice; the identity-proof sheet; investigation records; (evidence, on paper); mediation
records; the written or oral agreement; (receipts of performance, on paper); follow-up records;
the judicial-confirmation application; the termination notice; the back cover (卷内备考表).
Each document starts on a new page and numbers its own pages ("第 x 页 共 y 页"), exactly as
it prints on its own, so the file matches the sheets the parties signed.

Page numbers in the contents are real. As archives do, the cover and the contents are not
numbered; every page after them carries its file page number (卷内页号) in the top right
corner, and the contents' 页次 column gives those numbers. They are found by building twice:
zero-size probes record the page each document starts on, and the second build prints them
(a third runs only if the contents itself changed length). Items kept on paper only (ID copies,
evidence, receipts, powers of attorney) are listed with where to insert them, not numbered.
Files filed to the case (附件) are listed where they belong, each with its date; image ones
print as pages of the file (documents/attachment_pages.py), others are kept electronically.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mediation_desk.documents import attachment_pages as attachments
from mediation_desk.documents.data import CaseFile, PartyInfo
from mediation_desk.documents.form_parts import (
    done_followups,
    is_terminated,
    records_of,
    uses_application,
)
from mediation_desk.documents.text import (
    BLANK_DATE,
    FormSpec,
    cn_date,
    cn_number,
    ordered_parties,
)
from mediation_desk.errors import Problem

if TYPE_CHECKING:
    from mediation_desk.documents.layout import Kit

TITLE = "调解卷宗"
CONTENTS_TITLE = "卷内目录"
IDENTITY_TITLE = "当事人身份证明"
BACK_TITLE = "卷内备考表"
PAPER = "纸质"
#: Keys of the dossier's own sheets (not registry kinds).
IDENTITY, BACK = "identity-sheet", "back-cover"


@dataclass(frozen=True)
class Item:
    """One row of the contents. ``kind`` is a registry kind or one of the dossier's own sheets
    (IDENTITY, BACK); ``None`` for material kept on paper only."""

    name: str
    kind: str | None
    note: str = ""

    @property
    def printed(self) -> bool:
        return self.kind is not None


@dataclass(frozen=True)
class Pages:
    """Where each printed item sits: file page numbers (1 = first page after the contents)."""

    spans: tuple[tuple[int, int], ...]  # per printed item, in order: (first, last)
    total: int  # numbered pages in the file


def _count(n: int) -> str:
    return f"共{cn_number(n)}份" if n > 1 else ""


def items(case: CaseFile) -> list[Item]:
    """The file's contents for this case, in order (pure: no layout)."""
    out: list[Item] = []
    if uses_application(case):
        out.append(Item("人民调解申请书", "application"))
    else:
        out.append(Item("人民调解受理登记表", "intake"))
    out.append(Item("人民调解当事人权利义务告知书", "notice"))
    out.append(Item(IDENTITY_TITLE, IDENTITY, f"证件复印件（{PAPER}）附本页后"))
    if any(p.agent.strip() for p in case.parties):
        out.append(Item("授权委托书", None, PAPER))
    investigations = records_of(case, "investigation")
    if investigations:
        out.append(Item("人民调解调查记录", "investigation", _count(len(investigations))))
    out.append(Item("证据材料（如有）", None, PAPER))
    out += [Item(*entry) for entry in attachments.entries(case, attachments.EVIDENCE)]
    sessions = records_of(case, "mediation")
    if sessions or not case.refusal_reason.strip():
        out.append(Item("人民调解记录", "record", _count(len(sessions))))
    a = case.agreement
    if a is not None:
        if a.form == "written":
            out.append(Item("人民调解协议书", "agreement"))
        else:
            out.append(Item("口头调解协议登记表", "oral-agreement"))
        out += [Item(*entry) for entry in attachments.entries(case, attachments.SIGNED)]
        out.append(Item("履行凭证（如有）", None, PAPER))
        out += [Item(*entry) for entry in attachments.entries(case, attachments.RECEIPTS)]
    visits = done_followups(case)
    if visits:
        out.append(Item("人民调解回访记录", "followup", _count(len(visits))))
    if a is not None and a.form == "written" and _confirmation_ready(case):
        out.append(Item("司法确认申请书及调解证明", "confirmation"))
    if is_terminated(case):
        out.append(Item("终止人民调解告知书", "termination"))
    later = attachments.OTHER if a is not None else (*attachments.OTHER, *attachments.SIGNED,
                                                      *attachments.RECEIPTS)
    out += [Item(*entry) for entry in attachments.entries(case, later)]
    out.append(Item(f"封底（{BACK_TITLE}）", BACK))
    return out


def _confirmation_ready(case: CaseFile) -> bool:
    """Judicial confirmation is "as needed" (domain.md): the file holds the application when
    the case carries what it needs (every party's identity and contacts), and a party's
    missing phone never blocks printing the rest of the file."""
    from mediation_desk.documents import form

    return not form("confirmation").problems(case)


def problems(case: CaseFile) -> list[Problem]:
    """Every included form's problems, each missing field named once."""
    from mediation_desk.documents import form

    out: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for item in items(case):
        if item.kind is None or item.kind in (IDENTITY, BACK) or attachments.is_attachment(
                item.kind):
            continue
        for p in form(item.kind).problems(case):
            if (p.field, p.reason) not in seen:
                seen.add((p.field, p.reason))
                out.append(p)
    return out


# -- the dossier's own sheets ----------------------------------------------------------------

def _id_type(p: PartyInfo) -> str:
    if p.kind == "organization":
        return "统一社会信用代码" if p.id_number else "营业执照"
    return "居民身份证" if p.id_type == "resident_id" else "其他身份证件"


def identity_story(case: CaseFile, kit: Kit) -> list[Any]:
    parties = ordered_parties(case)
    rows = [[str(i), f"{p.side_label}", p.name, _id_type(p), p.id_number or "（未登记）"]
            for i, p in enumerate(parties, 1)]
    out: list[Any] = [*kit.title(IDENTITY_TITLE, f"案件编号：{case.number}")]
    out.append(kit.grid(["序号", "身份", "姓名或名称", "证件类型", "证件号码"], rows,
                        [0.8, 1.6, 2.6, 2.2, 3.6], center=(0, 1)))
    out += [kit.space(4), kit.para(
        "各方当事人的身份证件复印件（法人或者其他组织为营业执照复印件和法定代表人身份证明）"
        "附于本页之后。")]
    agents = [p for p in parties if p.agent.strip()]
    if agents:
        who = "、".join(f"{p.name}的委托代理人{p.agent}" for p in agents)
        out.append(kit.para(f"委托代理人：{who}。其身份证件复印件和授权委托书一并附后。"))
    return out


def back_story(case: CaseFile, kit: Kit, entries: list[Item], pages: Pages | None) -> list[Any]:
    printed = sum(1 for e in entries if e.printed)
    paper = len(entries) - printed
    total = str(pages.total) if pages else "00"
    summary = (f"本卷共有文书材料{len(entries)}项，其中打印文书{printed}项，共{total}页"
               f"（不含封面、卷内目录）；{PAPER}材料{paper}项按卷内目录备注所示位置附入，页数另计。")
    out: list[Any] = [*kit.title(BACK_TITLE, f"案件编号：{case.number}")]
    out.append(kit.fields([
        (("本卷情况说明", summary, 40),),
        (("立卷人", case.filed_by), ("立卷日期", cn_date(case.archived_on))),
        (("检查人", ""), ("检查日期", BLANK_DATE)),
        (("备注", "", 40),),
    ], label_width=_mm(30)))
    return out


def contents_story(case: CaseFile, kit: Kit, entries: list[Item],
                   pages: Pages | None) -> list[Any]:
    rows: list[list[str]] = []
    printed_index = 0
    last_end = 0
    for n, item in enumerate(entries, 1):
        if item.printed:
            first, last = pages.spans[printed_index] if pages else (0, 0)
            span = f"{first}" if first == last else f"{first}-{last}"
            rows.append([str(n), item.name, span, item.note])
            printed_index += 1
            last_end = last
        else:
            where = f"，附第{last_end if pages else 0}页后" if printed_index else ""
            rows.append([str(n), item.name, "", item.note + where])
    out: list[Any] = [*kit.title(CONTENTS_TITLE, f"案件编号：{case.number}")]
    out.append(kit.grid(["序号", "文书名称", "页次", "备注"], rows, [0.75, 4.4, 1.0, 3.85],
                        center=(0, 2)))
    out += [kit.space(3), kit.para(
        "注：页次为卷内页号（每页右上角）；纸质材料按备注所示位置附入，不编入打印页号。", "small")]
    return out


# -- building --------------------------------------------------------------------------------

def _section_story(case: CaseFile, kit: Kit, item: Item, entries: list[Item],
                   pages: Pages | None) -> list[Any]:
    from mediation_desk.documents import form

    if item.kind == IDENTITY:
        return identity_story(case, kit)
    if item.kind == BACK:
        return back_story(case, kit, entries, pages)
    assert item.kind is not None
    if attachments.is_attachment(item.kind):
        return attachments.story(case, kit, item.kind)
    spec = form(item.kind)
    assert spec.story is not None, f"{item.kind}: the dossier needs a story"
    return spec.story(case, kit)


def _compact_kinds(case: CaseFile, entries: list[Item]) -> set[str]:
    """Forms that print compact on their own (fit_one_page) are compact in the file too, so
    the file's pages are the sheets that were signed."""
    from mediation_desk.documents import form, page_count
    from mediation_desk.documents.layout import Kit

    compact: set[str] = set()
    for item in entries:
        if item.kind is None or item.kind in (IDENTITY, BACK) or attachments.is_attachment(
                item.kind):
            continue
        spec = form(item.kind)
        if not spec.fit_one_page or spec.story is None:
            continue
        kit = Kit(case.room, spec.title)
        if page_count(kit.render(spec.story(case, kit), spec.title)) != 2:
            continue
        small = Kit(case.room, spec.title, compact=True)
        if page_count(small.render(spec.story(case, small), spec.title)) == 1:
            compact.add(item.kind)
    return compact


def _story(case: CaseFile, kit: Kit, entries: list[Item], pages: Pages | None,
           probes: dict[str, int], compact: set[str]) -> tuple[list[Any], list[Kit]]:
    from mediation_desk.documents.cover import story as cover_story
    from mediation_desk.documents.layout import Kit

    kits = [kit]
    story: list[Any] = [*cover_story(case, kit)]
    story += [kit.page_break(), kit.section("contents", numbered=False),
              *contents_story(case, kit, entries, pages)]
    for i, item in enumerate(e for e in entries if e.printed):
        section_kit = kit
        if item.kind in compact:
            section_kit = Kit(case.room, item.name, compact=True)
            kits.append(section_kit)
        story += [kit.page_break(), kit.section(f"item-{i}"), _probe(f"item-{i}", probes),
                  *_section_story(case, section_kit, item, entries, pages)]
    return story, kits


def layout(case: CaseFile) -> tuple[bytes, list[Item], Pages]:
    """The dossier PDF, its contents and where each printed item sits."""
    from mediation_desk.documents.layout import Kit

    entries = items(case)
    compact = _compact_kinds(case, entries)
    pages: Pages | None = None
    pdf = b""
    for _ in range(4):
        probes: dict[str, int] = {}
        kit = Kit(case.room, TITLE)
        story, kits = _story(case, kit, entries, pages, probes, compact)
        pdf, last_page = _render(kit, kits, story, probes)
        found = _pages(probes, sum(1 for e in entries if e.printed), last_page)
        if found == pages:
            return pdf, entries, found
        pages = found
    raise RuntimeError("卷内目录页码未能收敛")  # pragma: no cover - two passes always settle


def build(case: CaseFile) -> bytes:
    return layout(case)[0]


def build_contents(case: CaseFile) -> bytes:
    """The contents sheet alone, with the page numbers of the whole file."""
    from mediation_desk.documents.layout import Kit

    _, entries, pages = layout(case)
    kit = Kit(case.room, CONTENTS_TITLE)
    story = [kit.section("contents", numbered=False), *contents_story(case, kit, entries, pages)]
    return kit.render(story, CONTENTS_TITLE)


def _pages(probes: dict[str, int], count: int, last_page: int) -> Pages:
    first = probes["item-0"]
    starts = [probes[f"item-{i}"] - first + 1 for i in range(count)]
    total = last_page - first + 1
    ends = [s - 1 for s in starts[1:]] + [total]
    return Pages(tuple(zip(starts, ends, strict=True)), total)


def _probe(key: str, sink: dict[str, int]) -> Any:
    """A zero-size flowable that notes the page it lands on (where a document starts)."""
    from reportlab.platypus import Flowable

    class Probe(Flowable):  # type: ignore[misc]
        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            sink[key] = self.canv.getPageNumber()

    return Probe()


def _render(kit: Kit, kits: list[Kit], story: list[Any],
            probes: dict[str, int]) -> tuple[bytes, int]:
    """Kit.render plus the file page number stamped top right from the first document on;
    also returns the number of pages."""
    from reportlab.lib.units import mm

    width, height = kit.pagesize
    right = kit.margins[3]
    seen = {"last": 0}

    def stamp(base: type) -> type:
        class StampedCanvas(base):  # type: ignore[misc, valid-type]
            def showPage(self) -> None:
                page = self.getPageNumber()
                seen["last"] = page
                first = probes.get("item-0")
                if first is not None and page >= first:
                    self.saveState()
                    self.setFont(kit.chain.primary, 14)
                    self.drawRightString(width - right, height - 20 * mm,
                                         str(page - first + 1))
                    self.restoreState()
                super().showPage()

        return StampedCanvas

    pdf = kit.render(story, TITLE, other_kits=kits, stamp=stamp)
    return pdf, seen["last"]


def _mm(n: float) -> float:
    from reportlab.lib.units import mm

    return float(n * mm)


FORM = FormSpec("dossier", TITLE, problems, build=build)
CONTENTS = FormSpec("contents", CONTENTS_TITLE, problems, build=build_contents)
