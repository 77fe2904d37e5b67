"""Where the GUI meets parts other engineers are still writing: export to .xlsx and printing.

Each hook looks for the core's function at call time and says clearly when it is not there yet.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

EXPORT_MODULE = "advisor_app.io.export"
EXPORT_FUNCTION = "export_list"  # export_list(store, kind, ids, path) -> Path
PRINT_MODULE = "advisor_app.services.printing"


class NotReady(RuntimeError):
    """The core function behind this action has not landed yet."""


def _function(module: str, name: str) -> Any:
    try:
        found = importlib.import_module(module)
    except ImportError as exc:
        raise NotReady(f"{module} 尚未提供") from exc
    fn = getattr(found, name, None)
    if fn is None:
        raise NotReady(f"{module}.{name} 尚未提供")
    return fn


def export_list(store: Any, kind: str, ids: list[str], path: Path) -> Path:
    """The list's records to an .xlsx file through the core's export."""
    return _function(EXPORT_MODULE, EXPORT_FUNCTION)(store, kind, ids, path)


def print_document(store: Any, document: str, record_id: str) -> tuple[bytes, str]:
    """PDF bytes and a title of one official document (人民调解协议书 …) from the core's printing."""
    render = _function(PRINT_MODULE, "render")
    result = render(store, document, record_id)
    if isinstance(result, tuple):
        return result
    return result, document


def preview_dialog() -> Any:
    return _function("ui.print_preview", "PrintPreviewDialog")
