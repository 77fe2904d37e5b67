"""保存期限: stripping past the period keeps every report figure and removes the people."""

import dataclasses
import json
from datetime import date, datetime

from sqlalchemy import select, update

from advisor_app.domain.models import (
    Agreement,
    Attachment,
    Case,
    CaseParty,
    Consultation,
    MediationSession,
    Person,
    Rating,
)
from advisor_app.reports import service
from advisor_app.services import attachments, cases, consultations, retention
from tests.reports.reports_dataset import AS_OF, TOWNSHIP, V1

LATER = date(2040, 1, 1)  # every record of the data set is past its period by then


def _figures(store, period):
    """All figures of the township, a village and all regions; the texts of comments left out
    (free text is what stripping replaces), their number and place kept."""

    def bad(details):
        # figures.Satisfaction keeps bad ratings as raw rows (id, kind, target, grade, day, comment, …)
        return [[*row[:5], bool(row[5]), *row[6:]] for chunk in details for row in json.loads(chunk)]

    def plain(value):
        if dataclasses.is_dataclass(value):
            value = dataclasses.asdict(value)
        if isinstance(value, dict):
            return {
                k: bad(v) if k == "bad_details" else plain(v)
                for k, v in value.items()
                if k not in ("comment", "follow_up_note")
            }
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        return value

    return [plain(service.compute(store, region, period, AS_OF)) for region in (TOWNSHIP, V1, None)]


def _archive_all(store):
    """Finish the data set: closed cases archived, every consultation done (as years later)."""
    with store.session() as session:
        session.execute(
            update(Case)
            .where(Case.closed_on.is_not(None) | (Case.status == "调解不成"))
            .values(status="归档", archived_on=date(2026, 11, 1))
        )
        session.execute(update(Consultation).values(status="已办结"))


def _with_personal_data(store):
    ids = store.ids
    person_case = cases.update(
        store,
        ids.c1,
        {
            "parties": [
                {
                    "role": "申请人",
                    "name": "赵大山",
                    "id_number": "11010519491231002X",
                    "phone": "13800138000",
                    "address": "桥南村三组",
                    "tags": ["老年人"],
                },
                {"role": "被申请人", "name": "钱二河", "phone": "13900139000"},
            ]
        },
    )
    scan = attachments.add_bytes(
        store,
        b"%PDF signed scan with fingerprints",
        "签字.pdf",
        "agreement",
        cases.agreements(store, ids.c1)[-1].id,
        "协议书扫描件",
    )
    proof = attachments.add_bytes(store, b"id card copy", "身份证.jpg", "case", ids.c1, "身份证明")
    k = consultations.update(store, ids.k1, {"person_name": "孙小妹", "answer": "建议找孙小妹的老板协商"})
    return person_case, scan, proof, k


