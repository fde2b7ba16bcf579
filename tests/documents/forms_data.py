"""Realistic case files for the form tests (issue 6): a township room's neighbour dispute that
was agreed, followed up and archived; one that ended without agreement; one found on a patrol
and registered by the room itself. Party names carry the rare characters real registers hold
(㛃 䶮 喆 堃); ID numbers pass the GB 11643 check and match the birth dates and genders.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from mediation_desk.documents.data import (
    AgreementInfo,
    CaseFile,
    FollowUpInfo,
    MediatorInfo,
    PartyInfo,
    RecordInfo,
    RoomInfo,
    TermInfo,
)

RARE_NAMES = ("张喆", "王㛃", "李堃", "刘䶮")

ROOM = RoomInfo(
    room_name="问房调解室", committee_name="湖头镇人民调解委员会", header="安溪县湖头镇",
    address="福建省安溪县湖头镇湖二村问房调解室", phone="0595-23181234", court="安溪县人民法院")


def zhang() -> PartyInfo:
    return PartyInfo(
        side="applicant", side_label="申请人", kind="person", name="张喆", gender="男",
        ethnicity="汉族", birth_date=date(1971, 3, 2), age=55, id_number="350524197103020013",
        phone="13905951234", address="福建省安溪县湖头镇湖二村12组35号", occupation="农民")


def wang() -> PartyInfo:
    return PartyInfo(
        side="applicant", side_label="申请人", kind="person", name="王㛃", gender="女",
        ethnicity="汉族", birth_date=date(1978, 8, 15), age=48, id_number="350524197808150029",
        phone="13805956789", address="福建省安溪县湖头镇湖二村12组35号", occupation="个体工商户")


def li() -> PartyInfo:
    return PartyInfo(
        side="respondent", side_label="被申请人", kind="person", name="李堃", gender="男",
        ethnicity="汉族", birth_date=date(1965, 1, 20), age=61, id_number="350524196501200031",
        phone="15959501122", address="福建省安溪县湖头镇湖二村12组37号", occupation="泥水工",
        agent="李明华（系被申请人之子）")


def liu() -> PartyInfo:
    return PartyInfo(
        side="third_party", side_label="第三人", kind="person", name="刘䶮", gender="女",
        ethnicity="畲族", birth_date=date(1988, 6, 11), age=38, id_number="350524198806110044",
        phone="18850502233", address="福建省安溪县湖头镇竹山村3组8号", occupation="教师")


def property_company() -> PartyInfo:
    return PartyInfo(
        side="respondent", side_label="被申请人", kind="organization",
        name="安溪县湖头镇恒安物业服务有限公司", phone="0595-23185566",
        address="福建省安溪县湖头镇光德路18号", legal_representative="陈堃")


MEDIATORS = (MediatorInfo("林春梅", "lead", "主持人"), MediatorInfo("苏文彬", "member", "参与"),
             MediatorInfo("黄雅琴", "recorder", "记录人"))


def _investigations() -> tuple[RecordInfo, ...]:
    return (
        RecordInfo("investigation", datetime(2026, 3, 4, 9, 30), "李堃家中",
                   ("李堃", "林春梅", "黄雅琴"), "黄雅琴",
                   "问：你与张喆是什么关系？\n答：我们是前后屋的邻居，住了二十多年了。\n"
                   "问：请讲一下排水沟的事情。\n答：去年十月我家翻建厨房，把屋后的排水沟改了道，"
                   "下雨时水流到他家墙根，这个我承认。\n问：你对解决这件事有什么想法？\n"
                   "答：我愿意把沟改回去，但他要的赔偿太多了。"),
        RecordInfo("investigation", datetime(2026, 3, 3, 15, 0), "湖二村村委会",
                   ("张喆", "王㛃", "林春梅", "苏文彬", "黄雅琴"), "黄雅琴",
                   "问：你与李堃是什么关系？\n答：我们是邻居，他家在我家后面。\n"
                   "问：请讲一下事情的经过。\n答：去年十月李堃家翻建厨房，把排水沟改到我家墙根，"
                   "今年春天连下几场雨，我家东墙渗水，墙皮脱落，厨房也进了水。\n"
                   "问：有没有证据？\n答：有照片，还有村里网格员看过现场。"),
    )


def _sessions() -> tuple[RecordInfo, ...]:
    return (
        RecordInfo("mediation", datetime(2026, 3, 10, 9, 0), "问房调解室",
                   ("张喆", "王㛃", "李堃", "湖二村老人会会长黄德水", "林春梅", "苏文彬",
                    "黄雅琴"), "黄雅琴",
                   "申请人陈述：李堃家改道的排水沟把雨水引到我家墙根，东墙渗水、墙皮脱落，"
                   "要求恢复排水沟原状并赔偿修缮费用五千元。\n"
                   "被申请人陈述：改沟是为了翻建厨房，没想到影响对方，愿意改回，但赔偿数额过高。\n"
                   "调解员组织双方到现场实地查看，核实了渗水部位和排水沟走向。\n"
                   "调解员向双方释明相关法律规定，以李光地“以和为贵”的家训引导双方各让一步。\n"
                   "双方意见逐渐接近，约定补充修缮报价后再次调解。"),
        RecordInfo("mediation", datetime(2026, 3, 17, 14, 30), "问房调解室",
                   ("张喆", "王㛃", "李堃", "林春梅", "黄雅琴"), "黄雅琴",
                   "申请人出示了修缮报价单，共计四千六百元。\n被申请人表示认可报价。\n"
                   "经调解，双方自愿达成如下协议：李堃于2026年3月31日前将排水沟恢复原状；"
                   "李堃赔偿张喆、王㛃墙体修缮费用3000元。调解员当场宣读，双方确认无误后签字。"),
    )


def agreed_case(**changes: object) -> CaseFile:
    """Agreed in writing, followed up twice, closed and archived: every form applies."""
    case = CaseFile(
        room=ROOM, number="（2026）湖头人调字第12号", title="张喆、王㛃与李堃排水沟纠纷",
        status="已归档", received_on=date(2026, 3, 2), source="当事人申请",
        dispute_type="邻里纠纷", village="湖二村",
        summary="申请人张喆、王㛃与被申请人李堃系前后屋邻居。2025年10月，李堃翻建厨房时将屋后排水沟"
                "改道至申请人东墙墙根，2026年春季多次降雨后申请人东墙渗水、墙皮脱落，厨房进水。"
                "双方多次交涉未果，曾发生口角。",
        requests=("请求被申请人将排水沟恢复原状", "请求被申请人赔偿墙体修缮费用5000元"),
        procedure="normal", parties=(zhang(), wang(), li(), liu()), mediators=MEDIATORS,
        records=_investigations() + _sessions(),
        agreement=AgreementInfo(
            form="written", reached_on=date(2026, 3, 17), effective_on=date(2026, 3, 17),
            facts="李堃翻建厨房时将排水沟改道至张喆、王㛃家东墙墙根，致其墙体渗水受损。",
            issues="排水沟是否恢复原状及墙体修缮费用的承担。",
            responsibilities="李堃对纠纷的发生负主要责任，张喆、王㛃负次要责任。",
            terms=(TermInfo(1, "李堃于2026年3月31日前将屋后排水沟恢复原状。", obligor="李堃",
                            obligee="张喆", due_on=date(2026, 3, 31), place="湖二村12组"),
                   TermInfo(2, "李堃赔偿张喆、王㛃墙体修缮费用。", obligor="李堃", obligee="张喆",
                            amount_fen=300000, due_on=date(2026, 3, 25), place="问房调解室",
                            method="银行转账", performance="已履行"))),
        followups=(
            FollowUpInfo(due_on=date(2026, 4, 1), done_on=date(2026, 4, 2), visited="张喆",
                         performance="已履行", satisfaction="满意", sued=False,
                         renewed_conflict="", measures="", visitor="林春梅",
                         body="上门回访张喆，李堃已于3月28日将排水沟恢复原状，修缮费用3000元已于"
                              "3月24日转账付清，双方关系已经缓和。"),
            FollowUpInfo(due_on=date(2026, 6, 1), done_on=None, visited="李堃",
                         performance="", satisfaction="", sued=False, renewed_conflict="",
                         measures="", visitor="林春梅"),
        ),
        amount_fen=500000, people_involved=4, risk_level="黄",
        notified_on=date(2026, 3, 2), deadline_on=date(2026, 4, 1), closed_on=date(2026, 4, 10),
        archived_on=date(2026, 4, 20), outcome="调解成功", retention="10年", filed_by="黄雅琴",
        printed_on=date(2026, 4, 20))
    return replace(case, **changes)  # type: ignore[arg-type]


def terminated_case(**changes: object) -> CaseFile:
    """Mediation failed and was ended; the parties are told the other routes."""
    case = agreed_case(
        number="（2026）湖头人调字第15号", title="张喆与安溪县湖头镇恒安物业服务有限公司物业纠纷",
        status="已终止调解", dispute_type="物业纠纷",
        summary="申请人张喆认为被申请人物业公司未履行小区电梯维修义务，拒交2025年度物业费，"
                "物业公司停止为其车辆办理门禁。",
        requests=("请求被申请人恢复车辆门禁", "请求被申请人于一个月内修复电梯"),
        parties=(zhang(), property_company()),
        records=(RecordInfo("mediation", datetime(2026, 5, 8, 10, 0), "问房调解室",
                            ("张喆", "陈堃", "林春梅", "黄雅琴"), "黄雅琴",
                            "双方分歧较大。被申请人坚持先交物业费后恢复门禁，申请人坚持先修电梯。"
                            "经多次调解，双方分歧仍然较大，无法达成协议。"),),
        agreement=None, followups=(), outcome="终止调解",
        termination_reason="经多次调解双方分歧仍然较大，无法达成协议",
        notified_on=date(2026, 5, 6), received_on=date(2026, 5, 6), closed_on=date(2026, 5, 20),
        archived_on=None, filed_by="", printed_on=date(2026, 5, 20))
    return replace(case, **changes)  # type: ignore[arg-type]


def patrol_case(**changes: object) -> CaseFile:
    """Found on a village patrol and registered by the room itself: an intake register, no
    application; still being mediated (no agreement yet)."""
    case = agreed_case(
        number="（2026）湖头人调字第21号", title="刘䶮与李堃宅基地纠纷", status="调解中",
        source="排查发现", dispute_type="房屋宅基地纠纷", village="竹山村",
        summary="排查中发现刘䶮与李堃因宅基地界址发生争执，双方各自砌墙，险些发生肢体冲突。",
        requests=(), parties=(replace(liu(), side="applicant", side_label="申请人"), li()),
        records=(), agreement=None, followups=(), outcome="", closed_on=None, archived_on=None,
        received_on=date(2026, 6, 3), notified_on=date(2026, 6, 3), filed_by="",
        risk_level="橙", printed_on=date(2026, 6, 5))
    return replace(case, **changes)  # type: ignore[arg-type]
