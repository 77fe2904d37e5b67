"""当事人权利义务告知书: the standard text read to the parties (人民调解法 Art 4, 23, 24)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from advisor_app.documents.layout import Kit, cn_date

RIGHTS = (
    "选择或者接受人民调解员；",
    "接受调解、拒绝调解或者要求终止调解；",
    "要求调解公开进行或者不公开进行；",
    "自主表达意愿、自愿达成调解协议。",
)
DUTIES = (
    "如实陈述纠纷事实，不得提供虚假证明材料；",
    "遵守调解现场秩序，尊重人民调解员；",
    "尊重对方当事人行使权利。",
)


def story(kit: Kit, case: dict[str, Any]) -> list[Flowable]:
    names = "、".join(p.get("name") or "" for p in case.get("parties") or [])
    out: list[Flowable] = [
        kit.title("人民调解当事人权利义务告知书"),
        kit.right(f"编号：{case.get('case_no') or ''}", "编号"),
        kit.line(f"当事人：{names}", "当事人姓名"),
        kit.line(
            f"根据《中华人民共和国人民调解法》的规定，{case.get('committee') or '本委员会'}受理你（们）之间的"
            f"{case.get('dispute_type') or ''}纠纷。人民调解遵循自愿、平等、合法的原则，不收取任何费用。"
            "现将当事人在人民调解活动中享有的权利和承担的义务告知如下：",
            "调委会名称",
            indent=True,
        ),
        kit.heading("一、当事人享有下列权利："),
    ]
    out += [kit.line(f"（{n}）{text}", indent=True) for n, text in enumerate(RIGHTS, 1)]
    out.append(kit.heading("二、当事人履行下列义务："))
    out += [kit.line(f"（{n}）{text}", indent=True) for n, text in enumerate(DUTIES, 1)]
    closing = kit.line(
        "三、经人民调解达成的调解协议具有法律约束力，当事人应当按照约定履行。达成调解协议后，双方当事人可以"
        "自调解协议生效之日起三十日内共同向人民法院申请司法确认。调解不成的，当事人可以依法通过仲裁、"
        "行政、司法等途径维护自己的权利。",
        indent=True,
    )
    signature = [kit.line("以上内容已向我（们）告知，我（们）已知悉。", indent=True), kit.space(4)]
    signature += [
        kit.line(f"当事人（签名或按指印）：＿＿＿＿＿＿＿＿（{p.get('name') or ''}）", "当事人姓名")
        for p in case.get("parties") or []
    ]
    signature += [
        kit.line("告知人（人民调解员）：＿＿＿＿＿＿＿＿"),
        kit.right(cn_date(case.get("notice_given_on")) + "　　"),
    ]
    out += kit.keep_with_tail([closing], signature)
    return out
