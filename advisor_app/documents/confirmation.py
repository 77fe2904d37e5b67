"""司法确认申请书: the parties' joint application to the court (人民调解法 Art 33)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from advisor_app.documents.layout import Kit, cn_date
from advisor_app.domain.case_flow import confirmation_deadline


def story(kit: Kit, case: dict[str, Any]) -> list[Flowable]:
    confirmation = case.get("confirmation") or {}
    agreement = case.get("agreement") or {}
    signed_on = agreement.get("signed_on")
    court = confirmation.get("court") or "＿＿＿＿＿＿人民法院"
    out: list[Flowable] = [kit.title("司法确认申请书")]
    for n, party in enumerate(case.get("parties") or [], 1):
        out += [
            kit.heading(f"申请人（{n}）"),
            kit.party_table(party, n, confirmation.get("applied_on") or signed_on, "申请人"),
        ]
        out.append(
            kit.line(
                f"送达地址：{party.get('address') or ''}　联系电话：{party.get('phone') or ''}",
                f"第 {n} 位申请人送达地址",
            )
        )
    out += [
        kit.heading("请求事项："),
        kit.line(
            f"请求人民法院确认申请人于{cn_date(signed_on)}经{case.get('committee') or '人民调解委员会'}主持调解达成的"
            f"人民调解协议（编号：{agreement.get('case_no') or case.get('case_no') or ''}）有效。",
            "请求事项",
            indent=True,
        ),
        kit.heading("事实和理由："),
        kit.line(
            f"申请人之间因{case.get('dispute_type') or ''}纠纷，经人民调解委员会主持调解，于{cn_date(signed_on)}"
            "自愿达成调解协议。该协议是申请人的真实意思表示，内容不违反法律、行政法规的强制性规定，不损害国家利益、"
            "社会公共利益和他人合法权益。",
            "事实和理由",
            indent=True,
        ),
        kit.line(
            "申请人承诺：出于解决纠纷的目的自愿达成协议，没有恶意串通、规避法律的行为；如因虚假陈述等原因"
            "导致确认结果错误，愿意承担相应的法律责任。",
            indent=True,
        ),
    ]
    if signed_on:
        out.append(
            kit.line(
                f"（本申请应于协议生效后三十日内，即 {cn_date(confirmation_deadline(_day(signed_on)))}前提出。）"
            )
        )
    out += [
        kit.heading("附件："),
        kit.line(
            "1. 人民调解协议书；2. 申请人身份证明；3. 与协议内容有关的财产权利证明等材料；4. 送达地址确认书。",
            indent=True,
        ),
        kit.keep(
            [
                kit.line("此致", indent=True),
                kit.line(court, "人民法院"),
                kit.space(4),
                *[
                    kit.right(f"申请人（签名或按指印）：＿＿＿＿＿＿（{p.get('name') or ''}）", "申请人姓名")
                    for p in case.get("parties") or []
                ],
                kit.right(cn_date(confirmation.get("applied_on")) + "　　"),
            ]
        ),
    ]
    return out


def _day(text: str):  # noqa: ANN202
    from datetime import date

    return date.fromisoformat(text[:10])
