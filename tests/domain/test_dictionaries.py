from __future__ import annotations

import pytest

from mediation_desk.domain import dictionaries as d


def test_dispute_types() -> None:
    assert len(d.DISPUTE_TYPES) == 15
    assert len(set(d.DISPUTE_TYPES)) == 15
    assert all(t.endswith("纠纷") for t in d.DISPUTE_TYPES)
    assert d.DISPUTE_TYPES[-1] == "其他纠纷"


def test_every_source_has_a_statistics_kind() -> None:
    assert set(d.SOURCE_KINDS) == set(d.SOURCES)
    assert set(d.SOURCE_KINDS.values()) == {"主动", "申请", "委托移送"}
    assert d.SOURCE_KINDS["法院委托移送"] == "委托移送"
    assert d.SOURCE_KINDS["排查发现"] == "主动"


def test_ethnicities() -> None:
    assert len(d.ETHNICITIES) == 56
    assert len(set(d.ETHNICITIES)) == 56
    assert d.ETHNICITIES[0] == "汉族"
    assert all(e.endswith("族") for e in d.ETHNICITIES)
    assert {"高山族", "基诺族", "畲族", "维吾尔族", "柯尔克孜族"} <= set(d.ETHNICITIES)


def test_risk_levels() -> None:
    assert [r.code for r in d.RISK_LEVEL_DEFAULTS] == list(d.RISK_LEVELS)
    assert [r.label for r in d.RISK_LEVEL_DEFAULTS] == list(d.RISK_LEVELS.values())
    hours = {r.code: r.response_hours for r in d.RISK_LEVEL_DEFAULTS}
    assert hours == {"red": 24, "orange": 72, "yellow": 168, "blue": 720}


def test_code_label_maps() -> None:
    assert d.PERFORMANCE["not_done"] == "未履行"
    assert d.PARTY_SIDES["third_party"] == "第三人"
    assert d.MEDIATOR_ROLES["recorder"] == "记录人"
    assert d.RECORD_KINDS["followup"] == "回访记录"


def test_defaults_are_read_only() -> None:
    with pytest.raises(TypeError):
        d.PERFORMANCE["x"] = "y"  # type: ignore[index]


def test_villages() -> None:
    assert len(d.DEFAULT_VILLAGES) == len(set(d.DEFAULT_VILLAGES))
    assert "湖头社区" in d.DEFAULT_VILLAGES
    assert all(v.endswith(("村", "社区")) for v in d.DEFAULT_VILLAGES)
