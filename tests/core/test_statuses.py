"""Statuses are written once (advisor_app/domain/statuses.py), never as literals (docs/architecture.md,
"Checked rules").

The AST check looks at every string constant in advisor_app, sync and ui: one equal to a status
value, or SQL text quoting one (``status = '已签署'``), is a status literal. Allowed without limit:
the definition itself and migrations (they describe past schemas); tests are not scanned. The few
places where the same word is a label, not a status, are listed in ``NOT_YET`` with their count.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from advisor_app.domain import statuses
from advisor_app.domain.vocab import terms

ROOT = Path(__file__).resolve().parents[2]
DEFINITION = "advisor_app/domain/statuses.py"
VALUES = {m.value for enum in statuses.VOCABULARIES.values() for m in enum}

# The same words used as something other than a status, per file (the count may fall, never rise).
NOT_YET: dict[str, int] = {
    "advisor_app/domain/case_flow.py": 2,  # a 调解 session's outcome, spelled like a case status
    "advisor_app/services/printing.py": 1,  # the label 草稿 of a draft's print note
    "ui/dashboard.py": 1,  # the 受理 series of a chart
}


def status_literals(source: str) -> list[tuple[int, str]]:
    """(line, value) of every string constant that is a status value or SQL quoting one."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            for value in sorted(VALUES):
                if text == value or f"'{value}'" in text:
                    found.append((node.lineno, value))
    return sorted(found)


def _counts() -> dict[str, int]:
    counts = {}
    for folder in ("advisor_app", "sync", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel == DEFINITION or "/migrations/versions/" in rel:
                continue
            n = len(status_literals(path.read_text(encoding="utf-8")))
            if n:
                counts[rel] = n
    return counts


@pytest.mark.parametrize("name, enum", sorted(statuses.VOCABULARIES.items()))
def test_each_status_enum_lists_its_vocabulary(name, enum):
    assert [m.value for m in enum] == terms(name)


def test_no_new_status_literals():
    counts = _counts()
    new = {path: n for path, n in counts.items() if n > NOT_YET.get(path, 0)}
    assert new == {}, "use the members of advisor_app.domain.statuses (bound SQL parameters in SQL)"


def test_the_check_finds_literals_in_code_and_in_sql():
    source = (
        "if a.status == '已签署':\n"
        "    pass\n"
        "sql = \"SELECT 1 FROM cases WHERE status != '归档'\"\n"
        "ok = AgreementStatus.SIGNED\n"
        "label = '已签署的协议'\n"
    )
    assert status_literals(source) == [(1, "已签署"), (3, "归档")]
