"""A pull's pages are the scope's changes in sequence order, none left out, none twice, whatever
the page size, the cursor and the kinds asked for (issue 17: on PostgreSQL a page's keys are a
merge of one ``(scope, seq)`` index range per region code changed since the cursor, so a page
costs what it brings; this checks the merge against the plain filter)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sync.server.changes import repository
from sync.server.db import Record
from sync.server.regions.scope import Scope

from .conftest import TOWNSHIP, USERS, VILLAGE, VILLAGE_2, VILLAGE_3
from .helpers import batch, consultation, push

V2 = {"X-Advisor-Protocol": "2"}


def _expected(server, user: str, after: int, kinds: list[str] | None) -> list[tuple[int, str, str]]:  # noqa: ANN001
    """(seq, kind, id) of every stored record the account reads after the cursor, by seq."""
    role, regions = USERS[user]
    scope = Scope(everything=True) if role == "city" else Scope.of_regions(regions)
    with server.engine.connect() as conn:
        rows = conn.execute(
            select(Record.seq, Record.kind, Record.id, Record.scope)
            .where(Record.seq > after)
            .order_by(Record.seq)
        ).all()
    return [
        (seq, kind, rid)
        for seq, kind, rid, code in rows
        if scope.can_read(kind, code) and (kinds is None or kind in kinds)
    ]


def _pages(
    server, user: str, after: int, limit: int, kinds: list[str] | None
) -> list[tuple[set, int, int, bool]]:  # noqa: ANN001
    """Each page of the pull: its (kind, id) set, rows left out as unreadable (rows other tests
    plant), its cursor, whether more follows."""
    client = server.client(user)
    client.headers.update(V2)
    out = []
    while True:
        params: dict = {"after": after, "limit": limit}
        if kinds:
            params["kinds"] = ",".join(kinds)
        reply = client.get("/v1/changes", params=params)
        assert reply.status_code == 200, reply.text
        page = reply.json()
        got = {(kind, row[0]) for kind, block in page["changes"].items() for row in block["rows"]}
        assert len(got) == page["count"]
        out.append((got, page["skipped"], page["cursor"], page["more"]))
        after = page["cursor"]
        if not page["more"]:
            return out


@pytest.mark.parametrize("branches", [repository.BRANCHES, 1], ids=["one statement", "a statement per code"])
def test_pages_follow_the_sequence_across_villages_townships_and_committees_above(
    server, monkeypatch, branches
):
    # A scope with more codes than BRANCHES is read in several statements, merged here (PostgreSQL).
    monkeypatch.setattr(repository, "BRANCHES", branches)
    # Interleaved over the sequence: two villages of one township, the township's own code, and
    # a village of another township; the committee (the township's, seeded) is read from above.
    writers = [("adv1", VILLAGE), ("adv2", VILLAGE_2), ("tw1", TOWNSHIP), ("med3", VILLAGE_3)]
    for turn in range(4):
        for user, code in writers:
            recs = [consultation(code) for _ in range(2 + turn)]
            assert push(server.client(user), batch(consultations=recs)).json()["accepted"] == len(recs)

    committee = ("committees", server.committee_id)
    assert committee in {(k, i) for _s, k, i in _expected(server, "adv1", 0, ["committees"])}
    for user in ("adv1", "tw1", "tw2", "city"):
        for kinds in (None, ["consultations"], ["committees"]):
            full = _expected(server, user, 0, kinds)
            if kinds is None and user != "tw2":
                assert committee in {(k, i) for _s, k, i in full}, user  # from above, or its own
            # From the start, and from a cursor in the middle of the account's history.
            for after in (0, full[len(full) // 2][0] if full else 0):
                expected = [r for r in full if r[0] > after]
                for limit in (3, 7, 1000):
                    pages = _pages(server, user, after, limit, kinds)
                    chunks = [expected[i : i + limit] for i in range(0, len(expected), limit)] or [[]]
                    assert len(pages) == len(chunks), (user, kinds, after, limit)
                    for (got, skipped, cursor, more), chunk in zip(pages, chunks, strict=True):
                        assert got <= {(k, i) for _s, k, i in chunk}, (user, kinds, after, limit)
                        assert len(got) + skipped == len(chunk), (user, kinds, after, limit)
                        if more:
                            assert cursor == chunk[-1][0]
