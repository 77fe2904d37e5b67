"""First run as a 县司法局: offline (role clicked, county picked from Weinan's eleven) and by logging
in with a county account of a real city server on loopback, whose login sets role and county and
whose sync then brings the county's records and no other county's. Driven by clicks and keys."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from advisor_app.domain.roles import Role
from advisor_app.services import listing, setup
from tests.sync_client.conftest import (  # noqa: F401 - fixtures
    FAST,
    PASSWORD,
    TOWNSHIP,
    V1,
    V2,
    V3,
    V4,
    device,
    memory_keyring,
    server,
)
from tests.sync_client.records import consult

LEFT = Qt.MouseButton.LeftButton
COUNTY = "610502000000"  # 临渭区, above 桥南镇
FUPING = "610528000000"  # 富平县


def pick_role(qtbot, dialog, role: str) -> None:
    """Click the radio's circle (a click past its short label is no click on a QRadioButton)."""
    button = dialog.fields["role"].buttons[role]
    qtbot.mouseClick(button, LEFT, pos=QPoint(8, button.height() // 2))
    assert button.isChecked()


def pick_in_combo(qtbot, combo, text: str) -> None:
    """Step through the closed pick list with the arrow keys, as a clerk does from the keyboard."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text, [combo.itemText(i) for i in range(combo.count())]


def type_chinese(widget, text: str) -> None:
    """Chinese as an input method commits it (QTest.keyClicks knows only ASCII keys)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def save(qtbot, dialog) -> None:
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)


def test_first_run_as_a_county_offline(app, store, tasks, qtbot, answers):
    from ui.first_run import FirstRunDialog

    dialog = FirstRunDialog(store, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.refused, timeout=10000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)
    assert dialog.error_text("role") == "身份：请选择身份（村法律顾问、人民调解员、司法所、县司法局）"

    combo = dialog.fields["region_code"]
    assert dialog.region_label.text() == "所在乡镇" and combo.currentData() == TOWNSHIP
    pick_role(qtbot, dialog, Role.COUNTY)
    # the same field now offers the counties, opening on the one above the township it showed
    assert dialog.region_label.text() == "所在县（区）"
    names = [combo.itemText(i) for i in range(combo.count())]
    assert len(names) == 11 and "临渭区" in names and "桥南镇" not in names
    assert combo.currentData() == COUNTY
    assert not dialog.village_lines.isVisible()  # a county types no villages

    pick_role(qtbot, dialog, Role.TOWNSHIP)  # changed its mind: townships and villages again
    assert dialog.region_label.text() == "所在乡镇" and dialog.village_lines.isVisible()
    assert combo.findText("桥南镇") >= 0 and combo.findText("临渭区") < 0
    pick_role(qtbot, dialog, Role.COUNTY)
    pick_in_combo(qtbot, combo, "富平县")
    type_chinese(dialog.fields["user"], "吴科长")
    save(qtbot, dialog)

    assert setup.role(store) == Role.COUNTY and setup.home_region(store) == FUPING
    assert store.setting("user") == "吴科长"
    assert setup.served_villages(store) == []
    scope = setup.installation_scope(store)
    assert scope is not None and scope.prefixes == ("610528",)
    assert "610528101000" in scope and TOWNSHIP not in scope  # 庄里镇 yes, 桥南镇 no
    assert setup.default_region(store) == FUPING


def test_first_run_with_a_county_account_of_the_city_server(app, store, tasks, qtbot, server, device):  # noqa: F811
    from sync.client import SyncClient
    from sync.server.admin import service as admin
    from ui.first_run import FirstRunDialog
    from ui.sync_status import controller_for

    admin.add_user(server.engine, "cty1", "county", [COUNTY], PASSWORD)
    # records of the county's townships, and of another county, on the city server
    township = device("tw", server.url, "tw1")
    mine = consult(township.store, V1, "桥南村的咨询")
    township.client.sync()
    other = device("med3", server.url, "med3")
    theirs = consult(other.store, V3, "庄里村的咨询")
    other.client.sync()

    dialog = FirstRunDialog(store, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        qtbot.mouseClick(dialog.login_button, LEFT)
        login = dialog.login_dialog
        qtbot.waitUntil(login.isVisible, timeout=5000)
        qtbot.keyClicks(login.server, server.url)
        qtbot.keyClicks(login.user, "cty1")
        qtbot.keyClicks(login.password, PASSWORD)
        qtbot.mouseClick(login.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
        qtbot.waitUntil(lambda: dialog.account is not None, timeout=20000)
        # role and county come from the account
        assert dialog.fields["role"].value() == Role.COUNTY
        assert dialog.region_label.text() == "所在县（区）"
        assert dialog.fields["region_code"].currentData() == COUNTY
        assert not dialog.village_lines.isVisible()
        assert "cty1" in dialog.login_button.text()
        save(qtbot, dialog)
    finally:
        controller_for(store).shutdown()

    assert setup.role(store) == Role.COUNTY and setup.home_region(store) == COUNTY
    assert setup.account_regions(store) == [COUNTY]  # the account's regions: its county code
    scope = setup.installation_scope(store)
    assert scope is not None and scope.prefixes == ("610502",)
    assert {V1, V2, V4} <= set(scope) and V3 not in scope  # the login brought the county's villages

    # a sync with the county account pulls the county's scope: 桥南村's record, not 庄里村's
    SyncClient(store, retry=FAST).sync()
    shown = listing.ids(store, "consultation")
    assert mine in shown and theirs not in shown
