"""人民调解申请书: the parties' written request for mediation."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from advisor_app.documents.layout import Kit
from advisor_app.documents.parties import split_sides


def story(kit: Kit, case: dict[str, Any]) -> list[Flowable]:
    on = case.get("accepted_on")
    applicants, respondents = split_sides(case.get("parties") or [])
    out: list[Flowable] = [
        kit.title("人民调解申请书"),
        kit.right(f"编号：{case.get('case_no') or ''}", "编号"),
    ]
    for n, party in enumerate(applicants, 1):
        out += [kit.heading(f"申请人（{n}）"), kit.party_table(party, n, on, "申请人")]
    for n, party in enumerate(respondents, 1):
        out += [kit.heading(f"被申请人（{n}）"), kit.party_table(party, n, on, "被申请人")]
    out += [kit.space(2), kit.heading("纠纷简要情况：")]
    out += kit.paragraphs(case.get("summary"), "纠纷简要情况")
    # The parties write what they ask for by hand; the form leaves three numbered lines.
    requests = [kit.heading("申请事项："), *(kit.line(f"{n}. " + "＿" * 24) for n in (1, 2, 3))]
    signature = [
        kit.line(
            f"本人自愿申请{case.get('committee') or '人民调解委员会'}调解上述纠纷，保证所述情况属实，"
            "愿意遵守人民调解的有关规定。",
            "调委会名称",
            indent=True,
        ),
        kit.space(6),
        kit.right("申请人（签名或按指印）：＿＿＿＿＿＿＿＿"),
        kit.space(4),
        kit.right("　　　　年　　月　　日　　"),
    ]
    out += kit.keep_with_tail(requests, signature)
    return out
