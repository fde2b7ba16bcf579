"""What a hand-kept register's 调解结果 cell says about how a case ended.

Rooms write the outcome in their own words: 调解成功, 成功, 达成协议, 已调结; 调解不成功,
未达成, 调解未果; 终止调解; 申请人撤回; 拒绝调解; 处理中. The order of the tests matters:
"调解不成功" contains "成功" and "未达成协议" contains "达成协议", so failures are recognised
before successes. Anything else is *unknown* and the case is marked for review rather than
guessed at. Kept beside the importer because these are words of registers, not of the law.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

SUCCESS = "success"
FAILURE = "failure"
TERMINATED = "terminated"
REFUSED = "refused"
OPEN = "open"
UNKNOWN = "unknown"

#: Outcome code → what the import report calls it.
OUTCOME_LABELS = {SUCCESS: "调解成功", FAILURE: "调解不成功", TERMINATED: "终止调解",
                  REFUSED: "拒绝调解", OPEN: "处理中", UNKNOWN: "不明"}

_WITHDRAWN = re.compile(r"撤回|撤诉|撤销申请|撤案|不再要求调解|自行和解后撤")
_REFUSED = re.compile(r"拒绝调解|拒不调解|不同意调解|不接受调解|不愿调解|拒调")
_TERMINATED = re.compile(r"终止|中止调解|移交|移送|转交|转(?:派出所|法院|信访|司法所)|"
                         r"引导(?:诉讼|起诉)|已起诉|不予受理|不属于调解范围")
_FAILED = re.compile(r"不成功|未成功|失败|未达成|没有达成|未能达成|达不成|未果|调解不成|"
                     r"无法达成|分歧较大|不同意协议")
_UNCLEAR = re.compile(r"部分|待定|待核|不详|不清|\?|？")
_SUCCESS = re.compile(r"成功|达成|调结|已调解|调处结案|和解|已化解|化解|已履行|履行完毕|"
                      r"息诉|握手言和|签订协议|签协议|已解决|解决")
_OPEN = re.compile(r"处理中|调解中|正在|在调|未结|待调|进行中|跟踪|跟进|办理中|受理中|未处理|"
                   r"待处理|调查中|持续")


@dataclass(frozen=True)
class Outcome:
    """How the register says the case ended; ``withdrawn`` is a termination the parties
    asked for (Art 23: a party may ask to end mediation)."""

    code: str
    withdrawn: bool = False


def classify(text: str) -> Outcome:
    """The outcome a 调解结果 cell states ("" → unknown)."""
    words = "".join(unicodedata.normalize("NFKC", text).split())
    if not words:
        return Outcome(UNKNOWN)
    if _UNCLEAR.search(words):
        return Outcome(UNKNOWN)
    if _WITHDRAWN.search(words):
        return Outcome(TERMINATED, withdrawn=True)
    if _REFUSED.search(words):
        return Outcome(REFUSED)
    if _FAILED.search(words):
        return Outcome(FAILURE)
    if _TERMINATED.search(words):
        return Outcome(TERMINATED)
    if _OPEN.search(words):
        return Outcome(OPEN)
    if _SUCCESS.search(words):
        return Outcome(SUCCESS)
    return Outcome(UNKNOWN)


def is_verdict(text: str) -> bool:
    """Whether a 调解结果 cell is a verdict ("调解成功", "处理中") rather than the
    agreement's own terms written into the result column ("李明赔偿王芳5000元")."""
    words = "".join(unicodedata.normalize("NFKC", text).split())
    code = classify(words).code
    if code not in (SUCCESS, UNKNOWN) or len(words) <= 12:
        return True  # a failure, refusal or "处理中" is never an agreement's terms
    return not re.search(r"\d|元|赔偿|支付|补偿|归还|拆除|负责|承担|于.*前", words)
