"""Datasette as a child process that never outlives claimtrack.

The child runs in its own process group, so a signal to claimtrack reaches the whole of Datasette (uvicorn
and anything it starts) through ``killpg``; on Linux the kernel also sends it SIGTERM should claimtrack die
without a chance to forward anything (``kill -9``).
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time

FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
GRACE_SECONDS = 5.0
PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """In the child before exec: ask for SIGTERM when the parent dies, and give up if it already has."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return  # not Linux: forwarding signals is all there is
    if os.getppid() != parent:
        os._exit(1)


def run(args: list[str]) -> int:
    """Run ``python -m datasette *args`` until it exits or claimtrack is told to stop; its exit status,
    or 0 when it stopped because we were asked to."""
    parent = os.getpid()
    child = subprocess.Popen(
        [sys.executable, "-m", "datasette", *args],
        start_new_session=True,
        preexec_fn=(lambda: _die_with_parent(parent)) if sys.platform.startswith("linux") else None,
    )
    stop: dict[str, float] = {}

    def forward(signum, _frame) -> None:
        stop.setdefault("at", time.monotonic())
        _signal_group(child.pid, signal.SIGTERM if signum == signal.SIGHUP else signum)

    previous = {sig: signal.signal(sig, forward) for sig in FORWARDED}
    try:
        while True:
            try:
                code = child.wait(timeout=0.2)
                return 0 if stop else code
            except subprocess.TimeoutExpired:
                if stop and time.monotonic() - stop["at"] > GRACE_SECONDS:
                    _signal_group(child.pid, signal.SIGKILL)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if child.poll() is None:  # an exception in this loop: still take the child down
            _signal_group(child.pid, signal.SIGKILL)
            child.wait()


def _signal_group(pid: int, signum: int) -> None:
    try:
        os.killpg(pid, signum)
    except ProcessLookupError:
        pass
