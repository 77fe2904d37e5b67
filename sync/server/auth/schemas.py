"""Request and response bodies of /v1/auth."""

from __future__ import annotations

from pydantic import BaseModel, Field

from sync.server.schemas import Strict


class LoginRequest(Strict):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)
    device_id: str = Field(min_length=1, max_length=64, description="the installation's device id")
    device_name: str = Field(default="", max_length=128)


class AccountInfo(BaseModel):
    username: str
    role: str
    regions: list[str]


class RatingKey(BaseModel):
    """The key this device signs its 评价码 with (hex) and its device number in the code."""

    key: str
    device_no: int


class LoginResponse(BaseModel):
    token: str
    expires_at: str
    account: AccountInfo
    rating: RatingKey | None = None
