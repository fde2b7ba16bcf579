"""Printed forms: plain data in (``data.CaseFile`` …), PDF bytes out (architecture.md §4).

The registry below maps each contract kind (contract.md ``print``) to the form module that
lays it out. Importing this package is cheap on purpose: form modules, reportlab and fonts are
loaded on the first ``build``, because the window imports this at start-up.

    build(kind, case) -> bytes          the PDF; ValidationError naming what to fill first,
                                        UnprintableCharacters naming characters no font has
    problems(kind, case) -> [Problem]   the same data checks without building (grey out)
    patrol_timetable(month) -> bytes    the month's patrol timetable for the wall
    patrol_record(sheet) -> bytes       one patrol visit's 矛盾纠纷排查记录表
    page_count(pdf) -> int
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from mediation_desk.documents.fonts import UnprintableCharacters
from mediation_desk.errors import Problem, ValidationError

if TYPE_CHECKING:
    from mediation_desk.documents.data import CaseFile, PatrolMonth, PatrolVisitSheet
    from mediation_desk.documents.text import FormSpec

__all__ = ["KINDS", "UnknownKind", "UnprintableCharacters", "build", "page_count",
           "patrol_record", "patrol_timetable", "problems"]

#: Contract kinds in dossier order, with the printed title of each.
KINDS: Mapping[str, str] = MappingProxyType({
    "application": "人民调解申请书",
    "intake": "人民调解受理登记表",
    "notice": "人民调解当事人权利义务告知书",
    "investigation": "人民调解调查记录",
    "record": "人民调解记录",
    "agreement": "人民调解协议书",
    "oral-agreement": "口头调解协议登记表",
    "followup": "人民调解回访记录",
    "termination": "终止人民调解告知书",
    "confirmation": "司法确认申请书",
    "cover": "卷宗封面",
    "contents": "卷内目录",
    "dossier": "调解卷宗",
})

#: kind -> (module in this package, the FormSpec attribute in it)
_WHERE: Mapping[str, tuple[str, str]] = MappingProxyType({
    "application": ("application", "FORM"),
    "intake": ("intake_form", "FORM"),
    "notice": ("notice", "FORM"),
    "investigation": ("records", "INVESTIGATION"),
    "record": ("records", "MEDIATION"),
    "agreement": ("agreement", "FORM"),
    "oral-agreement": ("oral_agreement", "FORM"),
    "followup": ("followup", "FORM"),
    "termination": ("termination", "FORM"),
    "confirmation": ("confirmation", "FORM"),
    "cover": ("cover", "FORM"),
    "contents": ("dossier", "CONTENTS"),
    "dossier": ("dossier", "FORM"),
})


class UnknownKind(ValidationError, KeyError):
    """A kind outside the contract's list (a ValidationError for the CLI's exit 1, a KeyError
    for code that looks kinds up)."""

    def __init__(self, kind: str) -> None:
        ValidationError.__init__(self, Problem(
            "打印", "文书种类", f"未知的文书种类“{kind}”，可用：{'、'.join(KINDS)}"))

    def __str__(self) -> str:
        return ValidationError.__str__(self)


def form(kind: str) -> FormSpec:
    """The FormSpec of a kind (imports its module on first use)."""
    if kind not in _WHERE:
        raise UnknownKind(kind)
    module, attr = _WHERE[kind]
    spec: FormSpec = getattr(importlib.import_module(f"{__name__}.{module}"), attr)
    return spec


def problems(kind: str, case: CaseFile) -> list[Problem]:
    """What must be filled in before this form can be printed ([] = printable).

    Data checks only: characters no font can draw are found by ``build`` (it needs the fonts).
    """
    return form(kind).problems(case)


def build(kind: str, case: CaseFile) -> bytes:
    """The form as PDF bytes; refuses (ValidationError) rather than print an incomplete form."""
    spec = form(kind)
    found = spec.problems(case)
    if found:
        raise ValidationError(found)
    if spec.build is not None:
        return spec.build(case)
    assert spec.story is not None, f"{kind}: a FormSpec needs story or build"
    from mediation_desk.documents.layout import Kit

    kit = Kit(case.room, spec.title)
    pdf = kit.render(spec.story(case, kit), spec.title)
    # The compact size takes roughly a quarter less height: worth a second layout only when
    # the second page is not far into its text.
    if spec.fit_one_page and page_count(pdf) == 2 and kit.last_page_fill < 0.4:
        kit = Kit(case.room, spec.title, compact=True)
        small = kit.render(spec.story(case, kit), spec.title)
        if page_count(small) == 1:
            return small
    return pdf


def patrol_timetable(month: PatrolMonth) -> bytes:
    """The month's patrol timetable (landscape A4), villages × dates, for the wall."""
    from mediation_desk.documents.patrol_forms import timetable

    return timetable(month)


def patrol_record(sheet: PatrolVisitSheet) -> bytes:
    """The 矛盾纠纷排查记录表 of one patrol visit (findings, or 零报告 stated explicitly)."""
    from mediation_desk.documents.patrol_forms import visit_record

    return visit_record(sheet)


_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def page_count(pdf: bytes) -> int:
    """Pages of a PDF this package wrote (counts page objects; no parser needed)."""
    return len(_PAGE.findall(pdf))
