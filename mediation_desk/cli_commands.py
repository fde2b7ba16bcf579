"""The handlers behind each ``mediation-desk-cli`` command; each one calls services only."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mediation_desk import cli_patrol, cli_print
from mediation_desk.domain.lifecycle import STATUS_LABELS, CaseStatus
from mediation_desk.errors import CheckFailed, Problem, ValidationError

if TYPE_CHECKING:
    from mediation_desk.cli import Cli


def _write_json(path: Path, data: Any) -> None:
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)


def cmd_init(cli: Cli) -> None:
    from mediation_desk.cli import PASSWORD_ENV, _read_secret
    from mediation_desk.domain.case_number import DEFAULT_PATTERN
    from mediation_desk.services.safety.accounts import RoomSettings, create_register

    a = cli.args
    if _document_changes(a):  # refuse bad options before anything is created
        from mediation_desk.services.printing.document_settings import (
            DocumentSettings,
            check_document_settings,
        )

        check_document_settings(DocumentSettings(**_document_changes(a)))
    password = _read_secret(PASSWORD_ENV, f"{a.admin} 的新密码：")
    settings = RoomSettings(a.room, a.committee, a.number_prefix,
                            a.number_pattern or DEFAULT_PATTERN)
    store, actor, recovery = create_register(cli.db_path, settings, a.admin, password,
                                             encrypted=not a.unencrypted)
    try:
        if _document_changes(a):
            _update_documents(store, actor, a)
    finally:
        store.close()
    if recovery:
        cli.say("请把恢复密钥抄写或打印后交调委会主任保管；忘记所有密码时只能用它打开数据库。")
    cli.emit({"db": str(cli.db_path), "encrypted": recovery is not None,
              "recovery_key": recovery},
             f"已创建数据库 {cli.db_path}\n恢复密钥：{recovery}" if recovery
             else f"已创建未加密的数据库 {cli.db_path}")


_DOCUMENT_OPTIONS = {"header": "header", "address": "address", "phone": "phone",
                     "court": "court", "font": "font_path"}


def _document_changes(args: Any) -> dict[str, str]:
    return {field: getattr(args, option) for option, field in _DOCUMENT_OPTIONS.items()
            if getattr(args, option, None) is not None}


def _update_documents(store: Any, actor: Any, args: Any) -> Any:
    import dataclasses

    from mediation_desk.services.printing.document_settings import DocumentSettingsService

    service = DocumentSettingsService(store, actor)
    config = dataclasses.replace(service.get(), **_document_changes(args))
    service.update(config)
    return config


def cmd_settings(cli: Cli) -> None:
    """``settings documents``: the room's address, phone, court and print font."""
    import dataclasses

    from mediation_desk.services.printing.document_settings import DocumentSettingsService

    store, actor = cli.open()
    try:
        if _document_changes(cli.args):
            config = _update_documents(store, actor, cli.args)
            cli.say("文书设置已保存。")
        else:
            config = DocumentSettingsService(store, actor).get()
    finally:
        store.close()
    values = dataclasses.asdict(config)
    cli.emit(values, lambda: "\n".join(f"{k}: {v}" for k, v in values.items()))


def cmd_import(cli: Cli) -> None:
    from mediation_desk.services.cases.intake import IntakeService
    from mediation_desk.services.exchange.importer import import_cases

    store, actor = cli.open()
    try:
        result = import_cases(IntakeService(store, actor), cli.args.file)
    finally:
        store.close()
    for reg in result.cases:
        for note in reg.notices + reg.warnings:
            cli.say(f"{reg.number}：{note}")
    created = [{"id": r.case_id, "number": r.number} for r in result.cases]
    cli.emit({"created": created}, f"已导入 {len(created)} 件案件")


def cmd_export(cli: Cli) -> None:
    from mediation_desk.services.cases.register import RegisterService

    store, actor = cli.open()
    try:
        docs = RegisterService(store, actor).export(cli.args.numbers or None)
    finally:
        store.close()
    _write_json(cli.args.out, docs)
    cli.emit({"exported": len(docs), "out": str(cli.args.out)},
             f"已导出 {len(docs)} 件案件到 {cli.args.out}")


def cmd_cases(cli: Cli) -> None:
    from mediation_desk.services.cases.register import CaseFilter, RegisterService

    a = cli.args
    if a.status and a.status not in {s.value for s in CaseStatus}:
        raise ValidationError(Problem("", "--status", "应为 " + " / ".join(s.value for s in CaseStatus) + " 之一"))
    store, actor = cli.open()
    try:
        rows = RegisterService(store, actor).list_summaries(CaseFilter(
            status=a.status, year=a.year, dispute_type=a.dispute_type, village=a.village,
            mediator=a.mediator))
    finally:
        store.close()

    def text() -> str:
        lines = [f"{r['number']}\t{r['received_on']}\t{STATUS_LABELS[CaseStatus(r['status'])]}"
                 f"\t{r['dispute_type']}\t{r['village']}\t{r['title']}" for r in rows]
        return "\n".join([*lines, f"共 {len(rows)} 件"])

    cli.emit(rows, text)


def cmd_show(cli: Cli) -> None:
    from mediation_desk.services.cases.register import RegisterService

    store, actor = cli.open()
    try:
        service = RegisterService(store, actor)
        doc = service.document(service.by_number(cli.args.number))
    finally:
        store.close()
    cli.emit(doc, lambda: json.dumps(doc, ensure_ascii=False, indent=1))


