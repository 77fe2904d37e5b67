"""Every endpoint of the OpenAPI schema, fuzzed with schemathesis strategies (hypothesis) against
the real uvicorn: whatever arrives, the answer is never a 5xx."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from sqlalchemy import delete

from sync.server.db import LoginFailure

from .conftest import USERS

SKIP = {("POST", "/v1/auth/logout")}  # would revoke the token the fuzzer uses; covered in test_auth


def test_no_endpoint_answers_with_a_server_error(server):
    for user in USERS:  # fuzzed logins trip the per-address limit: log everyone in first
        server.token(user)
    auth = {"Authorization": f"Bearer {server.token('adv1')}"}
    schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    fuzzed = []
    try:
        for result in schema.get_all_operations():
            operation = result.ok()
            if (operation.method.upper(), operation.path) in SKIP:
                continue

            @given(case=operation.as_strategy())
            @settings(max_examples=15, deadline=None, database=None, suppress_health_check=list(HealthCheck))
            def call(case) -> None:  # noqa: ANN001
                response = case.call(headers=auth, timeout=30)
                assert response.status_code < 500, (
                    case.method,
                    case.path,
                    response.status_code,
                    response.text[:300],
                )

            call()
            fuzzed.append(operation.path)
    finally:
        with server.engine.begin() as conn:
            conn.execute(delete(LoginFailure))
    assert {"/v1/changes", "/v1/auth/login", "/v1/numbers/reserve", "/v1/attachments/{sha256}"} <= set(fuzzed)
