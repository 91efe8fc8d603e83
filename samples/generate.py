"""Generate a realistic multi-case fraud scenario with planted rings and its ground truth.

Usage::

    uv run python -m samples.generate OUT --cases 6 --rows 300 --seed 7 [--formats mixed|csv|xlsx]

writes one folder per criminal case (named by its 15-digit ЕРДР number) holding the files an
investigator receives: operator call records of the victims' and suspects' numbers, bank statements
of the victims' and mule cards, Tronscan/Etherscan exports of ring wallets and ad-site answers; plus
``OUT/ground_truth.json`` (rings, hubs, SIM boxes, victims, money paths, all as normalised keys) and
``OUT/manifest.json`` (every file with its case, kind, format, encoding and header row).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from samples import ids
from samples.ads import write_ad_response
from samples.calls import SERVICES, Profile, call_rows, write_call_record
from samples.crypto import write_etherscan, write_tronscan
from samples.money import Party, statement_rows, write_statement
from samples.plant import Plan, plant
from samples.world import Case, Line, Person, Ring, Truth, World, build_world

__all__ = ["generate_scenario", "main", "XLSX_MAX_ROWS", "FORMATS"]

XLSX_MAX_ROWS = 2_000         # bigger exports come as CSV (openpyxl writes ~20k cells/s: keep big runs fast)
FORMATS = ("mixed", "csv", "xlsx")


class _Writer:
    """Writes the files of one scenario and records them in the manifest and the truth."""

    def __init__(self, out: Path, world: World, plan: Plan, *, rows: int, file_formats: str) -> None:
        self.out, self.world, self.plan = out, world, plan
        self.rows = rows
        self.file_formats = file_formats
        self.truth = Truth()
        self.manifest: list[dict] = []
        self.simbox_numbers: dict[str, set[str]] = {}
        self._own_everything()

    # ------------------------------------------------------------------ ownership (for the truth)
    def _own_person(self, owner: str, p: Person) -> None:
        t = self.truth
        t.own(owner, "phone", p.line.key)
        t.own(owner, "imsi", p.line.imsi)
        t.own(owner, "imei", p.imei[:14])
        t.own(owner, "card", p.card)
        t.own(owner, "masked_card", ids.masked_key(p.card))
        t.own(owner, "iin", p.iin)
        t.own(owner, "iban", p.iban)
        if p.wallet_tron:
            t.own(owner, "wallet_tron", p.wallet_tron)
        if p.wallet_evm:
            t.own(owner, "wallet_evm", p.wallet_evm.lower())

    def _own_everything(self) -> None:
        t = self.truth
        for h in self.world.hubs:
            t.own("hub", h.kind, h.key)
        for ring in self.world.rings:
            o = f"ring:{ring.id}"
            for line in ring.phones + (ring.simbox.sims if ring.simbox else []):
                t.own(o, "phone", line.key)
                t.own(o, "imsi", line.imsi)
            for h in ring.handsets + ([ring.simbox.imei] if ring.simbox else []):
                t.own(o, "imei", h[:14])
            for p in ring.mules + [ring.mule2, ring.cashout]:
                self._own_person(o, p)
            for w in ring.wallets_tron + [ring.consolidation_tron]:
                t.own(o, "wallet_tron", w)
            for w in ring.wallets_evm + [ring.consolidation_evm]:
                t.own(o, "wallet_evm", w.lower())
            for acc in ring.ad_accounts:
                t.own(o, "ad_account", acc.key)
                t.own(o, "email", acc.email.lower())
                for d in acc.devices:
                    t.own(o, "device", d.lower())
            if ring.static_ip:
                t.own(o, "ip", ring.static_ip)
        for case in self.world.cases:
            for v in case.victims:
                self._own_person(f"victim:{case.number}", v)

    # ------------------------------------------------------------------ helpers
    def _rng(self, case: Case, k: int) -> np.random.Generator:
        return np.random.default_rng([self.world.seed, 3, case.index, k])

    def _fmt(self, rng: np.random.Generator, choices: dict[str, float], n: int, *, tabular: bool = True) -> str:
        if self.file_formats == "csv" or not tabular:
            choices = {k: v for k, v in choices.items() if k != "xlsx"} or {"csv-utf8": 1.0}
        elif self.file_formats == "xlsx":
            return "xlsx"
        if n > XLSX_MAX_ROWS:
            choices = {k: v for k, v in choices.items() if k != "xlsx"} or {"csv-utf8": 1.0}
        names = list(choices)
        w = np.array([choices[k] for k in names], dtype=float)
        return names[int(rng.choice(len(names), p=w / w.sum()))]

    def _record(self, case: Case, path: Path, kind: str, facts: dict, subject: dict) -> None:
        self.manifest.append({"file": path.relative_to(self.out).as_posix(), "case": case.number, "kind": kind,
                              **facts, "subject": subject})

    def _request(self, rng: np.random.Generator, case: Case) -> str:
        return f"{int(rng.integers(1, 40))}-{int(rng.integers(1, 9))}/{int(rng.integers(1000, 9999))} по УД № {case.number}"

    # ------------------------------------------------------------------ call records
    def call_record(self, case: Case, k: int, line: Line, *, role: str, owner: str, profile: Profile,
                    n_rows: int, period: tuple[int, int], imei_at: list[tuple[int, str]], cells, cell_w=None) -> None:
        rng = self._rng(case, k)
        planted = self.plan.book.of(line.national, *period)
        n_bg = max(0, n_rows - len(planted))
        rows = call_rows(rng, target=line.national, period=period, n_background=n_bg, profile=profile,
                         planted=planted)
        op = ids.operator_of(line.national)
        layout = {"kcell": "kcell", "beeline": "beeline", "tele2": "tele2", "altel": "tele2"}.get(
            op, ("kcell", "beeline", "tele2")[int(rng.integers(3))])
        choices = {"kcell": {"csv-cp1251": 0.7, "xlsx": 0.3}, "beeline": {"xlsx": 0.5, "csv-utf8": 0.5},
                   "tele2": {"csv-utf8": 0.7, "csv-cp1251": 0.3}}[layout]
        fmt = self._fmt(rng, choices, len(rows["time"]))
        name = f"calls_8{line.national:010d}.{'xlsx' if fmt == 'xlsx' else 'csv'}"
        path = self.out / case.number / name
        facts = write_call_record(path, rng, rows, layout=layout, fmt=fmt, target=line.national, imei_at=imei_at,
                                  imsi=line.imsi, cells=cells, cell_weights=cell_w, period=period,
                                  request=self._request(rng, case))
        t = self.truth
        t.saw(case.number, "phone", line.key)
        t.saw(case.number, "imsi", line.imsi)
        for _, imei in imei_at:
            t.saw(case.number, "imei", imei[:14])
        for ev in planted:
            for p in ev[1:3]:
                if p >= 0:
                    t.saw(case.number, "phone", ids.phone_key(p))
                else:
                    t.saw(case.number, "service", SERVICES[-1 - p].casefold())
        self._record(case, path, "calls", facts, {"role": role, "owner": owner, "kind": "phone", "key": line.key})

    # ------------------------------------------------------------------ statements
    def statement(self, case: Case, k: int, person: Person, *, role: str, owner: str, period, family) -> None:
        rng = self._rng(case, k)
        days = max(1, (period[1] - period[0]) // 86400)
        # A card shows a few operations a day, however long the call records are.
        n_bg = max(5, min(self.rows // 8, 4 * days)) if role == "victim" else max(5, min(self.rows // 15, 3 * days))
        rows = statement_rows(rng, person, role=role, period=period, n_background=n_bg, family=family,
                              ledger=self.plan.ledger)
        layout = "statement" if role == "victim" and rng.random() < 0.35 else "response"
        choices = {"csv-cp1251": 1.0} if layout == "statement" else {"xlsx": 0.4, "csv-utf8": 0.6}
        fmt = self._fmt(rng, choices, len(rows))
        path = self.out / case.number / f"statement_{person.card[-4:]}_{person.iin}.{'xlsx' if fmt == 'xlsx' else 'csv'}"
        facts, written = write_statement(path, rng, person, rows, layout=layout, fmt=fmt, period=period,
                                         request=self._request(rng, case))
        self._saw_parties(case, written)
        if layout == "statement":   # the title names the card account
            self.truth.saw(case.number, "iban", person.iban)
        self._record(case, path, "transfers", facts, {"role": role, "owner": owner, "kind": "card", "key": person.card})

    def _saw_parties(self, case: Case, written: list[tuple[str, Party]]) -> None:
        for text, p in written:
            if not text:
                continue
            if p.kind == "card":
                masked = "*" in text or "X" in text
                self.truth.saw(case.number, "masked_card" if masked else "card",
                               ids.masked_key(p.value) if masked else p.value)
            elif p.kind == "phone":
                self.truth.saw(case.number, "phone", ids.phone_key(p.value))
            elif p.kind == "iban":
                self.truth.saw(case.number, "iban", p.value)
            if p.iin and p.kind in ("card", "iban"):
                self.truth.saw(case.number, "iin", p.iin)

    # ------------------------------------------------------------------ crypto and ads
    def tronscan(self, case: Case, k: int, wallet: str, *, role: str, owner: str) -> None:
        rng = self._rng(case, k)
        txs = self.plan.tron.of(wallet)
        path = self.out / case.number / f"tronscan_{wallet}.csv"
        facts = write_tronscan(path, rng, txs)
        for tx in txs:
            self.truth.saw(case.number, "wallet_tron", tx.src)
            self.truth.saw(case.number, "wallet_tron", tx.dst)
        self._record(case, path, "transfers", facts, {"role": role, "owner": owner, "kind": "wallet_tron", "key": wallet})

    def etherscan(self, case: Case, wallet: str, *, role: str, owner: str) -> None:
        txs = self.plan.eth.of(wallet)
        path = self.out / case.number / f"etherscan_{wallet}.csv"
        facts = write_etherscan(path, txs)
        for tx in txs:
            self.truth.saw(case.number, "wallet_evm", tx.src.lower())
            self.truth.saw(case.number, "wallet_evm", tx.dst.lower())
        self._record(case, path, "transfers", facts, {"role": role, "owner": owner, "kind": "wallet_evm", "key": wallet})

    def ad_response(self, case: Case, k: int, ring: Ring, j: int) -> None:
        rng = self._rng(case, k)
        acc = ring.ad_accounts[j % len(ring.ad_accounts)]
        fmt = self._fmt(rng, {"csv-utf8": 0.7, "xlsx": 0.3}, 100)
        path = self.out / case.number / f"{acc.site}_{acc.uid}.{'xlsx' if fmt == 'xlsx' else 'csv'}"
        facts, written = write_ad_response(path, rng, acc, city=ring.city, window=ring.window,
                                           static_ip=ring.static_ip, pay_cards=ring.mules, fmt=fmt)
        t, c, o = self.truth, case.number, f"ring:{ring.id}"
        t.saw(c, "ad_account", acc.key)
        t.saw(c, "email", acc.email.lower())
        for line in acc.reg_phones + [acc.contact_phone]:
            t.saw(c, "phone", line.key)
        for d in acc.devices:
            t.saw(c, "device", d.lower())
        for lst in written["listings"]:
            t.saw(c, "listing", lst, owner=o)
        for number in written["masked"]:
            t.saw(c, "masked_card", ids.masked_key(number))
        if ring.static_ip in written["ips"]:
            t.saw(c, "ip", ring.static_ip)
        self._record(case, path, "ads", facts, {"role": "ad_account", "owner": o, "kind": "ad_account", "key": acc.key})


def _victim_profile(rng: np.random.Generator, contacts: np.ndarray) -> Profile:
    w = 1.0 / np.arange(1, len(contacts) + 1) ** 0.9
    return Profile("victim", contacts, w / w.sum())


def _handset_schedule(ring: Ring, p: int, period: tuple[int, int]) -> list[tuple[int, str]]:
    h = ring.handsets
    mid = (ring.window[0] + ring.window[1]) // 2
    first, second = h[p % len(h)], h[(p + 1) % len(h)]
    return [(period[0], first), (mid, second)] if first != second else [(period[0], first)]


def _case_files(w: _Writer, case: Case, rng: np.random.Generator, pool: np.ndarray, cursor: int) -> int:
    """Write every file of one case; returns the new cursor in the background number pool."""
    rows = w.rows
    k = 0
    (w.out / case.number).mkdir(parents=True, exist_ok=True)
    owner_v = f"victim:{case.number}"
    families: list[np.ndarray] = []
    for vi, v in enumerate(case.victims):
        n_fam = int(rng.integers(12, 40))
        fam = pool[cursor:cursor + n_fam]
        cursor += n_fam
        if vi > 0:   # relatives share much of the family circle
            fam = np.concatenate([families[0][: len(families[0]) // 2], fam[: n_fam // 2]])
        families.append(fam)
        n = int(rows * rng.uniform(0.8, 1.2)) if vi == 0 else int(rows * rng.uniform(0.3, 0.6))
        cw = rng.dirichlet(np.ones(len(v.cells)) * 0.7)
        w.call_record(case, k, v.line, role="victim", owner=owner_v, profile=_victim_profile(rng, fam),
                      n_rows=n, period=case.period, imei_at=[(case.period[0], v.imei)], cells=v.cells, cell_w=cw)
        k += 1
        paid = any(tr.payer.kind == "card" and tr.payer.value == v.card for tr in w.plan.ledger.transfers)
        if vi == 0 or paid:
            w.statement(case, k, v, role="victim", owner=owner_v, period=case.period, family=fam)
            k += 1
    for ring in case.rings:
        j = ring.cases.index(case.index)
        o = f"ring:{ring.id}"
        lo, hi = ring.window
        period = ((lo - 20 * 86400) // 86400 * 86400, (hi + 15 * 86400) // 86400 * 86400 + 86399)
        suspects: list[tuple[Line, str]] = []
        if ring.simbox:
            sims = ring.simbox.sims
            suspects += [(sims[(2 * j) % len(sims)], "simbox"), (sims[(2 * j + 1) % len(sims)], "simbox")]
            suspects.append((ring.phones[j % len(ring.phones)], "ring_phone"))
        elif ring.scheme == "marketplace":
            suspects.append((ring.ad_accounts[j % len(ring.ad_accounts)].contact_phone, "ring_phone"))
        else:
            suspects.append((ring.phones[j % len(ring.phones)], "ring_phone"))
        for line, role in suspects:
            if role == "simbox":
                n = int(rows * rng.uniform(0.5, 0.9))
                contacts = pool[cursor:cursor + int(n * 0.9) + 10]
                cursor += len(contacts)
                w.call_record(case, k, line, role="simbox", owner=o, profile=Profile("simbox", contacts), n_rows=n,
                              period=period, imei_at=[(period[0], ring.simbox.imei)], cells=[ring.simbox.cell])
                w.simbox_numbers.setdefault(ring.id, set()).add(line.key)
            else:
                n = int(rows * rng.uniform(0.3, 0.6))
                contacts = pool[cursor:cursor + int(n * 0.5) + 10]
                cursor += len(contacts)
                p = ring.phones.index(line)
                w.call_record(case, k, line, role="ring_phone", owner=o, profile=Profile("fraud", contacts),
                              n_rows=n, period=period, imei_at=_handset_schedule(ring, p, period), cells=ring.cells)
            k += 1
        mule = ring.mules[j % len(ring.mules)]
        w.statement(case, k, mule, role="mule", owner=o, period=period, family=np.empty(0, dtype=np.int64))
        k += 1
        if j == 0:
            w.statement(case, k, ring.mule2, role="mule", owner=o, period=period, family=np.empty(0, dtype=np.int64))
            k += 1
        if j == len(ring.cases) - 1:
            w.statement(case, k, ring.cashout, role="cashout", owner=o, period=period,
                        family=np.empty(0, dtype=np.int64))
            k += 1
        w.tronscan(case, k, ring.wallets_tron[j % len(ring.wallets_tron)], role="ring_wallet", owner=o)
        k += 1
        w.etherscan(case, ring.wallets_evm[j % len(ring.wallets_evm)], role="ring_wallet", owner=o)
        if ring.scheme == "investment":
            v = case.victims[0]
            w.tronscan(case, k, v.wallet_tron, role="victim_wallet", owner=owner_v)
            k += 1
        if ring.scheme == "marketplace":
            w.ad_response(case, k, ring, j)
            k += 1
        if j == len(ring.cases) - 1 and len(ring.cases) > 2:
            w.tronscan(case, k, ring.consolidation_tron, role="ring_wallet", owner=o)
            k += 1
    return cursor


def _pool_size(world: World, rows: int) -> int:
    per_case = 0
    for case in world.cases:
        per_case += 80 * len(case.victims)
        for ring in case.rings:
            per_case += int(rows * 0.6) + 20 + (2 * (int(rows * 0.9 * 0.9) + 10) if ring.simbox else 0)
    return per_case


def _prepare(out: Path, *, overwrite: bool) -> None:
    """An empty (or new) folder; with ``overwrite``, the files of an earlier scenario there are removed."""
    if out.exists() and any(out.iterdir()):
        manifest = out / "manifest.json"
        if not overwrite or not manifest.is_file():
            raise ValueError(f"{out} is not empty (use --overwrite to replace a scenario written there)")
        old = json.loads(manifest.read_text(encoding="utf-8"))
        for f in old.get("files", []):
            (out / f["file"]).unlink(missing_ok=True)
        for number in old.get("cases", []):
            folder = out / number
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        (out / "ground_truth.json").unlink(missing_ok=True)
        manifest.unlink()
    out.mkdir(parents=True, exist_ok=True)


def generate_scenario(out: Path | str, *, cases: int = 6, rows: int = 300, seed: int = 0,
                      file_formats: str = "mixed", overwrite: bool = False,
                      progress: Callable[[float, str], None] | None = None) -> dict:
    """Write a scenario into ``out``; returns a summary (cases, files, rows, rings, seconds)."""
    if cases < 3:
        raise ValueError("a scenario needs at least 3 cases (two rings that share one case)")
    if rows < 20:
        raise ValueError("--rows must be at least 20")
    if file_formats not in FORMATS:
        raise ValueError(f"--formats must be one of {', '.join(FORMATS)}")
    started = time.perf_counter()
    out = Path(out)
    _prepare(out, overwrite=overwrite)
    world = build_world(seed, cases)
    plan = plant(world)
    writer = _Writer(out, world, plan, rows=rows, file_formats=file_formats)
    pool = world.numbers.bulk(_pool_size(world, rows))
    cursor = 0
    for i, case in enumerate(world.cases):
        cursor = _case_files(writer, case, np.random.default_rng([seed, 4, case.index]), pool, cursor)
        if progress:
            progress((i + 1) / len(world.cases), f"case {case.number}")
    truth = _ground_truth(world, plan, writer)
    (out / "ground_truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    manifest = {"seed": seed, "cases": [c.number for c in world.cases],
                "case_info": [{"number": c.number, "title": case_title(c), "victims": len(c.victims)}
                              for c in world.cases],
                "files": writer.manifest}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return {"cases": len(world.cases), "files": len(writer.manifest),
            "rows": sum(f["rows"] for f in writer.manifest),
            "call_rows": sum(f["rows"] for f in writer.manifest if f["kind"] == "calls"),
            "rings": len(world.rings), "seconds": round(time.perf_counter() - started, 2)}


_SCHEME_TITLES = {
    "bank_call": "звонок от имени службы безопасности банка",
    "marketplace": "предоплата по фиктивному объявлению",
    "investment": "фиктивная инвестиционная платформа",
}


def case_title(case: Case) -> str:
    """A register-style title: article, city, how the victim was deceived."""
    how = "; ".join(dict.fromkeys(_SCHEME_TITLES[r.scheme] for r in case.rings)) or "способ устанавливается"
    return f"Мошенничество (ст. 190 УК РК), г. {case.victims[0].city}: {how}"


def _ground_truth(world: World, plan: Plan, w: _Writer) -> dict:
    t = w.truth
    rings = []
    for ring in world.rings:
        rings.append({"id": ring.id, "scheme": ring.scheme, "cases": [world.cases[i].number for i in ring.cases],
                      "entities": t.entities_of(f"ring:{ring.id}")})
    hubs = []
    for h in world.hubs:
        seen = sorted(t.seen.get((h.kind, h.key), ()))
        if seen:
            hubs.append({"kind": h.kind, "key": h.key, "label": h.label, "cases": seen})
    simboxes = [{"ring": ring.id, "imei_key": ring.simbox.imei[:14],
                 "numbers": sorted(w.simbox_numbers.get(ring.id, ()))}
                for ring in world.rings if ring.simbox]
    victims = []
    for case in world.cases:
        for v in case.victims:
            ents = [e for e in t.entities_of(f"victim:{case.number}")
                    if (e["kind"], e["key"]) in _person_keys(v)]
            victims.append({"case": case.number, "name": v.name, "entities": ents})
    overlaps = []
    for a in world.rings:
        for b in world.rings:
            if a.id < b.id and set(a.cases) & set(b.cases):
                overlaps.append({"rings": [a.id, b.id],
                                 "cases": sorted(world.cases[i].number for i in set(a.cases) & set(b.cases))})
    return {"seed": world.seed, "cases": [c.number for c in world.cases], "rings": rings,
            "overlapping_rings": overlaps, "hubs": hubs, "simboxes": simboxes, "victims": victims,
            "money_paths": plan.money_paths}


def _person_keys(p: Person) -> set[tuple[str, str]]:
    keys = {("phone", p.line.key), ("imsi", p.line.imsi), ("imei", p.imei[:14]), ("card", p.card),
            ("masked_card", ids.masked_key(p.card)), ("iin", p.iin), ("iban", p.iban)}
    if p.wallet_tron:
        keys.add(("wallet_tron", p.wallet_tron))
    if p.wallet_evm:
        keys.add(("wallet_evm", p.wallet_evm.lower()))
    return keys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the scenario into")
    parser.add_argument("--cases", type=int, default=6, help="number of criminal cases (>= 3)")
    parser.add_argument("--rows", type=int, default=300, help="rows per call record, roughly")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--formats", choices=FORMATS, default="mixed",
                        help="mixed: cp1251/UTF-8 CSV and xlsx as senders use them; csv: no xlsx; xlsx: tables as xlsx")
    parser.add_argument("--overwrite", action="store_true", help="replace a scenario already written in OUT")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    try:
        summary = generate_scenario(args.out, cases=args.cases, rows=args.rows, seed=args.seed,
                                    file_formats=args.formats, overwrite=args.overwrite)
    except ValueError as exc:
        parser.error(str(exc))
    if not args.quiet:
        print(f"{args.out}: {summary['cases']} cases, {summary['files']} files, {summary['rows']} rows "
              f"({summary['call_rows']} call rows), {summary['rings']} rings, {summary['seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
