"""The library of law articles briefs quote: the defaults in code, the room's edits over them.

Why overlay and not a copy: a new law edition or a typo fixed in the defaults reaches every
room that has not changed that article, and a room's own edit is never overwritten. An edit of
a default is stored under the default's key with an id derived from it, so a desk and a patrol
laptop editing the same article meet on one row when they sync.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from mediation_desk.domain.law_articles import DEFAULT_ARTICLES, TOPICS, Article
from mediation_desk.errors import NotFound, PermissionDenied, Problem, ValidationError
from mediation_desk.services.shared import audit
from mediation_desk.services.shared.actor import Actor
from mediation_desk.store.changes import ChangeSet
from mediation_desk.store.database import Store
from mediation_desk.store.models import LawArticle

RECORD = "法条库"
_NAMESPACE = uuid.UUID("5b0c4e8e-6d1a-4f0e-9a53-1d7c0f1e2a14")


@dataclass(frozen=True)
class ArticleView:
    key: str
    law: str
    article: str
    text: str
    topics: tuple[str, ...]
    active: bool
    edited: bool  # the room changed a default, or added this one
    default: bool  # one of the articles the program ships

    @property
    def citation(self) -> str:
        return f"《{self.law}》{self.article}"

    def as_article(self) -> Article:
        return Article(self.key, self.law, self.article, self.text, self.topics)


def row_id(key: str) -> str:
    """The id of the row holding a default's edit: the same on every device."""
    return str(uuid.uuid5(_NAMESPACE, key))


class ArticleLibraryService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def articles(self, include_retired: bool = False) -> list[ArticleView]:
        """Defaults (as edited) in their order, then the room's own additions."""
        rows = {r.key: r for r in LawArticle.live()}
        out = []
        for a in DEFAULT_ARTICLES:
            r = rows.pop(a.key, None)
            if r is None:
                out.append(ArticleView(a.key, a.law, a.article, a.text, a.topics, True,
                                       False, True))
            else:
                out.append(ArticleView(a.key, r.law, r.article, r.text,
                                       tuple(json.loads(r.topics)), r.active, True, True))
        for r in sorted(rows.values(), key=lambda r: (r.position, r.created_at)):
            out.append(ArticleView(r.key, r.law, r.article, r.text,
                                   tuple(json.loads(r.topics)), r.active, True, False))
        return [a for a in out if include_retired or a.active]

    def article(self, key: str) -> ArticleView:
        for a in self.articles(include_retired=True):
            if a.key == key:
                return a
        raise NotFound(f"法条库中没有“{key}”")

    def save(self, key: str, law: str, article: str, text: str,
             topics: tuple[str, ...] = ()) -> ChangeSet:
        """Change an article (``key``) or add one (``key`` empty)."""
        self._require_manager()
        problems = []
        for value, label in ((law, "法律名称"), (article, "条文序号"), (text, "条文内容")):
            if not value.strip():
                problems.append(Problem(RECORD, label, "不能为空"))
        unknown = [t for t in topics if t not in TOPICS]
        if unknown:
            problems.append(Problem(RECORD, "适用类别", "未知：" + "、".join(unknown)))
        if problems:
            raise ValidationError(problems)
        values = {"law": law.strip().strip("《》"), "article": article.strip(),
                  "text": text.strip(), "topics": json.dumps(list(topics), ensure_ascii=False)}
        with self.store.write() as changes:
            if key:
                current = self.article(key)
                row = LawArticle.get_or_none(LawArticle.key == key)
                if row is None:
                    row = LawArticle.create(id=row_id(key), key=key, **values,
                                            position=0, active=current.active)
                    audit.record(self.actor, "create", row, detail=f"修改法条 {key}")
                else:
                    for name, value in values.items():
                        setattr(row, name, value)
                    row.deleted_at = None
                    row.save()
                    audit.record(self.actor, "update", row, detail=f"修改法条 {key}")
            else:
                position = LawArticle.select().count()
                row = LawArticle.create(key=str(uuid.uuid4()), position=position, **values)
                audit.record(self.actor, "create", row,
                             detail=f"新增法条 《{row.law}》{row.article}")
            changes.touch("law_article")
        return changes

    def set_active(self, key: str, active: bool) -> ChangeSet:
        """Retire an article from the picker (briefs already saved keep their text) or bring
        it back."""
        self._require_manager()
        current = self.article(key)
        with self.store.write() as changes:
            row = LawArticle.get_or_none(LawArticle.key == key)
            if row is None:
                row = LawArticle.create(id=row_id(key), key=key, law=current.law,
                                        article=current.article, text=current.text,
                                        topics=json.dumps(list(current.topics),
                                                          ensure_ascii=False),
                                        active=active)
            else:
                row.active = active
                row.save()
            audit.record(self.actor, "update", row,
                         detail=("启用" if active else "停用") + f"法条 {current.citation}")
            changes.touch("law_article")
        return changes

    def _require_manager(self) -> None:
        if self.actor.role not in ("director", "admin"):
            raise PermissionDenied("只有调委会主任或管理员可以修改法条库")
