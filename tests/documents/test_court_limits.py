"""Which agreements a court confirms (民诉法解释 Arts 355, 358), as the printed agreement and
its warnings treat them: by what the agreement settles (the flags the mediator sets), not by
its dispute type — support, child support and property division in family cases are
confirmed routinely; marriage validity, parentage, adoption and ownership are refused."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from mediation_desk import documents
from mediation_desk.documents import agreement
from mediation_desk.documents.data import CaseFile, TermInfo
from mediation_desk.domain.terms import OWNERSHIP_WARNING, STATUS_WARNING
from tests.documents.conftest import pdf_text, two_party_case


@dataclasses.dataclass(frozen=True)
class Row:
    what: str
    dispute_type: str
    term: str
    identity: bool = False
    ownership: bool = False

    @property
    def accepted(self) -> bool:
        return not (self.identity or self.ownership)


TABLE = (
    Row("赡养费", "婚姻家庭纠纷", "被申请人王䶮自2026年12月起每月15日前向申请人张㛃支付赡养费人民币800元"),
    Row("子女抚养费", "婚姻家庭纠纷", "被申请人王䶮每月15日前支付婚生子王小明抚养费人民币1000元，至其年满十八周岁止"),
    Row("离婚后财产分割", "婚姻家庭纠纷", "双方离婚后，湖二村3组45号房屋归申请人张㛃所有，申请人张㛃向被申请人王䶮支付房屋折价款人民币80000元"),
    Row("探望", "婚姻家庭纠纷", "被申请人王䶮每月可探望婚生子王小明两次，申请人张㛃予以协助"),
    Row("邻里赔偿", "邻里纠纷", "被申请人王䶮赔偿申请人张㛃院墙修复费用人民币5000元"),
    Row("婚姻效力", "婚姻家庭纠纷", "双方确认二人之间的婚姻关系无效", identity=True),
    Row("亲子关系", "其他纠纷", "双方确认王小明与被申请人王䶮之间存在亲子关系", identity=True),
    Row("收养", "婚姻家庭纠纷", "双方同意解除申请人张㛃与王小明之间的收养关系", identity=True),
    Row("房屋确权", "房屋宅基地纠纷", "确认湖二村3组45号房屋所有权归申请人张㛃", ownership=True),
    Row("知识产权确权", "合同纠纷", "确认“湖头铁观音”商标权归申请人张㛃", ownership=True),
)


def case_of(row: Row) -> CaseFile:
    base = two_party_case()
    assert base.agreement is not None
    term = TermInfo(1, row.term, obligor="王䶮", obligee="张㛃", due_on=date(2026, 12, 15))
    return dataclasses.replace(base, dispute_type=row.dispute_type, agreement=dataclasses.replace(
        base.agreement, terms=(term,), identity_relation=row.identity,
        ownership_confirmation=row.ownership))


def flat(pdf: bytes) -> str:
    return re.sub(r"\s+", "", pdf_text(pdf, layout=False))


@pytest.mark.parametrize("row", TABLE, ids=[row.what for row in TABLE])
def test_courts_accept_and_refuse_by_content(row: Row) -> None:
    case = case_of(row)
    warned = {w for w in agreement.warnings(case) if w in (STATUS_WARNING, OWNERSHIP_WARNING)}
    expected = {STATUS_WARNING} if row.identity else {OWNERSHIP_WARNING} if row.ownership \
        else set()
    assert warned == expected
    text = flat(documents.build("agreement", case))
    assert text.count(row.term) == 1  # the term, once
    if row.accepted:
        assert "三十日内共同向安溪县人民法院申请司法确认" in text
        assert "可以向人民法院申请强制执行" in text
        assert documents.problems("confirmation", case) == []
    else:
        # No invitation to an application the court must refuse; a dispute may still be sued.
        assert "司法确认" not in text and "强制执行" not in text
        assert "一方当事人可以向人民法院提起诉讼" in text
        refusals = [p.reason for p in documents.problems("confirmation", case)]
        assert refusals == sorted(expected)
    # The dispute type never decides: the same agreement as a 其他纠纷 reads the same.
    other = dataclasses.replace(case, dispute_type="其他纠纷")
    assert agreement.warnings(other) == agreement.warnings(case)
