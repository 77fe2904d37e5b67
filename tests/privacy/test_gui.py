"""The desktop's privacy parts on real widgets: store password, sign-in, idle lock, 显示完整号码, 审计记录."""

from __future__ import annotations

from datetime import date

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt, QTimer
from sqlalchemy import select

from advisor_app.domain.models import AuditEvent, LegalLiterate
from advisor_app.services import cases, roster, setup, users
from advisor_app.store import crypto, open_store
from tests.conftest import TOWNSHIP, VILLAGE, VILLAGE_2

PASSWORD = "correct-horse"
ID_NUMBER = "11010519491231002X"


@pytest.fixture
def app(qapp, tmp_path):
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    from ui.app import make_app

    return make_app()


@pytest.fixture
def tasks(app):
    from ui.tasks import TaskManager

    manager = TaskManager()
    yield manager
    manager.shutdown()


@pytest.fixture
def desk(seeded):
    setup.configure(seeded, "人民调解员", TOWNSHIP, user="赵调解")
    seeded.set_setting(setup.COMMITTEE_SETTING, seeded.committee_id)
    yield seeded
    users.sign_out(seeded)


@pytest.fixture
def no_keyring(monkeypatch):
    monkeypatch.delenv("ADVISOR_STORE_ENCRYPTION", raising=False)
    monkeypatch.delenv("ADVISOR_DB_PASSWORD", raising=False)
    monkeypatch.delenv("ADVISOR_DB_KEY", raising=False)
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def _views(store, detail=None):
    with store.session() as session:
        query = select(AuditEvent).where(AuditEvent.action == "查看")
        if detail:
            query = query.where(AuditEvent.detail == detail)
        return list(session.scalars(query))


def test_first_run_without_keyring_offers_a_password_then_asks_for_it(app, qtbot, tmp_path, no_keyring):
    from ui.password_dialog import SetPasswordDialog, StorePasswordDialog, open_store_interactively

    data = tmp_path / "fresh"
    assert not crypto.keyring_usable()

    def fill_offer():
        dialog = next(w for w in app.topLevelWidgets() if isinstance(w, SetPasswordDialog) and w.isVisible())
        dialog.password.setText("short")
        dialog.repeat.setText("short")
        dialog.submit()
        assert "至少 8 位" in dialog.error.text()
        dialog.password.setText("a-long-secret")
        dialog.repeat.setText("a-different-one")
        dialog.submit()
        assert "不一致" in dialog.error.text()
        dialog.repeat.setText("a-long-secret")
        dialog.submit()

    QTimer.singleShot(0, fill_offer)
    store = open_store_interactively(data, open_store)
    store.close()
    assert (data / crypto.SALT_FILE).exists() and crypto.is_encrypted(data / "advisor.db")

    def answer(password):
        def run():
            dialog = next(
                w for w in app.topLevelWidgets() if isinstance(w, StorePasswordDialog) and w.isVisible()
            )
            dialog.password.setText(password)
            dialog.submit()
            if dialog.isVisible():  # refused: say so, then the right one
                assert "不正确" in dialog.error.text()
                dialog.password.setText("a-long-secret")
                dialog.submit()

        return run

    QTimer.singleShot(0, answer("wrong-password"))
    store = open_store_interactively(data, open_store)
    assert store is not None and store.key is not None
    store.close()


def test_declining_the_offer_is_remembered(app, tmp_path, no_keyring):
    from ui.password_dialog import SetPasswordDialog, may_offer_password, open_store_interactively

    data = tmp_path / "plain"
    QTimer.singleShot(
        0,
        lambda: next(
            w for w in app.topLevelWidgets() if isinstance(w, SetPasswordDialog) and w.isVisible()
        ).reject(),
    )
    open_store_interactively(data, open_store).close()
    assert not crypto.is_encrypted(data / "advisor.db") and not may_offer_password(data)


def test_forgetting_the_password_is_explained_in_chinese(app):
    from ui.password_dialog import FORGOTTEN_WARNING

    assert "忘记" in FORGOTTEN_WARNING and "无法恢复" in FORGOTTEN_WARNING


def test_local_sign_in_dialog(app, desk, qtbot):
    from ui.local_login import LocalLoginDialog

    users.create_user(desk, "所长", PASSWORD, "司法所", [TOWNSHIP])
    users.sign_out(desk)
    dialog = LocalLoginDialog(desk)
    qtbot.addWidget(dialog)
    dialog.password.setText("wrong-one")
    dialog.submit()
    assert "不正确" in dialog.error.text() and users.current_user(desk) is None
    dialog.password.setText(PASSWORD)
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted and users.current_user(desk).name == "所长"


def test_first_user_from_settings_becomes_admin(app, desk, tasks, qtbot):
    from ui.settings_page import SettingsPage

    page = SettingsPage(desk, tasks)
    qtbot.addWidget(page)
    assert "单人使用" in page.privacy.user_list.text() and page.privacy.add_user.isEnabled()
    dialog = page.privacy.open_add_user()
    dialog.name.setText("所长")
    dialog.role.setCurrentText("司法所")
    dialog.regions.item(0).setCheckState(Qt.CheckState.Checked)  # the whole township
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD)
    dialog.submit()
    assert dialog.created is not None and dialog.created.is_admin
    assert "所长（司法所，管理员）" in page.privacy.user_list.text()


