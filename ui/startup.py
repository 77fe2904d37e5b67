"""Start-up: the window first, then the data (docs/architecture.md, "Start-up").

The frame of the main window needs no store; what its 工作台 shows before the store is open comes
from the last view (``advisor_app.last_view``) when the store files are unchanged since it was
kept. This module holds the pieces that are not widgets: the lines of a kept view, the snapshot
read on the database thread that refreshes the 工作台 and keeps the view, and the probe the
start-up bench and tests read. It imports no SQLAlchemy at import time: services are imported
inside the functions that run once the store is open.
"""

from __future__ import annotations

import json
import os
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from advisor_app import last_view
from advisor_app.domain.worklist_days import Horizon

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store

FIRST_ROWS = 14  # lines of a 工作台 list painted with the window (a maximised 1080p list shows ~12)
VIEW_FOLLOW_UPS = 60  # 差评回访 lines kept in the last view (the rest come with the store)
PROBE_ENV = "ADVISOR_STARTUP_PROBE"  # file the start-up times are written to (bench, tests)
LAUNCHED_ENV = "ADVISOR_STARTUP_LAUNCHED"  # time.time() when the process was launched


class FollowUpLine(NamedTuple):  # NamedTuples here: cheap to define before the first paint
    """A 差评回访 line as kept in the last view: what the 工作台 shows of a ``ratings.FollowUp``."""

    id: str
    grade: str
    target_label: str
    title: str
    source_label: str
    follow_up_due: date | None
    followed_up_on: date | None = None
    appeal_status: str | None = None
    problems: str | None = None
    comment: str | None = None

    def days_left(self, as_of: date) -> int | None:
        if self.followed_up_on is not None or self.follow_up_due is None:
            return None
        return (self.follow_up_due - as_of).days

    @classmethod
    def of(cls, item: Any) -> FollowUpLine:
        """The line of a ``ratings.FollowUp`` (or of another line)."""
        return cls(
            id=item.id,
            grade=item.grade,
            target_label=item.target_label,
            title=item.title,
            source_label=item.source_label,
            follow_up_due=item.follow_up_due,
            followed_up_on=item.followed_up_on,
            appeal_status=item.appeal_status,
            problems=item.problems,
            comment=item.comment,
        )

    def to_data(self) -> dict[str, Any]:
        data = self._asdict()
        for key in ("follow_up_due", "followed_up_on"):
            data[key] = data[key].isoformat() if data[key] else None
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> FollowUpLine:
        values = dict(data)
        for key in ("follow_up_due", "followed_up_on"):
            values[key] = date.fromisoformat(values[key]) if values.get(key) else None
        return cls(**values)


