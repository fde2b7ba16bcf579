"""Values as the sync code keeps and shows them: stored SQLite values as JSON (conflict
rows travel as text), and the new name a row gets when its unique name or number is taken.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from mediation_desk.services.cases.numbering import PROVISIONAL_PREFIX


def _bytes(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"$bytes": base64.b64encode(value).decode("ascii")}
    raise TypeError(type(value).__name__)


def to_json(value: Any) -> str:
    """A stored SQLite value (or a row of them) as JSON; bytes as base64 in an object."""
    return json.dumps(value, ensure_ascii=False, default=_bytes)


def from_json(text: str | None) -> Any:
    if text is None:
        return None
    value = json.loads(text)
    if isinstance(value, dict) and "$bytes" in value:
        return base64.b64decode(value["$bytes"])
    return value


def disambiguate(table: str, columns: list[str], index: int, value: Any,
                 row_id: str) -> dict[int, Any]:
    """New values making a row's unique ``columns[index]`` unique again, the same on every
    device (derived from the row's key)."""
    if table == "case" and columns[index] == "number":
        return {index: f"{PROVISIONAL_PREFIX}重复-{row_id[:8]}",
                columns.index("number_seq"): None}
    if isinstance(value, str):
        return {index: f"{value}（重复{row_id[:4]}）"}
    raise ValueError(f"{table}.{columns[index]} 的重复值无法自动改名")
