"""One registry of record kinds (advisor_app/domain/record_kinds.py): no other map between their
spellings (table / sync kind, singular, export name, Chinese name) in advisor_app, sync or ui."""

from __future__ import annotations

import ast
from pathlib import Path

from advisor_app.domain import record_kinds
from advisor_app.domain.models import SYNCABLE
from advisor_app.io import transfer

ROOT = Path(__file__).resolve().parents[2]
REGISTRY_FILE = "advisor_app/domain/record_kinds.py"
SPELLINGS = {
    s for i in record_kinds.REGISTRY.values() for s in (i.kind.value, i.singular, i.export, i.name) if s
}

# Maps kept beside the registry, with the reason.
NOT_YET = {
    # KIND_LABELS (the card's 服务 names, also record_kinds' ``service``): kept literal so the module
    # imports no models at start-up; tests below keep the two equal
    "advisor_app/services/rating_codes.py",
}


def kind_maps(source: str) -> list[int]:
    """Lines of dict displays whose keys are two or more kind spellings (a map between spellings)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
            if sum(k in SPELLINGS for k in keys) >= 2 and any(
                isinstance(v, ast.Constant) and v.value in SPELLINGS for v in node.values
            ):
                lines.append(node.lineno)
    return lines


def test_no_other_map_between_kind_spellings():
    found = []
    for folder in ("advisor_app", "sync", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel == REGISTRY_FILE or rel in NOT_YET or "/migrations/versions/" in rel:
                continue
            found += [f"{rel}:{n}" for n in kind_maps(path.read_text(encoding="utf-8"))]
    assert found == [], "ask advisor_app.domain.record_kinds instead"


def test_the_check_finds_a_map():
    source = 'NAMES = {"consultations": "法律咨询", "cases": "纠纷案件"}\nOTHER = {"a": 1, "b": 2}\n'
    assert kind_maps(source) == [1]


def test_registry_matches_the_models_and_the_io():
    for info in record_kinds.REGISTRY.values():
        assert SYNCABLE[info.kind] is info.model
    assert transfer.KINDS == ("consultations", "cases", "roster", "activities")
    assert record_kinds.export_of("legal_literate") == "roster"
    assert record_kinds.name_of("roster") == record_kinds.name_of("legal_literates") == "法律明白人"
    assert record_kinds.name_of("unknown") == "unknown"


def test_rating_card_service_names_match_the_registry():
    from advisor_app.services import rating_codes

    for kind, label in rating_codes.KIND_LABELS.items():
        assert record_kinds.info_of(kind).service == label
