"""The FastAPI application of the city sync server."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.protocol.wire import PROTOCOL_VERSION
from sync.server import logs
from sync.server.attachments.routes import router as attachments_router
from sync.server.auth.routes import router as auth_router
from sync.server.changes.routes import router as changes_router
from sync.server.conflicts.routes import router as conflicts_router
from sync.server.context import DbDep, ServerState, Settings
from sync.server.database import data_dir, default_url, make_engine
from sync.server.errors import ApiError
from sync.server.middleware import AccessLog, BodyGuard, SecurityHeaders
from sync.server.numbers.routes import router as numbers_router
from sync.server.rating_page.routes import router as rating_page_router
from sync.server.regions.routes import router as regions_router
from sync.server.schemas import Health

log = logging.getLogger("advisor_server.http")


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(
        title="乡村法律服务工作台 · 市级同步服务器",
        version=f"protocol {PROTOCOL_VERSION}",
        description="Sync API (docs/sync-protocol.md). Every /v1 endpoint except login needs `Authorization: Bearer <device token>`.",
    )
    app.state.server = ServerState(settings=settings, engine=make_engine(settings.database_url))
    for router in (
        auth_router,
        changes_router,
        numbers_router,
        conflicts_router,
        regions_router,
        attachments_router,
        rating_page_router,
    ):
        app.include_router(router)

    @app.get("/health", response_model=Health, tags=["ops"])
    def health(db: DbDep) -> Health:
        up = db.ping()
        return Health(
            status="ok" if up else "degraded",
            database="ok" if up else "unavailable",
            protocol=PROTOCOL_VERSION,
        )

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {
                "where": ".".join(str(p) for p in e.get("loc", ())),
                "problem": e.get("type"),
                "message": e.get("msg"),
            }
            for e in exc.errors()[:50]
        ]
        first = details[0]["where"] if details else ""
        message = "请求格式有误" + (f"（{first}）" if first else "") + "，未保存任何数据"
        if any(d["problem"] == "json_invalid" for d in details):
            message = "请求体不是合法的 JSON，未保存任何数据"
        return JSONResponse(
            {"error": {"code": "invalid_request", "message": message, "details": details}}, status_code=422
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        messages = {404: "没有这个地址", 405: "不支持该请求方法"}
        return JSONResponse(
            {
                "error": {
                    "code": f"http_{exc.status_code}",
                    "message": messages.get(exc.status_code, str(exc.detail)),
                }
            },
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(DataError)
    async def unstorable(_request: Request, exc: DataError) -> JSONResponse:
        # A value the database cannot hold (PostgreSQL text refuses NUL characters): the
        # transaction was rolled back whole.
        log.info("unstorable value", extra={"error": type(exc.orig).__name__})
        return JSONResponse(
            {
                "error": {
                    "code": "invalid_value",
                    "message": "请求中有数据库无法保存的字符或数值（如空字符），未保存任何数据",
                }
            },
            status_code=422,
        )

    @app.exception_handler(PoolTimeout)
    async def pool_exhausted(_request: Request, exc: PoolTimeout) -> JSONResponse:
        # Every connection of this worker's pool is in use (database.pool_size): ask the device
        # to come back, as for a busy database; never a 500.
        log.warning("database pool exhausted")
        return JSONResponse(
            {"error": {"code": "busy", "message": "服务器繁忙，请稍后重试"}},
            status_code=503,
            headers={"Retry-After": "5"},
        )

    @app.exception_handler(OperationalError)
    async def busy(_request: Request, exc: OperationalError) -> JSONResponse:
        log.warning("database busy", extra={"error": type(exc.orig).__name__})
        return JSONResponse(
            {"error": {"code": "busy", "message": "服务器繁忙，请稍后重试"}},
            status_code=503,
            headers={"Retry-After": "5"},
        )

    app.add_middleware(AccessLog)
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=5)  # ~level 9 size, half the time
    app.add_middleware(BodyGuard, max_body=settings.max_body, max_chunk=settings.max_chunk)
    app.add_middleware(SecurityHeaders)  # outermost: refusals by BodyGuard carry the headers too
    return app


def settings_from_env() -> Settings:
    folder = data_dir()
    settings = Settings(
        database_url=os.environ.get("ADVISOR_SERVER_DATABASE_URL") or default_url(), data_dir=Path(folder)
    )
    per_day = os.environ.get("ADVISOR_SERVER_NUMBERS_PER_DAY", "").strip()
    if per_day.isdigit() and len(per_day) < 8:
        settings.numbers_per_day = int(per_day)
    return settings


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory sync.server.app:app_from_env`` (several workers)."""
    logs.setup(os.environ.get("ADVISOR_SERVER_LOG_LEVEL", "INFO"))
    return create_app(settings_from_env())
