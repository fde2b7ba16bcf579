"""One agreed term as it is printed: the mediator's sentence, completed — never repeated.

Why: the agreement used to print each term twice, the sentence and then a line of
"义务人…金额…履行期限…" that mostly said it again (a day of use, issue 16). A court reads the
sentence; what it needs beyond it is what the sentence leaves out. So the sentence is printed
as written, the amount it names gets its figures and capitals beside it (so a stroke cannot
alter it), and only what the sentence lacks — the obligor, the obligee, the amount, the
deadline, the place, the manner — follows it in the same paragraph.

"Lacks" is judged by reading the sentence for the values themselves: the obligor's name (or
双方 for both parties), the deadline's month and day, the place and manner as typed, the
amount in figures (5000元, 5,000.00元, 2万元) or in Chinese numerals (五千元, 伍仟元).
A sentence that says it in other words (一个月内) gets the exact value added: the paper must
hold the value the register holds.
"""

from __future__ import annotations

import re
from datetime import date

from mediation_desk.documents.data import TermInfo
from mediation_desk.documents.text import cn_date, yuan_figures
from mediation_desk.domain.money import chinese_capital

#: Words that put a term's performance on the day it was agreed (即时履行).
ON_THE_SPOT = ("当场", "当即", "即时", "当日", "当天")
_CAPITAL_TO_PLAIN = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")
_NAME_SEPARATORS = re.compile(r"[、，,；;]|和|与|及")
_END = "。；;，,.!！ "


def _figure_patterns(fen: int) -> list[str]:
    """Regular expressions for the amount written in figures, with its 元 (or 块)."""
    whole, cents = divmod(fen, 100)
    numbers = [re.escape(f"{whole:,}"), str(whole)]
    decimals = r"(?:\.0{1,2})?" if cents == 0 else (
        rf"\.{cents // 10}0?" if cents % 10 == 0 else rf"\.{cents:02d}")
    patterns = [rf"(?<![\d.,])(?:{'|'.join(numbers)}){decimals}\s*(?:元|块)"]
    if cents == 0 and whole >= 10_000 and whole % 1_000 == 0:
        patterns.append(rf"(?<![\d.,]){re.escape(f'{whole / 10_000:g}')}\s*万元")
    return patterns


def _with_amount(sentence: str, fen: int) -> tuple[str, str]:
    """The sentence with the amount's figures and capitals beside where it names the
    amount, and "" — or the sentence unchanged and the detail to add when it names none."""
    capital = chinese_capital(fen)
    figures = f"人民币{yuan_figures(fen)}元"
    words = capital.removesuffix("整")
    for pattern in _figure_patterns(fen):
        found = re.search(pattern, sentence)
        if found:
            if words in sentence:
                return sentence, ""
            end = found.end()
            return sentence[:end] + f"（大写：{capital}）" + sentence[end:], ""
    for said, note in ((words, f"（{figures}）"),
                       (words.translate(_CAPITAL_TO_PLAIN), f"（{figures}，大写：{capital}）")):
        at = sentence.find(said)
        if at >= 0:
            end = at + len(said) + (1 if sentence[at + len(said):].startswith("整") else 0)
            return sentence[:end] + note + sentence[end:], ""
    return sentence, f"金额：{figures}（大写：{capital}）"


def _names_in(sentence: str, names: str) -> bool:
    """Whether the sentence names every person in ``names`` ("张㛃、王䶮"), or says 双方."""
    people = [n.strip() for n in _NAME_SEPARATORS.split(names) if n.strip()]
    if not people:
        return True
    if len(people) > 1 and ("双方" in sentence or "各方" in sentence):
        return True
    return all(person in sentence for person in people)


def _deadline_in(sentence: str, due: date, reached_on: date | None) -> bool:
    if f"{due.month}月{due.day}日" in sentence or due.isoformat() in sentence:
        return True
    if f"{due.year}年{due.month:02d}月{due.day:02d}日" in sentence:
        return True
    return (reached_on is not None and due <= reached_on
            and any(word in sentence for word in ON_THE_SPOT))


def term_parts(term: TermInfo, reached_on: date | None = None) -> tuple[str, list[str]]:
    """The sentence (the amount's capitals inserted) and the details it lacks, in order:
    obligor, obligee, amount, deadline, place, manner."""
    sentence = " ".join(term.text.split()).rstrip(_END)
    details: list[str] = []
    if term.obligor.strip() and not _names_in(sentence, term.obligor):
        details.append(f"义务人：{term.obligor.strip()}")
    if term.obligee.strip() and not _names_in(sentence, term.obligee):
        details.append(f"权利人：{term.obligee.strip()}")
    if term.amount_fen is not None:
        sentence, amount = _with_amount(sentence, term.amount_fen)
        details += [amount] if amount else []
    if term.due_on is not None and not _deadline_in(sentence, term.due_on, reached_on):
        details.append(f"履行期限：{cn_date(term.due_on)}前")
    if term.place.strip() and term.place.strip() not in sentence:
        details.append(f"履行地点：{term.place.strip()}")
    if term.method.strip() and term.method.strip() not in sentence:
        details.append(f"履行方式：{term.method.strip()}")
    return sentence, details


def printed_term(term: TermInfo, reached_on: date | None = None, *,
                 separator: str = "．") -> str:
    """"2．被申请人王䶮赔偿申请人张㛃院墙修复费用。金额：人民币5,000.00元（大写：伍仟元整）；
    履行期限：2026年12月1日前。" — the whole term, once: the sentence, then what it lacks."""
    sentence, details = term_parts(term, reached_on)
    return f"{term.number}{separator}{sentence}。" + ("；".join(details) + "。" if details else "")
