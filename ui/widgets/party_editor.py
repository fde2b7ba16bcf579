"""One party's fields (当事人信息), as the party grid shows them for the selected row.

The ID number does the typing for the mediator: a valid 18-digit number fills birth date and
gender at once; a wrong one says why beside the field (校验位错误, 出生日期不是真实日期…); a
number seen in earlier cases is pointed out, with an offer to reuse that person's details.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, fields
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from mediation_desk import clock
from mediation_desk.domain.dictionaries import PARTY_SIDES
from mediation_desk.domain.resident_id import normalize_id_number, parse_resident_id
from mediation_desk.errors import DomainError
from mediation_desk.services.cases.drafts import PartyDraft
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.field_error import FieldError, with_message

# Field names as validation.py writes them after "当事人[i] ", mapped to the editor's keys.
PROBLEM_FIELDS = {"姓名": "name", "身份": "side", "类型": "kind", "证件类型": "id_type",
                  "性别": "gender", "出生日期": "birth_date", "身份证号码": "id_number",
                  "联系电话": "phone"}
_ID_CHARS = frozenset("0123456789X")
_TEXT_KEYS = ("name", "id_number", "phone", "occupation", "address", "legal_representative",
              "agent")
_CHOICE_KEYS = ("side", "kind", "id_type", "gender", "ethnicity")


def party_to_dict(party: PartyDraft) -> dict[str, Any]:
    data = asdict(party)
    data["birth_date"] = party.birth_date.isoformat() if party.birth_date else ""
    return data


def party_from_dict(data: dict[str, Any]) -> PartyDraft:
    known = {f.name for f in fields(PartyDraft)}
    values = {k: v for k, v in data.items() if k in known}
    birth = values.pop("birth_date", "") or ""
    party = PartyDraft(**values)
    try:
        party.birth_date = date.fromisoformat(birth) if birth else None
    except ValueError:
        party.birth_date = None
    return party


def parse_birth_text(text: str) -> date | None:
    """The date in a "YYYY-MM-DD" mask field; None when blank; ValueError when not a date."""
    if not text.replace("-", "").strip():
        return None
    return date.fromisoformat(text.strip())



class PartyEditor(QGroupBox):
    """Edits one :class:`PartyDraft` in place; ``edited(key)`` after each change by the user."""

    edited = Signal(str)

    def __init__(self, ethnicities: list[str],
                 earlier_cases: Callable[[str], list[str]] | None = None,
                 earlier_party: Callable[[str], PartyDraft | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("PartyEditor", "Selected party"), parent)
        self._earlier_cases = earlier_cases
        self._earlier_party = earlier_party
        self.party: PartyDraft | None = None
        self._loading = False

        self.side_box = self._choices(list(PARTY_SIDES.items()))
        self.kind_box = self._choices([("person", translate("PartyEditor", "Person")),
                                       ("organization", translate("PartyEditor", "Organization"))])
        self.name_edit = QLineEdit(self)
        self.id_type_box = self._choices([
            ("resident_id", translate("PartyEditor", "Resident ID card")),
            ("other", translate("PartyEditor", "Other document"))])
        self.id_edit = QLineEdit(self)
        self.id_edit.setMaxLength(40)
        self.gender_box = self._choices([("", ""), ("male", translate("PartyEditor", "Male")),
                                         ("female", translate("PartyEditor", "Female"))])
        self.birth_edit = QLineEdit(self)
        self.birth_edit.setInputMask("9999-99-99;_")
        self.ethnicity_box = self._choices([("", "")] + [(e, e) for e in ethnicities])
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setPlaceholderText(translate("PartyEditor", "Mobile or landline"))
        self.occupation_edit = QLineEdit(self)
        self.address_edit = QLineEdit(self)
        self.legal_rep_edit = QLineEdit(self)
        self.agent_edit = QLineEdit(self)
        self.earlier_message = FieldError(self)
        reuse = translate("PartyEditor", "Use details from earlier case")
        self.reuse_button = QPushButton(icon("history"), reuse, self)
        self.reuse_button.setAccessibleName(reuse)
        self.reuse_button.clicked.connect(self.reuse_earlier)
        self.reuse_button.hide()

        self.widgets: dict[str, QWidget] = {  # in reading (and Tab) order
            "side": self.side_box, "kind": self.kind_box, "name": self.name_edit,
            "id_type": self.id_type_box, "id_number": self.id_edit,
            "gender": self.gender_box, "legal_representative": self.legal_rep_edit,
            "birth_date": self.birth_edit, "ethnicity": self.ethnicity_box,
            "phone": self.phone_edit, "address": self.address_edit,
            "occupation": self.occupation_edit, "agent": self.agent_edit,
        }
        self.messages: dict[str, FieldError] = {}
        self._labels: dict[str, QLabel] = {}
        self._cells: dict[str, QWidget] = {}
        self._build_layout()

        for key, widget in self.widgets.items():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(lambda _t, k=key: self._edited(k))
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda _i, k=key: self._edited(k))
        self.id_edit.textChanged.connect(lambda: self._id_typed(final=False))
        self.id_edit.editingFinished.connect(lambda: self._id_typed(final=True))
        self.id_type_box.currentIndexChanged.connect(lambda: self._id_typed(final=True))
        self.kind_box.currentIndexChanged.connect(lambda: self._id_typed(final=True))
        self.birth_edit.editingFinished.connect(self._birth_finished)
        self.load(None)

    def _choices(self, items: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox(self)
        for code, label in items:
            box.addItem(label, code)
        return box

    def _build_layout(self) -> None:
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        wide = ("id_number", "address")
        rows = [
            (("side", translate("PartyEditor", "Side")),
             ("kind", translate("PartyEditor", "Kind"))),
            (("name", translate("PartyEditor", "&Name")),
             ("id_type", translate("PartyEditor", "ID type"))),
            (("id_number", translate("PartyEditor", "&ID number")), None),
            (("gender", translate("PartyEditor", "&Gender")),
             ("birth_date", translate("PartyEditor", "&Birth date"))),
            # An organisation has a legal representative where a person has a gender.
            (("legal_representative", translate("PartyEditor", "Legal representative")), None),
            (("ethnicity", translate("PartyEditor", "Et&hnicity")),
             ("phone", translate("PartyEditor", "&Phone"))),
            (("address", translate("PartyEditor", "A&ddress")), None),
            (("occupation", translate("PartyEditor", "Occ&upation")),
             ("agent", translate("PartyEditor", "Agent"))),
        ]
        top = Qt.AlignmentFlag.AlignTop
        for row, pair in enumerate(rows):
            grid_row = row - 1 if row >= 4 else row  # the legal representative shares row 3
            for column, entry in enumerate(pair):
                if entry is None:
                    continue
                key, text = entry
                cell, message = with_message(self.widgets[key], self, steady=True)
                label = QLabel(text, self)
                label.setBuddy(self.widgets[key])
                label.setMinimumHeight(self.widgets[key].sizeHint().height())
                self.widgets[key].setAccessibleName(text.replace("&", ""))
                grid.addWidget(label, grid_row, column * 2, top)
                grid.addWidget(cell, grid_row, column * 2 + 1, 1, 3 if key in wide else 1, top)
                self.messages[key], self._labels[key], self._cells[key] = message, label, cell
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        # The ID number's note or refusal comes while typing: its line is held from the start.
        self.messages["id_number"].reserve()
        earlier = QHBoxLayout()
        earlier.addWidget(self.earlier_message, 1)
        earlier.addWidget(self.reuse_button)
        grid.addLayout(earlier, len(rows) - 1, 0, 1, 4)

    def default_ethnicity(self) -> str:
        return "汉族" if self.ethnicity_box.findData("汉族") >= 0 else ""

    def focus_chain(self) -> list[QWidget]:
        return [*self.widgets.values(), self.reuse_button]

    # -- showing a party --------------------------------------------------------------------
    def load(self, party: PartyDraft | None, problems: dict[str, str] | None = None) -> None:
        """Show ``party`` (edited in place from now on) and the reasons it was refused."""
        self.party = party
        p = party or PartyDraft()
        self._loading = True
        try:
            for key in _CHOICE_KEYS:
                box = self.widgets[key]
                assert isinstance(box, QComboBox)
                value = getattr(p, key)
                index = box.findData(value)
                if index < 0 and value:  # a value from an old draft or import: keep it
                    box.addItem(value, value)
                    index = box.count() - 1
                box.setCurrentIndex(max(index, 0))
            for key in _TEXT_KEYS:
                edit = self.widgets[key]
                assert isinstance(edit, QLineEdit)
                edit.setText(getattr(p, key))
            self.birth_edit.setText(p.birth_date.isoformat() if p.birth_date else "")
            for message in self.messages.values():
                message.clear()
            self._apply_kind()
            self._check_id(final=True, fill=False)
            for key, reason in (problems or {}).items():
                if key in self.messages:
                    self.messages[key].show_error(reason)
        finally:
            self._loading = False
        self.setEnabled(party is not None)

    def _apply_kind(self) -> None:
        person = self.kind_box.currentData() == "person"
        for key in ("gender", "birth_date", "ethnicity"):
            self._labels[key].setVisible(person)
            self._cells[key].setVisible(person)
        self._labels["legal_representative"].setVisible(not person)
        self._cells["legal_representative"].setVisible(not person)
        self._update_id_hint()

    def _update_id_hint(self) -> None:
        mainland = (self.kind_box.currentData() == "person"
                    and self.id_type_box.currentData() == "resident_id")
        self.id_edit.setPlaceholderText(
            translate("PartyEditor", "18 digits; fills birth date and gender") if mainland
            else translate("PartyEditor", "Document number (credit code for an organization)"))

    def _edited(self, key: str) -> None:
        if self._loading or self.party is None:
            return
        widget = self.widgets[key]
        if key == "birth_date":
            try:
                self.party.birth_date = parse_birth_text(self.birth_edit.text())
            except ValueError:
                self.party.birth_date = None
        elif isinstance(widget, QComboBox):
            setattr(self.party, key, widget.currentData() or "")
        elif isinstance(widget, QLineEdit):
            setattr(self.party, key, widget.text())
        if key == "kind":
            self._apply_kind()
            if self.kind_box.currentData() == "organization" and self.id_type_box.currentData() == "resident_id":
                # An organisation has a credit code, not a resident ID card.
                self.id_type_box.setCurrentIndex(self.id_type_box.findData("other"))
        if key == "id_type":
            self._update_id_hint()
        if key != "id_number" and self.messages[key].is_error:
            self.messages[key].clear()
        self.edited.emit(key)

    def birth_problem(self) -> str | None:
        """Why the typed birth date is not a date (the mask admits any digits), or None."""
        try:
            parse_birth_text(self.birth_edit.text())
        except ValueError:
            return translate("PartyEditor", "Not a real date (YYYY-MM-DD)")
        return None

    def _birth_finished(self) -> None:
        reason = self.birth_problem()
        if reason:
            self.messages["birth_date"].show_error(reason)

    # -- the ID number does the typing ------------------------------------------------------
    def _id_typed(self, *, final: bool) -> None:
        if not self._loading:
            self._check_id(final=final, fill=True)

    def _check_id(self, *, final: bool, fill: bool) -> None:
        message = self.messages["id_number"]
        self.earlier_message.clear()
        self.reuse_button.hide()
        text = normalize_id_number(self.id_edit.text())
        if not text or self.party is None:
            message.clear()
            return
        mainland = (self.kind_box.currentData() == "person"
                    and self.id_type_box.currentData() == "resident_id")
        if not mainland:
            message.clear()
            if final:
                self._show_earlier(text)
            return
        # While typing, judge only a full-length number (a 15-digit prefix of an 18-digit
        # number would read as a legacy number with a nonsense date).
        if not (final or len(text) >= 18 or any(ch not in _ID_CHARS for ch in text)):
            message.clear()
            return
        try:
            rid = parse_resident_id(text, today=clock.today())
        except DomainError as exc:
            message.show_error(exc.reason)
            return
        if fill:
            was_loading, self._loading = self._loading, True
            self.birth_edit.setText(rid.birth_date.isoformat())
            self.gender_box.setCurrentIndex(self.gender_box.findData(rid.gender))
            self._loading = was_loading
            self.party.birth_date, self.party.gender = rid.birth_date, rid.gender
            for key in ("birth_date", "gender"):
                self.messages[key].clear()
                self.edited.emit(key)
        message.show_note(
            translate("PartyEditor", "Birth date and gender were filled in from the ID number."))
        self._show_earlier(rid.number)

    def _show_earlier(self, number: str) -> None:
        if self._earlier_cases is None:
            return
        try:
            earlier = self._earlier_cases(number)
        except Exception:  # a notice only: it must never stop the typing
            earlier = []
        if not earlier:
            return
        self.earlier_message.show_info(
            translate("PartyEditor", "This person appears in earlier cases: {numbers}").format(
                numbers="、".join(earlier)))
        self.reuse_button.setVisible(self._earlier_party is not None)

    def reuse_earlier(self) -> None:
        """Fill the empty fields of this party from the same person's latest earlier case."""
        if self._earlier_party is None or self.party is None:
            return
        try:
            found = self._earlier_party(normalize_id_number(self.id_edit.text()))
        except Exception:  # an offer only: the mediator can still type the details
            found = None
        if found is None:
            return
        for key in ("name", "gender", "ethnicity", "phone", "address", "occupation",
                    "legal_representative", "agent", "birth_date"):
            if not getattr(self.party, key) and getattr(found, key):
                setattr(self.party, key, getattr(found, key))
        self.load(self.party)
        self.edited.emit("name")
