"""Looking inside real PDFs: extracted text, embedded fonts, pages rendered by poppler."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

from pypdf import PdfReader

SUBSET = re.compile(r"^[A-Z]{6}\+")


def page_texts(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [re.sub(r"\s+", "", page.extract_text() or "") for page in reader.pages]


def text(pdf: bytes) -> str:
    return "".join(page_texts(pdf))


def assert_in_order(haystack: str, needles: list[str]) -> None:
    """Each needle appears after the previous one (whitespace ignored)."""
    position = 0
    for needle in needles:
        needle = re.sub(r"\s+", "", needle)
        found = haystack.find(needle, position)
        assert found >= 0, (
            f"“{needle}” missing after position {position}: …{haystack[position : position + 80]}…"
        )
        position = found + len(needle)


def fonts(pdf: bytes) -> list[dict]:
    """Every font of every page: its BaseFont, subtype and whether its program is embedded."""
    reader = PdfReader(io.BytesIO(pdf))
    seen: dict[str, dict] = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            name = str(font.get("/BaseFont"))
            seen[name] = {
                "name": name.lstrip("/"),
                "subtype": str(font.get("/Subtype")),
                "embedded": "/FontFile2" in descriptor,
            }
    return list(seen.values())


def render_pages(pdf: bytes, folder: Path, dpi: int = 30) -> list[Path]:
    source = folder / "doc.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(source), str(folder / "page")], check=True
    )
    return sorted(folder.glob("page-*.png"))


def pdffonts(pdf: bytes, folder: Path) -> str:
    source = folder / "fonts.pdf"
    source.write_bytes(pdf)
    return subprocess.run(["pdffonts", str(source)], check=True, capture_output=True, text=True).stdout


def layout_pages(pdf: bytes, folder: Path) -> list[list[str]]:
    """``pdftotext -layout``: each page's lines as poppler sees them on paper."""
    source = folder / "layout.pdf"
    source.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(source), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    return [page.splitlines() for page in out.split("\f")]


def segments(line: str) -> list[str]:
    """The separate runs of one layout line (table cells side by side are two spaces or more apart)."""
    return [s for s in re.split(r"\s{2,}", line.strip()) if s]
