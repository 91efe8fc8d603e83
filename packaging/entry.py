"""Script PyInstaller freezes (it needs a file, not the ``linkview.cli:main`` entry point).

The same script backs both programs of the bundle: ``LinkView`` (windowed) and ``linkview-cli``
(console); see ``build.spec``.

With ``LINKVIEW_SELFTEST=1`` in the environment the frozen program instead imports every ``linkview``
module and computes small chart layouts (numpy, scipy.sparse, scipy.fft, igraph), then exits 0 or 1:
``packaging/build.py`` uses it to prove that nothing the program needs was left out of the bundle.
"""

import os
import sys


def _selftest() -> int:
    import importlib
    import pkgutil
    import time

    import linkview

    failed = []
    names = [m.name for m in pkgutil.walk_packages(linkview.__path__, "linkview.")
             if not m.name.endswith("__main__")]  # linkview.__main__ runs the program when imported
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - report every module that cannot be imported
            failed.append(f"import {name}: {type(exc).__name__}: {exc}")
    print(f"imported {len(names) - len(failed)}/{len(names)} linkview modules")

    import numpy as np

    from linkview.layout import METHODS, compute_layout

    rng = np.random.default_rng(1)
    for n in (12, 700, 3000):
        ring = [[i, (i + 1) % n] for i in range(n)]
        edges = np.array(ring + rng.integers(0, n, (n // 3, 2)).tolist())
        for method in METHODS:
            start = time.perf_counter()
            try:
                pos = compute_layout(n, edges, seed=1, method=method)
                ok = pos.shape == (n, 2) and bool(np.isfinite(pos).all())
                if not ok:
                    failed.append(f"layout {method} n={n}: bad positions")
            except Exception as exc:  # noqa: BLE001
                failed.append(f"layout {method} n={n}: {type(exc).__name__}: {exc}")
            print(f"layout {method:<8} n={n:<5} {time.perf_counter() - start:.2f} s")
    for line in failed:
        print("FAILED", line)
    print("selftest", "failed" if failed else "ok")
    return 1 if failed else 0


if __name__ == "__main__":
    if os.environ.get("LINKVIEW_SELFTEST") == "1":
        sys.exit(_selftest())
    from linkview.cli import main

    sys.exit(main())
