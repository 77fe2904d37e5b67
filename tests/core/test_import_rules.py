"""The house rules on imports, checked rather than kept by habit (docs/architecture.md, "Import rules").

Every ``import`` statement counts, including the lazy ones inside functions: a lazy import of Qt in
the core would still break the headless CLI and server the first time that path runs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, dotted module) for every import in the file; relative imports resolved against its package."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            # ``from pkg import sub`` may name a submodule: check pkg.sub as well.
            found.extend((node.lineno, f"{module}.{alias.name}") for alias in node.names)
    return found


def _files(folder: str, *, exclude: tuple[str, ...] = ()) -> list[Path]:
    files = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if "/migrations/versions/" in rel or any(rel.startswith(e) for e in exclude):
            continue
        files.append(path)
    return files


def _is_under(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


# (files, forbidden module prefixes, why) — one row per rule.
RULES = [
    (
        _files("advisor_app", exclude=("advisor_app/cli/",)),
        ("PySide6", "shiboken6", "ui", "sync"),
        "the core runs headless and never depends on the sync client or server",
    ),
    (
        _files("sync"),
        ("PySide6", "shiboken6", "ui"),
        "sync runs in the CLI and on the server, where there is no Qt",
    ),
    (
        _files("sync/server"),
        ("sync.client",),
        "the server never imports a client",
    ),
    (
        _files("sync/protocol"),
        ("sync.client", "sync.server"),
        "the protocol is shared by both ends and depends on neither",
    ),
    (
        _files("ui"),
        ("advisor_app.store",),
        "ui reaches the store only through advisor_app.services (store_access re-exports the Store type)",
    ),
]


def _violations(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in files:
        for line, module in _imports(path):
            if _is_under(module, forbidden):
                bad.append(f"{path.relative_to(ROOT).as_posix()}:{line} imports {module}")
    return sorted(set(bad))


@pytest.mark.parametrize("files, forbidden, why", RULES, ids=[r[2][:40] for r in RULES])
def test_import_rule(files, forbidden, why):
    assert files, "the rule must look at some files"
    assert _violations(files, forbidden) == [], why


def test_the_checker_sees_lazy_and_relative_imports(tmp_path, monkeypatch):
    """The checker itself must be able to fail: a lazy Qt import inside a function is found."""
    pkg = tmp_path / "advisor_app" / "services"
    pkg.mkdir(parents=True)
    bad = pkg / "bad.py"
    bad.write_text(
        "def f():\n    from PySide6.QtCore import QObject\n    from ..cli import main\n    from . import ui\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    found = _violations([bad], ("PySide6", "advisor_app.cli"))
    assert found == [
        "advisor_app/services/bad.py:2 imports PySide6.QtCore",
        "advisor_app/services/bad.py:2 imports PySide6.QtCore.QObject",
        "advisor_app/services/bad.py:3 imports advisor_app.cli",
        "advisor_app/services/bad.py:3 imports advisor_app.cli.main",
    ]


def test_ui_types_its_store():
    """The desktop's store is a ``Store`` (re-exported by advisor_app.services.store_access), not Any."""
    import re

    untyped = [
        f"{path.relative_to(ROOT).as_posix()}:{n}"
        for path in _files("ui")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bstore: Any\b", line)
    ]
    assert untyped == []
