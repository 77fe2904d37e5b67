"""Closing a service (办结 / 结案): the person's satisfaction in one click, or why there is none."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLineEdit, QPushButton

from advisor_app.domain.vocab import terms
from ui.forms import FormDialog
from ui.widgets import ButtonChoice

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store


class RatingDialog(FormDialog):
    """``close(grade=…, comment=…, no_rating_reason=…)`` is the core's close function."""

    def __init__(
        self,
        store: Store,
        tasks: Any,
        title: str,
        close: Callable[..., Any],
        parent: Any = None,
        card: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(store, None, parent, tasks=tasks)
        self.setWindowTitle(title)
        self._close = close
        self.add_field("grade", self.tr("Satisfaction"), ButtonChoice(terms("satisfaction_grades")))
        self.add_field("comment", self.tr("Comment"), QLineEdit())
        reason = QLineEdit()
        reason.setPlaceholderText(self.tr("Only when no rating was given: why (e.g. left before rating)"))
        self.add_field("no_rating_reason", self.tr("No rating, because"), reason)
        # 当事人扫码评价: print the 服务评价卡 and close with that as the reason (docs/rating.md)
        self.card = card
        self.card_button = QPushButton(self.tr("Print rating card (the person rates by phone)"))
        self.card_button.clicked.connect(self.print_card)
        self.card_button.setVisible(card is not None)
        self.add_row("", self.card_button)

    def print_card(self) -> None:
        from advisor_app.services.ratings import SELF_RATING_REASON
        from ui.rating_card import show_card

        if self.card is None:
            return
        if not self.fields["grade"].value():  # no grade given here: the person's own will come
            self.fields["no_rating_reason"].setText(SELF_RATING_REASON)
        show_card(self, *self.card)

    def submit(self, data: dict[str, Any]) -> Any:
        return self._close(
            grade=data["grade"], comment=data["comment"], no_rating_reason=data["no_rating_reason"]
        )
