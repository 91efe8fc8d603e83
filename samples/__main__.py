"""``python -m samples OUT ...`` is ``python -m samples.generate OUT ...``."""

from __future__ import annotations

import sys

from samples.generate import main

if __name__ == "__main__":
    sys.exit(main())
