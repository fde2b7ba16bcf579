"""以案释法 briefs of concluded cases: draft, check, save with the case, print or write .docx.

The rule that matters: nothing identifying a party leaves in a brief. The draft is anonymised
(domain/anonymise.py); whatever the mediator then types is checked against the case's
parties — names, agents, legal representatives, ID numbers, phones, addresses — and the case
number, and saving, printing and writing are all refused while anything survives, naming the
section and what was found. A brief with no saved text is drafted afresh and checked the same
way before it is printed.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from mediation_desk import clock, documents
from mediation_desk.documents.report_data import BriefSheet
from mediation_desk.domain.anonymise import find_leaks
from mediation_desk.domain.law_articles import suggested_keys
from mediation_desk.errors import NotFound, Problem, ValidationError
from mediation_desk.services.briefs.drafting import (
    SECTIONS,
    BriefDraft,
    draft_of,
    legal_basis_text,
    secrets_of,
)
from mediation_desk.services.briefs.library import ArticleLibraryService, ArticleView
from mediation_desk.services.printing.case_file import read_room
from mediation_desk.services.printing.service import PrintingService, RenderedDocument
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.changes import ChangeSet
from mediation_desk.store.database import Store
from mediation_desk.store.models import Agreement, Brief, Case

RECORD = "以案释法"
CONCLUDED = ("success", "failure", "terminated")
TITLE_LIMIT = 60


@dataclass(frozen=True)
class BriefResult:
    changes: ChangeSet


class BriefService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor
        self.library = ArticleLibraryService(store, actor)

    def _case(self, case_id: str) -> Case:
        case = Case.get_live(case_id)
        if case is None:
            raise NotFound(f"找不到案件 {case_id}")
        return case

    def case_by_number(self, number: str) -> Case:
        """A case by its number, or by a short number (contract v2): ``82`` is this year's
        第82号, ``2026-82`` that year's."""
        text = number.strip()
        case: Case | None = Case.live().where(Case.number == text).first()
        short = re.fullmatch(r"(?:(\d{4})-)?(\d{1,6})", text)
        if case is None and short:
            year = int(short.group(1) or clock.today().year)
            case = Case.live().where(Case.number_year == year,
                                     Case.number_seq == int(short.group(2))).first()
        if case is None:
            raise NotFound(f"找不到编号为“{number}”的案件")
        return case

    def _concluded(self, case: Case) -> None:
        has_agreement = Agreement.live().where(Agreement.case == case).exists()
        if case.outcome not in CONCLUDED and not has_agreement:
            raise ValidationError(Problem(RECORD, "案件", "调解尚未结束（须已达成协议、终止或"
                                                         "调解不成功），不能写以案释法"))
        if case.anonymised_on is not None:
            raise ValidationError(Problem(RECORD, "案件", "该案件个人信息已按保存期限删除，"
                                                         "无法核对脱敏结果"))

    # -- drafting ---------------------------------------------------------------------------------
    def suggested_articles(self, case_id: str) -> list[ArticleView]:
        case = self._case(case_id)
        library = self.library.articles()
        keys = suggested_keys(case.dispute_type, [a.as_article() for a in library])
        return [a for a in library if a.key in keys]

    def draft(self, case_id: str, *, generalise_villages: bool = False,
              article_keys: Sequence[str] | None = None) -> BriefDraft:
        """A fresh anonymised draft (nothing written)."""
        case = self._case(case_id)
        self._concluded(case)
        articles = (self.suggested_articles(case_id) if article_keys is None
                    else [self.library.article(k) for k in article_keys])
        return draft_of(case, secrets_of(case), articles,
                        generalise_villages=generalise_villages)

    def legal_basis(self, keys: Sequence[str]) -> str:
        """The 法律依据 section quoting these articles (the editor rebuilds it on a pick)."""
        return legal_basis_text([self.library.article(k) for k in keys])

    # -- checking and saving ----------------------------------------------------------------------
    def check(self, case_id: str, draft: BriefDraft) -> list[Problem]:
        """Every surviving piece of personal data, by section; [] when the text is clean."""
        case = self._case(case_id)
        secrets = secrets_of(case)
        problems = []
        for _, heading, text in [("title", "标题", draft.title), *draft.sections()]:
            for leak in find_leaks(text, secrets.people, case_numbers=secrets.case_numbers,
                                   keep=secrets.keep):
                problems.append(Problem(f"{RECORD} {heading}", leak.kind, leak.reason))
        return problems

    def problems(self, case_id: str, draft: BriefDraft) -> list[Problem]:
        found = []
        if not draft.title.strip():
            found.append(Problem(RECORD, "标题", "不能为空"))
        elif len(draft.title.strip()) > TITLE_LIMIT:
            found.append(Problem(RECORD, "标题", f"不能超过{TITLE_LIMIT}字"))
        if not draft.facts.strip():
            found.append(Problem(RECORD, "基本案情", "不能为空"))
        return found + self.check(case_id, draft)

    def save(self, case_id: str, draft: BriefDraft) -> BriefResult:
        """Save the reviewed brief with its case; refused while anything identifies a party."""
        case = self._case(case_id)
        self._concluded(case)
        problems = self.problems(case_id, draft)
        if problems:
            raise ValidationError(problems)
        values = {name: getattr(draft, name).strip() for name, _ in SECTIONS}
        values["title"] = draft.title.strip()
        with self.store.write() as changes:
            row = Brief.live().where(Brief.case == case).first()
            fields = dict(values, articles=json.dumps(draft.articles, ensure_ascii=False),
                          generalise_villages=draft.generalise_villages,
                          reviewed_by=self.actor.name,
                          reviewed_at=clock.now().replace(microsecond=0))
            if row is None:
                row = Brief.create(case=case, **fields)
                audit.record(self.actor, "create", row, detail=f"以案释法：{row.title}")
            else:
                for name, value in fields.items():
                    setattr(row, name, value)
                row.save()
                audit.record(self.actor, "update", row, detail=f"以案释法：{row.title}")
            changes.touch("brief", case.id)
        return BriefResult(changes)

    def saved(self, case_id: str) -> BriefDraft | None:
        row = Brief.live().where(Brief.case == case_id).first()
        if row is None:
            return None
        return BriefDraft(title=row.title, facts=row.facts, process=row.process,
                          legal_basis=row.legal_basis, reasoning=row.reasoning,
                          articles=list(json.loads(row.articles or "[]")),
                          generalise_villages=row.generalise_villages)

    # -- output -----------------------------------------------------------------------------------
    def _ready(self, case_id: str, draft: BriefDraft | None) -> tuple[Case, BriefDraft]:
        case = self._case(case_id)
        self._concluded(case)
        draft = draft or self.saved(case_id) or self.draft(case_id)
        problems = self.problems(case_id, draft)
        if problems:
            raise ValidationError(problems)
        return case, draft

    def sheet(self, case_id: str, draft: BriefDraft | None = None) -> BriefSheet:
        case, draft = self._ready(case_id, draft)
        return BriefSheet(room=read_room(self.store)[0], title=draft.title.strip(),
                          dispute_type=case.dispute_type,
                          sections=tuple((heading, text) for _, heading, text
                                         in draft.sections()),
                          on=clock.today())

    def render_pdf(self, case_id: str, draft: BriefDraft | None = None) -> RenderedDocument:
        from mediation_desk.documents import brief

        sheet = self.sheet(case_id, draft)
        pdf = brief.build(sheet)
        return RenderedDocument(case_id=case_id, kind="brief", title=f"以案释法：{sheet.title}",
                                pdf=pdf, pages=documents.page_count(pdf),
                                sha256=hashlib.sha256(pdf).hexdigest(), default_copies=1,
                                warnings=())

    def render_docx(self, case_id: str, draft: BriefDraft | None = None) -> RenderedDocument:
        """The brief as a Word document (for the town's newsletter or WeChat account), in the
        same shape as the PDF; ``pdf`` holds the .docx bytes."""
        from mediation_desk.documents import brief_docx

        sheet = self.sheet(case_id, draft)
        data = brief_docx.build(sheet)
        return RenderedDocument(case_id=case_id, kind="brief",
                                title=f"以案释法：{sheet.title}（Word）", pdf=data, pages=0,
                                sha256=hashlib.sha256(data).hexdigest(), default_copies=1,
                                warnings=())

    def file(self, document: RenderedDocument, action: str = "save") -> ChangeSet:
        """File a printed or saved brief to its case, like any printed document."""
        return PrintingService(self.store, self.actor).file_printed(document, action=action)
