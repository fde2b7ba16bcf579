"""Realistic case files for the printed-form tests, and helpers that read a PDF back.

The cases are written as a mediator at 问房调解室 would fill them: real dispute types, party
details as a court expects them, names with rare characters (张㛃, 王䶮, 李喆, 陈堃) that a
font without full CJK coverage would print as holes. Builders are plain functions (usable from
any test via ``from tests.documents.conftest import ...``) and also offered as fixtures.

PDFs are read back with poppler (``pdftotext -layout``, ``pdffonts``); ``review_png`` renders
pages to build/pdf-review/ for a person to look at.

No test here assumes which fonts the machine has: :func:`unprintable` finds a character that no
face of the chain in use has (checked, not assumed), and ``wide_font`` is a face generated for
the session (tests/documents/fontgen.py).
"""

from __future__ import annotations

import dataclasses
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from mediation_desk.documents.data import (
    AgreementInfo,
    CaseFile,
    FindingInfo,
    FollowUpInfo,
    MediatorInfo,
    PartyInfo,
    PatrolMonth,
    PatrolSlot,
    PatrolVisitSheet,
    PrintedInfo,
    RecordInfo,
    RoomInfo,
    TermInfo,
)
from mediation_desk.documents.fonts import FontChain, chain_for

REVIEW = Path(__file__).resolve().parents[2] / "build" / "pdf-review"
PRINTED_ON = date(2026, 11, 20)

ROOM = RoomInfo(
    room_name="问房调解室",
    committee_name="湖头镇人民调解委员会",
    header="安溪县湖头镇",
    address="安溪县湖头镇湖二村问房调解室",
    phone="0595-23221234",
    court="安溪县人民法院",
)

MEDIATORS = (
    MediatorInfo("林春梅", "lead", "主持人"),
    MediatorInfo("李光明", "member", "参与"),
    MediatorInfo("陈志强", "recorder", "记录人"),
)


def zhang_jie() -> PartyInfo:
    return PartyInfo(
        side="applicant", side_label="申请人", kind="person", name="张㛃", gender="女",
        ethnicity="汉族", birth_date=date(1968, 5, 17), age=58,
        id_number="350524196805172025", phone="13905951234",
        address="福建省安溪县湖头镇湖二村3组45号", occupation="农民")


def wang_yan() -> PartyInfo:
    return PartyInfo(
        side="respondent", side_label="被申请人", kind="person", name="王䶮", gender="男",
        ethnicity="汉族", birth_date=date(1975, 9, 3), age=51,
        id_number="350524197509031513", phone="13860712345",
        address="福建省安溪县湖头镇湖二村3组47号", occupation="个体工商户")


def li_zhe() -> PartyInfo:
    return PartyInfo(
        side="applicant", side_label="申请人", kind="person", name="李喆", gender="男",
        ethnicity="汉族", birth_date=date(1982, 1, 26), age=44,
        id_number="350524198201263013", phone="15959501234",
        address="福建省安溪县湖头镇光德村7组12号", occupation="茶农",
        agent="李文华（申请人之子）")


def hengda_company() -> PartyInfo:
    return PartyInfo(
        side="respondent", side_label="被申请人", kind="organization",
        name="安溪县湖头恒达建筑工程有限公司", id_type="other",
        id_number="91350524MA2XY1234K", phone="0595-23451888",
        address="福建省安溪县湖头镇光德路88号", legal_representative="王建国",
        agent="林晓燕（公司法务专员）")


def chen_kun() -> PartyInfo:
    return PartyInfo(
        side="third_party", side_label="第三人", kind="person", name="陈堃", gender="男",
        ethnicity="畲族", age=63, id_number="350524196304113510",
        phone="0595-23456789", address="福建省安溪县湖头镇光德村7组14号", occupation="退休教师")


