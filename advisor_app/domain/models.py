"""The domain model as SQLAlchemy 2 typed mappings.

Every syncable record carries the sync metadata of design.md (:class:`SyncMixin`): a client-made
UUID, a revision bumped on every write, the owning account, the device that wrote it last, created
and updated times (UTC), and a tombstone instead of a hard delete. The store's session hook
(``advisor_app.store.changes``) maintains them and writes the change log in the same transaction.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# re-exported: record ids and sync times are stdlib (the direct store writes them without the ORM)
from advisor_app.domain.clock import utcnow as utcnow
from advisor_app.domain.record_kinds import new_id as new_id
from advisor_app.domain.statuses import (
    AgreementStatus,
    CaseStatus,
    ConfirmationStatus,
    ConsultationStatus,
    PerformanceStatus,
    RosterStatus,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON, list[dict[str, Any]]: JSON}

    if TYPE_CHECKING:
        # Every mapped class here is a plain Table (no joined or aliased mappings), so
        # ``Model.__table__.insert()`` type-checks.
        __table__: ClassVar[Table]


if TYPE_CHECKING:
    # Every concrete record is ``class X(SyncMixin, Base)``; the sync code works on ``type[SyncMixin]``
    # and needs its ``__table__`` / ``__tablename__``, so for the type checker the mixin is a Base.
    _MixinBase = Base
else:
    _MixinBase = object


class SyncMixin(_MixinBase):
    """Sync metadata shared by every record that travels between devices."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    rev: Mapped[int] = mapped_column(Integer, default=0)
    owner: Mapped[str] = mapped_column(String(64), default="")
    device_id: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    def __init__(self, **kwargs: Any):
        # The id exists from construction, not from the first flush, so children can refer to it.
        kwargs.setdefault("id", new_id())
        super().__init__(**kwargs)


# --- reference data -------------------------------------------------------------------------------


class Region(Base):
    """行政区划: city, county, township or village, keyed by its 12-digit 统计用区划代码."""

    __tablename__ = "regions"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    level: Mapped[str] = mapped_column(String(16))  # city / county / township / village
    parent_code: Mapped[str | None] = mapped_column(String(12), ForeignKey("regions.code"), index=True)
    source: Mapped[str] = mapped_column(String(32), default="")  # 统计用区划代码 / 演示数据（虚构）
    # 撤并: kept so old records still name their village, no longer offered in forms
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))


class Setting(Base):
    """Per-installation settings (device id, role, home region, …)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --- mediation --------------------------------------------------------------------------------------


class Committee(SyncMixin, Base):
    """人民调解委员会 (调委会); ``short_name`` goes into case numbers: （2026）临桥调字第 12 号."""

    __tablename__ = "committees"
    name: Mapped[str] = mapped_column(String(128))
    short_name: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))  # 村/社区/乡镇/街道/企事业/行业性专业性
    region_code: Mapped[str] = mapped_column(String(12), ForeignKey("regions.code"), index=True)


class Person(SyncMixin, Base):
    """A person served (服务对象): a consultation's asker or a case party, with priority-group tags."""

    __tablename__ = "persons"
    name: Mapped[str] = mapped_column(String(64), index=True)
    gender: Mapped[str | None] = mapped_column(String(4))
    ethnicity: Mapped[str | None] = mapped_column(String(16))
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    phone: Mapped[str | None] = mapped_column(String(32), index=True)
    address: Mapped[str | None] = mapped_column(String(256))
    occupation: Mapped[str | None] = mapped_column(String(64))
    region_code: Mapped[str | None] = mapped_column(String(12), ForeignKey("regions.code"), index=True)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)  # 重点人群, domain.md §6


