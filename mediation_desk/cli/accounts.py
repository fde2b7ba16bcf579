"""``users add | list | passwd | disable | enable | recover``: accounts, their roles and keys.

Administrators manage accounts. ``users passwd --rekey`` (a password that may be known to
someone) and ``users disable`` give the register a new database key, so an old copy of its
``.keys`` no longer opens it. ``users recover NAME`` is for when every password is forgotten:
the recovery key from the director's safe (``MEDIATION_DESK_RECOVERY_KEY`` or a prompt)
opens the register and NAME gets a new password.
"""

from __future__ import annotations

from typing import Any

from mediation_desk.cli.context import (
    NEW_PASSWORD_ENV,
    RECOVERY_KEY_ENV,
    Cli,
    Parser,
    read_secret,
)


def register(sub: Any) -> None:
    s = sub.add_parser("users", help="账户管理")
    us = s.add_subparsers(dest="users_command", required=True, parser_class=Parser)
    a = us.add_parser("add")
    a.add_argument("name")
    a.add_argument("--role", required=True, choices=["mediator", "director", "admin"])
    a.add_argument("--display-name", default="")
    a.set_defaults(handler=cmd_users_add)
    us.add_parser("list").set_defaults(handler=cmd_users_list)
    p = us.add_parser("passwd", help=f"修改密码（新密码取自 {NEW_PASSWORD_ENV} 或提示输入）")
    p.add_argument("name")
    p.add_argument("--rekey", action="store_true",
                   help="怀疑旧密码已泄露：同时更换数据库密钥，旧的密钥文件副本从此打不开数据库")
    p.set_defaults(handler=cmd_users_passwd)
    for name, text in (("disable", "停用账户（同时更换数据库密钥）"), ("enable", "重新启用账户")):
        d = us.add_parser(name, help=text)
        d.add_argument("name")
        d.set_defaults(handler=cmd_users_active, active=name == "enable")
    r = us.add_parser("recover", help=f"用恢复密钥（{RECOVERY_KEY_ENV} 或提示输入）为账户设新密码")
    r.add_argument("name")
    r.set_defaults(handler=cmd_users_recover)


def _rekey_notes(cli: Cli, rekeyed: Any) -> dict[str, Any]:
    if rekeyed is None:
        return {"rekeyed": False}
    if rekeyed.new_recovery_key:
        cli.say("数据库密钥已更换，旧的恢复密钥作废。请把新的恢复密钥抄写或打印后交调委会主任保管：")
    for name in rekeyed.need_new_password:
        cli.say(f"账户 {name} 需要由管理员重设密码后才能登录（users passwd {name}）")
    return {"rekeyed": True, "backup": str(rekeyed.backup) if rekeyed.backup else None,
            "recovery_key": rekeyed.new_recovery_key,
            "need_new_password": rekeyed.need_new_password}


def cmd_users_add(cli: Cli) -> None:
    from mediation_desk.services.safety.accounts import AccountService
    from mediation_desk.services.shared.actor import ROLE_LABELS

    store, actor = cli.open()
    try:
        password = read_secret(NEW_PASSWORD_ENV, f"{cli.args.name} 的密码：")
        account = AccountService(store, actor).add(cli.args.name, cli.args.role, password,
                                                   cli.args.display_name)
    finally:
        store.close()
    cli.emit({"id": account.id, "username": account.username, "role": account.role},
             f"已添加账户 {account.username}（{ROLE_LABELS[account.role]}）")


def cmd_users_list(cli: Cli) -> None:
    from mediation_desk.services.safety.accounts import AccountService
    from mediation_desk.services.shared.actor import ROLE_LABELS

    store, actor = cli.open()
    try:
        rows: list[dict[str, Any]] = [
            {"username": u.username, "display_name": u.display_name, "role": u.role,
             "active": u.active} for u in AccountService(store, actor).accounts()]
    finally:
        store.close()
    cli.emit(rows, lambda: "\n".join(
        f"{r['username']}\t{ROLE_LABELS[r['role']]}\t{r['display_name']}"
        + ("" if r["active"] else "\t（已停用）") for r in rows))


def cmd_users_passwd(cli: Cli) -> None:
    from mediation_desk.services.safety.accounts import AccountService

    store, actor = cli.open()
    try:
        own = cli.args.name == actor.username
        new = read_secret(NEW_PASSWORD_ENV, f"{cli.args.name} 的新密码：")
        rekeyed = AccountService(store, actor).change_password(
            cli.args.name, new, cli.password() if own else None,
            rekey_register=cli.args.rekey)
    finally:
        store.close()
    data = {"username": cli.args.name, **_rekey_notes(cli, rekeyed)}
    cli.emit(data, f"已修改 {cli.args.name} 的密码"
             + ("，数据库已更换密钥" if rekeyed else "")
             + (f"\n新的恢复密钥：{data['recovery_key']}" if data.get("recovery_key") else ""))


def cmd_users_active(cli: Cli) -> None:
    from mediation_desk.services.safety.accounts import AccountService

    store, actor = cli.open()
    try:
        rekeyed = AccountService(store, actor).set_active(cli.args.name, cli.args.active)
    finally:
        store.close()
    data = {"username": cli.args.name, "active": cli.args.active, **_rekey_notes(cli, rekeyed)}
    done = "已启用" if cli.args.active else "已停用"
    cli.emit(data, f"{done}账户 {cli.args.name}"
             + ("，数据库已更换密钥" if rekeyed else "")
             + (f"\n新的恢复密钥：{data['recovery_key']}" if data.get("recovery_key") else ""))


def cmd_users_recover(cli: Cli) -> None:
    from mediation_desk.services.safety.accounts import recover_account

    recovery = read_secret(RECOVERY_KEY_ENV, "恢复密钥：")
    new = read_secret(NEW_PASSWORD_ENV, f"{cli.args.name} 的新密码：")
    store, _actor = recover_account(cli.db_path, cli.args.name, recovery, new)
    store.close()
    cli.emit({"username": cli.args.name, "recovered": True},
             f"已用恢复密钥为 {cli.args.name} 设置新密码，请用新密码登录")
