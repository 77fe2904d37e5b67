"""Closing a service (办结 / 结案): the person's satisfaction in one click, or why there is none."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit

from advisor_app.domain.vocab import terms
from ui.forms import FormDialog
from ui.widgets import ButtonChoice


class RatingDialog(FormDialog):
    """``close(grade=…, comment=…, no_rating_reason=…)`` is the core's close function."""

    def __init__(
        self, store: Any, tasks: Any, title: str, close: Callable[..., Any], parent: Any = None
    ) -> None:
        super().__init__(store, None, parent, tasks=tasks)
        self.setWindowTitle(title)
        self._close = close
        self.add_field("grade", self.tr("Satisfaction"), ButtonChoice(terms("satisfaction_grades")))
        self.add_field("comment", self.tr("Comment"), QLineEdit())
        reason = QLineEdit()
        reason.setPlaceholderText(self.tr("Only when no rating was given: why (e.g. left before rating)"))
        self.add_field("no_rating_reason", self.tr("No rating, because"), reason)

    def submit(self, data: dict[str, Any]) -> Any:
        return self._close(
            grade=data["grade"], comment=data["comment"], no_rating_reason=data["no_rating_reason"]
        )
