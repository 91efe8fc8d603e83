"""The batch path for +7 numbers (spellings canonicalised together, the compiled plan of phonenumbers'
rules run over all numbers at once) gives exactly what phonenumbers says number by number."""

from __future__ import annotations

import numpy as np
import pandas as pd
import phonenumbers

from linkview.identifiers import normalize_series

COUNTRY = {"KZ": "Kazakhstan", "RU": "Russia"}


def test_fast_path_equals_phonenumbers_on_20000_random_numbers_over_every_prefix():
    rng = np.random.default_rng(20260)
    n = 20_000
    prefixes = np.arange(n) % 1000                       # every 3-digit prefix, 20 numbers each
    tails = rng.integers(0, 10_000_000, n)
    nsn = [f"{p:03d}{t:07d}" for p, t in zip(prefixes.tolist(), tails.tolist(), strict=True)]
    style = rng.integers(0, 5, n)
    forms = [lambda s: "+7" + s, lambda s: "8" + s, lambda s: "7" + s,
             lambda s: f"8 ({s[:3]}) {s[3:6]}-{s[6:8]}-{s[8:]}", lambda s: f"+7 {s[:3]} {s[3:6]} {s[6:8]} {s[8:]}"]
    values = [forms[k](s) for s, k in zip(nsn, style.tolist(), strict=True)]
    out = normalize_series("phone", pd.Series(values, dtype=object))
    for i, s in enumerate(nsn):
        number = phonenumbers.parse("+7" + s, None)
        valid = phonenumbers.is_valid_number(number)
        assert out["kind"].iat[i] == "phone", values[i]
        assert out["key"].iat[i] == phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        assert bool(out["valid"].iat[i]) == valid, values[i]
        if valid:
            region = phonenumbers.region_code_for_number(number)
            note = out["note"].iat[i]
            assert note.startswith(COUNTRY.get(region, "")) or note.startswith("toll-free"), (values[i], note)
