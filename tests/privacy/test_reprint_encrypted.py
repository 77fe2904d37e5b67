"""A signed agreement reprints from its kept, encrypted copy: the same bytes as signed."""

from __future__ import annotations

import hashlib
import secrets

from advisor_app.domain.clock import china_now, china_today
from advisor_app.domain.models import Region
from advisor_app.services import attachments, cases, committees, printing, regions
from advisor_app.store import open_store

VILLAGE, TOWNSHIP = "610502100201", "610502100000"


def test_signed_agreement_reprints_identically_from_an_encrypted_blob(tmp_path, monkeypatch):
    monkeypatch.setenv("ADVISOR_DB_KEY", secrets.token_hex(32))
    store = open_store(tmp_path)
    try:
        assert store.key is not None
        regions.load_csv(store)
        with store.session() as session:
            session.add(
                Region(code=VILLAGE, name="桥南村", level="village", parent_code=TOWNSHIP, source="测试")
            )
        committee = committees.create(
            store,
            {"name": "桥南镇人民调解委员会", "short_name": "临桥", "kind": "乡镇", "region_code": TOWNSHIP},
        )
        case = cases.register(
            store,
            {
                "committee_id": committee.id,
                "region_code": VILLAGE,
                "dispute_type": "邻里",
                "source": "当事人申请",
                "summary": "排水沟纠纷",
                "parties": [{"name": "甲某", "role": "申请人"}, {"name": "乙某", "role": "被申请人"}],
            },
        )
        cases.add_session(store, case.id, {"held_at": f"{china_now():%Y-%m-%d %H:%M}"})
        draft = cases.save_agreement(
            store, case.id, {"facts": "排水沟堵塞", "terms": ["乙某疏通排水沟"], "performance": "当面履行"}
        )
        signed = printing.sign_and_print(store, draft.id, china_today())
        sha = hashlib.sha256(signed).hexdigest()
        assert signed not in attachments.blob_path(store, sha).read_bytes(), (
            "the kept copy is encrypted on disk"
        )

        def no_rendering(*_args, **_kwargs):  # the kept copy must serve, not a fresh rendering
            raise AssertionError("rendered again instead of reading the kept copy")

        monkeypatch.setattr(printing, "render_agreement", no_rendering)
        assert printing.reprint(store, draft.id) == signed
    finally:
        store.close()
