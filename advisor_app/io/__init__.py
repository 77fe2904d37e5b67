"""Spreadsheet exchange: export and import of consultations, cases and the roster (.xlsx / .csv)."""
