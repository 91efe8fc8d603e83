"""Makers of realistic, valid identifiers and their normalised keys.

Every maker takes a ``numpy.random.Generator`` so a scenario is reproducible from its seed. The keys
follow ``docs/internals.md`` (phone E.164, IMEI first 14 digits, masked card ``first6*last4``, EVM
wallets lower case, ...); ``tests/samples`` checks them against ``linkview.identifiers.normalize``.
"""

from __future__ import annotations

import hashlib
import ipaddress

import numpy as np

__all__ = [
    "KZ_MOBILE_PREFIXES", "RU_MOBILE_PREFIXES", "IMSI_MNC", "CARD_BINS", "IBAN_BANKS",
    "luhn_digit", "imei", "imsi", "iin", "card", "mask_card", "masked_key", "iban", "iban_ok",
    "tron_address", "tron_ok", "evm_address", "tx_hash_tron", "tx_hash_evm", "device_id", "email",
    "ipv4", "ipv6", "erdr_number", "phone_key", "phone_spellings", "operator_of", "b58encode",
    "b58decode",
]

# Mobile allocations (DOMAIN.md): the operator that received the prefix, not the current one.
KZ_MOBILE_PREFIXES = {
    "kcell": (701, 702, 775, 778),
    "beeline": (705, 706, 771, 776, 777),
    "tele2": (700, 707, 708, 747, 761),
}
RU_MOBILE_PREFIXES = (903, 905, 909, 912, 915, 916, 920, 925, 926, 929, 952, 965, 977, 985, 999)
# MCC 401 Kazakhstan: MNC 01 Beeline, 02 Kcell, 07 Altel, 77 Tele2. MCC 250 Russia.
IMSI_MNC = {"beeline": "40101", "kcell": "40102", "altel": "40107", "tele2": "40177", "ru": "25001"}

# Card BINs: 440043 is Kaspi Gold (well known); the others are plausible issuer prefixes used for
# synthetic data only, not a verified BIN table.
CARD_BINS = {
    "Kaspi Bank": ("440043", "517792"),
    "Halyk Bank": ("440563", "539545", "405870"),
    "Jusan Bank": ("400303", "535911"),
    "ForteBank": ("418973", "522858"),
    "Bank CenterCredit": ("427401",),
    "Freedom Bank": ("440436",),
}
# Bank codes inside a KZ IBAN (DOMAIN.md).
IBAN_BANKS = {"Kaspi Bank": "722", "Halyk Bank": "601", "Jusan Bank": "998", "ForteBank": "965",
              "Bank CenterCredit": "856", "Freedom Bank": "551"}

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _digits(rng: np.random.Generator, n: int) -> str:
    return "".join(str(d) for d in rng.integers(0, 10, n))


