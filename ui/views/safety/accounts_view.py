"""账户: the administrator's list of accounts, and everyone's "Change my password".

Why the list is only built for administrators: the service refuses to list accounts to anyone
else (who works here is itself personal information), so a mediator or the director sees only
their own account and the password change. Disabling an account removes its key slot at once
— its password no longer opens the register — and enabling it again asks for a new password.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desk.errors import PermissionDenied, StoreUnavailable, ValidationError
from mediation_desk.services.safety.accounts import AccountView
from mediation_desk.services.shared.actor import ROLE_LABELS
from mediation_desk.services.shared.permissions import may
from mediation_desk.store.changes import ChangeSet
from ui.context import AppContext
from ui.dialogs.safety.account_dialog import AccountDialog
from ui.dialogs.safety.password_dialog import CHANGE, ENABLE, RESET, PasswordDialog
from ui.i18n import translate
from ui.icons import icon
from ui.widgets.field_error import (
    STATUS_DONE,
    STATUS_ERROR,
    STATUS_NOTE,
    set_text_colour,
    show_error,
    status_label,
)

COL_USER, COL_NAME, COL_ROLE, COL_STATE = range(4)
USER_ROLE = Qt.ItemDataRole.UserRole


class AccountsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.is_admin = may(ctx.actor, "accounts")
        self.rows: list[AccountView] = []

        # -- everyone: my account ---------------------------------------------------------
        actor = ctx.actor
        mine = QGroupBox(translate("AccountsView", "My account"))
        mine_form = QFormLayout(mine)
        mine_form.addRow(translate("AccountsView", "User name"), QLabel(actor.username))
        mine_form.addRow(translate("AccountsView", "Name"), QLabel(actor.name))
        mine_form.addRow(translate("AccountsView", "Role"),
                         QLabel(ROLE_LABELS.get(actor.role, actor.role)))
        self.change_own_button = QPushButton(icon("key"),
                                             translate("AccountsView", "&Change my password…"))
        own_row = QHBoxLayout()
        own_row.addWidget(self.change_own_button)
        own_row.addStretch(1)
        mine_form.addRow("", own_row)
        self.permission_note = status_label(STATUS_NOTE, "" if self.is_admin else translate(
            "AccountsView", "Only the administrator adds accounts, resets forgotten passwords "
            "and disables accounts."))
        mine_form.addRow("", self.permission_note)

        # -- administrators: every account --------------------------------------------------
        self.accounts_box = QGroupBox(translate("AccountsView", "Accounts of this register"))
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(translate("AccountsView", "Accounts"))
        self.table.setHorizontalHeaderLabels([
            translate("AccountsView", "User name"), translate("AccountsView", "Name"),
            translate("AccountsView", "Role"), translate("AccountsView", "Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(140)
        header.setStretchLastSection(True)
        self.add_button = QPushButton(icon("add_user"), translate("AccountsView", "&Add account…"))
        self.reset_button = QPushButton(icon("key"),
                                        translate("AccountsView", "&Reset password…"))
        self.toggle_button = QPushButton(icon("disable_user"),
                                         translate("AccountsView", "&Disable"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.toggle_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box_layout = QVBoxLayout(self.accounts_box)
        box_layout.addWidget(status_label(STATUS_NOTE, translate(
            "AccountsView", "Each account has its own key to the encrypted register. A "
            "disabled account's password no longer opens it; enabling it again needs a new "
            "password. Accounts are never deleted, so old records keep their author.")))
        box_layout.addWidget(self.table, 1)
        box_layout.addLayout(buttons)
        self.accounts_box.setVisible(self.is_admin)

        self.message_label = status_label(STATUS_DONE)
        layout = QVBoxLayout(self)
        layout.addWidget(mine)
        layout.addWidget(self.accounts_box, 1)
        layout.addWidget(self.message_label)
        if not self.is_admin:
            layout.addStretch(1)

        self.change_own_button.clicked.connect(self.change_own_password)
        self.add_button.clicked.connect(self.add_account)
        self.reset_button.clicked.connect(self.reset_password)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        ctx.bus.changes_committed.connect(self._on_changes)
        self.reload()

    # -- the list ---------------------------------------------------------------------------
    def reload(self) -> None:
        if not self.is_admin:
            return
        keep = self.selected_username()
        try:
            self.rows = self.ctx.accounts.accounts()
        except PermissionDenied as exc:  # the role changed under us: show why, list nothing
            self.rows = []
            self._message(STATUS_ERROR, str(exc))
        self.table.setRowCount(len(self.rows))
        italic = QFont()
        italic.setItalic(True)
        for row, account in enumerate(self.rows):
            state = translate("AccountsView", "Active") if account.active else translate(
                "AccountsView", "Disabled")
            values = (account.username, account.display_name,
                      ROLE_LABELS.get(account.role, account.role), state)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(USER_ROLE, account.username)
                if not account.active:
                    item.setFont(italic)
                    item.setForeground(QColor("gray"))
                self.table.setItem(row, column, item)
            if account.username == keep:
                self.table.selectRow(row)
        self._update_buttons()

    def usernames(self) -> list[str]:
        return [a.username for a in self.rows]

    def selected_username(self) -> str | None:
        items = self.table.selectedItems()
        return str(items[0].data(USER_ROLE)) if items else None

    def select(self, username: str) -> None:
        for row, account in enumerate(self.rows):
            if account.username == username:
                self.table.selectRow(row)
                return

    def _selected(self) -> AccountView | None:
        name = self.selected_username()
        return next((a for a in self.rows if a.username == name), None)

    def _update_buttons(self) -> None:
        account = self._selected()
        others = account is not None and account.username != self.ctx.actor.username
        self.reset_button.setEnabled(others and account is not None and account.active)
        self.toggle_button.setEnabled(others)
        active = account is None or account.active
        self.toggle_button.setText(translate("AccountsView", "&Disable") if active
                                   else translate("AccountsView", "&Enable…"))
        self.toggle_button.setIcon(icon("disable_user" if active else "enable_user"))

    # -- actions ----------------------------------------------------------------------------
    def change_own_password(self) -> None:
        if PasswordDialog.ask(self, self.ctx, None, CHANGE) is not None:
            self._message(STATUS_DONE, translate(
                "AccountsView", "Your password was changed. Use the new one from now on.")
                + self._rekey_note())

    def add_account(self) -> None:
        username = AccountDialog.ask(self, self.ctx)
        if username is None:
            return
        self.reload()
        self.select(username)
        self._message(STATUS_DONE, translate("AccountsView", "The account %1 was added.")
                      .replace("%1", username))

    def reset_password(self) -> None:
        account = self._selected()
        if account is None:
            return
        if PasswordDialog.ask(self, self.ctx, account.username, RESET) is not None:
            self._message(STATUS_DONE, translate(
                "AccountsView", "The password of %1 was reset.").replace("%1", account.username)
                + self._rekey_note())

    def toggle_active(self) -> None:
        account = self._selected()
        if account is None:
            return
        if not account.active:
            if PasswordDialog.ask(self, self.ctx, account.username, ENABLE) is not None:
                self.reload()
                self._message(STATUS_DONE, translate(
                    "AccountsView", "The account %1 is enabled again with its new password.")
                    .replace("%1", account.username))
            return
        try:
            self.ctx.accounts.set_active(account.username, False)
        except ValidationError as exc:
            self._message(STATUS_ERROR, "；".join(p.reason for p in exc.problems))
            return
        except (PermissionDenied, StoreUnavailable) as exc:
            self._message(STATUS_ERROR, str(exc))
            return
        self.reload()
        self._message(STATUS_DONE, translate(
            "AccountsView", "The account %1 is disabled: its password no longer opens the "
            "register.").replace("%1", account.username) + self._rekey_note())

    def _rekey_note(self) -> str:
        """What a re-key changed that someone must act on, as sentences to append."""
        rekeyed = self.ctx.accounts.last_rekey
        self.ctx.accounts.last_rekey = None
        if rekeyed is None:
            return ""
        note = " " + translate("AccountsView", "The register has a new key: old copies of its "
                               "key file no longer open it.")
        if rekeyed.new_recovery_key:
            note += " " + translate("AccountsView", "The old recovery key no longer works. New "
                                    "recovery key (print it for the director's safe): %1") \
                .replace("%1", rekeyed.new_recovery_key)
        for name in rekeyed.need_new_password:
            note += " " + translate("AccountsView", "%1 needs a new password from the "
                                    "administrator.").replace("%1", name)
        return note

    def _message(self, color: QColor, text: str) -> None:
        set_text_colour(self.message_label, color)
        show_error(self.message_label, text)

    def _on_changes(self, changes: ChangeSet) -> None:
        if "account" in changes.kinds:
            self.reload()
