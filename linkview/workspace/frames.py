"""Column conversions between pandas frames and SQLite values (no per-row Python beyond ``tolist``).

Empty strings and NA become NULL; floats keep NaN, which SQLite stores as NULL; times become integer
seconds since 1970-01-01 of the naive time as written, NaT as NULL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["NAT", "text_list", "seconds_array", "int_list", "to_datetime", "to_text"]

NAT = -(2**63)  # numpy's NaT as int64


def text_list(series: pd.Series) -> list[Any]:
    """Text values as a list, ``None`` for NA and empty strings."""
    import numpy as np
    import pandas as pd

    if not (pd.api.types.is_string_dtype(series) or series.dtype == object):
        series = series.astype(object).where(series.notna(), None).map(lambda v: v if v is None else str(v))
    values = series.to_numpy(dtype=object, na_value=None)
    empty = values == ""
    if empty.any():
        values = np.where(empty, None, values)
    return values.tolist()


def seconds_array(series: pd.Series) -> np.ndarray:
    """Naive datetimes as int64 seconds since the epoch, :data:`NAT` for missing times."""
    import numpy as np
    import pandas as pd

    if not pd.api.types.is_datetime64_any_dtype(series):
        series = pd.to_datetime(series, errors="coerce")
    if getattr(series.dt, "tz", None) is not None:
        series = series.dt.tz_localize(None)  # keep the wall time as written
    return series.to_numpy(dtype="datetime64[s]").view(np.int64)


def int_list(values: np.ndarray, missing: int) -> list[int | None]:
    """int64 values as a list of Python ints, ``None`` where the value equals ``missing``."""
    import numpy as np

    mask = values == missing
    if not mask.any():
        return values.tolist()
    out = values.astype(object)
    out[mask] = None
    return np.asarray(out).tolist()


def to_datetime(values: Any) -> pd.Series:
    """Stored epoch seconds (``None`` = NULL) back to ``datetime64[ns]``."""
    import numpy as np
    import pandas as pd

    arr = np.asarray(values, dtype=np.float64)  # None -> NaN
    nat = np.isnan(arr)
    ns = np.where(nat, 0, arr).astype(np.int64) * 1_000_000_000
    ns[nat] = NAT
    return pd.Series(ns.view("datetime64[ns]"))


def to_text(values: Any) -> pd.Series:
    """Stored text (``None`` = NULL) back to strings, NULL as ``""``."""
    import numpy as np
    import pandas as pd

    arr = np.asarray(values, dtype=object)
    arr[arr == None] = ""  # noqa: E711 - elementwise comparison
    return pd.Series(arr, dtype=str)
