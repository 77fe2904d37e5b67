"""Where the GUI meets parts other engineers write: export to .xlsx and printing.

Each hook looks the core's function up at call time, so the GUI still opens (and says clearly what
is missing) on a build where that part is absent.
"""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from advisor_app.domain.record_kinds import export_of

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store

# The list pages that offer 导出: their kind (singular) -> export name, from the one registry.
EXPORT_KINDS = {kind: export_of(kind) for kind in ("consultation", "case", "legal_literate")}


class NotReady(RuntimeError):
    """The core function behind this action is not available."""


def _function(module: str, name: str) -> Any:
    try:
        found = importlib.import_module(module)
    except ImportError as exc:
        raise NotReady(
            QCoreApplication.translate("Hooks", "%1 is not available yet").replace("%1", module)
        ) from exc
    fn = getattr(found, name, None)
    if fn is None:
        raise NotReady(
            QCoreApplication.translate("Hooks", "%1 is not available yet").replace("%1", f"{module}.{name}")
        )
    return fn


def can_export(kind: str) -> bool:
    return kind in EXPORT_KINDS


def export_list(store: Store, kind: str, ids: list[str], path: Path) -> Path:
    """The list's records (exactly these ids) to an .xlsx file through advisor_app.io.transfer.export."""
    if kind not in EXPORT_KINDS:
        raise NotReady(
            QCoreApplication.translate("Hooks", "Export of %1 is not available yet").replace("%1", kind)
        )
    export = _function("advisor_app.io.transfer", "export")
    export(store, EXPORT_KINDS[kind], path, ids=ids)
    return path


def print_document(store: Store, document: str, record_id: str) -> tuple[bytes, str, list[str], list[str]]:
    """(PDF bytes, title, problems, warnings) of one official document, from
    advisor_app.services.printing.print_document: the problems (data altered since signing, a lost or
    damaged kept copy) and warnings (a party changed after signing, a stripped agreement) must reach
    the person printing, as the CLI prints them."""
    if document == "consultation":  # with its 服务评价卡 and QR code (docs/rating.md)
        from ui.rating_card import record_pdf

        pdf, title = record_pdf(store, record_id)
        return pdf, title, [], []
    printed = _function("advisor_app.services.printing", "print_document")(store, document, record_id)
    return printed.pdf, printed.title, list(printed.problems), list(printed.warnings)


def sign_agreement(store: Store, agreement_id: str, signed_on: date | None = None) -> Any:
    """Mark an agreement signed. With the printing service, the PDF the parties signed is rendered
    and kept with its hash (sign_and_print); without it, the core signs the data alone."""
    from advisor_app.services import cases

    try:
        sign_and_print = _function("advisor_app.services.printing", "sign_and_print")
    except NotReady:
        return cases.sign_agreement(store, agreement_id, signed_on)
    sign_and_print(store, agreement_id, signed_on)
    return cases.agreements(store, cases_of(store, agreement_id))[-1]


def cases_of(store: Store, agreement_id: str) -> str:
    from advisor_app.domain.models import Agreement

    with store.session() as session:
        return session.get(Agreement, agreement_id).case_id


def preview_dialog() -> Any:
    return _function("ui.print_preview", "PrintPreviewDialog")
