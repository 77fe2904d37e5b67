"""A consultation by keyboard only (issue 14 §1): a village adviser opens 法律咨询 with Ctrl+2,
a new consultation with Ctrl+N, moves through every field with Tab in the form's order, types
digits as key presses and Chinese as input-method commits, picks the one-click choices with the
arrow keys and Space and the pick lists with the arrow keys, saves with 保存并评价办结… and rates
in the rating dialog with Enter — no mouse, no method call on a widget. The stored record and its
rating are checked in the store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from advisor_app.domain.models import Consultation
from advisor_app.services import consultations, ratings, setup
from tests.conftest import TOWNSHIP, VILLAGE, VILLAGE_2
from tests.gui.test_first_run import ime

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _activate(window: QWidget) -> None:
    """Shortcuts act in the active window; the offscreen platform activates none by itself."""
    window.activateWindow()
    QApplication.setActiveWindow(window)


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def _field_of(form, widget: QWidget | None) -> str | None:
    """The form field a focused widget belongs to (a choice button belongs to its ButtonChoice)."""
    owners = {id(w): key for key, w in form.fields.items()}
    while widget is not None:
        if id(widget) in owners:
            return owners[id(widget)]
        widget = widget.parentWidget()
    return None


class Keys:
    """Key presses sent where the focus is, as a user's keyboard would; remembers which fields the
    Tab key passed through, to check the form's focus order."""

    def __init__(self, qtbot, form) -> None:
        self.qtbot = qtbot
        self.form = form
        self.visited: list[str] = []

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(_focus(), key, modifier)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(_focus(), text)

    def chinese(self, text: str) -> None:
        ime(_focus(), text)

    def tab_to(self, field: str, *, back: bool = False, limit: int = 30) -> QWidget:
        """Tab (Shift+Tab) until the focus is in ``field``; fails if it never gets there."""
        for _ in range(limit):
            if _field_of(self.form, _focus()) == field:
                if not self.visited or self.visited[-1] != field:
                    self.visited.append(field)
                return _focus()
            self.press(
                Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab,
                SHIFT if back else Qt.KeyboardModifier.NoModifier,
            )
            key = _field_of(self.form, _focus())
            if key and (not self.visited or self.visited[-1] != key):
                self.visited.append(key)
        raise AssertionError(f"{field} is not reachable with {'Shift+Tab' if back else 'Tab'}")

    def tab_to_button(self, button, limit: int = 40) -> None:
        for _ in range(limit):
            if _focus() is button:
                return
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"“{button.text()}” is not reachable with Tab")

    def arrow_to(self, choice, option: str) -> None:
        """Right arrow along a one-click choice until ``option`` has the focus, then Space."""
        for _ in range(len(choice.buttons) + 1):
            if _focus() is choice.buttons[option]:
                self.press(Qt.Key.Key_Space)
                return
            self.press(Qt.Key.Key_Right)
        raise AssertionError(f"{option} is not reachable with the arrow keys")

    def pick(self, combo, value: str) -> None:
        """Down arrow in a pick list until ``value`` is chosen."""
        for _ in range(combo.count() + 1):
            if combo.currentData() == value or combo.currentText() == value:
                return
            self.press(Qt.Key.Key_Down)
        raise AssertionError(f"{value} cannot be chosen with the arrow keys")


