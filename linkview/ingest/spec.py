"""Import specs: how to read one sender's files, saved as JSON and reused for the next file."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from linkview.errors import InputError

__all__ = ["ImportSpec", "SPEC_OPTIONS"]

# options an import spec understands (anything else is refused, so a typo is not silently ignored)
SPEC_OPTIONS: dict[str, str] = {
    "dayfirst": "dates like 03.04.2024 are day first (default true; false reads month first)",
    "time_unit": "the time column counts 's' or 'ms' since the Unix epoch (or since 'epoch')",
    "epoch": "ISO date the time column counts from (anonymised studies count from the study start)",
    "time_format": "strptime format of the time column, when the built-in ones do not fit",
    "currency": "currency of amounts when the file does not say (KZT, USD, ETH, USDT...)",
    "asset": "rail of the transfers: bank, trc20, erc20, eth, btc, mobile_money...",
    "site": "ad site of an ads response (olx.kz, krisha.kz...) when the file has no site column",
    "owner": "the statement's own card/account/wallet when the title does not name it",
    "etype": "event type of a calls file without a type column: call or sms",
    "id_namespace": "where anonymised subscriber ids are unique (default: the case); files of one study share it",
    "raw": "accepted in specs saved by older versions and ignored: the cells of every row are always kept",
    "max_future_days": "a time later than now plus this many days is rejected (default 1)",
}


@dataclass
class ImportSpec:
    """How to read a file. Every field left ``None`` (or empty) is detected from the file."""

    kind: str | None = None               # calls | transfers | ads
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | int | None = None
    header_row: int | None = None         # 1-based line of the header; 0 = no header row
    columns: dict[str, str] = field(default_factory=dict)   # field -> column name (or "#3")
    target: str | None = None             # calls: the record's target number
    party_kind: str | None = None         # force the identifier kind of party columns
    options: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in ("calls", "transfers", "ads"):
            raise InputError(f"unknown kind {self.kind!r}: use calls, transfers or ads")
        unknown = sorted(set(self.options) - set(SPEC_OPTIONS))
        if unknown:
            raise InputError(f"unknown import option(s) {', '.join(unknown)}; known: {', '.join(SPEC_OPTIONS)}")
        if self.header_row is not None and self.header_row < 0:
            raise InputError("header_row must be 0 (no header) or a 1-based line number")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImportSpec:
        if not isinstance(data, dict):
            raise InputError("an import spec is a JSON object")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InputError(f"unknown import spec field(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        data = dict(data)
        data["columns"] = {str(k): str(v) for k, v in (data.get("columns") or {}).items()}
        data["options"] = dict(data.get("options") or {})
        return cls(**data)

    def merged(self, other: ImportSpec | None) -> ImportSpec:
        """This spec with every value ``other`` sets explicitly taking precedence."""
        if other is None:
            return ImportSpec.from_dict(self.to_dict())
        d = self.to_dict()
        for k, v in other.to_dict().items():
            if k in ("columns", "options"):
                d[k] = {**d[k], **v}
            elif v is not None:
                d[k] = v
        return ImportSpec.from_dict(d)

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> ImportSpec:
        p = Path(path)
        try:
            data = json.loads(p.read_text(encoding="utf-8-sig"))
        except FileNotFoundError:
            raise InputError("import spec not found", file=str(p)) from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"import spec is not valid JSON: {exc}", file=str(p)) from None
        try:
            return cls.from_dict(data)
        except InputError as exc:
            raise InputError(exc.reason, file=str(p)) from None
