"""The hall's address: loopback addresses are recognised, and the server's network addresses are found without
sending anything (every socket call that could send is made to fail: the search still works)."""

from __future__ import annotations

import ipaddress
import socket

import pytest

from psm_data.events import lan


@pytest.mark.parametrize(("url", "local"), [
    ("http://localhost:8501", True), ("http://127.0.0.1:8501/partecipa", True), ("http://[::1]:8501", True),
    ("http://0.0.0.0:8501", True), ("http://app.localhost", True), ("http://192.168.1.20:8501", False),
    ("https://psm.example.org", False), ("http://10.0.0.5:8501", False),
])
def test_which_addresses_a_phone_cannot_open(url: str, local: bool) -> None:
    assert lan.is_local_url(url) is local


def test_network_addresses_are_found_without_sending(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args, **_kwargs):  # noqa: ANN002, ANN003
        raise AssertionError("lan.py must not send or resolve anything")

    for name in ("send", "sendto", "sendall"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)
    found = lan.lan_addresses()
    for address in found:
        ip = ipaddress.ip_address(address)
        assert not (ip.is_loopback)
        assert not (ip.is_link_local)
        assert not (ip.is_unspecified)
    assert len(found) == len(set(found))
    assert lan.lan_base_urls(8600) == [f"http://{a}:8600" for a in found]


def test_private_hall_networks_come_first() -> None:
    ordered = sorted(["172.17.0.2", "10.1.2.3", "192.168.1.5", "8.8.4.4"], key=lan._preference)  # noqa: SLF001
    assert ordered == ["192.168.1.5", "10.1.2.3", "172.17.0.2", "8.8.4.4"]
