"""Attachment files by SHA-256: upload before the record, download after it; both resume.

Files are read and written only through ``advisor_app.services.attachments`` (``read_blob``,
``PartialBlob``), which keeps them encrypted at rest when the store has a key; the wire carries the
plaintext, named by its SHA-256.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, select

from advisor_app.domain.models import Attachment
from advisor_app.services import attachments
from advisor_app.store import Store
from tests.compat.client_v1.client.errors import SyncError
from tests.compat.client_v1.client.transport import Transport

log = logging.getLogger(__name__)
CHUNK = 1024 * 1024


def upload(transport: Transport, store: Store, sha: str, chunk: int = CHUNK) -> bool:
    """Send the file from where the server stands; False when this device does not have it."""
    if not attachments.has_blob(store, sha):
        return False
    status = transport.json("GET", f"/v1/attachments/{sha}/status")
    if status["complete"]:
        return True
    try:
        data = memoryview(attachments.read_blob(store, sha))
    except attachments.BlobError:
        log.warning("attachment %s… unreadable here, not uploaded", sha[:12])
        return False
    total = len(data)
    received = status["received"]
    while not status["complete"]:
        transport.check_cancel()
        piece = bytes(data[received : received + chunk])
        try:
            status = transport.json_raw_put(f"/v1/attachments/{sha}", piece, offset=received, total=total)
        except SyncError as exc:
            if exc.code == "wrong_offset" and isinstance(exc.details, dict):
                received = int(exc.details["received"])  # an earlier reply was lost: go on from there
                continue
            raise
        received = status["received"]
    return True


def missing(conn: Connection, store: Store) -> list[str]:
    shas = conn.execute(select(Attachment.sha256).where(Attachment.deleted.is_(False)).distinct()).scalars()
    return [s for s in shas if not attachments.has_blob(store, s)]


def download(transport: Transport, store: Store, sha: str) -> bool:
    """Fetch one file, resuming a partial one with a Range request; False when the server lacks it."""
    part = attachments.PartialBlob(store, sha)
    have = part.size
    headers = {"Range": f"bytes={have}-"} if have else {}
    try:
        response = transport.request("GET", f"/v1/attachments/{sha}", headers=headers, ok=(200, 206))
    except SyncError as exc:
        if exc.status == 404:
            return False
        raise
    if response.status_code != 206:
        part.restart()  # the server sent the whole file
    part.append(response.content)
    if not part.finish():
        raise SyncError("下载的附件与其 SHA-256 不符，已丢弃，下次同步重新下载", code="hash_mismatch")
    return True
