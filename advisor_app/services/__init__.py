"""Use cases shared by the GUI, the CLI and sync: one module per job."""

# Session hook: a record added to a month with a 零上报 records the correction (zero_reports).
from advisor_app.services import zero_reports as _zero_reports  # noqa: E402, F401
