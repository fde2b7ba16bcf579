"""Reading an old Excel register (台账): one row per case, each arriving as it ended.

Registers have habits: "张三、李四" in one cell with their ID numbers in the same order,
amounts in 万元, the agreement's terms written into the 调解结果 column, and — the point of
importing an old register — the outcome in the room's own words (调解成功, 调解不成功, 撤回,
处理中) with a 结案日期 and seldom an agreement date. Each row becomes a draft whose
:class:`ArrivalDraft` carries those words and dates; :mod:`arrival` decides the state the case
arrives in. Problems of *shape* are listed here, naming the spreadsheet row ("第3行"); rules
about *content* are :mod:`validation`'s and :mod:`arrival`'s, run by the importer with the
same labels. The sheet's layout (title rows, two-row headers, synonyms): :mod:`excel_sheet`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from mediation_desk.domain.dictionaries import DISPUTE_TYPES
from mediation_desk.errors import DomainError, Problem
from mediation_desk.services.cases.drafts import (
    AgreementDraft,
    ArrivalDraft,
    CaseDraft,
    MediatorDraft,
    PartyDraft,
    TermDraft,
)
from mediation_desk.services.exchange import outcomes
from mediation_desk.services.exchange.excel_sheet import (
    PARTIES_TOGETHER,
    PARTY_FIELDS,
    SIDES,
    as_date,
    as_int,
    as_money,
    choice,
    find_header,
    id_text,
    is_totals,
    key,
    load,
)
from mediation_desk.services.exchange.excel_sheet import text as cell

T = TypeVar("T")
# One value written for several people applies to all of them (a family's address, one phone).
SHARED = frozenset({"kind", "id_type", "ethnicity", "address", "phone", "occupation", "agent"})
ORG_SUFFIXES = ("公司", "委员会", "合作社", "厂", "学校", "医院", "协会", "集团", "银行",
                "中心", "商行", "事务所", "门市部")
SOURCES = {"申请": "当事人申请", "主动": "调委会主动调解", "主动调解": "调委会主动调解",
           "排查": "排查发现", "法院委托": "法院委托移送", "法院移送": "法院委托移送",
           "公安移送": "公安机关委托移送", "派出所移送": "公安机关委托移送",
           "信访移送": "信访部门委托移送", "政府移送": "政府部门委托移送"}
_SEP = r"[、，,；;\n]"  # between people or values in one cell
_ADDR_SEP = _MONEY_SEP = r"[、；;\n]"  # addresses keep their commas, amounts their 1,200
_LINE_SEP = r"[；;\n]"
_NUMBERING = r"(?:[(（]?[0-9一二三四五六七八九十]+[)）、.．:：](?![0-9])|[①-⑳])"
_TERM_SPLIT = re.compile(r"\n|[；;](?=\s*" + _NUMBERING + ")")
# "张三与李四", "张三诉李四", "申请人：张三；被申请人：李四" in one 当事人 cell.
_LABELLED = re.compile(r"申请(?:人|方)[:：]?(?P<a>.+?)[；;，,\s]*被申请(?:人|方)[:：]?(?P<b>.+)")
_VERSUS = re.compile(r"与|诉|(?i:\s+vs\.?\s+)|—+|－|/|／")
ID_CARD = ("居民身份证", "身份证", "二代身份证", "resident_id")
AMOUNT_ONLY_TERM = "（台账未录入协议条款，仅记有协议金额）"
AMOUNT_ONLY = "台账有协议金额而没有协议内容：记为一条协议条款，金额照录，条款见纸质卷宗"
TOGETHER_SPLIT = "“当事人”一栏未分申请人和被申请人：第一位记为申请人，其余记为被申请人"
RISK = choice("red=红 红色|orange=橙 橙色|yellow=黄 黄色|blue=蓝 蓝色", "红 / 橙 / 黄 / 蓝")
PROCEDURE = choice("normal=一般 一般程序 普通 普通程序|simple=简易 简易程序", "一般 / 简易")
FORM = choice("written=书面 书面协议|oral=口头 口头协议", "书面 / 口头")
CONVERT: dict[str, Callable[[Any], Any]] = {
    "kind": choice("person=个人 自然人 公民|organization=单位 法人 组织 企业 非法人组织",
                   "个人 / 单位"),
    "gender": choice("male=男 男性 m|female=女 女性 f", "男 / 女"),
    "birth_date": as_date, "id_number": id_text,
    "id_type": lambda v: "resident_id" if cell(v).lower() in ID_CARD else "other",
}


def _names(text: str) -> list[str]:
    """People in one cell; "张　三" (padded to align on paper) is 张三."""
    return [re.sub(r"\s", "", n) if re.fullmatch(r"[\u4e00-\u9fff\s]+", n) else n.strip()
            for n in re.split(_SEP, text) if n.strip()]


def _items(text: str, split: str | re.Pattern[str]) -> list[str]:
    """Requests or terms, one per line, without their numbering ("1、", "（二）", "③")."""
    items = (re.sub(r"^\s*" + _NUMBERING + r"\s*", "", part).strip()
             for part in re.split(split, text))
    return [item for item in items if item]


class _Row:
    """One spreadsheet row: typed values out of its cells, problems collected, never raised."""

    def __init__(self, record: str, values: dict[str, Any], headers: dict[str, str],
                 wan: set[str]) -> None:
        self.record, self.values, self.headers, self.wan = record, values, headers, wan
        self.problems: list[Problem] = []
        self.arrival: ArrivalDraft | None = None

    def text(self, col: str) -> str:
        return cell(self.values.get(col))

    def convert(self, value: Any, label: str, convert: Callable[[Any], T]) -> T | None:
        if cell(value) == "":
            return None
        try:
            return convert(value)
        except DomainError as exc:
            self.problems.append(Problem(self.record, label, exc.reason))
            return None

    def get(self, col: str, convert: Callable[[Any], T], label: str = "") -> T | None:
        return self.convert(self.values.get(col), label or col, convert)

    def money(self, value: Any, col: str, label: str = "") -> int | None:
        return self.convert(value, label or col, lambda v: as_money(v, col in self.wan))

    def parts(self, col: str, count: int, sep: str, shared: bool = True,
              home: int | None = None) -> list[Any]:
        """One value per person (or term); a single value is shared (or put at ``home``)."""
        value = self.values.get(col)
        if value is None or count <= 1:
            return [value] * count
        pieces = [p.strip() for p in re.split(sep, value)] if isinstance(value, str) else [value]
        if len(pieces) == count:
            return pieces
        if len(pieces) == 1 and (shared or home is not None):
            return pieces * count if shared else [value if i == home else None
                                                  for i in range(count)]
        self.problems.append(Problem(self.record, self.headers[col], (
            f"应按相同顺序用“、”分隔填写{count}项（与人数或条款数相同），实际为{len(pieces)}项")))
        return [None] * count


def _parties(row: _Row, draft: CaseDraft) -> None:
    for side, prefixes in SIDES.items():
        people = [PartyDraft(side=side, name=name) for name in _names(row.text(prefixes[0]))]
        first = len(draft.parties) + 1
        for attr, suffixes in PARTY_FIELDS.items():
            col = prefixes[0] + suffixes[0]
            if attr == "name" or col not in row.values or not people:
                continue
            values = row.parts(col, len(people), _ADDR_SEP if attr == "address" else _SEP,
                               attr in SHARED)
            for k, (person, value) in enumerate(zip(people, values, strict=True), start=first):
                converted = row.convert(value, f"当事人[{k}] {suffixes[0]}",
                                        CONVERT.get(attr, cell))
                if converted is not None:
                    setattr(person, attr, converted)
        if prefixes[0] + "类型" not in row.values:  # no type written: judge by the name
            for person in people:
                if len(person.name) >= 4 and person.name.endswith(ORG_SUFFIXES):
                    person.kind = "organization"
        draft.parties += people


def _agreement(row: _Row, draft: CaseDraft) -> None:
    """协议内容 (or a 调解结果 that is the terms rather than a verdict), one term per line;
    a 调解成功 row without any of it still has its agreement (terms left in the paper file)."""
    content, result = row.text("协议内容"), row.text("调解结果")
    if not content and not outcomes.is_verdict(result):
        content, result = result, ""  # not a mere "调解成功" / "调解不成功": the terms
    said = outcomes.classify(result)
    reached = row.get("协议日期", as_date, "协议 达成日期")
    form = row.get("协议形式", FORM, "协议 形式")
    if content or reached or form or said.code == outcomes.SUCCESS:
        agreement = draft.agreement = AgreementDraft(form=form or "written", reached_on=reached)
        texts = _items(content, _TERM_SPLIT)
        if not texts and row.text("协议金额"):  # the money a report counts, without its terms
            texts = [AMOUNT_ONLY_TERM]
            assert draft.arrival is not None
            draft.arrival.read_notes.append(AMOUNT_ONLY)
        n = len(texts)
        money_home = next((i for i, t in enumerate(texts) if "元" in t), 0)
        columns = zip(row.parts("义务人", n, _SEP), row.parts("权利人", n, _SEP),
                      row.parts("协议金额", n, _MONEY_SEP, False, money_home),
                      row.parts("履行期限", n, _SEP), row.parts("履行方式", n, _LINE_SEP),
                      row.parts("履行地点", n, _LINE_SEP), strict=True)
        names = sorted((p.name for p in draft.parties if p.name), key=len, reverse=True)
        respondent = next((p.name for p in draft.parties if p.side == "respondent"), "")
        for i, (term, (obligor, obligee, amount, due, method, place)) in enumerate(
                zip(texts, columns, strict=True), start=1):
            named = next((name for name in names if term.startswith(name)), "")
            agreement.terms.append(TermDraft(
                text=term, obligor=cell(obligor) or named or respondent, obligee=cell(obligee),
                amount_fen=row.money(amount, "协议金额", f"协议条款[{i}] 金额"),
                due_on=row.convert(due, f"协议条款[{i}] 履行期限", as_date),
                method=cell(method), place=cell(place)))
    if result and not (draft.agreement and said.code == outcomes.SUCCESS):
        draft.summary = f"{draft.summary}\n调解结果：{result}".strip()  # kept, not lost
    assert draft.arrival is not None
    draft.arrival.outcome = said.code
    draft.arrival.outcome_text = result


def _together(row: _Row) -> list[str]:
    """A "当事人" cell naming both sides: the applicants' and the respondents' names as the
    side columns would hold them; the note says when the sides had to be guessed."""
    words = row.text(PARTIES_TOGETHER)
    labelled = _LABELLED.search(words)
    if labelled:
        return [labelled["a"], labelled["b"]]
    parts = [p for p in _VERSUS.split(words, maxsplit=1) if p.strip()]
    if len(parts) == 2:
        return parts
    names = _names(words)
    if len(names) < 2:
        return [words, ""]
    assert row.arrival is not None
    row.arrival.read_notes.append(TOGETHER_SPLIT)
    return [names[0], "、".join(names[1:])]


def _read_row(row: _Row) -> CaseDraft:
    d = CaseDraft(number=row.text("案件编号"), title=row.text("标题"),
                  village=row.text("村（社区）"), summary=row.text("纠纷简要情况"),
                  received_on=row.get("受理日期", as_date),
                  requests=_items(row.text("申请事项"), _LINE_SEP),
                  risk_level=row.get("风险等级", RISK) or "blue",
                  procedure=row.get("程序", PROCEDURE) or "normal",
                  amount_fen=row.money(row.values.get("涉及金额"), "涉及金额"),
                  people_involved=row.get("涉及人数", as_int))
    d.arrival = row.arrival
    if row.text("备注"):
        d.summary = f"{d.summary}\n备注：{row.text('备注')}".strip()
    source = row.text("案件来源")
    d.source = SOURCES.get(source, source) or "当事人申请"
    d.dispute_type = row.text("纠纷类型")
    if not d.dispute_type.endswith("纠纷") and f"{d.dispute_type}纠纷" in DISPUTE_TYPES:
        d.dispute_type += "纠纷"  # "邻里" → 邻里纠纷, as in the dictionary
    mediators = _names(row.text("调解员"))
    d.mediators = [MediatorDraft(m, "member" if i else "lead") for i, m in enumerate(mediators)]
    d.mediators += [MediatorDraft(m, "recorder") for m in _names(row.text("记录人"))
                    if m not in mediators]
    if PARTIES_TOGETHER in row.values:
        applicants, respondents = _together(row)
        row.values.update({SIDES["applicant"][0]: applicants,
                           SIDES["respondent"][0]: respondents})
    _parties(row, d)
    _agreement(row, d)
    a = d.arrival
    assert a is not None
    a.closed_on = row.get("结案日期", as_date)
    a.mediated_on = row.get("调解日期", as_date)
    a.archived_on = row.get("归档日期", as_date)
    return d


def read_excel_cases(path: Path) -> tuple[list[CaseDraft], list[str], list[Problem]]:
    """Drafts from the register's first sheet, a label per draft ("第3行"), every problem."""
    try:
        rows = load(path)
    except DomainError as exc:
        return [], [], [Problem(path.name, "", exc.reason)]
    layout = find_header(rows)
    if layout.problems:
        return [], [], layout.problems
    problems: list[Problem] = []
    wan = {canon for canon, shown in layout.headers.items() if "万元" in shown}  # in 万元
    drafts: list[CaseDraft] = []
    labels: list[str] = []
    for index in range(layout.start, len(rows)):
        cells = rows[index]
        values = {canon: cells[j] for j, canon in layout.columns.items()
                  if j < len(cells) and cell(cells[j]) != ""}
        if not values or is_totals(cells) or ("受理日期" not in values and any(
                key(v) in ("合计", "总计", "小计") for v in cells if isinstance(v, str))):
            continue  # a blank (or only numbered) row, or a totals row under the table
        row = _Row(f"第{index + 1}行", values, layout.headers, wan)
        row.arrival = ArrivalDraft(source=f"{path.name} {row.record}", register_row=True,
                                   read_notes=list(layout.notes))
        drafts.append(_read_row(row))
        labels.append(row.record)
        problems += row.problems
    return drafts, labels, problems
