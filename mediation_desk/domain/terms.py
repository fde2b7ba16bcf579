"""Checks on an agreement before it is printed: vague terms, court limits, conflicts of interest.

Everything here returns warnings, never raises: an agreement the court would not confirm is
still a valid, binding people's-mediation agreement (Art 31), and only the mediator can judge
whether "双方今后和睦相处" needs a deadline. The point is to catch the omission while the
parties are still in the room, not after they have signed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class TermFacts:
    """One agreed term (协议条款), reduced to what the checks need."""

    text: str
    obligor: str | None
    amount_fen: int | None
    due_on: date | None


MONEY_WORDS: tuple[str, ...] = ("元", "钱", "款", "赔偿", "补偿", "支付")


def vague_term_warnings(terms: Sequence[TermFacts]) -> list[str]:
    """Warnings for terms that lack who must perform, how much, or by when.

    Courts refuse judicial confirmation of agreements whose content is unclear (内容不明确,
    2022 interpretation of the Civil Procedure Law), and an unclear term cannot be enforced even
    once confirmed. Art 29 asks for the manner, place and deadline of performance. An amount
    is asked for only when the text speaks of money, since many terms are not about money.
    """
    if not terms:
        return ["协议没有任何条款"]
    warnings: list[str] = []
    for number, term in enumerate(terms, start=1):
        label = f"第{number}条协议条款"
        if not term.text.strip():
            warnings.append(f"{label}内容为空")
        if not (term.obligor or "").strip():
            warnings.append(f"{label}未写明义务人")
        if term.amount_fen is None and any(word in term.text for word in MONEY_WORDS):
            warnings.append(f"{label}未写明金额")
        if term.due_on is None:
            warnings.append(f"{label}未写明履行期限")
    return warnings


STATUS_WARNING = "法院不受理涉及身份关系的协议的司法确认"
OWNERSHIP_WARNING = "法院不受理涉及物权、知识产权确权的协议的司法确认"

# Keywords that suggest a matter courts will not even accept for confirmation (2022 interpretation
# of the Civil Procedure Law):
# confirming personal status (marriage, adoption, parentage), or determining ownership of
# property or intellectual property. Matched against the dispute type and the agreement text.
UNCONFIRMABLE_HINTS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("婚姻", "离婚", "结婚", "收养", "亲子", "生父", "生母", "身份关系"), STATUS_WARNING),
    (
        (
            "确权",
            "所有权",
            "权属",
            "宅基地使用权归属",
            "土地使用权归属",
            "物权",
            "知识产权",
            "著作权",
            "专利权",
            "商标权",
        ),
        OWNERSHIP_WARNING,
    ),
)


def confirmation_warnings(dispute_type: str, text: str) -> list[str]:
    """Warnings that judicial confirmation will likely be refused for this agreement.

    Keyword matching is deliberately broad: a property split after divorce *can* be
    confirmed, but the mediator should know that the divorce itself cannot, and decide.
    """
    haystack = f"{dispute_type}\n{text}"
    return [
        warning
        for keywords, warning in UNCONFIRMABLE_HINTS
        if any(keyword in haystack for keyword in keywords)
    ]


def conflict_of_interest(
    mediator_names: Sequence[str], party_names: Sequence[str], recused: Sequence[str]
) -> list[str]:
    """Warnings for mediators who are parties themselves or have withdrawn from the case.

    Parties may reject a mediator (Art 23) and a mediator with an interest must withdraw.
    Matching is by name only, and two people may share a name, so these are warnings for the
    director to check, not refusals.
    """
    parties = {name.strip() for name in party_names if name.strip()}
    withdrawn = {name.strip() for name in recused if name.strip()}
    warnings: list[str] = []
    seen: set[str] = set()
    for raw in mediator_names:
        name = raw.strip()
        if not name or name in seen:
            continue
        seen.add(name)
        if name in parties:
            warnings.append(f"调解员{name}同时是本案当事人")
        if name in withdrawn:
            warnings.append(f"调解员{name}已回避本案")
    return warnings


def initial_performance(due_on: date | None, reached_on: date | None) -> str:
    """A term due on the day it was agreed is performed on the spot (即时履行); any later
    deadline is a promise (承诺履行) until a follow-up finds it done or not done."""
    if due_on is not None and reached_on is not None and due_on <= reached_on:
        return "immediate"
    return "promised"
