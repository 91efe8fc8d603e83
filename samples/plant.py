"""The planted story of every case: who called whom, where the money went, which hubs were touched.

Everything here is small (tens of rows per case); the bulk background comes later, per file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from samples import ids
from samples.calls import CALL, SMS, CallBook, service_code
from samples.crypto import Chain
from samples.money import Ledger, Party, Transfer, card_party, phone_party
from samples.world import Case, Person, Ring, World

__all__ = ["Plan", "plant"]

USDT_RATE = (445.0, 505.0)      # KZT per USDT in 2024


@dataclass
class Plan:
    book: CallBook = field(default_factory=CallBook)
    ledger: Ledger = field(default_factory=Ledger)
    tron: Chain = field(default_factory=lambda: Chain("tron"))
    eth: Chain = field(default_factory=lambda: Chain("eth"))
    money_paths: list[dict] = field(default_factory=list)
    hub_cases: dict[str, set[int]] = field(default_factory=dict)


def _hub_national(key: str) -> int:
    return int(key[2:])


def _hot(world: World, kind: str) -> list[str]:
    return [h.key for h in world.hubs if h.kind == kind]


def _cash_chain(rng: np.random.Generator, plan: Plan, world: World, ring: Ring, j: int, case: Case,
                paid: list[Transfer], mule: Person) -> None:
    """mule -> second mule -> cash-out card (or ATM) -> USDT bought and moved to the ring's wallets."""
    total = sum(tr.amount for tr in paid)
    t = max(tr.t for tr in paid) + int(rng.integers(15, 90)) * 60
    hop2 = plan.ledger.add(Transfer(t, round(total * 0.99, -2), card_party(mule), card_party(ring.mule2), "Перевод"))
    t2 = t + int(rng.integers(1, 6)) * 3600
    hops = [{"kind": "card", "key": mule.card}, {"kind": "card", "key": ring.mule2.card}]
    if rng.random() < 0.3:
        plan.ledger.add(Transfer(t2, round(hop2.amount * 0.5, -3), card_party(ring.mule2), Party("atm", "", "АТМ"),
                                 "Снятие наличных"))
    to_cashout = card_party(ring.cashout)
    if rng.random() < 0.5:   # to the account number instead of the card
        to_cashout = Party("iban", ring.cashout.iban, ring.cashout.name, ring.cashout.iin, ring.cashout.bank)
    plan.ledger.add(Transfer(t2 + 600, round(hop2.amount * 0.48, -2), card_party(ring.mule2), to_cashout,
                             "Перевод", "перевод на счет" if to_cashout.kind == "iban" else ""))
    hops.append({"kind": "card", "key": ring.cashout.card})
    plan.money_paths.append({
        "case": case.number, "ring": ring.id, "currency": "KZT", "amount": round(total, 2),
        "hops": [{"kind": "card", "key": world_victim_card(paid)}] + hops,
    })
    # The cash-out holder buys USDT on an exchange and withdraws it to a ring wallet.
    hot_in, hot_out = _hot(world, "wallet_tron")[j % 2], _hot(world, "wallet_tron")[2]
    wallet = ring.wallets_tron[j % len(ring.wallets_tron)]
    usdt = round(hop2.amount * 0.48 / rng.uniform(*USDT_RATE), 2)
    t3 = t2 + int(rng.integers(2, 20)) * 3600
    plan.tron.add(rng, t3, hot_in, wallet, usdt)
    plan.tron.add(rng, t3 + int(rng.integers(1, 6)) * 3600, wallet, ring.consolidation_tron, round(usdt - 1, 2))
    plan.tron.add(rng, t3 + int(rng.integers(20, 40)) * 3600, ring.consolidation_tron, hot_out,
                  round(usdt - 2, 2))
    plan.money_paths.append({
        "case": case.number, "ring": ring.id, "currency": "USDT", "amount": usdt,
        "hops": [{"kind": "wallet_tron", "key": k} for k in (hot_in, wallet, ring.consolidation_tron, hot_out)],
    })
    # A smaller part leaves over Ethereum (ERC-20 USDT).
    hot_e = _hot(world, "wallet_evm")[0]
    wallet_e = ring.wallets_evm[j % len(ring.wallets_evm)]
    usdt_e = round(usdt * 0.4, 2)
    t4 = t3 + int(rng.integers(2, 12)) * 3600
    plan.eth.add(rng, t4, hot_e, wallet_e, usdt_e)
    plan.eth.add(rng, t4 + int(rng.integers(1, 8)) * 3600, wallet_e, ring.consolidation_evm, round(usdt_e - 5, 2))
    plan.eth.add(rng, t4 + int(rng.integers(24, 60)) * 3600, ring.consolidation_evm, hot_e, round(usdt_e - 9, 2))
    plan.money_paths.append({
        "case": case.number, "ring": ring.id, "currency": "USDT", "amount": usdt_e,
        "hops": [{"kind": "wallet_evm", "key": k} for k in (hot_e, wallet_e, ring.consolidation_evm, hot_e)],
    })


