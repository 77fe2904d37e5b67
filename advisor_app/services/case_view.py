"""One read of a case for the case window: everything its tabs show, loaded on the database thread.

The window asks for this once per refresh instead of a handful of reads on the GUI thread; the
objects are detached snapshots (no lazy loading after the session closes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from advisor_app.domain import case_flow
from advisor_app.domain.statuses import AgreementStatus
from advisor_app.services import cases
from advisor_app.store import Store


@dataclass(frozen=True)
class CaseView:
    case: Any  # advisor_app.domain.models.Case, parties loaded
    status_text: str  # what the header says (已结案，待归档 for a closed case)
    sessions: list[Any]
    agreements: list[Any]  # by version
    visits: list[Any]
    confirmations: list[Any]
    checklist: list[case_flow.FileItem]

    @property
    def current_agreement(self) -> Any:
        return self.agreements[-1] if self.agreements else None

    @property
    def signed_agreement(self) -> Any:
        signed = [a for a in self.agreements if a.status == AgreementStatus.SIGNED]
        return signed[-1] if signed else None


def load(store: Store, case_id: str) -> CaseView:
    case = cases.get(store, case_id)
    return CaseView(
        case=case,
        status_text=case_flow.display_status(case.status, case.closed_on),
        sessions=cases.sessions(store, case_id),
        agreements=cases.agreements(store, case_id),
        visits=cases.visits(store, case_id),
        confirmations=cases.confirmations(store, case_id),
        checklist=cases.checklist(store, case_id),
    )