class Case(SyncMixin, Base):
    """纠纷案件: a dispute from 受理 to 归档."""

    __tablename__ = "cases"
    case_no: Mapped[str | None] = mapped_column(String(64), unique=True)
    number_year: Mapped[int | None] = mapped_column(Integer)
    number_seq: Mapped[int | None] = mapped_column(Integer)
    number_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    committee_id: Mapped[str] = mapped_column(String(36), ForeignKey("committees.id"), index=True)
    region_code: Mapped[str] = mapped_column(String(12), ForeignKey("regions.code"), index=True)
    dispute_type: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16))
    summary: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(8), default=CaseStatus.ACCEPTED, index=True)
    accepted_on: Mapped[date] = mapped_column(Date, index=True)
    due_on: Mapped[date] = mapped_column(Date)  # one-month target (domain.md §1)
    closed_on: Mapped[date | None] = mapped_column(Date)
    archived_on: Mapped[date | None] = mapped_column(Date)
    mediator: Mapped[str | None] = mapped_column(String(64))
    recorder: Mapped[str | None] = mapped_column(String(64))
    result: Mapped[str | None] = mapped_column(Text)  # why it failed / ended, or the outcome
    notice_given_on: Mapped[date | None] = mapped_column(Date)  # 权利义务告知书 read and signed
    prevention: Mapped[str | None] = mapped_column(String(16))  # 防止民转刑 …
    prevention_persons: Mapped[int | None] = mapped_column(Integer)

    parties: Mapped[list[CaseParty]] = relationship(
        back_populates="case", order_by="CaseParty.position", lazy="selectin"
    )
    __table_args__ = (
        UniqueConstraint("committee_id", "number_year", "number_seq", name="uq_cases_number"),
        Index("ix_cases_updated", "updated_at"),
        Index("ix_cases_region_accepted", "region_code", "accepted_on"),
        Index("ix_cases_live_accepted", "deleted", "accepted_on", "id"),
    )


class CaseParty(SyncMixin, Base):
    """当事人 of a case: the particulars printed on the agreement, copied when the party is entered."""

    __tablename__ = "case_parties"
    case_id: Mapped[str] = mapped_column(String(36), ForeignKey("cases.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("persons.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[str] = mapped_column(String(16), default="当事人")  # 申请人 / 被申请人 / 当事人
    name: Mapped[str] = mapped_column(String(128))
    is_organisation: Mapped[bool] = mapped_column(Boolean, default=False)
    representative: Mapped[str | None] = mapped_column(String(64))
    gender: Mapped[str | None] = mapped_column(String(4))
    ethnicity: Mapped[str | None] = mapped_column(String(16))
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    occupation: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(256))
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)

    case: Mapped[Case] = relationship(back_populates="parties")


class MediationSession(SyncMixin, Base):
    """调解记录（笔录）: one sitting of the mediation."""

    __tablename__ = "mediation_sessions"
    case_id: Mapped[str] = mapped_column(String(36), ForeignKey("cases.id"), index=True)
    held_at: Mapped[datetime] = mapped_column(DateTime)
    place: Mapped[str | None] = mapped_column(String(128))
    participants: Mapped[str | None] = mapped_column(Text)
    statements: Mapped[str | None] = mapped_column(Text)
    facts: Mapped[str | None] = mapped_column(Text)
    result: Mapped[str | None] = mapped_column(Text)
    mediator: Mapped[str | None] = mapped_column(String(64))
    recorder: Mapped[str | None] = mapped_column(String(64))


class Agreement(SyncMixin, Base):
    """人民调解协议书 (or 口头协议登记): numbered terms, performance, copies; versions after signing.

    A signed agreement is immutable: a change makes a new version that supersedes it.
    """

    __tablename__ = "agreements"
    case_id: Mapped[str] = mapped_column(String(36), ForeignKey("cases.id"), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("agreements.id"))
    kind: Mapped[str] = mapped_column(String(4), default="书面")  # 书面 / 口头
    status: Mapped[str] = mapped_column(String(4), default=AgreementStatus.DRAFT)
    facts: Mapped[str] = mapped_column(Text, default="")
    terms: Mapped[list[str]] = mapped_column(JSON, default=list)
    performance: Mapped[str] = mapped_column(Text, default="")
    performance_deadline: Mapped[date | None] = mapped_column(Date)
    copies: Mapped[int] = mapped_column(Integer, default=3)
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)  # 协议涉及金额, in 分
    signed_on: Mapped[date | None] = mapped_column(Date, index=True)  # 调解成功 counts by it (0013)
    performed: Mapped[str] = mapped_column(String(8), default=PerformanceStatus.NOT_PERFORMED)
    # the day 已履行 was recorded: 履行数 counts by it
    performed_on: Mapped[date | None] = mapped_column(Date, index=True)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))
    frozen_data: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    @property
    def amount_yuan(self) -> Decimal:
        return (Decimal(self.amount_fen) / 100).quantize(Decimal("0.01"))


