"""A real ``chronicler serve`` on a free local port, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, sync_playwright

CHROMIUM_ARGS = [
    "--no-sandbox",  # the tests may run as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # no calls home: this machine's network is closed
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def serve() -> Iterator[Callable[[Path | str], str]]:
    """Start ``chronicler serve`` on a database (a SQLite file or a URL); gives its base URL and
    stops it afterwards."""
    servers: list[subprocess.Popen[bytes]] = []

    def start(db: Path | str) -> str:
        port = _free_port()
        script = Path(sys.executable).with_name("chronicler")
        server = subprocess.Popen([str(script), "serve", "--db", str(db), "--port", str(port)])
        servers.append(server)
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if httpx.get(f"{base}/login", timeout=1).status_code == 200:  # open, sign-in or not
                    return base
            except httpx.TransportError:
                time.sleep(0.1)
        pytest.fail("chronicler serve did not answer")

    yield start
    for server in servers:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI installs Debian's chromium (scripts/test); it is missing")
        pytest.skip("no Chromium here: apt-get install chromium (CI does)")
    return found


@pytest.fixture(scope="module")
def browser(chromium_path: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        found = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield found
        found.close()
