"""Translated labels of list columns (the core names columns by key; the GUI names them in words)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def column_labels() -> dict[str, str]:
    t = QCoreApplication.translate
    return {
        "occurred_at": t("Columns", "Time"),
        "person_name": t("Columns", "Person"),
        "region": t("Columns", "Village"),
        "category": t("Columns", "Category"),
        "subcategory": t("Columns", "Matter"),
        "question": t("Columns", "Question"),
        "referral": t("Columns", "Referred to"),
        "status": t("Columns", "Status"),
        "case_no": t("Columns", "Case number"),
        "accepted_on": t("Columns", "Accepted"),
        "dispute_type": t("Columns", "Dispute type"),
        "parties": t("Columns", "Parties"),
        "summary": t("Columns", "Summary"),
        "due_on": t("Columns", "Due"),
        "name": t("Columns", "Name"),
        "gender": t("Columns", "Sex"),
        "group_name": t("Columns", "Village group"),
        "identity_category": t("Columns", "Identity"),
        "phone": t("Columns", "Phone"),
        "trainings": t("Columns", "Trainings"),
        "appointed_on": t("Columns", "Registered"),
        "held_on": t("Columns", "Date"),
        "kind": t("Columns", "Kind"),
        "topic": t("Columns", "Topic"),
        "place": t("Columns", "Place"),
        "audience_count": t("Columns", "Audience"),
        "speaker": t("Columns", "Speaker"),
    }
