"""工作台 lists over a horizon of days: what the 工作台 would show on any day of it, without the database.

``services.worklist.horizon_list`` reads, once, every item that can be on the 工作台 on some day of
``[start, end]``; :meth:`Horizon.as_of` then gives exactly what ``services.worklist.today_list``
would give on that day (membership, order, the first ``limit`` of each list, days left). The
start-up's last view (``advisor_app.last_view``) keeps a horizon, so the first start of a new day
still shows the 工作台 at once. Pure stdlib: the desktop imports this before SQLAlchemy, which is
also why the values are NamedTuples (immutable, compared by value) rather than dataclasses: they
cost a fraction to define, on the way to the window's first paint.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, NamedTuple

VISIT_LOOKAHEAD_DAYS = 7  # 回访 due within a week are listed
HORIZON_DAYS = 30  # how far ahead a horizon list answers
LIMIT = 200  # lines per list of the 工作台


class Item(NamedTuple):
    """One line of the 工作台; ``case_id`` opens the case it belongs to."""

    case_id: str
    case_no: str
    title: str
    due_on: date
    days: int  # days left (negative: overdue)


class Worklist(NamedTuple):
    visits_due: list[Item]
    overdue_cases: list[Item]
    confirmation_window: list[Item]
    unsynced: int


def _on(items: list[Item], day: date) -> list[Item]:
    return [Item(i.case_id, i.case_no, i.title, i.due_on, (i.due_on - day).days) for i in items]


class Horizon(NamedTuple):
    """Every candidate line for the days ``start``..``end``, each list in the database's order.

    * ``visits``: 回访 not made, due on or before ``end`` + 7 (on day d: due ≤ d + 7);
    * ``overdue``: open cases whose target day is on or before ``end`` (on day d: before d);
    * ``window``: written agreements signed on or after ``start`` − 30, as their last day to apply
      (on day d: last day ≥ d — the 30-day 司法确认 window still open).
    """

    start: date
    end: date
    visits: list[Item]
    overdue: list[Item]
    window: list[Item]
    unsynced: int
    limit: int = LIMIT

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end

    def as_of(self, day: date) -> Worklist:
        """What the 工作台 lists on ``day`` (within the horizon)."""
        if not self.covers(day):
            raise ValueError(f"{day} is outside the horizon {self.start}..{self.end}")
        until = day + timedelta(days=VISIT_LOOKAHEAD_DAYS)
        return Worklist(
            visits_due=_on([i for i in self.visits if i.due_on <= until][: self.limit], day),
            overdue_cases=_on([i for i in self.overdue if i.due_on < day][: self.limit], day),
            confirmation_window=_on([i for i in self.window if i.due_on >= day][: self.limit], day),
            unsynced=self.unsynced,
        )

    # --- as plain data (the last view file) ----------------------------------------------------------

    def to_data(self) -> dict[str, Any]:
        def rows(items: list[Item]) -> list[list[str]]:
            return [[i.case_id, i.case_no, i.title, i.due_on.isoformat()] for i in items]

        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "limit": self.limit,
            "visits": rows(self.visits),
            "overdue": rows(self.overdue),
            "window": rows(self.window),
            "unsynced": self.unsynced,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Horizon:
        """The horizon written by :meth:`to_data`; ValueError/KeyError/TypeError when damaged."""
        start = date.fromisoformat(data["start"])

        def items(rows: list[list[str]]) -> list[Item]:
            out = []
            for case_id, case_no, title, due in rows:
                due_on = date.fromisoformat(due)
                out.append(Item(str(case_id), str(case_no), str(title), due_on, (due_on - start).days))
            return out

        return cls(
            start=start,
            end=date.fromisoformat(data["end"]),
            visits=items(data["visits"]),
            overdue=items(data["overdue"]),
            window=items(data["window"]),
            unsynced=int(data["unsynced"]),
            limit=int(data["limit"]),
        )


def as_of(horizon: Horizon, day: date) -> Worklist:
    """What ``services.worklist.today_list`` gives on ``day``, from a horizon list covering it."""
    return horizon.as_of(day)
