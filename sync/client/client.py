"""The sync client used by the desktop app and the ``advisor`` CLI.

One sync: top up case-number blocks and confirm provisional numbers, upload attachment files, push
the queue in batches, pull pages after the cursor (each page and the cursor in one transaction),
download missing files, then compare per-table digests with the server and repair a mismatch by
re-pulling. Every step can be cancelled between requests; whatever the server confirmed stays
confirmed, the rest goes next time. Nothing local is ever deleted by sync.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from advisor_app.domain.models import Setting, utcnow
from advisor_app.services import attachments, setup
from advisor_app.store import Store
from sync.client import (
    blobs,
    check,
    conflicts,
    credentials,
    local_status,
    numbers,
    pull,
    push,
    quarantine,
    state,
)
from sync.client.errors import AuthError, LoginAbandoned, SyncError
from sync.client.local_status import SyncStatus
from sync.client.records import ScopeResolver
from sync.client.transport import RetryPolicy, Transport
from sync.protocol.wire import MAX_BATCH

Progress = Callable[[str, int, int], None]  # (stage in Chinese, done, total)
T = TypeVar("T")
Writer = Callable[[Callable[[], T]], T]


def write_here(fn: Callable[[], T]) -> T:
    """The default :attr:`SyncClient.write`: database writes on the calling thread (the CLI)."""
    return fn()


CHECK_EVERY = timedelta(hours=1)  # a no-op sync re-checks the digests at most this often


@dataclass
class SyncReport:
    pushed: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    pull_conflicts: int = 0
    quarantined: int = 0  # pulled revisions set aside (隔离) in this sync
    numbers_reserved: int = 0
    renumbered: int = 0
    uploaded: int = 0
    downloaded: int = 0
    check: str = "skipped"  # ok / repaired / mismatch / skipped
    repaired_kinds: list[str] = field(default_factory=list)
    requests: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    seconds: float = 0.0
    conflicts_settled: int = 0  # resolved here, now resolved on the server too
    notices: list[str] = field(default_factory=list)  # refusals that did not stop the sync (number cap)

    def summary(self) -> str:
        parts = [f"发送 {self.pushed} 条", f"接收 {self.pulled} 条"]
        if self.conflicts or self.pull_conflicts:
            parts.append(f"冲突 {self.conflicts + self.pull_conflicts} 条")
        if self.rejected:
            parts.append(f"被拒 {self.rejected} 条")
        if self.quarantined:
            parts.append(
                f"已隔离 {self.quarantined} 条（本机暂时无法写入，其余照常同步，详见同步页或 advisor sync-status）"
            )
        if self.renumbered:
            parts.append(f"临时案号已确认 {self.renumbered} 件")
        parts.append(
            {
                "ok": "核对一致",
                "repaired": "核对不一致，已自动修复",
                "mismatch": "核对仍不一致，下次同步继续修复",
                "skipped": "未核对",
            }[self.check]
        )
        return "，".join(parts) + "".join(f"。{n}" for n in self.notices)


class SyncClient:
    """Sync of one local store with one city server account."""

    def __init__(
        self,
        store: Store,
        *,
        retry: RetryPolicy | None = None,
        batch_size: int = 2000,
        page_size: int = 1000,
        timeout: float = 60.0,
    ) -> None:
        self.store = store
        self.retry = retry or RetryPolicy()
        self.batch_size = batch_size
        self.page_size = page_size
        self.timeout = timeout
        self._lock = threading.Lock()  # one sync at a time per store
        self._http: Transport | None = None  # kept between syncs: connection and TLS set-up once
        self.last_ok: datetime | None = None
        self._persisted_ok: datetime | None = None
        self._had_error = True  # clear a stale error from an earlier run on the first success
        # Every unit of database writing of a sync or a login goes through ``write(fn)`` (it returns
        # fn's result). The CLI writes on its own thread; the desktop app hands its one database
        # worker (ui.tasks.TaskManager.call_db), so the network steps run in the pool and the
        # writes never race the GUI's saves. Reads stay on the calling thread (SQLite WAL).
        self.write: Writer = write_here

    # --- account ----------------------------------------------------------------------------------

    @property
    def server_url(self) -> str | None:
        return self.store.setting("server_url")

    @property
    def username(self) -> str | None:
        return self.store.setting("sync_user")

    def _transport(
        self, token: str | None, cancel: threading.Event | None = None, url: str | None = None
    ) -> Transport:
        return Transport(
            url or self.server_url or "",
            token=token,
            retry=self.retry,
            cancel=cancel,
            timeout=(min(10.0, self.timeout), self.timeout),  # (connect, read)
        )

    def login(
        self,
        server_url: str,
        username: str,
        password: str,
        device_name: str = "",
        proceed: Callable[[], bool] | None = None,
    ) -> dict:
        """Log this installation in; the token goes to the keyring. Local data is untouched.

        ``proceed()`` is asked once the server has answered and before anything is kept: False (the
        person cancelled or stopped waiting meanwhile) abandons the login — the token is revoked,
        nothing is saved, :class:`LoginAbandoned` is raised."""
        server_url = server_url.rstrip("/")
        credentials._backend()  # fail before sending the password when the token could not be kept
        with self._transport(None, url=server_url) as http:
            reply = http.json(
                "POST",
                "/v1/auth/login",
                body={
                    "username": username,
                    "password": password,
                    "device_id": self.store.device_id,
                    "device_name": device_name[:128],
                },
            )
            http.token = reply["token"]
            regions = http.json("GET", "/v1/regions")
            if proceed is not None and not proceed():
                try:
                    http.retry = RetryPolicy(attempts=1)
                    http.request("POST", "/v1/auth/logout", ok=(204,))
                except SyncError:
                    pass  # unreachable again: the token was never kept here, so it is never used
                raise LoginAbandoned()
        credentials.save_token(server_url, username, reply["token"])
        rating = reply.get("rating")  # the 评价码 key (servers before issue 19 send none)
        if isinstance(rating, dict):
            credentials.save_rating_key(server_url, username, int(rating["device_no"]), str(rating["key"]))

        def keep() -> None:
            with pull.remote_connection(self.store.engine) as conn:
                pull.save_regions(conn, regions)
            self.store.set_setting("server_url", server_url)
            self.store.set_setting("sync_user", username)
            self.store.set_setting(setup.ACCOUNT_ROLE_SETTING, reply["account"]["role"])
            self.store.set_setting(setup.ACCOUNT_REGIONS_SETTING, ",".join(reply["account"]["regions"]))
            self.store.set_setting(setup.USER_SETTING, username)

        self.write(keep)
        self.store.user = username
        self.store.synced = True
        return reply["account"]

    def logout(self) -> int:
        """Revoke the token and forget it; returns how many records stay queued (never deleted)."""
        url, user = self.server_url, self.username
        if url and user:
            token = credentials.load_token(url, user)
            if token:
                try:
                    with self._transport(token, url=url) as http:
                        http.retry = RetryPolicy(attempts=1)
                        http.request("POST", "/v1/auth/logout", ok=(204,))
                except SyncError:
                    pass  # offline or already revoked: forgetting it here is what matters
            credentials.forget_token(url, user)
            credentials.forget_rating_key(url, user)
        self.write(lambda: self.store.set_setting("sync_user", ""))
        with self.store.engine.connect() as conn:
            return state.queued_count(conn)

    def token(self) -> str:
        url, user = self.server_url, self.username
        if not url or not user:
            raise AuthError("尚未登录同步服务器：请先登录（本机数据已保存）", code="not_logged_in")
        token = credentials.load_token(url, user)
        if not token:
            raise AuthError("本机没有保存的登录令牌，请重新登录（本机数据已保存）", code="not_logged_in")
        return token

    # --- status -----------------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        # The same reading `advisor sync-status` does without a client (local_status).
        return local_status.status(self.store, self.last_ok)

    def quarantined(self) -> list[quarantine.Quarantined]:
        """Pulled revisions set aside on this device, newest first (for the 同步 page and the CLI)."""
        with self.store.engine.connect() as conn:
            return quarantine.listing(conn)

    # --- sync -------------------------------------------------------------------------------------

    def sync(
        self,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        *,
        check_digests: bool | None = None,
    ) -> SyncReport:
        if not self._lock.acquire(blocking=False):
            raise SyncError("同步正在进行中", code="busy")
        started = time.perf_counter()
        report = SyncReport()
        try:
            http = self._connection(self.token(), cancel)
            before = (http.count.requests, http.count.up, http.count.down)
            try:
                self._run(http, report, progress or (lambda *_: None), check_digests)
            finally:
                report.requests, report.bytes_up, report.bytes_down = (
                    http.count.requests - before[0],
                    http.count.up - before[1],
                    http.count.down - before[2],
                )
                http.cancel = None
        except SyncError as exc:
            self._remember(sync_last_error=exc.message)
            self._had_error = True
            raise
        finally:
            self._lock.release()
            report.seconds = time.perf_counter() - started
        now = utcnow()
        # A no-op sync every few minutes need not fsync a settings row each time: once a minute is
        # plenty for "last sync" in the status bar (the in-memory value is exact).
        self.last_ok = now
        if self._persisted_ok is None or now - self._persisted_ok > timedelta(minutes=1) or self._had_error:
            self._remember(sync_last_ok=now.isoformat(timespec="seconds"), sync_last_error="")
            self._persisted_ok, self._had_error = now, False
        return report

    def _connection(self, token: str, cancel: threading.Event | None) -> Transport:
        http = self._http
        if http is None or http.token != token or http.base_url != (self.server_url or "").rstrip("/"):
            if http is not None:
                http.close()
            http = self._http = self._transport(token)
        http.retry = self.retry
        http.cancel = cancel
        return http

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def _remember(self, **values: str) -> None:
        def remember() -> None:
            with self.store.engine.begin() as conn:
                for key, value in values.items():
                    conn.execute(
                        sqlite_insert(Setting.__table__)
                        .values(key=key, value=value)
                        .on_conflict_do_update(index_elements=["key"], set_={"value": value})
                    )

        self.write(remember)

    def _set_cursor(self, **values: Any) -> None:
        def set_cursor() -> None:
            with self.store.engine.begin() as conn:
                state.set_cursor(conn, **values)

        self.write(set_cursor)

    def _server_key(self) -> str:
        return f"{self.server_url}|{self.username}"

    def _run(
        self, http: Transport, report: SyncReport, progress: Progress, check_digests: bool | None
    ) -> None:
        engine = self.store.engine
        # Settings are read before the transaction: an encrypted store has one connection per
        # thread (SingletonThreadPool), so a session opened inside it would share that connection.
        server_key = self._server_key()

        def start() -> state.Cursor:
            with engine.begin() as conn:
                cur = state.cursor(conn, server_key)
                if cur.value == 0:
                    # Pulling from the start (first sync, another account or server): what was set
                    # aside comes again if it is still in scope, and is quarantined again if still bad.
                    quarantine.clear(conn)
                return cur

        cur = self.write(start)
        # 0. a device logged in before 评价码 existed gets its key now (one request, once)
        self._fetch_rating_key(http)
        # 1. numbers: blocks for offline numbering, then provisional numbers confirmed (local edits)
        if numbers.committees_in_use(self.store):
            report.numbers_reserved = numbers.top_up(
                self.store, http, notices=report.notices, write=self.write
            )
            report.renumbered = self.write(lambda: numbers.confirm_provisional(self.store))
        # 2. push
        with engine.connect() as conn:
            queued, high = state.pending_changes(conn, cur.push_mark)
            for kind, ids in state.retry_later(conn).items():
                have = set(queued.get(kind, []))
                queued.setdefault(kind, []).extend(i for i in ids if i not in have)
        total = sum(len(ids) for ids in queued.values())
        if total:
            progress("发送本机修改", 0, total)
            pushed = self._push(http, queued, total, report, progress)
            cur.value = self._skip_own(cur.value, pushed)
            for kind in sorted(pushed.repull):
                self._pull(http, report, progress, cur, kinds=kind, after=0)
        items = total
        # conflicts resolved here since the last sync: resolved on the server too (after the push
        # that carried the resolutions)
        report.conflicts_settled = conflicts.settle_on_server(self.store, http, write=self.write)
        if high > cur.push_mark:
            self._set_cursor(push_mark=high, value=cur.value)
        # 3. pull
        pulled_any = self._pull(http, report, progress, cur)
        moved = bool(items) or pulled_any
        # 4. files the pulled records refer to
        self._download_files(http, report)
        # 5. check
        due = (
            check_digests
            if check_digests is not None
            else (moved or cur.checked_at is None or utcnow() - cur.checked_at > CHECK_EVERY)
        )
        if due:
            self._check(http, report, progress, cur)

    def _fetch_rating_key(self, http: Transport) -> None:
        url, user = self.server_url, self.username
        if not url or not user or credentials.load_rating_key(url, user) is not None:
            return
        try:
            reply = http.json("GET", "/v1/auth/rating-key")
        except SyncError as exc:
            if exc.status == 404:  # a server without rating by phone
                return
            raise
        credentials.save_rating_key(url, user, int(reply["device_no"]), str(reply["key"]))

    def _push(
        self,
        http: Transport,
        queued: dict[str, list[str]],
        total: int,
        report: SyncReport,
        progress: Progress,
    ) -> push.Pushed:
        resolver = None
        home = self.store.setting(setup.REGION_SETTING)

        def batches():  # noqa: ANN202 - read lazily: the next batch while the server takes this one
            nonlocal resolver
            for chunk in push.plan(queued, min(self.batch_size, MAX_BATCH)):
                with self.store.engine.connect() as conn:
                    if resolver is None:
                        resolver = ScopeResolver(conn, home)
                    yield push.collect(conn, chunk, home, resolver)

        pushed = push.push_all(
            self.store.engine,
            http,
            batches(),
            total=total,
            progress=lambda d, t: progress("发送本机修改", d, t),
            before_batch=lambda b: self._upload_files(http, b, report),
            write=self.write,
        )
        # 发送: what the server now holds of ours, including a batch resent after a lost reply
        report.pushed += pushed.accepted + pushed.duplicates
        report.duplicates += pushed.duplicates
        report.conflicts += pushed.conflicts
        report.rejected += pushed.rejected
        return pushed

    def _skip_own(self, cursor: int, pushed: push.Pushed) -> int:
        """Move the cursor over sequences that are provably all ours (no echo of our own push).

        A batch of n new changes answered with seq s took s-n+1..s under the server's lock; when the
        cursor stood at s-n nothing of anyone else lies in between.
        """
        for new, seq in pushed.new_seqs:
            if new > 0 and cursor == seq - new:
                cursor = seq
        return cursor

    def _pull(
        self,
        http: Transport,
        report: SyncReport,
        progress: Progress,
        cur: state.Cursor,
        kinds: str | None = None,
        after: int | None = None,
    ) -> bool:
        """Pages after the cursor (or a kind from ``after`` for a repair); True when anything came."""
        position = cur.value if after is None else after
        got = 0
        total = 0
        first_sync = position == 0 and kinds is None
        seen_ids: dict[str, set[str]] = {}
        while True:
            params: dict[str, int | str] = {"after": position, "limit": self.page_size}
            if kinds:
                params["kinds"] = kinds
            page = http.json("GET", "/v1/changes", params=params)
            if first_sync and page["more"] and not total:
                # A large first sync of an account: the server's counts give the progress bar a total.
                summary = http.json("GET", "/v1/summary")
                total = sum(t["count"] for t in summary["tables"].values())
            applied = pull.Applied()
            if page["count"] or (kinds is None and page["cursor"] != position):

                def apply(page: dict[str, Any] = page, applied: pull.Applied = applied) -> None:
                    with pull.remote_connection(self.store.engine) as conn:
                        pull.apply_page(conn, page["changes"], applied)
                        if kinds is None:
                            state.set_cursor(conn, value=page["cursor"])

                self.write(apply)
            for k, ids in applied.ids.items():
                seen_ids.setdefault(k, set()).update(ids)
            position = page["cursor"]
            if kinds is None:
                cur.value = position
            got += page["count"]
            report.pulled += applied.written
            report.pull_conflicts += applied.conflicts
            report.quarantined += applied.quarantined
            if page["count"]:
                progress("接收服务器记录", got, max(total, got))
            if not page["more"]:
                break
            http.check_cancel()
        self._last_seen = seen_ids
        return got > 0

    def _check(self, http: Transport, report: SyncReport, progress: Progress, cur: state.Cursor) -> None:
        progress("核对数据", 0, 1)
        for _round in range(3):
            summary = http.json("GET", "/v1/summary")
            # Protocol 2: ``seq`` is the highest change in this account's scope; a cursor at or past it
            # holds every change the counts are made of (the cursor of a quiet scope stays put).
            if summary["seq"] > cur.value:
                self._pull(http, report, progress, cur)  # someone pushed meanwhile: catch up, compare again
                continue
            with self.store.engine.connect() as conn:
                bad = check.mismatched(conn, summary["tables"])
            if not bad:
                self._set_cursor(checked_at=utcnow())
                report.check = "repaired" if report.repaired_kinds else "ok"
                return
            if report.repaired_kinds:
                break  # repaired once in this sync already; the next sync tries again
            for kind in bad:
                self._pull(http, report, progress, cur, kinds=kind, after=0)

                seen = self._last_seen.get(kind, set())

                def requeue(kind: str = kind, seen: set[str] = seen) -> None:
                    with self.store.engine.begin() as conn:
                        check.requeue_missing(conn, kind, seen)

                self.write(requeue)
            report.repaired_kinds = bad
            with self.store.engine.connect() as conn:
                queued, high = state.pending_changes(conn, cur.push_mark)
            total = sum(len(ids) for ids in queued.values())
            if total:
                self._push(http, queued, total, report, progress)
                self._set_cursor(push_mark=high)
                cur.push_mark = high
            self._pull(http, report, progress, cur)
        report.check = "mismatch"

    # --- files ------------------------------------------------------------------------------------

    def _upload_files(self, http: Transport, batch: list[push.Outgoing], report: SyncReport) -> None:
        for item in batch:
            if (
                item.kind == "attachments"
                and not item.wire.get("deleted")
                and blobs.upload(http, self.store, item.wire["sha256"])
            ):
                report.uploaded += 1

    def _download_files(self, http: Transport, report: SyncReport) -> None:
        # once, for files kept before the store had a key
        self.write(lambda: attachments.encrypt_plain_blobs(self.store))
        with self.store.engine.connect() as conn:
            wanted = blobs.missing(conn, self.store)
        for sha in wanted:
            http.check_cancel()
            if blobs.download(http, self.store, sha):
                report.downloaded += 1


def report_dict(report: SyncReport) -> dict:
    return asdict(report)
