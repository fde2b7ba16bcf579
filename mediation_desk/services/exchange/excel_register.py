"""Reading an old Excel register (台账): the first sheet, one row per case, Chinese headers.

Registers have habits: title rows above the header, a two-row header under merged cells,
"2026年11月2日" as text beside real date cells, "张三、李四" in one cell with their ID numbers in
the same order, amounts in 万元. Problems of *shape* are listed here, naming the spreadsheet
row ("第3行"); rules about *content* (ID check digits, phones, dates) are :mod:`validation`'s,
run by the importer with the same labels. Columns and synonyms: docs/case-format.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel

from mediation_desk.domain.dictionaries import DISPUTE_TYPES
from mediation_desk.domain.limits import MAX_IMPORT_CASES
from mediation_desk.domain.money import parse_yuan
from mediation_desk.errors import DomainError, Problem
from mediation_desk.services.cases.drafts import (
    AgreementDraft,
    CaseDraft,
    MediatorDraft,
    PartyDraft,
    TermDraft,
)

T = TypeVar("T")
HEADER = "表头"
MAX_TITLE_ROWS = 5
MAX_COLUMNS = 200  # a register has a few dozen; more is a damaged or hostile file
REQUIRED = ("受理日期", "纠纷类型", "申请人", "被申请人")

# Canonical column → synonyms seen in registers (compared without spaces, "*", "(必填)", "(元)").
CASE_COLUMNS: dict[str, tuple[str, ...]] = {
    "案件编号": ("案号", "调解案号", "调解编号", "卷宗编号"), "案件来源": ("来源", "纠纷来源"),
    "受理日期": ("登记日期", "受理时间", "收案日期", "受理登记日期"),
    "纠纷类型": ("纠纷类别", "纠纷种类", "案件类型", "案件类别"), "标题": ("案件名称", "纠纷名称"),
    "村（社区）": ("村居", "村社区", "所属村", "所在村", "村别", "村", "社区"),
    "纠纷简要情况": ("简要情况", "纠纷情况", "基本情况", "简要案情", "案情简介", "纠纷概况"),
    "申请事项": ("调解请求", "请求事项"), "风险等级": ("风险", "风险级别", "预警等级"),
    "程序": ("调解程序", "适用程序"), "涉及金额": ("涉案金额", "标的额", "争议金额"),
    "涉及人数": ("人数", "涉案人数"), "调解员": ("调解人员", "承办调解员", "承办人", "经办人"),
    "记录人": ("书记员",), "调解结果": ("调处结果", "处理结果"), "协议形式": ("协议类型",),
    "协议内容": ("协议主要内容", "调解协议内容", "协议条款"),
    "协议日期": ("协议达成日期", "达成协议日期", "协议签订日期"), "义务人": ("履行义务人",),
    "权利人": (), "协议金额": ("协议涉及金额", "履行金额"), "履行期限": ("履行日期",),
    "履行方式": (), "履行地点": (),
}
SIDES: dict[str, tuple[str, ...]] = {"applicant": ("申请人", "申请方"),
                                     "respondent": ("被申请人", "被申请方", "对方当事人"),
                                     "third_party": ("第三人", "第三方")}
# Party attribute → suffixes after the side ("申请人" + "联系电话"); the first is the label.
PARTY_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "", "名称"), "kind": ("类型", "类别"), "gender": ("性别",),
    "ethnicity": ("民族",), "birth_date": ("出生日期", "生日"), "id_type": ("证件类型",),
    "id_number": ("身份证号码", "身份证号", "身份证", "公民身份号码", "证件号码", "证件号"),
    "phone": ("联系电话", "电话", "电话号码", "手机", "手机号码", "联系方式"),
    "address": ("住址", "地址", "家庭住址", "住所", "住所地", "现住址"),
    "occupation": ("职业", "职业或职务", "工作单位"),
    "legal_representative": ("法定代表人", "负责人"), "agent": ("委托代理人", "代理人"),
}
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
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                   r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?")
_OUTCOME = re.compile(r"成功|失败|达成|未果|终止|调结|撤回|撤诉|不成|和解|结案")
_FAILED = re.compile(r"不成|失败|未达成|未果|终止|撤回|撤诉|拒绝")
ID_CARD = ("居民身份证", "身份证", "二代身份证", "resident_id")


def _text(value: Any) -> str:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def _key(value: Any) -> str:
    """A header as compared: NFKC, no whitespace, no "*", "(必填)", "(元)" or trailing colon."""
    text = "".join(unicodedata.normalize("NFKC", _text(value)).split())
    return re.sub(r"\*|\((?:必填|选填|可选|万?元|人)\)|:$", "", text)


def _aliases() -> dict[str, str]:
    aliases = {_key(name): canon for canon, more in CASE_COLUMNS.items() for name in (canon, *more)}
    for prefixes in SIDES.values():
        for attr, suffixes in PARTY_FIELDS.items():
            canon = prefixes[0] + ("" if attr == "name" else suffixes[0])
            aliases.update({_key(p + s): canon for p in prefixes for s in suffixes})
    return aliases


def _as_date(value: Any) -> date:
    if isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    if isinstance(value, int | float) and not isinstance(value, bool) and 20000 <= value < 80000:
        return from_excel(value).date()  # type: ignore[no-any-return]  # an unformatted serial
    text = unicodedata.normalize("NFKC", _text(value))
    match = _DATE.fullmatch(text) or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)
    if match is None:
        raise DomainError(f"日期应写成 2026-11-02、2026/11/2 或 2026年11月2日，实际为“{text}”")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise DomainError(f"“{text}”不是真实日期") from None


def _as_money(value: Any, wan: bool = False) -> int:
    """Yuan ("12000", "1,200.50", "￥500", "500元"), or 万元 ("1.2万", or a 万元 column)."""
    text = "".join(unicodedata.normalize("NFKC", _text(value)).split()).removesuffix("元")
    if text.endswith("万"):
        wan, text = True, text[:-1]
    try:
        return parse_yuan(Decimal(text.removeprefix("¥").replace(",", "")) * 10000) if wan \
            else parse_yuan(text)
    except InvalidOperation:
        raise DomainError("金额格式不正确") from None


def _as_int(value: Any) -> int:
    text = unicodedata.normalize("NFKC", _text(value)).removesuffix("人").strip()
    if isinstance(value, bool) or not text.isdigit():
        raise DomainError(f"应为整数，实际为“{_text(value)}”")
    return int(text)


def _choice(spec: str, hint: str) -> Callable[[Any], str]:
    """A converter from words to codes: "red=红 红色|blue=蓝 蓝色" (each code also itself)."""
    table = {word: code for group in spec.split("|")
             for code, words in [group.split("=")] for word in (code, *words.split())}

    def convert(value: Any) -> str:
        word = unicodedata.normalize("NFKC", _text(value)).lower()
        if word not in table:
            raise DomainError(f"应为 {hint} 之一，实际为“{_text(value)}”")
        return table[word]
    return convert


def _id_text(value: Any) -> str:
    if isinstance(value, float):
        raise DomainError("被Excel存成了数字，末几位已丢失；请把该列设为“文本”格式后重新填写")
    return _text(value)


ALIASES = _aliases()
RISK = _choice("red=红 红色|orange=橙 橙色|yellow=黄 黄色|blue=蓝 蓝色", "红 / 橙 / 黄 / 蓝")
PROCEDURE = _choice("normal=一般 一般程序 普通 普通程序|simple=简易 简易程序", "一般 / 简易")
FORM = _choice("written=书面 书面协议|oral=口头 口头协议", "书面 / 口头")
CONVERT: dict[str, Callable[[Any], Any]] = {
    "kind": _choice("person=个人 自然人 公民|organization=单位 法人 组织 企业 非法人组织",
                    "个人 / 单位"),
    "gender": _choice("male=男 男性 m|female=女 女性 f", "男 / 女"),
    "birth_date": _as_date, "id_number": _id_text,
    "id_type": lambda v: "resident_id" if _text(v).lower() in ID_CARD else "other",
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

    def text(self, col: str) -> str:
        return _text(self.values.get(col))

    def convert(self, value: Any, label: str, convert: Callable[[Any], T]) -> T | None:
        if _text(value) == "":
            return None
        try:
            return convert(value)
        except DomainError as exc:
            self.problems.append(Problem(self.record, label, exc.reason))
            return None

    def get(self, col: str, convert: Callable[[Any], T], label: str = "") -> T | None:
        return self.convert(self.values.get(col), label or col, convert)

    def money(self, value: Any, col: str, label: str = "") -> int | None:
        return self.convert(value, label or col, lambda v: _as_money(v, col in self.wan))

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
                                        CONVERT.get(attr, _text))
                if converted is not None:
                    setattr(person, attr, converted)
        if prefixes[0] + "类型" not in row.values:  # no type written: judge by the name
            for person in people:
                if len(person.name) >= 4 and person.name.endswith(ORG_SUFFIXES):
                    person.kind = "organization"
        draft.parties += people


def _agreement(row: _Row, draft: CaseDraft) -> None:
    """协议内容 (or a 调解结果 that is more than "调解成功"), one term per line."""
    content, result = row.text("协议内容"), row.text("调解结果")
    if not content and (re.search(r"\d", result) or not (
            _FAILED.search(result) or (len(result) <= 12 and _OUTCOME.search(result)))):
        content, result = result, ""  # not a mere "调解成功" / "调解不成功": the terms
    reached = row.get("协议日期", _as_date, "协议 达成日期")
    form = row.get("协议形式", FORM, "协议 形式")
    if content or reached or form:
        agreement = draft.agreement = AgreementDraft(form=form or "written", reached_on=reached)
        texts = _items(content, _TERM_SPLIT)
        n = len(texts)
        money_home = next((i for i, t in enumerate(texts) if "元" in t), 0)
        columns = zip(row.parts("义务人", n, _SEP), row.parts("权利人", n, _SEP),
                      row.parts("协议金额", n, _MONEY_SEP, False, money_home),
                      row.parts("履行期限", n, _SEP), row.parts("履行方式", n, _LINE_SEP),
                      row.parts("履行地点", n, _LINE_SEP), strict=True)
        names = sorted((p.name for p in draft.parties if p.name), key=len, reverse=True)
        respondent = next((p.name for p in draft.parties if p.side == "respondent"), "")
        for i, (text, (obligor, obligee, amount, due, method, place)) in enumerate(
                zip(texts, columns, strict=True), start=1):
            named = next((name for name in names if text.startswith(name)), "")
            agreement.terms.append(TermDraft(
                text=text, obligor=_text(obligor) or named or respondent, obligee=_text(obligee),
                amount_fen=row.money(amount, "协议金额", f"协议条款[{i}] 金额"),
                due_on=row.convert(due, f"协议条款[{i}] 履行期限", _as_date),
                method=_text(method), place=_text(place)))
    if result and not (draft.agreement and not _FAILED.search(result)):
        draft.summary = f"{draft.summary}\n调解结果：{result}".strip()  # kept, not lost


def _read_row(row: _Row) -> CaseDraft:
    d = CaseDraft(number=row.text("案件编号"), title=row.text("标题"),
                  village=row.text("村（社区）"), summary=row.text("纠纷简要情况"),
                  received_on=row.get("受理日期", _as_date),
                  requests=_items(row.text("申请事项"), _LINE_SEP),
                  risk_level=row.get("风险等级", RISK) or "blue",
                  procedure=row.get("程序", PROCEDURE) or "normal",
                  amount_fen=row.money(row.values.get("涉及金额"), "涉及金额"),
                  people_involved=row.get("涉及人数", _as_int))
    source = row.text("案件来源")
    d.source = SOURCES.get(source, source) or "当事人申请"
    d.dispute_type = row.text("纠纷类型")
    if not d.dispute_type.endswith("纠纷") and f"{d.dispute_type}纠纷" in DISPUTE_TYPES:
        d.dispute_type += "纠纷"  # "邻里" → 邻里纠纷, as in the dictionary
    mediators = _names(row.text("调解员"))
    d.mediators = [MediatorDraft(m, "member" if i else "lead") for i, m in enumerate(mediators)]
    d.mediators += [MediatorDraft(m, "recorder") for m in _names(row.text("记录人"))
                    if m not in mediators]
    _parties(row, d)
    _agreement(row, d)
    return d


def _known(cells: Sequence[Any]) -> set[str]:
    return {ALIASES[k] for k in map(_key, cells) if k in ALIASES}


def _combine(top: Sequence[Any], sub: Sequence[Any]) -> list[str]:
    """A two-row header: merged parents ("申请人" over 姓名/电话/住址) joined to children."""
    out: list[str] = []
    parent = ""
    for j in range(max(len(top), len(sub))):
        t, s = (_text(r[j]) if j < len(r) else "" for r in (top, sub))
        parent = t or parent
        out.append(parent + s if s and _key(parent + s) in ALIASES else t or s)
    return out


def _header(rows: list[tuple[Any, ...]]
            ) -> tuple[int, dict[int, str], dict[str, str], list[Problem]]:
    """Data start, column → canonical name, canonical → header as written, problems."""
    top = rows[: MAX_TITLE_ROWS + 1]
    at = next((i for i, r in enumerate(top) if "受理日期" in _known(r)), None)
    if at is None:
        count, at = max(((len(_known(r)), i) for i, r in enumerate(top)), default=(0, 0))
        if count < 2:
            return 0, {}, {}, [Problem(HEADER, "", f"前{MAX_TITLE_ROWS + 1}行中找不到表头（应有"
                                       "“受理日期”“纠纷类型”“申请人”“被申请人”等列）")]
    names, start = [_text(v) for v in rows[at]], at + 1
    if start < len(rows) and all(isinstance(v, str | None) for v in rows[start]):
        combined = _combine(rows[at], rows[start])
        if len(_known(combined)) > len(_known(names)):
            names, start = combined, start + 1
    cols: dict[int, str] = {}
    headers: dict[str, str] = {}
    problems: list[Problem] = []
    for j, name in enumerate(names):
        canon, shown = ALIASES.get(_key(name)), "".join(name.split())
        if canon in headers:
            problems.append(Problem(HEADER, "", f"“{headers[canon]}”与“{shown}”是同一列，只能留一个"))
        elif canon is not None:
            cols[j], headers[canon] = canon, shown
    problems += [Problem(HEADER, "", f"缺少“{name}”列") for name in REQUIRED
                 if name not in headers]
    return start, cols, headers, problems


class _TooLarge(Exception):
    """More rows than an import may hold (domain/limits.py)."""


def _load(path: Path) -> list[tuple[Any, ...]]:
    """Every row of the first sheet, row 1 first, or DomainError saying why not."""
    try:
        with path.open("rb") as f:
            if f.read(4) == b"\xd0\xcf\x11\xe0":
                raise DomainError("是旧版 .xls 或设了密码的Excel文件，"
                                  "请在Excel中另存为不加密码的 .xlsx 后再导入")
    except FileNotFoundError:
        raise DomainError("文件不存在") from None
    except OSError as exc:
        raise DomainError(f"无法读取文件，可能正被其他程序打开（{exc.strerror}）") from None
    # A damaged file raises whatever the parser hits (BadZipFile, KeyError…), even lazily.
    wb = None
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
        sheet = wb.worksheets[0]
        sheet.reset_dimensions()  # some programs record a wrong sheet size: read every row
        rows = []
        for row in sheet.iter_rows(min_row=1, values_only=True):
            rows.append(row[:MAX_COLUMNS])
            if len(rows) > MAX_IMPORT_CASES + MAX_TITLE_ROWS + 2:
                raise _TooLarge
        return rows
    except _TooLarge:
        raise DomainError(f"行数太多：一次最多导入{MAX_IMPORT_CASES}件案件") from None
    except Exception:
        raise DomainError("不是有效的Excel文件（.xlsx），或文件已损坏") from None
    finally:
        if wb is not None:
            wb.close()


def read_excel_cases(path: Path) -> tuple[list[CaseDraft], list[str], list[Problem]]:
    """Drafts from the register's first sheet, a label per draft ("第3行"), every problem."""
    try:
        rows = _load(path)
    except DomainError as exc:
        return [], [], [Problem(path.name, "", exc.reason)]
    start, cols, headers, problems = _header(rows)
    if problems:
        return [], [], problems
    wan = {canon for canon, shown in headers.items() if "万元" in shown}  # amounts in 万元
    drafts: list[CaseDraft] = []
    labels: list[str] = []
    for index in range(start, len(rows)):
        cells = rows[index]
        values = {canon: cells[j] for j, canon in cols.items()
                  if j < len(cells) and _text(cells[j]) != ""}
        if not values or ("受理日期" not in values and any(
                _key(v) in ("合计", "总计", "小计") for v in cells if isinstance(v, str))):
            continue  # a blank (or only numbered) row, or a totals row under the table
        row = _Row(f"第{index + 1}行", values, headers, wan)
        drafts.append(_read_row(row))
        labels.append(row.record)
        problems += row.problems
    return drafts, labels, problems