def cmd_search(cli: Cli) -> None:
    from mediation_desk.services.cases.search import FIELD_LABELS, SearchService

    store, actor = cli.open()
    try:
        results = SearchService(store, actor).search(cli.args.query)
    finally:
        store.close()
    rows = [{"number": r.number, "field": r.field, "snippet": r.snippet} for r in results]
    cli.emit(rows, lambda: "\n".join(
        [f"{r.number}\t{FIELD_LABELS.get(r.field, r.field)}\t{r.snippet}" for r in results]
        + [f"共 {len(results)} 处"]))


def cmd_users(cli: Cli) -> None:
    from mediation_desk.cli import NEW_PASSWORD_ENV, _read_secret
    from mediation_desk.services.safety.accounts import AccountService
    from mediation_desk.services.shared.actor import ROLE_LABELS

    store, actor = cli.open()
    try:
        service = AccountService(store, actor)
        if cli.args.users_command == "add":
            password = _read_secret(NEW_PASSWORD_ENV, f"{cli.args.name} 的密码：")
            account = service.add(cli.args.name, cli.args.role, password,
                                  cli.args.display_name)
            cli.emit({"id": account.id, "username": account.username, "role": account.role},
                     f"已添加账户 {account.username}（{ROLE_LABELS[account.role]}）")
        else:
            rows: list[dict[str, Any]] = [{"username": u.username, "display_name": u.display_name, "role": u.role,
                     "active": u.active} for u in service.accounts()]
            cli.emit(rows, lambda: "\n".join(
                f"{r['username']}\t{ROLE_LABELS[r['role']]}\t{r['display_name']}" for r in rows))
    finally:
        store.close()


def cmd_demo(cli: Cli) -> None:
    from mediation_desk.services.demo.fill import fill_demo

    if cli.args.cases < 0:
        raise ValidationError(Problem("", "--cases", "不能为负数"))
    store, actor = cli.open()
    try:
        summary = fill_demo(store, actor, cases=cli.args.cases, seed=cli.args.seed,
                            progress=lambda done, total: print(
                                f"\r已生成 {done}/{total}", end="", file=sys.stderr))
    finally:
        store.close()
    print(file=sys.stderr)
    cli.emit(summary, f"已生成演示数据：{summary}")


def cmd_backup(cli: Cli) -> None:
    from mediation_desk.services.safety.backups import backup_to

    store, actor = cli.open()
    try:
        out = backup_to(store, actor, cli.args.out)
    finally:
        store.close()
    cli.emit({"out": str(out)}, f"已备份到 {out}")


def cmd_restore(cli: Cli) -> None:
    from mediation_desk.cli import PASSWORD_ENV, _read_secret
    from mediation_desk.services.safety.backups import restore_backup

    password = _read_secret(PASSWORD_ENV, f"{cli.username} 的密码：")
    restored = restore_backup(cli.args.file, cli.db_path, cli.username, password,
                              force=cli.args.force)
    replaced = str(restored.replaced) if restored.replaced else None
    cli.emit({"restored": str(restored.path), "replaced": replaced},
             f"已从 {cli.args.file} 恢复到 {restored.path}"
             + (f"\n原数据库已保留为 {replaced}" if replaced else ""))


def cmd_retention(cli: Cli) -> None:
    from mediation_desk.services.cases.register import RegisterService
    from mediation_desk.services.safety.retention import RetentionService

    store, actor = cli.open()
    try:
        retention = RetentionService(store, actor)
        if cli.args.retention_command == "due":
            rows = [{"number": f.number, "dispute_type": f.dispute_type,
                     "archived_on": f.archived_on.isoformat(), "due_on": f.due_on.isoformat()}
                    for f in retention.due()]
            cli.emit(rows, lambda: "\n".join(
                [f"{r['number']}\t{r['dispute_type']}\t归档 {r['archived_on']}\t到期 {r['due_on']}"
                 for r in rows] + [f"共 {len(rows)} 件到期"]))
        else:
            register = RegisterService(store, actor)
            ids = [register.by_number(n).id for n in cli.args.numbers]
            retention.anonymise(ids)
            cli.emit({"anonymised": cli.args.numbers},
                     f"已对 {len(ids)} 件卷宗做匿名化处理")
    finally:
        store.close()


def _verify(cli: Cli, integrity: bool) -> None:
    from mediation_desk.services.safety.backups import verify_register

    store, _actor = cli.open()
    try:
        problems = verify_register(store, integrity=integrity)
    finally:
        store.close()
    cli.emit({"ok": not problems, "problems": problems},
             "检查通过" if not problems else "\n".join(problems))
    if problems:
        raise CheckFailed("；".join(problems))


def cmd_verify(cli: Cli) -> None:
    _verify(cli, integrity=True)


def cmd_audit(cli: Cli) -> None:
    _verify(cli, integrity=False)


HANDLERS: dict[str, Callable[[Cli], None]] = {
    "init": cmd_init,
    "import": cmd_import,
    "export": cmd_export,
    "cases": cmd_cases,
    "show": cmd_show,
    "search": cmd_search,
    "users": cmd_users,
    "demo": cmd_demo,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "retention": cmd_retention,
    "verify": cmd_verify,
    "audit": cmd_audit,
    "settings": cmd_settings,
    "print": cli_print.cmd_print,
    "patrol": cli_patrol.cmd_patrol,
}
