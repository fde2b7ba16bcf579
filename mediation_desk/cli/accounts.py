"""``users add | list``: accounts and their roles (administrator only)."""

from __future__ import annotations

from typing import Any

from mediation_desk.cli.context import NEW_PASSWORD_ENV, Cli, Parser, read_secret


def register(sub: Any) -> None:
    s = sub.add_parser("users", help="账户管理")
    us = s.add_subparsers(dest="users_command", required=True, parser_class=Parser)
    a = us.add_parser("add")
    a.add_argument("name")
    a.add_argument("--role", required=True, choices=["mediator", "director", "admin"])
    a.add_argument("--display-name", default="")
    a.set_defaults(handler=cmd_users_add)
    us.add_parser("list").set_defaults(handler=cmd_users_list)


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
        f"{r['username']}\t{ROLE_LABELS[r['role']]}\t{r['display_name']}" for r in rows))
