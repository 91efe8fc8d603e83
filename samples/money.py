"""Bank statements: a bank's answer to a request (both sides named) and a one-card statement.

Planted transfers (victim -> mule -> mule -> cash-out) live in one shared ``Ledger`` so that the same
transfer shows in the payer's and the payee's statement. Background rows (salary, shop purchases,
transfers to family by phone, other victims' money on a mule card) are drawn per statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from samples import formats, ids
from samples.world import Person

__all__ = ["Party", "Transfer", "Ledger", "statement_rows", "write_statement", "MERCHANTS"]

MERCHANTS = ("MAGNUM CASH&CARRY", "SMALL", "GALMART", "Glovo", "Wolt", "Yandex Go", "Technodom",
             "Sulpak", "Kaspi Магазин", "АЗС Helios", "Аптека Europharma", "Chocofood", "Арбуз.kz")


_HOURS = np.array([0.3, 0.1, 0.05, 0.05, 0.05, 0.1, 0.4, 1.5, 3, 4, 5, 6, 7, 6, 5, 5, 6, 7, 8, 8, 7, 5, 3,
                   1.2])
_HOURS = _HOURS / _HOURS.sum()


@dataclass(frozen=True)
class Party:
    """One side of a transfer as a bank would name it."""

    kind: str          # card | phone | iban | merchant | atm | employer
    value: str         # card digits, national phone number, IBAN, or a name
    name: str = ""
    iin: str = ""
    bank: str = ""


@dataclass
class Transfer:
    t: int
    amount: float
    payer: Party
    payee: Party
    kind: str          # Перевод | Перевод по номеру телефона | Покупка | Снятие наличных | Зачисление
    purpose: str = ""


def card_party(p: Person) -> Party:
    return Party("card", p.card, p.name, p.iin, p.bank)


def phone_party(p: Person) -> Party:
    return Party("phone", str(p.line.national), p.name, p.iin, p.bank)


class Ledger:
    def __init__(self) -> None:
        self.transfers: list[Transfer] = []

    def add(self, tr: Transfer) -> Transfer:
        self.transfers.append(tr)
        return tr

    def of_card(self, card: str, phone: int | None = None, iban: str = "") -> list[Transfer]:
        """Transfers to or from a card, also those sent to its holder's phone or account number."""
        def mine(p: Party) -> bool:
            return ((p.kind == "card" and p.value == card)
                    or (phone is not None and p.kind == "phone" and p.value == str(phone))
                    or (bool(iban) and p.kind == "iban" and p.value == iban))
        return [tr for tr in self.transfers if mine(tr.payer) or mine(tr.payee)]


def _round_amount(rng: np.random.Generator, lo: float, hi: float) -> float:
    v = float(np.exp(rng.uniform(np.log(lo), np.log(hi))))
    return round(v, -2) if v > 5000 else round(v, 2)


