"""Export and import of consultations, cases, the 法律明白人 roster and 普法活动 with Chinese headers.

Export then import into an empty store gives the same records (ids included, so importing the
same file twice updates instead of duplicating), and re-importing an unchanged export changes no
figure: a rating keeps its 评价日期 (and its follow-up), parties keep their 重点人群 tags. Times in
a cell with an offset (``2026-11-30T16:30:00+00:00``) are converted to China time; without one
they are China time already. An import checks every row with the same rules as
the forms, lists each bad row by row number and field, keeps the good rows, and writes them in one
transaction: either all good rows are saved or none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from advisor_app.domain import privacy
from advisor_app.domain.case_flow import due_date
from advisor_app.domain.case_numbers import parse_case_no
from advisor_app.domain.clock import china_now
from advisor_app.domain.models import (
    Activity,
    Case,
    CaseParty,
    Committee,
    Consultation,
    LegalLiterate,
    Person,
    Rating,
    Region,
    SyncMixin,
    Training,
    new_id,
    utcnow,
)
from advisor_app.domain.record_kinds import EXPORTS, name_of
from advisor_app.domain.statuses import CaseStatus, ConsultationStatus, RosterStatus
from advisor_app.domain.validation import Checker, ValidationError, parse_date
from advisor_app.io.tabular import TableFormatError, read_table, write_table
from advisor_app.services import activities, audit, consultations, numbering, ratings, users
from advisor_app.services.activities import FIELDS as ACTIVITY_FIELDS
from advisor_app.services.activities import check_activity
from advisor_app.services.cases import CASE_FIELDS, check_case
from advisor_app.services.consultations import EDITABLE as CONSULTATION_FIELDS
from advisor_app.services.consultations import check_consultation
from advisor_app.services.roster import FIELDS as ROSTER_FIELDS
from advisor_app.services.roster import check_member
from advisor_app.store import Store, bulk, search

KINDS = EXPORTS  # consultations, cases, roster, activities (domain/record_kinds.py)
MAX_PARTIES = 6


@dataclass
class RowError:
    row: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"第 {self.row} 行：{self.message}"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def rejected_rows(self) -> list[int]:
        return sorted({e.row for e in self.errors})


# --- column layouts ---------------------------------------------------------------------------------

CONSULTATION_COLUMNS = [
    ("记录编号", "id"),
    ("咨询时间", "occurred_at"),
    ("所在乡镇", "township_name"),
    ("所在村", "village_name"),
    ("区划代码", "region_code"),
    ("咨询人", "person_name"),
    ("联系电话", "person_phone"),  # the 服务对象's phone (services.consultations.CONTACT)
    ("服务类型", "service_type"),
    ("服务方式", "mode"),
    ("咨询类别", "category"),
    ("咨询事项", "subcategory"),
    ("咨询内容", "question"),
    ("解答意见", "answer"),
    ("引导去向", "referral"),
    ("办理结果", "outcome"),
    ("用时（分钟）", "duration_minutes"),
    ("状态", "status"),
    ("法律顾问", "adviser"),
    ("重点人群", "tags"),
    ("满意度", "grade"),
    ("评价日期", "rated_on"),
    ("未评价原因", "no_rating_reason"),
]
CASE_COLUMNS = [
    ("记录编号", "id"),
    ("案件编号", "case_no"),
    ("受理日期", "accepted_on"),
    ("调委会", "committee_name"),
    ("所在乡镇", "township_name"),
    ("所在村", "village_name"),
    ("区划代码", "region_code"),
    ("纠纷类型", "dispute_type"),
    ("案件来源", "source"),
    ("纠纷简要情况", "summary"),
    ("状态", "status"),
    ("人民调解员", "mediator"),
    ("记录人", "recorder"),
    ("结案日期", "closed_on"),
    ("调解结果", "result"),
    ("预防类型", "prevention"),
    ("涉及人数", "prevention_persons"),
]
PARTY_COLUMNS = [
    ("姓名", "name"),
    ("类别", "role"),
    ("性别", "gender"),
    ("民族", "ethnicity"),
    ("身份证号", "id_number"),
    ("联系电话", "phone"),
    ("住址", "address"),
    ("职业", "occupation"),
    ("重点人群", "tags"),
]
ROSTER_COLUMNS = [
    ("记录编号", "id"),
    ("姓名", "name"),
    ("性别", "gender"),
    ("身份证号", "id_number"),
    ("联系电话", "phone"),
    ("所在乡镇", "township_name"),
    ("所在村", "village_name"),
    ("区划代码", "region_code"),
    ("所在村组", "group_name"),
    ("出生日期", "birth_date"),
    ("民族", "ethnicity"),
    ("政治面貌", "political_status"),
    ("文化程度", "education"),
    ("身份类别", "identity_category"),
    ("证书编号", "certificate_no"),
    ("登记日期", "appointed_on"),
    ("状态", "status"),
    ("清退日期", "removed_on"),
    ("清退原因", "removed_reason"),
    ("培训记录", "trainings"),
]
ACTIVITY_COLUMNS = [
    ("记录编号", "id"),
    ("活动日期", "held_on"),
    ("所在乡镇", "township_name"),
    ("所在村", "village_name"),
    ("区划代码", "region_code"),
    ("活动类型", "kind"),
    ("地点", "place"),
    ("主题", "topic"),
    ("受众人数", "audience_count"),
    ("主讲人", "speaker"),
    ("用时（分钟）", "duration_minutes"),
    ("备注", "notes"),
    ("满意度", "grade"),
    ("评价日期", "rated_on"),
]
REQUIRED_HEADERS = {
    "consultations": ("咨询时间", "咨询内容"),
    "cases": ("受理日期", "纠纷类型", "纠纷简要情况"),
    "roster": ("姓名", "所在村"),
    "activities": ("活动日期", "主题"),
}
# Blank cells of these columns take the form's default, as the form itself would.


# --- export -----------------------------------------------------------------------------------------


def export(
    store: Store,
    kind: str,
    path: Path,
    *,
    region_codes: Iterable[str] | None = None,
    ids: Iterable[str] | None = None,
    full: bool = False,
) -> int:
    """Write one kind of record to ``path`` (.xlsx or .csv); returns the number of rows.

    ID numbers and phones are masked unless ``full`` is asked for and the installation's role may
    see them (:func:`privacy.may_unmask`). The file states who exported it, when, and whether masked.
    """
    role = users.current_role(store)  # the signed-in local user's role, else the installation's
    region_codes = users.narrow(store, None if region_codes is None else tuple(region_codes))
    # 普法活动 hold no ID numbers or phones: nothing to unmask.
    if full and kind != "activities" and not privacy.may_unmask(role, kind):
        raise PermissionError(f"当前身份（{role}）不能导出完整的身份证号和电话，请导出打码版本")
    exporter = {
        "consultations": _export_consultations,
        "cases": _export_cases,
        "roster": _export_roster,
        "activities": _export_activities,
    }[kind]
    stamp = ExportStamp(
        users.actor(store), store.device_id, china_now().strftime("%Y-%m-%d %H:%M"), masked=not full
    )
    with store.session() as session:
        names = _region_names(session)
        headers, rows = exporter(session, names, _scope(region_codes), set(ids) if ids is not None else None)
        if not full:
            rows = _masked(headers, rows)
        count = write_table(path, headers, rows, title=SHEET_TITLES[kind], stamp=stamp.lines())
    audit.log(
        store,
        "导出",
        kind,
        detail=f"{SHEET_TITLES[kind]} {count} 条，{'打码' if not full else '完整'}，{path.suffix}",
    )
    return count


SHEET_TITLES = {export: name_of(export) for export in EXPORTS}


def _masked(headers: list[str], rows: Iterable[list[Any]]) -> Iterator[list[Any]]:
    maskers = {
        n: privacy.mask_id_number if h.endswith("身份证号") else privacy.mask_phone
        for n, h in enumerate(headers)
        if h.endswith(("身份证号", "联系电话"))
    }
    for row in rows:
        yield [maskers[n](v) if n in maskers and v else v for n, v in enumerate(row)]


@dataclass(frozen=True)
class ExportStamp:
    """Who exported personal data, when, from which device, and whether it was masked."""

    user: str
    device: str
    at: str
    masked: bool

    def lines(self) -> list[tuple[str, str]]:
        return [
            ("导出人", self.user),
            ("导出时间", self.at),
            ("设备", self.device),
            ("身份证号和电话", "已打码" if self.masked else "完整（注意保密）"),
        ]


def _scope(region_codes: Iterable[str] | None) -> Callable[[str], bool]:
    if region_codes is None:
        return lambda _code: True
    codes = set(region_codes)
    return codes.__contains__


def _region_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(Region.code, Region.name)).all())


def _place(names: dict[str, str], code: str) -> dict[str, Any]:
    return {
        "region_code": code,
        "village_name": names.get(code, ""),
        "township_name": names.get(code[:9] + "000", ""),
    }


def _grades(session: Session, kind: str) -> dict[str, tuple[str, date]]:
    """target id -> (grade, rated_on) of the live ratings of one target kind."""
    return {
        target: (grade, rated_on)
        for target, grade, rated_on in session.execute(
            select(Rating.target_id, Rating.grade, Rating.rated_on).where(
                Rating.target_kind == kind, Rating.deleted.is_(False)
            )
        )
    }


def _time_cell(moment: datetime) -> str:
    """China time to the minute, with the seconds when there are any (a re-import keeps the time)."""
    return moment.strftime("%Y-%m-%d %H:%M:%S" if moment.second else "%Y-%m-%d %H:%M")


def _export_consultations(session: Session, names, in_scope, ids):  # noqa: ANN001, ANN202
    grades = _grades(session, "consultation")
    phones = dict(session.execute(select(Person.id, Person.phone).where(Person.phone.is_not(None))).all())
    query = select(Consultation).where(Consultation.deleted.is_(False)).order_by(Consultation.occurred_at)

    def rows():  # noqa: ANN202
        for c in session.scalars(query).yield_per(2000):
            if not in_scope(c.region_code) or (ids is not None and c.id not in ids):
                continue
            values = {f: getattr(c, f) for f in CONSULTATION_FIELDS} | _place(names, c.region_code)
            grade, rated_on = grades.get(c.id, (None, None))
            values.update(
                id=c.id, status=c.status, grade=grade, rated_on=rated_on, no_rating_reason=c.no_rating_reason
            )
            values["occurred_at"] = _time_cell(c.occurred_at)
            values["person_phone"] = phones.get(c.person_id) if c.person_id else None
            yield [values.get(f) for _, f in CONSULTATION_COLUMNS]

    return [h for h, _ in CONSULTATION_COLUMNS], rows()


def _export_cases(session: Session, names, in_scope, ids):  # noqa: ANN001, ANN202
    committees = dict(session.execute(select(Committee.id, Committee.name)).all())
    cases = [
        c
        for c in session.scalars(
            select(Case).where(Case.deleted.is_(False)).order_by(Case.accepted_on, Case.case_no)
        )
        if in_scope(c.region_code) and (ids is None or c.id in ids)
    ]
    most = max([len([p for p in c.parties if not p.deleted]) for c in cases] + [2])
    headers = [h for h, _ in CASE_COLUMNS] + [
        f"当事人{n}{h}" for n in range(1, most + 1) for h, _ in PARTY_COLUMNS
    ]

    def rows():  # noqa: ANN202
        for c in cases:
            values = {f: getattr(c, f, None) for _, f in CASE_COLUMNS} | _place(names, c.region_code)
            values["committee_name"] = committees.get(c.committee_id, "")
            row = [values.get(f) for _, f in CASE_COLUMNS]
            parties = [p for p in c.parties if not p.deleted]
            for n in range(most):
                p = parties[n] if n < len(parties) else None
                row.extend(getattr(p, f) if p else None for _, f in PARTY_COLUMNS)
            yield row

    return headers, rows()


def _export_roster(session: Session, names, in_scope, ids):  # noqa: ANN001, ANN202
    trainings: dict[str, list[str]] = {}
    for t in session.scalars(
        select(Training).where(Training.deleted.is_(False)).order_by(Training.trained_on)
    ):
        trainings.setdefault(t.legal_literate_id, []).append(
            f"{t.trained_on.isoformat()} {t.hours:g}学时 {t.topic}"
        )

    def rows():  # noqa: ANN202
        query = (
            select(LegalLiterate)
            .where(LegalLiterate.deleted.is_(False))
            .order_by(LegalLiterate.region_code, LegalLiterate.name)
        )
        for m in session.scalars(query):
            if not in_scope(m.region_code) or (ids is not None and m.id not in ids):
                continue
            values = {f: getattr(m, f, None) for _, f in ROSTER_COLUMNS if hasattr(m, f)} | _place(
                names, m.region_code
            )
            values["trainings"] = "；".join(trainings.get(m.id, []))
            yield [values.get(f) for _, f in ROSTER_COLUMNS]

    return [h for h, _ in ROSTER_COLUMNS], rows()


def _export_activities(session: Session, names, in_scope, ids):  # noqa: ANN001, ANN202
    grades = _grades(session, "activity")
    query = select(Activity).where(Activity.deleted.is_(False)).order_by(Activity.held_on, Activity.id)

    def rows():  # noqa: ANN202
        for a in session.scalars(query):
            if not in_scope(a.region_code) or (ids is not None and a.id not in ids):
                continue
            values = {f: getattr(a, f) for f in ACTIVITY_FIELDS} | _place(names, a.region_code)
            grade, rated_on = grades.get(a.id, (None, None))
            values.update(id=a.id, grade=grade, rated_on=rated_on)
            yield [values.get(f) for _, f in ACTIVITY_COLUMNS]

    return [h for h, _ in ACTIVITY_COLUMNS], rows()


# --- import -----------------------------------------------------------------------------------------


def import_file(store: Store, kind: str, path: Path) -> ImportReport:
    """Import one kind of record from ``path``; see the module docstring for the guarantees."""
    headers, records = read_table(path)
    missing = [h for h in REQUIRED_HEADERS[kind] if h not in headers]
    if missing:
        raise TableFormatError(f"缺少必需的列：{'、'.join(missing)}（第 1 行应为表头）")
    importer = {
        "consultations": _import_consultation,
        "cases": _import_case,
        "roster": _import_member,
        "activities": _import_activity,
    }[kind]
    report = ImportReport()
    with store.session() as session, session.no_autoflush:
        # Rows are checked one by one and flushed in batches; a row that fails its checks adds
        # nothing, and the good rows are committed together at the end (or not at all).
        context = _ImportContext(session)
        for number, raw in records:
            try:
                created = importer(context, raw)
            except ValidationError as exc:
                report.errors.extend(RowError(number, f, m) for f, m in exc.errors.items())
                continue
            if created:
                report.created += 1
            else:
                report.updated += 1
            if (report.created + report.updated) % FLUSH_EVERY == 0:
                session.flush()
        context.write_new(session)
    return report


FLUSH_EVERY = 500
# New consultations (and their ratings) that need no ORM object — no phone to link — are kept as
# plain rows and written at the end through store/bulk.py: the same rows, change log and search
# documents as the session hooks write (tests/core/test_bulk_import.py), without building and
# flushing 10,000 ORM objects (figures in docs/architecture.md).
BULK_NEW = True


class _ImportContext:
    def __init__(self, session: Session):
        self.session = session
        self.regions = {r.code: r for r in session.scalars(select(Region))}
        self.case_numbers: set[str] = set()
        self._ids: dict[type[SyncMixin], set[str]] = {}
        self.village_by_name: dict[str, list[str]] = {}
        for r in self.regions.values():
            if r.level == "village":
                self.village_by_name.setdefault(r.name, []).append(r.code)
        self.new_rows: dict[type[SyncMixin], list[dict[str, Any]]] | None = {} if BULK_NEW else None

    def write_new(self, session: Session) -> None:
        """The rows kept for the bulk path, after everything the session holds (regions first)."""
        if not self.new_rows:
            return
        session.flush()
        conn = session.connection()
        now = utcnow()
        for model, rows in self.new_rows.items():
            bulk.stamp_new(
                rows, device=session.info.get("device_id", ""), user=session.info.get("user", ""), now=now
            )
            bulk.insert(conn, model.__table__, rows, log_changes=True)
        search.reindex(conn, "consultation", [r["id"] for r in self.new_rows.get(Consultation, [])])

    def ids(self, model: type[SyncMixin]) -> set[str]:
        if model not in self._ids:
            self._ids[model] = set(self.session.scalars(select(model.id)))
        return self._ids[model]

    def region(self, raw: dict[str, Any]) -> str:
        """The village code of a row: 区划代码, or 所在村 by name; unknown villages under a known county are added."""
        code = raw.get("区划代码")
        code = str(code).strip() if code is not None else None
        if code and code.endswith(".0"):
            code = code[:-2]  # a code typed into Excel as a number
        name = raw.get("所在村")
        if code:
            if len(code) != 12 or not code.isdigit():
                raise ValidationError({"region_code": f"区划代码：“{code}”应为 12 位数字"})
            if code not in self.regions:
                self._add_village(code, str(name or ""), str(raw.get("所在乡镇") or ""))
            return code
        if name:
            found = self.village_by_name.get(str(name), [])
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise ValidationError({"region_code": f"所在村：有 {len(found)} 个“{name}”，请填写区划代码"})
            raise ValidationError({"region_code": f"所在村：找不到“{name}”，请填写区划代码"})
        raise ValidationError({"region_code": "所在村：不能为空（填写所在村或区划代码）"})

    def _add_village(self, code: str, name: str, township_name: str) -> None:
        county = code[:6] + "000000"
        township = code[:9] + "000"
        if county not in self.regions:
            raise ValidationError({"region_code": f"区划代码：{code} 不属于已知的县（区）"})
        if not name:
            raise ValidationError(
                {"region_code": f"所在村：区划代码 {code} 不在本机区划表中，请同时填写村名"}
            )
        if township not in self.regions:
            if not township_name:
                raise ValidationError(
                    {"region_code": f"所在乡镇：区划代码 {township} 不在本机区划表中，请填写乡镇名"}
                )
            self._add(
                Region(code=township, name=township_name, level="township", parent_code=county, source="导入")
            )
        self._add(Region(code=code, name=name, level="village", parent_code=township, source="导入"))
        self.village_by_name.setdefault(name, []).append(code)

    def _add(self, region: Region) -> None:
        self.session.add(region)
        self.session.flush()
        self.regions[region.code] = region


def _fields(raw: dict[str, Any], columns: list[tuple[str, str]]) -> dict[str, Any]:
    return {f: raw[h] for h, f in columns if h in raw}


def _place_row(ctx: _ImportContext, raw: dict[str, Any], data: dict[str, Any]) -> dict[str, str]:
    """Resolve the row's village into ``data``; returns the errors found so far."""
    try:
        data["region_code"] = ctx.region(raw)
    except ValidationError as exc:
        data["region_code"] = "000000000000"  # keeps the other checks running
        return dict(exc.errors)
    return {}


