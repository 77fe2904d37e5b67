"""What a support call needs to know about an installation, and the frozen build's self-test.

:func:`report` reads the database file directly (read-only, never migrating it), so it also works
on a store that no longer opens. It reports ids and counts only: no names, ID numbers or phones.
:func:`self_test` exercises a fresh store end to end (create, number a case, print an agreement,
resolve keyring); the installer's smoke test runs it inside the frozen executable.
"""

from __future__ import annotations

import importlib.metadata
import os
import platform
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DISTRIBUTION = "advisor-desk"
PACKAGES = ("SQLAlchemy", "alembic", "reportlab", "keyring", "openpyxl", "XlsxWriter", "PySide6")
KEYRING_SERVICE = "advisor-desk-self-test"
PUSHED_SEQ_SETTING = "sync.pushed_seq"  # the sync client's bookmark in change_log (services.worklist)
# The backend each platform's installation is expected to use (keyring entry-point names).
PLATFORM_KEYRING = {"win32": "Windows", "darwin": "macOS", "linux": "SecretService"}


def app_version() -> str:
    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return "未知"


def package_versions() -> dict[str, str]:
    found = {}
    for name in PACKAGES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "未安装"
    return found


@dataclass(frozen=True)
class Line:
    """One line of the report: a Chinese label, its value and whether it is a problem."""

    label: str
    value: str
    problem: bool = False


def keyring_status() -> dict[str, Any]:
    """The resolved backend, and every backend keyring can load (entry points, as keyring sees them).

    A frozen build that lost the entry-point metadata silently falls back to the ``fail`` backend,
    so the loadable list is what proves the bundle is complete.
    """
    import keyring
    import keyring.backend

    loadable: dict[str, str] = {}
    for entry in importlib.metadata.entry_points(group="keyring.backends"):
        try:
            entry.load()
            loadable[entry.name] = "ok"
        except Exception as exc:  # a backend for another platform may fail to import
            loadable[entry.name] = f"{type(exc).__name__}: {exc}"
    backend = keyring.get_keyring()
    return {
        "backend": f"{type(backend).__module__}.{type(backend).__name__}",
        "priority": float(getattr(backend, "priority", 0)),
        "loadable": loadable,
        "expected": PLATFORM_KEYRING.get(sys.platform),
    }


def keyring_round_trip() -> str:
    """Store, read and delete a throwaway secret; 'ok' or the reason it could not."""
    import keyring

    try:
        keyring.set_password(KEYRING_SERVICE, "probe", "self-test")
        value = keyring.get_password(KEYRING_SERVICE, "probe")
        keyring.delete_password(KEYRING_SERVICE, "probe")
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return "ok" if value == "self-test" else "读回的值不一致"


def font_status(configured: str | None = None) -> Line:
    from advisor_app.documents.fonts import FontError, candidates

    try:
        sources = candidates(configured)
    except FontError as exc:
        return Line("打印字体", str(exc), True)
    if not sources:
        return Line("打印字体", "找不到中文字体，无法打印文书", True)
    first = sources[0]
    return Line("打印字体", f"{first.path.name}（{first.origin}，共找到 {len(sources)} 个）")


def database_lines(db_path: Path, full: bool = False) -> list[Line]:
    """Integrity, revision, sync backlog and record counts, read without changing the file."""
    from advisor_app.store.migrate import head_revision

    if not db_path.is_file():
        return [Line("数据库", f"尚未创建（{db_path.name}）")]
    lines = [Line("数据库大小", f"{db_path.stat().st_size / 1_048_576:.1f} MB")]
    conn, encryption = _open_read_only(db_path)
    lines.append(encryption)
    if conn is None:
        return lines
    try:
        check = "integrity_check" if full else "quick_check"
        result = [row[0] for row in conn.execute(f"PRAGMA {check}")]
        ok = result == ["ok"]
        label = "完整性检查" + ("（完整）" if full else "（快速）")
        lines.append(Line(label, "正常" if ok else "；".join(result[:5]), not ok))
        db = _introspect(conn)
        tables = set(db.table_names())
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        head = head_revision()
        lines.append(
            Line(
                "数据库版本",
                f"{revision or '无'}（本程序：{head}）"
                + ("" if revision == head else "，下次启动时会先备份再升级"),
                revision is None,
            )
        )
        if "change_log" in tables:
            lines.append(_sync_line(conn, tables))
        for table, label in (("consultations", "咨询"), ("cases", "案件"), ("legal_literates", "法律明白人")):
            if table in tables:
                lines.append(Line(f"{label}记录数", str(db[table].count_where("deleted = 0"))))
        if "search_docs" in tables and "search_fts" in tables:
            lines.append(_search_line(db))
        if "agreements" in tables and "attachments" in tables:
            lines.extend(signed_agreement_lines(conn, db_path))
    except Exception as exc:  # sqlite3 or sqlcipher3 DatabaseError: a damaged or foreign file
        lines.append(Line("数据库", f"读取出错：{exc}", True))
    finally:
        conn.close()
    return lines


