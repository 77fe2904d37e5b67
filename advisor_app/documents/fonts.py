"""Chinese fonts for the printed documents: lookup, registration and glyph coverage.

Lookup order (design.md): a configured font (``ADVISOR_PDF_FONT`` or the store setting
``pdf_font``, a path with an optional ``#index`` for a .ttc), then fonts bundled by the installer under
``resources/fonts/``, then the system's (Windows 仿宋/宋体, Linux AR PL UMing, WenQuanYi Zen Hei).
Every font found after the first one is kept as a fallback for characters the first one lacks
(生僻字); a character none of them can draw is reported, never printed as an empty box.

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


class FontError(ValueError):
    """No usable Chinese font, or a font that cannot be registered."""


@dataclass(frozen=True)
class FontSource:
    """A font file (and the face inside a .ttc) with the role it suits."""

    path: Path
    index: int = 0
    origin: str = "系统"  # 配置 / 随安装包 / 系统
    heading: bool = False  # a Hei (黑体) face, preferred for titles

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


def _windows_fonts() -> list[FontSource]:
    folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    return [
        FontSource(folder / "simfang.ttf"),
        FontSource(folder / "simsun.ttc"),
        FontSource(folder / "simhei.ttf", heading=True),
    ]


def _linux_fonts() -> list[FontSource]:
    root = Path("/usr/share/fonts/truetype")
    return [
        FontSource(root / "arphic" / "uming.ttc", 0),
        FontSource(root / "wqy" / "wqy-zenhei.ttc", 0, heading=True),
        FontSource(root / "droid" / "DroidSansFallbackFull.ttf", 0),
    ]


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
    return found


@dataclass
class FontChain:
    """The registered body and title fonts plus the fallbacks, with a coverage test per character."""

    body: str
    title: str
    sources: list[FontSource]
    _names: dict[str, str] = field(default_factory=dict)  # source key -> registered name
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def font_for(self, char: str, preferred: str) -> str | None:
        """The first font of the chain (``preferred`` first) that has a glyph for ``char``."""
        code = ord(char)
        if _has_glyph(preferred, code):
            return preferred
        for source in self.sources:
            name = self._registered(source)
            if name and name != preferred and _has_glyph(name, code):
                return name
        return None

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
        if not _covers_basic_chinese(font):
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
    if not sources:
        raise FontError(
            "找不到可用的中文字体，无法生成文书。请安装中文字体（Windows：仿宋 simfang.ttf 或宋体 simsun.ttc；"
            "Linux：fonts-arphic-uming 或 fonts-wqy-zenhei），或在设置中指定字体文件"
        )
    # The first source is the body font; its failure is an error, not a silent fallback.
    body = register(sources[0])
    # A Hei title only beside a body font of the same origin: a configured font is used throughout.
    heading = next((s for s in sources if s.heading and s.origin == sources[0].origin), None)
    title = body
    if heading is not None:
        try:
            title = register(heading)
        except FontError:
            title = body
    result = FontChain(body=body, title=title, sources=sources)
    result._names[sources[0].key] = body
    _chains[key] = result
    return result
