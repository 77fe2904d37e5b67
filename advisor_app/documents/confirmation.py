"""司法确认申请书: the parties' joint application to the court (人民调解法 Art 33).

It restates the signed agreement, so the applicants' particulars are those frozen at signing
(the agreement's snapshot), not the case's current ones; an unsigned agreement has no application.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from advisor_app.documents.layout import Kit, cn_date
from advisor_app.domain.case_flow import FlowError

UNSIGNED = "协议尚未签署，不能打印司法确认申请书：司法确认只能申请确认已签署生效的书面人民调解协议"
BLANK = "＿＿＿＿＿＿＿＿"


def applicants(case: dict[str, Any]) -> list[dict[str, Any]]:
    """The parties as they signed the agreement (every party applies jointly)."""
    agreement = case.get("agreement") or {}
    return list(agreement.get("parties") or case.get("parties") or [])


def signature_lines(kit: Kit, parties: list[dict[str, Any]]) -> list[Flowable]:
    """One line per applicant; an organisation signs through its representative and its seal."""
    out: list[Flowable] = []
    for n, p in enumerate(parties, 1):
        name = p.get("name") or ""
        if p.get("is_organisation"):
            out.append(kit.line(f"申请人（{n}）（盖章）：{name}", f"第 {n} 位申请人名称"))
            out.append(
                kit.line(
                    f"　　法定代表人或负责人（签名）：{BLANK}（{p.get('representative') or ''}）",
                    f"第 {n} 位申请人代表人",
                )
            )
        else:
            out.append(kit.line(f"申请人（{n}）（签名或按指印）：{BLANK}（{name}）", f"第 {n} 位申请人姓名"))
        out.append(kit.space(6))
    return out


def story(kit: Kit, case: dict[str, Any]) -> list[Flowable]:
    confirmation = case.get("confirmation") or {}
    agreement = case.get("agreement") or {}
    signed_on = agreement.get("signed_on")
    if not signed_on:
        raise FlowError(UNSIGNED)
    court = confirmation.get("court") or "＿＿＿＿＿＿人民法院"
    parties = applicants(case)
    out: list[Flowable] = [kit.title("司法确认申请书")]
    for n, party in enumerate(parties, 1):
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
            f"请求人民法院确认申请人于{cn_date(signed_on)}经{agreement.get('committee') or case.get('committee') or '人民调解委员会'}"
            f"主持调解达成的人民调解协议（编号：{agreement.get('case_no') or case.get('case_no') or ''}）有效。",
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
        kit.heading("附件："),
        kit.line(
            "1. 人民调解协议书；2. 申请人身份证明；3. 与协议内容有关的财产权利证明等材料；4. 送达地址确认书。",
            indent=True,
        ),
        kit.keep(
            [
                kit.line("此致", indent=True),
                kit.line(court, "人民法院"),
                kit.space(6),
                *signature_lines(kit, parties),
                kit.right(cn_date(confirmation.get("applied_on")) + "　　"),
            ]
        ),
    ]
    return out