def statement_rows(rng: np.random.Generator, owner: Person, *, role: str, period: tuple[int, int],
                   n_background: int, family: np.ndarray, ledger: Ledger) -> list[Transfer]:
    """The planted transfers touching ``owner``'s card, plus background, sorted by time."""
    own = card_party(owner)
    start, end = period
    out = list(ledger.of_card(owner.card, owner.line.national, owner.iban))
    days = max(1, (end - start) // 86400)
    when = (start + rng.integers(0, days, n_background) * 86400 + rng.choice(24, n_background, p=_HOURS) * 3600
            + rng.integers(0, 3600, n_background))
    for t, u in zip(when.tolist(), rng.random(n_background).tolist(), strict=True):
        if role == "victim":
            if u < 0.55:
                m = str(rng.choice(MERCHANTS))
                out.append(Transfer(t, _round_amount(rng, 400, 60_000), own, Party("merchant", m, m), "Покупка"))
            elif u < 0.8 and len(family):
                fam = Party("phone", str(int(rng.choice(family))))
                if rng.random() < 0.5:
                    out.append(Transfer(t, _round_amount(rng, 1000, 80_000), own, fam, "Перевод по номеру телефона"))
                else:
                    out.append(Transfer(t, _round_amount(rng, 1000, 50_000), fam, own, "Перевод по номеру телефона"))
            elif u < 0.9:
                out.append(Transfer(t, _round_amount(rng, 150_000, 650_000),
                                    Party("employer", "", "ТОО «Жетысу Логистик»"), own, "Зачисление",
                                    "Заработная плата"))
            else:
                out.append(Transfer(t, _round_amount(rng, 5000, 100_000), own, Party("atm", "", "АТМ"),
                                    "Снятие наличных"))
        else:
            # A mule card: money of strangers (other victims nobody reported yet) in, cash and transfers out.
            if u < 0.45:
                stranger = Party("card", ids.card(rng, str(rng.choice(list(ids.CARD_BINS)))), "")
                out.append(Transfer(t, _round_amount(rng, 20_000, 400_000), stranger, own, "Перевод"))
            elif u < 0.75:
                out.append(Transfer(t, _round_amount(rng, 20_000, 300_000), own, Party("atm", "", "АТМ"),
                                    "Снятие наличных"))
            else:
                m = str(rng.choice(MERCHANTS))
                out.append(Transfer(t, _round_amount(rng, 500, 20_000), own, Party("merchant", m, m), "Покупка"))
    out.sort(key=lambda tr: tr.t)
    return out


def _spell(rng: np.random.Generator, p: Party, *, own_bank: str, full: bool) -> str:
    """How the statement writes a party: another bank's card is masked unless this bank knows it in full."""
    if p.kind == "card":
        if full or p.bank == own_bank:
            v = p.value
            return v if rng.random() < 0.7 else " ".join(v[i:i + 4] for i in range(0, 16, 4))
        return ids.mask_card(p.value, int(rng.integers(3)))
    if p.kind == "phone":
        return ids.phone_spellings(int(p.value))[(0, 1, 4, 5)[int(rng.integers(4))]]
    if p.kind == "iban":
        return p.value if rng.random() < 0.7 else " ".join(p.value[i:i + 4] for i in range(0, 20, 4))
    return ""


def _as_own(p: Party, owner: Person, own_card: Party) -> Party:
    """A transfer sent to the owner's phone or account lands on the owner's card in the owner's statement."""
    if (p.kind == "phone" and p.value == str(owner.line.national)) or (p.kind == "iban" and p.value == owner.iban):
        return own_card
    return p


def write_statement(path: Path, rng: np.random.Generator, owner: Person, rows: list[Transfer], *, layout: str,
                    fmt: str, period: tuple[int, int], request: str) -> tuple[dict, list[tuple[str, Party]]]:
    """Write one statement. Returns manifest facts and the (spelling, party) pairs it wrote."""
    written: list[tuple[str, Party]] = []
    own_card = card_party(owner)
    rows = [Transfer(tr.t, tr.amount, _as_own(tr.payer, owner, own_card), _as_own(tr.payee, owner, own_card),
                     tr.kind, tr.purpose) for tr in rows]
    d0, d1 = formats.format_times(np.array(period), "dmy")
    cur = "₸" if fmt != "csv-cp1251" and rng.random() < 0.6 else "KZT"
    nbsp = rng.random() < 0.4
    own_masked = ids.mask_card(owner.card)
    if layout == "response":
        titles = [f"АО «{owner.bank}»", f"Ответ на запрос № {request}",
                  f"Сведения о движении денег по карте {own_masked} (ИИН держателя {owner.iin})",
                  f"за период с {d0} по {d1}", ""]
        header = ["Дата и время операции", "Сумма", "Валюта", "Тип операции", "Реквизиты отправителя",
                  "ИИН отправителя", "ФИО отправителя", "Реквизиты получателя", "ИИН получателя", "ФИО получателя",
                  "Назначение платежа"]
        cols: list[list[str]] = [[] for _ in header]
        times = formats.format_times(np.array([tr.t for tr in rows], dtype=np.int64), "dmy_hms") if rows else []
        for tr, ts in zip(rows, times, strict=True):
            own_out = tr.payer.kind == "card" and tr.payer.value == owner.card
            # The sending bank knows the card its client typed; the receiving bank sees another bank's
            # card masked.
            sp = _spell(rng, tr.payer, own_bank=owner.bank, full=own_out)
            rp = _spell(rng, tr.payee, own_bank=owner.bank, full=True)
            written += [(sp, tr.payer), (rp, tr.payee)]
            purpose = tr.purpose or (tr.payee.name if tr.payee.kind in ("merchant", "atm") else "")
            vals = [ts, formats.amount_text(tr.amount, nbsp=nbsp), cur, tr.kind, sp, tr.payer.iin,
                    tr.payer.name, rp, tr.payee.iin, tr.payee.name if tr.payee.kind != "merchant" else "", purpose]
            for c, v in zip(cols, vals, strict=True):
                c.append(v)
    else:
        titles = [f"АО «{owner.bank}»", f"Выписка по карточному счету {owner.iban}",
                  f"Клиент: {owner.name}, ИИН {owner.iin}", f"Период: {d0} - {d1}", ""]
        header = ["Дата", "Номер карты", "Описание операции", "Контрагент", "Наименование контрагента",
                  "Приход", "Расход", "Валюта"]
        cols = [[] for _ in header]
        times = formats.format_times(np.array([tr.t for tr in rows], dtype=np.int64), "dmy_hm") if rows else []
        own_text = owner.card if rng.random() < 0.5 else " ".join(owner.card[i:i + 4] for i in range(0, 16, 4))
        for tr, ts in zip(rows, times, strict=True):
            incoming = not (tr.payer.kind == "card" and tr.payer.value == owner.card)
            other = tr.payer if incoming else tr.payee
            spelled = _spell(rng, other, own_bank=owner.bank, full=False)
            written += [(own_text, Party("card", owner.card, owner.name, owner.iin, owner.bank)), (spelled, other)]
            desc = tr.kind + (f" ({tr.purpose})" if tr.purpose else "")
            amount = formats.amount_text(tr.amount, nbsp=nbsp)
            vals = [ts, own_text, desc, spelled, other.name, amount if incoming else "",
                    "" if incoming else amount, "KZT"]
            for c, v in zip(cols, vals, strict=True):
                c.append(v)
    facts = {"rows": len(rows), "layout": layout}
    if fmt == "xlsx":
        facts |= {"format": "xlsx", "encoding": None, "delimiter": None,
                  "header_row": formats.write_xlsx(path, header=header, columns=cols, titles=titles,
                                                   sheet="Выписка")}
    else:
        encoding = "cp1251" if fmt == "csv-cp1251" else "utf-8-sig"
        if encoding == "cp1251":
            cols[header.index("Валюта")] = ["KZT" if v == "₸" else v for v in cols[header.index("Валюта")]]
        facts |= {"format": "csv", "encoding": encoding, "delimiter": ";",
                  "header_row": formats.write_csv(path, header=header, columns=cols, titles=titles,
                                                  encoding=encoding, delimiter=";", crlf=True,
                                                  pad_titles=encoding == "cp1251")}
    return facts, written
