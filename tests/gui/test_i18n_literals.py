"""All of the UI in Chinese through tr() (issue 15 §3): no Chinese text written into a ui module
outside a tr() call, so the English source language and the zh_CN catalogue stay complete.

Allowed without tr(): data values the core stores and compares (vocabulary terms such as 实地 or
已办结, and the few listed in DATA_VALUES), docstrings, and log messages (never shown).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from advisor_app.domain.vocab import vocabularies

UI = Path(__file__).resolve().parents[2] / "ui"
HAN = re.compile(r"[\u3400-\u9fff]")
TR_CALLS = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}
# not shown: log lines, regular expressions, and the audit log's detail (stored data)
EXEMPT_CALLS = {
    "debug",
    "info",
    "warning",
    "error",
    "exception",
    "critical",
    "compile",
    "record_view",
    "_audit_view",
}

# Values the core stores or compares, written as the core writes them (not UI text).
DATA_VALUES = {
    "当事人",  # cases.PARTY_ROLES default role
    "汉族",  # default ethnicity of a party
    "调解",  # referral kind that hands a dispute to the mediator
    "法律援助",  # referral kind with the Legal Aid Law hint
    "协议书扫描件",  # attachment kinds
    "活动照片",
    "村法律顾问",  # the roles (services.setup), stored in the settings
    "人民调解员",
    "司法所",
    "简体中文",  # a language is offered under its own name
    "乡村法律服务工作台",  # the program's name
    "未上报",  # 各村 report states (reports.figures), compared
    "零上报",
    "人民调解工作统计月报表",  # the official forms' titles, as the CLI names its files
    "法律顾问工作台账",
    "服务评价情况及排名",
    "桌面端",  # the device name a desktop sign-in registers with the server (stored there)
}
# a 统计 figure's cell, as the reports name it: ``accepted|total=合计``
FIGURE_CELL = re.compile(r"^\w+\|\w+=\S+$")

# Modules still carrying Chinese literals outside tr(): each left this list as it was converted
# (issue 15 §3); it stays, empty, for a module taken in from elsewhere before its conversion.
NOT_YET_CONVERTED: set[str] = set()


def _vocabulary_terms() -> set[str]:
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                found.add(str(key))
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    walk(vocabularies())
    return found


def _call_name(node: ast.Call) -> str | None:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def chinese_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every Chinese string constant outside tr(), docstrings and log calls."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    allowed = _vocabulary_terms() | DATA_VALUES
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and HAN.search(node.value)):
            continue
        if (
            isinstance(parents.get(node), ast.Expr)
            or node.value.strip() in allowed
            or FIGURE_CELL.match(node.value)
        ):
            continue  # a docstring, or a data value
        up, exempt = node, False
        while up in parents:
            up = parents[up]
            if isinstance(up, ast.Call) and _call_name(up) in TR_CALLS | EXEMPT_CALLS:
                exempt = True
                break
        if not exempt:
            found.append((node.lineno, node.value))
    return found


# the translation tooling itself: its messages are for the build, before any catalogue exists
NOT_UI = {"i18n.py"}


def test_no_chinese_text_outside_tr_in_the_ui():
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        name = path.relative_to(UI).as_posix()
        if name in NOT_YET_CONVERTED or name in NOT_UI:
            continue
        offenders += [f"ui/{name}:{line}: {text[:40]!r}" for line, text in chinese_literals(path)]
    assert not offenders, "Chinese text outside tr():\n" + "\n".join(offenders)


def test_the_not_yet_converted_list_only_names_modules_that_need_it():
    done = [name for name in sorted(NOT_YET_CONVERTED) if not chinese_literals(UI / name)]
    assert not done, f"converted, remove from NOT_YET_CONVERTED: {done}"


def test_the_check_finds_a_literal(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('label = QLabel("保存失败")\nok = self.tr("保存")\nmode = "实地"\n', encoding="utf-8")
    assert chinese_literals(sample) == [(1, "保存失败")]
