"""法律咨询 records the person's phone and ID number (on the 服务对象 record), masked in lists and exports."""

from __future__ import annotations

from datetime import date, timedelta

import openpyxl
import pytest

from advisor_app.domain.clock import china_now
from advisor_app.domain.models import Person
from advisor_app.domain.validation import ValidationError
from advisor_app.io import transfer
from advisor_app.services import consultations, listing

VILLAGE = "610502100201"


def _new(store, **extra):
    data = {
        "region_code": VILLAGE,
        "occurred_at": "2026-11-28 16:00",
        "question": "工资",
        "person_name": "王秀英",
    }
    return consultations.create(store, data | extra)


def test_phone_and_id_number_are_kept_on_the_person_and_found_again(seeded):
    record = _new(seeded, phone="138 0013 8000", id_number="11010519491231002x")
    assert consultations.contact(seeded, record.id) == {
        "phone": "13800138000",
        "id_number": "11010519491231002X",
    }
    with seeded.session() as session:
        person = session.get(Person, record.person_id)
        assert (person.name, person.gender, person.birth_date) == ("王秀英", "女", date(1949, 12, 31))
    again = _new(seeded, id_number="11010519491231002X")
    assert again.person_id == record.person_id  # the same person, not a second one
    consultations.update(seeded, again.id, {"phone": "0913-2345678"})
    assert consultations.contact(seeded, record.id)["phone"] == "0913-2345678"


def test_bad_phone_and_id_number_are_named_with_the_other_fields(seeded):
    with pytest.raises(ValidationError) as caught:
        _new(seeded, phone="1380013", id_number="110105194912310021", question="")
    assert set(caught.value.errors) >= {"phone", "id_number", "question"}
    assert caught.value.errors["phone"].startswith("联系电话")


def test_a_time_later_today_is_refused(seeded):
    later = china_now() + timedelta(hours=1)
    if later.date() != china_now().date():  # just before midnight: the date check refuses it as well
        later = china_now() + timedelta(minutes=30)
    with pytest.raises(ValidationError) as caught:
        _new(seeded, occurred_at=later.strftime("%Y-%m-%d %H:%M"))
    assert "晚于" in caught.value.errors["occurred_at"]
    _new(seeded, occurred_at=china_now().strftime("%Y-%m-%d %H:%M"))  # now itself is fine


def test_lists_and_the_export_show_the_phone_masked(seeded, tmp_path):
    record = _new(seeded, phone="13800138000")
    spec = listing.SPECS["consultation"]
    keys = [c.key for c in spec.columns]
    assert "phone" in keys
    rows = listing.rows(seeded, "consultation", [record.id])
    shown = rows[record.id][keys.index("phone")]
    assert shown != "13800138000" and shown.startswith("138") and shown.endswith("8000")
    path = tmp_path / "consultations.xlsx"
    transfer.export(seeded, "consultations", path)
    sheet = openpyxl.load_workbook(path).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = next(row for row in values if "联系电话" in row)
    column = header.index("联系电话")
    data = [row[column] for row in values[values.index(header) + 1 :] if row[column]]
    assert data and all("13800138000" != v and v.endswith("8000") for v in data), data
