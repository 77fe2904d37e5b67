"""`advisor users`, `advisor audit`, `advisor retention` through the CLI's own entry function."""

import io
import sys
from types import SimpleNamespace

import pytest

from advisor_app.cli.main import main
from advisor_app.services import audit
from tests.conftest import TOWNSHIP, VILLAGE

PASSWORD = "correct-horse"


@pytest.fixture
def advisor(monkeypatch, capsys):
    def run(data_dir, *args, stdin=None, env=None):
        monkeypatch.delenv("ADVISOR_USER", raising=False)
        monkeypatch.delenv("ADVISOR_USER_PASSWORD", raising=False)
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin or ""))
        code = main(["--data-dir", str(data_dir), *args])
        out, err = capsys.readouterr()
        return SimpleNamespace(returncode=code, stdout=out, stderr=err)

    return run


def test_users_audit_and_retention_from_the_command_line(seeded, advisor):
    store = seeded
    data = store.data_dir
    audit.log(store, "导出", "cases", region_code=VILLAGE, detail="纠纷案件 3 条，打码，.xlsx")
    store.close()

    first = advisor(
        data,
        "users",
        "add",
        "所长",
        "--role",
        "司法所",
        "--region",
        TOWNSHIP,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert first.returncode == 0 and "管理员" in first.stdout, first.stderr
    # later users need the 管理员
    refused = advisor(
        data,
        "users",
        "add",
        "王顾问",
        "--role",
        "村法律顾问",
        "--region",
        VILLAGE,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert refused.returncode == 2 and "管理员" in refused.stderr and "Traceback" not in refused.stderr
    admin = {"ADVISOR_USER": "所长", "ADVISOR_USER_PASSWORD": PASSWORD}
    added = advisor(
        data,
        "users",
        "add",
        "王顾问",
        "--role",
        "村法律顾问",
        "--region",
        VILLAGE,
        "--password-stdin",
        stdin=PASSWORD + "\n",
        env=admin,
    )
    assert added.returncode == 0, added.stderr
    listed = advisor(data, "users", "list", env=admin)
    assert "王顾问\t村法律顾问\t" + VILLAGE in listed.stdout and PASSWORD not in listed.stdout

    shown = advisor(data, "audit", "--since", "2000-01-01", env=admin)
    assert shown.returncode == 0 and "导出\tcases" in shown.stdout
    adviser = {"ADVISOR_USER": "王顾问", "ADVISOR_USER_PASSWORD": PASSWORD}
    assert advisor(data, "audit", env=adviser).returncode == 2
    wrong = advisor(data, "audit", env={"ADVISOR_USER": "所长", "ADVISOR_USER_PASSWORD": "nope-nope"})
    assert wrong.returncode == 2 and "不正确" in wrong.stderr

    status = advisor(data, "retention", "status", env=admin)
    assert status.returncode == 0 and "保存 10 年" in status.stdout and "保存 5 年" in status.stdout
    assert advisor(data, "retention", "apply", "--dry-run", env=adviser).returncode == 2
    dry = advisor(data, "retention", "apply", "--dry-run", env=admin)
    assert dry.returncode == 0 and "将删除个人信息 0 条" in dry.stdout
    assert advisor(data, "retention", "set", "--kind", "cases", "--years", "12", env=admin).returncode == 0
    assert "保存 12 年" in advisor(data, "retention", "status", env=admin).stdout


def test_audit_without_local_users_follows_the_installation_role(store, advisor):
    store.set_setting("role", "村法律顾问")
    data = store.data_dir
    store.close()
    result = advisor(data, "audit")
    assert result.returncode == 2 and "司法所" in result.stderr
