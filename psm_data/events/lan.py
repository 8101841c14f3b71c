"""The server's own addresses on the local network, found without sending a single packet.

A hall's phones cannot open `localhost`: the QR code must carry the laptop's address on the hall's Wi-Fi. This
module asks the operating system only: the interfaces' IPv4 addresses (Linux `SIOCGIFADDR`), and the source
address the kernel would pick for a private destination (a UDP socket's `connect` sends nothing). No DNS, no
request to any host, so it works offline and never leaks anything.
"""

from __future__ import annotations

import fcntl
import ipaddress
import socket
import struct
from urllib.parse import urlsplit

LOCAL_HOSTNAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0"})  # noqa: S104 - names, not binds
_SIOCGIFADDR = 0x8915
#: Private destinations a UDP `connect` routes towards (nothing is sent): the kernel picks the interface.
_PROBES = ("10.255.255.255", "192.168.255.255", "172.31.255.255")


def is_local_url(url: str) -> bool:
    """True when a phone in the hall could not open `url` (loopback or unspecified host)."""
    host = (urlsplit(url).hostname or "").lower()
    if host in LOCAL_HOSTNAMES:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host.endswith(".localhost")
    return address.is_loopback or address.is_unspecified


def _usable(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_unspecified or ip.is_link_local or ip.is_multicast)


def _interface_addresses() -> list[str]:
    found: list[str] = []
    try:
        names = [name for _index, name in socket.if_nameindex()]
    except OSError:
        return found
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for name in names:
            try:
                packed = fcntl.ioctl(sock.fileno(), _SIOCGIFADDR, struct.pack("256s", name.encode()[:15]))
            except OSError:
                continue  # no IPv4 address on this interface
            found.append(socket.inet_ntoa(packed[20:24]))
    return found


def _routed_addresses() -> list[str]:
    found: list[str] = []
    for probe in _PROBES:
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
                sock.connect((probe, 9))  # UDP: sets the route, sends nothing
                found.append(sock.getsockname()[0])
        except OSError:
            continue
    return found


def lan_addresses() -> list[str]:
    """The server's IPv4 addresses a phone on the same network may reach: private ones first, no duplicates."""
    found = [a for a in dict.fromkeys(_routed_addresses() + _interface_addresses()) if _usable(a)]
    return sorted(found, key=_preference)


def _preference(address: str) -> tuple[bool, int]:
    """Private before public; 192.168 (a hall's or a phone's hotspot Wi-Fi) before 10 and 172 (often VPNs)."""
    rank = 0 if address.startswith("192.168.") else 1 if address.startswith("10.") else 2
    return not ipaddress.ip_address(address).is_private, rank


def lan_base_urls(port: int | str, scheme: str = "http") -> list[str]:
    """`http://<address>:<port>` for every LAN address: what to print and to offer for the QR codes."""
    return [f"{scheme}://{address}:{port}" for address in lan_addresses()]