def test_a_consultation_by_keyboard_only(app, seeded, tasks, qtbot, answers):
    from ui.main_window import MainWindow

    setup.configure(seeded, "村法律顾问", TOWNSHIP, user="孙明")
    setup.set_served_villages(seeded, [VILLAGE, VILLAGE_2])
    window = MainWindow(seeded, tasks)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _activate(window)

    # Ctrl+2: 法律咨询; Ctrl+N: a new consultation, the cursor in 咨询人
    qtbot.keyClick(_focus(), Qt.Key.Key_2, CTRL)
    page = window.pages["consultations"]
    assert window.stack.currentWidget() is page
    qtbot.keyClick(_focus(), Qt.Key.Key_N, CTRL)
    form = page.last_dialog
    assert form is not None and form.isVisible() and form.record_id is None
    _activate(form)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.fields["person_name"], timeout=5000)
    keys = Keys(qtbot, form)

    # 所在村 lies before the cursor: Shift+Tab back to it, the arrow key picks the second village
    keys.tab_to("region_code", back=True)
    keys.pick(form.fields["region_code"], VILLAGE_2)
    keys.visited.clear()  # the forward order is checked from here

    keys.tab_to("person_name")
    keys.chinese("张桂兰")
    keys.tab_to("phone")
    keys.type("13800138000")
    keys.tab_to("tags")
    keys.tab_to_button(form.fields["tags"].boxes["老年人"])
    keys.press(Qt.Key.Key_Space)
    keys.tab_to("mode")
    keys.arrow_to(form.fields["mode"], "远程")
    keys.tab_to("service_type")
    keys.pick(form.fields["service_type"], "法律服务指引")
    keys.tab_to("category")
    keys.arrow_to(form.fields["category"], "行政")
    keys.tab_to("subcategory")
    keys.pick(form.fields["subcategory"], "房屋宅基地")
    keys.tab_to("question")
    keys.chinese("宅基地被镇上规划占用，补偿怎么算？")
    keys.tab_to("answer")
    keys.chinese("依土地管理法第四十八条，先查规划批文与补偿方案；可申请行政复议。")
    keys.tab_to("referral")
    keys.arrow_to(form.fields["referral"], "调解")
    keys.tab_to("duration_minutes")
    keys.type("25")
    keys.tab_to("adviser")
    assert form.fields["adviser"].text() == "孙明"  # prefilled: the user of this installation
    order = list(form.fields)
    assert keys.visited == [k for k in order if k in keys.visited], f"Tab order {keys.visited}"
    assert {"person_name", "phone", "mode", "category", "question", "answer"} <= set(keys.visited)

    # Tab on to 保存并评价办结…, Enter presses it; the rating dialog opens over the form
    keys.tab_to_button(form.close_button)
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(form, "rating_dialog", None) is not None, timeout=10000)
    rating = form.rating_dialog
    qtbot.waitUntil(rating.isVisible, timeout=5000)
    _activate(rating)
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() is not None and rating.isAncestorOf(_focus()), timeout=5000
    )
    rate = Keys(qtbot, rating)
    rate.tab_to("comment")
    rate.chinese("讲得清楚")
    rate.tab_to("grade", back=True)
    rate.arrow_to(rating.fields["grade"], "满意")
    assert rating.fields["grade"].value() == "满意"
    # Enter on the focused choice saves (the dialog's default button), it does not undo the choice
    with qtbot.waitSignal(form.finished, timeout=10000):
        rate.press(Qt.Key.Key_Return)

    with seeded.session() as session:
        (record,) = session.query(Consultation).all()
        stored = {key: getattr(record, key) for key in consultations.EDITABLE}
        rated = ratings.rating_of(session, "consultation", record.id)
        grade, comment = rated.grade, rated.comment
    assert stored["region_code"] == VILLAGE_2
    assert stored["person_name"] == "张桂兰"
    assert stored["mode"] == "远程" and stored["service_type"] == "法律服务指引"
    assert stored["category"] == "行政" and stored["subcategory"] == "房屋宅基地"
    assert stored["question"] == "宅基地被镇上规划占用，补偿怎么算？"
    assert stored["answer"].startswith("依土地管理法第四十八条")
    assert stored["referral"] == "调解" and stored["duration_minutes"] == 25
    assert stored["tags"] == ["老年人"] and stored["adviser"] == "孙明"
    assert consultations.contact(seeded, record.id)["phone"] == "13800138000"
    assert record.status == "已办结"
    assert (grade, comment) == ("满意", "讲得清楚")
