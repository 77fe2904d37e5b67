"""Stateless workers (issue 17): two app processes' worth of state share only the database — a
login throttle counted on one worker holds on the other — and a worker whose connection pool is
exhausted answers 503 with Retry-After, never 500."""

from __future__ import annotations

import httpx
from sqlalchemy import delete, func, update

from sync.server.app import create_app
from sync.server.context import Settings
from sync.server.database import pool_size
from sync.server.db import LoginFailure

from .conftest import start_uvicorn


def _worker(server, tmp_path, monkeypatch, *, connections: int = 40, timeout: int = 5):  # noqa: ANN001, ANN202
    monkeypatch.setenv("ADVISOR_SERVER_DB_CONNECTIONS", str(connections))
    monkeypatch.setenv("ADVISOR_SERVER_POOL_TIMEOUT", str(timeout))
    app = create_app(Settings(database_url=server.database_url, data_dir=tmp_path))
    url, uv, thread = start_uvicorn(app)
    return app, url, uv, thread


def _stop(app, uv, thread) -> None:  # noqa: ANN001
    uv.should_exit = True
    thread.join(10)
    app.state.server.engine.dispose()


def test_pool_size_is_the_budget_shared_by_the_workers(monkeypatch):
    monkeypatch.setenv("ADVISOR_SERVER_DB_CONNECTIONS", "40")
    monkeypatch.setenv("ADVISOR_SERVER_WORKERS", "4")
    size, overflow = pool_size()
    assert size + overflow == 10 and size >= 1
    monkeypatch.setenv("ADVISOR_SERVER_WORKERS", "1")
    assert sum(pool_size()) == 40


def test_exhausted_pool_answers_503_with_retry_after(server, tmp_path, monkeypatch):
    app, url, uv, thread = _worker(server, tmp_path, monkeypatch, connections=2, timeout=1)
    token = server.token("adv1")
    held = []
    try:
        engine = app.state.server.engine
        held = [engine.connect(), engine.connect()]  # the whole pool of this worker
        r = httpx.get(f"{url}/v1/changes", headers={"Authorization": f"Bearer {token}"}, timeout=30)
        assert r.status_code == 503, r.text
        assert r.headers["retry-after"] == "5"
        assert r.json()["error"]["code"] == "busy"
        for conn in held:
            conn.close()
        held = []
        ok = httpx.get(f"{url}/v1/changes", headers={"Authorization": f"Bearer {token}"}, timeout=30)
        assert ok.status_code == 200
    finally:
        for conn in held:
            conn.close()
        _stop(app, uv, thread)


def test_login_throttle_holds_across_workers(server, tmp_path, monkeypatch):
    app_a, url_a, uv_a, thread_a = _worker(server, tmp_path / "a", monkeypatch)
    app_b, url_b, uv_b, thread_b = _worker(server, tmp_path / "b", monkeypatch)
    try:
        body = {"username": "throttle-probe", "password": "wrong-password-1", "device_id": "dev-x"}
        codes = [httpx.post(f"{url_a}/v1/auth/login", json=body).status_code for _ in range(5)]
        assert codes == [401] * 5
        # The sixth try goes to the other worker: the count lives in the database.
        r = httpx.post(f"{url_b}/v1/auth/login", json=body)
        assert r.status_code == 429 and r.headers["retry-after"]
    finally:
        # Give the loopback address its six tries back: the session's other tests log in from it.
        with server.engine.begin() as conn:
            conn.execute(delete(LoginFailure).where(LoginFailure.key == "user:throttle-probe"))
            conn.execute(
                update(LoginFailure)
                .where(LoginFailure.key.like("addr:%"))
                .values(
                    count=func.max(LoginFailure.count - 6, 0)
                    if server.backend == "sqlite"
                    else func.greatest(LoginFailure.count - 6, 0)
                )
            )
        _stop(app_a, uv_a, thread_a)
        _stop(app_b, uv_b, thread_b)
