"""Translated labels of list columns (the core names columns by key; the GUI names them in words).

Each call is spelled out in full so pyside6-lupdate finds it (it does not follow aliases).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication


def column_labels() -> dict[str, str]:
    return {
        "occurred_at": QCoreApplication.translate("Columns", "Time"),
        "person_name": QCoreApplication.translate("Columns", "Person"),
        "region": QCoreApplication.translate("Columns", "Village"),
        "category": QCoreApplication.translate("Columns", "Category"),
        "subcategory": QCoreApplication.translate("Columns", "Matter"),
        "question": QCoreApplication.translate("Columns", "Question"),
        "referral": QCoreApplication.translate("Columns", "Referred to"),
        "status": QCoreApplication.translate("Columns", "Status"),
        "case_no": QCoreApplication.translate("Columns", "Case number"),
        "accepted_on": QCoreApplication.translate("Columns", "Accepted"),
        "dispute_type": QCoreApplication.translate("Columns", "Dispute type"),
        "parties": QCoreApplication.translate("Columns", "Parties"),
        "summary": QCoreApplication.translate("Columns", "Summary"),
        "due_on": QCoreApplication.translate("Columns", "Due"),
        "name": QCoreApplication.translate("Columns", "Name"),
        "gender": QCoreApplication.translate("Columns", "Sex"),
        "group_name": QCoreApplication.translate("Columns", "Village group"),
        "identity_category": QCoreApplication.translate("Columns", "Identity"),
        "phone": QCoreApplication.translate("Columns", "Phone"),
        "trainings": QCoreApplication.translate("Columns", "Trainings"),
        "appointed_on": QCoreApplication.translate("Columns", "Registered"),
        "held_on": QCoreApplication.translate("Columns", "Date"),
        "kind": QCoreApplication.translate("Columns", "Kind"),
        "topic": QCoreApplication.translate("Columns", "Topic"),
        "place": QCoreApplication.translate("Columns", "Place"),
        "audience_count": QCoreApplication.translate("Columns", "Audience"),
        "speaker": QCoreApplication.translate("Columns", "Speaker"),
    }


def record_kinds() -> dict[str, str]:
    """A list's records named in words: the first part of an export's file name."""
    return {
        "consultation": QCoreApplication.translate("Kinds", "Consultations"),
        "case": QCoreApplication.translate("Kinds", "Disputes"),
        "legal_literate": QCoreApplication.translate("Kinds", "Legal literates"),
        "activity": QCoreApplication.translate("Kinds", "Legal education activities"),
    }


def export_path(kind: str, suffix: str = ".xlsx") -> Path:
    """The documents folder and a name with the records' kind and today's date (issue 15 §7)."""
    from advisor_app.domain.clock import china_today
    from ui.print_preview import documents_folder

    name = record_kinds().get(kind, kind)
    return documents_folder() / f"{name}-{china_today():%Y%m%d}{suffix}"
