"""E-mail, IP, device, ad accounts, listings, persons."""

from __future__ import annotations

import pytest

from linkview.identifiers import normalize


@pytest.mark.parametrize(("raw", "key"), [("Ivan.Petrov@Mail.RU", "ivan.petrov@mail.ru"),
                                          ("mailto:a@b.kz", "a@b.kz"), (" <X@Y.com> ", "x@y.com"),
                                          ("ivan@почта.рф", "ivan@почта.рф")])
def test_email_valid(raw, key):
    ident = normalize("email", raw)
    assert (ident.key, ident.valid) == (key, True)


@pytest.mark.parametrize("raw", ["a..b@mail.ru", "a@b", "a b@c.com", "@mail.ru", "a@@b.kz", "a@b.c1"])
def test_email_invalid(raw):
    ident = normalize("email", raw)
    assert ident.valid is False and ident.key == raw.lower()


@pytest.mark.parametrize(("raw", "key", "port"), [
    ("1.2.3.4:5555", "1.2.3.4", "5555"), ("1.2.3.4", "1.2.3.4", None), ("[2001:DB8::1]:443", "2001:db8::1", "443"),
    ("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1", None), ("::ffff:5.6.7.8", "5.6.7.8", None),
    ("010.001.002.003", "10.1.2.3", None),
])
def test_ip(raw, key, port):
    ident = normalize("ip", raw)
    assert (ident.key, ident.valid) == (key, True)
    assert ident.info_dict().get("port") == port


def test_ip_scope_notes_and_invalid():
    assert "carrier-grade NAT" in normalize("ip", "100.64.12.1").note
    assert "private" in normalize("ip", "192.168.0.10").note
    assert normalize("ip", "95.56.1.2").note == ""
    assert normalize("ip", "999.1.1.1").valid is False
    assert normalize("ip", "1.2.3.4:70000").valid is False
    assert normalize("ip", "hello").valid is False


def test_device():
    ident = normalize("device", " {8F2A1B3C-1234-5678-9ABC-DEF012345678} ")
    assert ident.key == "8f2a1b3c-1234-5678-9abc-def012345678" and ident.valid
    assert normalize("device", "A1B2C3D4E5F60718").info_dict()["form"].startswith("16 hex")
    assert normalize("device", "Some Token").key == "some token"


@pytest.mark.parametrize("kind", ["ad_account", "listing"])
def test_site_ids(kind):
    assert normalize(kind, "OLX:12345").key == "olx:12345"
    assert normalize(kind, "olx 12345").key == "olx:12345"
    assert normalize(kind, "www.OLX.kz: 123.0").key == "olx.kz:123"
    bare = normalize(kind, "12345")
    assert (bare.kind, bare.key, bare.valid) == (kind, "12345", False)
    assert "site unknown" in bare.note
    assert normalize(kind, "https://olx.kz/d/x").valid is False


def test_person():
    ident = normalize("person", "  ИВАНОВ   Пётр  Сергеевич ")
    assert ident.key == "иванов петр сергеевич"
    assert ident.display == "Иванов Пётр Сергеевич"
    assert normalize("person", "Иванов Петр Сергеевич").key == ident.key
    assert normalize("person", "JOHN o'neil").display == "John O'Neil"
    assert normalize("person", "123").valid is False
