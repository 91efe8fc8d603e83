"""Call records (детализация): calls and SMS of one target number, or anonymised call logs.

Parties: ``a``/``b`` columns are the originator and the receiver as the operator wrote them (Абонент А
calls Абонент Б). ``owner``/``other`` columns (MSISDN + counterpart, Nodobo ``user``/``other``) name the
record's own number and the other party; the type column then says who called whom.

The target: the number named by the spec or the title above the header, else the number present on
every row. IMEI, IMSI and cell columns describe the target's handset and location on every row,
whatever side the target stands on; they are never given to the other party.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from linkview.ingest.common import (
    Ctx,
    add_by_source,
    aggregate_links,
    categorical_of,
    coded,
    constant,
    dedupe_links,
    invalid_reason,
    normalize_column,
    normalize_parties,
    party_kind_auto,
    quoted,
)
from linkview.ingest.timecols import event_times

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["build_calls"]


def _float_col(s: pd.Series):
    import pandas as pd

    return pd.to_numeric(s.astype(str).str.strip().str.replace(",", ".", regex=False), errors="coerce")


def _per_unique(values: pd.Series, fn) -> pd.Categorical:
    """fn over the distinct values of a column (a Series of them), taken back to every row as a
    Categorical (missing cells: "")."""
    import numpy as np
    import pandas as pd

    codes, uniq = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    text = pd.api.types.infer_dtype(uniq, skipna=False) in ("string", "empty")
    u = pd.Series(np.asarray(uniq, dtype=object), dtype=object)
    if not text:
        u = u.astype(str)
    res = np.asarray(fn(u), dtype=object)
    if text and (res == u.to_numpy(dtype=object)).all() and not (res == "").any():
        words, res_codes = np.append(res, ""), np.arange(len(res) + 1)      # still distinct
    else:                                       # fn may give two spellings one text
        res_codes, words = pd.factorize(np.append(res, ""))
    codes = np.where(codes < 0, len(res), codes)
    return categorical_of(res_codes[codes], words)      # words are distinct either way


def _not_only(u: pd.Series, allowed: bytes) -> np.ndarray:
    """True where a value has a character outside ``allowed`` (ASCII), checked with numpy when it can."""
    import numpy as np
    import pandas as pd

    arr = u.to_numpy(dtype=object)
    if arr.size and pd.api.types.infer_dtype(arr, skipna=False) == "string":
        text = "\n".join(arr.tolist())
        chars = re.escape("".join(map(chr, allowed)))
        if text.count("\n") == len(arr) - 1 and re.fullmatch(f"[{chars}\n]*", text):
            return np.zeros(len(arr), dtype=bool)  # the usual column: nothing else anywhere, one C scan
    try:
        b = np.asarray(arr, dtype="S")
    except UnicodeEncodeError:
        return u.str.contains("[^" + "".join("\\" + chr(c) if chr(c) in "\\]^-" else chr(c) for c in allowed) + "]",
                              regex=True).to_numpy(dtype=bool)
    if b.dtype.itemsize == 0 or len(b) == 0:
        return np.zeros(len(arr), dtype=bool)
    m = np.frombuffer(b.tobytes(), dtype=np.uint8).reshape(len(b), b.dtype.itemsize)
    ok = np.zeros(256, dtype=bool)
    ok[list(allowed)] = True
    ok[0] = True                                   # padding of shorter values
    return ~ok[m].all(axis=1)


def _etype_default(ctx: Ctx, a_col: str, b_col: str) -> str:
    from linkview.errors import InputError
    from linkview.ingest.fields import fold_header

    etype = ctx.options.get("etype")
    if etype is None:
        etype = "call"
        if "type" not in ctx.mapping and "duration" not in ctx.mapping and (
                fold_header(a_col) in ("sender", "отправитель") or fold_header(b_col) in ("recipient", "получатель")):
            etype = "sms"
    if etype not in ("call", "sms"):
        raise InputError(f"option etype must be call or sms, not {etype!r}", file=ctx.table.path)
    return etype


def build_calls(ctx: Ctx) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """(events, links, facts) of a calls file; rows with errors are reported to ``ctx.rejects``."""
    import numpy as np
    import pandas as pd

    t = ctx.table
    n = len(t.frame)
    mp = ctx.mapping
    rej = ctx.rejects
    facts: dict = {}

    times, tcol = event_times(ctx)
    ctx.check()
    ctx.report(0.35, "normalising parties")

    owner_layout = "a" not in mp or "b" not in mp
    a_col = mp.get("a") or mp.get("owner")
    b_col = mp.get("b") or mp.get("other")
    a_raw = t.frame[a_col].to_numpy(dtype=object)
    b_raw = t.frame[b_col].to_numpy(dtype=object)

    # connection type -> direction / etype
    etype_default = _etype_default(ctx, a_col, b_col)
    if "type" in mp:
        from linkview.ingest.values import parse_types

        type_raw = t.frame[mp["type"]]
        d_s, e_s, unknown, type_blank = parse_types(type_raw)
        direction = d_s.to_numpy(dtype=object)
        etype = e_s.to_numpy(dtype=object)
        rej.add(unknown.to_numpy(), mp["type"], "warning", quoted("unknown connection type ", type_raw))
        rej.add(etype == "data", mp["type"], "error", quoted("not a call or SMS: data session ", type_raw))
        missed = etype == "missed"
        etype = np.where((etype == "missed") | (etype == "data"), "call", etype)
        etype = np.where(type_blank, etype_default, etype)
    else:
        direction = np.full(n, "", dtype=object)
        etype = np.full(n, etype_default, dtype=object)
        missed = np.zeros(n, dtype=bool)

    # orient owner/other layouts: when the other party called in, it is the originator
    if owner_layout:
        swap = direction == "in"
        a_raw, b_raw = np.where(swap, b_raw, a_raw), np.where(swap, a_raw, b_raw)
        a_src = np.where(swap, b_col, a_col).astype(object)
        b_src = np.where(swap, a_col, b_col).astype(object)
        owner_side = np.where(swap, "b", "a").astype(object)
    else:
        a_src, b_src = a_col, b_col
        owner_side = None

    kind = ctx.party_kind
    if kind is None:
        step = max(n // 10000, 1)                   # a sample of rows tells ids from phone numbers
        kind = party_kind_auto(pd.Series(np.concatenate([a_raw[::step], b_raw[::step]]), dtype=object), "phone")
        if kind != "phone":
            ctx.warnings.append(f"most party values are not phone numbers: read as {kind} ids "
                                "(anonymised data); set party_kind to change")
    facts["party_kind"] = kind
    parties = normalize_parties(kind, [a_raw, b_raw], namespace=ctx.id_namespace)
    a = parties.view(0, n)
    b = parties.view(n, 2 * n)
    a_empty, b_empty = parties.empty[:n], parties.empty[n:]
    a_bad, b_bad = parties.bad[:n], parties.bad[n:]
    ctx.check()

    add_by_source(rej, a_empty, a_src, "error", "no caller number")
    add_by_source(rej, b_empty, b_src, "error", "no callee number")
    add_by_source(rej, a_bad, a_src, "error", quoted("unreadable caller ", a_raw))
    add_by_source(rej, b_bad, b_src, "error", quoted("unreadable callee ", b_raw))
    a_valid = a["valid"]
    b_valid = b["valid"]
    add_by_source(rej, ~a_empty & ~a_bad & ~a_valid, a_src, "warning", invalid_reason(a_raw, a))
    add_by_source(rej, ~b_empty & ~b_bad & ~b_valid, b_src, "warning", invalid_reason(b_raw, b))

    # the target (compared as key codes: one integer per distinct key)
    a_code, b_code = parties.key_codes[:n], parties.key_codes[n:]
    target_side = np.full(n, "", dtype=object)
    target_key = None
    if ctx.target:
        from linkview.identifiers import normalize

        target_key = normalize(kind, ctx.target).key or None
    if target_key is None and owner_layout:
        target_side = owner_side
        facts["target"] = f"the {a_col!r} column"
    else:
        if target_key is None:
            common = _common_key(a_code, b_code, rej.error_mask())
            target_key = parties.key_of_code(common) if common >= 0 else None
        if target_key is not None:
            code = parties.key_code_of(target_key)
            ak = (a_code == code) & (code >= 0)
            bk = (b_code == code) & (code >= 0)
            target_side = np.where(ak, "a", np.where(bk, "b", "")).astype(object)
            facts["target"] = target_key
            rej.add(~ak & ~bk & ~a_empty & ~b_empty, a_col, "warning",
                    f"the target {target_key} is on neither side of this row")
    has_target = target_side != ""

    # direction where the type column did not say (a/b layouts only: there the columns say who called;
    # an owner/other layout without a type column does not tell, and stays "")
    no_dir = (direction == "") & (not owner_layout)
    direction = np.where(no_dir & (target_side == "a"), "out",
                         np.where(no_dir & (target_side == "b"), "in", direction)).astype(object)

    ctx.report(0.5, "normalising handsets and cells")
    dev = imsi = None
    empty_cols = {c: np.full(n, "", dtype=object) for c in ("kind", "key", "display")}
    if "imei" in mp:
        raw_imei = t.frame[mp["imei"]]
        dev, dev_blank = normalize_column("imei", raw_imei, with_blank=True, categorical=True)
        present = ~dev_blank
        rej.add(present & ~dev["valid"].fillna(False).to_numpy(dtype=bool), mp["imei"], "warning",
                invalid_reason(raw_imei, dev))
        if present.any() and not has_target.any():
            ctx.warnings.append("the file has an IMEI column but no target number: IMEI not attached to anyone "
                                "(give the target in the import spec)")
    if "imsi" in mp:
        raw_imsi = t.frame[mp["imsi"]]
        imsi, imsi_blank = normalize_column("imsi", raw_imsi, with_blank=True, categorical=True)
        present = ~imsi_blank
        rej.add(present & ~imsi["valid"].fillna(False).to_numpy(dtype=bool), mp["imsi"], "warning",
                invalid_reason(raw_imsi, imsi))

    def target_only(norm):
        """The handset / IMSI columns on the target's rows only ("" elsewhere), still categorical."""
        if norm is None:
            return empty_cols
        out = {}
        for c in ("kind", "key", "display"):
            cat = norm[c].array
            blank = cat.categories.get_loc("")
            out[c] = pd.Categorical.from_codes(np.where(has_target, cat.codes, blank), dtype=cat.dtype,
                                               validate=False)
        return out

    dev_c, imsi_c = target_only(dev), target_only(imsi)

    # duration
    duration = np.full(n, np.nan)
    note_missed = missed.copy()           # the note "missed": a missed call, or a negative duration
    if "duration" in mp:
        from linkview.ingest.values import parse_durations

        dur_s, dbad = parse_durations(t.frame[mp["duration"]])
        duration = dur_s.to_numpy(dtype="float64")
        rej.add(dbad.to_numpy(), mp["duration"], "warning", quoted("unreadable duration ", t.frame[mp["duration"]]))
        neg = duration < 0
        if neg.any():
            note_missed |= neg
            duration = np.where(neg, np.nan, duration)

    # cell and position
    cell = np.full(n, "", dtype=object)
    if "lac_cid" in mp:
        def tidy(u):
            odd = _not_only(u, b"0123456789/")
            if odd.any():
                u = u.copy()
                u[odd] = u[odd].str.strip().str.replace(r"\s*[-/;:,]\s*", "/", regex=True)
            return u
        cell = _per_unique(t.frame[mp["lac_cid"]], tidy)
    elif "lac" in mp and "cid" in mp:
        lac = np.asarray(_per_unique(t.frame[mp["lac"]], lambda u: u.str.strip()), dtype=object)
        cid = np.asarray(_per_unique(t.frame[mp["cid"]], lambda u: u.str.strip()), dtype=object)
        both = (lac != "") | (cid != "")
        cell = np.where(both, lac + "/" + cid, "").astype(object)
    elif "cid" in mp:
        cell = _per_unique(t.frame[mp["cid"]], lambda u: u.str.strip())
    lat = _float_col(t.frame[mp["lat"]]).to_numpy(dtype="float64") if "lat" in mp else np.full(n, np.nan)
    lon = _float_col(t.frame[mp["lon"]]).to_numpy(dtype="float64") if "lon" in mp else np.full(n, np.nan)
    if "lat" in mp:
        rej.add((lat < -90) | (lat > 90), mp["lat"], "warning", "latitude out of range")
    if "lon" in mp:
        rej.add((lon < -180) | (lon > 180), mp["lon"], "warning", "longitude out of range")

    ev = pd.DataFrame({
        "row": t.rows,
        "etype": coded(etype),
        "time": times.to_numpy(),
        # text columns of the parties as categoricals over their distinct values: the workspace takes
        # their codes as they are instead of hashing a million strings again
        "a_kind": parties.categorical("kind", 0, n), "a_key": parties.categorical("key", 0, n),
        "a_display": parties.categorical("display", 0, n), "a_valid": a_valid,
        "b_kind": parties.categorical("kind", n, 2 * n), "b_key": parties.categorical("key", n, 2 * n),
        "b_display": parties.categorical("display", n, 2 * n), "b_valid": b_valid,
        "dev_kind": dev_c["kind"], "dev_key": dev_c["key"], "dev_display": dev_c["display"],
        "imsi_key": imsi_c["key"], "imsi_display": imsi_c["display"],
        "target": categorical_of(np.where(target_side == "a", 0, np.where(target_side == "b", 1, 2)),
                                 ["a", "b", ""]),
        "direction": coded(direction),
        "duration": duration,
        "amount": np.full(n, np.nan),
        "currency": constant(n),
        "asset": constant(n),
        "tx_hash": constant(n),
        "cell": cell,
        "lat": lat,
        "lon": lon,
        "note": categorical_of(note_missed.astype(np.int8), ["", "missed"]),
        "_pos": np.arange(n, dtype="int64"),
        # the spellings as written: every one becomes a variant of its entity
        "a_raw": parties.spellings(0, n), "b_raw": parties.spellings(n, 2 * n),
        "dev_raw": t.frame[mp["imei"]].to_numpy(dtype=object) if "imei" in mp else "",
        "imsi_raw": t.frame[mp["imsi"]].to_numpy(dtype=object) if "imsi" in mp else "",
    })

    # links: the target's number in the handset / with the IMSI (grouped on integer key codes)
    links = []
    if (dev is not None or imsi is not None) and has_target.any():
        side_a = target_side == "a"

        def tgt(c, idx):
            """The target's identifier at rows ``idx`` (a side or b side)."""
            if c == "valid":
                return np.where(side_a[idx], a_valid[idx], b_valid[idx])
            return np.where(side_a[idx], parties.at(c, idx), parties.at(c, idx + n))

        tgt_codes = np.where(side_a, parties.key_codes[:n], parties.key_codes[n:])
        ok = has_target & ~rej.error_mask()
        for ltype, norm in (("sim_in_handset", dev), ("sim_imsi", imsi)):
            if norm is not None:
                def other(c, idx, norm=norm):
                    col = norm[c].iloc[idx]
                    return col.to_numpy(dtype=bool) if c == "valid" else col.to_numpy(dtype=object)
                links.append(aggregate_links(ltype, tgt, tgt_codes, other, norm["code"].to_numpy(), t.rows,
                                             times, ok))
    facts["time_column"] = tcol
    return ev, dedupe_links(links), facts


def _common_key(a_codes, b_codes, errors) -> int:
    """The record's target: the key code on (nearly) every non-rejected row, on either side; -1 for none.

    A детализация is the record of one number, so that number stands on every row. A few rows may
    hold garbage in its place (a formula, a cut line) without the file losing its target: the most
    frequent key counts when it covers at least 95 % of the rows (rows it is not on are reported).
    Keys as frequent as each other are tried in the order the rows name them.
    """
    import numpy as np

    ok = ~errors
    if ok.sum() < 2:
        return -1
    ak, bk = a_codes[ok], b_codes[ok]
    both = np.concatenate([ak, bk])
    both = both[both >= 0]
    if not both.size:
        return -1
    counts = np.bincount(both)
    first = np.full(len(counts), len(both), dtype=np.int64)
    first[both[::-1]] = np.arange(len(both) - 1, -1, -1)       # the last write wins: the first position
    codes = np.flatnonzero(counts)
    need = max(2, int(np.ceil(0.95 * len(ak))))
    for cand in codes[np.lexsort((first[codes], -counts[codes]))[:3]]:
        if int(np.sum((ak == cand) | (bk == cand))) >= need:
            return int(cand)
    return -1
