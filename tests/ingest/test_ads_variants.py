"""Ad-site responses keep every identifier as written: each spelling becomes a variant of its entity."""

from __future__ import annotations

from linkview.ingest import ImportSpec, import_file, read_file

OLX = ImportSpec(options={"site": "olx.kz"})
HEADER = ("ID аккаунта;Телефон при регистрации;E-mail;Время входа;IP-адрес;ID устройства;ID объявления;"
          "Контактный телефон;Карта оплаты;Сумма оплаты\n")


def _variants(ws, kind: str) -> dict[str, list[str]]:
    """key -> sorted spellings (the display among them) of the entities of one kind."""
    ents = ws.entities(kinds=[kind])
    return {k: sorted(v) for k, v in zip(ents["key"], ents["variants"], strict=True)}


def test_one_phone_written_two_ways_by_two_accounts_keeps_both_spellings(ws, write):
    rows = ["123456;8 (701) 123-45-67;Seller@Mail.ru;03.04.2024 10:00:00;95.56.1.10;A1B2C3D4E5F60718;9001;"
            "8 777 123 45 67;4400 43** **** 1234;5 000",
            "654321;+77011234567;seller@mail.ru;04.04.2024 11:00:00;95.56.1.11;a1b2c3d4e5f60718;9002;"
            "+77771234567;;"]
    import_file(ws, write("olx.csv", HEADER + "\n".join(rows) + "\n"), case_number="1", spec=OLX)
    phones = _variants(ws, "phone")
    assert phones["+77011234567"] == ["+7 701 123 45 67", "+77011234567", "8 (701) 123-45-67"]
    # the phone shown in an ad (listing -> phone): the listing side and the phone side
    assert phones["+77771234567"] == ["+7 777 123 45 67", "+77771234567", "8 777 123 45 67"]
    assert _variants(ws, "email") == {"seller@mail.ru": ["Seller@Mail.ru", "seller@mail.ru"]}
    # the device comes both on the login events and on the uses links
    assert _variants(ws, "device") == {"a1b2c3d4e5f60718": ["A1B2C3D4E5F60718", "a1b2c3d4e5f60718"]}
    # the account and the listing: the id as the response wrote it, besides the site:id display
    assert _variants(ws, "ad_account") == {"olx.kz:123456": ["123456", "olx.kz:123456"],
                                           "olx.kz:654321": ["654321", "olx.kz:654321"]}
    assert _variants(ws, "listing") == {"olx.kz:9001": ["9001", "olx.kz:9001"],
                                        "olx.kz:9002": ["9002", "olx.kz:9002"]}
    assert _variants(ws, "masked_card") == {"440043*1234": ["4400 43** **** 1234"]}
    # the search box finds an account by the bare id an investigator reads off the response
    assert ws.search("654321")["key"].tolist() == ["olx.kz:654321"]


def test_each_value_of_a_cell_with_several_is_a_spelling_of_its_own(ws, write):
    rows = ["123456;+7 701 123 45 67, 8 705 111 22 33;;;;;;;;"]
    import_file(ws, write("olx.csv", HEADER + "\n".join(rows) + "\n"), case_number="1", spec=OLX)
    assert _variants(ws, "phone") == {"+77011234567": ["+7 701 123 45 67"],
                                      "+77051112233": ["+7 705 111 22 33", "8 705 111 22 33"]}


def test_login_and_payment_events_carry_the_spellings_of_their_own_row(write):
    # one account, one device and one card, each written two ways on two rows: the events keep both
    rows = ["123456;;;03.04.2024 10:00:00;95.56.1.10;A1B2C3D4E5F60718;;;4400 4300 1234 1234;5 000",
            "123456;;;04.04.2024 11:00:00;95.56.1.10;a1b2c3d4e5f60718;;;4400430012341234;7 000"]
    batch = read_file(write("olx.csv", HEADER + "\n".join(rows) + "\n"), case_number="1", spec=OLX)
    ev = batch.events.sort_values(["etype", "row"])
    assert ev["etype"].tolist() == ["login", "login", "payment", "payment"]
    assert ev["a_raw"].tolist() == ["123456"] * 4
    assert ev["dev_raw"].tolist() == ["A1B2C3D4E5F60718", "a1b2c3d4e5f60718", "", ""]
    assert ev["b_raw"].tolist() == ["95.56.1.10", "95.56.1.10", "4400 4300 1234 1234", "4400430012341234"]


def test_a_link_carries_the_spellings_of_its_first_row(write):
    # both rows show one link (account uses phone); it carries row 2's spellings, the row it cites
    rows = ["123456;8 (701) 123-45-67;;;;;;;;",
            "123456;+77011234567;;;;;;;;"]
    batch = read_file(write("olx.csv", HEADER + "\n".join(rows) + "\n"), case_number="1", spec=OLX)
    [link] = batch.links.itertuples()
    assert (link.row, link.n, link.b_key) == (2, 2, "+77011234567")
    assert (link.a_raw, link.b_raw) == ("123456", "8 (701) 123-45-67")
    # the spellings ride along: the link columns keep the dtypes the workspace is handed
    assert str(batch.links["a_key"].dtype) == str(batch.links["b_display"].dtype)


def test_every_spelling_of_the_rows_one_link_merges_is_kept(ws, write):
    # one account uses one phone, written two ways on two rows: one link, both spellings kept
    rows = ["123456;8 (701) 123-45-67;;;;;;;;",
            "123456;+77011234567;;;;;;;;",
            "123456;8-701-123-45-67;;;;;;;;"]
    path = write("olx.csv", HEADER + "\n".join(rows) + "\n")
    batch = read_file(path, case_number="1", spec=OLX)
    assert len(batch.links) == 1
    import_file(ws, path, case_number="1", spec=OLX)
    assert _variants(ws, "phone") == {"+77011234567": ["+7 701 123 45 67", "+77011234567", "8 (701) 123-45-67",
                                                       "8-701-123-45-67"]}
