"""What goes into the frozen build: data files, hidden imports, exclusions. Read by advisor.spec.

Kept out of the spec so the test suite can check the list quickly without running PyInstaller.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "installer"
STAGING = BUILD / "staging"  # fonts and the version resource, made by build.py
APP_NAME = "乡村法律服务工作台"
DIST_NAME = "advisor-app"  # the one-folder build: dist/advisor-app/

# Qt modules the app uses, and what they link to; everything else PySide6 ships is left out.
QT_KEEP = (
    "QtCore",
    "QtGui",
    "QtWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPrintSupport",
    "QtCharts",
    "QtOpenGL",  # QtCharts links it
    "QtOpenGLWidgets",
    "QtNetwork",  # QtPdf links it
    "QtDBus",
)
QT_EXCLUDE = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtAxContainer",
    "QtBluetooth",
    "QtConcurrent",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtHelp",
    "QtHttpServer",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetworkAuth",
    "QtNfc",
    "QtPositioning",
    "QtQml",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvg",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
)
# Server, test and development packages installed in the same venv, never needed on a desk.
OTHER_EXCLUDE = (
    "tkinter",
    "fastapi",
    "starlette",
    "uvicorn",
    "psycopg",
    "psycopg_binary",
    "argon2",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "schemathesis",
    "IPython",
    "sync.server",
    "numpy",
    "pandas",
)
# Qt libraries and plugins that PySide6's hooks collect but the app never loads: the virtual
# keyboard input plugin drags in QML/Quick, the SVG plugins QtSvg, the GTK theme GTK itself, and the
# embedded-device platforms (eglfs, linuxfb, vnc) have no use on an office PC.
_DROP_BINARY = re.compile(
    r"(^|[\\/])(lib)?Qt6(Qml|Quick|VirtualKeyboard|Svg|EglF[Ss]|WebEngine|PdfQuick)\w*\.(so|dll|dylib)"
    r"|plugins[\\/](egldeviceintegrations|wayland-graphics-integration-server)[\\/]"
    r"|plugins[\\/]platforminputcontexts[\\/](lib)?qtvirtualkeyboardplugin"
    r"|plugins[\\/](imageformats|iconengines)[\\/](lib)?qsvg"
    r"|plugins[\\/]platformthemes[\\/](lib)?qgtk3"
    r"|plugins[\\/]platforms[\\/](lib)?q(eglfs|linuxfb|vnc|vkkhrdisplay|minimalegl)\."
)


def drop_binary(dest: str) -> bool:
    """True for a collected Qt library or plugin the app does not need (see ``_DROP_BINARY``)."""
    return bool(_DROP_BINARY.search(dest))


# Packages whose installed metadata the app reads at run time: its own version, the About
# dialog's component versions, and keyring's backend entry points.
METADATA = ("advisor-desk", "keyring", "SQLAlchemy", "alembic", "reportlab", "openpyxl", "XlsxWriter", "PySide6")
# Imported by name at run time (CLI plugins via pkgutil, migrations by Alembic, Qt pages lazily).
HIDDEN_PACKAGES = ("advisor_app", "ui", "sync.client", "sync.protocol", "keyring.backends")


def version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)["project"]["version"]


def excludes() -> list[str]:
    return [f"PySide6.{name}" for name in QT_EXCLUDE] + list(OTHER_EXCLUDE)


def _skip_resource(path: Path) -> bool:
    # .ts are translation sources (the compiled .qm ship); fonts come from staging (not in git).
    rel = path.relative_to(ROOT / "resources")
    return path.suffix == ".ts" or path.name.startswith(".") or rel.parts[0] == "fonts"


def data_files(staging: Path = STAGING) -> list[tuple[str, str]]:
    """(source file, folder inside the bundle) pairs: resources/, the migrations, the staged fonts.

    advisor_app.resources finds resources/ at sys._MEIPASS/resources; Alembic reads the migration
    scripts as files, so they ship as data beside advisor_app/store/ as well as compiled.
    """
    resources = ROOT / "resources"
    missing = [
        f"resources/i18n/advisor_{lang}.qm"
        for lang in ("zh_CN", "en")
        if not (resources / "i18n" / f"advisor_{lang}.qm").is_file()
    ]
    if missing:
        raise FileNotFoundError(f"缺少编译后的翻译 {', '.join(missing)}：先运行 python -m ui.i18n")
    pairs = []
    for path in sorted(resources.rglob("*")):
        if path.is_file() and not _skip_resource(path):
            pairs.append((str(path), str(Path("resources") / path.parent.relative_to(resources))))
    migrations = ROOT / "advisor_app" / "store" / "migrations"
    for path in sorted(migrations.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            pairs.append(
                (str(path), str(Path("advisor_app/store/migrations") / path.parent.relative_to(migrations)))
            )
    fonts = staging / "fonts"
    if fonts.is_dir():
        for path in sorted(fonts.iterdir()):
            if path.is_file():
                pairs.append((str(path), "resources/fonts"))
        # 生僻字 fallbacks: documents/fonts.py and ui/fonts.py find them in resources/fonts/fallback/.
        fallback = fonts / "fallback"
        if fallback.is_dir():
            for path in sorted(fallback.iterdir()):
                pairs.append((str(path), "resources/fonts/fallback"))
    return pairs


def version_file_text(ver: str | None = None) -> str:
    """A PyInstaller Windows version resource (file properties: 版本, 产品名称) from pyproject's version."""
    ver = ver or version()
    numbers = [int(n) for n in re.findall(r"\d+", ver)[:4]]
    numbers += [0] * (4 - len(numbers))
    tup = tuple(numbers)
    strings = {
        "CompanyName": "乡村法律服务工作台项目",
        "FileDescription": APP_NAME,
        "FileVersion": ver,
        "InternalName": DIST_NAME,
        "LegalCopyright": "见 resources/licenses",
        "OriginalFilename": f"{DIST_NAME}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": ver,
    }
    entries = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8 — generated by installer/build.py from pyproject.toml; do not edit
VSVersionInfo(
  ffi=FixedFileInfo(filevers={tup}, prodvers={tup}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('080404b0', [
{entries}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""
