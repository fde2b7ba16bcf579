"""The room's settings for printed documents: the header line, the room's address and phone,
the court for judicial confirmation and the room's own font.

Why separate from :mod:`settings`: these only matter to paper, and a room that never prints
need not see them. Like the room settings they are :class:`Setting` rows (synced, audited),
and only the director or an administrator may change them, because every agreement the room
hands out carries them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from mediation_desk.documents.fonts import font_problem
from mediation_desk.domain.phone import validate_phone
from mediation_desk.errors import DomainError, PermissionDenied, Problem, ValidationError
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.setting_rows import write_setting
from mediation_desk.store.database import Store
from mediation_desk.store.models import Setting

#: Setting keys, one per field of :class:`DocumentSettings`.
KEYS = {
    "header": "document_header",
    "address": "room_address",
    "phone": "room_phone",
    "court": "confirmation_court",
    "font_path": "document_font",
}
#: reportlab embeds TrueType outlines only (architecture.md §4): no .otf (CFF) files.
FONT_SUFFIXES = (".ttf", ".ttc")
MAX_LENGTH = 100


@dataclass(frozen=True)
class DocumentSettings:
    header: str = ""  # a line above every title, e.g. "安溪县湖头镇"
    address: str = ""  # 调解室地址: the default place of mediation and of performance
    phone: str = ""  # 调解室电话
    court: str = ""  # 司法确认法院, e.g. "安溪县人民法院"
    font_path: str = ""  # a TrueType file (or "file.ttc#face") tried before the system fonts


LABELS = {"header": "文书抬头", "address": "调解室地址", "phone": "调解室电话",
          "court": "司法确认法院", "font_path": "文书字体文件"}


def read_settings(keys: list[str]) -> dict[str, Any]:
    """Several settings in one query (a printout reads seven of them every time)."""
    return {row.key: json.loads(row.value)
            for row in Setting.live().where(Setting.key.in_(keys))}


def document_settings_from(values: dict[str, Any]) -> DocumentSettings:
    return DocumentSettings(**{name: str(values.get(key) or "") for name, key in KEYS.items()})


def read_document_settings(store: Store) -> DocumentSettings:
    """The stored settings (no permission needed: every printout reads them)."""
    return document_settings_from(read_settings(list(KEYS.values())))


def check_document_settings(config: DocumentSettings) -> dict[str, str]:
    """The settings as they would be stored, or ValidationError naming each bad field.
    Pure, so ``init`` can refuse bad options before it creates anything. A font is refused
    with the reason the printing chain could not use it (CFF outlines, a licence forbidding
    embedding, no Chinese characters …), not accepted and then silently skipped."""
    values = {f.name: str(getattr(config, f.name)).strip() for f in fields(config)}
    problems: list[Problem] = []
    for name, value in values.items():
        if len(value) > MAX_LENGTH and name != "font_path":
            problems.append(Problem("", LABELS[name], f"不能超过{MAX_LENGTH}个字"))
    if values["phone"]:
        try:
            values["phone"] = validate_phone(values["phone"])
        except DomainError as exc:
            problems.append(Problem("", LABELS["phone"], exc.reason))
    font = values["font_path"]
    if font:
        path = font.partition("#")[0]
        if not path.lower().endswith(FONT_SUFFIXES):
            problems.append(Problem("", LABELS["font_path"],
                                    "应为 TrueType 字体（.ttf 或 .ttc）"))
        elif not Path(path).is_file():
            problems.append(Problem("", LABELS["font_path"], f"找不到文件“{path}”"))
        elif reason := font_problem(font):
            # e.g. Noto CJK's .ttc: the right suffix, but CFF outlines printing would skip
            problems.append(Problem("", LABELS["font_path"], f"“{path}”{reason}"))
    if problems:
        raise ValidationError(problems)
    return values


class DocumentSettingsService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def get(self) -> DocumentSettings:
        return read_document_settings(self.store)

    def update(self, config: DocumentSettings) -> None:
        """Check and store the settings (director or administrator), each change audited."""
        if self.actor.role not in ("director", "admin"):
            raise PermissionDenied("只有调委会主任或管理员可以修改文书设置")
        values = check_document_settings(config)
        with self.store.write() as changes:
            for name, value in values.items():
                key = KEYS[name]
                if write_setting(self.actor, key, json.dumps(value, ensure_ascii=False),
                                 f"{key}={value}"):
                    changes.touch("settings")
