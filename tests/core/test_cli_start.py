"""The CLI's start-up: one command loads only its own module; argparse speaks Chinese."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import subprocess
import sys

import pytest

from advisor_app.cli import commands
from advisor_app.cli.main import build_parser, main


def _registered_by(module_name: str) -> set[str]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    importlib.import_module(f"{commands.__name__}.{module_name}").register(sub)
    return set(sub.choices)


def test_command_table_names_every_subcommand_and_its_module():
    """COMMANDS decides which module a command loads: it must agree with what the modules register."""
    table: dict[str, str] = {}
    for info in pkgutil.iter_modules(commands.__path__):
        for name in _registered_by(info.name):
            table[name] = info.name
    assert commands.COMMANDS == table
    assert list(commands.COMMAND_HELP) == list(commands.COMMANDS)


def test_advisor_help_loads_no_command_module():
    code = (
        "import sys\n"
        "from advisor_app.cli.main import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('advisor_app.cli.commands.') or m == 'sqlalchemy'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"
    assert "审计记录" in done.stdout and "用法：advisor" in done.stdout


@pytest.mark.parametrize(
    "argv", [["search", "张"], ["--data-dir", "x", "sync-status"], ["report", "monthly"]]
)
def test_a_command_loads_only_its_own_module(argv):
    code = (
        "import sys\n"
        "from advisor_app.cli.main import build_parser\n"
        f"build_parser({argv!r})\n"
        "print(sorted(m for m in sys.modules if m.startswith('advisor_app.cli.commands.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    chosen = next(
        w for i, w in enumerate(argv) if not w.startswith("-") and (i == 0 or argv[i - 1] != "--data-dir")
    )
    assert eval(out) == [f"advisor_app.cli.commands.{commands.COMMANDS[chosen]}"]


def test_help_and_errors_are_in_chinese(capsys):
    with pytest.raises(SystemExit):
        build_parser(["--help"], every_command=True).parse_args(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：advisor")
    assert "显示本帮助并退出" in out and "show this help" not in out
    assert "positional arguments" not in out and "options:" not in out

    with pytest.raises(SystemExit) as exc:
        main(["search"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "缺少必需的参数：text" in err and "required" not in err

    with pytest.raises(SystemExit):
        main(["no-such-command"])
    assert "无效的选择" in capsys.readouterr().err
