"""The installer copies the rare-character fallback fonts into the bundle, where the app finds them."""

from __future__ import annotations

from pathlib import Path

from advisor_app.documents import fonts
from installer import build, bundle

ROOT = bundle.ROOT


def test_fallback_fonts_are_staged_with_their_licences(tmp_path, monkeypatch):
    monkeypatch.setattr(bundle, "STAGING", tmp_path / "staging")
    sources = tmp_path / "src"
    sources.mkdir()
    for name in ("uming.ttc", "HanaMinA.ttf", "HanaMinB.ttf", "BabelStoneHan.ttf"):
        (sources / name).write_bytes(b"font")
    staged = build.stage_fonts(
        [sources / "uming.ttc"], [sources / n for n in ("HanaMinA.ttf", "HanaMinB.ttf", "BabelStoneHan.ttf")]
    )
    assert [p.relative_to(tmp_path / "staging").as_posix() for p in staged] == [
        "fonts/uming.ttc",
        "fonts/fallback/HanaMinA.ttf",
        "fonts/fallback/HanaMinB.ttf",
        "fonts/fallback/BabelStoneHan.ttf",
    ]
    pairs = bundle.data_files(staging=tmp_path / "staging")
    assert (str(tmp_path / "staging/fonts/uming.ttc"), "resources/fonts") in pairs
    for name in ("HanaMinA.ttf", "HanaMinB.ttf", "BabelStoneHan.ttf"):
        assert (str(tmp_path / "staging/fonts/fallback" / name), "resources/fonts/fallback") in pairs
        assert (ROOT / "resources/licenses/fonts" / build.FONT_LICENCES[name]).is_file()
    assert {p.name for p in build.DEFAULT_FALLBACK_FONTS} == set(fonts.FALLBACK_FILES)


def test_the_app_uses_bundled_fallback_fonts_first(tmp_path, monkeypatch):
    """A bundle's resources/fonts/fallback/ comes before the system's copies, after the body font."""
    system = {p.name: p for p in build.DEFAULT_FALLBACK_FONTS}
    resources = tmp_path / "resources"
    (resources / "fonts" / "fallback").mkdir(parents=True)
    # Links, not copies: the fonts are 20–50 MB each.
    (resources / "fonts" / "fallback" / "HanaMinB.ttf").symlink_to(system["HanaMinB.ttf"])
    monkeypatch.setenv("ADVISOR_RESOURCES", str(resources))
    sources = fonts.candidates()
    assert not sources[0].fallback
    bundled = [s for s in sources if s.origin == "随安装包"]
    assert [s.path.name for s in bundled] == ["HanaMinB.ttf"] and bundled[0].fallback
    names = [s.path.name for s in sources if s.fallback]
    assert names == ["HanaMinB.ttf", "HanaMinA.ttf", "BabelStoneHan.ttf"]
    assert Path(fonts.fallback_files()[0]).parent == resources / "fonts" / "fallback"
    chain = fonts.chain()
    used = chain.font_for("\U0002a700", chain.body)  # Extension C: HanaMin B
    assert used == chain._names[bundled[0].key]


def test_windows_uses_simsun_extb_and_user_installed_fallbacks(tmp_path, monkeypatch):
    """On Windows: 仿宋/宋体/黑体 as main fonts, SimSun-ExtB (simsunb.ttf) and HanaMin/BabelStone as fallbacks."""
    system = {p.name: p for p in build.DEFAULT_FALLBACK_FONTS}
    windir, local = tmp_path / "Windows", tmp_path / "Local"
    (windir / "Fonts").mkdir(parents=True)
    (local / "Microsoft" / "Windows" / "Fonts").mkdir(parents=True)
    # Stand-ins with the Windows file names (links to real fonts, so they can be registered).
    (windir / "Fonts" / "simsun.ttc").symlink_to("/usr/share/fonts/truetype/arphic/uming.ttc")
    (windir / "Fonts" / "simsunb.ttf").symlink_to(system["HanaMinB.ttf"])
    (local / "Microsoft" / "Windows" / "Fonts" / "BabelStoneHan.ttf").symlink_to(system["BabelStoneHan.ttf"])
    monkeypatch.setattr(fonts.sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(windir))
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.setenv("ADVISOR_RESOURCES", str(tmp_path / "no-resources"))
    sources = fonts.candidates()
    assert [(s.path.name, s.fallback) for s in sources] == [
        ("simsun.ttc", False),
        ("simsunb.ttf", True),
        ("BabelStoneHan.ttf", True),
    ]
    chain = fonts.chain()
    assert chain.font_for("𠮷", chain.body) == chain._names[sources[1].key]  # from SimSun-ExtB
    assert chain.font_for("\U00030000", chain.body) == chain._names[sources[2].key]
