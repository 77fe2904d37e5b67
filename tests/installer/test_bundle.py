"""The frozen build's contents, checked fast without running PyInstaller (make installer-check builds)."""

import json
import re
from pathlib import Path

from installer import build, bundle, entry_app

ROOT = bundle.ROOT


def test_every_resource_ships_except_translation_sources():
    pairs = bundle.data_files(staging=ROOT / "no-staging")
    shipped = {str(Path(dest) / Path(src).name) for src, dest in pairs}
    resources = [p for p in (ROOT / "resources").rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert resources
    for path in resources:
        rel = str(Path("resources") / path.relative_to(ROOT / "resources"))
        if path.suffix == ".ts" or rel.startswith("resources/fonts/"):
            assert rel not in shipped
        else:
            assert rel in shipped, f"{rel} is missing from the bundle"
    assert "resources/i18n/advisor_zh_CN.qm" in shipped and "resources/licenses/THIRD-PARTY.md" in shipped


def test_every_migration_ships_as_a_file_for_alembic():
    shipped = {
        str(Path(dest) / Path(src).name) for src, dest in bundle.data_files(staging=ROOT / "no-staging")
    }
    versions = sorted((ROOT / "advisor_app/store/migrations/versions").glob("*.py"))
    assert versions
    for path in [*versions, ROOT / "advisor_app/store/migrations/env.py"]:
        assert str(path.relative_to(ROOT)) in shipped


def test_staged_fonts_go_to_resources_fonts_with_a_licence(tmp_path):
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "uming.ttc").write_bytes(b"font")
    pairs = bundle.data_files(staging=tmp_path)
    assert (str(tmp_path / "fonts" / "uming.ttc"), "resources/fonts") in pairs
    for font, licence in build.FONT_LICENCES.items():
        assert (ROOT / "resources/licenses/fonts" / licence).is_file(), font


def test_qt_modules_the_ui_imports_are_kept_and_none_is_excluded():
    used = set()
    for path in (ROOT / "ui").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used, "the ui imports Qt modules"
    assert used <= set(bundle.QT_KEEP), f"add to QT_KEEP (and check the bundle): {used - set(bundle.QT_KEEP)}"
    assert not set(bundle.QT_KEEP) & set(bundle.QT_EXCLUDE)
    assert "PySide6.QtWebEngineCore" in bundle.excludes()


def test_windows_version_resource_carries_pyproject_version():
    text = bundle.version_file_text("1.2.3")
    # The text is the Python expression PyInstaller evaluates; evaluate it with recording stand-ins.
    names = (
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    )
    namespace = {n: (lambda *a, _n=n, **k: (_n, a, k)) for n in names}
    info = eval(text, namespace)  # noqa: S307 - our own generated text
    fixed = info[2]["ffi"][2]
    assert fixed["filevers"] == fixed["prodvers"] == (1, 2, 3, 0)
    assert "('ProductVersion', '1.2.3')" in repr(info) and "乡村法律服务工作台" in repr(info)
    assert bundle.version() in bundle.version_file_text()


def test_inno_setup_script_points_at_the_build_and_keeps_data():
    iss = (ROOT / "installer/windows/advisor.iss").read_text(encoding="utf-8-sig")
    dist = re.search(r'#define Dist "([^"]+)"', iss).group(1).replace("\\", "/")
    assert (ROOT / "installer/windows" / dist).resolve() == (build.DIST / bundle.DIST_NAME).resolve()
    assert f'#define AppExe "{bundle.DIST_NAME}.exe"' in iss
    assert "PrivilegesRequired=lowest" in iss and r"{localappdata}\Programs" in iss
    assert "ChineseSimplified.isl" in iss and "UninstallSilent()" in iss and "DelTree" in iss
    spec = (ROOT / "installer/advisor.spec").read_text(encoding="utf-8")
    assert 'name="advisor"' in spec and "bundle.DIST_NAME" in spec


def test_desktop_entry_names_the_app_and_its_icon():
    entry = (ROOT / "installer/linux/advisor-app.desktop").read_text(encoding="utf-8")
    fields = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert fields["Name[zh_CN]"] == bundle.APP_NAME and fields["Exec"].startswith("advisor-app")
    assert (ROOT / "resources/icons" / f"{fields['Icon']}.png").is_file()
    assert (ROOT / "resources/icons" / f"{fields['Icon']}.svg").is_file()


def test_frozen_entry_self_test_runs_unfrozen(tmp_path, capsys):
    assert entry_app.main(["--self-test", str(tmp_path / "st")]) == 0
    result = json.loads((tmp_path / "st" / "self-test.json").read_text(encoding="utf-8"))
    assert result["ok"] and result["frozen"] is False
    assert json.loads(capsys.readouterr().out) == result
    assert entry_app.main(["--self-test"]) == 2


def test_qt_parts_the_app_never_loads_are_dropped_and_the_rest_kept():
    dropped = (
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "libQt6Quick.so.6",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6\\plugins\\imageformats\\qsvg.dll",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "Qt6Svg.dll",
    )
    kept = (
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6PdfWidgets.so.6",
        "PySide6/Qt/lib/libQt6Charts.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6/Qt/plugins/imageformats/libqico.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "Qt6PrintSupport.dll",
    )
    assert [d for d in dropped if not bundle.drop_binary(d)] == []
    assert [k for k in kept if bundle.drop_binary(k)] == []
