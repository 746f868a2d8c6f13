"""Start-up: the login dialog appears before the store is open and logs in once it is."""

import subprocess
import sys

from gridapp.ui.login import LoginDialog


def test_a_login_asked_for_before_the_store_is_open_goes_ahead_once_it_is(qtbot, seeded):
    store, _a, _b = seeded
    d = LoginDialog(None, "chief1")
    qtbot.addWidget(d)
    d.password.setText("secret-chief1")
    d.try_login()  # Enter pressed while the store is still being opened
    assert d.session is None and d.error.text() == "正在打开数据库…"
    d.store_ready(store)
    assert d.session is not None and d.session.segment_ids
    assert d.error.text() == ""


def test_a_wrong_password_given_early_is_refused_once_the_store_is_open(qtbot, seeded):
    store, _a, _b = seeded
    d = LoginDialog(None, "chief1")
    qtbot.addWidget(d)
    d.password.setText("nope")
    d.try_login()
    d.store_ready(store)
    assert d.session is None and d.error.text() == "用户名或密码错误"


def test_the_login_dialog_needs_neither_the_database_layer_nor_the_map():
    # what makes the dialog appear fast: it is drawn before SQLAlchemy, pandas or numpy load
    code = ("import sys; import gridapp.cli; import gridapp.ui.main; import gridapp.ui.login; "
            "print(sorted(m for m in ('sqlalchemy', 'pandas', 'geopandas', 'numpy', 'shapely') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
