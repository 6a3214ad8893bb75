-- Schema 4: the release register. One row per table that left the app (table export, copy, tabellenboek,
-- chart): dataset, row variable, banner (canonical JSON) and the full filter it was made under. A new
-- table of the same rows and banner under another filter is checked against these (differencing).
CREATE TABLE release_register (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  at           TEXT NOT NULL,
  action       TEXT NOT NULL,
  dataset      TEXT NOT NULL,
  row_variable TEXT NOT NULL,
  banner       TEXT NOT NULL,
  filter       TEXT NOT NULL DEFAULT ''
);

CREATE INDEX release_register_by_table ON release_register (dataset, row_variable, banner);
