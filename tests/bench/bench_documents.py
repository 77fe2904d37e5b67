"""Documents: one agreement after the first (< 200 ms wall, < 30 ms CPU), a 受理登记表, a whole case file (< 1 s),
100 agreements."""

from __future__ import annotations

import statistics
import time
from datetime import date
from pathlib import Path

from tests.bench import Row


def _setup(workdir: Path):  # noqa: ANN202
    from advisor_app.domain.models import Region
    from advisor_app.services import cases, committees, regions
    from advisor_app.store import open_store

    store = open_store(workdir / "data")
    regions.load_csv(store)
    with store.session() as session:
        session.add(
            Region(
                code="610502100201",
                name="桥南村",
                level="village",
                parent_code="610502100000",
                source="演示数据（虚构）",
            )
        )
    committee = committees.create(
        store,
        {"name": "桥南镇人民调解委员会", "short_name": "临桥", "kind": "乡镇", "region_code": "610502100000"},
    )
    parties = [
        {
            "role": "申请人",
            "name": "张建国",
            "gender": "男",
            "ethnicity": "汉族",
            "birth_date": date(1970, 5, 1),
            "occupation": "农民",
            "phone": "13912345678",
            "address": "桥南镇桥南村三组",
        },
        {
            "role": "被申请人",
            "name": "李秀兰",
            "gender": "女",
            "ethnicity": "回族",
            "birth_date": date(1982, 1, 3),
            "occupation": "个体工商户",
            "phone": "13812345678",
            "address": "桥南镇桥南村五组",
        },
    ]
    agreements = []
    for n in range(100):
        case = cases.register(
            store,
            {
                "committee_id": committee.id,
                "region_code": "610502100201",
                "dispute_type": "房屋宅基地",
                "summary": f"宅基地边界争议 {n}",
                "accepted_on": date(2025, 3, 1),
                "mediator": "王调解",
                "recorder": "赵记录",
                "parties": parties,
            },
        )
        cases.add_session(
            store,
            case.id,
            {
                "held_at": "2025-03-05 09:30",
                "place": "调解室",
                "statements": "双方陈述。",
                "facts": "越界 1.9 米。",
                "result": "达成协议。",
            },
        )
        agreement = cases.save_agreement(
            store,
            case.id,
            {
                "facts": "双方因宅基地边界发生争议。" * 5,
                "terms": [
                    f"被申请人于 2025 年 4 月 1 日前拆除越界围墙，补偿 {n + 1000} 元。",
                    "双方互不追究。",
                ],
                "performance": "当面履行。",
                "performance_deadline": date(2025, 4, 1),
                "amount_yuan": n + 1000,
            },
        )
        agreements.append((case.id, agreement.id))
    return store, agreements


def run(workdir: Path) -> list[Row]:
    from advisor_app.services import printing

    store, agreements = _setup(workdir)
    started = time.perf_counter()
    printing.agreement_pdf(store, agreements[0][1])  # fonts are loaded and registered here
    first = time.perf_counter() - started
    samples = []
    for _, agreement_id in agreements[1:21]:
        started = time.perf_counter()
        printing.agreement_pdf(store, agreement_id)
        samples.append(time.perf_counter() - started)
    cpu = []  # CPU time too: on a shared machine the wall clock measures the neighbours as well
    for _, agreement_id in agreements[21:41]:
        started = time.process_time()
        printing.agreement_pdf(store, agreement_id)
        cpu.append(time.process_time() - started)
    form_samples = []
    for case_id, _ in agreements[41:61]:
        started = time.perf_counter()
        printing.case_document(store, "registration", case_id)
        form_samples.append(time.perf_counter() - started)
    case_id, agreement_id = agreements[0]
    printing.sign_and_print(store, agreement_id, date(2025, 3, 10))
    file_samples = []
    for _ in range(5):
        started = time.perf_counter()
        printing.case_document(store, "file", case_id)
        file_samples.append(time.perf_counter() - started)
    started = time.perf_counter()
    total = sum(len(printing.agreement_pdf(store, a)) for _, a in agreements)
    batch = time.perf_counter() - started
    store.close()
    return [
        Row("first agreement PDF (fonts loaded)", first * 1000, "ms"),
        Row(
            "one agreement PDF after the first (median of 20)",
            statistics.median(samples) * 1000,
            "ms",
            "< 200 ms",
        ),
        Row("one agreement PDF after the first, CPU time (min of 20)", min(cpu) * 1000, "ms", "< 30 ms"),
        Row("受理登记表 PDF (median of 20)", statistics.median(form_samples) * 1000, "ms", "< 200 ms"),
        Row(
            "whole case file PDF, signed agreement (median of 5)",
            statistics.median(file_samples) * 1000,
            "ms",
            "< 1000 ms",
        ),
        Row(f"100 agreements in a batch ({total // 1024} KB)", batch, "s"),
    ]
