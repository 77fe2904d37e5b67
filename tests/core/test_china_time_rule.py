"""Business time is China time whatever zone the PC is set to (advisor_app.domain.clock): no code of
the app reads the PC's own date. Found at 00:xx Beijing time on a PC set to UTC — forms defaulted
to yesterday, a follow-up dated 'before its rating', a case overdue by a day less."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PC_DATE = re.compile(
    r"\bdate\.today\(\)|\bdatetime\.now\(\)|QDate\.currentDate\(\)|QDateTime\.currentDateTime\(\)"
)


def test_no_code_reads_the_pcs_own_date():
    found = []
    for folder in ("advisor_app", "ui", "sync/client"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if PC_DATE.search(line) and "# pc-time:" not in line:  # file names, crash notes
                    found.append(f"{path.relative_to(ROOT).as_posix()}:{n}: {line.strip()}")
    assert found == [], "use domain.clock.china_today() / china_now() (ui.widgets.china_qdate())"
