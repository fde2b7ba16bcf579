"""Default pick lists (字典): the values a new installation starts with.

Why defaults and not constants: counties differ and the national lists have changed over time,
so the store copies these into editable, versioned dictionaries on first run; old cases keep
the label they were recorded with. Pick lists also spare older mediators most of the typing.
Codes (the English keys) are what the database stores; labels are what people see and print.

Everything here is immutable (tuples and read-only mappings) so no caller can change the
defaults for everyone by accident.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

DISPUTE_TYPES: tuple[str, ...] = (
    "婚姻家庭纠纷",
    "邻里纠纷",
    "房屋宅基地纠纷",
    "合同纠纷",
    "生产经营纠纷",
    "损害赔偿纠纷",
    "山林土地纠纷",
    "征地拆迁纠纷",
    "环境污染纠纷",
    "劳动争议纠纷",
    "消费纠纷",
    "医疗纠纷",
    "道路交通事故纠纷",
    "物业纠纷",
    "其他纠纷",
)

SOURCES: tuple[str, ...] = (
    "当事人申请",
    "调委会主动调解",
    "法院委托移送",
    "公安机关委托移送",
    "信访部门委托移送",
    "政府部门委托移送",
    "排查发现",
    "来访",
)

# The monthly report splits cases by source into three kinds. A dispute found on a screening
# patrol is taken up on the committee's own initiative, hence 主动.
SOURCE_KINDS: Mapping[str, str] = MappingProxyType(
    {
        "当事人申请": "申请",
        "调委会主动调解": "主动",
        "法院委托移送": "委托移送",
        "公安机关委托移送": "委托移送",
        "信访部门委托移送": "委托移送",
        "政府部门委托移送": "委托移送",
        "排查发现": "主动",
        "来访": "申请",
    }
)

# The 56 officially recognised ethnic groups, in the order of GB/T 3304 (汉族 first).
ETHNICITIES: tuple[str, ...] = (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族",
    "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族",
    "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族",
    "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族",
    "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
    "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族",
    "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
)  # fmt: skip

RISK_LEVELS: Mapping[str, str] = MappingProxyType(
    {"red": "红", "orange": "橙", "yellow": "黄", "blue": "蓝"}
)


@dataclass(frozen=True)
class RiskLevelDefault:
    """A risk colour and how soon a finding of that colour must be acted on (local practice)."""

    code: str
    label: str
    response_hours: int


RISK_LEVEL_DEFAULTS: tuple[RiskLevelDefault, ...] = (
    RiskLevelDefault("red", "红", 24),
    RiskLevelDefault("orange", "橙", 72),
    RiskLevelDefault("yellow", "黄", 168),
    RiskLevelDefault("blue", "蓝", 720),
)

PERFORMANCE: Mapping[str, str] = MappingProxyType(
    {"immediate": "即时履行", "promised": "承诺履行", "done": "已履行", "not_done": "未履行"}
)

PARTY_SIDES: Mapping[str, str] = MappingProxyType(
    {"applicant": "申请人", "respondent": "被申请人", "third_party": "第三人"}
)

MEDIATOR_ROLES: Mapping[str, str] = MappingProxyType(
    {"lead": "主持人", "member": "参与", "recorder": "记录人"}
)

RECORD_KINDS: Mapping[str, str] = MappingProxyType(
    {
        "investigation": "调查记录",
        "mediation": "调解记录",
        "note": "工作笔记",
        "followup": "回访记录",
    }
)

# Villages and communities of 湖头镇 as a starting list; the administrator edits it.
DEFAULT_VILLAGES: tuple[str, ...] = (
    "湖一村", "湖二村", "湖三村", "湖四村", "湖五村", "美溪村", "郭埔村", "竹山村", "上田村",
    "横山村", "福寮村", "山都村", "汤城村", "溪东村", "后溪村", "前埔村", "东埔村", "清溪村",
    "云林村", "五阆村", "登山村", "光德村", "下洋村", "霞水村", "枣岭村", "湖头社区",
)  # fmt: skip
