"""Which article of 法律援助法 (2021) may apply to a referral, from the person's tags and the matter.

A hint for the adviser, not a decision: the legal aid office decides. Rules follow domain.md §6.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Hint:
    article: str  # 第三十一条 …
    summary: str  # what the article covers
    reason: str  # why it may apply here


ART31 = "第三十一条"
ART32 = "第三十二条"
ART42 = "第四十二条"
ART44 = "第四十四条"

# Art 31: matters for which aid is given on economic hardship.
ART31_MATTERS: dict[str, tuple[str, ...]] = {
    "依法请求国家赔偿": ("国家赔偿",),
    "请求给予社会保险待遇或者社会救助": (
        "社会保险",
        "社保",
        "养老保险",
        "医疗保险",
        "低保",
        "社会救助",
        "社会保障",
    ),
    "请求发给抚恤金": ("抚恤金",),
    "请求给付赡养费、抚养费、扶养费": ("赡养", "抚养费", "扶养费", "抚养"),
    "请求确认劳动关系或者支付劳动报酬": ("劳动关系", "劳动报酬", "工资", "欠薪", "工钱"),
    "请求认定公民无民事行为能力或者限制民事行为能力": ("民事行为能力",),
    "请求工伤事故、交通事故、食品药品安全事故、医疗事故人身损害赔偿": (
        "工伤",
        "交通事故",
        "车祸",
        "食品安全",
        "药品",
        "医疗事故",
        "医疗纠纷",
    ),
    "请求环境污染、生态破坏损害赔偿": ("环境污染", "污染", "生态破坏"),
}
SUBCATEGORY_MATTERS = {
    "劳动报酬": "请求确认劳动关系或者支付劳动报酬",
    "劳动争议": "请求确认劳动关系或者支付劳动报酬",
    "社会保障": "请求给予社会保险待遇或者社会救助",
    "道路交通事故": "请求工伤事故、交通事故、食品药品安全事故、医疗事故人身损害赔偿",
}
# Art 32: no means test.
ART32_MATTERS: dict[str, tuple[str, ...]] = {
    "英雄烈士近亲属为维护英雄烈士的人格权益": ("英雄烈士", "烈士"),
    "因见义勇为行为主张相关民事权益": ("见义勇为",),
    "再审改判无罪请求国家赔偿": ("再审", "改判无罪"),
    "遭受虐待、遗弃或者家庭暴力的受害人主张相关权益": ("虐待", "遗弃", "家庭暴力", "家暴"),
}
# Art 42: proof replaces the hardship check.
ART42_TAGS = {
    "未成年人": "无固定生活来源的未成年人",
    "老年人": "无固定生活来源的老年人",
    "残疾人": "无固定生活来源的残疾人",
    "低收入群体": "社会救助对象",
    "军人军属": "优抚对象",
    "退役军人及其他优抚对象": "优抚对象",
}
ART44_WORDS = ("时效", "保全", "马上到期", "即将届满")
WAGE_WORDS = ("劳动报酬", "工资", "欠薪", "工钱", "工伤")


def _found(text: str, words: Iterable[str]) -> str | None:
    return next((w for w in words if w in text), None)


def hints(tags: Iterable[str], subcategory: str | None = None, matter: str = "") -> list[Hint]:
    """Articles that may apply, most specific first. ``matter`` is the question or the dispute's facts."""
    tags = set(tags)
    text = f"{subcategory or ''} {matter}"
    out: list[Hint] = []
    for summary, words in ART32_MATTERS.items():
        word = _found(text, words)
        if word:
            out.append(Hint(ART32, summary + "（不受经济困难条件限制）", f"事项涉及“{word}”"))
    for summary, words in ART31_MATTERS.items():
        word = _found(text, words)
        if not word and subcategory and SUBCATEGORY_MATTERS.get(subcategory) == summary:
            word = subcategory
        if word:
            out.append(Hint(ART31, summary + "（需经济困难）", f"事项涉及“{word}”"))
    for tag, who in ART42_TAGS.items():
        if tag in tags:
            out.append(Hint(ART42, f"{who}申请法律援助，免予核查经济困难状况", f"当事人为{tag}"))
    if "农民工" in tags and _found(text, WAGE_WORDS):
        out.append(
            Hint(ART42, "进城务工人员请求支付劳动报酬或者工伤赔偿，免予核查经济困难状况", "当事人为农民工")
        )
    word = _found(text, ART44_WORDS)
    if word:
        out.append(
            Hint(
                ART44,
                "情况紧急（时效即将届满、需要保全等），可先行提供法律援助，事后补交材料",
                f"事项涉及“{word}”",
            )
        )
    if tags & {"军人军属", "退役军人及其他优抚对象"}:
        out.append(Hint("优先办理", "军人军属申请法律援助的，优先办理", "当事人为军人军属或优抚对象"))
    return out