class Frame(NamedTuple):
    """What the window frame shows of the store: pages this role does not use, the status bar."""

    hidden_pages: tuple[str, ...]
    status: str
    township: bool  # a 司法所 installation decides 申诉
    read_only_pages: tuple[str, ...] = ()  # a 县司法局's: the 工作台 offers no 登记 for them
    reads_only: bool = False  # a 县司法局 records no 差评回访 and files no 申诉 either

    def to_data(self) -> dict[str, Any]:
        return {
            "hidden_pages": list(self.hidden_pages),
            "status": self.status,
            "township": self.township,
            "read_only_pages": list(self.read_only_pages),
            "reads_only": self.reads_only,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Frame:
        return cls(
            tuple(str(k) for k in data["hidden_pages"]),
            str(data["status"]),
            bool(data["township"]),
            tuple(str(k) for k in data.get("read_only_pages", ())),  # absent from a view kept before
            bool(data.get("reads_only", False)),
        )


class View(NamedTuple):
    """A kept view, ready to show: the 工作台 over its horizon, the first follow-ups (a township
    can have thousands: the rest come with the store) and their number, the frame."""

    horizon: Horizon
    follow_ups: list[FollowUpLine]
    follow_ups_total: int
    frame: Frame

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> View:
        follow_ups = [FollowUpLine.from_data(f) for f in data["follow_ups"]]
        return cls(
            Horizon.from_data(data["horizon"]),
            follow_ups,
            max(int(data["follow_ups_total"]), len(follow_ups)),
            Frame.from_data(data["frame"]),
        )


def load_view(data_dir: Path, today: date) -> View | None:
    """The last view of ``data_dir`` when it is exact for the store files and covers ``today``."""
    content = last_view.load(data_dir)
    if content is None:
        return None
    try:
        view = View.from_data(content)
    except (KeyError, TypeError, ValueError):  # a damaged file of the right version
        last_view.delete(data_dir)
        return None
    return view if view.horizon.covers(today) else None


# --- on the database thread, once the store is open ----------------------------------------------


def frame_of(store: Store) -> Frame:
    from advisor_app.services import ratings, setup

    role = setup.role(store) or ""
    return Frame(
        hidden_pages=tuple(setup.hidden_pages(store)),
        status=f"{role}　{store.user}　{store.data_dir}",
        township=ratings.decides_appeals(store),
        read_only_pages=tuple(setup.read_only_pages(store)),
        reads_only=ratings.only_reads(store),
    )


class Snapshot(NamedTuple):
    """The 工作台 as read from the store (what the page shows and the view keeps)."""

    horizon: Horizon
    follow_ups: list[Any]  # ratings.FollowUp
    frame: Frame


def may_keep(store: Store) -> bool:
    from advisor_app.services import users

    return last_view.may_keep(store.data_dir, has_users=users.has_users(store))


class WorklistPart(NamedTuple):
    """The first part of a 工作台 load: its lists over the horizon, read first because they are
    quick (the follow-ups of a busy township take longer: ``read_follow_ups``)."""

    horizon: Horizon
    frame: Frame
    stamp: list[list[Any]]  # the store files before the reading began


def read_worklist(store: Store, today: date) -> WorklistPart:
    from advisor_app.services import worklist

    before = last_view.stamp(store.data_dir)
    return WorklistPart(worklist.horizon_list(store, today), frame_of(store), before)


def read_follow_ups(store: Store, part: WorklistPart, *, keep: bool = False) -> Snapshot:
    """The second part: the 差评回访; with ``keep``, the whole is then kept as the last view when
    nothing wrote to the store while both were read (the stamps before and after agree) and the
    store may have one (``last_view.may_keep``); where it may not, a view left over is deleted."""
    from advisor_app.services import ratings

    snapshot = Snapshot(part.horizon, ratings.follow_ups(store), part.frame)
    if keep:
        try:
            if not may_keep(store):
                last_view.delete(store.data_dir)
            elif last_view.stamp(store.data_dir) == part.stamp:
                last_view.write(store.data_dir, content_of(snapshot), part.stamp, store.key)
        except Exception:  # keeping the view is a convenience: never at the cost of the 工作台
            import logging  # (not before the first paint: docs/architecture.md, "Start-up")

            logging.getLogger(__name__).exception("上次的工作台未能保存")
    return snapshot


def read_snapshot(store: Store, today: date, *, keep: bool = False) -> Snapshot:
    """Both parts at once (the exit, tests)."""
    return read_follow_ups(store, read_worklist(store, today), keep=keep)


def content_of(snapshot: Snapshot) -> dict[str, Any]:
    return {
        "horizon": snapshot.horizon.to_data(),
        "follow_ups": [FollowUpLine.of(f).to_data() for f in snapshot.follow_ups[:VIEW_FOLLOW_UPS]],
        "follow_ups_total": len(snapshot.follow_ups),
        "frame": snapshot.frame.to_data(),
    }


def close_keeping_view(store: Store, today: date, *, keep: bool) -> None:
    """Close the store at a clean exit; with ``keep``, the last view is read just before and
    stamped just after closing (closing checkpoints the log and refreshes statistics, which
    changes the files), so the next start finds them exactly as the view describes."""
    content = None
    try:
        if keep and may_keep(store):
            before = last_view.stamp(store.data_dir)
            snapshot = read_snapshot(store, today)
            if last_view.stamp(store.data_dir) == before:  # no other program wrote meanwhile
                content = content_of(snapshot)
        elif keep:
            last_view.delete(store.data_dir)
    except Exception:  # the view is a convenience: the store still closes, the next start is cold
        import logging

        logging.getLogger(__name__).exception("上次的工作台未能保存")
        last_view.delete(store.data_dir)
    finally:
        key, data_dir = store.key, store.data_dir
        store.close()
    if content is not None:
        last_view.write(data_dir, content, last_view.stamp(data_dir), key)


def inked_lists(window: Any, image: Any) -> dict[str, bool]:
    """Per 工作台 list of ``window``: whether ``image`` (the window's pixels as painted,
    ``QScreen.grabWindow``) shows ink — text — in the list's viewport. The probe reports it: a
    list whose layout was still pending when the window was painted shows none however many
    lines it holds."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QImage

    page = window.pages["workbench"]
    lists = {"visits": page.visits[1], "overdue": page.overdue[1], "window": page.window[1]}
    lists["follow_ups"] = page.follow_up_list
    picture = image.toImage().convertToFormat(QImage.Format.Format_RGB32)
    scale = image.devicePixelRatio()
    out = {}
    for name, widget in lists.items():
        viewport = widget.viewport()
        at = viewport.mapTo(window, QPoint(0, 0))
        area = QRect(
            int(at.x() * scale),
            int(at.y() * scale),
            int(viewport.width() * scale),
            int(viewport.height() * scale),
        )
        part = picture.copy(area)
        if part.isNull():  # nothing painted yet: the window system holds no pixels for the window
            out[name] = False
            continue
        pixels = bytes(part.constBits())[: part.sizeInBytes()]
        out[name] = bool(pixels) and min(pixels) < 100  # text is dark (or red); the background light
    return out


# --- the probe ---------------------------------------------------------------------------------


class Probe:
    """Start-up times since launch, written as JSON to ``$ADVISOR_STARTUP_PROBE`` (bench and tests).

    ``frame``: the window painted; ``view``: painted with the kept 工作台 (warm start); ``data``:
    painted with the 工作台 read from the store. The app quits once ``data`` is written.
    """

    def __init__(self) -> None:
        self.file = os.environ.get(PROBE_ENV) or None
        launched = os.environ.get(LAUNCHED_ENV)
        self.launched = float(launched) if launched else time.time()
        self.times: dict[str, Any] = {}

    @property
    def active(self) -> bool:
        return self.file is not None

    def facts(self, **facts: Any) -> None:
        """Facts for the report, without a time."""
        if self.active:
            self.times.update(facts)

    def mark(self, name: str, **facts: Any) -> None:
        if self.active and name not in self.times:
            self.times[name] = time.time() - self.launched
            self.times.update(facts)

    def write(self) -> None:
        if self.file:
            Path(self.file).write_text(json.dumps(self.times, ensure_ascii=False), encoding="utf-8")
