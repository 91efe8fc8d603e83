"""The event time of each row, from a date-time column, split date + time columns or a Unix time."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from linkview.ingest.common import Ctx

__all__ = ["event_times", "times_of"]


def times_of(ctx: Ctx, fields: tuple[str, ...] = ("datetime", "unixtime", "date", "time"),
             *, required: bool = True, label: str = "date/time") -> tuple[pd.Series, str]:
    """Parse the row times and report unreadable, missing and out-of-range ones as errors."""
    import numpy as np
    import pandas as pd

    from linkview.ingest.values import parse_times, time_bounds

    mp = ctx.mapping
    t = ctx.table
    n = len(t.frame)
    dt_f, unix_f, date_f, time_f = fields
    options = dict(ctx.options)
    if dt_f in mp:
        col = mp[dt_f]
        raw = t.frame[col].astype(str)
    elif unix_f in mp:
        col = mp[unix_f]
        raw = t.frame[col].astype(str)
        options.setdefault("time_unit", "s")
    elif date_f in mp:
        col = mp[date_f]
        raw = t.frame[col].astype(str).str.strip()
        if time_f in mp:
            tm = t.frame[mp[time_f]].astype(str).str.strip()
            raw = (raw + " " + tm).where(tm != "", raw)
            col = f"{mp[date_f]}+{mp[time_f]}"
    else:
        return pd.Series(np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")), ""
    raw = raw.reset_index(drop=True)
    times, rule = parse_times(raw, options=options)
    ctx.notes.append(f"times in {col!r} read as {rule}")
    from linkview.ingest.common import quoted

    if rule.startswith("plain numbers") and times.isna().all():
        cells = raw[raw.str.strip() != ""]
        num = pd.to_numeric(cells, errors="coerce")
        if len(cells) and num.notna().all() and (num >= -1).all():
            # Anonymised studies count seconds from an unknown start (Copenhagen: "seconds from study
            # start"). Inventing a calendar date would be false evidence: the rows are imported with
            # no time, the numbers stay in the source rows, and options.epoch places them later.
            ctx.warnings.append(
                f"the times in column {col!r} are plain numbers (seconds from an unknown start?): imported "
                "without a calendar time; their values stay in the source rows; give the start date as "
                "options.epoch (linkview import --epoch DATE) to place them on the calendar")
            ctx.notes[-1] = f"times in {col!r} not read: plain numbers with no start date"
            return pd.Series(np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")), col
        from linkview.errors import InputError

        raise InputError(f"the times in column {col!r} are {rule}", file=t.path, column=col)
    arr = raw.to_numpy(dtype=object)
    missing = times.isna().to_numpy()
    # an empty cell never has a time: only the cells without one are looked at (often none of a million)
    unread = np.flatnonzero(missing)
    empty = np.zeros(n, dtype=bool)
    blank = arr[unread] == ""
    empty[unread[blank]] = True
    # cells of spaces only are empty too
    unread = unread[~blank]
    if len(unread):
        empty[unread] = [not str(arr[i]).strip() for i in unread]
    bad = missing & ~empty
    rej = ctx.rejects
    report_col = col.split("+")[0]
    if required:
        rej.add(empty, report_col, "error", f"no {label}")
    hint = ": " + rule if rule.startswith("plain numbers") else ""
    rej.add(bad, report_col, "error", quoted(f"unreadable {label} ", raw, hint))
    lo, hi = time_bounds(ctx.options)
    early = (times < lo).to_numpy()
    late = (times > hi).to_numpy()
    tv = times.to_numpy()
    hint = " (give options.epoch when times count seconds from a study start)" if "seconds since 1970" in rule else ""

    def shown(suffix):
        return lambda pos: [f"{label} {str(tv[p])[:19].replace('T', ' ')} {suffix}" for p in pos]

    rej.add(early, report_col, "error", shown("is before 1990" + hint))
    rej.add(late, report_col, "error", shown("is in the future"))
    return times, col


def event_times(ctx: Ctx) -> tuple[pd.Series, str]:
    return times_of(ctx)
