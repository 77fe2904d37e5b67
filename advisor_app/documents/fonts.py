"""Chinese fonts for the printed documents: lookup, registration and glyph coverage.

Lookup order (design.md): a configured font (``ADVISOR_PDF_FONT`` or the store setting
``pdf_font``, a path with an optional ``#index`` for a .ttc), then fonts bundled by the installer under
``resources/fonts/``, then the system's (Windows 仿宋/宋体, Linux AR PL UMing, WenQuanYi Zen Hei).
The first is the body font. After it come the rare-character fallbacks (``resources/fonts/fallback/``,
HanaMin A/B, BabelStone Han, Windows SimSun-ExtB), used glyph by glyph for what the body font lacks
(生僻字, CJK Extensions A–G), then the other main fonts. A fallback need not hold common characters.
A character none of them can draw is reported, never printed as an empty box.

Only TrueType outlines are accepted: reportlab embeds them as subsets, so a printout looks the
same on every machine.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from advisor_app.resources import resources_dir

FONT_SUFFIXES = (".ttf", ".ttc")


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with characters outside the BMP written as UTF-16 (surrogates).

    reportlab 4 writes U+2003E as ``<2003E>``, which PDF readers reject, so a rare name drawn
    correctly could not be searched, copied or read aloud. BMP entries are unchanged.
    """
    entries = [f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>" for i, v in enumerate(subset)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


class _GlyphTable:
    """The ``glyf`` table of a loaded font, sliced without copying the whole table first.

    reportlab's subsetter takes ``get_table("glyf")`` (a copy of 10–20 MB for a CJK font) on every
    document only to cut out the few hundred glyphs it embeds; slicing a view of the file's bytes
    gives the same glyph bytes without the copy.
    """

    __slots__ = ("_view",)

    def __init__(self, view: memoryview) -> None:
        self._view = view

    def __getitem__(self, key: slice) -> bytes:
        return self._view[key].tobytes()


_plain_get_table = ttfonts.TTFontFile.get_table


def _get_table(self: ttfonts.TTFontFile, tag: str):  # noqa: ANN202 - bytes, or a view sliced like bytes
    if tag == "glyf" and isinstance(self._ttf_data, bytes):
        pos, length = self.get_table_pos(tag)
        return _GlyphTable(memoryview(self._ttf_data)[pos : pos + length])
    return _plain_get_table(self, tag)


ttfonts.TTFontFile.get_table = _get_table


class FontError(ValueError):
    """No usable Chinese font, or a font that cannot be registered."""


@dataclass(frozen=True)
class FontSource:
    """A font file (and the face inside a .ttc) with the role it suits."""

    path: Path
    index: int = 0
    origin: str = "系统"  # 配置 / 随安装包 / 系统
    heading: bool = False  # a Hei (黑体) face, preferred for titles
    fallback: bool = False  # only for characters the main fonts lack; may lack common characters

    @property
    def key(self) -> str:
        return f"{self.path}#{self.index}"


def _parse_spec(spec: str, origin: str) -> FontSource:
    path, _, index = spec.strip().partition("#")
    try:
        number = int(index) if index else 0
    except ValueError as exc:
        raise FontError(f"字体设置“{spec}”有误：# 后应为字体序号（数字）") from exc
    return FontSource(Path(path).expanduser(), number, origin)


# Free fonts for the CJK extensions, in the order they are tried: HanaMin A (BMP, Ext A) and B
# (Ext B–F, complete), BabelStone Han (about 3,000 of Ext G). Debian: fonts-hanazono, fonts-babelstone-han.
FALLBACK_FILES = ("HanaMinA.ttf", "HanaMinB.ttf", "BabelStoneHan.ttf")


def _windows_fonts() -> list[FontSource]:
    folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    return [
        FontSource(folder / "simfang.ttf"),
        FontSource(folder / "simsun.ttc"),
        FontSource(folder / "simhei.ttf", heading=True),
    ]


def _windows_fallbacks() -> list[FontSource]:
    folders = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    if os.environ.get("LOCALAPPDATA"):  # fonts installed “for this user only”
        folders.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
    names = ("simsunb.ttf", *FALLBACK_FILES)  # SimSun-ExtB: Ext B, shipped with Windows
    return [FontSource(folder / name, fallback=True) for name in names for folder in folders]


def _linux_fonts() -> list[FontSource]:
    root = Path("/usr/share/fonts/truetype")
    return [
        FontSource(root / "arphic" / "uming.ttc", 0),
        FontSource(root / "wqy" / "wqy-zenhei.ttc", 0, heading=True),
        FontSource(root / "droid" / "DroidSansFallbackFull.ttf", 0),
    ]


def _linux_fallbacks() -> list[FontSource]:
    root = Path("/usr/share/fonts/truetype")
    return [
        FontSource(root / "hanazono" / "HanaMinA.ttf", fallback=True),
        FontSource(root / "hanazono" / "HanaMinB.ttf", fallback=True),
        FontSource(root / "babelstone" / "BabelStoneHan.ttf", fallback=True),
    ]


def fallback_files() -> list[Path]:
    """The rare-character fonts present here: bundled ones first, then the system's (also used on screen)."""
    return [s.path for s in _fallbacks()]


def _fallbacks() -> list[FontSource]:
    found: list[FontSource] = []
    bundled = resources_dir() / "fonts" / "fallback"
    if bundled.is_dir():
        for path in sorted(bundled.iterdir(), key=_fallback_rank):
            if path.suffix.lower() in FONT_SUFFIXES:
                found.append(FontSource(path, 0, "随安装包", fallback=True))
    system = _windows_fallbacks() if sys.platform == "win32" else _linux_fallbacks()
    bundled_names = {s.path.name for s in found}
    found.extend(s for s in system if s.path.is_file() and s.path.name not in bundled_names)
    return found


def _fallback_rank(path: Path) -> tuple[int, str]:
    names = [n.lower() for n in ("simsunb.ttf", *FALLBACK_FILES)]
    name = path.name.lower()
    return (names.index(name) if name in names else len(names), name)


def candidates(configured: str | None = None) -> list[FontSource]:
    """Every font source in lookup order; a configured font that does not exist is an error."""
    found: list[FontSource] = []
    spec = configured or os.environ.get("ADVISOR_PDF_FONT")
    if spec:
        source = _parse_spec(spec, "配置")
        if not source.path.is_file():
            raise FontError(f"设置的打印字体不存在：{source.path}")
        found.append(source)
    bundled = resources_dir() / "fonts"
    if bundled.is_dir():
        for path in sorted(bundled.iterdir()):
            if path.suffix.lower() in FONT_SUFFIXES:
                found.append(FontSource(path, 0, "随安装包", heading="hei" in path.name.lower()))
    system = _windows_fonts() if sys.platform == "win32" else _linux_fonts()
    found.extend(s for s in system if s.path.is_file())
    return found + _fallbacks()


@dataclass
class FontChain:
    """The registered body and title fonts plus the fallbacks, with a coverage test per character."""

    body: str
    title: str
    sources: list[FontSource]
    _names: dict[str, str] = field(default_factory=dict)  # source key -> registered name
    _found: dict[tuple[int, str], str | None] = field(default_factory=dict)  # (char, preferred) -> font
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def font_for(self, char: str, preferred: str) -> str | None:
        """The font for ``char``: ``preferred``, else the fallbacks in order, else the other main fonts."""
        code = ord(char)
        key = (code, preferred)
        if key in self._found:
            return self._found[key]
        if _has_glyph(preferred, code):
            self._found[key] = preferred  # asked for every character printed: one dict look-up next time
            return preferred
        found = None
        # Fallbacks first: they are Song/Ming faces like the body (the other main font is a Hei title face).
        for source in sorted(self.sources, key=lambda s: not s.fallback):
            name = self._registered(source)
            if name and name != preferred and _has_glyph(name, code):
                found = name
                break
        self._found[key] = found
        return found

    @property
    def fallback_sources(self) -> list[FontSource]:
        return [s for s in self.sources if s.fallback]

    def _registered(self, source: FontSource) -> str | None:
        with self._lock:
            if source.key not in self._names:
                try:
                    self._names[source.key] = register(source)
                except FontError:
                    # A broken fallback only narrows coverage; a missing glyph is still reported.
                    self._names[source.key] = ""
            return self._names[source.key] or None


def _has_glyph(font_name: str, code: int) -> bool:
    face = pdfmetrics.getFont(font_name).face
    return face.charToGlyph.get(code, 0) != 0


_registered: dict[str, str] = {}
_register_lock = threading.Lock()


def register(source: FontSource) -> str:
    """Register a TrueType font (once per process) and return its reportlab name."""
    with _register_lock:
        if source.key in _registered:
            return _registered[source.key]
        name = f"CJK{len(_registered) + 1}-{source.path.stem}-{source.index}"
        try:
            font = TTFont(name, str(source.path), subfontIndex=source.index)
        except Exception as exc:  # reportlab raises TTFError, OSError or struct errors
            raise FontError(
                f"无法使用字体 {source.path}（{source.origin}）：{exc}。"
                "请换用 TrueType 字体（.ttf/.ttc，不支持 PostScript 轮廓的 .otf）"
            ) from exc
        if not source.fallback and not _covers_basic_chinese(font):
            raise FontError(f"字体 {source.path}（{source.origin}）不含常用汉字，不能用于打印中文文书")
        pdfmetrics.registerFont(font)
        _registered[source.key] = name
        return name


def _covers_basic_chinese(font: TTFont) -> bool:
    return all(font.face.charToGlyph.get(ord(c), 0) for c in "人民调解协议书年月日")


_chains: dict[str, FontChain] = {}


def chain(configured: str | None = None) -> FontChain:
    """The font chain for this machine (cached); raises :class:`FontError` when there is none."""
    sources = candidates(configured)
    key = "|".join(s.key for s in sources)
    if key in _chains:
        return _chains[key]
    mains = [s for s in sources if not s.fallback]
    if not mains:
        raise FontError(
            "找不到可用的中文字体，无法生成文书。请安装中文字体（Windows：仿宋 simfang.ttf 或宋体 simsun.ttc；"
            "Linux：fonts-arphic-uming 或 fonts-wqy-zenhei），或用环境变量 ADVISOR_PDF_FONT 指定字体文件"
        )
    # The first main source is the body font; its failure is an error, not a silent fallback.
    body = register(mains[0])
    # A Hei title only beside a body font of the same origin: a configured font is used throughout.
    heading = next((s for s in mains if s.heading and s.origin == mains[0].origin), None)
    title = body
    if heading is not None:
        try:
            title = register(heading)
        except FontError:
            title = body
    result = FontChain(body=body, title=title, sources=sources)
    result._names[mains[0].key] = body
    _chains[key] = result
    return result
