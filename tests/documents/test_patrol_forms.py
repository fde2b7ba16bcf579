"""The patrol timetable for the wall and one visit's 矛盾纠纷排查记录表."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

import pytest

from mediation_desk import documents
from mediation_desk.errors import ValidationError
from tests.documents.conftest import (
    patrol_month,
    patrol_visit,
    pdf_fonts,
    pdf_text,
    review_png,
    zero_visit,
)


def flat(pdf: bytes) -> str:
    return re.sub(r"\s+", "", pdf_text(pdf, layout=False))


def test_timetable_grid_has_villages_dates_times_teams_and_marks() -> None:
    pdf = documents.patrol_timetable(patrol_month())
    text = flat(pdf)
    assert "湖头镇人民调解委员会2026年12月矛盾纠纷排查工作安排表" in text
    for village in ("湖二村", "光德村", "湖头镇区", "美溪村"):
        assert village in text
    for day in ("12月1日", "12月11日", "12月15日", "12月21日", "12月24日"):
        assert day in text
    assert "星期二" in text  # 2026-12-01 is a Tuesday
    for part in ("09:00", "14:30", "林春梅★", "陈志强", "李光明★", "黄德明", "★为负责人"):
        assert part in text
    for mark in ("【已排查】", "【零报告】", "【未排查】", "【已取消】", "【改期】"):
        assert mark in text
    assert documents.page_count(pdf) == 1


def test_timetable_is_landscape_a4(tmp_path: Path) -> None:
    path = tmp_path / "t.pdf"
    path.write_bytes(documents.patrol_timetable(patrol_month()))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert "841.89 x 595.276 pts (A4)" in info.stdout


def test_a_month_with_many_dates_is_split_into_readable_tables() -> None:
    month = patrol_month()
    slot = month.slots[0]
    many = tuple(dataclasses.replace(slot, on=slot.on.replace(day=d), mark="")
                 for d in range(1, 29, 2))  # 14 dates
    text = flat(documents.patrol_timetable(dataclasses.replace(month, slots=many)))
    assert text.count("村（社区）") == 2
    assert "12月27日" in text


def test_an_empty_month_still_prints() -> None:
    month = dataclasses.replace(patrol_month(), slots=())
    assert "本月没有排查安排" in flat(documents.patrol_timetable(month))


def test_visit_record_lists_findings_with_risk_and_follow_up() -> None:
    pdf = documents.patrol_record(patrol_visit())
    text = flat(pdf)
    for part in ("矛盾纠纷排查记录表", "2026年12月1日", "湖二村", "湖二村定期排查", "林春梅★",
                 "村委会、3组、5组、湖二小学周边", "12户", "发现矛盾纠纷2件", "山林土地、农村建房",
                 "两户因宅基地界址争执", "当事人：王䶮、张㛃", "房屋宅基地纠纷", "橙", "登记立案",
                 "12月10日", "湖头镇综治中心", "18,000.00元", "当场调处", "黄",
                 "排查人员（签名）", "负责人（签名）"):
        assert part in text, part
    assert "零报告" not in text


def test_zero_report_is_stated_in_words() -> None:
    text = flat(documents.patrol_record(zero_visit()))
    assert "零报告：本次排查未发现矛盾纠纷" in text
    assert "光德村" in text and "9户" in text and "李光明★" in text


def test_contradictory_visit_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        documents.patrol_record(dataclasses.replace(zero_visit(), zero_report=False))
    assert "排查结果" in str(err.value)
    with pytest.raises(ValidationError):
        documents.patrol_record(dataclasses.replace(patrol_visit(), zero_report=True))


def test_patrol_forms_embed_every_font(tmp_path: Path) -> None:
    for pdf in (documents.patrol_timetable(patrol_month()),
                documents.patrol_record(patrol_visit())):
        rows = pdf_fonts(pdf, tmp_path)
        assert rows and all(row["emb"] == "yes" for row in rows)


def test_render_for_review() -> None:
    assert review_png(documents.patrol_timetable(patrol_month()), "patrol-timetable")
    assert review_png(documents.patrol_record(patrol_visit()), "patrol-record")
    assert review_png(documents.patrol_record(zero_visit()), "patrol-zero-report")
