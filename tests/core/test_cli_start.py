"""The CLI's start-up: one command loads only its own module; argparse speaks Chinese; reading
commands (sync-status, search, conflicts) import neither Alembic, sqlite-utils, the sync client's
network side nor the ORM — nor SQLAlchemy at all on a store the direct store opens (store.direct); `export --help` and `print --help` no spreadsheet or PDF library, a
monthly report written as .xlsx no reportlab (a check of the import tree, not of the time)."""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import subprocess
import sys

import pytest

from advisor_app.cli import commands
from advisor_app.cli.main import build_parser, main
from tests.cli_process import run_advisor
from tests.conftest import VILLAGE


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


# --- what a command imports, as a whole process ------------------------------------------------------

# Never needed to read local state: Alembic (the store is at head), sqlite-utils (bulk and index
# rebuilds), the sync client's network side (requests, transport, the client itself) and the
# protocol's field rules.
NEVER_TO_READ = (
    "alembic",
    "sqlite_utils",
    "requests",
    "httpx",
    "sync.client.client",
    "sync.client.transport",
    "sync.protocol",
)
# Local sync state is plain SQL on the engine: no ORM, no mapped models.
NO_ORM = ("sqlalchemy.orm", "advisor_app.domain.models")


def _imported(data_dir, *words: str, store: bool = True) -> tuple[set[str], str]:
    """The modules a whole `advisor` process imported (``-X importtime``) and what it printed
    (``store``: the command opens the store, so SQLAlchemy must be in the tree)."""
    modules, done = run_advisor(data_dir, *words)
    assert len(modules) > 20 and "advisor_app.cli.argparse_zh" in modules  # the parse saw the tree
    if store:
        assert "sqlalchemy" in modules  # the store's engine is always there
    return modules, done.stdout


def _under(modules: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes))


@pytest.fixture
def written(seeded):
    """A store at head holding records never synced (its committee, a consultation); closed, so a
    process can open it."""
    from advisor_app.services import consultations

    consultations.create(seeded, {"region_code": VILLAGE, "question": "宅基地界址不清，邻居占地"})
    seeded.close()
    return seeded.data_dir


def test_sync_status_reads_local_state_without_network_client_or_models(written):
    from advisor_app.store import open_store
    from sync.client import SyncClient

    store = open_store(written)
    with store.engine.connect() as conn:
        never_sent = conn.exec_driver_sql(
            "SELECT count(DISTINCT table_name || record_id) FROM change_log"
        ).scalar()
    by_client = SyncClient(store).status()
    store.close()
    assert never_sent == by_client.queued >= 2

    modules, out = _imported(written, "sync-status", store=False)
    assert f"待发送：{never_sent} 条" in out and "已隔离：0 条" in out
    assert "sync.client.local_status" in modules and "advisor_app.store.direct" in modules
    assert _under(modules, (*NEVER_TO_READ, *NO_ORM, "sqlalchemy")) == []


def test_search_imports_neither_sqlalchemy_nor_alembic_nor_bulk_tools_nor_sync(written):
    """The search runs on the direct store (the driver alone): the scope (services.users,
    services.setup) is plain SQL on the driver, the hits are named from the registry's plain data,
    and importing a service adds the 零上报 hook without loading the ORM."""
    modules, out = _imported(written, "search", "宅基地", store=False)
    assert out.startswith("咨询\t") and "宅基地界址不清" in out
    assert "advisor_app.store.direct" in modules and "advisor_app.services.users" in modules
    assert "advisor_app.domain.record_kinds" in modules
    assert _under(modules, (*NEVER_TO_READ, "sync", "keyring", "sqlcipher3", "sqlalchemy")) == []
    assert _under(modules, (*NO_ORM, "advisor_app.services.zero_reports", "advisor_app.store.changes")) == []


@pytest.mark.parametrize(
    ("words", "shown"),
    [
        (["export", "--help"], "consultations,cases,roster,activities"),
        (["import", "--help"], "consultations,cases,roster,activities"),
        (["print", "--help"], "rating-card 服务评价卡"),
    ],
)
def test_help_of_export_and_print_loads_no_spreadsheet_pdf_or_store(tmp_path, words, shown):
    """Their choices come from domain.record_kinds: io.transfer and services.printing load only
    when a file is written."""
    modules, out = _imported(tmp_path / "data", *words, store=False)
    assert out.startswith(f"用法：advisor {words[0]}") and shown in out
    assert "advisor_app.domain.record_kinds" in modules
    heavy = ("openpyxl", "reportlab", "sqlalchemy", "advisor_app.io", "advisor_app.services")
    assert _under(modules, heavy) == []
    assert not (tmp_path / "data").exists()  # help opens no store


