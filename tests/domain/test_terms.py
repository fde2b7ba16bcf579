from __future__ import annotations

from datetime import date

from mediation_desk.domain.terms import (
    OWNERSHIP_WARNING,
    STATUS_WARNING,
    TermFacts,
    confirmation_warnings,
    conflict_of_interest,
    vague_term_warnings,
)

COMPLETE = TermFacts(
    text="被申请人王某于2026年4月30日前一次性赔偿申请人李某医疗费5000元",
    obligor="王某",
    amount_fen=500_000,
    due_on=date(2026, 4, 30),
)


def test_complete_agreement_has_no_warnings() -> None:
    assert vague_term_warnings([COMPLETE]) == []


def test_empty_agreement() -> None:
    assert vague_term_warnings([]) == ["协议没有任何条款"]


def test_missing_parts_are_named_per_term() -> None:
    vague = TermFacts(text="王某补偿李某损失", obligor=" ", amount_fen=None, due_on=None)
    assert vague_term_warnings([COMPLETE, vague]) == [
        "第2条协议条款未写明义务人",
        "第2条协议条款未写明金额",
        "第2条协议条款未写明履行期限",
    ]


def test_amount_is_only_asked_for_when_the_term_is_about_money() -> None:
    apology = TermFacts(
        text="王某当面向李某赔礼道歉", obligor="王某", amount_fen=None, due_on=date(2026, 4, 1)
    )
    wall = TermFacts(
        text="王某拆除越界围墙", obligor="王某", amount_fen=None, due_on=date(2026, 5, 1)
    )
    assert vague_term_warnings([apology, wall]) == []
    for word in ("元", "钱", "款", "赔偿", "补偿", "支付"):
        term = TermFacts(
            text=f"王某{word}", obligor="王某", amount_fen=None, due_on=date(2026, 5, 1)
        )
        assert vague_term_warnings([term]) == ["第1条协议条款未写明金额"]


def test_blank_text_is_flagged() -> None:
    blank = TermFacts(text=" ", obligor="王某", amount_fen=None, due_on=date(2026, 5, 1))
    assert vague_term_warnings([blank]) == ["第1条协议条款内容为空"]


def test_confirmation_warnings() -> None:
    assert confirmation_warnings("邻里纠纷", "王某赔偿李某5000元") == []
    assert confirmation_warnings("婚姻家庭纠纷", "双方自愿离婚") == [STATUS_WARNING]
    assert confirmation_warnings("其他纠纷", "确认孩子的亲子关系") == [STATUS_WARNING]
    assert confirmation_warnings("其他纠纷", "收养事宜") == [STATUS_WARNING]
    assert confirmation_warnings("房屋宅基地纠纷", "确认宅基地使用权归属王某") == [
        OWNERSHIP_WARNING
    ]
    assert confirmation_warnings("山林土地纠纷", "该片山林所有权归村集体") == [OWNERSHIP_WARNING]
    assert confirmation_warnings("合同纠纷", "商标等知识产权归甲方") == [OWNERSHIP_WARNING]
    assert confirmation_warnings("婚姻家庭纠纷", "离婚后房屋所有权归女方") == [
        STATUS_WARNING,
        OWNERSHIP_WARNING,
    ]
    assert STATUS_WARNING == "法院不受理涉及身份关系的协议的司法确认"


def test_conflict_of_interest() -> None:
    assert conflict_of_interest(["陈调解", "林调解"], ["王某", "李某"], []) == []
    assert conflict_of_interest(["张三", "林调解"], ["张三", "李某"], ["林调解"]) == [
        "调解员张三同时是本案当事人",
        "调解员林调解已回避本案",
    ]
    assert conflict_of_interest([" 张三", "张三"], ["张三 "], ["张三"]) == [
        "调解员张三同时是本案当事人",
        "调解员张三已回避本案",
    ]
    assert conflict_of_interest([""], [""], [""]) == []


def test_initial_performance() -> None:
    from datetime import date

    from mediation_desk.domain.terms import initial_performance

    day = date(2026, 11, 5)
    assert initial_performance(day, day) == "immediate"
    assert initial_performance(date(2026, 11, 4), day) == "immediate"
    assert initial_performance(date(2026, 12, 1), day) == "promised"
    assert initial_performance(None, day) == "promised"