def _introspect(conn: Any) -> Any:
    """sqlite-utils over the read-only connection (sqlite3 or SQLCipher's): table list and counts.

    No ``PRAGMA recursive_triggers`` and no plugins: diagnose changes nothing on the connection.
    """
    import sqlite_utils  # ~0.4 s to import (click, pluggy): only here, never on the app's start-up

    return sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)


def _search_line(db: Any) -> Line:
    """The search index: one document per live consultation and case, and an FTS5 table over them."""
    docs = db["search_docs"].count
    live = sum(db[t].count_where("deleted = 0") for t in ("consultations", "cases") if db[t].exists())
    virtual = db["search_fts"].virtual_table_using
    if docs == live and virtual == "FTS5":
        return Line("搜索索引", f"正常（{docs} 条，FTS5）")
    return Line("搜索索引", f"索引 {docs} 条，记录 {live} 条，不一致；请联系技术支持重建索引", True)


def _open_read_only(db_path: Path) -> tuple[Any, Line]:
    """A read-only connection (SQLCipher-keyed for an encrypted store) and the encryption line."""
    from advisor_app.store import crypto

    if not crypto.is_encrypted(db_path):
        reason = (
            "已关闭（ADVISOR_STORE_ENCRYPTION=off）"
            if os.environ.get("ADVISOR_STORE_ENCRYPTION", "").lower() == "off"
            else "本机没有可用的密钥存储"
            if not crypto.keyring_usable()
            else "下次打开时加密"
        )
        try:
            return sqlite3.connect(f"file:{db_path}?mode=ro", uri=True), Line(
                "数据库加密", f"未加密（{reason}）"
            )
        except sqlite3.Error as exc:
            return None, Line("数据库", f"无法打开：{exc}", True)
    source = "密码" if (db_path.parent / crypto.SALT_FILE).exists() else "系统密钥环"
    try:
        key = crypto.store_key(db_path.parent, create=False)
    except crypto.StoreLockedError as exc:
        return None, Line("数据库加密", f"已加密（{source}），无法检查：{exc}", True)
    if key is None:
        return None, Line("数据库加密", f"已加密，但本机找不到密钥（{source}），无法检查", True)
    import sqlcipher3

    conn = sqlcipher3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn, Line("数据库加密", f"已加密（SQLCipher，密钥在{source}）")


SIGNED_LABEL = "已签署协议"
MAX_SIGNED_LINES = 20  # one line per finding, then a count: the report is read over the phone


