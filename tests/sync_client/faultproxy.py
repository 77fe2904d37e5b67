"""A loopback TCP proxy that cuts the Nth HTTP exchange (adapted from shared/peer-bench/byteproxy.py).

The shared proxy cuts the Nth *connection*; the client keeps connections alive, so this one counts
request/response exchanges instead: a new exchange starts when the client sends after the server
has answered. Modes: ``before`` (close without forwarding the request), ``after-request`` (forward
the request, close before any reply byte reaches the client), ``mid-response`` (forward part of
the reply, then close). Bytes are counted each way.
"""

from __future__ import annotations

import os
import socket
import threading

MODES = ("before", "after-request", "mid-response")


class FaultProxy:
    def __init__(self, target_port: int, listen_port: int = 0) -> None:
        self.target_port = target_port
        self.cuts: dict[int, str] = {}
        self.exchanges = 0
        self.triggered: list[tuple[int, str]] = []
        self.up = 0
        self.down = 0
        self._lock = threading.Lock()
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", listen_port))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def reset(self, cuts: dict[int, str] | None = None) -> None:
        with self._lock:
            self.cuts = dict(cuts or {})
            self.exchanges = 0
            self.triggered = []

    def close(self) -> None:
        self._closed = True
        self._listener.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            server = socket.create_connection(("127.0.0.1", self.target_port))
        except OSError:
            client.close()
            return
        conn = {"awaiting": True, "mode": None, "dead": False}

        def kill() -> None:
            conn["dead"] = True
            for s in (client, server):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

        def upstream() -> None:
            while not conn["dead"]:
                try:
                    data = client.recv(65536)
                except OSError:
                    break
                if not data:
                    break
                if conn["awaiting"]:
                    with self._lock:
                        self.exchanges += 1
                        n = self.exchanges
                        mode = self.cuts.get(n)
                        if mode:
                            self.triggered.append((n, mode))
                    conn["awaiting"], conn["mode"] = False, mode
                    if mode == "before":
                        kill()
                        return
                try:
                    server.sendall(data)
                except OSError:
                    break
                with self._lock:
                    self.up += len(data)
            kill()

        def downstream() -> None:
            while not conn["dead"]:
                try:
                    data = server.recv(65536)
                except OSError:
                    break
                if not data:
                    break
                mode = conn["mode"]
                if mode == "after-request":
                    kill()
                    return
                if mode == "mid-response":
                    data = data[: max(1, len(data) // 2)]
                try:
                    client.sendall(data)
                except OSError:
                    break
                with self._lock:
                    self.down += len(data)
                if mode == "mid-response":
                    kill()
                    return
                conn["awaiting"] = True
            kill()

        threading.Thread(target=upstream, daemon=True).start()
        downstream()


def main() -> None:
    """``python -m tests.sync_client.faultproxy LISTEN TARGET STATS``: count bytes; SIGUSR1 writes
    the counts to STATS, SIGTERM writes them and exits."""
    import json
    import signal
    import sys

    listen, target, stats = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    proxy = FaultProxy(target, listen)
    stop = threading.Event()

    def dump() -> None:
        with open(stats + ".tmp", "w") as fh:
            json.dump({"up": proxy.up, "down": proxy.down, "exchanges": proxy.exchanges}, fh)
        os.replace(stats + ".tmp", stats)

    signal.signal(signal.SIGUSR1, lambda *_a: dump())
    signal.signal(signal.SIGTERM, lambda *_a: (dump(), stop.set()))
    print("ready", flush=True)
    while not stop.wait(1):
        pass


if __name__ == "__main__":
    main()