class ReturnVisit(SyncMixin, Base):
    """回访记录."""

    __tablename__ = "return_visits"
    case_id: Mapped[str] = mapped_column(String(36), ForeignKey("cases.id"), index=True)
    agreement_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("agreements.id"))
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    visited_on: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)
    performed: Mapped[str | None] = mapped_column(String(8))
    satisfied: Mapped[bool | None] = mapped_column(Boolean)
    lawsuit: Mapped[bool | None] = mapped_column(Boolean)
    risk: Mapped[bool | None] = mapped_column(Boolean)
    measures: Mapped[str | None] = mapped_column(Text)
    visitor: Mapped[str | None] = mapped_column(String(64))


class JudicialConfirmation(SyncMixin, Base):
    """司法确认: applied within 30 days of the agreement taking effect (人民调解法 Art 33)."""

    __tablename__ = "judicial_confirmations"
    case_id: Mapped[str] = mapped_column(String(36), ForeignKey("cases.id"), index=True)
    # the version applied for: windows and 司法确认数 are per version (index: migration 0013)
    agreement_id: Mapped[str] = mapped_column(String(36), ForeignKey("agreements.id"), index=True)
    status: Mapped[str] = mapped_column(String(8), default=ConfirmationStatus.APPLIED)
    applied_on: Mapped[date] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)
    court: Mapped[str | None] = mapped_column(String(128))


class CaseFileTick(SyncMixin, Base):
    """“纸质材料已归卷”: the mediator's statement that a 必备 paper document is in the 卷宗 (who, when).

    Withdrawing a tick deletes the row (a synced deletion); ticking again revives it.
    """

    __tablename__ = "case_file_ticks"
    case_id: Mapped[str] = mapped_column(String(36), ForeignKey("cases.id"), index=True)
    item: Mapped[str] = mapped_column(String(32))  # a name of case_flow.PAPER_ITEMS
    ticked_by: Mapped[str] = mapped_column(String(64))
    ticked_at: Mapped[datetime] = mapped_column(DateTime)


class Screening(SyncMixin, Base):
    """矛盾纠纷排查: one round of screening in a village, with what it found and prevented."""

    __tablename__ = "screenings"
    region_code: Mapped[str] = mapped_column(String(12), ForeignKey("regions.code"), index=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    disputes_found: Mapped[int] = mapped_column(Integer, default=0)
    disputes_prevented: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str | None] = mapped_column(Text)


class ZeroReport(SyncMixin, Base):
    """零上报: a village states that it had no disputes in a month (told apart from not reporting)."""

    __tablename__ = "zero_reports"
    region_code: Mapped[str] = mapped_column(String(12), ForeignKey("regions.code"), index=True)
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    note: Mapped[str | None] = mapped_column(Text)
    # 更正: the zero report contradicted by records of the month, as confirmed by a person
    correction: Mapped[str | None] = mapped_column(Text)
    corrected_on: Mapped[date | None] = mapped_column(Date)
    __table_args__ = (UniqueConstraint("region_code", "month", name="uq_zero_reports_region_month"),)


# --- legal advisers ---------------------------------------------------------------------------------


class Consultation(SyncMixin, Base):
    """法律咨询 and the other adviser services of domain.md §3, one record per service (一事一记)."""

    __tablename__ = "consultations"
    region_code: Mapped[str] = mapped_column(String(12), ForeignKey("regions.code"), index=True)
    person_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("persons.id"), index=True)
    person_name: Mapped[str | None] = mapped_column(String(64))
    occurred_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    service_type: Mapped[str] = mapped_column(String(16), default="法律咨询解答")
    mode: Mapped[str] = mapped_column(String(4), default="实地")
    category: Mapped[str] = mapped_column(String(4), default="民事")
    subcategory: Mapped[str | None] = mapped_column(String(16))
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str | None] = mapped_column(Text)
    referral: Mapped[str | None] = mapped_column(String(8))
    outcome: Mapped[str | None] = mapped_column(Text)
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(4), default=ConsultationStatus.OPEN, index=True)
    adviser: Mapped[str | None] = mapped_column(String(64))
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    no_rating_reason: Mapped[str | None] = mapped_column(String(128))
    __table_args__ = (
        Index("ix_consultations_region_time", "region_code", "occurred_at"),
        # covers the full id list of the lists (newest first) without reading the wide rows
        Index("ix_consultations_live_time", "deleted", "occurred_at", "id"),
    )