def _records(on: date) -> tuple[RecordInfo, ...]:
    return (
        RecordInfo("investigation", datetime(on.year, on.month, on.day, 9, 30),
                   "湖二村3组现场", ("林春梅", "陈志强", "张㛃"), "陈志强",
                   "问：屋檐滴水的情况从什么时候开始？\n答：去年十月王家新房盖好以后，下雨就滴到我家院子里。\n"
                   "现场查看：被申请人房屋东侧屋檐伸出约四十厘米，申请人院墙顶部有水渍、墙皮脱落约三平方米。"),
        RecordInfo("mediation", datetime(on.year, on.month, on.day + 2, 14, 0),
                   "问房调解室", ("张㛃", "王䶮", "湖二村村委会主任 黄德明"), "陈志强",
                   "调解员告知双方当事人的权利义务，双方表示清楚。\n申请人陈述：屋檐滴水损坏院墙，要求改建并赔偿。\n"
                   "被申请人陈述：愿意改建排水，赔偿金额希望协商。\n经调解员释法说理，双方达成协议。"),
    )


def two_party_case() -> CaseFile:
    """A neighbours' dispute, two persons, a written agreement with a payment (伍仟元整)."""
    agreement = AgreementInfo(
        form="written", reached_on=date(2026, 11, 5), effective_on=date(2026, 11, 5),
        facts="申请人张㛃与被申请人王䶮系前后邻居。2025年10月，被申请人新建三层住房，东侧屋檐"
              "伸出约四十厘米，雨水滴落至申请人院内，致申请人院墙墙皮脱落、墙基渗水。",
        issues="被申请人是否应当改建屋檐排水设施，以及院墙修复费用如何承担。",
        responsibilities="被申请人建房时未预留排水距离，对院墙受损负主要责任；申请人发现问题后"
                         "未及时协商，亦有一定责任。",
        terms=(
            TermInfo(1, "被申请人王䶮于2026年11月30日前自费将东侧屋檐改建为内排水，确保雨水不再滴落至申请人院内。",
                     obligor="王䶮", obligee="张㛃", due_on=date(2026, 11, 30),
                     place="湖二村3组47号", method="自行施工"),
            TermInfo(2, "被申请人王䶮赔偿申请人张㛃院墙修复费用。", obligor="王䶮",
                     obligee="张㛃", amount_fen=500_000, due_on=date(2026, 12, 1),
                     place="问房调解室", method="银行转账"),
            TermInfo(3, "双方今后就本纠纷不再发生争议，和睦相处。", obligor="张㛃、王䶮"),
        ),
    )
    return CaseFile(
        room=ROOM, number="（2026）湖头人调字第12号", title="张㛃与王䶮邻里纠纷",
        status="调解成功", received_on=date(2026, 11, 2), source="当事人申请",
        dispute_type="邻里纠纷", village="湖二村",
        summary="申请人张㛃与被申请人王䶮系前后邻居，被申请人新建房屋的屋檐滴水落入申请人院内，"
                "致院墙受损，双方多次协商未果。",
        requests=("被申请人改建屋檐排水", "被申请人赔偿院墙修复费用5000元"),
        procedure="normal", parties=(zhang_jie(), wang_yan()), mediators=MEDIATORS,
        records=_records(date(2026, 11, 3)), agreement=agreement,
        followups=(FollowUpInfo(due_on=date(2026, 12, 5), done_on=date(2026, 12, 4),
                                visited="张㛃", performance="已履行", satisfaction="满意",
                                sued=False, renewed_conflict="无", measures="无需",
                                visitor="林春梅", body="屋檐已改为内排水，赔偿款已于12月1日转账。"),),
        amount_fen=500_000, people_involved=2, risk_level="蓝", notified_on=date(2026, 11, 3),
        deadline_on=date(2026, 12, 2), closed_on=date(2026, 11, 5), outcome="调解成功",
        retention="10年", filed_by="陈志强",
        printed=(PrintedInfo("agreement", "人民调解协议书", datetime(2026, 11, 5, 16, 0), 2),),
        printed_on=PRINTED_ON,
    )


