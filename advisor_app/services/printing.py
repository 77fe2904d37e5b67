"""Printing: render a case's documents, and sign-and-print an agreement so it stays frozen.

A signed agreement (人民调解协议书, 人民调解法 Art 29) is what the parties signed on paper: its data is
frozen (``Agreement.frozen_data``), its PDF bytes are kept as an attachment (purpose 协议书PDF) and
their SHA-256 in ``Agreement.pdf_sha256``. Printing it again returns those same bytes. Rendering is
deterministic (reportlab ``invariant``), so the frozen data also reproduces the bytes on a machine
with the same fonts.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reportlab.platypus import Flowable
from sqlalchemy import select, true
from sqlalchemy.orm import Session

from advisor_app.documents import Kit, closing, layout, render_case_document, render_consultation
from advisor_app.documents import case_file as file_layout
from advisor_app.documents import confirmation as confirmation_doc
from advisor_app.documents.agreement import DRAFT_NOTE, oral_story, render_agreement, render_oral
from advisor_app.documents.collect import agreement_by_id, case_data, consultation_data, pick_agreement
from advisor_app.domain import frozen
from advisor_app.domain.case_flow import FlowError
from advisor_app.domain.clock import china_today
from advisor_app.domain.models import Agreement, Attachment, Case, Consultation, SyncMixin
from advisor_app.domain.record_kinds import DOCUMENT_KINDS
from advisor_app.domain.retention_rules import is_stripped
from advisor_app.domain.statuses import AgreementStatus
from advisor_app.services import attachments, audit, cases
from advisor_app.store import Store

PDF_PURPOSE = "协议书PDF"


class PrintError(ValueError):
    """A kept document that no longer matches what was signed, or no longer exists."""


STRIPPED_MESSAGE = "已按保存期限删除个人信息，不能重印"


def _kit(store: Store) -> Kit:
    from advisor_app.documents.fonts import chain

    return Kit(chain(store.setting("pdf_font")))


def preflight(store: Store, kind: str, case_id: str) -> dict[str, str]:
    """Characters no font can draw, by field (empty when the document can be printed)."""
    from advisor_app.documents import CASE_DOCUMENTS

    kit = _kit(store)
    case = case_data(store, case_id)
    if kind == "file":
        file_layout.sections(kit, case)
    elif kind == "closing":
        closing.story(kit, case)
    elif kind == "confirmation":
        _require_signed_for_confirmation(case)
        CASE_DOCUMENTS[kind][1](kit, case)
    else:
        CASE_DOCUMENTS[kind][1](kit, case)
    return dict(kit.problems)


@dataclass
class Printed:
    """A printed document and what the person printing it must be told.

    ``problems``: the print is not what was signed or something is missing (tampered data, a lost
    or damaged kept copy); ``warnings``: worth knowing (a party changed after signing, a draft
    included, an agreement stripped past retention). Both are Chinese sentences without names.
    """

    pdf: bytes
    title: str
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


CONFIRMATION_UNSIGNED = confirmation_doc.UNSIGNED


def _require_signed_for_confirmation(case: dict[str, Any]) -> None:
    if case.get("agreement_status") != AgreementStatus.SIGNED or not (case.get("agreement") or {}).get(
        "signed_on"
    ):
        raise FlowError(CONFIRMATION_UNSIGNED)


def print_document(store: Store, document: str, record_id: str) -> Printed:
    """The checked entry point (CLI and desktop): the PDF with the problems and warnings found.

    ``record_id`` is the agreement's id for ``agreement`` (the case's id also works), the
    consultation's for ``consultation`` and the case's for every other kind.
    """
    if document == "consultation":
        return Printed(consultation_record(store, record_id), "法律咨询记录")
    if document not in DOCUMENT_KINDS:
        raise ValueError(f"未知的文书类型：{document}（可选：{'、'.join(DOCUMENT_KINDS)}、consultation）")
    if document in ("agreement", "oral"):
        kind = "书面" if document == "agreement" else "口头"
        with store.session() as session:
            agreement = session.get(Agreement, record_id)
            if agreement is None or agreement.deleted:
                chosen = pick_agreement(session, record_id, kind)
                if chosen is None:
                    if session.get(Case, record_id) is None:
                        raise LookupError("找不到该协议")
                    raise LookupError("该案件还没有书面调解协议" if kind == "书面" else "该案件没有口头协议")
                agreement = chosen
            agreement_id, case_id = agreement.id, agreement.case_id
            document = "oral" if agreement.kind == "口头" else "agreement"
        return _agreement_printed(store, agreement_id, case_id, document)
    if document == "file":
        return case_file(store, record_id)
    kit = _kit(store)
    case = case_data(store, record_id)
    warnings: list[str] = []
    problems: list[str] = []
    if document in ("closing", "confirmation") and case.get("agreement_status") == AgreementStatus.SIGNED:
        # Both restate the signed agreement from its frozen data: say when that data was changed.
        check = check_signed(store, case["agreement_id"], kit)
        if check.problem:
            problems = list(check.messages)
        if check.status == ALTERED:
            case["agreement_altered"] = True  # the 结案报告表 then does not restate the amount
    if document == "closing":
        if case.get("agreement_id"):
            with store.session() as session:
                case["performed"] = session.get_one(Agreement, case["agreement_id"]).performed
        pdf = layout.render(
            kit, [closing.story(kit, case)], title=closing.TITLE, author=case.get("committee") or ""
        )
    else:
        if document == "confirmation":
            _require_signed_for_confirmation(case)
            warnings = signed_party_warnings(store, record_id, case)
        pdf = render_case_document(document, case, kit)
    _audit_print(store, Case, record_id, document)
    return Printed(pdf, TITLES[document], problems, warnings)


TITLES = {
    "agreement": "人民调解协议书",
    "application": "人民调解申请书",
    "registration": "人民调解受理登记表",
    "notice": "人民调解当事人权利义务告知书",
    "record": "人民调解记录",
    "oral": "人民调解口头协议登记表",
    "visit": "人民调解回访记录",
    "confirmation": "司法确认申请书",
    "closing": closing.TITLE,
    "file": "人民调解卷宗",
    "consultation": "法律咨询记录",
}


def _agreement_printed(store: Store, agreement_id: str, case_id: str, document: str = "agreement") -> Printed:
    with store.session() as session:
        status = session.get_one(Agreement, agreement_id).status
    if status == AgreementStatus.DRAFT:
        pdf = render_draft(agreement_by_id(store, agreement_id), _kit(store))
        printed = Printed(pdf, TITLES[document], [], [f"协议尚未签署：打印的是草稿，每页标有“{DRAFT_NOTE}”"])
    else:
        check = check_signed(store, agreement_id)
        if check.pdf is None:
            raise _refusal(check)
        printed = Printed(check.pdf, TITLES[document], list(check.messages) if check.problem else [], [])
        if status == AgreementStatus.SIGNED:
            printed.warnings += signed_party_warnings(store, case_id)
    _audit_print(store, Case, case_id, document)
    return printed


def case_document(store: Store, kind: str, case_id: str) -> bytes:
    """One document of the case, or ``file`` for the whole 卷宗; a signed agreement comes from its kept copy.

    The bytes only: :func:`print_document` also says what was found wrong (use it to show that).
    """
    return print_document(store, kind, case_id).pdf


def consultation_record(store: Store, record_id: str, card: Any = None) -> bytes:
    """The 法律咨询记录; ``card`` (rating_codes.card_for, made where the keyring is read) adds the
    服务评价卡 with its QR code below it (docs/rating.md)."""
    pdf = render_consultation(consultation_data(store, record_id), _kit(store), card)
    _audit_print(store, Consultation, record_id, "consultation")
    return pdf


def _audit_print(store: Store, model: type[SyncMixin], record_id: str, document: str) -> None:
    """打印 is taking personal data away on paper: it goes into the audit log (no names)."""
    with store.session() as session:
        region = getattr(session.get(model, record_id), "region_code", None)
    audit.log(store, "打印", model.__tablename__, target_id=record_id, region_code=region, detail=document)


def agreement_pdf(store: Store, agreement_id: str) -> bytes:
    """The agreement as it stands: the kept bytes once signed, a draft rendering before."""
    with store.session() as session:
        agreement = session.get(Agreement, agreement_id)
        if agreement is None:
            raise LookupError("找不到该协议")
        case_id = agreement.case_id
    return _agreement_printed(store, agreement_id, case_id).pdf


# --- the whole file -----------------------------------------------------------------------------------


def case_file(store: Store, case_id: str) -> Printed:
    """The 卷宗 in one PDF, each signed agreement as its kept (verified) copy.

    The signed 协议书 / 口头协议登记表 go in as the very bytes kept at signing, after checking their
    SHA-256; one that cannot be had exactly is replaced by a page saying so (never by a rendering of
    data that may have been changed), and every finding is returned. A draft goes in with the draft
    mark on each of its pages, and the contents list says 草稿 for it.
    """
    kit = _kit(store)
    case = case_data(store, case_id)
    problems: list[str] = []
    warnings: list[str] = []
    inserts: dict[str, bytes] = {}
    notes: dict[str, tuple[str, str]] = {}
    with store.session() as session:
        chosen = {
            key: (a.id, a.status) if a else None
            for key, a in (
                ("agreement", pick_agreement(session, case_id, "书面")),
                ("oral", pick_agreement(session, case_id, "口头")),
            )
        }
    item = file_layout.AGREEMENT_ITEM
    signed_any = any(found and found[1] != AgreementStatus.DRAFT for found in chosen.values())
    filed = any(row["name"] == item and row["present"] for row in case.get("checklist") or [])
    for key, found in chosen.items():
        if found is None:
            continue
        agreement_id, status = found
        form = "协议书" if key == "agreement" else "口头协议登记表"
        owns_row = key == "agreement" or chosen["agreement"] is None
        if status == AgreementStatus.DRAFT:
            inserts[key] = render_draft(case[key], kit)
            warnings.append(f"卷宗中的{form}尚未签署，是草稿，每页标有“{DRAFT_NOTE}”")
            if owns_row and not signed_any:  # a signed agreement of the other kind is the one listed
                notes[item] = ("草稿", "未签署，仅供核对")
            continue
        check = check_signed(store, agreement_id, kit)
        (problems if check.problem else warnings).extend(check.messages)
        if check.pdf is not None:
            inserts[key] = check.pdf
            if owns_row and not filed:
                # The row counts the signed paper (scan or 纸质材料已归卷); this print holds the kept copy.
                notes[item] = ("存档件", "签字原件未归卷")
            continue
        inserts[key] = layout.render(
            kit, [file_layout.unavailable(kit, key, check.label, check.messages)], title=check.label
        )
        if owns_row:
            notes[item] = (
                "无",
                "已删除个人信息" if check.status == STRIPPED else f"{check.status}，见说明页",
            )
    if case.get("agreement_status") == AgreementStatus.SIGNED:
        warnings += signed_party_warnings(store, case_id, case)
    case["contents_notes"] = notes
    parts: list[bytes] = []
    pending: list[list[Flowable]] = []
    title = f"人民调解卷宗 {case.get('case_no') or ''}"
    author = case.get("committee") or ""

    def flush() -> None:
        if pending:
            parts.append(layout.render(kit, list(pending), title=title, author=author))
            pending.clear()

    for part in file_layout.plan(kit, case):
        if isinstance(part, file_layout.Insert):
            flush()
            if part.key in inserts:
                parts.append(inserts[part.key])
        else:
            pending.append(part)
    flush()
    _audit_print(store, Case, case_id, "file")
    return Printed(_merge(parts, title, author), TITLES["file"], problems, warnings)


def _merge(parts: list[bytes], title: str, author: str) -> bytes:
    """Several PDFs as one (the kept agreement inside the 卷宗 stays byte-for-byte its pages)."""
    if len(parts) == 1:
        return parts[0]
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part)))
    writer.add_metadata(
        {"/Title": title, "/Author": author, "/Creator": layout.CREATOR, "/Producer": layout.CREATOR}
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def sign_and_print(store: Store, agreement_id: str, signed_on: date | None = None) -> bytes:
    """Render the agreement as signed, sign it (freezing data and hash) and keep the bytes.

    The PDF is rendered before signing from the same snapshot the core freezes, so the hash is
    stored in the signing transaction itself; an unprintable character stops everything before
    the agreement is signed. A 口头 agreement is kept as its 口头协议登记表, a 书面 one as the
    人民调解协议书.
    """
    signed_on = signed_on or china_today()
    with store.session() as session:
        agreement = session.get(Agreement, agreement_id)
        if agreement is None or agreement.deleted:
            raise LookupError("找不到该协议")
        if agreement.status != AgreementStatus.DRAFT:
            raise FlowError(f"协议状态为“{agreement.status}”，不能再次签署")
        snapshot = cases.agreement_snapshot(session, agreement)
    snapshot["signed_on"] = signed_on.isoformat()
    kit = _kit(store)
    pdf = render_signed(snapshot, kit)
    signed = cases.sign_agreement(store, agreement_id, signed_on, pdf=pdf)
    kept = frozen.unsealed(signed.frozen_data)
    if _normalised(kept) != _normalised(snapshot):
        # Edited between the snapshot and the signature: print what was actually frozen.
        pdf = render_signed(kept, kit)
        with store.session() as session:
            session.get_one(Agreement, agreement_id).pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    attachments.add_bytes(store, pdf, _filename(kept), "agreement", agreement_id, PDF_PURPOSE)
    return pdf


def keep_signed(
    store: Store,
    agreement_ids: list[str],
    *,
    log_changes: bool = True,
    make_id: Callable[[], str] | None = None,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Freeze, render and keep agreements already marked 已签署 but without a kept copy.

    The same steps as :func:`sign_and_print` after the status change (snapshot sealed with its
    digest, the document rendered from it, SHA-256 stored, bytes kept as an attachment); the demo
    data uses it because it inserts its case histories in bulk. One unit of work for all of them;
    ``log_changes=False`` (demo data not meant for the server) leaves the change log alone, as the
    bulk insert did; ``make_id`` gives the attachments' ids (the demo's seeded ones); ``workers``
    > 1 renders in that many forked processes where the platform forks (Linux), since rendering
    is nearly all of the time; ``progress(done, total)`` is called after each round (the desktop's
    progress bar). Returns how many were kept.
    """
    from advisor_app.domain.models import utcnow

    now = utcnow()
    done = 0
    with _renderer(store, workers) as render_all, store.session(remote=not log_changes) as session:
        # Rounds of a few when rendering here: the progress bar moves every tenth of a second or so.
        chunk = KEEP_CHUNK if workers > 1 else 8
        for start in range(0, len(agreement_ids), chunk):
            batch = []
            for agreement_id in agreement_ids[start : start + chunk]:
                agreement = session.get(Agreement, agreement_id)
                if (
                    agreement is None
                    or agreement.status == AgreementStatus.DRAFT
                    or agreement.pdf_sha256
                    or agreement.frozen_data
                ):
                    continue  # only a bulk-inserted agreement: a signed one is never frozen a second time
                batch.append((agreement, frozen.seal(cases.agreement_snapshot(session, agreement))))
            for (agreement, snapshot), pdf in zip(batch, render_all([s for _, s in batch]), strict=True):
                agreement.frozen_data = snapshot
                agreement.pdf_sha256 = attachments.write_blob(store, pdf)
                kept = Attachment(
                    sha256=agreement.pdf_sha256,
                    filename=_filename(snapshot),
                    mime="application/pdf",
                    size=len(pdf),
                    target_kind="agreement",
                    target_id=agreement.id,
                    purpose=PDF_PURPOSE,
                    **({"id": make_id()} if make_id else {}),
                )
                if not log_changes:  # the session hook that fills these is off in a "remote" session
                    kept.rev, kept.owner, kept.device_id = 1, agreement.owner, store.device_id
                    kept.created_at = kept.updated_at = now
                    kept.deleted = False
                session.add(kept)
                done += 1
            if progress is not None:
                progress(min(start + chunk, len(agreement_ids)), len(agreement_ids))
    return done


