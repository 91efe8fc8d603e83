"""Ad-site responses: the accounts behind an ad, with their phones, e-mails, devices, logins and listings.

One row may carry any part of an account's facts (a login, a listing, a payment); the account id is
repeated on each row. Produced:
- events ``login`` (account -> IP, with the device of that login and the port in the note) for rows with
  a login time, and ``payment`` (account -> card) for rows with a payment time or amount;
- links ``uses`` (account -> registration phone / e-mail / device / IP), ``pays_with`` (account -> card or
  masked card), ``posted`` (account -> listing), ``contact`` (listing -> phone shown in the ad).
Accounts and listings are keyed ``site:id``; the site comes from a site column or ``options.site``.

Every identifier also goes out as written (``<role>_raw``: the id cell of an account or listing, the
phone, e-mail, device, IP or card as it stood in its cell), so the workspace keeps each spelling as a
variant of its entity, as it does for calls and transfers. Events carry the spellings of their own row; a
link carries those of its first row (``dedupe_links`` merges the rows of one link into one and keeps only
the link columns, so the spellings are taken from that row again after it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linkview.ingest.common import (
    Ctx,
    dedupe_links,
    invalid_reason,
    link_frame,
    normalize_column,
    quoted,
)
from linkview.ingest.timecols import times_of

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["build_ads"]


def _site_ids(ctx: Ctx, id_col: str, kind: str):
    """(normalised site:id identifiers with the id cells as written in ``raw``, stripped ids, site per row)."""
    import pandas as pd

    from linkview.errors import InputError

    t = ctx.table
    n = len(t.frame)
    ids = t.frame[id_col].astype(str).str.strip().reset_index(drop=True)
    if "site" in ctx.mapping:
        site = t.frame[ctx.mapping["site"]].astype(str).str.strip().reset_index(drop=True)
        if ctx.options.get("site"):
            site = site.where(site != "", str(ctx.options["site"]))
    elif ctx.options.get("site"):
        site = pd.Series([str(ctx.options["site"])] * n, dtype=str)
    else:
        raise InputError("the ad site is unknown: the file has no site column; give options.site "
                         "(e.g. olx.kz) in the import spec", file=t.path)
    site = site.str.replace(r"^https?://", "", regex=True).str.split("/").str[0].str.lower()
    text = (site + ":" + ids).where(ids != "", "")
    norm = normalize_column(kind, text).reset_index(drop=True)
    norm["valid"] = norm["valid"].fillna(False).astype(bool)
    norm["raw"] = t.frame[id_col].to_numpy(dtype=object)
    return norm, ids, site


def _multi(values: pd.Series):
    """Cells holding several values (``+7 701..., +7 702...``): one (position, value) per value."""
    import numpy as np
    import pandas as pd

    s = values.astype(str).reset_index(drop=True)
    parts = s.str.split(r"\s*[,;\n]\s*", regex=True).explode()
    parts = parts[parts.fillna("").str.strip() != ""]
    return np.asarray(parts.index, dtype="int64"), pd.Series(parts.to_numpy(dtype=object), dtype=str)


def build_ads(ctx: Ctx) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """(events, links, facts) of an ads response."""
    import numpy as np
    import pandas as pd

    t = ctx.table
    n = len(t.frame)
    mp = ctx.mapping
    rej = ctx.rejects
    facts: dict = {}
    acc, acc_ids, _site = _site_ids(ctx, mp["account_id"], "ad_account")
    no_acc = (acc_ids == "").to_numpy()
    rej.add(no_acc, mp["account_id"], "error", "no account id")
    rej.add(~no_acc & ~acc["valid"].to_numpy(), mp["account_id"], "warning",
            invalid_reason(t.frame[mp["account_id"]].astype(str), acc))
    ctx.check()
    ctx.report(0.4, "normalising contacts")

    login_t = reg_t = pay_t = None
    if "login_time" in mp:
        login_t, _ = times_of(ctx, ("login_time", "", "", ""), required=False, label="login time")
    if "reg_time" in mp:
        reg_t, _ = times_of(ctx, ("reg_time", "", "", ""), required=False, label="registration time")
    if "payment_time" in mp:
        pay_t, _ = times_of(ctx, ("payment_time", "", "", ""), required=False, label="payment time")
    nat = pd.Series(np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]"))
    row_time = login_t if login_t is not None else (reg_t if reg_t is not None else nat)
    if reg_t is not None:
        row_time = row_time.where(row_time.notna(), reg_t)

    links: list[pd.DataFrame] = []
    base_ok = ~no_acc

    def ok_now():
        return base_ok & ~rej.error_mask()

    def contact_links(field: str, kind: str, ltype: str, owner: pd.DataFrame, owner_ok=None):
        if field not in mp:
            return None
        pos, vals = _multi(t.frame[mp[field]])
        norm = normalize_column(kind, vals).reset_index(drop=True)
        norm["valid"] = norm["valid"].fillna(False).astype(bool)
        bad = (norm["key"].fillna("") == "").to_numpy()
        inv = ~bad & ~norm["valid"].to_numpy()
        m_inv = np.zeros(n, dtype=bool)
        reasons = np.full(n, "", dtype=object)
        if inv.any():
            r = invalid_reason(vals, norm)(np.flatnonzero(inv))
            m_inv[pos[inv]] = True
            reasons[pos[inv]] = np.asarray(r, dtype=object)
        rej.add(m_inv, mp[field], "warning", reasons)
        if bad.any():
            m_bad = np.zeros(n, dtype=bool)
            m_bad[pos[bad]] = True
            rej.add(m_bad, mp[field], "warning",
                    quoted("unreadable " + field.replace("_", " ") + " ", t.frame[mp[field]], ": not linked"))
        norm["raw"] = vals.to_numpy(dtype=object)
        own = owner.iloc[pos].reset_index(drop=True)
        mask = (owner_ok if owner_ok is not None else ok_now())[pos] & ~bad
        links.append(_link_frame(ltype, own, norm, t.rows[pos], row_time.iloc[pos].to_numpy(), mask))
        return pos, norm

    contact_links("reg_phone", "phone", "uses", acc)
    contact_links("email", "email", "uses", acc)
    dev_res = contact_links("device_id", "device", "uses", acc)
    ip_res = contact_links("ip", "ip", "uses", acc)
    card_res = contact_links("payment_card", "card", "pays_with", acc)
    listing = None
    if "listing_id" in mp:
        listing, lid, _ = _site_ids(ctx, mp["listing_id"], "listing")
        has_l = (lid != "").to_numpy()
        links.append(_link_frame("posted", acc, listing, t.rows, row_time, ok_now() & has_l))
        if "contact_phone" in mp:
            contact_links("contact_phone", "phone", "contact", listing, ok_now() & has_l)
    elif "contact_phone" in mp:
        contact_links("contact_phone", "phone", "uses", acc)
    ctx.check()

    # events: logins and payments
    frames = []
    empty = pd.DataFrame({"kind": [""] * n, "key": [""] * n, "display": [""] * n, "valid": [False] * n,
                          "raw": [""] * n})

    def first_per_row(res):
        if res is None:
            return empty
        pos, norm = res
        out = empty.copy()
        first = ~pd.Series(pos).duplicated().to_numpy()
        cols = ["kind", "key", "display", "raw"]
        out.loc[pos[first], cols] = norm.loc[first, cols].to_numpy()
        out.loc[pos[first], "valid"] = norm.loc[first, "valid"].to_numpy()
        out["valid"] = out["valid"].astype(bool)
        return out

    note = pd.Series([""] * n, dtype=str)
    if "port" in mp:
        port = t.frame[mp["port"]].astype(str).str.strip().reset_index(drop=True)
        note = ("port " + port).where(port != "", "")
    if login_t is not None:
        ip = first_per_row(ip_res)
        dev = first_per_row(dev_res)
        m = ok_now() & login_t.notna().to_numpy()
        frames.append(_events(t, "login", m, login_t, acc, ip, dev, note))
    if pay_t is not None or "payment_amount" in mp:
        card = first_per_row(card_res)
        amount = pd.Series(np.full(n, np.nan))
        currency = pd.Series([""] * n, dtype=str)
        if "payment_amount" in mp:
            from linkview.ingest.values import parse_amounts

            amount, currency, abad = parse_amounts(t.frame[mp["payment_amount"]])
            amount, currency = amount.reset_index(drop=True).abs(), currency.reset_index(drop=True)
            rej.add(abad.to_numpy(), mp["payment_amount"], "warning",
                    quoted("unreadable payment amount ", t.frame[mp["payment_amount"]]))
        from linkview.ingest.values import normalize_currency

        currency = normalize_currency(currency.where(currency != "", str(ctx.options.get("currency") or "")))
        when = pay_t if pay_t is not None else row_time
        m = ok_now() & when.notna().to_numpy() & ((card["key"] != "").to_numpy() | amount.notna().to_numpy())
        ev = _events(t, "payment", m, when, acc, card, empty, pd.Series([""] * n, dtype=str))
        ev["amount"] = amount.to_numpy()[m]
        ev["currency"] = currency.to_numpy(dtype=object)[m]
        ev["asset"] = "bank"
        frames.append(ev)
    from linkview.workspace.batch import empty_events

    events = pd.concat(frames, ignore_index=True) if frames else empty_events().assign(_pos=pd.Series([], dtype="int64"))
    facts["accounts"] = int(acc.loc[base_ok, "key"].nunique())
    facts["listings"] = int(listing["key"].replace("", np.nan).nunique()) if listing is not None else 0
    facts["spellings"] = _spellings(links)
    return events, _dedupe(links), facts


def _spellings(parts: list[pd.DataFrame]) -> pd.DataFrame | None:
    """Every (kind, key, spelling) of the link rows, so that the spellings of the rows a link merges are
    all kept (the link itself holds those of its first row)."""
    import pandas as pd

    parts = [p for p in parts if len(p)]
    if not parts:
        return None
    rows = pd.concat(parts, ignore_index=True)
    out = pd.concat([rows[[f"{s}_kind", f"{s}_key", f"{s}_raw"]].set_axis(["kind", "key", "spelling"], axis=1)
                     for s in ("a", "b")], ignore_index=True)
    out = out[out["spelling"].astype(str).str.strip() != ""]
    return out.drop_duplicates(ignore_index=True)


def _link_frame(ltype: str, a: pd.DataFrame, b: pd.DataFrame, rows, times, mask) -> pd.DataFrame:
    """``link_frame`` plus ``a_raw``/``b_raw``, the ends as written (the ``raw`` column of ``a`` and ``b``).

    ``link_frame`` is handed positions for row numbers, so its ``row`` column tells which positions it kept.
    """
    import numpy as np

    out = link_frame(ltype, a, b, np.arange(len(a)), times, mask)
    pos = out["row"].to_numpy(dtype=np.int64)
    return out.assign(row=np.asarray(rows)[pos], a_raw=a["raw"].to_numpy(dtype=object)[pos],
                      b_raw=b["raw"].to_numpy(dtype=object)[pos])


def _dedupe(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """``dedupe_links`` with each link's ``a_raw``/``b_raw`` from its first row.

    ``dedupe_links`` keeps the first row of each (ltype, a, b) in file order, the earlier part first on a
    tie (one cell listing a number twice); the stable sort on the row here picks that same row.
    """
    import pandas as pd

    links = dedupe_links(parts)
    parts = [p for p in parts if len(p)]
    if not parts:
        return links
    keys = ["ltype", "a_kind", "a_key", "b_kind", "b_key"]
    spelled = pd.concat(parts, ignore_index=True).sort_values("row", kind="stable").drop_duplicates(keys)
    spelled = spelled[[*keys, "a_raw", "b_raw"]].astype({k: links[k].dtype for k in keys})
    return links.merge(spelled, on=keys, how="left", sort=False, validate="one_to_one")


def _events(t, etype: str, mask, times, a, b, dev, note):
    import numpy as np
    import pandas as pd

    idx = np.flatnonzero(mask)
    return pd.DataFrame({
        "row": t.rows[idx],
        "etype": etype,
        "time": pd.Series(times).reset_index(drop=True).to_numpy()[idx],
        "a_kind": a["kind"].to_numpy()[idx], "a_key": a["key"].to_numpy()[idx],
        "a_display": a["display"].to_numpy()[idx], "a_valid": a["valid"].to_numpy(dtype=bool)[idx],
        "b_kind": b["kind"].to_numpy()[idx], "b_key": b["key"].to_numpy()[idx],
        "b_display": b["display"].to_numpy()[idx], "b_valid": b["valid"].to_numpy(dtype=bool)[idx],
        "dev_kind": dev["kind"].to_numpy()[idx], "dev_key": dev["key"].to_numpy()[idx],
        "dev_display": dev["display"].to_numpy()[idx],
        "imsi_key": "", "imsi_display": "",
        "target": "", "direction": "", "duration": np.nan, "amount": np.nan, "currency": "", "asset": "",
        "tx_hash": "", "cell": "", "lat": np.nan, "lon": np.nan,
        "note": pd.Series(note).reset_index(drop=True).to_numpy(dtype=object)[idx],
        "_pos": idx.astype("int64"),
        # the spellings as written: every one becomes a variant of its entity
        "a_raw": a["raw"].to_numpy(dtype=object)[idx], "b_raw": b["raw"].to_numpy(dtype=object)[idx],
        "dev_raw": dev["raw"].to_numpy(dtype=object)[idx],
    })
