"""Block every network connection except loopback, in this process and (through
``sitecustomize``) in every Python process the tests start: the suite proves the application
never touches the network unless asked to download."""

from __future__ import annotations

import errno
import ipaddress
import socket

MESSAGE = "network access is blocked while testing (cifar-gui must work offline)"
_installed = False


def _is_loopback(host) -> bool:
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def install() -> None:
    global _installed
    if _installed:
        return
    _installed = True
    connect, connect_ex, getaddrinfo = (
        socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo
    )  # fmt: skip

    def refuse(sock, address) -> bool:
        return sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address[0])

    def guarded_connect(self, address):
        if refuse(self, address):
            raise OSError(errno.ENETUNREACH, MESSAGE)
        return connect(self, address)

    def guarded_connect_ex(self, address):
        if refuse(self, address):
            return errno.ENETUNREACH
        return connect_ex(self, address)

    def guarded_getaddrinfo(host, *args, **kwargs):
        if not _is_loopback(host) and not _is_ip(host):
            raise socket.gaierror(socket.EAI_NONAME, MESSAGE)
        return getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = guarded_connect
    socket.socket.connect_ex = guarded_connect_ex
    socket.getaddrinfo = guarded_getaddrinfo


def _is_ip(host) -> bool:
    try:
        ipaddress.ip_address(str(host))
    except ValueError:
        return False
    return True
