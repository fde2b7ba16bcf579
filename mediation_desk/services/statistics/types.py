"""The figures of one period, as plain frozen data for the 统计 page, the command line, the
county workbook and the printed report alike.

Money is integer fen; ``success_rate`` is a fraction (0.875), ``None`` when nothing was
concluded (contract.md). Breakdowns keep their rows in the order a report prints them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mediation_desk.domain.periods import Period

#: How the monthly report splits sources (domain.dictionaries.SOURCE_KINDS), in print order.
SOURCE_KIND_ORDER = ("主动", "申请", "委托移送")
RISK_ORDER = ("red", "orange", "yellow", "blue")


@dataclass(frozen=True)
class Prevented:
    """防止民转刑 / 自杀 / 群体性械斗 / 群体性上访 (件, and 人 where the form asks)."""

    criminal: int = 0
    criminal_people: int = 0
    suicide: int = 0
    group_fight: int = 0
    group_fight_people: int = 0
    group_petition: int = 0
    group_petition_people: int = 0


@dataclass(frozen=True)
class PatrolFigures:
    visits: int = 0
    zero_reports: int = 0
    households: int = 0
    villages_visited: int = 0
    findings: int = 0
    findings_by_risk: dict[str, int] = field(default_factory=dict)  # code → count, RISK_ORDER
    findings_resolved: int = 0
    findings_to_case: int = 0


@dataclass(frozen=True)
class VisitorFigures:
    """The 接访 loop's figures (issue 15 fills them; ``None`` on a period until it lands):
    requests received, answered within their time limit, overdue, and satisfaction."""

    received: int = 0
    answered_in_time: int = 0
    overdue: int = 0
    satisfied: int = 0
    basically_satisfied: int = 0
    unsatisfied: int = 0


@dataclass(frozen=True)
class TypeRow:
    """One dispute type's line of the county form."""

    label: str
    received: int = 0
    by_source_kind: dict[str, int] = field(default_factory=dict)  # 主动 / 申请 / 委托移送
    succeeded: int = 0
    written: int = 0
    oral: int = 0
    failed: int = 0  # failed + terminated: 调解不成功
    amount_fen: int = 0
    people: int = 0


@dataclass(frozen=True)
class BreakdownRow:
    """A village's or a mediator's line: received, succeeded, not succeeded, money; and for
    villages the patrols held there."""

    key: str  # village or mediator id ("" = none recorded)
    name: str
    received: int = 0
    succeeded: int = 0
    unsuccessful: int = 0
    amount_fen: int = 0
    patrol_visits: int = 0
    findings: int = 0

    @property
    def success_rate(self) -> float | None:
        concluded = self.succeeded + self.unsuccessful
        return self.succeeded / concluded if concluded else None


@dataclass(frozen=True)
class PeriodFigures:
    period: Period
    received: int
    received_by_type: dict[str, int]  # label → N, dictionary order, only labels with cases
    received_by_source: dict[str, int]  # label → N, dictionary order, only labels with cases
    received_by_source_kind: dict[str, int]  # 主动 / 申请 / 委托移送 → N (all three)
    succeeded: int
    succeeded_written: int
    succeeded_oral: int
    failed: int
    terminated: int
    agreement_amount_fen: int
    people_involved: int
    group_disputes: int
    judicial_confirmations: int
    prevented: Prevented
    patrols: PatrolFigures
    type_rows: tuple[TypeRow, ...]  # every type in force, then any other label counted
    dictionary_version: int  # of the dispute-type list the rows follow
    visitors: VisitorFigures | None = None

    @property
    def concluded(self) -> int:
        return self.succeeded + self.failed + self.terminated

    @property
    def success_rate(self) -> float | None:
        return self.succeeded / self.concluded if self.concluded else None


@dataclass(frozen=True)
class Comparison:
    """A period beside the same period a year earlier."""

    current: PeriodFigures
    year_earlier: PeriodFigures


@dataclass(frozen=True)
class MonthSeries:
    """Twelve months for the trend charts: cases received per type and success rates."""

    months: tuple[tuple[int, int], ...]
    by_type: dict[str, tuple[int, ...]]  # label → count per month (top types, then 其他)
    success_rate: tuple[float | None, ...]
    succeeded: tuple[int, ...]
    concluded: tuple[int, ...]


@dataclass(frozen=True)
class Coverage:
    """Patrol coverage: villages down, columns across (days of a month or months), each
    cell (visits, findings)."""

    villages: tuple[str, ...]
    columns: tuple[str, ...]  # "1" … "31" or "2026-01" …
    cells: dict[tuple[int, int], tuple[int, int]]  # (village index, column index) → counts


@dataclass(frozen=True)
class CaseLine:
    """A case behind a figure, as the list dialog shows it."""

    id: str
    number: str
    title: str
    dispute_type: str
    village: str
    status_label: str
    received_on: str