class LegalLiterate(SyncMixin, Base):
    """法律明白人: one person on the township's roster (domain.md §5)."""

    __tablename__ = "legal_literates"
    region_code: Mapped[str] = mapped_column(String(12), ForeignKey("regions.code"), index=True)
    group_name: Mapped[str | None] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(64))
    gender: Mapped[str | None] = mapped_column(String(4))
    birth_date: Mapped[date | None] = mapped_column(Date)
    ethnicity: Mapped[str | None] = mapped_column(String(16))
    political_status: Mapped[str | None] = mapped_column(String(16))
    education: Mapped[str | None] = mapped_column(String(16))
    identity_category: Mapped[str | None] = mapped_column(String(16))
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    phone: Mapped[str | None] = mapped_column(String(32))
    certificate_no: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(4), default=RosterStatus.ACTIVE)
    appointed_on: Mapped[date | None] = mapped_column(Date)
    removed_on: Mapped[date | None] = mapped_column(Date)
    removed_reason: Mapped[str | None] = mapped_column(String(256))

    trainings: Mapped[list[Training]] = relationship(back_populates="person", order_by="Training.trained_on")


class Training(SyncMixin, Base):
    """培训记录 of a 法律明白人."""

    __tablename__ = "trainings"
    legal_literate_id: Mapped[str] = mapped_column(String(36), ForeignKey("legal_literates.id"), index=True)
    trained_on: Mapped[date] = mapped_column(Date)
    hours: Mapped[Decimal] = mapped_column(Numeric(5, 1))
    topic: Mapped[str] = mapped_column(String(256))

    person: Mapped[LegalLiterate] = relationship(back_populates="trainings")


class Activity(SyncMixin, Base):
    """普法活动: a lecture (法治讲座) or another publicity activity."""

    __tablename__ = "activities"
    region_code: Mapped[str] = mapped_column(String(12), ForeignKey("regions.code"), index=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(16), default="法治讲座")
    place: Mapped[str] = mapped_column(String(128))
    topic: Mapped[str] = mapped_column(String(256))
    audience_count: Mapped[int] = mapped_column(Integer, default=0)
    speaker: Mapped[str | None] = mapped_column(String(64))
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (Index("ix_activities_region_held", "region_code", "held_on"),)


class ActivityParticipant(SyncMixin, Base):
    """A 法律明白人 taking part in an activity (the roster's 参与活动)."""

    __tablename__ = "activity_participants"
    activity_id: Mapped[str] = mapped_column(String(36), ForeignKey("activities.id"), index=True)
    legal_literate_id: Mapped[str] = mapped_column(String(36), ForeignKey("legal_literates.id"), index=True)
    role: Mapped[str | None] = mapped_column(String(32))


class Rating(SyncMixin, Base):
    """满意度评价: one per service (服务一次，评价一次), 5 grades (domain.md §4)."""

    __tablename__ = "ratings"
    target_kind: Mapped[str] = mapped_column(String(16))  # consultation / case / activity
    target_id: Mapped[str] = mapped_column(String(36), index=True)
    grade: Mapped[str] = mapped_column(String(8))
    rated_on: Mapped[date] = mapped_column(Date)
    comment: Mapped[str | None] = mapped_column(Text)
    follow_up_due: Mapped[date | None] = mapped_column(Date)
    follow_up_note: Mapped[str | None] = mapped_column(Text)  # 回访情况: what the call found
    followed_up_on: Mapped[date | None] = mapped_column(Date)
    followed_up_by: Mapped[str | None] = mapped_column(String(64))  # 回访人
    follow_up_action: Mapped[str | None] = mapped_column(Text)  # 处理措施: what was done
    # staff = 工作人员录入; self = 当事人扫码 (rated on the phone page, made by the server; migration 0015).
    # Where both exist for a service the person's own rating counts (services.ratings.counted).
    source: Mapped[str] = mapped_column(String(8), default="staff", server_default="staff")
    problems: Mapped[str | None] = mapped_column(Text)  # 不满意的方面 chosen on the phone page, and text
    # 申诉: the village says the rating is mistaken or malicious; the township decides (migration 0015).
    # A rating whose appeal is upheld (申诉成立) no longer counts and needs no follow-up.
    appeal_status: Mapped[str | None] = mapped_column(String(8))  # 申诉中 / 申诉成立 / 申诉不成立
    appeal_reason: Mapped[str | None] = mapped_column(Text)
    appeal_filed_on: Mapped[date | None] = mapped_column(Date)
    appeal_decided_by: Mapped[str | None] = mapped_column(String(64))
    appeal_decided_on: Mapped[date | None] = mapped_column(Date)
    appeal_decision: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (
        Index("ix_ratings_kind_rated", "target_kind", "rated_on"),
        # the few bad ratings still waiting for their follow-up call (差评回访)
        Index(
            "ix_ratings_follow_up_open",
            "follow_up_due",
            sqlite_where=text("followed_up_on IS NULL AND follow_up_due IS NOT NULL"),
        ),
    )


