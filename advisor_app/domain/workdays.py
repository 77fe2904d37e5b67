"""Working days in China: weekends, the official holidays and the swapped workdays (调休上班).

The calendar is data, not code: ``resources/calendar/workdays.json`` holds one entry per year as the
State Council publishes it (国务院办公厅 放假安排通知, usually in November for the next year). A
township can put a file of the same shape in the data folder's ``calendar/`` to add or correct a
year; a year found there replaces the shipped one. A year missing from every file falls back to
weekends only — the due date is then earlier, never later, than the official one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from advisor_app.resources import resource_path

FILE_NAME = "workdays.json"


class CalendarError(ValueError):
    """A calendar file that cannot be read: the message names the file and the entry."""


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()  # weekend days that are working days (调休上班)
    years: frozenset[int] = frozenset()
    provisional: frozenset[int] = frozenset()  # years whose swaps are not yet published
    names: dict[date, str] = field(default_factory=dict, compare=False, hash=False)

    def is_workday(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def add_workdays(self, start: date, days: int) -> date:
        """The ``days``-th working day after ``start`` (``start`` itself does not count)."""
        day = start
        while days > 0:
            day += timedelta(days=1)
            if self.is_workday(day):
                days -= 1
        return day

    def workdays_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when ``end`` <= ``start``)."""
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_workday(day)
        return count


def _parse_day(text: Any, where: str) -> date:
    try:
        return date.fromisoformat(str(text))
    except ValueError as exc:
        raise CalendarError(f"{where}：日期“{text}”应为 YYYY-MM-DD") from exc


def parse(data: dict[str, Any], origin: str) -> dict[int, dict[str, Any]]:
    """Year -> {holidays: {date: name}, workdays: set, provisional: bool} of one calendar file."""
    years = data.get("years")
    if not isinstance(years, dict):
        raise CalendarError(f"{origin}：缺少 years")
    out: dict[int, dict[str, Any]] = {}
    for key, entry in years.items():
        where = f"{origin} {key} 年"
        if not str(key).isdigit() or not isinstance(entry, dict):
            raise CalendarError(f"{where}：格式不正确")
        year = int(key)
        holidays: dict[date, str] = {}
        for item in entry.get("holidays", []):
            if not isinstance(item, list) or len(item) not in (2, 3):
                raise CalendarError(f"{where}：假日应写作 [起, 止, 名称]")
            first, last = _parse_day(item[0], where), _parse_day(item[1], where)
            if last < first or (last - first).days > 31:
                raise CalendarError(f"{where}：假日 {item[0]}～{item[1]} 的起止不正确")
            day = first
            while day <= last:
                holidays[day] = str(item[2]) if len(item) == 3 else "假日"
                day += timedelta(days=1)
        swapped = {_parse_day(d, where) for d in entry.get("workdays", [])}
        if swapped & set(holidays):
            raise CalendarError(f"{where}：同一天不能既是假日又是调休上班日")
        out[year] = {"holidays": holidays, "workdays": swapped, "provisional": bool(entry.get("provisional"))}
    return out


def load(extra_dirs: tuple[Path, ...] = ()) -> WorkCalendar:
    """The shipped calendar, each year replaced by the same year of a file in ``extra_dirs``."""
    years = parse(_read(resource_path("calendar", FILE_NAME)), "resources/calendar/workdays.json")
    for folder in extra_dirs:
        path = Path(folder) / FILE_NAME
        if path.is_file():
            years.update(parse(_read(path), str(path.name)))
    holidays: dict[date, str] = {}
    workdays: set[date] = set()
    for entry in years.values():
        holidays.update(entry["holidays"])
        workdays |= entry["workdays"]
    return WorkCalendar(
        holidays=frozenset(holidays),
        workdays=frozenset(workdays),
        years=frozenset(years),
        provisional=frozenset(y for y, e in years.items() if e["provisional"]),
        names=holidays,
    )


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CalendarError(f"工作日历文件 {path.name} 无法读取：{exc}") from exc
    if not isinstance(data, dict):
        raise CalendarError(f"工作日历文件 {path.name} 格式不正确")
    return data


_extra: tuple[Path, ...] = ()


def use_folder(*folders: Path) -> None:
    """Where the township's own calendar files are (the data folder's ``calendar/``)."""
    global _extra
    _extra = tuple(folders)
    calendar.cache_clear()


def default_folders() -> tuple[Path, ...]:
    """Where a township's own calendar file is looked for when nobody said (``use_folder``):
    ``ADVISOR_CALENDAR_DIR``, then ``calendar/`` in the data folder of the app
    (``ADVISOR_DATA_DIR`` or the platform's user data folder) or of the server
    (``ADVISOR_SERVER_DATA_DIR``)."""
    import os

    folders = [os.environ.get("ADVISOR_CALENDAR_DIR")]
    folders += [
        str(Path(d) / "calendar")
        for d in (os.environ.get(n) for n in ("ADVISOR_DATA_DIR", "ADVISOR_SERVER_DATA_DIR"))
        if d
    ]
    if not os.environ.get("ADVISOR_DATA_DIR"):
        from advisor_app.store.database import default_data_dir

        folders.append(str(default_data_dir() / "calendar"))
    return tuple(Path(f) for f in folders if f)


@lru_cache(maxsize=1)
def calendar() -> WorkCalendar:
    return load(_extra or default_folders())


def add_workdays(start: date, days: int) -> date:
    return calendar().add_workdays(start, days)
