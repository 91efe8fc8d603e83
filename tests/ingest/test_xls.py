""".xls (Excel 97-2003, BIFF8) read through xlrd: header under a title, cells as text, big numbers flagged.

Nothing LinkView depends on writes .xls, so ``_xls`` below writes one: the smallest BIFF8 workbook xlrd
reads as Excel's own (an OLE compound document holding one ``Workbook`` stream: globals with the FORMATs
of a date-time, a date and a time of day, one XF per format, SST and one BOUNDSHEET per sheet; each sheet
LABELSST for text and NUMBER for numbers, dates and times being numbers under a date format).
Text is always stored as UTF-16, so Cyrillic comes through as written; a number is a float, as Excel keeps
it (a 16-digit card typed as a number has already lost its last digit when it gets here).
"""

from __future__ import annotations

import datetime as dt
import struct

from linkview.ingest import preview, read_file
from linkview.ingest.readers import read_table

_SECTOR = 512
_END, _FREE, _FAT, _NONE = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
# Python type of a cell value -> (XF index, FORMAT number: user formats count from 164, format string);
# XF 0 is General
_FORMATS = {dt.datetime: (1, 164, "DD.MM.YYYY hh:mm:ss"), dt.date: (2, 165, "DD.MM.YYYY"),
            dt.time: (3, 166, "hh:mm:ss")}


def _record(rtype: int, data: bytes) -> bytes:
    return struct.pack("<HH", rtype, len(data)) + data


def _bof(substream: int) -> bytes:
    # BIFF8 (0x0600), the substream (5: workbook globals, 0x10: worksheet), build and year of Excel 97
    return _record(0x0809, struct.pack("<HHHHII", 0x0600, substream, 0x0DBB, 0x07CC, 0, 0x06))


def _text(s: str, length: str = "<H") -> bytes:
    """XLUnicodeString: character count, flags (1: UTF-16LE), the characters."""
    return struct.pack(length, len(s)) + b"\x01" + s.encode("utf-16-le")


def _xf(fmt: int) -> bytes:
    # font 0, the format, a locked cell XF with parent style 0; alignment, borders and fill left at 0
    return _record(0x00E0, struct.pack("<HHHBBBBIIH", 0, fmt, 0x0001, 0x20, 0, 0, 0, 0, 0, 0x20C0))


def _serial(value: dt.date | dt.time) -> float:
    """Excel's number for a date, date-time or time of day: days since 1899-12-30 (the 1900 date system)."""
    if isinstance(value, dt.time):              # a time of day: a fraction of day 0
        value = dt.datetime.combine(dt.date(1899, 12, 30), value)
    elif not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    return (value - dt.datetime(1899, 12, 30)) / dt.timedelta(days=1)


def _sheet(rows: list[list[object]], sst: dict[str, int]) -> bytes:
    width = max((len(r) for r in rows), default=0)
    out = [_bof(0x0010), _record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, width, 0))]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, str):
                out.append(_record(0x00FD, struct.pack("<HHHI", r, c, 0, sst.setdefault(value, len(sst)))))
            elif type(value) in _FORMATS:
                out.append(_record(0x0203, struct.pack("<HHHd", r, c, _FORMATS[type(value)][0], _serial(value))))
            else:
                out.append(_record(0x0203, struct.pack("<HHHd", r, c, 0, float(value))))
    out.append(_record(0x000A, b""))
    return b"".join(out)