def _checked(
    check: Callable[[dict[str, Any]], dict[str, Any]], data: dict[str, Any], errors: dict[str, str]
) -> dict[str, Any]:
    try:
        return check(data)
    except ValidationError as exc:
        errors.update(exc.errors)
        return {}


def _existing_or_new(ctx: _ImportContext, model: type, record_id: Any) -> tuple[Any, bool]:
    """The record the row updates (by 记录编号), or a new one added to the session."""
    record = _existing(ctx, model, record_id)
    if record is not None:
        return record, False
    record = model(**({"id": str(record_id).strip()} if record_id else {}))
    ctx.session.add(record)
    return record, True


def _existing(ctx: _ImportContext, model: type, record_id: Any) -> Any:
    if not record_id:
        return None
    record_id = str(record_id).strip()
    if record_id not in ctx.ids(model):  # one query per import instead of one per row
        return None
    return ctx.session.get(model, record_id)


def _fill_blanks(data: dict[str, Any], defaults: dict[str, str]) -> None:
    """A blank cell takes the form's default (a hand-typed sheet leaves them empty)."""
    for key, default in defaults.items():
        if data.get(key) is None or not str(data[key]).strip():
            data[key] = default


def _import_consultation(ctx: _ImportContext, raw: dict[str, Any]) -> bool:
    data = _fields(raw, CONSULTATION_COLUMNS)
    errors = _place_row(ctx, raw, data)
    _fill_blanks(data, consultations.DEFAULTS)
    check = Checker(data)
    check.choice("status", "consultation_statuses")
    check.choice("grade", "satisfaction_grades")
    check.day("rated_on", not_future=True)
    clean = _checked(check_consultation, data, errors)
    errors.update(check.errors)
    if errors:
        raise ValidationError(errors)
    phone = str(data.get("person_phone") or "").strip()
    if ctx.new_rows is not None and not (phone and "*" not in phone):
        record_id = str(data["id"]).strip() if data.get("id") else None
        if not record_id or record_id not in ctx.ids(Consultation):
            _keep_new_consultation(ctx, record_id or new_id(), clean, check.clean, data)
            return True
    record, created = _existing_or_new(ctx, Consultation, data.get("id"))
    for key in CONSULTATION_FIELDS:
        setattr(record, key, clean[key])
    record.status = check.clean.get("status") or ConsultationStatus.OPEN
    record.no_rating_reason = data.get("no_rating_reason")
    phone = str(data.get("person_phone") or "").strip()
    if phone and "*" not in phone:  # a masked export's phone is no phone
        from advisor_app.services.consultations import check_contact, link_person

        link_person(ctx.session, record, check_contact({"phone": phone}))
    _import_rating(ctx, "consultation", record.id, check.clean, created, record.occurred_at.date())
    return created


