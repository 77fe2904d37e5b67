"""Every free-text field of every document filled to the limit the forms accept (issue 13 §1, §4).

Each document is rendered once (session fixture) from plain data with every field at its limit;
the tests then look at the PDF: nothing lost (the end marker of every field is printed), no layout
error, Chinese line-breaking rules on ``pdftotext -layout`` lines, and numbers never split.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from advisor_app.documents import CASE_DOCUMENTS, render_case_document, render_consultation
from advisor_app.documents.layout import CANNOT_END, CANNOT_START, cn_date, tidy_dates
from advisor_app.domain.validation import ValidationError
from advisor_app.services import cases, consultations

from . import plain
from .pdfcheck import layout_pages, segments
from .plain import end_marker as M

F = plain.filled

# The limits the forms accept (the services' checks; the desktop forms set no lower ones).
CASE_LIMITS = {"summary": 5000, "mediator": 64, "recorder": 64}
PARTY_LIMITS = {"name": 64, "ethnicity": 16, "occupation": 64, "address": 256, "representative": 64}
SESSION_LIMIT = 20000  # place, participants, statements, facts, result, mediator, recorder
SESSION_FIELDS = ("place", "participants", "statements", "facts", "result", "mediator", "recorder")
AGREEMENT_LIMITS = {"facts": 20000, "performance": 5000}
CLAUSE_LENGTH = 5000  # a clause has no limit of its own; as long as the longest other field
VISIT_LIMITS = {"reason": 2000, "measures": 5000, "visitor": 64}
CONSULTATION_LIMITS = {"question": 5000, "answer": 10000, "outcome": 5000, "person_name": 64, "adviser": 64}


def _refused(call, data: dict) -> bool:  # noqa: ANN001
    try:
        call(data)
    except ValidationError:
        return True
    except AttributeError:
        return False  # validation passed and the call reached the (absent) store
    return False


def _party(**extra: object) -> dict:
    return {"name": "张三", "gender": "男", "phone": plain.LANDLINE, **extra}


def _case(**extra: object) -> dict:
    return {
        "committee_id": "c",
        "region_code": "r",
        "dispute_type": "房屋宅基地",
        "source": "当事人申请",
        "summary": "争议",
        "accepted_on": date(2025, 3, 1),
        "parties": [_party(), _party(name="李四")],
        **extra,
    }


def test_the_matrix_uses_the_limits_the_forms_accept():
    """Each limit is accepted and one more character is refused, so the matrix below is at the edge."""
    for field, limit in CASE_LIMITS.items():
        cases.check_case(_case(**{field: "字" * limit}))
        assert _refused(cases.check_case, _case(**{field: "字" * (limit + 1)})), field
    for field, limit in PARTY_LIMITS.items():
        cases.check_party(_party(**{field: "字" * limit}))
        assert _refused(cases.check_party, _party(**{field: "字" * (limit + 1)})), field
    agreement = {"facts": "事实", "terms": ["一条"], "performance": "当面"}
    for field, limit in AGREEMENT_LIMITS.items():
        cases.check_agreement({**agreement, field: "字" * limit})
        assert _refused(cases.check_agreement, {**agreement, field: "字" * (limit + 1)}), field
    for field in SESSION_FIELDS:
        base = {"held_at": "2025-03-05 09:30"}
        assert not _refused(lambda d: cases.add_session(None, "x", d), {**base, field: "字" * SESSION_LIMIT})
        assert _refused(
            lambda d: cases.add_session(None, "x", d), {**base, field: "字" * (SESSION_LIMIT + 1)}
        )
    for field, limit in VISIT_LIMITS.items():
        base = {"visited_on": date(2025, 4, 2), "visitor": "王", field: "字" * limit}
        assert not _refused(lambda d: cases.record_visit(None, "x", d), base), field
        assert _refused(lambda d: cases.record_visit(None, "x", d), {**base, field: "字" * (limit + 1)}), (
            field
        )
    consultation = {"region_code": "r", "occurred_at": "2025-03-10 09:00", "question": "问"}
    consultation |= {"service_type": "法律咨询解答", "mode": "实地", "category": "民事"}
    for field, limit in CONSULTATION_LIMITS.items():
        consultations.check_consultation({**consultation, field: "字" * limit})
        assert _refused(consultations.check_consultation, {**consultation, field: "字" * (limit + 1)}), field


def _sentence(field: str) -> str:
    """Running text for the long fields; place-like text for fields printed in a narrow cell."""
    return plain.PLACE if field in ("place", "mediator", "recorder") else plain.SENTENCE


def _full_case() -> tuple[dict, dict[str, list[str]]]:
    """A case with every free-text field at its limit, and the end markers each document must show."""
    parties = [plain.party(1, long=True), plain.party(2, long=True)]
    for n, p in enumerate(parties, 1):
        p["name"] = F(64, f"名{n}")
        p["ethnicity"] = "塔吉克族" * 4
    organisation = plain.party(3, long=True) | {
        "name": F(64, "名3"),
        "is_organisation": True,
        "representative": F(64, "代3"),
        "role": "被申请人",
    }
    parties.append(organisation)
    session = {k: F(SESSION_LIMIT, f"会{k}", _sentence(k)) for k in SESSION_FIELDS}
    session["held_at"] = "2025-03-05 09:30"
    visit = {k: F(v, f"访{k}") for k, v in VISIT_LIMITS.items()}
    visit |= {
        "visited_on": "2025-04-02",
        "performed": "已履行",
        "satisfied": True,
        "lawsuit": False,
        "risk": False,
    }
    agreement = plain.agreement(
        [F(CLAUSE_LENGTH, "条1"), F(300, "条2"), F(CLAUSE_LENGTH, "条3")],
        facts=F(AGREEMENT_LIMITS["facts"], "协事"),
        performance=F(AGREEMENT_LIMITS["performance"], "协履"),
        parties=parties,
        mediator=F(64, "员"),
        recorder=F(64, "记"),
    )
    case = plain.case(
        summary=F(CASE_LIMITS["summary"], "概"),
        mediator=F(64, "员", plain.PLACE),
        recorder=F(64, "记", plain.PLACE),
        closed_on="2025-04-05",
        parties=parties,
        sessions=[session],
        visits=[visit],
        agreement=agreement,
        oral=agreement | {"kind": "口头"},
    )
    names = [M(f"名{n}") for n in (1, 2, 3)]
    party_ends = [*names, M("址1"), M("址2"), M("址3"), M("职1"), M("代3")]
    agreement_ends = [*party_ends, M("协事"), M("条1"), M("条2"), M("条3"), M("协履")]
    expected = {
        "application": [*party_ends, M("概")],
        "registration": [*names, M("址1"), M("概"), M("员"), M("记")],
        "notice": names,
        "record": [M(f"会{k}") for k in SESSION_FIELDS],
        "agreement": [*agreement_ends, M("员"), M("记")],
        "oral": [*names, M("协事"), M("条3"), M("协履")],
        "visit": [M(f"访{k}") for k in VISIT_LIMITS],
        "confirmation": names,
    }
    expected["file"] = sorted({m for ends in expected.values() for m in ends})
    return case, expected


@pytest.fixture(scope="session")
def limit_pdfs(tmp_path_factory) -> dict[str, tuple[bytes, list[str], Path]]:
    case, expected = _full_case()
    out: dict[str, tuple[bytes, list[str], Path]] = {}
    folder = tmp_path_factory.mktemp("limits")
    for kind in [*CASE_DOCUMENTS, "file"]:
        out[kind] = (render_case_document(kind, case), expected.get(kind, []), folder)
    record = plain.consultation(**{k: F(v, f"咨{k}") for k, v in CONSULTATION_LIMITS.items()})
    ends = [M(f"咨{k}") for k in CONSULTATION_LIMITS]
    out["consultation"] = (render_consultation(record), ends, folder)
    return out


KINDS = [*CASE_DOCUMENTS, "file", "consultation"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_at_its_limit_prints_in_full(limit_pdfs, kind):
    pdf, ends, folder = limit_pdfs[kind]
    printed = _raw_text(pdf, folder / kind)
    missing = [end for end in ends if end not in printed]
    assert missing == [], f"{kind}: the end of these fields is not printed"


def _layout(pdf: bytes, folder: Path, kind: str) -> list[list[str]]:
    sub = folder / kind
    sub.mkdir(exist_ok=True)
    return layout_pages(pdf, sub)


_raw_cache: dict[Path, str] = {}


@pytest.mark.parametrize("kind", KINDS)
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(limit_pdfs, kind):
    pdf, _, folder = limit_pdfs[kind]
    bad = []
    for number, page in enumerate(_layout(pdf, folder, kind), 1):
        for line in page:
            for run in segments(line):
                if run[0] in CANNOT_START or run[-1] in CANNOT_END:
                    bad.append((number, run))
    assert bad == []


UNSPLIT = [
    plain.LANDLINE,
    plain.MOBILE,
    plain.ID_NUMBER,
    plain.CASE_NO.replace(" ", ""),
    "2025年3月10日",
    "人民币12,000.00元",
    "人民币壹万贰仟元整",
]


def _raw_text(pdf: bytes, folder: Path) -> str:
    """The text in content-stream order (pdftotext -raw), whitespace removed; cached per document."""
    if folder not in _raw_cache:
        folder.mkdir(exist_ok=True)
        out = subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf, check=True, capture_output=True
        )
        _raw_cache[folder] = re.sub(r"\s+", "", out.stdout.decode("utf-8"))
    return _raw_cache[folder]


@pytest.mark.parametrize("kind", KINDS)
def test_numbers_dates_and_amounts_are_never_split(limit_pdfs, kind):
    pdf, _, folder = limit_pdfs[kind]
    runs = [
        re.sub(r"\s+", "", run)
        for page in _layout(pdf, folder, kind)
        for line in page
        for run in segments(line)
    ]
    whole = _raw_text(pdf, folder / kind)
    for token in UNSPLIT:
        on_one_line = sum(run.count(token) for run in runs)
        assert on_one_line == whole.count(token), f"{kind}: “{token}” is split across lines"
    if kind not in ("notice", "closing"):
        assert any(whole.count(token) for token in UNSPLIT)


def test_dates_print_without_spaces_or_zero_padding(limit_pdfs):
    assert cn_date(date(2025, 3, 10)) == "2025年3月10日"
    assert cn_date("2025-03-01") == "2025年3月1日"
    assert tidy_dates("于 2025 年 04 月 01 日前，2025年4月付清") == "于 2025年4月1日前，2025年4月付清"
    pdf, _, folder = limit_pdfs["agreement"]
    raw = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf, check=True, capture_output=True
    ).stdout.decode("utf-8")
    assert "2025年3月10日" in raw.replace("\n", "")
    assert re.findall(r"\d[ \t]+[年月日]|[年月][ \t]+\d|年0\d|月0\d", raw) == []


def test_form_cells_hold_a_landline_and_a_case_number_on_one_line(tmp_path):
    """The narrowest cells that hold a phone or a case number, with ordinary data."""
    case = plain.case()
    case["parties"][1]["phone"] = plain.LANDLINE
    for kind in ("agreement", "application", "registration", "oral", "confirmation"):
        pdf = render_case_document(kind, case)
        runs = [
            re.sub(r"\s+", "", r) for p in layout_pages(pdf, tmp_path) for line in p for r in segments(line)
        ]
        assert any(plain.LANDLINE in r for r in runs), kind
        if kind in ("agreement", "oral", "registration"):
            assert any(plain.CASE_NO.replace(" ", "") in r for r in runs), kind


def test_the_cli_prints_long_text_without_a_traceback(seeded, tmp_path, capsys):
    """Over a real store: the fields that used to break printing, at their limits, through `advisor print`."""
    from advisor_app.cli.main import main
    from advisor_app.services import printing

    from .builders import make_case

    case, agreement = make_case(seeded, terms=[F(3000, "条")], facts=F(20000, "事"))
    cases.update(seeded, case.id, {"summary": F(5000, "概")})
    session = cases.add_session(
        seeded, case.id, {"held_at": "2025-03-06 09:30", **{k: F(3000, k) for k in ("statements", "result")}}
    )
    assert session.id
    printing.sign_and_print(seeded, agreement.id, date(2025, 3, 10))
    cases.record_visit(
        seeded, case.id, {"visited_on": date(2025, 4, 2), "visitor": "王调解", "measures": F(5000, "措")}
    )
    number = cases.get(seeded, case.id).case_no
    for kind in ("registration", "record", "visit", "agreement", "file"):
        out = tmp_path / f"{kind}.pdf"
        code = main(["--data-dir", str(seeded.data_dir), "print", kind, number, "-o", str(out)])
        captured = capsys.readouterr()
        assert code == 0, captured.err
        assert "Traceback" not in captured.err
        assert out.read_bytes().startswith(b"%PDF")
    whole = _raw_text((tmp_path / "file.pdf").read_bytes(), tmp_path / "file")
    for end in (M("概"), M("事"), M("条"), M("措"), M("result")):
        assert end in whole


def test_a_layout_reportlab_cannot_place_is_a_chinese_error_not_a_traceback():
    """The last line of defence (never expected from real data): LayoutError becomes a ValueError the CLI prints."""
    from advisor_app.documents.layout import Kit, LayoutFailure, render

    kit = Kit()
    too_tall = kit.form([["签名", ""]], [1, 3], heights=[2000])
    with pytest.raises(LayoutFailure, match="排版失败") as caught:
        render(kit, [[too_tall]], title="测试文书")
    assert isinstance(caught.value, ValueError) and "测试文书" in str(caught.value)