def three_party_case() -> CaseFile:
    """A damage claim: a person, a company (legal representative and agent) and a third party."""
    agreement = AgreementInfo(
        form="written", reached_on=date(2026, 10, 18), effective_on=None,
        facts="2026年8月，被申请人安溪县湖头恒达建筑工程有限公司承建第三人陈堃的住房，基坑开挖"
              "时未采取支护措施，致相邻的申请人李喆房屋东墙出现三条裂缝，茶叶初制间地面下沉。",
        issues="房屋损坏的修复方式、修复费用及茶叶初制间停工损失的承担。",
        responsibilities="被申请人施工未采取支护措施，负主要责任；第三人作为建房业主未尽到"
                         "审慎选任和监督义务，负次要责任；申请人无责任。",
        terms=(
            TermInfo(1, "被申请人赔偿申请人房屋修复费用及停工损失。", obligor="安溪县湖头恒达建筑工程有限公司",
                     obligee="李喆", amount_fen=3_800_000, due_on=date(2026, 10, 31),
                     place="问房调解室", method="银行转账"),
            TermInfo(2, "第三人补偿申请人损失。", obligor="陈堃", obligee="李喆",
                     amount_fen=500_050, due_on=date(2026, 11, 15), place="问房调解室",
                     method="现金"),
            TermInfo(3, "被申请人在后续施工中对申请人房屋采取支护和监测措施，施工完毕后由双方"
                        "共同查看房屋状况。", obligor="安溪县湖头恒达建筑工程有限公司",
                     due_on=date(2027, 3, 31), place="光德村7组"),
        ),
    )
    return CaseFile(
        room=ROOM, number="（2026）湖头人调字第9号",
        title="李喆与安溪县湖头恒达建筑工程有限公司、陈堃损害赔偿纠纷", status="调解成功",
        received_on=date(2026, 10, 10), source="当事人申请", dispute_type="损害赔偿纠纷",
        village="光德村",
        summary="被申请人施工致申请人房屋开裂，申请人要求赔偿修复费用及停工损失。",
        requests=("赔偿房屋修复费用", "赔偿茶叶初制间停工损失"), procedure="normal",
        parties=(li_zhe(), hengda_company(), chen_kun()), mediators=MEDIATORS,
        agreement=agreement, amount_fen=4_300_050, people_involved=5, risk_level="黄",
        notified_on=date(2026, 10, 11), deadline_on=date(2026, 11, 9),
        closed_on=date(2026, 10, 18), outcome="调解成功", retention="10年", filed_by="陈志强",
        printed_on=PRINTED_ON,
    )


def long_names_case() -> CaseFile:
    """Three parties whose names test the signature cells: a four-character person's name
    with a rare character, a twenty-character company and a compound surname; and a village
    committee whose name is too long for one line in the seal circle."""
    base = three_party_case()
    applicant, company, third = base.parties
    parties = (dataclasses.replace(applicant, name="欧阳㛃华"),
               dataclasses.replace(company, name="福建省安溪县湖头恒达建筑工程有限责任公司"),
               dataclasses.replace(third, name="司马堃"))
    agreement = base.agreement
    assert agreement is not None
    terms = tuple(dataclasses.replace(t, obligor=parties[1].name if "恒达" in t.obligor
                                      else parties[2].name, obligee="欧阳㛃华")
                  for t in agreement.terms)
    room = dataclasses.replace(base.room, committee_name="安溪县湖头镇湖二村人民调解委员会")
    return dataclasses.replace(base, number="（2026）湖头人调字第16号", parties=parties,
                               room=room, agreement=dataclasses.replace(agreement, terms=terms))


_LONG_FACTS = (
    "申请人张㛃与被申请人王䶮系同村村民，双方承包的山林相邻，界址以山脊小路和一棵老樟树为标志。",
    "2019年，被申请人在自家山林内种植茶树，开垦时越过山脊小路约三米，申请人当时外出务工，未提出异议。",
    "2025年春，申请人返乡后发现界址处老樟树被砍伐，遂与被申请人发生争执，双方多次到村委会反映，"
    "村干部组织现场查看三次，因双方对界址认识不一未能化解。",
    "2026年9月，被申请人在争议地块内修建运茶便道，申请人阻止施工，双方发生推搡，经派出所出警处置，"
    "未造成人员受伤。派出所将纠纷移送本委员会调解。",
    "本委员会受理后，调解员会同村委会、林业站工作人员查阅了双方的林权证及1983年山林定权时的原始图册，"
    "并于2026年10月12日现场勘查，确认争议地块面积约0.6亩，其中茶树约一百二十株。",
)


