"""Transfers: bank statements, P2P transfer lists, blockchain exports (Tronscan/Etherscan), mobile money.

Layouts
- Sender/receiver columns (transfer lists, Etherscan ``From``/``To``, mobile money ``caller_id``/
  ``recipient_id``): the row says who paid whom.
- A statement of one card/account/wallet: the owner is named by the spec (``options.owner``), the title
  above the header, or an account column; each row has a counterparty, and debit/credit columns or a
  signed amount decide the direction (debit / negative: the owner paid the counterparty).
- Mobile-money cash-in rows with no recipient: the money arrives to the one party named, so it is stored
  as the receiver.

Amounts are stored positive; the currency comes from a currency/token column, the amount text
(``1 500,00 ₸``), the header (``total_eth``, ``Value_IN(ETH)``) or ``options.currency``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from linkview.ingest.common import (
    Ctx,
    add_by_source,
    dedupe_links,
    invalid_reason,
    link_frame,
    normalize_column,
    normalize_parties,
    party_kind_auto,
    quoted,
)
from linkview.ingest.timecols import event_times

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["build_transfers"]

_HEADER_CCY = re.compile(r"(?:^|[\s_(])(eth|usdt|trx|btc|kzt|usd|eur|rub|bnb|usdc)(?:$|[\s_)])", re.I)
_FAILED = ("fail", "error", "revert", "отклон", "неусп", "ошибк", "отмен", "declin", "reject", "cancel")
_CASHIN = {"cashin", "cash in", "cash-in", "deposit", "пополнение", "внесение наличных", "взнос"}


def _header_currency(*names: str | None) -> str:
    for name in names:
        if name:
            m = _HEADER_CCY.search(name)
            if m:
                return m.group(1).upper()
    return ""


def build_transfers(ctx: Ctx) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """(events, links, facts) of a transfers file; bad rows go to ``ctx.rejects``."""
    import numpy as np
    import pandas as pd

    from linkview.ingest.values import normalize_currency, parse_amounts

    t = ctx.table
    n = len(t.frame)
    mp = ctx.mapping
    rej = ctx.rejects
    facts: dict = {}
    times, tcol = event_times(ctx)
    ctx.check()
    ctx.report(0.35, "reading amounts")

    # amounts and their sign
    sign = np.zeros(n)            # +1 money in to the owner, -1 out, 0 unknown
    if "amount" in mp:
        amount, ccy_text, abad = parse_amounts(t.frame[mp["amount"]])
        amount = amount.reset_index(drop=True)
        ccy_text = ccy_text.reset_index(drop=True)
        raw_amt = t.frame[mp["amount"]].astype(str).reset_index(drop=True)
        rej.add(abad.to_numpy(), mp["amount"], "error", quoted("unreadable amount ", raw_amt))
        rej.add((raw_amt.str.strip() == "").to_numpy(), mp["amount"], "error", "no amount")
        sign = np.sign(amount.fillna(0).to_numpy())
        amt_col = mp["amount"]
    else:
        in_f, out_f = ("credit", "debit") if ("credit" in mp or "debit" in mp) else ("value_in", "value_out")
        parts = {}
        for f in (in_f, out_f):
            if f in mp:
                v, c, bad = parse_amounts(t.frame[mp[f]])
                raw_v = t.frame[mp[f]].astype(str).reset_index(drop=True)
                rej.add(bad.to_numpy(), mp[f], "error", quoted("unreadable amount ", raw_v))
                parts[f] = (v.reset_index(drop=True).abs(), c.reset_index(drop=True))
        zero = pd.Series(np.zeros(n))
        v_in = parts.get(in_f, (zero, None))[0].fillna(0)
        v_out = parts.get(out_f, (zero, None))[0].fillna(0)
        amount = pd.Series(np.where(v_out.to_numpy() > 0, v_out.to_numpy(), v_in.to_numpy()))
        sign = np.where(v_out.to_numpy() > 0, -1.0, np.where(v_in.to_numpy() > 0, 1.0, 0.0))
        ccys = [p[1] for p in parts.values()]
        ccy_text = ccys[0] if ccys else pd.Series([""] * n, dtype=str)
        if len(ccys) == 2:
            ccy_text = ccy_text.where(ccy_text != "", ccys[1])
        none = np.ones(n, dtype=bool)
        for f in (in_f, out_f):
            if f in mp:
                none &= (t.frame[mp[f]].astype(str).str.strip() == "").to_numpy()
        amt_col = mp.get(out_f) or mp.get(in_f)
        rej.add(none, amt_col, "error", "no amount (debit and credit both empty)")

    # currency
    currency = pd.Series([""] * n, dtype=str)
    if "currency" in mp:
        currency = t.frame[mp["currency"]].astype(str).str.strip().str.upper().reset_index(drop=True)
    currency = currency.where(currency != "", ccy_text.astype(str))
    if "token" in mp:
        token = t.frame[mp["token"]].astype(str).str.strip().str.upper().reset_index(drop=True)
        currency = currency.where(currency != "", token)
    fallback = str(ctx.options.get("currency") or _header_currency(amt_col, mp.get("value_in"))).upper()
    currency = normalize_currency(currency.where(currency != "", fallback))

    # parties
    ctx.report(0.45, "normalising parties")
    kind = ctx.party_kind or "auto"
    both_sides = "sender" in mp and "receiver" in mp
    statement = "counterparty" in mp or (not both_sides and bool(
        "owner_account" in mp or ctx.options.get("owner") or ctx.target))
    if statement:
        a_raw, b_raw, a_src, b_src, owner_norm = _statement_parties(ctx, sign)
        facts["owner"] = owner_norm
    else:
        s_col = mp.get("sender")
        r_col = mp.get("receiver")
        a_raw = t.frame[s_col].astype(str).reset_index(drop=True) if s_col else pd.Series([""] * n, dtype=str)
        b_raw = t.frame[r_col].astype(str).reset_index(drop=True) if r_col else pd.Series([""] * n, dtype=str)
        a_src = np.full(n, s_col or r_col, dtype=object)
        b_src = np.full(n, r_col or s_col, dtype=object)
        # mobile money cash-in: the one party named receives the money
        if "txn_type" in mp:
            tt = t.frame[mp["txn_type"]].astype(str).str.strip().str.casefold().reset_index(drop=True)
            cashin = (tt.isin(_CASHIN) & (b_raw.str.strip() == "")).to_numpy()
            if cashin.any():
                a_vals, b_vals = a_raw.to_numpy(dtype=object).copy(), b_raw.to_numpy(dtype=object).copy()
                b_vals[cashin], a_vals[cashin] = a_vals[cashin], ""
                a_raw, b_raw = pd.Series(a_vals, dtype=str), pd.Series(b_vals, dtype=str)
                b_src = np.where(cashin, a_src, b_src)
    if kind == "auto" and ctx.party_kind is None:
        both = pd.concat([a_raw, b_raw], ignore_index=True)
        if party_kind_auto(both, "auto") == "subscriber":
            kind = "subscriber"
            ctx.warnings.append("most party values are no known identifier: read as subscriber ids "
                                "(anonymised data); set party_kind to change")
    facts["party_kind"] = kind
    recheck = {"imei": "card", "imsi": "account"} if kind == "auto" else None
    parties = normalize_parties(kind, [a_raw.to_numpy(dtype=object), b_raw.to_numpy(dtype=object)],
                                recheck=recheck, namespace=ctx.id_namespace)
    a = parties.frame(0, n)
    b = parties.frame(n, 2 * n)
    a_empty, b_empty = parties.empty[:n], parties.empty[n:]
    a_bad, b_bad = parties.bad[:n], parties.bad[n:]
    ctx.check()
    add_by_source(rej, a_empty & b_empty, a_src, "error", "no sender and no receiver")
    add_by_source(rej, a_bad, a_src, "error", quoted("unreadable sender ", a_raw))
    add_by_source(rej, b_bad, b_src, "error", quoted("unreadable receiver ", b_raw))
    a_inv = ~a_empty & ~a_bad & ~a["valid"].to_numpy(dtype=bool)
    b_inv = ~b_empty & ~b_bad & ~b["valid"].to_numpy(dtype=bool)
    add_by_source(rej, a_inv, a_src, "warning", invalid_reason(a_raw, a))
    add_by_source(rej, b_inv, b_src, "warning", invalid_reason(b_raw, b))

    # asset / rail
    asset_opt = ctx.options.get("asset")
    if asset_opt:
        asset = pd.Series([str(asset_opt)] * n, dtype=str)
    else:
        kinds = np.where(a["kind"].to_numpy(dtype=object) != "", a["kind"].to_numpy(dtype=object),
                         b["kind"].to_numpy(dtype=object))
        cur = currency.to_numpy(dtype=object)
        asset_arr = np.full(n, "", dtype=object)
        evm = kinds == "wallet_evm"
        asset_arr[evm] = np.where(np.isin(cur[evm], ["ETH", ""]), "eth", "erc20")
        tron = kinds == "wallet_tron"
        asset_arr[tron] = np.where(np.isin(cur[tron], ["TRX"]), "trx", "trc20")
        asset_arr[kinds == "wallet_btc"] = "btc"
        bank = np.isin(kinds, ["card", "masked_card", "iban", "account", "iin", "bin"])
        asset_arr[bank] = "bank"
        mm = np.isin(kinds, ["phone", "service"])
        asset_arr[mm] = "mobile_money" if "txn_type" in mp else "bank"
        if "txn_type" in mp:
            asset_arr[kinds == "subscriber"] = "mobile_money"
        asset = pd.Series(asset_arr, dtype=str)
        if evm.any():
            currency = currency.where(~(pd.Series(evm) & (currency == "")), "ETH")

    # note: description, type, status
    note = pd.Series([""] * n, dtype=str)
    for f, label in (("txn_type", ""), ("description", ""), ("status", "status: ")):
        if f in mp:
            v = t.frame[mp[f]].astype(str).str.strip().reset_index(drop=True)
            piece = (label + v).where(v != "", "")
            note = (note + "; " + piece).where((note != "") & (piece != ""), note + piece)
    if "status" in mp:
        st = t.frame[mp["status"]].astype(str).str.casefold().reset_index(drop=True)
        failed = st.str.contains("|".join(_FAILED), regex=True).to_numpy()
        rej.add(failed, mp["status"], "warning",
                quoted("the transfer did not go through: status ", t.frame[mp["status"]], ", imported, marked in the note"))

    direction = pd.Series(np.where(sign < 0, "out", np.where(sign > 0, "in", "")), dtype=str) if statement \
        else pd.Series([""] * n, dtype=str)
    target = pd.Series(np.where(direction == "out", "a", np.where(direction == "in", "b", "")), dtype=str)
    tx = t.frame[mp["tx_hash"]].astype(str).str.strip().reset_index(drop=True) if "tx_hash" in mp else ""

    ev = pd.DataFrame({
        "row": t.rows,
        "etype": "transfer",
        "time": times.reset_index(drop=True),
        "a_kind": a["kind"], "a_key": a["key"], "a_display": a["display"], "a_valid": a["valid"],
        "b_kind": b["kind"], "b_key": b["key"], "b_display": b["display"], "b_valid": b["valid"],
        "dev_kind": "", "dev_key": "", "dev_display": "", "imsi_key": "", "imsi_display": "",
        "target": target,
        "direction": direction,
        "duration": np.nan,
        "amount": amount.abs().astype("float64"),
        "currency": currency,
        "asset": asset,
        "tx_hash": tx,
        "cell": "",
        "lat": np.nan,
        "lon": np.nan,
        "note": note,
        "_pos": np.arange(n, dtype="int64"),
        # the spellings as written: every one becomes a variant of its entity
        "a_raw": a_raw.to_numpy(dtype=object), "b_raw": b_raw.to_numpy(dtype=object),
    })

    # owns links: IIN/BIN columns next to a party
    links = []
    ok = ~rej.error_mask()
    for f, side in (("sender_iin", a), ("receiver_iin", b)):
        if f in mp:
            iin = normalize_column("taxid", t.frame[mp[f]].astype(str).reset_index(drop=True)).reset_index(drop=True)
            iin["valid"] = iin["valid"].fillna(False).astype(bool)
            present = (t.frame[mp[f]].astype(str).str.strip() != "").to_numpy()
            rej.add(present & ~iin["valid"].to_numpy(), mp[f], "warning",
                    invalid_reason(t.frame[mp[f]].astype(str), iin))
            links.append(link_frame("owns", iin.fillna(""), side.fillna(""), t.rows, times, ok))
    return ev, dedupe_links(links), facts


def _statement_parties(ctx: Ctx, sign):
    """(a_raw, b_raw, a_src, b_src, owner) of a one-account statement."""
    import numpy as np
    import pandas as pd

    from linkview.errors import InputError

    t = ctx.table
    n = len(t.frame)
    mp = ctx.mapping
    cp_col = mp.get("counterparty") or mp.get("receiver") or mp.get("sender")
    cp = t.frame[cp_col].astype(str).reset_index(drop=True)
    owner_raw = ctx.options.get("owner") or ctx.target
    if owner_raw:
        own = pd.Series([str(owner_raw)] * n, dtype=str)
        own_src = np.full(n, "(statement owner)", dtype=object)
    elif "owner_account" in mp:
        own = t.frame[mp["owner_account"]].astype(str).reset_index(drop=True)
        own_src = np.full(n, mp["owner_account"], dtype=object)
    else:
        raise InputError("a statement without its owner: name the card/account in options.owner "
                         "(the title above the header did not name one)", file=t.path)
    out = sign < 0
    a_raw = pd.Series(np.where(out, own.to_numpy(dtype=object), cp.to_numpy(dtype=object)), dtype=str)
    b_raw = pd.Series(np.where(out, cp.to_numpy(dtype=object), own.to_numpy(dtype=object)), dtype=str)
    a_src = np.where(out, own_src, cp_col)
    b_src = np.where(out, cp_col, own_src)
    unknown = sign == 0
    if unknown.any():
        ctx.rejects.add(unknown & (cp.str.strip() != "").to_numpy(), cp_col, "warning",
                        "direction unknown (no sign, no debit/credit): read as paid to the statement owner")
    return a_raw, b_raw, a_src, b_src, str(owner_raw or mp.get("owner_account"))