KEEP_CHUNK = 64  # agreements rendered per round: bounded memory (about 70 KB a PDF)
_worker_kit: Kit | None = None


def _worker_init(font_setting: str | None) -> None:
    global _worker_kit
    from advisor_app.documents.fonts import chain

    _worker_kit = Kit(chain(font_setting))


def _worker_render(data: dict[str, Any]) -> bytes:
    return render_signed(data, _worker_kit)


@contextmanager
def _renderer(store: Store, workers: int) -> Iterator[Callable[[list[dict[str, Any]]], list[bytes]]]:
    """Render a list of snapshots: here, or in forked worker processes (same fonts, same bytes)."""
    import multiprocessing
    import os

    kit = _kit(store)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods() or os.name != "posix":
        yield lambda snapshots: [render_signed(s, kit) for s in snapshots]
        return
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_worker_init, initargs=(store.setting("pdf_font"),)
    ) as pool:
        yield lambda snapshots: list(pool.map(_worker_render, snapshots, chunksize=4))


def render_signed(data: dict[str, Any], kit: Kit | None = None) -> bytes:
    """The document the parties signed: 口头协议登记表 for a 口头 agreement, else the 协议书."""
    data = frozen.unsealed(data)
    if data.get("kind") == "口头":
        return render_oral(data, kit)
    return render_agreement(data, kit)


