"""Printing a case's documents and filing each printout back to the case.

The flow the window and the command line share: :meth:`PrintingService.forms` says which forms
the case has and what each still lacks; :meth:`render` builds one (reading the case, building
the PDF, counting pages and hashing it) without writing anything — a preview is not filing;
:meth:`file_printed` records what actually went to the printer or to a file (a
:class:`PrintedDocument` row and a "print" audit event on the case, which shows on its
操作记录), so a paper in the dossier can be matched to what the program produced by its hash.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from mediation_desk import clock, documents
from mediation_desk.documents import agreement as agreement_form
from mediation_desk.documents.data import CaseFile
from mediation_desk.errors import NotFound, Problem, ValidationError
from mediation_desk.services.cases.number_lookup import find_case
from mediation_desk.services.printing.case_file import read_case_file
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.changes import ChangeSet
from mediation_desk.store.database import Store
from mediation_desk.store.models import Case, PrintedDocument

ACTIONS = {"print": "打印", "save": "保存为PDF"}
MAX_COPIES = 99
#: Forms that go to every party and one to the room (domain.md: N parties → N+1 originals).
PER_PARTY_KINDS = ("agreement",)
#: Forms printed with the agreement's warnings (a court reads both).
AGREEMENT_KINDS = ("agreement", "confirmation")


@dataclass(frozen=True)
class FormChoice:
    kind: str  # a contract.md print kind
    title: str  # its Chinese title
    available: bool  # it can be built now
    missing: tuple[str, ...]  # "字段：原因" lines; empty when available
    applies: bool  # False: this case has no such document (no investigation, no agreement…)


@dataclass(frozen=True)
class RenderedDocument:
    case_id: str
    kind: str
    title: str
    pdf: bytes
    pages: int
    sha256: str
    default_copies: int  # agreement: parties + 1; others 1
    warnings: tuple[str, ...]  # vague terms and dispute types courts will not confirm


@dataclass(frozen=True)
class PrintedView:
    id: str
    kind: str
    title: str
    at: datetime  # local time
    user_name: str
    action: str  # print | save
    copies: int
    pages: int
    sha256: str


def _now() -> datetime:
    return clock.now().replace(microsecond=0)


#: Forms every case has: it was registered, and its file has a cover and contents.
ALWAYS = ("intake", "cover", "contents", "dossier")


def applicable_kinds(case: CaseFile) -> set[str]:
    """The kinds of document ``case`` has at all (the window greys out the others): the
    forms its dossier holds — the same list the dossier builder prints — plus the intake
    register, which every case has even when its file holds the application instead, and
    the confirmation application of any written agreement (the dossier leaves it out while
    it lacks data; the 文书 tab names what)."""
    from mediation_desk.documents.dossier import items

    kinds = set(ALWAYS) | {item.kind for item in items(case)
                           if item.kind is not None and item.kind in documents.KINDS}
    if case.agreement is not None and case.agreement.form == "written":
        kinds.add("confirmation")  # applies; the 文书 tab says what it still lacks
    return kinds


def agreement_warnings(case: CaseFile) -> tuple[str, ...]:
    """What to tell the mediator before the parties sign (domain.md, judicial confirmation)."""
    agreement = case.agreement
    if agreement is None:
        return ()
    return tuple(agreement_form.warnings(case))


def _line(problem: Problem) -> str:
    return f"{problem.field}：{problem.reason}" if problem.field else problem.reason


class PrintingService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    # -- reading ----------------------------------------------------------------------------
    def _case(self, case_id: str) -> Case:
        case = Case.get_live(case_id)
        if case is None:
            raise NotFound(f"找不到案件 {case_id}")
        return case

    def case_file(self, case_id: str, *, images: bool = False) -> CaseFile:
        """Everything the forms of this case print (private notes never included); with
        ``images``, the image attachments' bytes too (the whole-file print shows them)."""
        return read_case_file(self.store, self._case(case_id), filer=self.actor.name,
                              images=images)

    def forms(self, case_id: str) -> list[FormChoice]:
        """Every printable form in dossier order, with whether it applies and what it lacks."""
        case = self.case_file(case_id)
        has = applicable_kinds(case)
        choices = []
        for kind, title in documents.KINDS.items():
            missing = tuple(_line(p) for p in documents.problems(kind, case))
            choices.append(FormChoice(kind, title, not missing, missing, kind in has))
        return choices

    # -- building ---------------------------------------------------------------------------
    def _check_kind(self, kind: str) -> str:
        title = documents.KINDS.get(kind)
        if title is None:
            raise ValidationError(Problem("", "文书种类", "应为 " + " ".join(documents.KINDS)
                                          + " 之一"))
        return title

    def render(self, case_id: str, kind: str) -> RenderedDocument:
        """Build one form as PDF bytes. Writes nothing: previewing is not filing.

        Raises ValidationError naming the fields to fill, or ``UnprintableCharacters``
        naming characters no font can draw.
        """
        title = self._check_kind(kind)
        case = self.case_file(case_id, images=kind == "dossier")
        pdf = documents.build(kind, case)
        copies = len(case.parties) + 1 if kind in PER_PARTY_KINDS else 1
        return RenderedDocument(
            case_id=case_id, kind=kind, title=title, pdf=pdf,
            pages=documents.page_count(pdf), sha256=hashlib.sha256(pdf).hexdigest(),
            default_copies=copies,
            warnings=agreement_warnings(case) if kind in AGREEMENT_KINDS else ())

    def render_by_number(self, number: str, kind: str) -> RenderedDocument:
        self._check_kind(kind)
        return self.render(find_case(number).id, kind)

    # -- filing -----------------------------------------------------------------------------
    def file_printed(self, document: RenderedDocument, *, action: str = "print",
                     copies: int = 1) -> ChangeSet:
        """Record that ``document`` was printed (or saved as PDF) and audit it on its case."""
        if action not in ACTIONS:
            raise ValidationError(Problem("", "操作", "应为 print 或 save"))
        if not 1 <= copies <= MAX_COPIES:
            raise ValidationError(Problem("", "份数", f"应在1至{MAX_COPIES}之间"))
        with self.store.write() as changes:
            case = self._case(document.case_id)
            PrintedDocument.create(
                case=case, kind=document.kind, title=document.title, at=_now(),
                account=self.actor.account_id or None, user_name=self.actor.name,
                action=action, copies=copies, pages=document.pages, sha256=document.sha256)
            how = f"{copies}份" if action == "print" else ACTIONS[action]
            audit.record(self.actor, "print", case,
                         detail=f"{document.title} {how} sha256:{document.sha256[:12]}…")
            changes.touch("case", case.id)
            changes.touch("printed", case.id)
        return changes

    def printed(self, case_id: str) -> list[PrintedView]:
        """The case's printouts, newest first (its 文书 list)."""
        return [PrintedView(d.id, d.kind, d.title, d.at, d.user_name, d.action, d.copies,
                            d.pages, d.sha256)
                for d in PrintedDocument.live().where(PrintedDocument.case == case_id)
                .order_by(PrintedDocument.at.desc(), PrintedDocument.created_at.desc())]
