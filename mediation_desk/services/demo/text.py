"""Word lists and sentence templates for demo data: people, places and the records' prose.

Names follow the shape of Anxi's population: a handful of big Minnan surnames (陈 林 黄 李 …;
湖头 is Li Guangdi's home town, so 李 is common), 2- and 3-character names, and now and then a
rare character (喆 堃 䶮 㛃) of the kind that breaks other systems' fonts and search. Every
name, ID number and phone number is invented.
"""

from __future__ import annotations

# (surname, weight)
SURNAMES: tuple[tuple[str, int], ...] = (
    ("陈", 14), ("林", 12), ("李", 12), ("黄", 9), ("王", 6), ("张", 6), ("苏", 4), ("洪", 4),
    ("郑", 4), ("谢", 4), ("蔡", 3), ("柯", 3), ("詹", 3), ("吴", 4), ("刘", 3), ("杨", 2),
    ("许", 2), ("周", 2), ("叶", 2), ("庄", 2), ("曾", 2), ("卢", 1), ("白", 1), ("廖", 1),
    ("高", 1), ("潘", 1), ("颜", 1), ("余", 1), ("傅", 1), ("戴", 1), ("欧阳", 1),
)  # fmt: skip

MALE_CHARS = "志国建明文伟强华金水清泉德荣福顺振兴永春宗辉俊杰海龙鸿锦成松茂忠毅庆祥家宏亮"
FEMALE_CHARS = "秀美丽玉珍英兰芳春梅凤琴霞燕雪莲惠娟丽婷淑月桂碧素琳雅静佳怡"
RARE_MALE = "喆堃䶮淼犇昇"
RARE_FEMALE = "㛃玥婕媖"

# Area codes for ID numbers: most parties are local (安溪), the rest from around Quanzhou.
AREA_CODES: tuple[tuple[str, int], ...] = (
    ("350524", 85), ("350583", 4), ("350526", 2), ("350525", 2), ("350582", 2),
    ("350503", 1), ("350203", 2), ("350102", 1), ("360726", 1),
)  # fmt: skip
ELSEWHERE = ("南安市官桥镇", "德化县龙浒镇", "永春县蓬壶镇", "晋江市陈埭镇", "厦门市思明区",
             "安溪县城厢镇", "安溪县蓬莱镇", "安溪县金谷镇")
MOBILE_PREFIXES = ("133", "135", "136", "137", "138", "139", "150", "151", "152", "158", "159",
                   "177", "180", "186", "187", "188", "189", "199")
STREETS = ("光地路", "湖山路", "三溪路", "民主街", "湖头新街", "清溪路")

ETHNICITIES: tuple[tuple[str, int], ...] = (("汉族", 970), ("畲族", 20), ("回族", 6),
                                            ("苗族", 2), ("土家族", 2))
OCCUPATIONS: tuple[tuple[str, int], ...] = (
    ("农民", 30), ("茶农", 20), ("个体工商户", 12), ("务工", 14), ("退休", 6), ("无业", 5),
    ("司机", 4), ("教师", 2), ("厨师", 2), ("建筑工人", 4), ("企业职工", 4),
)  # fmt: skip

# The room's mediators: (name, weight as lead). The first is the director.
MEDIATORS: tuple[tuple[str, int], ...] = (
    ("李振南", 10), ("林春梅", 22), ("陈志强", 18), ("黄秀英", 14), ("苏文彬", 12),
    ("洪丽珍", 10), ("郑国华", 8), ("谢美玲", 6),
)  # fmt: skip

