"""Translations: English source strings in the code, Simplified Chinese by default.

Workflow (docs/ui.md): ``python -m ui.i18n update`` runs pyside6-lupdate over ui/ into
resources/i18n/advisor_zh_CN.ts (and advisor_en.ts); translate the new entries; ``python -m ui.i18n``
compiles every .ts to .qm with pyside6-lrelease (the build calls it; the app also compiles a missing
.qm on start). Qt's own qtbase_zh_CN is loaded too, so standard buttons are Chinese.
"""

from __future__ import annotations

import sys
from pathlib import Path

from advisor_app.resources import resources_dir

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def ts_path(language: str) -> Path:
    return i18n_dir() / f"advisor_{language}.ts"


def qm_path(language: str) -> Path:
    return i18n_dir() / f"advisor_{language}.qm"


def _tool(name: str) -> str:
    import shutil  # the tools are needed to build translations, not to start: imported here

    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise FileNotFoundError(f"找不到 {name}（随 PySide6 安装）")
    return found


def sources() -> list[Path]:
    ui = Path(__file__).resolve().parent
    return sorted(p for p in ui.rglob("*.py") if p.name != "i18n.py")


def update() -> None:
    """Extract source strings into the .ts files (keeps existing translations)."""
    import subprocess

    i18n_dir().mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        subprocess.run(
            [_tool("pyside6-lupdate"), *map(str, sources()), "-no-obsolete", "-ts", str(ts_path(language))],
            check=True,
            capture_output=True,
        )
    fill_english()


def fill_english() -> None:
    """English is the source language: its translations are the source strings themselves."""
    import xml.etree.ElementTree as ET

    path = ts_path("en")
    tree = ET.parse(path)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if message.get("numerus") == "yes":
            forms = translation.findall("numerusform")
            for form in forms:
                form.text = source
        else:
            translation.text = source
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def untranslated(language: str = "zh_CN") -> list[str]:
    """Source strings with no finished translation (the test suite requires none)."""
    import xml.etree.ElementTree as ET

    missing = []
    for message in ET.parse(ts_path(language)).iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            missing.append(message.findtext("source") or "")
            continue
        texts = [f.text for f in translation.findall("numerusform")] or [translation.text]
        if not all(t and t.strip() for t in texts):
            missing.append(message.findtext("source") or "")
    return missing


def compile_all() -> list[Path]:
    import subprocess

    out = []
    for language in LANGUAGES:
        if ts_path(language).exists():
            # Compile beside and rename: a running app memory-maps the .qm, and truncating it
            # in place kills that process with SIGBUS.
            part = qm_path(language).with_suffix(".qm.part")
            subprocess.run(
                [_tool("pyside6-lrelease"), str(ts_path(language)), "-qm", str(part)],
                check=True,
                capture_output=True,
            )
            part.replace(qm_path(language))
            out.append(qm_path(language))
    return out


def ensure_compiled(language: str) -> Path | None:
    """The .qm of ``language``, compiled now if it is missing or older than its .ts."""
    qm, ts = qm_path(language), ts_path(language)
    if not ts.exists():
        return qm if qm.exists() else None
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        import subprocess

        try:
            compile_all()
        except (OSError, subprocess.CalledProcessError):
            return qm if qm.exists() else None
    return qm


def _mnemonic_translator(catalogue):  # noqa: ANN001, ANN202 - a QTranslator; returns a QTranslator subclass
    """A translator for Qt's own labels that carry a mnemonic (``&Look in:``, ``Files of &type:``).

    Qt's zh_CN catalogue has these strings only without the ``&`` (``Look in:`` → ``查找范围：``), so the
    widget file dialog would show them in English. This looks the plain text up in the catalogue and
    puts the mnemonic back the Chinese way: ``查找范围(&L)：``.
    """
    from PySide6.QtCore import QTranslator

    class MnemonicTranslator(QTranslator):
        # None, not "": an empty string counts as a translation found, and every string of another
        # context would read as empty (PySide's tr() in a base class or mixin, QCoreApplication.translate).
        def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, ANN201
            if not source or "&" not in source:
                return None
            at = source.find("&")
            if at + 1 >= len(source) or source[at + 1] == "&":
                return None
            key = source[at + 1].upper()
            plain = source[:at] + source[at + 1 :]
            found = catalogue.translate(context, plain, disambiguation, n)
            if not found:
                return None
            colon = found[-1] if found[-1] in "：:" else ""
            body = found[:-1] if colon else found
            return f"{body}(&{key}){colon}"

        def isEmpty(self) -> bool:  # noqa: N802 - Qt name
            return False

    return MnemonicTranslator


def install(app, language: str = DEFAULT_LANGUAGE) -> list:  # noqa: ANN001 - a QApplication
    """Install the app's and Qt's own translators; returns them (keep references alive)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    installed = []
    if language != "en":
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(QLocale(language), "qtbase", "_", qt_dir):
            # Installed before Qt's own catalogue, so it is asked last: only for what that misses.
            mnemonics = _mnemonic_translator(qt)(app)
            app.installTranslator(mnemonics)
            installed.append(mnemonics)
            app.installTranslator(qt)
            installed.append(qt)
    qm = ensure_compiled(language)
    if qm is not None and qm.exists():
        ours = QTranslator(app)
        if ours.load(str(qm)):
            app.installTranslator(ours)
            installed.append(ours)
    return installed


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "update":
        update()
        for language in LANGUAGES:
            print(f"{ts_path(language)}: {len(untranslated(language))} untranslated")
        return 0
    for path in compile_all():
        print(f"compiled {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
