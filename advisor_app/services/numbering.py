"""Case numbers per committee and year, taken from number blocks and never reused.

A stand-alone installation draws its own blocks (origin ``local``). The sync client adds blocks
reserved on the city server (origin ``server``) so numbers issued offline are unique city-wide; a
number from a local block on a synced installation is marked provisional until the server confirms.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from advisor_app.domain.case_numbers import format_case_no
from advisor_app.domain.models import Committee, NumberBlock

LOCAL_BLOCK = 1000


def add_block(
    session: Session, committee_id: str, year: int, first: int, last: int, origin: str
) -> NumberBlock:
    block = NumberBlock(
        committee_id=committee_id, year=year, first=first, last=last, next=first, origin=origin
    )
    session.add(block)
    session.flush()
    return block


def next_number(session: Session, committee: Committee, year: int) -> tuple[str, int, bool]:
    """Take the next number: (case_no, seq, provisional). Runs inside the caller's transaction."""
    block = session.scalars(
        select(NumberBlock)
        .where(
            NumberBlock.committee_id == committee.id,
            NumberBlock.year == year,
            NumberBlock.next <= NumberBlock.last,
        )
        .order_by(NumberBlock.origin.desc(), NumberBlock.first)  # server blocks before local ones
        .limit(1)
    ).first()
    if block is None:
        top = session.scalar(
            select(func.max(NumberBlock.last)).where(
                NumberBlock.committee_id == committee.id, NumberBlock.year == year
            )
        )
        start = (top or 0) + 1
        block = add_block(session, committee.id, year, start, start + LOCAL_BLOCK - 1, "local")
    seq = block.next
    block.next += 1
    synced = bool(session.info.get("synced_installation"))
    return format_case_no(year, committee.short_name, seq), seq, synced and block.origin == "local"


def mark_used(session: Session, committee_id: str, year: int, seq: int) -> None:
    """An imported case already carries number ``seq``: no block may issue it again."""
    for block in session.scalars(
        select(NumberBlock).where(
            NumberBlock.committee_id == committee_id,
            NumberBlock.year == year,
            NumberBlock.first <= seq,
            NumberBlock.last >= seq,
        )
    ):
        block.next = max(block.next, seq + 1)
    covered = session.scalar(
        select(func.count())
        .select_from(NumberBlock)
        .where(
            NumberBlock.committee_id == committee_id,
            NumberBlock.year == year,
            NumberBlock.first <= seq,
            NumberBlock.last >= seq,
        )
    )
    if not covered:
        top = (
            session.scalar(
                select(func.max(NumberBlock.last)).where(
                    NumberBlock.committee_id == committee_id, NumberBlock.year == year
                )
            )
            or 0
        )
        add_block(session, committee_id, year, top + 1, max(seq, top + 1), "local").next = (
            max(seq, top + 1) + 1
        )