def luhn_digit(body: str) -> str:
    """The Luhn check digit to append to ``body`` (IMEI, card numbers)."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


# Type allocation codes: 35/86 prefixes as phones carry; GoIP-style SIM boxes use 86.
_TACS_PHONE = ("35332511", "35391110", "35287311", "35925406", "86769204", "35684610", "86891403")
_TACS_SIMBOX = ("86201203", "86390004")


def imei(rng: np.random.Generator, *, simbox: bool = False) -> str:
    """A 15-digit IMEI with a valid Luhn check digit."""
    tacs = _TACS_SIMBOX if simbox else _TACS_PHONE
    body = tacs[int(rng.integers(len(tacs)))] + _digits(rng, 6)
    return body + luhn_digit(body)


def imsi(rng: np.random.Generator, operator: str) -> str:
    """A 15-digit IMSI of the operator (``kcell``, ``beeline``, ``tele2``, ``altel``, ``ru``)."""
    return IMSI_MNC[operator] + _digits(rng, 10)


def _iin_check(d: list[int]) -> int | None:
    s = sum(a * w for a, w in zip(d, range(1, 12), strict=True)) % 11
    if s == 10:
        s = sum(a * w for a, w in zip(d, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), strict=True)) % 11
        if s == 10:
            return None
    return s


def iin(rng: np.random.Generator, *, year: int | None = None, male: bool | None = None) -> str:
    """A valid Kazakhstan IIN (YYMMDD, century/sex digit, serial, check digit)."""
    while True:
        y = int(rng.integers(1955, 2004)) if year is None else year
        m, day = int(rng.integers(1, 13)), int(rng.integers(1, 29))
        is_male = bool(rng.integers(2)) if male is None else male
        century = (3 if y < 2000 else 5) + (0 if is_male else 1)
        body = f"{y % 100:02d}{m:02d}{day:02d}{century}{int(rng.integers(0, 10000)):04d}"
        check = _iin_check([int(c) for c in body])
        if check is not None:
            return body + str(check)


def card(rng: np.random.Generator, bank: str = "Kaspi Bank") -> str:
    """A 16-digit card number with a plausible BIN of ``bank`` and a valid Luhn digit."""
    bins = CARD_BINS[bank]
    body = bins[int(rng.integers(len(bins)))] + _digits(rng, 9)
    return body + luhn_digit(body)


def mask_card(number: str, style: int = 0) -> str:
    """A masked spelling as statements print it."""
    a, z = number[:6], number[-4:]
    if style == 1:
        return f"{a}******{z}"
    if style == 2:
        return f"{a[:4]}-{a[4:]}XX-XXXX-{z}"
    return f"{a[:4]} {a[4:]}** **** {z}"


def masked_key(number: str) -> str:
    """The normalised key of a masked card: first 6, ``*``, last 4."""
    return f"{number[:6]}*{number[-4:]}"


def _iban_mod(s: str) -> int:
    digits = "".join(str(int(c, 36)) for c in s)
    return int(digits) % 97


def iban(rng: np.random.Generator, bank: str = "Kaspi Bank") -> str:
    """A KZ IBAN (20 characters) with ISO 7064 mod-97 check digits."""
    code = IBAN_BANKS[bank]
    tail = ("S" if bank == "Kaspi Bank" else "") + _digits(rng, 13)
    bban = code + tail[:13]
    check = 98 - _iban_mod(bban + "KZ00")
    return f"KZ{check:02d}{bban}"


def iban_ok(value: str) -> bool:
    v = value.replace(" ", "").upper()
    return len(v) == 20 and v.startswith("KZ") and _iban_mod(v[4:] + v[:4]) == 1


def b58encode(raw: bytes) -> str:
    n = int.from_bytes(raw, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = _B58[r] + out
    pad = len(raw) - len(raw.lstrip(b"\0"))
    return "1" * pad + out


def b58decode(text: str) -> bytes:
    n = 0
    for ch in text:
        n = n * 58 + _B58.index(ch)
    body = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    pad = len(text) - len(text.lstrip("1"))
    return b"\0" * pad + body


def _checksum(payload: bytes) -> bytes:
    return hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]


def tron_address(rng: np.random.Generator) -> str:
    """A TRON base58check address: 0x41 + 20 bytes + 4-byte double-SHA-256 checksum."""
    payload = b"\x41" + rng.bytes(20)
    return b58encode(payload + _checksum(payload))


def tron_ok(address: str) -> bool:
    try:
        raw = b58decode(address)
    except ValueError:
        return False
    return len(raw) == 25 and raw[0] == 0x41 and _checksum(raw[:21]) == raw[21:]


def evm_address(rng: np.random.Generator) -> str:
    """An EVM address in lower case, as Etherscan exports write it."""
    return "0x" + rng.bytes(20).hex()


def tx_hash_tron(rng: np.random.Generator) -> str:
    return rng.bytes(32).hex()


def tx_hash_evm(rng: np.random.Generator) -> str:
    return "0x" + rng.bytes(32).hex()


def device_id(rng: np.random.Generator) -> str:
    """An Android id (16 hex, lower case) or an iOS identifierForVendor (upper-case UUID)."""
    if rng.random() < 0.6:
        return rng.bytes(8).hex()
    h = rng.bytes(16).hex().upper()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{h[16:20]}-{h[20:]}"


_LATIN = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
          "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
          "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh",
          "ы": "y", "э": "e", "ю": "yu", "я": "ya", "ь": "", "ъ": "", "ё": "e", "ә": "a", "ғ": "g",
          "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i"}


def email(rng: np.random.Generator, first: str, last: str) -> str:
    """A plausible mailbox for a person; the written form may carry capitals."""
    lat = "".join(_LATIN.get(c, c) for c in (first + "." + last).lower())
    domain = ("mail.ru", "gmail.com", "inbox.ru", "yandex.kz", "bk.ru", "list.ru")[int(rng.integers(6))]
    text = f"{lat}{int(rng.integers(70, 100))}@{domain}"
    return text.title() if rng.random() < 0.15 else text


# Address blocks announced by Kazakhstan operators and ISPs (plausible for synthetic data).
_KZ_NETS = ("95.56.0.0/16", "2.132.0.0/14", "37.151.0.0/16", "178.89.0.0/17", "5.76.0.0/15",
            "92.46.0.0/15", "147.30.0.0/16", "188.0.128.0/19")


def ipv4(rng: np.random.Generator) -> str:
    net = ipaddress.ip_network(_KZ_NETS[int(rng.integers(len(_KZ_NETS)))])
    return str(net.network_address + int(rng.integers(1, net.num_addresses - 1)))


def ipv6(rng: np.random.Generator) -> str:
    """An IPv6 address written in full (with leading zeros), as some logs do."""
    groups = ["2a03", "32c0", f"{int(rng.integers(0, 0xFFFF)):04x}", "0000"] + [
        f"{int(rng.integers(0, 0x10000)):04x}" for _ in range(4)]
    return ":".join(groups)


# Regional codes for ЕРДР numbers: year (2) + body/region (4) + service (2) + type (1) + serial (6).
_ERDR_BODIES = ("1750", "1910", "7511", "4718", "1975", "6710")


def erdr_number(rng: np.random.Generator, year: int = 24) -> str:
    body = _ERDR_BODIES[int(rng.integers(len(_ERDR_BODIES)))]
    return f"{year:02d}{body}03{int(rng.integers(1, 3))}{int(rng.integers(1, 1_000_000)):06d}"


def phone_key(national: int | str) -> str:
    """E.164 key of a 10-digit national number of the +7 plan."""
    return f"+7{int(national):010d}"


def operator_of(national: int) -> str:
    prefix = int(national) // 10_000_000
    for op, prefixes in KZ_MOBILE_PREFIXES.items():
        if prefix in prefixes:
            return op
    return "ru" if 900 <= prefix <= 999 else "tele2"


def phone_spellings(national: int) -> list[str]:
    """The spellings seen in files, index-aligned with the styles of ``samples.formats``."""
    d = f"{int(national):010d}"
    return [
        "+7" + d,
        "8" + d,
        "7" + d,
        "7" + d + ".0",
        f"8 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}",
        f"+7 {d[:3]} {d[3:6]} {d[6:8]} {d[8:]}",
        f"8-{d[:3]}-{d[3:6]}-{d[6:8]}-{d[8:]}",
    ]
