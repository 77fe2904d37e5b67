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
