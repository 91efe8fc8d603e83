"""Readable, translated names of entity kinds and link kinds for the window (the data keeps the codes)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["kind_name", "link_name"]

_KINDS = {
    "phone": QT_TRANSLATE_NOOP("Kinds", "phone number"),
    "service": QT_TRANSLATE_NOOP("Kinds", "service number / sender"),
    "subscriber": QT_TRANSLATE_NOOP("Kinds", "subscriber"),
    "imei": QT_TRANSLATE_NOOP("Kinds", "handset (IMEI)"),
    "imsi": QT_TRANSLATE_NOOP("Kinds", "SIM card (IMSI)"),
    "card": QT_TRANSLATE_NOOP("Kinds", "bank card"),
    "masked_card": QT_TRANSLATE_NOOP("Kinds", "masked bank card"),
    "iban": QT_TRANSLATE_NOOP("Kinds", "IBAN account"),
    "account": QT_TRANSLATE_NOOP("Kinds", "account"),
    "iin": QT_TRANSLATE_NOOP("Kinds", "IIN (person)"),
    "bin": QT_TRANSLATE_NOOP("Kinds", "BIN (company)"),
    "wallet_tron": QT_TRANSLATE_NOOP("Kinds", "TRON wallet"),
    "wallet_evm": QT_TRANSLATE_NOOP("Kinds", "Ethereum / EVM wallet"),
    "wallet_btc": QT_TRANSLATE_NOOP("Kinds", "Bitcoin wallet"),
    "email": QT_TRANSLATE_NOOP("Kinds", "e-mail"),
    "ip": QT_TRANSLATE_NOOP("Kinds", "IP address"),
    "device": QT_TRANSLATE_NOOP("Kinds", "device"),
    "ad_account": QT_TRANSLATE_NOOP("Kinds", "ad-site account"),
    "listing": QT_TRANSLATE_NOOP("Kinds", "ad"),
    "person": QT_TRANSLATE_NOOP("Kinds", "person"),
}

_LINKS = {
    "call": QT_TRANSLATE_NOOP("Links", "calls"),
    "sms": QT_TRANSLATE_NOOP("Links", "SMS"),
    "transfer": QT_TRANSLATE_NOOP("Links", "transfers"),
    "payment": QT_TRANSLATE_NOOP("Links", "payments"),
    "login": QT_TRANSLATE_NOOP("Links", "logins"),
    "sim_in_handset": QT_TRANSLATE_NOOP("Links", "SIM in handset"),
    "sim_imsi": QT_TRANSLATE_NOOP("Links", "number of SIM"),
    "uses": QT_TRANSLATE_NOOP("Links", "used by account"),
    "pays_with": QT_TRANSLATE_NOOP("Links", "pays with card"),
    "posted": QT_TRANSLATE_NOOP("Links", "posted ad"),
    "contact": QT_TRANSLATE_NOOP("Links", "contact in ad"),
    "owns": QT_TRANSLATE_NOOP("Links", "owner"),
    "card_account": QT_TRANSLATE_NOOP("Links", "card of account"),
    "candidate": QT_TRANSLATE_NOOP("Links", "possible same card"),
}


def kind_name(kind: str) -> str:
    """``phone`` -> "phone number" in the window's language; an unknown code is shown as it is."""
    text = _KINDS.get(kind)
    return QCoreApplication.translate("Kinds", text) if text else str(kind)


def link_name(kind: str) -> str:
    """``sim_in_handset`` -> "SIM in handset" in the window's language."""
    text = _LINKS.get(kind)
    return QCoreApplication.translate("Links", text) if text else str(kind)
