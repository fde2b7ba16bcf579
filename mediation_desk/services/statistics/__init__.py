"""Statistics and reports (统计): a period's figures as contract.md defines them, beside the
same period a year earlier, by village and mediator, the twelve-month trends and patrol
coverage, the cases behind any figure; the facts a report counts that a case records
(prevention, group dispute, judicial confirmation); the county workbook from a replaceable
template, the printed report and the month's notice-board sheet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mediation_desk.services.shared.exports import lazy_exports

if TYPE_CHECKING:
    from mediation_desk.services.statistics.case_facts import CaseFactsService
    from mediation_desk.services.statistics.reports import ReportService
    from mediation_desk.services.statistics.service import StatisticsService

__all__ = ["CaseFactsService", "ReportService", "StatisticsService"]

__getattr__ = lazy_exports(__name__, {
    "StatisticsService": "service",
    "CaseFactsService": "case_facts",
    "ReportService": "reports",
})
