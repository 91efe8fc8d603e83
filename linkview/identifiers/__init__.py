"""Identifiers: one normaliser per kind, so that every spelling of one phone, handset, card, account,
wallet or ad account becomes one ``(kind, key)``, the identity of a node.

Pure Python: pandas is imported inside :func:`normalize_series` only, numpy there and on the path of
phone columns it takes, and phonenumbers when a phone is first read. Lists of names and codes
(banks, operators, short numbers, MCC/MNC, card schemes) are editable CSV files in
``linkview/identifiers/data``.
"""

from __future__ import annotations

from linkview.identifiers._base import ALIASES, KINDS, Identifier
from linkview.identifiers.api import AUTO, detect, normalize, normalize_series, parse_entity

__all__ = ["Identifier", "KINDS", "ALIASES", "AUTO", "normalize", "detect", "normalize_series", "parse_entity"]
