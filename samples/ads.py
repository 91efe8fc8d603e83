"""An ad site's answer about one account: registration, logins, listings and paid services.

One flat table, one record per row, as sites export it: the account columns repeat on every row and
each row fills the columns of its record type.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from samples import formats, ids
from samples.world import AdAccount, Person

__all__ = ["write_ad_response", "SITE_NAMES", "LISTINGS"]

SITE_NAMES = {"olx": "OLX.kz", "krisha": "Krisha.kz", "kolesa": "Kolesa.kz", "market": "Market.kz"}

LISTINGS = {
    "olx": (("iPhone 15 Pro 256GB, новый, гарантия", 420_000, 560_000),
            ("PlayStation 5 с двумя джойстиками", 180_000, 260_000),
            ("Диван угловой, доставка бесплатно", 90_000, 160_000),
            ("Щенки шпица, привиты, документы", 60_000, 150_000),
            ("Ноутбук MacBook Air M2", 380_000, 520_000)),
    "krisha": (("Сдается 1-комн. квартира посуточно, центр", 15_000, 30_000),
               ("2-комн. квартира, длительно, без посредников", 180_000, 280_000)),
    "kolesa": (("Toyota Camry 70, 2019 г., срочно", 9_500_000, 13_000_000),
               ("Шины зимние R17, комплект", 120_000, 220_000)),
    "market": (("Кондиционер с установкой", 140_000, 260_000),
               ("Стиральная машина LG 7 кг", 150_000, 230_000)),
}
_SERVICES = ("ТОП-объявление (7 дней)", "VIP-размещение", "Поднятие в поиске", "Пакет «Экспресс-продажа»")
_PHONE_STYLES = (0, 1, 3, 4, 5)


def write_ad_response(path: Path, rng: np.random.Generator, acc: AdAccount, *, city: str,
                      window: tuple[int, int], static_ip: str, pay_cards: list[Person], fmt: str) -> tuple[dict, dict]:
    """Write the site's answer for ``acc``; returns manifest facts and what was written (for the truth)."""
    header = ["ID аккаунта", "Площадка", "Тип записи", "Имя", "Телефон", "E-mail", "Дата регистрации",
              "Дата и время входа", "IP-адрес", "Порт", "ID устройства", "ID объявления", "Заголовок", "Цена",
              "Город", "Контактный телефон", "Дата оплаты", "Сумма оплаты", "Карта оплаты"]
    style = int(rng.choice(_PHONE_STYLES))
    rows: list[dict[str, str]] = []
    written = {"ips": set(), "listings": [], "masked": []}

    def phone(n: int) -> str:
        return formats.format_phones(np.array([n]), np.array([style]))[0]

    def stamp(t: int, fmt_: str = "dmy_hms") -> str:
        return formats.format_times(np.array([t]), fmt_)[0]

    for i, line in enumerate(acc.reg_phones):
        rows.append({"Тип записи": "Регистрация" if i == 0 else "Смена телефона", "Телефон": phone(line.national),
                     "E-mail": acc.email, "Дата регистрации": stamp(acc.reg_time + i * 86400 * 9)})
    lo, hi = window
    n_logins = int(rng.integers(8, 40))
    for t in np.sort(rng.integers(lo - 30 * 86400, hi, n_logins)):
        if rng.random() < 0.35:
            ip = static_ip
        elif rng.random() < 0.12:
            ip = ids.ipv6(rng)
        else:
            ip = ids.ipv4(rng)
        written["ips"].add(ip)
        rows.append({"Тип записи": "Вход", "Дата и время входа": stamp(int(t)), "IP-адрес": ip,
                     "Порт": str(int(rng.integers(1024, 65535))),
                     "ID устройства": acc.devices[int(rng.integers(len(acc.devices)))]})
    for _ in range(int(rng.integers(2, 6))):
        title, p_lo, p_hi = LISTINGS[acc.site][int(rng.integers(len(LISTINGS[acc.site])))]
        lid = str(int(rng.integers(100_000_000, 999_999_999)))
        written["listings"].append(f"{acc.site}:{lid}")
        rows.append({"Тип записи": "Объявление", "ID объявления": lid, "Заголовок": title,
                     "Цена": formats.amount_text(round(float(rng.uniform(p_lo, p_hi)), -3)).split(",")[0],
                     "Город": city, "Контактный телефон": phone(acc.contact_phone.national)})
    for _ in range(int(rng.integers(1, 4))):
        mule = pay_cards[int(rng.integers(len(pay_cards)))]
        written["masked"].append(mule.card)
        rows.append({"Тип записи": "Платная услуга: " + _SERVICES[int(rng.integers(len(_SERVICES)))],
                     "Дата оплаты": stamp(int(rng.integers(lo, hi))),
                     "Сумма оплаты": formats.amount_text(float(rng.choice([990, 1490, 2990, 4990]))),
                     "Карта оплаты": ids.mask_card(mule.card, int(rng.integers(3)))})
    for r in rows:
        r.setdefault("Имя", acc.display_name)
        r["ID аккаунта"] = acc.uid
        r["Площадка"] = acc.site
    cols = [[r.get(h, "") for r in rows] for h in header]
    facts = {"rows": len(rows), "layout": "ad_response"}
    if fmt == "xlsx":
        facts |= {"format": "xlsx", "encoding": None, "delimiter": None,
                  "header_row": formats.write_xlsx(path, header=header, columns=cols, sheet="Ответ")}
    else:
        facts |= {"format": "csv", "encoding": "utf-8-sig", "delimiter": ",",
                  "header_row": formats.write_csv(path, header=header, columns=cols, encoding="utf-8-sig",
                                                  delimiter=",", crlf=True)}
    return facts, written