def render_draft(data: dict[str, Any], kit: Kit | None = None) -> bytes:
    """An unsigned agreement, every page marked as a draft."""
    kit = kit or Kit()
    if data.get("kind") == "口头":
        story = oral_story(kit, data)
        return layout.render(
            kit, [story], title="人民调解口头协议登记表", author=data.get("committee") or "", note=DRAFT_NOTE
        )
    return render_agreement(data, kit)


def _normalised(data: Any) -> Any:
    import json

    return json.loads(json.dumps(data, ensure_ascii=False, sort_keys=True, default=str))


def _filename(data: dict[str, Any]) -> str:
    number = (data.get("case_no") or "协议").replace(" ", "")
    title = "人民调解口头协议登记表" if data.get("kind") == "口头" else "人民调解协议书"
    return f"{title}{number}-第{data.get('version') or 1}版.pdf"


def reprint(store: Store, agreement_id: str) -> bytes:
    """A signed agreement again, byte for byte: the kept copy, checked against the signed hash.

    Without a kept copy (an attachment not yet synced to this device) the frozen data is rendered
    again; it is returned only if it reproduces the signed hash. Past its retention period the
    agreement's personal data, kept copy included, is gone: that is said plainly, not as a mismatch.
    :func:`check_signed` says the same with what went wrong (for the case file and diagnose).
    """
    result = check_signed(store, agreement_id)
    if result.pdf is None:
        raise _refusal(result)
    return result.pdf


