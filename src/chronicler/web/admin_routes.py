"""What admins do over HTTP: accounts and collections, as `chronicler users` and `chronicler
collections` do them. A new account's token is in the answer that makes it, and never again."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Path
from pydantic import BaseModel, Field, StrictBool

from chronicler.config import Settings
from chronicler.errors import StoreError
from chronicler.web.auth import Admin
from chronicler.web.contract import BAD_BODY, NOT_FOUND

Name = Annotated[str, Path(min_length=1, max_length=100)]


class UserIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    role: Literal["viewer", "editor", "admin"]


class CollectionIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    private: StrictBool = False


class MemberIn(BaseModel):
    user: str = Field(min_length=1, max_length=100)


@contextmanager
def _callers_to_fix() -> Iterator[None]:
    """A refusal of the store's that names what the caller asked wrongly: a 422, not a 503."""
    try:
        yield
    except StoreError as exc:
        raise ValueError(str(exc)) from exc


def add_admin_routes(app: FastAPI, settings: Settings) -> None:
    from chronicler import service_collections, service_users

    @app.get("/api/users", summary="Accounts: name, role, when made (admins)")
    def users(_: Admin) -> list[dict[str, Any]]:
        return [{"name": u.name, "role": u.role, "created_at": u.created_at.isoformat(timespec="seconds")}
                for u in service_users.users(settings)]  # fmt: skip

    @app.post("/api/users", summary="Make an account; its token is in this answer only (admins)",
              status_code=201, responses=BAD_BODY)  # fmt: skip
    def add_user(body: UserIn, _: Admin) -> dict[str, str]:
        with _callers_to_fix():  # a name taken
            token = service_users.add(settings, body.name, body.role)
        return {"name": body.name.strip(), "role": body.role, "token": token}

    @app.delete(
        "/api/users/{name}", summary="Remove an account (admins)", status_code=204, responses=NOT_FOUND
    )
    def remove_user(name: Name, _: Admin) -> None:
        if not service_users.remove(settings, name):
            raise HTTPException(404, f"no user named {name!r}")

    @app.get("/api/collections", summary="Collections with members and documents (admins)")
    def collections(_: Admin) -> list[dict[str, Any]]:
        return [{"name": c.name, "private": c.private, "members": list(c.members), "documents": c.documents}
                for c in service_collections.collections(settings)]  # fmt: skip

    @app.post("/api/collections", summary="Make a collection (admins)", status_code=201, responses=BAD_BODY)
    def add_collection(body: CollectionIn, _: Admin) -> dict[str, Any]:
        with _callers_to_fix():
            service_collections.add(settings, body.name, private=body.private)
        return {"name": body.name, "private": body.private}

    @app.post("/api/collections/{name}/members", summary="Let an account see a collection (admins)",
              status_code=201, responses=BAD_BODY)  # fmt: skip
    def grant(name: Name, body: MemberIn, _: Admin) -> dict[str, str]:
        with _callers_to_fix():  # no such collection or user
            service_collections.grant(settings, name, body.user)
        return {"collection": name, "user": body.user}

    @app.delete(
        "/api/collections/{name}/members/{user}",
        summary="Stop an account seeing a collection (admins)",
        status_code=204,
        responses=NOT_FOUND,
    )
    def revoke(name: Name, user: Name, _: Admin) -> None:
        if not service_collections.revoke(settings, name, user):
            raise HTTPException(404, f"{user!r} is no member of {name!r}")
