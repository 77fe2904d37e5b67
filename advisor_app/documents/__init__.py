"""Printable documents (PDF, reportlab) in the Ministry of Justice formats of domain.md §1.

Each module renders one document from plain data; :mod:`layout` is the shared kit, :mod:`fonts`
finds and embeds a Chinese font, :mod:`collect` reads the plain data from the store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable

from advisor_app.documents import (
    agreement,
    application,
    case_file,
    closing,
    confirmation,
    consultation,
    notice,
    record,
    registration,
    visit,
)
from advisor_app.documents.layout import Kit, Unprintable, render

Story = Callable[[Kit, dict[str, Any]], list[Flowable]]

# kind -> (title, story over the case data); the CLI's names
CASE_DOCUMENTS: dict[str, tuple[str, Story]] = {
    "agreement": (
        "人民调解协议书",
        lambda kit, case: agreement.agreement_story(kit, _need(case, "agreement")),
    ),
    "application": ("人民调解申请书", application.story),
    "registration": ("人民调解受理登记表", registration.story),
    "notice": ("人民调解当事人权利义务告知书", notice.story),
    "record": ("人民调解记录", record.story),
    "oral": ("人民调解口头协议登记表", lambda kit, case: agreement.oral_story(kit, _need(case, "oral"))),
    "visit": ("人民调解回访记录", visit.story),
    "confirmation": ("司法确认申请书", confirmation.story),
    "closing": (closing.TITLE, closing.story),
}
MISSING = {"agreement": "该案件还没有书面调解协议", "oral": "该案件没有口头协议"}


def _need(case: dict[str, Any], key: str) -> dict[str, Any]:
    if not case.get(key):
        raise LookupError(MISSING[key])
    return case[key]


def render_case_document(kind: str, case: dict[str, Any], kit: Kit | None = None) -> bytes:
    """One document of a case (``kind`` as in :data:`CASE_DOCUMENTS`) or ``file`` for the whole 卷宗."""
    kit = kit or Kit()
    if kind == "file":
        return render(
            kit,
            case_file.sections(kit, case),
            title=f"人民调解卷宗 {case.get('case_no') or ''}",
            author=case.get("committee") or "",
        )
    if kind not in CASE_DOCUMENTS:
        raise ValueError(f"未知的文书类型：{kind}")
    title, story = CASE_DOCUMENTS[kind]
    flowables = story(kit, case)
    note = agreement.DRAFT_NOTE if kind == "agreement" and not case["agreement"].get("signed_on") else None
    return render(kit, [flowables], title=title, author=case.get("committee") or "", note=note)


def render_consultation(data: dict[str, Any], kit: Kit | None = None, card: Any = None) -> bytes:
    """The 法律咨询记录; with ``card`` (services.rating_codes.Card) its 服务评价卡 follows on the page."""
    kit = kit or Kit()
    story = consultation.story(kit, data)
    from advisor_app.documents import rating_card

    if card is not None and rating_card.belongs_on_record(card):
        story += [kit.space(8), kit.keep(rating_card.story(kit, card))]
    return render(kit, [story], title="法律咨询记录", author=data.get("adviser") or "")


__all__ = ["CASE_DOCUMENTS", "Kit", "Unprintable", "render_case_document", "render_consultation"]
