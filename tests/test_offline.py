"""Offline: the suite and chronicler itself reach no other machine (nothing downloads at run time)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_a_connection_off_this_machine_is_refused_and_recorded(offline: list[str]) -> None:
    before = len(offline)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s, pytest.raises(OSError, match="offline"):
        s.connect(("192.0.2.1", 80))  # TEST-NET-1: documentation only, never routed
    assert offline[before:] == ["192.0.2.1"]
    del offline[before:]  # this test's own attempt does not fail the session


def test_this_machine_stays_reachable() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=5):
            pass


def _can_unshare() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(not _can_unshare(), reason="needs `unshare -n` (root or user namespaces)")
def test_extraction_runs_with_no_network_at_all(tmp_path: Path) -> None:
    """In a network namespace with no interface but loopback, the whole extract path (the spawned
    worker, spaCy, the detector's encoder) reads the examples as it does online."""
    command = [sys.executable, "-m", "chronicler.cli", "extract", str(ROOT / "examples"), "--format", "jsonl"]
    done = subprocess.run(["unshare", "-n", *command], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    ids = sorted(json.loads(line)["id"] for line in done.stdout.splitlines() if line.strip())
    golden = ROOT / "tests" / "golden" / "examples.jsonl"
    assert ids == sorted(json.loads(line)["id"] for line in golden.read_text(encoding="utf-8").splitlines())