def test_idle_lock_hides_everything_until_the_password(app, desk, tasks, qtbot):
    from ui import lock
    from ui.main_window import MainWindow
    from ui.roster_page import MemberForm

    users.create_user(desk, "所长", PASSWORD, "司法所", [TOWNSHIP])
    window = MainWindow(desk, tasks)
    qtbot.addWidget(window)
    window.show()
    app_lock = lock.install(window, desk)
    content = window.centralWidget()
    form = MemberForm(desk, tasks)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.fields["name"], "Wang unsaved")  # typed, not saved

    app_lock.timer.setInterval(300)
    app_lock.timer.start()
    for _ in range(3):  # activity anywhere keeps it open
        qtbot.wait(150)
        qtbot.keyClick(form.fields["name"], Qt.Key.Key_Shift)
    assert not app_lock.locked
    qtbot.waitUntil(lambda: app_lock.locked, timeout=3000)
    assert window.centralWidget() is app_lock.screen and not form.isVisible()
    assert form.drafts.load(form.draft_key)["name"] == "Wang unsaved"  # the draft is on disk

    assert not app_lock.unlock("wrong-password") and app_lock.locked
    assert "不正确" in app_lock.screen.error.text()
    assert app_lock.unlock(PASSWORD)
    assert window.centralWidget() is content and form.isVisible()
    assert form.values()["name"] == "Wang unsaved"


def test_no_lock_without_local_users(app, desk, tasks, qtbot):
    from ui import lock
    from ui.main_window import MainWindow

    window = MainWindow(desk, tasks)
    qtbot.addWidget(window)
    assert not lock.install(window, desk).lock()


def _case_with_numbers(store):
    return cases.register(
        store,
        {
            "committee_id": store.committee_id,
            "region_code": VILLAGE,
            "dispute_type": "邻里",
            "summary": "宅基地",
            "accepted_on": date(2026, 10, 1),
            "parties": [
                {"role": "申请人", "name": "张桂兰", "id_number": ID_NUMBER, "phone": "13812345678"},
                {"role": "被申请人", "name": "李建国"},
            ],
        },
    )


def test_case_numbers_masked_until_shown_and_the_showing_audited(app, desk, tasks, qtbot):
    from ui.case.window import CaseWindow

    case = _case_with_numbers(desk)
    users.create_user(desk, "赵调解", PASSWORD, "人民调解员", [VILLAGE])
    window = CaseWindow(desk, tasks, case.id)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.view is not None, timeout=5000)  # loaded on the database thread
    assert window.party_table.item(0, 3).text() != ID_NUMBER and "*" in window.party_table.item(0, 3).text()
    assert window.party_table.item(0, 4).text() == "138****5678"
    assert window.reveal_button.isEnabled()
    window.reveal()
    assert window.party_table.item(0, 3).text() == ID_NUMBER
    qtbot.waitUntil(lambda: len(_views(desk, "显示完整号码")) == 1, timeout=5000)
    event = _views(desk, "显示完整号码")[0]
    assert event.actor == "赵调解" and event.target_id == case.id and event.region_code == VILLAGE
    assert ID_NUMBER not in event.detail


def test_role_without_the_right_cannot_show_numbers(app, desk, tasks, qtbot):
    from ui.case.window import CaseWindow

    case = _case_with_numbers(desk)
    users.create_user(desk, "所长", PASSWORD, "司法所", [TOWNSHIP])
    users.create_user(desk, "王顾问", PASSWORD, "村法律顾问", [VILLAGE])
    users.sign_in(desk, "王顾问", PASSWORD)
    window = CaseWindow(desk, tasks, case.id)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.view is not None, timeout=5000)  # loaded on the database thread
    assert not window.reveal_button.isEnabled()
    window.reveal()
    assert "*" in window.party_table.item(0, 3).text() and not _views(desk, "显示完整号码")


def test_roster_member_masked_saved_intact_and_viewing_audited(app, desk, tasks, qtbot):
    from ui.roster_page import MemberForm

    desk.set_setting("role", "司法所")
    member = roster.add(
        desk, {"region_code": VILLAGE_2, "name": "明白人", "id_number": ID_NUMBER, "phone": "13812345678"}
    )
    form = MemberForm(desk, tasks, member.id)
    qtbot.addWidget(form)
    qtbot.waitUntil(lambda: len(_views(desk, "法律明白人信息")) == 1, timeout=5000)
    assert form.values()["phone"] == "138****5678" and form.fields["phone"].isReadOnly()
    form.set_values({"group_name": "三组"})
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save()
    with desk.session() as session:
        stored = session.get(LegalLiterate, member.id)
        assert (stored.id_number, stored.phone, stored.group_name) == (ID_NUMBER, "13812345678", "三组")

    again = MemberForm(desk, tasks, member.id)
    qtbot.addWidget(again)
    again.reveal()
    assert again.values()["phone"] == "13812345678" and not again.fields["phone"].isReadOnly()
    qtbot.waitUntil(lambda: len(_views(desk, "显示完整号码")) == 1, timeout=5000)


def test_audit_dialog_for_the_township_only(app, desk, qtbot):
    from advisor_app.services import audit
    from ui.audit_page import AuditDialog

    audit.log(desk, "导出", "cases", region_code=VILLAGE, detail="纠纷案件 2 条，打码，.xlsx")
    audit.log(desk, "打印", "cases", region_code=VILLAGE_2, detail="人民调解协议书")
    users.create_user(desk, "所长", PASSWORD, "司法所", [TOWNSHIP])
    users.create_user(desk, "王顾问", PASSWORD, "村法律顾问", [VILLAGE])
    dialog = AuditDialog(desk)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert {dialog.table.item(r, 2).text() for r in range(2)} == {"导出", "打印"}
    assert {dialog.table.item(r, 4).text() for r in range(2)} == {"桥南村", "王家村"}

    users.sign_in(desk, "王顾问", PASSWORD)
    dialog.load()
    assert dialog.table.rowCount() == 0 and "司法所" in dialog.message.text()
