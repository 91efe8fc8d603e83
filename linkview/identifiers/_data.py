"""Editable data files of the identifiers layer, read once through ``importlib.resources``.

The files live in ``linkview/identifiers/data``: CSV with a header, ``#`` comment lines allowed.
"""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources

__all__ = [
    "rows",
    "kz_mobile_prefixes",
    "service_numbers",
    "kz_banks",
    "iban_lengths",
    "mcc_mnc",
    "card_schemes",
]


@functools.cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``data/<name>`` as dictionaries (header names as keys, values stripped)."""
    text = resources.files("linkview.identifiers").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    return tuple({k.strip(): (v or "").strip() for k, v in row.items()} for row in reader)


@functools.cache
def kz_mobile_prefixes() -> dict[str, tuple[str, bool]]:
    """Prefix (3 digits after +7) -> (allocated operator, valid)."""
    return {r["prefix"]: (r["operator"], r["valid"].lower() in ("yes", "true", "1")) for r in
            rows("kz_mobile_prefixes.csv")}


@functools.cache
def service_numbers() -> dict[str, str]:
    """Short code -> service name."""
    return {r["code"]: r["name"] for r in rows("service_numbers.csv")}


@functools.cache
def kz_banks() -> dict[str, str]:
    """3-digit bank code of a KZ IBAN -> bank name."""
    return {r["code"]: r["bank"] for r in rows("kz_banks.csv")}


@functools.cache
def iban_lengths() -> dict[str, tuple[int, str]]:
    """Country code -> (IBAN length, country name)."""
    return {r["country"]: (int(r["length"]), r["name"]) for r in rows("iban_lengths.csv")}


@functools.cache
def mcc_mnc() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """(MCC -> country, (MCC, MNC) -> operator)."""
    countries: dict[str, str] = {}
    operators: dict[tuple[str, str], str] = {}
    for r in rows("mcc_mnc.csv"):
        countries.setdefault(r["mcc"], r["country"])
        if r["mnc"]:
            operators[(r["mcc"], r["mnc"])] = r["operator"]
    return countries, operators


@functools.cache
def card_schemes() -> tuple[tuple[str, str, str], ...]:
    """(first, last, scheme) prefix ranges, longest prefixes first."""
    table = [(r["first"], r["last"], r["scheme"]) for r in rows("card_schemes.csv")]
    return tuple(sorted(table, key=lambda t: -len(t[0])))
