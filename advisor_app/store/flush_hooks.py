"""``before_flush`` hooks of the layers above the store (the services' 零上报 correction,
services/zero_reports.py), added when those layers are imported.

Kept here rather than put on the ORM's Session class, so that importing a service loads neither
the ORM nor the models; and in a module of its own, standard library only, so that importing
``advisor_app.services`` (which adds its hook) does not import SQLAlchemy either — the CLI's
reading commands run on the direct store (store/direct.py) without it. One listener on each
store's session factory (store/database.py) calls :func:`run_before_flush`, after the change-log
hook, whichever hooks were added before or after that factory was made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# hook(session, flush_context, instances); the session is SQLAlchemy's, typed Any so that this
# module needs nothing of it
Hook = Callable[[Any, Any, Any], None]

_before_flush_hooks: list[Hook] = []


def add_before_flush(hook: Hook) -> None:
    """Run ``hook(session, flush_context, instances)`` at every flush of a store's session, after
    the change-log hook (which has put the records it stamped in ``session.info["touched"]``)."""
    if hook not in _before_flush_hooks:
        _before_flush_hooks.append(hook)


def run_before_flush(session: Any, flush_context: Any, instances: Any) -> None:
    """The listener of every store's session factory: the hooks added so far, in their order."""
    for hook in tuple(_before_flush_hooks):
        hook(session, flush_context, instances)
