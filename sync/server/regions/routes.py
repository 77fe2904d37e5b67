"""/v1/regions."""

from __future__ import annotations

from fastapi import APIRouter

from sync.server.context import CurrentActor, DbDep
from sync.server.regions import service
from sync.server.regions.schemas import RegionOut

router = APIRouter(prefix="/v1", tags=["sync"])


@router.get("/regions", response_model=list[RegionOut])
def regions(who: CurrentActor, db: DbDep) -> list[RegionOut]:
    """The regions this account works in, and those above them (for the local region tree)."""
    return service.visible_regions(db, who)
