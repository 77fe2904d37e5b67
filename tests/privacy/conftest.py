"""Fixtures of the privacy tests: the reports' small known data set is reused for retention."""

from tests.reports.reports_dataset import dataset, october  # noqa: F401
