"""The kinds of records, named once: table / sync kind, the singular the services and ratings use,
the name of the import/export (``advisor export roster``), the Chinese name, and the model.

Plain data: the model is looked up (``models.SYNCABLE``) when first asked for, so naming kinds
(``advisor search``'s hits, the CLI's choices) does not load the ORM's mapping of the models.

Before this module the spellings were mapped in several places (the CLI's ``KIND_NAMES``, io's
``KINDS``, the desktop's export hooks and conflict list); they now ask here, and
``tests/core/test_record_kinds.py`` fails when a new map between spellings appears elsewhere.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from advisor_app.domain.models import SyncMixin


class RecordKind(StrEnum):
    """A record kind by its table name, which is also its sync kind."""

    COMMITTEES = "committees"
    PERSONS = "persons"
    CASES = "cases"
    CASE_PARTIES = "case_parties"
    MEDIATION_SESSIONS = "mediation_sessions"
    AGREEMENTS = "agreements"
    RETURN_VISITS = "return_visits"
    JUDICIAL_CONFIRMATIONS = "judicial_confirmations"
    CONSULTATIONS = "consultations"
    LEGAL_LITERATES = "legal_literates"
    ACTIVITIES = "activities"
    RATINGS = "ratings"
    ATTACHMENTS = "attachments"
    SCREENINGS = "screenings"
    ZERO_REPORTS = "zero_reports"
    TRAININGS = "trainings"
    ACTIVITY_PARTICIPANTS = "activity_participants"
    AUDIT_EVENTS = "audit_events"
    CASE_FILE_TICKS = "case_file_ticks"
    FILED_REPORTS = "filed_reports"


@dataclass(frozen=True)
class KindInfo:
    kind: RecordKind
    name: str  # Chinese name shown to people
    singular: str | None = None  # ratings' target_kind, search hits, the desktop's hooks
    export: str | None = None  # the name of its spreadsheet import/export (advisor_app.io)
    service: str | None = None  # the service a 评价 rates, as the rating card names it
    short: str | None = None  # the kind of a hit in `advisor search`

    @property
    def model(self) -> type[SyncMixin]:
        """The mapped model (its table is the kind); imports the models on first use."""
        from advisor_app.domain.models import SYNCABLE

        return SYNCABLE[self.kind]


K = RecordKind
REGISTRY: dict[RecordKind, KindInfo] = {
    info.kind: info
    for info in (  # the exports in the order the CLI offers them: consultations, cases, roster, activities
        KindInfo(
            K.CONSULTATIONS,
            "法律咨询",
            singular="consultation",
            export="consultations",
            service="法律咨询",
            short="咨询",
        ),
        KindInfo(K.COMMITTEES, "调委会"),
        KindInfo(K.PERSONS, "服务对象"),
        KindInfo(
            K.CASES,
            "纠纷案件",
            singular="case",
            export="cases",
            service="纠纷调解",
            short="案件",
        ),
        KindInfo(K.CASE_PARTIES, "当事人"),
        KindInfo(K.MEDIATION_SESSIONS, "调解记录"),
        KindInfo(K.AGREEMENTS, "调解协议", singular="agreement"),
        KindInfo(K.RETURN_VISITS, "回访记录"),
        KindInfo(K.JUDICIAL_CONFIRMATIONS, "司法确认"),
        KindInfo(K.LEGAL_LITERATES, "法律明白人", singular="legal_literate", export="roster"),
        KindInfo(
            K.ACTIVITIES,
            "普法活动",
            singular="activity",
            export="activities",
            service="普法宣传活动",
        ),
        KindInfo(K.RATINGS, "满意度评价"),
        KindInfo(K.ATTACHMENTS, "附件"),
        KindInfo(K.SCREENINGS, "矛盾纠纷排查"),
        KindInfo(K.ZERO_REPORTS, "零上报"),
        KindInfo(K.TRAININGS, "培训记录"),
        KindInfo(K.ACTIVITY_PARTICIPANTS, "活动参与"),
        KindInfo(K.AUDIT_EVENTS, "审计记录"),
        KindInfo(K.CASE_FILE_TICKS, "卷宗材料"),
        KindInfo(K.FILED_REPORTS, "报表快照"),
    )
}

# The spreadsheet import/export names.
EXPORTS: tuple[str, ...] = tuple(i.export for i in REGISTRY.values() if i.export)


def name_of(kind: str) -> str:
    """The Chinese name of a kind given by table name, singular or export name (else the text itself)."""
    info = find(kind)
    return info.name if info else kind


def find(spelling: str) -> KindInfo | None:
    """The kind whatever the spelling: table / sync kind, singular, or export name."""
    for info in REGISTRY.values():
        if spelling in (info.kind, info.singular, info.export):
            return info
    return None


def info_of(spelling: str) -> KindInfo:
    """:func:`find` for a kind the caller names in code (KeyError for no kind)."""
    info = find(spelling)
    if info is None:
        raise KeyError(spelling)
    return info


def export_of(singular: str) -> str:
    """The export name of a kind given by its singular (``legal_literate`` → ``roster``)."""
    info = find(singular)
    if info is None or info.export is None:
        raise KeyError(singular)
    return info.export


# The documents printed from a case (services.printing, ``advisor print``): named here, in plain
# data, so the CLI offers them without loading the printing (reportlab, the ORM's models).
DOCUMENT_KINDS: tuple[str, ...] = (
    "agreement",
    "application",
    "registration",
    "notice",
    "record",
    "oral",
    "visit",
    "confirmation",
    "closing",
    "file",
)


def new_id() -> str:
    """A new record's id: a random UUID as text (every synced kind)."""
    return str(uuid.uuid4())
