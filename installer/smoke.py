"""`make installer-check`: build the frozen app on this platform and prove it works headlessly.

1. build (installer/build.py) unless ``--no-build`` and a build exists;
2. the bundle holds the resources, migrations, fonts and licences, and none of the excluded Qt modules;
3. ``advisor-app --self-test DIR`` (offscreen): creates a store at head, numbers a case, prints an
   agreement PDF with the bundled font, and finds keyring's backends (the same one the unfrozen
   install resolves; with gnome-keyring present, a real store/read/delete through Secret Service);
4. the frozen desktop app starts on that store (offscreen) and stays up without an error report;
5. the frozen CLI ``advisor diagnose`` reads the store.
Prints one line per check and exits non-zero on the first failure.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from installer import build as builder  # noqa: E402
from installer import bundle  # noqa: E402

EXE = ".exe" if sys.platform == "win32" else ""
STARTUP_SECONDS = 8


class SmokeError(AssertionError):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeError(message)
    print(f"  ok  {message}")


def frozen_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ADVISOR_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / "share"))
    return env


def check_bundle(dist: Path) -> Path:
    internal = dist / "_internal"
    root = internal if internal.is_dir() else dist
    res = root / "resources"
    check(
        (dist / f"advisor-app{EXE}").is_file() and (dist / f"advisor{EXE}").is_file(),
        "两个可执行文件：advisor-app、advisor",
    )
    for rel in (
        "i18n/advisor_zh_CN.qm",
        "vocab/vocabularies.json",
        "regions/weinan.csv",
        "clauses/clauses.json",
        "icons/advisor-app.png",
        "licenses/THIRD-PARTY.md",
    ):
        check((res / rel).is_file(), f"资源 resources/{rel}")
    fonts = sorted(p.name for p in (res / "fonts").glob("*.tt[cf]")) if (res / "fonts").is_dir() else []
    check(bool(fonts), f"随包字体 {fonts}")
    fallbacks = sorted(p.name for p in (res / "fonts" / "fallback").glob("*.tt[cf]"))
    check(bool(fallbacks) or not builder.DEFAULT_FALLBACK_FONTS[0].is_file(), f"生僻字字体 {fallbacks}")
    for font in [*fonts, *fallbacks]:
        licence = builder.FONT_LICENCES[font]
        check((res / "licenses" / "fonts" / licence).is_file(), f"字体许可证 {licence}")
    versions = sorted(p.name for p in (root / "advisor_app/store/migrations/versions").glob("*.py"))
    source = sorted(p.name for p in (bundle.ROOT / "advisor_app/store/migrations/versions").glob("*.py"))
    check(versions == source, f"迁移脚本 {len(versions)} 个")
    files = [str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() or p.is_symlink()]
    bindings = {f"{name}.abi3.so" for name in bundle.QT_EXCLUDE} | {
        f"{name}.pyd" for name in bundle.QT_EXCLUDE
    }
    leaked = sorted(f for f in files if bundle.drop_binary(f) or Path(f).name in bindings)
    check(
        not leaked,
        "未打包不需要的 Qt 模块和插件（QML/Quick、SVG、WebEngine、GTK 主题……）"
        + (f"：多余 {leaked[:8]}" if leaked else ""),
    )
    for name in ("Core", "Gui", "Widgets", "Pdf", "PdfWidgets", "PrintSupport", "Charts"):
        check(
            any(re.search(rf"(lib)?Qt6{name}\.(so|dll)", f) for f in files) or sys.platform == "darwin",
            f"Qt{name} 在包中",
        )
    size = sum(p.stat().st_size for p in dist.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"      安装目录大小 {size / 1_048_576:.0f} MB")
    return res


def unfrozen_keyring_backend() -> str:
    code = "import keyring; b = keyring.get_keyring(); print(type(b).__module__ + '.' + type(b).__name__)"
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


IN_SESSION = "ADVISOR_SMOKE_KEYRING_SESSION"


def keyring_session() -> list[str]:
    """A private D-Bus session with an unlocked gnome-keyring, when both are installed (Linux)."""
    if sys.platform != "linux" or not (
        shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")
    ):
        return []
    script = 'echo -n smoke | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"'
    return ["dbus-run-session", "--", "sh", "-c", script, "sh"]


def run_self_test(dist: Path, work: Path) -> dict:
    target = work / "store"
    in_session = bool(os.environ.get(IN_SESSION))
    started = time.monotonic()
    proc = subprocess.run(
        [str(dist / f"advisor-app{EXE}"), "--self-test", str(target)],
        env=frozen_env(work),
        capture_output=True,
        timeout=180,
    )
    seconds = time.monotonic() - started
    report = target / "self-test.json"
    if not report.is_file():
        raise SmokeError(
            f"自检没有写出结果（退出码 {proc.returncode}）：{proc.stderr.decode(errors='replace')[-2000:]}"
        )
    result = json.loads(report.read_text(encoding="utf-8"))
    print(
        f"      自检用时 {seconds:.1f} 秒；密钥存储 {result.get('keyring', {}).get('backend')}"
        + ("（gnome-keyring 会话）" if in_session else "")
    )
    check(proc.returncode == 0 and result.get("ok"), f"自检通过 {result.get('error', '')}")
    check(result["frozen"], "在安装包中运行（sys.frozen）")
    check(result["revision"] == result["head"], f"新建数据库在最新版本 {result['head']}")
    check("随安装包" in result["font"], f"使用随包字体：{result['font']}")
    pdf = target / "self-test-agreement.pdf"
    check(pdf.read_bytes().startswith(b"%PDF-"), f"打印协议书 PDF（{result['pdf_bytes']} 字节）")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        check(
            "人民调解协议书" in text and result["case_no"].replace(" ", "") in text.replace(" ", ""),
            "PDF 中可提取“人民调解协议书”和案号",
        )
    keyring_result = result["keyring"]
    expected = keyring_result["expected"]
    check(keyring_result["loadable"].get(expected) == "ok", f"keyring 可加载本平台后端 {expected}")
    if in_session:
        check(keyring_result.get("round_trip") == "ok", "keyring 经 Secret Service 存取成功")
        check(result.get("encrypted") is True, "数据库已加密（SQLCipher，密钥在系统密钥环）")
    else:
        unfrozen = unfrozen_keyring_backend()
        check(keyring_result["backend"] == unfrozen, f"keyring 选用的后端与源代码运行时相同（{unfrozen}）")
    return result


def run_app(dist: Path, work: Path) -> None:
    data = work / "store"  # configured by the self-test, so the main window opens directly
    proc = subprocess.Popen(
        [str(dist / f"advisor-app{EXE}"), "--data-dir", str(data)],
        env=frozen_env(work),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        time.sleep(STARTUP_SECONDS)
        alive = proc.poll() is None
    finally:
        proc.terminate()
        try:
            _, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
    check(
        alive,
        f"桌面程序启动并保持运行 {STARTUP_SECONDS} 秒"
        + ("" if alive else f"：{err.decode(errors='replace')[-2000:]}"),
    )
    log = (
        (data / "logs" / "advisor.log").read_text(encoding="utf-8")
        if (data / "logs" / "advisor.log").is_file()
        else ""
    )
    check("started" in log, "日志写入数据文件夹 logs/advisor.log")
    reports = list((data / "crash-reports").glob("*.txt")) if (data / "crash-reports").is_dir() else []
    check(
        not reports,
        "没有错误报告" + (f"：{reports[0].read_text(encoding='utf-8')[-1500:]}" if reports else ""),
    )


def run_cli(dist: Path, work: Path) -> None:
    proc = subprocess.run(
        [str(dist / f"advisor{EXE}"), "--data-dir", str(work / "store"), "diagnose"],
        env=frozen_env(work),
        capture_output=True,
        timeout=120,
    )
    out = proc.stdout.decode("utf-8", errors="replace")
    check(
        proc.returncode == 0 and "完整性检查（快速）：正常" in out and "安装包" in out,
        "命令行 advisor diagnose"
        + ("" if proc.returncode == 0 else f"：{out}{proc.stderr.decode(errors='replace')}"),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="构建并检查安装包")
    parser.add_argument("--no-build", action="store_true", help="使用已有的构建结果")
    args = parser.parse_args(argv)
    dist = builder.DIST / bundle.DIST_NAME
    if not (args.no_build and dist.is_dir()):
        builder.main([])
    wrapper = keyring_session()
    if wrapper and not os.environ.get(IN_SESSION):
        # Every frozen run shares one private session bus and keyring: the store key the self-test
        # puts in the keyring is the one the app and the CLI need to open the (encrypted) store.
        with tempfile.TemporaryDirectory(prefix="advisor-smoke-home-") as home:
            env = {**os.environ, IN_SESSION: "1", "HOME": home, "XDG_DATA_HOME": f"{home}/share"}
            return subprocess.run([*wrapper, sys.executable, __file__, "--no-build"], env=env).returncode
    print(f"检查 {dist}")
    try:
        check_bundle(dist)
        with tempfile.TemporaryDirectory(prefix="advisor-smoke-") as tmp:
            work = Path(tmp)
            run_self_test(dist, work)
            run_app(dist, work)
            run_cli(dist, work)
    except SmokeError as exc:
        print(f"失败：{exc}", file=sys.stderr)
        return 1
    print("安装包检查通过")
    return 0


if __name__ == "__main__":
    sys.exit(main())
