"""行政区划: loading the code tree and answering which villages lie under a region."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from advisor_app.domain.models import Region
from advisor_app.resources import resource_path
from advisor_app.store import Store

LEVELS = ("city", "county", "township", "village")


def load_csv(store: Store, path: Path | None = None) -> int:
    """Upsert regions from a CSV with columns code, name, parent_code, level[, source]."""
    path = path or resource_path("regions", "weinan.csv")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with store.session() as session:
        for row in sorted(rows, key=lambda r: LEVELS.index(r["level"])):
            session.merge(
                Region(
                    code=row["code"],
                    name=row["name"],
                    parent_code=row.get("parent_code") or None,
                    level=row["level"],
                    source=row.get("source", ""),
                )
            )
            session.flush()
    return len(rows)


def descendants(session: Session, code: str, level: str | None = None) -> list[Region]:
    """Every region under ``code`` (itself included), optionally of one level."""
    found: list[Region] = []
    frontier = [code]
    while frontier:
        regions = list(session.scalars(select(Region).where(Region.code.in_(frontier))))
        found.extend(regions)
        frontier = list(session.scalars(select(Region.code).where(Region.parent_code.in_(frontier))))
    return [r for r in found if level is None or r.level == level]


def villages_under(store: Store, code: str) -> list[Region]:
    with store.session() as session:
        return sorted(descendants(session, code, "village"), key=lambda r: r.code)


def all_villages(store: Store) -> list[Region]:
    with store.session() as session:
        return list(session.scalars(select(Region).where(Region.level == "village").order_by(Region.code)))


def names(store: Store) -> dict[str, str]:
    with store.session() as session:
        return dict(session.execute(select(Region.code, Region.name)).all())


def find_village(session: Session, text: str) -> Region | None:
    """A village by its 12-digit code or its exact name (what a clerk types in a spreadsheet)."""
    text = text.strip()
    if text.isdigit():
        return session.get(Region, text)
    return session.scalars(select(Region).where(Region.name == text, Region.level == "village")).first()


# --- villages typed, pasted or imported by the user --------------------------------------------------

_HEADER_NAMES = {"村名", "名称", "村", "村（社区）", "村(社区)", "村居", "村委会", "name"}
_HEADER_CODES = {"区划代码", "代码", "统计用区划代码", "code"}


def clean_name(text: str | None) -> str:
    """A village name as typed: full-width letters/digits folded, every space inside removed."""
    text = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"\s+", "", text)


def clean_code(text: str | None) -> str:
    """A 区划代码 as typed in a spreadsheet: full-width digits, spaces, a trailing ``.0`` from Excel."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))
    return text[:-2] if re.fullmatch(r"\d+\.0", text) else text


def parse_village_lines(text: str) -> list[tuple[str, str | None]]:
    """One village per line: ``村名`` or ``村名 区划代码`` (comma, tab or spaces between; the code
    may come first); a line of names separated by 、 or commas gives one village each. Blank lines
    and a 村名/区划代码 header are skipped."""
    entries: list[tuple[str, str | None]] = []
    for raw in (text or "").splitlines():
        line = unicodedata.normalize("NFKC", raw).strip()
        fields = [f.strip() for f in re.split(r"[,;\t、]", line) if f.strip()]
        if len(fields) == 1:
            fields = fields[0].split()
        if not fields:
            continue
        codes = [f for f in fields if _is_code(f)]
        names = [f for f in fields if not _is_code(f)]
        if all(clean_name(n) in _HEADER_NAMES | _HEADER_CODES for n in names) and not codes:
            continue  # the header row
        if not codes and len(re.split(r"[,;\t、]", line)) > 1:
            entries.extend((clean_name(n), None) for n in names)
        else:
            entries.append((clean_name("".join(names)), clean_code(codes[0]) if codes else None))
    return [e for e in entries if e[0] or e[1]]


def _is_code(text: str) -> bool:
    return re.fullmatch(r"\d+(\.0)?", clean_code(text)) is not None


