"""Scenario generator for LinkView: realistic multi-case fraud data with planted rings and ground truth.

``python -m samples.generate OUT --cases N --rows M --seed S`` writes the files; see ``samples/README.md``.
This package is a development tool; the application never imports it (the bundled demo lives as plain
files in ``linkview/data/demo``).
"""

from __future__ import annotations

__all__ = ["generate_scenario"]


def generate_scenario(*args, **kwargs):
    """See :func:`samples.generate.generate_scenario`."""
    from samples.generate import generate_scenario as _generate

    return _generate(*args, **kwargs)