def _workbook(sheets: dict[str, list[list[object]]]) -> bytes:
    """The BIFF8 ``Workbook`` stream: globals, then the sheets at the offsets their BOUNDSHEETs give."""
    sst: dict[str, int] = {}
    bodies = [_sheet(rows, sst) for rows in sheets.values()]
    uses = sum(isinstance(v, str) for rows in sheets.values() for row in rows for v in row)

    def globals_(offsets: list[int]) -> bytes:
        parts = [_bof(0x0005), _record(0x0042, struct.pack("<H", 1200)),       # CODEPAGE: UTF-16
                 _record(0x0022, struct.pack("<H", 0)),                         # DATEMODE: 1900
                 *[_record(0x041E, struct.pack("<H", num) + _text(fmt)) for _xf_i, num, fmt in _FORMATS.values()],
                 _xf(0), *[_xf(num) for _xf_i, num, _fmt in _FORMATS.values()]]
        parts += [_record(0x0085, struct.pack("<IBB", off, 0, 0) + _text(name, "<B"))
                  for off, name in zip(offsets, sheets, strict=True)]
        parts.append(_record(0x00FC, struct.pack("<II", uses, len(sst)) + b"".join(_text(s) for s in sst)))
        parts.append(_record(0x000A, b""))
        return b"".join(parts)

    head = len(globals_([0] * len(sheets)))          # the offsets do not change the length of the globals
    offsets = [head + sum(len(b) for b in bodies[:i]) for i in range(len(bodies))]
    return globals_(offsets) + b"".join(bodies)


def _dir_entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return (encoded.ljust(64, b"\0") + struct.pack("<HBBIII", len(encoded), kind, 1, _NONE, _NONE, child)
            + b"\0" * 16 + struct.pack("<I", 0) + b"\0" * 16 + struct.pack("<IQ", start, size))


