"""Build the one-folder app on this platform: ``python installer/build.py`` → build/installer/dist/advisor-app/.

Steps: compile the translations (python -m ui.i18n), stage the CJK fonts with their licences, the
icon (.png, and .ico for Windows) and the Windows version resource, then run PyInstaller on
installer/advisor.spec. On Windows, pass ``--font`` with the font files to bundle (see README.md).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from installer import bundle  # noqa: E402

# Fonts we may redistribute, by file name, with the licence shipped beside them.
FONT_LICENCES = {
    "uming.ttc": "AR-PL-UMing.txt",  # Arphic Public License
    "wqy-zenhei.ttc": "WenQuanYi-Zen-Hei.txt",  # GPL v2 with font embedding exception
    "HanaMinA.ttf": "Hanazono.txt",  # Hanazono Font License or SIL OFL 1.1
    "HanaMinB.ttf": "Hanazono.txt",
    "BabelStoneHan.ttf": "BabelStone-Han.txt",  # Arphic Public License
}
DEFAULT_FONTS = (
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),  # 明体: body text, like 宋体
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),  # 黑体: titles
)
# 生僻字 fallbacks (CJK Ext A–G), staged in fonts/fallback/ where documents/fonts.py and ui/fonts.py
# look for them. Debian: fonts-hanazono, fonts-babelstone-han; on Windows pass --fallback-font.
DEFAULT_FALLBACK_FONTS = (
    Path("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"),
    Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"),
    Path("/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf"),
)
DIST = bundle.BUILD / "dist"
WORK = bundle.BUILD / "work"


def stage_fonts(fonts: list[Path], fallbacks: list[Path] = ()) -> list[Path]:
    """Copy the fonts (and the rare-character fallbacks into fonts/fallback/) with a licence check."""
    target = bundle.STAGING / "fonts"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    staged = []
    for font, folder in [(f, target) for f in fonts] + [(f, target / "fallback") for f in fallbacks]:
        licence = FONT_LICENCES.get(font.name)
        if licence is None:
            raise SystemExit(
                f"{font.name}：没有登记许可证，不能随安装包分发（见 installer/build.py FONT_LICENCES）"
            )
        if not (bundle.ROOT / "resources" / "licenses" / "fonts" / licence).is_file():
            raise SystemExit(f"缺少字体许可证 resources/licenses/fonts/{licence}")
        if not font.is_file():
            raise SystemExit(f"找不到字体文件 {font}")
        folder.mkdir(exist_ok=True)
        shutil.copyfile(font, folder / font.name)
        staged.append(folder / font.name)
    return staged


def stage_icon() -> None:
    """The PNG as is, and a multi-size .ico for the Windows executable and shortcuts (drawn by Qt)."""
    png = bundle.ROOT / "resources" / "icons" / "advisor-app.png"
    shutil.copyfile(png, bundle.STAGING / "advisor-app.png")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    _app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(str(png)).scaled(256, 256)
    if not image.save(str(bundle.STAGING / "advisor-app.ico"), "ICO"):
        print("警告：无法生成 .ico（Qt 缺少 ico 图像插件），Windows 程序将使用默认图标", file=sys.stderr)


def compile_translations() -> None:
    subprocess.run([sys.executable, "-m", "ui.i18n"], cwd=bundle.ROOT, check=True)


def build(fonts: list[Path], clean: bool = False, fallbacks: list[Path] = ()) -> Path:
    started = time.monotonic()
    bundle.STAGING.mkdir(parents=True, exist_ok=True)
    compile_translations()
    staged = stage_fonts(fonts, fallbacks)
    stage_icon()
    (bundle.STAGING / "version_info.txt").write_text(bundle.version_file_text(), encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={DIST}",
        f"--workpath={WORK}",
        str(bundle.ROOT / "installer" / "advisor.spec"),
    ]
    if clean:
        command.insert(3, "--clean")
    subprocess.run(command, cwd=bundle.ROOT, check=True)
    out = DIST / bundle.DIST_NAME
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file() and not p.is_symlink())
    print(
        f"已生成 {out}（{size / 1_048_576:.0f} MB，字体 {', '.join(p.name for p in staged) or '无'}，"
        f"用时 {time.monotonic() - started:.0f} 秒）"
    )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="构建安装目录（PyInstaller 单文件夹）")
    parser.add_argument("--font", type=Path, action="append", help="要随包分发的字体文件（可重复）")
    parser.add_argument("--no-fonts", action="store_true", help="不带字体（使用系统字体）")
    parser.add_argument(
        "--fallback-font",
        type=Path,
        action="append",
        help="要随包分发的生僻字字体（HanaMinA/B、BabelStoneHan，可重复）",
    )
    parser.add_argument("--clean", action="store_true", help="清除 PyInstaller 缓存后重建")
    args = parser.parse_args(argv)
    if args.no_fonts:
        fonts: list[Path] = []
    elif args.font:
        fonts = args.font
    else:
        fonts = [f for f in DEFAULT_FONTS if f.is_file()]
        if not fonts:
            raise SystemExit(
                "找不到可分发的中文字体：安装 fonts-arphic-uming fonts-wqy-zenhei，或用 --font 指定"
            )
    fallbacks = args.fallback_font or (
        [] if args.no_fonts else [f for f in DEFAULT_FALLBACK_FONTS if f.is_file()]
    )
    if not fallbacks and not args.no_fonts:
        print(
            "警告：找不到生僻字字体（fonts-hanazono、fonts-babelstone-han），安装包只能用系统已有字体打印生僻字",
            file=sys.stderr,
        )
    build(fonts, clean=args.clean, fallbacks=fallbacks)
    return 0


if __name__ == "__main__":
    sys.exit(main())
