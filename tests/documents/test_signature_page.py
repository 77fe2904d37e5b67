"""The signature block never stands on a page without the terms it signs (issue 13 §3).

Agreements of 1–40 clauses of varied length (so page ends fall everywhere), and long clauses:
``pdftotext`` per page shows that the page with the signatures also holds the end of the last
clause, the amount and 履行方式. The other documents with signature lines keep them with their text.
"""

from __future__ import annotations

import random
import re
import subprocess

import pytest

from advisor_app.documents import render_case_document
from advisor_app.documents.agreement import render_agreement

from . import plain
from .pdfcheck import layout_pages
from .plain import end_marker as M


def _pages(pdf: bytes) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf, check=True, capture_output=True
    )
    return [re.sub(r"\s+", "", page) for page in out.stdout.decode("utf-8").split("\f")]


def _clause(n: int, length: int) -> str:
    return (f"第{n}项约定：" + "被申请人于2025年4月1日前向申请人支付补偿款，双方确认无其他争议。" * 40)[
        :length
    ] + f"〔末{n}〕"


def _signature_page(pages: list[str], first: str = "本协议一式", last: str = "（人民调解委员会印）") -> str:
    starts = [i for i, p in enumerate(pages) if first in p]
    ends = [i for i, p in enumerate(pages) if last in p]
    assert len(starts) == 1 and len(ends) == 1, "the closing block appears once"
    assert starts == ends, "the closing block is split over two pages"
    return pages[starts[0]]


@pytest.mark.parametrize("clauses", range(1, 41))
def test_the_signature_page_holds_the_last_clause(clauses):
    terms = [_clause(n, 20 + (n * 37 + clauses * 11) % 140) for n in range(1, clauses + 1)]
    pages = _pages(render_agreement(plain.agreement(terms)))
    page = _signature_page(pages)
    assert f"〔末{clauses}〕" in page, f"{len(pages)} pages: the last clause is not on the signature page"
    for text in ("协议涉及金额", "履行方式、时限", "履行期限：2025年4月1日前履行完毕"):
        assert text in page


@pytest.mark.parametrize("length", [600, 2500, 5000])
def test_a_long_last_clause_ends_on_the_signature_page(length):
    terms = [_clause(1, 200), _clause(2, length)]
    pages = _pages(render_agreement(plain.agreement(terms)))
    page = _signature_page(pages)
    assert "〔末2〕" in page
    assert page.index("〔末2〕") < page.index("本协议一式")
    assert len(pages) > 2 or length < 1000


def test_long_performance_text_still_shares_the_signature_page():
    data = plain.agreement([_clause(1, 100)], performance=plain.filled(5000, "履"))
    page = _signature_page(_pages(render_agreement(data)))
    assert M("履") in page


def test_the_oral_agreement_form_keeps_its_signature_rows():
    data = plain.agreement([_clause(n, 150) for n in range(1, 30)], kind="口头")
    case = plain.case(oral=data)
    pages = _pages(render_case_document("oral", case))
    page = [p for p in pages if "当事人签名" in p]
    assert len(page) == 1 and "履行方式、时限" in page[0]


@pytest.mark.parametrize(
    ("kind", "field", "first", "last", "must"),
    [
        ("record", "sessions", "当事人（签名或按指印）", "记录人（签名）", M("果")),
        ("notice", None, "以上内容已向我（们）告知", "告知人（人民调解员）", "三、经人民调解达成的调解协议"),
        ("application", "summary", "本人自愿申请", "申请人（签名或按指印）", "申请事项"),
        ("visit", "visits", "回访人（签名）", "回访人（签名）", M("措")),
        ("registration", "summary", "当事人签名", "登记人签名", "人民调解员"),
    ],
)
def test_other_signature_lines_stay_with_their_text(kind, field, first, last, must):
    case = plain.case()
    if field == "summary":
        case["summary"] = plain.filled(4300, "概")
    elif field == "sessions":
        case["sessions"][0]["result"] = plain.filled(1900, "果")
    elif field == "visits":
        case["visits"][0]["measures"] = plain.filled(2900, "措")
    pages = _pages(render_case_document(kind, case))
    page = _signature_page(pages, first, last)
    assert must in page or (kind == "application" and "＿＿＿＿" in page)


HEADING = re.compile(
    r"^(当事人（\d+）|申请人（\d+）|被申请人（\d+）|纠纷主要事实、争议事项：|经调解，自愿达成如下协议："
    r"|履行方式、时限：|纠纷简要情况：|申请事项：|当事人陈述：|查明事实：|调解结果：)$"
)


def _random_case(rng: random.Random) -> dict:
    parties = [
        plain.party(n)
        | {
            "address": plain.filled(rng.randint(10, 256), f"址{n}", plain.PLACE),
            "occupation": plain.filled(rng.randint(2, 64), f"职{n}", plain.PLACE),
        }
        for n in range(1, rng.randint(2, 6))
    ]
    case = plain.case(parties=parties, summary=plain.filled(rng.randint(50, 3000), "概"))
    terms = [plain.filled(rng.randint(20, 400), str(i)) for i in range(rng.randint(1, 8))]
    case["agreement"] = plain.agreement(
        terms, parties=parties, facts=plain.filled(rng.randint(20, 2000), "事")
    )
    case["sessions"][0] |= {
        k: plain.filled(rng.randint(20, 1500), k) for k in ("statements", "facts", "result")
    }
    return case


# (seed, trial): random cases that once left 调解结果： or 经调解，自愿达成如下协议： alone at a page foot,
# and a few more.
CASES = [(1, 13), (2, 10), (3, 0), (3, 1), (4, 2), (5, 3)]


@pytest.mark.parametrize(("seed", "trial"), CASES)
def test_a_heading_never_stands_alone_at_a_page_foot(seed, trial, tmp_path):
    rng = random.Random(seed)
    for _ in range(trial + 1):
        case = _random_case(rng)
    for kind in ("agreement", "application", "record"):
        for number, page in enumerate(layout_pages(render_case_document(kind, case), tmp_path), 1):
            lines = [line.strip() for line in page if line.strip() and not line.strip().startswith("第 ")]
            assert not (lines and HEADING.match(lines[-1])), f"{kind} page {number} ends with “{lines[-1]}”"