def long_case() -> CaseFile:
    """A forest-land dispute whose agreement runs to three pages (many terms, long facts)."""
    base = two_party_case()
    terms = tuple(
        TermInfo(i + 1, text, obligor=obligor, obligee=obligee, amount_fen=amount,
                 due_on=due, place=place, method=method)
        for i, (text, obligor, obligee, amount, due, place, method) in enumerate([
            ("双方确认以1983年山林定权图册标注的山脊小路中心线为界，界址走向以本协议所附现场勘查图为准。",
             "张㛃、王䶮", "", None, date(2026, 11, 10), "争议山林现场", "共同确认"),
            ("被申请人于2026年12月31日前将越界种植的茶树全部移栽至界内，移栽期间申请人不得阻挠。",
             "王䶮", "张㛃", None, date(2026, 12, 31), "争议山林现场", "自行移栽"),
            ("被申请人赔偿申请人老樟树损失及林地占用费。", "王䶮", "张㛃", 1_260_000,
             date(2026, 12, 15), "问房调解室", "银行转账"),
            ("被申请人修建的运茶便道保留，申请人可无偿通行，便道维护费用由双方各承担一半。",
             "张㛃、王䶮", "", None, None, "", "按实际发生分担"),
            ("双方在界址处共同栽植樟树三株作为新的界址标志，树苗费用由被申请人承担。", "王䶮",
             "", 90_000, date(2027, 3, 12), "争议山林现场", "现金"),
            ("申请人于本协议生效之日起不再就2025年老樟树被砍伐一事向有关部门投诉。", "张㛃", "",
             None, None, "", ""),
            ("双方保证今后依照本协议确定的界址经营各自山林，不得越界开垦、种植或砍伐。", "张㛃、王䶮",
             "", None, None, "", ""),
            ("一方违反本协议约定的，另一方可以请求本委员会督促履行，也可以依法向人民法院提起诉讼。",
             "张㛃、王䶮", "", None, None, "", ""),
        ]))
    agreement = dataclasses.replace(
        base.agreement,  # type: ignore[arg-type]
        facts="\n".join(_LONG_FACTS),
        issues="争议地块的界址如何确定；越界种植的茶树如何处理；老樟树被砍伐的损失及林地占用费如何"
               "承担；运茶便道是否保留及今后通行、维护如何安排。" * 2,
        responsibilities="被申请人开垦时越界种植、砍伐界址老樟树，负主要责任；申请人在争议发生后"
                         "采取阻止施工的过激方式，负次要责任。" * 2,
        terms=terms)
    return dataclasses.replace(
        base, number="（2026）湖头人调字第15号", title="张㛃与王䶮山林土地纠纷",
        dispute_type="山林土地纠纷", source="委托移送（派出所）", agreement=agreement,
        amount_fen=1_350_000)


def short_case() -> CaseFile:
    """A small matter whose agreement fits one page: short facts, one term."""
    base = two_party_case()
    agreement = dataclasses.replace(
        base.agreement,  # type: ignore[arg-type]
        facts="被申请人饲养的鸡进入申请人菜地啄食青菜。", issues="菜地损失的赔偿。",
        responsibilities="被申请人未圈养家禽，负全部责任。",
        terms=(TermInfo(1, "被申请人当场赔偿申请人青菜损失，今后圈养家禽。", obligor="王䶮",
                        obligee="张㛃", amount_fen=20_000, due_on=date(2026, 11, 5),
                        place="问房调解室", method="现金"),))
    return dataclasses.replace(base, number="（2026）湖头人调字第13号", agreement=agreement,
                               amount_fen=20_000)


def oral_case() -> CaseFile:
    """A simple on-the-spot mediation ending in an oral agreement."""
    base = short_case()
    agreement = dataclasses.replace(base.agreement, form="oral")  # type: ignore[arg-type]
    return dataclasses.replace(base, number="（2026）湖头人调字第14号", procedure="simple",
                               agreement=agreement)


def terminated_case() -> CaseFile:
    """Mediation ended without agreement: the termination notice's case."""
    base = three_party_case()
    return dataclasses.replace(base, number="（2026）湖头人调字第10号", agreement=None,
                               status="终止调解", outcome="终止调解",
                               termination_reason="被申请人明确表示不再接受调解，双方分歧较大，"
                                                  "调解无法继续进行。")


