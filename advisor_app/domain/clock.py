"""Business time is China time (UTC+8, no daylight saving), whatever zone the PC is set to.

When a service happened, the days of acceptance, signing, visits and follow-ups are China dates
and times, stored naive. Sync metadata (``created_at``, ``updated_at``, the change log) stays naive
UTC (:func:`utcnow`). An input carrying an offset is converted to China time; one without an
offset is taken as China time already.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8), "CST")


def china_now() -> datetime:
    """The current China time, naive (seconds precision is kept)."""
    return datetime.now(UTC).astimezone(CHINA).replace(tzinfo=None)


def china_today() -> date:
    """Today's date in China (a PC set to UTC still turns the day at 00:00 Beijing time)."""
    return china_now().date()


def to_china(value: datetime) -> datetime:
    """``value`` as naive China time: an aware value is converted, a naive one is taken as China time."""
    if value.tzinfo is None:
        return value
    return value.astimezone(CHINA).replace(tzinfo=None)


def utcnow() -> datetime:
    """Naive UTC: the store keeps every timestamp of sync metadata in UTC, the UI converts for display."""
    return datetime.now(UTC).replace(tzinfo=None)
