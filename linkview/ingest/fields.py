"""The fields each kind of file knows, their header aliases (ru/kk/en) and the column mapping.

The aliases live in ``aliases.json`` next to this module so that a new operator's or bank's layout is
taught by editing data, not code. A header matches an alias when both fold to the same text
(:func:`fold_header`: case folded, ``ё`` -> ``е``, punctuation and ``_`` turned into spaces), or when
the header starts with a folded alias of four characters or more followed by a space (so
``Длительность соединения (сек.)`` matches ``длительность соединения``); exact matches win, then the
longest alias.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "KINDS",
    "FieldInfo",
    "FIELDS",
    "REQUIRES",
    "fold_header",
    "match_field",
    "map_columns",
    "detect_kind",
    "header_score",
    "missing_requirements",
]

KINDS = ("calls", "transfers", "ads")

_PUNCT = re.compile(r"[^\w/#@ ]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class FieldInfo:
    """One field of a kind of file: its name, whether some requirement names it, its aliases."""

    name: str
    required: bool
    aliases: dict[str, tuple[str, ...]]   # language -> aliases as written in aliases.json

    def all_aliases(self) -> tuple[str, ...]:
        return tuple(a for lang in ("ru", "kk", "en") for a in self.aliases.get(lang, ()))


def fold_header(text: object) -> str:
    """Fold a header cell for matching: ``'Дата и время (UTC)'`` -> ``'дата и время utc'``."""
    s = str(text or "").replace("\ufeff", "").casefold().replace("ё", "е").replace("_", " ")
    s = _PUNCT.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


@lru_cache(maxsize=1)
def _load() -> dict:
    raw = resources.files("linkview.ingest").joinpath("aliases.json").read_text(encoding="utf-8")
    return json.loads(raw)


def _build_fields() -> tuple[dict[str, dict[str, FieldInfo]], dict[str, dict[str, list[list[str]]]]]:
    data = _load()
    fields: dict[str, dict[str, FieldInfo]] = {}
    requires: dict[str, dict[str, list[list[str]]]] = {}
    for kind in KINDS:
        block = data[kind]
        req = {k: [list(alt) for alt in v] for k, v in block["requires"].items()}
        named = {f for alts in req.values() for alt in alts for f in alt}
        fields[kind] = {
            name: FieldInfo(name, name in named, {lang: tuple(v) for lang, v in al.items()})
            for name, al in block["fields"].items()
        }
        requires[kind] = req
    return fields, requires


FIELDS, REQUIRES = _build_fields()


@lru_cache(maxsize=4)
def _folded(kind: str) -> dict[str, tuple[str, ...]]:
    return {name: tuple(dict.fromkeys(fold_header(a) for a in info.all_aliases()))
            for name, info in FIELDS[kind].items()}


def match_field(kind: str, header: object) -> tuple[str | None, int]:
    """The field a header names for ``kind`` and how well: (field, 2 exact | 1 prefix | 0 none)."""
    name, quality, _len = _match(kind, header)
    return name, quality


@lru_cache(maxsize=65536)
def _match(kind: str, header: object) -> tuple[str | None, int, int]:
    """(field, quality, alias length); cached: the header finder asks about every cell of 30 lines."""
    h = fold_header(header)
    if not h:
        return None, 0, 0
    best: tuple[int, int, str] | None = None
    for name, aliases in _folded(kind).items():
        for a in aliases:
            if h == a:
                score = (2, len(a), name)
            elif len(a) >= 4 and h.startswith(a + " "):
                score = (1, len(a), name)
            else:
                continue
            if best is None or score[:2] > best[:2]:
                best = score
    if best is None:
        return None, 0, 0
    return best[2], best[0], best[1]


def map_columns(kind: str, headers: list[str]) -> dict[str, str]:
    """Field -> column for ``kind``: each field takes the best-matching column, each column one field.

    Exact matches first, then the longer (more specific) alias, then the leftmost column.
    """
    cands = []
    for pos, h in enumerate(headers):
        name, quality, length = _match(kind, h)
        if name:
            cands.append((-quality, -length, pos, name, h))
    cands.sort()
    mapping: dict[str, str] = {}
    used: set[int] = set()
    for _q, _l, pos, name, h in cands:
        if name in mapping or pos in used:
            continue
        mapping[name] = h
        used.add(pos)
    return mapping


def header_score(cells: list[str]) -> int:
    """How many cells of a row look like a header of any kind (best kind)."""
    best = 0
    for kind in KINDS:
        best = max(best, sum(1 for c in cells if match_field(kind, c)[0]))
    return best


def detect_kind(headers: list[str], *, partial: bool = False) -> str | None:
    """The kind of file these headers describe, or None when none fits.

    ``partial``: also consider kinds whose required fields are not all there (the best guess, to say
    what is missing), when at least two headers match.
    """
    best: tuple[int, int, str] | None = None
    for i, kind in enumerate(KINDS):
        mapping = map_columns(kind, headers)
        if missing_requirements(kind, mapping) and (not partial or len(mapping) < 2):
            continue
        bonus = 0
        if kind == "transfers" and any(f in mapping for f in ("amount", "debit", "credit", "value_in")):
            bonus = 2
        if kind == "ads" and any(f in mapping for f in ("ip", "listing_id", "email", "device_id")):
            bonus = 2
        if kind == "calls" and any(f in mapping for f in ("duration", "imei", "lac_cid", "cid")):
            bonus = 1
        score = (len(mapping) + bonus, -i, kind)
        if best is None or score > best:
            best = score
    return best[2] if best else None


def missing_requirements(kind: str, mapping: dict[str, str]) -> list[str]:
    """Requirement groups of ``kind`` that the mapping does not satisfy (empty list: all met)."""
    missing = []
    for group, alternatives in REQUIRES[kind].items():
        if not any(all(f in mapping for f in alt) for alt in alternatives):
            missing.append(group)
    return missing
