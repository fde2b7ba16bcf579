"""De-identifying a case's text for 以案释法 briefs, and the check that nothing survived.

Why rules and a separate checker: a brief is read out in villages and pinned on notice boards,
where everyone knows everyone; one surviving name, phone or house number identifies a family
(PIPL Art 51 names de-identification as a duty; 人民调解法 Art 15 makes leaks a mediator's
fault). The anonymiser does the bulk of the work (names → 张某 by surname, consistent within
the text; ID numbers, phones, exact addresses and case numbers removed; villages generalised
on request); the mediator then edits freely, and :func:`find_leaks` is run over the edited
text before anything is saved — it knows the parties, so it finds what a mediator typed back.

Mediators' names are public (they sign for the committee) and are protected from both: a party
林春 must not turn the mediator 林春梅 into 林某梅, and a party 王志强 must not make the
mediator 陈志强 look like a leak.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

#: Two-character surnames common enough to meet in a register.
COMPOUND_SURNAMES = frozenset((
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文",
    "司徒", "夏侯", "轩辕", "令狐", "钟离", "端木", "西门", "南宫", "百里", "呼延", "独孤",
))
SUFFIXES = "甲乙丙丁戊己庚辛壬癸"
REMOVED = "（略）"

#: Organisation kinds by the end of their name, longest first: 某公司, 某村民委员会 …
ORG_KINDS = ("村民委员会", "居民委员会", "专业合作社", "合作社", "有限公司", "公司", "诊所",
             "医院", "商行", "超市", "养殖场", "工厂", "厂", "店", "学校")

_ID_PATTERN = re.compile(r"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9Xx])")
_MOBILE_PATTERN = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
_LANDLINE_PATTERN = re.compile(r"(?<![0-9])0[0-9]{2,3}-?[1-9][0-9]{6,7}(?![0-9])")
_CASE_NUMBER_PATTERN = re.compile(r"[（(][0-9]{4}[）)][^，。；：、\s（）()]{0,16}?第[0-9０-９]+号")
# A house number: "3组45号", "湖滨路12号", "5栋2单元301室" — not "12月1号" or "第3号".
_HOUSE_PATTERN = re.compile(
    r"(?:[0-9一二三四五六七八九十]+(?:组|队)[0-9]+号"
    r"|(?<=[路街巷弄])[0-9]+号(?:楼|院)?"
    r"|[0-9]+(?:栋|幢)(?:[0-9]+单元)?(?:[0-9]+室)?|[0-9]+单元[0-9]+室)")


#: Digits written with spaces or dashes inside ("139 1234 5678", "3505 2419 …").
_NUMBER_RUN = re.compile(r"(?<![0-9])[0-9][0-9 \-－—]{5,}[0-9Xx](?![0-9])")


def _drop_identifying_number(match: re.Match[str]) -> str:
    digits = re.sub(r"[ \-－—]", "", match.group(0))
    for pattern in (_ID_PATTERN, _MOBILE_PATTERN, _LANDLINE_PATTERN):
        if pattern.fullmatch(digits):
            return REMOVED
    if re.fullmatch(r"0[0-9]{9,11}", digits):  # a landline with its area code run together
        return REMOVED
    return match.group(0)


@dataclass(frozen=True)
class Person:
    """A party (or their agent or legal representative) who must not be recognisable."""

    name: str
    side: str = "applicant"  # applicant | respondent | third_party
    kind: str = "person"  # person | organization
    id_number: str = ""
    phone: str = ""
    address: str = ""
    agent: str = ""
    legal_representative: str = ""


@dataclass(frozen=True)
class Leak:
    """Something identifying still in a text: what kind, the value, and a reason to show."""

    kind: str  # 姓名 · 委托代理人 · 法定代表人 · 身份证号码 · 电话 · 住址 · 案件编号
    value: str

    @property
    def reason(self) -> str:
        return f"仍含有{self.kind}“{self.value}”"


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def person_name(text: str) -> str:
    """The name in an agent field such as "李国强（儿子）" or "李国强，律师"."""
    return re.split(r"[（(，,、\s]", text.strip(), maxsplit=1)[0].strip()


def surname(name: str) -> str:
    name = name.strip()
    if "·" in name:
        return name.split("·")[0][:1]
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2]
    return name[:1]


_REGION_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{1,4}?(?:省|市|县|(?<!社)区|镇|乡|街道))+")


def _org_kind(name: str) -> str:
    for kind in ORG_KINDS:
        if name.endswith(kind):
            return kind
    return "单位"


def short_org_name(name: str) -> str:
    """An organisation's name without the places in front (安溪县湖头镇美景物业服务有限公司 →
    美景物业服务有限公司): how people and records often write it."""
    short = _REGION_PREFIX.sub("", name.strip())
    return name.strip() if not short or short in ORG_KINDS else short


def org_pseudonym(name: str) -> str:
    """某物业服务有限公司: the trade name (the two characters after the places) goes, what the
    organisation does stays, so a brief still reads naturally."""
    kind = _org_kind(name)
    if kind.endswith("委员会"):
        return f"某{kind}"
    rest = short_org_name(name)[2:]
    if len(rest) > len(kind) and rest.endswith(kind):
        return f"某{rest}"
    return f"某{kind}"


def _digits(text: str) -> str:
    return "".join(ch for ch in _fold(text) if ch.isdigit() or ch in "Xx").upper()


@dataclass
class Anonymiser:
    """Replaces the parties' identities in text, the same way everywhere in one brief.

    ``people`` in the order pseudonyms are handed out (applicants first reads best);
    ``villages`` the register's village names, generalised to 某村 / 某社区 when
    ``generalise_villages``; ``keep`` names never touched (the mediators).
    """

    people: Sequence[Person]
    villages: Sequence[str] = ()
    case_numbers: Sequence[str] = ()
    generalise_villages: bool = False
    keep: Sequence[str] = ()
    pseudonyms: dict[str, str] = field(default_factory=dict, init=False)
    aliases: dict[str, str] = field(default_factory=dict, init=False)  # short name → name

    def __post_init__(self) -> None:
        names: list[tuple[str, str]] = []  # (real name, kind) in order of appearance
        for p in self.people:
            names.append((p.name.strip(), p.kind))
            for extra in (p.agent, p.legal_representative):
                if person_name(extra):
                    names.append((person_name(extra), "person"))
        base: dict[str, str] = {}
        for name, kind in names:
            if len(name) < 2 or name in base:
                continue
            base[name] = org_pseudonym(name) if kind == "organization" else f"{surname(name)}某"
            short = short_org_name(name) if kind == "organization" else name
            if short != name and len(short) >= 4:
                self.aliases[short] = name
        groups: dict[str, list[str]] = {}
        for name, pseudonym in base.items():
            groups.setdefault(pseudonym, []).append(name)
        for pseudonym, members in groups.items():
            if len(members) == 1:
                self.pseudonyms[members[0]] = pseudonym
            else:
                for i, name in enumerate(members):
                    self.pseudonyms[name] = pseudonym + SUFFIXES[i % len(SUFFIXES)]

    # -- replacing ------------------------------------------------------------------------------
    def _protect(self, text: str) -> tuple[str, list[str]]:
        kept: list[str] = []
        for name in sorted({k for k in self.keep if len(k) >= 2}, key=len, reverse=True):
            if name in text and name not in self.pseudonyms:
                text = text.replace(name, f"\ue000{len(kept)}\ue001")
                kept.append(name)
        return text, kept

    @staticmethod
    def _restore(text: str, kept: list[str]) -> str:
        for i, name in enumerate(kept):
            text = text.replace(f"\ue000{i}\ue001", name)
        return text

    def _address_replacement(self, address: str) -> str:
        for village in sorted(self.villages, key=len, reverse=True):
            if village and village in address:
                return self._village(village)
        return "当地"

    def _village(self, village: str) -> str:
        if not self.generalise_villages:
            return village
        return "某社区" if village.endswith("社区") else "某村"

    def apply(self, text: str) -> str:
        """``text`` with identities replaced or removed."""
        if not text:
            return text
        text, kept = self._protect(text)
        # Exact identifiers first (an address contains a village, a number may hold a date).
        for number in self.case_numbers:
            if number:
                text = text.replace(number, "")
        text = _CASE_NUMBER_PATTERN.sub("", text)
        for p in self.people:
            if p.address.strip() and len(p.address.strip()) >= 4:
                text = text.replace(p.address.strip(), self._address_replacement(p.address))
        text = _NUMBER_RUN.sub(_drop_identifying_number, text)
        text = _ID_PATTERN.sub(REMOVED, text)
        text = _MOBILE_PATTERN.sub(REMOVED, text)
        text = _LANDLINE_PATTERN.sub(REMOVED, text)
        for p in self.people:
            for number in (p.id_number, p.phone):
                if number.strip():
                    text = text.replace(number.strip(), REMOVED)
        text = _HOUSE_PATTERN.sub("", text)
        # Names: longest first, so 张喆明 is not read as 张喆 + 明.
        for name in sorted(self.pseudonyms, key=len, reverse=True):
            text = text.replace(name, self.pseudonyms[name])
        for short, name in sorted(self.aliases.items(), key=lambda kv: -len(kv[0])):
            text = text.replace(short, self.pseudonyms[name])
        # A given name of two or more characters said alone (建国说) is the same person.
        for name, pseudonym in sorted(self.pseudonyms.items(), key=lambda kv: -len(kv[0])):
            given = name[len(surname(name)):]
            if not pseudonym.startswith("某") and len(given) >= 2:
                text = text.replace(given, pseudonym)
        if self.generalise_villages:
            for village in sorted(self.villages, key=len, reverse=True):
                if village:
                    text = text.replace(village, self._village(village))
        text = text.replace(REMOVED + REMOVED, REMOVED)
        return self._restore(text, kept)


def _mask_kept(text: str, keep: Iterable[str]) -> str:
    for name in sorted({k for k in keep if len(k) >= 2}, key=len, reverse=True):
        text = text.replace(name, "\ue000" * len(name))
    return text


def find_leaks(text: str, people: Sequence[Person], *, case_numbers: Sequence[str] = (),
               keep: Sequence[str] = ()) -> list[Leak]:
    """What in ``text`` still identifies a party: their names, agents' and representatives'
    names, ID numbers, phones and addresses (also any number or house number shaped like one),
    and case numbers. Each distinct value once, in the order checked."""
    folded = _mask_kept(_fold(text), [k for k in keep
                                      if k not in {p.name for p in people}])
    digits_only = re.sub(r"(?<=[0-9])[\s\-－—]+(?=[0-9])", "", folded)
    found: list[Leak] = []

    def add(kind: str, value: str) -> None:
        leak = Leak(kind, value)
        if leak not in found:
            found.append(leak)

    for p in people:
        name = p.name.strip()
        if len(name) >= 2 and name in folded:
            add("姓名", name)
        elif p.kind == "person" and len(name[len(surname(name)):]) >= 2 \
                and name[len(surname(name)):] in folded:
            add("姓名", name[len(surname(name)):])
        for kind, extra in (("委托代理人", p.agent), ("法定代表人", p.legal_representative)):
            other = person_name(extra)
            if len(other) >= 2 and other in folded:
                add(kind, other)
        if p.id_number.strip() and _digits(p.id_number) in digits_only.upper():
            add("身份证号码", p.id_number.strip())
        phone = _digits(p.phone)
        if len(phone) >= 7 and phone in digits_only:
            add("电话", p.phone.strip())
        address = p.address.strip()
        if len(address) >= 4 and address in folded:
            add("住址", address)
        short = short_org_name(name) if p.kind == "organization" else name
        if short != name and len(short) >= 4 and short in folded:
            add("姓名", short)
    for pattern, kind in ((_ID_PATTERN, "身份证号码"), (_MOBILE_PATTERN, "电话"),
                          (_LANDLINE_PATTERN, "电话"), (_HOUSE_PATTERN, "住址"),
                          (_CASE_NUMBER_PATTERN, "案件编号")):
        for match in pattern.finditer(digits_only if kind != "住址" else folded):
            add(kind, match.group(0))
    for number in case_numbers:
        if number and number in folded:
            add("案件编号", number)
    return found
