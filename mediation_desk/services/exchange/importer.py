"""Bringing cases in from files: the JSON exchange format and an Excel register.

All or nothing: every record is read and checked first, every problem is reported (record,
field, reason), and only a clean file is written — in one transaction, after a backup copy of
the register, so even a crash mid-import leaves the register as it was.

Imported cases arrive in the state they ended in (:mod:`arrival`); the result's cases say
which, what was assumed and what must be checked (:mod:`report` words it).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from mediation_desk import clock
from mediation_desk.errors import Problem, ValidationError
from mediation_desk.services.cases.drafts import CaseDraft
from mediation_desk.services.cases.intake import IntakeResult, IntakeService
from mediation_desk.services.exchange.case_format import read_case
from mediation_desk.store.backup import online_backup


def read_json_cases(path: Path) -> tuple[list[CaseDraft], list[str], list[Problem]]:
    """Drafts from a JSON file holding a list of case documents (or a single one)."""
    name = path.name
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise ValidationError(Problem(name, "", "文件不存在")) from exc
    except UnicodeDecodeError as exc:
        raise ValidationError(Problem(name, "", "不是UTF-8编码的文本文件")) from exc
    except json.JSONDecodeError as exc:
        raise ValidationError(Problem(
            name, "", f"不是有效的JSON（第{exc.lineno}行第{exc.colno}列：{exc.msg}）")) from exc
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise ValidationError(Problem(name, "", "应为案件列表（JSON数组）"))
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
    if suffix == ".json":
        return read_json_cases(path)
    if suffix in (".xlsx", ".xlsm"):
        from mediation_desk.services.exchange.excel_register import read_excel_cases

        return read_excel_cases(path)
    raise ValidationError(Problem(path.name, "", "只能导入 .json 或 .xlsx 文件"))


def import_cases(intake: IntakeService, path: Path, today: date | None = None,
                 backup_dir: Path | None = None) -> IntakeResult:
    """Read, check and write every case of ``path``; ValidationError lists all problems."""
    drafts, labels, problems = read_cases(path)
    if problems:
        raise ValidationError(problems)
    if not drafts:
        raise ValidationError(Problem(path.name, "", "文件中没有案件"))
    today = today or clock.today()
    problems = intake.check(drafts, today, labels)
    if problems:
        raise ValidationError(problems)
    store = intake.store
    stamp = clock.now().strftime("%Y%m%d-%H%M%S-%f")
    target_dir = backup_dir or store.path.parent / "backups"
    target_dir.mkdir(parents=True, exist_ok=True)
    online_backup(store.connection(), store.db_key, target_dir / f"{store.path.name}.before-import-{stamp}.bak")
    return intake.register_many(drafts, today, labels)
