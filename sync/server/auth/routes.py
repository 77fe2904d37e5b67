"""/v1/auth: login, logout, me."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from sync.server.auth import service
from sync.server.auth.schemas import AccountInfo, LoginRequest, LoginResponse, RatingKey
from sync.server.context import CurrentActor, DbDep, protocol

router = APIRouter(prefix="/v1/auth", tags=["auth"], dependencies=[Depends(protocol)])


@router.post("/login", response_model=LoginResponse)
def login(body: LoginRequest, request: Request, db: DbDep) -> LoginResponse:
    address = request.client.host if request.client else "unknown"
    return service.login(db, body, address)


@router.post("/logout", status_code=204)
def logout(who: CurrentActor, db: DbDep) -> None:
    service.logout(db, who)


@router.get("/me", response_model=AccountInfo)
def me(who: CurrentActor, db: DbDep) -> AccountInfo:
    return service.me(db, who)


@router.get("/rating-key", response_model=RatingKey)
def rating_key(who: CurrentActor, db: DbDep) -> RatingKey:
    """This device's key for the 评价码 it prints offline (docs/rating.md)."""
    return service.rating_key(db, who)
