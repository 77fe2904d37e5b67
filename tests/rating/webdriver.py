"""A small W3C WebDriver client over httpx for Debian's ``chromium`` + ``chromium-driver``
(no browser download, no selenium): a phone-sized window, a mobile (WeChat) user agent, and
JavaScript switched off, as the phone page must work without it."""

from __future__ import annotations

import base64
import shutil
import socket
import subprocess
import time
from typing import Any

import httpx

WECHAT_UA = (
    "Mozilla/5.0 (Linux; Android 13; V2055A Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 "
    "MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI "
    "Language/zh_CN ABI/arm64"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Phone:
    """One headless chromium session emulating a 360 px wide phone."""

    def __init__(self, width: int = 360, height: int = 740, javascript: bool = False) -> None:
        driver = shutil.which("chromedriver")
        browser = shutil.which("chromium")
        assert driver and browser, "chromium and chromium-driver are needed (.ci/run installs them)"
        self.port = _free_port()
        self.proc = subprocess.Popen(
            [driver, f"--port={self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.http = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=30)
        deadline = time.monotonic() + 20
        while True:
            try:
                if self.http.get("/status").json()["value"]["ready"]:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "chromedriver did not start"
            time.sleep(0.05)
        options: dict[str, Any] = {
            "binary": browser,
            "args": [
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--lang=zh-CN",
            ],
            "mobileEmulation": {
                "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2, "touch": True},
                "userAgent": WECHAT_UA,
            },
        }
        if not javascript:
            options["prefs"] = {"profile.managed_default_content_settings.javascript": 2}
        reply = self.http.post(
            "/session",
            json={"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}}},
        ).json()
        assert "sessionId" in reply["value"], reply
        self.session = reply["value"]["sessionId"]

    def _call(self, method: str, path: str, body: dict | None = None) -> Any:
        reply = self.http.request(method, f"/session/{self.session}{path}", json=body)
        value = reply.json()["value"]
        if reply.status_code >= 400:
            raise AssertionError(f"webdriver {path}: {value}")
        return value

    def open(self, url: str) -> None:
        self._call("POST", "/url", {"url": url})

    @property
    def url(self) -> str:
        return self._call("GET", "/url")

    @property
    def text(self) -> str:
        """The page's visible text; asked again while a navigation replaces the page."""
        for _attempt in range(50):
            try:
                return self._call("GET", f"/element/{self.find('body')}/text")
            except AssertionError as exc:
                if "stale element" not in str(exc) and "no such element" not in str(exc):
                    raise
                time.sleep(0.1)
        raise AssertionError("the page kept changing")

    def find(self, css: str) -> str:
        found = self._call("POST", "/element", {"using": "css selector", "value": css})
        return next(iter(found.values()))

    # Clicks and typing go through the DevTools protocol (real input events at the element's
    # place on screen): WebDriver's own click checks the element with page scripts, which are off.
    def _node(self, css: str) -> int:
        root = self.cdp("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = self.cdp("DOM.querySelector", {"nodeId": root, "selector": css})["nodeId"]
        assert node, f"no element {css}"
        return node

    def click(self, css: str) -> None:
        node = self._node(css)
        self.cdp("DOM.scrollIntoViewIfNeeded", {"nodeId": node})
        quad = self.cdp("DOM.getBoxModel", {"nodeId": node})["model"]["content"]
        x, y = (quad[0] + quad[4]) / 2, (quad[1] + quad[5]) / 2
        for kind in ("mousePressed", "mouseReleased"):
            self.cdp(
                "Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}
            )

    def type(self, css: str, text: str) -> None:
        self.click(css)
        self.cdp("Input.insertText", {"text": text})

    def wait_url(self, part: str, seconds: float = 15) -> str:
        """The address once it contains ``part`` (a submitted form navigates after the click)."""
        deadline = time.monotonic() + seconds
        while part not in (url := self.url):
            assert time.monotonic() < deadline, f"still at {url}"
            time.sleep(0.05)
        return url

    def rect(self, css: str) -> dict[str, float]:
        return self._call("GET", f"/element/{self.find(css)}/rect")

    def cdp(self, cmd: str, params: dict | None = None) -> Any:
        return self._call("POST", "/goog/cdp/execute", {"cmd": cmd, "params": params or {}})

    def screenshot(self, full_page: bool = True) -> bytes:
        """PNG of the page, the whole length of it (the width stays the phone's)."""
        if not full_page:
            return base64.b64decode(self._call("GET", "/screenshot"))
        metrics = self.cdp("Page.getLayoutMetrics")
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        shot = self.cdp(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
            },
        )
        return base64.b64decode(shot["data"])

    def close(self) -> None:
        try:
            self.http.delete(f"/session/{self.session}")
        finally:
            self.http.close()
            self.proc.terminate()
            self.proc.wait(10)
