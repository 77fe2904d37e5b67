"""法律咨询记录: one record per service (一事一记), signed by the adviser."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from advisor_app.documents.layout import Kit, Value, cn_date


def story(kit: Kit, data: dict[str, Any]) -> list[Flowable]:
    moment = data.get("occurred_at") or ""
    day, _, clock = moment.partition(" ")
    rows: list[list[object]] = [
        [
            "咨询时间",
            Value("咨询时间", f"{cn_date(day)} {clock}".strip()),
            "所在村",
            Value("所在村", data.get("region")),
        ],
        ["咨询人", Value("咨询人", data.get("person_name")), "服务方式", Value("服务方式", data.get("mode"))],
        [
            "服务类型",
            Value("服务类型", data.get("service_type")),
            "咨询类别",
            Value("咨询类别", "／".join(x for x in (data.get("category"), data.get("subcategory")) if x)),
        ],
        ["咨询内容", Value("咨询内容", data.get("question")), "", ""],
        ["解答意见", Value("解答意见", data.get("answer")), "", ""],
        [
            "引导去向",
            Value("引导去向", data.get("referral") or "无"),
            "用时（分钟）",
            Value("用时（分钟）", data.get("duration_minutes")),
        ],
        ["办理结果", Value("办理结果", data.get("outcome")), "", ""],
        ["法律顾问", Value("法律顾问", data.get("adviser")), "状态", Value("状态", data.get("status"))],
        ["咨询人签名", "", "法律顾问签名", ""],
    ]
    spans = [((1, r), (3, r)) for r in (3, 4, 6)]
    heights: list[float | None] = [None] * len(rows)
    heights[-1] = 44
    return [
        kit.title("法律咨询记录"),
        kit.space(2),
        kit.form(rows, [2.8, 5.6, 2.8, 4.6], spans, heights=heights, keep_last=1),
    ]
