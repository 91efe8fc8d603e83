"""Creating, opening and reopening workspaces; schema versions and migrations."""

from __future__ import annotations

import sqlite3

import pytest

from linkview.errors import SchemaVersionError, WorkspaceError
from linkview.workspace import Workspace, migrations
from linkview.workspace.schema import APPLICATION_ID, SCHEMA_VERSION


def _sql(path, statement, params=()):
    con = sqlite3.connect(path)
    try:
        with con:
            return con.execute(statement, params).fetchall()
    finally:
        con.close()


def test_create_open_reopen(tmp_path, batch_a):
    path = tmp_path / "case.linkview"
    with Workspace.create(path, user="alice") as ws:
        assert ws.schema_version == SCHEMA_VERSION
        ws.import_batch(batch_a())
        assert not ws.closed
    assert ws.closed
    with pytest.raises(WorkspaceError, match="closed"):
        ws.cases()
    with Workspace.open(path, user="bob") as again:
        assert [c.number for c in again.cases()] == ["2024-001"]
        assert len(again.events()) == 3
        assert again.integrity_check() == []
        again.log("viewed", {})
        assert again.audit_log()["user"].tolist() == ["alice", "investigator1", "bob"]
    # closing folds the write-ahead log back into the one file
    assert not (tmp_path / "case.linkview-wal").exists()
    assert _sql(path, "PRAGMA application_id")[0][0] == APPLICATION_ID
    assert _sql(path, "PRAGMA journal_mode")[0][0] == "wal"
    assert _sql(path, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]


def test_create_refuses_existing_file(tmp_path):
    path = tmp_path / "x.linkview"
    Workspace.create(path).close()
    with pytest.raises(WorkspaceError, match="already exists"):
        Workspace.create(path)
    with pytest.raises(WorkspaceError, match="does not exist"):
        Workspace.create(tmp_path / "missing" / "x.linkview")


def test_open_refuses_what_is_not_a_workspace(tmp_path):
    with pytest.raises(WorkspaceError, match="no workspace at"):
        Workspace.open(tmp_path / "nothing.linkview")
    text = tmp_path / "calls.csv"
    text.write_text("A;B\n87011234567;87027654321\n", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="not a LinkView workspace"):
        Workspace.open(text)
    other = tmp_path / "other.sqlite"
    _sql(other, "CREATE TABLE t (x)")
    before = other.read_bytes()
    with pytest.raises(WorkspaceError, match="SQLite database but not a LinkView workspace"):
        Workspace.open(other)
    assert other.read_bytes() == before  # left exactly as it was (not even switched to WAL)
    foreign = tmp_path / "foreign.sqlite"
    _sql(foreign, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    _sql(foreign, "INSERT INTO meta VALUES ('application', 'something else')")
    with pytest.raises(WorkspaceError, match="not a LinkView workspace"):
        Workspace.open(foreign)


def test_version_one_file_is_migrated(tmp_path, batch_a):
    """A schema-1 file (events also in a row table, raw JSON there) opens as schema 2 and keeps its rows."""
    path = tmp_path / "v1.linkview"
    with Workspace.create(path) as ws:
        res = ws.import_batch(batch_a())
    assert _sql(path, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]
    # what schema 1 looked like: an events table holding each kept row's raw JSON, no source_cells
    _sql(path, "DROP TABLE source_cells")
    _sql(path, "CREATE TABLE events (id INTEGER PRIMARY KEY, case_id INTEGER, source_id INTEGER, "
               "row INTEGER, raw TEXT)")
    _sql(path, "INSERT INTO events VALUES (1, 1, 1, 2, ?), (2, 1, 1, 3, NULL), (3, 1, 1, 4, NULL)",
         ('{"A": "87011234567 (v1)"}',))
    _sql(path, "UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with Workspace.open(path) as ws:
        assert ws.schema_version == SCHEMA_VERSION == 2
        assert ws.audit_log()["detail"].iloc[-1] == {"from": 1, "to": 2}
        assert ws.integrity_check() == []
        assert ws.source_row(res.source_id, 2) == {"A": "87011234567 (v1)"}
        assert ws.source_row(res.source_id, 4)["b"] == "1414"     # nothing kept: the stored fields
        assert len(ws.events()) == 3
        again = ws.import_batch(batch_a(case="2024-NEW"))
        assert ws.events()["id"].tolist() == [1, 2, 3, 4, 5, 6]
        assert ws.source_row(again.source_id, 2) == {"A": "87011234567", "B": "+7 702 765 43 21"}
    assert _sql(path, "SELECT count(*) FROM source_cells") == [(1,)]


def test_current_file_needs_no_migration(tmp_path):
    path = tmp_path / "v2.linkview"
    Workspace.create(path).close()
    with Workspace.open(path) as ws:
        assert ws.schema_version == SCHEMA_VERSION
        assert "migrate" not in ws.audit_log()["action"].tolist()


def test_newer_file_is_refused(tmp_path):
    path = tmp_path / "future.linkview"
    Workspace.create(path).close()
    _sql(path, "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(SchemaVersionError, match="newer LinkView") as err:
        Workspace.open(path)
    assert f"schema {SCHEMA_VERSION + 1}" in str(err.value)
    assert _sql(path, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION + 1),)]


def test_migration_steps_run_in_order_once(tmp_path, monkeypatch):
    path = tmp_path / "old.linkview"
    Workspace.create(path).close()
    ran = []

    v1, v2 = SCHEMA_VERSION + 1, SCHEMA_VERSION + 2

    def add_column(conn):
        ran.append(v1)
        conn.exec_driver_sql("ALTER TABLE cases ADD COLUMN unit TEXT")

    def add_table(conn):
        ran.append(v2)
        conn.exec_driver_sql("CREATE TABLE tags (entity_id INTEGER, tag TEXT)")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, migrations.Migration(v1, "unit", add_column),
                                                   migrations.Migration(v2, "tags", add_table)])
    with Workspace.open(path) as ws:
        assert ws.schema_version == v2
        assert ws.audit_log()["detail"].iloc[-1] == {"from": SCHEMA_VERSION, "to": v2}
    assert ran == [v1, v2]
    with Workspace.open(path) as ws:
        assert ws.schema_version == v2
    assert ran == [v1, v2]
    assert "unit" in [r[1] for r in _sql(path, "PRAGMA table_info(cases)")]


def test_failed_migration_leaves_the_file_unchanged(tmp_path, monkeypatch):
    path = tmp_path / "old.linkview"
    Workspace.create(path).close()

    def half_done(conn):
        conn.exec_driver_sql("CREATE TABLE tags (x)")
        conn.exec_driver_sql("ALTER TABLE no_such_table ADD COLUMN y")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, migrations.Migration(SCHEMA_VERSION + 1, "bad", half_done)])
    with pytest.raises(WorkspaceError, match="no such table: no_such_table"):
        Workspace.open(path)
    monkeypatch.undo()
    with Workspace.open(path) as ws:
        assert ws.schema_version == SCHEMA_VERSION
    assert _sql(path, "SELECT name FROM sqlite_master WHERE name = 'tags'") == []