def _keep_new_consultation(
    ctx: _ImportContext, record_id: str, clean: dict[str, Any], checked: dict[str, Any], data: dict[str, Any]
) -> None:
    """A new consultation as a plain row, as the ORM path would set it (and its rating, as rate() would)."""
    assert ctx.new_rows is not None
    row = {key: clean[key] for key in CONSULTATION_FIELDS}
    row.update(
        id=record_id,
        status=checked.get("status") or ConsultationStatus.OPEN,
        no_rating_reason=data.get("no_rating_reason"),
    )
    ctx.new_rows.setdefault(Consultation, []).append(row)
    grade = checked.get("grade")
    if grade:
        rated_on = checked.get("rated_on") or row["occurred_at"].date()
        values = ratings.rating_values({"grade": grade, "rated_on": rated_on})
        rating = {"id": new_id(), "target_kind": "consultation", "target_id": record_id, **values}
        ctx.new_rows.setdefault(Rating, []).append(rating)


def _import_rating(
    ctx: _ImportContext, kind: str, target_id: str, clean: dict[str, Any], created: bool, service_day: date
) -> None:
    """The row's 满意度: an unchanged rating is left alone (its date, comment and 差评回访 kept);
    a new or changed one is dated by 评价日期, else by the rating it replaces, else the service day."""
    grade = clean.get("grade")
    if not grade:
        return
    existing = None if created else ratings.rating_of(ctx.session, kind, target_id)
    rated_on = clean.get("rated_on")
    if existing is not None and existing.grade == grade and rated_on in (None, existing.rated_on):
        return
    if rated_on is None:
        rated_on = existing.rated_on if existing is not None else service_day
    ratings.rate(ctx.session, kind, target_id, {"grade": grade, "rated_on": rated_on}, new_target=created)


