"""Use cases shared by the GUI, the CLI and sync: one module per job."""

from typing import Any

from advisor_app.store.flush_hooks import add_before_flush


def _correct_zero_reports(session: Any, flush_context: Any, instances: Any) -> None:
    """Session hook: a record added to a month with a 零上报 records the correction (zero_reports).

    Added to the store's sessions when any service is imported; the module (the ORM and the models)
    is loaded at the first flush, so a command that only reads never loads it."""
    from advisor_app.services import zero_reports

    zero_reports.correct_zero_reports(session, flush_context, instances)


add_before_flush(_correct_zero_reports)
