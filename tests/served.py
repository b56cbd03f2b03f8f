"""`claimtrack serve` started for real, as a person would, on a free port of 127.0.0.1 only."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def children(pid: int) -> list[int]:
    """Every process descended from ``pid`` (read from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        kids = [p for p, pp in parents.items() if pp == parent]
        found += kids
        frontier += kids
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@dataclass
class Served:
    process: subprocess.Popen
    port: int
    name: str
    path: str
    log: object

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=30) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8")

    def json(self, path: str) -> dict:
        status, body = self.get(path)
        assert status == 200, (path, status, body[:500])
        return json.loads(body)

    def post(self, path: str, body: bytes) -> int:
        request = urllib.request.Request(self.base + path, data=body, method="POST")
        request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code

    def stop(self, signum: int = signal.SIGTERM) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signum)
            self.process.wait(timeout=30)


def claimtrack_command() -> list[str]:
    script = shutil.which("claimtrack", path=os.path.dirname(sys.executable))
    return [script] if script else [sys.executable, "-c", "from claimtrack.cli import main; main()"]


def serve(db: str, *extra: str) -> Served:
    port = free_port()
    # A file, not a pipe: nobody reads Datasette's request log while it serves, and a full pipe would block it.
    log = tempfile.TemporaryFile("w+")
    process = subprocess.Popen(
        [*claimtrack_command(), "serve", "--db", db, "--port", str(port), *extra], stdout=log, stderr=log, text=True
    )
    served = Served(process, port, Path(db).stem, db, log)
    deadline = time.monotonic() + START_TIMEOUT
    while not port_open(port):
        if process.poll() is not None:
            raise AssertionError(f"claimtrack serve exited {process.returncode}: {served.output()}")
        if time.monotonic() > deadline:
            served.stop()
            raise AssertionError(f"claimtrack serve did not listen within {START_TIMEOUT}s")
        time.sleep(0.2)
    return served