def signed_agreement_lines(conn: Any, db_path: Path) -> list[Line]:
    """Every signed (and superseded) agreement against its kept PDF and frozen digest.

    The same judgement as printing (``services.printing.judge``) without rendering anything: a
    missing or damaged kept copy, data changed after signing; an agreement stripped past its
    retention period is counted as such, not as a problem. Case numbers only, no names.
    """
    import hashlib
    import json
    from collections import Counter

    from advisor_app.domain.statuses import AgreementStatus
    from advisor_app.services import attachments, printing
    from advisor_app.store import crypto

    columns = list(printing.FROZEN_COLUMNS)
    rows = conn.execute(
        "SELECT a.id, a.case_id, c.case_no, a.kind, a.version, a.frozen_data, a.pdf_sha256, "
        + ", ".join(f"a.{c}" for c in columns)
        + " FROM agreements a LEFT JOIN cases c ON c.id = a.case_id"
        " WHERE a.status != ? AND a.deleted = 0 ORDER BY c.case_no, a.version",
        (AgreementStatus.DRAFT,),
    ).fetchall()
    if not rows:
        return [Line(SIGNED_LABEL, "没有已签署的协议")]
    kept: dict[str, list[str]] = {}
    for target, sha in conn.execute(
        "SELECT target_id, sha256 FROM attachments WHERE target_kind = 'agreement' AND purpose = ? AND deleted = 0",
        (printing.PDF_PURPOSE,),
    ):
        kept.setdefault(target, []).append(sha)
    data_dir = db_path.parent
    key = None
    if crypto.is_encrypted(db_path):
        try:
            key = attachments.blob_key_of(crypto.store_key(data_dir, create=False))
        except Exception:  # the database opened with this key a moment ago; without it blobs read as damaged
            key = None

    def read(sha: str) -> bytes:
        raw = (data_dir / "attachments" / sha[:2] / sha).read_bytes()  # FileNotFoundError: missing
        if hashlib.sha256(raw).hexdigest() == sha:
            return raw
        if not raw.startswith(attachments.MAGIC):
            raise attachments.BlobError("附件文件与其 SHA-256 不符（文件已损坏）")
        return attachments._open(key, sha, raw)  # read only: never re-seals the file as read_blob may

    def plain(name: str, value: Any) -> Any:
        return json.loads(value) if name == "terms" and isinstance(value, str) else value

    checks = [
        printing.judge(
            printing.SignedRecord(
                agreement_id=row[0],
                case_id=row[1],
                case_no=row[2] or "",
                kind=row[3],
                version=row[4],
                frozen_data=json.loads(row[5]) if row[5] else None,
                pdf_sha256=row[6],
                columns={c: plain(c, v) for c, v in zip(columns, row[7:], strict=True)},
                kept=tuple(kept.get(row[0], ())),
            ),
            read,
        )
        for row in rows
    ]
    tally = Counter(check.status for check in checks)
    summary = f"共 {len(checks)} 份：" + "，".join(f"{status} {n}" for status, n in tally.most_common())
    problems = [check for check in checks if check.problem]
    lines = [Line(SIGNED_LABEL, summary, bool(problems))]
    for check in problems[:MAX_SIGNED_LINES]:
        lines.append(Line(SIGNED_LABEL, "；".join(check.messages), True))
    if len(problems) > MAX_SIGNED_LINES:
        lines.append(Line(SIGNED_LABEL, f"另有 {len(problems) - MAX_SIGNED_LINES} 份有问题未列出", True))
    return lines


def _sync_line(conn: sqlite3.Connection, tables: set[str]) -> Line:
    """Unsent writes past the sync client's push mark (table sync_cursors, from 0004 on)."""
    settings = dict(conn.execute("SELECT key, value FROM settings")) if "settings" in tables else {}
    server = "已设置" if settings.get("server_url") else "未设置（仅本机）"
    total = conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    mark = None
    if "sync_cursors" in tables:
        row = conn.execute("SELECT push_mark FROM sync_cursors WHERE name = 'changes'").fetchone()
        mark = row[0] if row else None
    elif PUSHED_SEQ_SETTING in settings:
        mark = int(settings[PUSHED_SEQ_SETTING] or 0)
    if mark is None:
        return Line("同步", f"服务器{server}；从未上传，本机修改记录 {total} 条")
    waiting = conn.execute("SELECT count(*) FROM change_log WHERE seq > ?", (mark,)).fetchone()[0]
    text = f"服务器{server}；未上传的修改 {waiting} 条（本机共记录 {total} 条）"
    problem = False
    if "sync_record_states" in tables:
        rows = conn.execute(
            "SELECT state, count(*) FROM sync_record_states WHERE state != 'sent' GROUP BY state"
        ).fetchall()
        names = {"rejected": "被退回", "conflict": "冲突"}
        if rows:
            problem = True
            text += "；" + "，".join(f"{names.get(state, state)} {n} 条" for state, n in rows)
    return Line("同步", text, problem)


