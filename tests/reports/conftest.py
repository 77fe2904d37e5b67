"""Fixtures of the reports tests (the data set lives in reports_dataset.py)."""

from reports_dataset import dataset, october  # noqa: F401