# Organisations by kind: a name pattern ({x} a trade name, {v} a village).
ORG_NAMES: dict[str, tuple[str, ...]] = {
    "property": ("安溪县湖头镇{x}物业服务有限公司", "安溪{x}物业管理有限公司"),
    "employer": ("安溪县{x}茶业有限公司", "安溪县湖头{x}建材有限公司", "福建{x}建筑工程有限公司"),
    "shop": ("安溪县湖头镇{x}家电商行", "安溪县{x}商贸有限公司"),
    "clinic": ("安溪县湖头{x}诊所",),
    "factory": ("安溪县{x}石材有限公司", "安溪县湖头{x}竹木制品厂", "安溪县{x}生态养殖场"),
    "decorator": ("安溪县{x}装饰工程有限公司",),
    "coop": ("安溪县湖头镇{x}茶叶专业合作社", "安溪县{x}茶厂"),
    "village": ("安溪县湖头镇{v}村民委员会",),
}
TRADE_NAMES = ("鑫源", "恒泰", "嘉禾", "宏达", "永兴", "兴旺", "福顺", "瑞丰", "金山", "隆盛",
               "顺发", "华信", "清水", "光德", "山海", "云岭")

RELATIONS = {("male", "male"): ("父子", "长子"), ("male", "female"): ("父女", "长女"),
             ("female", "male"): ("母子", "长子"), ("female", "female"): ("母女", "长女")}

# The sentence a summary ends with, by how the case came in.
SOURCE_SENTENCES: dict[str, tuple[str, ...]] = {
    "当事人申请": ("双方多次协商未果，{a}遂向本调委会申请调解。",
              "村干部曾出面协调，但双方各执一词，{a}向本调委会申请调解。",
              "{a}到问房调解室申请调解，{b}同意接受调解。"),
    "调委会主动调解": ("本调委会获悉后主动介入，征得双方同意后受理调解。",),
    "排查发现": ("本调委会在{v}开展矛盾纠纷排查时发现该纠纷，征得双方同意后受理调解。",),
    "公安机关委托移送": ("双方发生争执，湖头派出所出警处置后将该纠纷移送本调委会调解。",),
    "法院委托移送": ("{a}向安溪县人民法院起诉，法院征得双方同意后委托本调委会调解。",),
    "信访部门委托移送": ("{a}曾到镇信访办反映，信访部门移送本调委会调解。",),
    "政府部门委托移送": ("镇政府有关部门将该纠纷移送本调委会调解。",),
}
SOURCES: tuple[tuple[str, int], ...] = (
    ("当事人申请", 68), ("调委会主动调解", 8), ("排查发现", 9), ("公安机关委托移送", 7),
    ("法院委托移送", 3), ("信访部门委托移送", 3), ("政府部门委托移送", 2),
)  # fmt: skip
EXTRA_STATE = ("双方矛盾有激化趋势，需及时化解。", "该纠纷已持续较长时间，双方积怨较深。",
               "双方曾因此发生肢体冲突。", "")

INVESTIGATION_PLACES = ("{a}家中", "{b}家中", "{v}村委会", "纠纷现场", "问房调解室")
MEDIATION_PLACES = ("问房调解室", "问房调解室", "问房调解室", "{v}村委会")
HELPERS = ("{v}村委会主任", "{v}村老人会会长", "{v}网格员", "湖头派出所民警", "双方亲属代表",
           "镇司法所工作人员")

# Questions and answers of an investigation: the first three always, then one to three more.
INVESTIGATION_QA = (
    ("问：你与对方是什么关系？", "答：{rel_answer}"),
    ("问：请讲一下事情的经过。", "答：{event}"),
    ("问：你对这件事有什么要求？", "答：{request}。"),
    ("问：对方是怎么说的？", "答：{defense}"),
    ("问：有没有其他人知道这件事？", "答：村里的干部和邻居都知道，可以作证。"),
    ("问：你还有什么需要补充的吗？", "答：没有了，希望调委会尽快帮我们解决。"),
)
INVESTIGATION_QA_RESPONDENT = (
    ("问：你与对方是什么关系？", "答：{rel_answer}"),
    ("问：对方反映的情况你是否清楚？", "答：清楚。{defense_answer}"),
    ("问：对方要求{request}，你有什么意见？", "答：{reply}"),
    ("问：对方是怎么说的？", "答：{event}"),
    ("问：你是否愿意接受调解？", "答：愿意，希望调委会公平处理。"),
    ("问：你还有什么需要补充的吗？", "答：没有了。"),
)
REPLIES = ("不同意，对方的要求不合理。", "可以商量，但金额要降低。", "愿意配合调解，听调委会的意见。",
           "要先把情况核实清楚再说。")
