"""统计报表: figures for the township office, hot-topic detection, Excel/PDF exports.

Every figure is an SQL aggregate over the local store, filtered by a region code prefix and a period
(:mod:`advisor_app.reports.scope`). Definitions are in docs/reports.md.
"""
