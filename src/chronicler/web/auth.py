"""Who is asking: sign-in for a workspace shared beyond one machine.

With sign-in on (``create_app(..., sign_in=True)``: `chronicler serve` turns it on whenever the
database has accounts or the server listens on anything but this machine), every API call needs
an account's token, as ``Authorization: Bearer TOKEN`` or as the session cookie the sign-in page
sets, and each route a role: a viewer reads, an editor also reviews. Pages redirect to
``/login`` until then. Without it (a researcher's own laptop, listening on 127.0.0.1 only), the
caller is nobody in particular and may do everything, as before accounts existed.

The cookie is HttpOnly and SameSite=Strict (no other site's page can send it, so no forged
review), Secure when the request came over HTTPS; it holds the token itself, so signing out of
one browser is forgetting it, and ``chronicler users token NAME`` ends it everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, RedirectResponse

from chronicler.config import Settings
from chronicler.web.contract import Problem

COOKIE = "chronicler_session"
LOGIN_PAGE = Path(__file__).resolve().parent / "static" / "login.html"
MAX_FORM = 1024  # bytes of a sign-in form: a token and nothing else
OPEN_PATHS = ("/login", "/logout", "/openapi.json")
DENIED: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "Sign in: no token, or not one of an account."},
    403: {"model": Problem, "description": "The account's role may not do this."},
}


@dataclass(frozen=True)
class Caller:
    """The account behind a request; ``name`` None where sign-in is off (anyone on this machine).
    ``hidden``: the private collections it is no member of, left out of every answer."""

    name: str | None
    role: str
    hidden: frozenset[str] = frozenset()


def _token(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.cookies.get(COOKIE) or None


def _check(settings: Settings, sign_in: bool) -> Callable[[Request, str], Caller]:
    """The caller of a request who may do what ``role`` may, or 401/403 (pages: off to sign in)."""
    from chronicler import service_users

    def check(request: Request, role: str) -> Caller:
        if not sign_in:
            return Caller(None, "admin")
        if request.url.path in OPEN_PATHS:
            return Caller(None, "anonymous")
        token = _token(request)
        found = service_users.signed_in(settings, token) if token else None
        if found is None:
            if not request.url.path.startswith("/api/"):
                raise HTTPException(303, "sign in first", headers={"Location": "/login"})
            raise HTTPException(
                401, "sign in: send an account's token", headers={"WWW-Authenticate": "Bearer"}
            )
        user, hidden = found
        if not service_users.allows(user.role, role):
            raise HTTPException(403, f"the role {user.role} may not do this: it needs {role} or above")
        return Caller(user.name, user.role, hidden)

    return check


def _needs(role: str) -> Callable[[Request], Caller]:
    def caller(request: Request) -> Caller:
        check: Callable[[Request, str], Caller] = request.app.state.check_caller
        return check(request, role)

    return caller


# Module-level, so that FastAPI can read the annotations of the routes that take them.
# One function per role, so that FastAPI asks once per request however many times a route and
# the application name it (its dependency cache keys on the function).
readers = _needs("viewer")
Viewer = Annotated[Caller, Depends(readers)]
Editor = Annotated[Caller, Depends(_needs("editor"))]
Admin = Annotated[Caller, Depends(_needs("admin"))]


def add_sign_in(app: FastAPI, settings: Settings, sign_in: bool) -> None:
    """Who may call (``app.state.check_caller``, read by ``Viewer`` and ``Editor``), the sign-in
    page, its form's answer, signing out, and ``/api/me``. Call before adding any route."""
    from chronicler import service_users

    app.state.check_caller = _check(settings, sign_in)

    @app.get("/login", include_in_schema=False)
    def login_page() -> FileResponse:
        return FileResponse(LOGIN_PAGE, media_type="text/html; charset=utf-8")

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> RedirectResponse:
        body = await request.body()
        token = (
            parse_qs(body.decode("utf-8", "replace")).get("token", [""])[0] if len(body) <= MAX_FORM else ""
        )
        user = service_users.authenticate(settings, token.strip()) if sign_in else None
        if user is None:
            return RedirectResponse("/login?failed", status_code=303)
        answer = RedirectResponse("/", status_code=303)
        answer.set_cookie(
            COOKIE, token.strip(), httponly=True, samesite="strict", secure=request.url.scheme == "https"
        )
        return answer

    @app.post("/logout", include_in_schema=False)
    def logout() -> RedirectResponse:
        answer = RedirectResponse("/login", status_code=303)
        answer.delete_cookie(COOKIE, httponly=True, samesite="strict")
        return answer

    @app.get("/api/me", summary="The account behind this request", responses=DENIED)
    def me(caller: Viewer) -> dict[str, Any]:
        return {"name": caller.name, "role": caller.role, "sign_in": sign_in}
