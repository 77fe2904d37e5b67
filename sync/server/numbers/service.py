"""Case-number blocks: never overlapping city-wide, only for the committees an account numbers
cases for, and at most a day's worth per committee.

Who numbers cases for a committee: an adviser, mediator or township account whose regions hold
the committee's region (a village committee, the township's own committee), or lie directly under
it (a village numbers its cases under its township's 调委会). The city 司法局 does not mediate and
numbers nothing. The daily cap (``Settings.numbers_per_day``, counted over the last 24 hours per
committee) stops one account, or a stolen token, from exhausting a committee's numbers for the year.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sync.server.auth.service import Actor
from sync.server.changes.validate import UUID_RE
from sync.server.database import Db
from sync.server.db import utcnow
from sync.server.errors import ApiError
from sync.server.numbers import repository
from sync.server.numbers.schemas import ReserveRequest, ReserveResponse
from sync.server.regions import repository as regions

log = logging.getLogger("advisor_server.sync")
NOT_FOUND = "调委会不存在或不在本账号的区域内（请先同步调委会）"
NUMBERING_ROLES = ("adviser", "mediator", "township")
DAY = timedelta(hours=24)


def reserve(db: Db, who: Actor, body: ReserveRequest, per_day: int) -> ReserveResponse:
    """Reserve a block of case numbers for a committee and year; blocks never overlap city-wide.

    A block is cut short to what is left of the day's cap; with nothing left it is refused: 409
    ``number_cap`` (not 429: clients retry a 429 within seconds, and this lasts until tomorrow)."""
    if who.role not in NUMBERING_ROLES:
        raise ApiError(403, "role", "本账号的角色不办理调解案件，不能预留案号")
    if not UUID_RE.fullmatch(body.committee_id):
        raise ApiError(404, "committee_not_found", NOT_FOUND)
    with db.write() as conn:
        committee = repository.committee(conn, body.committee_id)
        if committee is None or committee.deleted or not _numbers_for(conn, who, committee.scope):
            raise ApiError(404, "committee_not_found", NOT_FOUND)
        repository.lock_numbers(conn, body.committee_id)
        used = repository.granted_since(conn, body.committee_id, utcnow() - DAY)
        size = min(body.size, per_day - used)
        if size <= 0:
            log.warning("numbers cap reached", extra={"account_id": who.account_id, "used": used})
            raise ApiError(
                409,
                "number_cap",
                f"该调委会 24 小时内已预留 {used} 个案号，达到每日上限 {per_day} 个，"
                "本次未预留；新案件先用临时案号，明天同步时自动确认。如确需更多，请联系市司法局",
                details={"used": used, "per_day": per_day},
            )
        first = (repository.top_granted(conn, body.committee_id, body.year) or 0) + 1
        last = first + size - 1
        repository.grant(conn, body.committee_id, body.year, first, last, who.account_id, who.device_id)
    log.info("numbers reserved", extra={"account_id": who.account_id, "size": size})
    return ReserveResponse(committee_id=body.committee_id, year=body.year, first=first, last=last)


def _numbers_for(conn, who: Actor, committee_scope: str | None) -> bool:  # noqa: ANN001
    if committee_scope is None:
        return False
    if who.scope.can_write(committee_scope):
        return True
    return committee_scope in who.scope.above and regions.has_child_in(
        conn, committee_scope, frozenset(who.scope.assigned)
    )
