from __future__ import annotations

from datetime import date

from mediation_desk.domain.terms import (
    OWNERSHIP_WARNING,
    STATUS_WARNING,
    ConfirmationFlags,
    TermFacts,
    agreement_warnings,
    confirmation_warnings,
    conflict_of_interest,
    suggested_flags,
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


def test_confirmation_warnings_follow_the_flags_not_the_dispute_type() -> None:
    assert confirmation_warnings(ConfirmationFlags()) == []
    assert ConfirmationFlags().confirmable
    assert confirmation_warnings(ConfirmationFlags(identity_relation=True)) == [STATUS_WARNING]
    assert confirmation_warnings(ConfirmationFlags(ownership_confirmation=True)) == [
        OWNERSHIP_WARNING]
    both = ConfirmationFlags(identity_relation=True, ownership_confirmation=True)
    assert confirmation_warnings(both) == [STATUS_WARNING, OWNERSHIP_WARNING]
    assert not both.confirmable
    assert STATUS_WARNING == "法院不受理涉及身份关系的协议的司法确认"
    # Vague terms first, then the court limits, in one list.
    vague = TermFacts("王某赔偿李某", obligor="王某", amount_fen=None, due_on=None)
    assert agreement_warnings([vague], ConfirmationFlags(identity_relation=True)) == [
        "第1条协议条款未写明金额", "第1条协议条款未写明履行期限", STATUS_WARNING]


def test_words_only_suggest_the_flags() -> None:
    assert suggested_flags("王某赔偿李某5000元") == []
    assert suggested_flags("双方自愿离婚") == ["identity_relation"]
    assert suggested_flags("解除收养关系") == ["identity_relation"]
    assert suggested_flags("确认宅基地使用权归属王某") == ["ownership_confirmation"]
    # a property division after divorce mentions both, and is confirmable: only a hint
    assert suggested_flags("离婚后房屋所有权归女方") == ["identity_relation",
                                                     "ownership_confirmation"]


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
