"""Call records ("детализация") of one target number, in three operator layouts.

Bulk background traffic (family and friends of a victim, the one-off callees of a fraud phone, the
spray of a SIM box) is drawn with numpy in one go; the planted calls (ring to victim, ring to ring,
victim to public numbers) come from the scenario's shared list, so a call between two recorded
numbers shows in both records with the same time and duration.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from samples import formats
from samples.world import Cell

__all__ = ["SERVICES", "CallBook", "Profile", "call_rows", "write_call_record", "LAYOUTS"]

# Short codes and alphanumeric senders; party codes below zero index this tuple (-1 -> SERVICES[0]).
SERVICES = ("7111", "102", "Kaspi.kz", "Halyk", "1414")

CALL, SMS, FWD = 0, 1, 2

# Per-hour weights of private traffic (local time) and of fraud call centres (working hours).
_HOURS_PRIVATE = np.array([1, 0.5, 0.3, 0.2, 0.2, 0.4, 1.5, 3, 4, 5, 5, 5, 5.5, 5, 5, 5, 5.5, 6, 7, 7,
                           6.5, 5, 3.5, 2], dtype=float)
_HOURS_WORK = np.array([0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 1, 4, 8, 9, 9, 8, 8, 9, 9, 8, 7, 5, 3,
                        1.5, 0.8, 0.3, 0.2], dtype=float)


def service_code(text: str) -> int:
    return -1 - SERVICES.index(text)


class CallBook:
    """Planted calls, indexed by every party that has a national number."""

    def __init__(self) -> None:
        self.by_party: dict[int, list[tuple[int, int, int, int, int]]] = defaultdict(list)

    def add(self, t: int, a: int, b: int, etype: int, duration: int) -> None:
        ev = (int(t), int(a), int(b), int(etype), int(duration) if etype == CALL else 0)
        for p in {a, b}:
            if p >= 0:
                self.by_party[p].append(ev)

    def of(self, national: int, start: int, end: int) -> list[tuple[int, int, int, int, int]]:
        return [e for e in self.by_party.get(national, ()) if start <= e[0] <= end]


@dataclass
class Profile:
    """How the background traffic of a record looks."""

    kind: str                      # victim | fraud | simbox
    contacts: np.ndarray           # national numbers of the other parties
    weights: np.ndarray | None = None


def call_rows(rng: np.random.Generator, *, target: int, period: tuple[int, int], n_background: int,
              profile: Profile, planted: list[tuple[int, int, int, int, int]]) -> dict[str, np.ndarray]:
    """Rows of a record as arrays: time, a, b, etype, out (bool), duration; sorted by time."""
    start, end = period
    n = int(n_background)
    days = max(1, (end - start + 1) // 86400)
    hours = _HOURS_WORK if profile.kind in ("simbox", "fraud") else _HOURS_PRIVATE
    t = (start + rng.integers(0, days, n) * 86400 + rng.choice(24, n, p=hours / hours.sum()) * 3600
         + rng.integers(0, 3600, n))
    contacts = profile.contacts
    if profile.kind == "simbox":
        other = contacts[rng.permutation(len(contacts))[:n] if len(contacts) >= n
                         else rng.integers(0, len(contacts), n)]
        out = rng.random(n) < 0.985
        etype = np.zeros(n, dtype=np.int64)
        short = rng.random(n) < 0.62
        dur = np.where(short, rng.integers(0, 16, n), np.exp(rng.normal(np.log(28), 0.55, n))).astype(np.int64)
    else:
        w = profile.weights
        idx = rng.choice(len(contacts), n, p=w) if w is not None else rng.integers(0, len(contacts), n)
        other = contacts[idx]
        p_out = 0.52 if profile.kind == "victim" else 0.7
        out = rng.random(n) < p_out
        u = rng.random(n)
        sms_share = 0.26 if profile.kind == "victim" else 0.12
        etype = np.where(u < sms_share, SMS, CALL).astype(np.int64)
        if profile.kind == "victim":
            etype[(u > 0.995) & out] = FWD
        med = 55 if profile.kind == "victim" else 80
        dur = np.clip(np.exp(rng.normal(np.log(med), 1.05, n)), 1, 5400).astype(np.int64)
        dur[etype == SMS] = 0
    a = np.where(out, target, other)
    b = np.where(out, other, target)
    if planted:
        p = np.array(planted, dtype=np.int64).reshape(-1, 5)
        t = np.concatenate([t, p[:, 0]])
        a = np.concatenate([a, p[:, 1]])
        b = np.concatenate([b, p[:, 2]])
        etype = np.concatenate([etype, p[:, 3]])
        dur = np.concatenate([dur, p[:, 4]])
        out = np.concatenate([out, p[:, 1] == target])
    order = np.argsort(t, kind="stable")
    return {"time": t[order], "a": a[order], "b": b[order], "etype": etype[order], "out": out[order],
            "duration": dur[order]}


# Layouts: which operator style a record takes (headers, type words, duration style).
LAYOUTS = {
    "kcell": {
        "operator": "АО «Кселл» (Kcell/Activ)",
        "header": ["№", "Дата и время соединения", "Длительность соединения (сек.)", "Абонент А", "Абонент Б",
                   "Тип соединения", "IMEI", "IMSI", "LAC", "CID", "Азимут", "Адрес БС"],
        "types": ("Исх", "Вх", "SMS_MO", "SMS_MT", "Переадресация"),
    },
    "beeline": {
        "operator": "ТОО «КаР-Тел» (Beeline Казахстан)",
        "header": ["Дата", "Время", "Длительность", "Абонент А", "Абонент Б", "Тип соединения", "IMEI",
                   "IMSI", "LAC/TAC-CellId", "Азимут", "Адрес БС"],
        "types": ("moc", "mtc", "SMS_MO", "SMS_MT", "Переадресация"),
    },
    "tele2": {
        "operator": "ТОО «Мобайл Телеком-Сервис» (Tele2/Altel)",
        "header": ["Дата и время соединения", "Длительность соединения (сек.)", "Тип соединения", "Абонент А",
                   "Абонент Б", "IMEI", "IMSI", "LAC", "CID", "Адрес БС", "Широта", "Долгота"],
        "types": ("Исх", "Вх", "SMS_MO", "SMS_MT", "Переадресация"),
    },
}


def _parties(codes: np.ndarray, styles: np.ndarray) -> np.ndarray:
    out = np.empty(len(codes), dtype=object)
    phones = codes >= 0
    out[phones] = formats.format_phones(codes[phones], styles[phones])
    for k, name in enumerate(SERVICES):
        out[codes == -1 - k] = name
    return out


def write_call_record(path: Path, rng: np.random.Generator, rows: dict[str, np.ndarray], *, layout: str,
                      fmt: str, target: int, imei_at: list[tuple[int, str]], imsi: str, cells: list[Cell],
                      cell_weights: np.ndarray | None, period: tuple[int, int], request: str) -> dict:
    """Write one record; returns its manifest facts (format, encoding, delimiter, header_row, rows)."""
    spec = LAYOUTS[layout]
    n = len(rows["time"])
    primary = int(rng.choice([0, 1, 2, 4, 5, 6]))
    if rng.random() < 0.2:
        primary = 3                                   # went through Excel: 77011234567.0
    styles = np.where(rng.random(n) < 0.07, rng.integers(0, len(formats.PHONE_STYLES), n), primary)
    col_a = _parties(rows["a"], styles)
    col_b = _parties(rows["b"], styles)
    out = rows["out"]
    et = rows["etype"]
    words = np.array(spec["types"], dtype=object)
    type_idx = np.where(et == SMS, np.where(out, 2, 3), np.where(out, 0, 1))
    type_idx[et == FWD] = 4
    col_type = words[type_idx]
    # The target's handset at each row (a SIM moves between handsets), check digit 0 for some senders.
    bounds = np.array([s for s, _ in imei_at], dtype=np.int64)
    imeis = [v for _, v in imei_at]
    if rng.random() < 0.3:
        imeis = [v[:14] + "0" for v in imeis]
    col_imei = np.array(imeis, dtype=object)[np.clip(np.searchsorted(bounds, rows["time"], "right") - 1, 0, None)]
    ci = (rng.choice(len(cells), n, p=cell_weights) if len(cells) > 1 else np.zeros(n, dtype=np.int64))
    lac = np.array([str(c.lac) for c in cells], dtype=object)[ci]
    cid = np.array([str(c.cid) for c in cells], dtype=object)[ci]
    addr = np.array([c.address for c in cells], dtype=object)[ci]
    az = np.array([str(c.azimuth) for c in cells], dtype=object)[ci]
    dur = rows["duration"]
    t = rows["time"]
    d0, d1 = formats.format_times(np.array(period), "dmy")
    shown = formats.format_phones(np.array([target]), np.array([int(rng.choice([0, 1, 5]))]))[0]
    titles = [spec["operator"], f"Детализация соединений абонентского номера {shown}",
              f"за период с {d0} по {d1}", f"Ответ на запрос № {request}", ""]
    if layout == "kcell":
        columns = [np.arange(1, n + 1).astype(str), formats.format_times(t, "dmy_hms"), dur.astype(str), col_a,
                   col_b, col_type, col_imei, np.full(n, imsi, dtype=object), lac, cid, az, addr]
    elif layout == "beeline":
        columns = [formats.format_times(t, "dmy"), formats.format_times(t, "hms"),
                   formats.format_durations_hms(dur), col_a, col_b, col_type, col_imei,
                   np.full(n, imsi, dtype=object), lac + "/" + cid, az, addr]
    else:
        lat = np.array([f"{c.lat:.6f}" for c in cells], dtype=object)[ci]
        lon = np.array([f"{c.lon:.6f}" for c in cells], dtype=object)[ci]
        columns = [formats.format_times(t, "dmy_hms"), dur.astype(str), col_type, col_a, col_b, col_imei,
                   np.full(n, imsi, dtype=object), lac, cid, addr, lat, lon]
    # SMS rows carry no duration in the Kcell export.
    if layout == "kcell":
        columns[2] = np.where(et == SMS, "", columns[2])
    facts = {"rows": n, "layout": layout}
    if fmt == "xlsx":
        facts |= {"format": "xlsx", "encoding": None, "delimiter": None,
                  "header_row": formats.write_xlsx(path, header=spec["header"], columns=columns,
                                                   titles=titles, sheet="Детализация")}
    else:
        encoding = "cp1251" if fmt == "csv-cp1251" else "utf-8-sig"
        facts |= {"format": "csv", "encoding": encoding, "delimiter": ";",
                  "header_row": formats.write_csv(path, header=spec["header"], columns=columns, titles=titles,
                                                  encoding=encoding, delimiter=";", crlf=True,
                                                  pad_titles=encoding == "cp1251")}
    return facts
