"""Screenshots of the main screens for docs/screenshots (run under Xvfb with CJK fonts):

Xvfb :99 -screen 0 1280x800x24 &
DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python tests/gui/take_screenshots.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"


def settle(app, seconds: float = 0.6) -> None:
    end = time.time() + seconds
    while time.time() < end:
        app.processEvents()
        time.sleep(0.02)


def shot(app, widget, name: str) -> Path:
    settle(app)
    path = OUT / f"{name}.png"
    subprocess.run(["import", "-window", str(int(widget.winId())), str(path)], check=True)
    return path


def main() -> int:
    from PySide6.QtCore import QSettings

    import ui  # noqa: F401 - applies the binding work-around first

    tmp = Path(tempfile.mkdtemp(prefix="advisor-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qsettings"))
    from ui.app import make_app

    app = make_app(sys.argv[:1])
    from advisor_app import demo
    from advisor_app.services import setup
    from advisor_app.store import open_store
    from ui.first_run import FirstRunDialog
    from ui.main_window import MainWindow
    from ui.tasks import TaskManager

    OUT.mkdir(parents=True, exist_ok=True)
    store = open_store(tmp / "data")
    tasks = TaskManager()
    first = FirstRunDialog(store, tasks)
    first.show()
    shot(app, first, "01-first-run")
    first.close()
    demo.generate(store, seed=1, consultations=2000, cases=300)
    setup.configure(store, "人民调解员", "610502100000", user="赵调解")
    window = MainWindow(store, tasks)
    window.resize(1280, 800)
    window.show()
    settle(app, 1.5)
    shot(app, window, "02-workbench")
    window.show_page("consultations")
    settle(app, 1.0)
    shot(app, window, "03-consultations")
    page = window.pages["consultations"]
    page.list.search.setText("工资")
    settle(app, 1.0)
    shot(app, window, "04-consultations-search")
    form = page.open_record(None)
    form.set_values(
        {
            "person_name": "王秀英",
            "question": "儿子外出打工多年不给赡养费，我该怎么办？",
            "subcategory": "婚姻家庭",
            "referral": "法律援助",
            "tags": ["老年人", "低收入群体"],
        }
    )
    form._update_aid_hint()
    form.resize(760, 820)
    shot(app, form, "05-consultation-form")
    form.mark_clean()
    form.reject()
    window.show_page("cases")
    settle(app, 1.0)
    shot(app, window, "06-cases")
    signed = next(c for c in cases_with_agreement(store))
    case_window = window.pages["cases"].open_record(signed)
    case_window.tabs.setCurrentIndex(2)
    shot(app, case_window, "07-case-agreement")
    case_window.tabs.setCurrentIndex(5)
    shot(app, case_window, "08-case-file-checklist")
    case_window.reject()
    new_case = window.pages["cases"].open_record(None)
    new_case.parties = [
        {
            "role": "申请人",
            "name": "张桂兰",
            "gender": "女",
            "id_number": "11010519491231002X",
            "phone": "13812345678",
        },
        {"role": "被申请人", "name": "李建国", "gender": "男", "phone": "13900001111"},
    ]
    new_case._show_parties()
    new_case.save_registration()  # empty summary: the core's messages appear beside the fields
    settle(app, 1.0)
    shot(app, new_case, "09-case-registration-errors")
    new_case._dirty = False
    new_case.reject()
    window.show_page("roster")
    settle(app, 1.0)
    shot(app, window, "10-roster")
    window.show_page("activities")
    settle(app, 1.0)
    shot(app, window, "11-activities")
    window.show_page("settings")
    shot(app, window, "12-settings")
    window.close()
    tasks.shutdown()
    store.close()
    print(f"screenshots in {OUT}")
    return 0


def cases_with_agreement(store):
    from sqlalchemy import text

    with store.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT k.id FROM cases k JOIN agreements a ON a.case_id = k.id WHERE a.status = '已签署' "
                "AND k.status != '归档' ORDER BY k.accepted_on DESC LIMIT 5"
            )
        )
        return [r[0] for r in rows]


if __name__ == "__main__":
    sys.exit(main())
