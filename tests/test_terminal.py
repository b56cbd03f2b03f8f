"""claimtrack in a real pseudo-terminal: what a user's screen shows, with nothing forced by environment."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios

import pytest

PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
ROWS, COLUMNS = 50, 120


def on_screen(args: list[str], **environ: str) -> str:
    """Run the CLI with a pseudo-terminal as stdin, stdout and stderr; everything it wrote there."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "COLUMNS",
            "LINES",
            "TTY_COMPATIBLE",
            "FORCE_COLOR",
            "NO_COLOR",
            "CLAIMTRACK_BIDI",
            "VTE_VERSION",
            "KONSOLE_VERSION",
            "MLTERM",
            "TERM_PROGRAM",
        }
    }
    env.update(TERM="xterm-256color", **environ)
    process = subprocess.Popen(
        [sys.executable, "-c", "from claimtrack.cli import main; main()", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=60) == 0
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", b"".join(chunks).decode("utf-8"))


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_terminal_shows_a_table_shaped_for_a_terminal_that_cannot(seed_db):
    screen = on_screen(["who-said", "Kirby", "--db", seed_db])
    assert "Who said: John Kirby" in screen
    assert "┏" in screen and "┃ text" in screen and "└" in screen
    assert all(len(line) <= COLUMNS for line in screen.splitlines())
    assert PRESENTATION_FORMS.search(screen)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_terminal_that_reorders_itself_gets_logical_order(seed_db):
    screen = on_screen(["speakers", "--db", seed_db], VTE_VERSION="7600")
    assert "┃ speaker" in screen and "John Kirby" in screen
    screen = on_screen(["who-said", "Kirby", "--db", seed_db], VTE_VERSION="7600")
    assert "تشعر" in screen and not PRESENTATION_FORMS.search(screen)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sets a pipe's size (Linux)")
def test_a_reader_that_stops_early_gets_no_error(seed_db):
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from claimtrack.cli import main; main()",
            "export",
            "--db",
            seed_db,
            "--format",
            "jsonl",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    fcntl.fcntl(process.stdout.fileno(), fcntl.F_SETPIPE_SZ, 4096)  # smaller than the export, so the writer blocks
    process.stdout.read(100)
    process.stdout.close()  # what `| head -c 100` does
    assert process.wait(timeout=60) == 141
    assert process.stderr.read() == b""