def _import_activity(ctx: _ImportContext, raw: dict[str, Any]) -> bool:
    data = _fields(raw, ACTIVITY_COLUMNS)
    errors = _place_row(ctx, raw, data)
    _fill_blanks(data, activities.DEFAULTS)
    check = Checker(data)
    check.choice("grade", "satisfaction_grades")
    check.day("rated_on", not_future=True)
    clean = _checked(check_activity, data, errors)
    errors.update(check.errors)
    if errors:
        raise ValidationError(errors)
    record, created = _existing_or_new(ctx, Activity, data.get("id"))
    for key in ACTIVITY_FIELDS:
        setattr(record, key, clean[key])
    _import_rating(ctx, "activity", record.id, check.clean, created, record.held_on)
    return created


def _import_case(ctx: _ImportContext, raw: dict[str, Any]) -> bool:
    data = _fields(raw, CASE_COLUMNS)
    errors = _place_row(ctx, raw, data)
    parties = []
    for n in range(1, MAX_PARTIES + 1):
        party = {f: raw.get(f"当事人{n}{h}") for h, f in PARTY_COLUMNS}
        if any(v not in (None, "") for v in party.values()):
            parties.append(party)
    data["parties"] = parties
    committee, committee_error = _committee_for(ctx, data)
    if committee_error:
        errors["committee_id"] = committee_error
    data["committee_id"] = committee.id if committee else "?"
    status_check = Checker(data)
    status_check.choice("status", "case_statuses")
    status_check.day("closed_on")
    errors.update(status_check.errors)
    clean = _checked(check_case, data, errors)
    existing = _existing(ctx, Case, data.get("id"))
    case_no = str(data.get("case_no") or "").strip() or None
    if case_no and not errors:
        clash = ctx.session.scalars(select(Case).where(Case.case_no == case_no)).first()
        if case_no in ctx.case_numbers or (
            clash is not None and (existing is None or clash.id != existing.id)
        ):
            errors["case_no"] = f"案件编号：“{case_no}”已被另一案件使用"
    if errors:
        raise ValidationError(errors)
    if case_no:
        ctx.case_numbers.add(case_no)
    case, created = _existing_or_new(ctx, Case, data.get("id"))
    for key in CASE_FIELDS:
        setattr(case, key, clean[key])
    case.due_on = due_date(case.accepted_on)
    case.status = status_check.clean.get("status") or CaseStatus.ACCEPTED
    case.closed_on = status_check.clean.get("closed_on")
    case.result = data.get("result")
    parsed = parse_case_no(case_no) if case_no else None
    if parsed and committee is not None:
        year, _short, seq = parsed
        case.case_no, case.number_year, case.number_seq = case_no, year, seq
        numbering.mark_used(ctx.session, committee.id, year, seq)
    elif case_no:
        case.case_no = case_no
    elif created and committee is not None:
        case.case_no, case.number_seq, case.number_provisional = numbering.next_number(
            ctx.session, committee, case.accepted_on.year
        )
        case.number_year = case.accepted_on.year
    if not created:
        for party in case.parties:
            party.deleted = True
    for position, party in enumerate(clean["parties"]):
        ctx.session.add(CaseParty(case_id=case.id, position=position, **{k: v for k, v in party.items()}))
    return created


