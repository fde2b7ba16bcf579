"""Who may do what: one table for the services, the command line, the window and the docs.

Why one table: a mediator could run ``demo`` (filling the real register with invented
cases), ``backup``, ``restore --force`` and ``retention due`` because each check lived — or
did not — in its own place. Services call :func:`require` before they validate or write; the
window asks :func:`may` to show or enable a button; ``docs/roles.md`` prints this table and
a test walks it through the command line and the window for every role.
"""

from __future__ import annotations

from mediation_desk.errors import PermissionDenied
from mediation_desk.services.shared.actor import ROLE_LABELS, ROLES, Actor

EVERYONE = frozenset(ROLES)
MANAGERS = frozenset({"director", "admin"})
ADMINS = frozenset({"admin"})

#: action → (what it is, in Chinese; the roles allowed)
ACTIONS: dict[str, tuple[str, frozenset[str]]] = {
    "cases.read": ("查看登记簿、案件与检索", EVERYONE),
    "cases.write": ("受理登记、办理与更正案件", EVERYONE),
    "print": ("打印文书", EVERYONE),
    "patrols": ("安排与记录排查", EVERYONE),
    "import": ("导入案件", MANAGERS),
    "export": ("导出案件", MANAGERS),
    "backup": ("立即备份", MANAGERS),
    "backup.settings": ("修改备份与自动锁定设置", MANAGERS),
    "restore": ("从备份恢复", MANAGERS),
    "verify": ("检查数据库与操作记录链", MANAGERS),
    "settings": ("修改调解室、文书、风险等级与字典设置", MANAGERS),
    "retention.review": ("查看保存期限到期的卷宗", MANAGERS),
    "retention.anonymise": ("匿名化到期卷宗、设置保存年限", ADMINS),
    "accounts": ("管理账户（添加、停用、重设密码）", ADMINS),
    "demo": ("填入演示数据", ADMINS),
    # Patrol laptops (docs/sync.md). Enrolling gives a device a copy of every case and a
    # block of case numbers: managers. Exchanging is the daily work of whoever carries the
    # laptop, and a bundle opens only on this room's devices: everyone. A conflict is
    # resolved by whoever may edit its row (resolve_action below).
    "sync.enroll": ("登记巡查笔记本", MANAGERS),
    "sync.exchange": ("导出与导入同步交换包、查看同步状态", EVERYONE),
    "sync.conflicts": ("查看与处理同步冲突", EVERYONE),
}


def may(actor: Actor, action: str) -> bool:
    """Whether ``actor``'s role allows ``action`` (a key of :data:`ACTIONS`)."""
    return actor.role in ACTIONS[action][1]


def require(actor: Actor, action: str) -> None:
    """PermissionDenied (exit 3) naming the role and the action, unless allowed."""
    label, roles = ACTIONS[action]
    if actor.role not in roles:
        allowed = "或".join(ROLE_LABELS[r] for r in ("director", "admin") if r in roles)
        raise PermissionDenied(f"只有{allowed}可以{label}")
