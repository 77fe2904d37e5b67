"""At login the villages come from the city server: after a first run with no villages typed, an
open consultation form's 所在村 fills from what `GET /v1/regions` gave the account (a real
server on loopback, the login dialog driven by keys and clicks)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMainWindow

from advisor_app.services import setup, users
from tests.sync_client.conftest import PASSWORD, TOWNSHIP, memory_keyring, server  # noqa: F401 - fixtures

LEFT = Qt.MouseButton.LeftButton


def test_villages_arrive_with_the_login(app, store, tasks, qtbot, server):  # noqa: F811 - fixture
    from ui.consultation_form import ConsultationForm
    from ui.login_dialog import LoginDialog
    from ui.sync_status import install

    setup.configure(store, "司法所", TOWNSHIP, user="周所长")
    form = ConsultationForm(store, tasks)
    qtbot.addWidget(form)
    form.show()
    combo = form.fields["region_code"]
    assert combo.count() == 0 and "设置" in combo.placeholderText()

    window = QMainWindow()
    qtbot.addWidget(window)
    controller = install(window, store, auto=False)
    try:
        dialog = LoginDialog(controller, window)  # a child of the window: closed and deleted with it
        dialog.show()
        qtbot.keyClicks(dialog.server, server.url)
        qtbot.keyClicks(dialog.user, "tw1")
        qtbot.keyClicks(dialog.password, PASSWORD)
        with qtbot.waitSignal(dialog.accepted, timeout=20000):
            qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
        qtbot.waitUntil(lambda: combo.count() == 3, timeout=10000)
        names = {combo.itemText(i) for i in range(combo.count())}
        assert names == {"桥南村", "王家村", "李家村"}  # not 庄里村: another township's
        assert setup.account_regions(store) == [TOWNSHIP]
        assert "610528101201" not in (users.current_scope(store) or ())
    finally:
        controller.shutdown()


def test_first_run_by_logging_in_with_a_city_account(app, store, tasks, qtbot, server):  # noqa: F811
    from ui.first_run import FirstRunDialog
    from ui.sync_status import controller_for

    dialog = FirstRunDialog(store, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        qtbot.mouseClick(dialog.login_button, LEFT)
        login = dialog.login_dialog
        qtbot.waitUntil(login.isVisible, timeout=5000)
        qtbot.keyClicks(login.server, server.url)
        qtbot.keyClicks(login.user, "adv1")  # an adviser of 桥南村 on the city server
        qtbot.keyClicks(login.password, PASSWORD)
        qtbot.mouseClick(login.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
        qtbot.waitUntil(lambda: dialog.account is not None, timeout=20000)
        assert dialog.fields["role"].value() == "村法律顾问"
        assert dialog.fields["region_code"].currentData() == TOWNSHIP
        assert "桥南村" in dialog.village_note.text()  # the account's village came with the login
        with qtbot.waitSignal(dialog.saved, timeout=10000):
            qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)
        assert setup.role(store) == "村法律顾问" and store.setting("user") == "adv1"
        assert [v.name for v in setup.villages(store)] == ["桥南村"]
        assert setup.served_villages(store) == ["610502100201"]
    finally:
        controller_for(store).shutdown()