def _committee_for(ctx: _ImportContext, data: dict[str, Any]) -> tuple[Committee | None, str | None]:
    """The committee named in the row; one missing from this store is added (its short name from the number)."""
    name = data.get("committee_name")
    if not name:
        return None, "调委会：不能为空"
    committee = ctx.session.scalars(
        select(Committee).where(Committee.name == name, Committee.deleted.is_(False))
    ).first()
    if committee is not None:
        return committee, None
    parsed = parse_case_no(str(data.get("case_no") or ""))
    region = data.get("region_code", "")
    if parsed is None or len(region) != 12:
        return None, f"调委会：本机没有“{name}”，请先添加该调委会"
    committee = Committee(name=name, short_name=parsed[1], kind="乡镇", region_code=region[:9] + "000")
    if committee.region_code not in ctx.regions:
        committee.region_code = region
    ctx.session.add(committee)
    ctx.session.flush()
    return committee, None


def _import_member(ctx: _ImportContext, raw: dict[str, Any]) -> bool:
    data = _fields(raw, ROSTER_COLUMNS)
    errors = _place_row(ctx, raw, data)
    status = Checker(data)
    status.choice("status", "roster_statuses")
    status.day("removed_on")
    status.text("removed_reason", max_len=256)
    errors.update(status.errors)
    clean = _checked(check_member, data, errors)
    trainings = _parse_trainings(data.get("trainings"), errors)
    if errors:
        raise ValidationError(errors)
    member, created = _existing_or_new(ctx, LegalLiterate, data.get("id"))
    for key in ROSTER_FIELDS:
        setattr(member, key, clean[key])
    member.status = status.clean.get("status") or RosterStatus.ACTIVE
    member.removed_on = status.clean.get("removed_on")
    member.removed_reason = status.clean.get("removed_reason")
    if trainings is not None and not created:
        for old in ctx.session.scalars(select(Training).where(Training.legal_literate_id == member.id)):
            old.deleted = True
    if trainings is not None:
        for trained_on, hours, topic in trainings:
            ctx.session.add(
                Training(legal_literate_id=member.id, trained_on=trained_on, hours=hours, topic=topic)
            )
    return created


def _parse_trainings(text: Any, errors: dict[str, str]) -> list[tuple[date, float, str]] | None:
    """培训记录 cell: “2026-03-01 4学时 民法典宣讲；2026-05-10 2学时 调解技巧”."""
    if not text:
        return None
    found = []
    for part in str(text).replace(";", "；").split("；"):
        bits = part.strip().split(maxsplit=2)
        if not bits:
            continue
        day = parse_date(bits[0])
        hours = bits[1].removesuffix("学时") if len(bits) > 1 else ""
        try:
            hours_value = float(hours)
        except ValueError:
            hours_value = -1
        if day is None or not 0 < hours_value <= 100 or len(bits) < 3:
            errors["trainings"] = f"培训记录：“{part.strip()}”格式应为“日期 学时数学时 主题”"
            return None
        found.append((day, hours_value, bits[2]))
    return found
