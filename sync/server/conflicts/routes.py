"""/v1/conflicts: list the open ones, resolve one."""

from __future__ import annotations

from fastapi import APIRouter

from sync.server.conflicts import service
from sync.server.conflicts.schemas import ConflictOut
from sync.server.context import CurrentActor, DbDep

router = APIRouter(prefix="/v1", tags=["sync"])


@router.get("/conflicts", response_model=list[ConflictOut])
def list_conflicts(who: CurrentActor, db: DbDep) -> list[ConflictOut]:
    """Open conflicts of this account's devices, for a person to resolve."""
    return service.open_conflicts(db, who)


@router.post("/conflicts/{conflict_id}/resolve", status_code=204)
def resolve_conflict(conflict_id: int, who: CurrentActor, db: DbDep) -> None:
    """Mark a conflict handled (the person re-entered what was needed as a new revision)."""
    service.resolve(db, who, conflict_id)
