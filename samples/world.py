"""The people, lines, cards, wallets and rings of a scenario, and the record of what went where.

``build_world`` draws the cases, their victims, the fraud rings with their infrastructure (phones,
handsets, a SIM box, mule cards, wallets, ad accounts) and the public hubs. ``Truth`` remembers in
which case every planted identifier was written, which gives ``ground_truth.json`` its entities.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from samples import ids

__all__ = ["Line", "Cell", "Person", "Simbox", "AdAccount", "Ring", "Case", "Hub", "World", "Truth",
           "build_world", "SCHEMES", "CITIES", "EXCHANGE_LABELS"]

SCHEMES = ("bank_call", "marketplace", "investment")

# City -> (centre lat, lon, LAC base, streets) for base stations.
CITIES = {
    "Алматы": (43.2389, 76.8897, 12300, ("пр. Абая", "ул. Толе би", "пр. Райымбека", "ул. Жандосова",
                                         "мкр. Аксай-4", "ул. Сейфуллина", "пр. Аль-Фараби")),
    "Астана": (51.1694, 71.4491, 31200, ("пр. Кабанбай батыра", "ул. Кенесары", "пр. Республики",
                                         "ул. Сыганак", "пр. Туран", "ул. Бейбитшилик")),
    "Шымкент": (42.3417, 69.5901, 52100, ("пр. Тауке хана", "ул. Байтурсынова", "мкр. Нурсат",
                                          "ул. Рыскулова", "пр. Республики")),
    "Караганда": (49.8047, 73.1094, 41400, ("пр. Бухар-Жырау", "ул. Ерубаева", "пр. Нуркена Абдирова",
                                            "мкр. Степной-2", "ул. Гоголя")),
}

_MALE = ("Айдар", "Нурлан", "Ерлан", "Данияр", "Асхат", "Бауыржан", "Ержан", "Тимур", "Сергей", "Дмитрий",
         "Алексей", "Руслан", "Арман", "Мирас", "Санжар", "Канат")
_FEMALE = ("Айгерим", "Динара", "Гульнара", "Асель", "Жанар", "Сауле", "Елена", "Ольга", "Татьяна",
           "Айжан", "Мадина", "Индира", "Алия", "Наталья")
_SURNAMES = ("Нурланов", "Сериков", "Ахметов", "Жумабаев", "Касымов", "Оспанов", "Ибраимов", "Смагулов",
             "Иванов", "Ким", "Петров", "Тлеубаев", "Мухамеджанов", "Абдрахманов", "Байжанов", "Есенов",
             "Кусаинов", "Садыков", "Шевченко", "Искаков")
_PATRONYMS_M = ("Серикович", "Нурланович", "Каиратович", "Маратович", "Ерланович", "Сергеевич")
_PATRONYMS_F = ("Сериковна", "Нурлановна", "Каиратовна", "Маратовна", "Ерлановна", "Сергеевна")

EXCHANGE_LABELS = ("exchange hot wallet A", "exchange hot wallet B", "exchange hot wallet C")


@dataclass
class Line:
    """A SIM: its number (10 national digits) and IMSI."""

    national: int
    imsi: str

    @property
    def key(self) -> str:
        return ids.phone_key(self.national)


@dataclass
class Cell:
    lac: int
    cid: int
    azimuth: int
    address: str
    lat: float
    lon: float


@dataclass
class Person:
    name: str
    iin: str
    line: Line
    imei: str
    card: str
    bank: str
    iban: str
    city: str
    cells: list[Cell] = field(default_factory=list)
    wallet_tron: str = ""
    wallet_evm: str = ""

    @property
    def short_name(self) -> str:
        parts = self.name.split()
        return f"{parts[1]} {parts[0][0]}." if len(parts) > 1 else self.name


@dataclass
class Simbox:
    imei: str
    sims: list[Line]
    cell: Cell


@dataclass
class AdAccount:
    site: str
    uid: str
    display_name: str
    email: str
    reg_phones: list[Line]
    contact_phone: Line
    devices: list[str]
    reg_time: int

    @property
    def key(self) -> str:
        return f"{self.site}:{self.uid}"


@dataclass
class Ring:
    id: str
    scheme: str
    cases: list[int]
    city: str
    phones: list[Line]
    handsets: list[str]
    cells: list[Cell]
    mules: list[Person]            # first hop ("дропперы") or P2P "merchants"
    mule2: Person                  # second hop
    cashout: Person                # where the money leaves the banks
    simbox: Simbox | None = None
    wallets_tron: list[str] = field(default_factory=list)
    consolidation_tron: str = ""
    wallets_evm: list[str] = field(default_factory=list)
    consolidation_evm: str = ""
    ad_accounts: list[AdAccount] = field(default_factory=list)
    static_ip: str = ""
    window: tuple[int, int] = (0, 0)


@dataclass
class Case:
    index: int
    number: str
    victims: list[Person]
    rings: list[Ring]
    incident: dict[str, int]        # ring id -> unix seconds (local time) of the fraud
    period: tuple[int, int]


@dataclass
class Hub:
    kind: str           # phone | service | wallet_tron | wallet_evm
    key: str
    label: str


@dataclass
class World:
    seed: int
    cases: list[Case]
    rings: list[Ring]
    hubs: list[Hub]
    numbers: _Numbers



class Truth:
    """Which planted identifier was written into which case, and whose it is."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.owner: dict[tuple[str, str], str] = {}

    def own(self, owner: str, kind: str, key: str) -> None:
        self.owner.setdefault((kind, key), owner)

    def saw(self, case: str, kind: str, key: str, owner: str | None = None) -> None:
        self.seen[(kind, key)].add(case)
        if owner is not None:
            self.own(owner, kind, key)

    def entities_of(self, owner: str) -> list[dict]:
        out = [{"kind": k, "key": v, "cases": sorted(self.seen[(k, v)])}
               for (k, v), o in self.owner.items() if o == owner and self.seen.get((k, v))]
        return sorted(out, key=lambda e: (e["kind"], e["key"]))


