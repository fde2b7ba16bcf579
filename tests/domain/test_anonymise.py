"""The anonymiser and its checker: names by surname and side, numbers and addresses removed,
villages generalised on request, mediators left alone; the checker finds what survives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mediation_desk.domain.anonymise import (
    Anonymiser,
    Person,
    find_leaks,
    org_pseudonym,
    surname,
)

PEOPLE = (
    Person("张喆", "applicant", id_number="11010519491231002X", phone="13912345678",
           address="安溪县湖头镇湖二村3组45号"),
    Person("李明", "respondent", phone="0595-23456789", agent="李国强（儿子）"),
    Person("张建国", "respondent"),
    Person("安溪县湖头镇美景物业服务有限公司", "respondent", "organization",
           legal_representative="陈志明"),
)
TEXT = ("（2026）湖头人调字第12号 申请人张喆（身份证号11010519491231002X，电话139 1234 5678，"
        "住安溪县湖头镇湖二村3组45号）与李明、张建国纠纷。建国说不知道。李国强代为出席。调解员"
        "林春梅、陈志强于12月1号在湖二村村委会主持调解。美景物业服务有限公司法定代表人陈志明，"
        "电话0595 2345 6789。约定于2026年12月1日前支付12000元。")
KEEP = ("林春梅", "陈志强")


def test_names_become_surname_and_mou_consistently() -> None:
    anon = Anonymiser(PEOPLE, villages=["湖二村"], case_numbers=["（2026）湖头人调字第12号"],
                      keep=KEEP)
    out = anon.apply(TEXT)
    assert anon.pseudonyms["张喆"] == "张某甲" and anon.pseudonyms["张建国"] == "张某乙"
    assert anon.pseudonyms["李明"] == "李某甲" and anon.pseudonyms["李国强"] == "李某乙"
    assert "张某甲（身份证号（略），电话（略），住湖二村）与李某甲、张某乙纠纷" in out
    assert "张某乙说不知道" in out  # the given name alone is the same person
    assert "某物业服务有限公司法定代表人陈某" in out
    assert "林春梅、陈志强" in out and "12月1号" in out and "12000元" in out
    assert find_leaks(out, PEOPLE, case_numbers=["（2026）湖头人调字第12号"], keep=KEEP) == []


def test_villages_are_generalised_on_request() -> None:
    anon = Anonymiser(PEOPLE, villages=["湖二村", "湖头社区"], generalise_villages=True,
                      keep=KEEP)
    out = anon.apply(TEXT + "湖头社区居民")
    assert "湖二村" not in out and "某村村委会" in out and "某社区居民" in out


def test_the_checker_names_what_survives() -> None:
    leaks = find_leaks(TEXT, PEOPLE, case_numbers=["（2026）湖头人调字第12号"], keep=KEEP)
    kinds = {(leak.kind, leak.value) for leak in leaks}
    assert ("姓名", "张喆") in kinds and ("委托代理人", "李国强") in kinds
    assert ("法定代表人", "陈志明") in kinds and ("身份证号码", "11010519491231002X") in kinds
    assert ("电话", "13912345678") in kinds and ("住址", "安溪县湖头镇湖二村3组45号") in kinds
    assert ("姓名", "美景物业服务有限公司") in kinds
    assert any(kind == "案件编号" for kind, _ in kinds)
    assert leaks[0].reason == "仍含有姓名“张喆”"


def test_a_mediator_sharing_a_party_s_given_name_is_not_a_leak() -> None:
    people = (Person("王志强", "applicant"), Person("林春", "respondent"))
    text = "调解员陈志强、林春梅主持调解，王某、林某到场。"
    assert find_leaks(text, people, keep=KEEP) == []
    anon = Anonymiser(people, keep=KEEP)
    assert anon.apply("王志强与林春吵架，林春梅劝解。") == "王某与林某吵架，林春梅劝解。"


def test_surnames_and_organisations() -> None:
    assert surname("欧阳娜娜") == "欧阳" and surname("张喆") == "张"
    assert org_pseudonym("安溪县湖头镇湖二村村民委员会") == "某村民委员会"
    assert org_pseudonym("安溪县湖头镇湖头社区村民委员会") == "某村民委员会"
    assert org_pseudonym("安溪县鑫隆茶业有限公司") == "某茶业有限公司"


NAMES = st.builds(lambda s, g: s + g, st.sampled_from("张李王陈林黄吴刘郑苏谢柯"),
                  st.text(alphabet="喆明华英强芳秀建国志文彬丽振南春花海燕", min_size=1,
                          max_size=2))
MOBILES = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)


@settings(max_examples=150, deadline=None)
@given(a=NAMES, b=NAMES, phone=MOBILES, house=st.integers(1, 300),
       filler=st.text(alphabet="，。的了在家门口说要求赔偿钱款因为所以", max_size=30))
def test_whatever_the_names_nothing_survives(a: str, b: str, phone: str, house: int,
                                             filler: str) -> None:
    people = (Person(a, "applicant", phone=phone, address=f"湖头镇湖一村2组{house}号"),
              Person(b, "respondent"))
    text = f"{a}{filler}{b}。{a}的电话是{phone[:3]} {phone[3:7]} {phone[7:]}，住湖头镇湖一村2组{house}号。"
    out = Anonymiser(people, villages=["湖一村"]).apply(text)
    assert find_leaks(out, people) == [], out
