"""Reports limited to the signed-in local user's regions (本机用户): figures, drill-downs, exports,
hot topics, the CLI (ADVISOR_USER) and the 统计 page's region selector."""

from __future__ import annotations

import pytest
from reports_dataset import OTHER, TOWNSHIP, V1, V2, V3

from advisor_app.domain.validation import ValidationError
from advisor_app.reports import forms, hot_topics, service
from advisor_app.services import users

PASSWORD = "correct-horse-1"


@pytest.fixture
def office(dataset, october):
    """The township's 所长 (first user, 管理员) signed in; an adviser for two villages exists."""
    users.create_user(dataset, "所长", PASSWORD, "司法所", [TOWNSHIP])
    users.create_user(dataset, "顾问", PASSWORD, "村法律顾问", [V1, V3])
    yield dataset
    users.sign_out(dataset)


def test_without_local_users_nothing_changes(dataset, october):
    assert service.compute(dataset, None, october).total.accepted == 5  # 桥南镇 4 + 庄里镇 1


def test_the_township_user_sees_the_township_only(office, october):
    figs = service.compute(office, None, october)  # no region asked: the user's own township
    assert figs.region_code == TOWNSHIP and figs.total.accepted == 4
    assert service.dashboard(office, None, october).figures.total.accepted == 4
    assert service.compute(office, V1, october).total.accepted == 2  # a village inside it is fine
    for ask in (OTHER, "610502000000", "610500000000"):  # another township's village, the county, the city
        with pytest.raises(ValidationError) as err:
            service.compute(office, ask, october)
        assert "不在您" in err.value.errors["region"]
    with pytest.raises(ValidationError):
        service.records(office, OTHER, october, "mediation", "accepted")
    kind, ids = service.records(office, None, october, "mediation", "accepted")
    assert kind == "cases" and len(ids) == 4


def test_an_adviser_for_two_villages_chooses_one_and_never_sees_the_rest(office, october):
    users.sign_in(office, "顾问", PASSWORD)
    with pytest.raises(ValidationError) as err:
        service.compute(office, None, october)  # two villages: no single report covers just them
    assert V1 in err.value.errors["region"] and V3 in err.value.errors["region"]
    assert service.compute(office, V1, october).total.accepted == 2
    for call in (
        lambda: service.compute(office, TOWNSHIP, october),
        lambda: service.compute(office, V2, october),
        lambda: forms.monthly(office, TOWNSHIP, october),
        lambda: forms.ledger(office, V2, october),
        lambda: forms.ledger_rows(office, TOWNSHIP, october),
        lambda: forms.roster(office, TOWNSHIP),
        lambda: forms.roster(office),
        lambda: hot_topics.detect(office, TOWNSHIP, october),
    ):
        with pytest.raises(ValidationError):
            call()
    rows = forms.ledger_rows(office, V1, october)
    assert rows and all(row[6] == "桥南村" for row in rows if row[6])


def test_nobody_signed_in_sees_nothing(office, october):
    users.sign_out(office)
    with pytest.raises(ValidationError) as err:
        service.compute(office, TOWNSHIP, october)
    assert "登录" in err.value.errors["region"]


def test_cli_report_honours_advisor_user(office, tmp_path, monkeypatch, capsys):
    from advisor_app.cli.main import main

    users.sign_out(office)
    office.engine.dispose()
    data = str(office.data_dir)
    monkeypatch.delenv("ADVISOR_USER", raising=False)
    assert (
        main(["--data-dir", data, "report", "monthly", "--month", "2026-10", "-o", str(tmp_path / "a.xlsx")])
        != 0
    )
    assert "登录" in capsys.readouterr().err
    monkeypatch.setenv("ADVISOR_USER", "顾问")
    monkeypatch.setenv("ADVISOR_USER_PASSWORD", PASSWORD)
    out = str(tmp_path / "b.xlsx")
    assert (
        main(["--data-dir", data, "report", "monthly", "--month", "2026-10", "--region", TOWNSHIP, "-o", out])
        != 0
    )
    assert "不在您" in capsys.readouterr().err
    assert (
        main(["--data-dir", data, "report", "ledger", "--month", "2026-10", "--region", V1, "-o", out]) == 0
    )
    assert "已导出" in capsys.readouterr().out


@pytest.mark.gui
def test_dashboard_offers_only_the_users_regions(office, october, qtbot):
    from ui.dashboard import DashboardView

    users.sign_in(office, "顾问", PASSWORD)
    view = DashboardView(office)
    qtbot.addWidget(view)
    codes = [view.region_box.itemData(i) for i in range(view.region_box.count())]
    assert codes == [V1, V3]  # no 全部地区, no township, no other village
    view.set_scope(V1, "2026-10")
    assert view.cards["accepted"].value == 2
    view.set_scope(None, "2026-10")  # falls back to the first allowed region, never to everything
    assert view.region() == V1 and view.cards["accepted"].value == 2

    users.sign_in(office, "所长", PASSWORD)  # another user at the same PC: the choices follow
    view.refresh()
    codes = [view.region_box.itemData(i) for i in range(view.region_box.count())]
    assert codes[0] == TOWNSHIP and OTHER not in codes and None not in codes
    assert set(codes) >= {V1, V2, V3}
