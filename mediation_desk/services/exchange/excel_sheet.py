"""The sheet of an old Excel register: loading it, finding its header, reading its cells.

Registers are laid out the way each room started them years ago: title rows and merged cells
above the header, a two-row header (a merged "申请人" over 姓名 / 身份证号码 / 电话, or a
"调解情况" over 调解结果 / 结案日期), the same column under many names (受理日期, 登记日期,
收案日期), dates as Excel dates or typed as 2024.3.5, 2024年3月5日, 2024/3/5. This module
turns a sheet into rows of canonical column → cell value; :mod:`excel_register` turns each row
into a case. Columns and synonyms: docs/case-format.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel

from mediation_desk.domain.limits import MAX_IMPORT_CASES
from mediation_desk.domain.money import parse_yuan
from mediation_desk.errors import DomainError, Problem

HEADER = "表头"
MAX_TITLE_ROWS = 5
MAX_COLUMNS = 200  # a register has a few dozen; more is a damaged or hostile file
REQUIRED = ("受理日期", "纠纷类型")
PARTIES_TOGETHER = "当事人"  # one column naming both sides ("张三与李四")

# Canonical column → synonyms seen in registers (compared without spaces, "*", "(必填)", "(元)").
CASE_COLUMNS: dict[str, tuple[str, ...]] = {
    "案件编号": ("案号", "调解案号", "调解编号", "卷宗编号"), "案件来源": ("来源", "纠纷来源"),
    "受理日期": ("登记日期", "受理时间", "收案日期", "受理登记日期", "登记时间"),
    "纠纷类型": ("纠纷类别", "纠纷种类", "案件类型", "案件类别"), "标题": ("案件名称", "纠纷名称"),
    "村（社区）": ("村居", "村社区", "所属村", "所在村", "村别", "村", "社区"),
    "纠纷简要情况": ("简要情况", "纠纷情况", "基本情况", "简要案情", "案情简介", "纠纷概况",
                   "纠纷简要", "主要纠纷事实", "纠纷事由"),
    "申请事项": ("调解请求", "请求事项"), "风险等级": ("风险", "风险级别", "预警等级"),
    "程序": ("调解程序", "适用程序"), "涉及金额": ("涉案金额", "标的额", "争议金额"),
    "涉及人数": ("人数", "涉案人数"), "调解员": ("调解人员", "承办调解员", "承办人", "经办人"),
    "记录人": ("书记员",), "调解结果": ("调处结果", "处理结果", "调解结论", "处理情况"),
    "协议形式": ("协议类型",),
    "协议内容": ("协议主要内容", "调解协议内容", "协议条款"),
    "协议日期": ("协议达成日期", "达成协议日期", "协议签订日期"), "义务人": ("履行义务人",),
    "权利人": (), "协议金额": ("协议涉及金额", "履行金额"), "履行期限": ("履行日期",),
    "履行方式": (), "履行地点": (),
    "调解日期": ("调解时间", "调处日期", "调处时间"),
    "结案日期": ("结案时间", "办结日期", "办结时间", "调结日期", "调结时间", "完结日期",
             "终结日期", "结案日"),
    "归档日期": ("归档时间",), "备注": ("附注",),
    PARTIES_TOGETHER: ("当事人姓名", "双方当事人", "纠纷当事人", "当事人双方", "当事人名称"),
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
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                   r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?")
_TOTALS = ("合计", "总计", "小计", "共计")


def text(value: Any) -> str:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def key(value: Any) -> str:
    """A header as compared: NFKC, no whitespace, no "*", "(必填)", "(元)" or trailing colon."""
    words = "".join(unicodedata.normalize("NFKC", text(value)).split())
    return re.sub(r"\*|\((?:必填|选填|可选|万?元|人)\)|:$", "", words)


def _aliases() -> dict[str, str]:
    aliases = {key(name): canon for canon, more in CASE_COLUMNS.items() for name in (canon, *more)}
    for prefixes in SIDES.values():
        for attr, suffixes in PARTY_FIELDS.items():
            canon = prefixes[0] + ("" if attr == "name" else suffixes[0])
            aliases.update({key(p + s): canon for p in prefixes for s in suffixes})
    return aliases


ALIASES = _aliases()


def as_date(value: Any) -> date:
    if isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    if isinstance(value, int | float) and not isinstance(value, bool) and 20000 <= value < 80000:
        return from_excel(value).date()  # type: ignore[no-any-return]  # an unformatted serial
    words = unicodedata.normalize("NFKC", text(value))
    match = _DATE.fullmatch(words) or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", words)
    if match is None:
        raise DomainError(f"日期应写成 2026-11-02、2026/11/2 或 2026年11月2日，实际为“{words}”")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise DomainError(f"“{words}”不是真实日期") from None


def as_money(value: Any, wan: bool = False) -> int:
    """Yuan ("12000", "1,200.50", "￥500", "500元"), or 万元 ("1.2万", or a 万元 column)."""
    words = "".join(unicodedata.normalize("NFKC", text(value)).split()).removesuffix("元")
    if words.endswith("万"):
        wan, words = True, words[:-1]
    try:
        return parse_yuan(Decimal(words.removeprefix("¥").replace(",", "")) * 10000) if wan \
            else parse_yuan(words)
    except InvalidOperation:
        raise DomainError("金额格式不正确") from None


def as_int(value: Any) -> int:
    words = unicodedata.normalize("NFKC", text(value)).removesuffix("人").strip()
    if isinstance(value, bool) or not words.isdigit():
        raise DomainError(f"应为整数，实际为“{text(value)}”")
    return int(words)


def choice(spec: str, hint: str) -> Callable[[Any], str]:
    """A converter from words to codes: "red=红 红色|blue=蓝 蓝色" (each code also itself)."""
    table = {word: code for group in spec.split("|")
             for code, words in [group.split("=")] for word in (code, *words.split())}

    def convert(value: Any) -> str:
        word = unicodedata.normalize("NFKC", text(value)).lower()
        if word not in table:
            raise DomainError(f"应为 {hint} 之一，实际为“{text(value)}”")
        return table[word]
    return convert


def id_text(value: Any) -> str:
    if isinstance(value, float):
        raise DomainError("被Excel存成了数字，末几位已丢失；请把该列设为“文本”格式后重新填写")
    return text(value)


# -- the header ---------------------------------------------------------------------------------

def _known(cells: Sequence[Any]) -> set[str]:
    return {ALIASES[k] for k in map(key, cells) if k in ALIASES}


def _combine(top: Sequence[Any], sub: Sequence[Any]) -> list[str]:
    """A two-row header: a merged parent over its children. "申请人" over 姓名/电话/住址 gives
    申请人姓名…; "调解情况" over 调解结果/结案日期 gives the children as they are."""
    out: list[str] = []
    parent = ""
    for j in range(max(len(top), len(sub))):
        t, s = (text(r[j]) if j < len(r) else "" for r in (top, sub))
        parent = t or parent
        if s and key(parent + s) in ALIASES:
            out.append(parent + s)
        elif s and (key(s) in ALIASES or not t):
            out.append(s)
        else:
            out.append(t or s)
    return out


class Layout:
    """Where the data starts, which column holds what, and notes about the header."""

    def __init__(self) -> None:
        self.start = 0
        self.columns: dict[int, str] = {}  # column index → canonical name
        self.headers: dict[str, str] = {}  # canonical name → header as written
        self.notes: list[str] = []
        self.problems: list[Problem] = []


def find_header(rows: list[tuple[Any, ...]]) -> Layout:
    """The header among the first rows (below any title rows), one row or two."""
    layout = Layout()
    top = rows[: MAX_TITLE_ROWS + 1]
    at = next((i for i, r in enumerate(top) if "受理日期" in _known(r)), None)
    if at is None:
        count, at = max(((len(_known(r)), i) for i, r in enumerate(top)), default=(0, 0))
        if count < 2:
            layout.problems.append(Problem(HEADER, "", (
                f"前{MAX_TITLE_ROWS + 1}行中找不到表头（应有“受理日期”“纠纷类型”“申请人”"
                "“被申请人”等列）")))
            return layout
    names, layout.start = [text(v) for v in rows[at]], at + 1
    if layout.start < len(rows) and all(isinstance(v, str | None) for v in rows[layout.start]):
        combined = _combine(rows[at], rows[layout.start])
        if len(_known(combined)) > len(_known(names)):
            names, layout.start = combined, layout.start + 1
    for j, name in enumerate(names):
        _take_column(layout, j, name)
    layout.problems += [Problem(HEADER, "", f"缺少“{name}”列") for name in REQUIRED
                        if name not in layout.headers]
    sides = [SIDES[s][0] for s in ("applicant", "respondent")]
    if PARTIES_TOGETHER not in layout.headers:
        layout.problems += [Problem(HEADER, "", f"缺少“{name}”列（或一个写明双方的“当事人”列）")
                            for name in sides if name not in layout.headers]
    elif all(name in layout.headers for name in sides):
        _drop(layout, PARTIES_TOGETHER)
        layout.notes.append("“当事人”列未读入（已有“申请人”“被申请人”列）")
    return layout


def _take_column(layout: Layout, j: int, name: str) -> None:
    canon, shown = ALIASES.get(key(name)), "".join(name.split())
    if canon is None:
        return
    if canon not in layout.headers:
        layout.columns[j], layout.headers[canon] = canon, shown
        return
    before = layout.headers[canon]
    if key(before) == key(canon):  # the column under its own name wins over a synonym
        layout.notes.append(f"“{shown}”列与“{before}”重复，按“{before}”读入")
    elif key(shown) == key(canon):
        _drop(layout, canon)
        layout.columns[j], layout.headers[canon] = canon, shown
        layout.notes.append(f"“{before}”列与“{shown}”重复，按“{shown}”读入")
    else:
        layout.problems.append(Problem(HEADER, "", f"“{before}”与“{shown}”是同一列，只能留一个"))


def _drop(layout: Layout, canon: str) -> None:
    layout.columns = {j: c for j, c in layout.columns.items() if c != canon}
    layout.headers.pop(canon, None)


def is_totals(cells: Sequence[Any]) -> bool:
    """A 合计 / 小计 row under the table (its first filled cell says so)."""
    first = next((key(v) for v in cells if text(v) != ""), "")
    return first.startswith(_TOTALS)


class _TooLarge(Exception):
    """More rows than an import may hold (domain/limits.py)."""


def load(path: Path) -> list[tuple[Any, ...]]:
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
