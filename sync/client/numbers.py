"""Case numbers unique city-wide: blocks reserved on the server, provisional numbers confirmed.

Before every push the client tops up a block of server numbers for each committee this device
numbers cases under (current year), so numbers issued offline come from the server's blocks. When
a device ran out offline, the case took a provisional number from a local block; the next sync
renumbers it from a server block (a normal local edit, so the new number travels with the case)
and the provisional number is never reused.

The server hands a committee at most a day's worth of numbers (``number_cap``); past that the
sync goes on, new cases take provisional numbers, and the server's Chinese message is shown in
the sync's result (``notices``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from advisor_app.domain.clock import china_today
from advisor_app.domain.models import Case, Committee, NumberBlock
from advisor_app.services import numbering, setup
from advisor_app.store import Store
from sync.client.errors import SyncError
from sync.client.transport import Transport

LOW = 10  # top up when fewer server numbers than this are left
SIZE = 50


def _left(store: Store, committee_id: str, year: int) -> int:
    with store.session() as session:
        return (
            session.scalar(
                select(func.coalesce(func.sum(NumberBlock.last - NumberBlock.next + 1), 0)).where(
                    NumberBlock.committee_id == committee_id,
                    NumberBlock.year == year,
                    NumberBlock.origin == "server",
                    NumberBlock.next <= NumberBlock.last,
                )
            )
            or 0
        )


def committees_in_use(store: Store) -> list[str]:
    """Committees this device numbers cases under: the configured one and those of this account's
    cases (a township that pulls its villages' cases does not hoard their numbers: blocks leave gaps)."""
    configured = store.setting(setup.COMMITTEE_SETTING)  # not inside the session: one transaction at a time
    with store.session() as session:
        ids = set(
            session.scalars(
                select(Case.committee_id).where(Case.deleted.is_(False), Case.owner == store.user).distinct()
            )
        )
        if configured:
            ids.add(configured)
        present = set(
            session.scalars(select(Committee.id).where(Committee.id.in_(ids), Committee.deleted.is_(False)))
        )
    return sorted(present)


def _here(fn: Callable[[], Any]) -> Any:
    return fn()


def top_up(
    store: Store,
    transport: Transport,
    year: int | None = None,
    notices: list[str] | None = None,
    write: Callable[[Callable[[], Any]], Any] | None = None,
) -> int:
    """Reserve blocks where few server numbers are left; the count of numbers added. A refusal
    for the day's cap is not an error of the sync: its message goes to ``notices``. ``write(fn)``
    runs each block's database write (SyncClient.write: the app's database worker)."""
    year = year or china_today().year
    added = 0
    for committee_id in committees_in_use(store):
        needed = _left(store, committee_id, year) < LOW
        if not needed:
            continue
        try:
            block = transport.json(
                "POST", "/v1/numbers/reserve", body={"committee_id": committee_id, "year": year, "size": SIZE}
            )
        except SyncError as exc:
            if exc.status in (404, 403):
                continue  # a committee made on this device, not on the server yet
            if exc.code == "number_cap":
                if notices is not None and exc.message not in notices:
                    notices.append(exc.message)
                continue
            raise

        def keep(committee_id: str = committee_id, block: dict[str, Any] = block) -> None:
            with store.session() as session:
                numbering.add_block(session, committee_id, year, block["first"], block["last"], "server")

        (write or _here)(keep)
        added += block["last"] - block["first"] + 1
    return added


def confirm_provisional(store: Store) -> int:
    """Renumber cases holding a provisional number from a server block; the count renumbered."""
    done = 0
    with store.session() as session:
        cases = list(
            session.scalars(
                select(Case)
                .where(Case.number_provisional.is_(True), Case.deleted.is_(False))
                .order_by(Case.created_at)
            )
        )
        for case in cases:
            committee = session.get(Committee, case.committee_id)
            year = case.number_year
            if committee is None or year is None or _left_in(session, committee.id, year) == 0:
                continue
            case_no, seq, provisional = numbering.next_number(session, committee, year)
            if provisional:
                continue
            case.case_no, case.number_seq, case.number_provisional = case_no, seq, False
            done += 1
    return done


def _left_in(session, committee_id: str, year: int) -> int:  # noqa: ANN001
    return (
        session.scalar(
            select(func.coalesce(func.sum(NumberBlock.last - NumberBlock.next + 1), 0)).where(
                NumberBlock.committee_id == committee_id,
                NumberBlock.year == year,
                NumberBlock.origin == "server",
                NumberBlock.next <= NumberBlock.last,
            )
        )
        or 0
    )