def report(data_dir: Path, full_check: bool = False) -> list[Line]:
    """Everything ``advisor diagnose`` prints, in order."""
    from advisor_app.logs import log_dir
    from advisor_app.resources import resources_dir
    from advisor_app.store.database import DB_NAME

    data_dir = Path(data_dir)
    lines = [
        Line("程序版本", app_version()),
        Line("运行方式", "安装包" if getattr(sys, "frozen", False) else "源代码"),
        Line("操作系统", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        Line("Python", sys.version.split()[0]),
        Line("SQLite", sqlite3.sqlite_version),
        Line("组件", "，".join(f"{k} {v}" for k, v in package_versions().items())),
        Line("数据文件夹", str(data_dir)),
        Line("日志文件夹", str(log_dir(data_dir))),
        Line("资源文件夹", str(resources_dir())),
    ]
    backups = sorted((data_dir / "backups").glob("*.db")) if (data_dir / "backups").is_dir() else []
    lines.append(Line("自动备份", f"{len(backups)} 个" + (f"，最近：{backups[-1].name}" if backups else "")))
    lines.append(font_status())
    try:
        status = keyring_status()
        lines.append(Line("密钥存储", status["backend"], status["priority"] <= 0))
    except Exception as exc:
        lines.append(Line("密钥存储", f"不可用：{exc}", True))
    lines.extend(database_lines(data_dir / DB_NAME, full_check))
    return lines


def format_report(lines: list[Line]) -> str:
    """One line per item; a problem is marked with “！” so it stands out when read over the phone."""
    return "\n".join(f"{'！' if line.problem else '  '}{line.label}：{line.value}" for line in lines)


def self_test(workdir: Path) -> dict[str, Any]:
    """Create a store in ``workdir``, number a case, print its agreement, resolve keyring.

    Returns the findings; ``ok`` is true when the store, the PDF and the keyring backend discovery
    all worked. Raises nothing for a failed check: the result says what failed.
    """

    from advisor_app.domain.clock import china_today
    from advisor_app.services import cases, printing, setup
    from advisor_app.store import open_store
    from advisor_app.store.migrate import current_revision, head_revision

    workdir = Path(workdir)
    result: dict[str, Any] = {"version": app_version(), "frozen": bool(getattr(sys, "frozen", False))}
    store = open_store(workdir)
    try:
        township = setup.townships(store)[0]
        setup.configure(store, "人民调解员", township.code, "自检")
        village = setup.add_village(store, township.code, "自检村")
        committee = setup.committee(store)
        case = cases.register(
            store,
            {
                "committee_id": committee.id,
                "region_code": village.code,
                "dispute_type": "邻里",
                "summary": "安装自检：相邻通行纠纷。",
                "mediator": "自检",
                "parties": [
                    {"role": "申请人", "name": "甲", "gender": "男", "address": "自检村一组"},
                    {"role": "被申请人", "name": "乙", "gender": "女", "address": "自检村二组"},
                ],
            },
        )
        agreement = cases.save_agreement(
            store,
            case.id,
            {
                "facts": "双方因通行发生争议。",
                "terms": ["双方共同维护通道畅通。"],
                "performance": "即时履行。",
                "performance_deadline": china_today(),
            },
        )
        from advisor_app.store import crypto

        result["encrypted"] = crypto.is_encrypted(store.path)
        pdf = printing.agreement_pdf(store, agreement.id)
        (workdir / "self-test-agreement.pdf").write_bytes(pdf)
        result.update(
            revision=current_revision(store.engine),
            head=head_revision(),
            case_no=case.case_no,
            pdf_bytes=len(pdf),
            pdf_ok=pdf.startswith(b"%PDF-"),
            font=font_status().value,
        )
    finally:
        store.close()
    result["keyring"] = keyring_status()
    if result["keyring"]["priority"] > 0:
        result["keyring"]["round_trip"] = keyring_round_trip()
    expected = result["keyring"]["expected"]
    result["ok"] = bool(
        result["pdf_ok"]
        and result["revision"] == result["head"]
        and (expected is None or result["keyring"]["loadable"].get(expected) == "ok")
        and result["keyring"].get("round_trip", "ok") == "ok"
    )
    return result
