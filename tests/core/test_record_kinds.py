"""One registry of record kinds (advisor_app/domain/record_kinds.py): no other map between their
spellings (table / sync kind, singular, export name, Chinese name) in advisor_app, sync or ui."""

from __future__ import annotations

import ast
from pathlib import Path

from advisor_app.domain import record_kinds
from advisor_app.domain.models import SYNCABLE, Base, SyncMixin
from advisor_app.io import transfer

ROOT = Path(__file__).resolve().parents[2]
REGISTRY_FILE = "advisor_app/domain/record_kinds.py"
SPELLINGS = {
    s for i in record_kinds.REGISTRY.values() for s in (i.kind.value, i.singular, i.export, i.name) if s
}

# Maps kept beside the registry, with the reason (none left: the rating card's service names now
# come from the registry, which imports no models).
NOT_YET: set[str] = set()


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
    # the models' own table names, found from the mapping, not through the registry's lookup
    synced = {m.class_.__tablename__ for m in Base.registry.mappers if issubclass(m.class_, SyncMixin)}
    assert set(SYNCABLE) == synced  # every synced model is in SYNCABLE, under its table name
    assert {kind.value for kind in record_kinds.REGISTRY} == synced
    for kind, info in record_kinds.REGISTRY.items():
        assert info.kind is kind
        assert info.model.__tablename__ == kind.value
    assert transfer.KINDS == ("consultations", "cases", "roster", "activities")
    assert record_kinds.export_of("legal_literate") == "roster"
    assert record_kinds.name_of("roster") == record_kinds.name_of("legal_literates") == "法律明白人"
    assert record_kinds.name_of("unknown") == "unknown"


def test_rating_card_services_are_the_registrys_rated_services():
    """Every service a 评价码 can carry is a kind the registry names as rated, and the reverse."""
    from advisor_app.services import rating_codes

    rated = {i.singular for i in record_kinds.REGISTRY.values() if i.service}
    assert set(rating_codes.KINDS) == rated and len(rating_codes.KINDS) == len(rated)
    assert all(rating_codes.KIND_LABELS[k] == record_kinds.info_of(k).service for k in rating_codes.KINDS)
