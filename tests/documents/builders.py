"""Test data: a mediation case built with the services (real store, fixed dates)."""

from __future__ import annotations

from datetime import date, datetime

VILLAGE = "610502100201"

PARTIES = [
    {
        "role": "申请人",
        "name": "张建国",
        "gender": "男",
        "ethnicity": "汉族",
        "birth_date": date(1970, 5, 1),
        "occupation": "农民",
        "phone": "13912345678",
        "address": "陕西省渭南市临渭区桥南镇桥南村三组 12 号",
    },
    {
        "role": "被申请人",
        "name": "李秀兰",
        "gender": "女",
        "ethnicity": "回族",
        "birth_date": date(1982, 11, 23),
        "occupation": "个体工商户",
        "phone": "13812345678",
        "address": "陕西省渭南市临渭区桥南镇桥南村五组 3 号",
    },
]
TERMS = [
    "被申请人李秀兰于 2025 年 4 月 1 日前自行拆除越界修建的围墙约 2 米，恢复原宅基地边界。",
    "被申请人李秀兰一次性补偿申请人张建国损失人民币 12000 元，于 2025 年 3 月 20 日前当面付清。",
    "双方今后和睦相处，就本纠纷不再向对方主张其他权利。",
]


def make_case(store, *, parties=None, terms=None, facts=None):  # noqa: ANN001, ANN201
    from advisor_app.services import cases

    case = cases.register(
        store,
        {
            "committee_id": store.committee_id,
            "region_code": VILLAGE,
            "dispute_type": "房屋宅基地",
            "source": "当事人申请",
            "summary": "双方系前后院邻居，因被申请人翻建院墙越过宅基地边界约 2 米发生争执。",
            "accepted_on": date(2025, 3, 1),
            "mediator": "王调解",
            "recorder": "赵记录",
            "parties": parties or PARTIES,
        },
    )
    cases.give_notice(store, case.id, date(2025, 3, 1))
    cases.add_session(
        store,
        case.id,
        {
            "held_at": datetime(2025, 3, 5, 9, 30),
            "place": "桥南镇人民调解委员会调解室",
            "participants": "王调解、赵记录、村委会主任孙某",
            "statements": "申请人称：被申请人翻建院墙时越界约 2 米。\n被申请人称：院墙按老墙基修建，愿意协商。",
            "facts": "经现场测量，院墙越界 1.9 米。",
            "result": "双方达成协议。",
        },
    )
    agreement = cases.save_agreement(
        store,
        case.id,
        {
            "facts": facts or "双方因宅基地边界发生争议。经现场测量，被申请人翻建的院墙越过边界 1.9 米。",
            "terms": terms or TERMS,
            "performance": "拆除围墙由被申请人自行完成；补偿款当面以现金支付，申请人出具收条。",
            "performance_deadline": date(2025, 4, 1),
            "amount_yuan": "12000",
        },
    )
    return case, agreement