def world_victim_card(paid: list[Transfer]) -> str:
    return paid[0].payer.value


def _bank_call(rng, plan: Plan, world: World, ring: Ring, j: int, case: Case, v: Person, T: int) -> None:
    sims = ring.simbox.sims
    s0, s1, s2 = (sims[(2 * j + k) % len(sims)].national for k in range(3))
    b = plan.book
    me = v.line.national
    b.add(T - 7200 - int(rng.integers(0, 600)), s0, me, CALL, int(rng.integers(20, 60)))
    b.add(T - 5400, s1, me, CALL, int(rng.integers(400, 900)))
    b.add(T - 86400 - int(rng.integers(0, 20000)), s2, me, CALL, int(rng.integers(4, 15)))
    op1 = ring.phones[j % len(ring.phones)].national
    op2 = ring.phones[(j + 1) % len(ring.phones)].national
    b.add(T - 1800, op1, me, CALL, int(rng.integers(600, 1500)))
    b.add(T - 1500, op1, me, SMS, 0)
    b.add(T + 900, me, op1, CALL, int(rng.integers(2, 8)))
    b.add(T - 3 * 86400 + int(rng.integers(0, 30000)), op2, me, CALL, int(rng.integers(30, 120)))
    mule = ring.mules[j % len(ring.mules)]
    paid = [plan.ledger.add(Transfer(T + k * int(rng.integers(300, 1200)), float(rng.integers(8, 90)) * 10_000,
                                     card_party(v), card_party(mule), "Перевод"))
            for k in range(int(rng.integers(1, 4)))]
    _cash_chain(rng, plan, world, ring, j, case, paid, mule)


def _marketplace(rng, plan: Plan, world: World, ring: Ring, j: int, case: Case, v: Person, T: int) -> None:
    acc = ring.ad_accounts[j % len(ring.ad_accounts)]
    c = acc.contact_phone.national
    me = v.line.national
    b = plan.book
    b.add(T - 26 * 3600, me, c, CALL, int(rng.integers(60, 300)))
    b.add(T - 25 * 3600, me, c, SMS, 0)
    b.add(T - 3 * 3600, c, me, CALL, int(rng.integers(120, 400)))
    b.add(T - 3000, c, me, SMS, 0)
    b.add(T + 3 * 3600, me, c, CALL, int(rng.integers(1, 5)))
    mule = ring.mules[j % len(ring.mules)]
    paid = [plan.ledger.add(Transfer(T + k * 1800, float(rng.integers(4, 60)) * 10_000, card_party(v),
                                     phone_party(mule), "Перевод по номеру телефона", "предоплата"))
            for k in range(int(rng.integers(1, 3)))]
    _cash_chain(rng, plan, world, ring, j, case, paid, mule)