def _refusal(result: SignedCheck) -> PrintError:
    """Why a signed agreement cannot be printed; past retention, just that (not a list of findings)."""
    if result.status == STRIPPED:
        return PrintError(STRIPPED_MESSAGE)
    return PrintError("；".join(result.messages))


# --- checking signed agreements -----------------------------------------------------------------------

OK = "完好"
STRIPPED = "已删除个人信息"
MISSING = "存档缺失"
DAMAGED = "存档损坏"
ALTERED = "数据被改动"
NO_COPY = "无存档"
# The agreement's own columns that the frozen copy repeats, and what they are called on the form.
FROZEN_COLUMNS = {
    "kind": "协议形式",
    "facts": "纠纷主要事实",
    "terms": "协议内容",
    "performance": "履行方式",
    "performance_deadline": "履行期限",
    "copies": "份数",
    "amount_fen": "协议涉及金额",
    "signed_on": "签署日期",
}


@dataclass(frozen=True)
class SignedCheck:
    """One signed agreement checked against what was signed.

    ``status`` is the worst finding (:data:`OK`, :data:`STRIPPED`, :data:`MISSING`, :data:`DAMAGED`,
    :data:`ALTERED`, :data:`NO_COPY`); ``messages`` says each finding in Chinese (case number and
    version, no names); ``pdf`` is the signed document's bytes when they could be had exactly.
    """

    agreement_id: str
    case_id: str
    label: str
    status: str
    messages: tuple[str, ...] = ()
    pdf: bytes | None = field(default=None, repr=False)

    @property
    def problem(self) -> bool:
        """Something is wrong (a stripped agreement is not a problem: its data went on purpose)."""
        return self.status not in (OK, STRIPPED)