def test_figures_identical_before_and_after_stripping(dataset, october):
    store = dataset
    _, scan, proof, _ = _with_personal_data(store)
    _archive_all(store)
    before = _figures(store, october)

    dry = retention.apply(store, LATER, dry_run=True)
    assert dry.due["cases"] >= 2 and dry.due["consultations"] >= 3 and not dry.stripped
    assert _figures(store, october) == before

    outcome = retention.apply(store, LATER)
    assert outcome.stripped == dry.due
    assert _figures(store, october) == before

    with store.session() as session:
        parties = session.scalars(select(CaseParty).where(CaseParty.case_id == store.ids.c1)).all()
        live = sorted((p for p in parties if not p.deleted), key=lambda p: p.position)
        assert [p.name for p in live] == ["当事人甲", "当事人乙"]
        assert all(p.id_number is None and p.phone is None and p.address is None for p in live)
        assert live[0].tags == ["老年人"]  # the priority group still counts
        case = session.get(Case, store.ids.c1)
        assert case.summary == retention.PLACEHOLDER and case.dispute_type == "邻里"
        assert all(
            s.statements in (None, retention.PLACEHOLDER)
            for s in session.scalars(select(MediationSession).where(MediationSession.case_id == case.id))
        )
        k1 = session.get(Consultation, store.ids.k1)
        assert k1.person_name == "咨询人" and k1.answer == retention.PLACEHOLDER and k1.tags == ["农民工"]
        assert all(r.comment in (None, retention.PLACEHOLDER) for r in session.scalars(select(Rating)))
        for attachment in (scan, proof):
            assert session.get(Attachment, attachment.id).deleted
        # The signed agreement is stripped too (the one change the server accepts on it), its figures kept.
        signed = session.scalars(
            select(Agreement).where(Agreement.case_id == case.id, Agreement.status == "已签署")
        ).one()
        assert signed.facts == retention.PLACEHOLDER and outcome.signed_agreements_stripped >= 1
        assert "parties" not in signed.frozen_data and signed.frozen_data["retention_stripped"] is True
        assert not session.scalars(
            select(Person).where(Person.deleted.is_(False), Person.name == "赵大山")
        ).all()
    for attachment in (scan, proof):
        assert not attachments.blob_path(store, attachment.sha256).exists()
    assert outcome.files_deleted == 2

    again = retention.apply(store, LATER)
    assert sum(again.stripped.values()) == 0, "a stripped record is not stripped twice"


def test_search_no_longer_finds_stripped_names(dataset):
    from advisor_app.services import listing

    store = dataset
    _with_personal_data(store)
    _archive_all(store)
    assert listing.ids(store, "case", listing.Filters(text="赵大山")) == [store.ids.c1]
    retention.apply(store, LATER)
    assert listing.ids(store, "case", listing.Filters(text="赵大山")) == []
    assert listing.ids(store, "consultation", listing.Filters(text="孙小妹")) == []


def test_only_records_past_the_period_are_stripped(dataset):
    store = dataset
    _archive_all(store)
    retention.set_years(store, "cases", 10)
    assert retention.apply(store, date(2036, 10, 31), dry_run=True).due["cases"] == 0
    assert retention.apply(store, date(2036, 11, 2), dry_run=True).due["cases"] > 0
    retention.set_years(store, "consultations", 5)
    status = retention.status(store, datetime(2031, 10, 13).date())
    # k2 (2026-10-12) and older are due; k3 (2026-10-20) is not yet
    assert status["consultations"]["due"] >= 1
    with store.session() as session:
        k3 = session.get(Consultation, store.ids.k3)
    retention.apply(store, date(2031, 10, 13))
    assert consultations.get(store, k3.id).question == k3.question


def test_stripping_syncs_up_as_ordinary_edits(dataset):
    from advisor_app.domain.models import ChangeLog

    store = dataset
    _archive_all(store)
    with store.session() as session:
        before = session.scalar(select(ChangeLog.seq).order_by(ChangeLog.seq.desc()).limit(1))
    retention.apply(store, LATER)
    with store.session() as session:
        logged = {
            (c.table_name, c.record_id)
            for c in session.scalars(select(ChangeLog).where(ChangeLog.seq > before))
        }
    assert ("cases", store.ids.c1) in logged and ("consultations", store.ids.k1) in logged


def test_records_of_another_account_are_left_to_their_owner(dataset):
    store = dataset
    _archive_all(store)
    store.synced = True
    with store.session() as session:
        session.execute(update(Case).where(Case.id == store.ids.c1).values(owner="village-adviser"))
    outcome = retention.apply(store, LATER)
    assert outcome.skipped_not_owner["cases"] == 1
    assert cases.get(store, store.ids.c1).summary != retention.PLACEHOLDER


def test_periods_are_settings_with_checked_values(store):
    import pytest

    from advisor_app.domain.validation import ValidationError

    assert retention.years(store, "cases") == 10 and retention.years(store, "consultations") == 5
    retention.set_years(store, "cases", 12)
    assert retention.years(store, "cases") == 12
    with pytest.raises(ValidationError) as err:
        retention.set_years(store, "cases", 0)
    assert "保存期限" in err.value.errors["years"]
