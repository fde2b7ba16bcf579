"""Risk levels of patrol findings (风险等级): each colour's response time and escalation target.

Why settings and not constants: the four-colour scale is local practice (domain.md) — one
county answers a red finding within 24 hours and reports it to the 综治中心, another within
12 hours to the police — so the director sets both, and a finding's default due date follows
(found date + response time). Stored as one Setting row (``patrol_risk_levels``, JSON), so
it travels to patrol laptops with the rest of the settings.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date, timedelta

from mediation_desk.domain.dictionaries import RISK_LEVEL_DEFAULTS, RISK_LEVELS
from mediation_desk.errors import PermissionDenied, Problem, ValidationError
from mediation_desk.services.shared.actor import Actor
from mediation_desk.services.shared.setting_rows import write_setting
from mediation_desk.store.database import Store

SETTING_KEY = "patrol_risk_levels"
MAX_RESPONSE_HOURS = 24 * 365

#: Where each colour goes when nobody has configured it: the serious ones leave the room.
DEFAULT_TARGETS = {"red": "湖头镇综治中心", "orange": "湖头镇司法所", "yellow": "", "blue": ""}
#: Offered besides the targets configured per risk level (the usual three of Art 25).
USUAL_TARGETS = (*(t for t in DEFAULT_TARGETS.values() if t), "派出所")
#: A finding whose dispute type names this is a property dispute: the alliance comes first.
PROPERTY = "物业"


@dataclass(frozen=True)
class RiskLevelSetting:
    code: str  # red | orange | yellow | blue
    label: str  # 红 / 橙 / 黄 / 蓝
    response_hours: int
    escalation_target: str  # "" = handled by the room itself


def default_levels() -> list[RiskLevelSetting]:
    return [RiskLevelSetting(d.code, d.label, d.response_hours, DEFAULT_TARGETS.get(d.code, ""))
            for d in RISK_LEVEL_DEFAULTS]


def due_date(found_on: date, response_hours: int) -> date:
    """The day a finding must be acted on by: found date plus the response time, counted in
    whole days rounded up (24 h → the next day)."""
    return found_on + timedelta(days=max(1, math.ceil(response_hours / 24)))


class PatrolSettingsService:
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    def risk_levels(self) -> list[RiskLevelSetting]:
        """The four levels in order red → blue, with stored values over the defaults."""
        stored = self.store.setting(SETTING_KEY, {}) or {}
        levels = []
        for d in default_levels():
            value = stored.get(d.code, {}) if isinstance(stored, dict) else {}
            levels.append(RiskLevelSetting(
                d.code, d.label, int(value.get("response_hours", d.response_hours)),
                str(value.get("escalation_target", d.escalation_target))))
        return levels

    def risk_level(self, code: str) -> RiskLevelSetting:
        for level in self.risk_levels():
            if level.code == code:
                return level
        raise ValidationError(Problem("", "风险等级", _level_reason(code)))

    def escalation_targets(self, dispute_type: str = "") -> list[str]:
        """Where a finding may be reported (上报): the targets configured per risk level, the
        usual ones, and the members of the property-management legal alliance (物业管理司法联盟,
        kept on the 接访 lists) — first for a property dispute (a type naming 物业)."""
        from mediation_desk.services.petitions.lists import alliance_labels

        configured = [level.escalation_target for level in self.risk_levels()
                      if level.escalation_target.strip()]
        usual = [*configured, *USUAL_TARGETS]
        alliance = alliance_labels()
        ordered = [*alliance, *usual] if PROPERTY in dispute_type else [*usual, *alliance]
        return list(dict.fromkeys(name.strip() for name in ordered if name.strip()))

    def default_due(self, risk_level: str, found_on: date) -> date:
        return due_date(found_on, self.risk_level(risk_level).response_hours)

    def update_risk_levels(self, levels: list[RiskLevelSetting]) -> None:
        """Save all four levels (director or administrator); one audited transaction."""
        if self.actor.role not in ("director", "admin"):
            raise PermissionDenied("只有调委会主任或管理员可以修改风险等级设置")
        problems = []
        seen = set()
        for level in levels:
            label = RISK_LEVELS.get(level.code, level.code)
            if level.code not in RISK_LEVELS:
                problems.append(Problem("", "风险等级", _level_reason(level.code)))
            if not 1 <= level.response_hours <= MAX_RESPONSE_HOURS:
                problems.append(Problem(f"{label}色", "响应时限",
                                        f"应在1至{MAX_RESPONSE_HOURS}小时之间"))
            seen.add(level.code)
        missing = [RISK_LEVELS[c] for c in RISK_LEVELS if c not in seen]
        if missing:
            problems.append(Problem("", "风险等级", f"缺少{'、'.join(missing)}色的设置"))
        if problems:
            raise ValidationError(problems)
        value = {lv.code: {"response_hours": lv.response_hours,
                           "escalation_target": lv.escalation_target.strip()} for lv in levels}
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        with self.store.write() as changes:
            if write_setting(self.actor, SETTING_KEY, text, f"{SETTING_KEY}={text}"):
                changes.touch("settings")


def _level_reason(code: str) -> str:
    if not code:
        return "不能为空"
    return "应为 " + " / ".join(RISK_LEVELS) + f" 之一，实际为“{code}”"
