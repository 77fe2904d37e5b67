"""The case window's plumbing: its read model is loaded off the GUI thread, and no button in the
app hands clicked(bool) to a slot with an optional parameter (保存协议草稿 crashed that way)."""

from __future__ import annotations

import ast
import threading
from pathlib import Path

from advisor_app.services import case_view, cases

UI = Path(__file__).resolve().parents[2] / "ui"


def test_the_case_is_read_on_the_database_thread(app, desk, tasks, qtbot, monkeypatch):
    from tests.core.test_cases import register
    from ui.case.window import CaseWindow

    case = register(desk)
    threads: list[threading.Thread] = []
    real_load = case_view.load

    def load(store, case_id):
        threads.append(threading.current_thread())
        return real_load(store, case_id)

    monkeypatch.setattr(case_view, "load", load)
    window = CaseWindow(desk, tasks, case.id)
    qtbot.addWidget(window)
    assert window.party_table.rowCount() == 0  # nothing read yet on the GUI thread
    with qtbot.waitSignal(window.loaded, timeout=5000):
        window.show()
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert window.party_table.rowCount() == 2 and case.case_no in window.header.text()
    assert "受理" in window.header.text() and cases.get(desk, case.id).status == "受理"


def _slots_with_parameters() -> dict[str, list[str]]:
    """Method name -> its parameters (beyond self), for every method defined under ui/."""
    found: dict[str, list[str]] = {}
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                params = [a.arg for a in node.args.args[1:]] + (
                    [node.args.vararg.arg] if node.args.vararg else []
                )
                if params:
                    found.setdefault(node.name, []).extend(params)
    return found


def test_no_button_passes_clicked_bool_to_a_slot_with_a_parameter():
    with_params = _slots_with_parameters()
    without = {
        node.name
        for path in UI.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and len(node.args.args) == 1 and not node.args.vararg
    }
    offending = []
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            signal = node.func.value
            if node.func.attr != "connect" or not isinstance(signal, ast.Attribute):
                continue
            if signal.attr not in ("clicked", "triggered", "toggled") or not node.args:
                continue
            slot = node.args[0]
            # A bound method (self.x / self.controller.x) whose name is only ever defined with parameters.
            if isinstance(slot, ast.Attribute) and slot.attr in with_params and slot.attr not in without:
                offending.append(f"{path.relative_to(UI.parent)}:{node.lineno} {signal.attr} → {slot.attr}")
    assert not offending, "clicked(bool) would land in an optional parameter:\n" + "\n".join(offending)


def test_a_program_error_in_a_step_reaches_the_crash_handler_not_the_screen(
    app, desk, tasks, qtbot, monkeypatch
):
    from tests.core.test_cases import register
    from tests.gui.clicks import choose_tab, click
    from ui.case.window import CaseWindow

    case = register(desk)
    window = CaseWindow(desk, tasks, case.id)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=5000):
        window.show()
    choose_tab(qtbot, window.tabs, "调解记录")

    def broken(*_a, **_k):
        raise TypeError("'bool' object is not callable")

    monkeypatch.setattr(cases, "give_notice", broken)
    with qtbot.captureExceptions() as caught, qtbot.waitSignal(window.step_failed, timeout=5000) as failed:
        click(qtbot, window, "已告知权利义务并签字")
    assert [kind for kind, *_ in caught] == [TypeError]  # what the crash handler receives
    shown = window.message.text()
    assert shown == failed.args[0][""] and "程序出错" in shown and "TypeError" not in shown


def test_a_case_archived_before_the_file_was_checked_shows_history_not_gaps(app, desk, tasks, qtbot):
    from sqlalchemy import update

    from advisor_app.domain.models import Case
    from tests.core.test_cases import register
    from ui.case.window import CaseWindow

    case = register(desk)
    with desk.session() as session:  # as archived by an older version, without the item-by-item file
        session.execute(
            update(Case).where(Case.id == case.id).values(status="归档", closed_on=case.accepted_on)
        )
    window = CaseWindow(desk, tasks, case.id)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=5000):
        window.show()
    rows = [window.checklist.item(i).text() for i in range(window.checklist.count())]
    assert not any(row.startswith("✗") for row in rows)
    assert any("当事人身份证明" in row and "归档时未登记" in row for row in rows)
