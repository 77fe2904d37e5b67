"""What every tab of the case window may use from the window (``ui.case.window.CaseWindow``).

The tabs are mixins of one QDialog rather than widgets of their own, so that they share the window's
``step`` (a core call on the database thread, then a refresh) and the state of the case; their
``self.tr`` strings are looked up under the tab's class name and then ``CaseWindow``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QTabWidget

    from ui.forms import FieldsPanel


class CaseTab:
    """Attributes and methods a tab may rely on; CaseWindow provides them."""

    store: Store
    tasks: Any
    case_id: str | None
    status: str | None
    header: QLabel
    message: QLabel
    tabs: QTabWidget

    if TYPE_CHECKING:

        def tr(self, text: str) -> str: ...

        def step(
            self,
            fn: Callable[[], Any],
            panel: FieldsPanel | None = None,
            then: Callable[[Any], None] | None = None,
        ) -> None: ...

        def refresh(self, then: Callable[[], None] | None = None) -> None: ...

        def failure_messages(self, exc: BaseException) -> dict[str, str]: ...

        def _mark_dirty(self) -> None: ...
