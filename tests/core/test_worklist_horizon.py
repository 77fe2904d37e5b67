"""A horizon list answers for every day of its horizon exactly as the database does on that day.

The desktop's last view keeps ``worklist.horizon_list`` (not one day's list) so that the first start
of a new day still shows the 工作台 at once; this checks ``Horizon.as_of(d)`` against
``worklist.today_list(store, d)`` for random stores and random days of the horizon, with a small
``limit`` so that the cut of each list is exercised too.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor_app.domain.statuses import AgreementStatus, CaseStatus
from advisor_app.domain.worklist_days import Horizon
from advisor_app.services import worklist

VILLAGE = "610502100201"
START = date(2026, 3, 1)
HORIZON = 30
TABLES = ("judicial_confirmations", "return_visits", "agreements", "case_parties", "cases")

offsets = st.integers(min_value=-45, max_value=HORIZON + 10)
case_rows = st.lists(
    st.fixed_dictionaries(
        {
            "status": st.sampled_from(list(CaseStatus)),
            "due": offsets,
            "visits": st.lists(st.tuples(offsets, st.booleans()), max_size=2),
            "agreement": st.none()
            | st.tuples(
                st.sampled_from(list(AgreementStatus)),
                st.sampled_from(["书面", "口头"]),
                offsets,
                st.booleans(),  # confirmed (司法确认 applied for)
            ),
        }
    ),
    max_size=14,
)


def _fill(store, rows: list[dict]) -> None:
    from advisor_app.domain.models import Agreement, Case, CaseParty, JudicialConfirmation, ReturnVisit

    with store.engine.begin() as conn:
        for table in TABLES:
            conn.exec_driver_sql(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
    with store.session() as session:
        for n, row in enumerate(rows):
            # equal days on purpose: ties must be cut the same way by both answers
            case = Case(
                id=str(uuid.uuid4()),
                case_no=f"临桥（2026）第{n}号",
                committee_id=store.committee_id,
                region_code=VILLAGE,
                dispute_type="邻里",
                source="申请",
                summary="随机",
                status=row["status"],
                accepted_on=START - timedelta(days=40),
                due_on=START + timedelta(days=row["due"]),
            )
            session.add(case)
            session.flush()  # the case first: its rows below refer to it
            session.add(CaseParty(id=str(uuid.uuid4()), case_id=case.id, name=f"当事人{n}"))
            for due, visited in row["visits"]:
                session.add(
                    ReturnVisit(
                        id=str(uuid.uuid4()),
                        case_id=case.id,
                        due_on=START + timedelta(days=due),
                        visited_on=START if visited else None,
                    )
                )
            if row["agreement"] is not None:
                status, kind, signed, confirmed = row["agreement"]
                agreement = Agreement(
                    id=str(uuid.uuid4()),
                    case_id=case.id,
                    status=status,
                    kind=kind,
                    signed_on=START + timedelta(days=signed),
                )
                session.add(agreement)
                session.flush()
                if confirmed:
                    session.add(
                        JudicialConfirmation(
                            id=str(uuid.uuid4()), case_id=case.id, agreement_id=agreement.id, applied_on=START
                        )
                    )


@pytest.fixture
def horizon_store(seeded):
    return seeded


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=case_rows,
    limit=st.integers(min_value=1, max_value=4),
    days=st.lists(st.integers(min_value=0, max_value=HORIZON), min_size=1, max_size=4),
)
def test_as_of_equals_the_list_computed_on_that_day(horizon_store, rows, limit, days):
    store = horizon_store
    _fill(store, rows)
    horizon = worklist.horizon_list(store, START, days=HORIZON, limit=limit)
    kept = Horizon.from_data(horizon.to_data())  # what the last view file gives back
    # the days a line enters or leaves a list are the ones that matter: ask on those too
    edges = {r["due"] + shift for r in rows for shift in (-7, -1, 0, 1, 30)}
    edges |= {r["agreement"][2] + 30 + shift for r in rows if r["agreement"] for shift in (0, 1)}
    for offset in sorted(set(days) | {e for e in edges if 0 <= e <= HORIZON}):
        day = START + timedelta(days=offset)
        expected = worklist.today_list(store, day, limit=limit)
        assert horizon.as_of(day) == expected
        assert kept.as_of(day) == expected


def test_the_horizon_refuses_a_day_outside_it(seeded):
    horizon = worklist.horizon_list(seeded, START, days=HORIZON)
    assert horizon.covers(START + timedelta(days=HORIZON))
    assert not horizon.covers(START + timedelta(days=HORIZON + 1))
    with pytest.raises(ValueError):
        horizon.as_of(START - timedelta(days=1))


def test_an_item_is_listed_on_the_right_days(seeded):
    """A case due on day 10 is overdue from day 11 on, with its days counted from the day asked."""
    _fill(seeded, [{"status": CaseStatus.MEDIATING, "due": 10, "visits": [], "agreement": None}])
    horizon = worklist.horizon_list(seeded, START, days=HORIZON)
    assert horizon.as_of(START + timedelta(days=10)).overdue_cases == []
    late = horizon.as_of(START + timedelta(days=13)).overdue_cases
    assert [i.days for i in late] == [-3]