def patrol_month() -> PatrolMonth:
    slots = []
    for day, village, mark in [(1, "湖二村", "已排查"), (1, "光德村", "零报告"),
                               (11, "湖二村", "已排查"), (11, "光德村", "未排查"),
                               (15, "湖头镇区", "改期"), (21, "湖二村", ""),
                               (21, "光德村", ""), (24, "美溪村", "已取消")]:
        team = ("林春梅", "陈志强") if village != "光德村" else ("李光明", "黄德明")
        slots.append(PatrolSlot(date(2026, 12, day), "09:00" if village != "光德村" else "14:30",
                                f"{village}定期排查", (village,), team, team[0], mark))
    return PatrolMonth(ROOM, 2026, 12, tuple(slots))


def patrol_visit() -> PatrolVisitSheet:
    findings = (
        FindingInfo("两户因宅基地界址争执，一方准备砌墙。", "王䶮、张㛃", "房屋宅基地纠纷", 6, None,
                    "橙", "登记立案", "林春梅", date(2026, 12, 10), escalated_to="湖头镇综治中心"),
        FindingInfo("茶园雇工工资尚欠两个月。", "陈堃与茶园雇工五人", "劳动争议纠纷", 6, 1_800_000,
                    "黄", "当场调处", "陈志强", date(2026, 12, 5)),
    )
    return PatrolVisitSheet(ROOM, date(2026, 12, 1), "湖二村", "湖二村定期排查",
                            ("林春梅", "陈志强"), "林春梅", "村委会、3组、5组、湖二小学周边",
                            12, False, findings, focus=("山林土地", "农村建房"))


def zero_visit() -> PatrolVisitSheet:
    return PatrolVisitSheet(ROOM, date(2026, 12, 1), "光德村", "光德村定期排查",
                            ("李光明", "黄德明"), "李光明", "光德村村委会、7组", 9, True, ())


# -- reading PDFs back ----------------------------------------------------------------------

def pdf_text(pdf: bytes, layout: bool = True) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), "-", "-"]
    return subprocess.run(args, input=pdf, capture_output=True, check=True).stdout.decode()


def pdf_fonts(pdf: bytes, tmp: Path) -> list[dict[str, str]]:
    """pdffonts rows as dicts (name, type, emb) — pdffonts needs a file."""
    path = tmp / "fonts-check.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    rows = []
    for line in out.stdout.splitlines()[2:]:
        parts = line.split()
        # name type... encoding emb sub uni object ID: emb is the 5th field from the end
        rows.append({"name": parts[0], "type": parts[1], "emb": parts[-5]})
    return rows


def review_png(pdf: bytes, name: str, dpi: int = 60) -> list[Path]:
    """Render every page to build/pdf-review/<name>-N.png for looking at."""
    REVIEW.mkdir(parents=True, exist_ok=True)
    (REVIEW / f"{name}.pdf").write_bytes(pdf)
    for old in REVIEW.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(REVIEW / f"{name}.pdf"),
                    str(REVIEW / name)], check=True)
    return sorted(REVIEW.glob(f"{name}-*.png"))


@pytest.fixture
def case2() -> CaseFile:
    return two_party_case()


@pytest.fixture
def case3() -> CaseFile:
    return three_party_case()


@pytest.fixture
def case_long() -> CaseFile:
    return long_case()


@pytest.fixture
def case_short() -> CaseFile:
    return short_case()


@pytest.fixture
def case_oral() -> CaseFile:
    return oral_case()


@pytest.fixture
def case_terminated() -> CaseFile:
    return terminated_case()


# -- fonts ------------------------------------------------------------------------------------

def unprintable(chain: FontChain | None = None) -> str:
    """A private-use character (a 自造字's code point) that no face of ``chain`` — by default
    the chain documents print with here — has a glyph for. Checked face by face, because some
    fonts do draw private-use characters."""
    chain = chain or chain_for()
    for code in range(0xE000, 0xF900):
        if chain.font_for(chr(code)) is None:
            return chr(code)
    pytest.skip("every private-use character has a glyph in some font of this machine")


@pytest.fixture(scope="session")
def wide_font(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled face with every advance 8 % wider (generated, see fontgen.widened)."""
    from tests.documents.fontgen import widened

    return widened(tmp_path_factory.mktemp("fonts") / "wide.ttf")
