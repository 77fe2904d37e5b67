"""A “纸质材料已归卷” tick is part of the case: it travels to the city server and to the township's
other device with who and when, and so does its withdrawal (local migration 0011, kind case_file_ticks)."""

from __future__ import annotations

import json

from sqlalchemy import select

from advisor_app.services import case_file, cases
from sync.server.db import Record

from .conftest import V4


def _case(store, committee_id: str) -> str:
    case = cases.register(
        store,
        {
            "committee_id": committee_id,
            "region_code": V4,
            "dispute_type": "邻里",
            "source": "当事人申请",
            "summary": "院墙滴水纠纷",
            "mediator": "adv4",
            "parties": [{"role": "申请人", "name": "张桂兰"}, {"role": "被申请人", "name": "李建国"}],
        },
    )
    return case.id


def _item(store, case_id: str, name: str):
    return next(i for i in cases.checklist(store, case_id) if i.name == name)


def test_a_paper_tick_travels_with_its_case(server, device):
    mediator = device("mediator", server.url, "adv4")
    mediator.client.sync()  # the township's committee arrives
    case_id = _case(mediator.store, server.committee_id)
    tick = case_file.set_tick(mediator.store, case_id, "封底", True, by="调解员甲")
    assert mediator.client.sync().rejected == 0

    with server.engine.connect() as conn:
        row = conn.execute(select(Record.payload, Record.parent_id).where(Record.id == tick.id)).one()
    assert row.parent_id == case_id and json.loads(row.payload)["ticked_by"] == "调解员甲"

    township = device("township", server.url, "tw1")
    township.client.sync()
    seen = _item(township.store, case_id, "封底")
    assert seen.present and seen.how.startswith("纸质材料已归卷（调解员甲，")

    case_file.set_tick(mediator.store, case_id, "封底", False)
    mediator.client.sync()
    township.client.sync()
    assert not _item(township.store, case_id, "封底").present
