"""Fixtures of the privacy tests: the reports' small known data set is reused for retention."""

from tests.reports.reports_dataset import dataset, october  # noqa: F401
from tests.server.conftest import server  # noqa: E402, F401 - the real server (uvicorn on loopback)
