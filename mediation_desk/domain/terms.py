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


@dataclass(frozen=True)
class ConfirmationFlags:
    """What the agreement itself settles that no court will confirm (民诉法解释 Art 355).

    Set by the mediator on the agreement, not guessed from the dispute type: a family case's
    support payments, child support, visitation and division of property are confirmed
    routinely; only declaring marriage, parentage, adoption or another identity relation
    (``identity_relation``, 涉及身份关系) or confirming who owns property or intellectual
    property (``ownership_confirmation``, 涉及物权、知识产权确权) is refused outright.
    """

    identity_relation: bool = False
    ownership_confirmation: bool = False

    @property
    def confirmable(self) -> bool:
        """Whether the parties can ask a court to confirm the agreement at all (then the
        printed agreement tells them how, and 工作台 counts the 30 days down)."""
        return not (self.identity_relation or self.ownership_confirmation)


def confirmation_warnings(flags: ConfirmationFlags) -> list[str]:
    """Why a court will not accept this agreement for judicial confirmation ([] if it may)."""
    out = []
    if flags.identity_relation:
        out.append(STATUS_WARNING)
    if flags.ownership_confirmation:
        out.append(OWNERSHIP_WARNING)
    return out


def agreement_warnings(terms: Sequence[TermFacts], flags: ConfirmationFlags) -> list[str]:
    """Everything worth a second look before the parties sign: vague terms, then the court
    limits the mediator marked on the agreement. One list for the dialog, the case view, the
    preview and the printed form's check, so they never disagree."""
    return vague_term_warnings(terms) + confirmation_warnings(flags)


# Words that *suggest* an agreement settles an identity relation or ownership. They only
# prompt the mediator to look at the flags (the dialog shows a hint): "离婚后房屋归女方" is a
# property division a court confirms, while "双方自愿离婚" is not — only a person can tell.
FLAG_HINTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("identity_relation", ("婚姻", "离婚", "结婚", "收养", "亲子", "生父", "生母", "身份关系")),
    ("ownership_confirmation", ("确权", "所有权", "权属", "归属", "物权", "知识产权",
                                "著作权", "专利权", "商标权")),
)


def suggested_flags(text: str) -> list[str]:
    """The flags (``ConfirmationFlags`` field names) whose words occur in ``text``."""
    return [name for name, words in FLAG_HINTS if any(word in text for word in words)]


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