class Attachment(SyncMixin, Base):
    """A file (scan of a signed agreement, activity photo) stored by its SHA-256."""

    __tablename__ = "attachments"
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(256))
    mime: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    target_kind: Mapped[str] = mapped_column(String(16))  # agreement / activity / case
    target_id: Mapped[str] = mapped_column(String(36), index=True)
    purpose: Mapped[str] = mapped_column(String(16), default="其他")  # 身份证明 / 协议书扫描件 / 活动照片 …
    note: Mapped[str | None] = mapped_column(String(256))


class NumberBlock(Base):
    """A block of case numbers for one committee and year, drawn locally or from the server.

    Numbers are taken in order from the lowest open block and never given back, so a number is
    never reused even after a case is deleted. The sync client adds server-issued blocks.
    """

    __tablename__ = "number_blocks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    committee_id: Mapped[str] = mapped_column(String(36), ForeignKey("committees.id"))
    year: Mapped[int] = mapped_column(Integer)
    first: Mapped[int] = mapped_column(Integer)
    last: Mapped[int] = mapped_column(Integer)
    next: Mapped[int] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(String(8), default="local")  # local / server
    __table_args__ = (Index("ix_number_blocks_lookup", "committee_id", "year", "first"),)


class ChangeLog(Base):
    """Local change log: one row per write of a syncable record, in local sequence order."""

    __tablename__ = "change_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36))
    rev: Mapped[int] = mapped_column(Integer)
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    __table_args__ = (Index("ix_change_log_record", "table_name", "record_id"),)


class AuditEvent(SyncMixin, Base):
    """审计记录: who viewed, exported or printed personal data (append-only, synced up).

    Changes themselves are traced by the records' revisions (owner, device, time) and the server's
    revision history; these events cover reading and taking data away. ``detail`` never holds
    personal data: kinds, counts and whether it was masked.
    """

    __tablename__ = "audit_events"
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(8))  # 查看 / 导出 / 打印 / 恢复 / 显示密钥
    target_kind: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[str | None] = mapped_column(String(36))
    region_code: Mapped[str] = mapped_column(String(12), index=True)
    detail: Mapped[str] = mapped_column(String(256), default="")


# --- exported report snapshots (报表快照; synced up to the township) -------------------------------


class ReportSnapshot(SyncMixin, Base):
    """报表快照: the figures of a report as exported (filed) for a period; a later export of the same
    form, region and period lists the differences as 更正.

    Synced (kind ``filed_reports``, migration 0017): its scope is its ``region_code``, so a
    village's filing reaches its township (and county, city) and a township's own filing is not
    sent down to its villages. A whole-store snapshot (no region: an installation not set up) has
    no scope to be filed under and stays local (written without a change-log entry).
    """

    __tablename__ = "filed_reports"
    form: Mapped[str] = mapped_column(String(32))  # monthly
    region_code: Mapped[str | None] = mapped_column(String(12))  # None = the whole store (local only)
    period: Mapped[str] = mapped_column(String(16))  # 2026-11 / 2026-Q4 / 2026
    exported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    exported_by: Mapped[str] = mapped_column(String(64), default="")
    figures: Mapped[dict[str, Any]] = mapped_column(JSON)
    __table_args__ = (Index("ix_filed_reports_lookup", "form", "region_code", "period", "exported_at"),)


class LocalReportSnapshot(Base):
    """The local snapshots of migration 0013, before they synced: copied into ``filed_reports`` by
    migration 0017 and no longer written (the table stays: an upgrade never drops rows)."""

    __tablename__ = "report_snapshots"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    form: Mapped[str] = mapped_column(String(32))
    region_code: Mapped[str] = mapped_column(String(12), default="")
    period: Mapped[str] = mapped_column(String(16))
    exported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    exported_by: Mapped[str] = mapped_column(String(64), default="")
    figures: Mapped[dict[str, Any]] = mapped_column(JSON)
    __table_args__ = (Index("ix_report_snapshots_lookup", "form", "region_code", "period", "id"),)


