"""The `advisor` command end to end in a temporary data folder (real subprocesses)."""

import os
import subprocess
import sys

import pytest


def advisor(data_dir, *args, stdin=None):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("ADVISOR_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "advisor_app.cli.main", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    data = tmp_path_factory.mktemp("cli")
    assert advisor(data, "init").returncode == 0
    result = advisor(data, "demo-data", "--seed", "3", "--consultations", "400", "--cases", "40")
    assert result.returncode == 0, result.stderr
    assert "consultations: 400" in result.stdout
    return data


def test_search_prints_one_match_a_line(demo_dir):
    result = advisor(demo_dir, "search", "工资")
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    assert lines and all(line.startswith(("咨询\t", "案件\t")) and "工资" in line for line in lines)


def test_demo_data_is_deterministic(tmp_path):
    outputs = []
    for name in ("a", "b"):
        assert (
            advisor(
                tmp_path / name, "demo-data", "--seed", "5", "--consultations", "50", "--cases", "5"
            ).returncode
            == 0
        )
        assert (
            advisor(
                tmp_path / name, "export", "consultations", "-o", str(tmp_path / f"{name}.csv")
            ).returncode
            == 0
        )
        text = (tmp_path / f"{name}.csv").read_text(encoding="utf-8-sig")
        outputs.append(
            [line for line in text.splitlines() if not line.startswith("#")]
        )  # the stamp names the device
    assert outputs[0] == outputs[1]


def test_export_import_round_trip_and_exit_codes(demo_dir, tmp_path):
    out = tmp_path / "cases.xlsx"
    result = advisor(demo_dir, "export", "cases", "-o", str(out), "--full")
    assert result.returncode == 0 and out.exists()
    empty = tmp_path / "empty"
    assert advisor(empty, "init").returncode == 0
    result = advisor(empty, "import", "cases", str(out))
    assert result.returncode == 0, result.stderr
    assert "新增 40 条" in result.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "姓名,所在村,区划代码,身份证号\n好人,桥南村,610502100201,\n坏人,桥南村,610502100201,123\n",
        encoding="utf-8",
    )
    result = advisor(empty, "import", "roster", str(bad))
    assert result.returncode == 1
    assert "第 3 行：身份证号" in result.stderr and "新增 1 条" in result.stdout


def test_backup_and_restore(demo_dir, tmp_path):
    backup = tmp_path / "backup.db"
    assert advisor(demo_dir, "backup", "-o", str(backup)).returncode == 0
    restored = tmp_path / "restored"
    result = advisor(restored, "restore", str(backup))
    assert result.returncode == 0, result.stderr
    assert advisor(restored, "search", "工资").stdout == advisor(demo_dir, "search", "工资").stdout
    junk = tmp_path / "junk.db"
    junk.write_text("hello")
    result = advisor(restored, "restore", str(junk))
    assert result.returncode == 2 and "不是 SQLite" in result.stderr


def test_data_dir_from_environment(tmp_path):
    env = {**os.environ, "ADVISOR_DATA_DIR": str(tmp_path / "envdir")}
    result = subprocess.run(
        [sys.executable, "-m", "advisor_app.cli.main", "init"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "envdir" / "advisor.db").exists()


def test_errors_are_chinese_messages_not_tracebacks(tmp_path):
    result = advisor(tmp_path, "import", "roster", str(tmp_path / "missing.xlsx"))
    assert result.returncode == 2
    assert "文件不存在" in result.stderr and "Traceback" not in result.stderr
