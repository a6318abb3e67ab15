"""The suite runs with the network blocked (tests/network_guard): these check the guard holds,
in this process and in the processes the tests start, so every other test proves the
application works offline."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest


def test_outside_connections_fail_here():
    with pytest.raises(OSError, match="network access is blocked"):
        socket.create_connection(("1.1.1.1", 80), timeout=2)
    with pytest.raises(OSError, match="network access is blocked"):
        socket.getaddrinfo("www.cs.toronto.edu", 443)


def test_outside_connections_fail_in_child_processes():
    code = (
        "import socket\n"
        "try:\n    socket.create_connection(('8.8.8.8', 53), timeout=2)\n"
        "except OSError as exc:\n    print('refused:', exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "refused: " in out.stdout and "blocked" in out.stdout


def test_loopback_stays_open():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    with server, socket.create_connection(server.getsockname(), timeout=2):
        pass