@dataclass(frozen=True)
class SignedRecord:
    """What :func:`judge` needs of a signed agreement, read from the store or a raw connection."""

    agreement_id: str
    case_id: str
    case_no: str
    kind: str
    version: int
    frozen_data: dict[str, Any] | None
    pdf_sha256: str | None
    columns: dict[str, Any]
    kept: tuple[str, ...]


def _label(record: SignedRecord) -> str:
    form = "口头协议登记表" if record.kind == "口头" else "人民调解协议书"
    return f"{record.case_no} {form}（第 {record.version} 版）"


def altered_fields(record: SignedRecord) -> list[str]:
    """Which stored particulars no longer agree with what was signed (field names, no values)."""
    data = record.frozen_data or {}
    changed = []
    if frozen.intact(data) is False:
        changed.append("签署时冻结的数据")
    for column, caption in FROZEN_COLUMNS.items():
        if column not in data:
            continue
        if _normalised(record.columns.get(column)) != _normalised(data.get(column)):
            changed.append(caption)
    return changed


def judge(
    record: SignedRecord,
    read: Callable[[str], bytes],
    rebuild: Callable[[dict[str, Any]], bytes] | None = None,
) -> SignedCheck:
    """The findings for one signed agreement.

    ``read(sha)`` returns a kept blob's plaintext (raising FileNotFoundError when absent, BlobError
    when damaged); ``rebuild`` renders the frozen data again (None: don't, as in diagnose). A kept
    copy that is missing or damaged is reported even when the rebuilt one reproduces the hash.
    """
    label = _label(record)

    def result(status: str, messages: list[str], pdf: bytes | None = None) -> SignedCheck:
        if changed:  # what is printed instead of the altered data depends on what could be had
            messages[0] += "，打印的是签署时保存的存档件" if pdf is not None else ""
            messages[0] += "，不采用被改动的数据"
        return SignedCheck(record.agreement_id, record.case_id, label, status, tuple(messages), pdf)

    changed: list[str] = []

    if is_stripped(record.frozen_data):
        return result(STRIPPED, [f"{label}：{STRIPPED_MESSAGE}（保存期限已到，不是数据被改动）"])
    messages: list[str] = []
    status = OK
    changed = altered_fields(record)
    if changed:
        status = ALTERED
        messages.append(f"{label}：签署后存储的数据被改动，与签署时不一致（{'、'.join(changed)}）")
    expected = record.pdf_sha256
    if not expected:
        messages.append(f"{label}：签署时没有保存打印文本，无法保证重印与签署件一致；请以纸质签署件为准")
        return result(NO_COPY if status == OK else status, messages)
    pdf = None
    kept_status = MISSING
    for sha in record.kept:
        if sha != expected:
            kept_status = DAMAGED  # an attachment that is not the signed document
            continue
        try:
            data = read(sha)
        except FileNotFoundError:
            continue
        except attachments.BlobError:
            kept_status = DAMAGED
            continue
        if hashlib.sha256(data).hexdigest() == expected:
            pdf = data
            break
        kept_status = DAMAGED
    if pdf is not None:
        return result(status, messages, pdf)
    what = "存档 PDF 已损坏或被替换" if kept_status == DAMAGED else "存档 PDF 不在本机"
    status = status if status == ALTERED else kept_status
    if rebuild is not None and not changed:
        again = rebuild(frozen.unsealed(record.frozen_data))
        if hashlib.sha256(again).hexdigest() == expected:
            messages.append(f"{label}：{what}；已按签署时冻结的数据重新生成，与签署件的 SHA-256 一致")
            return result(status, messages, again)
        messages.append(
            f"{label}：{what}，按签署时的数据重新生成的文本与签署件不一致（可能是本机字体不同）；"
            "请先同步附件，或以纸质签署件为准"
        )
    else:
        messages.append(f"{label}：{what}" + ("；请以纸质签署件为准" if changed else ""))
    return result(status, messages)


