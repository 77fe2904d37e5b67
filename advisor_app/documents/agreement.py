"""人民调解协议书 (人民调解法 Art 29) and the 口头协议登记表 with the same fields (Art 28).

Rendered from plain data: the frozen snapshot of a signed agreement
(``services.cases.agreement_snapshot``) or the same shape built from a draft.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from advisor_app.documents.layout import Kit, Value, cn_date, render
from advisor_app.domain.money import written_fen

DRAFT_NOTE = "草稿（未签署）仅供核对"


def _number_line(data: dict[str, Any]) -> str:
    line = f"编号：{data.get('case_no') or '　　　　'}"
    if (data.get("version") or 1) > 1:
        line += f"（变更后第 {data['version']} 版）"
    return line


def agreement_story(kit: Kit, data: dict[str, Any]) -> list[Flowable]:
    """The printed order of domain.md §1 (Ministry of Justice 2010 formats)."""
    on = data.get("signed_on")
    parties = data.get("parties") or []
    story: list[Flowable] = [kit.title("人民调解协议书"), kit.right(_number_line(data), "编号"), kit.space(2)]
    for n, party in enumerate(parties, 1):
        story += [kit.heading(f"当事人（{n}）"), kit.party_table(party, n, on)]
    story += [kit.space(2), kit.heading("纠纷主要事实、争议事项：")]
    story += kit.paragraphs(data.get("facts"), "纠纷主要事实、争议事项")
    terms = [kit.heading("经调解，自愿达成如下协议："), *kit.numbered(data.get("terms") or [], "协议内容")]
    # From the last clause on, the text that must share the signature page (issue 13 §3); with a
    # single clause its heading goes along, so the heading never waits alone at a page foot.
    cut = len(terms) - 1 if len(terms) > 2 else 0
    story += terms[:cut]
    tail: list[Flowable] = terms[cut:]
    if data.get("amount_fen"):
        tail.append(
            kit.line(f"协议涉及金额：{written_fen(int(data['amount_fen']))}。", "协议涉及金额", indent=True)
        )
    tail += [kit.heading("履行方式、时限：")]
    tail += kit.paragraphs(data.get("performance"), "履行方式、时限")
    if data.get("performance_deadline"):
        tail.append(kit.line(f"履行期限：{cn_date(data['performance_deadline'])}前履行完毕。", indent=True))
    copies = data.get("copies") or len(parties) + 1
    signature = [
        kit.line(f"本协议一式 {copies} 份，当事人、人民调解委员会各持一份。", indent=True),
        kit.line(
            "本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。",
            indent=True,
        ),
        kit.space(4),
        kit.signatures(_party_lines(parties), _staff_lines(data)),
        *kit.seal_and_date(on),
    ]
    # The signature block never stands on a page without the end of the terms.
    story += kit.keep_with_tail(tail, signature)
    return story


def _party_lines(parties: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [("当事人（签名盖章或按指印）：", p.get("name") or "") for p in parties]


def _staff_lines(data: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        ("人民调解员（签名）：", data.get("mediator") or ""),
        ("记录人（签名）：", data.get("recorder") or ""),
    ]


def oral_story(kit: Kit, data: dict[str, Any]) -> list[Flowable]:
    """口头协议登记表: the agreement's fields as a form, filled in by the mediator (Art 28)."""
    on = data.get("signed_on")
    parties = data.get("parties") or []
    rows: list[list[object]] = [
        ["编号", Value("编号", data.get("case_no")), "登记日期", Value("登记日期", cn_date(on))]
    ]
    for n, p in enumerate(parties, 1):
        rows.append([f"当事人（{n}）", Value(f"第 {n} 位当事人", _party_summary(p, on)), "", ""])
    terms = "\n".join(f"{i}. {t}" for i, t in enumerate(data.get("terms") or [], 1))
    if data.get("amount_fen"):
        terms += f"\n协议涉及金额：{written_fen(int(data['amount_fen']))}"
    performance = data.get("performance") or ""
    if data.get("performance_deadline"):
        performance += f"\n履行期限：{cn_date(data['performance_deadline'])}前"
    rows += [
        ["纠纷主要事实、争议事项", Value("纠纷主要事实、争议事项", data.get("facts")), "", ""],
        ["协议内容", Value("协议内容", terms), "", ""],
        ["履行方式、时限", Value("履行方式、时限", performance), "", ""],
        ["当事人签名", "", "", ""],
        [
            "人民调解员",
            Value("人民调解员", data.get("mediator")),
            "记录人",
            Value("记录人", data.get("recorder")),
        ],
    ]
    spans = [((1, r), (3, r)) for r in range(1, len(rows) - 1)]
    heights: list[float | None] = [None] * len(rows)
    heights[-2] = 60
    return [
        kit.title("人民调解口头协议登记表"),
        kit.space(2),
        kit.form(rows, [2.6, 7, 2.4, 4], spans, heights=heights, keep_last=2),
        kit.space(2),
        kit.line(
            "口头协议自各方当事人达成协议之日起生效（《中华人民共和国人民调解法》第三十条）。", indent=True
        ),
        *kit.seal_and_date(on),
    ]


def _party_summary(party: dict[str, Any], on: Any) -> str:
    from advisor_app.documents.layout import age_on

    bits = [party.get("name") or ""]
    if party.get("is_organisation"):
        bits.append(f"代表人 {party.get('representative') or ''}")
    else:
        bits += [party.get("gender") or "", party.get("ethnicity") or "", age_on(party.get("birth_date"), on)]
    bits += [party.get("occupation") or "", party.get("phone") or "", party.get("address") or ""]
    return "，".join(b for b in bits if b)


def render_agreement(data: dict[str, Any], kit: Kit | None = None) -> bytes:
    kit = kit or Kit()
    story = agreement_story(kit, data)
    note = None if data.get("signed_on") else DRAFT_NOTE
    return render(kit, [story], title="人民调解协议书", author=data.get("committee") or "", note=note)


def render_oral(data: dict[str, Any], kit: Kit | None = None) -> bytes:
    kit = kit or Kit()
    return render(
        kit, [oral_story(kit, data)], title="人民调解口头协议登记表", author=data.get("committee") or ""
    )