RIGHTS_SENTENCE = "调解员告知双方当事人在调解活动中享有的权利和承担的义务，双方表示已清楚，同意调解。"
RISK_SENTENCE = ("调解员向双方释明相关法律规定，提示双方理性表达诉求，不得采取过激行为。",
                 "调解员从情理法三方面进行疏导，以李光地“以和为贵”的家训引导双方各让一步。",
                 "调解员组织双方到现场实地查看，核实了争议情况。")
SESSION_OPEN = ("双方分歧较大，调解员分别做了双方的思想工作，约定另行调解。",
                "双方意见逐渐接近，约定补充材料后再次调解。",
                "{b}未能接受{a}的要求，调解员要求双方冷静考虑后再谈。")
SESSION_AGREED = ("经调解，双方自愿达成如下协议：{terms}。调解员当场宣读，双方确认无误后签字。",
                  "经反复协商，双方达成一致：{terms}。")
SESSION_FAILED = ("经多次调解，双方分歧仍然较大，无法达成协议。调解员告知双方可以依法向人民法院起诉。",
                  "{b}坚持原有意见，拒绝作出让步，调解未能达成协议。")
NOTES = ("工作笔记：双方积怨较深，下次调解请村老人会会长到场。",
         "工作笔记：{b}情绪较激动，注意做好稳控工作，必要时通报派出所。",
         "工作笔记：{a}家中有老人卧病，调解时间宜安排在上午。")

TERMINATION_REASONS = ("经多次调解双方分歧仍然较大，无法达成协议，已告知双方可依法向人民法院起诉。",
                       "{b}明确表示不再接受调解，调解终止，已告知其他救济途径。",
                       "{a}已向人民法院提起诉讼，要求终止调解。")
REFUSAL_REASONS = ("{b}明确表示拒绝调解，要求通过诉讼解决。",
                   "{b}认为该纠纷与其无关，拒绝接受调解。",
                   "{a}撤回调解申请，表示将自行协商解决。")
EXTENSION_NOTES = ("双方当事人同意延长调解期限，已签字确认。",
                   "因需等待测量结果，经双方同意延长调解期限。")
CLOSE_NOTES = ("协议已履行完毕，结案。", "调解终止，结案。", "当事人拒绝调解，结案。")
ARCHIVE_NOTE = "卷宗材料齐全，立卷归档。"

FOLLOWUP_DONE = ("回访{visited}，{b}已按协议履行全部义务，{a}表示满意，双方未再发生纠纷。",
                 "电话回访{visited}，协议款项已于约定期限内付清，双方关系已经缓和。",
                 "上门回访{visited}，协议约定事项均已落实，当事人对调解结果满意。")
FOLLOWUP_PARTIAL = ("回访{visited}，{b}已履行部分义务，其余部分承诺于下月履行，调解员督促其按期履行。",
                    "回访{visited}，{b}尚未按期履行，经调解员督促，表示将尽快履行。")
SATISFACTION = ("满意", "满意", "满意", "基本满意")
RESPONSIBILITIES = ("{b}对纠纷的发生负主要责任，{a}负次要责任。", "双方对纠纷的发生均有一定责任。",
                    "{b}对纠纷的发生负全部责任。")
# How each side answers "what is your relation to the other party?".
KIN_ANSWERS = {"spouses": "我们是夫妻，结婚二十多年了。", "siblings": "我们是亲兄弟。",
               "parent_child": "{b}是我的{child}。", "": "我们是同村村民，平时关系还可以。",
               "org": "对方是{b}。"}
KIN_ANSWERS_RESPONDENT = {"spouses": "我们是夫妻。", "siblings": "我们是亲兄弟。",
                          "parent_child": "{a}是我的{parent}。", "": "我们是同村村民。",
                          "org": "对方是{a}。"}