def _records(session: Session, where: Any) -> list[SignedRecord]:
    rows = list(
        session.scalars(
            select(Agreement)
            .where(Agreement.status != AgreementStatus.DRAFT, Agreement.deleted.is_(False), where)
            .order_by(Agreement.case_id, Agreement.version)
        )
    )
    if not rows:
        return []
    kept: dict[str, list[str]] = {}
    for target, sha in session.execute(
        select(Attachment.target_id, Attachment.sha256).where(
            Attachment.target_kind == "agreement",
            Attachment.purpose == PDF_PURPOSE,
            Attachment.deleted.is_(False),
            Attachment.target_id.in_([a.id for a in rows]),
        )
    ):
        kept.setdefault(target, []).append(sha)
    case_ids = {a.case_id for a in rows}
    numbers = {
        case_id: number
        for case_id, number in session.execute(
            select(Case.id, Case.case_no).where(Case.id.in_(case_ids))
        ).all()
    }
    return [
        SignedRecord(
            agreement_id=a.id,
            case_id=a.case_id,
            case_no=numbers.get(a.case_id) or "",
            kind=a.kind,
            version=a.version,
            frozen_data=dict(a.frozen_data) if a.frozen_data else None,
            pdf_sha256=a.pdf_sha256,
            columns={c: _plain(getattr(a, c)) for c in FROZEN_COLUMNS},
            kept=tuple(kept.get(a.id, ())),
        )
        for a in rows
    ]


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def check_signed(store: Store, agreement_id: str, kit: Kit | None = None) -> SignedCheck:
    """A signed agreement checked against its kept copy and its frozen digest (see :func:`judge`)."""
    with store.session() as session:
        agreement = session.get(Agreement, agreement_id)
        if agreement is None or agreement.deleted:
            raise LookupError("找不到该协议")
        if agreement.status == AgreementStatus.DRAFT:
            raise FlowError("协议尚未签署，没有签署时的存档文本")
        (record,) = _records(session, Agreement.id == agreement_id)
    the_kit = kit or _kit(store)
    return judge(record, lambda sha: attachments.read_blob(store, sha), lambda d: render_signed(d, the_kit))


