"""Bringing cases in from files: the JSON exchange format and an Excel register.

All or nothing: every record is read and checked first, every problem is reported (record,
field, reason), and only a clean file is written — in one transaction, after a backup copy of
the register, so even a crash mid-import leaves the register as it was.

Imported cases arrive in the state they ended in (:mod:`arrival`); the result's cases say
which, what was assumed and what must be checked (:mod:`report` words it).
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from mediation_desk import clock
from mediation_desk.domain.limits import (
    MAX_IMPORT_BYTES,
    MAX_IMPORT_CASES,
    MAX_XLSX_RATIO,
    MAX_XLSX_UNPACKED,
    parse_json,
)
from mediation_desk.errors import DomainError, Problem, ValidationError
from mediation_desk.services.cases.drafts import CaseDraft
from mediation_desk.services.cases.intake import IntakeResult, IntakeService
from mediation_desk.services.exchange.case_format import read_case
from mediation_desk.services.safety.backups import backup_before_import
from mediation_desk.services.shared.permissions import require


def check_import_file(path: Path) -> None:
    """The file given must be a readable file within :data:`MAX_IMPORT_BYTES` (limits.py)."""
    name = path.name or str(path)
    if path.is_dir():
        raise ValidationError(Problem(name, "", "这是一个文件夹，应为 .json 或 .xlsx 文件"))
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ValidationError(Problem(name, "", "文件不存在")) from None
    except OSError as exc:
        raise ValidationError(Problem(name, "", f"无法读取（{exc.strerror}）")) from None
    if size > MAX_IMPORT_BYTES:
        raise ValidationError(Problem(name, "", f"文件太大（{size // 1024 // 1024} MB），"
                                                f"最多{MAX_IMPORT_BYTES // 1024 // 1024} MB"))


def check_xlsx_unpacks_safely(path: Path) -> None:
    """An .xlsx is a zip: refuse one that would unpack to more than the limits allow (a zip
    bomb) before the spreadsheet reader unpacks anything."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip at all: the reader says "not a valid Excel file"
    total = sum(e.file_size for e in entries)
    packed_badly = [e for e in entries if e.file_size > 10 * 1024 * 1024
                    and e.file_size > MAX_XLSX_RATIO * max(e.compress_size, 1)]
    if total > MAX_XLSX_UNPACKED or packed_badly or len(entries) > 10_000:
        raise ValidationError(Problem(path.name, "", "Excel文件解压后过大或结构异常（可能是“压缩炸弹”），"
                                                     "拒绝读取"))


def read_json_cases(path: Path) -> tuple[list[CaseDraft], list[str], list[Problem]]:
    """Drafts from a JSON file holding a list of case documents (or a single one)."""
    name = path.name
    try:
        data: Any = parse_json(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise ValidationError(Problem(name, "", "文件不存在")) from exc
    except UnicodeDecodeError as exc:
        raise ValidationError(Problem(name, "", "不是UTF-8编码的文本文件")) from exc
    except DomainError as exc:
        raise ValidationError(Problem(name, "", exc.reason)) from exc
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise ValidationError(Problem(name, "", "应为案件列表（JSON数组）"))
    if len(data) > MAX_IMPORT_CASES:
        raise ValidationError(Problem(name, "", f"案件太多（{len(data)}件），一次最多导入{MAX_IMPORT_CASES}件"))
    drafts: list[CaseDraft] = []
    labels: list[str] = []
    problems: list[Problem] = []
    for i, doc in enumerate(data, start=1):
        label = f"第{i}条案件"
        draft, found = read_case(doc, label)
        if draft.arrival is not None:
            draft.arrival.source = f"{name} {label}"
        drafts.append(draft)
        labels.append(label)
        problems += found
    return drafts, labels, problems


def read_cases(path: Path) -> tuple[list[CaseDraft], list[str], list[Problem]]:
    suffix = path.suffix.lower()
    if suffix not in (".json", ".xlsx", ".xlsm"):
        raise ValidationError(Problem(path.name, "", "只能导入 .json 或 .xlsx 文件"))
    check_import_file(path)
    if suffix == ".json":
        return read_json_cases(path)
    if suffix in (".xlsx", ".xlsm"):
        check_xlsx_unpacks_safely(path)
        from mediation_desk.services.exchange.excel_register import read_excel_cases

        return read_excel_cases(path)
    raise ValidationError(Problem(path.name, "", "只能导入 .json 或 .xlsx 文件"))


def import_cases(intake: IntakeService, path: Path, today: date | None = None) -> IntakeResult:
    """Read, check and write every case of ``path``; ValidationError lists all problems."""
    require(intake.actor, "import")
    drafts, labels, problems = read_cases(path)
    if problems:
        raise ValidationError(problems)
    if not drafts:
        raise ValidationError(Problem(path.name, "", "文件中没有案件"))
    today = today or clock.today()
    problems = intake.check(drafts, today, labels)
    if problems:
        raise ValidationError(problems)
    backup_before_import(intake.store)  # a restorable pair, rotated (services/safety)
    return intake.register_many(drafts, today, labels)
