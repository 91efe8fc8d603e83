"""Ad-site responses: accounts, their contacts, logins, listings and payments."""

from __future__ import annotations

import pandas as pd
import pytest

from linkview.errors import InputError
from linkview.ingest import ImportSpec, read_file

HEADER = ("ID аккаунта;Телефон при регистрации;E-mail;Имя;Время входа;IP-адрес;Порт;ID устройства;"
          "ID объявления;Заголовок объявления;Цена;Город;Контактный телефон;Карта оплаты\n")
ROWS = [
    "123456;+7 701 123 45 67, 8 705 111 22 33;Seller@Mail.ru;Айдар;03.04.2024 10:00:00;95.56.1.10;51234;"
    "a1b2c3d4e5f60718;9001;iPhone 15 Pro дешево;350 000;Алматы;87771234567;4400 43** **** 1234",
    "123456;+77011234567;seller@mail.ru;Айдар;04.04.2024 11:00:00;95.56.1.11;40000;a1b2c3d4e5f60718;9002;"
    "PlayStation 5;150 000;Алматы;87771234567;",
    "654321;87471112233;;;05.04.2024 12:00:00;2.134.5.6;;ffeeddccbbaa9988;;;;;;",
]


def _ads(write, rows=ROWS, header=HEADER):
    return write("olx.csv", "Ответ ТОО «Объявления Казахстан» на запрос № 123\n" + header + "\n".join(rows) + "\n")




def test_ads_response(write):
    p = _ads(write)
    with pytest.raises(InputError, match="options.site"):
        read_file(p, case_number="1")
    batch = read_file(p, case_number="1", spec=ImportSpec(options={"site": "OLX.kz"}))
    assert batch.source.kind == "ads"
    ev = batch.events.sort_values("row")
    assert ev["etype"].tolist() == ["login"] * 3
    assert ev["row"].tolist() == [3, 4, 5]
    assert ev["a_key"].tolist() == ["olx.kz:123456", "olx.kz:123456", "olx.kz:654321"]
    assert ev["b_kind"].tolist() == ["ip"] * 3 and ev["b_key"].tolist() == ["95.56.1.10", "95.56.1.11", "2.134.5.6"]
    assert ev["dev_key"].tolist() == ["a1b2c3d4e5f60718", "a1b2c3d4e5f60718", "ffeeddccbbaa9988"]
    assert ev["note"].tolist() == ["port 51234", "port 40000", ""]
    assert ev["time"].iloc[0] == pd.Timestamp("2024-04-03 10:00:00")
    links = {(r.ltype, r.a_key, r.b_key): r for r in batch.links.itertuples()}
    acc = "olx.kz:123456"
    # two phones in one cell, the same phone spelled twice: one link counted twice
    assert links[("uses", acc, "+77011234567")].n == 2
    assert links[("uses", acc, "+77011234567")].row == 3
    assert links[("uses", acc, "+77051112233")].n == 1
    assert links[("uses", acc, "seller@mail.ru")].n == 2
    assert links[("uses", acc, "a1b2c3d4e5f60718")].n == 2
    assert links[("uses", "olx.kz:654321", "+77471112233")].n == 1
    assert links[("pays_with", acc, "440043*1234")].b_kind == "masked_card"
    assert links[("posted", acc, "olx.kz:9001")].n == 1
    assert links[("contact", "olx.kz:9001", "+77771234567")].row == 3
    assert links[("contact", "olx.kz:9002", "+77771234567")].row == 4
    assert batch.rejected.empty


def test_site_column_and_bad_values(write, by_row):
    header = "Сайт;ID пользователя;Email;IP;Время входа\n"
    rows = ["krisha.kz;77;a@b.kz;10.0.0.1;03.04.2024 10:00:00",
            "krisha.kz;;c@d.kz;10.0.0.2;03.04.2024 10:00:00",
            "krisha.kz;78;not-an-email;999.1.1.1;31.13.2024 10:00:00",
            "krisha.kz;79;not-an-email;10.0.0.3;03.04.2024 11:00:00"]
    batch = read_file(write("k.csv", header + "\n".join(rows) + "\n"), case_number="1")
    rej = by_row(batch)
    assert rej[3] == [("ID пользователя", "error", "no account id")]
    assert rej[4][0][:2] == ("Время входа", "error") and "unreadable login time '31.13.2024 10:00:00'" in rej[4][0][2]
    # an invalid but readable e-mail: imported, flagged
    assert rej[5][0][:2] == ("Email", "warning") and "'not-an-email' is not a valid email" in rej[5][0][2]
    assert batch.events["a_key"].tolist() == ["krisha.kz:77", "krisha.kz:79"]
    assert set(batch.links["a_key"]) == {"krisha.kz:77", "krisha.kz:79"}
