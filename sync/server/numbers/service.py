"""Case-number blocks: never overlapping city-wide, only for committees in the account's scope."""

from __future__ import annotations

import logging

from sync.server.auth.service import Actor
from sync.server.changes.validate import UUID_RE
from sync.server.database import Db
from sync.server.errors import ApiError
from sync.server.numbers import repository
from sync.server.numbers.schemas import ReserveRequest, ReserveResponse

log = logging.getLogger("advisor_server.sync")
NOT_FOUND = "调委会不存在或不在本账号的区域内（请先同步调委会）"


def reserve(db: Db, who: Actor, body: ReserveRequest) -> ReserveResponse:
    """Reserve a block of case numbers for a committee and year; blocks never overlap city-wide."""
    if not UUID_RE.fullmatch(body.committee_id):
        raise ApiError(404, "committee_not_found", NOT_FOUND)
    with db.write() as conn:
        committee = repository.committee(conn, body.committee_id)
        if committee is None or committee.deleted or not who.scope.can_read("committees", committee.scope):
            raise ApiError(404, "committee_not_found", NOT_FOUND)
        repository.lock_numbers(conn)
        first = (repository.top_granted(conn, body.committee_id, body.year) or 0) + 1
        last = first + body.size - 1
        repository.grant(conn, body.committee_id, body.year, first, last, who.account_id, who.device_id)
    log.info("numbers reserved", extra={"account_id": who.account_id, "size": body.size})
    return ReserveResponse(committee_id=body.committee_id, year=body.year, first=first, last=last)