SYNCABLE: dict[str, type[SyncMixin]] = {
    cls.__tablename__: cls
    for cls in (
        Committee,
        Person,
        Case,
        CaseParty,
        MediationSession,
        Agreement,
        ReturnVisit,
        JudicialConfirmation,
        CaseFileTick,
        Screening,
        ZeroReport,
        Consultation,
        LegalLiterate,
        Training,
        Activity,
        ActivityParticipant,
        Rating,
        Attachment,
        AuditEvent,
        ReportSnapshot,
    )
}


# --- sync client bookkeeping (local only, never synced) ------------------------------------------


class SyncCursor(Base):
    """Where pulling stands (同步游标): the last server sequence applied, for one server and account."""

    __tablename__ = "sync_cursors"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)  # "changes"
    server: Mapped[str] = mapped_column(String(256), default="")  # url|account the cursor belongs to
    value: Mapped[int] = mapped_column(Integer, default=0)
    push_mark: Mapped[int] = mapped_column(Integer, default=0)  # change_log seq handled up to
    checked_at: Mapped[datetime | None] = mapped_column(DateTime)  # last integrity check that agreed


class SyncRecordState(Base):
    """Sync state of one record (同步状态): the revision the server holds and its last verdict."""

    __tablename__ = "sync_record_states"
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    server_rev: Mapped[int] = mapped_column(Integer, default=0)  # 0: the server has no version yet
    state: Mapped[str] = mapped_column(String(12), default="sent")  # sent / rejected / conflict
    pushed_rev: Mapped[int] = mapped_column(Integer, default=0)  # the revision the verdict is about
    reason: Mapped[str | None] = mapped_column(String(32))
    message: Mapped[str | None] = mapped_column(Text)
    field: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    __table_args__ = (Index("ix_sync_record_states_state", "state"),)


class SyncConflict(Base):
    """冲突: a losing version kept on this device until a person resolves it."""

    __tablename__ = "sync_conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    reason: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text, default="")
    mine: Mapped[dict[str, Any]] = mapped_column(JSON)
    mine_rev: Mapped[int] = mapped_column(Integer)
    theirs: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    theirs_rev: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)  # open / resolved
    resolution: Mapped[str | None] = mapped_column(String(16))  # mine / theirs / merged
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)


class SyncQuarantine(Base):
    """隔离: a pulled revision this device could not apply, set aside with the reason (local only).

    The rest of its page is applied and the cursor moves on; a later revision of the record that
    applies replaces it. The post-sync check counts the quarantined revision as held.
    """

    __tablename__ = "sync_quarantine"
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[int] = mapped_column(Integer)
    field: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    row: Mapped[str] = mapped_column(Text)  # the wire row as received (JSON), to apply after an upgrade
    quarantined_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# --- local users of a shared PC (本机用户; local only, never synced) ---------------------------------


class LocalUser(Base):
    """本机用户: a person signing in to this installation, limited to a role and some regions.

    ``region_codes`` are villages or townships (a township covers its villages). The password is
    kept only as an scrypt hash (``scrypt$n$r$p$salt$hash``). The first user made is the 管理员.
    """

    __tablename__ = "local_users"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    region_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    password_hash: Mapped[str] = mapped_column(String(256))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# --- form drafts (草稿; local only, never synced) ---------------------------------------------------


class Draft(Base):
    """草稿: what was typed into a form but not saved, kept in the (encrypted) store.

    One row per form (``key``, e.g. ``consultation-new``, ``case-<id>``), replaced every few seconds.
    """

    __tablename__ = "drafts"
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), default="")  # the form: consultation, case, member …
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    saved_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# --- list sort keys (local only, never synced; migration 0016) ---------------------------------------


class SortKey(Base):
    """Toneless pinyin of a record's name (张伟 → ``zhang wei``), so a list sorts Chinese names the
    way a clerk reads them with an indexed ORDER BY (``services.listing``); rebuilt when the name
    it was made from (``name``) no longer matches."""

    __tablename__ = "sort_keys"
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(128), default="")
    key: Mapped[str] = mapped_column(String(400), default="", index=True)
