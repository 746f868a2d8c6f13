"""Log in: user name, password (argon2 in the store), interface language.

The dialog imports only Qt: it appears while the store is still being opened behind it
(`store_ready`); a login asked for before then goes ahead once the store is open.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from .i18n import language, set_language, tr


class LoginDialog(QDialog):
    def __init__(self, store, username: str = "", parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.session = None  # app.session.Session once logged in
        self._pending = False  # the user asked to log in before the store was open
        lay = QVBoxLayout(self)
        self.heading = QLabel()
        lay.addWidget(self.heading)
        form = QFormLayout()
        self.user = QLineEdit(username)
        self.user.setObjectName("login_user")
        self.password = QLineEdit()
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.lang = QComboBox()
        self.lang.addItem("中文", "zh")
        self.lang.addItem("English", "en")
        self.lang.setCurrentIndex(0 if language() == "zh" else 1)
        self.lang.currentIndexChanged.connect(self._lang)
        self.labels = [QLabel(), QLabel(), QLabel()]
        form.addRow(self.labels[0], self.user)
        form.addRow(self.labels[1], self.password)
        form.addRow(self.labels[2], self.lang)
        lay.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("login_error")
        self.error.setStyleSheet("color: #c62828")
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.retranslate()
        (self.password if username else self.user).setFocus()

    def _lang(self, _i: int) -> None:
        set_language(self.lang.currentData())
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("登录 — 城市网格化管理指挥平台"))
        self.heading.setText(f"<h3>{tr('城市网格化管理指挥平台')}</h3>")
        for label, text in zip(self.labels, ("用户名", "密码", "界面语言"), strict=True):
            label.setText(tr(text))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("登录"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))

    def store_ready(self, store) -> None:
        """The store is open: log in now if the user already asked to."""
        self.store = store
        if self._pending:
            self._pending = False
            self.error.clear()
            self.try_login()

    def try_login(self) -> None:
        if self.store is None:
            self._pending = True
            self.error.setText(tr("正在打开数据库…"))
            return
        from ..app.session import Session
        try:
            self.session = Session.open(self.store, self.user.text().strip(),
                                        self.password.text())
        except Exception:  # noqa: BLE001 (one message for every failure)
            self.error.setText(tr("用户名或密码错误"))
            self.password.selectAll()
            return
        self.accept()
