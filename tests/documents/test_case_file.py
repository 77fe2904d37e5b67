"""The other documents of the case file and the whole 卷宗 in one PDF."""

from __future__ import annotations

import pytest

from advisor_app.documents import CASE_DOCUMENTS
from advisor_app.documents.collect import case_data
from advisor_app.services import consultations, printing

from .builders import PARTIES
from .pdfcheck import assert_in_order, fonts, page_texts, text

EXPECTED = {
    "application": [
        "人民调解申请书",
        "申请人（1）",
        "姓名",
        "张建国",
        "被申请人（1）",
        "李秀兰",
        "纠纷简要情况",
        "申请事项",
        "1.",
        "2.",
        "3.",
        "自愿申请",
        "申请人（签名或按指印）",
        "年月日",
    ],
    "registration": [
        "人民调解受理登记表",
        "编号",
        "受理日期",
        "2025年3月1日",
        "纠纷类型",
        "房屋宅基地",
        "当事人（1）",
        "张建国",
        "当事人（2）",
        "李秀兰",
        "案件来源",
        "■当事人申请",
        "□调委会主动调解",
        "纠纷简要情况",
        "当事人签名",
        "登记人签名",
    ],
    "notice": [
        "人民调解当事人权利义务告知书",
        "张建国、李秀兰",
        "享有下列权利",
        "履行下列义务",
        "司法确认",
        "已知悉",
        "当事人（签名或按指印）",
        "2025年3月1日",
    ],
    "record": [
        "人民调解记录",
        "时间",
        "2025年3月5日09:30",
        "地点",
        "调解室",
        "事由",
        "当事人",
        "参加人",
        "当事人陈述",
        "查明事实",
        "1.9米",
        "调解结果",
        "当事人（签名或按指印）",
        "人民调解员（签名）",
        "记录人（签名）",
    ],
    "visit": [
        "人民调解回访记录",
        "当事人",
        "调解协议编号",
        "回访事由",
        "回访情况",
        "已履行",
        "满意",
        "是否起诉：否",
        "激化风险：无",
        "采取措施",
        "回访人",
        "2025年4月2日",
    ],
    "confirmation": [
        "司法确认申请书",
        "申请人（1）",
        "张建国",
        "送达地址",
        "申请人（2）",
        "李秀兰",
        "请求事项",
        "2025年3月10日",
        "有效",
        "事实和理由",
        "附件",
        "此致",
        "渭南市临渭区人民法院",
        "2025年3月15日",
    ],
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_each_document_has_its_fields_in_order(mediated, kind):
    pdf = printing.case_document(mediated, kind, mediated.case_id)
    assert_in_order(text(pdf), EXPECTED[kind])
    pages = page_texts(pdf)
    assert all(f"第{n}页共{len(pages)}页" in page for n, page in enumerate(pages, 1))
    assert all(f["embedded"] for f in fonts(pdf))


def test_every_kind_is_offered_by_the_printing_service():
    assert set(CASE_DOCUMENTS) | {"file"} == set(printing.DOCUMENT_KINDS)


def test_the_whole_file_in_official_order_with_numbering_per_document(mediated):
    pdf = printing.case_document(mediated, "file", mediated.case_id)
    pages = page_texts(pdf)
    titles = [
        "人民调解卷宗",
        "卷内目录",
        "人民调解申请书",
        "人民调解受理登记表",
        "人民调解当事人权利义务告知书",
        "人民调解记录",
        "人民调解协议书",
        "人民调解回访记录",
        "司法确认申请书",
        "卷宗封底",
    ]
    assert_in_order("".join(pages), titles)
    starts = [i for i, page in enumerate(pages) if "第1页共" in page]
    assert len(starts) == len(titles)
    for begin, end in zip(starts, [*starts[1:], len(pages)], strict=True):
        for n, page in enumerate(pages[begin:end], 1):
            assert f"第{n}页共{end - begin}页" in page
    cover = pages[0]
    assert_in_order(
        cover,
        [
            "卷名",
            f"{PARTIES[0]['name']}与{PARTIES[1]['name']}房屋宅基地纠纷",
            "卷号",
            "人民调解员",
            "调解日期",
            "立卷人",
            "立卷日期",
            "保管期限",
        ],
    )
    contents = pages[starts[1]]
    checklist = case_data(mediated, mediated.case_id)["checklist"]
    assert_in_order(contents, [item["name"] for item in checklist])


def test_an_agreement_is_required_to_print_it(seeded):
    from advisor_app.services import cases

    from .builders import VILLAGE

    case = cases.register(
        seeded,
        {
            "committee_id": seeded.committee_id,
            "region_code": VILLAGE,
            "dispute_type": "邻里",
            "summary": "噪音纠纷",
            "parties": PARTIES,
        },
    )
    with pytest.raises(LookupError, match="没有书面调解协议"):
        printing.case_document(seeded, "agreement", case.id)
    assert "人民调解卷宗" in text(printing.case_document(seeded, "file", case.id))


def test_consultation_record(seeded):
    from datetime import datetime

    from .builders import VILLAGE

    record = consultations.create(
        seeded,
        {
            "region_code": VILLAGE,
            "person_name": "刘大妈",
            "occurred_at": datetime(2025, 5, 6, 10, 0),
            "question": "儿子不给赡养费怎么办？",
            "answer": "可以先找村调委会调解，也可以向法院起诉。",
            "adviser": "陈律师",
            "duration_minutes": 30,
        },
    )
    pdf = printing.consultation_record(seeded, record.id)
    assert_in_order(
        text(pdf),
        [
            "法律咨询记录",
            "咨询时间",
            "2025年5月6日10:00",
            "咨询人",
            "刘大妈",
            "咨询内容",
            "赡养费",
            "解答意见",
            "起诉",
            "法律顾问",
            "陈律师",
            "咨询人签名",
            "法律顾问签名",
        ],
    )
