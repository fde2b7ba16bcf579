"""The articles 以案释法 briefs quote most in rural disputes, and which disputes they fit.

Why in code: a new room must have a useful library on the first day, with no network; the room
edits it (an amended law, a local regulation), and those edits are stored in the register over
these defaults (``LawArticle`` rows keyed like ``民法典:288``). The list follows domain.md's
"articles most used in rural disputes" plus the contract and tort articles a 合同 or
损害赔偿 case needs. Texts are the statutes' own words; a long article is quoted in the
paragraphs a mediation brief uses, the rest marked "……".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

CIVIL_CODE = "中华人民共和国民法典"
LAND_ADMIN = "中华人民共和国土地管理法"
ELDERLY = "中华人民共和国老年人权益保障法"
LAND_CONTRACT = "中华人民共和国农村土地承包法"
MEDIATION = "中华人民共和国人民调解法"

#: Topics an article is filed under (codes stored; labels shown in the library editor).
TOPICS: Mapping[str, str] = MappingProxyType({
    "neighbours": "相邻关系",
    "homestead": "宅基地与农村建房",
    "land": "土地权属与承包",
    "support": "赡养与抚养",
    "divorce": "离婚后子女与财产",
    "contract": "合同",
    "tort": "损害赔偿",
    "mediation": "人民调解协议",
})


@dataclass(frozen=True)
class Article:
    key: str  # "民法典:288": short law name and article number, stable across editions
    law: str
    article: str  # 第二百八十八条
    text: str
    topics: tuple[str, ...]

    @property
    def citation(self) -> str:
        return f"《{self.law}》{self.article}"


def _a(key: str, law: str, article: str, topics: str, text: str) -> Article:
    return Article(key, law, article, text, tuple(topics.split()))


DEFAULT_ARTICLES: tuple[Article, ...] = (
    _a("民法典:288", CIVIL_CODE, "第二百八十八条", "neighbours",
       "不动产的相邻权利人应当按照有利生产、方便生活、团结互助、公平合理的原则，正确处理相邻关系。"),
    _a("民法典:289", CIVIL_CODE, "第二百八十九条", "neighbours",
       "法律、法规对处理相邻关系有规定的，依照其规定；法律、法规没有规定的，可以按照当地习惯。"),
    _a("民法典:290", CIVIL_CODE, "第二百九十条", "neighbours",
       "不动产权利人应当为相邻权利人用水、排水提供必要的便利。"
       "对自然流水的利用，应当在不动产的相邻权利人之间合理分配。对自然流水的排放，应当尊重自然流向。"),
    _a("民法典:291", CIVIL_CODE, "第二百九十一条", "neighbours",
       "不动产权利人对相邻权利人因通行等必须利用其土地的，应当提供必要的便利。"),
    _a("民法典:292", CIVIL_CODE, "第二百九十二条", "neighbours homestead",
       "不动产权利人因建造、修缮建筑物以及铺设电线、电缆、水管、暖气和燃气管线等必须利用相邻土地、"
       "建筑物的，该土地、建筑物的权利人应当提供必要的便利。"),
    _a("民法典:293", CIVIL_CODE, "第二百九十三条", "neighbours homestead",
       "建造建筑物，不得违反国家有关工程建设标准，不得妨碍相邻建筑物的通风、采光和日照。"),
    _a("民法典:294", CIVIL_CODE, "第二百九十四条", "neighbours",
       "不动产权利人不得违反国家规定弃置固体废物，排放大气污染物、水污染物、土壤污染物、噪声、"
       "光辐射、电磁辐射等有害物质。"),
    _a("民法典:295", CIVIL_CODE, "第二百九十五条", "neighbours homestead",
       "不动产权利人挖掘土地、建造建筑物、铺设管线以及安装设备等，不得危及相邻不动产的安全。"),
    _a("民法典:296", CIVIL_CODE, "第二百九十六条", "neighbours",
       "不动产权利人因用水、排水、通行、铺设管线等利用相邻不动产的，应当尽量避免对相邻的不动产"
       "权利人造成损害。"),
    _a("民法典:362", CIVIL_CODE, "第三百六十二条", "homestead",
       "宅基地使用权人依法对集体所有的土地享有占有和使用的权利，有权依法利用该土地建造住宅及其"
       "附属设施。"),
    _a("民法典:363", CIVIL_CODE, "第三百六十三条", "homestead",
       "宅基地使用权的取得、行使和转让，适用土地管理的法律和国家有关规定。"),
    _a("民法典:364", CIVIL_CODE, "第三百六十四条", "homestead",
       "宅基地因自然灾害等原因灭失的，宅基地使用权消灭。对失去宅基地的村民，应当依法重新分配宅基地。"),
    _a("民法典:365", CIVIL_CODE, "第三百六十五条", "homestead",
       "已经登记的宅基地使用权转让或者消灭的，应当及时办理变更登记或者注销登记。"),
    _a("土地管理法:62", LAND_ADMIN, "第六十二条", "homestead",
       "农村村民一户只能拥有一处宅基地，其宅基地的面积不得超过省、自治区、直辖市规定的标准。"
       "……农村村民建住宅，应当符合乡（镇）土地利用总体规划、村庄规划，不得占用永久基本农田，"
       "并尽量使用原有的宅基地和村内空闲地。……农村村民住宅用地，由乡（镇）人民政府审核批准；"
       "其中，涉及占用农用地的，依照本法第四十四条的规定办理审批手续。"
       "农村村民出卖、出租、赠与住宅后，再申请宅基地的，不予批准。……"),
    _a("土地管理法:14", LAND_ADMIN, "第十四条", "land homestead",
       "土地所有权和使用权争议，由当事人协商解决；协商不成的，由人民政府处理。"
       "单位之间的争议，由县级以上人民政府处理；个人之间、个人与单位之间的争议，由乡级人民政府"
       "或者县级以上人民政府处理。当事人对有关人民政府的处理决定不服的，可以自接到处理决定通知"
       "之日起三十日内，向人民法院起诉。在土地所有权和使用权争议解决前，任何一方不得改变土地利用现状。"),
    _a("民法典:26", CIVIL_CODE, "第二十六条", "support",
       "父母对未成年子女负有抚养、教育和保护的义务。成年子女对父母负有赡养、扶助和保护的义务。"),
    _a("民法典:1067", CIVIL_CODE, "第一千零六十七条", "support divorce",
       "父母不履行抚养义务的，未成年子女或者不能独立生活的成年子女，有要求父母给付抚养费的权利。"
       "成年子女不履行赡养义务的，缺乏劳动能力或者生活困难的父母，有要求成年子女给付赡养费的权利。"),
    _a("民法典:1069", CIVIL_CODE, "第一千零六十九条", "support",
       "子女应当尊重父母的婚姻权利，不得干涉父母离婚、再婚以及婚后的生活。子女对父母的赡养义务，"
       "不因父母的婚姻关系变化而终止。"),
    _a("老年人权益保障法:14", ELDERLY, "第十四条", "support",
       "赡养人应当履行对老年人经济上供养、生活上照料和精神上慰藉的义务，照顾老年人的特殊需要。"
       "赡养人是指老年人的子女以及其他依法负有赡养义务的人。赡养人的配偶应当协助赡养人履行赡养义务。"),
    _a("老年人权益保障法:19", ELDERLY, "第十九条", "support",
       "赡养人不得以放弃继承权或者其他理由，拒绝履行赡养义务。赡养人不履行赡养义务，老年人有要求"
       "赡养人付给赡养费等权利。赡养人不得要求老年人承担力不能及的劳动。"),
    _a("老年人权益保障法:20", ELDERLY, "第二十条", "support",
       "经老年人同意，赡养人之间可以就履行赡养义务签订协议。赡养协议的内容不得违反法律的规定和"
       "老年人的意愿。基层群众性自治组织、老年人组织或者赡养人所在单位监督协议的履行。"),
    _a("民法典:1085", CIVIL_CODE, "第一千零八十五条", "divorce",
       "离婚后，子女由一方直接抚养的，另一方应当负担部分或者全部抚养费。负担费用的多少和期限的长短，"
       "由双方协议；协议不成的，由人民法院判决。前款规定的协议或者判决，不妨碍子女在必要时向父母"
       "任何一方提出超过协议或者判决原定数额的合理要求。"),
    _a("民法典:1087", CIVIL_CODE, "第一千零八十七条", "divorce",
       "离婚时，夫妻的共同财产由双方协议处理；协议不成的，由人民法院根据财产的具体情况，按照照顾"
       "子女、女方和无过错方权益的原则判决。对夫或者妻在家庭土地承包经营中享有的权益等，应当依法予以保护。"),
    _a("农村土地承包法:21", LAND_CONTRACT, "第二十一条", "land",
       "耕地的承包期为三十年。草地的承包期为三十年至五十年。林地的承包期为三十年至七十年。"
       "前款规定的耕地承包期届满后再延长三十年，草地、林地承包期届满后依照前款规定相应延长。"),
    _a("农村土地承包法:27", LAND_CONTRACT, "第二十七条", "land",
       "承包期内，发包方不得收回承包地。……"),
    _a("农村土地承包法:31", LAND_CONTRACT, "第三十一条", "land divorce",
       "承包期内，妇女结婚，在新居住地未取得承包地的，发包方不得收回其原承包地；妇女离婚或者丧偶，"
       "仍在原居住地生活或者不在原居住地生活但在新居住地未取得承包地的，发包方不得收回其原承包地。"),
    _a("农村土地承包法:55", LAND_CONTRACT, "第五十五条", "land",
       "因土地承包经营发生纠纷的，双方当事人可以通过协商解决，也可以请求村民委员会、乡（镇）人民"
       "政府等调解解决。当事人不愿协商、调解或者协商、调解不成的，可以向农村土地承包仲裁机构申请"
       "仲裁，也可以直接向人民法院起诉。"),
    _a("民法典:465", CIVIL_CODE, "第四百六十五条", "contract",
       "依法成立的合同，受法律保护。依法成立的合同，仅对当事人具有法律约束力，但是法律另有规定的除外。"),
    _a("民法典:509", CIVIL_CODE, "第五百零九条", "contract",
       "当事人应当按照约定全面履行自己的义务。当事人应当遵循诚信原则，根据合同的性质、目的和交易"
       "习惯履行通知、协助、保密等义务。……"),
    _a("民法典:577", CIVIL_CODE, "第五百七十七条", "contract",
       "当事人一方不履行合同义务或者履行合同义务不符合约定的，应当承担继续履行、采取补救措施或者"
       "赔偿损失等违约责任。"),
    _a("民法典:1165", CIVIL_CODE, "第一千一百六十五条", "tort",
       "行为人因过错侵害他人民事权益造成损害的，应当承担侵权责任。"
       "依照法律规定推定行为人有过错，其不能证明自己没有过错的，应当承担侵权责任。"),
    _a("人民调解法:28", MEDIATION, "第二十八条", "mediation",
       "经人民调解委员会调解达成调解协议的，可以制作调解协议书。当事人认为无需制作调解协议书的，"
       "可以采取口头协议方式，人民调解员应当记录协议内容。"),
    _a("人民调解法:31", MEDIATION, "第三十一条", "mediation",
       "经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。"
       "人民调解委员会应当对调解协议的履行情况进行监督，督促当事人履行约定的义务。"),
    _a("人民调解法:33", MEDIATION, "第三十三条", "mediation",
       "经人民调解委员会调解达成调解协议后，双方当事人认为有必要的，可以自调解协议生效之日起三十日"
       "内共同向人民法院申请司法确认，人民法院应当及时对调解协议进行审查，依法确认调解协议的效力。"
       "人民法院依法确认调解协议有效，一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院"
       "申请强制执行。……"),
)

#: Which topics a dispute type's brief draws its articles from (labels of the default
#: dictionary; a type not listed gets the mediation articles only).
TYPE_TOPICS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "邻里纠纷": ("neighbours",),
    "房屋宅基地纠纷": ("homestead", "neighbours"),
    "山林土地纠纷": ("land",),
    "征地拆迁纠纷": ("land",),
    "婚姻家庭纠纷": ("support", "divorce"),
    "合同纠纷": ("contract",),
    "生产经营纠纷": ("contract",),
    "劳动争议纠纷": ("contract",),
    "消费纠纷": ("contract",),
    "物业纠纷": ("contract",),
    "损害赔偿纠纷": ("tort",),
    "道路交通事故纠纷": ("tort",),
    "医疗纠纷": ("tort",),
    "环境污染纠纷": ("neighbours", "tort"),
})

#: The opening of 释法说理 per topic: what the law says about this kind of dispute, in the
#: plain words a talk in a village uses. The mediator completes it for the case.
REASONING: Mapping[str, str] = MappingProxyType({
    "neighbours": "相邻关系纠纷看似小事，处理不好却容易积怨。法律要求相邻各方按照有利生产、方便生活、"
                  "团结互助、公平合理的原则处理用水、排水、通行、采光等问题，利用相邻不动产时应当"
                  "尽量避免造成损害。",
    "homestead": "宅基地属于农村集体所有，村民依法只享有使用权，一户只能拥有一处宅基地，建房须经"
                 "乡（镇）人民政府审核批准，且不得妨碍相邻建筑物的通风、采光和日照。",
    "land": "土地权属争议应当先协商，协商不成的由人民政府处理；承包期内发包方不得随意收回承包地，"
            "妇女的土地承包权益受法律保护。争议解决前，任何一方不得改变土地利用现状。",
    "support": "赡养父母是成年子女的法定义务，包括经济上供养、生活上照料和精神上慰藉，不因放弃继承权"
               "或者父母婚姻关系的变化而免除。子女之间可以在老人同意的前提下签订赡养协议，约定分担方式。",
    "divorce": "离婚后，父母对子女仍有抚养、教育和保护的义务，不直接抚养子女的一方应当负担抚养费；"
               "共同财产的分割应当照顾子女、女方和无过错方的权益。",
    "contract": "依法成立的合同受法律保护，当事人应当按照约定全面履行义务；一方违约的，应当承担继续"
                "履行、采取补救措施或者赔偿损失等责任。",
    "tort": "因过错侵害他人民事权益造成损害的，应当承担侵权责任；赔偿的范围和数额，可以在查明事实、"
            "分清责任的基础上协商确定。",
    "mediation": "经人民调解委员会调解达成的调解协议具有法律约束力，当事人应当按照约定履行；双方认为"
                 "有必要的，可以在协议生效之日起三十日内共同申请司法确认。",
})


def topics_for(dispute_type: str) -> tuple[str, ...]:
    """The topics a brief about this dispute type quotes (mediation articles always last)."""
    return (*TYPE_TOPICS.get(dispute_type, ()), "mediation")


#: The articles a brief about each dispute type starts with (the mediator adds or removes).
SUGGESTED: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "邻里纠纷": ("民法典:288", "民法典:290", "民法典:291", "民法典:293", "民法典:296"),
    "房屋宅基地纠纷": ("民法典:288", "民法典:293", "民法典:362", "土地管理法:62"),
    "山林土地纠纷": ("土地管理法:14", "农村土地承包法:27", "农村土地承包法:55"),
    "征地拆迁纠纷": ("土地管理法:14", "农村土地承包法:27"),
    "婚姻家庭纠纷": ("民法典:26", "民法典:1067", "老年人权益保障法:14", "老年人权益保障法:19"),
    "合同纠纷": ("民法典:465", "民法典:509", "民法典:577"),
    "生产经营纠纷": ("民法典:509", "民法典:577"),
    "劳动争议纠纷": ("民法典:509", "民法典:577"),
    "消费纠纷": ("民法典:509", "民法典:577"),
    "物业纠纷": ("民法典:509", "民法典:577"),
    "损害赔偿纠纷": ("民法典:1165",),
    "道路交通事故纠纷": ("民法典:1165",),
    "医疗纠纷": ("民法典:1165",),
    "环境污染纠纷": ("民法典:294", "民法典:1165"),
})
#: Quoted in every brief: an agreement binds the parties, and the room supervises it.
ALWAYS = ("人民调解法:31",)


def suggested_keys(dispute_type: str, articles: Sequence[Article]) -> list[str]:
    """Keys of the articles a brief about ``dispute_type`` starts with, in library order:
    the type's list (:data:`SUGGESTED`; for a type the room added, the articles filed under
    its topics) and :data:`ALWAYS`. Retired or missing articles are left out."""
    wanted = set(SUGGESTED.get(dispute_type, ())) | set(ALWAYS)
    if dispute_type not in SUGGESTED:
        topics = set(TYPE_TOPICS.get(dispute_type, ()))
        wanted |= {a.key for a in articles if topics & set(a.topics)}
    return [a.key for a in articles if a.key in wanted]
