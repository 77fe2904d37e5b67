"""Plain document data (the shape of documents/collect.py) for layout tests that need no store.

``filled(limit)`` is realistic Chinese text of exactly ``limit`` characters: punctuation of every
kind, phone numbers, dates, amounts and case numbers, so line breaking meets them everywhere.
"""

from __future__ import annotations

import copy
import hashlib
from typing import Any

CASE_NO = "（2025）临桥调字第 12 号"
LANDLINE = "0913-2345678"
MOBILE = "13912345678"
ID_NUMBER = "610502197005011234"
# Names with one character from each CJK extension the free fonts have (issue 13 §2).
RARE_NAMES = {
    "B": "𠮷祥",  # U+20BB7
    "A": "王䶮",  # U+4DAE
    "C": "李\U0002a700",
    "D": "赵\U0002b740",
    "E": "钱\U0002b820",
    "F": "孙\U0002ceb0",
    "G": "周\U00030000",
}

SENTENCE = (
    "申请人于2025年3月10日（星期一）称：“被申请人翻建院墙越界约2米，"
    f"联系电话{LANDLINE}、{MOBILE}，身份证号{ID_NUMBER}。”经核实，"
    f"《{CASE_NO}》所涉补偿款人民币12,000.00元（大写：人民币壹万贰仟元整）；"
    "双方同意……再议——今后和睦相处！是否同意？同意。"
)


# Short fields in narrow cells (names, places, addresses) hold what such fields hold.
PLACE = f"陕西省渭南市临渭区桥南镇桥南村三组12号院（电话{LANDLINE}），2025年3月10日起暂住；"


def end_marker(seed: str) -> str:
    """The end of a :func:`filled` text: ASCII only, so no line break can fall inside it and it fits a cell."""
    return f"[E{hashlib.sha1(seed.encode()).hexdigest()[:6]}]"


def filled(limit: int, seed: str = "", sentence: str = SENTENCE) -> str:
    """``limit`` characters of running text ending in :func:`end_marker` so a test can find the end."""
    end = end_marker(seed)
    body = (sentence * (limit // len(sentence) + 2))[: max(0, limit - len(end))]
    return body + end


def party(n: int, *, long: bool = False, name: str | None = None) -> dict[str, Any]:
    return {
        "role": "申请人" if n == 1 else "被申请人",
        "name": name or ("张" + "建国" * (31 if long else 1))[: 64 if long else 3],
        "gender": "男" if n % 2 else "女",
        "ethnicity": "汉族" if not long else "塔吉克族" * 4,
        "birth_date": "1970-05-01",
        "occupation": filled(64, f"职{n}", PLACE) if long else "农民",
        "phone": LANDLINE if n % 2 else MOBILE,
        "address": filled(256, f"址{n}", PLACE) if long else "陕西省渭南市临渭区桥南镇桥南村三组12号",
        "representative": None,
        "is_organisation": False,
        "id_number": ID_NUMBER,
    }


def agreement(terms: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    data = {
        "case_no": CASE_NO,
        "committee": "桥南镇人民调解委员会",
        "mediator": "王调解",
        "recorder": "赵记录",
        "kind": "书面",
        "version": 1,
        "facts": "双方因宅基地边界发生争议。经现场测量，被申请人翻建的院墙越过边界1.9米。",
        "terms": terms or ["被申请人于2025年4月1日前拆除越界围墙。", "双方今后和睦相处。"],
        "performance": "拆除围墙由被申请人自行完成；补偿款当面以现金支付，申请人出具收条。",
        "performance_deadline": "2025-04-01",
        "copies": None,
        "amount_fen": 1_200_000,
        "signed_on": "2025-03-10",
        "parties": [party(1), party(2)],
    }
    data.update(extra)
    return data


def case(**extra: Any) -> dict[str, Any]:
    the_agreement = agreement()
    data = {
        "id": "case-1",
        "case_no": CASE_NO,
        "dispute_type": "房屋宅基地",
        "source": "当事人申请",
        "summary": "双方系前后院邻居，因被申请人翻建院墙越过宅基地边界约2米发生争执。",
        "accepted_on": "2025-03-01",
        "due_on": "2025-03-31",
        "closed_on": None,
        "archived_on": None,
        "mediator": "王调解",
        "recorder": "赵记录",
        "status": "回访",
        "result": None,
        "notice_given_on": "2025-03-01",
        "committee": "桥南镇人民调解委员会",
        "region": "桥南村",
        "parties": [party(1), party(2)],
        "sessions": [
            {
                "held_at": "2025-03-05 09:30",
                "place": "桥南镇人民调解委员会调解室",
                "participants": "王调解、赵记录",
                "statements": "申请人称：被申请人翻建院墙时越界约2米。",
                "facts": "经现场测量，院墙越界1.9米。",
                "result": "双方达成协议。",
                "mediator": "王调解",
                "recorder": "赵记录",
            }
        ],
        "agreement": the_agreement,
        "agreement_id": "agreement-1",
        "agreement_status": "已签署",
        "oral": copy.deepcopy(the_agreement) | {"kind": "口头"},
        "visits": [
            {
                "due_on": "2025-04-10",
                "visited_on": "2025-04-02",
                "reason": "了解协议履行情况",
                "performed": "已履行",
                "satisfied": True,
                "lawsuit": False,
                "risk": False,
                "measures": "无需采取措施",
                "visitor": "王调解",
            }
        ],
        "confirmation": {
            "applied_on": "2025-03-15",
            "court": "渭南市临渭区人民法院",
            "status": "已申请",
            "decided_on": None,
        },
        "checklist": [{"name": "人民调解协议书", "required": True, "present": True}],
    }
    data.update(extra)
    return data


def consultation(**extra: Any) -> dict[str, Any]:
    data = {
        "id": "consultation-1",
        "occurred_at": "2025-03-10 09:30",
        "region": "桥南村",
        "person_name": "张建国",
        "mode": "实地",
        "service_type": "法律咨询解答",
        "category": "民事",
        "subcategory": "婚姻家庭",
        "question": "离婚后子女抚养费如何确定？",
        "answer": "依照民法典第一千零八十五条，由双方协议；协议不成的，由人民法院判决。",
        "referral": None,
        "duration_minutes": 30,
        "outcome": "已解答",
        "adviser": "刘律师",
        "status": "已办结",
        "tags": [],
    }
    data.update(extra)
    return data
