"""E-mail addresses, IP addresses, device ids, ad-site accounts and listings, person names.

>>> normalize_ip("1.2.3.4:5555").info_dict()["port"]
'5555'
>>> normalize_ad_account("OLX:12345").key
'olx:12345'
>>> normalize_person("  ИВАНОВ   Пётр ").key
'иванов петр'
"""

from __future__ import annotations

import ipaddress
import re

from linkview.identifiers._base import Identifier, empty, excel_digits, to_text

__all__ = ["normalize_email", "normalize_ip", "normalize_device", "normalize_ad_account", "normalize_listing",
           "normalize_person"]

_SPACES = re.compile(r"\s+")
_EMAIL_CHAR = r"[^\s@<>()\[\],;:\"\\.]"
_EMAIL = re.compile(rf"^{_EMAIL_CHAR}+(?:\.{_EMAIL_CHAR}+)*@((?:{_EMAIL_CHAR}+\.)+[^\W\d_]{{2,}})$")
_V4_PORT = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$")
_V6_PORT = re.compile(r"^\[([0-9a-fA-F:.]+(?:%\w+)?)\](?::(\d{1,5}))?$")
_V4_ZEROS = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_GUID = re.compile(r"^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$")
_HEX16 = re.compile(r"^[0-9a-f]{16}$")
_SITE = re.compile(r"^[a-z0-9][a-z0-9.\-_]*$")
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


def normalize_email(raw: object) -> Identifier:
    """An e-mail address, lower case, with a basic syntax check."""
    text, _ = to_text(raw)
    if not text:
        return empty("email")
    text = text.strip().strip("<>").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:].strip()
    key = text.lower()
    m = _EMAIL.match(key)
    if m is None:
        return Identifier("email", key, text, False, "not a valid e-mail address")
    return Identifier("email", key, key, True, "", (("domain", m.group(1)),))


def _ip_note(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    if addr.version == 4 and addr in _CGNAT:
        return "carrier-grade NAT address: shared by many subscribers, link only together with time and port"
    if addr.is_loopback:
        return "loopback address: the device itself"
    if addr.is_private:
        return "private address: not routable, means nothing across networks"
    if addr.is_multicast or addr.is_reserved or addr.is_unspecified:
        return "reserved address"
    return ""


def normalize_ip(raw: object) -> Identifier:
    """An IPv4 or IPv6 address; ``1.2.3.4:5555`` and ``[::1]:443`` keep the port in info, not in the key."""
    text, _ = to_text(raw)
    if not text:
        return empty("ip")
    port = ""
    host = text
    m = _V4_PORT.match(text) or _V6_PORT.match(text)
    if m:
        host, port = m.group(1), m.group(2) or ""
    notes = []
    if _V4_ZEROS.match(host) and any(len(p) > 1 and p.startswith("0") for p in host.split(".")):
        host = ".".join(str(int(p)) for p in host.split("."))
        notes.append("leading zeros removed")
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        return Identifier("ip", text.lower(), text, False, "not an IP address")
    if addr.version == 6 and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
        notes.append("IPv4-mapped IPv6 written as IPv4")
    info: list[tuple[str, str]] = [("version", str(addr.version))]
    if port:
        if not 0 <= int(port) <= 65535:
            return Identifier("ip", addr.compressed, addr.compressed, False, f"port {port} out of range",
                              tuple(info))
        info.append(("port", str(int(port))))
    scope = _ip_note(addr)
    if scope:
        notes.append(scope)
    return Identifier("ip", addr.compressed, addr.compressed, True, "; ".join(notes), tuple(info))


def normalize_device(raw: object) -> Identifier:
    """A device id (Android id, GUID, any token of an ad site): lower case, stripped."""
    text, _ = to_text(raw)
    if not text:
        return empty("device")
    key = _SPACES.sub(" ", text).lower()
    if _GUID.match(key):
        key = key.strip("{}")
        info: tuple[tuple[str, str], ...] = (("form", "GUID"),)
    elif _HEX16.match(key):
        info = (("form", "16 hex digits (Android id)"),)
    else:
        info = ()
    return Identifier("device", key, key, True, "", info)


def _site_id(raw: object, kind: str) -> Identifier:
    text, _ = to_text(raw)
    if not text:
        return empty(kind)
    text = _SPACES.sub(" ", text)
    if "://" in text:
        return Identifier(kind, text, text, False, "a web address: write site:id")
    site, sep, ident = text.partition(":")
    if not sep:
        parts = text.split(" ")
        if len(parts) == 2 and any(ch.isalpha() for ch in parts[0]):
            site, sep, ident = parts[0], " ", parts[1]
    if not sep:
        excel = excel_digits(text)
        bare = excel[0] if excel is not None and excel[1] else text
        return Identifier(kind, bare, bare, False, "site unknown: write site:id (e.g. olx:12345)")
    site = site.strip().lower()
    if site.startswith("www."):
        site = site[4:]
    ident = ident.strip()
    excel = excel_digits(ident)
    if excel is not None and excel[1]:
        ident = excel[0]
    if not ident or not _SITE.match(site):
        return Identifier(kind, text, text, False, "write site:id (e.g. olx:12345)")
    key = f"{site}:{ident}"
    return Identifier(kind, key, key, True, "", (("site", site),))


def normalize_ad_account(raw: object) -> Identifier:
    """An ad-site account as ``site:id`` (site lower case); a bare id is kept but flagged."""
    return _site_id(raw, "ad_account")


def normalize_listing(raw: object) -> Identifier:
    """An ad listing as ``site:id`` (site lower case); a bare id is kept but flagged."""
    return _site_id(raw, "listing")


def normalize_person(raw: object) -> Identifier:
    """A person's name (Cyrillic or Latin): key casefolded, spaces folded, ё -> е; display in Title Case.

    A name never links cases on its own: the graph layer keeps person nodes per case.
    """
    text, _ = to_text(raw)
    if not text:
        return empty("person")
    folded = _SPACES.sub(" ", text).strip()
    key = folded.casefold().replace("ё", "е")
    display = folded.lower().title()
    if not any(ch.isalpha() for ch in key):
        return Identifier("person", key, folded, False, "a name has letters")
    return Identifier("person", key, display, True)
