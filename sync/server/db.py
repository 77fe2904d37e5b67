"""The server's tables: regions, accounts and devices, records stored generically, the change
sequence, revisions (the idempotency guard), conflicts, number blocks and attachment blobs.

Records of every kind share one ``records`` table (kind, id, rev, scope, owner, payload JSON,
seq); the payload is checked against the kind's fields on the way in (sync.protocol.kinds).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)

    if TYPE_CHECKING:
        # Every mapped class here is a plain Table, so ``Model.__table__.insert()`` type-checks.
        __table__: ClassVar[Table]


class ServerRegion(ServerBase):
    """行政区划 known to the server (imported from the 区划代码 CSV)."""

    __tablename__ = "server_regions"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    level: Mapped[str] = mapped_column(String(16))
    parent_code: Mapped[str | None] = mapped_column(String(12), index=True)
    source: Mapped[str] = mapped_column(String(32), default="")


class Account(ServerBase):
    """A person's account: adviser / mediator / township / city, with the regions assigned."""

    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(16))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AccountRegion(ServerBase):
    __tablename__ = "account_regions"
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    region_code: Mapped[str] = mapped_column(String(12), primary_key=True)


class Device(ServerBase):
    """One device logged in to an account; the token is kept only as its SHA-256."""

    __tablename__ = "devices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    device_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(128), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Hex HMAC key for the 评价码 this installation prints offline (migration 0005; rating_page).
    rating_key: Mapped[str | None] = mapped_column(String(64))


class LoginFailure(ServerBase):
    """Failed logins per key (``user:NAME`` or ``addr:IP``) in the current window."""

    __tablename__ = "login_failures"
    key: Mapped[str] = mapped_column(String(160), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(DateTime)
    count: Mapped[int] = mapped_column(Integer, default=0)


class SyncState(ServerBase):
    """Named counters; the ``seq`` row is also the lock that orders pushes by commit."""

    __tablename__ = "sync_state"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class Record(ServerBase):
    """The current accepted version of one record of any kind."""

    __tablename__ = "records"
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[int] = mapped_column(Integer)
    scope: Mapped[str] = mapped_column(String(12))
    owner: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[str | None] = mapped_column(String(40))
    updated_at: Mapped[str | None] = mapped_column(String(40))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON of the kind's fields
    hash: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    # Copied out of the payload so lookups use an index, not a text search (migration 0002):
    # the parent record (case_id, activity_id, legal_literate_id, target_id; sync.protocol.PARENTS)
    # and, for attachments, the file's SHA-256.
    parent_id: Mapped[str | None] = mapped_column(String(36))
    sha256: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (
        Index("ix_records_scope_seq", "scope", "seq"),
        Index("ix_records_owner", "owner"),
        # Partial: most kinds have neither, and their rows then cost these indexes nothing.
        Index(
            "ix_records_parent_id",
            "parent_id",
            sqlite_where=text("parent_id IS NOT NULL"),
            postgresql_where=text("parent_id IS NOT NULL"),
        ),
        Index(
            "ix_records_sha256",
            "sha256",
            sqlite_where=text("sha256 IS NOT NULL"),
            postgresql_where=text("sha256 IS NOT NULL"),
        ),
    )


class Revision(ServerBase):
    """Every (kind, id, rev) ever received: the unique key makes a resend a no-op."""

    __tablename__ = "revisions"
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[int] = mapped_column(Integer, primary_key=True)
    hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))  # accepted / conflict
    account_id: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Conflict(ServerBase):
    """A version that lost (or was not allowed): kept for a person to resolve, never dropped."""

    __tablename__ = "conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    rev: Mapped[int] = mapped_column(Integer)
    base_rev: Mapped[int] = mapped_column(Integer)
    server_rev: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="open")
    scope: Mapped[str] = mapped_column(String(12), index=True)
    account_id: Mapped[int] = mapped_column(Integer)
    device_id: Mapped[str] = mapped_column(String(64), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    payload: Mapped[str] = mapped_column(Text)
    hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    __table_args__ = (UniqueConstraint("kind", "record_id", "rev", "hash", name="uq_conflicts_version"),)


class NumberBlockGrant(ServerBase):
    """A block of case numbers handed to a device: (committee, year, first..last), never reused."""

    __tablename__ = "number_blocks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    committee_id: Mapped[str] = mapped_column(String(36))
    year: Mapped[int] = mapped_column(Integer)
    first: Mapped[int] = mapped_column(Integer)
    last: Mapped[int] = mapped_column(Integer)
    account_id: Mapped[int] = mapped_column(Integer)
    device_id: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    __table_args__ = (
        UniqueConstraint("committee_id", "year", "first", name="uq_number_blocks_start"),
        # The daily cap counts a committee's grants of the last 24 hours (migration 0003).
        Index("ix_number_blocks_committee_created", "committee_id", "created_at"),
    )


class Blob(ServerBase):
    """An uploaded attachment file, addressed by its SHA-256."""

    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    account_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class BlobUploader(ServerBase):
    """An account that proved it holds a file's bytes by uploading them (migration 0003).

    Only such an account (or one that can already read the file) may push an attachment record
    naming the file: knowing a SHA-256 is not proof of having the file."""

    __tablename__ = "blob_uploaders"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SkippedRecord(ServerBase):
    """A stored revision pull could not serialize: left out of pages and of the summary."""

    __tablename__ = "skipped_records"
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(64))
    seen_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ScopeCheck(ServerBase):
    """Per village (scope) and kind: count, XOR of record checks, highest seq (migration 0006).

    Kept by triggers on ``records`` in the transaction of each write; the post-sync check and the
    no-op sync read these rows, never the records (sync.protocol.table_check)."""

    __tablename__ = "scope_checks"
    scope: Mapped[str] = mapped_column(String(12), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    count: Mapped[int] = mapped_column(BigInteger)
    digest: Mapped[int] = mapped_column(BigInteger)
    high: Mapped[int] = mapped_column(BigInteger)


class NumberLock(ServerBase):
    """One row per committee, locked while a block of its case numbers is cut (migration 0006)."""

    __tablename__ = "number_locks"
    committee_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class PhoneRating(ServerBase):
    """A rating given on the phone page from a 评价码 (migration 0005; sync/server/rating_page).

    One per code (the unique key); ``rating_id`` is the ratings record made for it once the rated
    record has arrived (``record_id``), until then it waits here."""

    __tablename__ = "phone_ratings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_no: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    ref: Mapped[int] = mapped_column(BigInteger, index=True)
    code: Mapped[str] = mapped_column(String(32))
    code_day: Mapped[str] = mapped_column(String(10))
    grade: Mapped[str] = mapped_column(String(8))
    rated_on: Mapped[str] = mapped_column(String(10))
    comment: Mapped[str | None] = mapped_column(Text)
    problems: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    record_id: Mapped[str | None] = mapped_column(String(36))
    rating_id: Mapped[str | None] = mapped_column(String(36))
    linked_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("device_no", "kind", "ref", name="uq_phone_ratings_code"),)