def decode_text(data: bytes) -> str:
    """A hand-made file's text: UTF-8 (with or without BOM), else GBK/GB18030 (Excel on Windows)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


class VillageFileError(ValueError):
    """A file offered as a village list that is not one (binary, empty, another table's shape, or
    mostly bad lines); the message is Chinese and names the file (and the line where it can)."""


class VillageRows(list[tuple[str, str | None]]):
    """The good villages of a CSV (a plain list of (村名, 区划代码 or None)) plus ``problems``:
    {line number in the file: Chinese message} of the lines left out, and ``lines``: the file's
    line number of each good entry (so a later refusal can name the line the user sees)."""

    def __init__(self, entries: Iterable[tuple[str, str | None]] = (), *, file_name: str = "") -> None:
        super().__init__(entries)
        self.file_name = file_name
        self.problems: dict[int, str] = {}
        self.lines: list[int] = []

    def problem_text(self) -> str:
        return "\n".join(f"{self.file_name} 第 {n} 行：{m}" for n, m in sorted(self.problems.items()))


# Magic numbers of what people pick by mistake in a file dialog (photos, Excel files, PDFs).
_BINARY_KINDS = (
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"PK\x03\x04", "Excel 工作簿（.xlsx）或压缩包"),
    (b"\xd0\xcf\x11\xe0", "旧版 Excel/Word 文件（.xls/.doc）"),
    (b"%PDF", "PDF 文件"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf", "7z 压缩包"),
)
_MAX_VILLAGE_FILE = 1_000_000  # a township has at most a few hundred villages: ~20 kB of text
_MAX_NAME = 64  # as setup.add_village
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff\ufffd]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def _code_problem(code: str, township_code: str | None) -> str | None:
    if not re.fullmatch(r"\d{12}", code):
        return f"区划代码“{code}”应为 12 位数字"
    if township_code and (code[:9] != township_code[:9] or code == township_code):
        return f"区划代码 {code} 不在本乡镇（{township_code[:9]}）之下"
    return None


def _name_problem(name: str) -> str | None:
    if not name:
        return "缺村名"
    if len(name) > _MAX_NAME:
        return f"村名超过 {_MAX_NAME} 个字（{name[:12]}…）"
    if not _HAN.search(name):
        return f"村名“{name[:20]}”不含汉字，不像村名"
    return None


def read_village_csv(path: Path, township_code: str | None = None) -> VillageRows:
    """Villages from a CSV of 村名/区划代码 (header optional, columns in either order; comma,
    full-width comma, semicolon or tab between; UTF-8 or GBK).

    A file that is not such a list is refused whole with :class:`VillageFileError` (binary content
    such as a PNG or an .xlsx, an empty file, a header without a 村名 column, fewer good lines than
    bad ones), so picking the wrong file never adds garbage villages. In a real village list a bad
    line (control characters, a name over 64 characters or without a Chinese character, a code that
    is not 12 digits or, given ``township_code``, not under that township, a row of too many
    columns) is left out and named in ``problems``; the good lines are returned."""
    path = Path(path)
    label = path.name
    data = path.read_bytes()
    if not data.strip():
        raise VillageFileError(f"{label} 是空文件，没有村名")
    if len(data) > _MAX_VILLAGE_FILE:
        raise VillageFileError(f"{label} 有 {len(data) // 1024} KB，不像村名单（应为几十 KB 以内的 CSV）")
    kind = next((k for magic, k in _BINARY_KINDS if data.startswith(magic)), None)
    if kind is None and b"\x00" in data[:4096]:
        kind = "二进制文件"
    if kind is not None:
        raise VillageFileError(
            f"{label} 不是 CSV 文本，而是{kind}：请在 Excel 中“另存为 CSV”，每行一个村（村名,区划代码）"
        )
    text = _decode_strict(data)
    if text is None:
        raise VillageFileError(f"{label} 不是 UTF-8 或 GBK 编码的文本，不能作为村名单导入")
    text = text.replace("，", ",")
    sample = text[:2000]
    delimiter = max((",", "\t", ";"), key=sample.count)
    result = VillageRows(file_name=label)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            cells = [c.strip() for c in row]
            if any(cells):
                rows.append((reader.line_num, cells))
    except csv.Error as exc:
        raise VillageFileError(f"{label} 第 {reader.line_num} 行：不是有效的 CSV（{exc}）") from exc
    if not rows:
        raise VillageFileError(f"{label} 是空文件，没有村名")
    first_line, first = rows[0]
    header = [clean_name(c) for c in first]
    name_col = next((i for i, c in enumerate(header) if c in _HEADER_NAMES), None)
    code_col = next((i for i, c in enumerate(header) if c in _HEADER_CODES), None)
    if name_col is None and code_col is not None:
        raise VillageFileError(f"{label} 第 {first_line} 行是表头，但没有“村名”列（表头应为 村名,区划代码）")
    if name_col is not None:
        rows = rows[1:]
    for line, cells in rows:
        if _CONTROL.search("".join(cells)):
            result.problems[line] = "含有控制字符或乱码，不像村名"
            continue
        if name_col is not None:
            name = clean_name(cells[name_col] if name_col < len(cells) else "")
            code = clean_code(cells[code_col] if code_col is not None and code_col < len(cells) else "")
        else:
            filled = [c for c in cells if c]
            codes = [c for c in filled if _is_code(c)]
            names = [c for c in filled if not _is_code(c)]
            if len(codes) > 1 or len(names) > 1:
                result.problems[line] = (
                    f"有 {len(filled)} 列，看不出哪一列是村名（请只留 村名,区划代码 两列，或加表头）"
                )
                continue
            name = clean_name(names[0]) if names else ""
            code = clean_code(codes[0]) if codes else ""
        problem = _name_problem(name) or (_code_problem(code, township_code) if code else None)
        if problem:
            result.problems[line] = problem
            continue
        result.append((name, code or None))
        result.lines.append(line)
    if not result:
        first_problems = "；".join(f"第 {n} 行{m}" for n, m in list(result.problems.items())[:3])
        raise VillageFileError(f"{label} 中没有一行可用的村名，不像村名单（{first_problems}）")
    if len(result.problems) > len(result):
        raise VillageFileError(
            f"{label} 只有 {len(result)} 行可用，{len(result.problems)} 行有问题，不像村名单，未导入："
            + "；".join(f"第 {n} 行{m}" for n, m in list(result.problems.items())[:3])
        )
    return result


def _decode_strict(data: bytes) -> str | None:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


# --- change notification ---------------------------------------------------------------------------
# The core imports no Qt: the GUI subscribes a callback (it re-emits a Qt signal, which crosses to
# the GUI thread by itself), so an open form sees a village added, renamed or retired at once.

_listeners: list[Callable[[Store], None]] = []


def subscribe(callback: Callable[[Store], None]) -> None:
    """``callback(store)`` after the villages (or the home region) of ``store`` changed."""
    if callback not in _listeners:
        _listeners.append(callback)


def unsubscribe(callback: Callable[[Store], None]) -> None:
    if callback in _listeners:
        _listeners.remove(callback)


def notify_changed(store: Store) -> None:
    for callback in list(_listeners):
        callback(store)
