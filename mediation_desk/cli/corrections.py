"""``edit NUMBER FIELD=VALUE…`` and ``history NUMBER``: correcting a case's own fields, and its
操作记录 with every edit's before and after.

``edit`` calls the very service method the window's 修改案件信息 dialog calls, so a value is
refused, normalised and audited the same way whoever types it.
"""

from __future__ import annotations

from typing import Any

from mediation_desk.cli.context import Cli
from mediation_desk.errors import Problem, ValidationError

EDIT_FIELDS = "title summary village compound dispute_type source risk_level amount_involved " \
    "people_involved group_dispute"


def register(sub: Any) -> None:
    s = sub.add_parser("edit", help="修改案件信息（字段=值）")
    s.add_argument("number", help="案件编号（也可写 82 或 2026-82）")
    s.add_argument("assignments", nargs="+", metavar="FIELD=VALUE",
                   help=f"可修改的字段：{EDIT_FIELDS}")
    s.set_defaults(handler=cmd_edit)

    s = sub.add_parser("history", help="案件的操作记录（含修改前后的值）")
    s.add_argument("number", help="案件编号（也可写 82 或 2026-82）")
    s.set_defaults(handler=cmd_history)


def parse_assignments(items: list[str]) -> dict[str, str]:
    """``["risk_level=red", "summary=…"]`` → a mapping; refused (exit 1) when malformed."""
    values: dict[str, str] = {}
    problems = []
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            problems.append(Problem("", item, "应写成 字段=值，例如 risk_level=red"))
        elif name in values:
            problems.append(Problem("", name, "重复给出"))
        else:
            values[name] = value
    if problems:
        raise ValidationError(problems)
    return values


def cmd_edit(cli: Cli) -> None:
    from mediation_desk.services.cases.case_edit import CaseEditService
    from mediation_desk.services.cases.number_lookup import find_case

    values = parse_assignments(cli.args.assignments)
    store, actor = cli.open()
    try:
        case = find_case(cli.args.number)
        result = CaseEditService(store, actor).correct(case.id, values)
    finally:
        store.close()
    changed = [{"field": c.field, "label": c.label, "before": c.before, "after": c.after}
               for c in result.fields]

    def text() -> str:
        if not changed:
            return f"{case.number}：没有需要修改的内容"
        lines = [f"  {c['label']}：{c['before'] or '（空）'} → {c['after'] or '（空）'}"
                 for c in changed]
        return "\n".join([f"已修改 {case.number}：", *lines])

    cli.emit({"number": case.number, "changed": changed}, text)


def cmd_history(cli: Cli) -> None:
    from mediation_desk.services.cases.history import as_rows, case_history
    from mediation_desk.services.cases.number_lookup import find_case

    store, _actor = cli.open()
    try:
        case = find_case(cli.args.number)
        rows = as_rows(case_history(case))
    finally:
        store.close()

    def text() -> str:
        lines = []
        for r in rows:
            what = r["action"]
            if r["field"]:
                where = f"{r['record']} " if r["record"] else ""
                what += (f"　{where}{r['label']}：{r['before'] or '（空）'}"
                         f" → {r['after'] or '（空）'}")
            elif r["detail"]:
                what += f"（{r['detail']}）"
            lines.append(f"{r['at'].replace('T', ' ')}\t{r['user_name'] or r['user']}\t{what}")
        return "\n".join([f"{case.number} 操作记录", *lines])

    cli.emit(rows, text)