def test_monthly_report_as_xlsx_loads_no_reportlab(written, tmp_path):
    output = tmp_path / "月报.xlsx"
    modules, out = _imported(
        written, "report", "monthly", "--month", "2026-10", "-o", str(output), store=False
    )
    assert out.strip() == f"已导出：{output}" and output.stat().st_size > 0
    assert "xlsxwriter" in modules  # the writer it needs (the check sees third-party packages)
    assert "advisor_app.store.direct" in modules  # on the direct store: no SQLAlchemy, no openpyxl
    unused = ("reportlab", "advisor_app.reports.pdf", "advisor_app.documents", "openpyxl", "sqlalchemy")
    assert _under(modules, unused) == []
    assert _under(modules, NEVER_TO_READ) == []


def test_zero_report_hook_corrects_when_services_load_after_the_first_unit_of_work(seeded):
    """The 零上报 correction is a hook of the store's sessions (store.flush_hooks.add_before_flush), not
    of the ORM's Session class: it applies to a store whose session factory was made before any
    service was imported, and runs after the change-log hook (the correction is a logged revision)."""
    from advisor_app.services import zero_reports

    zero_reports.report_zero(seeded, VILLAGE, "2026-10")
    seeded.close()
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from advisor_app.store import open_store\n"
        f"store = open_store({str(seeded.data_dir)!r})\n"
        "with store.session() as session:\n"
        "    pass\n"
        "print('advisor_app.services' in sys.modules)\n"
        "from advisor_app.services import screening\n"
        f"data = {{'region_code': {VILLAGE!r}, 'held_on': date(2026, 10, 15), 'disputes_found': 1}}\n"
        "screening.record_screening(store, data, confirm=True)\n"
        "with store.engine.connect() as conn:\n"
        "    print(*conn.exec_driver_sql('SELECT correction, rev FROM zero_reports').one(), sep='|')\n"
        "    print(conn.exec_driver_sql(\n"
        "        \"SELECT max(rev) FROM change_log WHERE table_name = 'zero_reports'\").scalar())\n"
        "store.close()\n"
    )
    env = {**os.environ, "ADVISOR_STORE_ENCRYPTION": "off", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded_before, stamped, logged = done.stdout.splitlines()
    assert loaded_before == "False"
    correction, rev = stamped.rsplit("|", 1)
    assert "2026-10-15 排查发现纠纷" in correction and rev == "2" and logged == "2"


def test_an_old_store_is_still_upgraded_by_alembic(tmp_path):
    """The head check reads the migration file names; an older store still goes through Alembic."""
    from advisor_app.store import migrate, open_store

    store = open_store(tmp_path / "data")
    store.close()
    revisions = migrate.revisions()
    migrate_to = revisions[-2]
    from alembic import command

    command.downgrade(migrate.alembic_config(store.engine), migrate_to)
    assert migrate.current_revision(store.engine) == migrate_to
    store.engine.dispose()
    modules, _out = _imported(tmp_path / "data", "sync-status")
    assert "alembic" in modules
    assert migrate.current_revision(open_store(tmp_path / "data").engine) == migrate.head_revision()
    assert list((tmp_path / "data" / "backups").glob(f"*-{migrate_to}.db"))


def test_synced_tables_read_from_the_schema_are_the_models_sync_kinds(store):
    """local_status finds the synced tables by their shape (id primary key, rev), without the models."""
    from advisor_app.domain.models import SYNCABLE
    from sync.client import local_status

    with store.engine.connect() as conn:
        assert local_status.synced_tables(conn) == set(SYNCABLE)


def test_store_open_loads_no_orm_until_the_first_unit_of_work(store):
    code = (
        "import sys\n"
        "from advisor_app.store import open_store\n"
        f"store = open_store({str(store.data_dir)!r})\n"
        "store.set_setting('probe', '1')\n"
        "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy.orm', 'advisor_app.domain.models'))))\n"
        "with store.session() as session:\n"
        "    pass\n"
        "print('sqlalchemy.orm' in sys.modules, store.setting('probe'), len(store.settings()) > 1)\n"
        "store.close()\n"
    )
    store.close()
    env = {**os.environ, "ADVISOR_STORE_ENCRYPTION": "off"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.splitlines() == ["[]", "True 1 True"]


def test_conflicts_answers_none_from_one_count_and_lists_an_open_one(written):
    modules, out = _imported(written, "conflicts", store=False)
    assert out.strip() == "没有待处理的冲突"
    assert _under(modules, (*NEVER_TO_READ, *NO_ORM, "sqlalchemy")) == []

    from advisor_app.domain.models import SyncConflict
    from advisor_app.store import open_store

    store = open_store(written)
    with store.session() as session:
        session.add(
            SyncConflict(
                kind="consultations",
                record_id="0" * 8 + "-0000-4000-8000-" + "0" * 12,
                reason="stale_base",
                message="服务器上已有更新的版本",
                mine={"question": "宅基地界址不清", "deleted": False},
                mine_rev=2,
                theirs={"question": "宅基地界址已勘定", "deleted": False},
                theirs_rev=3,
            )
        )
    store.close()
    modules, out = _imported(written, "conflicts")
    (line,) = out.strip().splitlines()
    assert line.split("\t")[1:4] == ["consultations", "00000000", "服务器上已有更新的版本"]
    assert line.endswith("不同字段：咨询内容")
    assert "requests" not in modules