def _xls(sheets: dict[str, list[list[object]]]) -> bytes:
    """A compound document (version 3, 512-byte sectors) holding the workbook stream: stream sectors,
    then one directory sector (root, Workbook), then the one FAT sector. The stream is padded to 4096
    bytes at least, so it lives in ordinary sectors and no mini stream is needed."""
    stream = _workbook(sheets)
    stream += b"\0" * (max(4096, -(-len(stream) // _SECTOR) * _SECTOR) - len(stream))
    n = len(stream) // _SECTOR
    dir_sec, fat_sec = n, n + 1
    fat = [*range(1, n), _END, _END, _FAT]
    fat_bytes = struct.pack(f"<{_SECTOR // 4}I", *fat, *[_FREE] * (_SECTOR // 4 - len(fat)))
    empty = b"\0" * 64 + struct.pack("<HBBIII", 0, 0, 0, _NONE, _NONE, _NONE) + b"\0" * 48
    directory = (_dir_entry("Root Entry", 5, 1, _END, 0) + _dir_entry("Workbook", 2, _NONE, 0, len(stream))
                 + empty * 2)
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16
              + struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, dir_sec, 0, 4096, _END, 0, _END, 0)
              + struct.pack("<109I", fat_sec, *[_FREE] * 108))
    return header + stream + directory + fat_bytes


TITLE = "Выписка по переводам ТОО «Банк» за апрель 2024"
HEADER = ["Дата и время операции", "Карта отправителя", "Карта получателя", "Сумма", "Назначение платежа"]
ROWS = [
    [TITLE],
    [],
    HEADER,
    # a date cell, a card kept as text, the same card typed as a number (Excel kept 15 digits: …5671 became
    # …5670), a float sum
    [dt.datetime(2024, 4, 3, 10, 11, 12), "4400430012345671", 4400430012345670, 1500.5, "Перевод за iPhone, Алматы"],
    ["04.04.2024 09:00:00", "4400430012345671", "4400430012345671", 2000, "возврат долга"],
]


def _file(tmp_path, sheets=None):
    p = tmp_path / "выписка.xls"
    p.write_bytes(_xls(sheets or {"Операции": ROWS}))
    return p


def test_xls_cells_as_text_and_big_numbers_flagged(tmp_path):
    t = read_table(_file(tmp_path))
    assert (t.fmt, t.sheet, t.header_row) == ("xls", "Операции", 3)
    assert t.columns == HEADER
    assert t.title == [TITLE]
    assert t.rows.tolist() == [4, 5]
    assert t.frame.iloc[0].tolist() == ["2024-04-03 10:11:12", "4400430012345671", "4400430012345670", "1500.5",
                                        "Перевод за iPhone, Алматы"]
    assert t.frame.iloc[1].tolist() == ["04.04.2024 09:00:00", "4400430012345671", "4400430012345671", "2000",
                                        "возврат долга"]
    assert t.excel_numbers == {"Карта получателя": {4}}


def test_xls_preview_finds_the_header_under_the_title(tmp_path):
    pv = preview(_file(tmp_path))
    assert (pv.fmt, pv.sheet, pv.header_row, pv.kind) == ("xls", "Операции", 3, "transfers")
    assert pv.title == [TITLE] and pv.columns == HEADER and not pv.missing
    assert pv.mapping["receiver"] == "Карта получателя" and pv.mapping["description"] == "Назначение платежа"
    assert pv.rows_seen == 2
    assert all(isinstance(v, str) for v in pv.sample.to_numpy().ravel())


def test_xls_transfers_flag_the_card_excel_stored_as_a_number(tmp_path, by_row):
    batch = read_file(_file(tmp_path), case_number="1")
    assert batch.source.spec["sheet"] == "Операции"
    ev = batch.events
    assert ev["row"].tolist() == [4, 5]
    assert ev["time"].astype(str).tolist() == ["2024-04-03 10:11:12", "2024-04-04 09:00:00"]
    assert ev["amount"].tolist() == [1500.5, 2000.0]
    assert ev["b_key"].tolist() == ["4400430012345670", "4400430012345671"]
    assert ev["b_valid"].tolist() == [False, True]
    assert ev["note"].tolist() == ["Перевод за iPhone, Алматы", "возврат долга"]
    # the cell Excel stored as a number is flagged (and the card it left fails its check): imported, warned
    rej = by_row(batch)
    assert [(c, s) for c, s, _r in rej[4]] == [("Карта получателя", "warning")] * 2
    assert rej[4][0][2].startswith("stored by Excel as a number of 16+ digits")
    assert 5 not in rej


def test_xls_sheet_chosen_by_name(tmp_path):
    calls = [["Детализация абонента 8 (701) 123-45-67"],
             ["Дата и время", "Абонент А", "Абонент Б", "Длительность"],
             ["03.04.2024 10:11:12", 77011234567, "+7 705 111 22 33", 65]]
    p = _file(tmp_path, {"Операции": ROWS, "Звонки": calls})
    t = read_table(p, sheet="Звонки")
    assert (t.sheet, t.header_row, t.rows.tolist()) == ("Звонки", 2, [3])
    assert t.frame.iloc[0].tolist() == ["03.04.2024 10:11:12", "77011234567", "+7 705 111 22 33", "65"]
    assert t.excel_numbers == {}
    assert read_table(p).sheet == "Операции"


def test_xls_call_record_with_date_and_time_in_two_columns(tmp_path):
    # a date cell, a time-of-day cell and a duration typed as a time: read as a person sees them
    calls = [["Детализация абонента 8 (701) 123-45-67"],
             ["Дата", "Время", "Абонент А", "Абонент Б", "Длительность", "Тип"],
             [dt.date(2024, 4, 3), dt.time(10, 11, 12), 77011234567, "+7 705 111 22 33", dt.time(0, 1, 5), "Исх"],
             [dt.date(2024, 4, 3), dt.time(0, 0, 0), "87051112233", 77011234567, 10, "Вх"]]
    p = _file(tmp_path, {"Звонки": calls})
    t = read_table(p)
    assert t.frame.values.tolist() == [
        ["2024-04-03", "10:11:12", "77011234567", "+7 705 111 22 33", "00:01:05", "Исх"],
        ["2024-04-03", "00:00:00", "87051112233", "77011234567", "10", "Вх"]]
    batch = read_file(p, case_number="1")
    assert batch.rejected.empty
    ev = batch.events
    assert ev["time"].astype(str).tolist() == ["2024-04-03 10:11:12", "2024-04-03 00:00:00"]
    assert ev["duration"].tolist() == [65.0, 10.0]
    assert batch.source.spec["target"] == "+77011234567"
