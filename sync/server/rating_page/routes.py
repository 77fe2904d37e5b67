"""/r: the phone page for rating a service from a 评价码 (thin routes over ``rating_page.service``).

No account: the code is the only credential, checked on every request. Forms are protected by a
double-submit token (cookie ``rk`` = hidden field ``t``, SameSite=Lax) and, when the browser sends
one, an ``Origin`` that must be this server. Every answer is rate-limited per address.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import parse_qs, quote, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from advisor_app.services import rating_codes
from sync.server.context import DbDep
from sync.server.rating_page import service, templates
from sync.server.rating_page.schemas import MAX_FORM_BYTES
from sync.server.rating_page.service import PageError

router = APIRouter(prefix="/r", tags=["rating page"], include_in_schema=False)
COOKIE = "rk"


def _html(body: str, status: int = 200, headers: dict[str, str] | None = None) -> HTMLResponse:
    return HTMLResponse(
        body,
        status_code=status,
        # same-origin: the browser names this server as the form's Origin (no-referrer sends "null")
        headers={
            "content-security-policy": templates.CSP,
            "referrer-policy": "same-origin",
            **(headers or {}),
        },
    )


def _refused(exc: PageError) -> HTMLResponse:
    headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else None
    return _html(templates.refusal(exc.title, exc.message, ask_code=exc.status == 404), exc.status, headers)


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _token(request: Request) -> tuple[str, bool]:
    """The anti-forgery token of this browser (new: set it)."""
    have = request.cookies.get(COOKIE, "")
    if 20 <= len(have) <= 64 and have.replace("-", "").replace("_", "").isalnum():
        return have, False
    return secrets.token_urlsafe(24), True


def _with_cookie(response: Response, token: str, request: Request) -> Response:
    response.set_cookie(
        COOKIE, token, path="/r", httponly=True, samesite="lax", secure=request.url.scheme == "https"
    )
    return response


@router.get("", response_class=HTMLResponse)
def enter_code(request: Request, db: DbDep, code: str | None = None) -> Response:
    try:
        service.rate_limit(db, _address(request), "view")
    except PageError as exc:
        return _refused(exc)
    if code is None:
        return _html(templates.code_entry())
    try:
        parsed = rating_codes.parse(code[:64])
    except rating_codes.CodeError as exc:
        return _html(templates.code_entry(code[:64], str(exc)), 422)
    return RedirectResponse(f"/r/{quote(parsed.text)}", status_code=303)


@router.get("/{code}", response_class=HTMLResponse)
def show(code: str, request: Request, db: DbDep) -> Response:
    try:
        service.rate_limit(db, _address(request), "view")
        service.guard_guessing(db, _address(request))
        v = service.view(db, code[:64])
    except PageError as exc:
        if exc.status == 404:
            _note_bad_code(db, request)
        return _refused(exc)
    if v.rated_grade is not None:
        return _html(templates.thanks(v))
    token, new = _token(request)
    response = _html(templates.rating_form(v, token))
    return _with_cookie(response, token, request) if new else response


@router.post("/{code}", response_class=HTMLResponse)
async def rate(code: str, request: Request, db: DbDep) -> Response:
    body = await request.body()
    # Everything else reads and writes the database: off the event loop (docs/server.md).
    return await run_in_threadpool(_rate, code, request, db, body)


def _rate(code: str, request: Request, db: DbDep, body: bytes) -> Response:
    try:
        service.rate_limit(db, _address(request), "submit")
    except PageError as exc:
        return _refused(exc)
    if len(body) > MAX_FORM_BYTES:
        return _refused(PageError(413, "内容太长", "提交的内容太长，请精简后再提交。"))
    if not _same_origin(request):
        return _refused(PageError(403, "无法提交", "提交来源不正确，请重新扫描评价卡上的二维码。"))
    try:
        form = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=40)
    except (UnicodeDecodeError, ValueError):
        return _refused(PageError(400, "无法提交", "提交的内容无法识别，请重新打开评价页面。"))
    cookie = request.cookies.get(COOKIE, "")
    sent = (form.get("t") or [""])[0]
    if not cookie or not hmac.compare_digest(cookie.encode(), sent.encode()):
        return _refused(PageError(403, "页面已过期", "页面已过期，请重新扫描评价卡上的二维码后再评价。"))
    try:
        service.guard_guessing(db, _address(request))
        v = service.view(db, code[:64])
        if v.rated_grade is not None:
            raise PageError(409, "已经评价过了", "这次服务已经评价过了，每次服务只能评价一次。谢谢您！")
        clean, errors = service.read_form(form)
        if errors:
            return _html(templates.rating_form(v, cookie, values=form, errors=errors), 422)
        v = service.submit(db, code[:64], clean)
    except PageError as exc:
        if exc.status == 404:
            _note_bad_code(db, request)
        return _refused(exc)
    return RedirectResponse(f"/r/{quote(v.code.text)}/thanks", status_code=303)


@router.get("/{code}/thanks", response_class=HTMLResponse)
def thanks(code: str, request: Request, db: DbDep) -> Response:
    try:
        service.rate_limit(db, _address(request), "view")
        v = service.view(db, code[:64])
    except PageError as exc:
        return _refused(exc)
    if v.rated_grade is None:
        return RedirectResponse(f"/r/{quote(v.code.text)}", status_code=303)
    return _html(templates.thanks(v))


def _note_bad_code(db: DbDep, request: Request) -> None:
    service.note_bad_code(db, _address(request))


def _same_origin(request: Request) -> bool:
    """False only for a form sent from another site. No ``Origin`` (older in-app browsers) or
    ``null`` (a privacy setting) leaves the decision to the token."""
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return True
    return urlsplit(origin).netloc == request.headers.get("host", "")