# --------------------------------------------------------------------------- drawing helpers

def _unix(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> int:
    return int(np.datetime64(f"{y:04d}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}", "s").astype("int64"))


class _Numbers:
    """Draws unique phone numbers, never reusing one across roles or cases."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.used: set[int] = set()

    def one(self, *, country: str = "kz", operator: str | None = None) -> int:
        while True:
            if country == "ru":
                prefix = int(self.rng.choice(ids.RU_MOBILE_PREFIXES))
            else:
                op = operator or ("kcell", "beeline", "tele2")[int(self.rng.integers(3))]
                prefix = int(self.rng.choice(ids.KZ_MOBILE_PREFIXES[op]))
            n = prefix * 10_000_000 + int(self.rng.integers(1_000_000, 10_000_000))
            if n not in self.used:
                self.used.add(n)
                return n

    def line(self, *, country: str = "kz") -> Line:
        n = self.one(country=country)
        op = ids.operator_of(n)
        if op == "tele2" and self.rng.random() < 0.3:
            op = "altel"
        return Line(n, ids.imsi(self.rng, op))

    def bulk(self, count: int) -> np.ndarray:
        """``count`` distinct numbers (KZ mostly, some RU) not used by anyone yet, in random order."""
        kz = np.array([p for ps in ids.KZ_MOBILE_PREFIXES.values() for p in ps], dtype=np.int64)
        ru = np.array(ids.RU_MOBILE_PREFIXES, dtype=np.int64)
        out = np.empty(0, dtype=np.int64)
        while len(out) < count:
            k = int((count - len(out)) * 1.05) + 16
            is_ru = self.rng.random(k) < 0.06
            prefix = np.where(is_ru, ru[self.rng.integers(0, len(ru), k)], kz[self.rng.integers(0, len(kz), k)])
            cand = prefix * 10_000_000 + self.rng.integers(1_000_000, 10_000_000, k)
            cand = np.concatenate([out, cand])
            _, first = np.unique(cand, return_index=True)
            cand = cand[np.sort(first)]
            if self.used:
                cand = cand[~np.isin(cand, np.fromiter(self.used, dtype=np.int64))]
            out = cand
        out = out[:count]
        self.used.update(out.tolist())
        return out


def _cells(rng: np.random.Generator, city: str, n: int) -> list[Cell]:
    lat, lon, lac, streets = CITIES[city]
    out = []
    for _ in range(n):
        street = streets[int(rng.integers(len(streets)))]
        out.append(Cell(
            lac=lac + int(rng.integers(0, 40)),
            cid=int(rng.integers(10_000, 65_000)) if rng.random() < 0.3 else int(rng.integers(100_000_000, 140_000_000)),
            azimuth=int(rng.integers(0, 36)) * 10,
            address=f"г. {city}, {street}, {int(rng.integers(1, 250))}",
            lat=round(lat + float(rng.normal(0, 0.03)), 6),
            lon=round(lon + float(rng.normal(0, 0.04)), 6),
        ))
    return out


def _person(rng: np.random.Generator, numbers: _Numbers, city: str, *, bank: str | None = None,
            country: str = "kz", age: tuple[int, int] = (1958, 2003)) -> Person:
    male = bool(rng.integers(2))
    first = str(rng.choice(_MALE if male else _FEMALE))
    surname = str(rng.choice(_SURNAMES))
    if not male and surname[-2:] in ("ов", "ев", "ин"):
        surname += "а"
    patronym = str(rng.choice(_PATRONYMS_M if male else _PATRONYMS_F))
    year = int(rng.integers(*age))
    bank = bank or ("Kaspi Bank" if rng.random() < 0.65 else str(rng.choice(list(ids.CARD_BINS)[1:])))
    return Person(
        name=f"{surname} {first} {patronym}",
        iin=ids.iin(rng, year=year, male=male),
        line=numbers.line(country=country),
        imei=ids.imei(rng),
        card=ids.card(rng, bank),
        bank=bank,
        iban=ids.iban(rng, bank),
        city=city,
        cells=_cells(rng, city, int(rng.integers(3, 7))),
    )


def _hubs(rng: np.random.Generator) -> list[Hub]:
    """Public numbers every victim may call, SMS senders, and exchange hot wallets."""
    hubs = [
        Hub("service", "7111", "Kaspi Bank contact centre (short number)"),
        Hub("service", "102", "police"),
        Hub("phone", "+77272585965", "bank contact centre (Almaty landline)"),
        Hub("phone", "+77172555105", "bank contact centre (Astana landline)"),
        Hub("phone", "+77273900900", "taxi dispatch (Almaty)"),
        Hub("phone", "+77172600600", "taxi dispatch (Astana)"),
        Hub("service", "kaspi.kz", "bank SMS sender"),
        Hub("service", "halyk", "bank SMS sender"),
        Hub("service", "1414", "eGov contact centre"),
    ]
    for label in EXCHANGE_LABELS:
        t = ids.tron_address(rng)
        hubs.append(Hub("wallet_tron", t, label + " (TRON)"))
    e = ids.evm_address(rng)
    hubs.append(Hub("wallet_evm", e, "exchange hot wallet (Ethereum)"))
    return hubs


def _ring_spans(rng: np.random.Generator, n_cases: int) -> list[list[int]]:
    """Cases of each ring: 2-5 consecutive cases; ring 2 starts on ring 1's last case (they share it)."""
    spans: list[list[int]] = []
    cursor = 0
    while cursor < n_cases:
        size = int(rng.integers(2, 6))
        start = cursor
        if spans and (len(spans) == 1 or rng.random() < 0.25 or n_cases - cursor == 1):
            start = spans[-1][-1]
        if len(spans) >= 2 and n_cases - cursor >= 4 and rng.random() < 0.12:
            cursor += 1          # a case no ring explains: an isolated fraud
            continue
        end = min(start + size, n_cases if spans else n_cases - 1)
        if end - start < 2:
            start = end - 2
        spans.append(list(range(start, end)))
        cursor = end
    return spans


def _ring(rng: np.random.Generator, numbers: _Numbers, rid: str, scheme: str, cases: list[int],
          window: tuple[int, int]) -> Ring:
    city = str(rng.choice(list(CITIES)))
    j = len(cases)
    if scheme == "investment":
        phones = [numbers.line(country="ru" if rng.random() < 0.6 else "kz") for _ in range(int(rng.integers(3, 6)))]
    else:
        phones = [numbers.line(country="ru" if rng.random() < 0.15 else "kz") for _ in range(int(rng.integers(3, 7)))]
    mules = [_person(rng, numbers, city, age=(1996, 2006)) for _ in range(max(2, min(j, 4)))]
    ring = Ring(
        id=rid, scheme=scheme, cases=cases, city=city, phones=phones,
        handsets=[ids.imei(rng) for _ in range(int(rng.integers(1, 3)) + 1)],
        cells=_cells(rng, city, int(rng.integers(2, 4))), mules=mules,
        mule2=_person(rng, numbers, city, age=(1990, 2005)),
        cashout=_person(rng, numbers, city, age=(1985, 2000)),
        window=window,
    )
    if scheme == "bank_call":
        sims = [numbers.line() for _ in range(max(6, 2 * j + 2))]
        ring.simbox = Simbox(ids.imei(rng, simbox=True), sims, _cells(rng, city, 1)[0])
    ring.wallets_tron = [ids.tron_address(rng) for _ in range(max(1, min(j, 3)))]
    ring.consolidation_tron = ids.tron_address(rng)
    ring.wallets_evm = [ids.evm_address(rng) for _ in range(max(1, min(j, 2)))]
    ring.consolidation_evm = ids.evm_address(rng)
    if scheme == "marketplace":
        devices = [ids.device_id(rng) for _ in range(max(2, j))]
        sites = ("olx", "krisha", "kolesa", "market")
        ring.static_ip = ids.ipv4(rng)
        for k in range(max(2, j)):
            holder = _person(rng, numbers, city)
            first, last = holder.name.split()[1], holder.name.split()[0]
            site = sites[0] if k % 3 != 2 else sites[1 + int(rng.integers(3))]
            ring.ad_accounts.append(AdAccount(
                site=site, uid=str(int(rng.integers(10_000_000, 99_999_999))),
                display_name=first, email=ids.email(rng, first, last),
                reg_phones=[phones[k % len(phones)], phones[(k + 1) % len(phones)]],
                contact_phone=phones[(k + 1) % len(phones)],
                devices=[devices[k % len(devices)], devices[(k + 1) % len(devices)]],
                reg_time=window[0] - int(rng.integers(20, 200)) * 86400 + int(rng.integers(0, 86400)),
            ))
    return ring


def build_world(seed: int, n_cases: int) -> World:
    """Draw every case, victim, ring and hub of a scenario."""
    rng = np.random.default_rng([seed, 1])
    numbers = _Numbers(rng)
    hubs = _hubs(rng)
    spans = _ring_spans(rng, n_cases)
    case_numbers: list[str] = []
    while len(case_numbers) < n_cases:
        num = ids.erdr_number(rng)
        if num not in case_numbers:
            case_numbers.append(num)
    rings: list[Ring] = []
    for r, span in enumerate(spans):
        # Rings work for one to two months, all within 2024 (records reach 20 days past the window).
        start = _unix(2024, 3, 10) + int(rng.integers(0, 200)) * 86400
        window = (start, start + int(rng.integers(25, 60)) * 86400)
        scheme = SCHEMES[r % len(SCHEMES)]
        rings.append(_ring(rng, numbers, f"R{r + 1}", scheme, span, window))
    cases: list[Case] = []
    for i, number in enumerate(case_numbers):
        mine = [ring for ring in rings if i in ring.cases]
        city = str(rng.choice(list(CITIES)))
        victims = [_person(rng, numbers, city)]
        if rng.random() < 0.3:
            victims.append(_person(rng, numbers, city))
        for v in victims:
            if any(r.scheme == "investment" for r in mine):
                v.wallet_tron = ids.tron_address(rng)
                v.wallet_evm = ids.evm_address(rng)
        incident = {}
        for ring in mine:
            lo, hi = ring.window
            t = lo + int(rng.integers(0, max(1, (hi - lo) // 86400))) * 86400
            incident[ring.id] = t + int(rng.integers(9 * 3600, 20 * 3600))
        if not incident:
            t = _unix(2024, 3, 10) + int(rng.integers(0, 250)) * 86400
            incident["-"] = t + int(rng.integers(9 * 3600, 20 * 3600))
        first, last = min(incident.values()), max(incident.values())
        period_start = (first - int(rng.integers(30, 60)) * 86400) // 86400 * 86400
        period_end = (last + int(rng.integers(10, 20)) * 86400) // 86400 * 86400 + 86399
        cases.append(Case(i, number, victims, mine, incident, (period_start, period_end)))
    return World(seed, cases, rings, hubs, numbers)
