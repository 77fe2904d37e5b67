"""Masking of personal data (个人信息保护法 Art 6, 28, 51): ID numbers and phones in lists and exports.

Full values are shown or exported only when the installation's role may see them and the user
asks for it.
"""

from __future__ import annotations

from advisor_app.domain.idcard import mask as mask_id_number
from advisor_app.domain.roles import Role

__all__ = ["RETENTION_PLACEHOLDER", "mask_id_number", "mask_phone", "may_unmask"]

# What replaces a text that may name people once its record is past its retention period (保存期限);
# shared by the local stripping and the server's rule that lets a signed agreement be stripped.
RETENTION_PLACEHOLDER = "（已超过保存期限，个人信息已删除）"

# Which installation roles (domain.roles.Role) may see full particulars of which record kinds. The
# 县司法局 reads and reports: figures and masked lists are its work, so it sees no full particulars
# (个人信息保护法 Art 6: no more than the purpose needs).
UNMASK_ROLES = {
    "consultations": {Role.ADVISER, Role.TOWNSHIP},
    "cases": {Role.MEDIATOR, Role.TOWNSHIP},
    "roster": {Role.TOWNSHIP},
}


def mask_phone(phone: str | None) -> str:
    """138****5678; a landline keeps its area code and last two digits."""
    if not phone:
        return ""
    if len(phone) == 11 and phone.isdigit():
        return phone[:3] + "****" + phone[-4:]
    if len(phone) <= 4:
        return "*" * len(phone)
    return phone[:4] + "*" * (len(phone) - 6) + phone[-2:]


def may_unmask(role: str | None, kind: str) -> bool:
    """An installation without a role (a headless store set up with `advisor init`) has no one to restrict."""
    return role is None or role in UNMASK_ROLES.get(kind, set())