def _investment(rng, plan: Plan, world: World, ring: Ring, j: int, case: Case, v: Person, T: int) -> None:
    me = v.line.national
    for k, phone in enumerate((ring.phones[j % len(ring.phones)], ring.phones[(j + 1) % len(ring.phones)])):
        for t in np.sort(rng.integers(T - 20 * 86400, T + 2 * 86400, int(rng.integers(6, 18)) // (k + 1))):
            b_dir = rng.random() < 0.8
            plan.book.add(int(t), phone.national if b_dir else me, me if b_dir else phone.national, CALL,
                          int(rng.integers(120, 2400)))
    mule = ring.mules[j % len(ring.mules)]
    paid = []
    scam = ring.wallets_tron[j % len(ring.wallets_tron)]
    hot = _hot(world, "wallet_tron")
    for k in range(int(rng.integers(2, 5))):
        t = T - (4 - k) * 3 * 86400 + int(rng.integers(0, 20000))
        tr = plan.ledger.add(Transfer(t, float(rng.integers(10, 150)) * 10_000, card_party(v), card_party(mule),
                                      "Перевод", "покупка USDT"))
        paid.append(tr)
        usdt = round(tr.amount / rng.uniform(*USDT_RATE), 2)
        plan.tron.add(rng, t + 1800, hot[k % 2], v.wallet_tron, usdt)
        plan.tron.add(rng, t + 5400, v.wallet_tron, scam, round(usdt - 1, 2))
        plan.money_paths.append({"case": case.number, "ring": ring.id, "currency": "USDT", "amount": usdt,
                                 "hops": [{"kind": "wallet_tron", "key": x}
                                          for x in (hot[k % 2], v.wallet_tron, scam, ring.consolidation_tron, hot[2])]})
    t_end = max(tr.t for tr in paid)
    total = sum(tr.amount for tr in paid) / USDT_RATE[1]
    plan.tron.add(rng, t_end + 6 * 3600, scam, ring.consolidation_tron, round(total * 0.97, 2))
    plan.tron.add(rng, t_end + 30 * 3600, ring.consolidation_tron, hot[2], round(total * 0.96, 2))
    # Part of the deposit went over Ethereum (ERC-20 USDT).
    scam_e = ring.wallets_evm[j % len(ring.wallets_evm)]
    hot_e = _hot(world, "wallet_evm")[0]
    usdt = float(rng.integers(5, 40)) * 100
    t = T - int(rng.integers(1, 5)) * 86400
    plan.eth.add(rng, t, hot_e, v.wallet_evm, usdt)
    plan.eth.add(rng, t + 3600, v.wallet_evm, scam_e, usdt - 5)
    plan.eth.add(rng, t + 10 * 3600, scam_e, ring.consolidation_evm, usdt - 6)
    plan.eth.add(rng, t + 40 * 3600, ring.consolidation_evm, hot_e, usdt - 9)
    plan.money_paths.append({"case": case.number, "ring": ring.id, "currency": "USDT", "amount": usdt,
                             "hops": [{"kind": "wallet_evm", "key": x}
                                      for x in (hot_e, v.wallet_evm, scam_e, ring.consolidation_evm, hot_e)]})
    _cash_chain(rng, plan, world, ring, j, case, paid, mule)


_SCHEMES = {"bank_call": _bank_call, "marketplace": _marketplace, "investment": _investment}


def _chatter(rng: np.random.Generator, plan: Plan, ring: Ring) -> None:
    """Ring members call each other and instruct their mules."""
    members = [p.national for p in ring.phones] + [m.line.national for m in ring.mules + [ring.mule2, ring.cashout]]
    lo, hi = ring.window
    for _ in range(int(rng.integers(20, 50))):
        a = ring.phones[int(rng.integers(len(ring.phones)))].national
        b = members[int(rng.integers(len(members)))]
        if a == b:
            continue
        t = int(rng.integers(lo - 10 * 86400, hi + 5 * 86400))
        plan.book.add(t, a, b, SMS if rng.random() < 0.2 else CALL, int(rng.integers(10, 400)))


def _hubs(rng: np.random.Generator, plan: Plan, world: World) -> None:
    """Victims call their bank, the police, taxis; banks and eGov send them SMS.

    Each public number is used in at least three cases (all cases of a smaller scenario): a hub.
    """
    n = len(world.cases)
    need = min(3, n)

    def cover(share: float) -> set[int]:
        cases = {c.index for c in world.cases if rng.random() < share}
        while len(cases) < need:
            cases.add(int(rng.integers(n)))
        return cases

    landlines = {h.key: cover(0.6) for h in world.hubs if h.kind == "phone"}
    services = {"7111": cover(0.7), "102": set(range(n))}
    senders = {"Kaspi.kz": cover(0.9), "Halyk": cover(0.4), "1414": cover(0.8)}
    plan.hub_cases = {**landlines, **services, **senders}
    for case in world.cases:
        T = min(case.incident.values())
        lo, hi = case.period
        for vi, v in enumerate(case.victims):
            me = v.line.national
            if vi == 0:
                if case.index in services["7111"]:
                    plan.book.add(T + int(rng.integers(1800, 7200)), me, service_code("7111"), CALL,
                                  int(rng.integers(120, 900)))
                plan.book.add(T + int(rng.integers(7200, 30000)), me, service_code("102"), CALL,
                              int(rng.integers(60, 400)))
                for key, cases in landlines.items():
                    if case.index in cases:
                        for t in rng.integers(lo, hi, int(rng.integers(1, 6))):
                            plan.book.add(int(t), me, _hub_national(key), CALL, int(rng.integers(30, 500)))
            for sender, cases in senders.items():
                if case.index in cases:
                    for t in rng.integers(lo, hi, int(rng.integers(1, 12))):
                        plan.book.add(int(t), service_code(sender), me, SMS, 0)


def _second_victim(rng, plan: Plan, ring: Ring, j: int, v2: Person, T: int) -> None:
    """A relative of the victim, also called and also paying the same mule."""
    caller = ring.phones[j % len(ring.phones)].national
    plan.book.add(T + int(rng.integers(3600, 20000)), caller, v2.line.national, CALL, int(rng.integers(60, 600)))
    mule = ring.mules[j % len(ring.mules)]
    plan.ledger.add(Transfer(T + int(rng.integers(20000, 40000)), float(rng.integers(3, 30)) * 10_000,
                             card_party(v2), card_party(mule), "Перевод"))


def _noise(rng: np.random.Generator, plan: Plan, world: World) -> None:
    """Strangers' money on the ring wallets and direct exchange withdrawals to them."""
    hot = _hot(world, "wallet_tron")
    for ring in world.rings:
        lo, hi = ring.window
        for w in ring.wallets_tron:
            # Withdrawals straight from every exchange: these wallets touch every case (hubs).
            for src in hot + [ids.tron_address(rng) for _ in range(int(rng.integers(1, 6)))]:
                plan.tron.add(rng, int(rng.integers(lo, hi)), src, w, float(rng.integers(50, 3000)))
        hot_e = _hot(world, "wallet_evm")
        for w in ring.wallets_evm:
            for src in hot_e + [ids.evm_address(rng) for _ in range(int(rng.integers(1, 4)))]:
                plan.eth.add(rng, int(rng.integers(lo, hi)), src, w, float(rng.integers(100, 2000)))


def plant(world: World) -> Plan:
    rng = np.random.default_rng([world.seed, 2])
    plan = Plan()
    for ring in world.rings:
        for j, ci in enumerate(ring.cases):
            case = world.cases[ci]
            T = case.incident[ring.id]
            _SCHEMES[ring.scheme](rng, plan, world, ring, j, case, case.victims[0], T)
            if len(case.victims) > 1:
                _second_victim(rng, plan, ring, j, case.victims[1], T)
        _chatter(rng, plan, ring)
    _hubs(rng, plan, world)
    _noise(rng, plan, world)
    return plan