def check_all_signed(store: Store) -> list[SignedCheck]:
    """Every signed (and superseded) agreement of the store, kept copies read but nothing rendered."""
    with store.session() as session:
        records = _records(session, true())
    return [judge(r, lambda sha: attachments.read_blob(store, sha)) for r in records]


# --- particulars changed after signing ------------------------------------------------------------

PARTY_CAPTIONS = {
    "role": "身份",
    "name": "姓名",
    "is_organisation": "是否单位",
    "representative": "代表人",
    "gender": "性别",
    "ethnicity": "民族",
    "birth_date": "出生日期",
    "id_number": "身份证号",
    "occupation": "职业或职务",
    "phone": "联系方式",
    "address": "单位或住址",
}


def party_changes(live: list[dict[str, Any]], signed: list[dict[str, Any]]) -> list[str]:
    """Warnings for each party whose particulars differ from those frozen at signing (no values)."""
    out = []
    for n, (now, then) in enumerate(zip(live, signed, strict=False), 1):
        changed = [
            c for k, c in PARTY_CAPTIONS.items() if _normalised(now.get(k)) != _normalised(then.get(k))
        ]
        if changed:
            out.append(f"第 {n} 位当事人的{'、'.join(changed)}在协议签署后有变动")
    if len(live) != len(signed):
        out.append(f"协议签署时有 {len(signed)} 位当事人，现在有 {len(live)} 位")
    if out:
        out.append("协议书、司法确认申请书按签署时的当事人信息打印；如需变更协议内容，请生成新版本重新签署")
    return out


def signed_party_warnings(store: Store, case_id: str, case: dict[str, Any] | None = None) -> list[str]:
    """The case's parties against those frozen in its signed agreement (empty when none is signed)."""
    case = case or case_data(store, case_id)
    agreement = case.get("agreement") if case.get("agreement_status") == AgreementStatus.SIGNED else None
    if not agreement or is_stripped(agreement):
        return []
    return party_changes(case.get("parties") or [], agreement.get("parties") or [])
